"""Understanding how people say their first sick day, in Dutch.

A thin Dutch normaliser (number words, month typos, "sinds/vanaf/per",
"begin/half/eind januari", "vorige week maandag", durations) in front of
dateparser, always relative to the date of the message itself.

No Rasa import: this module is tested on its own.
"""

from __future__ import annotations

import calendar
import difflib
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import dateparser  # maintained multilingual date parser; handles "3 weken geleden" etc.
from dateutil.relativedelta import relativedelta  # calendar-correct month arithmetic

from poortwachter import (
    InvalidDateError,
    InvalidPeriodError,
    Periode,
    ZiektedagNaPeildatumError,
    check_eerste_ziektedag,
    check_period,
    datum_nl,
)

MONTHS = {
    "januari": 1,
    "februari": 2,
    "maart": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "augustus": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
}
MONTH_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "febr": 2,
    "mrt": 3,
    "mar": 3,
    "maa": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
MONTH_NAMES_NL = {number: name for name, number in MONTHS.items()}
WEEKDAYS = {"maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4, "zaterdag": 5, "zondag": 6}
NUMBER_WORDS = {
    "een": 1,
    "één": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "dertien": 13,
    "veertien": 14,
    "vijftien": 15,
    "zestien": 16,
    "zeventien": 17,
    "achttien": 18,
    "negentien": 19,
    "twintig": 20,
    "dertig": 30,
    "veertig": 40,
    "vijftig": 50,
    "zestig": 60,
}
UNITS = {
    "dag": "days",
    "dagen": "days",
    "week": "weeks",
    "weken": "weeks",
    "wk": "weeks",
    "maand": "months",
    "maanden": "months",
    "mnd": "months",
    "jaar": "years",
    "jaren": "years",
}
# Words that look like a misspelt month to difflib but are not ("maar", "mee", "juist").
NOT_MONTHS = {"maar", "mee", "meer", "juist", "jullie", "mijn", "maand", "maandag", "aangepast", "april"}

_MONTH_PATTERN = "|".join(sorted(list(MONTHS) + list(MONTH_ABBREVIATIONS), key=len, reverse=True))
_UNIT_PATTERN = "|".join(sorted(UNITS, key=len, reverse=True))
_WEEKDAY_PATTERN = "|".join(WEEKDAYS)


class DateProblem(ValueError):
    """A date that was found but cannot be used; str() is a Dutch explanation or question."""


class ImpossibleDate(DateProblem):
    pass


class FutureDate(DateProblem):
    pass


class OutsideWindow(DateProblem):
    """A date the rules cannot compute with (before the Wet WIA applied, or absurdly late)."""


class AmbiguousDate(DateProblem):
    def __init__(self, message: str, options: tuple[date, date]):
        super().__init__(message)
        self.options = options


@dataclass(frozen=True)
class ParsedDate:
    value: date
    estimated: bool = False  # an approximation ("al 14 maanden", "half januari") to confirm
    text: str = ""  # the words it came from


@dataclass(frozen=True)
class Ziektedatums:
    """Everything about sick dates found in one message."""

    current: ParsedDate | None
    earlier: tuple[Periode, ...] = ()


# --- normalising --------------------------------------------------------------


def _fix_month_typo(word: str) -> str:
    if len(word) < 4 or word in MONTHS or word in NOT_MONTHS or not word.isalpha():
        return word
    match = difflib.get_close_matches(word, MONTHS.keys(), n=1, cutoff=0.78)
    return match[0] if match else word


def fold_date_words(text: str) -> str:
    """Lower-case, fold number words and month typos, and drop filler words."""
    text = text.lower().replace("’", "'").replace("`", "'")
    text = re.sub(r"\banderhalf\s+jaar\b", "18 maanden", text)
    text = re.sub(r"\banderhalve\s+maand\b", "6 weken", text)
    text = re.sub(r"\b(?:een\s+)?half\s+jaar\b", "6 maanden", text)
    words = re.findall(r"[\wé]+|[^\w\s]", text)
    out: list[str] = []
    for index, word in enumerate(words):
        nxt = words[index + 1] if index + 1 < len(words) else ""
        if word in NUMBER_WORDS and (nxt in UNITS or _fix_month_typo(nxt) in MONTHS):
            out.append(str(NUMBER_WORDS[word]))
        else:
            out.append(_fix_month_typo(word))
    # Re-join, keeping date separators tight: "3 - 3 - 2025" -> "3-3-2025".
    joined = " ".join(out)
    joined = re.sub(r"\s*([-/.])\s*(?=\d)", r"\1", joined)
    joined = re.sub(r"\s+'\s*(\d{2})\b", r" '\1", joined)
    return joined


# --- the individual forms --------------------------------------------------------


def _month_number(word: str) -> int:
    return MONTHS.get(word) or MONTH_ABBREVIATIONS[word]


def _year(value: str | None) -> int | None:
    if not value:
        return None
    value = value.lstrip("'")
    year = int(value)
    return 2000 + year if year < 100 else year


def _build(day: int, month: int, year: int, raw: str, with_year: bool = True) -> date:
    if not 1 <= month <= 12:
        raise ImpossibleDate(
            f"'{raw}' is geen geldige datum: er is geen maand {month}. Wil je de datum nog eens geven?"
        )
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        shown = f"{day} {MONTH_NAMES_NL[month]}" + (f" {year}" if with_year else "")
        raise ImpossibleDate(
            f"{shown} bestaat niet ({MONTH_NAMES_NL[month]} heeft {'maximaal ' if month == 2 else ''}{last} dagen). "
            "Wil je de datum nog eens geven?"
        )
    return date(year, month, day)


def _most_recent(day: int, month: int, today: date, raw: str) -> date:
    """A day and month without year: the most recent one on or before today."""
    _build(day, month, 2024, raw, with_year=False)  # 2024 is a leap year: rejects only impossible days
    year = today.year
    for _ in range(8):
        try:
            candidate = date(year, month, day)
        except ValueError:  # 29 February in a non-leap year
            year -= 1
            continue
        if candidate <= today:
            return candidate
        year -= 1
    raise ImpossibleDate(f"'{raw}' kan ik niet als datum plaatsen.")


def _shift(today: date, amount: int, unit: str) -> date:
    return today - relativedelta(**{UNITS[unit]: amount})


_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_NUMERIC_FULL = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})\b")
_NUMERIC_SHORT = re.compile(r"(?<![\d/.-])(\d{1,2})[/-](\d{1,2})(?![\d/.-])")
_TEXTUAL = re.compile(rf"\b(\d{{1,2}})(?:e|de|ste)?\s+({_MONTH_PATTERN})\.?(?:\s+('?\d{{4}}|'\d{{2}}))?\b")
_PART_OF_MONTH = re.compile(
    rf"\b(begin|half|medio|midden|eind|einde|eerste helft|tweede helft)\s+({_MONTH_PATTERN})(?:\s+(\d{{4}}))?\b"
)
_MONTH_ONLY = re.compile(rf"\b(?:sinds|vanaf|per|in|eind|begin)\s+({_MONTH_PATTERN})(?:\s+(\d{{4}}))?\b")
_LAST_WEEK_DAY = re.compile(
    rf"\b(?:vorige|afgelopen)\s+week\s+({_WEEKDAY_PATTERN})\b|\b({_WEEKDAY_PATTERN})\s+(?:van\s+)?vorige\s+week\b"
)
_WEEKDAY = re.compile(rf"\b(afgelopen|vorige|vorig|jl)?\s*({_WEEKDAY_PATTERN})\b")
_AGO = re.compile(rf"\b(\d+)\s+({_UNIT_PATTERN})\s+geleden\b")
_DURATION = re.compile(
    rf"\b(?:al|sinds|ruim|bijna|ongeveer|zo'?n|nu|inmiddels|precies)\s+(?:al\s+)?(\d+)\s+({_UNIT_PATTERN})\b"
    rf"|\b(\d+)\s+({_UNIT_PATTERN})\s+(?:ziek|thuis|in de ziektewet|uit de roulatie)\b"
)


