"""`python -m spoorwijzer_rasa <rasa arguments>` — the project's runtime: Rasa's own command line, after
the patches (spoorwijzer_rasa/patches.py) and, where people's messages pass, the log safety.

Every Rasa entry point of the project runs through it: the servers (scripts/start-rasa.sh), training
(scripts/train.sh), `make shell`, `make validate`, the conversation tests of `make test` and the
benchmarks of our configuration (tests/server/test_runtime.py holds the Makefile and the scripts to
it). So a story test, a shell conversation and a server turn run the same code, the session rule of
the domain included. What Rasa lets us change through its own extension points (DIET and the
ResponseSelector: components/diet.py) is named in config.yml, so a plain `rasa train` trains the same
model and a plain `rasa shell` or `rasa run` loads it the same way; they lack only the patches and the
log safety.

Log safety (spoorwijzer_rasa/log_safety.py) for every command that handles a person's messages (`run`,
`shell`, `interactive`, …): every log record of the process is made safe from the first line on (no
message text, personal data or tracker content at any level), and Rasa's structlog set-up is followed
by ours, whose tracebacks carry no local variables. Commands that read only the project's own files
(`train`, `test`, `data`) keep Rasa's log as it is: what they report (validation findings, failed
stories, training progress) is what a developer reads them for.
"""

import sys

from spoorwijzer_rasa import log_safety

OWN_FILES_ONLY = ("train", "test", "data")  # Rasa commands that read only the project's own files
SAFE_LOGS = (sys.argv[1] if len(sys.argv) > 1 else "") not in OWN_FILES_ONLY
if SAFE_LOGS:
    log_safety.install()  # before anything logs

from spoorwijzer_rasa.patches import install  # noqa: E402

install()

if SAFE_LOGS:
    log_safety.install_for_rasa_cli()  # imports rasa.__main__: after the patches, so every import sees them
from rasa.__main__ import main  # noqa: E402

main()
