"""The dossier check in the chat (issue #29) with CollectingDispatcher and real rasa_sdk trackers.

The expected deadlines are worked out here from the law as the README states it (probleemanalyse end of
week 6; plan van aanpak 2 weeks after a known probleemanalyse; 42e-weeksmelding the first workday from
day 295), not copied from the code. `Conversation` plays Rasa's form loop the way rasa/core/actions/forms.py
does: prefill, the validation action (at activation and after each message), then the question for the
requested slot, or the answer when none is left; a validation without any slot event is a rejection.
"""

from __future__ import annotations

import inspect
from datetime import date, timedelta
from typing import Any

import pytest
from helpers import make_tracker, texts
from rasa_sdk import Action
from rasa_sdk.executor import CollectingDispatcher

import actions.dossiercheck as dossiercheck_actions
import actions.guide_form as guide_form
import actions.guide_questions as guide_questions
from actions import dossiercheck_text as words
from actions.dossiercheck import (
    FORM,
    READY,
    ActionAnswerDossiercheck,
    ActionPrefillDossiercheck,
    ValidateDossiercheckForm,
    role_hint,
)
from actions.phrasing import PERSONAL_ONLY_IN_PRIVATE
from poortwachter import datum_nl
from poortwachter.dossiercheck import DOCUMENTEN, NIET_GEDAAN, ONBEKEND

ON = "2026-11-23 12:00"  # a Monday
TODAY = date(2026, 11, 23)
FIRST = date(2026, 1, 26)  # a Monday: day 302 on TODAY, week 44
PA = date(2026, 2, 10)  # within week 6 (ends day 42 = 8 March 2026): on time
PVA = date(2026, 3, 2)  # PA + 2 weeks = 24 February 2026: 6 days late
MELDING_42 = FIRST + timedelta(days=294)  # day 295 = Monday 16 November 2026, a workday
STOPPING = {"crisis", "goodbye", "erase_conversation", "confirm_erase"}  # their rules stop the form (data/rules)
ASK_ACTIONS = {
    cls().name(): cls
    for module in (guide_questions, dossiercheck_actions)
    for cls in vars(module).values()
    if inspect.isclass(cls) and issubclass(cls, Action) and cls.__module__ == module.__name__ and cls is not Action
}


def button_message(document: str, status: str) -> tuple[str, str, list[dict]]:
    """What Rasa's RegexMessageHandler makes of a document button's payload."""
    payload = f'/inform_document{{"document": "{document}", "document_status": "{status}"}}'
    entities = [{"entity": "document", "value": document}, {"entity": "document_status", "value": status}]
    return payload, "inform_document", entities


