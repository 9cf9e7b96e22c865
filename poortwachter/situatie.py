"""Which regime applies beyond the standard case, and what it changes.

The standard schedule assumes an employee who stays employed and is younger than
the AOW-leeftijd. Three situations end the employer's wage payment earlier and
with it deadlines of the schedule:

- **Ziek uit dienst**: the contract ends during sickness. The wages stop with the
  contract (BW 7:629 lid 1); UWV pays a Ziektewet-uitkering and runs the
  re-integration, or the ex-employer does when it is eigenrisicodrager Ziektewet.
  Employer deadlines after the last day lapse; the employee's WIA-aanvraag stays.
- **AOW-leeftijd before the sickness**: wages for a few weeks only (BW 7:629 lid 2
  onder b), no plan van aanpak and no spoor 2 (BW 7:658a, 7:660a lid 2), and no WIA.
- **AOW-leeftijd during the sickness**: from that day the same short term runs,
  within the 104 weeks; afterwards the same duties lapse, and there is no WIA.

The regime that ends the wage payment first applies. A zwangerschaps- en
bevallingsverlof changes the counting (counting.py), not the regime.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from . import bronnen
from .aow import aow_datum, earliest_aow_datum, leeftijd_tekst
from .bronnen import Bron
from .counting import Ziektegeval
from .errors import OngeldigeSituatieError
from .formatting import datum_nl
from .parameters import (
    LOONDOORBETALING_NA_AOW,
    WACHTTIJD,
    WET_WERKEN_NA_AOW,
    ZIEKTEWET_BEOORDELING_NA,
    einde_week,
)


class Regime(str, Enum):
    STANDAARD = "standaard"
    ZIEK_UIT_DIENST = "ziek_uit_dienst"
    AOW_GERECHTIGD = "aow_gerechtigd"
    AOW_TIJDENS_ZIEKTE = "aow_tijdens_ziekte"


# Plain-language labels (B1) for buttons and overviews.
REGIME_LABELS: dict[Regime, str] = {
    Regime.STANDAARD: "gewoon in dienst",
    Regime.ZIEK_UIT_DIENST: "ziek uit dienst (het contract eindigt tijdens de ziekte)",
    Regime.AOW_GERECHTIGD: "ziek na het bereiken van de AOW-leeftijd",
    Regime.AOW_TIJDENS_ZIEKTE: "de AOW-leeftijd wordt bereikt tijdens de ziekte",
}

EIGENRISICODRAGER_ZW = "eigenrisicodrager_zw"
SAMENGETELD_ROND_VERLOF = "samengeteld_rond_verlof"
ZIEK_DOOR_ZWANGERSCHAP = "ziek_door_zwangerschap"


@dataclass(frozen=True)
class Situatie:
    regime: Regime
    einde_loondoorbetaling: date  # the last day the employer pays wages (before any loonsanctie)
    tekst: str
    bron: Bron
    verantwoordelijke: str  # who pays and guides the re-integration after the change
    einde_dienstverband: date | None = None
    aow_datum: date | None = None
    eigenrisicodrager_zw: bool = False
    bijzonderheden: tuple[str, ...] = ()

    @property
    def eigenrisicodrager_betaalt(self) -> bool:
        return _eigenrisicodrager_betaalt(self.eigenrisicodrager_zw, ZIEK_DOOR_ZWANGERSCHAP in self.bijzonderheden)

    def _begeleider(self) -> str:
        if self.eigenrisicodrager_betaalt:
            return "begeleidt de ex-werkgever als eigenrisicodrager Ziektewet"
        return "begeleidt UWV"

    def vervalt(self, regel, datum: date | None) -> str | None:
        """Why a deadline rule does not apply in this situation, or None when it does."""
        if self.regime is Regime.ZIEK_UIT_DIENST:
            if regel.werkgeversplicht and datum is not None and datum > self.einde_dienstverband:
                return (
                    f"Vervalt: het dienstverband eindigt op {datum_nl(self.einde_dienstverband)}, vóór deze datum. "
                    f"Daarna {self._begeleider()} de re-integratie."
                )
            return None
        if self.regime in (Regime.AOW_GERECHTIGD, Regime.AOW_TIJDENS_ZIEKTE):
            if regel.hoort_bij_wia:
                return (
                    f"Vervalt: de werknemer bereikt de AOW-leeftijd op {datum_nl(self.aow_datum)}, vóór het einde van "
                    "de wachttijd. Na de AOW-leeftijd is er geen WIA-uitkering."
                )
            after_aow = self.regime is Regime.AOW_GERECHTIGD or (datum is not None and datum >= self.aow_datum)
            if regel.vervalt_na_aow and after_aow:
                return (
                    "Vervalt: na het bereiken van de AOW-leeftijd hoeft de werkgever alleen passend werk in het eigen "
                    "bedrijf aan te bieden; een plan van aanpak, spoor 2 en de melding voor de WIA zijn niet nodig."
                )
        return None

    def as_dict(self) -> dict:
        return {
            "code": self.regime.value,
            "naam": REGIME_LABELS[self.regime],
            "tekst": self.tekst,
            "verantwoordelijke": self.verantwoordelijke,
            "einde_dienstverband": self.einde_dienstverband.isoformat() if self.einde_dienstverband else None,
            "eigenrisicodrager_zw": self.eigenrisicodrager_zw,
            "bijzonderheden": list(self.bijzonderheden),
            "bron": self.bron.as_dict(),
        }


def determine(
    geval: Ziektegeval,
    einde_wachttijd: date,
    einde_dienstverband: date | None,
    eigenrisicodrager_zw: bool,
    geboortedatum: date | None,
    ziekte_door_zwangerschap: bool,
) -> Situatie:
    """The regime of this case: the one that ends the wage payment first."""
    bijzonderheden = tuple(
        code
        for code, present in (
            (EIGENRISICODRAGER_ZW, eigenrisicodrager_zw),
            (SAMENGETELD_ROND_VERLOF, geval.over_verlof),
            (ZIEK_DOOR_ZWANGERSCHAP, ziekte_door_zwangerschap),
        )
        if present
    )
    aow = aow_datum(geboortedatum) if geboortedatum else None
    options = [_standard(einde_wachttijd, aow, geboortedatum)]
    if aow is not None and aow <= einde_wachttijd:
        options.append(_aow(geval, einde_wachttijd, aow, geboortedatum))
    if einde_dienstverband is not None and einde_dienstverband < einde_wachttijd:
        options.append(
            _uit_dienst(einde_dienstverband, _eigenrisicodrager_betaalt(eigenrisicodrager_zw, ziekte_door_zwangerschap))
        )
    chosen = min(options, key=lambda s: s.einde_loondoorbetaling)
    tekst = chosen.tekst
    if einde_dienstverband is not None and chosen.regime is not Regime.ZIEK_UIT_DIENST:
        tekst += (
            f" Het dienstverband eindigt op {datum_nl(einde_dienstverband)}, na het einde van de loondoorbetaling; "
            "dat verandert de termijnen niet."
        )
    return Situatie(
        regime=chosen.regime,
        einde_loondoorbetaling=chosen.einde_loondoorbetaling,
        tekst=tekst,
        bron=chosen.bron,
        verantwoordelijke=chosen.verantwoordelijke,
        einde_dienstverband=einde_dienstverband,
        aow_datum=aow,
        eigenrisicodrager_zw=eigenrisicodrager_zw,
        bijzonderheden=bijzonderheden,
    )


def _standard(einde_wachttijd: date, aow: date | None, geboortedatum: date | None) -> Situatie:
    tekst = (
        "Gewoon in dienst: de werkgever betaalt het loon door tot het einde van de wachttijd en de gewone "
        "termijnen van Poortwachter gelden."
    )
    if geboortedatum is not None and aow is None:
        tekst += (
            f" De AOW-leeftijd voor deze geboortedatum is nog niet vastgesteld; op zijn vroegst is het "
            f"{datum_nl(earliest_aow_datum(geboortedatum))}. Kijk voor de actuele AOW-leeftijd op svb.nl."
        )
    return Situatie(Regime.STANDAARD, einde_wachttijd, tekst, bronnen.WIA_WACHTTIJD, "werkgever")


def _eigenrisicodrager_betaalt(eigenrisicodrager_zw: bool, ziekte_door_zwangerschap: bool) -> bool:
    """An eigenrisicodrager Ziektewet pays and guides after the contract, except for sickness from the
    pregnancy: UWV pays that one (ZW art. 29a; art. 63a names only art. 29 lid 2 onder a, b and c)."""
    return eigenrisicodrager_zw and not ziekte_door_zwangerschap


def _uit_dienst(einde: date, eigenrisicodrager_betaalt: bool) -> Situatie:
    after = (
        "betaalt de ex-werkgever als eigenrisicodrager Ziektewet de Ziektewet-uitkering en begeleidt hij de "
        "re-integratie"
        if eigenrisicodrager_betaalt
        else "betaalt UWV een Ziektewet-uitkering en begeleidt UWV de re-integratie"
    )
    tekst = (
        f"Ziek uit dienst: het dienstverband eindigt op {datum_nl(einde)}. Tot en met die dag betaalt de werkgever het "
        f"loon door. Daarna {after}. Termijnen van de werkgever die na die dag vallen, vervallen; de WIA-aanvraag "
        f"blijft, die doet de werknemer zelf. Na {ZIEKTEWET_BEOORDELING_NA.tekst()} ziekte kan UWV een "
        "Ziektewet-beoordeling doen."
    )
    bron = bronnen.ERD_ZW_ZIEK_UIT_DIENST if eigenrisicodrager_betaalt else bronnen.LOON_EINDE_DIENSTVERBAND
    verantwoordelijke = "ex-werkgever (eigenrisicodrager Ziektewet)" if eigenrisicodrager_betaalt else "UWV"
    return Situatie(Regime.ZIEK_UIT_DIENST, einde, tekst, bron, verantwoordelijke)


def _aow(geval: Ziektegeval, einde_wachttijd: date, aow: date, geboortedatum: date) -> Situatie:
    d1 = geval.eerste_ziektedag
    if d1 < WET_WERKEN_NA_AOW:
        raise OngeldigeSituatieError(
            f"Voor ziekte die vóór {datum_nl(WET_WERKEN_NA_AOW)} begon bij iemand rond de AOW-leeftijd, reken ik "
            "niet: toen golden andere regels. Vraag het de werkgever of UWV."
        )
    weken = LOONDOORBETALING_NA_AOW.op(d1)
    bron = bronnen.WERKEN_NA_AOW_2023 if weken == LOONDOORBETALING_NA_AOW.waarde else bronnen.LOON_NA_AOW
    leeftijd = f"{leeftijd_tekst(geboortedatum)}, op {datum_nl(aow)}"
    waarom_aow = f" De AOW-leeftijd volgt uit de geboortedatum ({bronnen.AOW_LEEFTIJD.citation()})."
    if aow <= d1:
        einde = min(geval.date_of_day(einde_week(weken)), einde_wachttijd)
        tekst = (
            f"De werknemer had de AOW-leeftijd al bereikt ({leeftijd}) toen de ziekte begon. Dan betaalt de "
            f"werkgever het loon {weken} weken door, tot en met {datum_nl(einde)}. Een plan van aanpak en spoor 2 "
            "zijn niet nodig: de werkgever zoekt alleen passend werk in het eigen bedrijf. Na de AOW-leeftijd is er "
            "geen WIA." + waarom_aow
        )
        return Situatie(Regime.AOW_GERECHTIGD, einde, tekst, bron, "werkgever")
    einde = min(aow + timedelta(weeks=weken, days=-1), einde_wachttijd)
    tekst = (
        f"De werknemer bereikt de AOW-leeftijd op {datum_nl(aow)}, tijdens de ziekte. Vanaf die dag betaalt de "
        f"werkgever het loon nog {weken} weken door, tot en met {datum_nl(einde)} (binnen de {WACHTTIJD.tekst()}). Na de "
        "AOW-datum zijn een plan van aanpak en spoor 2 niet meer nodig, en er is geen WIA. Eindigt het contract "
        "op de AOW-datum (pensioenontslag), dan stopt het loon op die dag." + waarom_aow
    )
    return Situatie(Regime.AOW_TIJDENS_ZIEKTE, einde, tekst, bron, "werkgever")
