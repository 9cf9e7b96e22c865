"""One regression test per finding of the December review (shared/domain/review-2026-12.md, rows 3-15,
§3 law changes) that lives in the fixed answers, each with the legal reason it checks.

A check looks for the fact in the answer's prose (reference lines left out), not for exact wording,
and for the wrong statement that must be gone. Rows 1 and 2 (pregnancy in the guide) and the parts
of rows 3, 7 and 9 that live in poortwachter/ are tested where that code lives.
"""

from __future__ import annotations

import re

import pytest

from tests.domain.texts import prose_lines, response_texts

TEXTS = response_texts()

# (finding, answer, facts that must be in it, statements that must be gone, legal reason)
FINDINGS = [
    (
        "rij 3",
        "utter_faq/wia",
        [r"te laat", r"geen loon"],
        [],
        "BW 7:629 lid 3 onder f: wie de WIA zonder deugdelijke grond te laat aanvraagt, heeft over die tijd geen recht op loon",
    ),
    (
        "rij 3",
        "utter_faq/na_twee_jaar",
        [r"te laat", r"geen loon", r"gat in je inkomen"],
        [r"tenzij[^.]*te laat is aangevraagd"],
        "BW 7:629 lid 11 onder a verlengt de 104 weken, maar lid 3 onder f geeft over die vertraging geen loon",
    ),
    (
        "rij 4",
        "utter_faq/privacy",
        [
            r"eerste ziektedag",
            r"advies van de bedrijfsarts",
            r"situatie",
            r"einddatum van je contract",
            r"geboortedatum",
            r"verlof",
            r"bereikbaar",
            r"hoe lang",
            r"afspraken",
            r"vangnet",
            r"ongeval op het werk",
            r"verkeersongeluk",
        ],
        [r"alleen je eerste ziektedag en het advies"],
        "AVG art. 13: noem alle gegevens die de gids vraagt; AP-beleidsregels 'De zieke werknemer' §4: wat "
        "de werkgever bij ziekmelding mag vragen",
    ),
    (
        "rij 4",
        "utter_privacy_no_medical",
        [r"einddatum van je contract", r"geboortedatum", r"verlof"],
        [r"alleen je \*\*eerste ziektedag"],
        "AVG art. 13: de gids vraagt ook situatie, einddatum contract, geboortedatum en verlofdatums",
    ),
    (
        "rij 4",
        "utter_faq/controlevoorschriften",
        [r"vangnet", r"ongeval op het werk", r"verkeersongeluk"],
        [],
        "AP-beleidsregels 'De zieke werknemer' §4.4-4.6: vangnet (niet welk), arbeidsongeval, verkeersongeval met regres",
    ),
    (
        "rij 5",
        "utter_faq/no_riskpolis",
        [r"zonder einddatum", r"wajong", r"doelgroepregister", r"beschut werk", r"5 jaar"],
        [r"voor sommige groepen langer"],
        "Ziektewet art. 29b lid 2: geen einddatum voor Wajong, doelgroepregister, beschut werk en sw; lid 1: 5 jaar",
    ),
    (
        "rij 6",
        "utter_faq/vakantie",
        [r"twee situaties", r"vraagt zelf vakantie", r"100%", r"al vastlag", r"zelf mee instemt", r"1 juli"],
        [],
        "BW 7:637, 7:638 lid 8 en 7:640a; HvJ EU C-217/20: vakantie tijdens ziekte tegen 100% loon",
    ),
    (
        "rij 7",
        "utter_faq/ouder_en_aow",
        [r"2032", r"niet vastgesteld", r"svb\.nl"],
        [],
        "AOW art. 7a: de leeftijd voor 2032 had vóór 1-1-2027 vastgesteld moeten zijn; wij vonden geen bron, "
        "dus verwijzen naar de SVB",
    ),
    (
        "rij 8",
        "utter_faq/eerstejaarsevaluatie",
        [r"jij en je werkgever allebei", r"visie"],
        [],
        "Regeling procesgang art. 4 lid 2 onder b (Stcrt. 2023, 13931): de eerstejaarsevaluatie bevat de "
        "visie van werkgever én werknemer",
    ),
    (
        "rij 9",
        "utter_faq/ziek_uit_dienst",
        [r"eigenrisicodrager", r"re-integratieverslag voor UWV is dan niet nodig"],
        [],
        "Ziektewet art. 38 lid 2: het re-integratieverslag bij ziek uit dienst geldt voor een werkgever 'die "
        "geen eigenrisicodrager is'",
    ),
    (
        "rij 10",
        "utter_faq/ziektewet_vangnet",
        [r"2 wachtdagen", r"geen wachtdagen"],
        [r"1 of 2 wachtdagen"],
        "Ziektewet art. 29 lid 2: ziekengeld vanaf de derde dag; geen wachtdagen bij art. 29a en 29b",
    ),
    (
        "rij 11",
        "utter_faq/loondoorbetaling",
        [r"4 dagen per week", r"huishouden", r"6 weken"],
        [],
        "BW 7:629 lid 2 onder a en lid 13: minder dan 4 dagen per week alleen voor een huishouden: 6 weken",
    ),
    (
        "rij 11",
        "utter_faq/loon_hoogte",
        [r"4 dagen per week", r"huishouden", r"6 weken"],
        [],
        "BW 7:629 lid 2 onder a en lid 13: minder dan 4 dagen per week alleen voor een huishouden: 6 weken",
    ),
    (
        "rij 12",
        "utter_faq/ontslag_bijzonder",
        [r"proeftijd", r"chronische ziekte", r"verboden onderscheid"],
        [],
        "WGBH/CZ art. 4: ontslag in de proeftijd wegens handicap of chronische ziekte is verboden onderscheid (CRM 2017-48)",
    ),
    (
        "rij 13",
        "utter_faq/deskundigenoordeel",
        [r"gratis", r"niet meewerkt", r"vaak ziek"],
        [],
        "UWV: het deskundigenoordeel is voor de werkgever kosteloos bij ontslag wegens niet meewerken én bij "
        "veelvuldig ziekteverzuim",
    ),
    (
        "rij 14",
        "utter_faq/oproepkracht",
        [r"voorovereenkomst", r"hoeft niet te komen", r"apart kort contract", r"een jaar", r"vast aantal uren"],
        [],
        "BW 7:628a lid 5 en 8: na 12 maanden een aanbod voor vaste uren, anders loon over die uren; "
        "voorovereenkomst: elke oproep een contract",
    ),
    (
        "rij 15",
        "utter_faq/zwangerschap",
        [r"loon per dag"],
        [r"flexibiliseringsperiode"],
        "Ziektewet art. 38a lid 2: de periode vlak vóór het verlof uitgelegd in gewone woorden; dagloon uitgelegd",
    ),
    (
        "rij 15",
        "utter_faq/ziektewet_vangnet",
        [r"loon per dag"],
        [],
        "B1: dagloon is het loon per dag waar UWV mee rekent",
    ),
    ("rij 15", "utter_faq/no_riskpolis", [r"loon per dag"], [], "B1: dagloon is het loon per dag waar UWV mee rekent"),
    (
        "rij 1 (FAQ-deel)",
        "utter_faq/zwangerschap",
        [r"telt niet mee voor de 104 weken", r"schuiven dus op"],
        [],
        "BW 7:629 lid 4, WIA art. 23 lid 5, ZW art. 38 lid 1: het zwangerschaps- en bevallingsverlof telt niet mee",
    ),
    (
        "rij 2 (FAQ-deel)",
        "utter_faq/zwangerschap",
        [r"alleen als je ziekte door de zwangerschap", r"partner"],
        [],
        "Ziektewet art. 29a: alleen als de ongeschiktheid haar oorzaak vindt in zwangerschap of bevalling",
    ),
    (
        "§3",
        "utter_faq/wachten_op_uwv",
        [r"1 januari 2026", r"16 weken", r"voorrang", r"dwangsom", r"nog een plan"],
        [],
        "UWV-beleid sinds 1-1-2026 (16 weken, voorrang eerste aanvragen); dwangsom afschaffen is alleen aangekondigd",
    ),
    (
        "§3",
        "utter_faq/herbeoordeling",
        [r"90 weken", r"voorrang"],
        [],
        "EenVandaag 19-12-2025: herbeoordeling gemiddeld 90 weken, alleen in schrijnende gevallen",
    ),
    (
        "§3",
        "utter_faq/ouder_en_aow",
        [r"60-plusregeling", r"1 september 2025", r"allebei instemmen"],
        [r"vraag UWV of die nu geldt"],
        "UWV 60-plusregeling: weer in werking sinds 1-9-2025, voor minstens 2 jaar, met instemming van beiden",
    ),
]


