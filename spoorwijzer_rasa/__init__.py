"""Rasa as Spoorwijzer runs it: the stock CLI plus measured runtime fixes (see patches.py)."""
