"""Custom actions of the decision guide: thin adapters between Rasa and the rules.

They parse what the user said (dates, advice, role), call the poortwachter rules
package and phrase the answer. No legal rule lives here.
"""

from __future__ import annotations

import logging
import re
from datetime import date, datetime
from typing import Any, Dict, List, Optional, Text
from zoneinfo import ZoneInfo

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.forms import REQUESTED_SLOT
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from poortwachter import (
    Advies,
    InvalidSituationError,
    Periode,
    PoortwachterError,
    Tijdlijn,
    datum_nl,
)

from poortwachter.parameters import ZWANGERSCHAPS_EN_BEVALLINGSVERLOF

from . import phrasing, pregnancy, situation_text
from .advice_text import advice_from_text
from .dates import DateProblem, ParsedDate, SickDateReport, parse_leave, parse_other_date, parse_sick_dates
from .pregnancy import CountStartsAgain, Verlofbeeld, Zwangerschap
from privacy.medical import mentions_medical_details
from .timeline_payload import timeline_payload

logger = logging.getLogger(__name__)
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MAX_TEXT = 2000  # longer messages are only searched in their first part

GUIDE_FORM = "guide_form"
WIDGET_CHANNELS = {"rest"}  # channels whose clients draw the timeline payload
# Intents that interrupt the form for a moment; the form rules answer them and continue.
DIGRESSIONS = {
    "faq",
    "help",
    "human_handoff",
    "bot_challenge",
    "ask_why",
    "share_medical_details",
    "out_of_scope",
    "nlu_fallback",
    "greet",
    "goodbye",
    "thank",
    "ask_timeline",
    "ask_track",
    "ask_milestone_date",
    "erase_conversation",
    "confirm_erase",
    "download_pdf",
    "ask_dossiercheck",  # the dossier check (actions/dossiercheck.py) takes over
    "inform_document",
    "crisis",
    "english",
    "choose_answer",
}
CRISIS = "crisis"  # suicidal thoughts or acute danger (components/crisis.py): help first, no question answered

# The intents whose slot mapping sets the question (`vraag`) themselves.
QUESTION_INTENTS = {"ask_track", "ask_timeline", "ask_milestone_date"}

_HR_HINTS = re.compile(
    r"\b(mijn|onze|een) (werknemer|medewerker|medewerkster|collega van ons|personeelslid)\b|"
    r"\bik werk (bij|op|als|voor) (de |het )?(hr|p&o|personeelszaken|hrm|afdeling personeel)\b|"
    r"\b(als|ik ben|wij zijn) (de )?(werkgever|hr|casemanager|leidinggevende|p&o)\b|\bwerknemer van ons\b|"
    r"\b(hij|zij|ze) is (al )?(sinds|vanaf)\b",
    re.IGNORECASE,
)
_EMPLOYEE_HINTS = re.compile(r"\b(ik ben (de )?werknemer|ik ben zelf ziek|als werknemer)\b", re.IGNORECASE)


# --- reading the tracker ---------------------------------------------------------


def message_date(tracker: Tracker) -> date:
    """The date of the latest user message in Europe/Amsterdam: the reference for 'gisteren'."""
    for event in reversed(tracker.events):
        if event.get("event") == "user" and event.get("timestamp"):
            return datetime.fromtimestamp(event["timestamp"], AMSTERDAM).date()
    return datetime.now(AMSTERDAM).date()


def in_shared_channel(tracker: Tracker) -> bool:
    """Whether the latest message came from a chat that others can read (a Slack or Teams channel or thread).

    The channel says so in the message metadata (`personal_chat`); the web chat is always personal.
    Personal dates, deadlines and the track are then not computed, asked or shown.
    """
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return (event.get("metadata") or {}).get("personal_chat") is False
    return False


def latest_text(tracker: Tracker) -> str:
    return (tracker.latest_message.get("text") or "")[:MAX_TEXT]


def latest_intent(tracker: Tracker) -> str:
    return (tracker.latest_message.get("intent") or {}).get("name") or ""


def entity(tracker: Tracker, name: str) -> Optional[str]:
    return next(tracker.get_latest_entity_values(name), None)


def question_milestone(tracker: Tracker) -> Optional[str]:
    """A deadline named in the message that asked the question: "in welk spoor zit ik en wanneer moet de WIA?"."""
    for event in reversed(tracker.events):
        if event.get("event") != "user":
            continue
        parse = event.get("parse_data") or {}
        if (parse.get("intent") or {}).get("name") in QUESTION_INTENTS:
            return next((e.get("value") for e in parse.get("entities") or [] if e.get("entity") == "milestone"), None)
    return None


