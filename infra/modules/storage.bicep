// Storage for Signalering: the app's tables and queues, resident photos, the Functions host's own state
// (identity-based AzureWebJobsStorage) and the Flex Consumption deployment package.
// Shared-key access is off: every caller, the host included, authenticates with Entra ID (managed identity).

@description('Storage account name: 3-24 lowercase letters and digits, globally unique.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags { *: string }

@description('Replication. Standard_LRS is enough for one region; ZRS survives a zone outage.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param skuName string = 'Standard_LRS'

@description('Name of the blob container Flex Consumption deploys the app package to.')
param deploymentContainerName string

// Tables and queues the app and the Functions host use. Organisation queues (org-<organisationId>) are created by the
// app at run time; the -poison queues are where the host moves a message after maxDequeueCount failures.
var tableNames = [
  'signals'
  'referencedata'
  'audit' // every read and change of a signal by a coordinator
  'colleagues' // per organisation: the staff members who used the inbox, so a signal can be given to one by name
  'languagereviews'
  'webhooks'
  'reports' // per month × location × category: the facts the municipality's reports read
  // The expertpool: members (profile, contact), invitations, pseudonymous answers, consultations, erasure log.
  'epmembers'
  'epinvitations'
  'epanswers'
  'epconsultations'
  'eperasures'
]
var queueNames = [
  'signals-intake'
  'signals-intake-poison'
  'signals-translate'
  'signals-translate-poison'
  'webhooks'
  'webhooks-poison'
]
var containerNames = [
  'attachments' // resident photos; private, read through the app only
  deploymentContainerName
]

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = [
  for containerName in containerNames: {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2024-01-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2024-01-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

@description('Storage account name.')
output name string = account.name

@description('Blob endpoint, e.g. https://<name>.blob.core.windows.net/.')
output blobEndpoint string = account.properties.primaryEndpoints.blob
