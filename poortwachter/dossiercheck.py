"""Dossier check for HR: is the re-integration file ready for UWV's poortwachtertoets?

Given a case (the timeline's input record, with its explicit peildatum) and the dates of the documents
the employer has, say per document whether it is in order, late and by how much, missing, or not yet
due, what follows from it and what to do now, and an overall verdict. Pure like the rest of the
package: no I/O, no clock.

Every deadline comes from the package's own timeline (`compute_tijdlijn_for`): the check adds no
deadline of its own except the one documented for a bijstelling of the plan van aanpak, for which
the law names no term. A given probleemanalyse or eerstejaarsevaluatie date feeds the timeline, so
the plan van aanpak and spoor 2 are measured against the deadlines that follow from them.

Which documents, and when (sources in bronnen.py and bronnen_dossier.py):

- always checked: probleemanalyse, plan van aanpak (not while the bedrijfsarts sees no possibilities),
  42e-weeksmelding, eerstejaarsevaluatie (idem), WIA-aanvraag;
- with the re-integratieverslag (week of `reintegratieverslag`): the verslag itself, the actueel
  oordeel of the bedrijfsarts and the eindevaluatie;
- when spoor 2 is due (the timeline's `spoor_2_uiterlijk` is open): its start, and the
  arbeidsdeskundig onderzoek that shows there is no suitable work in the own company;
- when the bedrijfsarts changed the advice (a bijstelling of the probleemanalyse is given): the
  bijstelling of the plan van aanpak;
- when the contract ends during sickness: the ziekmelding uit dienst and the re-integratieverslag at
  the end of the contract (not for an eigenrisicodrager Ziektewet, Ziektewet art. 38 lid 2), with the
  eindevaluatie in it after ten weeks of sickness. Employer deadlines after the last day fall away;
  an eigenrisicodrager Ziektewet keeps guiding the re-integration, so for it they run on.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import Enum

from . import bronnen, bronnen_dossier
from .advies import GEEN_MOGELIJKHEDEN_ADVIES, Advies, parse_advies
from .bronnen import Bron
from .errors import InvalidDateError, PoortwachterError
from .formatting import datum_nl
from .invoer import Invoer
from .parameters import (
    EVALUATIE_PLAN_VAN_AANPAK,
    LOONSANCTIE_MAXIMUM,
    PLAN_VAN_AANPAK_NA_PROBLEEMANALYSE,
    VOLLEDIG_RIV_VANAF,
    einde_week,
)
from .parsing import parse_iso_date
from .results import Tijdlijn
from .situatie import Regime
from .tijdlijn import compute_tijdlijn_for
from .validation import check_in_window

# --- the contract others code against ---------------------------------------------------------

# Answers for a document without a date: "weet ik niet" and "niet gedaan" (the chat's buttons).
ONBEKEND = "onbekend"
NIET_GEDAAN = "niet_gedaan"

KERNDOCUMENTEN: tuple[str, ...] = (
    "probleemanalyse",
    "plan_van_aanpak",
    "melding_42e_week",
    "eerstejaarsevaluatie",
    "wia_aanvraag",
)
# Every document the check knows, in the order of the schedule.
DOCUMENTEN: tuple[str, ...] = (
    "probleemanalyse",
    "plan_van_aanpak",
    "bijstelling_probleemanalyse",
    "bijstelling_plan_van_aanpak",
    "melding_42e_week",
    "eerstejaarsevaluatie",
    "arbeidsdeskundig_onderzoek",
    "start_spoor_2",
    "ziekmelding_uit_dienst",
    "reintegratieverslag_einde_dienstverband",
    "actueel_oordeel",
    "eindevaluatie",
    "reintegratieverslag",
    "wia_aanvraag",
)
TITELS: dict[str, str] = {
    "probleemanalyse": "Probleemanalyse van de bedrijfsarts",
    "plan_van_aanpak": "Plan van aanpak",
    "bijstelling_probleemanalyse": "Bijstelling van de probleemanalyse (nieuw advies)",
    "bijstelling_plan_van_aanpak": "Bijstelling van het plan van aanpak",
    "melding_42e_week": "42e-weeksmelding bij UWV",
    "eerstejaarsevaluatie": "Eerstejaarsevaluatie",
    "arbeidsdeskundig_onderzoek": "Arbeidsdeskundig onderzoek",
    "start_spoor_2": "Start van spoor 2",
    "ziekmelding_uit_dienst": "Ziekmelding uit dienst bij UWV",
    "reintegratieverslag_einde_dienstverband": "Re-integratieverslag bij einde dienstverband",
    "actueel_oordeel": "Actueel oordeel van de bedrijfsarts",
    "eindevaluatie": "Eindevaluatie",
    "reintegratieverslag": "Re-integratieverslag",
    "wia_aanvraag": "WIA-aanvraag (met het re-integratieverslag)",
}


class DocumentStatus(str, Enum):
    OP_TIJD = "op_tijd"
    TE_LAAT = "te_laat"
    ONTBREEKT = "ontbreekt"
    NOG_NIET_NODIG = "nog_niet_nodig"  # not due yet, or not required in this case (`verplicht` says which)


class Oordeel(str, Enum):
    OP_ORDE = "op_orde"
    AANDACHT_NODIG = "aandacht_nodig"  # something late or missing, without a loonsanctie risk
    RISICO_LOONSANCTIE = "risico_loonsanctie"
    NOG_NIET_TE_BEOORDELEN = "nog_niet_te_beoordelen"  # nothing was due yet


# The words for a status and a verdict, one set for every face (CLI, PDF, chat), as ADVIES_LABELS is.
STATUS_LABELS = {
    DocumentStatus.OP_TIJD: "op tijd",
    DocumentStatus.TE_LAAT: "te laat",
    DocumentStatus.ONTBREEKT: "ontbreekt",
    DocumentStatus.NOG_NIET_NODIG: "nog niet nodig",
}
OORDEEL_LABELS = {
    Oordeel.OP_ORDE: "Op orde",
    Oordeel.AANDACHT_NODIG: "Aandacht nodig",
    Oordeel.RISICO_LOONSANCTIE: "Risico op een loonsanctie",
    Oordeel.NOG_NIET_TE_BEOORDELEN: "Nog niets nodig",
}

# How the caller answered for a document.
OPGEGEVEN_DATUM, OPGEGEVEN_NIET = "datum", "niet_opgegeven"


class UnknownDocumentError(PoortwachterError):
    """A document name the check does not know."""


@dataclass(frozen=True)
class Documentcheck:
    naam: str
    status: DocumentStatus
    uiterlijk: date | None  # the deadline in this case; None when there is none (or it fell away)
    datum: date | None  # when it was done, if given
    # TE_LAAT: days from the deadline to the date it was done; ONTBREEKT: days from the deadline to the
    # peildatum (how late it is now); otherwise None.
    dagen_te_laat: int | None
    gevolg: str
    actie: str
    bron: Bron
    titel: str = ""
    verplicht: bool = True  # required in this case (now or later)
    vervalt: bool = False  # falls away in this situation (contract ended, AOW-leeftijd); `gevolg` says why
    opgegeven: str = OPGEGEVEN_NIET  # "datum", "niet_gedaan", "onbekend" or "niet_opgegeven"

    def as_dict(self) -> dict:
        return {
            "naam": self.naam,
            "titel": self.titel,
            "status": self.status.value,
            "uiterlijk": self.uiterlijk.isoformat() if self.uiterlijk else None,
            "datum": self.datum.isoformat() if self.datum else None,
            "dagen_te_laat": self.dagen_te_laat,
            "gevolg": self.gevolg,
            "actie": self.actie,
            "bron": self.bron.as_dict(),
            "verplicht": self.verplicht,
            "vervalt": self.vervalt,
            "opgegeven": self.opgegeven,
        }


@dataclass(frozen=True)
class Dossiercheck:
    invoer: Invoer  # the input the check computed with (document dates that move deadlines included)
    peildatum: date
    documenten: dict[str, Documentcheck]  # the five KERNDOCUMENTEN always, the others when they apply
    oordeel: str  # an Oordeel value
    oordeel_uitleg: str
    niet_te_controleren: list[str]
    tijdlijn: Tijdlijn | None = field(default=None, compare=False)

    def as_dict(self) -> dict:
        t = self.tijdlijn
        return {
            "peildatum": self.peildatum.isoformat(),
            "eerste_ziektedag": t.eerste_ziektedag.isoformat() if t else None,
            "ziekteweek": t.ziekteweek.waarde if t else None,
            "situatie": t.situatie.regime.value if t else None,
            "oordeel": self.oordeel,
            "oordeel_uitleg": self.oordeel_uitleg,
            "oordeel_bron": bronnen_dossier.POORTWACHTERTOETS.as_dict(),
            "documenten": {naam: d.as_dict() for naam, d in self.documenten.items()},
            "niet_te_controleren": list(self.niet_te_controleren),
            "invoer": self.invoer.as_dict(),
        }


# The source of each document when the case gives none of its own (a document given outside its situation).
_BRON: dict[str, Bron] = {
    "probleemanalyse": bronnen.PROBLEEMANALYSE,
    "plan_van_aanpak": bronnen.PLAN_VAN_AANPAK,
    "bijstelling_probleemanalyse": bronnen_dossier.BIJSTELLING_PROBLEEMANALYSE,
    "bijstelling_plan_van_aanpak": bronnen_dossier.BIJSTELLING_PLAN_VAN_AANPAK,
    "melding_42e_week": bronnen.MELDING_42E_WEEK,
    "eerstejaarsevaluatie": bronnen.EERSTEJAARSEVALUATIE,
    "arbeidsdeskundig_onderzoek": bronnen.ARBEIDSDESKUNDIG_ONDERZOEK,
    "start_spoor_2": bronnen.SPOOR_2,
    "ziekmelding_uit_dienst": bronnen.ZIEKMELDING_UIT_DIENST,
    "reintegratieverslag_einde_dienstverband": bronnen.RIV_EINDE_DIENSTVERBAND,
    "actueel_oordeel": bronnen_dossier.ACTUEEL_OORDEEL,
    "eindevaluatie": bronnen_dossier.EINDEVALUATIE,
    "reintegratieverslag": bronnen.REINTEGRATIEVERSLAG,
    "wia_aanvraag": bronnen.WIA_AANVRAAG,
}


# --- reading the documents --------------------------------------------------------------------


@dataclass(frozen=True)
class _Antwoord:
    """What the caller said about one document."""

    datum: date | None
    opgegeven: str


def _lees(documenten: Mapping[str, date | str | None]) -> dict[str, _Antwoord]:
    """Names checked and values parsed; no date checked against the case yet."""
    if not isinstance(documenten, Mapping):
        raise UnknownDocumentError("Geef de documenten als naam met datum, bijvoorbeeld probleemanalyse=2025-04-10.")
    gelezen: dict[str, _Antwoord] = {}
    for ruwe_naam, waarde in documenten.items():
        naam = str(ruwe_naam).strip().lower().replace("-", "_").replace(" ", "_")
        if naam not in DOCUMENTEN:
            getoond = str(ruwe_naam)[:40]  # echo a little of what was sent, not a whole body
            raise UnknownDocumentError(f"Onbekend document: '{getoond}'. Kies uit: {', '.join(DOCUMENTEN)}.")
        if naam in gelezen:
            raise UnknownDocumentError(f"Het document '{naam}' staat twee keer in de invoer.")
        gelezen[naam] = _antwoord(naam, waarde)
    return gelezen


def _antwoord(naam: str, waarde: object) -> _Antwoord:
    label = f"datum van {_lidwoord(naam)}"
    if waarde is None:
        return _Antwoord(None, OPGEGEVEN_NIET)
    if isinstance(waarde, date) and not hasattr(waarde, "hour"):  # a datetime is not a date here
        check_in_window(waarde, label)
        return _Antwoord(waarde, OPGEGEVEN_DATUM)
    if not isinstance(waarde, str):
        raise InvalidDateError(
            f"De {label} moet een datum zijn in de vorm JJJJ-MM-DD, of '{NIET_GEDAAN}' of '{ONBEKEND}'."
        )
    tekst = waarde.strip().lower().replace(" ", "_").replace("-", "_")
    if tekst in (ONBEKEND, "weet_ik_niet"):
        return _Antwoord(None, ONBEKEND)
    if tekst in (NIET_GEDAAN, "nee", "niet_gemaakt"):
        return _Antwoord(None, NIET_GEDAAN)
    dag = parse_iso_date(waarde, label)
    check_in_window(dag, label)
    return _Antwoord(dag, OPGEGEVEN_DATUM)


def _lidwoord(naam: str) -> str:
    """'de probleemanalyse', 'het plan van aanpak': the document's title in a sentence."""
    titel = TITELS[naam]
    titel = titel[0].lower() + titel[1:] if not titel.startswith(("WIA", "UWV")) else titel
    het = naam in ("plan_van_aanpak", "arbeidsdeskundig_onderzoek", "actueel_oordeel") or naam.startswith(
        "reintegratieverslag"
    )
    return f"{'het' if het else 'de'} {titel}"


