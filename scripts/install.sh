#!/usr/bin/env bash
# Set-up: .venv with Python 3.10, pinned dependencies, the poortwachter package,
# and the Dutch spaCy model when it can be had (otherwise spaCy's own Dutch
# language data is used; see components/dutch_spacy.py).
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
PY310=$(scripts/find-python310)

if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))'; then
  rm -rf "$VENV"
  echo "==> .venv aanmaken met $PY310"
  "$PY310" -m venv "$VENV"
fi

echo "==> afhankelijkheden installeren (eerste keer: enkele minuten, ~3 GB)"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade "pip==24.2"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
  -r requirements.txt -r requirements-dev.txt -c constraints.txt
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e . -e ./poortwachter_faces

# The Dutch spaCy pipeline matching spaCy 3.4 is nl_core_news_sm 3.4.0. It is not
# on PyPI; it comes from spaCy's own release page, or from a local wheel
# (SPACY_NL_WHEEL=/pad/naar/nl_core_news_sm-3.4.0-py3-none-any.whl) for offline installs.
SPACY_NL_VERSION=3.4.0
SPACY_NL_URL="https://github.com/explosion/spacy-models/releases/download/nl_core_news_sm-${SPACY_NL_VERSION}/nl_core_news_sm-${SPACY_NL_VERSION}-py3-none-any.whl"
if "$VENV/bin/python" -c 'import nl_core_news_sm' >/dev/null 2>&1; then
  echo "==> spaCy: nl_core_news_sm is geïnstalleerd en wordt gebruikt"
elif [ -n "${SPACY_NL_WHEEL:-}" ]; then
  "$VENV/bin/python" -m pip install --quiet --no-deps "$SPACY_NL_WHEEL"
  echo "==> spaCy: nl_core_news_sm geïnstalleerd uit $SPACY_NL_WHEEL"
elif [ "${SPACY_NL_DOWNLOAD:-1}" = "1" ] && \
     timeout 120 "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps \
       --timeout 15 --retries 1 "$SPACY_NL_URL" >/dev/null 2>&1; then
  echo "==> spaCy: nl_core_news_sm $SPACY_NL_VERSION geïnstalleerd"
else
  echo "==> spaCy: nl_core_news_sm niet beschikbaar; Spoorwijzer gebruikt spaCy's eigen Nederlandse taaldata (regelgebaseerde tokenizer + lookup-lemmatizer)."
fi
