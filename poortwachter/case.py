"""The case that the rules are applied to: a validated, merged sickness case on a peildatum."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .advies import GEEN_MOGELIJKHEDEN_ADVIES, Advies
from .counting import Periode, Ziektegeval, week_of_day
from .parameters import (
    EERSTEJAARSEVALUATIE_UITERLIJK,
    EERSTEJAARSEVALUATIE_VANAF,
    LOONDOORBETALING_NA_AOW,
    WACHTTIJD,
    Parameter,
    begin_week,
    einde_week,
)
from .results import Verlofgevolg
from .situatie import Regime, Situatie


@dataclass(frozen=True)
class Casus:
    """Everything a rule may read: the merged case, the peildatum and what is known about it."""

    geval: Ziektegeval
    peildatum: date
    advies: Advies
    verlenging_weken: int  # voluntary extension of the wachttijd (0: none)
    perspectief: bool | None  # concrete prospect of return to the own employer within 3 months
    probleemanalyse_datum: date | None
    eerstejaarsevaluatie_datum: date | None
    situatie: Situatie  # the regime: standard, ziek uit dienst, AOW (situatie.py)
    verlof: Periode | None = None  # zwangerschaps- en bevallingsverlof
    ziekte_door_zwangerschap: bool = False  # and paid by the Ziektewet (ZW art. 29a), see tijdlijn._build
    zwangerschap_na_verlof: bool = False  # from the pregnancy, but later than directly after the leave
    verlofgevolg: Verlofgevolg | None = None  # what the leave does to the case (verlof.py)
    # The day today's position is counted on, when not the peildatum: during a leave the count stands still
    # on the last sick day before it (verlof.py). Statuses are always measured from the peildatum.
    stand: date | None = None

    # --- counting ---------------------------------------------------------------------------

    @property
    def telmoment(self) -> date:
        """The day on which the sick day, the week and the decisions of the rules are taken."""
        return self.stand or self.peildatum

    @property
    def ziektedag(self) -> int:
        if self.telmoment < self.geval.huidige_start:  # planning: a day in the period before a leave
            return self.geval.day_number_of(self.telmoment)
        return self.geval.sick_day_number(self.telmoment)

    @property
    def week(self) -> int:
        return week_of_day(self.ziektedag)

    def dag(self, n: int) -> date:
        """The date of sick day n of this case."""
        return self.geval.date_of_day(n)

    def einde_week(self, week: int) -> date:
        return self.dag(einde_week(week))

    def begin_week(self, week: int) -> date:
        return self.dag(begin_week(week))

    def week_van(self, day: date) -> int:
        """The sick week of this case in which a date falls."""
        return week_of_day(self.geval.day_number_of(day))

    @property
    def ziek_voor_verlof(self) -> Periode | None:
        """The sickness period of this case that ends the day before the zwangerschaps- en bevallingsverlof and
        goes on right after it (one case: BW 7:629 lid 10)."""
        if self.verlof is None or not self.geval.over_verlof:
            return None
        day_before = self.verlof.begin - timedelta(days=1)
        return next((p for p in self.geval.eerdere if p.einde == day_before), None)

    # --- the wachttijd and the law in force -------------------------------------------------

    @property
    def wachttijd_weken(self) -> int:
        return WACHTTIJD.waarde + self.verlenging_weken

    def geldend(self, parameter: Parameter) -> int:
        """The number of weeks before the end of the wachttijd that applies to this case.

        For terms counted back from the end (parameters.py, Verzamelwet SZW 2013):
        immediate effect — a term still running on the day a change took effect
        follows the new value; one that had expired before it keeps the old.
        """
        value = parameter.waarden[0].waarde
        for later in parameter.waarden[1:]:
            if self.einde_week(self.wachttijd_weken - value) >= later.vanaf:
                value = later.waarde
        return value

    # --- the bedrijfsarts advice and the eerstejaarsevaluatie --------------------------------

    @property
    def geen_mogelijkheden(self) -> bool:
        return self.advies in GEEN_MOGELIJKHEDEN_ADVIES

    @property
    def eerstejaarsevaluatie_moment(self) -> date:
        """When the eerstejaarsevaluatie was held, or else its latest moment."""
        return self.eerstejaarsevaluatie_datum or self.einde_week(EERSTEJAARSEVALUATIE_UITERLIJK.waarde)

    @property
    def eerstejaarsevaluatie_voorbij(self) -> bool:
        if self.eerstejaarsevaluatie_datum is not None:
            return self.telmoment >= self.eerstejaarsevaluatie_datum
        return self.telmoment > self.eerstejaarsevaluatie_moment

    @property
    def geldend_na_aow(self) -> int:
        """Weeks of wages after the AOW-leeftijd for this case (the rule of its first sick day)."""
        return LOONDOORBETALING_NA_AOW.op(self.geval.eerste_ziektedag)

    @property
    def na_einde_dienstverband(self) -> bool:
        """The contract has ended on the peildatum: the own employer is no longer where work is sought."""
        return self.situatie.regime is Regime.ZIEK_UIT_DIENST and self.telmoment > self.situatie.einde_dienstverband

    @property
    def aow_bereikt(self) -> bool:
        """The AOW-leeftijd is reached on the peildatum (in a regime where it matters)."""
        aow = self.situatie.aow_datum
        return self.situatie.regime in (Regime.AOW_GERECHTIGD, Regime.AOW_TIJDENS_ZIEKTE) and self.telmoment >= aow

    @property
    def in_eerstejaarsevaluatie_periode(self) -> bool:
        """From the week in which evaluations are held in practice onwards."""
        return self.week >= EERSTEJAARSEVALUATIE_VANAF.waarde
