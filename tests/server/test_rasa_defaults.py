"""Plain Rasa commands in the project root find the project's domain (issue #27 item 9).

`rasa train`, `rasa data validate`, `rasa shell` and `rasa test` read `domain.yml` unless told
otherwise; our domain is split over domain/*.yml by topic. Before, a plain `rasa train` logged
"Loading domain from 'domain.yml' failed. Using empty domain" and trained a model that knew no
responses. `domain.yml` is a link to the folder; Rasa 3 loads a folder given as the domain.
"""

from __future__ import annotations

from pathlib import Path

from rasa.shared.core.domain import Domain
from rasa.shared.importers.importer import TrainingDataImporter

ROOT = Path(__file__).resolve().parents[2]


def test_domain_yml_is_the_domain_folder():
    assert (ROOT / "domain.yml").resolve() == (ROOT / "domain").resolve()


def test_rasa_default_paths_load_the_whole_domain(monkeypatch):
    monkeypatch.chdir(ROOT)
    # What `rasa train` / `rasa data validate` build from their defaults (config.yml, domain.yml, data).
    importer = TrainingDataImporter.load_from_config("config.yml", "domain.yml", ["data"])
    domain = importer.get_domain()
    folder = Domain.load(str(ROOT / "domain"))
    assert not domain.is_empty()
    assert set(domain.intents) == set(folder.intents)
    assert set(domain.responses) == set(folder.responses)
    assert "utter_conversation_erased" in domain.responses
