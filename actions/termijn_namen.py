"""The termijnen people can ask about by name, as the NLU names them, and the rules' keys for each.

The NLU entity `termijn` (domain/core.yml, data/nlu/; an NLU name, kept as the contract of the
trained model) carries one of these names; the rules package (poortwachter/termijnen.py) dates a
termijn under its own key, and one name may stand for two keys (the eerstejaarsevaluatie has a first
and a last day). A new termijn that people may ask about gets a row here.
"""

from __future__ import annotations

from poortwachter import general_rules

# The name of a termijn as the NLU gives it (entity `termijn`) -> the keys of the rules package.
RULE_KEYS: dict[str, tuple[str, ...]] = {
    "probleemanalyse": ("probleemanalyse",),
    "plan_van_aanpak": ("plan_van_aanpak",),
    "melding_42e_week": ("melding_42e_week",),
    "eerstejaarsevaluatie": ("eerstejaarsevaluatie_vanaf", "eerstejaarsevaluatie_uiterlijk"),
    "spoor_2": ("spoor_2_uiterlijk",),
    "reintegratieverslag": ("reintegratieverslag",),
    "wia_aanvraag": ("wia_aanvraag",),
    "einde_wachttijd": ("laatste_dag_wachttijd", "wia_ingang"),
    "vervroegde_iva": ("vervroegde_iva_vanaf", "vervroegde_iva_tot"),
    "loonsanctie": ("loonsanctie_max_tot",),
}


def termijn_needs_advies(termijn: str | None) -> bool:
    """Whether the rules need the bedrijfsarts advice to date this termijn (they say so per termijn)."""
    rules = general_rules()
    return any(rules[key].hangt_af_van_advies for key in RULE_KEYS.get(termijn or "", ()))
