"""Slot mappings that Rasa applies on its own, after our actions have read a message.

A `from_entity` mapping without a condition is applied by Rasa on every message, also inside a form
after the action that read the sentence. For the role that put the classifier's tag back: in "mijn
werknemer is sinds 8 juli ziek, in welk spoor zit hij?" it tagged "werknemer" as the role, the guide
read the sentence as HR, and Rasa's form set the role to employee again, so HR got "je". The role is
therefore taken from the entity only on an answer about the role.
"""

from __future__ import annotations

from pathlib import Path

from rasa.shared.core.domain import Domain

DOMAIN = Domain.load(str(Path(__file__).resolve().parents[2] / "domain"))


def test_the_role_comes_from_the_entity_only_on_an_answer_about_the_role():
    (rol,) = [slot for slot in DOMAIN.slots if slot.name == "rol"]
    entity_mappings = [m for m in rol.mappings if m.get("type") == "from_entity"]
    assert entity_mappings, "a role button must still set the role"
    assert all(m.get("intent") in ("inform_rol", ["inform_rol"]) for m in entity_mappings)
