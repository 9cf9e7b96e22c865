"""Counting sick days and weeks, and merging sickness periods.

Convention (WIA art. 23 lid 2): the first sick day is day 1; day n is
d1 + (n-1) calendar days; week w covers days 7w-6 … 7w. Periods that follow
each other with a gap of fewer than four weeks (< 28 days) count as one case
(WIA art. 23 lid 3, BW 7:629 lid 10); so do periods directly before and right
after a zwangerschaps- en bevallingsverlof, however long the leave (the same
articles, second ground). The days in a gap or of the leave are not sick days.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Sequence

from .parameters import SAMENTELLEN_ONDERBREKING

# "minder dan vier weken": a gap of 27 days merges, 28 does not.
MERGE_GAP_DAYS = 7 * SAMENTELLEN_ONDERBREKING.waarde


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
    over_verlof: bool = False  # merged across a zwangerschaps- en bevallingsverlof

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

    def day_number_of(self, day: date) -> int:
        """The sick day a calendar date falls on; a date in a gap counts as the next sick day.

        Dates after the case began but outside its periods only occur for deadlines that
        are not day counts (a rolled 42e-weeksmelding, a date set after a step was done).
        """
        counted = 0
        for periode in self.eerdere:
            if day <= periode.einde:
                return counted + max(0, (day - periode.begin).days) + 1
            counted += periode.dagen
        return counted + max(0, (day - self.huidige_start).days) + 1


def week_of_day(n: int) -> int:
    return math.ceil(n / 7)


def _around_verlof(earlier: Periode, later_start: date, verlof: Periode | None) -> bool:
    """Sickness that ends the day before the leave and starts again the day after it."""
    return (
        verlof is not None
        and earlier.einde + timedelta(days=1) == verlof.begin
        and later_start - timedelta(days=1) == verlof.einde
    )


def ziektegeval_from_perioden(
    huidige_start: date, eerdere: Sequence[Periode] = (), verlof: Periode | None = None
) -> Ziektegeval:
    """Keep the earlier periods that merge with the current one (checked first by validation.py)."""
    ordered = sorted(eerdere, key=lambda p: p.begin)
    # Walk back from the current period; the chain breaks at the first gap of 4 weeks or more
    # that is not a zwangerschaps- en bevallingsverlof with sickness right before and after it.
    merged: list[Periode] = []
    next_start = huidige_start
    over_verlof = False
    index = len(ordered) - 1
    while index >= 0:
        earlier = ordered[index]
        if gap_days(earlier, next_start) >= MERGE_GAP_DAYS and not _around_verlof(earlier, next_start, verlof):
            break
        over_verlof = over_verlof or _around_verlof(earlier, next_start, verlof)
        merged.insert(0, earlier)
        next_start = earlier.begin
        index -= 1
    loose = tuple(ordered[: index + 1])
    return Ziektegeval(huidige_start=huidige_start, eerdere=tuple(merged), losse=loose, over_verlof=over_verlof)