def role_from_text(text: str) -> Optional[str]:
    if _EMPLOYEE_HINTS.search(text):
        return "werknemer"
    if _HR_HINTS.search(text):
        return "werkgever"
    return None


def _slot_date(tracker: Tracker, name: str, when_situation: str) -> Optional[date]:
    """A date slot that belongs to one situation: only passed on while that situation is chosen."""
    value = tracker.get_slot(name)
    return date.fromisoformat(value) if value and situation(tracker) == when_situation else None


def situation(tracker: Tracker) -> Optional[str]:
    """The situation code, older codes read as today's ("zwangerschap" is now "zwanger")."""
    return situation_text.normalise_code(tracker.get_slot("situatie"))


LEAVE_UNKNOWN = "onbekend"  # the zwangerschapsverlof slot when the dates are not known yet


def leave_from_slot(value: Any) -> tuple[Optional[Periode], bool]:
    """The leave stored in the slot, and whether its end was assumed (only the first day was given)."""
    if not isinstance(value, dict):
        return None, False
    return (
        Periode(date.fromisoformat(value["begin"]), date.fromisoformat(value["einde"])),
        bool(value.get("einde_aangenomen")),
    )


def leave_slot(periode: Periode, einde_aangenomen: bool) -> Dict[Text, Any]:
    return {
        "begin": periode.begin.isoformat(),
        "einde": periode.einde.isoformat(),
        "einde_aangenomen": einde_aangenomen,
    }


def zwangerschap_from_slots(tracker: Tracker, **override: Any) -> Optional[Zwangerschap]:
    """The pregnancy as far as the guide knows it; None unless the situation is "zwanger"."""
    if situation(tracker) != situation_text.ZWANGER:
        return None
    verlof, assumed = leave_from_slot(override.get("zwangerschapsverlof", tracker.get_slot("zwangerschapsverlof")))
    return Zwangerschap(
        door_zwangerschap=bool(override.get("ziek_door_zwangerschap", tracker.get_slot("ziek_door_zwangerschap"))),
        verlof=verlof,
        einde_aangenomen=assumed,
        doorlopend=override.get("ziek_na_verlof", tracker.get_slot("ziek_na_verlof")),
    )


PREGNANCY_SLOTS = ("ziek_door_zwangerschap", "zwangerschapsverlof", "ziek_na_verlof")


def calculate(
    tracker: Tracker, peildatum: date, advies: Optional[str] = None, **override: Any
) -> tuple[Tijdlijn, Optional[Verlofbeeld]]:
    """Compute with the rules package from the slots; raises PoortwachterError on bad input.

    `override` replaces an input (a date the user just gave) so it can be checked before it is
    stored: an argument of compute_timeline, or one of the pregnancy slots. Raises CountStartsAgain
    when the sickness before a past leave does not count (pregnancy.py).
    """
    periods = [
        Periode(date.fromisoformat(p["begin"]), date.fromisoformat(p["einde"]))
        for p in tracker.get_slot("eerdere_perioden") or []
    ]
    pregnancy_override = {k: override.pop(k) for k in PREGNANCY_SLOTS if k in override}
    inputs = dict(
        eerste_ziektedag=date.fromisoformat(tracker.get_slot("eerste_ziektedag")),
        peildatum=peildatum,
        advies=advies or tracker.get_slot("advies") or Advies.ONBEKEND.value,
        eerdere_perioden=periods,
        perspectief_binnen_3_maanden=tracker.get_slot("perspectief"),
        einde_dienstverband=_slot_date(tracker, "einde_dienstverband", situation_text.ZIEK_UIT_DIENST),
        eigenrisicodrager_zw=bool(tracker.get_slot("eigenrisicodrager_zw")),
        geboortedatum=_slot_date(tracker, "geboortedatum", situation_text.AOW),
    )
    inputs.update(override)
    return pregnancy.compute(inputs, zwangerschap_from_slots(tracker, **pregnancy_override))


def timeline_from_slots(tracker: Tracker, peildatum: date, advies: Optional[str] = None, **override: Any) -> Tijdlijn:
    """The timeline alone (see `calculate`)."""
    return calculate(tracker, peildatum, advies, **override)[0]


