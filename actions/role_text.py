"""Who is writing: HR (or another employer role) or the employee, from the words of a message.

The NLU entity `rol` catches the buttons and short answers; these patterns catch the role in a
longer message ("mijn medewerker is sinds 3 maart ziek"). The codes are the slot's (`rol`).
"""

from __future__ import annotations

import re
from typing import Optional

ROLE_CODES = {"hr": "werkgever", "werkgever": "werkgever", "werknemer": "werknemer"}  # rol entity -> rol slot

_HR_HINTS = re.compile(
    r"\b(mijn|onze|een) (werknemer|medewerker|medewerkster|collega van ons|personeelslid)\b|"
    r"\bik werk (bij|op|als|voor) (de |het )?(hr|p&o|personeelszaken|hrm|afdeling personeel)\b|"
    r"\b(als|ik ben|wij zijn) (de )?(werkgever|hr|casemanager|leidinggevende|p&o)\b|\bwerknemer van ons\b|"
    r"\b(hij|zij|ze) is (al )?(sinds|vanaf)\b",
    re.IGNORECASE,
)
_EMPLOYEE_HINTS = re.compile(r"\b(ik ben (de )?werknemer|ik ben zelf ziek|als werknemer)\b", re.IGNORECASE)


def role_from_text(text: str) -> Optional[str]:
    if _EMPLOYEE_HINTS.search(text):
        return "werknemer"
    if _HR_HINTS.search(text):
        return "werkgever"
    return None
