"""Bedrijfsarts advice codes and the track (spoor) they lead to."""

from __future__ import annotations

from enum import Enum

from .errors import OnbekendAdviesError


class Advies(str, Enum):
    EIGEN_WERK = "eigen_werk"
    AANGEPAST_WERK = "aangepast_werk"
    ANDER_WERK_EIGEN_WERKGEVER = "ander_werk_eigen_werkgever"
    GEEN_PERSPECTIEF_EIGEN_WERKGEVER = "geen_perspectief_eigen_werkgever"
    TIJDELIJK_GEEN_MOGELIJKHEDEN = "tijdelijk_geen_mogelijkheden"
    DUURZAAM_GEEN_MOGELIJKHEDEN = "duurzaam_geen_mogelijkheden"
    ONBEKEND = "onbekend"


class Spoor(str, Enum):
    SPOOR_1 = "spoor_1"
    SPOOR_1_EN_2 = "spoor_1_en_2"
    GEEN_ACTIEVE_REINTEGRATIE = "geen_actieve_reintegratie"
    # After a contract ends during sickness there is no own employer any more: UWV (or the
    # ex-employer as eigenrisicodrager Ziektewet) guides the way to any suitable work.
    ZONDER_WERKGEVER = "reintegratie_zonder_werkgever"


# Plain-language labels (B1) for buttons and overviews.
ADVIES_LABELS: dict[Advies, str] = {
    Advies.EIGEN_WERK: "Terug in mijn eigen werk",
    Advies.AANGEPAST_WERK: "Terug in mijn eigen werk, maar aangepast",
    Advies.ANDER_WERK_EIGEN_WERKGEVER: "Ander werk bij mijn eigen werkgever",
    # The bedrijfsarts judges what the employee can do; whether there is passend werk is for the
    # employer to find out (BW 7:658a lid 1). The label names the situation, not who decided it.
    Advies.GEEN_PERSPECTIEF_EIGEN_WERKGEVER: "Eigen werk lukt niet meer en er is geen ander passend werk bij mijn werkgever",
    Advies.TIJDELIJK_GEEN_MOGELIJKHEDEN: "Nu (tijdelijk) geen werk mogelijk",
    Advies.DUURZAAM_GEEN_MOGELIJKHEDEN: "Blijvend geen werk mogelijk",
    Advies.ONBEKEND: "Weet ik niet / nog geen advies",
}

SPOOR_LABELS: dict[Spoor, str] = {
    Spoor.SPOOR_1: "spoor 1 (terugkeer bij de eigen werkgever)",
    Spoor.SPOOR_1_EN_2: "spoor 1 en spoor 2 (ook zoeken naar werk bij een andere werkgever)",
    Spoor.GEEN_ACTIEVE_REINTEGRATIE: "nog geen actieve re-integratie (geen benutbare mogelijkheden)",
    Spoor.ZONDER_WERKGEVER: "re-integratie zonder werkgever (na het einde van het dienstverband)",
}

# Advice codes under which the employee stays in spoor 1 until the eerstejaarsevaluatie.
SPOOR_1_ADVIES = frozenset(
    {Advies.EIGEN_WERK, Advies.AANGEPAST_WERK, Advies.ANDER_WERK_EIGEN_WERKGEVER, Advies.ONBEKEND}
)
GEEN_MOGELIJKHEDEN_ADVIES = frozenset({Advies.TIJDELIJK_GEEN_MOGELIJKHEDEN, Advies.DUURZAAM_GEEN_MOGELIJKHEDEN})


def parse_advies(value: "str | Advies") -> Advies:
    if isinstance(value, Advies):
        return value
    try:
        return Advies(str(value).strip().lower())
    except ValueError:
        codes = ", ".join(a.value for a in Advies)
        raise OnbekendAdviesError(f"Onbekend advies van de bedrijfsarts: '{value}'. Kies uit: {codes}.") from None
