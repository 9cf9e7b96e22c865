"""`python -m spoorwijzer_rasa run|train …` — Rasa's own command line with the runtime fixes applied first.

The scripts start the server and train this way. `rasa run` still works, only slower and without
the log safety below; `rasa train` trains as stock Rasa does, like this command with
SPOORWIJZER_FAST_TRAINING=0.

Log safety first (spoorwijzer_rasa/log_safety.py), for every command but `train`: every log record
of the process is made safe from the first line on (no message text, personal data or tracker
content at any level), and Rasa's structlog set-up is followed by ours, whose tracebacks carry no
local variables.
"""

import sys

from spoorwijzer_rasa import log_safety

# Training reads only our own training data; its (long, useful) log stays as Rasa writes it.
SAFE_LOGS = sys.argv[1:2] != ["train"]
if SAFE_LOGS:
    log_safety.install()  # before anything logs

from spoorwijzer_rasa.patches import install, install_training_fixes, training_fixes_wanted  # noqa: E402

install()
if training_fixes_wanted(sys.argv[1:]):  # SPOORWIJZER_FAST_TRAINING, from spoorwijzer_settings
    install_training_fixes()

if SAFE_LOGS:
    log_safety.install_for_rasa_cli()  # imports rasa.__main__: after the fixes, so every import sees them
from rasa.__main__ import main  # noqa: E402

main()