def _parse_single(text: str, today: date) -> ParsedDate | None:
    """Find one date in normalised text. Raises DateProblem for dates that cannot be used."""
    if m := _ISO.search(text):
        year, month, day = (int(g) for g in m.groups())
        return ParsedDate(_build(day, month, year, m.group(0)), text=m.group(0))
    if m := _NUMERIC_FULL.search(text):
        day, month, year = int(m.group(1)), int(m.group(2)), _year(m.group(3))
        return ParsedDate(_build(day, month, year, m.group(0)), text=m.group(0))
    if m := _TEXTUAL.search(text):
        day, month, year = int(m.group(1)), _month_number(m.group(2)), _year(m.group(3))
        value = _build(day, month, year, m.group(0)) if year else _most_recent(day, month, today, m.group(0))
        return ParsedDate(value, text=m.group(0))
    if m := _PART_OF_MONTH.search(text):
        part, month, year = m.group(1), _month_number(m.group(2)), _year(m.group(3))
        year = year or (today.year if date(today.year, month, 1) <= today else today.year - 1)
        last = calendar.monthrange(year, month)[1]
        day = {"begin": 1, "eerste helft": 8, "half": 15, "medio": 15, "midden": 15, "tweede helft": 22}.get(part, last)
        return ParsedDate(min(date(year, month, day), today), estimated=True, text=m.group(0))
    if m := _NUMERIC_SHORT.search(text):
        first, second = int(m.group(1)), int(m.group(2))
        if first != second and first <= 12 and second <= 12:
            options = (_most_recent(first, second, today, m.group(0)), _most_recent(second, first, today, m.group(0)))
            raise AmbiguousDate(
                f"Bedoel je {options[0].day} {MONTH_NAMES_NL[options[0].month]} of "
                f"{options[1].day} {MONTH_NAMES_NL[options[1].month]}? Schrijf de maand voluit, "
                f"bijvoorbeeld '{options[0].day} {MONTH_NAMES_NL[options[0].month]}'.",
                options,
            )
        return ParsedDate(_most_recent(first, second, today, m.group(0)), text=m.group(0))
    if re.search(r"\beergisteren\b", text):
        return ParsedDate(today - timedelta(days=2), text="eergisteren")
    if re.search(r"\bgisteren\b", text):
        return ParsedDate(today - timedelta(days=1), text="gisteren")
    if re.search(r"\b(vandaag|vanochtend|vanmorgen|vanmiddag)\b", text):
        return ParsedDate(today, text="vandaag")
    if m := re.search(r"\b(overmorgen|morgen|volgende week|volgende maand)\b", text):
        raise FutureDate(
            f"'{m.group(1)}' ligt in de toekomst. Je eerste ziektedag is de eerste dag dat je niet "
            "(volledig) kon werken. Welke datum was dat?"
        )
    if m := _LAST_WEEK_DAY.search(text):
        weekday = WEEKDAYS[m.group(1) or m.group(2)]
        monday_last_week = today - timedelta(days=today.weekday() + 7)
        return ParsedDate(monday_last_week + timedelta(days=weekday), text=m.group(0))
    if m := _AGO.search(text):
        amount, unit = int(m.group(1)), m.group(2)
        parsed = dateparser.parse(
            f"{amount} {unit} geleden",
            languages=["nl"],
            settings={"RELATIVE_BASE": datetime.combine(today, datetime.min.time()), "PREFER_DATES_FROM": "past"},
        )
        value = parsed.date() if parsed else _shift(today, amount, unit)
        return ParsedDate(value, estimated=UNITS[unit] != "days", text=m.group(0))
    if m := _DURATION.search(text):
        amount, unit = (int(m.group(1)), m.group(2)) if m.group(1) else (int(m.group(3)), m.group(4))
        return ParsedDate(_shift(today, amount, unit), estimated=True, text=m.group(0))
    if m := _WEEKDAY.search(text):
        qualifier, weekday = m.group(1), WEEKDAYS[m.group(2)]
        back = (today.weekday() - weekday) % 7
        if qualifier and back == 0:
            back = 7  # "afgelopen maandag" said on a Monday: last week's
        return ParsedDate(today - timedelta(days=back), text=m.group(0).strip())
    if m := _MONTH_ONLY.search(text):
        month, year = _month_number(m.group(1)), _year(m.group(2))
        year = year or (today.year if date(today.year, month, 1) <= today else today.year - 1)
        return ParsedDate(min(date(year, month, 1), today), estimated=True, text=m.group(0))
    return _dateparser_fallback(text, today)


