"""`python -m spoorwijzer_rasa run|train …` — Rasa's own command line with the runtime fixes applied first.

The scripts start the server and train this way. `rasa run` still works, only slower; `rasa train`
trains as stock Rasa does, like this command with SPOORWIJZER_FAST_TRAINING=0.
"""
import os
import sys

from spoorwijzer_rasa.patches import install, install_training_fixes, training_fixes_wanted

install()
if training_fixes_wanted(sys.argv[1:], os.environ):
    install_training_fixes()

from rasa.__main__ import main  # noqa: E402  (after the fixes, so every import sees them)

main()
