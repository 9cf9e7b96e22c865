"""The channel blueprints that the shared test server (conftest.channel_server) serves, by URL name."""

from __future__ import annotations

from typing import Any, Callable, Dict

CHANNELS: Dict[str, Callable[[Any], tuple]] = {}
