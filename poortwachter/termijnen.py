"""The deadlines of the Poortwachter schedule: one small rule each, in the order of the schedule.

Each rule reads like the regulation (rule.py): the base rule — what it is, who acts, the date formula,
the rule in words and why, what happens when it is late, and the source — and then its exceptions, each
a condition with what it changes. Numbers come from parameters.py; a new rule is a class here plus its
row in `REGELS` (see the README). Day n is sick day n of the merged case (counting.py).
"""

from __future__ import annotations

from datetime import date, timedelta

from . import bronnen
from .advies import Advies
from .case import Casus
from .formatting import datum_nl, weekdag_nl
from .parameters import (
    EERSTEJAARSEVALUATIE_UITERLIJK,
    EERSTEJAARSEVALUATIE_VANAF,
    ERD_ZW_MELDING_BINNEN,
    LOONSANCTIE_MAXIMUM,
    MELDING_42E_WEEK,
    PLAN_VAN_AANPAK_NA_PROBLEEMANALYSE,
    PROBLEEMANALYSE,
    REINTEGRATIEVERSLAG_VOOR_EINDE,
    UWV_BRIEF_WIA,
    VERKORT_RIV_VANAF,
    VERLENGING_MINIMUM,
    VERVROEGDE_IVA_NA,
    VERVROEGDE_IVA_VOOR,
    VERZAMELWET_2013,
    VOLLEDIG_RIV_VANAF,
    WACHTTIJD,
    WIA_AANVRAAG_VOOR_EINDE,
    ZIEKMELDING_UITERLIJK_DAG,
    ZWANGERSCHAPSZIEKTE_MELDING_NA,
    Parameter,
    einde_week,
)
from .rule import Termijnregel, Uitzondering, altijd
from .situatie import Regime
from .spoor import GEEN_MOGELIJKHEDEN, SpoorTweeUiterlijk
from .workdays import (
    first_workday_on_or_after,
    non_workday_reason,
    workday_calendar_note,
)


def _einde_wachttijd(case: Casus) -> date:
    return case.einde_week(case.wachttijd_weken)


# --- exceptions shared by the terms counted back from the end of the wachttijd -------------------


def _verlengd(case: Casus) -> str:
    """The sentence that a voluntary extension adds to a deadline counted from the end."""
    n = case.verlenging_weken
    return f" Door de vrijwillige verlenging van {n} weken schuift deze datum {n} weken op."


def _verlengde_wachttijd(**anders) -> Uitzondering:
    """A voluntary extension (WIA art. 24) moves a term counted from the end of the wachttijd."""
    return Uitzondering(
        label="de wachttijd is vrijwillig verlengd",
        geldt=lambda case: bool(case.verlenging_weken),
        erbij=_verlengd,
        **anders,
    )


def _oude_termijn(parameter: Parameter, **anders) -> Uitzondering:
    """A term that had expired before the Verzamelwet SZW 2013 took effect keeps the old number of weeks
    (parameters.py: immediate effect, `Casus.geldend`)."""

    def erbij(case: Casus) -> str:
        return (
            f" Voor dit geval geldt nog de oude termijn van {case.geldend(parameter)} weken: die was al voorbij "
            f"toen de Verzamelwet SZW 2013 hem op {datum_nl(VERZAMELWET_2013)} veranderde in {parameter.tekst()}."
        )

    return Uitzondering(
        label=f"de termijn was al voorbij vóór {datum_nl(VERZAMELWET_2013)} (Verzamelwet SZW 2013)",
        geldt=lambda case: case.geldend(parameter) != parameter.waarde,
        erbij=erbij,
        **anders,
    )


def _art_38_geldt_niet(uitleg: str) -> Uitzondering:
    """ZW art. 38 lid 4: art. 38 (lid 1 the 42e-weeksmelding, lid 2 the ziekmelding uit dienst) does not apply to
    whoever claims ziekengeld under art. 29 lid 2 onder f, which is art. 29a: sick from the pregnancy before the leave,
    or from the birth or pregnancy right after it (`ziekte_door_zwangerschap`). Sickness from the pregnancy that begins
    later is ordinary sickness (`zwangerschap_na_verlof`) and keeps both notices."""
    return Uitzondering(
        label="de werkneemster krijgt een Ziektewet-uitkering omdat ze ziek is door de zwangerschap of bevalling",
        geldt=lambda case: case.ziekte_door_zwangerschap,
        bron=bronnen.MELDINGEN_BIJ_ZIEKTE_DOOR_ZWANGERSCHAP,
        vervalt=True,
        uitleg=uitleg,
    )