class Conversation:
    """One conversation's slots, and Rasa's form loop around our actions."""

    def __init__(self, domain: dict, *, on: str = ON, channel: str = "rest", metadata: dict | None = None, **slots):
        self.domain, self.on, self.channel, self.metadata = domain, on, channel, metadata
        self.slots: dict[str, Any] = dict(slots)
        self.active = False
        self.messages: list[dict] = []  # everything the bot said in the last turn
        self.rejected = False

    def tracker(self, text: str, intent: str, entities: list[dict] | None, turned_down: bool = False):
        """The tracker Rasa gives the form's actions: the form itself is the latest action
        (FormAction._temporary_tracker); after a rejection, the rejection and the rule's answer follow the message."""
        slots = {k: v for k, v in self.slots.items() if k != "requested_slot"}
        tracker = make_tracker(
            text,
            intent,
            on=self.on,
            slots=slots,
            entities=entities,
            requested_slot=self.slots.get("requested_slot"),
            form=FORM if self.active else None,
            channel=self.channel,
            metadata=self.metadata,
        )
        if turned_down:
            tracker.events += [
                {"event": "action_execution_rejected", "name": FORM},
                {"event": "action", "name": "utter_faq"},
                {"event": "action", "name": FORM},
            ]
        tracker.latest_action_name = FORM
        return tracker

    def apply(self, events: list[dict]) -> None:
        for event in events:
            if event.get("event") == "slot":
                self.slots[event["name"]] = event["value"]

    async def run(self, action: Action, tracker) -> list[dict]:
        dispatcher = CollectingDispatcher()
        events = await action.run(dispatcher, tracker, self.domain)
        self.messages += dispatcher.messages
        self.apply(events)
        return events

    async def say(self, text: str, intent: str = "inform_sick_date", entities: list[dict] | None = None) -> str:
        self.messages, self.rejected = [], False
        if not self.active:
            assert intent in ("ask_dossiercheck", "inform_document"), "the rules start the check with these"
            await self.run(ActionPrefillDossiercheck(), self.tracker(text, intent, entities))
            self.slots["requested_slot"] = None
        events = await self.run(ValidateDossiercheckForm(), self.tracker(text, intent, entities))
        if self.active and not any(e["name"] != "requested_slot" for e in events if e.get("event") == "slot"):
            # Rasa's FormAction rejects: a rule answers the message, and stops the form or runs it again.
            self.rejected = True
            if intent in STOPPING:
                self.active = False
                return texts_of(self.messages)
            await self.run(ValidateDossiercheckForm(), self.tracker(text, intent, entities, turned_down=True))
        self.active = True
        requested = self.slots.get("requested_slot")
        tracker = self.tracker(text, intent, entities)
        if requested is None:
            self.active = False
            await self.run(ActionAnswerDossiercheck(), tracker)
        elif f"utter_ask_{FORM}_{requested}" in self.domain["responses"]:
            self.messages.append({"response": f"utter_ask_{FORM}_{requested}"})
        else:
            name = f"action_ask_{FORM}_{requested}"
            await self.run(ASK_ACTIONS.get(name, ASK_ACTIONS.get(f"action_ask_{requested}"))(), tracker)
        return texts_of(self.messages)

    async def click(self, document: str, status: str) -> str:
        return await self.say(*button_message(document, status))

    @property
    def asked(self) -> str | None:
        return self.slots.get("requested_slot")

    def custom(self) -> dict | None:
        return next((m["custom"] for m in self.messages if m.get("custom")), None)


def texts_of(messages: list[dict]) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in messages)


HR_QUESTION = (
    f"Ik werk bij HR. Onze medewerker is sinds {datum_nl(FIRST)} ziek, de bedrijfsarts zegt aangepast werk. "
    "Probleemanalyse 10 februari, plan van aanpak 2 maart. Is ons dossier op orde?"
)


# --- reading documents from words -----------------------------------------------------------------


def test_every_document_of_the_rules_package_has_words():
    assert set(DOCUMENTEN) <= set(words.DOCUMENT_WORDS), set(DOCUMENTEN) - set(words.DOCUMENT_WORDS)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "probleemanalyse 10 april, plan van aanpak 2 mei",
            {"probleemanalyse": "--04-10", "plan_van_aanpak": "--05-02"},
        ),
        ("we hebben de 42e-weeksmelding vergeten, wat nu?", {"melding_42e_week": NIET_GEDAAN}),
        ("PA 10-4-2025, PvA 2 mei 2025", {"probleemanalyse": "2025-04-10", "plan_van_aanpak": "2025-05-02"}),
        (
            "geen eerstejaarsevaluatie en de wia-aanvraag weet ik niet",
            {"eerstejaarsevaluatie": NIET_GEDAAN, "wia_aanvraag": ONBEKEND},
        ),
        ("het plan van aanpak is bijgesteld op 3 juni 2025", {"bijstelling_plan_van_aanpak": "2025-06-03"}),
        ("spoor 2 is nog niet gestart", {"start_spoor_2": NIET_GEDAAN}),
        ("de 42e weeks melding is niet op tijd gedaan", {}),  # late is no "not done": the date is asked
        ("mijn pa is sinds 10 april ziek", {}),  # "pa" in lower case is a word, not the probleemanalyse
        ("is ons re-integratiedossier op orde?", {}),
    ],
)
def test_documents_and_their_values_are_read_from_one_message(text, expected):
    assert words.read_documents(text, TODAY).documenten == expected


