"""Map how people describe the bedrijfsarts advice to the rules package's advice codes.

Used when the NLU entity is missing or is not a code. Ordered from the most to the
least specific, because "blijvend geen werk" also contains "werk".
"""

from __future__ import annotations

import re

from poortwachter import Advies

_PATTERNS: list[tuple[Advies, str]] = [
    (
        Advies.DUURZAAM_GEEN_MOGELIJKHEDEN,
        r"blijvend geen|duurzaam geen|nooit meer (kan |kunnen |zal )?werken|herstel (is )?uitgesloten|geen herstel|iva",
    ),
    (
        Advies.TIJDELIJK_GEEN_MOGELIJKHEDEN,
        r"(tijdelijk|nu|voorlopig|even|helemaal) geen|geen benutbare|nog niet (kan |kunnen )?werken|"
        r"kan (nu |op dit moment |helemaal )?niet werken|volledig arbeidsongeschikt|100 ?% ziek|(eerst|vooral|alleen) rust",
    ),
    (
        Advies.GEEN_PERSPECTIEF_EIGEN_WERKGEVER,
        r"geen (passend )?werk (meer )?(bij|binnen)|niet (meer )?terug (kan |kunnen )?(bij|naar) (mijn|de|zijn|haar|onze|eigen)|"
        r"andere werkgever|ander bedrijf|buiten (het|ons|mijn) bedrijf|geen perspectief|spoor 2|tweede spoor",
    ),
    (Advies.ANDER_WERK_EIGEN_WERKGEVER, r"ander(e)? (werk|functie|baan|taken elders)|andere afdeling|intern ander"),
    (
        Advies.AANGEPAST_WERK,
        r"aangepast|minder uren|halve dagen|opbouw|opbouwen|deels|gedeeltelijk|lichter werk|andere taken|"
        r"therapeutisch|paar uur|uren uitbreiden|\buur per (dag|week)|\bdagen per week",
    ),
    (
        Advies.EIGEN_WERK,
        r"eigen werk|terug naar (mijn|zijn|haar) werk|gewoon (weer )?terug|volledig herstel|beter melden|"
        r"mijn (oude )?functie",
    ),
    (
        Advies.ONBEKEND,
        r"weet (ik |het |hij |zij |ze |we |wij )?(\w+ )?(nog )?niet|geen idee|nog geen (advies|uitspraak|oordeel)|"
        r"onbekend|nog niet (bekend|duidelijk|gezegd|gesproken|gezien|geweest)|nog niet (bij|naar|langs) de bedrijfsarts|"
        r"moet nog (naar|langs)|niet gezegd|onduidelijk|kan (het )?nog niet zeggen|afwachten|geen flauw idee|"
        r"geen advies gehad|(nog )?niet gesproken",
    ),
]


def advies_from_text(text: str | None) -> Advies | None:
    """The advice code a free-text description points to, or None when it is unclear."""
    if not text:
        return None
    lowered = text.lower().strip()
    try:
        return Advies(lowered)
    except ValueError:
        pass
    for code, pattern in _PATTERNS:
        if re.search(pattern, lowered):
            return code
    return None