def _voor_einde_regel(weken: int, eind_week: int) -> str:
    return f"uiterlijk {weken} weken vóór het einde van de wachttijd (eind week {eind_week})"


def _voor_einde(parameter: Parameter) -> tuple[Uitzondering, ...]:
    """The exceptions of a term counted back from the end: the old law and an extension each move it, and
    its rule in words then names the weeks and the week of this case."""

    def regel(case: Casus) -> str:
        weken = case.geldend(parameter)
        return _voor_einde_regel(weken, case.wachttijd_weken - weken)

    return _oude_termijn(parameter, regel=regel), _verlengde_wachttijd(regel=regel)


def _weken_voor_einde(case: Casus, parameter: Parameter) -> date:
    """A deadline counted back from the end of the (extended) wachttijd; never rolled to a workday."""
    return case.einde_week(case.wachttijd_weken - case.geldend(parameter))


# --- first year --------------------------------------------------------------------------------


class Probleemanalyse(Termijnregel):
    key = "probleemanalyse"
    titel = "Probleemanalyse door de bedrijfsarts"
    wie = "werkgever (laat de bedrijfsarts de probleemanalyse maken)"
    bron = bronnen.PROBLEEMANALYSE
    termen = ("probleemanalyse",)
    te_laat = "Laat de probleemanalyse nu alsnog maken; te laat kan tot een loonsanctie leiden."
    werkgeversplicht = True
    standaard_week = PROBLEEMANALYSE.waarde
    regel = f"uiterlijk aan het eind van week {PROBLEEMANALYSE.waarde} (ziektedag {einde_week(PROBLEEMANALYSE.waarde)})"
    uitleg = (
        f"Bij dreigend langdurig verzuim vraagt de werkgever binnen {PROBLEEMANALYSE.tekst()} een oordeel van de "
        "bedrijfsarts: de probleemanalyse. Wordt het verzuim pas later langdurig, dan meteen."
    )
    uitzonderingen = (
        Uitzondering(
            label="de probleemanalyse is gemaakt",
            geldt=lambda case: case.probleemanalyse_datum is not None,
            nog_te_doen=False,
        ),
    )

    def datum(self, case: Casus) -> date:
        return case.einde_week(PROBLEEMANALYSE.waarde)


_PVA_UITERSTE_WEEK = PROBLEEMANALYSE.waarde + PLAN_VAN_AANPAK_NA_PROBLEEMANALYSE.waarde


class PlanVanAanpak(Termijnregel):
    key = "plan_van_aanpak"
    titel = "Plan van aanpak"
    wie = "werkgever en werknemer samen"
    bron = bronnen.PLAN_VAN_AANPAK
    termen = ("plan van aanpak",)
    te_laat = "Stel het plan van aanpak nu alsnog op; te laat kan tot een loonsanctie leiden."
    werkgeversplicht = True
    vervalt_na_aow = True
    standaard_week = _PVA_UITERSTE_WEEK
    regel = f"uiterlijk aan het eind van week {_PVA_UITERSTE_WEEK} (ziektedag {einde_week(_PVA_UITERSTE_WEEK)})"
    uitleg = (
        f"Werkgever en werknemer maken samen een plan van aanpak, binnen {PLAN_VAN_AANPAK_NA_PROBLEEMANALYSE.tekst()} "
        "na de probleemanalyse, en wijzen een casemanager aan."
    )
    uitzonderingen = (
        Uitzondering(
            label="de probleemanalyse is gemaakt: de termijn loopt vanaf die dag",
            geldt=lambda case: case.probleemanalyse_datum is not None,
            regel=lambda case: (
                f"binnen {PLAN_VAN_AANPAK_NA_PROBLEEMANALYSE.tekst()} na de probleemanalyse van "
                f"{datum_nl(case.probleemanalyse_datum)}, en uiterlijk aan het eind van week {_PVA_UITERSTE_WEEK}"
            ),
        ),
        Uitzondering(
            label=GEEN_MOGELIJKHEDEN.label,
            geldt=GEEN_MOGELIJKHEDEN.geldt,
            erbij=(
                " Zolang de bedrijfsarts geen benutbare mogelijkheden ziet, is een plan van aanpak "
                "nog niet nodig; dat volgt zodra er weer mogelijkheden zijn."
            ),
            nog_te_doen=False,
        ),
    )

    def datum(self, case: Casus) -> date:
        uiterste = case.einde_week(_PVA_UITERSTE_WEEK)
        if case.probleemanalyse_datum is None:
            return uiterste
        na_probleemanalyse = case.probleemanalyse_datum + timedelta(weeks=PLAN_VAN_AANPAK_NA_PROBLEEMANALYSE.waarde)
        return min(na_probleemanalyse, uiterste)


