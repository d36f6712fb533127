// Signalering on Azure: one deployment at subscription scope creates the resource group rg-signalering-<env> and
// everything in it (see infra/README.md). Deploy with:
//   az deployment sub create --location westeurope --template-file infra/main.bicep \
//     --parameters infra/main.parameters.json environmentName=<env> qrTokenKeyK1=... trackingCodeSecret=... expertpoolPseudonymKey=...
targetScope = 'subscription'

@description('Environment name, e.g. dev, test, prod. Names the resource group rg-signalering-<environmentName> and seeds every resource name.')
@minLength(1)
@maxLength(40)
param environmentName string

@description('Azure region for all resources. Must offer Flex Consumption and Translator (westeurope does).')
param location string

@description('QR location-token HMAC key k1: base64 of 32 random bytes (openssl rand -base64 32). Keep it: posters printed with it stay valid only while it does.')
@secure()
param qrTokenKeyK1 string

@description('HMAC secret for resident tracking codes: base64 of 32 random bytes (openssl rand -base64 32). Keep it: changing it invalidates issued tracking codes.')
@secure()
param trackingCodeSecret string

@description('HMAC key for expertpool member keys and answer pseudonyms: base64 of 32 random bytes. Keep it: changing it makes existing member codes unknown.')
@secure()
param expertpoolPseudonymKey string

@description('Web Push VAPID public key, base64url (npx web-push generate-vapid-keys, or docs/operations.md). Empty: push stays off and the status page says so.')
param webPushPublicKey string = ''

@description('Web Push VAPID private key, base64url. Keep it: changing it ends every phone\'s subscription.')
@secure()
param webPushPrivateKey string = ''

@description('Contact for push services\' operators, e.g. mailto:meldpunt@gemeente.nl.')
param webPushSubject string = ''

@description('Translator pricing tier.')
@allowed([
  'F0'
  'S1'
  'S2'
  'S3'
  'S4'
])
param translatorSkuName string = 'S1'

@description('Storage replication.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSkuName string = 'Standard_LRS'

@description('Maximum Flex Consumption instances (40-1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per Flex Consumption instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Key Vault purge protection (cannot be turned off once on). Turn off only for throw-away environments.')
param enableKeyVaultPurgeProtection bool = true

@description('Client id of the Entra ID app registration for staff sign-in (docs/operations.md). Empty: staff sign-in is not set up yet.')
param entraClientId string = ''

@description('ID-token claim holding the staff member\'s organisation id (directory extension as optional claim).')
param entraOrganisationClaim string = 'extn.org'

@description('Public address of the app for posters and QR codes, e.g. https://meldpunt.gemeente.nl. Empty: the default host name.')
param publicBaseUrl string = ''

// Same token for the same subscription, environment and region, so a redeployment updates rather than duplicates.
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}

var resourceGroupName = 'rg-signalering-${environmentName}'
var storageAccountName = 'st${resourceToken}'
var deploymentContainerName = 'deploymentpackage'
var translatorName = 'trsl-${resourceToken}'
var logAnalyticsName = 'log-${resourceToken}'
var applicationInsightsName = 'appi-${resourceToken}'
var keyVaultName = 'kv-${resourceToken}'
var planName = 'plan-${resourceToken}'
var functionAppName = 'func-signalering-${resourceToken}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: resourceGroupName
  location: location
  tags: tags
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: storageAccountName
    location: location
    tags: tags
    skuName: storageSkuName
    deploymentContainerName: deploymentContainerName
  }
}

module translator 'modules/translator.bicep' = {
  name: 'translator'
  scope: rg
  params: {
    name: translatorName
    customSubDomainName: translatorName
    location: location
    tags: tags
    skuName: translatorSkuName
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: logAnalyticsName
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: keyVaultName
    location: location
    tags: tags
    enablePurgeProtection: enableKeyVaultPurgeProtection
    qrTokenKeyK1: qrTokenKeyK1
    trackingCodeSecret: trackingCodeSecret
    expertpoolPseudonymKey: expertpoolPseudonymKey
    webPushPublicKey: webPushPublicKey
    webPushPrivateKey: webPushPrivateKey
    webPushSubject: webPushSubject
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  params: {
    name: functionAppName
    planName: planName
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    translatorEndpoint: translator.outputs.endpoint
    qrTokenKeyK1Uri: keyVault.outputs.qrTokenKeyK1Uri
    trackingCodeSecretUri: keyVault.outputs.trackingCodeSecretUri
    expertpoolPseudonymKeyUri: keyVault.outputs.expertpoolPseudonymKeyUri
    webPushPublicKeyUri: keyVault.outputs.webPushPublicKeyUri
    webPushPrivateKeyUri: keyVault.outputs.webPushPrivateKeyUri
    webPushSubjectUri: keyVault.outputs.webPushSubjectUri
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    entraClientId: entraClientId
    entraOrganisationClaim: entraOrganisationClaim
    publicBaseUrl: publicBaseUrl
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  scope: rg
  params: {
    principalId: functionApp.outputs.principalId
    storageAccountName: storage.outputs.name
    translatorName: translator.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: keyVault.outputs.name
  }
}

@description('Resource group holding everything.')
output AZURE_RESOURCE_GROUP string = rg.name

@description('Region of the deployment.')
output AZURE_LOCATION string = location

@description('Function App name, for az functionapp deployment source config-zip.')
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name

@description('Function App default host name; the API is at https://<this>/api/...')
output AZURE_FUNCTION_APP_HOSTNAME string = functionApp.outputs.defaultHostName

@description('Storage account name.')
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name

@description('Translator endpoint used with Entra ID.')
output AZURE_TRANSLATOR_ENDPOINT string = translator.outputs.endpoint

@description('Key Vault name.')
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
