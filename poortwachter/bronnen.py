"""Legal sources that the rules cite.

Each rule result carries one of these, so the assistant can always say *why*.
URLs point at the official consolidated text (wetten.overheid.nl) or UWV's own
pages; check them there before changing a rule.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Bron:
    naam: str
    artikel: str
    url: str

    def as_dict(self) -> dict:
        return {"naam": self.naam, "artikel": self.artikel, "url": self.url}

    def citation(self) -> str:
        """Short Dutch citation, e.g. 'Wet WIA, art. 25 lid 3'."""
        return f"{self.naam}, {self.artikel}" if self.artikel else self.naam


_WIA = "https://wetten.overheid.nl/BWBR0019057"
_BW7 = "https://wetten.overheid.nl/BWBR0005290"
_REGELING = "https://wetten.overheid.nl/BWBR0013540"
_ATW = "https://wetten.overheid.nl/BWBR0002448"

WIA_WACHTTIJD = Bron("Wet WIA", "art. 23 lid 1 en 2", _WIA)
WIA_SAMENTELLEN = Bron("Wet WIA", "art. 23 lid 3", _WIA)
BW_SAMENTELLEN = Bron("Burgerlijk Wetboek Boek 7", "art. 7:629 lid 10", _BW7)
PROBLEEMANALYSE = Bron("Regeling procesgang eerste en tweede ziektejaar", "art. 2 lid 2", _REGELING)
PLAN_VAN_AANPAK = Bron("Wet WIA", "art. 25 lid 2; Regeling procesgang art. 4", _WIA)
EERSTEJAARSEVALUATIE = Bron("Regeling procesgang eerste en tweede ziektejaar", "art. 4 lid 2 sub b", _REGELING)
MELDING_42E_WEEK = Bron(
    "UWV: Ziek melden bij UWV (42e-weeksmelding); Ziektewet art. 38",
    "",
    "https://www.uwv.nl/werkgevers/werknemer-is-ziek/loondoorbetaling/"
    "werknemer-is-langdurig-ziek/detail/ziek-melden-bij-uwv",
)
WERKDAG = Bron("Algemene termijnenwet", "art. 3", _ATW)
SPOOR_2 = Bron(
    "Burgerlijk Wetboek Boek 7, art. 7:658a lid 1; UWV Werkwijzer Poortwachter",
    "",
    "https://www.uwv.nl/werkgevers/images/werkwijzer-poortwachter.pdf",
)
SPOOR_1 = Bron("Burgerlijk Wetboek Boek 7", "art. 7:658a lid 1 en 2", _BW7)
REINTEGRATIEVERSLAG = Bron("Wet WIA", "art. 25 lid 3", _WIA)
WIA_AANVRAAG = Bron("Wet WIA", "art. 64 lid 3", _WIA)
VERLENGING = Bron("Wet WIA", "art. 24 en art. 25 lid 4", _WIA)
LOONSANCTIE = Bron("Wet WIA", "art. 25 lid 9", _WIA)
VERVROEGDE_IVA = Bron(
    "Wet WIA, art. 23 lid 6 en art. 66; UWV: vervroegd WIA aanvragen",
    "",
    "https://www.uwv.nl/particulieren/ziek/ziek-wia-uitkering/wia-uitkering-aanvragen/"
    "detail/wanneer-vraag-ik-een-wia-uitkering-aan",
)
GEEN_BENUTBARE_MOGELIJKHEDEN = Bron("Regeling procesgang eerste en tweede ziektejaar", "art. 2 en 4", _REGELING)
ARBEIDSDESKUNDIG_ONDERZOEK = Bron(
    "UWV Werkwijzer Poortwachter (beoordeling re-integratie-inspanningen)",
    "",
    "https://www.uwv.nl/werkgevers/images/werkwijzer-poortwachter.pdf",
)
UWV_BRIEF_WIA = Bron(
    "UWV: WIA-uitkering aanvragen",
    "",
    "https://www.uwv.nl/particulieren/ziek/ziek-wia-uitkering/wia-uitkering-aanvragen",
)
ONTSLAG_LANGDURIG_ZIEK = Bron("Burgerlijk Wetboek Boek 7", "art. 7:669 lid 3 sub b", _BW7)
ONTSLAG_FREQUENT_VERZUIM = Bron("Burgerlijk Wetboek Boek 7", "art. 7:669 lid 3 sub c", _BW7)
WIA_INVOERING = Bron(
    "Invoeringswet Wet WIA (Stb. 2005, 573), art. 1.1 onderdeel C (WAO art. 16)",
    "",
    "https://zoek.officielebekendmakingen.nl/stb-2005-573.html",
)
VERZAMELWET_SZW_2013 = Bron(
    "Verzamelwet SZW 2013 (Stb. 2013, 236), in werking 1 juli 2013",
    "",
    "https://zoek.officielebekendmakingen.nl/stb-2013-236.html",
)

# --- the source of each dated value of a parameter that changed (parameters.py) ----------------
# OpenFisca keeps a `reference` per date; so do we. The original texts are the Wet WIA as it read when
# its articles on these terms took effect (Besluit van 2 december 2005, Stb. 2005, 619: art. 25 lid 3
# and art. 64 from the day after that Staatsblad, hence the version of 9 December 2005).
_WIA_2005 = "https://wetten.overheid.nl/BWBR0019057/2005-12-09"
WIA_AANVRAAG_2005 = Bron(
    "Wet WIA, oorspronkelijke tekst (in werking volgens Stb. 2005, 619)",
    "art. 64 lid 3: aanvraag uiterlijk dertien weken voor afloop van de wachttijd",
    _WIA_2005,
)
WIA_AANVRAAG_2013 = Bron(
    "Verzamelwet SZW 2013 (Wet van 19 juni 2013, Stb. 2013, 236), in werking 1 juli 2013",
    "wijziging van Wet WIA art. 64 lid 3: elf weken in plaats van dertien (Kamerstukken 33 556)",
    "https://zoek.officielebekendmakingen.nl/stb-2013-236.html",
)
REINTEGRATIEVERSLAG_2005 = Bron(
    "Wet WIA, oorspronkelijke tekst (in werking volgens Stb. 2005, 619)",
    "art. 25 lid 3: re-integratieverslag uiterlijk vijftien weken voor het verstrijken van de wachttijd",
    _WIA_2005,
)
REINTEGRATIEVERSLAG_2013 = Bron(
    "Verzamelwet SZW 2013 (Wet van 19 juni 2013, Stb. 2013, 236), in werking 1 juli 2013",
    "wijziging van Wet WIA art. 25 lid 3: dertien weken in plaats van vijftien",
    "https://zoek.officielebekendmakingen.nl/stb-2013-236.html",
)
# Wages and the opzegverbod after the AOW-leeftijd: 13 weeks by the transitional rule (art. VIIIA) of the
# Wet werken na de AOW-gerechtigde leeftijd from 1 January 2016 (the BW text itself says 6); 6 weeks for
# sickness from 1 July 2023, when Stb. 2023, 169 ended that rule (WERKEN_NA_AOW_2023 and
# OPZEGVERBOD_NA_AOW_2023 below).
WERKEN_NA_AOW_2016 = Bron(
    "Wet werken na de AOW-gerechtigde leeftijd (Wet van 30 september 2015, Stb. 2015, 376), in werking 1 januari 2016",
    "art. VIIIA (overgangsregeling: dertien weken) bij BW 7:629 lid 2 onder b en 7:670 lid 1 onder a",
    "https://zoek.officielebekendmakingen.nl/stb-2015-376.html",
)
# Besluiten gelijkstelling dagen (Algemene termijnenwet art. 3 lid 3), one per three years.
GELIJKSTELLING_2017_2019 = Bron(
    "Besluit gelijkstelling dagen 2017-2019 (Algemene termijnenwet art. 3 lid 3)",
    "",
    "https://wetten.overheid.nl/BWBR0038666",
)
GELIJKSTELLING_2023_2025 = Bron(
    "Besluit gelijkstelling dagen 2023-2025 (Algemene termijnenwet art. 3 lid 3)",
    "",
    _ATW,
)
GELIJKSTELLING_2026_2028 = Bron(
    "Besluit gelijkstelling dagen 2026-2028 (Algemene termijnenwet art. 3 lid 3)",
    "",
    _ATW,
)

# --- situations beyond the standard case -------------------------------------------------------
_ZW = "https://wetten.overheid.nl/BWBR0001888"
_UWV_WG = "https://www.uwv.nl/werkgevers"
AOW_LEEFTIJD = Bron(
    "Algemene Ouderdomswet art. 7a; Rijksoverheid: Wanneer gaat mijn AOW in?",
    "",
    "https://www.rijksoverheid.nl/onderwerpen/algemene-ouderdomswet-aow/vraag-en-antwoord/wanneer-gaat-mijn-aow-in",
)
LOON_NA_AOW = Bron("Burgerlijk Wetboek Boek 7", "art. 7:629 lid 2 onder b", _BW7)
WERKEN_NA_AOW_2023 = Bron(
    "Burgerlijk Wetboek Boek 7, art. 7:629 lid 2 onder b; Besluit van 12 mei 2023 (Stb. 2023, 169), vanaf 1 juli 2023",
    "",
    "https://zoek.officielebekendmakingen.nl/stb-2023-169.html",
)
OPZEGVERBOD_NA_AOW_2023 = Bron(
    "Burgerlijk Wetboek Boek 7, art. 7:670 lid 1 onder a; Besluit van 12 mei 2023 (Stb. 2023, 169), vanaf 1 juli 2023",
    "",
    "https://zoek.officielebekendmakingen.nl/stb-2023-169.html",
)
REINTEGRATIE_NA_AOW = Bron(
    "Burgerlijk Wetboek Boek 7, art. 7:658a en 7:660a lid 2 (Wet werken na de AOW-gerechtigde leeftijd)",
    "",
    _BW7,
)
WIA_EINDIGT_BIJ_AOW = Bron(
    "UWV: AOW na mijn WIA-uitkering",
    "",
    "https://www.uwv.nl/particulieren/overige-onderwerpen/aow-leeftijd/detail/aow-na-mijn-wia-uitkering",
)
LOON_EINDE_DIENSTVERBAND = Bron(
    "Burgerlijk Wetboek Boek 7, art. 7:629 lid 1; UWV: Ik ben in loondienst en ben ziek",
    "",
    "https://www.uwv.nl/particulieren/ziek/ziek-met-werkgever/ik-ben-net-ziek/detail/ik-ben-in-loondienst-en-ben-ziek",
)
# ZW art. 38 lid 2 (text of 1-7-2026): "op de laatste dag van de dienstbetrekking"; older UWV pages say
# "laatste werkdag", the wording of an earlier text of the law.
ZIEKMELDING_UIT_DIENST = Bron(
    "Ziektewet art. 38 lid 2; UWV: Ziek melden bij UWV (ziek uit dienst)",
    "",
    f"{_UWV_WG}/werknemer-is-ziek/loondoorbetaling/werknemer-is-langdurig-ziek/detail/ziek-melden-bij-uwv",
)
ERD_ZW_ZIEK_UIT_DIENST = Bron(
    "UWV: Eigenrisicodrager Ziektewet, werknemer is ziek",
    "",
    f"{_UWV_WG}/eigenrisicodrager/eigenrisicodrager-ziektewet/tijdens-eigen-risico-dragen-ziektewet/detail/"
    "werknemer-is-ziek",
)
# An eigenrisicodrager Ziektewet makes no re-integratieverslag at the end of the contract ("de werkgever,
# die geen eigenrisicodrager is", art. 38 lid 2) and reports within 6 weeks (art. 38aa lid 1).
GEEN_RIV_BIJ_ERD_ZW = Bron(
    "Ziektewet", "art. 38 lid 2 en art. 38aa lid 1", "https://wetten.overheid.nl/BWBR0001888/2026-07-01#Artikel38"
)
RIV_EINDE_DIENSTVERBAND = Bron(
    "UWV: Mijn werknemer gaat ziek uit dienst (re-integratieverslag)",
    "",
    f"{_UWV_WG}/werknemer-is-ziek/ziektewet-uitkering/samen-werken-aan-re-integratie/detail/"
    "re-integratie-vastleggen-in-re-integratieverslag/mijn-werknemer-gaat-ziek-uit-dienst",
)
ZIEKTEWET_BEOORDELING = Bron(
    "UWV: Krijg ik een Ziektewet-beoordeling?",
    "",
    "https://www.uwv.nl/particulieren/ziek/ziek-zonder-werkgever/ziektewet-beoordeling/detail/"
    "krijg-ik-een-ziektewet-beoordeling",
)
SAMENTELLEN_ROND_VERLOF = Bron(
    "Burgerlijk Wetboek Boek 7, art. 7:629 lid 10; Wet WIA art. 23 lid 3 (onder 2°)",
    "",
    _BW7,
)
ZIEK_DOOR_ZWANGERSCHAP = Bron(
    "Ziektewet art. 29a; UWV: Ziek door zwangerschap of bevalling",
    "",
    f"{_UWV_WG}/werknemer-krijgt-kind/zwanger/werknemer-is-zwanger-wazo/detail/werknemer-is-ziek-rond-haar-"
    "zwangerschap/ziek-door-zwangerschap-of-bevalling/ziek-voor-de-verlofperiode",
)
ZIEKMELDING_VIERDE_DAG = Bron("Ziektewet", "art. 38a lid 2", _ZW)
# Sick from the pregnancy before the leave (ZW art. 29a lid 1): UWV pays, also when the employer is an
# eigenrisicodrager (art. 63a names only art. 29 lid 2 onder a, b and c; 29a is onder f), and the notice follows
# art. 38a lid 3. Art. 38 itself (the 42e-weeksmelding, the notice at the end of the contract) does not apply, except
# the re-integratieverslag (art. 38 lid 4).
MELDING_ZIEKTE_DOOR_ZWANGERSCHAP = Bron(
    "Ziektewet", "art. 29a lid 1 en art. 38a lid 3", "https://wetten.overheid.nl/BWBR0001888/2026-07-01#Artikel38a"
)
MELDINGEN_BIJ_ZIEKTE_DOOR_ZWANGERSCHAP = Bron(
    "Ziektewet", "art. 38 lid 4 en art. 38a lid 3", "https://wetten.overheid.nl/BWBR0001888/2026-07-01#Artikel38"
)
ZIEK_ROND_VERLOF_MELDEN = Bron(
    "UWV: Doorlopende ziekte voor en na het zwangerschapsverlof melden",
    "",
    "https://www.uwv.nl/en/employers/forms/reporting-an-ongoing-illness-before-and-after-paid-maternity-leave",
)
# Checked against the consolidated texts of 1-7-2026: no wages during the leave (7:629 lid 4), sickness
# right before and after it counts as one (7:629 lid 10, WIA 23 lid 3 onder 2°), its weeks do not count
# (WIA 23 lid 5, ZW 38 lid 1 for the 42 weeks).
VERLOF_TELT_NIET = Bron(
    "Burgerlijk Wetboek Boek 7, art. 7:629 lid 4 en lid 10; Wet WIA, art. 23 lid 3 en lid 5; Ziektewet, art. 38 lid 1",
    "",
    _BW7,
)
WAZO_VERLOF = Bron("Wet arbeid en zorg", "art. 3:1", "https://wetten.overheid.nl/BWBR0013008")

# --- numbers that only the fixed answers cite (domain/faq_*.yml) --------------------------------
RECHTSVERMOEDEN_ARBEIDSOMVANG = Bron("Burgerlijk Wetboek Boek 7", "art. 7:610b", _BW7)
WACHTDAGEN = Bron("Burgerlijk Wetboek Boek 7", "art. 7:629 lid 9", _BW7)
LOON_HUISHOUDEN = Bron("Burgerlijk Wetboek Boek 7", "art. 7:629 lid 2 onder a", _BW7)
WW_EN_ZIEK = Bron("Werkloosheidswet", "art. 19 lid 2", "https://wetten.overheid.nl/BWBR0004045")
# Checked against the consolidated text of 1-7-2026: "uiterlijk op de eerste dag na zes weken gerekend vanaf die
# eerste werkdag" (lid 3, first sentence), and "op de laatste dag van de dienstbetrekking" when the contract ends
# within those six weeks (second sentence).
MELDING_VANGNET_MET_WERKGEVER = Bron(
    "Ziektewet", "art. 38a lid 3", "https://wetten.overheid.nl/BWBR0001888/2026-07-01#Artikel38a"
)
NO_RISKPOLIS = Bron("Ziektewet", "art. 29b", _ZW)
ZIEKTEWET_DUUR = Bron("Ziektewet", "art. 29", _ZW)
OPZEGVERBOD_ZWANGERSCHAP = Bron("Burgerlijk Wetboek Boek 7", "art. 7:670 lid 2", _BW7)
OPZEGVERBOD_NA_AOW = Bron("Burgerlijk Wetboek Boek 7", "art. 7:670 lid 1 onder a", _BW7)
WIA_BESLISTERMIJN = Bron("Wet WIA", "art. 102 lid 3", _WIA)
ERD_WGA_TIEN_JAAR = Bron(
    "UWV: Einde eigen risico dragen na 10 jaar",
    "",
    f"{_UWV_WG}/eigenrisicodrager/eigenrisicodrager-wga/tijdens-eigen-risico-dragen-wga/detail/"
    "voor-welke-wga-uitkering-ben-ik-eigenrisicodrager/einde-eigen-risico-dragen-na-10-jaar",
)
VRIJWILLIGE_VERZEKERING = Bron(
    "UWV: Ik ben volledig zelfstandig (vrijwillig verzekeren)",
    "",
    "https://www.uwv.nl/particulieren/verzekeren/ik-wil-me-verzekeren-bij-uwv/detail/ik-start-een-eigen-bedrijf/"
    "ik-ben-volledig-zelfstandig",
)