def _dag_na_week_42(case: Casus) -> date:
    return case.dag(einde_week(MELDING_42E_WEEK.waarde) + 1)


def _melding_42e_week(case: Casus) -> date:
    return first_workday_on_or_after(_dag_na_week_42(case))


def _verschoven_naar_werkdag(case: Casus) -> str:
    na_week = _dag_na_week_42(case)
    waarom = non_workday_reason(na_week) or f"een {weekdag_nl(na_week)}"
    return (
        f" De eerste dag na week {MELDING_42E_WEEK.waarde} ({datum_nl(na_week)}) is {waarom}; "
        "daarom schuift de datum op."
    )


class Melding42eWeek(Termijnregel):
    key = "melding_42e_week"
    titel = "42e-weeksmelding bij UWV"
    wie = "werkgever"
    bron = bronnen.MELDING_42E_WEEK
    termen = ("42e-weeksmelding", "ziekmelding bij uwv")
    te_laat = "Doe de melding nu alsnog; UWV kan de werkgever een boete geven."
    werkgeversplicht = True
    vervalt_na_aow = True
    standaard_week = MELDING_42E_WEEK.waarde + 1
    regel = f"uiterlijk op de eerste werkdag na de {MELDING_42E_WEEK.waarde}e ziekteweek"
    uitleg = (
        f"De werkgever meldt de werknemer bij UWV ziek op de eerste werkdag na week {MELDING_42E_WEEK.waarde}. "
        "Zaterdag, zondag, algemeen erkende feestdagen en de dagen die de regering daarmee "
        "gelijkstelt zijn geen werkdag. Te laat melden kost een boete (geen loonsanctie)."
    )
    uitzonderingen = (
        _art_38_geldt_niet(
            "Vervalt: is de werkneemster ziek door de zwangerschap of de bevalling en krijgt ze daarom een "
            "Ziektewet-uitkering, dan geldt de 42e-weeksmelding niet (Ziektewet art. 38 lid 4). De werkgever "
            "meldt de ziekte dan zoals bij 'Ziekmelding bij UWV: ziek door zwangerschap of bevalling'; daar "
            "staat de datum. Krijgt de ziekte later een andere oorzaak, vraag dan aan UWV welke melding nodig is."
        ),
        Uitzondering(
            label=f"de dag na week {MELDING_42E_WEEK.waarde} is geen werkdag",
            geldt=lambda case: _melding_42e_week(case) != _dag_na_week_42(case),
            erbij=_verschoven_naar_werkdag,
        ),
        Uitzondering(
            label="voor het jaar van de melding zijn niet alle gelijkgestelde dagen bekend",
            geldt=lambda case: bool(workday_calendar_note(_melding_42e_week(case))),
            erbij=lambda case: f" {workday_calendar_note(_melding_42e_week(case))}",
        ),
    )

    def datum(self, case: Casus) -> date:
        return _melding_42e_week(case)


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
    nog_te_doen = False  # the start of a period, not a step
    standaard_week = EERSTEJAARSEVALUATIE_VANAF.waarde
    regel = f"vanaf het begin van week {EERSTEJAARSEVALUATIE_VANAF.waarde}"
    uitleg = _EJE_UITLEG

    def datum(self, case: Casus) -> date:
        return case.begin_week(EERSTEJAARSEVALUATIE_VANAF.waarde)


class Eerstejaarsevaluatie(Termijnregel):
    key = "eerstejaarsevaluatie_uiterlijk"
    titel = "Eerstejaarsevaluatie"
    wie = "werkgever en werknemer samen"
    bron = bronnen.EERSTEJAARSEVALUATIE
    termen = ("eerstejaarsevaluatie",)
    te_laat = "Houd de eerstejaarsevaluatie nu alsnog."
    werkgeversplicht = True
    vervalt_na_aow = True
    standaard_week = EERSTEJAARSEVALUATIE_UITERLIJK.waarde
    regel = (
        f"uiterlijk aan het eind van week {EERSTEJAARSEVALUATIE_UITERLIJK.waarde} "
        f"(ziektedag {einde_week(EERSTEJAARSEVALUATIE_UITERLIJK.waarde)})"
    )
    uitleg = _EJE_UITLEG
    uitzonderingen = (
        Uitzondering(
            label="de eerstejaarsevaluatie is gehouden",
            geldt=lambda case: case.eerstejaarsevaluatie_datum is not None,
            nog_te_doen=False,
        ),
        Uitzondering(label=GEEN_MOGELIJKHEDEN.label, geldt=GEEN_MOGELIJKHEDEN.geldt, nog_te_doen=False),
    )

    def datum(self, case: Casus) -> date:
        return case.einde_week(EERSTEJAARSEVALUATIE_UITERLIJK.waarde)


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
    standaard_week = WACHTTIJD.waarde - REINTEGRATIEVERSLAG_VOOR_EINDE.waarde
    regel = _voor_einde_regel(REINTEGRATIEVERSLAG_VOOR_EINDE.waarde, standaard_week)
    uitleg = (
        "De werkgever maakt het re-integratieverslag en geeft de werknemer een kopie van alle "
        "stukken. Deze termijn wordt terug geteld en schuift niet op naar een werkdag."
    )
    uitzonderingen = _voor_einde(REINTEGRATIEVERSLAG_VOOR_EINDE)

    def datum(self, case: Casus) -> date:
        return _weken_voor_einde(case, REINTEGRATIEVERSLAG_VOOR_EINDE)


