"""Suggest when unsure: "Bedoel je …?" with the likely answers as buttons (issue #27 item 1).

A message the model is unsure about gets the intent nlu_fallback (components/answer_ranking.py
decides). It used to get the honest fallback at once, also when the right answer was the model's
second guess. action_suggest reads what the model did find for the
message (components/answer_ranking.py's ranking of intents and fixed answers together) and offers
up to three plausible answers as buttons, plus "Iets anders", which leads to the honest fallback.
With no plausible answer (or out_of_scope on top) it gives the honest fallback directly.

Each button's payload names the answer it leads to, the same in the web chat, Slack and Teams:
/choose_answer{"antwoord": "faq/<key>"} for a fixed answer (answered by action_choose_answer),
/ask_track, /ask_timeline or /ask_termijn for the guide. The titles are data in
domain/suggest.yml, read again when the file changes (looked at at most once a second), so that a
better title is in the next reply without restarting the action server. A file that does not load
(a YAML typo, a half-saved file, a missing list) keeps the last titles; the log names the file, never
its content. No message text is logged or kept here.
"""

from __future__ import annotations

import json
import logging
import re
import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

import yaml
from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from components.parse_keys import MENTIONS_SUBJECT_KEY, RANKING_KEY, SECOND_QUESTION_KEY, SUBJECT_MISSING_KEY

from .termijn_namen import RULE_KEYS

logger = logging.getLogger(__name__)

SUGGEST_FILE = Path(__file__).resolve().parents[1] / "domain" / "suggest.yml"
# Looking at a file's stamp costs microseconds, reading and checking it a few milliseconds.
CHECK_EVERY_SECONDS = 1.0
CHOOSE_INTENT = "choose_answer"
ANSWER_ENTITY = "antwoord"
NO_ANSWER = "geen_antwoord"  # the "Iets anders" button; the same label as the real-question sets
RETRIEVAL_INTENT = "faq"
FALLBACK_INTENT = "nlu_fallback"

# The ranking: components/answer_ranking.py scores every possible answer (each fixed answer and
# each intent) from the classifier and the answers' own words, and leaves it in the parse as
# `antwoord_ranking`; the same component decided whether the best one was sure enough to give.
# Calibrated on tests/nlu/real_questions/dev.yml and tests/nlu/heldout.yml (the real-question
# held-out sets stay unseen); docs/benchmarks.md has the figures. A button needs a score of at least
# MIN_SCORE: below it the candidates were wrong far more often than right.
MIN_SCORE = 0.05
MAX_CANDIDATES = 3
# The guide's intents, and the question a button asks for them. A sick date or a situation on
# its own starts the guide towards the deadlines ("Welke termijnen komen eraan?").
GUIDE_QUESTIONS = {
    "ask_track": "ask_track",
    "ask_timeline": "ask_timeline",
    "ask_termijn": "ask_termijn",
    "inform_sick_date": "ask_timeline",
    "inform_situatie": "ask_timeline",
    "ask_dossiercheck": "ask_dossiercheck",
}
# With one of these on top the message is not about an answer we have: no buttons.
NO_SUGGESTION_ON_TOP = {"out_of_scope"}
# "Of bedoel je …?" beside an answer given directly: the answers right behind it, when their score
# is at least this share of the given answer's. On the dev set 0.35 puts the right answer one click
# away for 9 more questions, with buttons under a third of the answers; 0.6 for 3.
ALTERNATIVE_SHARE = 0.35
# A given answer that scores below LESS_SURE is a close call even when nothing is right behind it: there
# the answers from LESS_SURE_SHARE of its score get a button. Over the five folds of the real questions
# (docs/benchmarks.md, #27 step 9) the right answer is then one click away for 11 more of 469 (on four of
# the five folds), with buttons under 32 instead of 21 in a hundred direct answers (on our own held-out set
# under 15 instead of 11; the answers given stay the same).
LESS_SURE = 0.5
LESS_SURE_SHARE = 0.15
MAX_ALTERNATIVES = 3
_WORD = re.compile(r"\w")  # a message without any word ("🙂🙂🙂") gets no guesses (components/no_words.py)


