"""Whether a message is about our subject at all: being ill while you work, and re-integration (issue #27 item 4).

Questions we have no answer for share the words of the work around them: werkgever, contract, loon,
ontslag, vakantie, UWV. The classifier and the word signal therefore give them the nearest fixed answer
("Ontslag tijdens ziekte" for a question about a reorganisation), with a fair score; their highest word
similarity is no lower than that of questions we do answer (docs/benchmarks.md). What such a question
lacks is the subject itself: every fixed answer is about illness or about a step of re-integration, and a
question about it names one of the two. AnswerRanking therefore asks a weak fixed answer for a message that
names neither to make way for the honest "daar kan ik je niet mee helpen" (out_of_scope).

The words: being ill, absent or recovering (ZIEKTE), and the terms of the law, its steps and the people in
it as they stand in the titles of our answers (RE_INTEGRATIE), matched anywhere in a word without accents
and case, so that compounds and inflections count ("ziekteverzuim", "re-integratietraject", "zieke"); and
their abbreviations (AFKORTINGEN), which count only as a word of their own.
"""

from __future__ import annotations

import re

from components.text import normalise

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
    "ongeluk",
    "gewond",
    "blessure",
    "dokter",  # also "doktersbriefje"
    "afgekeurd",
    "beter gemeld",
    "therapeutisch",  # arbeidstherapeutisch werken
    "aangepast werk",
    "hervat",  # werkhervatting
    "opzegverbod",
    "zit thuis",  # "ik zit al maanden thuis": how many say they are off sick
    "thuis zit",
    "thuiszit",
)
RE_INTEGRATIE = (
    "re-integr",
    "reintegr",
    "re integr",
    "spoor",
    "sporen",  # also "tweesporenbeleid"
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
    "42ste week",
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
    "ad-onderzoek",
    "ad onderzoek",
    "xella",  # the Supreme Court's ruling on a slapend dienstverband
)
# Abbreviations count only as a word of their own: "wia" in "WIA-uitkering", not "iva" in "motivatie".
AFKORTINGEN = (
    *("arts", "artsen", "arbo", "arbodienst", "aov"),
    *("wvp", "pva", "eje", "riv", "wia", "wga", "iva", "lgu", "erd", "uwv"),
)
_TERMS = re.compile(
    "|".join(re.escape(term) for term in ZIEKTE + RE_INTEGRATIE)
    + "|"
    + r"(?<![a-z0-9])(?:"
    + "|".join(AFKORTINGEN)
    + r")(?![a-z0-9])"
)


def mentions_onderwerp(text: str) -> bool:
    """Whether the message names illness or a term of re-integration."""
    return bool(_TERMS.search(normalise(text or "")))
