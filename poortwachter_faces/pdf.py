"""The timeline as a PDF for the re-integration dossier (web chat and HR API).

One A4 document: when it was made, the inputs it was computed from, the sick week,
the track with its reason, every deadline with its date, week, status, who acts and
the legal source, the warnings, and the disclaimer. Presentation only: every fact
comes from the Tijdlijn the rules computed. Built with fpdf2 in memory (no file, no
network), with the PDF core font Helvetica, so no font has to be installed; the few
characters outside its Latin-1 set are written the plain way ("—" as "-").
"""

from __future__ import annotations

from datetime import datetime
from typing import Callable

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from poortwachter import bronnen
from poortwachter.advies import ADVIES_LABELS, SPOOR_LABELS
from poortwachter.counting import Periode
from poortwachter.formatting import datum_nl, duur_nl
from poortwachter.parameters import PERSPECTIEF_TERUGKEER
from poortwachter.results import Termijn, TermijnStatus, Tijdlijn
from poortwachter.situatie import REGIME_LABELS, Regime

FILENAME = "spoorwijzer-overzicht.pdf"
DISCLAIMER = (
    "Dit overzicht is algemene informatie, berekend door Spoorwijzer op basis van de wet en het beleid van UWV. "
    "Het is geen persoonlijk juridisch advies. Een cao, afspraken in het bedrijf of een besluit van UWV kunnen "
    "andere data geven. Bespreek de termijnen met de bedrijfsarts, de arbodienst of de casemanager."
)
STATUS = {TermijnStatus.VERSTREKEN: "voorbij", TermijnStatus.VANDAAG: "vandaag", TermijnStatus.KOMEND: "komt nog"}
_PLAIN = str.maketrans(
    {
        "—": "-",
        "–": "-",
        "‘": "'",
        "’": "'",
        "“": '"',
        "”": '"',
        "…": "...",
        "•": "-",
        "é": "é",
        "\u00a0": " ",
        "≥": ">=",
        "≤": "<=",
    }
)


def _plain(text: str) -> str:
    """Text the core font can write: Markdown bold removed, typographic signs made plain."""
    text = text.replace("**", "").replace("⚠️", "Let op:").translate(_PLAIN)
    return text.encode("latin-1", "replace").decode("latin-1")


def _ja_nee(value: object) -> str:
    return "ja" if value else "nee"


def _periode(p: Periode) -> str:
    return f"{datum_nl(p.begin)} t/m {datum_nl(p.einde)}"


# Every input of the record (invoer.py) with its label and how its value is written; a test checks that
# none is missing, so an input that moves dates can never be left out of the dossier again.
INPUT_LABELS: dict[str, tuple[str, Callable[[object], str]]] = {
    "eerste_ziektedag": ("Eerste ziektedag", datum_nl),
    "peildatum": ("Peildatum", datum_nl),
    "advies": ("Advies van de bedrijfsarts", lambda advies: ADVIES_LABELS[advies]),
    "eerdere_perioden": ("Eerdere ziekteperioden", lambda perioden: "; ".join(_periode(p) for p in perioden)),
    "verlenging_weken": ("Vrijwillige verlenging van de loondoorbetaling", lambda weken: f"{weken} weken"),
    "perspectief_binnen_3_maanden": (
        f"Concreet perspectief op terugkeer binnen {PERSPECTIEF_TERUGKEER.tekst()}",
        _ja_nee,
    ),
    "probleemanalyse_datum": ("Probleemanalyse gemaakt op", datum_nl),
    "eerstejaarsevaluatie_datum": ("Eerstejaarsevaluatie gehouden op", datum_nl),
    "einde_dienstverband": ("Laatste dag van het contract", datum_nl),
    "eigenrisicodrager_zw": ("Eigenrisicodrager Ziektewet", _ja_nee),
    "geboortedatum": ("Geboortedatum", datum_nl),
    "zwangerschapsverlof": ("Zwangerschaps- en bevallingsverlof", _periode),
    "ziekte_door_zwangerschap": ("Ziek door de zwangerschap of de bevalling", _ja_nee),
    "ziek_na_verlof": ("Direct na het verlof nog ziek, door dezelfde oorzaak", _ja_nee),
}


