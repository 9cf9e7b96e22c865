"""Poortwachter rules: sick week, track, deadlines and next steps, each with its legal source.

Pure Python: no Rasa, no I/O, no clock. The reference date (`peildatum`) is
always an argument.
"""

from .advice import ADVIES_LABELS, SPOOR_LABELS, Advies, Spoor, parse_advies
from .bronnen import Bron
from .counting import Periode
from .errors import (
    BeforeWiaError,
    CountStartsAfterLeaveError,
    InvalidDateError,
    InvalidExtensionError,
    InvalidPeriodError,
    InvalidSituationError,
    PoortwachterError,
    ZiektedagNaPeildatumError,
    UnknownAdviceError,
)
from .formatting import datum_nl, duur_nl
from .invoer import VELDEN, Invoer
from .parsing import parse_iso_date, parse_periods
from .results import Stap, Termijn, TermijnStatus, Tijdlijn, Uitkomst, Verlofgevolg, Waarschuwing
from .rule import Regeltekst
from .situation import REGIME_LABELS, Regime, Situatie
from .timeline import compute_timeline, compute_timeline_for, general_rules
from .validation import check_first_sick_day, check_period

__all__ = [
    "ADVIES_LABELS",
    "SPOOR_LABELS",
    "Advies",
    "Spoor",
    "parse_advies",
    "Bron",
    "Periode",
    "BeforeWiaError",
    "InvalidDateError",
    "InvalidExtensionError",
    "InvalidPeriodError",
    "PoortwachterError",
    "ZiektedagNaPeildatumError",
    "UnknownAdviceError",
    "datum_nl",
    "Termijn",
    "TermijnStatus",
    "Stap",
    "Tijdlijn",
    "Uitkomst",
    "Waarschuwing",
    "compute_timeline",
    "general_rules",
    "parse_iso_date",
    "parse_periods",
    "Regeltekst",
    "check_first_sick_day",
    "check_period",
    "InvalidSituationError",
    "REGIME_LABELS",
    "Regime",
    "Situatie",
    "CountStartsAfterLeaveError",
    "duur_nl",
    "VELDEN",
    "Invoer",
    "compute_timeline_for",
    "Verlofgevolg",
]
