#!/usr/bin/env bash
# Runs every test. Tests start their own in-memory Azurite on free ports; this only makes sure it is installed.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x node_modules/.bin/azurite ] || npm ci --no-audit --no-fund

dotnet test Signalering.sln "$@"
