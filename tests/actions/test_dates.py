"""Dutch first-sick-day expressions against a fixed reference date (Monday 23 November 2026)."""

from __future__ import annotations

from datetime import date

import pytest

from actions.dates import (
    AmbiguousDate,
    FutureDate,
    ImpossibleDate,
    OutsideWindow,
    fold_date_words,
    parse_sick_date,
    parse_ziektedatums,
)

TODAY = date(2026, 11, 23)  # a Monday

# (expression, expected date, estimated?)
EXPRESSIONS = [
    ("3 maart 2025", date(2025, 3, 3), False),
    ("03-03-2025", date(2025, 3, 3), False),
    ("3/3", date(2026, 3, 3), False),
    ("3 maart", date(2026, 3, 3), False),
    ("3 Maart", date(2026, 3, 3), False),
    ("  3   maart  ", date(2026, 3, 3), False),
    ("1 APRIL 2026", date(2026, 4, 1), False),
    ("gisteren", date(2026, 11, 22), False),
    ("eergisteren", date(2026, 11, 21), False),
    ("vandaag", date(2026, 11, 23), False),
    ("sinds vanochtend", date(2026, 11, 23), False),
    ("vorige week maandag", date(2026, 11, 16), False),
    ("maandag vorige week", date(2026, 11, 16), False),
    ("vorige week vrijdag", date(2026, 11, 20), False),
    ("vorige week woensdag ziek gemeld", date(2026, 11, 18), False),
    ("afgelopen vrijdag", date(2026, 11, 20), False),
    ("vrijdag", date(2026, 11, 20), False),
    ("maandag", date(2026, 11, 23), False),
    ("afgelopen maandag", date(2026, 11, 16), False),
    ("drie weken geleden", date(2026, 11, 2), True),
    ("3 weken geleden", date(2026, 11, 2), True),
    ("zeventien weken geleden", date(2026, 7, 27), True),
    ("twee maanden geleden", date(2026, 9, 23), True),
    ("een maand geleden", date(2026, 10, 23), True),
    ("een half jaar geleden", date(2026, 5, 23), True),
    ("10 dagen geleden", date(2026, 11, 13), False),
    ("tien dagen geleden", date(2026, 11, 13), False),
    ("sinds begin januari", date(2026, 1, 1), True),
    ("half januari", date(2026, 1, 15), True),
    ("medio augustus", date(2026, 8, 15), True),
    ("eind oktober", date(2026, 10, 31), True),
    ("begin december 2025", date(2025, 12, 1), True),
    ("sinds maart", date(2026, 3, 1), True),
    ("in december 2025 ziek geworden", date(2025, 12, 1), True),
    ("al 14 maanden ziek", date(2025, 9, 23), True),
    ("ik ben al veertien maanden ziek", date(2025, 9, 23), True),
    ("sinds 40 weken", date(2026, 2, 16), True),
    ("sinds zes weken", date(2026, 10, 12), True),
    ("ziek sinds 8 wk", date(2026, 9, 28), True),
    ("ik zit al 5 maanden thuis", date(2026, 6, 23), True),
    ("ik ben al twee jaar ziek", date(2024, 11, 23), True),
    ("al anderhalf jaar ziek", date(2025, 5, 23), True),
    ("sinds 12 februari", date(2026, 2, 12), False),
    ("ik ben sinds 12 februari ziek", date(2026, 2, 12), False),
    ("vanaf 1 december", date(2025, 12, 1), False),
    ("per 1 oktober", date(2026, 10, 1), False),
    ("3 febuari 2026", date(2026, 2, 3), False),
    ("15 oktobre", date(2026, 10, 15), False),
    ("1 septmber 2025", date(2025, 9, 1), False),
    ("6 agustus", date(2026, 8, 6), False),
    ("drie maart", date(2026, 3, 3), False),
    ("2025-03-04", date(2025, 3, 4), False),
    ("4 mrt 2025", date(2025, 3, 4), False),
    ("4 mrt '25", date(2025, 3, 4), False),
    ("4e maart", date(2026, 3, 4), False),
    ("maandag 3 maart 2025", date(2025, 3, 3), False),
    ("31-12-2025", date(2025, 12, 31), False),
    ("31/12", date(2025, 12, 31), False),
    ("25-11", date(2025, 11, 25), False),
    ("1.3.2025", date(2025, 3, 1), False),
    ("5 januari 2024", date(2024, 1, 5), False),
    ("29 februari 2024", date(2024, 2, 29), False),
    ("29 februari", date(2024, 2, 29), False),
    ("12 juni jl.", date(2026, 6, 12), False),
    ("Ik ben sinds 3 maart 2025 ziek en de bedrijfsarts zegt aangepast werk", date(2025, 3, 3), False),
    ("Mijn eerste ziektedag was 14-04-2026", date(2026, 4, 14), False),
    ("nee, het was 4 maart", date(2026, 3, 4), False),
    ("mijn werknemer is op 2 november uitgevallen", date(2026, 11, 2), False),
    ("gisteren, maar morgen ga ik naar de bedrijfsarts", date(2026, 11, 22), False),
]


