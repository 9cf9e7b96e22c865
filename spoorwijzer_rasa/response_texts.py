"""Reply texts as the domain files have them now, not as they were when the model was trained (#27).

Rasa takes the text of a reply from the domain inside the model. The fixed answers' texts are also
NLU training data (the ResponseSelector and components/answer_ranking.py learn from them), so a
changed comma meant a new model: ±4 minutes. To choose a reply the model needs only its name
(`utter_faq/spoor_1`); the words can come from the files. This generator is Rasa's own
TemplatedNaturalLanguageGenerator (conditions, channels, buttons and {slot} fill-ins unchanged)
with the texts of the domain on disk laid over the model's:
- a running server shows an edited text within a second, in every channel, without training; the
  next training takes the new words into the model too;
- a name the files no longer have keeps the model's text; a new name is only used once a trained
  model chooses it;
- a file that does not load (a YAML typo while editing) keeps the last texts that did, and says so
  in the log by kind only.
Chosen in endpoints.yml (`nlg: type: spoorwijzer_rasa.response_texts.ResponseTextsFromDisk`);
`domain` there says where the files are (default: the folder domain, from the project root).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.utils.io import read_yaml_file
from rasa.utils.endpoints import EndpointConfig

logger = logging.getLogger(__name__)

Responses = Dict[Text, List[Dict[Text, Any]]]
DEFAULT_DOMAIN = "domain"
# Looking at the files' modification times costs microseconds, loading them ±0.5 s: look at most
# once a second, load only when something changed.
DEFAULT_CHECK_EVERY_SECONDS = 1.0


class ResponseTextsFromDisk(TemplatedNaturalLanguageGenerator):
    def __init__(self, endpoint_config: Optional[EndpointConfig] = None, domain: Optional[Domain] = None) -> None:
        options = (endpoint_config.kwargs if endpoint_config else None) or {}
        self._path = Path(options.get("domain", DEFAULT_DOMAIN))
        self._check_every = float(options.get("check_every_seconds", DEFAULT_CHECK_EVERY_SECONDS))
        self._from_model: Responses = {}
        self._from_disk: Responses = {}
        self._merged: Optional[Responses] = None
        self._stamp: Optional[tuple] = None
        self._checked_at = float("-inf")
        super().__init__(domain.responses if domain else {})
        self._refresh()  # now, so that the first person does not wait for the files to load

    # Rasa's Agent sets `responses` to the model's when it loads a model (rasa/core/agent.py): that is
    # the base layer; reading gives the texts on disk over it.
    @property
    def responses(self) -> Responses:
        self._refresh()
        if self._merged is None:
            self._merged = {**self._from_model, **self._from_disk}
        return self._merged

    @responses.setter
    def responses(self, value: Optional[Responses]) -> None:
        self._from_model = dict(value or {})
        self._merged = None

    def _refresh(self) -> None:
        now = time.monotonic()
        if now - self._checked_at < self._check_every:
            return
        self._checked_at = now
        stamp = self._files_stamp()
        if stamp is None or stamp == self._stamp:
            return
        self._stamp = stamp
        if not stamp:
            logger.warning("Antwoordteksten: geen domeinbestanden gevonden; de teksten uit het model blijven.")
            return
        try:
            # Rasa skips a folder's file that is not valid YAML with only a warning; here it counts as
            # not loading, so its texts stay as they were instead of falling back to the model's.
            for path, _, _ in stamp:
                read_yaml_file(path)
            responses = Domain.load(str(self._path)).responses
        except Exception as error:  # noqa: BLE001 - any load error: keep the last good texts
            logger.error(
                "Antwoordteksten: het domein laadt niet (%s); de vorige teksten blijven tot het weer laadt.",
                type(error).__name__,
            )
            return
        self._from_disk = responses
        self._merged = None

    def _files_stamp(self) -> Optional[tuple]:
        """Name, modification time and size of every domain file: changes when any file does."""
        if self._path.is_dir():
            files = sorted(p for p in self._path.rglob("*") if p.suffix in (".yml", ".yaml"))
        else:
            files = [self._path] if self._path.exists() else []
        try:
            return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)
        except OSError:  # a file replaced while we looked: look again next time
            return None
