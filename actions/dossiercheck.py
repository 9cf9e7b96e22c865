"""The dossier check in the chat (issue #29): "is ons re-integratiedossier op orde?".

Thin adapters, as in guide.py: read the case and the document dates from what people write, call
the rules package (poortwachter/dossiercheck.py, the only place that knows the deadlines) and phrase
the checklist (dossiercheck_text.py). The case questions are the guide's own: the form validation
below is the guide's, with one more question per document that is due and not yet known.

Only dates and "niet gedaan" / "weet ik niet" are asked and kept, in the conversation's own slots
(so under its normal retention and erasure); never anything about health. Personal checks only in
a private chat, as the guide (tracker_helpers.in_shared_channel).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from poortwachter import PoortwachterError, Tijdlijn
from poortwachter.dossiercheck import (
    DOCUMENTEN,
    NIET_GEDAAN,
    ONBEKEND,
    TITELS,
    DocumentStatus,
    Dossiercheck,
    check_dossier,
)
from privacy.medical import mentions_medical_details

from . import dossiercheck_text as words
from . import phrasing
from .calculation import calculation_or_explain, tijdlijn_from_slots
from .guide_form import CRISIS, ValidateGuideForm
from .guide_form import DIGRESSIONS as GUIDE_DIGRESSIONS
from .message_slots import advies_slot, message_context
from .role_text import ROLE_CODES, role_from_text
from .tracker_helpers import (
    WIDGET_CHANNELS,
    entity,
    in_shared_channel,
    latest_intent,
    latest_text,
    message_date,
    yes_no,
)

FORM = "dossiercheck_form"
READY = "klaar"  # the dossier_document slot once every document the check needs is known
# Asking for the check again is no answer to a question of the form; the rule starts it afresh.
DIGRESSIONS = GUIDE_DIGRESSIONS | {"ask_dossiercheck"}
ANSWER_STATUSES = (NIET_GEDAAN, ONBEKEND)  # what the two buttons under a document question send

# Who asks. A dossier is the employer's: "ons dossier", "we hebben … vergeten" is HR; "mijn dossier",
# "mijn werkgever" is the employee. role_text.role_from_text comes first (it knows "mijn werknemer").
_EMPLOYEE = re.compile(
    r"\bmijn\s+(?:eigen\s+)?(?:re-?integratie\s*-?)?dossier\b|\bmijn\s+(?:werkgever|baas|leidinggevende|manager)\b|"
    r"\bik\s+ben\s+(?:\w+\s+){0,4}ziek\b",
    re.IGNORECASE,
)
_EMPLOYER = re.compile(
    r"\b(?:ons|onze|wij|we)\b|\b(?:de|een|deze)\s+(?:werknemer|medewerker|medewerkster)\b|\bcasemanager\b",
    re.IGNORECASE,
)


def role_hint(text: str) -> Optional[str]:
    """The role a dossier question shows: "werkgever", "werknemer" or None."""
    role = role_from_text(text)
    if role:
        return role
    if _EMPLOYEE.search(text):
        return "werknemer"
    if _EMPLOYER.search(text):
        return "werkgever"
    return None


# --- the documents in the slot ------------------------------------------------------------------


def known_documents(tracker: Tracker) -> Dict[str, str]:
    """The documents as the conversation knows them (only names the rules package knows)."""
    value = tracker.get_slot("documenten")
    if not isinstance(value, dict):
        return {}
    return {name: v for name, v in value.items() if name in DOCUMENTEN and isinstance(v, str)}


def rules_input(documenten: Dict[str, str]) -> Dict[str, Any]:
    """The slot's values for check_dossier: dates as dates, "niet_gedaan" and "onbekend" as they are.
    A day without its year ("--04-10") is not passed on: `settled` gives it its year first."""
    values: Dict[str, Any] = {}
    for name, value in documenten.items():
        if value in ANSWER_STATUSES:
            values[name] = value
        elif not value.startswith(words.YEARLESS):
            values[name] = date.fromisoformat(value)
    return values


def still_to_ask(check: Dossiercheck, documenten: Dict[str, str]) -> List[str]:
    """The documents to ask for, in the rules package's order: those this case needs by now (anything but
    nog_niet_nodig) and not known yet. A document that is not due yet needs no date: the checklist says when
    it is due."""
    return [
        name
        for name, document in check.documenten.items()
        if name not in documenten and document.status is not DocumentStatus.NOG_NIET_NODIG
    ]


def settled(
    tijdlijn: Tijdlijn, documenten: Dict[str, str], today: date, names: Dict[str, str]
) -> tuple[Dict[str, str], List[str]]:
    """The documents with every day given its year and checked by the rules package against this case.

    Returns the documents that can be used and a Dutch explanation for each one that cannot (a date
    before the first sick day, after today, or a day that fits two years): those are left out, so that
    they are asked again and nothing is computed from them.
    """
    kept: Dict[str, str] = {}
    problems: List[str] = []
    for name, value in documenten.items():
        naam = names.get(name, name)
        try:
            value = words.settle(value, tijdlijn.eerste_ziektedag, today, naam)
            check_dossier(tijdlijn.invoer, rules_input({name: value}))
        except (words.DateProblem, PoortwachterError) as problem:
            problems.append(str(problem))
            continue
        kept[name] = value
    return kept, problems


def turned_down_before(tracker: Tracker) -> bool:
    """Whether the form already turned the latest message down: a question in between, which a rule answered
    before the form runs again to ask its question. Rasa runs the validation with the form as the latest
    action in both cases; the rejection event after the message tells them apart."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "action_execution_rejected":
            return True
    return False