@pytest.mark.parametrize("text, expected, estimated", EXPRESSIONS, ids=[e[0] for e in EXPRESSIONS])
def test_expression(text, expected, estimated):
    parsed = parse_sick_date(text, TODAY)
    assert parsed is not None
    assert parsed.value == expected
    assert parsed.estimated is estimated


def test_at_least_sixty_expressions():
    assert len(EXPRESSIONS) >= 60


@pytest.mark.parametrize(
    "text, error, fragment",
    [
        ("31 februari", ImpossibleDate, "31 februari bestaat niet"),
        ("30-02-2025", ImpossibleDate, "bestaat niet"),
        ("31 april 2025", ImpossibleDate, "april heeft 30 dagen"),
        ("13-45-2025", ImpossibleDate, "geen maand 45"),
        ("1 januari 2027", FutureDate, "toekomst"),
        ("1 december 2026", FutureDate, "toekomst"),
        ("morgen", FutureDate, "toekomst"),
        ("3 maart 2003", OutsideWindow, "WAO"),
        ("31 december 2003", OutsideWindow, "1 januari 2004"),
        ("03-04", AmbiguousDate, "Bedoel je 3 april of 4 maart?"),
        ("12/2", AmbiguousDate, "12 februari of 2 december"),
    ],
)
def test_unusable_dates(text, error, fragment):
    with pytest.raises(error) as info:
        parse_sick_date(text, TODAY)
    assert fragment in str(info.value)


def test_ambiguous_offers_both_readings():
    with pytest.raises(AmbiguousDate) as info:
        parse_sick_date("03-04", TODAY)
    assert set(info.value.options) == {date(2026, 4, 3), date(2026, 3, 4)}


@pytest.mark.parametrize(
    "text",
    [
        "",
        "ik weet het niet meer",
        "hallo",
        "ik heb een aangepast rooster",
        "maar ik ben er mee bezig",
        "week 6",
        "in welk spoor zit ik?",
        "<img src=x onerror=alert(1)>",
        "🙂🙂",
    ],
)
def test_no_date(text):
    assert parse_sick_date(text, TODAY) is None


def test_reference_date_is_the_message_date_not_a_fixed_one():
    assert parse_sick_date("gisteren", date(2025, 1, 1)).value == date(2024, 12, 31)
    assert parse_sick_date("3 maart", date(2025, 3, 2)).value == date(2024, 3, 3)


def test_earlier_period_and_current_start():
    report = parse_ziektedatums("ik was van 6 januari tot 1 februari ziek en sinds 3 maart weer", TODAY)
    assert [(p.begin, p.einde) for p in report.earlier] == [(date(2026, 1, 6), date(2026, 2, 1))]
    assert report.current.value == date(2026, 3, 3)


def test_earlier_period_with_years_and_tm():
    report = parse_ziektedatums("van 1 oktober 2025 t/m 20 oktober 2025 ziek, en nu sinds 2 november 2025", TODAY)
    assert [(p.begin, p.einde) for p in report.earlier] == [(date(2025, 10, 1), date(2025, 10, 20))]
    assert report.current.value == date(2025, 11, 2)


