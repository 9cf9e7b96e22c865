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
    OngeldigeSituatieError,
    ZiektedagNaPeildatumError,
)
from .formatting import datum_nl
from .parameters import (
    VERLENGING_MINIMUM,
    WIA_VANAF,
    ZWANGERSCHAPS_EN_BEVALLINGSVERLOF,
    ZWANGERSCHAPS_EN_BEVALLINGSVERLOF_MEERLING,
)

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


def check_eerste_ziektedag(eerste_ziektedag: date, peildatum: date) -> None:
    """The first sick day of the current period: in the window and not after the peildatum."""
    for value, name in ((eerste_ziektedag, "eerste ziektedag"), (peildatum, "peildatum")):
        check_in_window(value, name)
    if eerste_ziektedag > peildatum:
        raise ZiektedagNaPeildatumError(
            f"De eerste ziektedag ({datum_nl(eerste_ziektedag)}) ligt na de peildatum "
            f"({datum_nl(peildatum)}). Een eerste ziektedag kan niet in de toekomst liggen."
        )


def check_period(periode: Periode) -> None:
    """An earlier sickness period: both days in the window, and the end not before the begin."""
    check_in_window(periode.begin, "begindatum van een eerdere periode")
    check_in_window(periode.einde, "einddatum van een eerdere periode")
    if periode.einde < periode.begin:
        raise InvalidPeriodError(
            f"De periode van {datum_nl(periode.begin)} tot en met {datum_nl(periode.einde)} eindigt voordat hij begint."
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


# Plausibility, not law: a zwangerschaps- en bevallingsverlof lasts at least 16 weeks (20 for a
# multiple birth), shorter when days of sickness before it are deducted, longer after a late birth,
# a stay in hospital or when spread out. Outside these bounds the dates are a typing error.
VERLOF_MIN_WEKEN, VERLOF_MAX_WEKEN = 10, 40
# An employee is at least 13 (light work) and, realistically, at most 100 years old.
LEEFTIJD_MIN, LEEFTIJD_MAX = 13, 100


def check_contract_end(einde: date | None, huidige_start: date) -> None:
    """The last day of the contract lies in the window and not before the current sickness began."""
    if einde is None:
        return
    check_in_window(einde, "laatste dag van het dienstverband")
    if einde < huidige_start:
        raise OngeldigeSituatieError(
            f"Het dienstverband eindigde op {datum_nl(einde)}, vóór de eerste ziektedag ({datum_nl(huidige_start)}). "
            "Wie ziek wordt na het einde van het dienstverband, heeft geen werkgever die loon doorbetaalt; "
            "dan regelt UWV de Ziektewet-uitkering. Klopt de datum van het einde van het contract?"
        )


def check_birth_date(geboortedatum: date | None, eerste_ziektedag: date) -> None:
    """A birth date that makes the employee between 13 and 100 years old when the sickness began."""
    if geboortedatum is None:
        return
    if not isinstance(geboortedatum, date):
        raise InvalidDateError("De geboortedatum is geen geldige datum.")
    leeftijd = (
        eerste_ziektedag.year
        - geboortedatum.year
        - ((eerste_ziektedag.month, eerste_ziektedag.day) < (geboortedatum.month, geboortedatum.day))
    )
    if not LEEFTIJD_MIN <= leeftijd <= LEEFTIJD_MAX:
        raise OngeldigeSituatieError(
            f"Met geboortedatum {datum_nl(geboortedatum)} was de werknemer {leeftijd} jaar op de eerste ziektedag. "
            "Dat kan niet kloppen; controleer de geboortedatum."
        )


def check_verlof(verlof: Periode | None, eerdere: Sequence[Periode]) -> None:
    """A leave of a plausible length that overlaps no earlier sickness period.

    The first sick day may lie before, in or after the leave (verlof.py arranges the periods around it).
    """
    if verlof is None:
        return
    check_in_window(verlof.begin, "begindatum van het verlof")
    check_in_window(verlof.einde, "einddatum van het verlof")
    if verlof.einde < verlof.begin:
        raise OngeldigeSituatieError(
            f"Het verlof van {datum_nl(verlof.begin)} tot en met {datum_nl(verlof.einde)} eindigt voordat het begint."
        )
    weken = verlof.dagen / 7
    if not VERLOF_MIN_WEKEN <= weken <= VERLOF_MAX_WEKEN:
        raise OngeldigeSituatieError(
            f"Een zwangerschaps- en bevallingsverlof van {weken:.0f} weken kan niet kloppen: het duurt meestal "
            f"{ZWANGERSCHAPS_EN_BEVALLINGSVERLOF.tekst()} ({ZWANGERSCHAPS_EN_BEVALLINGSVERLOF_MEERLING.waarde} bij een "
            "meerling), soms wat korter of langer. Controleer de data van het verlof."
        )
    for periode in eerdere:
        if periode.begin <= verlof.einde and periode.einde >= verlof.begin:
            raise OngeldigeSituatieError(
                f"De ziekteperiode van {datum_nl(periode.begin)} tot en met {datum_nl(periode.einde)} overlapt het "
                "verlof. Tijdens het verlof is er een verlofuitkering, geen ziekte: laat de periode eindigen vóór het verlof."
            )
