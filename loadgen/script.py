"""The conversation each simulated user has: every turn runs custom actions.

Dates are relative to today, so the script behaves the same on any day it runs.
"""

from __future__ import annotations

from datetime import date, timedelta

from poortwachter import datum_nl


def employee_turns(today: date | None = None) -> list[str]:
    """Seven turns of an employee's decision-guide conversation (form, advice, deadlines, FAQ)."""
    eerste_ziektedag = datum_nl((today or date.today()) - timedelta(days=400))
    return [
        "hallo",
        "in welk spoor zit ik?",
        eerste_ziektedag,
        '/inform_advies{"advies": "aangepast_werk"}',
        "nee",  # the 3-month outlook question near the eerstejaarsevaluatie (or a plain "no")
        "wanneer moet ik de wia aanvragen?",
        "wat is een plan van aanpak?",
    ]
