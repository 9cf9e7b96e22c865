#!/usr/bin/env bash
# Checks deploy/ against the Compose specification and Kubernetes' schemas (offline),
# and checks that the checkers do reject a broken file.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv-deploycheck
if ! "$VENV/bin/python" -c 'import check_jsonschema, kubernetes_validate' 2>/dev/null || \
   [ deploy/requirements-check.txt -nt "$VENV/.installed" ]; then
  rm -rf "$VENV"
  "$(scripts/find-python310)" -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r deploy/requirements-check.txt
  touch "$VENV/.installed"
fi

"$VENV/bin/check-jsonschema" --builtin-schema vendor.compose-spec deploy/compose.yml
# --strict: unknown fields (a typo such as "readinesProbe") are errors too.
"$VENV/bin/kubernetes-validate" --strict --kubernetes-version 1.33 deploy/kubernetes/*.yaml

# A checker that accepts anything proves nothing: break each file once.
broken=$(mktemp -d); trap 'rm -rf "$broken"' EXIT
sed "s/    depends_on:/    depend_on:/" deploy/compose.yml > "$broken/compose.yml"
sed 's/readinessProbe:/readinesProbe:/' deploy/kubernetes/rasa.yaml > "$broken/rasa.yaml"
if "$VENV/bin/check-jsonschema" --builtin-schema vendor.compose-spec "$broken/compose.yml" >/dev/null 2>&1; then
  echo "FOUT: de Compose-controle keurt een kapot bestand goed" >&2; exit 1
fi
if "$VENV/bin/kubernetes-validate" --strict --kubernetes-version 1.33 "$broken/rasa.yaml" >/dev/null 2>&1; then
  echo "FOUT: de Kubernetes-controle keurt een kapot manifest goed" >&2; exit 1
fi
echo "deploy/: Compose en Kubernetes kloppen met hun schema's (en kapotte varianten worden geweigerd)"
