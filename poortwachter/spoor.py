"""Spoor 1 or spoor 2: the track decision and the latest start of spoor 2, in one place.

The law (BW 7:658a lid 1) obliges the employer to look for work elsewhere once
return to the own employer is not possible. The weeks come from UWV's
Werkwijzer Poortwachter, not statute: without a concrete prospect of structural
return within 3 months after the eerstejaarsevaluatie, spoor 2 must have started
6 weeks after it; when return is clearly impossible earlier, at once.
"""

from __future__ import annotations

from datetime import date, timedelta

from . import bronnen
from .advice import SPOOR_1_ADVIES, Advies, Spoor
from .bronnen import Bron
from .case import Casus
from .formatting import datum_nl
from .parameters import EERSTEJAARSEVALUATIE_UITERLIJK as EJE, PERSPECTIEF_TERUGKEER, SPOOR_2_NA_EERSTEJAARSEVALUATIE
from .results import Uitkomst
from .rule import Termijnregel

_PERSPECTIEF = (
    f"concreet perspectief op structurele terugkeer bij de eigen werkgever binnen {PERSPECTIEF_TERUGKEER.tekst()}"
)


def spoor(case: Casus) -> Uitkomst:
    """The track the employee is in on the peildatum, with the reason."""
    if case.na_einde_dienstverband:
        wie = "de ex-werkgever als eigenrisicodrager Ziektewet" if case.situatie.eigenrisicodrager_zw else "UWV"
        return Uitkomst(
            Spoor.ZONDER_WERKGEVER.value,
            f"Het dienstverband is geëindigd op {datum_nl(case.situatie.einde_dienstverband)}. Er is geen eigen "
            f"werkgever meer om naar terug te keren: {wie} begeleidt de re-integratie naar passend werk.",
            case.situatie.bron,
        )
    if case.geen_mogelijkheden:
        soort = "tijdelijk" if case.advies is Advies.TIJDELIJK_GEEN_MOGELIJKHEDEN else "blijvend"
        return Uitkomst(
            Spoor.GEEN_ACTIEVE_REINTEGRATIE.value,
            f"De bedrijfsarts ziet {soort} geen benutbare mogelijkheden om te werken. "
            "Zolang dat zo is, is er geen actieve re-integratie en geen spoor 1 of 2.",
            bronnen.GEEN_BENUTBARE_MOGELIJKHEDEN,
        )
    if case.aow_bereikt:
        return Uitkomst(
            Spoor.SPOOR_1.value,
            "De werknemer heeft de AOW-leeftijd bereikt. Dan hoeft de werkgever alleen passend werk in het "
            "eigen bedrijf aan te bieden: spoor 1. Spoor 2 en een plan van aanpak zijn niet nodig.",
            bronnen.REINTEGRATIE_NA_AOW,
        )
    if case.advies is Advies.GEEN_PERSPECTIEF_EIGEN_WERKGEVER:
        return Uitkomst(
            Spoor.SPOOR_1_EN_2.value,
            "Het eigen werk lukt niet meer en bij de eigen werkgever is geen ander passend werk. Wat de "
            "werknemer kan, beoordeelt de bedrijfsarts; of er passend werk in het bedrijf is, onderzoekt de "
            "werkgever (vaak met een arbeidsdeskundige). Dan verwacht UWV dat spoor 2 (werk bij een andere "
            "werkgever) meteen start, niet pas na de eerstejaarsevaluatie.",
            bronnen.SPOOR_2,
        )
    if case.eerstejaarsevaluatie_voorbij or case.in_eerstejaarsevaluatie_periode:
        if case.perspectief is True:
            return Uitkomst(
                Spoor.SPOOR_1.value,
                f"Er is een {_PERSPECTIEF}. Dan mag spoor 2 achterwege blijven, zolang dat perspectief "
                "concreet blijft (UWV Werkwijzer Poortwachter).",
                bronnen.SPOOR_2,
            )
        if case.eerstejaarsevaluatie_voorbij or case.perspectief is False:
            reden = (
                "Er is geen concreet perspectief"
                if case.perspectief is False
                else "Er is niet vastgesteld dat er een concreet perspectief is"
            )
            return Uitkomst(
                Spoor.SPOOR_1_EN_2.value,
                f"{reden} op structurele terugkeer bij de eigen werkgever binnen "
                f"{PERSPECTIEF_TERUGKEER.tekst()} na de eerstejaarsevaluatie. Dan verwacht UWV naast spoor 1 "
                f"ook spoor 2, uiterlijk {SPOOR_2_NA_EERSTEJAARSEVALUATIE.tekst()} na de eerstejaarsevaluatie "
                "(UWV Werkwijzer Poortwachter).",
                bronnen.SPOOR_2,
            )
    return Uitkomst(
        Spoor.SPOOR_1.value,
        "Volgens de bedrijfsarts kan de werknemer (aangepast) werken, of er is nog geen advies. "
        "Dan is de re-integratie gericht op eigen, aangepast of ander werk bij de eigen "
        "werkgever: spoor 1. Bij de eerstejaarsevaluatie wordt bekeken of spoor 2 nodig is.",
        bronnen.SPOOR_1,
    )


