"""The AOW-leeftijd by date of birth (Algemene Ouderdomswet art. 7a).

The age rose in steps from 65 (2012) to 67 (2024) and is 67 years and 3 months
from 2028; the government fixes it five years ahead, and a fixed age no longer
changes. The last fixed year is 2031 (born before 1 October 1964). For people
born later the age is not fixed yet: we say so instead of guessing.
The AOW-leeftijd is reached on the day the person turns that age. Source: bronnen.AOW_LEEFTIJD.
"""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta  # calendar-correct years and months (29 February)

# (born before this day, AOW-leeftijd in years and months), in order. From the official table
# (Rijksoverheid "Wanneer gaat mijn AOW in?", SVB); each row is one group of birth dates.
_TABLE: tuple[tuple[date, int, int], ...] = (
    (date(1948, 1, 1), 65, 0),
    (date(1948, 12, 1), 65, 1),  # AOW in 2013
    (date(1949, 11, 1), 65, 2),  # 2014
    (date(1950, 10, 1), 65, 3),  # 2015
    (date(1951, 7, 1), 65, 6),  # 2016
    (date(1952, 4, 1), 65, 9),  # 2017
    (date(1953, 1, 1), 66, 0),  # 2018
    (date(1955, 9, 1), 66, 4),  # 2019-2021 (the rise was paused)
    (date(1956, 6, 1), 66, 7),  # 2022
    (date(1957, 3, 1), 66, 10),  # 2023
    (date(1961, 1, 1), 67, 0),  # 2024-2027
    (date(1964, 10, 1), 67, 3),  # 2028-2031 (2031 fixed in November 2025)
)


def aow_leeftijd(geboortedatum: date) -> tuple[int, int] | None:
    """(years, months) for this birth date, or None when the government has not fixed it yet."""
    for born_before, years, months in _TABLE:
        if geboortedatum < born_before:
            return years, months
    return None


def aow_datum(geboortedatum: date) -> date | None:
    """The day this person reaches the AOW-leeftijd, or None when it is not fixed yet."""
    age = aow_leeftijd(geboortedatum)
    if age is None:
        return None
    years, months = age
    return geboortedatum + relativedelta(years=years, months=months)


def earliest_aow_datum(geboortedatum: date) -> date:
    """The earliest day this person can reach the AOW-leeftijd (a fixed age never goes down)."""
    years, months = _TABLE[-1][1], _TABLE[-1][2]
    return aow_datum(geboortedatum) or geboortedatum + relativedelta(years=years, months=months)


def leeftijd_tekst(geboortedatum: date) -> str | None:
    age = aow_leeftijd(geboortedatum)
    if age is None:
        return None
    years, months = age
    return f"{years} jaar" + (f" en {months} maanden" if months else "")
