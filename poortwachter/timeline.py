"""Where a sick employee stands under the Wet verbetering Poortwachter.

`compute_timeline` is pure: it reads no clock and does no I/O. It is a short
pipeline — validate, build the case, apply the rules, derive steps and
warnings — and every figure it returns carries the rule that produced it and
the legal source, so a channel can always answer "waarom?".
"""
from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from typing import Sequence

from . import bronnen
from .advice import Advies, parse_advies
from .case import Casus
from .counting import Periode, build_case
from .deadlines import REGELS
from .formatting import datum_nl
from .parameters import SAMENTELLEN_ONDERBREKING, WACHTTIJD, WIA_IN_WERKING, einde_week
from .results import Deadline, Tijdlijn, Uitkomst
from .rule import Regeltekst
from .situation import determine
from .spoor import perspectief_relevant, spoor
from .steps import steps, warnings
from .validation import (
    check_birth_date,
    check_contract_end,
    check_done_dates,
    check_extension,
    check_first_sick_day,
    check_in_window,
    check_leave,
    check_periods,
)


def compute_timeline(
    eerste_ziektedag: date,
    peildatum: date,
    advies: "str | Advies" = Advies.ONBEKEND,
    eerdere_perioden: Sequence[Periode] = (),
    verlenging_weken: int | None = None,
    perspectief_binnen_3_maanden: bool | None = None,
    probleemanalyse_datum: date | None = None,
    eerstejaarsevaluatie_datum: date | None = None,
    einde_dienstverband: date | None = None,
    eigenrisicodrager_zw: bool = False,
    geboortedatum: date | None = None,
    zwangerschapsverlof: Periode | None = None,
    ziekte_door_zwangerschap: bool = False,
) -> Tijdlijn:
    """Compute the position on `peildatum` of a case whose current period began on `eerste_ziektedag`.

    `eerdere_perioden` are earlier closed sickness periods; those separated by
    fewer than 4 weeks, or directly before and after the `zwangerschapsverlof`,
    are merged into the case. `verlenging_weken` is a voluntary extension of
    the wachttijd (WIA art. 24). `einde_dienstverband` (last day of the
    contract), `eigenrisicodrager_zw` and `geboortedatum` (for the AOW-leeftijd)
    decide the regime (situation.py).
    """
    case = _build(
        eerste_ziektedag, peildatum, advies, eerdere_perioden, verlenging_weken,
        perspectief_binnen_3_maanden, probleemanalyse_datum, eerstejaarsevaluatie_datum,
        einde_dienstverband, eigenrisicodrager_zw, geboortedatum, zwangerschapsverlof, ziekte_door_zwangerschap,
    )
    termijnen = _apply_rules(case)
    track = spoor(case)
    return Tijdlijn(
        peildatum=case.peildatum,
        advies=case.advies,
        geval=case.geval,
        ziektedag=_ziektedag(case),
        ziekteweek=_ziekteweek(case),
        spoor=track,
        termijnen=termijnen,
        stappen=steps(case, termijnen, track.waarde),
        waarschuwingen=warnings(termijnen),
        perspectief_relevant=perspectief_relevant(case),
        wachttijd_weken=case.wachttijd_weken,
        situatie=case.situatie,
        opmerkingen=_notes(case, termijnen),
    )


def _build(
    eerste_ziektedag, peildatum, advies, eerdere_perioden, verlenging_weken, perspectief, pa_datum, eje_datum,
    einde_dienstverband, eigenrisicodrager_zw, geboortedatum, verlof, ziekte_door_zwangerschap,
) -> Casus:
    """Validate the input, merge the sickness periods into one case and decide its regime."""
    check_first_sick_day(eerste_ziektedag, peildatum)
    advies = parse_advies(advies)
    check_extension(verlenging_weken)
    ordered = check_periods(eerdere_perioden, eerste_ziektedag)
    check_leave(verlof, ordered, eerste_ziektedag)
    geval = build_case(eerste_ziektedag, ordered, verlof)
    check_in_window(geval.eerste_ziektedag, "eerste ziektedag van het samengetelde ziektegeval")
    check_done_dates(geval.eerste_ziektedag, peildatum, pa_datum, eje_datum)
    check_contract_end(einde_dienstverband, eerste_ziektedag)
    check_birth_date(geboortedatum, geval.eerste_ziektedag)
    weken = WACHTTIJD.waarde + (verlenging_weken or 0)
    vangnet = bool(ziekte_door_zwangerschap) and not _later_than_the_leave(eerste_ziektedag, verlof)
    situatie = determine(
        geval, geval.date_of_day(einde_week(weken)), einde_dienstverband, bool(eigenrisicodrager_zw),
        geboortedatum, vangnet,
    )
    return Casus(
        geval, peildatum, advies, verlenging_weken or 0, perspectief, pa_datum, eje_datum,
        situatie=situatie, verlof=verlof, ziekte_door_zwangerschap=vangnet,
        zwangerschap_na_verlof=bool(ziekte_door_zwangerschap) and not vangnet,
    )


