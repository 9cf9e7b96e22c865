import sys
from pathlib import Path

# The helpers of this folder (readability.py, texts.py) are imported by plain name.
sys.path.insert(0, str(Path(__file__).resolve().parent))