# Not findings (these answers were right before), but guards: a bill stays a bill in the text
# until someone has checked that it became law (review-2026-12 §3).
PLANS_STAY_PLANS = [
    (
        "§3",
        "utter_faq/ontslag_na_twee_jaar",
        [r"wetsvoorstel", r"36 869", r"niet vaststellen"],
        [],
        "Wetsvoorstel 36 869 is geen wet zolang niet vastgesteld is dat het is aangenomen",
    ),
    (
        "§3",
        "utter_faq/zzp",
        [r"wetsvoorstel, nog geen wet"],
        [],
        "Basisverzekering arbeidsongeschiktheid zelfstandigen: wetsvoorstel (maart 2026), niet in werking",
    ),
]


@pytest.mark.parametrize(
    "finding, answer, facts, wrong, reason",
    FINDINGS + PLANS_STAY_PLANS,
    ids=[f"{f[0]} {f[1]}" for f in FINDINGS + PLANS_STAY_PLANS],
)
def test_the_finding_is_fixed_in_the_answer(finding, answer, facts, wrong, reason):
    assert answer in TEXTS, f"{answer} is missing"
    prose = " ".join(prose_lines(TEXTS[answer][1]))
    missing = [fact for fact in facts if not re.search(fact, prose, re.IGNORECASE)]
    assert not missing, f"{finding} ({reason}): {answer} does not say {missing}"
    still = [text for text in wrong if re.search(text, prose, re.IGNORECASE)]
    assert not still, f"{finding} ({reason}): {answer} still says {still}"


def test_no_answer_uses_hij_for_every_employee():
    # Issue #26: answers addressed the employee as "hij"; they now say "je".
    for name, (_, text) in TEXTS.items():
        if name.startswith("utter_faq/"):
            prose = " ".join(prose_lines(text))
            assert not re.search(r"\bde werknemer\b[^.]*\bhij\b", prose, re.IGNORECASE), name