def ranking(parse_data: Dict[str, Any]) -> List[tuple[str, float]]:
    """Every answer the parse names, best first: "faq/<key>" or an intent, with its score."""
    ranked = parse_data.get(RANKING_KEY)
    if ranked is not None:
        return [(r["antwoord"], float(r.get("score") or 0.0)) for r in ranked if r.get("antwoord")]
    # A parse without the ranking component (an older model): the classifier's view alone.
    intents = {r["name"]: float(r.get("confidence") or 0.0) for r in parse_data.get("intent_ranking") or []}
    intents.pop(FALLBACK_INTENT, None)
    p_faq = intents.pop(RETRIEVAL_INTENT, 0.0)
    # A ResponseSelector without `retrieval_intent` (Rasa's default configuration) answers under
    # "default"; Rasa's own response action looks there too.
    selectors = parse_data.get("response_selector") or {}
    answers = (selectors.get(RETRIEVAL_INTENT) or selectors.get("default") or {}).get("ranking") or []
    for a in answers:
        if a.get("intent_response_key"):
            intents[a["intent_response_key"]] = p_faq * float(a.get("confidence") or 0.0)
    return sorted(intents.items(), key=lambda item: -item[1])


def _offered(answer: str) -> Optional[str]:
    """What a button for this ranked answer leads to, or None when it gets no button."""
    if answer.startswith(f"{RETRIEVAL_INTENT}/"):
        return answer
    return GUIDE_QUESTIONS.get(answer)


def candidates(parse_data: Dict[str, Any]) -> List[str]:
    """The plausible answers for a message the model was unsure about, best first."""
    ranked = ranking(parse_data)
    if not ranked or ranked[0][0] in NO_SUGGESTION_ON_TOP or not _WORD.search(parse_data.get("text") or ""):
        return []
    chosen: List[str] = []
    for answer, score in ranked:
        offered = _offered(answer)
        if score < MIN_SCORE or len(chosen) == MAX_CANDIDATES:
            break
        if offered and offered not in chosen:
            chosen.append(offered)
    return chosen


def alternatives(parse_data: Dict[str, Any]) -> List[str]:
    """Answers close behind the one given, for "Of bedoel je …?" buttons under it."""
    ranked = ranking(parse_data)
    if len(ranked) < 2 or ranked[0][0] in NO_SUGGESTION_ON_TOP:
        return []
    given, best = ranked[0]
    floor = max(MIN_SCORE, (LESS_SURE_SHARE if best < LESS_SURE else ALTERNATIVE_SHARE) * best)
    chosen: List[str] = []
    # A long message's other question (components/answer_ranking.py) comes first.
    other = parse_data.get(SECOND_QUESTION_KEY)
    if isinstance(other, str) and _offered(other) and _offered(other) != _offered(given):
        chosen.append(_offered(other))
    for answer, score in ranked[1:]:
        offered = _offered(answer)
        if score < floor or len(chosen) == MAX_ALTERNATIVES:
            break
        if offered and offered not in chosen and offered != _offered(given):
            chosen.append(offered)
    return chosen


def alternative_buttons(tracker: Tracker) -> List[Dict[str, str]]:
    """Buttons for alternatives() of the latest message, with "Iets anders" (for action_answer_faq,
    as utter_suggest_alternatives); [] when the answer was clearly ahead."""
    return buttons_for(alternatives(tracker.latest_message or {}), tracker)


def buttons_for(answers: List[str], tracker: Tracker) -> List[Dict[str, str]]:
    """A button per answer that has a title, in the person's role, then "Iets anders"; [] when none has one.
    A deadline the message names goes into the guide's deadline button."""
    parse_data = tracker.latest_message or {}
    termijn = next((e.get("value") for e in parse_data.get("entities") or [] if e.get("entity") == "termijn"), None)
    buttons = [b for b in (button(a, tracker.get_slot("rol"), termijn) for a in answers) if b]
    return [*buttons, something_else_button()] if buttons else []


