"""A crisis message in the middle of the guide's questions is never taken as an answer (issue #25).

Rasa runs the active form before any rule: the form's validation sees the message first. If it
took "ik ben sinds 3 maart ziek en ik zie het niet meer zitten" as the answer to "wat was je
eerste ziektedag?" (or said "Ik heb een datum nodig"), the form would go on with its next
question and the crisis rule (data/rules/crisis.yml) would never answer. The validation must
extract nothing and say nothing, so the form rejects and utter_crisis comes first.
"""

from __future__ import annotations

import pytest

from actions.guide_form import ValidateGuideForm
from helpers import make_tracker, slot_events

FORM = "guide_form"
SLOTS_BEFORE = {
    "eerste_ziektedag": {"vraag": "spoor"},
    "advies": {"vraag": "spoor", "eerste_ziektedag": "2026-09-01"},
    "situatie": {"vraag": "spoor", "eerste_ziektedag": "2026-09-01", "advies": "eigen_werk"},
    "einde_dienstverband": {
        "vraag": "spoor",
        "eerste_ziektedag": "2026-09-01",
        "advies": "eigen_werk",
        "situatie": "ziek_uit_dienst",
    },
}


@pytest.mark.parametrize(
    "requested, text",
    [
        ("eerste_ziektedag", "ik zie het niet meer zitten"),
        ("eerste_ziektedag", "ik ben sinds 3 maart ziek en ik zie het niet meer zitten"),
        ("advies", "eigen werk, maar ik wil er niet meer zijn"),
        ("situatie", "mijn contract loopt af en ik wil dood"),
        ("einde_dienstverband", "30 juni 2027, en ik heb suïcidale gedachten"),
    ],
)
async def test_a_crisis_message_answers_no_question(dispatcher, domain, requested, text):
    tracker = make_tracker(text, "crisis", requested_slot=requested, form=FORM, slots=SLOTS_BEFORE[requested])
    events = await ValidateGuideForm().run(dispatcher, tracker, domain)
    filled = {name: value for name, value in slot_events(events).items() if name != "requested_slot"}
    assert filled == {}, "the form must reject, so the crisis rule answers first"
    assert dispatcher.messages == [], "nothing may come before the help (no 'Ik heb een datum nodig')"
