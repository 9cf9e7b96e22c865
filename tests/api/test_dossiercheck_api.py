"""POST /v1/dossiercheck: the same JSON as `poortwachter dossiercheck --json`, the same token and Dutch
4xx errors as /v1/tijdlijn, documented in openapi.json (fuzzed by test_api_fuzz.py with the rest), and
with `Accept: application/pdf` a one-page checklist, read back from the PDF itself (pypdf)."""

from __future__ import annotations

import io
import json
import re
import urllib.error
import urllib.request
from datetime import date, datetime
from importlib import resources

import pytest
from pypdf import PdfReader

from poortwachter import Invoer
from poortwachter.dossiercheck import DOCUMENTEN, KERNDOCUMENTEN, check_dossier
from poortwachter_faces.checklist_pdf import checklist_pdf
from poortwachter_faces.cli import main
from poortwachter_faces.pdf import DISCLAIMER

URL = "/v1/dossiercheck"
LATE = {
    "eerste_ziektedag": "2025-03-04",
    "peildatum": "2025-06-02",
    "documenten": {"probleemanalyse": "2025-04-25", "plan_van_aanpak": "2025-05-06", "melding_42e_week": None},
}


def call(url, body=None, headers=None, method="POST", raw=None):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_same_json_as_the_command_line(api_url, auth_headers, capsys):
    status, _, raw = call(api_url + URL, LATE, auth_headers)
    assert status == 200
    api = json.loads(raw)
    assert (
        main(
            [
                "dossiercheck",
                "--eerste-ziektedag",
                "2025-03-04",
                "--peildatum",
                "2025-06-02",
                "--document",
                "probleemanalyse=2025-04-25",
                "--document",
                "plan_van_aanpak=2025-05-06",
                "--json",
            ]
        )
        == 0
    )
    cli = json.loads(capsys.readouterr().out)
    assert api == cli
    # by hand: PA due 14-4 (11 days late), the plan due 28-4 (end of week 8), 6-5 is 8 days late
    assert api["oordeel"] == "risico_loonsanctie"
    assert api["documenten"]["probleemanalyse"]["dagen_te_laat"] == 11
    assert api["documenten"]["plan_van_aanpak"]["uiterlijk"] == "2025-04-28"
    assert api["documenten"]["plan_van_aanpak"]["dagen_te_laat"] == 8
    assert set(KERNDOCUMENTEN) <= set(api["documenten"])


def test_peildatum_defaults_to_today(api_url, auth_headers):
    # conftest's today is 12 May 2025: week 10, the probleemanalyse (due 14-4) is missing
    status, _, raw = call(api_url + URL, {"eerste_ziektedag": "2025-03-04", "documenten": {}}, auth_headers)
    data = json.loads(raw)
    assert status == 200 and data["peildatum"] == "2025-05-12"
    assert data["documenten"]["probleemanalyse"]["status"] == "ontbreekt"


def test_without_documenten_nothing_is_assumed_done(api_url, auth_headers):
    status, _, raw = call(api_url + URL, {"eerste_ziektedag": "2025-03-04", "peildatum": "2025-04-05"}, auth_headers)
    assert status == 200 and json.loads(raw)["oordeel"] == "nog_niet_te_beoordelen"


@pytest.mark.parametrize(
    "headers",
    [
        {"Content-Type": "application/json"},
        {"Content-Type": "application/json", "Authorization": "Bearer fout"},
        {"Content-Type": "application/json", "Authorization": "test-token-123"},
    ],
)
def test_the_token_guards_the_check_too(api_url, headers):
    status, response_headers, raw = call(api_url + URL, LATE, headers)
    assert status == 401 and json.loads(raw)["code"] == "niet_geautoriseerd"
    assert response_headers["WWW-Authenticate"].startswith("Bearer")


def _with(documenten=None, **case):
    body = {"eerste_ziektedag": "2025-03-04", "peildatum": "2025-06-02", **case}
    if documenten is not None:
        body["documenten"] = documenten
    return body


@pytest.mark.parametrize(
    "body, fragment",
    [
        (_with({"probleem_analyse": "2025-04-10"}), "Onbekend document"),
        (_with({"Probleemanalyse": "2025-04-10"}), "Onbekend document"),  # the documented names, exactly
        (_with({"probleemanalyse": "2025-02-30"}), "geen geldige"),
        (_with({"plan_van_aanpak": "22-04-2025"}), "JJJJ-MM-DD"),
        (_with({"plan_van_aanpak": 20250422}), "hoort een datum"),
        (_with({"plan_van_aanpak": "nee"}), "hoort een datum"),
        (_with({"plan_van_aanpak": "2025-02-01"}), "vóór de eerste ziektedag"),
        (_with({"melding_42e_week": "2025-12-22"}), "na de peildatum"),
        (_with(["probleemanalyse"]), "moet een object zijn"),
        (_with({"probleemanalyse": "2025-04-10"}, probleemanalyse_datum="2025-04-01"), "twee keer"),
        (_with({}, advies="misschien"), "Onbekend advies"),
        (_with({}, wie="x"), "Onbekend veld"),
        ({"documenten": {}}, "ontbreekt"),
        ([1, 2], "JSON-object"),
    ],
)
def test_bad_input_gets_a_dutch_422_and_nothing_computed(api_url, auth_headers, body, fragment):
    status, _, raw = call(api_url + URL, body, auth_headers)
    data = json.loads(raw)
    assert status == 422 and fragment in data["fout"], data
    assert set(data) == {"fout", "code"}


