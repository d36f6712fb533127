#!/usr/bin/env bash
# Deploys Signalering into an Azure subscription with one command: infrastructure (infra/main.bicep, subscription
# scope: creates rg-signalering-<env>), then the app package (scripts/publish.sh) onto the Flex Consumption app.
# Needs: az CLI logged in (az login), the .NET SDK, and the three secrets, kept in your password manager or pipeline
# secret store and passed again on every redeploy (a new QR key would break every printed poster):
#   export QR_K1="$(openssl rand -base64 32)" TRACKING_SECRET="$(openssl rand -base64 32)" EXPERTPOOL_KEY="$(openssl rand -base64 32)"   # first time only
# Usage: scripts/deploy.sh [environmentName=dev] [location=westeurope]
set -euo pipefail
cd "$(dirname "$0")/.."
env_name="${1:-dev}"
location="${2:-westeurope}"
: "${QR_K1:?set QR_K1 (base64 of 32 random bytes; reuse the value of earlier deployments)}"
: "${TRACKING_SECRET:?set TRACKING_SECRET (base64 of 32 random bytes; reuse the value of earlier deployments)}"
: "${EXPERTPOOL_KEY:?set EXPERTPOOL_KEY (base64 of 32 random bytes; reuse the value of earlier deployments)}"

deployment="signalering-$env_name"
az deployment sub create --name "$deployment" --location "$location" \
  --template-file infra/main.bicep \
  --parameters infra/main.parameters.json environmentName="$env_name" location="$location" \
               qrTokenKeyK1="$QR_K1" trackingCodeSecret="$TRACKING_SECRET" expertpoolPseudonymKey="$EXPERTPOOL_KEY" \
  --output none

output() { az deployment sub show --name "$deployment" --query "properties.outputs.$1.value" --output tsv; }
rg="$(output AZURE_RESOURCE_GROUP)"
app="$(output AZURE_FUNCTION_APP_NAME)"

./scripts/publish.sh dist/package
az functionapp deployment source config-zip --resource-group "$rg" --name "$app" --src dist/package.zip --output none
echo "Deployed: https://$(output AZURE_FUNCTION_APP_HOSTNAME)  (resource group $rg)"
