"""What one message says beside its question, as slots: the role, the first sick day (and earlier
periods), the advice, the situation and a contract end.

Used when the guide starts (guide.py), while its form runs (guide_form.py), beside a fixed answer
(faq.py) and by the dossier check. The words themselves are read in dates.py, advies_text.py,
situatie_text.py and role_text.py.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Dict, Optional, Text

from rasa_sdk import Tracker

from . import situatie_text
from .advies_text import advies_from_text
from .dates import DateProblem, ParsedDate, Ziektedatums, parse_other_date, parse_ziektedatums
from .role_text import ROLE_CODES, role_from_text
from .situatie_text import CONTRACT_END
from .tracker_helpers import entity


def report_slots(report: Ziektedatums) -> Dict[Text, Any]:
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


def advies_slot(tracker: Tracker, text: str) -> Optional[str]:
    """The advice code from the NLU entity, or else from the words of the message."""
    value = entity(tracker, "advies")
    code = (advies_from_text(value) if value else None) or advies_from_text(text)
    return code.value if code else None


def situatie_slots(tracker: Tracker, text: str, today: date) -> Dict[Text, Any]:
    """The situation a message describes (entity or words), with a contract end date it names."""
    slots: Dict[Text, Any] = {}
    # A button gives the code as the entity; in free text the words decide. DIET's entity spans are
    # often only a piece ("pensioen"), and its synonym for "bevallen" does not know whose birth it was
    # ("mijn vrouw is bevallen" is no situation of the employee).
    value = situatie_text.normalise_code(entity(tracker, "situatie")) if text.startswith("/") else None
    code = value or situatie_text.situatie_from_text(text)
    if code:
        slots["situatie"] = code
    if code == situatie_text.ZWANGER:
        cause = situatie_text.zwangerschap_cause_from_text(text)
        if cause is not None:  # said in so many words: "ziek door mijn zwangerschap"
            slots["ziek_door_zwangerschap"] = cause
    if situatie_text.mentions_eigenrisicodrager(text):
        slots["eigenrisicodrager_zw"] = True
    end = CONTRACT_END.search(text)
    if code == situatie_text.ZIEK_UIT_DIENST and end:
        try:
            parsed = parse_other_date(end.group(1), today, may_be_future=True, needs_year=False)
        except DateProblem:
            parsed = None
        if parsed:
            slots["einde_dienstverband"] = parsed.value.isoformat()
    return slots


def message_context(tracker: Tracker, text: str, today: date) -> tuple[Dict[Text, Any], Optional[DateProblem]]:
    """What a message says beside its question: the role, the first sick day, the situation.

    Returns the slots, and a date problem to explain if the message had a date that cannot be used
    (the slots then hold no date). Used when the guide starts and beside a fixed answer.
    """
    slots: Dict[Text, Any] = {}
    # The words first: in "mijn werknemer is sinds 3 maart ziek" the classifier may tag "werknemer" as the
    # `rol` entity, while the sentence says the writer is the employer. Buttons ("/inform_rol{...}") and
    # short answers without such words fall back on the entity.
    role = role_from_text(text) or ROLE_CODES.get(entity(tracker, "rol") or "")
    if role and role != tracker.get_slot("rol"):
        slots["rol"] = role
    problem = None
    try:
        # "mijn contract loopt af op 30 juni": that date is no sick day.
        report = parse_ziektedatums(CONTRACT_END.sub(" ", text), today)
    except DateProblem as error:
        report, problem = None, error
    if report is not None and report.current is not None:
        slots.update(report_slots(report))
    slots.update(situatie_slots(tracker, text, today))
    return slots, problem