def _dateparser_fallback(text: str, today: date) -> ParsedDate | None:
    """Let dateparser look for anything else, but only accept a full day and month."""
    from dateparser.search import search_dates

    found = search_dates(
        text,
        languages=["nl"],
        settings={
            "RELATIVE_BASE": datetime.combine(today, datetime.min.time()),
            "PREFER_DATES_FROM": "past",
            "DATE_ORDER": "DMY",
            "REQUIRE_PARTS": ["day", "month"],
        },
    )
    for words, moment in found or []:
        if re.search(r"\d", words) or re.search(rf"\b({_WEEKDAY_PATTERN}|geleden)\b", words):
            return ParsedDate(moment.date(), text=words)
    return None


def _check_range(parsed: ParsedDate, today: date) -> ParsedDate:
    """The rules package's own checks, the same for every channel, with the chat's follow-up question."""
    try:
        check_eerste_ziektedag(parsed.value, today)
    except ZiektedagNaPeildatumError:
        raise FutureDate(
            f"{datum_nl(parsed.value)} ligt in de toekomst. Je eerste ziektedag is de eerste dag dat je "
            "niet (volledig) kon werken. Welke datum was dat?"
        ) from None
    except InvalidDateError as problem:
        raise OutsideWindow(f"{problem} Klopt de datum? Geef anders je eerste ziektedag opnieuw.") from None
    return parsed


