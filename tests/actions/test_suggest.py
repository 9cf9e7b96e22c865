"""Suggest when unsure, "Bedoel je …?" (actions/suggest.py, issue #27 item 1).

- action_suggest on real rasa_sdk trackers: plausible candidates become buttons whose payloads name
  the answer, plus "Iets anders"; no plausible candidate (or out_of_scope on top, or no word at
  all) gives the honest fallback utter_default.
- The payloads, read by Rasa's own RegexMessageHandler with the project's domain, lead to the
  answer they name (and "/faq/<key>" would not: why choose_answer exists).
- action_choose_answer gives that answer, and utter_default for "Iets anders" or a forged key.
- On a parse made by a real (small) Rasa NLU model, so the fields read are the ones Rasa fills.
- The dialogue rules: tests/test_stories_suggest.yml against a core model trained on the
  project's own domain, rules and stories (a few seconds).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import yaml
from helpers import make_tracker
from rasa.nlu.classifiers.regex_message_handler import RegexMessageHandler
from rasa.shared.core.domain import Domain
from rasa.shared.nlu.training_data.message import Message
from rasa_sdk.executor import CollectingDispatcher

from components.parse_keys import MENTIONS_SUBJECT_KEY
from actions import suggest
from actions.suggest import (
    ActionChooseAnswer,
    ActionOutOfScope,
    ActionSuggest,
    alternative_buttons,
    alternatives,
    candidates,
)

ROOT = Path(__file__).resolve().parents[2]
IETS_ANDERS = '/choose_answer{"antwoord": "geen_antwoord"}'


def _unsure(text: str, intents: list[tuple[str, float]], answers: list[tuple[str, float]], **kwargs):
    """A tracker whose latest message is as Rasa leaves it after the FallbackClassifier: intent
    nlu_fallback, then the classifier's ranking, and the ResponseSelector's ranking of the answers."""
    tracker = make_tracker(text, "nlu_fallback", **kwargs)
    _set_parse(tracker, "nlu_fallback", intents, answers)
    return tracker


def _set_parse(tracker, intent: str, intents: list[tuple[str, float]], answers: list[tuple[str, float]]) -> None:
    ranking = [{"name": name, "confidence": c} for name, c in intents]
    if intent == "nlu_fallback":
        ranking = [{"name": "nlu_fallback", "confidence": 0.9}, *ranking]
    selector = {"ranking": [{"intent_response_key": key, "confidence": c} for key, c in answers]}
    if answers:
        key, confidence = answers[0]
        selector["response"] = {"intent_response_key": key, "confidence": confidence, "utter_action": f"utter_{key}"}
    # make_tracker shares this dict between latest_message and the user event's parse_data.
    tracker.latest_message.update(
        intent={"name": intent, "confidence": ranking[0]["confidence"]},
        intent_ranking=ranking,
        response_selector={"all_retrieval_intents": ["faq"], "faq": selector},
    )


def _ranked(tracker, *ranking: tuple[str, float]) -> None:
    """The ranking components/answer_ranking.py leaves in the parse: every answer with its score."""
    tracker.latest_message["antwoord_ranking"] = [{"antwoord": a, "score": s} for a, s in ranking]


async def _run(action, tracker, domain) -> list[dict]:
    dispatcher = CollectingDispatcher()
    await action.run(dispatcher, tracker, domain)
    return dispatcher.messages


@pytest.fixture(scope="module")
def rasa_domain() -> Domain:
    return Domain.load(str(ROOT / "domain"))


def _regex_parse(payload: str, rasa_domain: Domain) -> Message:
    return RegexMessageHandler().process([Message(data={"text": payload})], domain=rasa_domain)[0]


# --- action_suggest ---------------------------------------------------------------------------------


async def test_close_candidates_become_buttons_that_name_their_answer(domain):
    tracker = _unsure("Wanneer is een tweede spoor nodig?", [("faq", 0.41)], [])
    _ranked(
        tracker,
        ("faq/spoor_2", 0.2),
        ("ask_termijn", 0.19),
        ("faq/duur_spoor_2", 0.15),
        ("faq/kosten_spoor_2", 0.06),
    )
    (message,) = await _run(ActionSuggest(), tracker, domain)
    assert message["response"] == "utter_suggest"
    assert [(b["title"], b["payload"]) for b in message["buttons"]] == [
        ("Wat is spoor 2?", '/choose_answer{"antwoord": "faq/spoor_2"}'),
        ("Wanneer is mijn termijn?", "/ask_termijn"),
        ("Hoe lang duurt spoor 2?", '/choose_answer{"antwoord": "faq/duur_spoor_2"}'),
        ("Iets anders", IETS_ANDERS),
    ]


async def test_at_most_three_candidates_and_nothing_below_the_minimum(domain):
    tracker = _unsure("iets over loon", [("faq", 0.5)], [])
    _ranked(
        tracker,
        ("faq/loon_hoogte", 0.2),
        ("inform_sick_date", 0.12),  # a sick date or a situation leads to the deadlines question
        ("ask_timeline", 0.1),  # the same button once
        ("greet", 0.09),  # small talk gets no button
        ("faq/loondoorbetaling", 0.08),
        ("faq/loonstop", 0.07),
    )
    (message,) = await _run(ActionSuggest(), tracker, domain)
    assert [b["payload"] for b in message["buttons"]] == [
        '/choose_answer{"antwoord": "faq/loon_hoogte"}',
        "/ask_timeline",
        '/choose_answer{"antwoord": "faq/loondoorbetaling"}',
        IETS_ANDERS,
    ]
    _ranked(tracker, ("faq/loon_hoogte", 0.2), ("faq/loonstop", 0.04))  # below the minimum score
    (message,) = await _run(ActionSuggest(), tracker, domain)
    assert [b["payload"] for b in message["buttons"]] == ['/choose_answer{"antwoord": "faq/loon_hoogte"}', IETS_ANDERS]


async def test_a_named_termijn_goes_with_the_guide_button(domain):
    tracker = _unsure("wanneer moet die wia nou", [("ask_termijn", 0.4), ("faq", 0.3)], [("faq/wia", 0.5)])
    tracker.latest_message["entities"] = [{"entity": "termijn", "value": "wia_aanvraag"}]
    (message,) = await _run(ActionSuggest(), tracker, domain)
    assert '/ask_termijn{"termijn": "wia_aanvraag"}' in [b["payload"] for b in message["buttons"]]
    # A value the guide does not know (raw words of the message) never goes into a payload.
    tracker.latest_message["entities"] = [{"entity": "termijn", "value": "die wia van mij"}]
    (message,) = await _run(ActionSuggest(), tracker, domain)
    assert "/ask_termijn" in [b["payload"] for b in message["buttons"]]
    assert not any("van mij" in b["payload"] for b in message["buttons"])


async def test_hr_gets_the_u_form_and_titles_about_their_employee(domain):
    tracker = _unsure("spoor?", [("ask_track", 0.4), ("faq", 0.3)], [("faq/spoor_2", 0.3)], slots={"rol": "werkgever"})
    (message,) = await _run(ActionSuggest(), tracker, domain)
    assert "In welk spoor zit mijn werknemer?" in [b["title"] for b in message["buttons"]]
    (hr_text,) = [v["text"] for v in domain["responses"]["utter_suggest"] if v.get("condition")]
    assert "Bedoelt u" in hr_text


@pytest.mark.parametrize(
    "why, intents, answers, text",
    [
        ("every answer is unlikely", [("faq", 0.04)], [("faq/ontslag", 0.9), ("faq/wia", 0.07)], "ontslag nemen?"),
        ("out of scope on top", [("out_of_scope", 0.42), ("faq", 0.4)], [("faq/wia", 0.6)], "wat is een WW-uitkering"),
        ("small talk only", [("thank", 0.4), ("greet", 0.35)], [], "dank je, tot ziens"),
        ("no word at all", [("affirm", 0.51), ("faq", 0.3)], [("faq/wia", 0.4)], "🙂🙂🙂"),
    ],
)
async def test_no_plausible_candidate_gives_the_honest_fallback(domain, why, intents, answers, text):
    messages = await _run(ActionSuggest(), _unsure(text, intents, answers), domain)
    assert [m.get("response") for m in messages] == ["utter_default"], why
    assert not any(m.get("buttons") for m in messages)


async def test_an_answer_without_a_title_is_left_out_rather_than_shown_bare(domain):
    tracker = _unsure("x y z", [("faq", 0.9)], [("faq/bestaat_niet", 0.6)])
    assert [m.get("response") for m in await _run(ActionSuggest(), tracker, domain)] == ["utter_default"]


def test_candidates_read_nothing_but_the_parse():
    """The same parse gives the same candidates; the message text is not used (only: has it a word)."""
    parse = {
        "text": "willekeurige tekst",
        "antwoord_ranking": [{"antwoord": "ask_track", "score": 0.3}, {"antwoord": "faq/spoor_1", "score": 0.2}],
    }
    assert candidates(parse) == ["ask_track", "faq/spoor_1"]
    assert candidates({**parse, "text": "iets heel anders"}) == ["ask_track", "faq/spoor_1"]
    assert candidates({}) == []


def test_without_the_ranking_component_the_classifier_ranks_alone():
    """A parse of a model without components/answer_ranking.py: intent confidence, and for a fixed
    answer P(faq) x P(answer)."""
    parse = {
        "text": "tekst",
        "intent_ranking": [
            {"name": "nlu_fallback", "confidence": 0.9},
            {"name": "faq", "confidence": 0.5},
            {"name": "ask_track", "confidence": 0.3},
        ],
        "response_selector": {"faq": {"ranking": [{"intent_response_key": "faq/spoor_1", "confidence": 0.8}]}},
    }
    assert suggest.ranking(parse) == [("faq/spoor_1", 0.4), ("ask_track", 0.3)]
    assert candidates(parse) == ["faq/spoor_1", "ask_track"]
    # Rasa's default configuration: the ResponseSelector without retrieval_intent answers under "default".
    parse["response_selector"] = {"default": parse["response_selector"]["faq"]}
    assert suggest.ranking(parse) == [("faq/spoor_1", 0.4), ("ask_track", 0.3)]


# --- the payloads, read by Rasa ------------------------------------------------------------------


def test_every_payload_parses_to_the_answer_it_names(rasa_domain):
    for key in ("faq/spoor_2", "faq/ww_en_ziek", "faq/controlevoorschriften"):
        message = _regex_parse(suggest.choice_payload(key), rasa_domain)
        assert message.get("intent") == {"name": "choose_answer", "confidence": 1.0}
        assert [(e["entity"], e["value"]) for e in message.get("entities")] == [("antwoord", key)]
    message = _regex_parse(IETS_ANDERS, rasa_domain)
    assert [(e["entity"], e["value"]) for e in message.get("entities")] == [("antwoord", "geen_antwoord")]
    for guide in ("ask_track", "ask_timeline", "ask_termijn"):
        button = suggest.button(guide, None, "wia_aanvraag")
        message = _regex_parse(button["payload"], rasa_domain)
        assert message.get("intent")["name"] == guide
    message = _regex_parse(suggest.button("ask_termijn", None, "wia_aanvraag")["payload"], rasa_domain)
    assert [(e["entity"], e["value"]) for e in message.get("entities")] == [("termijn", "wia_aanvraag")]


def test_rasa_does_not_take_faq_slash_key_payloads(rasa_domain):
    """Why the buttons use choose_answer: "/faq/spoor_2" is not an intent of the domain, so Rasa's
    RegexMessageHandler leaves the message to the classifier, and "/faq" drops the answer key."""
    assert _regex_parse("/faq/spoor_2", rasa_domain).get("intent") is None
    plain = _regex_parse("/faq", rasa_domain)
    assert plain.get("intent")["name"] == "faq" and plain.get("response_selector") is None


# --- action_choose_answer -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, expected",
    [
        ("faq/spoor_2", "utter_faq/spoor_2"),
        ("faq/ziektewet_vangnet", "utter_faq/ziektewet_vangnet"),
        ("geen_antwoord", "utter_default"),
        ("faq/bestaat_niet", "utter_default"),  # typed by hand: no such answer
        ("greet", "utter_default"),  # only fixed answers, never another response
        ("faq/../greet", "utter_default"),
    ],
)
async def test_choosing_gives_the_named_answer_or_the_honest_fallback(domain, value, expected):
    tracker = make_tracker(
        suggest.choice_payload(value), "choose_answer", entities=[{"entity": "antwoord", "value": value}]
    )
    assert [m.get("response") for m in await _run(ActionChooseAnswer(), tracker, domain)] == [expected]


async def test_choosing_without_an_answer_entity_is_the_honest_fallback(domain):
    tracker = make_tracker("/choose_answer", "choose_answer")
    assert [m.get("response") for m in await _run(ActionChooseAnswer(), tracker, domain)] == ["utter_default"]


# --- "Of bedoel je …?" beside a direct answer (for action_answer_faq) -------------------------------


def test_alternatives_only_when_another_answer_is_close():
    def parse(*ranking):
        return {"intent": {"name": "faq"}, "antwoord_ranking": [{"antwoord": k, "score": c} for k, c in ranking]}

    assert alternatives(parse(("faq/ziek_op_vakantie", 0.46), ("faq/vakantie", 0.2), ("faq/spoor_1", 0.03))) == [
        "faq/vakantie"
    ]
    # Below a third of the given answer's score: no button.
    assert alternatives(parse(("faq/loondoorbetaling", 0.55), ("faq/verlenging_loondoorbetaling", 0.16))) == []
    # A guide question close behind a fixed answer is offered too; small talk and the answer itself not.
    assert alternatives(parse(("faq/wia", 0.4), ("greet", 0.3), ("ask_termijn", 0.3))) == ["ask_termijn"]
    assert alternatives(parse(("inform_sick_date", 0.5), ("ask_timeline", 0.4))) == []
    assert alternatives(parse(("out_of_scope", 0.3), ("faq/wia", 0.3))) == []


@pytest.mark.parametrize(
    "ranking, offered, why",
    [
        (
            [("faq/wia", 0.45), ("faq/wia_uitkomst", 0.08), ("faq/herbeoordeling", 0.075), ("faq/iva", 0.07)],
            ["faq/wia_uitkomst", "faq/herbeoordeling", "faq/iva"],
            "a given answer below 0.5 is a close call: three answers from 0.15 of its score",
        ),
        (
            [
                ("faq/wia", 0.45),
                ("faq/wia_uitkomst", 0.08),
                ("faq/herbeoordeling", 0.075),
                ("faq/iva", 0.07),
                ("faq/vervroegde_iva", 0.07),
            ],
            ["faq/wia_uitkomst", "faq/herbeoordeling", "faq/iva"],
            "never more than three",
        ),
        ([("faq/wia", 0.45), ("faq/wia_uitkomst", 0.06)], [], "below 0.15 of the given answer's score: none"),
        ([("faq/wia", 0.25), ("faq/wia_uitkomst", 0.045)], [], "and never below the floor of every suggestion"),
        (
            [("faq/wia", 0.55), ("faq/wia_uitkomst", 0.15)],
            [],
            "a given answer of 0.5 and more: a third of it, as before",
        ),
        (
            [("faq/wia", 0.55), ("faq/wia_uitkomst", 0.2)],
            ["faq/wia_uitkomst"],
            "0.2 is more than a third of 0.55: offered",
        ),
    ],
)
def test_a_less_sure_answer_offers_more(ranking, offered, why):
    parse = {"intent": {"name": "faq"}, "antwoord_ranking": [{"antwoord": k, "score": c} for k, c in ranking]}
    assert alternatives(parse) == offered, why


async def test_alternative_buttons_offer_the_close_answers_and_iets_anders():
    tracker = make_tracker("mag ik op vakantie", "faq")
    _ranked(tracker, ("faq/ziek_op_vakantie", 0.4), ("faq/vakantie", 0.34))
    assert [b["payload"] for b in alternative_buttons(tracker)] == [
        '/choose_answer{"antwoord": "faq/vakantie"}',
        IETS_ANDERS,
    ]


# --- action_out_of_scope: a follow-up without our subject's words --------------------------------


def _refused_for_want_of_subject(text: str, *, slots=None):
    """A message whose weak fixed answer made way for out_of_scope (components/answer_ranking.py)."""
    tracker = make_tracker(text, "out_of_scope", slots=slots)
    _set_parse(tracker, "out_of_scope", [("out_of_scope", 0.8), ("faq", 0.15)], [("faq/duur_spoor_2", 0.6)])
    _ranked(tracker, ("faq/duur_spoor_2", 0.2), ("faq/spoor_2", 0.12), ("greet", 0.02))
    tracker.latest_message["onderwerp_ontbreekt"] = True
    return tracker


def _earlier(tracker, intent: str, *, new_session_after: bool = False) -> None:
    """Puts an earlier user message with `intent` before the latest one."""
    earlier = [{"event": "user", "text": "eerder", "parse_data": {"intent": {"name": intent, "confidence": 0.9}}}]
    if new_session_after:
        earlier.append({"event": "session_started"})
    tracker.events[:0] = earlier


async def test_a_follow_up_without_the_subjects_words_gets_the_answers_it_may_mean(domain):
    tracker = _refused_for_want_of_subject("en hoe lang duurt dat?")
    _earlier(tracker, "faq")
    (message,) = await _run(ActionOutOfScope(), tracker, domain)
    assert message["response"] == "utter_suggest"
    assert [b["payload"] for b in message["buttons"]] == [
        '/choose_answer{"antwoord": "faq/duur_spoor_2"}',
        '/choose_answer{"antwoord": "faq/spoor_2"}',
        IETS_ANDERS,
    ]


@pytest.mark.parametrize("intent", ["ask_track", "ask_timeline", "inform_sick_date"])
async def test_after_the_guide_too(domain, intent):
    tracker = _refused_for_want_of_subject("en hoe lang duurt dat?")
    _earlier(tracker, intent)
    (message,) = await _run(ActionOutOfScope(), tracker, domain)
    assert message["response"] == "utter_suggest"


async def test_a_known_first_sick_day_is_a_conversation_about_illness(domain):
    tracker = _refused_for_want_of_subject("en hoe lang duurt dat?", slots={"eerste_ziektedag": "2026-03-02"})
    (message,) = await _run(ActionOutOfScope(), tracker, domain)
    assert message["response"] == "utter_suggest"


@pytest.mark.parametrize(
    "names_subject, response, why",
    [
        (True, "utter_default", "about illness, but no answer of ours: where to go"),
        (False, "utter_out_of_scope", "not about illness: outside what we know"),
        (None, "utter_out_of_scope", "not read by the ranking (a payload typed by hand): nothing to go on"),
    ],
)
async def test_out_of_scope_about_illness_is_a_question_we_have_no_answer_for(domain, names_subject, response, why):
    # Whether the message names our subject is the NLU's reading (components/answer_ranking.py sets it from
    # components/onderwerp.py, tests/components/test_answer_ranking.py checks which texts do); the action reads it.
    tracker = make_tracker("Mag ik sporten als ik ziek ben?", "out_of_scope")
    if names_subject is not None:
        tracker.latest_message[MENTIONS_SUBJECT_KEY] = names_subject
    (message,) = await _run(ActionOutOfScope(), tracker, domain)
    assert message["response"] == response, why


async def test_as_a_first_question_it_is_out_of_scope(domain):
    tracker = _refused_for_want_of_subject("Wat zijn mijn rechten bij een reorganisatie?")
    (message,) = await _run(ActionOutOfScope(), tracker, domain)
    assert message == {**message, "response": "utter_out_of_scope"}
    assert not message.get("buttons")


async def test_a_conversation_about_something_else_or_an_earlier_session_does_not_count(domain):
    tracker = _refused_for_want_of_subject("en hoe lang duurt dat?")
    _earlier(tracker, "greet")
    _earlier(tracker, "faq", new_session_after=True)
    (message,) = await _run(ActionOutOfScope(), tracker, domain)
    assert message["response"] == "utter_out_of_scope"


async def test_out_of_scope_from_the_classifier_itself_stays_out_of_scope(domain):
    tracker = _refused_for_want_of_subject("wat voor weer wordt het morgen")
    del tracker.latest_message["onderwerp_ontbreekt"]
    _earlier(tracker, "faq")
    (message,) = await _run(ActionOutOfScope(), tracker, domain)
    assert message["response"] == "utter_out_of_scope"


# --- a message that answers the guide's open question while it also asks something ------------------


def _answer_that_asks(text: str, intent: str, requested_slot: str, best: str):
    """A message the NLU made `intent` because it asks something (components/answer_ranking.py,
    statement_intents), whose best reading was `best`, while the guide's form asks `requested_slot`."""
    tracker = make_tracker(text, intent, requested_slot=requested_slot, form="guide_form")
    _ranked(tracker, (best, 0.7), ("faq/gedeeltelijk_werken", 0.1), ("greet", 0.02))
    if intent == "out_of_scope":
        tracker.latest_message["onderwerp_ontbreekt"] = True
    return tracker