# The number of weeks that older sources still give: the value before the Verzamelwet SZW 2013.
_WIA_AANVRAAG_OUD = WIA_AANVRAAG_VOOR_EINDE.op(VERZAMELWET_2013 - timedelta(days=1))


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
    standaard_week = WACHTTIJD.waarde - WIA_AANVRAAG_VOOR_EINDE.waarde
    regel = _voor_einde_regel(WIA_AANVRAAG_VOOR_EINDE.waarde, standaard_week)
    uitleg = (
        f"De werknemer vraagt zelf de WIA-uitkering aan; rond week {UWV_BRIEF_WIA.waarde} stuurt UWV daarover een "
        f"brief. Sommige bronnen noemen nog week {WACHTTIJD.waarde - _WIA_AANVRAAG_OUD}: dat was de regel tot "
        f"{datum_nl(VERZAMELWET_2013)}. Deze termijn schuift niet op naar een werkdag."
    )
    uitzonderingen = _voor_einde(WIA_AANVRAAG_VOOR_EINDE)

    def datum(self, case: Casus) -> date:
        return _weken_voor_einde(case, WIA_AANVRAAG_VOOR_EINDE)


class LaatsteDagWachttijd(Termijnregel):
    key = "laatste_dag_wachttijd"
    titel = "Laatste dag van de wachttijd (loondoorbetaling)"
    wie = "werkgever (betaalt loon door tot en met deze dag)"
    bron = bronnen.WIA_WACHTTIJD
    termen = ("wachttijd", "loondoorbetaling", "loon door")
    hoort_bij_wia = True
    nog_te_doen = False
    standaard_week = WACHTTIJD.waarde
    regel = f"{WACHTTIJD.waarde} weken na de eerste ziektedag (ziektedag {einde_week(WACHTTIJD.waarde)})"
    uitleg = (
        f"De wachttijd voor de WIA duurt {WACHTTIJD.tekst()}; zo lang betaalt de werkgever loon door. "
        "Sommige websites noemen de dag erna als einddatum."
    )
    uitzonderingen = (
        _verlengde_wachttijd(
            bron=bronnen.VERLENGING,
            regel=lambda case: (
                f"{WACHTTIJD.waarde} weken plus {case.verlenging_weken} weken verlenging na de eerste ziektedag "
                f"(ziektedag {einde_week(case.wachttijd_weken)})"
            ),
        ),
        Uitzondering(
            label="het loon stopt in deze situatie eerder (ziek uit dienst, AOW-leeftijd)",
            geldt=lambda case: case.situatie.regime is not Regime.STANDAARD,
            erbij=" In deze situatie stopt het loon eerder: zie de laatste dag van de loondoorbetaling.",
        ),
    )

    def datum(self, case: Casus) -> date:
        return _einde_wachttijd(case)


class WiaIngang(Termijnregel):
    key = "wia_ingang"
    titel = "Eerste dag waarop een WIA-uitkering kan ingaan"
    wie = "UWV"
    bron = bronnen.WIA_WACHTTIJD
    termen = ("wia-uitkering",)
    hoort_bij_wia = True
    nog_te_doen = False
    standaard_week = WACHTTIJD.waarde + 1
    regel = "de dag na het einde van de wachttijd"
    uitleg = "Een WIA-uitkering kan op zijn vroegst ingaan op de dag na de wachttijd."

    def datum(self, case: Casus) -> date:
        return _einde_wachttijd(case) + timedelta(days=1)


