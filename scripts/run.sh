#!/usr/bin/env bash
# Runs Signalering locally without the Functions host: installs the pinned Azurite if needed, starts it (data kept
# in .azurite/), then the function app in its local composition (ADR 0006) with its queue and timer functions,
# seeded with the Noordoostpolder example. Ctrl+C or a SIGTERM to this script stops both, and it waits for them.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x node_modules/.bin/azurite ] || npm ci --no-audit --no-fund

pids=()
stop() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop EXIT
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM

mkdir -p .azurite
node node_modules/azurite/dist/src/azurite.js --silent --skipApiVersionCheck --disableTelemetry --loose \
  --location .azurite --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 &
pids+=($!)

export ASPNETCORE_ENVIRONMENT=Development
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:7071}"
dotnet build src/Signalering.Functions -v quiet -nologo
# The built app itself (not `dotnet run`, whose child would outlive a signal to this script).
dotnet src/Signalering.Functions/bin/Debug/net10.0/Signalering.Functions.dll --contentRoot "$PWD/src/Signalering.Functions" &
pids+=($!)
# `wait` returns when a trapped signal arrives, so the trap runs at once; otherwise when the app exits.
wait "${pids[1]}"
