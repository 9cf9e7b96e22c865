"""The one call to the rules package from the guide's slots, and the Dutch answer when it says no.

The slots hold what the person told the guide; this module turns them into the package's inputs
(with the pregnancy answers through zwangerschap.py), computes, and on input the rules reject says why
and which slots to forget. No legal rule lives here.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from poortwachter import Advies, OngeldigeSituatieError, Periode, PoortwachterError, Tijdlijn

from . import phrasing, zwangerschap, situatie_text
from .zwangerschap import CountStartsAgain, Verlofbeeld, Zwangerschap
from .tracker_helpers import message_date


def _slot_date(tracker: Tracker, name: str, when_situatie: str) -> Optional[date]:
    """A date slot that belongs to one situation: only passed on while that situation is chosen."""
    value = tracker.get_slot(name)
    return date.fromisoformat(value) if value and situatie_code(tracker) == when_situatie else None


def situatie_code(tracker: Tracker) -> Optional[str]:
    """The situation code, older codes read as today's ("zwangerschap" is now "zwanger")."""
    return situatie_text.normalise_code(tracker.get_slot("situatie"))


VERLOF_UNKNOWN = "onbekend"  # the zwangerschapsverlof slot when the dates are not known yet


def verlof_from_slot(value: Any) -> tuple[Optional[Periode], bool]:
    """The leave stored in the slot, and whether its end was assumed (only the first day was given)."""
    if not isinstance(value, dict):
        return None, False
    return (
        Periode(date.fromisoformat(value["begin"]), date.fromisoformat(value["einde"])),
        bool(value.get("einde_aangenomen")),
    )


def verlof_slot(periode: Periode, einde_aangenomen: bool) -> Dict[Text, Any]:
    return {
        "begin": periode.begin.isoformat(),
        "einde": periode.einde.isoformat(),
        "einde_aangenomen": einde_aangenomen,
    }


def zwangerschap_from_slots(tracker: Tracker, **override: Any) -> Optional[Zwangerschap]:
    """The pregnancy as far as the guide knows it; None unless the situation is "zwanger"."""
    if situatie_code(tracker) != situatie_text.ZWANGER:
        return None
    verlof, assumed = verlof_from_slot(override.get("zwangerschapsverlof", tracker.get_slot("zwangerschapsverlof")))
    return Zwangerschap(
        door_zwangerschap=bool(override.get("ziek_door_zwangerschap", tracker.get_slot("ziek_door_zwangerschap"))),
        verlof=verlof,
        einde_aangenomen=assumed,
        doorlopend=override.get("ziek_na_verlof", tracker.get_slot("ziek_na_verlof")),
    )


ZWANGERSCHAP_SLOTS = ("ziek_door_zwangerschap", "zwangerschapsverlof", "ziek_na_verlof")


def calculate(
    tracker: Tracker, peildatum: date, advies: Optional[str] = None, **override: Any
) -> tuple[Tijdlijn, Optional[Verlofbeeld]]:
    """Compute with the rules package from the slots; raises PoortwachterError on bad input.

    `override` replaces an input (a date the user just gave) so it can be checked before it is
    stored: an argument of compute_tijdlijn, or one of the pregnancy slots. Raises CountStartsAgain
    when the sickness before a past leave does not count (zwangerschap.py).
    """
    periods = [
        Periode(date.fromisoformat(p["begin"]), date.fromisoformat(p["einde"]))
        for p in tracker.get_slot("eerdere_perioden") or []
    ]
    zwangerschap_override = {k: override.pop(k) for k in ZWANGERSCHAP_SLOTS if k in override}
    inputs = dict(
        eerste_ziektedag=date.fromisoformat(tracker.get_slot("eerste_ziektedag")),
        peildatum=peildatum,
        advies=advies or tracker.get_slot("advies") or Advies.ONBEKEND.value,
        eerdere_perioden=periods,
        perspectief_binnen_3_maanden=tracker.get_slot("perspectief"),
        einde_dienstverband=_slot_date(tracker, "einde_dienstverband", situatie_text.ZIEK_UIT_DIENST),
        eigenrisicodrager_zw=bool(tracker.get_slot("eigenrisicodrager_zw")),
        geboortedatum=_slot_date(tracker, "geboortedatum", situatie_text.AOW),
    )
    inputs.update(override)
    return zwangerschap.compute(inputs, zwangerschap_from_slots(tracker, **zwangerschap_override))


def tijdlijn_from_slots(tracker: Tracker, peildatum: date, advies: Optional[str] = None, **override: Any) -> Tijdlijn:
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
        tijdlijn, beeld = calculate(tracker, message_date(tracker))
        return tijdlijn, beeld, []
    except CountStartsAgain:
        dispatcher.utter_message(text=phrasing.count_starts_again(role, ask=True))
        return (
            None,
            None,
            [SlotSet("eerste_ziektedag", None), SlotSet("eerdere_perioden", None), SlotSet("ziek_na_verlof", None)],
        )
    except OngeldigeSituatieError as problem:
        if situatie_code(tracker) == situatie_text.ZWANGER:
            dispatcher.utter_message(text=f"{problem} {phrasing.VERLOF_AGAIN}")
            return None, None, [SlotSet("zwangerschapsverlof", None), SlotSet("ziek_na_verlof", None)]
        dispatcher.utter_message(text=f"{problem} {phrasing.SITUATIE_AGAIN}")
        return None, None, [SlotSet(name, None) for name in ("situatie", "einde_dienstverband", "geboortedatum")]
    except PoortwachterError as problem:
        dispatcher.utter_message(text=f"{problem} Wil je de datum nog eens geven?")
        return None, None, [SlotSet("eerste_ziektedag", None), SlotSet("eerdere_perioden", None)]


def tijdlijn_or_explain(
    dispatcher: CollectingDispatcher, tracker: Tracker
) -> tuple[Optional[Tijdlijn], List[EventType]]:
    """The timeline for documents (PDF): with the notes about a leave; see `calculation_or_explain`."""
    tijdlijn, beeld, resets = calculation_or_explain(dispatcher, tracker)
    if tijdlijn is None:
        return None, resets
    return phrasing.with_verlof_notes(tijdlijn, beeld, tracker.get_slot("rol")), []
