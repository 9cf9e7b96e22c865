"""Bad input raises a typed error with a clear Dutch message; the CLI exits 2 without traceback."""

from __future__ import annotations

from datetime import date

import pytest

from poortwachter import (
    BeforeWiaError,
    TellingBegintNaVerlofError,
    OngeldigeSituatieError,
    InvalidDateError,
    InvalidExtensionError,
    InvalidPeriodError,
    Periode,
    ZiektedagNaPeildatumError,
    OnbekendAdviesError,
    compute_tijdlijn,
    parse_iso_date,
    parse_periods,
)
from poortwachter_faces.cli import main

D1, PEIL = date(2025, 3, 4), date(2025, 5, 12)


@pytest.mark.parametrize(
    "kwargs, error, fragment",
    [
        (dict(eerste_ziektedag=date(2025, 6, 1)), ZiektedagNaPeildatumError, "toekomst"),
        (dict(advies="misschien"), OnbekendAdviesError, "Onbekend advies"),
        (dict(verlenging_weken=12), InvalidExtensionError, "minstens 13 weken"),
        (dict(verlenging_weken=0), InvalidExtensionError, "minstens 13 weken"),
        (dict(verlenging_weken=417265), InvalidExtensionError, "meer dan tien jaar"),
        (
            dict(eerdere_perioden=[Periode(date(2025, 2, 1), date(2025, 1, 1))]),
            InvalidPeriodError,
            "voordat hij begint",
        ),
        (
            dict(eerdere_perioden=[Periode(date(2025, 2, 1), date(2025, 3, 4))]),
            InvalidPeriodError,
            "vóór de eerste ziektedag",
        ),
        (
            dict(
                eerdere_perioden=[
                    Periode(date(2025, 1, 1), date(2025, 1, 20)),
                    Periode(date(2025, 1, 15), date(2025, 2, 1)),
                ]
            ),
            InvalidPeriodError,
            "overlappen",
        ),
        (dict(probleemanalyse_datum=date(2025, 1, 1)), InvalidDateError, "vóór de eerste ziektedag"),
        (dict(eerste_ziektedag=date(9999, 12, 1), peildatum=date(9999, 12, 31)), InvalidDateError, "buiten de periode"),
        (dict(eerste_ziektedag=date(1900, 1, 1)), InvalidDateError, "buiten de periode"),
        (dict(eerstejaarsevaluatie_datum=date(9999, 12, 31)), InvalidDateError, "buiten de periode"),
        (dict(eerdere_perioden=[Periode(date(1, 1, 1), date(1, 1, 2))]), InvalidDateError, "buiten de periode"),
        # The Wet WIA applies to sickness from 1 January 2004 (Invoeringswet WIA); before it, the WAO.
        (dict(eerste_ziektedag=date(2003, 12, 31), peildatum=date(2004, 6, 1)), BeforeWiaError, "WAO"),
        (dict(eerste_ziektedag=date(1995, 5, 1), peildatum=date(1995, 6, 1)), BeforeWiaError, "vóór 1 januari 2004"),
        (
            dict(
                eerste_ziektedag=date(2004, 1, 12),
                peildatum=date(2004, 6, 1),
                eerdere_perioden=[Periode(date(2003, 12, 1), date(2003, 12, 31))],
            ),
            BeforeWiaError,
            "WAO",
        ),
        # Situations that contradict themselves.
        (dict(einde_dienstverband=date(2025, 3, 1)), OngeldigeSituatieError, "vóór de eerste ziektedag"),
        (dict(geboortedatum=date(2013, 1, 1)), OngeldigeSituatieError, "12 jaar"),
        (dict(geboortedatum=date(1913, 1, 1)), OngeldigeSituatieError, "112 jaar"),
        (
            dict(
                zwangerschapsverlof=Periode(date(2024, 10, 1), date(2025, 1, 20)),
                eerdere_perioden=[Periode(date(2024, 9, 1), date(2024, 10, 15))],
            ),
            OngeldigeSituatieError,
            "overlapt het verlof",
        ),
        # Sickness that lies only inside the leave does not count (BW 7:629 lid 4, WIA art. 23 lid 5).
        (
            dict(zwangerschapsverlof=Periode(date(2025, 1, 1), date(2025, 3, 31)), ziek_na_verlof=False),
            OngeldigeSituatieError,
            "telt niet mee",
        ),
        # Sick before a leave that is over and not right after it: the count starts again (BW 7:629 lid 10).
        (
            dict(
                eerste_ziektedag=date(2024, 11, 1),
                zwangerschapsverlof=Periode(date(2024, 12, 1), date(2025, 3, 22)),
                ziek_na_verlof=False,
            ),
            TellingBegintNaVerlofError,
            "begint de telling opnieuw",
        ),
        # The first sick day right after the leave, with the sickness before it, says the sickness went on.
        (
            dict(
                eerste_ziektedag=date(2025, 3, 23),
                zwangerschapsverlof=Periode(date(2024, 12, 1), date(2025, 3, 22)),
                eerdere_perioden=[Periode(date(2024, 11, 1), date(2024, 11, 30))],
                ziek_na_verlof=False,
            ),
            OngeldigeSituatieError,
            "Klopt de eerste ziektedag",
        ),
        # Planning in the shape of API 1.2: the day after the leave may be ahead, the sickness may not.
        (
            dict(
                eerste_ziektedag=date(2025, 10, 21),
                zwangerschapsverlof=Periode(date(2025, 7, 1), date(2025, 10, 20)),
                eerdere_perioden=[Periode(date(2025, 6, 1), date(2025, 6, 30))],
            ),
            ZiektedagNaPeildatumError,
            "toekomst",
        ),
        (
            dict(zwangerschapsverlof=Periode(date(2025, 1, 1), date(2025, 1, 31))),
            OngeldigeSituatieError,
            "kan niet kloppen",
        ),
        (
            dict(zwangerschapsverlof=Periode(date(2025, 2, 1), date(2025, 1, 31))),
            OngeldigeSituatieError,
            "eindigt voordat",
        ),
        (
            dict(eerste_ziektedag=date(2015, 3, 2), peildatum=date(2015, 4, 1), geboortedatum=date(1948, 1, 1)),
            OngeldigeSituatieError,
            "vóór 1 januari 2016",
        ),
    ],
)
def test_library_errors(kwargs, error, fragment):
    args = dict(eerste_ziektedag=D1, peildatum=PEIL, advies="onbekend")
    args.update(kwargs)
    with pytest.raises(error) as info:
        compute_tijdlijn(**args)
    assert fragment in str(info.value)