def inputs_used(t: Tijdlijn) -> list[tuple[str, str]]:
    """The inputs the overview was computed from, as (label, value): every input given, then what the rules
    derived from them that a reader needs to check the dates (the merged case, the regime, the AOW date)."""
    rows = []
    if t.invoer is not None:
        for name, value in t.invoer.gegeven().items():
            label, written = INPUT_LABELS[name]
            rows.append((label, written(value)))
        if t.invoer.zwangerschapsverlof is not None and t.verlof is not None and t.verlof.aanname:
            rows.append((INPUT_LABELS["ziek_na_verlof"][0], "niet opgegeven; aangenomen: ja"))
    if t.invoer is None or t.eerste_ziektedag != t.invoer.eerste_ziektedag:  # merged, or counted after a leave
        rows.append(("Begin van het ziektegeval dat telt", datum_nl(t.eerste_ziektedag)))
    if t.geval.eerdere:
        rows.append(
            (
                "Ziekteperioden die meetellen",
                "; ".join(_periode(p) for p in t.geval.eerdere) + f"; vanaf {datum_nl(t.geval.huidige_start)}",
            )
        )
    situatie = t.situatie
    rows.append(("Situatie", REGIME_LABELS[situatie.regime]))
    if situatie.aow_datum:
        rows.append(("AOW-leeftijd bereikt op", datum_nl(situatie.aow_datum)))
    if t.gepland:
        rows.append(("Planning", "het verlof is nog niet voorbij: de data na het verlof zijn verwachte data"))
    return rows


def _status(d: Termijn) -> str:
    if d.vervalt:
        return "vervalt"
    return STATUS.get(d.status, "-")


class _Document(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", size=8)
        self.cell(0, 6, _plain(f"Spoorwijzer - pagina {self.page_no()}/{{nb}}"), align="C")


def dossier_pdf(t: Tijdlijn, made_at: datetime) -> bytes:
    """The overview of `t` as PDF bytes; `made_at` is printed as the moment it was made."""
    pdf = _Document(format="A4")
    pdf.set_title("Spoorwijzer - overzicht Poortwachter-termijnen")
    pdf.set_author("Spoorwijzer")
    pdf.set_creation_date(made_at)
    pdf.set_auto_page_break(auto=True, margin=16)
    pdf.add_page()
    width = pdf.epw

    def heading(text: str, size: int = 13) -> None:
        pdf.ln(2)
        pdf.set_font("Helvetica", "B", size)
        pdf.multi_cell(width, 7, _plain(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font("Helvetica", size=10)

    def paragraph(text: str) -> None:
        pdf.multi_cell(width, 5, _plain(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    heading("Spoorwijzer - overzicht Wet verbetering Poortwachter", 16)
    paragraph(f"Gemaakt op {datum_nl(made_at.date())} om {made_at:%H:%M}. Stand op {datum_nl(t.peildatum)}.")

    heading("Gebruikte gegevens")
    with pdf.table(col_widths=(70, 110), first_row_as_headings=False, text_align="LEFT") as table:
        for label, value in inputs_used(t):
            table.row([_plain(label), _plain(value)])

    heading("Stand")
    paragraph(f"Ziekteweek {t.ziekteweek.waarde} (ziektedag {t.ziektedag.waarde}).")
    paragraph(f"Spoor: {SPOOR_LABELS[t.spoor.waarde]}. {t.spoor.uitleg} (bron: {t.spoor.bron.citation()})")
    if t.situatie.regime is not Regime.STANDAARD:
        paragraph(f"Situatie: {t.situatie.tekst} Verantwoordelijk: {t.situatie.verantwoordelijke}.")

    heading("Termijnen")
    with pdf.table(col_widths=(46, 30, 12, 18, 24, 50), text_align="LEFT", line_height=4.5) as table:
        table.row(["Termijn", "Datum", "Week", "Status", "Wie", "Bron"])
        for d in t.termijnen.values():
            when = datum_nl(d.datum) if d.datum else "-"
            table.row([_plain(d.titel), when, str(d.week or "-"), _status(d), _plain(d.wie), _plain(d.bron.citation())])
    lapsed = [d for d in t.termijnen.values() if d.vervalt]
    for d in lapsed:
        paragraph(f"{d.titel}: {d.uitleg}")
    moved = [d.titel for d in t.termijnen.values() if d.verschoven_door_verlof]
    if moved and t.verlof is not None:
        paragraph(
            f"Later door het zwangerschaps- en bevallingsverlof ({duur_nl(t.verlof.dagen_later)}; de weken van het "
            f"verlof tellen niet mee, {bronnen.VERLOF_TELT_NIET.citation()}): {', '.join(moved)}."
        )

    if t.waarschuwingen or t.opmerkingen:
        heading("Let op")
        for w in t.waarschuwingen:
            paragraph(f"- {w.tekst} ({w.bron.citation()})")
        for note in t.opmerkingen:
            paragraph(f"- {note}")

    heading("Belangrijk")
    paragraph(DISCLAIMER)
    return bytes(pdf.output())
