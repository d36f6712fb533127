// Role assignments for the Function App's system-assigned managed identity: exactly what it needs, each on the one
// resource it needs it for. Names are guid(scope, principalId, roleDefinitionId), so a redeployment is idempotent.

@description('Object id of the Function App\'s system-assigned managed identity.')
param principalId string

@description('Storage account (host storage, tables, queues, deployment package).')
param storageAccountName string

@description('Translator account.')
param translatorName string

@description('Application Insights component.')
param applicationInsightsName string

@description('Key Vault with the app\'s secrets.')
param keyVaultName string

// Built-in role definition ids (the same in every tenant).
// Storage Blob Data Owner: the Functions host's identity-based AzureWebJobsStorage (leases, keys, timers) and the
// Flex Consumption deployment container.
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
// Storage Queue Data Contributor: queue triggers and outputs, and the app's own queues (org-<id> created at run time).
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
// Storage Table Data Contributor: the signals and referencedata tables.
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
// Cognitive Services User: call Translator with an Entra ID token.
var cognitiveServicesUser = 'a97b65f3-24c7-4388-baec-2e87135dc908'
// Monitoring Metrics Publisher: send telemetry to Application Insights with local auth disabled.
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'
// Key Vault Secrets User: resolve the Key Vault references in the app settings.
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource translator 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: translatorName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

var storageRoles = [
  storageBlobDataOwner
  storageQueueDataContributor
  storageTableDataContributor
]

resource storageAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageRoles: {
    name: guid(storage.id, principalId, roleId)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource translatorAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(translator.id, principalId, cognitiveServicesUser)
  scope: translator
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', cognitiveServicesUser)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource appInsightsAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, principalId, monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource vaultAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
