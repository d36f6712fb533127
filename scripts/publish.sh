#!/usr/bin/env bash
# Builds the deployment package the Functions host runs:
#   <out>/host.json, <out>/<Function>/function.json (one folder per function, at the root as the host expects),
#   <out>/handler/ the ASP.NET Core handler published self-contained for linux-x64 (host.json's defaultExecutablePath),
# and zips it to <out>.zip for `az functionapp deploy` (see infra/README.md).
# Usage: scripts/publish.sh [out=dist/package]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-dist/package}"
rm -rf "$out" "$out.zip"
mkdir -p "$out"
dotnet publish src/Signalering.Functions -c Release -r linux-x64 --self-contained true -v quiet -nologo -o "$out/handler"
chmod +x "$out/handler/Signalering.Functions"
cp host.json "$out/"
cp -r functions/. "$out/"
out_abs="$(cd "$out" && pwd)"
if command -v zip >/dev/null; then
  (cd "$out_abs" && zip -qr "$out_abs.zip" .)
else
  # zipfile keeps the executable bit of handler/Signalering.Functions
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
