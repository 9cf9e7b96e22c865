"""Counting sick days and weeks, and merging sickness periods.

Convention (WIA art. 23 lid 2): the first sick day is day 1; day n is
d1 + (n-1) calendar days; week w covers days 7w-6 … 7w. Periods that follow
each other with a gap of fewer than four weeks (< 28 days) count as one case
(WIA art. 23 lid 3, BW 7:629 lid 10); the days in the gap are not sick days.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Sequence

from .errors import InvalidPeriodError

MERGE_GAP_DAYS = 28  # "minder dan vier weken": a gap of 27 days merges, 28 does not


@dataclass(frozen=True)
class Periode:
    """A closed sickness period, both days included."""

    begin: date
    einde: date

    @property
    def dagen(self) -> int:
        return (self.einde - self.begin).days + 1


def gap_days(earlier: Periode, later_start: date) -> int:
    """Days without sickness between the end of one period and the next start."""
    return (later_start - earlier.einde).days - 1


@dataclass(frozen=True)
class Ziektegeval:
    """One case in the sense of the wachttijd: merged earlier periods plus the current one.

    `eerdere` holds only the earlier periods that merge into the case;
    `losse` the ones that do not count because a gap of 28 days or more
    separates them from the case.
    """

    huidige_start: date
    eerdere: tuple[Periode, ...]
    losse: tuple[Periode, ...]

    @property
    def eerste_ziektedag(self) -> date:
        return self.eerdere[0].begin if self.eerdere else self.huidige_start

    @property
    def eerdere_dagen(self) -> int:
        return sum(p.dagen for p in self.eerdere)

    def sick_day_number(self, peildatum: date) -> int:
        """Cumulative sick days up to and including the peildatum (current period ongoing)."""
        return self.eerdere_dagen + (peildatum - self.huidige_start).days + 1

    def date_of_day(self, n: int) -> date:
        """Calendar date on which the case reaches sick day n.

        Days inside an earlier period map into that period; later days fall in
        the current period, which is assumed to continue.
        """
        if n < 1:
            raise ValueError("sick day numbers start at 1")
        remaining = n
        for periode in self.eerdere:
            if remaining <= periode.dagen:
                return periode.begin + timedelta(days=remaining - 1)
            remaining -= periode.dagen
        return self.huidige_start + timedelta(days=remaining - 1)

    def end_of_week(self, w: int) -> date:
        return self.date_of_day(7 * w)

    def start_of_week(self, w: int) -> date:
        return self.date_of_day(7 * w - 6)


def week_of_day(n: int) -> int:
    return math.ceil(n / 7)


def build_case(huidige_start: date, eerdere: Sequence[Periode] = ()) -> Ziektegeval:
    """Validate earlier periods and keep the ones that merge with the current period."""
    ordered = sorted(eerdere, key=lambda p: p.begin)
    for periode in ordered:
        if periode.einde < periode.begin:
            raise InvalidPeriodError(
                f"De periode {periode.begin.isoformat()} tot {periode.einde.isoformat()} "
                "eindigt voordat hij begint."
            )
        if periode.einde >= huidige_start:
            raise InvalidPeriodError(
                f"De eerdere periode {periode.begin.isoformat()} tot "
                f"{periode.einde.isoformat()} moet eindigen vóór de eerste ziektedag "
                f"van de huidige periode ({huidige_start.isoformat()})."
            )
    for first, second in zip(ordered, ordered[1:]):
        if second.begin <= first.einde:
            raise InvalidPeriodError(
                f"De perioden {first.begin.isoformat()}–{first.einde.isoformat()} en "
                f"{second.begin.isoformat()}–{second.einde.isoformat()} overlappen elkaar."
            )

    # Walk back from the current period; the chain breaks at the first gap of 28+ days.
    merged: list[Periode] = []
    next_start = huidige_start
    index = len(ordered) - 1
    while index >= 0 and gap_days(ordered[index], next_start) < MERGE_GAP_DAYS:
        merged.insert(0, ordered[index])
        next_start = ordered[index].begin
        index -= 1
    loose = tuple(ordered[: index + 1])
    return Ziektegeval(huidige_start=huidige_start, eerdere=tuple(merged), losse=loose)