def perspectief_relevant(case: Casus) -> bool:
    """Whether the prospect of return decides the track now: spoor-1 advice, evaluation in sight."""
    if case.aow_bereikt or case.na_einde_dienstverband:
        return False
    return case.advies in SPOOR_1_ADVIES and case.in_eerstejaarsevaluatie_periode


class SpoorTweeUiterlijk(Termijnregel):
    """Latest start of spoor 2."""

    key = "spoor_2_uiterlijk"
    titel = "Uiterste start van spoor 2"
    wie = "werkgever"
    bron = bronnen.SPOOR_2
    termen = ("spoor 2", "tweede spoor")
    hangt_af_van_advies = True
    te_laat = "Start spoor 2 nu; een te late start is een veelvoorkomende reden voor een loonsanctie."
    werkgeversplicht = True
    vervalt_na_aow = True

    def datum(self, case: Casus) -> date | None:
        if case.geen_mogelijkheden:
            return None
        if case.advies is Advies.GEEN_PERSPECTIEF_EIGEN_WERKGEVER:
            return case.telmoment  # "direct": the day of today's position (during a leave: before it)
        return case.eerstejaarsevaluatie_moment + timedelta(weeks=SPOOR_2_NA_EERSTEJAARSEVALUATIE.waarde)

    def regel(self, case: Casus | None) -> str:
        if case is not None and case.geen_mogelijkheden:
            return "niet van toepassing zolang er geen benutbare mogelijkheden zijn"
        if case is not None and case.advies is Advies.GEEN_PERSPECTIEF_EIGEN_WERKGEVER:
            return "direct"
        return (
            f"{SPOOR_2_NA_EERSTEJAARSEVALUATIE.tekst()} na de eerstejaarsevaluatie, als er geen concreet "
            f"perspectief binnen {PERSPECTIEF_TERUGKEER.tekst()} is"
        )

    def uitleg(self, case: Casus | None) -> str:
        if case is not None and case.geen_mogelijkheden:
            return (
                "Zonder benutbare mogelijkheden is er geen re-integratie in spoor 1 of 2. Komen er "
                "weer mogelijkheden, dan gelden de gewone regels."
            )
        if case is not None and case.advies is Advies.GEEN_PERSPECTIEF_EIGEN_WERKGEVER:
            return (
                "Als vaststaat dat terugkeer bij de eigen werkgever niet meer kan, moet spoor 2 "
                "meteen starten, in welke week dan ook."
            )
        basis = (
            f"de eerstejaarsevaluatie van {datum_nl(case.eerstejaarsevaluatie_datum)}"
            if case is not None and case.eerstejaarsevaluatie_datum
            else f"het eind van week {EJE.waarde} (uiterste moment van de eerstejaarsevaluatie)"
        )
        return (
            f"Is er bij de eerstejaarsevaluatie geen {_PERSPECTIEF}, dan moet spoor 2 uiterlijk "
            f"{SPOOR_2_NA_EERSTEJAARSEVALUATIE.tekst()} na {basis} "
            "zijn gestart. Sommige bronnen noemen het eind van het eerste jaar; wij volgen de UWV "
            "Werkwijzer Poortwachter."
        )

    def bron_voor(self, case: Casus) -> Bron:
        return bronnen.GEEN_BENUTBARE_MOGELIJKHEDEN if case.geen_mogelijkheden else bronnen.SPOOR_2

    def nog_te_doen(self, case: Casus) -> bool:
        if case.geen_mogelijkheden:
            return False
        if case.advies is Advies.GEEN_PERSPECTIEF_EIGEN_WERKGEVER:
            return True
        evaluatie_in_zicht = case.eerstejaarsevaluatie_voorbij or case.in_eerstejaarsevaluatie_periode
        return case.perspectief is not True and evaluatie_in_zicht

    def standaard_week(self) -> int:
        return EJE.waarde + SPOOR_2_NA_EERSTEJAARSEVALUATIE.waarde