class VerlengdTijdvak(Termijnregel):
    key = "verlengd_tijdvak_tot"
    titel = "Einde van de vrijwillig verlengde loondoorbetaling"
    wie = "werkgever"
    bron = bronnen.VERLENGING
    termen = ("verlenging", "verlengen")
    werkgeversplicht = True
    hoort_bij_wia = True
    nog_te_doen = False
    standaard_week = WACHTTIJD.waarde + VERLENGING_MINIMUM.waarde
    regel = f"{WACHTTIJD.tekst()} plus de weken van de verlenging"
    uitleg = (
        "Werkgever en werknemer kunnen samen vragen om de loondoorbetaling te verlengen "
        f"(minstens {VERLENGING_MINIMUM.tekst()}); de WIA-aanvraag en het re-integratieverslag schuiven mee."
    )
    uitzonderingen = (
        Uitzondering(
            label="de verlenging van dit geval",
            geldt=altijd,  # the rule exists only with an extension (`geldt` below)
            regel=lambda case: f"{WACHTTIJD.tekst()} plus {case.verlenging_weken} weken verlenging",
        ),
    )

    def geldt(self, case: Casus) -> bool:
        return bool(case.verlenging_weken)

    def datum(self, case: Casus) -> date:
        return _einde_wachttijd(case)


class LoonsanctieMaximum(Termijnregel):
    key = "loonsanctie_max_tot"
    titel = "Uiterste einde van een eventuele loonsanctie"
    wie = "werkgever (alleen als UWV een loonsanctie oplegt)"
    bron = bronnen.LOONSANCTIE
    termen = ("loonsanctie",)
    werkgeversplicht = True
    hoort_bij_wia = True
    nog_te_doen = False
    standaard_week = WACHTTIJD.waarde + LOONSANCTIE_MAXIMUM.waarde
    regel = f"maximaal {LOONSANCTIE_MAXIMUM.tekst()} na het einde van de wachttijd"
    uitleg = (
        "Doet de werkgever te weinig aan re-integratie, dan kan UWV hem verplichten het loon "
        f"maximaal {LOONSANCTIE_MAXIMUM.tekst()} langer door te betalen."
    )

    def datum(self, case: Casus) -> date:
        return _einde_wachttijd(case) + timedelta(weeks=LOONSANCTIE_MAXIMUM.waarde)


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
    nog_te_doen = False  # an option, not an obligation
    uitleg = _IVA_UITLEG

    def geldt(self, case: Casus) -> bool:
        return case.advies is Advies.DUURZAAM_GEEN_MOGELIJKHEDEN


class VervroegdeIvaVanaf(_VervroegdeIva):
    key = "vervroegde_iva_vanaf"
    titel = "Vervroegde IVA-aanvraag: vanaf"
    standaard_week = VERVROEGDE_IVA_NA.waarde + 1
    regel = f"na minstens {VERVROEGDE_IVA_NA.tekst()} ziekte (ziektedag {einde_week(VERVROEGDE_IVA_NA.waarde) + 1})"

    def datum(self, case: Casus) -> date:
        return case.dag(einde_week(VERVROEGDE_IVA_NA.waarde) + 1)


class VervroegdeIvaTot(_VervroegdeIva):
    key = "vervroegde_iva_tot"
    titel = "Vervroegde IVA-aanvraag: uiterlijk"
    standaard_week = VERVROEGDE_IVA_VOOR.waarde
    regel = f"vóór {VERVROEGDE_IVA_VOOR.tekst()} ziekte (uiterlijk eind week {VERVROEGDE_IVA_VOOR.waarde})"

    def datum(self, case: Casus) -> date:
        return case.einde_week(VERVROEGDE_IVA_VOOR.waarde)


# --- situations beyond the standard case (situatie.py) ---------------------------------------


class EindeLoondoorbetaling(Termijnregel):
    """The last day of wages: the end of the wachttijd, of the contract, or shortly after the AOW-leeftijd."""

    key = "einde_loondoorbetaling"
    titel = "Laatste dag van de loondoorbetaling"
    wie = "werkgever"
    bron = bronnen.WIA_WACHTTIJD
    termen = ("loondoorbetaling", "loon door")
    nog_te_doen = False
    standaard_week = WACHTTIJD.waarde
    regel = "het einde van de wachttijd (zonder loonsanctie)"
    uitleg = (
        f"Wie in dienst blijft, krijgt bij ziekte maximaal {WACHTTIJD.tekst()} loon. Eindigt het contract "
        "eerder, of bereikt de werknemer de AOW-leeftijd, dan stopt het loon eerder."
    )
    uitzonderingen = (
        Uitzondering(
            label="het dienstverband eindigt tijdens de ziekte",
            geldt=lambda case: case.situatie.regime is Regime.ZIEK_UIT_DIENST,
            regel="de laatste dag van het dienstverband",
        ),
        Uitzondering(
            label="de AOW-leeftijd was al bereikt toen de ziekte begon",
            geldt=lambda case: case.situatie.regime is Regime.AOW_GERECHTIGD,
            regel=lambda case: f"{case.geldend_na_aow} weken ziekte (de AOW-leeftijd was al bereikt)",
        ),
        Uitzondering(
            label="de AOW-leeftijd wordt tijdens de ziekte bereikt",
            geldt=lambda case: case.situatie.regime is Regime.AOW_TIJDENS_ZIEKTE,
            regel=lambda case: f"{case.geldend_na_aow} weken na het bereiken van de AOW-leeftijd",
        ),
        Uitzondering(
            label="de situatie van dit geval zegt waarom het loon dan stopt",
            geldt=altijd,
            uitleg=lambda case: case.situatie.tekst,
            bron=lambda case: case.situatie.bron,
        ),
    )

    def datum(self, case: Casus) -> date:
        return case.situatie.einde_loondoorbetaling