def test_period_that_ends_before_it_starts():
    with pytest.raises(ImpossibleDate):
        parse_ziektedatums("van 10 februari tot 1 februari ziek en sinds 3 maart weer", TODAY)


def test_the_chat_accepts_what_the_rules_accept():
    # One date window for every channel (the rules package's): an old case is computed, not refused.
    assert parse_sick_date("3 maart 2019", TODAY).value == date(2019, 3, 3)
    assert parse_sick_date("1 januari 2004", TODAY).value == date(2004, 1, 1)


def test_earlier_period_before_the_wia_is_refused():
    with pytest.raises(OutsideWindow, match="WAO"):
        parse_ziektedatums("van 1 december 2003 tot 20 december 2003 ziek en sinds 3 januari 2004 weer", TODAY)


def test_earlier_period_that_ends_in_the_future_is_refused():
    with pytest.raises(FutureDate):
        parse_ziektedatums("van 1 november 2026 tot 1 december 2026 ziek en sinds 3 maart weer", TODAY)


def test_date_words_are_folded():
    assert fold_date_words("Drie weken geleden") == "3 weken geleden"
    assert fold_date_words("15 oktobre") == "15 oktober"
    assert fold_date_words("een auto") == "een auto"  # 'een' only becomes 1 before a unit or month


# --- the zwangerschaps- en bevallingsverlof: dates that may lie ahead -------------------------------

from actions.dates import DateProblem, parse_verlof  # noqa: E402

VERLOF_TODAY = date(2026, 12, 6)


@pytest.mark.parametrize(
    "text, begin, einde, assumed",
    [
        ("15 december 2026 tot en met 5 april 2027", date(2026, 12, 15), date(2027, 4, 5), False),
        ("van 15-12-2026 t/m 5-4-2027", date(2026, 12, 15), date(2027, 4, 5), False),
        ("15-12-2026 - 5-4-2027", date(2026, 12, 15), date(2027, 4, 5), False),  # not read as 2026-5-4
        ("2026-12-15 tot 2027-04-05", date(2026, 12, 15), date(2027, 4, 5), False),
        ("15 december tot en met 5 april", date(2026, 12, 15), date(2027, 4, 5), False),  # the end after the begin
        ("het begint op 1 maart", date(2027, 3, 1), date(2027, 6, 20), True),  # nearest 1 March; 16 weeks
        ("1 augustus tot 20 november", date(2026, 8, 1), date(2026, 11, 20), False),  # nearest: this year's, past
    ],
)
def test_leave_dates(text, begin, einde, assumed):
    verlof = parse_verlof(text, VERLOF_TODAY, 16)
    assert (verlof.periode.begin, verlof.periode.einde, verlof.einde_aangenomen) == (begin, einde, assumed)


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("31 februari 2027 tot 20 juni 2027", "31 februari 2027 bestaat niet"),
        ("5 april 2027 tot 15 december 2026", "vóór het begint"),
        ("30-13-2026 tot 1-4-2027", "geen maand 13"),
    ],
)
def test_impossible_leave_dates_are_explained(text, fragment):
    with pytest.raises(DateProblem) as problem:
        parse_verlof(text, VERLOF_TODAY, 16)
    assert fragment in str(problem.value)


@pytest.mark.parametrize("text", ["weet ik nog niet", "volgende maand", "ergens in het voorjaar", ""])
def test_no_written_out_date_is_no_leave(text):
    assert parse_verlof(text, VERLOF_TODAY, 16) is None


def test_an_end_without_year_that_cannot_follow_the_start_is_a_clear_question():
    """'1 maart 2029 tot en met 29 februari': no 29 February in the years after the start that we try.
    It used to raise a bare ValueError, so the guide's action crashed and the person got no answer."""
    from datetime import date

    import pytest

    from actions.dates import DateProblem, parse_verlof

    with pytest.raises(DateProblem) as problem:
        parse_verlof("1 maart 2029 tot en met 29 februari", date(2026, 12, 6), 16)
    assert "jaartal" in str(problem.value)
