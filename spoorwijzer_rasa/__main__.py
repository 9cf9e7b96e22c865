"""`python -m spoorwijzer_rasa run|train …` — Rasa's own command line with the runtime fixes applied first.

The scripts start the server and train this way; `rasa run` and `rasa train` still work, only slower.
"""
from spoorwijzer_rasa.patches import install

install()

from rasa.__main__ import main  # noqa: E402  (after the fixes, so every import sees them)

main()
