"""`python -m spoorwijzer_rasa.action_server --actions actions --port 5055` — rasa-sdk's own action
server, with the log safety of the Rasa server (spoorwijzer_rasa/log_safety.py) installed first.

The action server sees every message and slot of a conversation. Without this, rasa-sdk at DEBUG
writes ignored events with their contents, and an action that fails logs its exception message,
which may hold what the person wrote. It imports neither Rasa nor TensorFlow: the same small
process as `python -m rasa_sdk` (scripts/servers.sh explains why that one).
"""

from spoorwijzer_rasa import log_safety

log_safety.install()  # before rasa-sdk configures or writes any log

from rasa_sdk.__main__ import main  # noqa: E402 (after the log safety)

if __name__ == "__main__":
    main()
