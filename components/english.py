"""An English message gets the intent `english`: an English reply instead of a Dutch fallback.

Expats and international HR staff write in English ("I've been on sick leave since March, what
is spoor 2?"). The classifier only knows Dutch, so such a message got a Dutch answer about
something else or "daar heb ik geen antwoord op" (issue #27 item 6). The reply to `english`
(domain/english.yml) says in English that the assistant answers in Dutch, what it can do and
where English information is.

A message counts as English when all three hold:
- langid (a well-known language identifier, restricted to Dutch and English) gives English a
  probability of at least `min_probability`;
- it has at least `min_words` words in Latin letters: langid is unreliable on short texts
  ("hoi", "help" and "burn-out" all come out English at 0.88);
- it has at least `min_english_words` common English words that are not Dutch words ("the",
  "what", "my", "you", ...). langid's character model reads some short Dutch as English ("no
  risk polis uitleg graag" 0.9995, "wat is spoor twee precies" 0.9990) and markup nearly so
  ("<img src=x onerror=alert(1)>" 0.9989); none of them has such a word. Words that are also
  Dutch ("is", "in", "we", "me", "of", "hi", "help", "was", "had", "job") do not count.
tests/components/test_english.py measures this on every Dutch message we have and on the English
phrasings in tests/nlu/english_phrasings.yml.

Placed after the answer ranking and before components.crisis.CrisisSignal (config.yml): an
English crisis message still gets the crisis help. Button payloads ("/intent{...}") are left
alone; Rasa's RegexMessageHandler sets their intent after the pipeline anyway.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Dict, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.constants import INTENT_MESSAGE_PREFIX
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from components.intent_override import IntentCorrection

INTENT_NAME = "english"
MAX_TEXT = 2000  # the start of a long message is enough to know its language

_LATIN_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:['’][A-Za-z]+)?")
# Frequent English words that are not Dutch words (nor common loanwords in Dutch sentences).
ENGLISH_WORDS = frozenset(
    """
    the and what when where why who how which whose my your our their its i i'm i've i'd i'll
    you you're you've they it's are am were be being have has having do does did don't doesn't
    didn't can can't could would should will won't shall must need want with for from about after
    before since while this that there these those not please sick leave employer employee employees
    illness ill salary pay paid company english speak understand apply happens explain allowed
    """.split()
)


@lru_cache(maxsize=1)
def _identifier():
    """langid's model, restricted to Dutch and English (loads in ~2 s, so once per process)."""
    from langid.langid import LanguageIdentifier, model

    identifier = LanguageIdentifier.from_modelstring(model, norm_probs=True)
    identifier.set_languages(["nl", "en"])
    return identifier


def is_english(
    text: Optional[str], min_probability: float = 0.999, min_words: int = 4, min_english_words: int = 2
) -> bool:
    if not text or text.lstrip().startswith(INTENT_MESSAGE_PREFIX):
        return False
    text = text[:MAX_TEXT]
    words = [w.lower().replace("’", "'") for w in _LATIN_WORD.findall(text)]
    if len(words) < min_words or sum(w in ENGLISH_WORDS for w in words) < min_english_words:
        return False
    language, probability = _identifier().classify(text)
    return language == "en" and probability >= min_probability


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class EnglishMessage(IntentCorrection):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"min_probability": 0.999, "min_words": 4, "min_english_words": 2}

    def corrected_intent(self, message: Message) -> Optional[tuple[str, float]]:
        settings = {key: self.config[key] for key in ("min_probability", "min_words", "min_english_words")}
        if not is_english(message.get(TEXT), **settings):
            return None
        return INTENT_NAME, 1.0
