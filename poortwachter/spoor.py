"""Spoor 1 or spoor 2: the track decision and the latest start of spoor 2, in one place.

The law (BW 7:658a lid 1) obliges the employer to look for work elsewhere once
return to the own employer is not possible. The weeks come from UWV's
Werkwijzer Poortwachter, not statute: without a concrete prospect of structural
return within 3 months after the eerstejaarsevaluatie, spoor 2 must have started
6 weeks after it; when return is clearly impossible earlier, at once.

Each branch of that decision is written once below (a `Spoortak`): its condition, its source, the
track it leads to and why, and what it does to the latest start of spoor 2. `spoor()` takes the first
branch that holds, in the order of `_SPOORTAKKEN`; `SpoorTweeUiterlijk` lists the same objects as its
exceptions (rule.py), so the two cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from . import bronnen
from .advies import SPOOR_1_ADVIES, Advies, Spoor
from .case import Casus
from .formatting import datum_nl
from .parameters import EERSTEJAARSEVALUATIE_UITERLIJK as EJE, PERSPECTIEF_TERUGKEER, SPOOR_2_NA_EERSTEJAARSEVALUATIE
from .results import Uitkomst
from .rule import Tekst, Termijnregel, Uitzondering, altijd, eerste, geen_datum

_PERSPECTIEF = (
    f"concreet perspectief op structurele terugkeer bij de eigen werkgever binnen {PERSPECTIEF_TERUGKEER.tekst()}"
)


@dataclass(frozen=True, kw_only=True)
class Spoortak(Uitzondering):
    """One branch of the track decision: the track it puts the employee in and why (`reden`), with its source.
    Where the branch also changes the latest start of spoor 2, its other fields say how (rule.py)."""

    spoor: Spoor
    reden: Tekst

    def uitkomst(self, case: Casus) -> Uitkomst:
        reden = self.reden(case) if callable(self.reden) else self.reden
        return Uitkomst(self.spoor, reden, self.bron_voor(case))


def _evaluatie_in_zicht(case: Casus) -> bool:
    return case.eerstejaarsevaluatie_voorbij or case.in_eerstejaarsevaluatie_periode


# --- the spoor-2 decision: the standard rule and two exceptions by the bedrijfsarts' advice --------


def _geen_mogelijkheden(case: Casus) -> str:
    soort = "tijdelijk" if case.advies is Advies.TIJDELIJK_GEEN_MOGELIJKHEDEN else "blijvend"
    return (
        f"De bedrijfsarts ziet {soort} geen benutbare mogelijkheden om te werken. "
        "Zolang dat zo is, is er geen actieve re-integratie en geen spoor 1 of 2."
    )


GEEN_MOGELIJKHEDEN = Spoortak(
    label="de bedrijfsarts ziet (tijdelijk of blijvend) geen benutbare mogelijkheden",
    geldt=lambda case: case.geen_mogelijkheden,
    bron=bronnen.GEEN_BENUTBARE_MOGELIJKHEDEN,
    spoor=Spoor.GEEN_ACTIEVE_REINTEGRATIE,
    reden=_geen_mogelijkheden,
    datum=geen_datum,
    regel="niet van toepassing zolang er geen benutbare mogelijkheden zijn",
    uitleg=(
        "Zonder benutbare mogelijkheden is er geen re-integratie in spoor 1 of 2. Komen er "
        "weer mogelijkheden, dan gelden de gewone regels."
    ),
    nog_te_doen=False,
)

GEEN_PERSPECTIEF_EIGEN_WERKGEVER = Spoortak(
    label="terugkeer bij de eigen werkgever kan niet meer",
    geldt=lambda case: case.advies is Advies.GEEN_PERSPECTIEF_EIGEN_WERKGEVER,
    bron=bronnen.SPOOR_2,
    spoor=Spoor.SPOOR_1_EN_2,
    reden=(
        "Het eigen werk lukt niet meer en bij de eigen werkgever is geen ander passend werk. Wat de "
        "werknemer kan, beoordeelt de bedrijfsarts; of er passend werk in het bedrijf is, onderzoekt de "
        "werkgever (vaak met een arbeidsdeskundige). Dan verwacht UWV dat spoor 2 (werk bij een andere "
        "werkgever) meteen start, niet pas na de eerstejaarsevaluatie."
    ),
    datum=lambda case: case.telmoment,  # "direct": the day of today's position (during a leave: before it)
    regel="direct",
    uitleg=(
        "Als vaststaat dat terugkeer bij de eigen werkgever niet meer kan, moet spoor 2 "
        "meteen starten, in welke week dan ook."
    ),
    nog_te_doen=True,
)

# Within the standard rule: at the eerstejaarsevaluatie the prospect of return decides.
CONCREET_PERSPECTIEF = Spoortak(
    label="bij de eerstejaarsevaluatie is er een concreet perspectief op terugkeer bij de eigen werkgever",
    geldt=lambda case: _evaluatie_in_zicht(case) and case.perspectief is True,
    bron=bronnen.SPOOR_2,
    spoor=Spoor.SPOOR_1,
    reden=(
        f"Er is een {_PERSPECTIEF}. Dan mag spoor 2 achterwege blijven, zolang dat perspectief "
        "concreet blijft (UWV Werkwijzer Poortwachter)."
    ),
    nog_te_doen=False,
)


def _geen_perspectief_bij_evaluatie(case: Casus) -> str:
    reden = (
        "Er is geen concreet perspectief"
        if case.perspectief is False
        else "Er is niet vastgesteld dat er een concreet perspectief is"
    )
    return (
        f"{reden} op structurele terugkeer bij de eigen werkgever binnen "
        f"{PERSPECTIEF_TERUGKEER.tekst()} na de eerstejaarsevaluatie. Dan verwacht UWV naast spoor 1 "
        f"ook spoor 2, uiterlijk {SPOOR_2_NA_EERSTEJAARSEVALUATIE.tekst()} na de eerstejaarsevaluatie "
        "(UWV Werkwijzer Poortwachter)."
    )


GEEN_PERSPECTIEF_BIJ_EVALUATIE = Spoortak(
    label="de eerstejaarsevaluatie is voorbij, of nabij zonder concreet perspectief",
    geldt=lambda case: (
        case.eerstejaarsevaluatie_voorbij or (case.in_eerstejaarsevaluatie_periode and case.perspectief is False)
    ),
    bron=bronnen.SPOOR_2,
    spoor=Spoor.SPOOR_1_EN_2,
    reden=_geen_perspectief_bij_evaluatie,
)

STANDAARD = Spoortak(
    label="standaard: spoor 1 tot de eerstejaarsevaluatie",
    geldt=altijd,
    bron=bronnen.SPOOR_1,
    spoor=Spoor.SPOOR_1,
    reden=(
        "Volgens de bedrijfsarts kan de werknemer (aangepast) werken, of er is nog geen advies. "
        "Dan is de re-integratie gericht op eigen, aangepast of ander werk bij de eigen "
        "werkgever: spoor 1. Bij de eerstejaarsevaluatie wordt bekeken of spoor 2 nodig is."
    ),
)

# --- branches of the track that come from the situation (situatie.py) ---------------------------


def _zonder_werkgever(case: Casus) -> str:
    wie = "de ex-werkgever als eigenrisicodrager Ziektewet" if case.situatie.eigenrisicodrager_betaalt else "UWV"
    return (
        f"Het dienstverband is geëindigd op {datum_nl(case.situatie.einde_dienstverband)}. Er is geen eigen "
        f"werkgever meer om naar terug te keren: {wie} begeleidt de re-integratie naar passend werk."
    )


NA_EINDE_DIENSTVERBAND = Spoortak(
    label="het dienstverband is geëindigd",
    geldt=lambda case: case.na_einde_dienstverband,
    bron=lambda case: case.situatie.bron,
    spoor=Spoor.ZONDER_WERKGEVER,
    reden=_zonder_werkgever,
)

AOW_BEREIKT = Spoortak(
    label="de werknemer heeft de AOW-leeftijd bereikt",
    geldt=lambda case: case.aow_bereikt,
    bron=bronnen.REINTEGRATIE_NA_AOW,
    spoor=Spoor.SPOOR_1,
    reden=(
        "De werknemer heeft de AOW-leeftijd bereikt. Dan hoeft de werkgever alleen passend werk in het "
        "eigen bedrijf aan te bieden: spoor 1. Spoor 2 en een plan van aanpak zijn niet nodig."
    ),
)

# The track, strongest branch first: no employer any more, then no possibilities (even after the
# AOW-leeftijd: no re-integration at all), then the AOW-leeftijd (spoor 1 only), then the advice and
# the eerstejaarsevaluatie.
_SPOORTAKKEN = (
    NA_EINDE_DIENSTVERBAND,
    GEEN_MOGELIJKHEDEN,
    AOW_BEREIKT,
    GEEN_PERSPECTIEF_EIGEN_WERKGEVER,
    CONCREET_PERSPECTIEF,
    GEEN_PERSPECTIEF_BIJ_EVALUATIE,
)


def spoor(case: Casus) -> Uitkomst:
    """The track the employee is in on the peildatum, with the reason."""
    return eerste(case, _SPOORTAKKEN, STANDAARD).uitkomst(case)


def perspectief_relevant(case: Casus) -> bool:
    """Whether the prospect of return decides the track now: spoor-1 advice, evaluation in sight."""
    if case.aow_bereikt or case.na_einde_dienstverband:
        return False
    return case.advies in SPOOR_1_ADVIES and case.in_eerstejaarsevaluatie_periode


# --- the latest start of spoor 2 -------------------------------------------------------------------


def _spoor_2_uitleg(basis: str) -> str:
    return (
        f"Is er bij de eerstejaarsevaluatie geen {_PERSPECTIEF}, dan moet spoor 2 uiterlijk "
        f"{SPOOR_2_NA_EERSTEJAARSEVALUATIE.tekst()} na {basis} "
        "zijn gestart. Sommige bronnen noemen het eind van het eerste jaar; wij volgen de UWV "
        "Werkwijzer Poortwachter."
    )


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
    standaard_week = EJE.waarde + SPOOR_2_NA_EERSTEJAARSEVALUATIE.waarde
    regel = (
        f"{SPOOR_2_NA_EERSTEJAARSEVALUATIE.tekst()} na de eerstejaarsevaluatie, als er geen concreet "
        f"perspectief binnen {PERSPECTIEF_TERUGKEER.tekst()} is"
    )
    uitleg = _spoor_2_uitleg(f"het eind van week {EJE.waarde} (uiterste moment van de eerstejaarsevaluatie)")
    uitzonderingen = (
        GEEN_MOGELIJKHEDEN,
        GEEN_PERSPECTIEF_EIGEN_WERKGEVER,
        CONCREET_PERSPECTIEF,
        Uitzondering(
            label="de eerstejaarsevaluatie is nog niet in zicht",
            geldt=lambda case: not _evaluatie_in_zicht(case),
            nog_te_doen=False,
        ),
        Uitzondering(
            label="de eerstejaarsevaluatie is gehouden",
            geldt=lambda case: case.eerstejaarsevaluatie_datum is not None,
            uitleg=lambda case: _spoor_2_uitleg(
                f"de eerstejaarsevaluatie van {datum_nl(case.eerstejaarsevaluatie_datum)}"
            ),
        ),
    )

    def datum(self, case: Casus) -> date:
        return case.eerstejaarsevaluatie_moment + timedelta(weeks=SPOOR_2_NA_EERSTEJAARSEVALUATIE.waarde)