def _merge(invoer: Invoer, naam: str, veld: str, antwoord: _Antwoord | None) -> Invoer:
    """A document date that the timeline also reads (it moves a deadline): one value, not two."""
    eigen = getattr(invoer, veld)
    if antwoord is None or antwoord.datum is None:
        return invoer
    if eigen is not None and eigen != antwoord.datum:
        raise InvalidDateError(
            f"De datum van {_lidwoord(naam)} staat twee keer in de invoer, met verschillende datums "
            f"({datum_nl(eigen)} en {datum_nl(antwoord.datum)}). Geef één datum."
        )
    return replace(invoer, **{veld: antwoord.datum})


# --- what the law asks of each document in this case -------------------------------------------

# How a late or missing document can hurt: a loonsanctie (WIA art. 25 lid 9), a fine and a longer
# wage period (the notices to UWV), or the employee's own application.
_LOONSANCTIE, _MELDING, _WERKNEMER, _VERSLAG_UIT_DIENST, _GEEN = "loonsanctie", "melding", "werknemer", "verslag", ""


@dataclass(frozen=True)
class _Eis:
    verplicht: bool
    uiterlijk: date | None
    bron: Bron
    risico: str
    toelichting: str = ""  # the rule in words, or why the document is not needed
    vervalt: bool = False
    direct: bool = False  # due at once (spoor 2 when there is no prospect with the own employer)
    vroeg_voor: date | None = None  # a date before this is early (the eerstejaarsevaluatie's usual period)