@pytest.mark.parametrize(
    "text, intent, requested_slot, best, quiet, why",
    [
        ("halve dagen, kan dat?", "out_of_scope", "advies", "inform_advies", True, "the advice, with a question"),
        ("ik ben zwanger, telt dat?", "nlu_fallback", "situatie", "inform_situatie", True, "the situation, asked"),
        ("halve dagen, kan dat?", "out_of_scope", "eerste_ziektedag", "inform_advies", False, "another question open"),
        ("halve dagen, kan dat?", "out_of_scope", None, "inform_advies", False, "no question open"),
        ("mag ik minder werken?", "out_of_scope", "advies", "faq/gedeeltelijk_werken", False, "read as a question"),
    ],
)
async def test_an_answer_to_the_open_question_is_left_to_the_form(
    domain, text, intent, requested_slot, best, quiet, why
):
    tracker = _answer_that_asks(text, intent, requested_slot, best)
    if best.startswith("faq/"):
        _ranked(tracker, (best, 0.7), ("inform_advies", 0.1))
    for action in (ActionOutOfScope(), ActionSuggest()):
        said = await _run(action, tracker, domain)
        assert (said == []) is quiet, (why, action.name())


# --- the titles (domain/suggest.yml) ------------------------------------------------------------


def test_every_fixed_answer_has_a_short_title_and_every_title_an_answer(rasa_domain):
    answers = {name[len("utter_") :] for name in rasa_domain.responses if name.startswith("utter_faq/")}
    titles = suggest.suggest_data()["antwoordtitels"]
    assert answers, "no fixed answers found in domain/"
    assert sorted(answers - set(titles)) == [], "answers without a title in domain/suggest.yml"
    assert sorted(set(titles) - answers) == [], "titles for answers that do not exist"
    assert all(0 < len(t) <= 45 for t in titles.values()), [t for t in titles.values() if len(t) > 45]
    assert len(set(titles.values())) == len(titles), "two answers with the same title"


