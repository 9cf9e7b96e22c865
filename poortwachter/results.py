"""What the rules return: values with their rule and source, and the JSON contract.

Names: `eerste_ziektedag` is on input the first day of the *current* sickness
period, on output (`Tijdlijn.eerste_ziektedag`, JSON `eerste_ziektedag`) the
first day of the *whole case* after merging earlier periods; JSON
`begin_ziektegeval` says the latter without the ambiguity and
`huidige_periode_vanaf` gives the former. A deadline's `nog_te_doen` (JSON also
`verplichting`, the older name kept for clients) says whether it is still open
in this case, not whether the law knows it. A deadline's `verschoven_door_verlof` says that a
zwangerschaps- en bevallingsverlof moved it (its `uitleg` says why); `Tijdlijn.verlof` (JSON `verlof`)
says what the leave does to the case, including whether the dates are planning (`gepland`).
`Tijdlijn.invoer` is the input record the result was computed from (JSON `invoer`: the given inputs).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from . import bronnen
from .advies import Advies
from .bronnen import Bron
from .counting import Periode, Ziektegeval
from .invoer import Invoer
from .situatie import Situatie


class TermijnStatus(str, Enum):
    """Where a termijn lies against the peildatum; the value is the JSON's `status`."""

    VERSTREKEN = "verstreken"
    VANDAAG = "vandaag"
    KOMEND = "komend"


def status_on(day: date | None, peildatum: date) -> TermijnStatus | None:
    """Whether a deadline lies before, on or after the peildatum."""
    if day is None:
        return None
    if day < peildatum:
        return TermijnStatus.VERSTREKEN
    return TermijnStatus.VANDAAG if day == peildatum else TermijnStatus.KOMEND


@dataclass(frozen=True)
class Uitkomst:
    """A computed value with the rule and source behind it."""

    waarde: object
    uitleg: str
    bron: Bron

    def as_dict(self) -> dict:
        waarde = self.waarde.value if isinstance(self.waarde, Enum) else self.waarde  # the spoor: its code
        return {"waarde": waarde, "uitleg": self.uitleg, "bron": self.bron.as_dict()}


@dataclass(frozen=True)
class Termijn:
    """One deadline of one case: its date, the sick week it falls in, and why."""

    key: str
    titel: str
    datum: date | None
    status: TermijnStatus | None
    wie: str
    regel: str
    uitleg: str
    bron: Bron
    week: int | None  # sick week of the (merged) case in which the date falls
    nog_te_doen: bool = True  # False: informative, already done, or not needed with this advice
    hangt_af_van_advies: bool = False  # the date or its existence follows from the bedrijfsarts advice
    vervalt: bool = False  # does not apply in this situation (situatie.py); `uitleg` says why
    verschoven_door_verlof: bool = False  # a zwangerschaps- en bevallingsverlof moved it; `uitleg` says why

    def as_dict(self) -> dict:
        return {
            "titel": self.titel,
            "datum": self.datum.isoformat() if self.datum else None,
            "status": self.status.value if self.status else None,
            "wie": self.wie,
            "regel": self.regel,
            "uitleg": self.uitleg,
            "verplichting": self.nog_te_doen,
            "nog_te_doen": self.nog_te_doen,
            "week": self.week,
            "hangt_af_van_advies": self.hangt_af_van_advies,
            "vervalt": self.vervalt,
            "verschoven_door_verlof": self.verschoven_door_verlof,
            "bron": self.bron.as_dict(),
        }


@dataclass(frozen=True)
class Stap:
    titel: str
    uitleg: str
    wie: str
    bron: Bron
    datum: date | None = None
    termijn: str | None = None  # key of the deadline this step serves, if any

    def as_dict(self) -> dict:
        return {
            "titel": self.titel,
            "uitleg": self.uitleg,
            "wie": self.wie,
            "datum": self.datum.isoformat() if self.datum else None,
            "termijn": self.termijn,
            "bron": self.bron.as_dict(),
        }


@dataclass(frozen=True)
class Waarschuwing:
    termijn: str
    tekst: str
    bron: Bron

    def as_dict(self) -> dict:
        return {"termijn": self.termijn, "tekst": self.tekst, "bron": self.bron.as_dict()}


