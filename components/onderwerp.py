"""Whether a message is about our subject at all: being ill while you work, and re-integration (issue #27 item 4).

Questions we have no answer for share the words of the work around them: werkgever, contract, loon,
ontslag, vakantie. The classifier and the word signal therefore give them the nearest fixed answer
("Ontslag tijdens ziekte" for a question about a reorganisation), with a fair score; their highest word
similarity is no lower than that of questions we do answer (docs/benchmarks.md). What such a question
lacks is the subject itself: every fixed answer is about illness or about a step of re-integration, and a
question about it names one of the two. AnswerRanking therefore asks a weak fixed answer for a message that
names neither to make way for the honest "daar kan ik je niet mee helpen" (out_of_scope). UWV counts as
a term of re-integration, so a weak answer to a question about WW via UWV is still given, as before.
In a conversation that was already about illness, action_out_of_scope offers the answers instead
("Bedoel je …?"): there such a message is most likely a follow-up question (actions/suggest.py).

The words: being ill, absent or recovering (ZIEKTE), and the terms of the law, its steps and the people in
it as they stand in the titles of our answers (RE_INTEGRATIE), matched anywhere in a word without accents
and case, so that compounds and inflections count ("ziekteverzuim", "re-integratietraject", "zieke");
a few that hide inside ordinary words only at the start of one (WOORDBEGIN: "spoor", not "opsporen");
their abbreviations (AFKORTINGEN), which count only as a word of their own; a few phrasings (ZINNEN,
"ik zit al maanden thuis"). And any medical detail (privacy/medical.py: "depressie", "rugpijn",
"geopereerd"): whoever names one is talking about being ill.
"""

from __future__ import annotations

import re
import unicodedata

from components.text import normalise
from privacy.medical import mentions_medical_details

ZIEKTE = (
    "ziek",  # ziek, zieke, ziekte, ziekmelding, ziekteverzuim, ziektewet, langdurig zieke
    "verzuim",
    "arbeidsongeschikt",  # also "arbeidsongeschiktheidsverzekering"
    "arbeids ongeschikt",
    "uitval",
    "uitgevallen",
    "herstel",
    "beter meld",
    "betermeld",
    "burn-out",
    "burnout",
    "burn out",
    "overspannen",
    "klachten",
    "medisch",
    "diagnose",
    "bedrijfsarts",
    "huisarts",
    "verzekeringsarts",
    "gezondheid",
    "ongeval",
    "gewond",
    "blessure",
    "dokter",  # also "doktersbriefje"
    "afgekeurd",
    "beter gemeld",
    "therapeutisch",  # arbeidstherapeutisch werken
    "aangepast werk",
    "hervat",  # werkhervatting
    "opzegverbod",
    "thuiszit",  # thuiszitter
    "uitgeschakeld",
    "zwanger",  # the answers on pregnancy and illness; "zwanger" alone is out of scope only when sure
    "arboarts",
    "bedrijfarts",  # a common typo
    "verzekeringsgeneeskund",
    "wajong",
)
RE_INTEGRATIE = (
    "re-integr",
    "reintegr",
    "intergr",  # re-intergratie: a common typo
    "tweesporen",
    "poortwachter",
    "probleemanalyse",
    "plan van aanpak",
    "eerstejaarsevaluatie",
    "eerste jaar evaluatie",
    "eerstejaars evaluatie",
    "arbeidsdeskundig",
    "casemanager",
    "42e week",
    "42e-week",
    "42 weken",
    "42-we",
    "42ste week",
    "week 42",
    "zw-uitkering",
    "loongerelateerd",
    "loonsanctie",
    "deskundigenoordeel",
    "deskundigen oordeel",
    "second opinion",
    "doorbeta",  # loondoorbetaling, doorbetalen, doorbetaald
    "passende arbeid",
    "passend werk",
    "no-risk",
    "no risk",
    "noriskpolis",
    "eigenrisicodrager",
    "eigen risico drager",
    "eigen risicodrager",
    "vangnet",
    "herbeoordel",
    "loonstop",
    "loonopschort",
    "controlevoorschrift",
    "104 weken",
    "slapend dienstverband",
    "wachttijd",
    "wachtdag",
    "bedongen arbeid",
    "35-minner",
    "opschudmoment",
    "eindevaluatie",
    "actueel oordeel",
    "bekortingsverzoek",
    "xella",  # the Supreme Court's ruling on a slapend dienstverband
)
# Only at the start of a word: "spoor 2", "sporen", not "opsporen", "aansporen" or "verdere integratie".
WOORDBEGIN = ("spoor", "sporen", "re integr", "ad-onderzoek", "ad onderzoek")
# Phrasings with words in between: how many say that they are off sick, or not yet back.
ZINNEN = (
    r"\bzit(?:ten)?\b[^.?!]{0,30}\bthuis\b(?!werk)",  # "ik zit al maanden thuis"
    r"\bthuis\s+(?:zit|zitten)\b",
    r"\bniet\s+meer\s+(?:kan\s+|kunnen\s+)?werken\b",
    r"\bweer\s+aan\s+het\s+werk\b",
    r"\b(?:gedeeltelijk|deels|halve\s+dagen)\s+(?:aan\s+het\s+)?werk(?:en|t)?\b",  # not "deels werkloos"
    r"\baangepast\s+werk\b",
    r"ongeluk(?!kig)",  # bedrijfsongeluk, not ongelukkig
)
# Abbreviations count only as a word of their own: "wia" in "WIA-uitkering", not "iva" in "motivatie".
AFKORTINGEN = (
    *("arts", "artsen", "arbo", "arbodienst", "aov", "ao", "wao", "zw"),
    *("wvp", "pva", "eje", "riv", "wia", "wga", "iva", "lgu", "erd", "uwv"),
)
_TERMS = re.compile(
    "|".join(re.escape(term) for term in ZIEKTE + RE_INTEGRATIE)
    + r"|(?<![a-z0-9])(?:"
    + "|".join(term.replace(" ", r"\ ") for term in WOORDBEGIN)
    + r")|(?<![a-z0-9])(?:"
    + "|".join(AFKORTINGEN)
    + r")(?![a-z0-9])|"
    + "|".join(ZINNEN)
)
# Hyphens that are not "-" (U+2010, U+2011, U+2013 inside a word) and invisible characters (a soft
# hyphen, a zero-width space: Unicode's format characters) must not split "re‑integratie".
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-"})


def _plain(text: str) -> str:
    visible = "".join(c for c in text.translate(_HYPHENS) if unicodedata.category(c) != "Cf")
    return normalise(visible)


def mentions_onderwerp(text: str) -> bool:
    """Whether the message names illness, a term of re-integration or a medical detail."""
    if not text:
        return False
    return bool(_TERMS.search(_plain(text))) or mentions_medical_details(text)
