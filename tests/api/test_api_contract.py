"""The HR API: same JSON as the command line, bearer-token auth, clear Dutch 4xx errors."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

from poortwachter_faces.cli import main


def call(url, method="POST", body=None, headers=None, raw=None):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_same_json_as_the_command_line(api_url, auth_headers, capsys):
    body = {
        "eerste_ziektedag": "2025-03-01",
        "peildatum": "2025-05-12",
        "advies": "eigen_werk",
        "eerdere_perioden": [{"begin": "2025-01-06", "einde": "2025-02-01"}],
        "verlenging_weken": 26,
    }
    status, data = call(f"{api_url}/v1/tijdlijn", body=body, headers=auth_headers)
    main(
        [
            "tijdlijn",
            "--eerste-ziektedag",
            "2025-03-01",
            "--peildatum",
            "2025-05-12",
            "--advies",
            "eigen_werk",
            "--eerdere-periode",
            "2025-01-06:2025-02-01",
            "--verlenging-weken",
            "26",
            "--json",
        ]
    )
    assert status == 200
    assert data == json.loads(capsys.readouterr().out)
    assert data["eerste_ziektedag"] == "2025-01-06"  # merged: a gap of 27 days


def test_added_fields_keep_the_old_ones(api_url, auth_headers):
    body = {
        "eerste_ziektedag": "2025-03-04",
        "peildatum": "2025-05-12",
        "eerdere_perioden": [{"begin": "2025-01-06", "einde": "2025-02-20"}],
    }
    status, data = call(f"{api_url}/v1/tijdlijn", body=body, headers=auth_headers)
    assert status == 200
    assert data["eerste_ziektedag"] == data["begin_ziektegeval"] == "2025-01-06"  # the merged case
    assert data["huidige_periode_vanaf"] == "2025-03-04"
    assert data["wachttijd_weken"] == 104
    details = data["termijn_details"]
    assert details["plan_van_aanpak"]["week"] == 8  # sick week of the merged case, not of the calendar
    assert all(d["verplichting"] == d["nog_te_doen"] for d in details.values())
    assert details["spoor_2_uiterlijk"]["hangt_af_van_advies"] is True
    assert details["wia_aanvraag"]["hangt_af_van_advies"] is False


def test_situations_give_the_same_json_as_the_command_line(api_url, auth_headers, capsys):
    body = {
        "eerste_ziektedag": "2026-04-23",
        "peildatum": "2026-11-28",
        "geboortedatum": "1990-02-03",
        "eerdere_perioden": [{"begin": "2025-10-01", "einde": "2025-12-31"}],
        "zwangerschapsverlof": {"begin": "2026-01-01", "einde": "2026-04-22"},
        "einde_dienstverband": "2026-12-31",
        "eigenrisicodrager_zw": True,
    }
    status, data = call(f"{api_url}/v1/tijdlijn", body=body, headers=auth_headers)
    main(
        [
            "tijdlijn",
            "--eerste-ziektedag",
            "2026-04-23",
            "--peildatum",
            "2026-11-28",
            "--geboortedatum",
            "1990-02-03",
            "--eerdere-periode",
            "2025-10-01:2025-12-31",
            "--zwangerschapsverlof",
            "2026-01-01:2026-04-22",
            "--einde-dienstverband",
            "2026-12-31",
            "--eigenrisicodrager-zw",
            "--json",
        ]
    )
    assert status == 200 and data == json.loads(capsys.readouterr().out)
    assert data["situatie"]["code"] == "ziek_uit_dienst"
    assert data["situatie"]["bijzonderheden"] == ["eigenrisicodrager_zw", "samengeteld_rond_verlof"]
    assert data["eerste_ziektedag"] == "2025-10-01"  # merged across the leave
    assert data["termijnen"]["einde_loondoorbetaling"] == "2026-12-31"
    assert data["termijnen"]["reintegratieverslag"] is None
    assert data["termijn_details"]["reintegratieverslag"]["uitleg"].startswith("Vervalt")


def test_peildatum_defaults_to_today(api_url, auth_headers):
    status, data = call(f"{api_url}/v1/tijdlijn", body={"eerste_ziektedag": "2025-03-04"}, headers=auth_headers)
    assert status == 200 and data["peildatum"] == "2025-05-12" and data["ziekteweek"] == 10


@pytest.mark.parametrize(
    "headers",
    [
        {"Content-Type": "application/json"},
        {"Content-Type": "application/json", "Authorization": "Bearer fout"},
        {"Content-Type": "application/json", "Authorization": "test-token-123"},
    ],
)
def test_requests_without_the_right_token_are_refused(api_url, headers):
    status, data = call(f"{api_url}/v1/tijdlijn", body={"eerste_ziektedag": "2025-03-04"}, headers=headers)
    assert status == 401 and data["code"] == "niet_geautoriseerd" and "token" in data["fout"]


@pytest.mark.parametrize(
    "body, status, fragment",
    [
        ({"eerste_ziektedag": "2025-02-31"}, 422, "geen geldige eerste ziektedag"),
        ({"eerste_ziektedag": "2025-06-01"}, 422, "toekomst"),
        ({}, 422, "ontbreekt"),
        ({"eerste_ziektedag": "2025-03-04", "advies": "misschien"}, 422, "Onbekend advies"),
        ({"eerste_ziektedag": "2025-03-04", "verlenging_weken": 4}, 422, "minstens 13 weken"),
        ({"eerste_ziektedag": "2025-03-04", "verlenging_weken": "26"}, 422, "heel getal"),
        (
            {"eerste_ziektedag": "2025-03-04", "eerdere_perioden": [{"begin": "2025-02-01", "einde": "2025-01-01"}]},
            422,
            "voordat hij begint",
        ),
        ({"eerste_ziektedag": "2025-03-04", "wie": "x"}, 422, "Onbekend veld"),
        ({"eerste_ziektedag": "2003-06-02", "peildatum": "2004-01-05"}, 422, "WAO"),
        ({"eerste_ziektedag": "2025-03-04", "einde_dienstverband": "2025-02-01"}, 422, "vóór de eerste ziektedag"),
        ({"eerste_ziektedag": "2025-03-04", "geboortedatum": "2013-01-01"}, 422, "kan niet kloppen"),
        (
            {"eerste_ziektedag": "2025-03-04", "zwangerschapsverlof": {"begin": "2025-01-01"}},
            422,
            "zwangerschapsverlof",
        ),
        ({"eerste_ziektedag": "2025-03-04", "eigenrisicodrager_zw": "ja"}, 422, "true of false"),
        ([1, 2], 422, "JSON-object"),
    ],
)
def test_bad_input_gets_a_dutch_4xx(api_url, auth_headers, body, status, fragment):
    got, data = call(f"{api_url}/v1/tijdlijn", body=body, headers=auth_headers)
    assert got == status and fragment in data["fout"]


def test_malformed_json_oversize_and_wrong_type(api_url, auth_headers):
    assert call(f"{api_url}/v1/tijdlijn", raw=b"{niet json", headers=auth_headers)[0] == 400
    assert call(f"{api_url}/v1/tijdlijn", raw=b"x" * 20_000, headers=auth_headers)[0] == 413
    assert call(f"{api_url}/v1/tijdlijn", raw=b"a=b", headers={**auth_headers, "Content-Type": "text/plain"})[0] == 415


def test_health_openapi_and_unknown_paths(api_url, auth_headers):
    assert call(f"{api_url}/health", method="GET") == (200, {"status": "ok"})
    status, document = call(f"{api_url}/openapi.json", method="GET")
    assert status == 200 and "/v1/tijdlijn" in document["paths"]
    assert call(f"{api_url}/elders", method="GET")[0] == 404
    assert call(f"{api_url}/v1/tijdlijn", method="PUT", body={}, headers=auth_headers)[0] == 405


def test_serve_refuses_to_start_without_a_token(monkeypatch, capsys):
    monkeypatch.delenv("POORTWACHTER_API_TOKEN", raising=False)
    assert main(["serve", "--port", "0"]) == 2
    assert "POORTWACHTER_API_TOKEN" in capsys.readouterr().err


# --- planning a zwangerschaps- en bevallingsverlof (issue #26 row 1): the same through the API and the CLI ----

REVIEW = {
    "eerste_ziektedag": "2026-09-01",
    "peildatum": "2026-12-06",
    "zwangerschapsverlof": {"begin": "2026-12-15", "einde": "2027-04-05"},
    "ziek_na_verlof": True,
}


def test_a_leave_still_ahead_is_planned_the_same_over_the_api_and_the_cli(api_url, auth_headers, capsys):
    # Review 2026-12 row 1: sick 1-9-2026 (105 days before the leave), leave 15-12-2026..5-4-2027 that does not
    # count (BW 7:629 lid 4, WIA 23 lid 5, ZW 38 lid 1); day 295/651/728 after it: 12-10-2027, 2-10-2028, 18-12-2028.
    status, data = call(f"{api_url}/v1/tijdlijn", body=REVIEW, headers=auth_headers)
    main(
        [
            "tijdlijn",
            "--eerste-ziektedag",
            "2026-09-01",
            "--peildatum",
            "2026-12-06",
            "--zwangerschapsverlof",
            "2026-12-15:2027-04-05",
            "--ziek-na-verlof",
            "ja",
            "--json",
        ]
    )
    assert status == 200 and data == json.loads(capsys.readouterr().out)
    assert (data["ziektedag"], data["ziekteweek"]) == (97, 14)
    assert data["termijnen"]["melding_42e_week"] == "2027-10-12"
    assert data["termijnen"]["wia_aanvraag"] == "2028-10-02"
    assert data["termijnen"]["laatste_dag_wachttijd"] == "2028-12-18"
    wia = data["termijn_details"]["wia_aanvraag"]
    assert wia["verschoven_door_verlof"] is True and "16 weken later" in wia["uitleg"] and "verschuift" in wia["uitleg"]
    assert data["termijn_details"]["probleemanalyse"]["verschoven_door_verlof"] is False
    assert data["verlof"]["gepland"] is True and data["verlof"]["samengeteld"] is True
    assert data["verlof"]["dagen_later"] == 112
    assert any("planning met verwachte data" in note for note in data["opmerkingen"])
    assert data["invoer"] == dict(REVIEW, advies="onbekend")  # the given inputs, and the advice it used


def test_the_old_shape_plans_too(api_url, auth_headers):
    # API 1.2 shape: the sickness before the leave as an earlier period, the day after it as the first sick day.
    # Before version 1.4 a day after the leave that lies ahead gave 422 "kan niet in de toekomst liggen".
    old = {
        "eerste_ziektedag": "2027-04-06",
        "peildatum": "2026-12-06",
        "eerdere_perioden": [{"begin": "2026-09-01", "einde": "2026-12-14"}],
        "zwangerschapsverlof": {"begin": "2026-12-15", "einde": "2027-04-05"},
    }
    status, data = call(f"{api_url}/v1/tijdlijn", body=old, headers=auth_headers)
    _, new = call(f"{api_url}/v1/tijdlijn", body=REVIEW, headers=auth_headers)
    assert status == 200
    assert data["termijnen"] == new["termijnen"] and data["ziektedag"] == new["ziektedag"] == 97


@pytest.mark.parametrize(
    "body, fragment",
    [
        (dict(REVIEW, ziek_na_verlof="ja"), "true of false"),
        # not sick right after a leave that is over: that sickness does not count (7:629 lid 10)
        (dict(REVIEW, peildatum="2027-05-01", ziek_na_verlof=False), "begint de telling opnieuw"),
    ],
)
def test_bad_leave_input_gets_a_dutch_422(api_url, auth_headers, body, fragment):
    status, data = call(f"{api_url}/v1/tijdlijn", body=body, headers=auth_headers)
    assert status == 422 and fragment in data["fout"]


# --- one input record: the API body, the CLI options and the OpenAPI schema name the same inputs --------------


def _openapi():
    from importlib import resources

    return json.loads(resources.files("poortwachter_faces").joinpath("openapi.json").read_text(encoding="utf-8"))


def test_the_api_the_cli_and_the_openapi_document_take_the_same_inputs():
    from poortwachter import VELDEN
    from poortwachter_faces.api import FIELDS
    from poortwachter_faces.cli import build_parser

    documented = set(_openapi()["components"]["schemas"]["TijdlijnVerzoek"]["properties"])
    assert set(FIELDS) == documented == set(VELDEN)
    tijdlijn = build_parser()._subparsers._group_actions[0].choices["tijdlijn"]  # noqa: SLF001 (argparse has no API)
    options = {action.dest for action in tijdlijn._actions} - {"help", "json"}  # noqa: SLF001
    renamed = {"eerdere_periode": "eerdere_perioden"}  # one flag per period, given more than once
    assert {renamed.get(o, o) for o in options} == set(VELDEN)


def test_every_status_the_api_sends_on_the_timeline_is_documented():
    responses = _openapi()["paths"]["/v1/tijdlijn"]["post"]["responses"]
    # 408: a request that did not arrive whole within POORTWACHTER_API_TIMEOUT (tests/api/test_api_timeouts.py).
    assert {"200", "400", "401", "408", "411", "413", "415", "422", "500"} <= set(responses)
    assert responses["408"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Fout"}
    assert "POORTWACHTER_API_TIMEOUT" in responses["408"]["description"]
