"""Reading dates and periods from text input (CLI flags, API fields), with Dutch errors."""

from __future__ import annotations

from datetime import date
from typing import Iterable

from .counting import Periode
from .errors import InvalidDateError


def parse_iso_date(value: str, name: str = "datum") -> date:
    """Parse YYYY-MM-DD strictly, with a Dutch error for malformed or impossible dates."""
    try:
        return date.fromisoformat(value.strip())
    except (ValueError, AttributeError):
        raise InvalidDateError(
            f"'{value}' is geen geldige {name}. Gebruik een bestaande datum in de vorm JJJJ-MM-DD, "
            "bijvoorbeeld 2025-03-04."
        ) from None


def parse_period(value: str) -> Periode:
    """Parse one 'YYYY-MM-DD:YYYY-MM-DD' string (begin and end both included)."""
    parts = value.split(":")
    if len(parts) != 2:
        raise InvalidDateError(
            f"'{value}' is geen geldige periode. Gebruik BEGIN:EINDE, bijvoorbeeld 2025-01-06:2025-02-01."
        )
    begin, einde = (parse_iso_date(p, "datum in een periode") for p in parts)
    return Periode(begin, einde)


def parse_periods(values: Iterable[str]) -> list[Periode]:
    """Parse 'YYYY-MM-DD:YYYY-MM-DD' strings (begin and end both sick days)."""
    return [parse_period(value) for value in values]
