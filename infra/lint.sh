#!/usr/bin/env bash
# Compiles and lints every Bicep file under infra/ offline, and checks main.parameters.json.
# Fails (non-zero) on any Bicep warning or error, so the templates stay warning-free.
#
# The Bicep CLI comes from the NuGet package Azure.Bicep.CommandLine.linux-x64 (its nupkg carries tools/bicep).
# It is taken from the NuGet global packages folder; on a clean machine (CI) a throwaway project restores it there.
set -euo pipefail

BICEP_PACKAGE_ID="Azure.Bicep.CommandLine.linux-x64"
BICEP_VERSION="0.49.2"

infra_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
packages_dir="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
bicep="$packages_dir/$(echo "$BICEP_PACKAGE_ID" | tr '[:upper:]' '[:lower:]')/$BICEP_VERSION/tools/bicep"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ ! -f "$bicep" ]; then
  echo "lint: restoring $BICEP_PACKAGE_ID $BICEP_VERSION into $packages_dir"
  # Outside the repository, so the repo's Directory.Build.props / Directory.Packages.props do not apply.
  cat > "$work/bicep-restore.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="$BICEP_PACKAGE_ID" Version="[$BICEP_VERSION]" />
  </ItemGroup>
</Project>
EOF
  if ! dotnet restore "$work/bicep-restore.csproj" --nologo -v quiet > "$work/restore.log" 2>&1; then
    cat "$work/restore.log" >&2
    echo "lint: FAILED to restore $BICEP_PACKAGE_ID $BICEP_VERSION" >&2
    exit 1
  fi
  if [ ! -f "$bicep" ]; then
    echo "lint: restore succeeded but $bicep is missing" >&2
    exit 1
  fi
fi
[ -x "$bicep" ] || chmod +x "$bicep"

echo "lint: $("$bicep" --version)"

failed=0
count=0
# Every .bicep file under infra/, modules included; sorted so the output is stable.
while IFS= read -r -d '' file; do
  count=$((count + 1))
  file_failed=0
  rel="${file#"$infra_dir"/}"
  out="$work/$(echo "$rel" | tr '/' '_').json"

  status=0
  "$bicep" build "$file" --outfile "$out" > "$work/build.log" 2>&1 || status=$?
  if [ "$status" -ne 0 ] || grep -Eq '(Warning|Error) [A-Za-z0-9-]+:|: (Warning|Error) ' "$work/build.log"; then
    echo "FAIL build $rel (exit $status)"
    sed 's/^/  /' "$work/build.log"
    file_failed=1
  fi

  status=0
  "$bicep" lint "$file" > "$work/lint.log" 2>&1 || status=$?
  if [ "$status" -ne 0 ] || grep -Eq '(Warning|Error) [A-Za-z0-9-]+:|: (Warning|Error) ' "$work/lint.log"; then
    echo "FAIL lint  $rel (exit $status)"
    sed 's/^/  /' "$work/lint.log"
    file_failed=1
  fi

  if [ "$file_failed" -eq 0 ]; then echo "ok   $rel"; else failed=1; fi
done < <(find "$infra_dir" -name '*.bicep' -type f -print0 | sort -z)

if [ "$count" -eq 0 ]; then
  echo "lint: no .bicep files found under $infra_dir" >&2
  exit 1
fi

# main.parameters.json: valid JSON, a deployment parameters file, and naming only parameters main.bicep declares.
params="$infra_dir/main.parameters.json"
main_json="$work/main.bicep.json"
if [ -f "$main_json" ]; then
  if python3 - "$params" "$main_json" <<'EOF'
import json, sys
params_path, template_path = sys.argv[1], sys.argv[2]
try:
    with open(params_path, encoding="utf-8") as f:
        params = json.load(f)
except (OSError, ValueError) as e:
    sys.exit(f"main.parameters.json is not valid JSON: {e}")
if "deploymentParameters.json" not in params.get("$schema", ""):
    sys.exit("main.parameters.json: $schema is not a deployment parameters schema")
with open(template_path, encoding="utf-8") as f:
    declared = json.load(f).get("parameters", {})
given = params.get("parameters", {})
unknown = sorted(set(given) - set(declared))
if unknown:
    sys.exit(f"main.parameters.json names parameters main.bicep does not declare: {', '.join(unknown)}")
for name, entry in given.items():
    if not isinstance(entry, dict) or not ({"value", "reference"} & set(entry)):
        sys.exit(f"main.parameters.json: parameter {name} has neither value nor reference")
EOF
  then
    echo "ok   main.parameters.json"
  else
    echo "FAIL main.parameters.json"
    failed=1
  fi
else
  echo "FAIL main.parameters.json: main.bicep did not compile, nothing to check it against"
  failed=1
fi

if [ "$failed" -ne 0 ]; then
  echo "lint: FAILED" >&2
  exit 1
fi
echo "lint: $count Bicep files built and linted with no warnings or errors"
