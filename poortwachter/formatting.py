"""Dutch date formatting ("11 mei 2025", "zondag 18 februari 2024")."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date  # CLDR-based Dutch month and weekday names


def datum_nl(day: date, weekday: bool = False) -> str:
    pattern = "EEEE d MMMM y" if weekday else "d MMMM y"
    return format_date(day, format=pattern, locale="nl_NL")


def weekdag_nl(day: date) -> str:
    """The Dutch weekday name ("zaterdag")."""
    return format_date(day, format="EEEE", locale="nl_NL")


def duur_nl(dagen: int) -> str:
    """A number of days in weeks and days: "16 weken", "1 week en 3 dagen", "5 dagen"."""
    weken, rest = divmod(dagen, 7)
    parts = []
    if weken:
        parts.append(f"{weken} {'week' if weken == 1 else 'weken'}")
    if rest or not weken:
        parts.append(f"{rest} {'dag' if rest == 1 else 'dagen'}")
    return " en ".join(parts)
