"""The input of one case: the record a caller gives the rules, kept with the result.

Every channel (chat, CLI, HR API) fills this one record; `compute_tijdlijn` takes
its fields as keyword arguments and `compute_tijdlijn_for` takes the record itself.
The `Tijdlijn` carries the record back, so a document built from the result (the
PDF) can list every input it was computed from without rebuilding it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from .advies import Advies
from .counting import Periode


@dataclass(frozen=True)
class Invoer:
    """What is known about the case. `eerste_ziektedag` is the first day of the current sickness; with a
    `zwangerschapsverlof` it may lie before the leave (the package then derives the periods around it)."""

    eerste_ziektedag: date
    peildatum: date
    advies: "Advies | str" = Advies.ONBEKEND
    eerdere_perioden: tuple[Periode, ...] = ()
    verlenging_weken: int | None = None  # voluntary extension of the wachttijd (WIA art. 24)
    perspectief_binnen_3_maanden: bool | None = None
    probleemanalyse_datum: date | None = None
    eerstejaarsevaluatie_datum: date | None = None
    einde_dienstverband: date | None = None  # last day of the contract (ziek uit dienst)
    eigenrisicodrager_zw: bool = False
    geboortedatum: date | None = None  # for the AOW-leeftijd
    zwangerschapsverlof: Periode | None = None  # actual or expected (planning)
    ziekte_door_zwangerschap: bool = False  # the sickness comes from the pregnancy or birth (ZW art. 29a)
    # Sick right after the leave, from the same cause (BW 7:629 lid 10); None: not known, assumed.
    # Only read when the sickness began before the leave.
    ziek_na_verlof: bool | None = None

    def gegeven(self) -> dict[str, object]:
        """The inputs the caller gave: every field that is not left at its default (eerste_ziektedag,
        peildatum and advies always)."""
        always = {"eerste_ziektedag", "peildatum", "advies"}
        given = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in always or value != f.default:  # False given for a None default is an answer ("nee")
                given[f.name] = value
        return given

    def as_dict(self) -> dict:
        """The given inputs as JSON, in the shape of the API's request body."""
        return {name: _json(value) for name, value in self.gegeven().items()}


def _json(value: object) -> object:
    if isinstance(value, Advies):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Periode):
        return {"begin": value.begin.isoformat(), "einde": value.einde.isoformat()}
    if isinstance(value, tuple):
        return [_json(item) for item in value]
    return value


# The names of the inputs, in order: the API body, the CLI options and the OpenAPI schema follow these
# (tests/api/test_api_contract.py checks that they agree).
VELDEN: tuple[str, ...] = tuple(f.name for f in fields(Invoer))
