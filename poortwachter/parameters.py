"""Every legal number that the rules use, declared once, with its source.

Why a Python module and not a data file (OpenFisca keeps YAML): the rules
package promises no I/O, and a module is checked on import — a typo in a name
is an error, not a silent default. The idea is OpenFisca's: a parameter has a
description, a unit, a source and, where the law changed, the date from which
each value applies (`Parameter.op(moment)`) and the text that set it
(`Parameter.bron_op(moment)`, OpenFisca's `reference` per date). Rule texts are
rendered from these values (`Parameter.tekst()`), never typed again.

Week numbers are sick weeks: week w covers sick days 7w-6 … 7w (counting.py).
Nothing outside this package knows a week number; answers in the domain files
are checked against these values by tests/rules/test_answer_numbers.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from . import bronnen
from .bronnen import Bron


@dataclass(frozen=True)
class Waarde:
    """One value of a parameter from the day it took effect, with the text that set it (OpenFisca keeps a
    `reference` per date). It unpacks as (vanaf, waarde), the pair the rules read."""

    vanaf: date
    waarde: int
    bron: Bron

    def __iter__(self) -> Iterator[date | int]:
        return iter((self.vanaf, self.waarde))


@dataclass(frozen=True)
class Parameter:
    """One legal number: its values over time, unit and source.

    `waarden` holds its values oldest first, each from its date of effect and, where the law changed, with
    the source of that version (`Waarde`); a plain (vanaf, waarde) pair takes the parameter's own `bron`.
    A rule asks for the value on the date that the transitional law points to; most parameters have one
    value since before any case we compute.
    """

    beschrijving: str
    eenheid: str  # "weken", "dagen" or "maanden"
    bron: Bron  # the article as it reads today
    waarden: tuple[Waarde, ...]
    # Words that name this number in an answer ("plan van aanpak"); used to check
    # that every number in a user-facing text belongs to the parameter it names.
    termen: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        waarden = tuple(w if isinstance(w, Waarde) else Waarde(w[0], w[1], self.bron) for w in self.waarden)
        object.__setattr__(self, "waarden", waarden)  # frozen: normalise once, on construction

    def _geldend(self, moment: date) -> Waarde:
        geldend = [w for w in self.waarden if w.vanaf <= moment]
        if not geldend:
            raise ValueError(f"{self.beschrijving}: geen waarde op {moment.isoformat()}")
        return geldend[-1]

    def op(self, moment: date) -> int:
        """The value in force on `moment`."""
        return self._geldend(moment).waarde

    def bron_op(self, moment: date) -> Bron:
        """The source of the value in force on `moment`."""
        return self._geldend(moment).bron

    @property
    def waarde(self) -> int:
        """The value in force today (the newest)."""
        return self.waarden[-1].waarde

    def tekst(self, moment: date | None = None) -> str:
        """'6 weken', or '1 week': the value with its unit, for rule texts."""
        value = self.waarde if moment is None else self.op(moment)
        eenheid = {"weken": "week", "dagen": "dag", "maanden": "maand"}[self.eenheid] if value == 1 else self.eenheid
        return f"{value} {eenheid}"


# Before this day nobody is computed: the Wet WIA applies to employees who became
# sick on or after 1 January 2004; earlier cases stay under the WAO (Invoeringswet
# Wet WIA, bronnen.WIA_INVOERING). Also "in force since" for unchanged parameters.
WIA_VANAF = date(2004, 1, 1)
# Verzamelwet SZW 2013 (bronnen.VERZAMELWET_SZW_2013), in force 1 July 2013: the
# WIA-aanvraag moved from 13 to 11 weeks before the end of the wachttijd (week 91
# -> 93), and the re-integratieverslag from 15 to 13 weeks (week 89 -> 91; the
# 2005 text of WIA art. 25 lid 3 says "vijftien weken"). We found no transitional
# provision for these terms, so the general rule of immediate effect applies: a
# term that was still running on 1 July 2013 follows the new law, a term that
# had expired before it the old (Casus.geldend).
VERZAMELWET_2013 = date(2013, 7, 1)
# The articles of the WIA on the re-integratieverslag and the WIA-aanvraag (art. 25 lid 3 and 64) took
# effect on 9 December 2005, the day after the Staatsblad with the decree (Stb. 2005, 619, art. 1 lid 2; the
# rest of the law on 29 December 2005, lid 1); the first cases' terms fell before.
WIA_IN_WERKING = date(2005, 12, 9)


def _vast(beschrijving: str, waarde: int, eenheid: str, bron: Bron, *termen: str) -> Parameter:
    """A parameter that has not changed since the WIA began."""
    return Parameter(beschrijving, eenheid, bron, ((WIA_VANAF, waarde),), termen)


# --- counting ------------------------------------------------------------------------------

WACHTTIJD = _vast(
    "Duur van de wachttijd voor de WIA (en van de loondoorbetaling bij ziekte)",
    104,
    "weken",
    bronnen.WIA_WACHTTIJD,
    "wachttijd",
    "loondoorbetaling",
    "loon door",
    "2 jaar",
    "104 weken",
)
SAMENTELLEN_ONDERBREKING = _vast(
    "Ziekteperioden met een onderbreking van minder dan dit aantal weken tellen samen",
    4,
    "weken",
    bronnen.WIA_SAMENTELLEN,
    "ertussen",
    "samen",
    "opnieuw",
    "beter",
)

# --- first year ----------------------------------------------------------------------------

PROBLEEMANALYSE = _vast(
    "Probleemanalyse (oordeel van de bedrijfsarts) uiterlijk aan het eind van deze week",
    6,
    "weken",
    bronnen.PROBLEEMANALYSE,
    "probleemanalyse",
)
PLAN_VAN_AANPAK_NA_PROBLEEMANALYSE = _vast(
    "Plan van aanpak uiterlijk zoveel weken na de probleemanalyse",
    2,
    "weken",
    bronnen.PLAN_VAN_AANPAK,
    "plan van aanpak",
)
EVALUATIE_PLAN_VAN_AANPAK = _vast(
    "Richtlijn: bespreek het plan van aanpak minstens eens per zoveel weken",
    6,
    "weken",
    bronnen.PLAN_VAN_AANPAK,
    "bespreken",
    "bespreek",
    "eens per",
)
MELDING_42E_WEEK = _vast(
    "Ziekmelding bij UWV op de eerste werkdag na deze ziekteweek",
    42,
    "weken",
    bronnen.MELDING_42E_WEEK,
    "42e-weeksmelding",
    "ziekmelding bij uwv",
    "melding",
)
# "Aan het einde van het eerste ziektejaar" (Regeling art. 4): the end of week 52.
EERSTEJAARSEVALUATIE_UITERLIJK = _vast(
    "Eerstejaarsevaluatie uiterlijk aan het eind van deze week (einde eerste ziektejaar)",
    52,
    "weken",
    bronnen.EERSTEJAARSEVALUATIE,
    "eerstejaarsevaluatie",
    "evaluatie",
    "eerste ziektejaar",
)
# Not in the law: the period in which evaluations are held in practice (UWV, arbodiensten).
EERSTEJAARSEVALUATIE_VANAF = _vast(
    "Eerstejaarsevaluatie in de praktijk vanaf het begin van deze week",
    46,
    "weken",
    bronnen.EERSTEJAARSEVALUATIE,
    "eerstejaarsevaluatie",
    "evaluatie",
)

# --- spoor 2 (UWV Werkwijzer Poortwachter, not statute) -----------------------------------

SPOOR_2_NA_EERSTEJAARSEVALUATIE = _vast(
    "Spoor 2 uiterlijk zoveel weken na de eerstejaarsevaluatie gestart (als er geen perspectief is)",
    6,
    "weken",
    bronnen.SPOOR_2,
    "spoor 2",
    "evaluatie",
)
PERSPECTIEF_TERUGKEER = _vast(
    "Concreet perspectief op structurele terugkeer bij de eigen werkgever binnen zoveel maanden",
    3,
    "maanden",
    bronnen.SPOOR_2,
    "perspectief",
    "vooruitzicht",
    "terugkeer",
    "structureel",
)

# --- second year: counted back from the end of the wachttijd -------------------------------

REINTEGRATIEVERSLAG_VOOR_EINDE = Parameter(
    "Re-integratieverslag uiterlijk zoveel weken vóór het einde van de wachttijd",
    "weken",
    bronnen.REINTEGRATIEVERSLAG,
    (
        Waarde(WIA_VANAF, 15, bronnen.REINTEGRATIEVERSLAG_2005),
        Waarde(VERZAMELWET_2013, 13, bronnen.REINTEGRATIEVERSLAG_2013),
    ),
    ("re-integratieverslag",),
)
WIA_AANVRAAG_VOOR_EINDE = Parameter(
    "WIA-aanvraag uiterlijk zoveel weken vóór het einde van de wachttijd",
    "weken",
    bronnen.WIA_AANVRAAG,
    (
        Waarde(WIA_VANAF, 13, bronnen.WIA_AANVRAAG_2005),
        Waarde(VERZAMELWET_2013, 11, bronnen.WIA_AANVRAAG_2013),
    ),
    ("wia-aanvraag", "wia aanvragen", "aanvraag"),
)
# Informative: in this sick week UWV writes about the WIA-aanvraag (not a deadline).
UWV_BRIEF_WIA = _vast(
    "UWV stuurt rond deze ziekteweek een brief over de WIA-aanvraag",
    88,
    "weken",
    bronnen.UWV_BRIEF_WIA,
    "brief",
)
VERLENGING_MINIMUM = _vast(
    "Een vrijwillige verlenging van de wachttijd duurt minstens zoveel weken",
    13,
    "weken",
    bronnen.VERLENGING,
    "verlengen",
    "verlenging",
)
LOONSANCTIE_MAXIMUM = _vast(
    "Een loonsanctie verlengt de loondoorbetaling met hoogstens zoveel weken",
    52,
    "weken",
    bronnen.LOONSANCTIE,
    "loonsanctie",
    "langer loon",
)

# --- vervroegde IVA (duurzaam geen benutbare mogelijkheden) ----------------------------------

VERVROEGDE_IVA_NA = _vast(
    "Vervroegde IVA-aanvraag kan na minstens zoveel weken ziekte",
    3,
    "weken",
    bronnen.VERVROEGDE_IVA,
    "iva",
    "vervroegd",
    "eerder aanvragen",
)
VERVROEGDE_IVA_VOOR = _vast(
    "Vervroegde IVA-aanvraag kan tot het eind van deze ziekteweek",
    68,
    "weken",
    bronnen.VERVROEGDE_IVA,
    "iva",
    "vervroegd",
    "eerder aanvragen",
)

# --- numbers that answers cite, outside the timeline ------------------------------------------

ONTSLAG_GEEN_HERSTEL_BINNEN = _vast(
    "Ontslag na 104 weken ziekte kan als herstel binnen zoveel weken niet te verwachten is",
    26,
    "weken",
    bronnen.ONTSLAG_LANGDURIG_ZIEK,
    "ontslag na",
    "na 104 weken",
)
# A different route with the same number: dismissal for frequent absence (the c-grond, via the
# kantonrechter), since the Wet werk en zekerheid of 1 July 2015.
ONTSLAG_FREQUENT_VERZUIM_GEEN_HERSTEL = Parameter(
    "Ontslag wegens veelvuldig ziekteverzuim kan als herstel binnen zoveel weken niet te verwachten is",
    "weken",
    bronnen.ONTSLAG_FREQUENT_VERZUIM,
    ((date(2015, 7, 1), 26),),
    ("vaak ziek", "veelvuldig", "frequent verzuim"),
)


# --- situations beyond the standard case (situatie.py) ----------------------------------------

# BW 7:629 lid 2 onder b: after the AOW-leeftijd the wages during sickness run for a short time
# only. 13 weeks under the Wet werken na de AOW-gerechtigde leeftijd (from 1 January 2016), 6 weeks
# for sickness that began on or after 1 July 2023 (Stb. 2023, 169); a case keeps the rule of its
# first sick day. Before 2016 we do not compute this situation.
WET_WERKEN_NA_AOW = date(2016, 1, 1)
EINDE_OVERGANGSREGELING_AOW = date(2023, 7, 1)
LOONDOORBETALING_NA_AOW = Parameter(
    "Loondoorbetaling bij ziekte na het bereiken van de AOW-leeftijd duurt zoveel weken",
    "weken",
    bronnen.LOON_NA_AOW,
    (
        Waarde(WET_WERKEN_NA_AOW, 13, bronnen.WERKEN_NA_AOW_2016),
        Waarde(EINDE_OVERGANGSREGELING_AOW, 6, bronnen.WERKEN_NA_AOW_2023),
    ),
    ("aow",),
)
# UWV: an employee who leaves while sick gets no re-integratieverslag before 6 weeks of sickness,
# a shortened one from 6 weeks, the full one (with eindevaluatie) from 10 weeks.
VERKORT_RIV_VANAF = _vast(
    "Ziek uit dienst: een verkort re-integratieverslag vanaf zoveel weken ziekte",
    6,
    "weken",
    bronnen.RIV_EINDE_DIENSTVERBAND,
    "verkort",
    "uit dienst",
)
VOLLEDIG_RIV_VANAF = _vast(
    "Ziek uit dienst: een volledig re-integratieverslag vanaf zoveel weken ziekte",
    10,
    "weken",
    bronnen.RIV_EINDE_DIENSTVERBAND,
    "uit dienst",
)
ERD_ZW_MELDING_BINNEN = _vast(
    "Eigenrisicodrager Ziektewet: ziek uit dienst melden binnen zoveel weken na de laatste dag",
    6,
    "weken",
    bronnen.ERD_ZW_ZIEK_UIT_DIENST,
    "eigenrisicodrager",
)
ZWANGERSCHAPSZIEKTE_MELDING_NA = _vast(
    "Ziek door zwangerschap vóór het verlof: melden bij UWV uiterlijk op de eerste dag na zoveel weken, gerekend "
    "vanaf de eerste ziektedag",
    6,
    "weken",
    bronnen.MELDING_ZIEKTE_DOOR_ZWANGERSCHAP,
    "zwanger",
)
ZIEKTEWET_BEOORDELING_NA = _vast(
    "UWV kan na zoveel weken ziekte een Ziektewet-beoordeling doen (vroeger: Eerstejaars Ziektewet-beoordeling)",
    44,
    "weken",
    bronnen.ZIEKTEWET_BEOORDELING,
    "ziektewet-beoordeling",
)
ZWANGERSCHAPS_EN_BEVALLINGSVERLOF = _vast(
    "Zwangerschaps- en bevallingsverlof duurt minstens zoveel weken",
    16,
    "weken",
    bronnen.WAZO_VERLOF,
    "verlof",
)
ZWANGERSCHAPS_EN_BEVALLINGSVERLOF_MEERLING = _vast(
    "Zwangerschaps- en bevallingsverlof bij een meerling duurt minstens zoveel weken",
    20,
    "weken",
    bronnen.WAZO_VERLOF,
    "meerling",
)
ZIEKMELDING_UITERLIJK_DAG = _vast(
    "Ziekmelding bij UWV (Ziektewet) uiterlijk op deze ziektedag",
    4,
    "dagen",
    bronnen.ZIEKMELDING_VIERDE_DAG,
    "vierde",
    "ziekmelding",
)


# --- numbers that only the fixed answers cite (domain/faq_*.yml) -------------------------------
# Declared here so that tests/rules/test_answer_numbers.py can hold each answer to its source.
# Values checked in the law text where an article is given; the UWV ones on UWV's pages.

# BW 7:629 lid 2 onder a (text of 1-7-2026): "doorgaans op minder dan vier dagen per week uitsluitend of
# nagenoeg uitsluitend diensten ... ten behoeve van het huishouden": then 6 weeks of wages, not 104.
HUISHOUDEN_MINDER_DAN_DAGEN = _vast(
    "Huishoudelijk personeel: wie doorgaans minder dan zoveel dagen per week voor een huishouden werkt, krijgt bij "
    "ziekte kort loon",
    4,
    "dagen",
    bronnen.LOON_HUISHOUDEN,
    "huishouden",
)
LOONDOORBETALING_HUISHOUDEN = _vast(
    "Huishoudelijk personeel (kleine baan, zie HUISHOUDEN_MINDER_DAN_DAGEN): loon bij ziekte zoveel weken",
    6,
    "weken",
    bronnen.LOON_HUISHOUDEN,
    "huishouden",
)
# WW art. 19 lid 2 (text of 1-7-2026): the first thirteen weeks of sickness are no "wachtdagen", so the WW
# goes on for them; the Ziektewet follows after (UWV "Ik heb een WW-uitkering en ben ziek").
WW_BIJ_ZIEKTE = _vast(
    "Ziek met een WW-uitkering: de WW loopt de eerste zoveel weken van de ziekte door",
    13,
    "weken",
    bronnen.WW_EN_ZIEK,
    "ww-uitkering",
)
WACHTDAGEN_MAXIMUM = _vast(
    "Hoogstens zoveel wachtdagen (zonder loon) bij ziekte, als ze zijn afgesproken",
    2,
    "dagen",
    bronnen.WACHTDAGEN,
    "wachtdag",
)
RECHTSVERMOEDEN_ARBEIDSOMVANG = _vast(
    "Oproepkracht: na zoveel maanden geldt het gemiddelde van de zoveel maanden daarvoor als arbeidsomvang",
    3,
    "maanden",
    bronnen.RECHTSVERMOEDEN_ARBEIDSOMVANG,
    "arbeidsomvang",
    "gemiddeld",
)
NO_RISKPOLIS_MELDING_BINNEN = _vast(
    "No-riskpolis (en ziekte door zwangerschap vóór het verlof): ziekte bij UWV melden binnen zoveel weken",
    6,
    "weken",
    bronnen.MELDING_VANGNET_MET_WERKGEVER,
    "no-riskpolis",
)
NO_RISKPOLIS_DUUR = _vast(
    "De no-riskpolis dekt ziekte die begint binnen zoveel weken (5 jaar) na de start van het werk",
    260,
    "weken",
    bronnen.NO_RISKPOLIS,
    "no-riskpolis",
    "polis",
)
ZIEKTEWET_MAXIMUM = _vast(
    "Een Ziektewet-uitkering duurt hoogstens zoveel weken",
    104,
    "weken",
    bronnen.ZIEKTEWET_DUUR,
    "ziektewet",
)
OPZEGVERBOD_NA_BEVALLINGSVERLOF = _vast(
    "Opzegverbod nog zoveel weken na terugkeer na het bevallingsverlof",
    6,
    "weken",
    bronnen.OPZEGVERBOD_ZWANGERSCHAP,
    "opzeggen",
    "opzegverbod",
    "terugkeer",
)
# The same dates as LOONDOORBETALING_NA_AOW: the opzegverbod for an AOW-gerechtigde follows the wages.
OPZEGVERBOD_NA_AOW = Parameter(
    "Opzegverbod bij ziekte na het bereiken van de AOW-leeftijd duurt zoveel weken",
    "weken",
    bronnen.OPZEGVERBOD_NA_AOW,
    (
        Waarde(WET_WERKEN_NA_AOW, 13, bronnen.WERKEN_NA_AOW_2016),
        Waarde(EINDE_OVERGANGSREGELING_AOW, 6, bronnen.OPZEGVERBOD_NA_AOW_2023),
    ),
    ("opzegverbod",),
)
# WIA art. 102 lid 6: 14 weeks until the end of 2011; we do not compute with it, so only today's value.
WIA_BESLISTERMIJN = _vast(
    "UWV beslist op een WIA-aanvraag binnen zoveel weken (en mag die termijn verlengen)",
    8,
    "weken",
    bronnen.WIA_BESLISTERMIJN,
    "wettelijke beslistermijn",
)
ERD_WGA_DUUR = _vast(
    "Een eigenrisicodrager WGA betaalt een WGA-uitkering hoogstens zoveel weken (10 jaar); daarna UWV",
    520,
    "weken",
    bronnen.ERD_WGA_TIEN_JAAR,
    "eigenrisicodrager wga",
)
VRIJWILLIGE_VERZEKERING_AANMELDEN_BINNEN = _vast(
    "Vrijwillige verzekering Ziektewet/WIA bij UWV: aanmelden binnen zoveel weken na het einde van de verplichte",
    13,
    "weken",
    bronnen.VRIJWILLIGE_VERZEKERING,
    "vrijwillig",
)


def alle() -> dict[str, Parameter]:
    """Every parameter of this module by its name (for documentation and checks)."""
    return {name: value for name, value in globals().items() if isinstance(value, Parameter)}


# --- derived sick days (day 1 = eerste ziektedag) --------------------------------------------


def einde_week(week: int) -> int:
    """The last sick day of a week: week 6 ends on day 42."""
    return 7 * week


def begin_week(week: int) -> int:
    """The first sick day of a week: week 46 begins on day 316."""
    return 7 * week - 6
