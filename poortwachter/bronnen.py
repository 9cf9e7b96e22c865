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
EERSTEJAARSEVALUATIE = Bron(
    "Regeling procesgang eerste en tweede ziektejaar", "art. 4 lid 2 sub b", _REGELING
)
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
GEEN_BENUTBARE_MOGELIJKHEDEN = Bron(
    "Regeling procesgang eerste en tweede ziektejaar", "art. 2 en 4", _REGELING
)
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
WIA_INVOERING = Bron(
    "Invoeringswet Wet WIA (Stb. 2005, 573), art. 1.1 onderdeel C (WAO art. 16)", "",
    "https://zoek.officielebekendmakingen.nl/stb-2005-573.html",
)
VERZAMELWET_SZW_2013 = Bron(
    "Verzamelwet SZW 2013 (Stb. 2013, 236), in werking 1 juli 2013", "",
    "https://zoek.officielebekendmakingen.nl/stb-2013-236.html",
)
# Besluiten gelijkstelling dagen (Algemene termijnenwet art. 3 lid 3), one per three years.
GELIJKSTELLING_2017_2019 = Bron(
    "Besluit gelijkstelling dagen 2017-2019 (Algemene termijnenwet art. 3 lid 3)", "",
    "https://wetten.overheid.nl/BWBR0038666",
)
GELIJKSTELLING_2023_2025 = Bron(
    "Besluit gelijkstelling dagen 2023-2025 (Algemene termijnenwet art. 3 lid 3)", "", _ATW,
)
GELIJKSTELLING_2026_2028 = Bron(
    "Besluit gelijkstelling dagen 2026-2028 (Algemene termijnenwet art. 3 lid 3)", "", _ATW,
)