def test_malformed_oversize_wrong_type_and_method(api_url, auth_headers):
    assert call(api_url + URL, raw=b"{niet json", headers=auth_headers)[0] == 400
    assert call(api_url + URL, raw=b"x" * 20_000, headers=auth_headers)[0] == 413
    assert call(api_url + URL, raw=b"a=b", headers={**auth_headers, "Content-Type": "text/plain"})[0] == 415
    status, headers, _ = call(api_url + URL, method="GET", headers=auth_headers)
    assert status == 405 and headers["Allow"] == "POST"
    assert call(api_url + URL + "/", LATE, auth_headers)[0] == 404


# --- the OpenAPI document -----------------------------------------------------------------------


def _openapi():
    return json.loads(resources.files("poortwachter_faces").joinpath("openapi.json").read_text(encoding="utf-8"))


def test_the_openapi_document_describes_the_check():
    document = _openapi()
    schemas = document["components"]["schemas"]
    post = document["paths"][URL]["post"]
    assert post["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/DossiercheckVerzoek"
    }
    # the case's fields are the timeline's, plus documenten, whose names are the rules' own
    verzoek = set(schemas["DossiercheckVerzoek"]["properties"])
    assert verzoek == set(schemas["TijdlijnVerzoek"]["properties"]) | {"documenten"}
    assert schemas["DossiercheckVerzoek"]["additionalProperties"] is False
    assert list(schemas["Documenten"]["properties"]) == list(DOCUMENTEN)
    assert set(schemas["Documentcheck"]["required"]) == set(
        check_dossier(Invoer(date(2025, 3, 4), date(2025, 6, 2)), {}).documenten["probleemanalyse"].as_dict()
    )
    assert {"200", "400", "401", "408", "411", "413", "415", "422", "500"} <= set(post["responses"])
    assert set(post["responses"]["200"]["content"]) == {"application/json", "application/pdf"}


def test_the_served_document_lists_the_path(api_url):
    status, _, raw = call(api_url + "/openapi.json", method="GET")
    assert status == 200 and URL in json.loads(raw)["paths"]


# --- the checklist PDF ---------------------------------------------------------------------------


def text_of(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def test_accept_pdf_gives_a_one_page_checklist(api_url, auth_headers):
    status, headers, pdf = call(api_url + URL, LATE, {**auth_headers, "Accept": "application/pdf"})
    assert status == 200 and headers["Content-Type"] == "application/pdf"
    assert 'filename="spoorwijzer-dossiercheck.pdf"' in headers["Content-Disposition"]
    assert headers["Cache-Control"] == "no-store"
    pages, text = text_of(pdf)
    assert pages == 1
    assert "dossiercheck" in text and "Gemaakt op" in text and "Stand op 2 juni 2025" in text
    assert "Oordeel: Risico op een loonsanctie" in text
    # a row per document with status, deadline and date, computed by hand (see the JSON test)
    assert "Probleemanalyse van de bedrijfsarts te laat (11 d) 14 april 2025 25 april 2025" in text
    assert "Plan van aanpak te laat (8 d) 28 april 2025 6 mei 2025" in text
    assert "42e-weeksmelding bij UWV nog niet nodig 23 december 2025" in text
    assert "Wat nu" in text and "Leg in het dossier vast waarom" in text
    assert "Wat deze check niet kan zien" in text and "spoor 2" in text
    assert "Regeling procesgang" in text and "Wet WIA" in text  # sources
    assert re.sub(r"\s+", " ", DISCLAIMER)[:60] in text


def test_a_bad_body_with_accept_pdf_still_gets_json(api_url, auth_headers):
    status, headers, raw = call(
        api_url + URL, _with({"probleemanalyse": "2025-02-30"}), {**auth_headers, "Accept": "application/pdf"}
    )
    assert status == 422 and headers["Content-Type"].startswith("application/json")
    assert "geen geldige" in json.loads(raw)["fout"]


@pytest.mark.parametrize(
    "invoer",
    [
        Invoer(date(2025, 3, 4), date(2026, 12, 28)),
        Invoer(date(2026, 3, 2), date(2027, 12, 28), einde_dienstverband=date(2026, 6, 30)),
        Invoer(date(2026, 3, 2), date(2027, 12, 28), einde_dienstverband=date(2026, 6, 30), eigenrisicodrager_zw=True),
        Invoer(date(2025, 3, 4), date(2026, 12, 28), advies="geen_perspectief_eigen_werkgever"),
    ],
)
def test_the_fullest_check_still_fits_on_one_page(invoer):
    """Every document given ("weet ik niet", with a changed advice): the most rows and actions there can be."""
    documenten = {naam: "onbekend" for naam in DOCUMENTEN}
    documenten["bijstelling_probleemanalyse"] = invoer.eerste_ziektedag.replace(month=invoer.eerste_ziektedag.month + 2)
    check = check_dossier(invoer, documenten)
    assert len(check.documenten) == len(DOCUMENTEN)
    pages, text = text_of(checklist_pdf(check, datetime(2027, 1, 4, 8, 30)))
    assert pages == 1
    assert "Gemaakt op 4 januari 2027 om 08:30" in text
    for d in check.documenten.values():
        assert d.titel.split(" (")[0] in text
    assert re.sub(r"\s+", " ", DISCLAIMER)[-40:] in text  # the last words made it onto the page
