"""Whether a message names our subject: illness, or a term of re-integration (components/onderwerp.py).

One row per case, with why. A message that names neither is not refused by this check alone: AnswerRanking
only asks a weak fixed answer to make way (tests/components/test_answer_ranking.py).
"""

from __future__ import annotations

import pytest

from components.onderwerp import mentions_onderwerp

NAMES_IT = [
    ("ik ben al drie weken ziek", "illness itself"),
    ("Mijn werknemer heeft zich ziekgemeld", "a compound with ziek"),
    ("hoe zit het met ziekteverzuim in de zomer", "verzuim inside a compound"),
    ("Is een burn-out een reden voor ontslag?", "a named condition"),
    ("ik zit al maanden thuis met rugklachten", "the way many say they are off sick"),
    ("wat doet de bedrijfsarts precies", "the doctor of re-integration"),
    ("moet ik naar de arts van de arbodienst", "abbreviation as a word of its own"),
    ("wat is tweesporenbeleid", "a term inside a compound"),
    ("Wanneer moet de WIA-aanvraag de deur uit?", "abbreviation before a hyphen"),
    ("wat staat er in het pva", "abbreviation in lower case"),
    ("wat is een deskundigen oordeel van het UWV", "the law's term written apart"),
    ("Mag ik op vakantie tijdens mijn re-integratie?", "re-integration with a hyphen"),
    ("wat gebeurt er na 104 weken", "the end of the waiting time"),
    ("wat is een slapend dienstverband", "the term for after two years"),
    ("Wordt mijn loon doorbetaald?", "continued pay"),
    ("moet ik passend werk accepteren", "passend werk"),
    ("Kan ik een second opinion vragen?", "second opinion"),
    ("ZIEK", "case does not matter"),
    ("ik heb een blessure opgelopen bij het voetballen", "an injury"),
    ("Mag de bedrijfsarts mijn diagnose doorgeven? Ik ben geërgerd", "accents do not matter"),
]
DOES_NOT = [
    ("Wat zijn mijn rechten bij ontslag als gevolg van reorganisatie?", "dismissal without illness"),
    ("Als ik een WW-uitkering krijg, moet ik dan werk onder mijn niveau accepteren?", "unemployment"),
    ("Hoeveel ouderschapsverlof krijg ik?", "leave for parents"),
    ("Mag mijn werkgever mij verplichten een training te volgen?", "training"),
    ("Ik wil dat een deel van mijn personeel een communicatietraining gaat volgen", "iva inside a word"),
    ("Hoe vraag ik mijn vakantiegeld aan?", "holiday pay"),
    ("de motivatie van mijn team is laag", "iva inside motivatie"),
    ("we starten morgen met het startsein", "arts inside startsein"),
    ("ik werd gisteren gebeld", "erd inside werd"),
    ("wat is de drive van mijn collega", "riv inside drive"),
    ("", "empty"),
]


@pytest.mark.parametrize("text, why", NAMES_IT)
def test_a_message_that_names_the_subject(text, why):
    assert mentions_onderwerp(text), why


@pytest.mark.parametrize("text, why", DOES_NOT)
def test_a_message_that_does_not(text, why):
    assert not mentions_onderwerp(text), why


def test_no_text_at_all():
    assert not mentions_onderwerp(None)