@dataclass(frozen=True)
class _Stand:
    """The timelines the check reads: with the given dates, without them (to tell "not needed" from "done"),
    and, for an eigenrisicodrager Ziektewet whose contract ended, as if the schedule ran on."""

    met: Tijdlijn
    zonder: Tijdlijn
    erd_met: Tijdlijn | None
    erd_zonder: Tijdlijn | None

    @property
    def uit_dienst(self) -> bool:
        return self.met.situatie.regime is Regime.ZIEK_UIT_DIENST

    @property
    def erd_na_einde(self) -> bool:
        return self.erd_met is not None


# Documents an eigenrisicodrager Ziektewet keeps making after the contract ended. The 42e-weeksmelding is
# not among them: we found no source on whether it is still due for an ex-employee (niet_te_controleren).
_ERD_LOOPT_DOOR = frozenset(
    {"plan_van_aanpak", "eerstejaarsevaluatie_uiterlijk", "spoor_2_uiterlijk", "reintegratieverslag"}
)


def _uit_termijn(stand: _Stand, key: str, risico: str, vereist_uit: str = "zonder") -> _Eis | None:
    """The requirement that one of the timeline's deadlines puts on a document; None when it has no such deadline."""
    eigen = stand.met.termijnen.get(key)
    if eigen is None:
        return None
    if eigen.vervalt and stand.erd_na_einde and key in _ERD_LOOPT_DOOR:
        door = stand.erd_met.termijnen.get(key)
        if door is not None and not door.vervalt:
            basis = stand.erd_zonder if vereist_uit == "zonder" else stand.erd_met
            einde = stand.met.situatie.einde_dienstverband
            return _Eis(
                verplicht=basis.termijnen[key].nog_te_doen,
                uiterlijk=door.datum,
                bron=bronnen_dossier.ERD_ZW_NA_EINDE,
                risico=risico,
                toelichting=(
                    f"Het dienstverband eindigde op {datum_nl(einde)}. Als eigenrisicodrager Ziektewet begeleidt u de "
                    "re-integratie daarna zelf, en UWV toetst bij de WIA-aanvraag ook die periode. Deze stap loopt dus "
                    f"door, met de gewone termijn: {door.regel}."
                ),
            )
    if eigen.vervalt:
        return _Eis(False, None, eigen.bron, _GEEN, toelichting=eigen.uitleg, vervalt=True)
    basis = stand.zonder if vereist_uit == "zonder" else stand.met
    verplicht = basis.termijnen[key].nog_te_doen if key in basis.termijnen else eigen.nog_te_doen
    if verplicht:
        return _Eis(True, eigen.datum, eigen.bron, risico, f"De regel: {eigen.regel}.")
    if stand.met.advies in GEEN_MOGELIJKHEDEN_ADVIES:
        return _Eis(
            False,
            eigen.datum,
            bronnen.GEEN_BENUTBARE_MOGELIJKHEDEN,
            risico,
            "Zolang de bedrijfsarts geen benutbare mogelijkheden ziet om te werken, is dit niet nodig. Komen die er "
            "weer, dan geldt de gewone termijn.",
        )
    return _Eis(False, eigen.datum, eigen.bron, risico, eigen.uitleg)