class TitlesOnDisk:
    """The titles of a suggest file as it is on disk now: read again when its stamp changed."""

    def __init__(self, path: Path, check_every: float = CHECK_EVERY_SECONDS) -> None:
        self._path = path
        self._check_every = check_every
        self._checked = float("-inf")
        self._stamp: Optional[tuple] = None
        self._data: Optional[Dict[str, Any]] = None

    def data(self) -> Dict[str, Any]:
        now = time.monotonic()
        if self._data is None or now - self._checked >= self._check_every:
            self._checked = now
            self._refresh()
        assert self._data is not None  # _refresh raised otherwise
        return self._data

    def _refresh(self) -> None:
        try:
            info = self._path.stat()
            stamp: Optional[tuple] = (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
        except OSError:
            stamp = None
        if self._data is not None and stamp == self._stamp:
            return
        try:
            data = _checked_titles(yaml.safe_load(self._path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError):
            if self._data is None:
                raise  # no titles at all: the action cannot offer a single button
            logger.warning("%s laadt niet; de vorige knoptitels blijven staan.", self._path.name)
            self._stamp = stamp  # tried once; tried again when the file changes again
            return
        self._data, self._stamp = data, stamp


def _checked_titles(data: Any) -> Dict[str, Any]:
    """The file's content when it has every list the buttons need, with text titles; else ValueError."""
    if not isinstance(data, dict):
        raise ValueError("geen YAML-mapping")
    answers, guide, other = data.get("antwoordtitels"), data.get("gidstitels"), data.get("iets_anders")
    if not isinstance(answers, dict) or not all(isinstance(t, str) and t.strip() for t in answers.values()):
        raise ValueError("antwoordtitels")
    for intent in GUIDE_QUESTIONS.values():
        titles = (guide or {}).get(intent) if isinstance(guide, dict) else None
        if not isinstance(titles, dict) or not all(isinstance(titles.get(r), str) for r in ("werknemer", "werkgever")):
            raise ValueError("gidstitels")
    if not isinstance(other, str) or not other.strip():
        raise ValueError("iets_anders")
    return data


TITLES = TitlesOnDisk(SUGGEST_FILE)


def suggest_data() -> Dict[str, Any]:
    """The titles in domain/suggest.yml as the file is now (see TitlesOnDisk)."""
    return TITLES.data()


def choice_payload(answer: str) -> str:
    return f"/{CHOOSE_INTENT}{json.dumps({ANSWER_ENTITY: answer})}"


def button(answer: str, role: Optional[str], termijn: Optional[str] = None) -> Optional[Dict[str, str]]:
    """The button for one answer, or None when it has no title (a new answer without one)."""
    data = suggest_data()
    if answer in GUIDE_QUESTIONS.values():
        titles = data["gidstitels"][answer]
        title = titles["werkgever" if role == "werkgever" else "werknemer"]
        # Only a deadline the guide knows goes into the payload, never other words of the message.
        entities = {"termijn": termijn} if answer == "ask_termijn" and termijn in RULE_KEYS else None
        return {"title": title, "payload": f"/{answer}{json.dumps(entities) if entities else ''}"}
    title = (data.get("antwoordtitels") or {}).get(answer)
    return {"title": title, "payload": choice_payload(answer)} if title else None


def something_else_button() -> Dict[str, str]:
    return {"title": suggest_data()["iets_anders"], "payload": choice_payload(NO_ANSWER)}


class ActionSuggest(Action):
    def name(self) -> Text:
        return "action_suggest"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        if answers_the_open_question(tracker):
            return []  # the guide's form takes it as the answer, next in the rule
        buttons = buttons_for(candidates(tracker.latest_message or {}), tracker)
        if buttons:
            dispatcher.utter_message(response="utter_suggest", buttons=buttons)
        else:
            dispatcher.utter_message(response="utter_default")
        return []


# The guide's questions a message can answer while it also asks something ("halve dagen, kan dat?"): the slot
# the guide asks for → the intent of an answer to it (data/nlu/guide.yml).
GUIDE_ANSWERS = {"advies": "inform_advies", "situatie": "inform_situatie"}


def answers_the_open_question(tracker: Tracker) -> bool:
    """Whether the latest message is the answer to the question the guide just asked, after all: the NLU
    made it out_of_scope or the fallback because it also asks something (components/answer_ranking.py,
    `statement_intents`), while its best reading is exactly that answer. The form then takes it
    (actions/guide_form.py), and the actions that would treat it as a question stay quiet."""
    wanted = GUIDE_ANSWERS.get(tracker.get_slot("requested_slot") or "")
    parse_data = tracker.latest_message or {}
    if not wanted or (parse_data.get("intent") or {}).get("name") not in (*NO_SUGGESTION_ON_TOP, FALLBACK_INTENT):
        return False
    ranked = ranking(parse_data)
    return bool(ranked) and ranked[0][0] == wanted


def conversation_was_about_illness(tracker: Tracker) -> bool:
    """Whether this session already had a fixed answer or the guide, or knows the first sick day: then a
    follow-up without any word of our subject ("en hoe lang duurt dat?") is most likely still about it."""
    if tracker.get_slot("eerste_ziektedag"):
        return True
    session: List[Dict[str, Any]] = []
    for event in tracker.events or []:
        if event.get("event") == "session_started":
            session = []
        elif event.get("event") == "user":
            session.append(event)
    for event in session[:-1]:  # the messages before this one
        intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
        if intent == RETRIEVAL_INTENT or intent in GUIDE_QUESTIONS:
            return True
    return False


class ActionOutOfScope(Action):
    """Out of scope: "daar kan ik je niet mee helpen". Except when the message only lacked the words of our
    subject (a weak fixed answer made way for this) in a conversation that was about illness: then the
    answers it might mean are offered, as "Bedoel je …?" with "Iets anders". And a question that does name
    illness or re-integration ("Mag ik sporten als ik ziek ben?", which the example classifier learned to send
    here: #27 step 9) is not outside our subject but one we have no answer for: it gets the honest "daar heb ik
    (nog) geen goed antwoord op" with where to go (bedrijfsarts, HR, UWV, Juridisch Loket), as "Iets anders" does."""

    def name(self) -> Text:
        return "action_out_of_scope"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        if answers_the_open_question(tracker):
            return []  # the guide's form takes it as the answer, next in the rule
        parse_data = tracker.latest_message or {}
        refused_for_want_of_subject = parse_data.get(SUBJECT_MISSING_KEY) is True
        buttons = buttons_for(candidates(parse_data), tracker) if refused_for_want_of_subject else []
        if buttons and conversation_was_about_illness(tracker):
            dispatcher.utter_message(response="utter_suggest", buttons=buttons)
        elif parse_data.get(MENTIONS_SUBJECT_KEY) is True:
            dispatcher.utter_message(response="utter_default")
        else:
            dispatcher.utter_message(response="utter_out_of_scope")
        return []


class ActionChooseAnswer(Action):
    """Gives the fixed answer a "Bedoel je …?" button named; anything else gets the honest fallback."""

    def name(self) -> Text:
        return "action_choose_answer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        answer = next(tracker.get_latest_entity_values(ANSWER_ENTITY), None)
        response = f"utter_{answer}" if isinstance(answer, str) and answer.startswith(f"{RETRIEVAL_INTENT}/") else None
        if response is None or response not in (domain.get("responses") or {}):
            dispatcher.utter_message(response="utter_default")  # "Iets anders", or a payload typed by hand
            return []
        dispatcher.utter_message(response=response)
        return []
