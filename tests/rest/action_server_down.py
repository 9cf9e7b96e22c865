"""The assistant when the action server is gone, and after it is back.

    python tests/rest/action_server_down.py http://localhost:5005 down   # action server stopped
    python tests/rest/action_server_down.py http://localhost:5005 up     # action server running again

Both use the same conversation, so "up" also shows the conversation was not broken.
Prints 'N passed, N failed'; exits 1 on failure.
"""

from __future__ import annotations

import json
import sys
import urllib.request
import uuid
from pathlib import Path

# Run as a script (scripts/test.sh), so Python puts only this folder on the path; the project's
# packages (`tests.live_checks`) live in the root, which is not installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.live_checks import report  # noqa: E402

BASE, PHASE = sys.argv[1], sys.argv[2]
SENDER = str(uuid.uuid4())  # conversation ids must be random UUID4s


def send(message: str) -> str:
    request = urllib.request.Request(
        f"{BASE}/webhooks/rest/webhook",
        data=json.dumps({"sender": SENDER, "message": message}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return "\n".join(m.get("text", "") for m in json.load(response))


reply = send("in welk spoor zit ik?")
if PHASE == "down":
    ok, name = "ging aan onze kant iets mis" in reply, "action server weg: nette Nederlandse melding"
else:
    ok, name = "eerste ziektedag" in reply, "action server terug: het gesprek gaat verder"
sys.exit(report([(name, ok, repr(reply[:200]))]))
