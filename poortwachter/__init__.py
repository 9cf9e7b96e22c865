"""Poortwachter rules: sick week, track, deadlines and next steps, each with its legal source.

Pure Python: no Rasa, no I/O, no clock. The reference date (`peildatum`) is
always an argument.
"""

from .advies import ADVIES_LABELS, SPOOR_LABELS, Advies, Spoor, parse_advies
from .bronnen import Bron
from .counting import Periode
from .errors import (
    BeforeWiaError,
    TellingBegintNaVerlofError,
    InvalidDateError,
    InvalidExtensionError,
    InvalidPeriodError,
    OngeldigeSituatieError,
    PoortwachterError,
    ZiektedagNaPeildatumError,
    OnbekendAdviesError,
)
from .formatting import datum_nl, duur_nl
from .invoer import VELDEN, Invoer
from .parsing import parse_iso_date, parse_periods
from .results import Stap, Termijn, TermijnStatus, Tijdlijn, Uitkomst, Verlofgevolg, Waarschuwing
from .rule import Regeltekst
from .situatie import REGIME_LABELS, Regime, Situatie
from .tijdlijn import compute_tijdlijn, compute_tijdlijn_for, general_rules
from .validation import check_eerste_ziektedag, check_period

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
    "OnbekendAdviesError",
    "datum_nl",
    "Termijn",
    "TermijnStatus",
    "Stap",
    "Tijdlijn",
    "Uitkomst",
    "Waarschuwing",
    "compute_tijdlijn",
    "general_rules",
    "parse_iso_date",
    "parse_periods",
    "Regeltekst",
    "check_eerste_ziektedag",
    "check_period",
    "OngeldigeSituatieError",
    "REGIME_LABELS",
    "Regime",
    "Situatie",
    "TellingBegintNaVerlofError",
    "duur_nl",
    "VELDEN",
    "Invoer",
    "compute_tijdlijn_for",
    "Verlofgevolg",
]