def test_document_dates_stay_out_of_the_rest_of_the_message():
    read = words.read_documents(
        "Ze is sinds 3 maart 2025 ziek. Probleemanalyse 10 april, plan van aanpak 2 mei.", TODAY
    )
    assert "3 maart 2025" in read.rest and "10 april" not in read.rest and "2 mei" not in read.rest


def test_an_impossible_document_date_is_explained_and_not_kept():
    read = words.read_documents("probleemanalyse 31 april 2026", TODAY, {"probleemanalyse": "Probleemanalyse"})
    assert read.documenten == {} and "31 april" in read.problemen[0] and "bestaat niet" in read.problemen[0]


@pytest.mark.parametrize(
    "answer, expected",
    [
        ("niet gedaan", NIET_GEDAAN),
        ("nee, die is er niet", NIET_GEDAAN),
        ("weet ik niet", ONBEKEND),
        ("geen idee", ONBEKEND),
        ("10 april 2026", "2026-04-10"),
        ("gisteren", "2026-11-22"),
        ("wat bedoel je?", None),
    ],
)
def test_a_whole_answer_to_one_document_question(answer, expected):
    assert words.read_answer(answer, TODAY) == expected


def test_a_day_without_year_gets_the_one_year_that_fits_the_case():
    assert words.settle("--04-10", date(2026, 3, 3), TODAY, "Probleemanalyse") == "2026-04-10"
    with pytest.raises(words.NeedsYear, match="10 april 2025 of 10 april 2026"):
        words.settle("--04-10", date(2025, 3, 3), TODAY, "Probleemanalyse")
    # before the sick day in every year: the most recent one, so that the rules say what is wrong with it
    assert words.settle("--01-05", date(2026, 1, 26), TODAY, "Probleemanalyse") == "2026-01-05"


@pytest.mark.parametrize(
    "text, role",
    [
        ("is ons re-integratiedossier op orde?", "werkgever"),
        ("we hebben de 42e-weeksmelding vergeten, wat nu?", "werkgever"),
        ("is het dossier van mijn werknemer compleet?", "werkgever"),
        ("is mijn re-integratiedossier op orde?", "werknemer"),
        ("heeft mijn werkgever alles op tijd gedaan?", "werknemer"),
        ("is het re-integratiedossier op orde?", None),
    ],
)
def test_who_asks(text, role):
    assert role_hint(text) == role


# --- HR: the whole conversation ------------------------------------------------------------------


DIRECT_MESSAGE = {"channel": "slack", "metadata": {"personal_chat": True}}  # Slack and Teams get it all as text


async def test_hr_gives_case_and_two_documents_in_one_message_and_only_the_missing_one_is_asked(domain):
    talk = Conversation(domain, **DIRECT_MESSAGE)
    said = await talk.say(HR_QUESTION, "ask_dossiercheck")
    assert talk.slots["rol"] == "werkgever"
    assert talk.slots["eerste_ziektedag"] == FIRST.isoformat()  # "10 februari" is no first sick day
    assert talk.slots["advies"] == "aangepast_werk"
    assert talk.slots["documenten"] == {"probleemanalyse": PA.isoformat(), "plan_van_aanpak": PVA.isoformat()}
    # Only the 42e-weeksmelding was due and unknown (the eerstejaarsevaluatie is due at the end of week 52).
    assert talk.asked == "dossier_document" and talk.slots["dossier_gevraagd"] == "melding_42e_week"
    assert "42e-weeksmelding" in said and datum_nl(MELDING_42) in said
    assert [b["title"] for b in talk.messages[-1]["buttons"]] == ["Niet gedaan", "Weet ik niet"]
    assert "meer stukken tegelijk" not in said  # they just did

    said = await talk.click("melding_42e_week", NIET_GEDAAN)
    assert talk.asked is None and talk.slots["dossier_document"] == READY
    # in order, late (6 days after PA + 2 weeks), missing (since 16 November), the risk, sources, "u"
    assert "**In orde:**" in said and "Probleemanalyse" in said
    late = next(line for line in said.splitlines() if "Plan van aanpak" in line and "Te laat" in line)
    assert "6 dagen" in late and datum_nl(PA + timedelta(weeks=2)) in late and "bron:" in late
    missing = next(line for line in said.splitlines() if "42e-weeksmelding" in line and "Ontbreekt" in line)
    assert datum_nl(MELDING_42) in missing
    assert "Wat nu:" in said and "42e-weeksmelding nu alsnog" in said
    assert "Risico op een loonsanctie:" in said and "52 weken" in said and "Wet WIA, art. 25 lid 9" in said
    assert "uw werknemer" in said.lower() and " je " not in f" {said.lower()} "
    assert talk.custom() is None  # no widget in Slack


