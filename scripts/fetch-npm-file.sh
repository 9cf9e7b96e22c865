#!/usr/bin/env bash
# Fetches one file out of a package on the npm registry, checked against the registry's sha512.
#   scripts/fetch-npm-file.sh <package> <version> <sha512-integrity> <path in the package> <target>
# Used for test tools that only npm publishes (axe-core, Microsoft's Teams manifest schema).
set -euo pipefail
package=$1 version=$2 integrity=$3 inside=$4 target=$5
[ -s "$target" ] && exit 0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
curl -fsSL --retry 3 -o "$work/pkg.tgz" "https://registry.npmjs.org/$package/-/${package##*/}-$version.tgz"
actual="sha512-$(openssl dgst -sha512 -binary "$work/pkg.tgz" | base64 -w0)"
if [ "$actual" != "$integrity" ]; then
  echo "$package $version: de controlesom klopt niet; bestand niet gebruikt." >&2
  exit 1
fi
tar -xzf "$work/pkg.tgz" -C "$work" "package/$inside"
mkdir -p "$(dirname "$target")"
mv "$work/package/$inside" "$target"
echo "==> $package $version: $target"