def case_tijdlijn(tracker: Tracker, today: date) -> Optional[Tijdlijn]:
    """The timeline of the case as far as the slots know it, or None while it cannot be computed."""
    if not tracker.get_slot("eerste_ziektedag"):
        return None
    try:
        return tijdlijn_from_slots(tracker, today)
    except PoortwachterError:
        return None  # the guide's own questions explain a case the rules reject


def document_buttons(name: str) -> List[Dict[str, str]]:
    def payload(status: str) -> str:
        return f'/inform_document{{"document": "{name}", "document_status": "{status}"}}'

    return [
        {"title": "Niet gedaan", "payload": payload(NIET_GEDAAN)},
        {"title": "Weet ik niet", "payload": payload(ONBEKEND)},
    ]


# --- actions ------------------------------------------------------------------------------------------


class ActionPrefillDossiercheck(Action):
    """Reads the case from the message that asks for the check: the role, the first sick day, the advice
    and the situation. The document dates in it are read by the form (ValidateDossiercheckForm), which
    checks them against the case; here they are only kept out of the sick day ("probleemanalyse 10 april"
    is no first sick day)."""

    def name(self) -> Text:
        return "action_prefill_dossiercheck"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        if in_shared_channel(tracker):
            return []  # nothing personal is read or kept here; the answer invites to a private chat
        text = latest_text(tracker)
        today = message_date(tracker)
        if mentions_medical_details(text):
            dispatcher.utter_message(response="utter_privacy_no_medical")
        rest = words.read_documents(text, today).rest
        slots: Dict[Text, Any] = {"dossier_document": None, "dossier_gevraagd": None}
        context, problem = message_context(tracker, rest, today)
        if problem is not None:
            dispatcher.utter_message(text=str(problem))
        slots.update(context)
        role = context.get("rol") or ROLE_CODES.get(entity(tracker, "rol") or "") or role_hint(text)
        if role and role != tracker.get_slot("rol"):
            slots["rol"] = role
        if "bedrijfsarts" in rest.lower() or entity(tracker, "advies"):
            advies = advies_slot(tracker, rest)
            if advies:
                slots["advies"] = advies
        new_case = "eerste_ziektedag" in context and context["eerste_ziektedag"] != tracker.get_slot("eerste_ziektedag")
        if new_case or ("datum_schatting" in context and context["datum_schatting"]):
            slots["documenten"] = None  # the documents of another case do not belong to this one
        return [SlotSet(name, value) for name, value in slots.items()]