def _checked_period(begin: ParsedDate, einde: ParsedDate, today: date) -> Periode:
    """An earlier sickness period, checked by the rules package; it must lie before today."""
    periode = Periode(begin.value, einde.value)
    try:
        check_period(periode)
    except InvalidPeriodError as problem:
        raise ImpossibleDate(str(problem)) from None
    except InvalidDateError as problem:
        raise OutsideWindow(f"{problem} Klopt de datum?") from None
    if periode.einde > today:
        raise FutureDate(
            f"{datum_nl(periode.einde)} ligt in de toekomst. Een eerdere ziekteperiode is al voorbij. "
            "Welke datum bedoel je?"
        )
    return periode


def parse_sick_date(text: str, today: date) -> ParsedDate | None:
    """The first sick day in a message, relative to the message's own date (`today`).

    Returns None when the message holds no date; raises DateProblem when it holds
    a date that cannot be used (impossible, in the future, too long ago, ambiguous).
    """
    parsed = _parse_single(fold_date_words(text), today)
    return _check_range(parsed, today) if parsed else None


_EXPLICIT_YEAR = re.compile(r"\b(19|20)\d{2}\b|'\d{2}\b|\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b")


def parse_other_date(text: str, today: date, *, may_be_future: bool, needs_year: bool) -> ParsedDate | None:
    """A date that is not a first sick day: the end of a contract (may lie ahead) or a birth date (needs a year).

    A day and month without a year is the nearest such day, in the past or, if allowed, in the future.
    The rules package checks whether the date fits the case.
    """
    normalised = fold_date_words(text)
    has_year = bool(_EXPLICIT_YEAR.search(normalised))
    try:
        parsed = _parse_single(normalised, today)
    except FutureDate:
        if may_be_future:
            raise DateProblem("Noem de datum zelf, bijvoorbeeld '30 juni 2027'.") from None
        raise
    if parsed is None:
        return None
    if needs_year and not has_year:
        raise DateProblem("Noem de volledige datum met het jaar, bijvoorbeeld '14 mei 1960'.")
    if may_be_future and not has_year and parsed.value < today - timedelta(days=183):
        parsed = ParsedDate(parsed.value + relativedelta(years=1), parsed.estimated, parsed.text)
    if not may_be_future and parsed.value > today:
        raise FutureDate(f"{datum_nl(parsed.value)} ligt in de toekomst. Welke datum bedoel je?")
    return parsed


_PERIOD = re.compile(r"\bvan\s+(.+?)\s+(?:tot\s+en\s+met|t\s*/\s*m|tot|tm)\s+(.+?)(?=\s+(?:ziek|en|,|\.|$)|$)")


