"""The patches of spoorwijzer_rasa/patches.py: only the listed ones, each behaving as intended.

1 and 2 give exactly stock Rasa's answers (action-response validation, event classes by name); 3 is the
session rule of the domain (domain/core.yml), applied where Rasa decides whether a session has ended.
"""

from __future__ import annotations

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import (
    ActionExecuted,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.utils.common import all_subclasses
from rasa.utils.endpoints import EndpointConfig

from spoorwijzer_rasa import patches

STOCK = RemoteAction._validate_action_result
STOCK_RESOLVE = Event.resolve_by_type

RESPONSES = [
    ("empty response", {}, True),
    (
        "events and responses",
        {
            "events": [{"event": "slot", "name": "advies", "value": "geen"}],
            "responses": [{"text": "Hallo", "buttons": []}],
        },
        True,
    ),
    ("event without name of event", {"events": [{"name": "advies"}]}, False),
    ("events is not a list", {"events": "slot"}, False),
    ("response is not an object", {"responses": ["tekst"]}, False),
]


def outcome(validate, result):
    action = RemoteAction("action_guide", EndpointConfig("http://localhost:5055/webhook"))
    try:
        return validate(action, result), None
    except ValidationError as error:
        return False, error.message


@pytest.mark.parametrize("name, result, valid", RESPONSES, ids=[r[0] for r in RESPONSES])
def test_same_verdict_and_message_as_stock_rasa(name, result, valid):
    stock, patched = outcome(STOCK, result), outcome(patches._validate_action_result, result)
    assert patched == stock
    assert patched[0] is valid
    if not valid:
        assert "Failed to validate Action server response" in patched[1]


def test_install_replaces_the_stock_methods(monkeypatch):
    monkeypatch.setattr(RemoteAction, "_validate_action_result", STOCK)
    monkeypatch.setattr(Event, "resolve_by_type", STOCK_RESOLVE)
    patches.install()
    assert RemoteAction._validate_action_result is patches._validate_action_result
    assert Event.resolve_by_type is patches._resolve_event_type


EVENT_NAMES = sorted({cls.type_name for cls in all_subclasses(Event)})


@pytest.mark.parametrize("type_name", EVENT_NAMES)
def test_event_class_lookup_finds_what_stock_rasa_finds(type_name):
    assert patches._resolve_event_type(type_name) is patches.STOCK_RESOLVE_EVENT_TYPE(type_name)
    # the second lookup comes from the remembered answer and must be the same class
    assert patches._resolve_event_type(type_name) is patches.STOCK_RESOLVE_EVENT_TYPE(type_name)


def test_unknown_event_names_behave_as_in_stock_rasa():
    assert patches._resolve_event_type("bestaat_niet", default=UserUttered) is UserUttered
    assert patches._resolve_event_type("topic") is None
    with pytest.raises(ValueError, match="Unknown event name 'bestaat_niet'"):
        patches._resolve_event_type("bestaat_niet")
    # an unknown name is never remembered as the default of an earlier call
    assert "bestaat_niet" not in patches._event_classes


def test_stored_events_come_back_as_the_same_events(monkeypatch):
    monkeypatch.setattr(Event, "resolve_by_type", STOCK_RESOLVE)
    patches.install()
    events = [
        SessionStarted(),
        UserUttered("hallo", {"name": "greet", "confidence": 0.9}),
        SlotSet("advies", "geen"),
        ActionExecuted("action_listen"),
    ]
    assert [Event.from_parameters(event.as_dict()) for event in events] == events


# --- 3. the domain's session rule: a long session ends at a safe point ---------------------------

import time  # noqa: E402
from pathlib import Path  # noqa: E402
from types import SimpleNamespace  # noqa: E402

import rasa  # noqa: E402
from rasa.core.processor import MessageProcessor  # noqa: E402
from rasa.shared.core.domain import Domain  # noqa: E402
from rasa.shared.core.events import ActiveLoop, BotUttered  # noqa: E402
from rasa.shared.core.trackers import DialogueStateTracker  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def domain(session_config: dict | None) -> Domain:
    return Domain.from_dict({} if session_config is None else {"session_config": session_config})


RULE = {"session_expiration_time": 240, "carry_over_slots_to_new_session": True, patches.SESSION_RULE_KEY: 20}
PROCESSOR = SimpleNamespace(domain=domain(RULE))


def conversation(turns: int, *, minutes_ago: float = 0, loop: str | None = None, buttons=None) -> DialogueStateTracker:
    tracker = DialogueStateTracker("gesprek", [])
    tracker.update(SessionStarted())
    stamp = time.time() - minutes_ago * 60
    for number in range(turns):
        tracker.update(ActionExecuted("action_listen"))
        tracker.update(UserUttered(f"vraag {number}", {"name": "faq", "confidence": 1.0}, timestamp=stamp))
        tracker.update(BotUttered("antwoord", data={"buttons": buttons or []}))
    if loop:
        tracker.update(ActiveLoop(loop))
    return tracker


@pytest.mark.parametrize(
    "name, tracker, new_session",
    [
        ("a short session goes on", conversation(5), False),
        ("19 user messages: not yet", conversation(19), False),
        ("a session of 20 user messages at a safe point starts anew", conversation(20), True),
        ("not while the guide's form asks its questions", conversation(25, loop="guide_form"), False),
        (
            "not while a yes/no question is open",
            conversation(25, buttons=[{"title": "Ja", "payload": "/affirm"}]),
            False,
        ),
        (
            "not while erasure waits for its confirmation",
            conversation(25, buttons=[{"title": "Ja, wis dit gesprek", "payload": "/confirm_erase"}]),
            False,
        ),
        (
            "other buttons do not hold it back",
            conversation(25, buttons=[{"title": "Waarom?", "payload": "/ask_why"}]),
            True,
        ),
        ("four hours without a message, as in stock Rasa", conversation(2, minutes_ago=241), True),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_when_a_new_session_starts(name, tracker, new_session):
    assert patches._has_session_expired(PROCESSOR, tracker) is new_session, name
    if not patches.long_session_at_a_safe_point(tracker, 20):
        # Without a long session the verdict is stock Rasa's, whatever it is.
        assert patches._has_session_expired(PROCESSOR, tracker) == patches.STOCK_HAS_SESSION_EXPIRED(PROCESSOR, tracker)


def test_the_number_of_messages_comes_from_the_domain():
    five = SimpleNamespace(domain=domain({**RULE, patches.SESSION_RULE_KEY: 5}))
    assert patches._has_session_expired(five, conversation(5)) is True
    assert patches._has_session_expired(five, conversation(4)) is False


@pytest.mark.parametrize(
    "session_config",
    [
        None,  # no session_config at all: Rasa's defaults
        {"session_expiration_time": 240, "carry_over_slots_to_new_session": True},  # no rule
        {**RULE, patches.SESSION_RULE_KEY: 0},  # not a valid number: ignored, with a warning
        {**RULE, patches.SESSION_RULE_KEY: "twintig"},
        {**RULE, patches.SESSION_RULE_KEY: True},
    ],
)
def test_a_domain_without_a_valid_rule_keeps_rasas_sessions(session_config):
    processor = SimpleNamespace(domain=domain(session_config))
    for tracker in (conversation(30), conversation(2, minutes_ago=241), conversation(2)):
        assert patches._has_session_expired(processor, tracker) == patches.STOCK_HAS_SESSION_EXPIRED(processor, tracker)
    assert patches._has_session_expired(processor, conversation(30)) is False


def test_sessions_switched_off_stay_off():
    off = SimpleNamespace(domain=domain({**RULE, "session_expiration_time": 0}))
    assert patches._has_session_expired(off, conversation(30)) is False


def test_the_rule_stands_in_our_domain_beside_session_config_and_survives_a_trained_model(tmp_path):
    # What `rasa train` reads (the domain folder) and what a model carries (Domain.persist, then load).
    ours = Domain.load(str(ROOT / "domain"))
    assert patches.user_messages_per_session(ours) == 20
    ours.persist(tmp_path / "domain.yml")
    assert patches.user_messages_per_session(Domain.load(str(tmp_path / "domain.yml"))) == 20
    text = (ROOT / "domain" / "core.yml").read_text()
    rule = text[text.index("session_config:") : text.index(patches.SESSION_RULE_KEY)]
    assert "Why:" in rule and "#" in rule  # stated with its reason, where the sessions are configured


# --- what is patched, and why -------------------------------------------------------------------


def test_install_refuses_a_rasa_it_was_not_written_for(monkeypatch):
    monkeypatch.setattr(rasa, "__version__", "3.6.22")
    with pytest.raises(RuntimeError, match="geschreven voor Rasa 3.6.21"):
        patches.install()


def test_install_also_replaces_the_session_check(monkeypatch):
    monkeypatch.setattr(MessageProcessor, "_has_session_expired", patches.STOCK_HAS_SESSION_EXPIRED)
    patches.install()
    assert MessageProcessor._has_session_expired is patches._has_session_expired


# --- 4: fingerprints for Rasa's training cache ------------------------------------------------------

import logging  # noqa: E402

import numpy as np  # noqa: E402
import scipy.sparse  # noqa: E402
from rasa.nlu.tokenizers.tokenizer import Token  # noqa: E402
from rasa.shared.nlu.training_data.features import Features  # noqa: E402

STOCK_FEATURES_FINGERPRINT = Features.fingerprint


def sparse(values, shape=(2, 5), dtype=np.float64):
    rows, cols, data = zip(*values)
    return scipy.sparse.coo_matrix((np.array(data, dtype=dtype), (rows, cols)), shape=shape)


FEATURES = {
    "sparse": Features(sparse([(0, 1, 1.0), (1, 3, 2.0)]), "sequence", "text", "CountVectorsFeaturizer"),
    "same matrix, built as csr": Features(
        sparse([(0, 1, 1.0), (1, 3, 2.0)]).tocsr(), "sequence", "text", "CountVectorsFeaturizer"
    ),
    "other value": Features(sparse([(0, 1, 1.0), (1, 3, 3.0)]), "sequence", "text", "CountVectorsFeaturizer"),
    "other position": Features(sparse([(0, 1, 1.0), (1, 4, 2.0)]), "sequence", "text", "CountVectorsFeaturizer"),
    "other attribute": Features(sparse([(0, 1, 1.0), (1, 3, 2.0)]), "sequence", "response", "CountVectorsFeaturizer"),
    "other type": Features(sparse([(0, 1, 1.0), (1, 3, 2.0)]), "sentence", "text", "CountVectorsFeaturizer"),
    "other origin": Features(sparse([(0, 1, 1.0), (1, 3, 2.0)]), "sequence", "text", "RegexFeaturizer"),
    "dense": Features(np.array([[1.0, 0.0], [0.5, 2.0]]), "sentence", "text", "LexicalSyntacticFeaturizer"),
    "dense, other value": Features(
        np.array([[1.0, 0.0], [0.5, 2.5]]), "sentence", "text", "LexicalSyntacticFeaturizer"
    ),
}


def fresh(features: Features) -> Features:
    return Features(features.features, features.type, features.attribute, features.origin)


def test_features_fingerprints_tell_apart_what_rasas_own_tell_apart():
    """Equal content, equal fingerprint; any difference, a different one — as with Rasa's fingerprint, so the
    training cache restores exactly what it restored before (only the names of its entries change)."""
    ours, stock = patches._features_fingerprint, STOCK_FEATURES_FINGERPRINT
    names = sorted(FEATURES)
    for a in names:
        for b in names:
            same_for_us = ours(fresh(FEATURES[a])) == ours(fresh(FEATURES[b]))
            assert same_for_us == (stock(fresh(FEATURES[a])) == stock(fresh(FEATURES[b]))), (a, b)
    assert patches._features_fingerprint(fresh(FEATURES["sparse"])) == patches._features_fingerprint(
        fresh(FEATURES["same matrix, built as csr"])
    )


def test_a_matrix_of_another_shape_is_another_matrix_also_where_rasas_own_fingerprint_sees_none():
    """Rasa writes out only the values of a sparse matrix and only the bytes of a dense one: the same
    values in a wider vocabulary, or the same bytes in another shape, got the same fingerprint."""
    wider = Features(sparse([(0, 1, 1.0), (1, 3, 2.0)], shape=(2, 6)), "sequence", "text", "CountVectorsFeaturizer")
    flat = Features(np.array([[1.0, 0.0, 0.5, 2.0]]), "sentence", "text", "LexicalSyntacticFeaturizer")
    for other, same_bytes in ((wider, FEATURES["sparse"]), (flat, FEATURES["dense"])):
        assert STOCK_FEATURES_FINGERPRINT(fresh(other)) == STOCK_FEATURES_FINGERPRINT(fresh(same_bytes))
        assert patches._features_fingerprint(fresh(other)) != patches._features_fingerprint(fresh(same_bytes))


def test_the_same_bytes_in_other_index_types_and_counts_are_another_matrix():
    """Two index arrays and the values, one after the other, can give the same bytes for different
    matrices (int64 positions of 2 values, int32 positions of 3); the header tells them apart."""
    two = scipy.sparse.coo_matrix((2, 5))
    two.row, two.col, two.data = np.array([0, 1], np.int64), np.array([3, 1], np.int64), np.array([1.0, 2.0])
    smallest = np.array([1], np.int64).view(np.float64)[0]
    three = scipy.sparse.coo_matrix(
        (np.array([smallest, 1.0, 2.0]), (np.array([0, 0, 1], np.int32), np.array([0, 3, 0], np.int32))), shape=(2, 5)
    )
    raw = [b"".join(a.tobytes() for a in (m.row, m.col, m.data)) for m in (two, three)]
    assert raw[0] == raw[1]  # the case is real
    features = [Features(m, "sequence", "text", "CountVectorsFeaturizer") for m in (two, three)]
    assert patches._features_fingerprint(features[0]) != patches._features_fingerprint(features[1])


TOKENS = {
    "token": Token("ziek", 4, lemma="ziek", data={"pos": "ADJ"}),
    "other text": Token("zieke", 4, lemma="ziek", data={"pos": "ADJ"}),
    "other place": Token("ziek", 5, lemma="ziek", data={"pos": "ADJ"}),
    "other end": Token("ziek", 4, end=9, lemma="ziek", data={"pos": "ADJ"}),
    "other lemma": Token("ziek", 4, lemma="zieken", data={"pos": "ADJ"}),
    "other data": Token("ziek", 4, lemma="ziek", data={"pos": "NOUN"}),
    "more data": Token("ziek", 4, lemma="ziek", data={"pos": "ADJ", "n": 1}),
    "no data": Token("ziek", 4, lemma="ziek"),
}


def test_token_fingerprints_tell_apart_what_rasas_own_tell_apart():
    names = sorted(TOKENS)
    for a in names:
        for b in names:
            ours = patches._token_fingerprint(TOKENS[a]) == patches._token_fingerprint(TOKENS[b])
            stock = patches.STOCK_TOKEN_FINGERPRINT(TOKENS[a]) == patches.STOCK_TOKEN_FINGERPRINT(TOKENS[b])
            assert ours == stock, (a, b)
    same = Token("ziek", 4, lemma="ziek", data={"pos": "ADJ"})
    assert patches._token_fingerprint(same) == patches._token_fingerprint(TOKENS["token"])


def test_a_number_is_not_its_text_also_where_rasas_own_fingerprint_sees_no_difference():
    number = Token("ziek", 4, data={"n": 1})
    text = Token("ziek", 4, data={"n": "1"})
    assert patches.STOCK_TOKEN_FINGERPRINT(number) == patches.STOCK_TOKEN_FINGERPRINT(text)
    assert patches._token_fingerprint(number) != patches._token_fingerprint(text)


def test_token_data_that_is_not_plain_gets_rasas_own_fingerprint():
    token = Token("ziek", 4, data={"vector": [0.1, 0.2]})
    assert patches._token_fingerprint(token) == patches.STOCK_TOKEN_FINGERPRINT(token)


CACHE_CONFIG = """
recipe: default.v1
language: nl
assistant_id: spoorwijzer-cache
pipeline:
  - name: WhitespaceTokenizer
  - name: LexicalSyntacticFeaturizer
  - name: CountVectorsFeaturizer
    analyzer: char_wb
    min_ngram: 2
    max_ngram: 4
  - name: LogisticRegressionClassifier
"""


def restored(caplog) -> set:
    return {r.getMessage().split("'")[1] for r in caplog.records if r.getMessage().startswith("Restored component")}


def test_with_the_patches_rasas_training_cache_restores_unchanged_steps_and_retrains_changed_ones(
    tmp_path, monkeypatch, caplog
):
    """The cache still works with the patched fingerprints. (That a change in the features gives another
    fingerprint is what the pairwise tests above hold them to; Rasa decides what to retrain from the
    steps before it, so a run like this one cannot show it.)"""
    from tests.server.toy_nlu import NLU, train_toy_model

    patches.install()
    monkeypatch.setenv("RASA_CACHE_DIRECTORY", str(tmp_path / "cache"))
    caplog.set_level(logging.INFO, logger="rasa.engine.training.hooks")
    for run in ("first", "same data"):
        (tmp_path / run).mkdir()
        caplog.clear()
        train_toy_model(tmp_path / run, CACHE_CONFIG)
        if run == "first":
            assert restored(caplog) == set()
    assert {"CountVectorsFeaturizer", "LogisticRegressionClassifier"} <= restored(caplog)

    (tmp_path / "changed").mkdir()
    caplog.clear()
    train_toy_model(tmp_path / "changed", CACHE_CONFIG, nlu=NLU.replace("hoi daar", "hoi allemaal"))
    # The vocabulary is learnt again from the changed data, and so is everything after it.
    assert "LogisticRegressionClassifier" not in restored(caplog)
    assert "CountVectorsFeaturizer" not in restored(caplog)


def test_install_also_replaces_the_fingerprints(monkeypatch):
    monkeypatch.setattr(Features, "fingerprint", STOCK_FEATURES_FINGERPRINT)
    monkeypatch.setattr(Token, "fingerprint", patches.STOCK_TOKEN_FINGERPRINT)
    patches.install()
    assert Features.fingerprint is patches._features_fingerprint
    assert Token.fingerprint is patches._token_fingerprint
