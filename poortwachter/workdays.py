"""Workdays in the sense of the Algemene termijnenwet (ATW).

Only the 42e-weeksmelding uses "eerste werkdag"; there a date on a Saturday,
Sunday or ATW holiday rolls forward. Backward-counted deadlines (RIV,
WIA-aanvraag) are never rolled (ATW art. 1 lid 2).
"""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays  # maintained calendar of Dutch public holidays


@lru_cache(maxsize=64)
def _atw_holidays(year: int) -> frozenset[date]:
    days = set(holidays.Netherlands(years=year).keys())
    # The `holidays` list differs from ATW art. 3: it has Bevrijdingsdag (5 May)
    # only in lustrum years, while the ATW makes 5 May a holiday every year.
    # (Its Easter and Whit Sundays fall on a Sunday, which is no workday anyway.)
    days.add(date(year, 5, 5))
    return frozenset(days)


def is_workday(day: date) -> bool:
    return day.weekday() < 5 and day not in _atw_holidays(day.year)


@lru_cache(maxsize=64)
def _dutch_holiday_names(year: int) -> dict[date, str]:
    return dict(holidays.Netherlands(years=year, language="nl"))


def holiday_name(day: date) -> str | None:
    """Dutch name of an ATW holiday on this day, for explanations."""
    if day.month == 5 and day.day == 5:
        return "Bevrijdingsdag"
    return _dutch_holiday_names(day.year).get(day)


def first_workday_on_or_after(day: date) -> date:
    while not is_workday(day):
        day += timedelta(days=1)
    return day
