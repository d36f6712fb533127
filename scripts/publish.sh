#!/usr/bin/env bash
# Builds the deployment package as `func azure functionapp publish` does for an isolated worker: the dotnet publish
# output of the function app (framework-dependent; Flex Consumption runs dotnet-isolated 10.0), which the worker SDK
# fills with host.json, functions.metadata, worker.config.json, extensions.json and .azurefunctions/ (the host's
# extensions), zipped to <out>.zip for `az functionapp deploy` (see infra/README.md).
# Usage: scripts/publish.sh [out=dist/package]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-dist/package}"
rm -rf "$out" "$out.zip"
mkdir -p "$out"
dotnet publish src/Signalering.Functions -c Release -v quiet -nologo -o "$out"
for f in host.json functions.metadata worker.config.json extensions.json; do
  [ -f "$out/$f" ] || { echo "publish: $f missing from $out" >&2; exit 1; }
done
out_abs="$(cd "$out" && pwd)"
if command -v zip >/dev/null; then
  (cd "$out_abs" && zip -qr "$out_abs.zip" .)
else
  python3 - "$out_abs" <<'PY'
import os, sys, zipfile
root = sys.argv[1]
with zipfile.ZipFile(root + ".zip", "w", zipfile.ZIP_DEFLATED) as z:
    for d, _, files in os.walk(root):
        for f in files:
            p = os.path.join(d, f)
            z.write(p, os.path.relpath(p, root))
PY
fi
echo "package: $out_abs (zipped: $out_abs.zip)"
