"""Command line: `poortwachter tijdlijn …` prints a Dutch overview or the JSON contract;
`poortwachter dossiercheck …` checks the documents of a re-integration file (the same case options,
plus `--document NAAM=JJJJ-MM-DD`).

Exit status 2 with a Dutch message on bad input; never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from typing import Sequence
from zoneinfo import ZoneInfo

from poortwachter.advies import ADVIES_LABELS, SPOOR_LABELS, Advies
from poortwachter.dossiercheck import (
    DOCUMENTEN,
    STATUS_LABELS,
    NIET_GEDAAN,
    ONBEKEND,
    DocumentStatus,
    Dossiercheck,
    UnknownDocumentError,
    check_dossier,
)
from poortwachter.errors import PoortwachterError
from poortwachter.formatting import datum_nl
from poortwachter.invoer import Invoer
from poortwachter.parsing import parse_iso_date, parse_period, parse_periods
from poortwachter.results import TermijnStatus, Tijdlijn
from poortwachter.tijdlijn import compute_tijdlijn_for

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
EXIT_BAD_INPUT = 2


def today_in_amsterdam() -> date:
    return datetime.now(AMSTERDAM).date()


class _DutchArgumentParser(argparse.ArgumentParser):
    """argparse that reports usage errors in Dutch and exits with status 2."""

    def error(self, message: str) -> None:  # pragma: no cover - exercised through main()
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"poortwachter: ongeldige invoer: {message}\n")


def _add_case_options(parser: argparse.ArgumentParser) -> None:
    """The options of one case (the input record, poortwachter/invoer.py), shared by every command."""
    parser.add_argument(
        "--eerste-ziektedag",
        required=True,
        help="eerste dag van de huidige ziekte, JJJJ-MM-DD (mag vóór of in het zwangerschapsverlof liggen)",
    )
    parser.add_argument("--peildatum", help="datum waarop je kijkt (standaard: vandaag, Europe/Amsterdam)")
    parser.add_argument(
        "--advies", default=Advies.ONBEKEND.value, help="advies bedrijfsarts: " + ", ".join(a.value for a in Advies)
    )
    parser.add_argument(
        "--eerdere-periode",
        action="append",
        default=[],
        metavar="BEGIN:EINDE",
        help="eerdere ziekteperiode, bv. 2025-01-06:2025-02-01 (mag vaker)",
    )
    parser.add_argument("--verlenging-weken", type=int, help="vrijwillige verlenging in weken (minstens 13)")
    parser.add_argument("--perspectief-binnen-3-maanden", choices=["ja", "nee"])
    parser.add_argument("--probleemanalyse-datum", help="datum van de probleemanalyse, als die er is")
    parser.add_argument("--eerstejaarsevaluatie-datum", help="datum van de eerstejaarsevaluatie, als die er is")
    parser.add_argument("--einde-dienstverband", help="laatste dag van het dienstverband (ziek uit dienst), JJJJ-MM-DD")
    parser.add_argument(
        "--eigenrisicodrager-zw", action="store_true", help="de (ex-)werkgever is eigenrisicodrager Ziektewet"
    )
    parser.add_argument("--geboortedatum", help="geboortedatum, voor de AOW-leeftijd (JJJJ-MM-DD)")
    parser.add_argument(
        "--zwangerschapsverlof",
        metavar="BEGIN:EINDE",
        help="zwangerschaps- en bevallingsverlof, ook een verwacht verlof (planning); de ziekte vóór en direct na "
        "het verlof telt samen en de weken van het verlof tellen niet",
    )
    parser.add_argument(
        "--ziek-na-verlof",
        choices=["ja", "nee"],
        help="ziek direct na het verlof, door dezelfde oorzaak (zonder deze optie: aangenomen)",
    )
    parser.add_argument(
        "--ziekte-door-zwangerschap", action="store_true", help="de ziekte komt door de zwangerschap of bevalling"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _DutchArgumentParser(
        prog="poortwachter",
        description="Termijnen en spoor onder de Wet verbetering Poortwachter.",
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_DutchArgumentParser)
    tijdlijn = sub.add_parser("tijdlijn", help="ziekteweek, spoor, termijnen en stappen")
    _add_case_options(tijdlijn)
    tijdlijn.add_argument("--json", action="store_true", help="uitvoer als JSON")

    dossiercheck = sub.add_parser(
        "dossiercheck",
        help="controleer het re-integratiedossier: per stuk op tijd, te laat, ontbreekt of nog niet nodig",
    )
    _add_case_options(dossiercheck)
    dossiercheck.add_argument(
        "--document",
        action="append",
        default=[],
        metavar="NAAM=DATUM",
        help=f"een stuk met zijn datum (JJJJ-MM-DD), of NAAM={NIET_GEDAAN} of NAAM={ONBEKEND}; mag vaker. "
        f"Namen: {', '.join(DOCUMENTEN)}",
    )
    dossiercheck.add_argument("--json", action="store_true", help="uitvoer als JSON")

    serve = sub.add_parser("serve", help="HTTP JSON-API voor HR-systemen (token: POORTWACHTER_API_TOKEN)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8088)
    return parser


def tijdlijn_from_args(args: argparse.Namespace) -> Tijdlijn:
    return compute_tijdlijn_for(invoer_from_args(args))


def invoer_from_args(args: argparse.Namespace) -> Invoer:
    """The case from the command's options; a malformed date raises a PoortwachterError."""
    optional_date = lambda value, name: parse_iso_date(value, name) if value else None  # noqa: E731
    yes_no = {"ja": True, "nee": False, None: None}
    return Invoer(
        eerste_ziektedag=parse_iso_date(args.eerste_ziektedag, "eerste ziektedag"),
        peildatum=optional_date(args.peildatum, "peildatum") or today_in_amsterdam(),
        advies=args.advies,
        eerdere_perioden=tuple(parse_periods(args.eerdere_periode)),
        verlenging_weken=args.verlenging_weken,
        perspectief_binnen_3_maanden=yes_no[args.perspectief_binnen_3_maanden],
        probleemanalyse_datum=optional_date(args.probleemanalyse_datum, "datum van de probleemanalyse"),
        eerstejaarsevaluatie_datum=optional_date(args.eerstejaarsevaluatie_datum, "datum van de eerstejaarsevaluatie"),
        einde_dienstverband=optional_date(args.einde_dienstverband, "laatste dag van het dienstverband"),
        eigenrisicodrager_zw=args.eigenrisicodrager_zw,
        geboortedatum=optional_date(args.geboortedatum, "geboortedatum"),
        zwangerschapsverlof=parse_period(args.zwangerschapsverlof) if args.zwangerschapsverlof else None,
        ziekte_door_zwangerschap=args.ziekte_door_zwangerschap,
        ziek_na_verlof=yes_no[args.ziek_na_verlof],
    )


