"""A zwangerschaps- en bevallingsverlof in the case: where the sickness lies against it, and planning.

The law (consolidated texts of 1 July 2026, read on 2026-12-06):
- no wages during the leave (BW 7:629 lid 4); its weeks do not count toward the wachttijd (WIA art. 23
  lid 5) or the 42 weeks of the 42e-weeksmelding (Ziektewet art. 38 lid 1);
- sickness directly before and directly after the leave counts as one, unless it cannot reasonably come
  from the same cause (BW 7:629 lid 10; WIA art. 23 lid 3 onder 2°; Ziektewet art. 38 lid 1).
So every date that the rules count in sick days and that falls after the leave lies the length of the
leave later than it would without it.

Three input shapes, one case:
- `eerste_ziektedag` before the leave (the real first sick day, the shape to use): the package takes the
  sickness to run to the day before the leave and, unless `ziek_na_verlof` is False, on from the day
  after it (None: not known, assumed and said so);
- `eerste_ziektedag` during the leave: those days do not count; the count starts the day after it;
- `eerste_ziektedag` after the leave, with the sickness before it as an earlier period (API 1.2).
A leave that has not ended on the peildatum is planning: today's position is counted on the peildatum
(during the leave: on the last sick day before it, as the count stands still), every later date from the
day after the leave, and the result says that those dates move if the leave moves.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Sequence

from . import bronnen
from .counting import Periode
from .errors import TellingBegintNaVerlofError, OngeldigeSituatieError
from .formatting import datum_nl, duur_nl
from .results import Termijn, Verlofgevolg
from .validation import check_eerste_ziektedag

VOOR, TIJDENS, NA = "voor", "tijdens", "na"  # where the sickness began against the leave
ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Indeling:
    """The periods of the case around the leave, and the days its position is measured on."""

    huidige_start: date  # first day of the current (last) sickness period
    eerdere: tuple[Periode, ...]  # earlier periods, including the one right before the leave
    peildatum: date  # statuses are measured from it (moved only to a count that starts after a running leave)
    stand: date  # today's sick day is counted on this day (the last sick day before a leave that is running)
    ligging: str | None = None
    aanname: bool = False
    telling_stopt: bool = False
    telling_vanaf: date | None = None

    def gevolg(self, verlof: Periode | None, samengeteld: bool, peildatum: date) -> Verlofgevolg | None:
        if verlof is None or self.ligging is None:
            return None
        return Verlofgevolg(
            verlof=verlof,
            ligging=self.ligging,
            samengeteld=samengeteld,
            gepland=peildatum <= verlof.einde and self.ligging != NA,
            aanname=self.aanname,
            telling_stopt=self.telling_stopt,
            telling_vanaf=self.telling_vanaf,
            stand_op=self.stand if self.stand != peildatum else None,
        )


def arrange(
    eerste_ziektedag: date,
    peildatum: date,
    eerdere: Sequence[Periode],
    verlof: Periode | None,
    ziek_na_verlof: bool | None,
) -> Indeling:
    """The periods of the case from the input (validated by validation.py) and where the leave puts today."""
    eerdere = tuple(eerdere)
    if verlof is None:
        check_eerste_ziektedag(eerste_ziektedag, peildatum)
        return Indeling(eerste_ziektedag, eerdere, peildatum, peildatum)
    na = verlof.einde + ONE_DAY
    if eerste_ziektedag > verlof.einde:
        right_before = next((p for p in eerdere if p.einde + ONE_DAY == verlof.begin), None)
        if eerste_ziektedag == na and right_before is not None:
            # The shape of API 1.2: the sickness before the leave as an earlier period, the day after it
            # as the first sick day. That day may lie after the peildatum: planning.
            if ziek_na_verlof is False:
                raise OngeldigeSituatieError(
                    f"De eerste ziektedag is {datum_nl(na)}, de dag na het verlof, maar er staat ook dat de ziekte "
                    "na het verlof niet doorging. Klopt de eerste ziektedag?"
                )
            check_eerste_ziektedag(right_before.begin, peildatum)
            return _across_the_verlof(eerdere, peildatum, verlof, aanname=False)
        check_eerste_ziektedag(eerste_ziektedag, peildatum)
        return Indeling(eerste_ziektedag, eerdere, peildatum, peildatum, NA)
    check_eerste_ziektedag(eerste_ziektedag, peildatum)
    if eerste_ziektedag >= verlof.begin:
        # Sick during the leave: those days do not count (BW 7:629 lid 4, WIA art. 23 lid 5); if the sickness
        # goes on, the count starts the day after the leave.
        if ziek_na_verlof is False:
            raise OngeldigeSituatieError(
                "Ziekte die alleen tijdens het zwangerschaps- en bevallingsverlof valt, telt niet mee: tijdens het "
                "verlof is er een uitkering voor het verlof. Er is dus geen ziekte om termijnen voor te berekenen."
            )
        if peildatum < na:
            return Indeling(na, eerdere, na, na, TIJDENS, telling_vanaf=na)
        return Indeling(na, eerdere, peildatum, peildatum, TIJDENS)
    # Sick before the leave: taken to go on up to the day before it.
    if ziek_na_verlof is False:
        if peildatum > verlof.einde:
            raise TellingBegintNaVerlofError(
                "De ziekte van vóór het verlof telt niet mee als je direct na het verlof niet meer ziek was door "
                "dezelfde oorzaak: na het verlof begint de telling opnieuw (Burgerlijk Wetboek Boek 7, art. 7:629 "
                "lid 10). Geef de eerste ziektedag na het verlof."
            )
        last_before = verlof.begin - ONE_DAY
        return Indeling(eerste_ziektedag, eerdere, peildatum, min(peildatum, last_before), VOOR, telling_stopt=True)
    before = Periode(eerste_ziektedag, verlof.begin - ONE_DAY)
    return _across_the_verlof((*eerdere, before), peildatum, verlof, aanname=ziek_na_verlof is None)


def _across_the_verlof(eerdere: tuple[Periode, ...], peildatum: date, verlof: Periode, aanname: bool) -> Indeling:
    """Sickness right before and right after the leave: one case, counted on from the day after the leave.

    Before the day after the leave, today's sick day is counted on the peildatum, or during the leave on its
    last sick day: the count stands still in the leave.
    """
    na = verlof.einde + ONE_DAY
    stand = peildatum if peildatum >= na else min(peildatum, verlof.begin - ONE_DAY)
    return Indeling(na, eerdere, peildatum, stand, VOOR, aanname=aanname)


def shift_reason(gevolg: Verlofgevolg) -> str:
    """Why a date lies later: the sentence added to the explanation of each deadline the leave moved."""
    verlof = gevolg.verlof
    text = (
        f" Deze datum ligt {duur_nl(verlof.dagen)} later door het zwangerschaps- en bevallingsverlof van "
        f"{datum_nl(verlof.begin)} tot en met {datum_nl(verlof.einde)}: de weken van het verlof tellen niet mee "
        f"({bronnen.VERLOF_TELT_NIET.citation()})."
    )
    if gevolg.gepland:
        text += " Het verlof is nog niet voorbij: verschuift het verlof, dan verschuift deze datum mee."
    return text


STOPS_AT_THE_VERLOF = (
    " Deze termijn valt na het begin van het zwangerschaps- en bevallingsverlof. Is de werkneemster direct na het "
    "verlof niet meer ziek door dezelfde oorzaak, dan stopt de telling van deze ziekte bij het verlof en geldt deze "
    "termijn niet."
)


def apply_verlof(
    termijnen: dict[str, Termijn],
    gevolg: Verlofgevolg,
    zonder_verlof: dict[str, Termijn] | None,
) -> dict[str, Termijn]:
    """The deadlines with what the leave does to them.

    Moved: a deadline after the leave whose date differs from the same rule's date for the case as if the
    sickness had gone on through the leave (`zonder_verlof`); deadlines of the leave itself (the notices to
    UWV around it) have no such counterpart and are not marked. When the count stops at the leave, the
    deadlines from its first day on are no step to take.
    """
    verlof = gevolg.verlof
    result = {}
    for key, termijn in termijnen.items():
        if termijn.datum is not None and gevolg.telling_stopt and termijn.datum >= verlof.begin:
            termijn = replace(termijn, nog_te_doen=False, uitleg=termijn.uitleg + STOPS_AT_THE_VERLOF)
        elif termijn.datum is not None and zonder_verlof is not None and termijn.datum > verlof.einde:
            without = zonder_verlof.get(key)
            if without is not None and without.datum is not None and without.datum != termijn.datum:
                termijn = replace(termijn, verschoven_door_verlof=True, uitleg=termijn.uitleg + shift_reason(gevolg))
        result[key] = termijn
    return result


def notes(gevolg: Verlofgevolg, ziektedag_voor_verlof: int | None) -> list[str]:
    """What the result says about the leave (each note names the leave, so a channel can replace them)."""
    verlof = gevolg.verlof
    begin, einde, na = datum_nl(verlof.begin), datum_nl(verlof.einde), datum_nl(verlof.einde + ONE_DAY)
    result = []
    if gevolg.ligging == TIJDENS:
        text = (
            f"De ziekte begon tijdens het zwangerschaps- en bevallingsverlof ({begin} tot en met {einde}); die dagen "
            f"tellen niet mee. De telling begint op {na}."
        )
        if gevolg.telling_vanaf is not None:
            text += " Die dag ligt na de peildatum: de stand en de termijnen hier zijn die vanaf die dag."
        result.append(text)
    if gevolg.telling_stopt:
        result.append(
            f"Opgegeven is dat de werkneemster direct na het zwangerschaps- en bevallingsverlof ({begin} tot en met "
            f"{einde}) niet meer ziek is door dezelfde oorzaak: de telling van deze ziekte stopt bij het begin van het "
            "verlof, en de termijnen vanaf dat moment gelden niet. Wordt zij na het verlof ziek door iets anders, dan "
            "begint de telling opnieuw."
        )
    if gevolg.samengeteld and gevolg.stand_op is not None and ziektedag_voor_verlof is not None:
        result.append(
            f"Tijdens het zwangerschaps- en bevallingsverlof telt de ziekte niet mee: de telling staat stil op "
            f"ziektedag {ziektedag_voor_verlof} (de dag vóór het verlof) en loopt door vanaf {na}."
        )
    if gevolg.aanname:
        result.append(
            "Aangenomen is dat de werkneemster direct na het zwangerschaps- en bevallingsverlof nog ziek is, door "
            "dezelfde oorzaak. Is zij dan beter, dan stopt de telling bij het begin van het verlof; is zij dan ziek "
            "door iets anders, dan begint de telling na het verlof opnieuw."
        )
    if gevolg.gepland and not gevolg.telling_stopt:
        result.append(
            f"Het zwangerschaps- en bevallingsverlof ({begin} tot en met {einde}) is nog niet voorbij: dit is een "
            "planning met verwachte data. Verschuift het verlof, bijvoorbeeld omdat de baby eerder of later komt, "
            "dan schuiven de termijnen na het verlof mee."
        )
    return result
