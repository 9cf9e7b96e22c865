"""Spot medical details in a message, so the assistant can say it does not need them.

The assistant never asks for a diagnosis; this list only decides whether to add a
short privacy notice. It is deliberately broad: a false positive costs one
friendly sentence.
"""
from __future__ import annotations

import re

_MEDICAL = re.compile(
    r"\b(burn[- ]?out|overspannen|overspannenheid|depressie|depressief|angststoornis|paniekaanval\w*|"
    r"ptss|kanker|tumor|chemo\w*|bestraling\w*|operatie|geopereerd|hernia|whiplash|hartinfarct|"
    r"hartaanval|beroerte|herseninfarct|long ?covid|covid|corona|diabetes|reuma|artrose|migraine|"
    r"ms|adhd|autisme|psychose|verslaving|diagnose|medicijn\w*|antidepressiva|psycholoog|psychiater|"
    r"ziekenhuis\w*|fysiotherap\w*|gebroken|breuk|fractuur|rugklachten|rugpijn|knieblessure|"
    r"zwangerschapsklachten|miskraam)\b",
    re.IGNORECASE,
)


def mentions_medical_details(text: str | None) -> bool:
    return bool(text and _MEDICAL.search(text))