@dataclass(frozen=True)
class Verlofgevolg:
    """What a zwangerschaps- en bevallingsverlof does to this case."""

    verlof: Periode
    ligging: str  # verlof.VOOR, TIJDENS or NA: where the sickness began against the leave
    samengeteld: bool  # sickness right before and after counts as one: later dates move by the leave
    gepland: bool  # the leave has not ended on the peildatum: expected dates, they move if the leave moves
    aanname: bool = False  # that the sickness goes on right after the leave is assumed, not given
    telling_stopt: bool = False  # not sick right after the leave: the count of this sickness stops at it
    telling_vanaf: date | None = None  # the count starts after the leave, after the peildatum asked
    stand_op: date | None = None  # the day today's position is counted on, when that is not the peildatum

    @property
    def dagen_later(self) -> int:
        """By how many days the dates after the leave moved (0: they did not)."""
        return self.verlof.dagen if self.samengeteld else 0

    def as_dict(self) -> dict:
        return {
            "begin": self.verlof.begin.isoformat(),
            "einde": self.verlof.einde.isoformat(),
            "ligging": self.ligging,
            "samengeteld": self.samengeteld,
            "gepland": self.gepland,
            "aanname": self.aanname,
            "telling_stopt": self.telling_stopt,
            "telling_vanaf": self.telling_vanaf.isoformat() if self.telling_vanaf else None,
            "stand_op": self.stand_op.isoformat() if self.stand_op else None,
            "dagen_later": self.dagen_later,
            "bron": bronnen.VERLOF_TELT_NIET.as_dict(),
        }


@dataclass(frozen=True)
class Tijdlijn:
    peildatum: date
    advies: Advies
    geval: Ziektegeval
    ziektedag: Uitkomst
    ziekteweek: Uitkomst
    spoor: Uitkomst
    termijnen: dict[str, Termijn]
    stappen: list[Stap]
    waarschuwingen: list[Waarschuwing]
    perspectief_relevant: bool
    wachttijd_weken: int  # 104 plus any voluntary extension: the length of the timeline
    situatie: Situatie
    opmerkingen: list[str] = field(default_factory=list)
    verlof: Verlofgevolg | None = None  # what a zwangerschaps- en bevallingsverlof does to the case
    invoer: Invoer | None = None  # the input the caller gave

    @property
    def gepland(self) -> bool:
        """The dates after a leave that has not ended yet are expected dates: they move if the leave moves."""
        return self.verlof is not None and self.verlof.gepland

    @property
    def eerste_ziektedag(self) -> date:
        """The first sick day of the whole (merged) case."""
        return self.geval.eerste_ziektedag

    def datum(self, key: str) -> date | None:
        termijn = self.termijnen.get(key)
        return termijn.datum if termijn else None

    def as_dict(self) -> dict:
        """The JSON contract of `poortwachter tijdlijn --json` and the HR API."""
        bron_per_item = {key: d.bron.as_dict() for key, d in self.termijnen.items()}
        for name in ("ziektedag", "ziekteweek", "spoor"):
            bron_per_item[name] = getattr(self, name).bron.as_dict()
        return {
            "eerste_ziektedag": self.geval.eerste_ziektedag.isoformat(),
            "begin_ziektegeval": self.geval.eerste_ziektedag.isoformat(),
            "huidige_periode_vanaf": self.geval.huidige_start.isoformat(),
            "peildatum": self.peildatum.isoformat(),
            "advies": self.advies.value,
            "ziektedag": self.ziektedag.waarde,
            "ziekteweek": self.ziekteweek.waarde,
            "spoor": self.spoor.waarde.value,
            "wachttijd_weken": self.wachttijd_weken,
            "situatie": self.situatie.as_dict(),
            "aow_datum": self.situatie.aow_datum.isoformat() if self.situatie.aow_datum else None,
            "termijnen": {k: (d.datum.isoformat() if d.datum else None) for k, d in self.termijnen.items()},
            "termijn_details": {k: d.as_dict() for k, d in self.termijnen.items()},
            "stappen": [s.as_dict() for s in self.stappen],
            "waarschuwingen": [w.as_dict() for w in self.waarschuwingen],
            "uitleg": {name: getattr(self, name).as_dict() for name in ("ziektedag", "ziekteweek", "spoor")},
            "bronnen": bron_per_item,
            "samengetelde_perioden": [
                {"begin": p.begin.isoformat(), "einde": p.einde.isoformat()} for p in self.geval.eerdere
            ],
            "niet_meegetelde_perioden": [
                {"begin": p.begin.isoformat(), "einde": p.einde.isoformat()} for p in self.geval.losse
            ],
            "perspectief_relevant": self.perspectief_relevant,
            "opmerkingen": list(self.opmerkingen),
            "verlof": self.verlof.as_dict() if self.verlof else None,
            "invoer": self.invoer.as_dict() if self.invoer else None,
        }