@pytest.mark.parametrize("text", ["2025-02-31", "31-02-2025", "2025-13-01", "morgen", ""])
def test_invalid_iso_dates(text):
    with pytest.raises(InvalidDateError):
        parse_iso_date(text)


@pytest.mark.parametrize("text", ["2025-01-01", "2025-01-01:2025-02-30", "a:b:c"])
def test_invalid_periods(text):
    with pytest.raises(InvalidDateError):
        parse_periods([text])


@pytest.mark.parametrize(
    "argv, fragment",
    [
        (["--eerste-ziektedag", "2025-02-31"], "geen geldige eerste ziektedag"),
        (["--eerste-ziektedag", "2025-06-01", "--peildatum", "2025-05-12"], "toekomst"),
        (["--eerste-ziektedag", "2025-03-04", "--advies", "weetniet"], "Onbekend advies"),
        (["--eerste-ziektedag", "2025-03-04", "--verlenging-weken", "4"], "minstens 13 weken"),
        (["--eerste-ziektedag", "2025-03-04", "--eerdere-periode", "2025-02-01:2025-01-01"], "voordat hij begint"),
        (["--eerste-ziektedag", "2025-03-04", "--perspectief-binnen-3-maanden", "misschien"], "ongeldige invoer"),
        (["--eerste-ziektedag", "2001-03-04", "--peildatum", "2002-05-12"], "WAO"),
        (["--eerste-ziektedag", "2025-03-04", "--einde-dienstverband", "2025-01-31"], "vóór de eerste ziektedag"),
        (["--eerste-ziektedag", "2025-03-04", "--geboortedatum", "1912-05-01"], "kan niet kloppen"),
        (["--eerste-ziektedag", "2025-03-04", "--zwangerschapsverlof", "2025-01-01"], "geen geldige periode"),
    ],
)
def test_cli_bad_input_exits_2_with_dutch_message(argv, fragment, capsys):
    try:
        code = main(["tijdlijn", *argv])
    except SystemExit as exit_:  # argparse usage errors
        code = exit_.code
    assert code == 2
    captured = capsys.readouterr()
    assert fragment in captured.err
    assert "Traceback" not in captured.err
    assert captured.out == ""