def documents_from_args(values: Sequence[str]) -> dict[str, str]:
    """`--document NAAM=WAARDE` options as the rules' mapping; the rules check names and dates."""
    documenten: dict[str, str] = {}
    for value in values:
        naam, is_teken, waarde = value.partition("=")
        if not is_teken or not naam.strip() or not waarde.strip():
            raise UnknownDocumentError(
                f"'{value[:60]}' is geen document met datum. Gebruik NAAM=JJJJ-MM-DD, bijvoorbeeld "
                "probleemanalyse=2025-04-10."
            )
        if naam.strip() in documenten:
            raise UnknownDocumentError(f"Het document '{naam.strip()[:40]}' staat twee keer in de invoer.")
        documenten[naam.strip()] = waarde.strip()
    return documenten


# Late and missing shout in a terminal; the words are the rules package's.
_STATUS_TEKST = {
    status: label.upper() if status in (DocumentStatus.TE_LAAT, DocumentStatus.ONTBREEKT) else label
    for status, label in STATUS_LABELS.items()
}


def render_dossiercheck(check: Dossiercheck) -> str:
    t = check.tijdlijn
    lines = [
        "Dossiercheck Wet verbetering Poortwachter",
        f"Peildatum:        {datum_nl(check.peildatum)}",
        f"Eerste ziektedag: {datum_nl(t.eerste_ziektedag)} (ziekteweek {t.ziekteweek.waarde})",
        "",
        f"Oordeel: {check.oordeel_uitleg}",
        "",
        "Stukken:",
    ]
    for d in check.documenten.values():
        status = "vervalt" if d.vervalt else _STATUS_TEKST[d.status]
        when = f", uiterlijk {datum_nl(d.uiterlijk)}" if d.uiterlijk else ""
        lines.append(f"- {d.titel}: {status}{when}")
        lines.append(f"    {d.gevolg}")
        if d.status in (DocumentStatus.TE_LAAT, DocumentStatus.ONTBREEKT):
            lines.append(f"    Wat nu: {d.actie}")
        lines.append(f"    Bron: {d.bron.citation()}")
    lines += ["", "Wat deze check niet kan zien:"] + [f"- {item}" for item in check.niet_te_controleren]
    return "\n".join(lines)


