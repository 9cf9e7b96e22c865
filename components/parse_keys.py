"""What components/answer_ranking.py leaves in a message's parse data for the dialogue and the actions.

One place for these names, because two processes read them: the NLU pipeline writes them, the action server
(actions/suggest.py) reads them from the tracker's latest message. Plain constants, no Rasa import, so the
action server can import this module without loading the NLU components.
"""

RANKING_KEY = "antwoord_ranking"  # [{"antwoord": "faq/<key>" or an intent, "score": float}], best first
SECOND_QUESTION_KEY = "tweede_vraag"  # a long message's other question: the answer it points to
# Set (True) when a weak fixed answer made way for out_of_scope because the message did not name our
# subject: action_out_of_scope can then still offer the answers when the conversation was about illness.
SUBJECT_MISSING_KEY = "onderwerp_ontbreekt"
# True or False for every message the ranking read: does it name our subject (illness, re-integration, the
# bedrijfsarts; components/onderwerp.py)? action_out_of_scope answers such a message with "daar heb ik (nog) geen
# goed antwoord op" and where to go, not with "daar kan ik je niet mee helpen".
MENTIONS_SUBJECT_KEY = "noemt_onderwerp"
# Set (True) when a statement intent (the advice, the situation, the role) made way for nlu_fallback because the
# message asks a question outright: components/guide_ambiguity.py may then still take a guide question, never
# the statement again.
QUESTION_NOT_STATEMENT_KEY = "vraag_geen_mededeling"
