"""Pregnancy and the zwangerschaps- en bevallingsverlof in the guide: the inputs for the rules.

The rules package counts the leave (poortwachter/counting.py): sickness right before the leave and
right after it, from the same cause, is one case, and the weeks of the leave do not count (BW 7:629
lid 4 and 10, Wet WIA art. 23 lid 3 and 5, Ziektewet art. 38 lid 1). It wants the sickness before
the leave as an earlier period and the day after the leave as the start of the current one. The
guide asks for the first sick day and the leave dates; this module turns them into those inputs,
and says where the sickness lies against the leave, so the answer can say why dates moved.

A leave that is still ahead, or still running, is planning. The period after the leave then starts
after today, which the rules package refuses ("een eerste ziektedag kan niet in de toekomst
liggen"). Two computations of the package are combined instead, without a rule of our own: today's
position (week, track, steps, deadlines before the leave) from the case as it stands today, and
every date after the leave from the case as it will be on the first day after the leave.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from poortwachter import Periode, PoortwachterError, Tijdlijn, compute_timeline
from poortwachter.deadlines import REGELS_PER_KEY
from poortwachter.results import status_on
from poortwachter.steps import warnings

JA, NEE, ONBEKEND = "ja", "nee", "onbekend"  # answers to "ben je direct na het verlof nog ziek?"
ONE_DAY = timedelta(days=1)
AFTER_LEAVE_SUFFIX = "_na_verlof"
# The one deadline the rules give once for sickness before a leave and once for sickness right after it:
# the notice of sickness from the pregnancy (Ziektewet art. 29a lid 1, and lid 4 with art. 38a lid 2).
# Other differences between the two computations are the planned moment itself (spoor 2 "now"), not a
# second deadline.
AGAIN_AFTER_LEAVE = {"melding_ziekte_zwangerschap"}


@dataclass(frozen=True)
class Zwangerschap:
    """What the guide knows about the employee's own pregnancy."""

    door_zwangerschap: bool  # the sickness comes from the pregnancy or the birth (Ziektewet art. 29a)
    verlof: Periode | None = None  # the leave, actual or expected; None: not known
    einde_aangenomen: bool = False  # only the first day was given; the end is the usual length
    doorlopend: str | None = None  # JA / NEE / ONBEKEND: sick right after the leave, same cause


@dataclass(frozen=True)
class Verlofbeeld:
    """Where the sickness lies against the leave, and so what the answer has to explain."""

    zwangerschap: Zwangerschap
    ligging: str  # "geen" (no dates), "voor", "tijdens" or "na" the leave: where the first sick day lies
    telt_samen: bool = False  # before and after the leave are one case: later dates move by the leave
    gepland: bool = False  # the leave has not ended yet: expected dates, they move if the leave moves
    aanname: bool = False  # that the sickness goes on after the leave is assumed, not confirmed
    telling_stopt: bool = False  # not sick after the leave: the count of this sickness stops at it
    vanaf_na_verlof: date | None = None  # the count starts after the leave, seen from that day

    @property
    def verlof(self) -> Periode | None:
        return self.zwangerschap.verlof


class CountStartsAgain(PoortwachterError):
    """Sick before a leave that is over, and not sick right after it from the same cause: the sickness
    before the leave does not count, and the guide needs the first sick day after the leave.

    A PoortwachterError, so every place that handles input the rules cannot compute handles it too."""

    def __init__(self) -> None:
        super().__init__("De ziekte van vóór het verlof telt niet mee; de telling begint na het verlof opnieuw.")


