"""The words of a fixed answer as the domain files have them now, not as they were at training (#27).

Rasa takes the text of a reply from the domain inside the model. The fixed answers' texts are also
NLU training data (components/answer_ranking.py's word index is built from them), so a
changed comma meant a new model: ±4 minutes. To choose an answer the model needs only its name
(`utter_faq/spoor_1`); the words can come from the files. This generator is Rasa's own
TemplatedNaturalLanguageGenerator ({slot} fill-ins, conditions, channels unchanged) that takes, for
the fixed answers only, the `text` of each variant from the files:
- a running server shows an edited text within a second, in every channel, without training; the
  next training takes the new words into the model too;
- only the words: buttons, payloads, `custom` data and conditions stay the model's, and so does every
  other response (the crisis reply, erasure, the guide), so a half-saved file cannot change what a
  reply does, only what a fixed answer says;
- an answer whose variants the files no longer match one to one keeps the model's text, and a new
  answer is only given once a trained model chooses it;
- a file that does not load (a YAML typo while editing, or no domain key at all) keeps the last texts
  that did, and the log names the file, never its content.
Reading the files blocks the server for ±20 ms, once per saved change: meant for a server whose files
someone edits (`make run`), not for the image, whose files are those of its model (deploy/endpoints.yml
does not choose it). Chosen in endpoints.yml (`nlg: type: spoorwijzer_rasa.response_texts.ResponseTextsFromDisk`);
`domain` there says where the files are (default: the folder domain, from the project root).
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import ALL_DOMAIN_KEYS, KEY_RESPONSES, Domain
from rasa.shared.utils.io import read_yaml_file
from rasa.utils.endpoints import EndpointConfig

logger = logging.getLogger(__name__)

Responses = Dict[Text, List[Dict[Text, Any]]]
DEFAULT_DOMAIN = "domain"
FIXED_ANSWERS = "utter_faq/"  # the responses of the retrieval intent `faq`
# Looking at the files' stamps costs ±0.1 ms, reading them ±20 ms: look at most once a second,
# read only when something changed.
DEFAULT_CHECK_EVERY_SECONDS = 1.0


class NotADomainFile(ValueError):
    pass


class ResponseTextsFromDisk(TemplatedNaturalLanguageGenerator):
    def __init__(self, endpoint_config: Optional[EndpointConfig] = None, domain: Optional[Domain] = None) -> None:
        options = (endpoint_config.kwargs if endpoint_config else None) or {}
        self._path = Path(options.get("domain", DEFAULT_DOMAIN))
        self._prefix = str(options.get("responses_starting_with", FIXED_ANSWERS))
        self._check_every = float(options.get("check_every_seconds", DEFAULT_CHECK_EVERY_SECONDS))
        self._from_model: Responses = {}
        self._texts_on_disk: Dict[Text, List[Optional[Text]]] = {}
        self._merged: Optional[Responses] = None
        self._stamp: Optional[tuple] = None
        self._checked_at = float("-inf")
        super().__init__(domain.responses if domain else {})
        self._refresh()  # now, so that the first person does not wait for the files

    # Rasa's Agent sets `responses` to the model's when it loads a model (rasa/core/agent.py): that is
    # the base; reading gives it with the words on disk.
    @property
    def responses(self) -> Responses:
        self._refresh()
        if self._merged is None:
            self._merged = {**self._from_model, **self._with_texts_on_disk()}
        return self._merged

    @responses.setter
    def responses(self, value: Optional[Responses]) -> None:
        self._from_model = dict(value or {})
        self._merged = None

    def _with_texts_on_disk(self) -> Responses:
        changed: Responses = {}
        for name, variants in self._from_model.items():
            texts = self._texts_on_disk.get(name)
            if not name.startswith(self._prefix) or texts is None or len(texts) != len(variants):
                continue
            changed[name] = [
                {**variant, "text": text} if text is not None and "text" in variant else variant
                for variant, text in zip(variants, texts)
            ]
        return changed

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
            logger.warning(
                "Antwoordteksten: geen domeinbestanden in %s; de teksten blijven zoals ze waren.", self._path
            )
            return
        texts: Dict[Text, List[Optional[Text]]] = {}
        for path, *_ in stamp:
            try:
                texts.update(_texts_in(path))
            except Exception as error:  # noqa: BLE001 - any file that does not load: keep the last texts
                logger.error(
                    "Antwoordteksten: %s laadt niet (%s); de vorige teksten blijven tot het weer laadt.",
                    path,
                    type(error).__name__,
                )
                return
        self._texts_on_disk = texts
        self._merged = None

    def _files_stamp(self) -> Optional[tuple]:
        """Path, inode, size and change times of every domain file: differs when any file changed."""
        try:
            if self._path.is_dir():
                # os.walk with links followed, as Rasa reads a domain folder.
                files = sorted(
                    os.path.join(folder, name)
                    for folder, _, names in os.walk(self._path, followlinks=True)
                    for name in names
                    if name.endswith((".yml", ".yaml"))
                )
            else:
                files = [str(self._path)] if self._path.exists() else []
            stamps = []
            for path in files:
                info = os.stat(path)
                stamps.append((path, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns))
            return tuple(stamps)
        except OSError:  # a file or folder replaced while we looked: look again next time
            return None


def _texts_in(path: str) -> Dict[Text, List[Optional[Text]]]:
    """The `text` of each variant of each response in one domain file (None where a variant has none)."""
    content = read_yaml_file(path)
    # Rasa itself skips such a file without a word; here it is one that does not load.
    if not isinstance(content, dict) or not any(key in content for key in ALL_DOMAIN_KEYS):
        raise NotADomainFile(path)
    responses = content.get(KEY_RESPONSES) or {}
    if not isinstance(responses, dict):
        raise NotADomainFile(path)
    return {
        str(name): [
            variant.get("text") if isinstance(variant, dict) and isinstance(variant.get("text"), str) else None
            for variant in (variants if isinstance(variants, list) else [])
        ]
        for name, variants in responses.items()
    }
