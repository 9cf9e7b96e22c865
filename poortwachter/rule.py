"""The shape of one deadline rule, read like the regulation: a base rule plus its exceptions.

A rule states its base definition once: who must act (`wie`), the date formula (`datum`), the rule in
words (`regel`) and why (`uitleg`), whether the step is still open (`nog_te_doen`), what to do when it is
late (`te_laat`) and its source (`bron`). Then come its exceptions, each a condition with what it
changes and, where it comes from another text, its own source — Catala's `exception … under condition
… consequence`, so each branch of the law is written once, in one place.

Without a case no condition is known to hold, so a rule's general text (`algemeen`: what a chat says
before it knows the case) is its base definition. With a case the first exception in the list whose
condition holds decides each output it defines; the sentences that exceptions add to the explanation
(`erbij`) follow in the same order.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from .bronnen import Bron
from .case import Casus
from .results import Termijn, status_on

T = TypeVar("T")
Tekst = str | Callable[[Casus], str]
Voorwaarde = Callable[[Casus], bool]

VERVALT = "vervalt in deze situatie"


def _tekst(tekst: Tekst, case: Casus) -> str:
    return tekst(case) if callable(tekst) else tekst


def altijd(case: Casus) -> bool:
    """The condition of an exception that holds for every known case (only the general text differs)."""
    return True


def geen_datum(case: Casus) -> None:
    """The date formula of a branch in which the deadline has no date."""
    return None


@dataclass(frozen=True, kw_only=True)
class Uitzondering:
    """An exception to a rule: when `geldt` holds for the case, the outputs it defines replace the base
    rule's (an output left None stays), and `erbij` adds a sentence to the explanation.

    `bron` is the source that the result then cites; None when the rule's own source says it too.
    `vervalt`: in this branch the deadline lapses (no date, not open); `uitleg` says why.
    """

    label: str  # the condition in words: what the law says this exception is about
    geldt: Voorwaarde
    bron: Bron | Callable[[Casus], Bron] | None = None
    datum: Callable[[Casus], date | None] | None = None
    regel: Tekst | None = None
    uitleg: Tekst | None = None
    erbij: Tekst | None = None  # a sentence added to the explanation, with its leading space
    nog_te_doen: bool | None = None
    vervalt: bool = False

    def __post_init__(self) -> None:
        if self.vervalt and self.uitleg is None:
            raise ValueError(f"{self.label}: an exception under which the deadline lapses says why (uitleg)")

    def bron_voor(self, case: Casus) -> Bron | None:
        return self.bron(case) if callable(self.bron) else self.bron


def eerste(case: Casus, uitzonderingen: Sequence[T], basis: T) -> T:
    """Catala's default logic for a chain: the first exception whose condition holds, else the base."""
    return next((u for u in uitzonderingen if u.geldt(case)), basis)


@dataclass(frozen=True)
class Regeltekst:
    """A deadline rule without a personal date: what a chat says before it knows the case."""

    key: str
    titel: str
    wie: str
    regel: str
    uitleg: str
    bron: Bron
    standaard_week: int | None  # its sick week in a case without extension or merged periods; None: no fixed week
    hangt_af_van_advies: bool
    voorwaarde: str | None  # the advice under which the deadline exists, in words, if not always
    termen: tuple[str, ...]  # words by which answers name this deadline


class Termijnregel(ABC):
    """One deadline: the base rule in the class attributes and `datum`, the exceptions in `uitzonderingen`."""

    key: str
    titel: str
    wie: str
    bron: Bron
    regel: str  # the base rule in words: the general rule
    uitleg: str  # why, in plain Dutch, without personal dates
    standaard_week: int | None  # the sick week in a standard case (no extension, no merged periods)
    nog_te_doen = True  # False: an informative date, not a step
    uitzonderingen: tuple[Uitzondering, ...] = ()
    termen: tuple[str, ...] = ()
    hangt_af_van_advies = False
    voorwaarde: str | None = None
    te_laat: str | None = None  # advice once the date has passed and the step is still open; None: no warning
    # What a situation can take away (situatie.py): a duty of the employer (lapses after the contract
    # ends), a step towards the WIA (lapses when the AOW-leeftijd comes first), a re-integration duty
    # that the law drops after the AOW-leeftijd (BW 7:658a, 7:660a lid 2).
    werkgeversplicht = False
    hoort_bij_wia = False
    vervalt_na_aow = False

    def geldt(self, case: Casus) -> bool:
        """Whether this deadline exists in this case at all."""
        return True

    @abstractmethod
    def datum(self, case: Casus) -> date | None:
        """The base date formula (None: no date)."""

    def toepassen(self, case: Casus) -> Termijn | None:
        if not self.geldt(case):
            return None
        geldend = [u for u in self.uitzonderingen if u.geldt(case)]

        def uit(output: str, basis: object):  # the first exception that defines `output`, else the base
            return next((value for u in geldend if (value := getattr(u, output)) is not None), basis)

        datum = uit("datum", self.datum)(case)
        bron = next((b for u in geldend if (b := u.bron_voor(case)) is not None), self.bron)
        lapsed = case.situatie.vervalt(self, datum)
        if lapsed:
            return self._vervallen(lapsed, case.situatie.bron)
        vervalt = next((u for u in geldend if u.vervalt), None)
        if vervalt is not None:
            return self._vervallen(_tekst(vervalt.uitleg, case), bron)
        uitleg = _tekst(uit("uitleg", self.uitleg), case) + "".join(_tekst(u.erbij, case) for u in geldend if u.erbij)
        return Termijn(
            key=self.key,
            titel=self.titel,
            datum=datum,
            status=status_on(datum, case.peildatum),
            wie=self.wie,
            regel=_tekst(uit("regel", self.regel), case),
            uitleg=uitleg,
            bron=bron,
            week=case.week_van(datum) if datum else None,
            nog_te_doen=uit("nog_te_doen", self.nog_te_doen),
            hangt_af_van_advies=self.hangt_af_van_advies,
        )

    def _vervallen(self, waarom: str, bron: Bron) -> Termijn:
        """The deadline as it lapses in this case: no date, not open, and why."""
        return Termijn(
            key=self.key,
            titel=self.titel,
            datum=None,
            status=None,
            wie=self.wie,
            regel=VERVALT,
            uitleg=waarom,
            bron=bron,
            week=None,
            nog_te_doen=False,
            hangt_af_van_advies=self.hangt_af_van_advies,
            vervalt=True,
        )

    def algemeen(self) -> Regeltekst:
        return Regeltekst(
            key=self.key,
            titel=self.titel,
            wie=self.wie,
            regel=self.regel,
            uitleg=self.uitleg,
            bron=self.bron,
            standaard_week=self.standaard_week,
            hangt_af_van_advies=self.hangt_af_van_advies,
            voorwaarde=self.voorwaarde,
            termen=self.termen,
        )
