"""The PDF for the re-integration dossier: read back from the PDF itself (pypdf), over the HR API
and directly from the rules' timeline."""
from __future__ import annotations

import io
import json
import re
import urllib.request
from datetime import date, datetime

from pypdf import PdfReader

from poortwachter import compute_timeline, general_rules
from poortwachter.dossier import DISCLAIMER, dossier_pdf


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    # The table wraps long cells over lines: compare on single spaces.
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def test_the_hr_api_gives_the_pdf_on_accept(api_url, auth_headers):
    body = {"eerste_ziektedag": "2025-03-04", "peildatum": "2025-11-28", "advies": "aangepast_werk",
            "eerdere_perioden": [{"begin": "2025-01-06", "einde": "2025-02-20"}]}
    request = urllib.request.Request(f"{api_url}/v1/tijdlijn", data=json.dumps(body).encode(), method="POST",
                                     headers={**auth_headers, "Accept": "application/pdf"})
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
    request = urllib.request.Request(f"{api_url}/v1/tijdlijn", method="POST", headers=auth_headers,
                                     data=json.dumps({"eerste_ziektedag": "2025-03-04"}).encode())
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["Content-Type"].startswith("application/json")


def test_every_deadline_and_a_lapsed_one_with_its_reason():
    t = compute_timeline(eerste_ziektedag=date(2026, 4, 1), peildatum=date(2026, 11, 28), advies="eigen_werk",
                         einde_dienstverband=date(2026, 12, 31))
    text = text_of(dossier_pdf(t, datetime(2026, 11, 28, 9, 15)))
    assert "Gemaakt op 28 november 2026 om 09:15" in text
    assert "Laatste dag van het contract 31 december 2026" in text
    for deadline in t.termijnen.values():
        assert deadline.titel.split(":")[0] in text
    assert "vervalt" in text and "Vervalt: het dienstverband eindigt" in text


def test_texts_outside_the_core_font_do_not_break_the_pdf():
    # Rule texts use "—", "’" and the warning sign; the core font writes them plainly.
    t = compute_timeline(eerste_ziektedag=date(2024, 1, 8), peildatum=date(2026, 11, 28), advies="onbekend")
    assert t.waarschuwingen  # overdue deadlines give warnings with typographic signs
    text = text_of(dossier_pdf(t, datetime(2026, 11, 28, 9, 15)))
    assert "Let op" in text
    assert set(general_rules())  # the rules are loaded
