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
def _atw_holidays(year: int) -> dict[date, str]:
    """ATW holidays of one year with their Dutch names."""
    days = dict(holidays.Netherlands(years=year, language="nl"))
    # The `holidays` list differs from ATW art. 3: it has Bevrijdingsdag (5 May)
    # only in lustrum years, while the ATW makes 5 May a holiday every year.
    # (Its Easter and Whit Sundays fall on a Sunday, which is no workday anyway.)
    days[date(year, 5, 5)] = "Bevrijdingsdag"
    return days


def is_workday(day: date) -> bool:
    return day.weekday() < 5 and day not in _atw_holidays(day.year)


def holiday_name(day: date) -> str | None:
    """Dutch name of an ATW holiday on this day, for explanations."""
    return _atw_holidays(day.year).get(day)


def first_workday_on_or_after(day: date) -> date:
    while not is_workday(day):
        day += timedelta(days=1)
    return day