class ZiekmeldingUitDienst(Termijnregel):
    key = "ziekmelding_uit_dienst"
    titel = "Ziekmelding uit dienst bij UWV"
    wie = "werkgever"
    bron = bronnen.ZIEKMELDING_UIT_DIENST
    termen = ("uit dienst",)
    voorwaarde = "als het dienstverband tijdens de ziekte eindigt"
    te_laat = "Meld de werknemer nu alsnog ziek uit dienst bij UWV; te laat melden kan een boete geven."
    standaard_week = None  # depends on the end of the contract
    # ZW art. 38 lid 2 (text of 1-7-2026): "op de laatste dag van de dienstbetrekking", also on a Saturday or
    # Sunday (a day, not a period: the Algemene termijnenwet does not move it).
    regel = "op de laatste dag van het dienstverband"
    uitleg = (
        "Eindigt het dienstverband tijdens de ziekte, dan meldt de werkgever de werknemer ziek uit dienst "
        "bij UWV op de laatste dag van het dienstverband, ook als de 42e-weeksmelding al gedaan is en ook als "
        "die dag in het weekend valt (melden kan online). UWV beoordeelt dan de Ziektewet-uitkering. Te laat "
        "melden kan een boete geven."
    )
    uitzonderingen = (
        _art_38_geldt_niet(
            "Vervalt: bij ziekte door de zwangerschap geldt deze melding niet (Ziektewet art. 38 lid 4). "
            "De werkgever meldt de ziekte dan zoals bij 'Ziekmelding bij UWV: ziek door zwangerschap of "
            "bevalling'; daar staat de datum. UWV betaalt de Ziektewet-uitkering, ook als de werkgever "
            "eigenrisicodrager is."
        ),
        Uitzondering(
            label="de werkgever is eigenrisicodrager Ziektewet",
            geldt=lambda case: case.situatie.eigenrisicodrager_betaalt,  # 38aa: only for what it pays itself
            bron=bronnen.ERD_ZW_ZIEK_UIT_DIENST,
            datum=lambda case: case.situatie.einde_dienstverband + timedelta(weeks=ERD_ZW_MELDING_BINNEN.waarde),
            regel=(
                f"binnen {ERD_ZW_MELDING_BINNEN.tekst()} na de laatste dag van het dienstverband "
                "(eigenrisicodrager Ziektewet)"
            ),
            uitleg=(
                "Eindigt het dienstverband tijdens de ziekte, dan geeft de werkgever als eigenrisicodrager "
                f"Ziektewet binnen {ERD_ZW_MELDING_BINNEN.tekst()} aan UWV door dat de werknemer ziek uit dienst "
                "is. De werkgever betaalt dan zelf de Ziektewet-uitkering en begeleidt de re-integratie."
            ),
        ),
    )

    def geldt(self, case: Casus) -> bool:
        return case.situatie.regime is Regime.ZIEK_UIT_DIENST

    def datum(self, case: Casus) -> date:
        return case.situatie.einde_dienstverband


def _dagen_ziek_bij_einde(case: Casus) -> int:
    return case.geval.day_number_of(case.situatie.einde_dienstverband)


