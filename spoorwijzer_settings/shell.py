"""A setting's value as the shell reads it: for `python -m spoorwijzer_settings shell` and .env.example."""

from __future__ import annotations

from typing import Any


def shell_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (tuple, list)):
        return " ".join(str(item) for item in value)
    return str(value)
