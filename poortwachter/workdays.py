"""Workdays in the sense of the Algemene termijnenwet (ATW).

Only the 42e-weeksmelding uses "eerste werkdag"; there a date on a Saturday,
Sunday, ATW holiday or a day the government declares equal to one rolls
forward. Backward-counted deadlines (RIV, WIA-aanvraag) are never rolled
(ATW art. 1 lid 2).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays  # maintained calendar of Dutch public holidays

from . import bronnen
from .bronnen import Bron

# ATW art. 3 lid 3: every three years a decree (Besluit gelijkstelling dagen)
# makes days such as bridge days equal to public holidays for legal terms.
# Each decree with the years it covers, as found in the decrees' titles. A year
# that no decree here covers (2020-2022 was not found; before 2017 not entered;
# after 2028 not yet published) is computed without such days, and the
# explanation says so.
GELIJKGESTELDE_DAGEN: tuple[tuple[range, Bron, tuple[date, ...]], ...] = (
    (
        range(2017, 2020),
        bronnen.GELIJKSTELLING_2017_2019,
        (
            date(2017, 4, 28),
            date(2017, 5, 26),
            date(2018, 5, 11),
            date(2018, 12, 24),
            date(2018, 12, 31),
            date(2019, 5, 31),
            date(2019, 12, 27),
        ),
    ),
    (
        range(2023, 2026),
        bronnen.GELIJKSTELLING_2023_2025,
        (
            date(2023, 4, 28),
            date(2023, 5, 19),
            date(2024, 5, 10),
            date(2024, 12, 27),
            date(2025, 5, 30),
        ),
    ),
    (
        range(2026, 2029),
        bronnen.GELIJKSTELLING_2026_2028,
        (
            date(2026, 1, 2),
            date(2026, 5, 15),
            date(2027, 5, 7),
            date(2028, 4, 28),
            date(2028, 5, 26),
        ),
    ),
)
_GELIJKGESTELD = {day: bron for _years, bron, days in GELIJKGESTELDE_DAGEN for day in days}
_YEARS_WITH_DECREE = {year for years, _bron, _days in GELIJKGESTELDE_DAGEN for year in years}


@lru_cache(maxsize=64)
def _atw_holidays(year: int) -> dict[date, str]:
    """ATW holidays of one year with their Dutch names."""
    days = dict(holidays.Netherlands(years=year, language="nl"))
    # The `holidays` list differs from ATW art. 3: it has Bevrijdingsdag (5 May)
    # only in lustrum years, while the ATW makes 5 May a holiday every year.
    # (Its Easter and Whit Sundays fall on a Sunday, which is no workday anyway.)
    days[date(year, 5, 5)] = "Bevrijdingsdag"
    return days


def is_workday(day: date) -> bool:
    return day.weekday() < 5 and day not in _atw_holidays(day.year) and day not in _GELIJKGESTELD


def holiday_name(day: date) -> str | None:
    """Dutch name of an ATW holiday on this day, for explanations."""
    return _atw_holidays(day.year).get(day)


def non_workday_reason(day: date) -> str | None:
    """Why a weekday is no workday, in words ("Koningsdag"), or None."""
    name = holiday_name(day)
    if name:
        return name
    bron = _GELIJKGESTELD.get(day)
    if bron:
        return f"een dag die gelijkgesteld is aan een feestdag ({bron.citation()})"
    return None


def workday_calendar_note(day: date) -> str | None:
    """A caveat when no decree on gelijkgestelde dagen that we know covers the year of this date."""
    if day.year in _YEARS_WITH_DECREE:
        return None
    if day.year > max(_YEARS_WITH_DECREE):
        why = f"Voor {day.year} heeft de regering nog niet bekendgemaakt welke dagen zij gelijkstelt aan een feestdag"
    else:
        why = f"De dagen die de regering voor {day.year} gelijkstelde aan een feestdag, zijn hier niet meegenomen"
    return f"{why}; valt de datum op zo'n dag, dan schuift hij een werkdag op."


def first_workday_on_or_after(day: date) -> date:
    while not is_workday(day):
        day += timedelta(days=1)
    return day
