"""Where a sick employee stands under the Wet verbetering Poortwachter.

`compute_tijdlijn` is pure: it reads no clock and does no I/O. It is a short
pipeline — validate, build the case, apply the rules, derive steps and
warnings — and every figure it returns carries the rule that produced it and
the legal source, so a channel can always answer "waarom?".
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from functools import cache
from typing import Sequence

from . import bronnen
from .advies import Advies, parse_advies
from .case import Casus
from .counting import Periode, Ziektegeval, ziektegeval_from_perioden
from .termijnen import REGELS
from .formatting import datum_nl
from .parameters import SAMENTELLEN_ONDERBREKING, WACHTTIJD, WIA_IN_WERKING, einde_week
from .invoer import Invoer
from .results import Termijn, Tijdlijn, Uitkomst
from .rule import Regeltekst
from .situatie import Situatie, determine
from .spoor import perspectief_relevant, spoor
from .steps import steps, warnings
from .validation import (
    check_birth_date,
    check_contract_end,
    check_done_dates,
    check_extension,
    check_in_window,
    check_verlof,
    check_periods,
)
from .verlof import apply_verlof, arrange
from .verlof import notes as verlof_notes


def compute_tijdlijn(
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
    ziek_na_verlof: bool | None = None,
) -> Tijdlijn:
    """Compute the position on `peildatum` of a case whose current sickness began on `eerste_ziektedag`.

    `eerdere_perioden` are earlier closed sickness periods; those separated by fewer than 4 weeks are
    merged into the case. `verlenging_weken` is a voluntary extension of the wachttijd (WIA art. 24).
    `einde_dienstverband` (last day of the contract), `eigenrisicodrager_zw` and `geboortedatum` (for the
    AOW-leeftijd) decide the regime (situatie.py). A `zwangerschapsverlof`, actual or expected, may lie
    after the first sick day: sickness right before and right after it is one case and its weeks do not
    count; `ziek_na_verlof` says whether the sickness goes on right after it (None: assumed); see verlof.py.
    """
    return compute_tijdlijn_for(
        Invoer(
            eerste_ziektedag=eerste_ziektedag,
            peildatum=peildatum,
            advies=advies,
            eerdere_perioden=tuple(eerdere_perioden),
            verlenging_weken=verlenging_weken,
            perspectief_binnen_3_maanden=perspectief_binnen_3_maanden,
            probleemanalyse_datum=probleemanalyse_datum,
            eerstejaarsevaluatie_datum=eerstejaarsevaluatie_datum,
            einde_dienstverband=einde_dienstverband,
            eigenrisicodrager_zw=bool(eigenrisicodrager_zw),
            geboortedatum=geboortedatum,
            zwangerschapsverlof=zwangerschapsverlof,
            ziekte_door_zwangerschap=bool(ziekte_door_zwangerschap),
            ziek_na_verlof=ziek_na_verlof,
        )
    )


def compute_tijdlijn_for(invoer: Invoer) -> Tijdlijn:
    """The timeline of one input record (see `compute_tijdlijn`); the result carries the record."""
    invoer = replace(invoer, advies=parse_advies(invoer.advies), eerdere_perioden=tuple(invoer.eerdere_perioden))
    case = _build(invoer)
    termijnen = _apply_rules(case)
    if case.verlofgevolg is not None:
        termijnen = apply_verlof(termijnen, case.verlofgevolg, _without_the_verlof(case, invoer))
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
        verlof=case.verlofgevolg,
        invoer=invoer,
    )


def _build(invoer: Invoer) -> Casus:
    """Validate the input, arrange and merge the sickness periods into one case and decide its regime."""
    eerste_ziektedag, peildatum, verlof = invoer.eerste_ziektedag, invoer.peildatum, invoer.zwangerschapsverlof
    for value, name in ((eerste_ziektedag, "eerste ziektedag"), (peildatum, "peildatum")):
        check_in_window(value, name)
    check_extension(invoer.verlenging_weken)
    ordered = check_periods(invoer.eerdere_perioden, eerste_ziektedag)
    check_verlof(verlof, ordered)
    indeling = arrange(eerste_ziektedag, peildatum, ordered, verlof, invoer.ziek_na_verlof)
    geval = ziektegeval_from_perioden(indeling.huidige_start, indeling.eerdere, verlof)
    check_in_window(geval.eerste_ziektedag, "eerste ziektedag van het samengetelde ziektegeval")
    check_done_dates(geval.eerste_ziektedag, peildatum, invoer.probleemanalyse_datum, invoer.eerstejaarsevaluatie_datum)
    check_contract_end(invoer.einde_dienstverband, eerste_ziektedag)
    check_birth_date(invoer.geboortedatum, geval.eerste_ziektedag)
    vangnet = invoer.ziekte_door_zwangerschap and not _later_than_the_verlof(eerste_ziektedag, verlof)
    return Casus(
        geval,
        indeling.peildatum,
        invoer.advies,
        invoer.verlenging_weken or 0,
        invoer.perspectief_binnen_3_maanden,
        invoer.probleemanalyse_datum,
        invoer.eerstejaarsevaluatie_datum,
        situatie=_situatie(geval, invoer, vangnet),
        verlof=verlof,
        ziekte_door_zwangerschap=vangnet,
        zwangerschap_na_verlof=invoer.ziekte_door_zwangerschap and not vangnet,
        verlofgevolg=indeling.gevolg(verlof, geval.over_verlof, peildatum),
        stand=indeling.stand if indeling.stand != indeling.peildatum else None,
    )


def _situatie(geval: Ziektegeval, invoer: Invoer, vangnet: bool) -> Situatie:
    weken = WACHTTIJD.waarde + (invoer.verlenging_weken or 0)
    return determine(
        geval,
        geval.date_of_day(einde_week(weken)),
        invoer.einde_dienstverband,
        invoer.eigenrisicodrager_zw,
        invoer.geboortedatum,
        vangnet,
    )


def _without_the_verlof(case: Casus, invoer: Invoer) -> dict[str, Termijn] | None:
    """The deadlines of the same case as if the sickness had gone on through the leave (its days counted):
    what every deadline would be without the leave, to tell which ones it moved. None without a merge."""
    voor = case.ziek_voor_verlof
    if voor is None:
        return None
    earlier = tuple(p for p in case.geval.eerdere if p.einde < voor.begin)
    geval = Ziektegeval(huidige_start=voor.begin, eerdere=earlier, losse=case.geval.losse)
    situatie = _situatie(geval, invoer, case.ziekte_door_zwangerschap)
    return _apply_rules(replace(case, geval=geval, situatie=situatie, verlof=None, verlofgevolg=None))


def _later_than_the_verlof(eerste_ziektedag, verlof) -> bool:
    """Sickness that begins after the leave, not directly on its next day.

    Ziektewet art. 29a lid 4 pays sickness from the pregnancy or birth after the leave only when it
    follows the leave directly; later sickness follows the ordinary rules (the employer pays).
    """
    return verlof is not None and eerste_ziektedag > verlof.einde + timedelta(days=1)


def _apply_rules(case: Casus) -> dict[str, Termijn]:
    applied = (regel.toepassen(case) for regel in REGELS)
    return {termijn.key: termijn for termijn in applied if termijn is not None}


def _ziektedag(case: Casus) -> Uitkomst:
    uitleg = "De eerste ziektedag is dag 1; elke kalenderdag telt mee, ook weekend en feestdagen."
    gevolg = case.verlofgevolg
    if gevolg is not None and gevolg.telling_vanaf is not None:
        uitleg += (
            f" De ziekte begon tijdens het zwangerschaps- en bevallingsverlof; die dagen tellen niet mee. De telling "
            f"begint op {datum_nl(gevolg.telling_vanaf)}: dit is de stand op die dag."
        )
        return Uitkomst(case.ziektedag, uitleg, bronnen.VERLOF_TELT_NIET)
    if gevolg is not None and gevolg.stand_op is not None and gevolg.telling_stopt:
        uitleg += (
            f" De ziekte stopt bij het begin van het zwangerschaps- en bevallingsverlof: dit is de stand op "
            f"{datum_nl(gevolg.stand_op)}, de laatste ziektedag vóór het verlof."
        )
    elif gevolg is not None and gevolg.stand_op is not None:
        uitleg += (
            f" Tijdens het zwangerschaps- en bevallingsverlof telt de ziekte niet mee: de telling staat stil op "
            f"{datum_nl(gevolg.stand_op)}, de laatste ziektedag vóór het verlof."
        )
    if case.geval.over_verlof:
        uitleg += (
            f" De ziekte vlak vóór het zwangerschaps- en bevallingsverlof telt mee ({case.ziek_voor_verlof.dagen} "
            "dagen); de dagen van het verlof niet."
        )
        return Uitkomst(case.ziektedag, uitleg, bronnen.VERLOF_TELT_NIET)
    if case.geval.eerdere:
        uitleg += (
            f" Eerdere ziekteperioden met minder dan {SAMENTELLEN_ONDERBREKING.tekst()} ertussen tellen mee "
            f"({case.geval.eerdere_dagen} dagen); de dagen ertussen niet."
        )
        return Uitkomst(case.ziektedag, uitleg, bronnen.WIA_SAMENTELLEN)
    bron = bronnen.VERLOF_TELT_NIET if gevolg is not None and gevolg.stand_op else bronnen.WIA_WACHTTIJD
    return Uitkomst(case.ziektedag, uitleg, bron)


def _ziekteweek(case: Casus) -> Uitkomst:
    uitleg = (
        f"Ziektedag {case.ziektedag} valt in week {case.week}: week 1 zijn dag 1 tot en met 7, "
        "week 2 dag 8 tot en met 14, enzovoort."
    )
    return Uitkomst(case.week, uitleg, bronnen.WIA_WACHTTIJD)


def _notes(case: Casus, termijnen: dict[str, Termijn]) -> list[str]:
    notes = [
        f"De ziekteperiode van {datum_nl(p.begin)} tot en met {datum_nl(p.einde)} telt niet mee: er zitten "
        f"{SAMENTELLEN_ONDERBREKING.tekst()} of meer tussen die periode en de volgende."
        for p in case.geval.losse
    ]
    riv = termijnen["reintegratieverslag"].datum
    if riv is not None and riv < WIA_IN_WERKING:
        notes.append(
            "De regels van de Wet WIA over het re-integratieverslag en de WIA-aanvraag gingen pas op "
            f"{datum_nl(WIA_IN_WERKING)} in. Termijnen van dit geval die daarvoor vielen, liepen onder "
            "overgangsregels; de data hier zijn die van de Wet WIA."
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
    if case.verlofgevolg is not None:
        voor = case.ziek_voor_verlof
        notes += verlof_notes(case.verlofgevolg, case.geval.day_number_of(voor.einde) if voor else None)
    einde_wachttijd = termijnen["laatste_dag_wachttijd"].datum
    if einde_wachttijd is not None and case.peildatum > einde_wachttijd:
        notes.append(
            "De wachttijd is voorbij; de loondoorbetaling bij ziekte is geëindigd, "
            "tenzij UWV een loonsanctie heeft opgelegd."
        )
    return notes


def general_rules() -> dict[str, Regeltekst]:
    """Each deadline's rule without a personal date: titel, regel, uitleg, bron and when it applies."""
    return dict(_general_rules())


@cache  # the texts depend on nothing but the parameters
def _general_rules() -> dict[str, Regeltekst]:
    return {regel.key: regel.algemeen() for regel in REGELS}
