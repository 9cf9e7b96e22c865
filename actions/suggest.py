"""Suggest when unsure: "Bedoel je …?" with the likely answers as buttons (issue #27 item 1).

A message the model is unsure about gets the intent nlu_fallback (Rasa's FallbackClassifier,
components/faq_fallback.py). It used to get the honest fallback at once, also when the right
answer was the model's second guess. action_suggest reads what the model did find for the
message (the intent ranking, and the ResponseSelector's ranking of the fixed answers) and offers
up to three plausible answers as buttons, plus "Iets anders", which leads to the honest fallback.
With no plausible answer (or out_of_scope on top) it gives the honest fallback directly.

Each button's payload names the answer it leads to, the same in the web chat, Slack and Teams:
/choose_answer{"antwoord": "faq/<key>"} for a fixed answer (answered by action_choose_answer),
/ask_track, /ask_timeline or /ask_milestone_date for the guide. The titles are data in
domain/suggest.yml. No message text is logged or kept here.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

import yaml
from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from .phrasing import MILESTONES

SUGGEST_FILE = Path(__file__).resolve().parents[1] / "domain" / "suggest.yml"
CHOOSE_INTENT = "choose_answer"
ANSWER_ENTITY = "antwoord"
NO_ANSWER = "geen_antwoord"  # the "Iets anders" button; the same label as the real-question sets
RETRIEVAL_INTENT = "faq"
FALLBACK_INTENT = "nlu_fallback"

# Calibrated on tests/nlu/real_questions/dev.yml and tests/nlu/heldout.yml (the real-question
# held-out set stays unseen), parsed by the trained model of 2026-12-06: over the 82 questions the
# model is not sure about (nlu_fallback, a fixed answer below 0.5 or a top intent below 0.8), these
# settings put the right answer among the buttons for 46 of the 71 answerable ones (1.5 buttons on
# average) and offer buttons for 6 of the 11 unanswerable ones. MIN_ANSWER_CONFIDENCE 0.05 finds
# one more right answer but offers buttons for 10 of the 11; 0.15 loses 5 right answers; the share
# of the best and the guide minimum hardly matter (±1). Below 0.10 a selection was wrong more
# often than right (components/faq_fallback.py), so such an answer is not plausible.
MIN_ANSWER_CONFIDENCE = 0.10  # the ResponseSelector's confidence in a fixed answer
MIN_SHARE_OF_BEST = 0.3  # and at least this share of the best answer's confidence
MIN_GUIDE_CONFIDENCE = 0.10  # the classifier's confidence in a guide intent
MAX_CANDIDATES = 3
# The guide's intents, and the question a button asks for them. A sick date or a situation on
# its own starts the guide towards the deadlines ("Welke termijnen komen eraan?").
GUIDE_QUESTIONS = {
    "ask_track": "ask_track",
    "ask_timeline": "ask_timeline",
    "ask_milestone_date": "ask_milestone_date",
    "inform_sick_date": "ask_timeline",
    "inform_situation": "ask_timeline",
}
# With one of these on top the message is not about an answer we have: no buttons.
NO_SUGGESTION_ON_TOP = {"out_of_scope"}
# "Of bedoel je …?" beside a fixed answer given directly: the answers right behind it, when their
# confidence is at least this share of the given answer's (alternatives()). On the dev set 0.6 puts
# 5 more right answers one click away (0.699 -> 0.738) with buttons under 15 of 103 answers; 0.8
# gives 2 more (6 shown), 0.4 the same 5 (22 shown). Right answers stay direct.
ALTERNATIVE_SHARE = 0.6
MAX_ALTERNATIVES = 2
_WORD = re.compile(r"\w")  # a message without any word ("🙂🙂🙂") gets no guesses (components/no_words.py)


def candidates(parse_data: Dict[str, Any]) -> List[str]:
    """The plausible answers for a parsed message, best first: "faq/<key>" or a guide intent."""
    ranking = [r for r in parse_data.get("intent_ranking") or [] if r.get("name") != FALLBACK_INTENT]
    if not ranking or ranking[0].get("name") in NO_SUGGESTION_ON_TOP or not _WORD.search(parse_data.get("text") or ""):
        return []
    scored: List[tuple[float, str]] = []
    answers = ((parse_data.get("response_selector") or {}).get(RETRIEVAL_INTENT) or {}).get("ranking") or []
    if answers:
        best = max(a.get("confidence", 0.0) for a in answers)
        floor = max(MIN_ANSWER_CONFIDENCE, MIN_SHARE_OF_BEST * best)
        scored += [
            (a["confidence"], a["intent_response_key"])
            for a in answers
            if a.get("intent_response_key") and a.get("confidence", 0.0) >= floor
        ]
    scored += [
        (r["confidence"], GUIDE_QUESTIONS[r["name"]])
        for r in ranking
        if r.get("name") in GUIDE_QUESTIONS and r.get("confidence", 0.0) >= MIN_GUIDE_CONFIDENCE
    ]
    chosen: List[str] = []
    for _, answer in sorted(scored, key=lambda s: -s[0]):
        if answer not in chosen:
            chosen.append(answer)
    return chosen[:MAX_CANDIDATES]


def alternatives(parse_data: Dict[str, Any]) -> List[str]:
    """Fixed answers close behind the one the ResponseSelector chose, for "Of bedoel je …?" buttons."""
    answers = ((parse_data.get("response_selector") or {}).get(RETRIEVAL_INTENT) or {}).get("ranking") or []
    if (parse_data.get("intent") or {}).get("name") != RETRIEVAL_INTENT or len(answers) < 2:
        return []
    chosen = max(answers, key=lambda a: a.get("confidence", 0.0))
    floor = max(MIN_ANSWER_CONFIDENCE, ALTERNATIVE_SHARE * chosen.get("confidence", 0.0))
    close = [
        a for a in answers if a is not chosen and a.get("intent_response_key") and a.get("confidence", 0.0) >= floor
    ]
    return [a["intent_response_key"] for a in sorted(close, key=lambda a: -a["confidence"])][:MAX_ALTERNATIVES]


def alternative_buttons(tracker: Tracker) -> List[Dict[str, str]]:
    """Buttons for alternatives() of the latest message, with "Iets anders" (for action_answer_faq,
    as utter_suggest_alternatives); [] when the answer was clearly ahead."""
    buttons = [b for b in (button(a, tracker.get_slot("rol")) for a in alternatives(tracker.latest_message or {})) if b]
    return [*buttons, something_else_button()] if buttons else []


@lru_cache(maxsize=1)
def suggest_data() -> Dict[str, Any]:
    """The titles in domain/suggest.yml (read once per process)."""
    return yaml.safe_load(SUGGEST_FILE.read_text(encoding="utf-8"))


def choice_payload(answer: str) -> str:
    return f"/{CHOOSE_INTENT}{json.dumps({ANSWER_ENTITY: answer})}"


def button(answer: str, role: Optional[str], milestone: Optional[str] = None) -> Optional[Dict[str, str]]:
    """The button for one answer, or None when it has no title (a new answer without one)."""
    data = suggest_data()
    if answer in GUIDE_QUESTIONS.values():
        titles = data["gidstitels"][answer]
        title = titles["werkgever" if role == "werkgever" else "werknemer"]
        # Only a deadline the guide knows goes into the payload, never other words of the message.
        entities = {"milestone": milestone} if answer == "ask_milestone_date" and milestone in MILESTONES else None
        return {"title": title, "payload": f"/{answer}{json.dumps(entities) if entities else ''}"}
    title = (data.get("antwoordtitels") or {}).get(answer)
    return {"title": title, "payload": choice_payload(answer)} if title else None


def something_else_button() -> Dict[str, str]:
    return {"title": suggest_data()["iets_anders"], "payload": choice_payload(NO_ANSWER)}


class ActionSuggest(Action):
    def name(self) -> Text:
        return "action_suggest"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        parse_data = tracker.latest_message or {}
        role = tracker.get_slot("rol")
        milestone = next(
            (e.get("value") for e in parse_data.get("entities") or [] if e.get("entity") == "milestone"), None
        )
        buttons = [b for b in (button(a, role, milestone) for a in candidates(parse_data)) if b]
        if not buttons:
            dispatcher.utter_message(response="utter_default")
            return []
        dispatcher.utter_message(response="utter_suggest", buttons=[*buttons, something_else_button()])
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