class ValidateDossiercheckForm(ValidateGuideForm):
    """The guide's questions about the case, then one question per document that is due and unknown."""

    SIDE_SLOTS = ValidateGuideForm.SIDE_SLOTS + ("documenten", "dossier_gevraagd")

    def name(self) -> Text:
        return "validate_dossiercheck_form"

    async def _case_slots(
        self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Text]:
        """The case questions exactly as the guide asks them for "in welk spoor?" (the advice, the situation
        and the 3-month perspective all change deadlines of the file)."""
        as_track_question = tracker.copy()
        as_track_question.slots["vraag"] = "spoor"
        return await super().required_slots(domain_slots, dispatcher, as_track_question, domain)

    async def required_slots(
        self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Text]:
        if in_shared_channel(tracker):
            return []  # no personal questions where others read along
        # Always listed (asked only while empty): rasa_sdk keeps only the validated slots that are required.
        return ["rol"] + await self._case_slots(domain_slots, dispatcher, tracker, domain) + ["dossier_document"]

    async def extract_rol(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if tracker.get_slot("requested_slot") != "rol" or latest_intent(tracker) == CRISIS:
            return {}
        role = ROLE_CODES.get(entity(tracker, "rol") or "") or role_hint(latest_text(tracker))
        if role:
            return {"rol": role}
        if latest_intent(tracker) in DIGRESSIONS:
            return {}
        dispatcher.utter_message(text=words.ROLE_NOT_UNDERSTOOD)  # the form asks the question again
        return {"rol": None}

    async def extract_eerste_ziektedag(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        # A date given for a document ("10 april", which the NLU calls inform_sick_date) is no new first
        # sick day; a correction of the sick day comes with words the guide's prefill reads.
        if tracker.get_slot("requested_slot") in ("dossier_document", "rol"):
            return {}
        return await super().extract_eerste_ziektedag(dispatcher, tracker, domain)

    async def extract_schatting_bevestigd(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        # The domain maps yes/no to this slot only inside the guide's form (domain/core.yml); the same here.
        return self._yes_no_answer(tracker, "schatting_bevestigd")

    async def extract_perspectief(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return self._yes_no_answer(tracker, "perspectief")

    def _yes_no_answer(self, tracker: Tracker, slot: Text) -> Dict[Text, Any]:
        """The buttons (affirm/deny) or a typed "ja"/"nee" (tracker_helpers.yes_no), only as the answer to this question."""
        answer = yes_no(tracker) if tracker.get_slot("requested_slot") == slot else None
        return {} if answer is None else {slot: answer}

    async def extract_dossier_document(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        """The documents a message names, or the answer to the question for one document.

        Read from every new message of the form (the first one too: "probleemanalyse 10 april, plan van
        aanpak 2 mei"), whatever the classifier made of it: a document with a date is no question about
        something else. Whether a date fits the case is checked after the case questions
        (get_validation_events)."""
        if latest_intent(tracker) == CRISIS or turned_down_before(tracker):
            return {}  # a crisis is never an answer; a message the form turned down is not read a second time
        text = latest_text(tracker)
        today = message_date(tracker)
        documenten = known_documents(tracker)
        asked = tracker.get_slot("requested_slot") == "dossier_document"
        gevraagd = tracker.get_slot("dossier_gevraagd")
        button = (entity(tracker, "document"), entity(tracker, "document_status"))
        if button[0] in DOCUMENTEN and button[1] in ANSWER_STATUSES:
            return {"documenten": {**documenten, button[0]: button[1]}}
        role = tracker.get_slot("rol")
        read = words.read_documents(text, today, TITELS)
        for problem in read.problemen:
            dispatcher.utter_message(text=words.for_voice(problem, role))
        found = dict(read.documenten)
        if asked and gevraagd in DOCUMENTEN and not found and not read.problemen:
            try:
                value = words.read_answer(text, today)
            except words.DateProblem as problem:
                dispatcher.utter_message(text=words.for_voice(str(problem), role))
                return {"dossier_document": None}
            if value is None and latest_intent(tracker) == "deny":
                value = NIET_GEDAAN
            if value is not None:
                found[gevraagd] = value
        if found and mentions_medical_details(text):
            dispatcher.utter_message(response="utter_privacy_no_medical")
        if found:
            return {"documenten": {**documenten, **found}}
        if read.problemen:
            return {"dossier_document": None}  # explained; the question comes again
        if asked and latest_intent(tracker) not in DIGRESSIONS:
            dispatcher.utter_message(text=words.answer_not_understood(role))
            return {"dossier_document": None}
        return {}

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """After the guide's validation: the documents checked against the case, and READY once nothing
        is left to ask (the form then ends and the checklist follows)."""
        events = await super().get_validation_events(dispatcher, tracker, domain)
        if in_shared_channel(tracker):
            return events
        case = await self._case_slots(self.domain_slots(domain), dispatcher, tracker, domain)
        optional = set(getattr(self, "OPTIONAL_SLOTS", ()))  # read when said, never asked (the situation)
        if any(tracker.get_slot(slot) is None for slot in case if slot not in optional):
            return events  # the documents are checked once the case is known
        today = message_date(tracker)
        tijdlijn = case_tijdlijn(tracker, today)
        if tijdlijn is None:
            return events
        documenten = known_documents(tracker)
        kept, problems = settled(tijdlijn, documenten, today, TITELS)
        for problem in problems:
            dispatcher.utter_message(text=words.for_voice(problem, tracker.get_slot("rol")))
        if kept != documenten:
            events.append(SlotSet("documenten", kept))
        try:
            to_ask = still_to_ask(check_dossier(tijdlijn.invoer, rules_input(kept)), kept)
        except PoortwachterError as problem:  # each date was checked on its own; together they are asked again
            dispatcher.utter_message(text=str(problem))
            return events + [SlotSet("documenten", {})]
        # Only a change is an event: a SlotSet on every turn would make the form take any message as an
        # answer, and a question in between ("wat is een plan van aanpak?") would get no answer.
        if not to_ask and tracker.get_slot("dossier_document") != READY:
            events.append(SlotSet("dossier_document", READY))
        return events


class ActionAskEersteZiektedagForDossier(Action):
    """The first sick day, asked for the dossier (the guide's question may add a deadline's rule)."""

    def name(self) -> Text:
        return "action_ask_dossiercheck_form_eerste_ziektedag"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        dispatcher.utter_message(text=words.sick_day_question(tracker.get_slot("rol")))
        return []


class ActionAskDossierDocument(Action):
    """One document at a time: its date, or "Niet gedaan" / "Weet ik niet"."""

    def name(self) -> Text:
        return "action_ask_dossier_document"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        today = message_date(tracker)
        tijdlijn = case_tijdlijn(tracker, today)
        documenten = known_documents(tracker)
        try:
            check = check_dossier(tijdlijn.invoer, rules_input(documenten)) if tijdlijn else None
        except PoortwachterError:
            check = None  # the validation has said why and cleared the documents; not reached in practice
        to_ask = still_to_ask(check, documenten) if check else []
        if not to_ask:  # not reached: the validation ends the form first; said plainly all the same
            dispatcher.utter_message(text=words.nothing_to_ask(tracker.get_slot("rol")))
            return [SlotSet("dossier_gevraagd", None)]
        name = to_ask[0]
        first = not documenten and tracker.get_slot("dossier_gevraagd") is None
        dispatcher.utter_message(
            text=words.document_question(check.documenten[name], tracker.get_slot("rol"), first=first),
            buttons=document_buttons(name),
        )
        return [SlotSet("dossier_gevraagd", name)]


class ActionAnswerDossiercheck(Action):
    """The checklist: in order, late, missing, not yet due; the next action, the loonsanctie risk, sources."""

    def name(self) -> Text:
        return "action_answer_dossiercheck"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        if in_shared_channel(tracker):
            dispatcher.utter_message(text=phrasing.PERSONAL_ONLY_IN_PRIVATE)
            return []
        role = tracker.get_slot("rol")
        if not tracker.get_slot("eerste_ziektedag"):
            dispatcher.utter_message(text=words.sick_day_question(role))
            return []
        tijdlijn, _beeld, resets = calculation_or_explain(dispatcher, tracker)
        if tijdlijn is None:
            return resets
        today = tijdlijn.peildatum
        documenten = known_documents(tracker)
        kept, problems = settled(tijdlijn, documenten, today, TITELS)
        for problem in problems:  # only after a change of the case since the form: said, and left out
            dispatcher.utter_message(text=words.for_voice(problem, role))
        try:
            check = check_dossier(tijdlijn.invoer, rules_input(kept))
        except PoortwachterError as problem:  # each date was checked on its own; said plainly if together they fail
            dispatcher.utter_message(text=str(problem))
            return [SlotSet("documenten", None), SlotSet("dossier_gevraagd", None)]
        widget = tracker.get_latest_input_channel() in WIDGET_CHANNELS
        dispatcher.utter_message(
            # The web widget draws every document itself (web/spoorwijzer-widget.js); Slack and Teams get it all as text.
            text=(words.checklist_intro if widget else words.checklist)(check, tijdlijn, role),
            buttons=[{"title": "Hele tijdlijn", "payload": "/ask_timeline"}],
        )
        if widget:
            dispatcher.utter_message(json_message=words.checklist_payload(check, tijdlijn, role))
        events: List[EventType] = [SlotSet("dossier_gevraagd", None)]
        if kept != documenten:
            events.append(SlotSet("documenten", kept))
        return events
