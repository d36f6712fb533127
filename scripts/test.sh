#!/usr/bin/env bash
# Runs every test. Tests start their own in-memory Azurite on free ports; this only makes sure the tools are there:
# the pinned npm packages (Azurite, axe-core) and Debian's Chromium for the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x node_modules/.bin/azurite ] && [ -f node_modules/axe-core/axe.min.js ] || npm ci --no-audit --no-fund

if ! command -v chromium >/dev/null; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "Installing Debian's chromium for the browser tests…" >&2
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

dotnet test Signalering.sln "$@"
