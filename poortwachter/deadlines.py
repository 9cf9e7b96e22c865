"""The deadlines of the Poortwachter schedule: one small rule each, in the order of the schedule.

Each rule reads like the regulation: what it is, who acts, the date formula,
what happens when it is late, and the source. Numbers come from parameters.py;
a new rule is a class here plus its row in `REGELS` (see the README).
Day n is sick day n of the merged case (counting.py).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from . import bronnen
from .advice import Advies
from .bronnen import Bron
from .case import Casus
from .formatting import datum_nl, weekdag_nl
from .parameters import (
    EERSTEJAARSEVALUATIE_UITERLIJK,
    ERD_ZW_MELDING_BINNEN,
    VERKORT_RIV_VANAF,
    VOLLEDIG_RIV_VANAF,
    ZIEKMELDING_UITERLIJK_DAG,
    ZWANGERSCHAPSZIEKTE_MELDING_BINNEN,
    EERSTEJAARSEVALUATIE_VANAF,
    LOONSANCTIE_MAXIMUM,
    MELDING_42E_WEEK,
    PLAN_VAN_AANPAK_NA_PROBLEEMANALYSE,
    PROBLEEMANALYSE,
    REINTEGRATIEVERSLAG_VOOR_EINDE,
    UWV_BRIEF_WIA,
    VERLENGING_MINIMUM,
    VERVROEGDE_IVA_NA,
    VERVROEGDE_IVA_VOOR,
    VERZAMELWET_2013,
    WACHTTIJD,
    WIA_AANVRAAG_VOOR_EINDE,
    Parameter,
    einde_week,
)
from .results import Deadline
from .rule import Termijnregel
from .spoor import SpoorTweeUiterlijk
from .situation import Regime
from .workdays import (
    first_workday_on_or_after,
    non_workday_reason,
    workday_calendar_note,
)


def _verlengd(case: Casus | None) -> str:
    """The sentence that a voluntary extension adds to a deadline counted from the end."""
    if case is None or not case.verlenging_weken:
        return ""
    n = case.verlenging_weken
    return f" Door de vrijwillige verlenging van {n} weken schuift deze datum {n} weken op."


def _last_weekday_on_or_before(day: date) -> date:
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def _einde_wachttijd(case: Casus) -> date:
    return case.einde_week(case.wachttijd_weken)


def _weken_voor_einde(case: Casus, parameter: Parameter) -> date:
    """A deadline counted back from the end of the (extended) wachttijd; never rolled to a workday."""
    return case.einde_week(case.wachttijd_weken - case.geldend(parameter))


def _week_voor_einde(case: Casus | None, parameter: Parameter) -> int:
    """The sick week such a deadline ends, for the rule text."""
    if case is None:
        return WACHTTIJD.waarde - parameter.waarde
    return case.wachttijd_weken - case.geldend(parameter)


# --- first year --------------------------------------------------------------------------------


class Probleemanalyse(Termijnregel):
    key = "probleemanalyse"
    titel = "Probleemanalyse door de bedrijfsarts"
    wie = "werkgever (laat de bedrijfsarts de probleemanalyse maken)"
    bron = bronnen.PROBLEEMANALYSE
    termen = ("probleemanalyse",)
    te_laat = "Laat de probleemanalyse nu alsnog maken; te laat kan tot een loonsanctie leiden."
    werkgeversplicht = True

    def datum(self, case: Casus) -> date:
        return case.einde_week(PROBLEEMANALYSE.waarde)

    def regel(self, case: Casus | None) -> str:
        week = PROBLEEMANALYSE.waarde
        return f"uiterlijk aan het eind van week {week} (ziektedag {einde_week(week)})"

    def uitleg(self, case: Casus | None) -> str:
        return (
            f"Bij dreigend langdurig verzuim vraagt de werkgever binnen {PROBLEEMANALYSE.tekst()} een oordeel van de "
            "bedrijfsarts: de probleemanalyse. Wordt het verzuim pas later langdurig, dan meteen."
        )

    def nog_te_doen(self, case: Casus) -> bool:
        return case.probleemanalyse_datum is None

    def standaard_week(self) -> int:
        return PROBLEEMANALYSE.waarde


class PlanVanAanpak(Termijnregel):
    key = "plan_van_aanpak"
    titel = "Plan van aanpak"
    wie = "werkgever en werknemer samen"
    bron = bronnen.PLAN_VAN_AANPAK
    termen = ("plan van aanpak",)
    te_laat = "Stel het plan van aanpak nu alsnog op; te laat kan tot een loonsanctie leiden."
    werkgeversplicht = True
    vervalt_na_aow = True

    @staticmethod
    def _uiterste_week() -> int:
        return PROBLEEMANALYSE.waarde + PLAN_VAN_AANPAK_NA_PROBLEEMANALYSE.waarde

    def datum(self, case: Casus) -> date:
        uiterste = case.einde_week(self._uiterste_week())
        if case.probleemanalyse_datum is None:
            return uiterste
        na_probleemanalyse = case.probleemanalyse_datum + timedelta(weeks=PLAN_VAN_AANPAK_NA_PROBLEEMANALYSE.waarde)
        return min(na_probleemanalyse, uiterste)

    def regel(self, case: Casus | None) -> str:
        week = self._uiterste_week()
        if case is not None and case.probleemanalyse_datum is not None:
            return (
                f"binnen {PLAN_VAN_AANPAK_NA_PROBLEEMANALYSE.tekst()} na de probleemanalyse van "
                f"{datum_nl(case.probleemanalyse_datum)}, en uiterlijk aan het eind van week {week}"
            )
        return f"uiterlijk aan het eind van week {week} (ziektedag {einde_week(week)})"

    def uitleg(self, case: Casus | None) -> str:
        text = (
            f"Werkgever en werknemer maken samen een plan van aanpak, binnen {PLAN_VAN_AANPAK_NA_PROBLEEMANALYSE.tekst()} "
            "na de probleemanalyse, en wijzen een casemanager aan."
        )
        if case is not None and case.geen_mogelijkheden:
            text += (
                " Zolang de bedrijfsarts geen benutbare mogelijkheden ziet, is een plan van aanpak "
                "nog niet nodig; dat volgt zodra er weer mogelijkheden zijn."
            )
        return text

    def nog_te_doen(self, case: Casus) -> bool:
        return not case.geen_mogelijkheden

    def standaard_week(self) -> int:
        return self._uiterste_week()


class Melding42eWeek(Termijnregel):
    key = "melding_42e_week"
    titel = "42e-weeksmelding bij UWV"
    wie = "werkgever"
    bron = bronnen.MELDING_42E_WEEK
    termen = ("42e-weeksmelding", "ziekmelding bij uwv")
    te_laat = "Doe de melding nu alsnog; UWV kan de werkgever een boete geven."
    werkgeversplicht = True
    vervalt_na_aow = True

    @staticmethod
    def _dag_na_week(case: Casus) -> date:
        return case.dag(einde_week(MELDING_42E_WEEK.waarde) + 1)

    def datum(self, case: Casus) -> date:
        return first_workday_on_or_after(self._dag_na_week(case))

    def regel(self, case: Casus | None) -> str:
        return f"uiterlijk op de eerste werkdag na de {MELDING_42E_WEEK.waarde}e ziekteweek"

    def uitleg(self, case: Casus | None) -> str:
        week = MELDING_42E_WEEK.waarde
        text = (
            f"De werkgever meldt de werknemer bij UWV ziek op de eerste werkdag na week {week}. "
            "Zaterdag, zondag, algemeen erkende feestdagen en de dagen die de regering daarmee "
            "gelijkstelt zijn geen werkdag. Te laat melden kost een boete (geen loonsanctie)."
        )
        if case is None:
            return text
        na_week, melding = self._dag_na_week(case), self.datum(case)
        if melding != na_week:
            waarom = non_workday_reason(na_week) or f"een {weekdag_nl(na_week)}"
            text += f" De eerste dag na week {week} ({datum_nl(na_week)}) is {waarom}; daarom schuift de datum op."
        note = workday_calendar_note(melding)
        return f"{text} {note}" if note else text

    def standaard_week(self) -> int:
        return MELDING_42E_WEEK.waarde + 1


_EJE_UITLEG = (
    "Aan het eind van het eerste ziektejaar kijken werkgever en werknemer terug en vooruit: "
    "lukt terugkeer bij de eigen werkgever, of is spoor 2 nodig? In de praktijk gebeurt dit "
    f"tussen week {EERSTEJAARSEVALUATIE_VANAF.waarde} en het eind van week {EERSTEJAARSEVALUATIE_UITERLIJK.waarde}."
)


class EerstejaarsevaluatieVanaf(Termijnregel):
    key = "eerstejaarsevaluatie_vanaf"
    titel = "Eerstejaarsevaluatie: begin van de periode"
    wie = "werkgever en werknemer samen"
    bron = bronnen.EERSTEJAARSEVALUATIE
    termen = ("eerstejaarsevaluatie",)
    werkgeversplicht = True
    vervalt_na_aow = True

    def datum(self, case: Casus) -> date:
        return case.begin_week(EERSTEJAARSEVALUATIE_VANAF.waarde)

    def regel(self, case: Casus | None) -> str:
        return f"vanaf het begin van week {EERSTEJAARSEVALUATIE_VANAF.waarde}"

    def uitleg(self, case: Casus | None) -> str:
        return _EJE_UITLEG

    def nog_te_doen(self, case: Casus) -> bool:
        return False  # the start of a period, not a step

    def standaard_week(self) -> int:
        return EERSTEJAARSEVALUATIE_VANAF.waarde


class Eerstejaarsevaluatie(Termijnregel):
    key = "eerstejaarsevaluatie_uiterlijk"
    titel = "Eerstejaarsevaluatie"
    wie = "werkgever en werknemer samen"
    bron = bronnen.EERSTEJAARSEVALUATIE
    termen = ("eerstejaarsevaluatie",)
    te_laat = "Houd de eerstejaarsevaluatie nu alsnog."
    werkgeversplicht = True
    vervalt_na_aow = True

    def datum(self, case: Casus) -> date:
        return case.einde_week(EERSTEJAARSEVALUATIE_UITERLIJK.waarde)

    def regel(self, case: Casus | None) -> str:
        week = EERSTEJAARSEVALUATIE_UITERLIJK.waarde
        return f"uiterlijk aan het eind van week {week} (ziektedag {einde_week(week)})"

    def uitleg(self, case: Casus | None) -> str:
        return _EJE_UITLEG

    def nog_te_doen(self, case: Casus) -> bool:
        return case.eerstejaarsevaluatie_datum is None and not case.geen_mogelijkheden

    def standaard_week(self) -> int:
        return EERSTEJAARSEVALUATIE_UITERLIJK.waarde


# --- second year: counted back from the end of the wachttijd -----------------------------------


class Reintegratieverslag(Termijnregel):
    key = "reintegratieverslag"
    titel = "Re-integratieverslag (met eindevaluatie en actueel oordeel)"
    wie = "werkgever, in overleg met de werknemer"
    bron = bronnen.REINTEGRATIEVERSLAG
    termen = ("re-integratieverslag",)
    te_laat = "Maak het re-integratieverslag nu af en geef de werknemer een kopie."
    werkgeversplicht = True
    hoort_bij_wia = True

    def datum(self, case: Casus) -> date:
        return _weken_voor_einde(case, REINTEGRATIEVERSLAG_VOOR_EINDE)

    def regel(self, case: Casus | None) -> str:
        weken = REINTEGRATIEVERSLAG_VOOR_EINDE.waarde if case is None else case.geldend(REINTEGRATIEVERSLAG_VOOR_EINDE)
        return (
            f"uiterlijk {weken} weken vóór het einde van de wachttijd "
            f"(eind week {_week_voor_einde(case, REINTEGRATIEVERSLAG_VOOR_EINDE)})"
        )

    def uitleg(self, case: Casus | None) -> str:
        return (
            "De werkgever maakt het re-integratieverslag en geeft de werknemer een kopie van alle "
            "stukken. Deze termijn wordt terug geteld en schuift niet op naar een werkdag."
            + _oude_regel(case, REINTEGRATIEVERSLAG_VOOR_EINDE)
            + _verlengd(case)
        )

    def standaard_week(self) -> int:
        return WACHTTIJD.waarde - REINTEGRATIEVERSLAG_VOOR_EINDE.waarde


def _oude_regel(case: Casus | None, parameter: Parameter) -> str:
    """For a term that had expired before the Verzamelwet SZW 2013 took effect: the old term applies."""
    if case is None or case.geldend(parameter) == parameter.waarde:
        return ""
    return (
        f" Voor dit geval geldt nog de oude termijn van {case.geldend(parameter)} weken: die was al voorbij "
        f"toen de Verzamelwet SZW 2013 hem op {datum_nl(VERZAMELWET_2013)} veranderde in {parameter.tekst()}."
    )


class WiaAanvraag(Termijnregel):
    key = "wia_aanvraag"
    titel = "WIA-aanvraag bij UWV"
    wie = "werknemer"
    bron = bronnen.WIA_AANVRAAG
    termen = ("wia-aanvraag", "wia aanvragen", "wia aan")
    # BW 7:629 lid 3 onder f: no wage for the time the application is late without good reason
    # (review 2026-12, row 3; the old text said the employer might have to pay longer).
    te_laat = (
        "Vraag de WIA nu aan. Wie zonder goede reden te laat aanvraagt, krijgt over de tijd van de "
        "vertraging geen loon (BW 7:629 lid 3 onder f), en de uitkering gaat later in."
    )
    hoort_bij_wia = True

    def datum(self, case: Casus) -> date:
        return _weken_voor_einde(case, WIA_AANVRAAG_VOOR_EINDE)

    def regel(self, case: Casus | None) -> str:
        weken = WIA_AANVRAAG_VOOR_EINDE.waarde if case is None else case.geldend(WIA_AANVRAAG_VOOR_EINDE)
        return (
            f"uiterlijk {weken} weken vóór het einde van de wachttijd "
            f"(eind week {_week_voor_einde(case, WIA_AANVRAAG_VOOR_EINDE)})"
        )

    def uitleg(self, case: Casus | None) -> str:
        oud = WIA_AANVRAAG_VOOR_EINDE.op(VERZAMELWET_2013 - timedelta(days=1))
        text = (
            f"De werknemer vraagt zelf de WIA-uitkering aan; rond week {UWV_BRIEF_WIA.waarde} stuurt UWV daarover een "
            f"brief. Sommige bronnen noemen nog week {WACHTTIJD.waarde - oud}: dat was de regel tot "
            f"{datum_nl(VERZAMELWET_2013)}. Deze termijn schuift niet op naar een werkdag."
        )
        return text + _oude_regel(case, WIA_AANVRAAG_VOOR_EINDE) + _verlengd(case)

    def standaard_week(self) -> int:
        return WACHTTIJD.waarde - WIA_AANVRAAG_VOOR_EINDE.waarde


class LaatsteDagWachttijd(Termijnregel):
    key = "laatste_dag_wachttijd"
    titel = "Laatste dag van de wachttijd (loondoorbetaling)"
    wie = "werkgever (betaalt loon door tot en met deze dag)"
    bron = bronnen.WIA_WACHTTIJD
    termen = ("wachttijd", "loondoorbetaling", "loon door")
    hoort_bij_wia = True

    def datum(self, case: Casus) -> date:
        return _einde_wachttijd(case)

    def regel(self, case: Casus | None) -> str:
        weken = WACHTTIJD.waarde
        if case is not None and case.verlenging_weken:
            weken_tekst = f"{weken} weken plus {case.verlenging_weken} weken verlenging"
            return f"{weken_tekst} na de eerste ziektedag (ziektedag {einde_week(case.wachttijd_weken)})"
        return f"{weken} weken na de eerste ziektedag (ziektedag {einde_week(weken)})"

    def uitleg(self, case: Casus | None) -> str:
        text = (
            f"De wachttijd voor de WIA duurt {WACHTTIJD.tekst()}; zo lang betaalt de werkgever loon door. "
            "Sommige websites noemen de dag erna als einddatum." + _verlengd(case)
        )
        if case is not None and case.situatie.regime is not Regime.STANDAARD:
            text += " In deze situatie stopt het loon eerder: zie de laatste dag van de loondoorbetaling."
        return text

    def bron_voor(self, case: Casus) -> Bron:
        return bronnen.VERLENGING if case.verlenging_weken else bronnen.WIA_WACHTTIJD

    def nog_te_doen(self, case: Casus) -> bool:
        return False

    def standaard_week(self) -> int:
        return WACHTTIJD.waarde


class WiaIngang(Termijnregel):
    key = "wia_ingang"
    titel = "Eerste dag waarop een WIA-uitkering kan ingaan"
    wie = "UWV"
    bron = bronnen.WIA_WACHTTIJD
    termen = ("wia-uitkering",)
    hoort_bij_wia = True

    def datum(self, case: Casus) -> date:
        return _einde_wachttijd(case) + timedelta(days=1)

    def regel(self, case: Casus | None) -> str:
        return "de dag na het einde van de wachttijd"

    def uitleg(self, case: Casus | None) -> str:
        return "Een WIA-uitkering kan op zijn vroegst ingaan op de dag na de wachttijd."

    def nog_te_doen(self, case: Casus) -> bool:
        return False

    def standaard_week(self) -> int:
        return WACHTTIJD.waarde + 1


class VerlengdTijdvak(Termijnregel):
    key = "verlengd_tijdvak_tot"
    titel = "Einde van de vrijwillig verlengde loondoorbetaling"
    wie = "werkgever"
    bron = bronnen.VERLENGING
    termen = ("verlenging", "verlengen")
    werkgeversplicht = True
    hoort_bij_wia = True

    def geldt(self, case: Casus) -> bool:
        return bool(case.verlenging_weken)

    def datum(self, case: Casus) -> date:
        return _einde_wachttijd(case)

    def regel(self, case: Casus | None) -> str:
        extra = "de weken van de verlenging" if case is None else f"{case.verlenging_weken} weken verlenging"
        return f"{WACHTTIJD.tekst()} plus {extra}"

    def uitleg(self, case: Casus | None) -> str:
        return (
            "Werkgever en werknemer kunnen samen vragen om de loondoorbetaling te verlengen "
            f"(minstens {VERLENGING_MINIMUM.tekst()}); de WIA-aanvraag en het re-integratieverslag schuiven mee."
        )

    def nog_te_doen(self, case: Casus) -> bool:
        return False

    def standaard_week(self) -> int:
        return WACHTTIJD.waarde + VERLENGING_MINIMUM.waarde


class LoonsanctieMaximum(Termijnregel):
    key = "loonsanctie_max_tot"
    titel = "Uiterste einde van een eventuele loonsanctie"
    wie = "werkgever (alleen als UWV een loonsanctie oplegt)"
    bron = bronnen.LOONSANCTIE
    termen = ("loonsanctie",)
    werkgeversplicht = True
    hoort_bij_wia = True

    def datum(self, case: Casus) -> date:
        return _einde_wachttijd(case) + timedelta(weeks=LOONSANCTIE_MAXIMUM.waarde)

    def regel(self, case: Casus | None) -> str:
        return f"maximaal {LOONSANCTIE_MAXIMUM.tekst()} na het einde van de wachttijd"

    def uitleg(self, case: Casus | None) -> str:
        return (
            "Doet de werkgever te weinig aan re-integratie, dan kan UWV hem verplichten het loon "
            f"maximaal {LOONSANCTIE_MAXIMUM.tekst()} langer door te betalen."
        )

    def nog_te_doen(self, case: Casus) -> bool:
        return False

    def standaard_week(self) -> int:
        return WACHTTIJD.waarde + LOONSANCTIE_MAXIMUM.waarde


# --- only when the bedrijfsarts finds no lasting possibilities: the vervroegde IVA -------------

# "week 4 of week 78" are what other sources say; we cite them to explain our choice.
_IVA_UITLEG = (
    "Bij blijvend geen benutbare mogelijkheden (herstel uitgesloten) kan de werknemer de "
    f"WIA (IVA) eerder aanvragen: na minstens {VERVROEGDE_IVA_NA.tekst()} ziekte en vóórdat hij "
    f"{VERVROEGDE_IVA_VOOR.tekst()} ziek is. Dat kan maar één keer; een verklaring van de bedrijfsarts is nodig. "
    "Bronnen noemen soms week 4 of week 78; wij volgen UWV "
    f"({VERVROEGDE_IVA_NA.waarde} en {VERVROEGDE_IVA_VOOR.tekst()})."
)


class _VervroegdeIva(Termijnregel):
    wie = "werknemer"
    bron = bronnen.VERVROEGDE_IVA
    termen = ("iva",)
    hangt_af_van_advies = True
    voorwaarde = "als de bedrijfsarts zegt dat er blijvend geen werk mogelijk is (herstel uitgesloten)"
    hoort_bij_wia = True

    def geldt(self, case: Casus) -> bool:
        return case.advies is Advies.DUURZAAM_GEEN_MOGELIJKHEDEN

    def uitleg(self, case: Casus | None) -> str:
        return _IVA_UITLEG

    def nog_te_doen(self, case: Casus) -> bool:
        return False  # an option, not an obligation


class VervroegdeIvaVanaf(_VervroegdeIva):
    key = "vervroegde_iva_vanaf"
    titel = "Vervroegde IVA-aanvraag: vanaf"

    def datum(self, case: Casus) -> date:
        return case.dag(einde_week(VERVROEGDE_IVA_NA.waarde) + 1)

    def regel(self, case: Casus | None) -> str:
        return f"na minstens {VERVROEGDE_IVA_NA.tekst()} ziekte (ziektedag {einde_week(VERVROEGDE_IVA_NA.waarde) + 1})"

    def standaard_week(self) -> int:
        return VERVROEGDE_IVA_NA.waarde + 1


class VervroegdeIvaTot(_VervroegdeIva):
    key = "vervroegde_iva_tot"
    titel = "Vervroegde IVA-aanvraag: uiterlijk"

    def datum(self, case: Casus) -> date:
        return case.einde_week(VERVROEGDE_IVA_VOOR.waarde)

    def regel(self, case: Casus | None) -> str:
        week = VERVROEGDE_IVA_VOOR.waarde
        return f"vóór {VERVROEGDE_IVA_VOOR.tekst()} ziekte (uiterlijk eind week {week})"

    def standaard_week(self) -> int:
        return VERVROEGDE_IVA_VOOR.waarde


# --- situations beyond the standard case (situation.py) ---------------------------------------


class EindeLoondoorbetaling(Termijnregel):
    """The last day of wages: the end of the wachttijd, of the contract, or shortly after the AOW-leeftijd."""

    key = "einde_loondoorbetaling"
    titel = "Laatste dag van de loondoorbetaling"
    wie = "werkgever"
    bron = bronnen.WIA_WACHTTIJD
    termen = ("loondoorbetaling", "loon door")

    def datum(self, case: Casus) -> date:
        return case.situatie.einde_loondoorbetaling

    def regel(self, case: Casus | None) -> str:
        regime = Regime.STANDAARD if case is None else case.situatie.regime
        if regime is Regime.ZIEK_UIT_DIENST:
            return "de laatste dag van het dienstverband"
        if regime is Regime.AOW_GERECHTIGD:
            return f"{case.geldend_na_aow} weken ziekte (de AOW-leeftijd was al bereikt)"
        if regime is Regime.AOW_TIJDENS_ZIEKTE:
            return f"{case.geldend_na_aow} weken na het bereiken van de AOW-leeftijd"
        return "het einde van de wachttijd (zonder loonsanctie)"

    def uitleg(self, case: Casus | None) -> str:
        if case is None:
            return (
                f"Wie in dienst blijft, krijgt bij ziekte maximaal {WACHTTIJD.tekst()} loon. Eindigt het contract "
                "eerder, of bereikt de werknemer de AOW-leeftijd, dan stopt het loon eerder."
            )
        return case.situatie.tekst

    def bron_voor(self, case: Casus) -> Bron:
        return case.situatie.bron

    def nog_te_doen(self, case: Casus) -> bool:
        return False

    def standaard_week(self) -> int | None:
        return WACHTTIJD.waarde


class ZiekmeldingUitDienst(Termijnregel):
    key = "ziekmelding_uit_dienst"
    titel = "Ziekmelding uit dienst bij UWV"
    wie = "werkgever"
    bron = bronnen.ZIEKMELDING_UIT_DIENST
    termen = ("uit dienst",)
    voorwaarde = "als het dienstverband tijdens de ziekte eindigt"
    te_laat = "Meld de werknemer nu alsnog ziek uit dienst bij UWV; te laat melden kan een boete geven."

    def geldt(self, case: Casus) -> bool:
        return case.situatie.regime is Regime.ZIEK_UIT_DIENST

    def datum(self, case: Casus) -> date:
        einde = case.situatie.einde_dienstverband
        if case.situatie.eigenrisicodrager_zw:
            return einde + timedelta(weeks=ERD_ZW_MELDING_BINNEN.waarde)
        return _last_weekday_on_or_before(einde)

    def regel(self, case: Casus | None) -> str:
        if case is not None and case.situatie.eigenrisicodrager_zw:
            return (
                f"binnen {ERD_ZW_MELDING_BINNEN.tekst()} na de laatste dag van het dienstverband "
                "(eigenrisicodrager Ziektewet)"
            )
        return "op de laatste werkdag van het dienstverband"

    # ZW art. 38 speaks of the employee's own last working day, not of ATW workdays: we take the
    # last Monday-to-Friday on or before the end of the contract and say that the own schedule counts.
    def uitleg(self, case: Casus | None) -> str:
        if case is not None and case.situatie.eigenrisicodrager_zw:
            return (
                "Eindigt het dienstverband tijdens de ziekte, dan geeft de werkgever als eigenrisicodrager "
                f"Ziektewet binnen {ERD_ZW_MELDING_BINNEN.tekst()} aan UWV door dat de werknemer ziek uit dienst is. "
                "De werkgever betaalt dan zelf de Ziektewet-uitkering en begeleidt de re-integratie."
            )
        return (
            "Eindigt het dienstverband tijdens de ziekte, dan meldt de werkgever de werknemer ziek uit dienst "
            "bij UWV op de laatste werkdag, ook als de 42e-weeksmelding al gedaan is. Werkt de werknemer op andere "
            "dagen dan maandag tot en met vrijdag, dan geldt zijn eigen laatste werkdag. UWV beoordeelt dan de "
            "Ziektewet-uitkering. Te laat melden kan een boete geven."
        )

    def bron_voor(self, case: Casus) -> Bron:
        return bronnen.ERD_ZW_ZIEK_UIT_DIENST if case.situatie.eigenrisicodrager_zw else self.bron

    def standaard_week(self) -> int | None:
        return None  # depends on the end of the contract


# ZW art. 38 lid 2 asks this report only of "de werkgever, die geen eigenrisicodrager is": an
# eigenrisicodrager Ziektewet pays the benefit and guides the re-integration itself and only reports the
# sickness to UWV, within 6 weeks after the last day (ZW art. 38aa lid 1 onder a).
class ReintegratieverslagEindeDienstverband(Termijnregel):
    key = "reintegratieverslag_einde_dienstverband"
    titel = "Re-integratieverslag bij einde dienstverband"
    wie = "werkgever, in overleg met de werknemer"
    bron = bronnen.RIV_EINDE_DIENSTVERBAND
    termen = ("re-integratieverslag", "uit dienst")
    voorwaarde = (
        f"als het dienstverband eindigt na minstens {VERKORT_RIV_VANAF.tekst()} ziekte en de werkgever geen "
        "eigenrisicodrager Ziektewet is"
    )
    te_laat = "Maak het verslag nu af en geef de werknemer een kopie; UWV vraagt erom voor de Ziektewet-uitkering."

    def toepassen(self, case: Casus) -> Deadline | None:
        deadline = super().toepassen(case)
        if deadline is None or deadline.vervalt or not case.situatie.eigenrisicodrager_zw:
            return deadline
        return replace(
            deadline,
            datum=None,
            status=None,
            regel="vervalt in deze situatie",
            uitleg=self._uitleg_eigenrisicodrager(case),
            bron=bronnen.GEEN_RIV_BIJ_ERD_ZW,
            week=None,
            nog_te_doen=False,
            vervalt=True,
        )

    @staticmethod
    def _dagen_ziek(case: Casus) -> int:
        return case.geval.day_number_of(case.situatie.einde_dienstverband)

    @staticmethod
    def _uitleg_eigenrisicodrager(case: Casus) -> str:
        uitleg = (
            "Vervalt: de werkgever is eigenrisicodrager Ziektewet. Bij het einde van het dienstverband vraagt de "
            "Ziektewet dit verslag alleen van een werkgever die geen eigenrisicodrager is."
        )
        # Sick from the pregnancy: UWV pays (ZW art. 29a), not the eigenrisicodrager; the exemption in art. 38
        # lid 2 names every eigenrisicodrager (lid 4 keeps that sentence for these cases), so it still lapses.
        if case.ziekte_door_zwangerschap:
            return uitleg
        return uitleg + (
            " De eigenrisicodrager betaalt de Ziektewet-uitkering zelf, begeleidt de re-integratie en meldt de ziekte "
            f"binnen {ERD_ZW_MELDING_BINNEN.tekst()} na de laatste dag bij UWV."
        )

    def geldt(self, case: Casus) -> bool:
        return case.situatie.regime is Regime.ZIEK_UIT_DIENST and self._dagen_ziek(case) >= einde_week(
            VERKORT_RIV_VANAF.waarde
        )

    def datum(self, case: Casus) -> date:
        return case.situatie.einde_dienstverband

    def regel(self, case: Casus | None) -> str:
        if case is not None and self._dagen_ziek(case) < einde_week(VOLLEDIG_RIV_VANAF.waarde):
            return (
                f"op de laatste dag van het dienstverband: een verkort re-integratieverslag (ziek "
                f"{VERKORT_RIV_VANAF.waarde} tot {VOLLEDIG_RIV_VANAF.tekst()})"
            )
        return (
            "op de laatste dag van het dienstverband: het re-integratieverslag met eindevaluatie "
            f"(ziek {VOLLEDIG_RIV_VANAF.tekst()} of langer)"
        )

    def uitleg(self, case: Casus | None) -> str:
        return (
            "Gaat een zieke werknemer uit dienst, dan maakt de werkgever een re-integratieverslag en geeft de "
            "werknemer een kopie bij het vertrek; UWV vraagt het op voor de Ziektewet-uitkering. Korter dan "
            f"{VERKORT_RIV_VANAF.tekst()} ziek: geen verslag. {VERKORT_RIV_VANAF.waarde} tot "
            f"{VOLLEDIG_RIV_VANAF.tekst()}: een verkort verslag. {VOLLEDIG_RIV_VANAF.tekst().capitalize()} of langer: "
            "het volledige verslag met eindevaluatie. Een eigenrisicodrager Ziektewet maakt dit verslag niet."
        )

    def standaard_week(self) -> int | None:
        return None  # depends on the end of the contract


class MeldingZiekteDoorZwangerschap(Termijnregel):
    """The notice to UWV of sickness from the pregnancy or birth: before the leave within 6 weeks
    (Ziektewet art. 29a lid 1, art. 38a lid 3), or, for sickness that begins right after it, as any
    notice (art. 29a lid 4, art. 38a lid 2). Sickness before and after the leave gets both: this one
    for the part before it, `MeldingZiekteNaVerlof` for the part after it."""

    key = "melding_ziekte_zwangerschap"
    titel = "Ziekmelding bij UWV: ziek door zwangerschap of bevalling"
    wie = "werkgever"
    bron = bronnen.ZIEK_DOOR_ZWANGERSCHAP
    termen = ("zwangerschap", "bevalling")
    voorwaarde = "als de werkneemster ziek is door de zwangerschap of de bevalling"
    te_laat = "Meld de ziekte nu alsnog bij UWV."

    def geldt(self, case: Casus) -> bool:
        return case.ziekte_door_zwangerschap

    @staticmethod
    def _alleen_na_verlof(case: Casus) -> bool:
        """Sickness that began only after the leave (no part of this case lies right before it)."""
        return (
            case.verlof is not None and case.geval.huidige_start > case.verlof.einde and case.ziek_voor_verlof is None
        )

    def datum(self, case: Casus) -> date:
        if self._alleen_na_verlof(case):
            return case.geval.huidige_start + timedelta(days=ZIEKMELDING_UITERLIJK_DAG.waarde - 1)
        voor = case.ziek_voor_verlof
        start = voor.begin if voor is not None else case.geval.huidige_start
        return start + timedelta(weeks=ZWANGERSCHAPSZIEKTE_MELDING_BINNEN.waarde, days=-1)

    def regel(self, case: Casus | None) -> str:
        if case is not None and self._alleen_na_verlof(case):
            return f"uiterlijk op ziektedag {ZIEKMELDING_UITERLIJK_DAG.waarde} na het verlof"
        return f"binnen {ZWANGERSCHAPSZIEKTE_MELDING_BINNEN.tekst()} na de eerste ziektedag (vóór het verlof)"

    def uitleg(self, case: Casus | None) -> str:
        if case is not None and self._alleen_na_verlof(case):
            return _NA_VERLOF_UITLEG
        return (
            "Is de werkneemster vóór het verlof ziek door de zwangerschap, dan meldt de werkgever dat bij UWV, "
            f"uiterlijk binnen {ZWANGERSCHAPSZIEKTE_MELDING_BINNEN.tekst()}. UWV betaalt de werkgever dan een "
            "Ziektewet-uitkering van 100% van het dagloon. De ziekte telt mee voor de wachttijd; de gewone "
            "termijnen blijven gelden."
        )

    def bron_voor(self, case: Casus) -> Bron:
        return bronnen.ZIEKMELDING_VIERDE_DAG if self._alleen_na_verlof(case) else self.bron

    def standaard_week(self) -> int | None:
        return ZWANGERSCHAPSZIEKTE_MELDING_BINNEN.waarde


_NA_VERLOF_UITLEG = (
    "Is de werkneemster na het verlof ziek door de bevalling of de zwangerschap, dan meldt de werkgever "
    f"dat bij UWV, uiterlijk op ziektedag {ZIEKMELDING_UITERLIJK_DAG.waarde} (de gewone termijn van de "
    "Ziektewet). UWV betaalt de werkgever dan een Ziektewet-uitkering. Bronnen noemen soms een andere "
    "termijn: vraag het bij twijfel aan UWV."
)


class MeldingZiekteNaVerlof(Termijnregel):
    """Sick from the pregnancy before the leave and, from the same cause, right after it: the notice for
    the part after the leave (Ziektewet art. 29a lid 4, art. 38a lid 2), beside the one before it."""

    key = "melding_ziekte_zwangerschap_na_verlof"
    titel = "Ziekmelding bij UWV: ziek door zwangerschap of bevalling (na het verlof)"
    wie = "werkgever"
    bron = bronnen.ZIEKMELDING_VIERDE_DAG
    termen = ("zwangerschap", "bevalling")
    voorwaarde = "als de werkneemster vóór en direct na het verlof ziek is door de zwangerschap of de bevalling"
    te_laat = "Meld de ziekte nu alsnog bij UWV."

    def geldt(self, case: Casus) -> bool:
        return case.ziekte_door_zwangerschap and case.ziek_voor_verlof is not None

    def datum(self, case: Casus) -> date:
        return case.geval.huidige_start + timedelta(days=ZIEKMELDING_UITERLIJK_DAG.waarde - 1)

    def regel(self, case: Casus | None) -> str:
        return f"uiterlijk op ziektedag {ZIEKMELDING_UITERLIJK_DAG.waarde} na het verlof"

    def uitleg(self, case: Casus | None) -> str:
        return _NA_VERLOF_UITLEG

    def standaard_week(self) -> int | None:
        return None  # depends on the leave


class MeldingZiekteRondVerlof(Termijnregel):
    key = "melding_ziekte_rond_verlof"
    titel = "Melding bij UWV: ziek vóór en na het zwangerschapsverlof"
    wie = "werkgever"
    bron = bronnen.ZIEK_ROND_VERLOF_MELDEN
    termen = ("verlof",)
    voorwaarde = "als de werkneemster vlak vóór en direct na het zwangerschaps- en bevallingsverlof ziek is"
    te_laat = "Doe de melding nu alsnog bij UWV."

    def geldt(self, case: Casus) -> bool:
        return case.geval.over_verlof and not case.ziekte_door_zwangerschap

    def datum(self, case: Casus) -> date:
        return first_workday_on_or_after(case.verlof.einde + timedelta(days=1))

    def regel(self, case: Casus | None) -> str:
        return "op de eerste werkdag na het einde van het verlof"

    def uitleg(self, case: Casus | None) -> str:
        return (
            "Was de werkneemster direct vóór en direct na het zwangerschaps- en bevallingsverlof ziek, door "
            "dezelfde oorzaak, dan tellen beide perioden samen als één ziekte, hoe lang het verlof ook duurde; de "
            "weken van het verlof zelf tellen niet mee. De werkgever meldt dit bij UWV op de eerste werkdag na het "
            "verlof. Is de oorzaak een andere, dan begint de telling na het verlof opnieuw."
        )

    def standaard_week(self) -> int | None:
        return None  # depends on the leave


# The schedule in the order the JSON and the answers list it.
REGELS: tuple[Termijnregel, ...] = (
    Probleemanalyse(),
    PlanVanAanpak(),
    Melding42eWeek(),
    EerstejaarsevaluatieVanaf(),
    Eerstejaarsevaluatie(),
    SpoorTweeUiterlijk(),
    Reintegratieverslag(),
    WiaAanvraag(),
    LaatsteDagWachttijd(),
    EindeLoondoorbetaling(),
    WiaIngang(),
    VerlengdTijdvak(),
    LoonsanctieMaximum(),
    VervroegdeIvaVanaf(),
    VervroegdeIvaTot(),
    ZiekmeldingUitDienst(),
    ReintegratieverslagEindeDienstverband(),
    MeldingZiekteDoorZwangerschap(),
    MeldingZiekteNaVerlof(),
    MeldingZiekteRondVerlof(),
)
REGELS_PER_KEY = {regel.key: regel for regel in REGELS}