def _eisen(stand: _Stand, antwoorden: dict[str, _Antwoord]) -> dict[str, _Eis]:
    met = stand.met
    eisen: dict[str, _Eis | None] = {
        "probleemanalyse": _uit_termijn(stand, "probleemanalyse", _LOONSANCTIE),
        "plan_van_aanpak": _uit_termijn(stand, "plan_van_aanpak", _LOONSANCTIE),
        "melding_42e_week": _uit_termijn(stand, "melding_42e_week", _MELDING),
        "eerstejaarsevaluatie": _uit_termijn(stand, "eerstejaarsevaluatie_uiterlijk", _LOONSANCTIE),
        "wia_aanvraag": _uit_termijn(stand, "wia_aanvraag", _WERKNEMER),
        "ziekmelding_uit_dienst": _uit_termijn(stand, "ziekmelding_uit_dienst", _MELDING),
        "reintegratieverslag_einde_dienstverband": _uit_termijn(
            stand, "reintegratieverslag_einde_dienstverband", _VERSLAG_UIT_DIENST
        ),
    }
    eisen.update(_spoor_2(stand))
    eisen.update(_reintegratieverslag(stand))
    eisen.update(_bijstelling(stand, antwoorden, eisen["plan_van_aanpak"]))
    vanaf = met.termijnen.get("eerstejaarsevaluatie_vanaf")
    if eisen["eerstejaarsevaluatie"] is not None and vanaf is not None and vanaf.datum is not None:
        eisen["eerstejaarsevaluatie"] = replace(eisen["eerstejaarsevaluatie"], vroeg_voor=vanaf.datum)
    if met.advies is Advies.GEEN_PERSPECTIEF_EIGEN_WERKGEVER:  # spoor 2 at once, and the onderzoek before it
        for naam in ("start_spoor_2", "arbeidsdeskundig_onderzoek"):
            if eisen.get(naam) is not None and eisen[naam].verplicht:
                eisen[naam] = replace(eisen[naam], direct=True)
    return {naam: eis for naam, eis in eisen.items() if eis is not None}


def _spoor_2(stand: _Stand) -> dict[str, _Eis | None]:
    """Spoor 2 and the arbeidsdeskundig onderzoek that precedes it: only when spoor 2 is due in this case."""
    start = _uit_termijn(stand, "spoor_2_uiterlijk", _LOONSANCTIE, vereist_uit="met")
    if start is None or (not start.verplicht and not start.vervalt):
        return {"start_spoor_2": None, "arbeidsdeskundig_onderzoek": None}
    if start.vervalt:
        return {"start_spoor_2": start, "arbeidsdeskundig_onderzoek": None}
    onderzoek = _Eis(
        True,
        start.uiterlijk,
        bronnen.ARBEIDSDESKUNDIG_ONDERZOEK,
        _LOONSANCTIE,
        toelichting=(
            "De wet noemt voor dit onderzoek geen datum. Het laat zien of er passend werk in uw bedrijf is; "
            "daarom rekenen wij met de uiterste start van spoor 2."
        ),
    )
    return {"start_spoor_2": start, "arbeidsdeskundig_onderzoek": onderzoek}