async def test_the_web_chat_gets_the_verdict_as_text_and_every_document_for_the_widget(domain):
    talk = Conversation(domain, channel="rest")
    await talk.say(HR_QUESTION, "ask_dossiercheck")
    said = await talk.click("melding_42e_week", NIET_GEDAAN)
    assert "Oordeel: Risico op een loonsanctie" in said and "Hieronder staat per stuk" in said
    payload = talk.custom()
    assert payload["type"] == "spoorwijzer_dossiercheck" and payload["oordeel"] == "risico_loonsanctie"
    documents = {d["naam"]: d for d in payload["documenten"]}
    assert [d["naam"] for d in payload["documenten"]][:3] == ["probleemanalyse", "plan_van_aanpak", "melding_42e_week"]
    assert (documents["plan_van_aanpak"]["status"], documents["plan_van_aanpak"]["status_tekst"]) == (
        "te_laat",
        "Te laat (6 dagen)",
    )
    assert documents["plan_van_aanpak"]["uiterlijk"] == (PA + timedelta(weeks=2)).isoformat()
    assert documents["melding_42e_week"]["status"] == "ontbreekt" and documents["melding_42e_week"]["actie"]
    assert documents["probleemanalyse"]["status"] == "op_tijd" and documents["probleemanalyse"]["actie"] is None
    assert documents["eerstejaarsevaluatie"]["status"] == "nog_niet_nodig"
    assert all(d["bron"] and d["bron_url"].startswith("https://") for d in payload["documenten"])
    assert payload["wat_nu"] and "52 weken" in payload["loonsanctie"] and payload["niet_te_controleren"]


async def test_a_question_in_between_is_answered_by_the_rules_and_asked_again(domain):
    talk = Conversation(domain, **DIRECT_MESSAGE)
    await talk.say(HR_QUESTION, "ask_dossiercheck")
    said = await talk.say("wat is een plan van aanpak?", "faq")
    assert talk.rejected, "the form must let the faq rule answer"
    assert "42e-weeksmelding" in said and talk.slots["dossier_gevraagd"] == "melding_42e_week"  # asked again
    assert talk.slots["documenten"] == {"probleemanalyse": PA.isoformat(), "plan_van_aanpak": PVA.isoformat()}
    said = await talk.say("nee hoor, die is op 18 november gedaan", "deny")
    assert talk.slots["documenten"]["melding_42e_week"] == "2026-11-18"
    assert "Te laat (2 dagen)" in said  # 16 November was the first workday from day 295


async def test_several_documents_in_one_answer_and_a_typed_date_is_no_new_sick_day(domain):
    # week 91: the guide's question about a prospect within 3 months was answered earlier
    talk = Conversation(
        domain, rol="werkgever", eerste_ziektedag=date(2025, 3, 3).isoformat(), advies="eigen_werk", perspectief=False
    )
    said = await talk.say("is het dossier op orde?", "ask_dossiercheck")
    assert talk.slots["dossier_gevraagd"] == "probleemanalyse" and "U mag ook meer stukken tegelijk noemen" in said
    await talk.say("10 april 2025", "inform_sick_date")  # the NLU calls a lone date a sick date
    assert talk.slots["eerste_ziektedag"] == "2025-03-03"
    assert talk.slots["documenten"] == {"probleemanalyse": "2025-04-10"}
    assert talk.slots["dossier_gevraagd"] == "plan_van_aanpak"
    await talk.say(
        "plan van aanpak 2 mei 2025, 42e-weeksmelding 20 december 2025 en de eerstejaarsevaluatie 1 maart 2026"
    )
    assert talk.slots["documenten"] == {
        "probleemanalyse": "2025-04-10",
        "plan_van_aanpak": "2025-05-02",
        "melding_42e_week": "2025-12-20",
        "eerstejaarsevaluatie": "2026-03-01",
    }
    assert talk.slots["dossier_gevraagd"] not in talk.slots["documenten"]


