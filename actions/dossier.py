"""'Download als PDF': the personal overview as a PDF for the re-integration dossier.

Built only when asked (not on every answer), from the same slots as the answer, by
the PDF face of the rules (poortwachter_faces/pdf.py). The web chat gets it as a
custom payload that the widget saves as a file; other channels are told where to
get it, because a chat message cannot carry a file there.
"""

from __future__ import annotations

import base64
from datetime import datetime
from typing import List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from poortwachter_faces.pdf import FILENAME, dossier_pdf

from .calculation import tijdlijn_or_explain
from .tracker_helpers import AMSTERDAM, WIDGET_CHANNELS, in_shared_channel

PAYLOAD_TYPE = "spoorwijzer_pdf"
ONLY_IN_WEB_CHAT = (
    "Een PDF kan ik alleen in de webchat meegeven. HR-systemen krijgen hetzelfde overzicht als PDF via de "
    "HR-API (POST /v1/tijdlijn met Accept: application/pdf)."
)
NOTHING_YET = "Ik heb nog geen persoonlijk overzicht gemaakt. Vraag eerst 'welke termijnen komen eraan?'."


class ActionDownloadPdf(Action):
    def name(self) -> Text:
        return "action_download_pdf"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        if in_shared_channel(tracker) or tracker.get_latest_input_channel() not in WIDGET_CHANNELS:
            dispatcher.utter_message(text=ONLY_IN_WEB_CHAT)
            return []
        if not tracker.get_slot("eerste_ziektedag"):
            dispatcher.utter_message(text=NOTHING_YET)
            return []
        tijdlijn, resets = tijdlijn_or_explain(dispatcher, tracker)
        if tijdlijn is None:
            return resets
        pdf = dossier_pdf(tijdlijn, datetime.now(AMSTERDAM))
        dispatcher.utter_message(text="Hier is het overzicht als PDF, voor het re-integratiedossier.")
        dispatcher.utter_message(
            json_message={
                "type": PAYLOAD_TYPE,
                "bestandsnaam": FILENAME,
                "pdf_base64": base64.b64encode(pdf).decode("ascii"),
            }
        )
        return []