def _reintegratieverslag(stand: _Stand) -> dict[str, _Eis | None]:
    """The verslag for the WIA-aanvraag with two of its parts, due with it; the eindevaluatie also at the end of
    a contract after ten weeks of sickness (the full verslag)."""
    verslag = _uit_termijn(stand, "reintegratieverslag", _LOONSANCTIE)
    if verslag is None:
        return {}
    delen = {
        "reintegratieverslag": verslag,
        "actueel_oordeel": replace(
            verslag,
            bron=bronnen_dossier.ACTUEEL_OORDEEL,
            toelichting=(
                "De bedrijfsarts geeft een actueel oordeel bij het re-integratieverslag, vóór de eindevaluatie."
                if verslag.verplicht and not verslag.vervalt
                else verslag.toelichting
            ),
        ),
        "eindevaluatie": replace(
            verslag,
            bron=bronnen_dossier.EINDEVALUATIE,
            toelichting=(
                "U en de werknemer maken de eindevaluatie samen, als deel van het re-integratieverslag."
                if verslag.verplicht and not verslag.vervalt
                else verslag.toelichting
            ),
        ),
    }
    einde = stand.met.termijnen.get("reintegratieverslag_einde_dienstverband")
    if verslag.vervalt and einde is not None and not einde.vervalt:
        dagen = stand.met.geval.day_number_of(einde.datum)
        if dagen >= einde_week(VOLLEDIG_RIV_VANAF.waarde):
            delen["eindevaluatie"] = _Eis(
                True,
                einde.datum,
                bronnen_dossier.EINDEVALUATIE,
                _VERSLAG_UIT_DIENST,
                toelichting=(
                    f"Gaat de werknemer na {VOLLEDIG_RIV_VANAF.tekst()} ziekte of langer uit dienst, dan hoort de "
                    "eindevaluatie bij het re-integratieverslag op de laatste dag van het dienstverband."
                ),
            )
    return delen


def _bijstelling(stand: _Stand, antwoorden: dict[str, _Antwoord], plan: _Eis | None) -> dict[str, _Eis | None]:
    """A changed advice (bijstelling van de probleemanalyse) asks for a changed plan. The law names no term: we
    measure it with the plan's own term after the probleemanalyse, and say so."""
    advies = antwoorden.get("bijstelling_probleemanalyse")
    eigen = antwoorden.get("bijstelling_plan_van_aanpak")
    result: dict[str, _Eis | None] = {}
    if advies is not None:
        result["bijstelling_probleemanalyse"] = _Eis(
            False,
            None,
            bronnen_dossier.BIJSTELLING_PROBLEEMANALYSE,
            _GEEN,
            toelichting=(
                "De bedrijfsarts stelt de probleemanalyse bij als de situatie van de werknemer verandert. "
                "Daar staat geen vaste datum voor."
            ),
        )
    plan_nodig = plan is not None and plan.verplicht and not plan.vervalt
    if advies is not None and advies.datum is not None and plan_nodig:
        termijn = PLAN_VAN_AANPAK_NA_PROBLEEMANALYSE
        result["bijstelling_plan_van_aanpak"] = _Eis(
            True,
            advies.datum + timedelta(weeks=termijn.waarde),
            bronnen_dossier.BIJSTELLING_PLAN_VAN_AANPAK,
            _LOONSANCTIE,
            toelichting=(
                f"Na het nieuwe advies van {datum_nl(advies.datum)} stelt u het plan van aanpak bij. De wet noemt "
                f"daarvoor geen eigen termijn; wij rekenen met die van het plan van aanpak: {termijn.tekst()} na "
                "het advies."
            ),
        )
    elif eigen is not None:
        result["bijstelling_plan_van_aanpak"] = _Eis(
            False,
            None,
            bronnen_dossier.BIJSTELLING_PLAN_VAN_AANPAK,
            _GEEN,
            toelichting="Het plan van aanpak wordt bijgesteld als de situatie verandert; daar staat geen vaste datum voor.",
        )
    return result


# --- status, consequence and action per document ----------------------------------------------

_ACTIE_ONTBREEKT = {
    "probleemanalyse": "Vraag de bedrijfsarts nu om de probleemanalyse.",
    "plan_van_aanpak": "Stel nu samen met de werknemer het plan van aanpak op en wijs een casemanager aan.",
    "bijstelling_plan_van_aanpak": "Stel het plan van aanpak nu bij, samen met de werknemer, op basis van het nieuwe advies.",
    "melding_42e_week": "Doe de 42e-weeksmelding nu alsnog bij UWV.",
    "eerstejaarsevaluatie": "Houd de eerstejaarsevaluatie nu alsnog met de werknemer en leg ieders visie vast.",
    "arbeidsdeskundig_onderzoek": "Laat nu een arbeidsdeskundig onderzoek doen.",
    "start_spoor_2": "Start spoor 2 nu, bijvoorbeeld met een re-integratiebureau.",
    "ziekmelding_uit_dienst": "Meld de werknemer nu alsnog ziek uit dienst bij UWV.",
    "reintegratieverslag_einde_dienstverband": "Maak het verslag nu af en geef de werknemer een kopie.",
    "actueel_oordeel": "Vraag de bedrijfsarts nu om een actueel oordeel.",
    "eindevaluatie": "Maak de eindevaluatie nu, samen met de werknemer.",
    "reintegratieverslag": "Maak het re-integratieverslag nu af en geef de werknemer een kopie van alle stukken.",
    "wia_aanvraag": "Wijs de werknemer erop dat de WIA-aanvraag nu moet, en geef het re-integratieverslag mee.",
}


