#!/usr/bin/env bash
# Runs Signalering locally: installs the pinned Azurite if needed, starts it (data kept in .azurite/),
# then the function app with its queue and timer functions, seeded with the Noordoostpolder example.
# Stop with Ctrl+C; Azurite stops with it.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x node_modules/.bin/azurite ] || npm ci --no-audit --no-fund

mkdir -p .azurite
node node_modules/azurite/dist/src/azurite.js --silent --skipApiVersionCheck --disableTelemetry --loose \
  --location .azurite --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 &
azurite_pid=$!
trap 'kill $azurite_pid 2>/dev/null || true' EXIT INT TERM

export ASPNETCORE_ENVIRONMENT=Development
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:7071}"
dotnet run --project src/Signalering.Functions --no-launch-profile
