"""Dutch tokenizer for the NLU pipeline, backed by spaCy.

Uses the trained Dutch pipeline `nl_core_news_sm` when it is installed (its
version must match the installed spaCy). Without it, it falls back to spaCy's
own Dutch language data: the rule-based tokenizer (keeps "m'n" and
"re-integratietraject" whole) and the lookup lemmatizer from
spacy-lookups-data ("zegt" -> "zeggen").

The two give different lemmas, so a model trained with one must not run with
the other: the backend is part of the training fingerprint (a change retrains)
and is stored in the model; loading a model with a different backend fails
with a clear message instead of silently giving worse answers.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from importlib import metadata
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

logger = logging.getLogger(__name__)

TRAINED_PIPELINE = "nl_core_news_sm"
BACKEND_FILE = "spacy_backend.json"
# Bump when tokens or lemmas change, so that `rasa train` retrains existing models.
TOKENIZER_VERSION = "2"
# Rasa's CountVectorsFeaturizer turns every number into "__NUMBER__", which makes
# "spoor 1" and "spoor 2" identical. Small numbers get their Dutch word as lemma
# instead, so they stay apart (and "spoor 2" matches "spoor twee").
NUMBER_LEMMAS = {
    str(number): word
    for number, word in enumerate("nul een twee drie vier vijf zes zeven acht negen tien elf twaalf".split())
}


class SpacyBackendMismatch(InvalidConfigException):
    """The model was trained with another Dutch spaCy backend than the one installed."""


@dataclass(frozen=True)
class Backend:
    name: str  # "nl_core_news_sm" or "blank_nl_lookup"
    version: str

    @property
    def ident(self) -> str:
        return f"{self.name}=={self.version}"


def detect_backend(pipeline_name: str = TRAINED_PIPELINE) -> Backend:
    """The Dutch spaCy backend that is usable in this environment."""
    import spacy

    try:
        version = metadata.version(pipeline_name)
    except metadata.PackageNotFoundError:
        version = None
    if version is not None:
        try:
            meta = spacy.util.get_model_meta(spacy.util.get_package_path(pipeline_name))
        except (OSError, ValueError):
            meta = {}
        required = meta.get("spacy_version", "")
        if not required or spacy.util.is_compatible_version(spacy.about.__version__, required):
            return Backend(pipeline_name, version)
        logger.warning(
            "%s %s needs spaCy %s but spaCy %s is installed; using spaCy's Dutch language data instead.",
            pipeline_name,
            version,
            required,
            spacy.about.__version__,
        )
    return Backend(
        "blank_nl_lookup", f"spacy-{spacy.about.__version__}+lookups-{metadata.version('spacy-lookups-data')}"
    )


def load_nlp(backend: Backend) -> Any:
    import spacy

    if backend.name == "blank_nl_lookup":
        nlp = spacy.blank("nl")
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
        return nlp
    # Only tokenizer, tagger/morphologizer and lemmatizer are needed.
    return spacy.load(backend.name, exclude=["parser", "ner", "senter"])


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=True)
class DutchSpacyTokenizer(Tokenizer):
    """Tokenizes Dutch text with spaCy and sets lemmas for the featurizers."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            "intent_tokenization_flag": False,
            "intent_split_symbol": "_",
            "token_pattern": None,
            "prefix_separator_symbol": None,
            "pipeline": TRAINED_PIPELINE,
        }

    @staticmethod
    def required_packages() -> List[Text]:
        return ["spacy"]

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        backend: Backend,
    ) -> None:
        super().__init__(config)
        self._model_storage = model_storage
        self._resource = resource
        self.backend = backend
        self._nlp = load_nlp(backend)

    @classmethod
    def fingerprint_addon(cls, config: Dict[Text, Any]) -> Optional[str]:
        # A different backend gives different lemmas: `rasa train` must retrain.
        return f"{detect_backend(config.get('pipeline', TRAINED_PIPELINE)).ident};tokenizer-v{TOKENIZER_VERSION}"

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "DutchSpacyTokenizer":
        config = {**cls.get_default_config(), **config}
        backend = detect_backend(config["pipeline"])
        if backend.name != config["pipeline"]:
            logger.info(
                "spaCy: %s niet geïnstalleerd; training met spaCy's eigen Nederlandse taaldata "
                "(regelgebaseerde tokenizer + lookup-lemmatizer).",
                config["pipeline"],
            )
        return cls(config, model_storage, resource, backend)

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "DutchSpacyTokenizer":
        config = {**cls.get_default_config(), **config}
        with model_storage.read_from(resource) as directory:
            trained = Backend(**json.loads((directory / BACKEND_FILE).read_text(encoding="utf-8")))
        current = detect_backend(config["pipeline"])
        if trained != current:
            raise SpacyBackendMismatch(
                f"Dit model is getraind met spaCy-backend '{trained.ident}', maar hier is "
                f"'{current.ident}' beschikbaar. Train het model opnieuw met 'make train'. "
                f"(The model was trained with another Dutch spaCy backend; retrain it.)"
            )
        return cls(config, model_storage, resource, current)

    def train(self, training_data: TrainingData) -> Resource:
        with self._model_storage.write_to(self._resource) as directory:
            (directory / BACKEND_FILE).write_text(
                json.dumps({"name": self.backend.name, "version": self.backend.version}), encoding="utf-8"
            )
        return self._resource

    def tokenize(self, message: Message, attribute: Text) -> List[Token]:
        text = message.get(attribute)
        if not text:
            return []
        tokens = [
            Token(t.text, t.idx, lemma=NUMBER_LEMMAS.get(t.text) or (t.lemma_ or t.text).lower())
            for t in self._nlp(text)
            if t.text.strip()
        ]
        return self._apply_token_pattern(tokens)
