#!/usr/bin/env bash
# Prints a development bearer token for the coordinators' API, signed with the Development key.
# Usage: scripts/token.sh --role coordinator|municipality|admin --org <organisationId> [--sub <name>] [--hours <n>]
# Example: curl -H "Authorization: Bearer $(scripts/token.sh --role coordinator --org coa-luttelgeest)" http://127.0.0.1:7071/api/inbox
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run --project src/Signalering.Functions --no-launch-profile -v quiet -- token "$@"