def _geen_riv_bij_eigenrisicodrager(case: Casus) -> str:
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
    standaard_week = None  # depends on the end of the contract
    regel = (
        "op de laatste dag van het dienstverband: het re-integratieverslag met eindevaluatie "
        f"(ziek {VOLLEDIG_RIV_VANAF.tekst()} of langer)"
    )
    uitleg = (
        "Gaat een zieke werknemer uit dienst, dan maakt de werkgever een re-integratieverslag en geeft de "
        "werknemer een kopie bij het vertrek; UWV vraagt het op voor de Ziektewet-uitkering. Korter dan "
        f"{VERKORT_RIV_VANAF.tekst()} ziek: geen verslag. {VERKORT_RIV_VANAF.waarde} tot "
        f"{VOLLEDIG_RIV_VANAF.tekst()}: een verkort verslag. {VOLLEDIG_RIV_VANAF.tekst().capitalize()} of langer: "
        "het volledige verslag met eindevaluatie. Een eigenrisicodrager Ziektewet maakt dit verslag niet."
    )
    uitzonderingen = (
        Uitzondering(
            label="de werkgever is eigenrisicodrager Ziektewet",
            geldt=lambda case: case.situatie.eigenrisicodrager_zw,
            bron=bronnen.GEEN_RIV_BIJ_ERD_ZW,
            vervalt=True,
            uitleg=_geen_riv_bij_eigenrisicodrager,
        ),
        Uitzondering(
            label=f"het dienstverband eindigt na minder dan {VOLLEDIG_RIV_VANAF.tekst()} ziekte",
            geldt=lambda case: _dagen_ziek_bij_einde(case) < einde_week(VOLLEDIG_RIV_VANAF.waarde),
            regel=(
                f"op de laatste dag van het dienstverband: een verkort re-integratieverslag (ziek "
                f"{VERKORT_RIV_VANAF.waarde} tot {VOLLEDIG_RIV_VANAF.tekst()})"
            ),
        ),
    )

    def geldt(self, case: Casus) -> bool:
        return case.situatie.regime is Regime.ZIEK_UIT_DIENST and _dagen_ziek_bij_einde(case) >= einde_week(
            VERKORT_RIV_VANAF.waarde
        )

    def datum(self, case: Casus) -> date:
        return case.situatie.einde_dienstverband


def _alleen_na_verlof(case: Casus) -> bool:
    """Sickness that began only after the leave (no part of this case lies right before it)."""
    return case.verlof is not None and case.geval.huidige_start > case.verlof.einde and case.ziek_voor_verlof is None


def _ziekmelding_na_verlof(case: Casus) -> date:
    return case.geval.huidige_start + timedelta(days=ZIEKMELDING_UITERLIJK_DAG.waarde - 1)


_NA_VERLOF_REGEL = f"uiterlijk op ziektedag {ZIEKMELDING_UITERLIJK_DAG.waarde} na het verlof"
_NA_VERLOF_UITLEG = (
    "Is de werkneemster na het verlof ziek door de bevalling of de zwangerschap, dan meldt de werkgever "
    f"dat bij UWV, uiterlijk op ziektedag {ZIEKMELDING_UITERLIJK_DAG.waarde} (de gewone termijn van de "
    "Ziektewet). UWV betaalt de werkgever dan een Ziektewet-uitkering. Bronnen noemen soms een andere "
    "termijn: vraag het bij twijfel aan UWV."
)


def _zes_weken_ziek_door_zwangerschap(case: Casus) -> date:
    """The last day of the six weeks of ZW art. 38a lid 3, counted from the first day of sickness before the leave."""
    voor = case.ziek_voor_verlof
    start = voor.begin if voor is not None else case.geval.huidige_start
    return start + timedelta(weeks=ZWANGERSCHAPSZIEKTE_MELDING_NA.waarde, days=-1)


def _einde_binnen_zes_weken(case: Casus) -> bool:
    einde = case.situatie.einde_dienstverband
    return einde is not None and einde <= _zes_weken_ziek_door_zwangerschap(case)


