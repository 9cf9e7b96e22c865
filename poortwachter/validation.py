"""Input checks shared by every channel: the chat, the CLI and the HR API.

One date window for all of them. Its lower end is legal: the Wet WIA (and so
this whole schedule) applies to sickness that began on or after 1 January
2004; for earlier cases the WAO applied, and we refuse rather than invent
deadlines. Its upper end is technical: far enough in the future the date
arithmetic would overflow (a loonsanctie can end ~3 years after day 1).
"""
from __future__ import annotations

from datetime import date
from typing import Sequence

from .counting import Periode
from .errors import (
    BeforeWiaError,
    InvalidDateError,
    InvalidExtensionError,
    InvalidPeriodError,
    SickDateAfterPeildatumError,
)
from .formatting import datum_nl
from .parameters import VERLENGING_MINIMUM, WIA_VANAF

EARLIEST_DATE, LATEST_DATE = WIA_VANAF, date(2100, 12, 31)
# The law sets no maximum extension; beyond ten years it is a typing error, and a
# huge number would overflow the date arithmetic.
MAX_VERLENGING_WEKEN = 520


def check_in_window(value: date, name: str) -> None:
    """Any date the rules compute with must lie in the one window."""
    if not isinstance(value, date):
        raise InvalidDateError(f"De {name} is geen geldige datum.")
    if value < EARLIEST_DATE:
        raise BeforeWiaError(
            f"De {name} ({datum_nl(value)}) ligt buiten de periode die ik kan berekenen: vóór "
            f"{datum_nl(EARLIEST_DATE)}. Wie vóór die dag ziek werd, valt onder de WAO en niet onder de "
            "Wet WIA; de termijnen van Poortwachter die ik bereken gelden daar niet."
        )
    if value > LATEST_DATE:
        raise InvalidDateError(
            f"De {name} ({value.isoformat()}) ligt buiten de periode die ik kan berekenen "
            f"({EARLIEST_DATE.year} tot en met {LATEST_DATE.year})."
        )


def check_first_sick_day(eerste_ziektedag: date, peildatum: date) -> None:
    """The first sick day of the current period: in the window and not after the peildatum."""
    for value, name in ((eerste_ziektedag, "eerste ziektedag"), (peildatum, "peildatum")):
        check_in_window(value, name)
    if eerste_ziektedag > peildatum:
        raise SickDateAfterPeildatumError(
            f"De eerste ziektedag ({datum_nl(eerste_ziektedag)}) ligt na de peildatum "
            f"({datum_nl(peildatum)}). Een eerste ziektedag kan niet in de toekomst liggen."
        )


def check_period(periode: Periode) -> None:
    """An earlier sickness period: both days in the window, and the end not before the begin."""
    check_in_window(periode.begin, "begindatum van een eerdere periode")
    check_in_window(periode.einde, "einddatum van een eerdere periode")
    if periode.einde < periode.begin:
        raise InvalidPeriodError(
            f"De periode van {datum_nl(periode.begin)} tot en met {datum_nl(periode.einde)} "
            "eindigt voordat hij begint."
        )


def check_periods(eerdere: Sequence[Periode], huidige_start: date) -> list[Periode]:
    """Earlier periods in order of time: each valid, none overlapping, all before the current one."""
    ordered = sorted(eerdere, key=lambda p: p.begin)
    for periode in ordered:
        check_period(periode)
        if periode.einde >= huidige_start:
            raise InvalidPeriodError(
                f"De eerdere periode {periode.begin.isoformat()} tot "
                f"{periode.einde.isoformat()} moet eindigen vóór de eerste ziektedag "
                f"van de huidige periode ({huidige_start.isoformat()})."
            )
    for first, second in zip(ordered, ordered[1:]):
        if second.begin <= first.einde:
            raise InvalidPeriodError(
                f"De perioden {first.begin.isoformat()}–{first.einde.isoformat()} en "
                f"{second.begin.isoformat()}–{second.einde.isoformat()} overlappen elkaar."
            )
    return ordered


def check_extension(weken: int | None) -> None:
    """A voluntary extension of the wachttijd (WIA art. 24): at least the legal minimum."""
    if weken is None:
        return
    minimum = VERLENGING_MINIMUM.waarde
    if weken < minimum:
        raise InvalidExtensionError(
            f"Een vrijwillige verlenging van de loondoorbetaling duurt minstens "
            f"{VERLENGING_MINIMUM.tekst()} ({VERLENGING_MINIMUM.bron.citation()}); {weken} weken kan niet."
        )
    if weken > MAX_VERLENGING_WEKEN:
        raise InvalidExtensionError(
            f"Een verlenging van {weken} weken is meer dan tien jaar; dat kan ik niet "
            f"berekenen. Klopt het aantal weken?"
        )


def check_done_dates(
    begin_geval: date, peildatum: date, probleemanalyse_datum: date | None, eerstejaarsevaluatie_datum: date | None
) -> None:
    """Dates on which a step was done: in the window, not before the case began; a PA not in the future."""
    for value, name in (
        (probleemanalyse_datum, "probleemanalyse"),
        (eerstejaarsevaluatie_datum, "eerstejaarsevaluatie"),
    ):
        if value is None:
            continue
        check_in_window(value, f"datum van de {name}")
        if value < begin_geval:
            raise InvalidDateError(f"De datum van de {name} ligt vóór de eerste ziektedag.")
    if probleemanalyse_datum is not None and probleemanalyse_datum > peildatum:
        raise InvalidDateError("De datum van de probleemanalyse ligt in de toekomst.")
