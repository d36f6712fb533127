#!/usr/bin/env bash
# Prints a development bearer token for the coordinators' API, signed with the Development key.
# Usage: scripts/token.sh --role coordinator|municipality|admin --org <organisationId> [--sub <name>] [--hours <n>]
# Example: curl -H "Authorization: Bearer $(scripts/token.sh --role coordinator --org coa-luttelgeest)" http://127.0.0.1:7071/api/inbox
set -euo pipefail
cd "$(dirname "$0")/.."
# The built app itself, as run.sh starts it: `dotnet run` on a Functions worker project asks the SDK to launch Core
# Tools, which cannot be installed here.
dotnet build src/Signalering.Functions -v quiet -nologo >&2
DOTNET_ENVIRONMENT=Development dotnet src/Signalering.Functions/bin/Debug/net10.0/Signalering.Functions.dll token "$@"