class MeldingZiekteDoorZwangerschap(Termijnregel):
    """The notice to UWV of sickness from the pregnancy or birth: before the leave by the first day after six
    weeks, or on the last day of a contract that ends within them (Ziektewet art. 29a lid 1, art. 38a lid 3), or,
    for sickness that begins right after it, as any notice (art. 29a lid 4, art. 38a lid 2). Sickness before
    and after the leave gets both: this one for the part before it, `MeldingZiekteNaVerlof` for the part after it."""

    key = "melding_ziekte_zwangerschap"
    titel = "Ziekmelding bij UWV: ziek door zwangerschap of bevalling"
    wie = "werkgever"
    bron = bronnen.MELDING_ZIEKTE_DOOR_ZWANGERSCHAP
    termen = ("zwangerschap", "bevalling")
    voorwaarde = "als de werkneemster ziek is door de zwangerschap of de bevalling"
    te_laat = "Meld de ziekte nu alsnog bij UWV."
    standaard_week = ZWANGERSCHAPSZIEKTE_MELDING_NA.waarde + 1
    # ZW art. 38a lid 3: "uiterlijk op de eerste dag na zes weken gerekend vanaf die eerste werkdag", so day 43.
    # UWV's pages say "binnen 6 weken"; the answer gives the law's day and says that.
    regel = (
        f"uiterlijk op de eerste dag na {ZWANGERSCHAPSZIEKTE_MELDING_NA.tekst()}, gerekend vanaf de eerste ziektedag "
        "(vóór het verlof)"
    )
    uitleg = (
        "Is de werkneemster vóór het verlof ziek door de zwangerschap, dan meldt de werkgever dat bij UWV, "
        f"uiterlijk op de eerste dag na {ZWANGERSCHAPSZIEKTE_MELDING_NA.tekst()} ziekte. UWV zelf schrijft "
        f"'binnen {ZWANGERSCHAPSZIEKTE_MELDING_NA.tekst()}': wie de dag ervoor meldt, zit altijd goed. UWV "
        "betaalt de werkgever dan een Ziektewet-uitkering van 100% van het dagloon, ook als de werkgever "
        "eigenrisicodrager is. De ziekte telt mee voor de wachttijd; de termijnen van de re-integratie blijven "
        "gelden."
    )
    uitzonderingen = (
        Uitzondering(
            label="de ziekte begon pas na het verlof",
            geldt=_alleen_na_verlof,
            bron=bronnen.ZIEKMELDING_VIERDE_DAG,
            datum=_ziekmelding_na_verlof,
            regel=_NA_VERLOF_REGEL,
            uitleg=_NA_VERLOF_UITLEG,
        ),
        # After the exception above: sickness that began only after the leave has the fourth day of art. 38a
        # lid 2, and the second sentence of lid 3 (the last day of the contract) belongs to lid 3's six weeks.
        Uitzondering(
            label=f"het dienstverband eindigt binnen die {ZWANGERSCHAPSZIEKTE_MELDING_NA.tekst()}",
            geldt=_einde_binnen_zes_weken,
            datum=lambda case: case.situatie.einde_dienstverband,
            regel=(
                "op de laatste dag van het dienstverband (die valt binnen de eerste "
                f"{ZWANGERSCHAPSZIEKTE_MELDING_NA.tekst()} van de ziekte)"
            ),
            uitleg=(
                f"Eindigt het dienstverband binnen de eerste {ZWANGERSCHAPSZIEKTE_MELDING_NA.tekst()} van de ziekte, "
                "dan meldt de werkgever de ziekte door de zwangerschap bij UWV op de laatste dag van het "
                "dienstverband (Ziektewet art. 38a lid 3). UWV betaalt de Ziektewet-uitkering, ook als de werkgever "
                "eigenrisicodrager is."
            ),
        ),
    )

    def geldt(self, case: Casus) -> bool:
        return case.ziekte_door_zwangerschap

    def datum(self, case: Casus) -> date:
        return _zes_weken_ziek_door_zwangerschap(case) + timedelta(days=1)


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
    standaard_week = None  # depends on the leave
    regel = _NA_VERLOF_REGEL
    uitleg = _NA_VERLOF_UITLEG

    def geldt(self, case: Casus) -> bool:
        return case.ziekte_door_zwangerschap and case.ziek_voor_verlof is not None

    def datum(self, case: Casus) -> date:
        return _ziekmelding_na_verlof(case)


class MeldingZiekteRondVerlof(Termijnregel):
    key = "melding_ziekte_rond_verlof"
    titel = "Melding bij UWV: ziek vóór en na het zwangerschapsverlof"
    wie = "werkgever"
    bron = bronnen.ZIEK_ROND_VERLOF_MELDEN
    termen = ("verlof",)
    voorwaarde = "als de werkneemster vlak vóór en direct na het zwangerschaps- en bevallingsverlof ziek is"
    te_laat = "Doe de melding nu alsnog bij UWV."
    standaard_week = None  # depends on the leave
    regel = "op de eerste werkdag na het einde van het verlof"
    uitleg = (
        "Was de werkneemster direct vóór en direct na het zwangerschaps- en bevallingsverlof ziek, door "
        "dezelfde oorzaak, dan tellen beide perioden samen als één ziekte, hoe lang het verlof ook duurde; de "
        "weken van het verlof zelf tellen niet mee. De werkgever meldt dit bij UWV op de eerste werkdag na het "
        "verlof. Is de oorzaak een andere, dan begint de telling na het verlof opnieuw."
    )

    def geldt(self, case: Casus) -> bool:
        return case.geval.over_verlof and not case.ziekte_door_zwangerschap

    def datum(self, case: Casus) -> date:
        return first_workday_on_or_after(case.verlof.einde + timedelta(days=1))


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
