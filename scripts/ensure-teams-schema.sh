#!/usr/bin/env bash
# The JSON schema of the Teams app manifest, from Microsoft's own npm package
# (@microsoft/app-manifest), checked against the registry's sha512, kept in var/.
# tests/deploy/test_teams_manifest.py checks teams/manifest.json against it.
set -euo pipefail
cd "$(dirname "$0")/.."
PACKAGE_VERSION=1.1.2
MANIFEST_VERSION=v1.30
INTEGRITY="sha512-uXdmYzhIcchi3Tc9Sh3pTDMe55zy7ge19bnYCGB1gzuyha85Ii7wfdTruwEhqseaX9pwsWDRB5Ot/ltv0rCONw=="
TARGET=var/teams-schema/$MANIFEST_VERSION/MicrosoftTeams.schema.json
[ -s "$TARGET" ] && exit 0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
curl -fsSL --retry 3 -o "$work/pkg.tgz" "https://registry.npmjs.org/@microsoft/app-manifest/-/app-manifest-$PACKAGE_VERSION.tgz"
actual="sha512-$(openssl dgst -sha512 -binary "$work/pkg.tgz" | base64 -w0)"
if [ "$actual" != "$INTEGRITY" ]; then
  echo "@microsoft/app-manifest $PACKAGE_VERSION: de controlesom klopt niet; bestand niet gebruikt." >&2
  exit 1
fi
tar -xzf "$work/pkg.tgz" -C "$work" "package/build/json-schemas/teams/$MANIFEST_VERSION/MicrosoftTeams.schema.json"
mkdir -p "$(dirname "$TARGET")"
mv "$work/package/build/json-schemas/teams/$MANIFEST_VERSION/MicrosoftTeams.schema.json" "$TARGET"
echo "==> Teams-manifestschema $MANIFEST_VERSION klaar ($TARGET)"
