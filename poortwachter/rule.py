"""The shape of one deadline rule, read like the regulation.

A rule says what the deadline is (`titel`), who must act (`wie`), the date
formula (`datum`), the rule in words (`regel`) and its explanation (`uitleg`),
what to do when it is late (`te_laat`), whether it only exists or only has its
date through the bedrijfsarts advice (`hangt_af_van_advies`, `voorwaarde`),
and its source (`bron`). Texts take the case as an argument; with `None`
they give the general rule, without a personal date.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import date

from .bronnen import Bron
from .case import Casus
from .results import Deadline, status_on


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
    key: str
    titel: str
    wie: str
    bron: Bron
    termen: tuple[str, ...] = ()
    hangt_af_van_advies = False
    voorwaarde: str | None = None
    te_laat: str | None = None  # advice once the date has passed and the step is still open; None: no warning
    # What a situation can take away (situation.py): a duty of the employer (lapses after the contract
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
        """The date of this deadline in this case (None: it has no date here)."""

    @abstractmethod
    def regel(self, case: Casus | None) -> str:
        """The rule in words; for `None` the general rule."""

    @abstractmethod
    def uitleg(self, case: Casus | None) -> str:
        """Why, in plain Dutch; for `None` without personal dates."""

    def nog_te_doen(self, case: Casus) -> bool:
        """Whether the step is still open in this case (False for informative dates)."""
        return True

    def bron_voor(self, case: Casus) -> Bron:
        return self.bron

    @abstractmethod
    def standaard_week(self) -> int | None:
        """The sick week of this deadline in a standard case (no extension, no merged periods)."""

    def toepassen(self, case: Casus) -> Deadline | None:
        if not self.geldt(case):
            return None
        datum = self.datum(case)
        lapsed = case.situatie.vervalt(self, datum)
        if lapsed:
            return Deadline(
                key=self.key,
                titel=self.titel,
                datum=None,
                status=None,
                wie=self.wie,
                regel="vervalt in deze situatie",
                uitleg=lapsed,
                bron=case.situatie.bron,
                week=None,
                nog_te_doen=False,
                hangt_af_van_advies=self.hangt_af_van_advies,
                vervalt=True,
            )
        return Deadline(
            key=self.key,
            titel=self.titel,
            datum=datum,
            status=status_on(datum, case.peildatum),
            wie=self.wie,
            regel=self.regel(case),
            uitleg=self.uitleg(case),
            bron=self.bron_voor(case),
            week=case.week_van(datum) if datum else None,
            nog_te_doen=self.nog_te_doen(case),
            hangt_af_van_advies=self.hangt_af_van_advies,
        )

    def algemeen(self) -> Regeltekst:
        return Regeltekst(
            key=self.key,
            titel=self.titel,
            wie=self.wie,
            regel=self.regel(None),
            uitleg=self.uitleg(None),
            bron=self.bron,
            standaard_week=self.standaard_week(),
            hangt_af_van_advies=self.hangt_af_van_advies,
            voorwaarde=self.voorwaarde,
            termen=self.termen,
        )