def _risico_tekst(eis: _Eis, naam: str, erd_na_einde: bool) -> str:
    if eis.risico == _LOONSANCTIE:
        if erd_na_einde and eis.bron is bronnen_dossier.ERD_ZW_NA_EINDE:
            sanctie = (
                "Dit vergroot de kans dat UWV bij de WIA-aanvraag een sanctie oplegt: als eigenrisicodrager betaalt u "
                "dan de Ziektewet-uitkering langer."
            )
        else:
            sanctie = (
                "Dit vergroot de kans op een loonsanctie: UWV kan u dan verplichten het loon tot "
                f"{LOONSANCTIE_MAXIMUM.tekst()} langer door te betalen ({bronnen.LOONSANCTIE.citation()})."
            )
        if naam == "arbeidsdeskundig_onderzoek":
            return (
                "De wet verplicht dit onderzoek niet, maar UWV kijkt ernaar: zonder onderzoek is moeilijk te laten zien "
                "dat er geen passend werk in uw bedrijf is. " + sanctie
            )
        return sanctie
    if eis.risico == _MELDING and naam == "melding_42e_week":
        return (
            "UWV kan u een boete geven. Ook moet u het loon langer doorbetalen: zo lang als de melding te laat is "
            f"({bronnen_dossier.MELDING_42E_WEEK_TE_LAAT.citation()}). Een loonsanctie is het niet."
        )
    if eis.risico == _MELDING:
        return "UWV kan u een boete geven."
    if eis.risico == _WERKNEMER:
        return (
            "De werknemer vraagt de WIA zelf aan. Is de aanvraag zonder goede reden te laat, dan schuift het einde van "
            "de loondoorbetaling op met de vertraging, maar krijgt de werknemer over die tijd geen loon "
            f"({bronnen_dossier.WIA_AANVRAAG_TE_LAAT.citation()})."
        )
    if eis.risico == _VERSLAG_UIT_DIENST:
        return "UWV vraagt het verslag op om de Ziektewet-uitkering te beoordelen."
    return ""


def _dagen(n: int) -> str:
    return f"{n} {'dag' if n == 1 else 'dagen'}"


def _check(naam: str, eis: _Eis, antwoord: _Antwoord, peildatum: date, erd_na_einde: bool) -> Documentcheck:
    datum, uiterlijk = antwoord.datum, eis.uiterlijk
    basis = dict(
        naam=naam,
        uiterlijk=uiterlijk,
        datum=datum,
        bron=eis.bron,
        titel=TITELS[naam],
        verplicht=eis.verplicht,
        vervalt=eis.vervalt,
        opgegeven=antwoord.opgegeven,
    )
    if not eis.verplicht or uiterlijk is None:
        if datum is not None:
            gevolg = f"In het dossier: {datum_nl(datum)}. {eis.toelichting}".strip()
            return Documentcheck(
                status=DocumentStatus.OP_TIJD, dagen_te_laat=None, gevolg=gevolg, actie="Niets te doen.", **basis
            )
        voorvoegsel = "Vervalt" if eis.vervalt else "Niet nodig"
        toelichting = eis.toelichting.removeprefix("Vervalt: ")
        return Documentcheck(
            status=DocumentStatus.NOG_NIET_NODIG,
            dagen_te_laat=None,
            gevolg=f"{voorvoegsel}: {toelichting}",
            actie="Niets te doen.",
            **{**basis, "uiterlijk": None},
        )
    if datum is not None and datum <= uiterlijk:
        gevolg = f"Op tijd: gedaan op {datum_nl(datum)}, uiterlijk was {datum_nl(uiterlijk)}."
        if eis.vroeg_voor is not None and datum < eis.vroeg_voor:
            gevolg += (
                " Let op: de evaluatie was vroeg. UWV verwacht een evaluatie aan het eind van het eerste ziektejaar, "
                f"meestal vanaf {datum_nl(eis.vroeg_voor)}. Kijk of die er ook is."
            )
        return Documentcheck(
            status=DocumentStatus.OP_TIJD, dagen_te_laat=None, gevolg=gevolg, actie="Niets te doen.", **basis
        )
    risico = _risico_tekst(eis, naam, erd_na_einde)
    if datum is not None:
        te_laat = (datum - uiterlijk).days
        gevolg = f"{_dagen(te_laat).capitalize()} te laat: gedaan op {datum_nl(datum)}, uiterlijk was {datum_nl(uiterlijk)}. "
        if naam == "probleemanalyse":
            gevolg += (
                "Bleek pas later dat het verzuim lang zou duren, dan moest de analyse meteen daarna "
                f"({bronnen.PROBLEEMANALYSE.naam}, art. 2 lid 3); leg dat dan vast. "
            )
        return Documentcheck(
            status=DocumentStatus.TE_LAAT,
            dagen_te_laat=te_laat,
            gevolg=(gevolg + risico).strip(),
            actie=(
                "Leg in het dossier vast waarom het later gebeurde. Een goede reden telt mee als UWV het dossier "
                "beoordeelt."
            ),
            **basis,
        )
    if eis.direct or peildatum > uiterlijk:
        achter = (peildatum - uiterlijk).days
        if eis.direct:
            kop = (
                "Ontbreekt: dit moet meteen, omdat het eigen werk niet meer lukt en er bij uw bedrijf geen ander "
                "passend werk is. "
            )
        else:
            kop = f"Ontbreekt: dit moest uiterlijk op {datum_nl(uiterlijk)} ({_dagen(achter)} geleden). "
        if antwoord.opgegeven == ONBEKEND:
            kop = f"U weet niet of dit er is. Het moest er uiterlijk op {datum_nl(uiterlijk)} zijn: zoek het op. "
        return Documentcheck(
            status=DocumentStatus.ONTBREEKT,
            dagen_te_laat=None if eis.direct else achter,
            gevolg=(kop + risico).strip(),
            actie=_ACTIE_ONTBREEKT[naam],
            **basis,
        )
    return Documentcheck(
        status=DocumentStatus.NOG_NIET_NODIG,
        dagen_te_laat=None,
        gevolg=f"Nog niet nodig: uiterlijk op {datum_nl(uiterlijk)}. {eis.toelichting}".strip(),
        actie=f"Zet in de agenda: uiterlijk {datum_nl(uiterlijk)}.",
        **basis,
    )


