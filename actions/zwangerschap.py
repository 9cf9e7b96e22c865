"""Pregnancy and the zwangerschaps- en bevallingsverlof in the guide: the answers, one call, the picture.

The law lives in the rules package (poortwachter/verlof.py): sickness right before and right after the
leave, from the same cause, is one case; the weeks of the leave do not count (BW 7:629 lid 4 and 10,
Wet WIA art. 23 lid 3 and 5, Ziektewet art. 38 lid 1); a leave that has not ended yet is planning. This
module turns the guide's answers into the package's inputs (the real first sick day, the leave, whether
the sickness goes on after it) and hands the package's account of the leave to the phrasing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from poortwachter import TellingBegintNaVerlofError, Periode, Tijdlijn, Verlofgevolg, compute_tijdlijn

JA, NEE, ONBEKEND = "ja", "nee", "onbekend"  # answers to "ben je direct na het verlof nog ziek?"
_DOORLOPEND = {JA: True, NEE: False}  # "onbekend" and no answer: the package assumes it and says so

# Sick before a leave that is over and not right after it: the sickness before the leave does not count,
# and the guide asks the first sick day after the leave (the package's error, under the guide's name).
CountStartsAgain = TellingBegintNaVerlofError


@dataclass(frozen=True)
class Zwangerschap:
    """What the guide knows about the employee's own pregnancy."""

    door_zwangerschap: bool  # the sickness comes from the pregnancy or the birth (Ziektewet art. 29a)
    verlof: Periode | None = None  # the leave, actual or expected; None: not known
    einde_aangenomen: bool = False  # only the first day was given; the end is the usual length
    doorlopend: str | None = None  # JA / NEE / ONBEKEND: sick right after the leave, same cause


@dataclass(frozen=True)
class Verlofbeeld:
    """What the answer has to explain about the leave: the guide's answers and the package's account."""

    zwangerschap: Zwangerschap
    gevolg: Verlofgevolg | None = None  # None: no leave dates

    @property
    def verlof(self) -> Periode | None:
        return self.zwangerschap.verlof

    @property
    def ligging(self) -> str:
        """Where the sickness began: "voor", "tijdens" or "na" the leave; "geen" without leave dates."""
        return self.gevolg.ligging if self.gevolg else "geen"

    @property
    def telt_samen(self) -> bool:
        return bool(self.gevolg and self.gevolg.samengeteld)

    @property
    def gepland(self) -> bool:
        return bool(self.gevolg and self.gevolg.gepland)

    @property
    def aanname(self) -> bool:
        return bool(self.gevolg and self.gevolg.aanname)

    @property
    def telling_stopt(self) -> bool:
        return bool(self.gevolg and self.gevolg.telling_stopt)

    @property
    def vanaf_na_verlof(self) -> date | None:
        return self.gevolg.telling_vanaf if self.gevolg else None


def compute(inputs: dict[str, Any], zwangerschap: Zwangerschap | None) -> tuple[Tijdlijn, Verlofbeeld | None]:
    """The timeline for `inputs` (compute_tijdlijn's arguments, `peildatum` = today) and the pregnancy.

    Raises PoortwachterError for input the rules reject, CountStartsAgain when the first sick day after
    the leave has to be asked.
    """
    if zwangerschap is None:
        return compute_tijdlijn(**inputs), None
    tijdlijn = compute_tijdlijn(
        **inputs,
        ziekte_door_zwangerschap=zwangerschap.door_zwangerschap,
        zwangerschapsverlof=zwangerschap.verlof,
        ziek_na_verlof=_DOORLOPEND.get(zwangerschap.doorlopend or ""),
    )
    return tijdlijn, Verlofbeeld(zwangerschap, tijdlijn.verlof)


def shifted(beeld: Verlofbeeld | None, termijn) -> bool:
    """Whether the leave moved this deadline (the rules package decides, and says why in its explanation)."""
    return beeld is not None and termijn.verschoven_door_verlof