def calculation_or_explain(
    dispatcher: CollectingDispatcher, tracker: Tracker
) -> tuple[Optional[Tijdlijn], Optional[Verlofbeeld], List[EventType]]:
    """The timeline from the slots; on input the rules reject, says why in Dutch.

    Returns the timeline and what the answer must say about a leave, or None with the slot resets
    that let the user give the input again: a situation that contradicts the dates (a contract that
    ended before the sickness) is forgotten and the first sick day kept; leave dates that cannot be
    right are asked again; any other rejected input resets the first sick day.
    """
    role = tracker.get_slot("rol")
    try:
        timeline, beeld = calculate(tracker, message_date(tracker))
        return timeline, beeld, []
    except CountStartsAgain:
        dispatcher.utter_message(text=phrasing.count_starts_again(role, ask=True))
        return (
            None,
            None,
            [SlotSet("eerste_ziektedag", None), SlotSet("eerdere_perioden", None), SlotSet("ziek_na_verlof", None)],
        )
    except InvalidSituationError as problem:
        if situation(tracker) == situation_text.ZWANGER:
            dispatcher.utter_message(text=f"{problem} {phrasing.LEAVE_AGAIN}")
            return None, None, [SlotSet("zwangerschapsverlof", None), SlotSet("ziek_na_verlof", None)]
        dispatcher.utter_message(text=f"{problem} {phrasing.SITUATION_AGAIN}")
        return None, None, [SlotSet(name, None) for name in ("situatie", "einde_dienstverband", "geboortedatum")]
    except PoortwachterError as problem:
        dispatcher.utter_message(text=f"{problem} Wil je de datum nog eens geven?")
        return None, None, [SlotSet("eerste_ziektedag", None), SlotSet("eerdere_perioden", None)]


def timeline_or_explain(
    dispatcher: CollectingDispatcher, tracker: Tracker
) -> tuple[Optional[Tijdlijn], List[EventType]]:
    """The timeline for documents (PDF): with the notes about a leave; see `calculation_or_explain`."""
    timeline, beeld, resets = calculation_or_explain(dispatcher, tracker)
    if timeline is None:
        return None, resets
    return phrasing.with_leave_notes(timeline, beeld, tracker.get_slot("rol")), []


def report_slots(report: SickDateReport) -> Dict[Text, Any]:
    """Slots for the dates found in one message: the first sick day and any earlier periods."""
    slots = date_slots(report.current) if report.current else {}
    if report.earlier:
        slots["eerdere_perioden"] = [
            {"begin": p.begin.isoformat(), "einde": p.einde.isoformat()} for p in report.earlier
        ]
    return slots


def date_slots(parsed: ParsedDate) -> Dict[Text, Any]:
    """Slots for a parsed first sick day: an estimate waits for confirmation."""
    if parsed.estimated:
        return {"datum_schatting": parsed.value.isoformat(), "schatting_bevestigd": None, "eerste_ziektedag": None}
    return {"eerste_ziektedag": parsed.value.isoformat(), "datum_schatting": None, "schatting_bevestigd": None}


def advice_slot(tracker: Tracker, text: str) -> Optional[str]:
    """The advice code from the NLU entity, or else from the words of the message."""
    value = entity(tracker, "advice")
    code = (advice_from_text(value) if value else None) or advice_from_text(text)
    return code.value if code else None


def situation_slots(tracker: Tracker, text: str, today: date) -> Dict[Text, Any]:
    """The situation a message describes (entity or words), with a contract end date it names."""
    slots: Dict[Text, Any] = {}
    # A button gives the code as the entity; in free text the words decide. DIET's entity spans are
    # often only a piece ("pensioen"), and its synonym for "bevallen" does not know whose birth it was
    # ("mijn vrouw is bevallen" is no situation of the employee).
    value = situation_text.normalise_code(entity(tracker, "situation")) if text.startswith("/") else None
    code = value or situation_text.situation_from_text(text)
    if code:
        slots["situatie"] = code
    if code == situation_text.ZWANGER:
        cause = situation_text.pregnancy_cause_from_text(text)
        if cause is not None:  # said in so many words: "ziek door mijn zwangerschap"
            slots["ziek_door_zwangerschap"] = cause
    if situation_text.mentions_eigenrisicodrager(text):
        slots["eigenrisicodrager_zw"] = True
    end = CONTRACT_END.search(text)
    if code == situation_text.ZIEK_UIT_DIENST and end:
        try:
            parsed = parse_other_date(end.group(1), today, may_be_future=True, needs_year=False)
        except DateProblem:
            parsed = None
        if parsed:
            slots["einde_dienstverband"] = parsed.value.isoformat()
    return slots


ROLE_CODES = {"hr": "werkgever", "werkgever": "werkgever", "werknemer": "werknemer"}  # role entity -> slot