def _later_than_the_leave(eerste_ziektedag, verlof) -> bool:
    """Sickness that begins after the leave, not directly on its next day.

    Ziektewet art. 29a lid 4 pays sickness from the pregnancy or birth after the leave only when it
    follows the leave directly; later sickness follows the ordinary rules (the employer pays).
    """
    return verlof is not None and eerste_ziektedag > verlof.einde + timedelta(days=1)


def _apply_rules(case: Casus) -> dict[str, Deadline]:
    applied = (regel.toepassen(case) for regel in REGELS)
    return {deadline.key: deadline for deadline in applied if deadline is not None}


def _ziektedag(case: Casus) -> Uitkomst:
    uitleg = "De eerste ziektedag is dag 1; elke kalenderdag telt mee, ook weekend en feestdagen."
    if case.geval.eerdere:
        uitleg += (
            f" Eerdere ziekteperioden met minder dan {SAMENTELLEN_ONDERBREKING.tekst()} ertussen tellen mee "
            f"({case.geval.eerdere_dagen} dagen); de dagen ertussen niet."
        )
        return Uitkomst(case.ziektedag, uitleg, bronnen.WIA_SAMENTELLEN)
    return Uitkomst(case.ziektedag, uitleg, bronnen.WIA_WACHTTIJD)


def _ziekteweek(case: Casus) -> Uitkomst:
    uitleg = (
        f"Ziektedag {case.ziektedag} valt in week {case.week}: week 1 zijn dag 1 tot en met 7, "
        "week 2 dag 8 tot en met 14, enzovoort."
    )
    return Uitkomst(case.week, uitleg, bronnen.WIA_WACHTTIJD)


def _notes(case: Casus, termijnen: dict[str, Deadline]) -> list[str]:
    notes = [
        f"De ziekteperiode van {datum_nl(p.begin)} tot en met {datum_nl(p.einde)} telt niet mee: er zitten "
        f"{SAMENTELLEN_ONDERBREKING.tekst()} of meer tussen die periode en de volgende."
        for p in case.geval.losse
    ]
    riv = termijnen["reintegratieverslag"].datum
    if riv is not None and riv < WIA_IN_WERKING:
        notes.append(
            f"De Wet WIA trad pas op {datum_nl(WIA_IN_WERKING)} in werking. Termijnen van dit geval die "
            "daarvoor vielen, liepen onder overgangsregels; de data hier zijn die van de Wet WIA."
        )
    if case.zwangerschap_na_verlof:
        notes.append(
            "De ziekte begon niet direct na het zwangerschaps- en bevallingsverlof. Dan gelden de gewone regels: "
            "de werkgever betaalt het loon door en er is geen aparte melding van ziekte door de bevalling bij UWV "
            "(Ziektewet art. 29a lid 4)."
        )
    if case.geval.over_verlof:
        notes.append(
            "De ziekte vlak vóór en direct na het zwangerschaps- en bevallingsverlof telt samen als één ziekte "
            "(als de oorzaak dezelfde is); de weken van het verlof tellen niet mee."
        )
    einde_wachttijd = termijnen["laatste_dag_wachttijd"].datum
    if einde_wachttijd is not None and case.peildatum > einde_wachttijd:
        notes.append("De wachttijd is voorbij; de loondoorbetaling bij ziekte is geëindigd, "
                     "tenzij UWV een loonsanctie heeft opgelegd.")
    return notes


def general_rules() -> dict[str, Regeltekst]:
    """Each deadline's rule without a personal date: titel, regel, uitleg, bron and when it applies."""
    return dict(_general_rules())


@cache  # the texts depend on nothing but the parameters
def _general_rules() -> dict[str, Regeltekst]:
    return {regel.key: regel.algemeen() for regel in REGELS}
