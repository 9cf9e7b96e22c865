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

"$VENV/bin/check-jsonschema" --builtin-schema vendor.compose-spec deploy/compose.yml deploy/compose.tls.yml
# --strict: unknown fields (a typo such as "readinesProbe") are errors too.
# Every manifest, the NetworkPolicy (networkpolicy.yaml) included.
[ -s deploy/kubernetes/networkpolicy.yaml ] || { echo "FOUT: deploy/kubernetes/networkpolicy.yaml ontbreekt" >&2; exit 1; }
"$VENV/bin/kubernetes-validate" --strict --kubernetes-version 1.33 deploy/kubernetes/*.yaml

# A checker that accepts anything proves nothing: break each file once.
broken=$(mktemp -d); trap 'rm -rf "$broken"' EXIT
sed "s/    depends_on:/    depend_on:/" deploy/compose.yml > "$broken/compose.yml"
sed 's/readinessProbe:/readinesProbe:/' deploy/kubernetes/rasa.yaml > "$broken/rasa.yaml"
sed 's/policyTypes:/policyType:/' deploy/kubernetes/networkpolicy.yaml > "$broken/networkpolicy.yaml"
if "$VENV/bin/check-jsonschema" --builtin-schema vendor.compose-spec "$broken/compose.yml" >/dev/null 2>&1; then
  echo "FOUT: de Compose-controle keurt een kapot bestand goed" >&2; exit 1
fi
for manifest in rasa networkpolicy; do
  if "$VENV/bin/kubernetes-validate" --strict --kubernetes-version 1.33 "$broken/$manifest.yaml" >/dev/null 2>&1; then
    echo "FOUT: de Kubernetes-controle keurt een kapot $manifest.yaml goed" >&2; exit 1
  fi
done
echo "deploy/: Compose en Kubernetes kloppen met hun schema's (en kapotte varianten worden geweigerd)"