# --- the overall verdict ----------------------------------------------------------------------


def _oordeel(documenten: dict[str, Documentcheck], eisen: dict[str, _Eis], stand: _Stand) -> tuple[Oordeel, str]:
    t = stand.met
    fout = [d for d in documenten.values() if d.status in (DocumentStatus.TE_LAAT, DocumentStatus.ONTBREEKT)]
    nodig = [d for d in documenten.values() if d.status is not DocumentStatus.NOG_NIET_NODIG]
    if not nodig:
        komend = sorted(
            (d for d in documenten.values() if d.verplicht and d.uiterlijk is not None), key=lambda d: d.uiterlijk
        )
        eerst = (
            f" Het eerste stuk is {_lidwoord(komend[0].naam)}, uiterlijk op {datum_nl(komend[0].uiterlijk)}."
            if komend
            else ""
        )
        return (
            Oordeel.NOG_NIET_TE_BEOORDELEN,
            f"Er is nog geen stuk nodig (ziekteweek {t.ziekteweek.waarde}).{eerst}",
        )
    if not fout:
        return (
            Oordeel.OP_ORDE,
            "Alle stukken die tot nu toe nodig waren, zijn er en op tijd. Dat zegt niets over de inhoud: UWV kijkt bij "
            "de WIA-aanvraag ook of u en de werknemer genoeg hebben gedaan.",
        )
    lijst = ", ".join(
        f"{_lidwoord(d.naam)} ({'te laat' if d.status is DocumentStatus.TE_LAAT else 'ontbreekt'})" for d in fout
    )
    sanctie = [d for d in fout if eisen[d.naam].risico == _LOONSANCTIE]
    na_einde = stand.uit_dienst and not stand.erd_na_einde and t.peildatum > t.situatie.einde_dienstverband
    if sanctie and not na_einde:
        if stand.erd_na_einde:
            gevolg = (
                "Dat vergroot de kans dat UWV bij de WIA-aanvraag een sanctie oplegt; als eigenrisicodrager betaalt u "
                "dan de Ziektewet-uitkering langer."
            )
        else:
            gevolg = (
                "Dat vergroot de kans dat UWV bij de WIA-aanvraag een loonsanctie oplegt: tot "
                f"{LOONSANCTIE_MAXIMUM.tekst()} langer loon betalen."
            )
        return (
            Oordeel.RISICO_LOONSANCTIE,
            f"Niet op orde: {lijst}. {gevolg} Herstel wat nog kan, en leg vast waarom iets later was.",
        )
    if na_einde:
        uitleg = (
            f"Het dienstverband is geëindigd op {datum_nl(t.situatie.einde_dienstverband)}; daarna begeleidt UWV de "
            "re-integratie. Een loonsanctie is dan niet meer aan de orde, maar stukken van vóór die dag horen wel in het "
            "re-integratieverslag bij het einde van het dienstverband."
        )
    else:
        uitleg = "Een loonsanctie volgt daar niet uit, maar een boete of een later einde van de loondoorbetaling wel."
    return Oordeel.AANDACHT_NODIG, f"Aandacht nodig: {lijst}. {uitleg}"