def compute(inputs: dict[str, Any], zwangerschap: Zwangerschap | None) -> tuple[Tijdlijn, Verlofbeeld | None]:
    """The timeline for `inputs` (compute_timeline's arguments, `peildatum` = today) and the pregnancy.

    Raises PoortwachterError for input the rules reject, CountStartsAgain when the first sick day
    has to be asked again.
    """
    if zwangerschap is None:
        return compute_timeline(**inputs), None
    inputs = dict(inputs, ziekte_door_zwangerschap=zwangerschap.door_zwangerschap)
    verlof = zwangerschap.verlof
    if verlof is None:
        return compute_timeline(**inputs), Verlofbeeld(zwangerschap, "geen")
    today, first = inputs["peildatum"], inputs["eerste_ziektedag"]
    after = verlof.einde + ONE_DAY
    gepland = today <= verlof.einde
    if first > verlof.einde:  # sick only after the leave: it matters only for Ziektewet art. 29a lid 4
        return compute_timeline(**inputs, zwangerschapsverlof=verlof), Verlofbeeld(zwangerschap, "na")
    if first >= verlof.begin:
        # Sickness during the leave does not count; if it goes on, the count starts the day after it.
        counted = dict(inputs, eerste_ziektedag=after, zwangerschapsverlof=verlof)
        beeld = Verlofbeeld(zwangerschap, "tijdens", gepland=gepland, vanaf_na_verlof=after if gepland else None)
        return compute_timeline(**dict(counted, peildatum=max(today, after))), beeld
    # Sick before the leave.
    if zwangerschap.doorlopend == NEE:
        if not gepland:
            raise CountStartsAgain()
        last_sick_day = min(today, verlof.begin - ONE_DAY)
        return (compute_timeline(**dict(inputs, peildatum=last_sick_day)),
                Verlofbeeld(zwangerschap, "voor", gepland=True, telling_stopt=True))
    merged = dict(
        inputs,
        eerste_ziektedag=after,
        eerdere_perioden=[*inputs.get("eerdere_perioden", ()), Periode(first, verlof.begin - ONE_DAY)],
        zwangerschapsverlof=verlof,
    )
    beeld = Verlofbeeld(zwangerschap, "voor", telt_samen=True, gepland=gepland,
                        aanname=zwangerschap.doorlopend != JA)
    if not gepland:
        return compute_timeline(**merged), beeld
    plan = compute_timeline(**dict(merged, peildatum=after))
    now = compute_timeline(**dict(inputs, peildatum=min(today, verlof.begin - ONE_DAY)))
    return planned_view(plan, now, today, verlof), beeld


def _on(deadline, today: date):
    return replace(deadline, status=status_on(deadline.datum, today)) if deadline.datum else deadline


def planned_view(plan: Tijdlijn, now: Tijdlijn, today: date, verlof: Periode) -> Tijdlijn:
    """One timeline on `today` from two of the rules package: `now` (the case as it stands, without the
    leave) and `plan` (the case as it will be on the first day after the leave).

    Up to the leave both give the same dates, so `now` gives today's week, track and steps and every
    deadline before the leave; `plan` gives every date after the leave. A deadline that falls before
    the leave without it, and again after it with it (the notice to UWV of AGAIN_AFTER_LEAVE), is kept twice.
    """
    termijnen = {}
    for key, later in plan.termijnen.items():
        early = now.termijnen.get(key)
        if early is not None and early.datum is not None and early.datum < verlof.begin:
            termijnen[key] = _on(early, today)
            if key in AGAIN_AFTER_LEAVE and later.datum is not None and later.datum > verlof.einde:
                again = replace(later, key=key + AFTER_LEAVE_SUFFIX, titel=f"{later.titel} (na het verlof)")
                termijnen[again.key] = _on(again, today)
        else:
            termijnen[key] = _on(later, today)
    for key, early in now.termijnen.items():  # a deadline that only the case without the leave has
        if key not in termijnen and early.datum is not None and early.datum < verlof.begin:
            termijnen[key] = _on(early, today)

    def after_leave(stap):
        """The step of `plan` for a deadline after the leave as the view keeps it, or None."""
        again = termijnen.get(f"{stap.termijn}{AFTER_LEAVE_SUFFIX}")
        if again is not None and again.datum == stap.datum:
            return replace(stap, termijn=again.key, titel=again.titel)
        kept = termijnen.get(stap.termijn)
        return stap if kept is not None and kept.datum == stap.datum else None

    before = [s for s in now.stappen if s.datum is None or s.datum < verlof.begin]
    after = [kept for kept in (after_leave(s) for s in plan.stappen if s.termijn and s.datum and s.datum > verlof.einde)
             if kept is not None]
    known = {key: d for key, d in termijnen.items() if key in REGELS_PER_KEY}
    return replace(
        plan,
        peildatum=today,
        ziektedag=now.ziektedag,
        ziekteweek=now.ziekteweek,
        spoor=now.spoor,
        termijnen=termijnen,
        stappen=before + sorted(after, key=lambda s: s.datum),
        waarschuwingen=warnings(known),
        perspectief_relevant=now.perspectief_relevant,
    )


# Notices that belong to the leave itself: they do not move with it, they come with it.
OWN_TO_THE_LEAVE = {"melding_ziekte_rond_verlof", "melding_ziekte_zwangerschap",
                    "melding_ziekte_zwangerschap" + AFTER_LEAVE_SUFFIX}


def shifted(beeld: Verlofbeeld | None, deadline) -> bool:
    """Whether this deadline lies after the leave and so moved by its length."""
    return bool(
        beeld and beeld.telt_samen and beeld.verlof and deadline.datum and deadline.datum > beeld.verlof.einde
        and deadline.key not in OWN_TO_THE_LEAVE
    )
