"""Next steps and warnings: what to do now, derived from the applied deadline rules."""

from __future__ import annotations

from . import bronnen
from .advies import Advies, Spoor
from .case import Casus
from .termijnen import REGELS_PER_KEY
from .formatting import datum_nl
from .parameters import EVALUATIE_PLAN_VAN_AANPAK
from .results import Stap, Termijn, TermijnStatus, Waarschuwing

# Advice under which an arbeidsdeskundig onderzoek is due once the evaluation is in sight.
_ARBEIDSDESKUNDIGE_BIJ_ADVIES = (
    Advies.GEEN_PERSPECTIEF_EIGEN_WERKGEVER,
    Advies.ANDER_WERK_EIGEN_WERKGEVER,
    Advies.ONBEKEND,
)


def _immediate(case: Casus, termijnen: dict[str, Termijn], spoor: Spoor) -> list[Stap]:
    """Steps that are due now, before the dated ones."""
    steps: list[Stap] = []
    spoor_2_open = termijnen["spoor_2_uiterlijk"].nog_te_doen
    if case.advies is Advies.GEEN_PERSPECTIEF_EIGEN_WERKGEVER and spoor_2_open:
        steps.append(
            Stap(
                "Start spoor 2 nu",
                "Zoek, naast spoor 1, actief naar passend werk bij een andere "
                "werkgever, bijvoorbeeld met hulp van een re-integratiebureau.",
                "werkgever en werknemer",
                bronnen.SPOOR_2,
                case.telmoment,
                "spoor_2_uiterlijk",
            )
        )
    if case.advies is Advies.TIJDELIJK_GEEN_MOGELIJKHEDEN:
        steps.append(
            Stap(
                "Houd contact en laat de bedrijfsarts opnieuw beoordelen",
                "Zodra er weer mogelijkheden zijn, stelt de bedrijfsarts de probleemanalyse bij en "
                "volgt een plan van aanpak.",
                "werkgever, werknemer en bedrijfsarts",
                bronnen.GEEN_BENUTBARE_MOGELIJKHEDEN,
            )
        )
    iva_tot = termijnen.get("vervroegde_iva_tot")
    if iva_tot is not None and iva_tot.status is not TermijnStatus.VERSTREKEN:
        steps.append(
            Stap(
                "Overweeg een vervroegde IVA-aanvraag",
                f"Dat kan tot en met {datum_nl(iva_tot.datum)}, met een verklaring van de bedrijfsarts.",
                "werknemer",
                bronnen.VERVROEGDE_IVA,
                iva_tot.datum,
                "vervroegde_iva_tot",
            )
        )
    if spoor in (Spoor.GEEN_ACTIEVE_REINTEGRATIE, Spoor.ZONDER_WERKGEVER) or case.aow_bereikt:
        return steps
    needs_ad = case.advies in _ARBEIDSDESKUNDIGE_BIJ_ADVIES or spoor is Spoor.SPOOR_1_EN_2
    if needs_ad and (case.in_eerstejaarsevaluatie_periode or case.advies is Advies.GEEN_PERSPECTIEF_EIGEN_WERKGEVER):
        steps.append(
            Stap(
                "Laat een arbeidsdeskundig onderzoek doen",
                "Een arbeidsdeskundige onderzoekt welk werk nog passend is, bij de eigen werkgever "
                "of elders. UWV kijkt hiernaar bij de beoordeling van het re-integratieverslag.",
                "werkgever",
                bronnen.ARBEIDSDESKUNDIG_ONDERZOEK,
            )
        )
    if termijnen["plan_van_aanpak"].status is TermijnStatus.VERSTREKEN:
        steps.append(
            Stap(
                "Evalueer het plan van aanpak regelmatig",
                f"Bespreek de voortgang minstens eens per {EVALUATIE_PLAN_VAN_AANPAK.tekst()} (richtlijn) en stel het "
                "plan bij als de situatie verandert.",
                "werkgever en werknemer",
                bronnen.PLAN_VAN_AANPAK,
            )
        )
    return steps


def steps(case: Casus, termijnen: dict[str, Termijn], spoor: Spoor) -> list[Stap]:
    """Immediate steps first, then every open deadline still ahead, in date order."""
    immediate = _immediate(case, termijnen, spoor)
    covered = {s.termijn for s in immediate}
    dated = [
        Stap(d.titel, f"{d.regel[0].upper()}{d.regel[1:]}.", d.wie, d.bron, d.datum, d.key)
        for d in termijnen.values()
        if d.nog_te_doen and d.datum is not None and d.status is not TermijnStatus.VERSTREKEN and d.key not in covered
    ]
    dated.sort(key=lambda s: s.datum)
    return immediate + dated


def warnings(termijnen: dict[str, Termijn]) -> list[Waarschuwing]:
    """A warning for each open deadline that has passed, with what to do now (the rule's `te_laat`)."""
    result = []
    for key, termijn in termijnen.items():
        advies = REGELS_PER_KEY[key].te_laat
        if advies and termijn.nog_te_doen and termijn.status is TermijnStatus.VERSTREKEN:
            result.append(
                Waarschuwing(
                    key,
                    f"De termijn voor '{termijn.titel}' is verstreken ({datum_nl(termijn.datum)}). Is dit nog niet "
                    f"gedaan? {advies}",
                    termijn.bron,
                )
            )
    return result
