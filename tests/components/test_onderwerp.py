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
    ("ik zit al maanden thuis", "the way many say they are off sick"),
    ("ik heb last van rugklachten", "a complaint inside a compound"),
    ("Mijn werknemer is thuis met een depressie", "a medical detail (privacy/medical.py)"),
    ("hoe lang duurt een re‑integratie", "a non-breaking hyphen"),
    ("re\u00adintegratie bij een andere werkgever", "a soft hyphen"),
    ("wat is de 42-wekenmelding", "the 42nd week with a hyphen"),
    ("ik zit in de wao, wat nu", "an old law's abbreviation"),
    ("reïntegratie bij een andere werkgever", "accents do not matter"),
    ("een bedrijfsongeluk op de bouw", "an accident at work"),
    ("ik ben zwanger en heb veel last", "pregnancy"),
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
    ("telt deels werken als beter", "working part of the hours while recovering"),
    ("Mag ik gedeeltelijk aan het werk?", "the same, as the answer's title says it"),
    ("kan ik halve dagen werken", "the same in hours"),
    ("biedt mijn werkgever aangepast werk aan", "adjusted work, a step of re-integration"),
]
DOES_NOT = [
    ("Wat zijn mijn rechten bij ontslag als gevolg van reorganisatie?", "dismissal without illness"),
    ("Als ik een WW-uitkering krijg, moet ik dan werk onder mijn niveau accepteren?", "unemployment"),
    ("Hoeveel ouderschapsverlof krijg ik?", "leave for parents"),
    ("Mag mijn werkgever mij verplichten een training te volgen?", "training"),
    ("Ik wil dat een deel van mijn personeel een communicatietraining gaat volgen", "a course"),
    ("hoe kan ik zijn adres opsporen", "spoor inside opsporen"),
    ("ik voel me ongelukkig in mijn team", "ongeluk inside ongelukkig"),
    ("wat gebeurt er bij verdere integratie van de afdelingen", "integratie without re-"),
    ("ik werk thuis, mag dat", "working from home"),
    ("ik zit vaak thuiswerken", "thuiswerken is not off sick"),
    ("Hoe vraag ik mijn vakantiegeld aan?", "holiday pay"),
    ("de motivatie van mijn team is laag", "iva inside motivatie"),
    ("we starten morgen met het startsein", "arts inside startsein"),
    ("ik werd gisteren gebeld", "erd inside werd"),
    ("wat is de drive van mijn collega", "riv inside drive"),
    ("ik ben deels werkloos", "partly unemployed is not partly working"),
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
