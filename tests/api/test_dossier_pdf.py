"""The PDF for the re-integration dossier: read back from the PDF itself (pypdf), over the HR API
and directly from the rules' timeline."""

from __future__ import annotations

import io
import json
import re
import urllib.request
from datetime import date, datetime

from pypdf import PdfReader

from poortwachter import Periode, compute_tijdlijn, general_rules
from poortwachter_faces.pdf import DISCLAIMER, dossier_pdf


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    # The table wraps long cells over lines: compare on single spaces.
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def test_the_hr_api_gives_the_pdf_on_accept(api_url, auth_headers):
    body = {
        "eerste_ziektedag": "2025-03-04",
        "peildatum": "2025-11-28",
        "advies": "aangepast_werk",
        "eerdere_perioden": [{"begin": "2025-01-06", "einde": "2025-02-20"}],
    }
    request = urllib.request.Request(
        f"{api_url}/v1/tijdlijn",
        data=json.dumps(body).encode(),
        method="POST",
        headers={**auth_headers, "Accept": "application/pdf"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["Content-Type"] == "application/pdf"
        assert "attachment" in response.headers["Content-Disposition"]
        pdf = response.read()
    assert pdf.startswith(b"%PDF-")
    text = text_of(pdf)
    assert "Gemaakt op" in text
    # the inputs used: the current period, the merged case and the earlier period, the advice
    assert "4 maart 2025" in text and "6 januari 2025 t/m 20 februari 2025" in text
    assert "aangepast" in text.lower()
    # 46 days of the earlier period + 4 March to 28 November 2025 (270 days) = day 316, week 46
    assert "Ziekteweek 46 (ziektedag 316)" in text
    assert "spoor 1" in text.lower()
    for rule in ("Probleemanalyse", "Plan van aanpak", "42e-weeksmelding", "WIA-aanvraag"):
        assert rule in text
    assert "voorbij" in text and "komt nog" in text  # status of each deadline
    assert "Regeling procesgang" in text and "Wet WIA" in text  # sources
    assert re.sub(r"\s+", " ", DISCLAIMER)[:60] in text


def test_json_stays_the_default(api_url, auth_headers):
    request = urllib.request.Request(
        f"{api_url}/v1/tijdlijn",
        method="POST",
        headers=auth_headers,
        data=json.dumps({"eerste_ziektedag": "2025-03-04"}).encode(),
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["Content-Type"].startswith("application/json")


def test_every_termijn_and_a_lapsed_one_with_its_reason():
    t = compute_tijdlijn(
        eerste_ziektedag=date(2026, 4, 1),
        peildatum=date(2026, 11, 28),
        advies="eigen_werk",
        einde_dienstverband=date(2026, 12, 31),
    )
    text = text_of(dossier_pdf(t, datetime(2026, 11, 28, 9, 15)))
    assert "Gemaakt op 28 november 2026 om 09:15" in text
    assert "Laatste dag van het contract 31 december 2026" in text
    for termijn in t.termijnen.values():
        assert termijn.titel.split(":")[0] in text
    assert "vervalt" in text and "Vervalt: het dienstverband eindigt" in text


def test_texts_outside_the_core_font_do_not_break_the_pdf():
    # Rule texts use "—", "’" and the warning sign; the core font writes them plainly.
    t = compute_tijdlijn(eerste_ziektedag=date(2024, 1, 8), peildatum=date(2026, 11, 28), advies="onbekend")
    assert t.waarschuwingen  # overdue deadlines give warnings with typographic signs
    text = text_of(dossier_pdf(t, datetime(2026, 11, 28, 9, 15)))
    assert "Let op" in text
    assert set(general_rules())  # the rules are loaded


# --- the inputs used: every input given, read back from the PDF (issue #28 item 2) ---------------------------


def test_every_input_of_the_record_has_a_label_in_the_dossier():
    from poortwachter import VELDEN
    from poortwachter_faces.pdf import INPUT_LABELS

    assert set(INPUT_LABELS) == set(VELDEN)


def test_the_inputs_that_move_dates_are_listed():
    # The five inputs the old "gebruikte gegevens" left out, each of which moves a date in the table:
    # an extension (WIA art. 24), the dates a step was done, the prospect (spoor 2) and the leave.
    t = compute_tijdlijn(
        eerste_ziektedag=date(2026, 9, 1),
        peildatum=date(2026, 12, 6),
        advies="eigen_werk",
        verlenging_weken=26,
        perspectief_binnen_3_maanden=False,
        probleemanalyse_datum=date(2026, 10, 5),
        eerstejaarsevaluatie_datum=date(2026, 11, 30),
        zwangerschapsverlof=Periode(date(2026, 12, 15), date(2027, 4, 5)),
        ziek_na_verlof=True,
        ziekte_door_zwangerschap=True,
        geboortedatum=date(1990, 2, 3),
        einde_dienstverband=date(2030, 12, 31),
        eigenrisicodrager_zw=True,
        eerdere_perioden=[Periode(date(2026, 7, 1), date(2026, 7, 20))],
    )
    text = text_of(dossier_pdf(t, datetime(2026, 12, 6, 9, 15)))
    given = text.split("Gebruikte gegevens", 1)[1].split("Stand", 1)[0]
    for row in (
        "Eerste ziektedag 1 september 2026",
        "Peildatum 6 december 2026",
        "Advies van de bedrijfsarts Terug in mijn eigen werk",
        "Eerdere ziekteperioden 1 juli 2026 t/m 20 juli 2026",
        "Vrijwillige verlenging van de loondoorbetaling 26 weken",
        "Concreet perspectief op terugkeer binnen 3 maanden nee",
        "Probleemanalyse gemaakt op 5 oktober 2026",
        "Eerstejaarsevaluatie gehouden op 30 november 2026",
        "Zwangerschaps- en bevallingsverlof 15 december 2026 t/m 5 april 2027",
        "Direct na het verlof nog ziek, door dezelfde oorzaak ja",
        "Ziek door de zwangerschap of de bevalling ja",
        "Geboortedatum 3 februari 1990",
        "Laatste dag van het contract 31 december 2030",
        "Eigenrisicodrager Ziektewet ja",
    ):
        assert row in given, row
    assert "Planning" in given  # the leave has not ended: expected dates
    assert "Later door het zwangerschaps- en bevallingsverlof (16 weken" in text and "WIA-aanvraag bij UWV" in text


def test_a_planned_leave_over_the_hr_api_gives_the_pdf_with_its_inputs(api_url, auth_headers):
    body = {
        "eerste_ziektedag": "2025-03-04",
        "peildatum": "2025-05-12",
        "verlenging_weken": 13,
        "zwangerschapsverlof": {"begin": "2025-06-01", "einde": "2025-09-20"},
    }
    request = urllib.request.Request(
        f"{api_url}/v1/tijdlijn",
        data=json.dumps(body).encode(),
        method="POST",
        headers={**auth_headers, "Accept": "application/pdf"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        text = text_of(response.read())
    assert "Vrijwillige verlenging van de loondoorbetaling 13 weken" in text
    assert "Zwangerschaps- en bevallingsverlof 1 juni 2025 t/m 20 september 2025" in text
    # ziek_na_verlof not given: the rules assumed it and the dossier says so
    assert "Direct na het verlof nog ziek, door dezelfde oorzaak niet opgegeven; aangenomen: ja" in text