def message_context(tracker: Tracker, text: str, today: date) -> tuple[Dict[Text, Any], Optional[DateProblem]]:
    """What a message says beside its question: the role, the first sick day, the situation.

    Returns the slots, and a date problem to explain if the message had a date that cannot be used
    (the slots then hold no date). Used when the guide starts and beside a fixed answer.
    """
    slots: Dict[Text, Any] = {}
    role = ROLE_CODES.get(entity(tracker, "role") or "") or role_from_text(text)
    if role and role != tracker.get_slot("rol"):
        slots["rol"] = role
    problem = None
    try:
        # "mijn contract loopt af op 30 juni": that date is no sick day.
        report = parse_sick_dates(CONTRACT_END.sub(" ", text), today)
    except DateProblem as error:
        report, problem = None, error
    if report is not None and report.current is not None:
        slots.update(report_slots(report))
    slots.update(situation_slots(tracker, text, today))
    return slots, problem


# "weet ik niet", "nog niet bekend", "geen idee": an answer that the guide can work with.
UNKNOWN_WORDS = re.compile(
    r"\b(weet ik (nog )?niet|nog niet (bekend|duidelijk|zeker)|onbekend|geen idee|weet niet)\b", re.IGNORECASE
)


def yes_no(tracker: Tracker) -> Optional[bool]:
    """The yes/no buttons (and "ja"/"nee" typed): True, False, or None for anything else."""
    intent = latest_intent(tracker)
    if intent == "affirm":
        return True
    if intent == "deny":
        return False
    first = latest_text(tracker).strip().lower().split(" ", 1)[0].strip(",.!")
    return {"ja": True, "jazeker": True, "nee": False, "neen": False}.get(first)


# "mijn contract loopt af op 30 juni", "contract eindigt per 1 maart 2027"
CONTRACT_END = re.compile(
    r"\b(?:contract|dienstverband)\w*\b[^.?!]{0,40}?\b(?:af|stopt|eindigt|geëindigd|afgelopen)\b\s+(?:op|per)\s+([^.?!,]+)",
    re.IGNORECASE,
)


# --- actions -------------------------------------------------------------------------


class ActionPrefillGuide(Action):
    """Reads everything useful from the message that starts or corrects the guide."""

    def name(self) -> Text:
        return "action_prefill_guide"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        if in_shared_channel(tracker):
            return []  # nothing personal is read or kept here; the answer invites to a direct message
        text = latest_text(tracker)
        intent = latest_intent(tracker)
        slots: Dict[Text, Any] = {}
        if intent not in QUESTION_INTENTS and entity(tracker, "milestone"):
            # "Een medewerker is sinds 10 februari ziek. Wanneer moet de 42e-weeksmelding?": the date
            # came with a question about one deadline.
            slots["vraag"] = "termijn"
        elif tracker.get_slot("vraag") is None:
            slots["vraag"] = "spoor"
        if mentions_medical_details(text):
            dispatcher.utter_message(response="utter_privacy_no_medical")
        context, problem = message_context(tracker, text, message_date(tracker))
        if problem is not None:
            dispatcher.utter_message(text=str(problem))
        slots.update(context)
        mentions_advice = intent == "inform_advice" or entity(tracker, "advice") or "bedrijfsarts" in text.lower()
        advies = advice_slot(tracker, text) if mentions_advice else None
        if advies:
            slots["advies"] = advies
        elif intent == "inform_advice":
            dispatcher.utter_message(text=phrasing.ADVICE_NOT_UNDERSTOOD)
        return [SlotSet(name, value) for name, value in slots.items()]