def parse_ziektedatums(text: str, today: date) -> Ziektedatums:
    """The current first sick day plus any earlier periods ("van 6 januari tot 1 februari").

    The rules package checks each period and decides whether earlier periods merge.
    """
    normalised = fold_date_words(text)
    earlier: list[Periode] = []
    for m in _PERIOD.finditer(normalised):
        begin = _parse_single(m.group(1), today)
        einde = _parse_single(m.group(2), today)
        if begin and einde:
            earlier.append(_checked_period(begin, einde, today))
    rest = _PERIOD.sub(" ", normalised) if earlier else normalised
    current = _parse_single(rest, today)
    return Ziektedatums(_check_range(current, today) if current else None, tuple(earlier))


# --- the zwangerschaps- en bevallingsverlof ---------------------------------------------------


@dataclass(frozen=True)
class Verlofdatums:
    """The leave as the person gave it: actual dates, or the expected ones (planning)."""

    periode: Periode
    einde_aangenomen: bool = False  # only the first day was given; the end assumes the usual length


def _explicit_dates(text: str) -> list[tuple[int, int, int, int | None, str]]:
    """Every written-out date in normalised text, in order: (position, day, month, year or None, words).

    Only dates with a day and a month count here; relative words ("volgende week") do not: leave
    dates are planned ahead, and a guess there would move every deadline.
    """
    found: list[tuple[int, int, int, int, int | None, str]] = []
    for m in _ISO.finditer(text):
        found.append((m.start(), m.end(), int(m.group(3)), int(m.group(2)), int(m.group(1)), m.group(0)))
    for m in _NUMERIC_FULL.finditer(text):
        found.append((m.start(), m.end(), int(m.group(1)), int(m.group(2)), _year(m.group(3)), m.group(0)))
    for m in _TEXTUAL.finditer(text):
        found.append((m.start(), m.end(), int(m.group(1)), _month_number(m.group(2)), _year(m.group(3)), m.group(0)))
    dates, taken_until = [], -1
    for start, end, day, month, year, words in sorted(found):
        if start < taken_until:
            continue  # "2026-5-4" inside "15-12-2026-5-4-2027": the earlier, longer reading wins
        dates.append((start, day, month, year, words))
        taken_until = end
    return dates


def _nearest(day: int, month: int, around: date, raw: str, *, after: date | None = None) -> date:
    """A day and month without year: the one nearest to `around`, or the first one after `after`."""
    _build(day, month, 2024, raw, with_year=False)  # rejects only impossible days (2024 is a leap year)
    candidates = []
    for year in range(around.year - 1, around.year + 3):
        try:
            candidates.append(date(year, month, day))
        except ValueError:  # 29 February outside a leap year
            continue
    if after is not None:
        later = [c for c in candidates if c > after]
        if not later:  # "1 maart 2029 tot en met 29 februari": no such day in the years after the start
            raise DateProblem(
                f"Ik kan '{raw}' niet na {after.day}-{after.month}-{after.year} plaatsen. "
                "Wil je de datum met het jaartal geven, bijvoorbeeld '5 april 2027'?"
            )
        return min(later)
    return min(candidates, key=lambda c: abs((c - around).days))


def parse_verlof(text: str, today: date, usual_weeks: int) -> Verlofdatums | None:
    """The begin and end of the leave in a message ("15 december 2026 tot en met 5 april 2027").

    The dates may lie ahead (planning). With only one date, that is the first day of the leave and
    the end follows from `usual_weeks` (the usual length, from the rules package). Returns None when
    the message has no written-out date; raises DateProblem for an impossible date or an end before
    the begin. Whether the leave fits the case is for the rules package to say.
    """
    dates = _explicit_dates(fold_date_words(text))
    if not dates:
        return None
    _pos, day, month, year, words = dates[0]
    begin = _build(day, month, year, words) if year else _nearest(day, month, today, words)
    if len(dates) == 1:
        return Verlofdatums(Periode(begin, begin + timedelta(weeks=usual_weeks, days=-1)), einde_aangenomen=True)
    _pos, day, month, year, words = dates[1]
    einde = _build(day, month, year, words) if year else _nearest(day, month, begin, words, after=begin)
    if einde < begin:
        raise DateProblem(
            f"Dan eindigt het verlof ({datum_nl(einde)}) vóór het begint ({datum_nl(begin)}). "
            "Wil je de eerste en de laatste dag van het verlof nog eens geven?"
        )
    return Verlofdatums(Periode(begin, einde))
