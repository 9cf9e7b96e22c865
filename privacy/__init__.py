"""Privacy in one place: what is stored of a conversation, what is never stored, erasure and retention.

Imported by the Rasa server, the channels and the action server; imports none of them.
"""
