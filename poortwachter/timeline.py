"""Where a sick employee stands under the Wet verbetering Poortwachter.

`compute_timeline` is pure: it reads no clock and does no I/O. Every figure it
returns carries the rule that produced it and the legal source, so a channel
can always answer "waarom?".
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Iterable, Sequence

from . import bronnen
from .advice import (
    GEEN_MOGELIJKHEDEN_ADVIES,
    SPOOR_1_ADVIES,
    Advies,
    Spoor,
    parse_advies,
)
from .bronnen import Bron
from .counting import Periode, Ziektegeval, build_case, week_of_day
from .errors import InvalidDateError, InvalidExtensionError, SickDateAfterPeildatumError
from .formatting import datum_nl, weekdag_nl
from .workdays import first_workday_on_or_after, holiday_name

# Day numbers (day 1 = eerste ziektedag), see counting.py for the convention.
DAY_PROBLEEMANALYSE = 42  # end of week 6
DAY_PLAN_VAN_AANPAK = 56  # end of week 8
DAY_AFTER_WEEK_42 = 295  # first day after week 42
DAY_EJE_START = 316  # start of week 46
DAY_EJE_END = 364  # end of week 52
DAY_REINTEGRATIEVERSLAG = 637  # end of week 91: 13 weeks before the end of the wachttijd
DAY_WIA_AANVRAAG = 651  # end of week 93: 11 weeks before the end of the wachttijd
DAY_END_WACHTTIJD = 728  # end of week 104
DAY_IVA_START = 22  # after at least 3 weeks of sickness
DAY_IVA_END = 476  # before 68 weeks of sickness (end of week 68)
EJE_WEEK = 46
PVA_AFTER_PA = timedelta(weeks=2)
SPOOR_2_AFTER_EJE = timedelta(weeks=6)
LOONSANCTIE_MAX = timedelta(weeks=52)
MIN_VERLENGING_WEKEN = 13
# The law sets no maximum; beyond ten years an extension is a typing error, and a
# huge number would overflow the date arithmetic.
MAX_VERLENGING_WEKEN = 520

VERSTREKEN, VANDAAG, KOMEND = "verstreken", "vandaag", "komend"
# Dates outside this range are typing errors, and far enough in the future they
# would overflow Python's date arithmetic (loonsanctie: up to ~3 years after d1).
EARLIEST_DATE, LATEST_DATE = date(1990, 1, 1), date(2100, 12, 31)


@dataclass(frozen=True)
class Uitkomst:
    """A computed value with the rule and source behind it."""

    waarde: object
    uitleg: str
    bron: Bron

    def as_dict(self) -> dict:
        return {"waarde": self.waarde, "uitleg": self.uitleg, "bron": self.bron.as_dict()}


@dataclass(frozen=True)
class Deadline:
    key: str
    titel: str
    datum: date | None
    status: str | None
    wie: str
    regel: str
    uitleg: str
    bron: Bron
    verplichting: bool = True  # False: informative date, or not needed for this advice

    def as_dict(self) -> dict:
        return {
            "titel": self.titel,
            "datum": self.datum.isoformat() if self.datum else None,
            "status": self.status,
            "wie": self.wie,
            "regel": self.regel,
            "uitleg": self.uitleg,
            "verplichting": self.verplichting,
            "bron": self.bron.as_dict(),
        }


@dataclass(frozen=True)
class Stap:
    titel: str
    uitleg: str
    wie: str
    bron: Bron
    datum: date | None = None
    termijn: str | None = None  # key of the deadline this step serves, if any

    def as_dict(self) -> dict:
        return {
            "titel": self.titel,
            "uitleg": self.uitleg,
            "wie": self.wie,
            "datum": self.datum.isoformat() if self.datum else None,
            "termijn": self.termijn,
            "bron": self.bron.as_dict(),
        }


@dataclass(frozen=True)
class Waarschuwing:
    termijn: str
    tekst: str
    bron: Bron

    def as_dict(self) -> dict:
        return {"termijn": self.termijn, "tekst": self.tekst, "bron": self.bron.as_dict()}


@dataclass(frozen=True)
class Tijdlijn:
    peildatum: date
    advies: Advies
    geval: Ziektegeval
    ziektedag: Uitkomst
    ziekteweek: Uitkomst
    spoor: Uitkomst
    termijnen: dict[str, Deadline]
    stappen: list[Stap]
    waarschuwingen: list[Waarschuwing]
    perspectief_relevant: bool
    opmerkingen: list[str] = field(default_factory=list)

    @property
    def eerste_ziektedag(self) -> date:
        return self.geval.eerste_ziektedag

    def datum(self, key: str) -> date | None:
        deadline = self.termijnen.get(key)
        return deadline.datum if deadline else None

    def as_dict(self) -> dict:
        """The JSON contract of `poortwachter tijdlijn --json` and the HR API."""
        bron_per_item = {key: d.bron.as_dict() for key, d in self.termijnen.items()}
        for name in ("ziektedag", "ziekteweek", "spoor"):
            bron_per_item[name] = getattr(self, name).bron.as_dict()
        return {
            "eerste_ziektedag": self.geval.eerste_ziektedag.isoformat(),
            "huidige_periode_vanaf": self.geval.huidige_start.isoformat(),
            "peildatum": self.peildatum.isoformat(),
            "advies": self.advies.value,
            "ziektedag": self.ziektedag.waarde,
            "ziekteweek": self.ziekteweek.waarde,
            "spoor": self.spoor.waarde,
            "termijnen": {k: (d.datum.isoformat() if d.datum else None) for k, d in self.termijnen.items()},
            "termijn_details": {k: d.as_dict() for k, d in self.termijnen.items()},
            "stappen": [s.as_dict() for s in self.stappen],
            "waarschuwingen": [w.as_dict() for w in self.waarschuwingen],
            "uitleg": {name: getattr(self, name).as_dict() for name in ("ziektedag", "ziekteweek", "spoor")},
            "bronnen": bron_per_item,
            "samengetelde_perioden": [
                {"begin": p.begin.isoformat(), "einde": p.einde.isoformat()} for p in self.geval.eerdere
            ],
            "niet_meegetelde_perioden": [
                {"begin": p.begin.isoformat(), "einde": p.einde.isoformat()} for p in self.geval.losse
            ],
            "perspectief_relevant": self.perspectief_relevant,
            "opmerkingen": list(self.opmerkingen),
        }


def _status(day: date | None, peildatum: date) -> str | None:
    if day is None:
        return None
    if day < peildatum:
        return VERSTREKEN
    return VANDAAG if day == peildatum else KOMEND


def _check_in_range(value: date, name: str) -> None:
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise InvalidDateError(
            f"De {name} ({value.isoformat()}) ligt buiten de periode die ik kan berekenen "
            f"({EARLIEST_DATE.year} tot en met {LATEST_DATE.year})."
        )


def _check_dates(eerste_ziektedag: date, peildatum: date) -> None:
    for value, name in ((eerste_ziektedag, "eerste ziektedag"), (peildatum, "peildatum")):
        if not isinstance(value, date):
            raise InvalidDateError(f"De {name} is geen geldige datum.")
        _check_in_range(value, name)
    if eerste_ziektedag > peildatum:
        raise SickDateAfterPeildatumError(
            f"De eerste ziektedag ({datum_nl(eerste_ziektedag)}) ligt na de peildatum "
            f"({datum_nl(peildatum)}). Een eerste ziektedag kan niet in de toekomst liggen."
        )


def compute_timeline(
    eerste_ziektedag: date,
    peildatum: date,
    advies: "str | Advies" = Advies.ONBEKEND,
    eerdere_perioden: Sequence[Periode] = (),
    verlenging_weken: int | None = None,
    perspectief_binnen_3_maanden: bool | None = None,
    probleemanalyse_datum: date | None = None,
    eerstejaarsevaluatie_datum: date | None = None,
) -> Tijdlijn:
    """Compute the position on `peildatum` of a case whose current period began on `eerste_ziektedag`.

    `eerdere_perioden` are earlier closed sickness periods; those separated by
    fewer than 28 days are merged into the case. `verlenging_weken` is a
    voluntary extension of the wachttijd (WIA art. 24, at least 13 weeks).
    """
    _check_dates(eerste_ziektedag, peildatum)
    advies = parse_advies(advies)
    if verlenging_weken is not None and verlenging_weken < MIN_VERLENGING_WEKEN:
        raise InvalidExtensionError(
            f"Een vrijwillige verlenging van de loondoorbetaling duurt minstens "
            f"{MIN_VERLENGING_WEKEN} weken (Wet WIA art. 24); {verlenging_weken} weken kan niet."
        )
    if verlenging_weken is not None and verlenging_weken > MAX_VERLENGING_WEKEN:
        raise InvalidExtensionError(
            f"Een verlenging van {verlenging_weken} weken is meer dan tien jaar; dat kan ik niet "
            f"berekenen. Klopt het aantal weken?"
        )
    for periode in eerdere_perioden:
        _check_in_range(periode.begin, "begindatum van een eerdere periode")
        _check_in_range(periode.einde, "einddatum van een eerdere periode")
    geval = build_case(eerste_ziektedag, eerdere_perioden)
    d1 = geval.eerste_ziektedag
    for value, name in (
        (probleemanalyse_datum, "probleemanalyse"),
        (eerstejaarsevaluatie_datum, "eerstejaarsevaluatie"),
    ):
        if value is not None:
            _check_in_range(value, f"datum van de {name}")
        if value is not None and value < d1:
            raise InvalidDateError(f"De datum van de {name} ligt vóór de eerste ziektedag.")
    if probleemanalyse_datum is not None and probleemanalyse_datum > peildatum:
        raise InvalidDateError("De datum van de probleemanalyse ligt in de toekomst.")

    ziektedag_nr = geval.sick_day_number(peildatum)
    week_nr = week_of_day(ziektedag_nr)
    builder = _TimelineBuilder(
        geval=geval,
        peildatum=peildatum,
        advies=advies,
        week=week_nr,
        verlenging_weken=verlenging_weken or 0,
        perspectief=perspectief_binnen_3_maanden,
        pa_datum=probleemanalyse_datum,
        eje_datum=eerstejaarsevaluatie_datum,
    )
    return builder.build(ziektedag_nr)


@dataclass
class _TimelineBuilder:
    geval: Ziektegeval
    peildatum: date
    advies: Advies
    week: int
    verlenging_weken: int
    perspectief: bool | None
    pa_datum: date | None
    eje_datum: date | None

    def day(self, n: int) -> date:
        return self.geval.date_of_day(n)

    def deadline(self, key, titel, datum, wie, regel, uitleg, bron, verplichting=True) -> Deadline:
        return Deadline(key, titel, datum, _status(datum, self.peildatum), wie, regel, uitleg, bron, verplichting)

    # --- the individual rules ---------------------------------------------------

    def ziektedag(self, n: int) -> Uitkomst:
        uitleg = "De eerste ziektedag is dag 1; elke kalenderdag telt mee, ook weekend en feestdagen."
        if self.geval.eerdere:
            uitleg += (
                f" Eerdere ziekteperioden met minder dan 4 weken ertussen tellen mee "
                f"({self.geval.eerdere_dagen} dagen); de dagen ertussen niet."
            )
            return Uitkomst(n, uitleg, bronnen.WIA_SAMENTELLEN)
        return Uitkomst(n, uitleg, bronnen.WIA_WACHTTIJD)

    def ziekteweek(self, n: int) -> Uitkomst:
        uitleg = (
            f"Ziektedag {n} valt in week {self.week}: week 1 zijn dag 1 tot en met 7, "
            "week 2 dag 8 tot en met 14, enzovoort."
        )
        return Uitkomst(self.week, uitleg, bronnen.WIA_WACHTTIJD)

    def eje_moment(self) -> date:
        return self.eje_datum or self.day(DAY_EJE_END)

    def eje_passed(self) -> bool:
        if self.eje_datum is not None:
            return self.peildatum >= self.eje_datum
        return self.peildatum > self.day(DAY_EJE_END)

    def spoor(self) -> Uitkomst:
        if self.advies in GEEN_MOGELIJKHEDEN_ADVIES:
            soort = "tijdelijk" if self.advies is Advies.TIJDELIJK_GEEN_MOGELIJKHEDEN else "blijvend"
            return Uitkomst(
                Spoor.GEEN_ACTIEVE_REINTEGRATIE.value,
                f"De bedrijfsarts ziet {soort} geen benutbare mogelijkheden om te werken. "
                "Zolang dat zo is, is er geen actieve re-integratie en geen spoor 1 of 2.",
                bronnen.GEEN_BENUTBARE_MOGELIJKHEDEN,
            )
        if self.advies is Advies.GEEN_PERSPECTIEF_EIGEN_WERKGEVER:
            return Uitkomst(
                Spoor.SPOOR_1_EN_2.value,
                "Volgens de bedrijfsarts is er geen passend werk meer bij de eigen werkgever. "
                "Dan moet spoor 2 (werk bij een andere werkgever) meteen starten, niet pas na "
                "de eerstejaarsevaluatie.",
                bronnen.SPOOR_2,
            )
        in_eje_window = self.week >= EJE_WEEK
        if self.eje_passed() or in_eje_window:
            if self.perspectief is True:
                return Uitkomst(
                    Spoor.SPOOR_1.value,
                    "Er is een concreet perspectief op structurele terugkeer bij de eigen werkgever "
                    "binnen 3 maanden. Dan mag spoor 2 achterwege blijven, zolang dat perspectief "
                    "concreet blijft (UWV Werkwijzer Poortwachter).",
                    bronnen.SPOOR_2,
                )
            if self.eje_passed() or self.perspectief is False:
                reden = (
                    "Er is geen concreet perspectief"
                    if self.perspectief is False
                    else "Er is niet vastgesteld dat er een concreet perspectief is"
                )
                return Uitkomst(
                    Spoor.SPOOR_1_EN_2.value,
                    f"{reden} op structurele terugkeer bij de eigen werkgever binnen 3 maanden na "
                    "de eerstejaarsevaluatie. Dan verwacht UWV naast spoor 1 ook spoor 2, uiterlijk "
                    "6 weken na de eerstejaarsevaluatie (UWV Werkwijzer Poortwachter).",
                    bronnen.SPOOR_2,
                )
        return Uitkomst(
            Spoor.SPOOR_1.value,
            "De bedrijfsarts ziet mogelijkheden bij de eigen werkgever (of heeft nog geen "
            "advies gegeven). Dan is de re-integratie gericht op terugkeer bij de eigen "
            "werkgever: spoor 1. Bij de eerstejaarsevaluatie wordt bekeken of spoor 2 nodig is.",
            bronnen.SPOOR_1,
        )

    def deadlines(self) -> dict[str, Deadline]:
        geen_mogelijkheden = self.advies in GEEN_MOGELIJKHEDEN_ADVIES
        result: dict[str, Deadline] = {}

        def add(d: Deadline) -> None:
            result[d.key] = d

        add(self.deadline(
            "probleemanalyse", "Probleemanalyse door de bedrijfsarts", self.day(DAY_PROBLEEMANALYSE),
            "werkgever (laat de bedrijfsarts de probleemanalyse maken)",
            "uiterlijk aan het eind van week 6 (ziektedag 42)",
            "Bij dreigend langdurig verzuim vraagt de werkgever binnen 6 weken een oordeel van de "
            "bedrijfsarts: de probleemanalyse. Wordt het verzuim pas later langdurig, dan meteen.",
            bronnen.PROBLEEMANALYSE,
            verplichting=self.pa_datum is None,
        ))

        pva_uiterste = self.day(DAY_PLAN_VAN_AANPAK)
        if self.pa_datum is not None:
            pva = min(self.pa_datum + PVA_AFTER_PA, pva_uiterste)
            regel = (
                f"binnen 2 weken na de probleemanalyse van {datum_nl(self.pa_datum)}, "
                "en uiterlijk aan het eind van week 8"
            )
        else:
            pva, regel = pva_uiterste, "uiterlijk aan het eind van week 8 (ziektedag 56)"
        uitleg = (
            "Werkgever en werknemer maken samen een plan van aanpak, binnen 2 weken na de "
            "probleemanalyse, en wijzen een casemanager aan."
        )
        if geen_mogelijkheden:
            uitleg += (
                " Zolang de bedrijfsarts geen benutbare mogelijkheden ziet, is een plan van aanpak "
                "nog niet nodig; dat volgt zodra er weer mogelijkheden zijn."
            )
        add(self.deadline(
            "plan_van_aanpak", "Plan van aanpak", pva, "werkgever en werknemer samen", regel, uitleg,
            bronnen.PLAN_VAN_AANPAK, verplichting=not geen_mogelijkheden,
        ))

        after_42 = self.day(DAY_AFTER_WEEK_42)
        melding = first_workday_on_or_after(after_42)
        uitleg = (
            "De werkgever meldt de werknemer bij UWV ziek op de eerste werkdag na week 42. "
            "Zaterdag, zondag en algemeen erkende feestdagen zijn geen werkdag. "
            "Te laat melden kost een boete (geen loonsanctie)."
        )
        if melding != after_42:
            waarom = holiday_name(after_42) or f"een {weekdag_nl(after_42)}"
            uitleg += f" De eerste dag na week 42 ({datum_nl(after_42)}) is {waarom}; daarom schuift de datum op."
        add(self.deadline(
            "melding_42e_week", "42e-weeksmelding bij UWV", melding, "werkgever",
            "uiterlijk op de eerste werkdag na de 42e ziekteweek", uitleg, bronnen.MELDING_42E_WEEK,
        ))

        eje_uitleg = (
            "Aan het eind van het eerste ziektejaar kijken werkgever en werknemer terug en vooruit: "
            "lukt terugkeer bij de eigen werkgever, of is spoor 2 nodig? In de praktijk gebeurt dit "
            "tussen week 46 en het eind van week 52."
        )
        add(self.deadline(
            "eerstejaarsevaluatie_vanaf", "Eerstejaarsevaluatie: begin van de periode",
            self.day(DAY_EJE_START), "werkgever en werknemer samen", "vanaf het begin van week 46",
            eje_uitleg, bronnen.EERSTEJAARSEVALUATIE, verplichting=False,
        ))
        add(self.deadline(
            "eerstejaarsevaluatie_uiterlijk", "Eerstejaarsevaluatie", self.day(DAY_EJE_END),
            "werkgever en werknemer samen", "uiterlijk aan het eind van week 52 (ziektedag 364)",
            eje_uitleg, bronnen.EERSTEJAARSEVALUATIE,
            verplichting=self.eje_datum is None and not geen_mogelijkheden,
        ))

        add(self.spoor_2_deadline())

        extra = 7 * self.verlenging_weken
        verlengd = (
            f" Door de vrijwillige verlenging van {self.verlenging_weken} weken schuift deze datum "
            f"{self.verlenging_weken} weken op."
            if extra
            else ""
        )
        add(self.deadline(
            "reintegratieverslag", "Re-integratieverslag (met eindevaluatie en actueel oordeel)",
            self.day(DAY_REINTEGRATIEVERSLAG + extra), "werkgever, in overleg met de werknemer",
            "uiterlijk 13 weken vóór het einde van de wachttijd (eind week 91)",
            "De werkgever maakt het re-integratieverslag en geeft de werknemer een kopie van alle "
            "stukken. Deze termijn wordt terug geteld en schuift niet op naar een werkdag." + verlengd,
            bronnen.REINTEGRATIEVERSLAG,
        ))
        add(self.deadline(
            "wia_aanvraag", "WIA-aanvraag bij UWV", self.day(DAY_WIA_AANVRAAG + extra), "werknemer",
            "uiterlijk 11 weken vóór het einde van de wachttijd (eind week 93)",
            "De werknemer vraagt zelf de WIA-uitkering aan; rond week 88 stuurt UWV daarover een "
            "brief. Sommige bronnen noemen nog week 91: dat was de regel tot 1 juli 2013. Deze "
            "termijn schuift niet op naar een werkdag." + verlengd,
            bronnen.WIA_AANVRAAG,
        ))
        laatste = self.day(DAY_END_WACHTTIJD + extra)
        add(self.deadline(
            "laatste_dag_wachttijd", "Laatste dag van de wachttijd (loondoorbetaling)", laatste,
            "werkgever (betaalt loon door tot en met deze dag)",
            "104 weken na de eerste ziektedag (ziektedag 728)",
            "De wachttijd voor de WIA duurt 104 weken; zo lang betaalt de werkgever loon door. "
            "Sommige websites noemen de dag erna als einddatum." + verlengd,
            bronnen.VERLENGING if extra else bronnen.WIA_WACHTTIJD, verplichting=False,
        ))
        add(self.deadline(
            "wia_ingang", "Eerste dag waarop een WIA-uitkering kan ingaan", laatste + timedelta(days=1),
            "UWV", "de dag na het einde van de wachttijd",
            "Een WIA-uitkering kan op zijn vroegst ingaan op de dag na de wachttijd.",
            bronnen.WIA_WACHTTIJD, verplichting=False,
        ))
        if extra:
            add(self.deadline(
                "verlengd_tijdvak_tot", "Einde van de vrijwillig verlengde loondoorbetaling", laatste,
                "werkgever", f"104 weken plus {self.verlenging_weken} weken verlenging",
                "Werkgever en werknemer kunnen samen vragen om de loondoorbetaling te verlengen "
                "(minstens 13 weken); de WIA-aanvraag en het re-integratieverslag schuiven mee.",
                bronnen.VERLENGING, verplichting=False,
            ))
        add(self.deadline(
            "loonsanctie_max_tot", "Uiterste einde van een eventuele loonsanctie",
            laatste + LOONSANCTIE_MAX, "werkgever (alleen als UWV een loonsanctie oplegt)",
            "maximaal 52 weken na het einde van de wachttijd",
            "Doet de werkgever te weinig aan re-integratie, dan kan UWV hem verplichten het loon "
            "maximaal 52 weken langer door te betalen.",
            bronnen.LOONSANCTIE, verplichting=False,
        ))
        if self.advies is Advies.DUURZAAM_GEEN_MOGELIJKHEDEN:
            iva_uitleg = (
                "Bij blijvend geen benutbare mogelijkheden (herstel uitgesloten) kan de werknemer de "
                "WIA (IVA) eerder aanvragen: na minstens 3 weken ziekte en vóórdat hij 68 weken ziek is. "
                "Dat kan maar één keer; een verklaring van de bedrijfsarts is nodig. Bronnen noemen "
                "soms week 4 of week 78; wij volgen UWV (3 en 68 weken)."
            )
            add(self.deadline(
                "vervroegde_iva_vanaf", "Vervroegde IVA-aanvraag: vanaf", self.day(DAY_IVA_START),
                "werknemer", "na minstens 3 weken ziekte (ziektedag 22)", iva_uitleg,
                bronnen.VERVROEGDE_IVA, verplichting=False,
            ))
            add(self.deadline(
                "vervroegde_iva_tot", "Vervroegde IVA-aanvraag: uiterlijk", self.day(DAY_IVA_END),
                "werknemer", "vóór 68 weken ziekte (uiterlijk eind week 68)", iva_uitleg,
                bronnen.VERVROEGDE_IVA, verplichting=False,
            ))
        return result

    def spoor_2_deadline(self) -> Deadline:
        key, titel, wie = "spoor_2_uiterlijk", "Uiterste start van spoor 2", "werkgever"
        if self.advies in GEEN_MOGELIJKHEDEN_ADVIES:
            return self.deadline(
                key, titel, None, wie, "niet van toepassing zolang er geen benutbare mogelijkheden zijn",
                "Zonder benutbare mogelijkheden is er geen re-integratie in spoor 1 of 2. Komen er "
                "weer mogelijkheden, dan gelden de gewone regels.",
                bronnen.GEEN_BENUTBARE_MOGELIJKHEDEN, verplichting=False,
            )
        if self.advies is Advies.GEEN_PERSPECTIEF_EIGEN_WERKGEVER:
            return self.deadline(
                key, titel, self.peildatum, wie, "direct",
                "Als vaststaat dat terugkeer bij de eigen werkgever niet meer kan, moet spoor 2 "
                "meteen starten, in welke week dan ook.",
                bronnen.SPOOR_2,
            )
        basis = (
            f"de eerstejaarsevaluatie van {datum_nl(self.eje_datum)}"
            if self.eje_datum
            else "het eind van week 52 (uiterste moment van de eerstejaarsevaluatie)"
        )
        uitleg = (
            f"Is er bij de eerstejaarsevaluatie geen concreet perspectief op structurele terugkeer "
            f"bij de eigen werkgever binnen 3 maanden, dan moet spoor 2 uiterlijk 6 weken na {basis} "
            "zijn gestart. Sommige bronnen noemen het eind van het eerste jaar; wij volgen de UWV "
            "Werkwijzer Poortwachter."
        )
        nodig = self.perspectief is not True
        return self.deadline(
            key, titel, self.eje_moment() + SPOOR_2_AFTER_EJE, wie,
            "6 weken na de eerstejaarsevaluatie, als er geen concreet perspectief binnen 3 maanden is",
            uitleg, bronnen.SPOOR_2,
            verplichting=nodig and (self.eje_passed() or self.week >= EJE_WEEK),
        )

    # --- steps and warnings --------------------------------------------------------

    def steps(self, termijnen: dict[str, Deadline], spoor: str) -> list[Stap]:
        immediate: list[Stap] = []
        if self.advies is Advies.GEEN_PERSPECTIEF_EIGEN_WERKGEVER:
            immediate.append(Stap(
                "Start spoor 2 nu", "Zoek, naast spoor 1, actief naar passend werk bij een andere "
                "werkgever, bijvoorbeeld met hulp van een re-integratiebureau.", "werkgever en werknemer",
                bronnen.SPOOR_2, self.peildatum, "spoor_2_uiterlijk",
            ))
        if self.advies is Advies.TIJDELIJK_GEEN_MOGELIJKHEDEN:
            immediate.append(Stap(
                "Houd contact en laat de bedrijfsarts opnieuw beoordelen",
                "Zodra er weer mogelijkheden zijn, stelt de bedrijfsarts de probleemanalyse bij en "
                "volgt een plan van aanpak.", "werkgever, werknemer en bedrijfsarts",
                bronnen.GEEN_BENUTBARE_MOGELIJKHEDEN,
            ))
        iva_tot = termijnen.get("vervroegde_iva_tot")
        if iva_tot is not None and iva_tot.status != VERSTREKEN:
            immediate.append(Stap(
                "Overweeg een vervroegde IVA-aanvraag",
                f"Dat kan tot en met {datum_nl(iva_tot.datum)}, met een verklaring van de bedrijfsarts.",
                "werknemer", bronnen.VERVROEGDE_IVA, iva_tot.datum, "vervroegde_iva_tot",
            ))
        if spoor != Spoor.GEEN_ACTIEVE_REINTEGRATIE.value:
            needs_ad = self.advies in (
                Advies.GEEN_PERSPECTIEF_EIGEN_WERKGEVER, Advies.ANDER_WERK_EIGEN_WERKGEVER, Advies.ONBEKEND
            ) or spoor == Spoor.SPOOR_1_EN_2.value
            if needs_ad and (self.week >= EJE_WEEK or self.advies is Advies.GEEN_PERSPECTIEF_EIGEN_WERKGEVER):
                immediate.append(Stap(
                    "Laat een arbeidsdeskundig onderzoek doen",
                    "Een arbeidsdeskundige onderzoekt welk werk nog passend is, bij de eigen werkgever "
                    "of elders. UWV kijkt hiernaar bij de beoordeling van het re-integratieverslag.",
                    "werkgever", bronnen.ARBEIDSDESKUNDIG_ONDERZOEK,
                ))
            pva = termijnen["plan_van_aanpak"]
            if pva.status == VERSTREKEN:
                immediate.append(Stap(
                    "Evalueer het plan van aanpak regelmatig",
                    "Bespreek de voortgang minstens eens per 6 weken (richtlijn) en stel het plan bij "
                    "als de situatie verandert.", "werkgever en werknemer", bronnen.PLAN_VAN_AANPAK,
                ))

        covered = {s.termijn for s in immediate}
        dated = [
            Stap(d.titel, f"{d.regel[0].upper()}{d.regel[1:]}.", d.wie, d.bron, d.datum, d.key)
            for d in termijnen.values()
            if d.verplichting and d.datum is not None and d.status != VERSTREKEN and d.key not in covered
        ]
        dated.sort(key=lambda s: s.datum)
        return immediate + dated

    def warnings(self, termijnen: dict[str, Deadline]) -> list[Waarschuwing]:
        gevolgen = {
            "probleemanalyse": "Laat de probleemanalyse nu alsnog maken; te laat kan tot een loonsanctie leiden.",
            "plan_van_aanpak": "Stel het plan van aanpak nu alsnog op; te laat kan tot een loonsanctie leiden.",
            "melding_42e_week": "Doe de melding nu alsnog; UWV kan de werkgever een boete geven.",
            "eerstejaarsevaluatie_uiterlijk": "Houd de eerstejaarsevaluatie nu alsnog.",
            "spoor_2_uiterlijk": "Start spoor 2 nu; een te late start is een veelvoorkomende reden voor een loonsanctie.",
            "reintegratieverslag": "Maak het re-integratieverslag nu af en geef de werknemer een kopie.",
            "wia_aanvraag": "Vraag de WIA nu aan: de uitkering kan anders later ingaan en de werkgever "
            "moet mogelijk langer loon doorbetalen.",
        }
        result = []
        for key, text in gevolgen.items():
            d = termijnen.get(key)
            if d is not None and d.verplichting and d.status == VERSTREKEN:
                result.append(Waarschuwing(
                    key,
                    f"De termijn voor '{d.titel}' is verstreken ({datum_nl(d.datum)}). Is dit nog niet "
                    f"gedaan? {text}",
                    d.bron,
                ))
        return result

    def build(self, ziektedag_nr: int) -> Tijdlijn:
        termijnen = self.deadlines()
        spoor = self.spoor()
        opmerkingen = []
        for periode in self.geval.losse:
            opmerkingen.append(
                f"De ziekteperiode van {datum_nl(periode.begin)} tot en met {datum_nl(periode.einde)} "
                "telt niet mee: er zitten 4 weken of meer tussen die periode en de volgende."
            )
        if self.peildatum > termijnen["laatste_dag_wachttijd"].datum:
            opmerkingen.append("De wachttijd is voorbij; de loondoorbetaling bij ziekte is geëindigd, "
                               "tenzij UWV een loonsanctie heeft opgelegd.")
        return Tijdlijn(
            peildatum=self.peildatum,
            advies=self.advies,
            geval=self.geval,
            ziektedag=self.ziektedag(ziektedag_nr),
            ziekteweek=self.ziekteweek(ziektedag_nr),
            spoor=spoor,
            termijnen=termijnen,
            stappen=self.steps(termijnen, spoor.waarde),
            waarschuwingen=self.warnings(termijnen),
            perspectief_relevant=self.advies in SPOOR_1_ADVIES and self.week >= EJE_WEEK,
            opmerkingen=opmerkingen,
        )


def parse_iso_date(value: str, name: str = "datum") -> date:
    """Parse YYYY-MM-DD strictly, with a Dutch error for malformed or impossible dates."""
    try:
        return date.fromisoformat(value.strip())
    except (ValueError, AttributeError):
        raise InvalidDateError(
            f"'{value}' is geen geldige {name}. Gebruik een bestaande datum in de vorm JJJJ-MM-DD, "
            "bijvoorbeeld 2025-03-04."
        ) from None


def parse_periods(values: Iterable[str]) -> list[Periode]:
    """Parse 'YYYY-MM-DD:YYYY-MM-DD' strings (begin and end both sick days)."""
    result = []
    for value in values:
        parts = value.split(":")
        if len(parts) != 2:
            raise InvalidDateError(
                f"'{value}' is geen geldige periode. Gebruik BEGIN:EINDE, bijvoorbeeld 2025-01-06:2025-02-01."
            )
        begin, einde = (parse_iso_date(p, "datum in een periode") for p in parts)
        result.append(Periode(begin, einde))
    return result


_SAMPLE_FIRST_DAY = date(2025, 1, 6)  # day 295 is a Monday, so no holiday note in the texts


def general_rules() -> dict[str, Deadline]:
    """Each deadline's rule without a personal date: titel, regel, uitleg and bron.

    The rule texts do not depend on the dates, so they are taken from a sample
    case (including the vervroegde IVA, which only exists for one advice).
    """
    rules = dict(compute_timeline(_SAMPLE_FIRST_DAY, _SAMPLE_FIRST_DAY, Advies.ONBEKEND).termijnen)
    iva = compute_timeline(_SAMPLE_FIRST_DAY, _SAMPLE_FIRST_DAY, Advies.DUURZAAM_GEEN_MOGELIJKHEDEN).termijnen
    rules.update({k: v for k, v in iva.items() if k.startswith("vervroegde_iva")})
    return rules
