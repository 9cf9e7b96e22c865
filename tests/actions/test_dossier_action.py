"""'Download als PDF' in the chat: the PDF built from the conversation's slots, only where it can be saved."""

from __future__ import annotations

import base64
import io

from helpers import make_tracker
from pypdf import PdfReader

from actions.dossier import NOTHING_YET, ONLY_IN_WEB_CHAT, ActionDownloadPdf

SLOTS = {"eerste_ziektedag": "2026-03-02", "advies": "aangepast_werk", "situatie": "standaard"}


async def test_the_web_chat_gets_the_pdf_of_this_conversation(dispatcher, domain):
    tracker = make_tracker("/download_pdf", "download_pdf", channel="rest", slots=SLOTS)
    await ActionDownloadPdf().run(dispatcher, tracker, domain)
    payload = next(m["custom"] for m in dispatcher.messages if m.get("custom"))
    assert payload["type"] == "spoorwijzer_pdf" and payload["bestandsnaam"].endswith(".pdf")
    pdf = base64.b64decode(payload["pdf_base64"])
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "2 maart 2026" in text  # the first sick day the user gave
    assert "Ziekteweek 39" in " ".join(text.split())  # 2 March to 23 November 2026: day 267


async def test_slack_is_told_where_to_get_it(dispatcher, domain):
    tracker = make_tracker("/download_pdf", "download_pdf", channel="slack", slots=SLOTS)
    await ActionDownloadPdf().run(dispatcher, tracker, domain)
    assert [m.get("text") for m in dispatcher.messages] == [ONLY_IN_WEB_CHAT]


async def test_without_a_first_sick_day_there_is_nothing_to_download(dispatcher, domain):
    tracker = make_tracker("/download_pdf", "download_pdf", channel="rest")
    await ActionDownloadPdf().run(dispatcher, tracker, domain)
    assert [m.get("text") for m in dispatcher.messages] == [NOTHING_YET]