# --- bad input: a clear question again, nothing computed from it ---------------------------------------


@pytest.mark.parametrize(
    "answer, fragment",
    [
        (f"op {datum_nl(FIRST - timedelta(days=10))}", "vóór de eerste ziektedag"),
        ("op 1 december 2026", "toekomst"),
        ("31 februari 2026", "bestaat niet"),
    ],
)
async def test_a_date_that_cannot_be_right_is_explained_and_asked_again(domain, answer, fragment):
    talk = Conversation(domain, rol="werkgever", eerste_ziektedag=FIRST.isoformat(), advies="eigen_werk")
    await talk.say("is ons dossier op orde?", "ask_dossiercheck")
    assert talk.slots["dossier_gevraagd"] == "probleemanalyse"
    said = await talk.say(answer)
    assert fragment in said
    assert "probleemanalyse" not in (talk.slots.get("documenten") or {})
    assert talk.asked == "dossier_document" and talk.slots["dossier_gevraagd"] == "probleemanalyse"
    assert "op welke datum is dit gedaan" in said


async def test_a_day_that_fits_two_years_asks_for_the_year(domain):
    talk = Conversation(domain, rol="werkgever", eerste_ziektedag="2025-03-03", advies="eigen_werk", perspectief=False)
    said = await talk.say("is het dossier op orde? probleemanalyse 10 april", "ask_dossiercheck")
    assert "10 april 2025 of 10 april 2026" in said
    assert "probleemanalyse" not in (talk.slots.get("documenten") or {})
    assert talk.slots["dossier_gevraagd"] == "probleemanalyse"


async def test_words_that_are_no_answer_get_a_question_again(domain):
    talk = Conversation(domain, rol="werkgever", eerste_ziektedag=FIRST.isoformat(), advies="eigen_werk")
    await talk.say("is ons dossier op orde?", "ask_dossiercheck")
    said = await talk.say("blauwe bananen", "inform_sick_date")
    assert (
        not talk.rejected and "Dat kan ik niet plaatsen" in said and talk.slots["dossier_gevraagd"] == "probleemanalyse"
    )


# --- the employee ------------------------------------------------------------------------------------


async def test_an_employee_is_asked_the_advice_and_gets_the_checklist_in_plain_words(domain):
    talk = Conversation(domain, channel="teams", metadata={"personal_chat": True})
    await talk.say(f"is mijn re-integratiedossier op orde? ik ben sinds {datum_nl(FIRST)} ziek", "ask_dossiercheck")
    assert talk.slots["rol"] == "werknemer" and talk.asked == "advies"
    said = await talk.say(
        '/inform_advies{"advies": "eigen_werk"}', "inform_advies", [{"entity": "advies", "value": "eigen_werk"}]
    )
    assert talk.slots["dossier_gevraagd"] == "probleemanalyse" and "Weet je het niet" in said
    await talk.say("10 februari", "inform_sick_date")
    assert talk.slots["documenten"]["probleemanalyse"] == PA.isoformat()
    await talk.say("weet ik niet", "out_of_scope")  # whatever intent it gets: the words answer
    assert talk.slots["documenten"]["plan_van_aanpak"] == ONBEKEND
    said = await talk.click("melding_42e_week", NIET_GEDAAN)
    assert talk.asked is None
    assert "Je zit in week 44" in said and "uw werknemer" not in said.lower() and "je weet niet of dit er is" in said
    assert "je werkgever" in said.lower() and "Risico op een loonsanctie:" in said


