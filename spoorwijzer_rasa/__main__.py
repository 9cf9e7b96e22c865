"""`python -m spoorwijzer_rasa run|train …` — Rasa's own command line with the runtime fixes applied first.

The scripts start the server and train this way. `rasa run` still works, only slower; `rasa train`
trains the same model as this command does without SPOORWIJZER_FAST_TRAINING=1.
"""
import os

from spoorwijzer_rasa.patches import install, install_training_fixes

install()
if os.environ.get("SPOORWIJZER_FAST_TRAINING") == "1":  # opt-in: a different model (patches.py, fixes 5-6)
    install_training_fixes()

from rasa.__main__ import main  # noqa: E402  (after the fixes, so every import sees them)

main()