class ValidateGuideForm(FormValidationAction):
    """Asks only for what is missing, and only for what the question needs."""

    # Slots that the answer to the date question fills beside its own: earlier sickness periods,
    # or an estimate still to confirm. rasa_sdk keeps only the form's required slots after
    # validation, which dropped these (the earlier periods vanished from the timeline, and a
    # confirmed estimate crashed the next question); they are passed on here.
    SIDE_SLOTS = (
        "eerdere_perioden",
        "datum_schatting",
        "schatting_bevestigd",
        "eigenrisicodrager_zw",
        "einde_dienstverband",
        "ziek_door_zwangerschap",
    )

    # Read from every message (a situation named along the way), never asked: the answer for the
    # ordinary case comes first and offers the situations as buttons (issue #27 item 5).
    OPTIONAL_SLOTS = ("situatie",)

    def name(self) -> Text:
        return "validate_guide_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        # Rasa runs the active form before any rule. A crisis message answers no question: nothing
        # is extracted and nothing said, so the form rejects and data/rules/crisis.yml answers first
        # (issue #25), even when the message also holds a date or a situation.
        if latest_intent(tracker) == CRISIS:
            return []
        return await super().run(dispatcher, tracker, domain)

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        events = await super().get_validation_events(dispatcher, tracker, domain)
        kept = {event["name"] for event in events}
        side = {
            name: value
            for name, value in tracker.slots_to_validate().items()
            if name in self.SIDE_SLOTS and name not in kept
        }
        return events + [SlotSet(name, value) for name, value in side.items()]

    async def required_slots(
        self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Text]:
        required: List[Text] = []
        if in_shared_channel(tracker):
            return required  # no personal questions where others read along
        if tracker.get_slot("datum_schatting") and tracker.get_slot("eerste_ziektedag") is None:
            required.append("schatting_bevestigd")
        required.append("eerste_ziektedag")
        vraag = tracker.get_slot("vraag") or "spoor"
        milestone = tracker.get_slot("milestone")
        # The advice is asked only when the answer depends on it: the track, or a deadline that the
        # rules date from it. An overview is answered at once and says what the advice would add.
        if vraag == "spoor" or (vraag == "termijn" and phrasing.milestone_needs_advice(milestone)):
            required.append("advies")
        # The answer for the ordinary case comes first: the situation is not asked (issue #27 item 5).
        # The answer offers the situations that change the dates as buttons (action_answer_guide). A
        # situation the person named, in the message or with such a button, brings the one date it
        # needs; its questions come before the answer, which would be wrong without them.
        situatie = situation(tracker)
        required.append("situatie")  # read from every message, never asked (OPTIONAL_SLOTS)
        situation_questions: List[Text] = []
        if situatie == situation_text.ZIEK_UIT_DIENST:
            situation_questions.append("einde_dienstverband")
        elif situatie == situation_text.AOW:
            situation_questions.append("geboortedatum")
        elif situatie == situation_text.ZWANGER:
            situation_questions += self._pregnancy_questions(tracker)
        required += situation_questions
        situation_known = all(tracker.get_slot(slot) is not None for slot in situation_questions)
        if (
            "advies" in required
            and situation_known
            and tracker.get_slot("eerste_ziektedag")
            and tracker.get_slot("advies")
            and tracker.get_slot("perspectief") is None
        ):
            try:
                timeline = timeline_from_slots(tracker, message_date(tracker))
            except PoortwachterError:
                timeline = None
            if timeline is not None and timeline.perspectief_relevant:
                required.append("perspectief")
        return required

    @staticmethod
    def _pregnancy_questions(tracker: Tracker) -> List[Text]:
        """What the rules need about a pregnancy, in as few questions as possible: whether the sickness
        comes from it, the leave dates, and, only for sickness that began before the leave, whether
        it goes on right after the leave from the same cause."""
        questions = ["ziek_door_zwangerschap", "zwangerschapsverlof"]
        verlof, _assumed = leave_from_slot(tracker.get_slot("zwangerschapsverlof"))
        first = tracker.get_slot("eerste_ziektedag")
        if verlof is not None and first and date.fromisoformat(first) < verlof.begin:
            questions.append("ziek_na_verlof")
        return questions

    async def next_requested_slot(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Optional[EventType]:
        """The first required slot still empty, leaving out the ones that are read but never asked."""
        required = await self.required_slots(self.domain_slots(domain), dispatcher, tracker, domain)
        missing = (slot for slot in required if slot not in self.OPTIONAL_SLOTS and tracker.slots.get(slot) is None)
        return SlotSet(REQUESTED_SLOT, next(missing, None))

    def _is_answer(self, tracker: Tracker, slot: Text) -> bool:
        """Whether the latest message answers the question for `slot` (not a digression)."""
        return tracker.get_slot("requested_slot") == slot and latest_intent(tracker) not in DIGRESSIONS

    async def extract_eerste_ziektedag(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        asked = tracker.get_slot("requested_slot") == "eerste_ziektedag"
        # A date given for another question (end of contract, birth date, leave) is no new first sick day.
        correcting = latest_intent(tracker) == "inform_sick_date" and tracker.get_slot("requested_slot") not in (
            "einde_dienstverband",
            "geboortedatum",
            "zwangerschapsverlof",
        )
        if not (asked or correcting) or latest_intent(tracker) in DIGRESSIONS:
            return {}
        text = latest_text(tracker)
        try:
            report = parse_sick_dates(text, message_date(tracker))
        except DateProblem as problem:
            dispatcher.utter_message(text=str(problem))
            return {"eerste_ziektedag": None}
        if report.current is None:
            if asked:
                dispatcher.utter_message(
                    text="Ik heb een datum nodig, bijvoorbeeld '3 maart 2025', 'vorige week maandag' of 'al 14 maanden'."
                )
                return {"eerste_ziektedag": None}
            return {}
        return report_slots(report)

    async def extract_advies(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        correcting = latest_intent(tracker) == "inform_advice"
        # "Dat weet ik eigenlijk niet", "geen idee", "nog niet gesproken" answer the question as
        # "unknown", whatever intent the classifier gave them (often deny or out_of_scope).
        unknown = (
            tracker.get_slot("requested_slot") == "advies" and advice_from_text(latest_text(tracker)) == Advies.ONBEKEND
        )
        if unknown and not latest_text(tracker).startswith("/"):
            return {"advies": Advies.ONBEKEND.value}
        if not (self._is_answer(tracker, "advies") or correcting):
            return {}
        advies = advice_slot(tracker, latest_text(tracker))
        if advies is None:
            dispatcher.utter_message(text=phrasing.ADVICE_NOT_UNDERSTOOD)
            return {"advies": None}
        return {"advies": advies}

    async def extract_situatie(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        asked = tracker.get_slot("requested_slot") == "situatie"
        correcting = latest_intent(tracker) == "inform_situation"
        text = latest_text(tracker)
        slots = situation_slots(tracker, text, message_date(tracker)) if (asked or correcting) else {}
        if slots.get("situatie") and asked and mentions_medical_details(text):
            # "ik ben zwanger en heb mijn been gebroken": the situation counts, the details are not needed.
            dispatcher.utter_message(response="utter_privacy_no_medical")
        if not slots.get("situatie"):
            if asked and latest_intent(tracker) not in DIGRESSIONS:
                dispatcher.utter_message(text=phrasing.SITUATION_NOT_UNDERSTOOD)
                return {"situatie": None}
            return {}
        return slots

    async def extract_einde_dienstverband(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return self._situation_date(dispatcher, tracker, "einde_dienstverband", may_be_future=True, needs_year=False)

    async def extract_geboortedatum(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return self._situation_date(dispatcher, tracker, "geboortedatum", may_be_future=False, needs_year=True)

    def _situation_date(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, slot: Text, *, may_be_future: bool, needs_year: bool
    ) -> Dict[Text, Any]:
        """A date the situation needs, checked by the rules package before it is kept."""
        if not self._is_answer(tracker, slot):
            return {}
        today = message_date(tracker)
        try:
            parsed = parse_other_date(latest_text(tracker), today, may_be_future=may_be_future, needs_year=needs_year)
        except DateProblem as problem:
            dispatcher.utter_message(text=str(problem))
            return {slot: None}
        if parsed is None:
            dispatcher.utter_message(text=phrasing.DATE_NEEDED)
            return {slot: None}
        try:
            timeline_from_slots(tracker, today, **{slot: parsed.value})
        except PoortwachterError as problem:
            dispatcher.utter_message(text=str(problem))
            return {slot: None}
        return {slot: parsed.value.isoformat()}

    async def extract_ziek_door_zwangerschap(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if tracker.get_slot("requested_slot") != "ziek_door_zwangerschap" or latest_intent(tracker) == "crisis":
            return {}  # a crisis message is never an answer: the form rejects and the crisis rule answers
        answer = yes_no(tracker)
        if answer is None:
            answer = situation_text.pregnancy_cause_from_text(latest_text(tracker))
        if answer is None and UNKNOWN_WORDS.search(latest_text(tracker)):
            answer = False  # the button says "Nee / weet ik niet": not known to come from the pregnancy
        if answer is None:
            if latest_intent(tracker) not in DIGRESSIONS:
                dispatcher.utter_message(text=phrasing.YES_NO_NOT_UNDERSTOOD)
                return {"ziek_door_zwangerschap": None}
            return {}
        return {"ziek_door_zwangerschap": answer}

    async def extract_zwangerschapsverlof(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        """The leave dates, actual or expected; checked by the rules package before they are kept.

        A message with written-out dates is an answer whatever the classifier made of it (a date
        period is no question about something else); "nog niet bekend" keeps the leave unknown.
        """
        if tracker.get_slot("requested_slot") != "zwangerschapsverlof" or latest_intent(tracker) == "crisis":
            return {}  # a crisis message is never an answer: the form rejects and the crisis rule answers
        today = message_date(tracker)
        try:
            leave = parse_leave(latest_text(tracker), today, ZWANGERSCHAPS_EN_BEVALLINGSVERLOF.waarde)
        except DateProblem as problem:
            dispatcher.utter_message(text=str(problem))
            return {"zwangerschapsverlof": None}
        if leave is None:
            if UNKNOWN_WORDS.search(latest_text(tracker)) or latest_intent(tracker) == "deny":
                return {"zwangerschapsverlof": LEAVE_UNKNOWN}
            if latest_intent(tracker) in DIGRESSIONS:
                return {}
            dispatcher.utter_message(text=phrasing.LEAVE_DATES_NEEDED)
            return {"zwangerschapsverlof": None}
        value = leave_slot(leave.periode, leave.einde_aangenomen)
        try:  # whether the sickness goes on after the leave is asked next; here only the dates are checked
            calculate(tracker, today, zwangerschapsverlof=value, ziek_na_verlof=pregnancy.ONBEKEND)
        except PoortwachterError as problem:
            dispatcher.utter_message(text=f"{problem} {phrasing.LEAVE_AGAIN}")
            return {"zwangerschapsverlof": None}
        return {"zwangerschapsverlof": value, "ziek_na_verlof": None}

    async def extract_ziek_na_verlof(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if tracker.get_slot("requested_slot") != "ziek_na_verlof" or latest_intent(tracker) == "crisis":
            return {}  # a crisis message is never an answer: the form rejects and the crisis rule answers
        if UNKNOWN_WORDS.search(latest_text(tracker)):  # before yes/no: "weet ik niet" may be read as "deny"
            return {"ziek_na_verlof": pregnancy.ONBEKEND}
        answer = yes_no(tracker)
        if answer is None:
            if latest_intent(tracker) not in DIGRESSIONS:
                dispatcher.utter_message(text=phrasing.YES_NO_NOT_UNDERSTOOD)
                return {"ziek_na_verlof": None}
            return {}
        if answer:
            return {"ziek_na_verlof": pregnancy.JA}
        try:
            calculate(tracker, message_date(tracker), ziek_na_verlof=pregnancy.NEE)
        except CountStartsAgain:
            # The leave is over and the sickness did not go on after it: that sickness does not count,
            # and the first sick day after the leave is asked.
            dispatcher.utter_message(text=phrasing.count_starts_again(tracker.get_slot("rol")))
            return {"ziek_na_verlof": None, "eerste_ziektedag": None, "eerdere_perioden": None}
        except PoortwachterError:
            pass  # the answer is kept; the answer action explains what the rules reject
        return {"ziek_na_verlof": pregnancy.NEE}

    async def validate_schatting_bevestigd(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        estimate = tracker.get_slot("datum_schatting")
        if value is None:  # reset together with a new estimate: nothing to confirm yet
            return {}
        if value is True and estimate:
            return {"eerste_ziektedag": estimate, "datum_schatting": None, "schatting_bevestigd": True}
        dispatcher.utter_message(text="Geen probleem. Wat was dan precies je eerste ziektedag?")
        return {"datum_schatting": None, "schatting_bevestigd": None, "eerste_ziektedag": None}


class ActionAskEersteZiektedag(Action):
    """The question for the first sick day; for a milestone it first gives the general rule."""

    def name(self) -> Text:
        return "action_ask_eerste_ziektedag"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        voice = phrasing.voice_for(tracker.get_slot("rol"))
        if tracker.get_slot("vraag") == "termijn":
            rule = phrasing.general_milestone_rule(tracker.get_slot("milestone"))
            if rule:
                dispatcher.utter_message(text=rule)
        dispatcher.utter_message(
            text=voice.pick(
                "Wat was je eerste ziektedag? Dat is de eerste dag dat je niet (volledig) kon werken. "
                "Bijvoorbeeld '3 maart 2025' of 'al 14 maanden'.",
                "Wat was de eerste ziektedag van uw werknemer? Bijvoorbeeld '3 maart 2025'.",
            )
        )
        return []


class ActionAskSchattingBevestigd(Action):
    def name(self) -> Text:
        return "action_ask_schatting_bevestigd"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        estimate = date.fromisoformat(tracker.get_slot("datum_schatting"))
        voice = phrasing.voice_for(tracker.get_slot("rol"))
        dispatcher.utter_message(
            text=voice.pick(
                f"Dan was je eerste ziektedag ongeveer **{datum_nl(estimate)}**. Mag ik daarmee rekenen?",
                f"Dan was de eerste ziektedag ongeveer **{datum_nl(estimate)}**. Mag ik daarmee rekenen?",
            ),
            buttons=[
                {"title": "Ja, reken daarmee", "payload": "/affirm"},
                {"title": "Nee, ik geef de precieze datum", "payload": "/deny"},
            ],
        )
        return []


class ActionAskAdvies(Action):
    def name(self) -> Text:
        return "action_ask_advies"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        role = tracker.get_slot("rol")
        dispatcher.utter_message(text=phrasing.advice_question(role), buttons=phrasing.advice_buttons(role))
        return []


class ActionAskEindeDienstverband(Action):
    def name(self) -> Text:
        return "action_ask_einde_dienstverband"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        dispatcher.utter_message(text=phrasing.contract_end_question(tracker.get_slot("rol")))
        return []


class ActionAskGeboortedatum(Action):
    def name(self) -> Text:
        return "action_ask_geboortedatum"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        dispatcher.utter_message(text=phrasing.birth_date_question(tracker.get_slot("rol")))
        return []


class ActionAskZiekDoorZwangerschap(Action):
    def name(self) -> Text:
        return "action_ask_ziek_door_zwangerschap"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        role = tracker.get_slot("rol")
        dispatcher.utter_message(text=phrasing.pregnancy_cause_question(role), buttons=phrasing.YES_NO_BUTTONS)
        return []


class ActionAskZwangerschapsverlof(Action):
    def name(self) -> Text:
        return "action_ask_zwangerschapsverlof"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        role = tracker.get_slot("rol")
        dispatcher.utter_message(
            text=phrasing.leave_question(role, ZWANGERSCHAPS_EN_BEVALLINGSVERLOF.waarde),
            buttons=phrasing.LEAVE_UNKNOWN_BUTTONS,
        )
        return []


class ActionAskZiekNaVerlof(Action):
    def name(self) -> Text:
        return "action_ask_ziek_na_verlof"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        verlof, _assumed = leave_from_slot(tracker.get_slot("zwangerschapsverlof"))
        role = tracker.get_slot("rol")
        over = verlof is not None and verlof.einde < message_date(tracker)
        dispatcher.utter_message(
            text=phrasing.after_leave_question(role, verlof, over), buttons=phrasing.after_leave_buttons(over)
        )
        return []


class ActionAskPerspectief(Action):
    def name(self) -> Text:
        return "action_ask_perspectief"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        try:
            week = timeline_from_slots(tracker, message_date(tracker)).ziekteweek.waarde
        except PoortwachterError:
            week = None
        dispatcher.utter_message(
            text=phrasing.perspective_question(tracker.get_slot("rol"), week), buttons=phrasing.YES_NO_BUTTONS
        )
        return []


class ActionAnswerGuide(Action):
    """Computes with the rules package and gives the personal answer."""

    def name(self) -> Text:
        return "action_answer_guide"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        if in_shared_channel(tracker):
            dispatcher.utter_message(text=phrasing.PERSONAL_ONLY_IN_PRIVATE)
            return []
        if not tracker.get_slot("eerste_ziektedag"):
            dispatcher.utter_message(text="Ik weet je eerste ziektedag nog niet. Wat was die datum?")
            return []
        role = tracker.get_slot("rol")
        timeline, beeld, resets = calculation_or_explain(dispatcher, tracker)
        if timeline is None:
            return resets
        vraag = tracker.get_slot("vraag") or "spoor"
        if vraag == "termijn":
            text = phrasing.answer_milestone(timeline, tracker.get_slot("milestone"), role, beeld)
        elif vraag == "tijdlijn":
            text = phrasing.answer_timeline(timeline, role, beeld)
        else:
            text = phrasing.answer_track(timeline, role, beeld)
        buttons = [
            {"title": "Waarom?", "payload": "/ask_why"},
            {"title": "Hele tijdlijn", "payload": "/ask_timeline"},
        ]
        if vraag == "tijdlijn":
            buttons = buttons[:1]
        other = phrasing.other_milestone_button(question_milestone(tracker) or "") if vraag != "termijn" else None
        if other:
            buttons.append(other)
        dispatcher.utter_message(text=text, buttons=buttons)
        if situation(tracker) is None:
            # Answered for the ordinary case; the situations that change the dates are one click away.
            dispatcher.utter_message(
                text=phrasing.situation_offer(role), buttons=phrasing.situation_buttons(role, False)
            )
        if tracker.get_latest_input_channel() in WIDGET_CHANNELS:
            dispatcher.utter_message(json_message=timeline_payload(timeline, beeld, role))
        return []


class ActionExplainWhy(Action):
    """'Waarom?': the rules behind the personal answer, with their sources."""

    def name(self) -> Text:
        return "action_explain_why"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        if not tracker.get_slot("eerste_ziektedag") or in_shared_channel(tracker):
            dispatcher.utter_message(response="utter_faq/verschil_sporen")
            dispatcher.utter_message(text="Wil je weten wat dit voor jou betekent? Vraag dan 'in welk spoor zit ik?'.")
            return []
        timeline, beeld, _resets = calculation_or_explain(dispatcher, tracker)  # "waarom?" changes no slot
        if timeline is not None:
            dispatcher.utter_message(text=phrasing.explain_why(timeline, tracker.get_slot("rol"), beeld))
        return []
