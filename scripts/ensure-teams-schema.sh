#!/usr/bin/env bash
# The JSON schema of the Teams app manifest, from Microsoft's own npm package
# (@microsoft/app-manifest); tests/deploy/test_teams_manifest.py checks teams/manifest.json against it.
set -euo pipefail
cd "$(dirname "$0")/.."
exec scripts/fetch-npm-file.sh @microsoft/app-manifest 1.1.2 \
  "sha512-uXdmYzhIcchi3Tc9Sh3pTDMe55zy7ge19bnYCGB1gzuyha85Ii7wfdTruwEhqseaX9pwsWDRB5Ot/ltv0rCONw==" \
  build/json-schemas/teams/v1.30/MicrosoftTeams.schema.json var/teams-schema/v1.30/MicrosoftTeams.schema.json
