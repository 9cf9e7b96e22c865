"""The dossier check as a one-page checklist PDF (HR API, `Accept: application/pdf`).

One A4 page: when it was made, the case in one line, the verdict, a row per document (status,
deadline, date, source), what to do now for every late or missing document, what the check cannot
see, and the disclaimer. Presentation only: every fact comes from the Dossiercheck the rules made.
Same tools as the timeline's PDF (pdf.py): fpdf2 in memory with the core font Helvetica, written
small enough that the fullest check still fits on one page (tests/api/test_dossiercheck_pdf.py).
"""

from __future__ import annotations

from datetime import datetime

from fpdf.enums import XPos, YPos

from poortwachter.dossiercheck import OORDEEL_LABELS, STATUS_LABELS, DocumentStatus, Dossiercheck, Oordeel
from poortwachter.formatting import datum_nl
from poortwachter.situatie import REGIME_LABELS

from .pdf import DISCLAIMER, _Document, _plain

FILENAME = "spoorwijzer-dossiercheck.pdf"


def _status(check) -> str:
    if check.vervalt:
        return "vervalt"
    text = STATUS_LABELS[check.status]
    if check.dagen_te_laat:
        text += f" ({check.dagen_te_laat} d)"
    return text


def checklist_pdf(check: Dossiercheck, made_at: datetime) -> bytes:
    """The checklist of `check` as PDF bytes; `made_at` is printed as the moment it was made."""
    pdf = _Document(format="A4")
    pdf.set_title("Spoorwijzer - dossiercheck Poortwachter")
    pdf.set_author("Spoorwijzer")
    pdf.set_creation_date(made_at)
    pdf.set_margins(14, 12, 14)
    pdf.set_auto_page_break(auto=True, margin=14)
    pdf.add_page()
    width = pdf.epw

    def heading(text: str, size: int = 10) -> None:
        pdf.ln(1)
        pdf.set_font("Helvetica", "B", size)
        pdf.multi_cell(width, 4.6, _plain(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font("Helvetica", size=8)

    def line(text: str) -> None:
        pdf.multi_cell(width, 3.5, _plain(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    heading("Spoorwijzer - dossiercheck Wet verbetering Poortwachter", 13)
    t = check.tijdlijn
    line(f"Gemaakt op {datum_nl(made_at.date())} om {made_at:%H:%M}. Stand op {datum_nl(check.peildatum)}.")
    if t is not None:
        line(
            f"Eerste ziektedag {datum_nl(t.eerste_ziektedag)}; ziekteweek {t.ziekteweek.waarde}; "
            f"situatie: {REGIME_LABELS[t.situatie.regime]}."
        )

    heading(f"Oordeel: {OORDEEL_LABELS[Oordeel(check.oordeel)]}")
    line(check.oordeel_uitleg)

    heading("Stukken")
    pdf.set_font("Helvetica", size=7)
    with pdf.table(
        col_widths=(46, 24, 24, 24, 64), text_align="LEFT", line_height=3.1, padding=0.6, first_row_as_headings=True
    ) as table:
        table.row(["Stuk", "Status", "Uiterlijk", "Datum", "Bron"])
        for d in check.documenten.values():
            table.row(
                [
                    _plain(d.titel),
                    _status(d),
                    datum_nl(d.uiterlijk) if d.uiterlijk else "-",
                    datum_nl(d.datum) if d.datum else ("weet niet" if d.opgegeven == "onbekend" else "-"),
                    _plain(d.bron.citation()),
                ]
            )

    pdf.set_font("Helvetica", size=8)
    todo = [d for d in check.documenten.values() if d.status in (DocumentStatus.TE_LAAT, DocumentStatus.ONTBREEKT)]
    if todo:
        heading("Wat nu")
        for d in todo:
            line(f"- {d.titel}: {d.actie}")
    komend = [
        d
        for d in check.documenten.values()
        if d.status is DocumentStatus.NOG_NIET_NODIG and d.verplicht and d.uiterlijk is not None
    ]
    if komend:
        eerst = min(komend, key=lambda d: d.uiterlijk)
        line(f"Volgende termijn: {eerst.titel}, uiterlijk {datum_nl(eerst.uiterlijk)}.")

    heading("Wat deze check niet kan zien")
    for item in check.niet_te_controleren:
        line(f"- {item}")

    heading("Belangrijk")
    line(DISCLAIMER)
    return bytes(pdf.output())