# --- privacy, channels ----------------------------------------------------------------------------------


async def test_in_a_shared_channel_nothing_is_read_asked_or_kept(domain):
    talk = Conversation(domain, channel="slack", metadata={"personal_chat": False})
    said = await talk.say(HR_QUESTION, "ask_dossiercheck")
    assert said == PERSONAL_ONLY_IN_PRIVATE
    assert not any(talk.slots.get(name) for name in ("eerste_ziektedag", "advies", "documenten"))


async def test_slack_in_a_direct_message_gets_the_checklist_without_the_widget_payload(domain):
    talk = Conversation(domain, channel="slack", metadata={"personal_chat": True})
    await talk.say(HR_QUESTION, "ask_dossiercheck")
    said = await talk.click("melding_42e_week", ONBEKEND)
    assert "Plan van aanpak" in said and talk.custom() is None


async def test_medical_words_get_the_privacy_note_and_only_the_date_is_kept(domain):
    talk = Conversation(domain, rol="werkgever", eerste_ziektedag=FIRST.isoformat(), advies="eigen_werk")
    await talk.say("is ons dossier op orde?", "ask_dossiercheck")
    await talk.say("de probleemanalyse was 10 februari, hij heeft een hernia", "share_medical_details")
    assert any(m.get("response") == "utter_privacy_no_medical" for m in talk.messages)
    assert talk.slots["documenten"] == {"probleemanalyse": PA.isoformat()}


async def test_a_crisis_is_never_an_answer(domain):
    talk = Conversation(domain, rol="werkgever", eerste_ziektedag=FIRST.isoformat(), advies="eigen_werk")
    await talk.say("is ons dossier op orde?", "ask_dossiercheck")
    await talk.say("probleemanalyse 10 februari en ik wil niet meer leven", "crisis")
    assert talk.rejected and not talk.slots.get("documenten")


async def test_documents_of_another_case_are_forgotten(domain):
    talk = Conversation(
        domain,
        rol="werkgever",
        eerste_ziektedag="2025-03-03",
        advies="eigen_werk",
        documenten={"probleemanalyse": "2025-04-10"},
    )
    await talk.say(
        f"en mijn andere werknemer, sinds {datum_nl(FIRST)} ziek: is dat dossier op orde?", "ask_dossiercheck"
    )
    assert talk.slots["eerste_ziektedag"] == FIRST.isoformat() and not talk.slots.get("documenten")


async def test_the_answer_without_a_sick_day_asks_for_it(domain, dispatcher):
    tracker = make_tracker("/ask_dossiercheck", "ask_dossiercheck", channel="rest", slots={"rol": "werkgever"})
    await ActionAnswerDossiercheck().run(dispatcher, tracker, domain)
    assert "eerste ziektedag van uw werknemer" in texts(dispatcher)


# --- more of the conversation --------------------------------------------------------------------------


async def test_without_any_hint_the_role_is_asked_first(domain):
    talk = Conversation(domain)
    said = await talk.say("is het re-integratiedossier op orde?", "ask_dossiercheck")
    assert talk.asked == "rol" and said == "utter_ask_dossiercheck_form_rol"
    said = await talk.say("nee", "deny")
    assert talk.asked == "rol" and words.ROLE_NOT_UNDERSTOOD in said and not talk.rejected
    said = await talk.say('/inform_rol{"rol": "werkgever"}', "inform_rol", [{"entity": "rol", "value": "werkgever"}])
    assert talk.slots["rol"] == "werkgever" and "eerste ziektedag van uw werknemer" in said


async def test_an_estimated_sick_day_is_confirmed_first(domain):
    talk = Conversation(domain, rol="werkgever")
    said = await talk.say("is ons dossier op orde? ze is al 10 maanden ziek", "ask_dossiercheck")
    assert talk.asked == "schatting_bevestigd" and "Mag ik daarmee rekenen" in said
    said = await talk.say("ja", "affirm")
    assert talk.slots["eerste_ziektedag"] == "2026-01-23" and talk.asked == "advies"  # 10 months before 23 Nov


