"""The question in a long message (components/question_focus.py, issue #27 item 2)."""

from __future__ import annotations

import pytest

from components.question_focus import asks, asks_outright, is_long, questions, sentences

CONTEXT = (
    "Ik werk al twaalf jaar bij hetzelfde bedrijf in de logistiek en heb het altijd naar mijn zin gehad. "
    "Sinds maart ben ik ziek en de bedrijfsarts zegt dat ik niet terug kan naar mijn eigen werk. "
    "Mijn werkgever wil nu een re-integratiebureau inschakelen voor een traject bij een andere werkgever. "
)


def test_sentences_split_on_end_marks_and_new_lines():
    assert sentences("Ik ben ziek. Mag dat?\nJa!") == ["Ik ben ziek.", "Mag dat?", "Ja!"]
    assert sentences("") == []


@pytest.mark.parametrize(
    "sentence, asking",
    [
        ("Mag dat?", True),
        ("Moet ik daaraan meewerken", True),  # inverted verb, no question mark
        ("Wat nu", True),
        ("Ik ben sinds maart ziek.", False),
        ("Mijn werkgever wil dat ik kom werken.", False),
    ],
)
def test_a_sentence_asks_with_a_question_mark_or_a_question_start(sentence, asking):
    assert asks(sentence) is asking


def test_a_long_message_lists_its_questions_in_order():
    text = CONTEXT + "Moet ik daaraan meewerken? En wie betaalt dat bureau?"
    assert is_long(text)
    assert questions(text) == ["Moet ik daaraan meewerken?", "En wie betaalt dat bureau?"]


def test_a_short_message_is_not_long():
    assert not is_long("Ik ben ziek. Moet ik meewerken aan spoor 2?")


@pytest.mark.parametrize(
    "text, asking",
    [
        ("Mag ik zomaar meer of minder uren werken?", True),
        ("Mijn baas vraagt me minder te werken, kan dat zomaar?", True),  # the clause after the comma asks
        ("Ik ben zwanger. Welke regels gelden er voor mij?", True),
        ("mag ik dat?!", True),
        ("(mag ik dat?)", True),
        ("Mag ik dat？", True),  # a full-width question mark
        ("eigen werk?", False),  # a hesitant answer to the guide's question
        ("kan halve dagen werken", False),  # an advice that starts like a question, no question mark
        ("Moet ik daaraan meewerken", False),  # no question mark: asks(), but not outright
        ("", False),
    ],
)
def test_a_message_asks_outright_with_a_question_word_and_a_question_mark(text, asking):
    assert asks_outright(text) is asking
