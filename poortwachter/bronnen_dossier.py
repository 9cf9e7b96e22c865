"""Sources the dossier check cites beyond those of the deadlines (bronnen.py).

Kept apart from bronnen.py so the check can grow without touching the deadlines' sources. What
each one was checked against (corpus of 2026-12-06) is written beside it; where only a secondary
source could be read, the comment says so.
"""

from __future__ import annotations

from .bronnen import Bron

_BW7 = "https://wetten.overheid.nl/BWBR0005290"
_REGELING = "https://wetten.overheid.nl/BWBR0013540"
_WERKWIJZER = "https://www.uwv.nl/werkgevers/images/werkwijzer-poortwachter.pdf"

# BW 7:658a lid 3: "Het plan van aanpak wordt met medewerking van de werknemer regelmatig geëvalueerd en zo
# nodig bijgesteld." Regeling art. 4 lid 2 onder a: the re-integratieverslag holds the plan with its changes.
# No article sets a term for a bijstelling; the check measures it with the plan's own term (dossiercheck.py).
BIJSTELLING_PLAN_VAN_AANPAK = Bron(
    "Burgerlijk Wetboek Boek 7, art. 7:658a lid 3; Regeling procesgang eerste en tweede ziektejaar, art. 4 lid 2 "
    "onder a",
    "",
    _BW7,
)
# The Werkwijzer lists the parts of the re-integratieverslag (§ 3.2): probleemanalyse, plan van aanpak,
# bijstelling van de probleemanalyse, (eerstejaars)evaluatie, actueel oordeel, eindevaluatie, medische
# informatie. Read via its table of contents (doclinks.org copy of the 2021 edition) and UWV's model forms
# as listed by performa-hr.nl and vkrisk.nl; the Werkwijzer itself was not in the corpus.
BIJSTELLING_PROBLEEMANALYSE = Bron(
    "UWV Werkwijzer Poortwachter, § 3.2.3 Bijstelling van de probleemanalyse", "", _WERKWIJZER
)
# Regeling art. 4 lid 2 onder c: the actueel oordeel of the bedrijfsarts or arbodienst. Inferred from the
# amendments (Stcrt. 2005, 123: "artikel 4, tweede lid, onderdeel c ... arbodienst"; Stcrt. 2023, 13931:
# onderdeel b ends with "; en", so c is the last part); the consolidated text of lid 2 was not in the corpus.
# The Werkwijzer (§ 3.2.5): made at the time of the WIA-aanvraag, before the eindevaluatie.
ACTUEEL_OORDEEL = Bron(
    "Regeling procesgang eerste en tweede ziektejaar, art. 4 lid 2 onder c; UWV Werkwijzer Poortwachter, § 3.2.5",
    "",
    _REGELING,
)
# The Werkwijzer (§ 3.2.6); rendement.nl: at the latest two weeks before the WIA-aanvraag is due, so with the
# re-integratieverslag, and also when the employee leaves after ten or more weeks of sickness.
EINDEVALUATIE = Bron("UWV Werkwijzer Poortwachter, § 3.2.6 Eindevaluatie", "", _WERKWIJZER)
# WIA art. 25 lid 9: a loonsanctie when the employer "zonder deugdelijke grond" did too little; the UWV
# Beleidsregels beoordelingskader poortwachter describe the test (wetten.overheid.nl/BWBR0014375, read).
POORTWACHTERTOETS = Bron(
    "Wet WIA, art. 25 lid 9 en art. 65; UWV Beleidsregels beoordelingskader poortwachter",
    "",
    "https://wetten.overheid.nl/BWBR0014375",
)
# Late 42e-weeksmelding: the wage period grows by the delay. Since 1996 in the law (Stb. 1996, 134, then
# BW 7A:1638c lid 1: "wordt dit tijdvak met de duur van de vertraging verlengd", read); today BW 7:629
# lid 11 onder b (not read in the consolidated text). A fine: Ziektewet art. 38 and UWV's Beleidsregel boete
# werkgevers ZW (since 1 April 2017; vbk.nl, arboned.nl).
MELDING_42E_WEEK_TE_LAAT = Bron(
    "Burgerlijk Wetboek Boek 7, art. 7:629 lid 11 onder b; Ziektewet art. 38 (boete)", "", _BW7
)
# A late WIA-aanvraag: the wage period moves with the delay (7:629 lid 11 onder a), but without wage for that
# time (lid 3 onder f). Checked by the answer texts' second reader against the text of 1-7-2026 (domain/faq.yml).
WIA_AANVRAAG_TE_LAAT = Bron("Burgerlijk Wetboek Boek 7", "art. 7:629 lid 3 onder f en lid 11 onder a", _BW7)
# An eigenrisicodrager Ziektewet guides the re-integration of an ex-employee after the contract ends, and UWV's
# poortwachtertoets covers that phase too (including spoor 1); for other employers the duties stop with the
# contract. Secondary source (a re-integration guide); UWV's own page on it was not in the corpus.
ERD_ZW_NA_EINDE = Bron(
    "Re-integratiegids HBO: Poortwachtertoets bij einde wachttijd (flexwerkers en eigenrisicodragers)",
    "",
    "https://www.re-integratiegids-hbo.nl/ziekte/re-integratie/poortwachtertoets-bij-einde-wachttijd/",
)