# --- a title changed on disk is in the next reply, without a restart ------------------------------


@pytest.fixture
def titles_file(tmp_path, monkeypatch):
    """A copy of domain/suggest.yml that the action reads, looked at on every call."""
    path = tmp_path / "suggest.yml"
    path.write_text(suggest.SUGGEST_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(suggest, "TITLES", suggest.TitlesOnDisk(path, check_every=0))
    return path


def _rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _title_of(answer: str) -> str:
    return suggest.button(answer, None)["title"]


def test_a_changed_title_is_in_the_next_button(titles_file):
    assert _title_of("faq/spoor_2") == "Wat is spoor 2?"
    _rewrite(titles_file, '"Wat is spoor 2?"', '"Spoor 2: werk bij een andere werkgever"')
    assert _title_of("faq/spoor_2") == "Spoor 2: werk bij een andere werkgever"
    _rewrite(titles_file, '"Iets anders"', '"Iets anders vragen"')
    assert suggest.something_else_button()["title"] == "Iets anders vragen"


@pytest.mark.parametrize(
    "breakage",
    [
        "antwoordtitels: [niet: afgesloten",  # a YAML typo
        "",  # an empty (half-saved) file
        "iets_anders: Iets anders\n",  # the answers' titles are gone
        "antwoordtitels: {faq/spoor_2: 12}\ngidstitels: {}\niets_anders: x\n",  # no text, no guide titles
    ],
)
def test_a_file_that_does_not_load_keeps_the_last_titles_and_the_log_names_only_the_file(titles_file, breakage, caplog):
    assert _title_of("faq/spoor_2") == "Wat is spoor 2?"
    titles_file.write_text(breakage + "# geheim-woord", encoding="utf-8")
    with caplog.at_level("WARNING", logger="actions.suggest"):
        assert _title_of("faq/spoor_2") == "Wat is spoor 2?"
        assert _title_of("ask_track") == "In welk spoor zit ik?"
    assert [r.getMessage() for r in caplog.records] == ["suggest.yml laadt niet; de vorige knoptitels blijven staan."]
    # Tried once per change: the next calls do not read or warn again until the file changes.
    caplog.clear()
    _title_of("faq/spoor_2")
    assert caplog.records == []


def test_the_file_is_read_again_only_when_it_changed(titles_file, monkeypatch):
    reads = []
    real_load = suggest.yaml.safe_load
    monkeypatch.setattr(suggest.yaml, "safe_load", lambda text: reads.append(1) or real_load(text))
    for _ in range(5):
        _title_of("faq/spoor_2")
    assert len(reads) == 1
    _rewrite(titles_file, '"Wat is spoor 2?"', '"Spoor 2"')
    _title_of("faq/spoor_2")
    assert len(reads) == 2


def test_within_the_second_the_file_is_not_even_looked_at(tmp_path):
    path = tmp_path / "suggest.yml"
    path.write_text(suggest.SUGGEST_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    titles = suggest.TitlesOnDisk(path, check_every=3600)
    first = titles.data()["antwoordtitels"]["faq/spoor_2"]
    _rewrite(path, '"Wat is spoor 2?"', '"Spoor 2"')
    assert titles.data()["antwoordtitels"]["faq/spoor_2"] == first


def test_without_any_titles_the_action_server_says_so_at_once(tmp_path):
    path = tmp_path / "suggest.yml"
    path.write_text("antwoordtitels: [kapot", encoding="utf-8")
    with pytest.raises(yaml.YAMLError):
        suggest.TitlesOnDisk(path).data()


def test_the_domain_declares_what_the_buttons_use(rasa_domain):
    assert "choose_answer" in rasa_domain.intents and "antwoord" in rasa_domain.entities
    assert {"action_suggest", "action_choose_answer"} <= set(rasa_domain.user_actions)
    assert {"utter_suggest", "utter_suggest_alternatives", "utter_default"} <= set(rasa_domain.responses)


# --- on a real Rasa parse ---------------------------------------------------------------------------


def test_on_a_parse_made_by_rasa(tmp_path, domain):
    """The fields the action reads are the ones a real Rasa NLU model fills (a small model, ~10 s)."""
    from rasa.core.agent import Agent

    from tests.server.toy_nlu import train_toy_model

    config = """
    recipe: default.v1
    language: nl
    assistant_id: suggest_test
    pipeline:
      - name: WhitespaceTokenizer
      - name: CountVectorsFeaturizer
        analyzer: char_wb
        min_ngram: 2
        max_ngram: 4
      - name: DIETClassifier
        epochs: 30
        random_seed: 1
      - name: ResponseSelector
        retrieval_intent: faq
        epochs: 30
        random_seed: 1
      - name: FallbackClassifier
        threshold: 0.999999
    policies: []
    """
    agent = Agent.load(train_toy_model(tmp_path, config))
    parse = asyncio.run(agent.parse_message("wat houdt spoor 2 in"))
    tracker = make_tracker("wat houdt spoor 2 in", parse["intent"]["name"])
    tracker.latest_message.update(parse)
    assert tracker.latest_message["response_selector"]["faq"]["ranking"][0]["intent_response_key"] == "faq/spoor_2"
    assert candidates(tracker.latest_message)[0] == "faq/spoor_2"
    messages = asyncio.run(_run(ActionSuggest(), tracker, domain))
    assert messages[0]["buttons"][0] == {
        "title": "Wat is spoor 2?",
        "payload": '/choose_answer{"antwoord": "faq/spoor_2"}',
    }


# --- the dialogue rules -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def core_agent(tmp_path_factory):
    """The project's dialogue (domain/, data/ rules and stories, config.yml policies), no NLU."""
    from rasa.core.agent import Agent
    from rasa.model_training import train_core

    out = tmp_path_factory.mktemp("core")
    model = train_core(
        domain=str(ROOT / "domain"),
        config=str(ROOT / "config.yml"),
        stories=str(ROOT / "data"),
        output=str(out),
        fixed_model_name="core",
    )
    return Agent.load(model)


def test_the_conversation_stories_hold_for_the_dialogue_rules(core_agent, tmp_path):
    """tests/test_stories_suggest.yml with the intents as written (the user texts need the full model)."""
    from rasa.core.test import test as rasa_test_core

    stories = yaml.safe_load((ROOT / "tests/test_stories_suggest.yml").read_text(encoding="utf-8"))
    for story in stories["stories"]:
        for step in story["steps"]:
            step.pop("user", None)
    path = tmp_path / "stories.yml"
    path.write_text(yaml.safe_dump(stories, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    result = asyncio.run(rasa_test_core(str(path), core_agent, out_directory=str(out), disable_plotting=True))
    failed = (out / "failed_test_stories.yml").read_text(encoding="utf-8")
    assert "story:" not in failed, failed
    assert result["accuracy"] == 1.0


def test_a_long_message_s_other_question_comes_first_among_the_alternatives():
    parse = {
        "intent": {"name": "faq"},
        "antwoord_ranking": [
            {"antwoord": "faq/deskundigenoordeel", "score": 0.6},
            {"antwoord": "faq/wia", "score": 0.3},
        ],
        "tweede_vraag": "faq/ziektewet_vangnet",
    }
    assert alternatives(parse) == ["faq/ziektewet_vangnet", "faq/wia"]
    assert alternatives({**parse, "tweede_vraag": "faq/deskundigenoordeel"}) == ["faq/wia"]  # not the answer given


def test_the_actions_read_the_keys_the_ranking_writes():
    """actions/ does not import components/ (they run in different servers); the names must agree."""
    from components import answer_ranking

    assert (suggest.RANKING_KEY, suggest.SECOND_QUESTION_KEY, suggest.SUBJECT_MISSING_KEY) == (
        answer_ranking.RANKING_KEY,
        answer_ranking.SECOND_QUESTION_KEY,
        answer_ranking.SUBJECT_MISSING_KEY,
    )