async def test_date_problems_are_said_with_u_to_hr_and_a_future_word_is_no_sick_day(domain):
    talk = Conversation(domain, rol="werkgever", eerste_ziektedag=FIRST.isoformat(), advies="eigen_werk")
    await talk.say("is ons dossier op orde?", "ask_dossiercheck")
    said = await talk.say("31 februari")
    assert "Wilt u" in said and "Wil je" not in said
    said = await talk.say("morgen")
    assert "toekomst" in said and "eerste ziektedag" not in said.split("**")[0]
    assert talk.slots["dossier_gevraagd"] == "probleemanalyse"


async def test_a_correction_after_the_checklist_checks_again(domain):
    talk = Conversation(domain, **DIRECT_MESSAGE)
    await talk.say(HR_QUESTION, "ask_dossiercheck")
    await talk.click("melding_42e_week", NIET_GEDAAN)
    corrected = PA + timedelta(days=5)  # the plan van aanpak is then due 2 weeks later: 1 day late
    said = await talk.say(f"de probleemanalyse was trouwens op {datum_nl(corrected)}", "inform_document")
    assert talk.slots["documenten"]["probleemanalyse"] == corrected.isoformat()
    assert "Te laat (1 dag)" in said


def test_the_guide_lets_the_dossier_question_through():
    """Asked while the guide asks its questions, the dossier question must reach its own rule: the guide's
    form has to turn it down. Needs "ask_dossiercheck" and "inform_document" in DIGRESSIONS
    (actions/guide_form.py)."""
    assert {"ask_dossiercheck", "inform_document"} <= guide_form.DIGRESSIONS


# --- plain Dutch ---------------------------------------------------------------------------------------


def _checks():
    """A check per verdict: risk of a loonsanctie, attention needed (only the melding), in order, nothing due."""
    from poortwachter import compute_tijdlijn
    from poortwachter.dossiercheck import check_dossier

    t = compute_tijdlijn(FIRST, TODAY, "aangepast_werk")
    on_time_plan = (PA + timedelta(weeks=2)).isoformat()
    early = compute_tijdlijn(TODAY - timedelta(days=20), TODAY, "eigen_werk")
    return [
        (check_dossier(t.invoer, {"probleemanalyse": PA, "plan_van_aanpak": PVA.isoformat()}), t),
        (
            check_dossier(
                t.invoer, {"probleemanalyse": PA, "plan_van_aanpak": on_time_plan, "melding_42e_week": ONBEKEND}
            ),
            t,
        ),
        (
            check_dossier(
                t.invoer, {"probleemanalyse": PA, "plan_van_aanpak": on_time_plan, "melding_42e_week": MELDING_42}
            ),
            t,
        ),
        (check_dossier(early.invoer, {}), early),
    ]


@pytest.mark.parametrize("role", ["werkgever", "werknemer"])
def test_our_own_sentences_are_b1(role):
    """Flesch-Douma 60 or more (tests/domain/readability.py), as for every fixed answer: the questions, the
    risk in plain words for each verdict, the text above the widget, and the employee's whole checklist."""
    from tests.domain.readability import flesch_douma

    checks = _checks()
    assert {c.oordeel for c, _ in checks} == {
        "risico_loonsanctie",
        "aandacht_nodig",
        "op_orde",
        "nog_niet_te_beoordelen",
    }
    texts = [
        words.sick_day_question(role),
        words.answer_not_understood(role),
        words.document_question(checks[0][0].documenten["melding_42e_week"], role, first=True),
    ]
    for check, t in checks:
        texts += [
            words.loonsanctie_risk(check, role),
            words.checklist_intro(check, t, role),
            *words.next_actions(check, role),
        ]
        if role == "werknemer":
            texts.append(words.checklist(check, t, role))
    low = [(round(flesch_douma(text), 1), text[:80]) for text in texts if flesch_douma(text) < 60]
    assert low == []