def render_text(t: Tijdlijn) -> str:
    status_label = {
        TermijnStatus.VERSTREKEN: "verstreken",
        TermijnStatus.VANDAAG: "VANDAAG",
        TermijnStatus.KOMEND: "komt nog",
    }
    lines = [
        "Poortwachter-overzicht",
        f"Peildatum:        {datum_nl(t.peildatum)}",
        f"Eerste ziektedag: {datum_nl(t.eerste_ziektedag)}",
        f"Advies:           {ADVIES_LABELS[t.advies]}",
        f"Ziektedag {t.ziektedag.waarde}, ziekteweek {t.ziekteweek.waarde}.",
        f"Situatie: {t.situatie.tekst}",
        f"Spoor: {SPOOR_LABELS[t.spoor.waarde]}",
        f"  Waarom: {t.spoor.uitleg} ({t.spoor.bron.citation()})",
        "",
        "Termijnen:",
    ]
    for d in t.termijnen.values():
        when = datum_nl(d.datum) if d.datum else ("vervalt" if d.vervalt else "n.v.t.")
        status = f" [{status_label[d.status]}]" if d.status else ""
        moved = " (later door het verlof)" if d.verschoven_door_verlof else ""
        lines.append(f"- {d.titel}: {when}{status}{moved}")
        lines.append(f"    {d.regel}; bron: {d.bron.citation()}")
    if t.waarschuwingen:
        lines += ["", "Let op:"] + [f"! {w.tekst}" for w in t.waarschuwingen]
    if t.stappen:
        lines += ["", "Volgende stappen:"]
        for number, stap in enumerate(t.stappen, 1):
            when = f" (uiterlijk {datum_nl(stap.datum)})" if stap.datum else ""
            lines.append(f"{number}. {stap.titel}{when} — {stap.wie}")
    if t.opmerkingen:
        lines += [""] + [f"Opmerking: {o}" for o in t.opmerkingen]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "serve":
        from .api import serve  # the HTTP layer is only loaded when asked for

        return serve(args.host, args.port, today_in_amsterdam)
    if args.command == "dossiercheck":
        return _dossiercheck(args)
    try:
        tijdlijn = tijdlijn_from_args(args)
    except PoortwachterError as error:
        print(f"poortwachter: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.json:
        print(json.dumps(tijdlijn.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_text(tijdlijn))
    return 0


def _dossiercheck(args: argparse.Namespace) -> int:
    try:
        check = check_dossier(invoer_from_args(args), documents_from_args(args.document))
    except PoortwachterError as error:
        print(f"poortwachter: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.json:
        print(json.dumps(check.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_dossiercheck(check))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
