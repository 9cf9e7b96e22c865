"""The guide's form: which questions a case needs, and reading each answer.

Asks only for what is missing, and only for what the question needs (ValidateGuideForm). The
questions themselves are asked by guide_questions.py; the personal answer comes from guide.py.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT
from rasa_sdk.types import DomainDict

from poortwachter import Advies, PoortwachterError
from poortwachter.parameters import ZWANGERSCHAPS_EN_BEVALLINGSVERLOF
from privacy.medical import mentions_medical_details

from . import phrasing, zwangerschap, situatie_text
from .advies_text import advies_from_text
from .calculation import VERLOF_UNKNOWN, calculate, verlof_from_slot, verlof_slot, situatie_code, tijdlijn_from_slots
from .dates import DateProblem, parse_verlof, parse_other_date, parse_ziektedatums
from .message_slots import advies_slot, report_slots, situatie_slots
from .suggest import answers_the_open_question
from .zwangerschap import CountStartsAgain
from .termijn_namen import termijn_needs_advies
from .tracker_helpers import in_shared_channel, latest_intent, latest_text, message_date, yes_no

GUIDE_FORM = "guide_form"
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
    "ask_termijn",
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

# "weet ik niet", "nog niet bekend", "geen idee": an answer that the guide can work with.
UNKNOWN_WORDS = re.compile(
    r"\b(weet ik (nog )?niet|nog niet (bekend|duidelijk|zeker)|onbekend|geen idee|weet niet)\b", re.IGNORECASE
)


class ValidateGuideForm(FormValidationAction):
    """Asks only for what is missing, and only for what the question needs."""

    # Slots that the answer to the date question fills beside its own: earlier sickness periods,
    # or an estimate still to confirm. rasa_sdk keeps only the form's required slots after
    # validation; these are passed on here (what went wrong without: docs/measurements-in-code.md).
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
        termijn = tracker.get_slot("termijn")
        # The advice is asked only when the answer depends on it: the track, or a deadline that the
        # rules date from it. An overview is answered at once and says what the advice would add.
        if vraag == "spoor" or (vraag == "termijn" and termijn_needs_advies(termijn)):
            required.append("advies")
        # The answer for the ordinary case comes first: the situation is not asked (issue #27 item 5).
        # The answer offers the situations that change the dates as buttons (action_answer_guide). A
        # situation the person named, in the message or with such a button, brings the one date it
        # needs; its questions come before the answer, which would be wrong without them.
        situatie = situatie_code(tracker)
        required.append("situatie")  # read from every message, never asked (OPTIONAL_SLOTS)
        situatie_questions: List[Text] = []
        if situatie == situatie_text.ZIEK_UIT_DIENST:
            situatie_questions.append("einde_dienstverband")
        elif situatie == situatie_text.AOW:
            situatie_questions.append("geboortedatum")
        elif situatie == situatie_text.ZWANGER:
            situatie_questions += self._zwangerschap_questions(tracker)
        required += situatie_questions
        situatie_known = all(tracker.get_slot(slot) is not None for slot in situatie_questions)
        if (
            "advies" in required
            and situatie_known
            and tracker.get_slot("eerste_ziektedag")
            and tracker.get_slot("advies")
            and tracker.get_slot("perspectief") is None
        ):
            try:
                tijdlijn = tijdlijn_from_slots(tracker, message_date(tracker))
            except PoortwachterError:
                tijdlijn = None
            if tijdlijn is not None and tijdlijn.perspectief_relevant:
                required.append("perspectief")
        return required

    @staticmethod
    def _zwangerschap_questions(tracker: Tracker) -> List[Text]:
        """What the rules need about a pregnancy, in as few questions as possible: whether the sickness
        comes from it, the leave dates, and, only for sickness that began before the leave, whether
        it goes on right after the leave from the same cause."""
        questions = ["ziek_door_zwangerschap", "zwangerschapsverlof"]
        verlof, _assumed = verlof_from_slot(tracker.get_slot("zwangerschapsverlof"))
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
            report = parse_ziektedatums(text, message_date(tracker))
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
        correcting = latest_intent(tracker) == "inform_advies"
        # "Dat weet ik eigenlijk niet", "geen idee", "nog niet gesproken" answer the question as
        # "unknown", whatever intent the classifier gave them (often deny or out_of_scope).
        unknown = (
            tracker.get_slot("requested_slot") == "advies" and advies_from_text(latest_text(tracker)) == Advies.ONBEKEND
        )
        if unknown and not latest_text(tracker).startswith("/"):
            return {"advies": Advies.ONBEKEND.value}
        if not (self._is_answer(tracker, "advies") or correcting or answers_the_open_question(tracker)):
            return {}
        advies = advies_slot(tracker, latest_text(tracker))
        if advies is None:
            dispatcher.utter_message(text=phrasing.ADVIES_NOT_UNDERSTOOD)
            return {"advies": None}
        return {"advies": advies}

    async def extract_situatie(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        asked = tracker.get_slot("requested_slot") == "situatie"
        correcting = latest_intent(tracker) == "inform_situatie"
        text = latest_text(tracker)
        slots = situatie_slots(tracker, text, message_date(tracker)) if (asked or correcting) else {}
        if slots.get("situatie") and asked and mentions_medical_details(text):
            # "ik ben zwanger en heb mijn been gebroken": the situation counts, the details are not needed.
            dispatcher.utter_message(response="utter_privacy_no_medical")
        if not slots.get("situatie"):
            if asked and (latest_intent(tracker) not in DIGRESSIONS or answers_the_open_question(tracker)):
                dispatcher.utter_message(text=phrasing.SITUATIE_NOT_UNDERSTOOD)
                return {"situatie": None}
            return {}
        return slots

    async def extract_einde_dienstverband(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return self._situatie_date(dispatcher, tracker, "einde_dienstverband", may_be_future=True, needs_year=False)

    async def extract_geboortedatum(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return self._situatie_date(dispatcher, tracker, "geboortedatum", may_be_future=False, needs_year=True)

    def _situatie_date(
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
            tijdlijn_from_slots(tracker, today, **{slot: parsed.value})
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
            answer = situatie_text.zwangerschap_cause_from_text(latest_text(tracker))
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
            verlof = parse_verlof(latest_text(tracker), today, ZWANGERSCHAPS_EN_BEVALLINGSVERLOF.waarde)
        except DateProblem as problem:
            dispatcher.utter_message(text=str(problem))
            return {"zwangerschapsverlof": None}
        if verlof is None:
            if UNKNOWN_WORDS.search(latest_text(tracker)) or latest_intent(tracker) == "deny":
                return {"zwangerschapsverlof": VERLOF_UNKNOWN}
            if latest_intent(tracker) in DIGRESSIONS:
                return {}
            dispatcher.utter_message(text=phrasing.VERLOF_DATES_NEEDED)
            return {"zwangerschapsverlof": None}
        value = verlof_slot(verlof.periode, verlof.einde_aangenomen)
        try:  # whether the sickness goes on after the leave is asked next; here only the dates are checked
            calculate(tracker, today, zwangerschapsverlof=value, ziek_na_verlof=zwangerschap.ONBEKEND)
        except PoortwachterError as problem:
            dispatcher.utter_message(text=f"{problem} {phrasing.VERLOF_AGAIN}")
            return {"zwangerschapsverlof": None}
        return {"zwangerschapsverlof": value, "ziek_na_verlof": None}

    async def extract_ziek_na_verlof(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if tracker.get_slot("requested_slot") != "ziek_na_verlof" or latest_intent(tracker) == "crisis":
            return {}  # a crisis message is never an answer: the form rejects and the crisis rule answers
        if UNKNOWN_WORDS.search(latest_text(tracker)):  # before yes/no: "weet ik niet" may be read as "deny"
            return {"ziek_na_verlof": zwangerschap.ONBEKEND}
        answer = yes_no(tracker)
        if answer is None:
            if latest_intent(tracker) not in DIGRESSIONS:
                dispatcher.utter_message(text=phrasing.YES_NO_NOT_UNDERSTOOD)
                return {"ziek_na_verlof": None}
            return {}
        if answer:
            return {"ziek_na_verlof": zwangerschap.JA}
        try:
            calculate(tracker, message_date(tracker), ziek_na_verlof=zwangerschap.NEE)
        except CountStartsAgain:
            # The leave is over and the sickness did not go on after it: that sickness does not count,
            # and the first sick day after the leave is asked.
            dispatcher.utter_message(text=phrasing.count_starts_again(tracker.get_slot("rol")))
            return {"ziek_na_verlof": None, "eerste_ziektedag": None, "eerdere_perioden": None}
        except PoortwachterError:
            pass  # the answer is kept; the answer action explains what the rules reject
        return {"ziek_na_verlof": zwangerschap.NEE}

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
