import sys
from pathlib import Path

# The project root holds the `actions`, `components` and `connectors` packages.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