def _niet_te_controleren(
    documenten: dict[str, Documentcheck], antwoorden: dict[str, _Antwoord], stand: _Stand
) -> list[str]:
    items = [
        "De inhoud van de stukken: bijvoorbeeld of het plan van aanpak concrete afspraken bevat en de visie van u en "
        "de werknemer.",
        "Of het oordeel van de bedrijfsarts actueel is en past bij de situatie van nu.",
        "Of u en de werknemer genoeg hebben gedaan in spoor 1 en spoor 2: dat beoordeelt UWV bij de WIA-aanvraag.",
        "Of de probleemanalyse is bijgesteld toen de situatie veranderde. Dat ziet u niet aan een datum.",
    ]
    plan = documenten.get("plan_van_aanpak")
    if plan is not None and plan.uiterlijk is not None and plan.uiterlijk < stand.met.peildatum:
        items.append(
            f"Of het plan van aanpak regelmatig is besproken (richtlijn: minstens eens per "
            f"{EVALUATIE_PLAN_VAN_AANPAK.tekst()})."
        )
    if "bijstelling_plan_van_aanpak" in documenten and documenten["bijstelling_plan_van_aanpak"].verplicht:
        items.append(
            "Of de bijstelling van het plan van aanpak snel genoeg kwam: de wet noemt daarvoor geen vaste termijn."
        )
    start = documenten.get("start_spoor_2")
    if start is not None and start.verplicht and stand.met.advies is Advies.GEEN_PERSPECTIEF_EIGEN_WERKGEVER:
        items.append("Of spoor 2 meteen startte toen bleek dat er geen passend werk in uw bedrijf was.")
    if stand.erd_na_einde:
        items.append(
            "Of u als eigenrisicodrager Ziektewet de 42e-weeksmelding voor een ex-werknemer nog moet doen: vraag het UWV."
        )
    onbekend = [_lidwoord(naam) for naam in DOCUMENTEN if naam in antwoorden and antwoorden[naam].opgegeven == ONBEKEND]
    if onbekend:  # one line for all of them, so the list stays short
        items.append(f"Of deze stukken er zijn (u gaf 'weet ik niet'): {', '.join(onbekend)}.")
    return items


# --- the rule-set -----------------------------------------------------------------------------


def check_dossier(invoer: Invoer, documenten: Mapping[str, date | str | None]) -> Dossiercheck:
    """Check the documents of one case on `invoer.peildatum`.

    `documenten` maps a name from DOCUMENTEN to a date (or an ISO string), to NIET_GEDAAN, ONBEKEND or None
    (not given). Raises a PoortwachterError with a Dutch message for an unknown name, a malformed date, or a
    date before the first sick day or after the peildatum; nothing is computed from such input.
    """
    antwoorden = _lees(documenten)
    invoer = replace(invoer, advies=parse_advies(invoer.advies), eerdere_perioden=tuple(invoer.eerdere_perioden))
    # The probleemanalyse and eerstejaarsevaluatie dates move deadlines: they go into the timeline's input.
    for naam, veld in (
        ("probleemanalyse", "probleemanalyse_datum"),
        ("eerstejaarsevaluatie", "eerstejaarsevaluatie_datum"),
    ):
        invoer = _merge(invoer, naam, veld, antwoorden.get(naam))
        if getattr(invoer, veld) is not None:
            antwoorden[naam] = _Antwoord(getattr(invoer, veld), OPGEGEVEN_DATUM)
    for naam, antwoord in antwoorden.items():
        if antwoord.datum is not None and antwoord.datum > invoer.peildatum:
            raise InvalidDateError(
                f"De datum van {_lidwoord(naam)} ({datum_nl(antwoord.datum)}) ligt na de peildatum "
                f"({datum_nl(invoer.peildatum)}). Geef alleen stukken die er al zijn."
            )
    stand = _stand(invoer)
    # The case may begin earlier (merged periods) or be counted from later (sick during a leave): the first day.
    begin = min(stand.met.eerste_ziektedag, invoer.eerste_ziektedag)
    for naam, antwoord in antwoorden.items():
        if antwoord.datum is not None and antwoord.datum < begin:
            raise InvalidDateError(
                f"De datum van {_lidwoord(naam)} ({datum_nl(antwoord.datum)}) ligt vóór de eerste ziektedag "
                f"({datum_nl(begin)}). Klopt de datum?"
            )
    eisen = _eisen(stand, antwoorden)
    # The five always, and a document given for which this case has no requirement: shown, not lost.
    for naam in DOCUMENTEN:
        if naam not in eisen and (naam in KERNDOCUMENTEN or naam in antwoorden):
            eisen[naam] = _Eis(False, None, _BRON[naam], _GEEN, "In deze situatie is dit (nu) niet verplicht.")
    geen = _Antwoord(None, OPGEGEVEN_NIET)
    checks = {
        naam: _check(naam, eisen[naam], antwoorden.get(naam, geen), invoer.peildatum, stand.erd_na_einde)
        for naam in DOCUMENTEN
        if naam in eisen
    }
    oordeel, uitleg = _oordeel(checks, eisen, stand)
    return Dossiercheck(
        invoer=invoer,
        peildatum=invoer.peildatum,
        documenten=checks,
        oordeel=oordeel.value,
        oordeel_uitleg=uitleg,
        niet_te_controleren=_niet_te_controleren(checks, antwoorden, stand),
        tijdlijn=stand.met,
    )


def _stand(invoer: Invoer) -> _Stand:
    met = compute_tijdlijn_for(invoer)
    zonder = compute_tijdlijn_for(replace(invoer, probleemanalyse_datum=None, eerstejaarsevaluatie_datum=None))
    erd_met = erd_zonder = None
    if met.situatie.regime is Regime.ZIEK_UIT_DIENST and met.situatie.eigenrisicodrager_betaalt:
        door = replace(invoer, einde_dienstverband=None)
        erd_met = compute_tijdlijn_for(door)
        erd_zonder = compute_tijdlijn_for(replace(door, probleemanalyse_datum=None, eerstejaarsevaluatie_datum=None))
    return _Stand(met, zonder, erd_met, erd_zonder)
