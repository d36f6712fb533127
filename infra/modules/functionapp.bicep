// Flex Consumption plan and the Signalering Function App (a .NET 10 isolated worker, runtime 'dotnet-isolated' 10.0).
// The app has a system-assigned managed identity and no keys anywhere: host storage, the app's own tables and
// queues, Translator, Application Insights and Key Vault are all reached with that identity (roles.bicep).
//
// Flex Consumption takes its runtime from functionAppConfig, so FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION,
// WEBSITE_RUN_FROM_PACKAGE and WEBSITE_CONTENT* are deliberately not app settings here (they are rejected on Flex).

@description('Function App name (also the first label of its host name).')
@minLength(2)
@maxLength(60)
param name string

@description('Flex Consumption plan name.')
param planName string

@description('Azure region.')
param location string

@description('Tags for the plan; the app also gets azd-service-name.')
param tags { *: string }

@description('Storage account for host storage, the app\'s tables and queues, and the deployment package.')
param storageAccountName string

@description('Blob container in that account that holds the deployment package.')
param deploymentContainerName string

@description('Application Insights component (same resource group).')
param applicationInsightsName string

@description('Translator custom-subdomain endpoint, https://<name>.cognitiveservices.azure.com.')
param translatorEndpoint string

@description('Versionless Key Vault secret URI of the QR token key k1.')
param qrTokenKeyK1Uri string

@description('Versionless Key Vault secret URI of the tracking-code secret.')
param trackingCodeSecretUri string

@description('Versionless Key Vault secret URI of the expertpool pseudonym key.')
param expertpoolPseudonymKeyUri string

@description('Versionless Key Vault secret URIs of the Web Push VAPID keys and contact; empty: push stays off.')
param webPushPublicKeyUri string = ''
param webPushPrivateKeyUri string = ''
param webPushSubjectUri string = ''

@description('Upper bound of instances the app scales out to (Flex Consumption allows 40-1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Client id of the Entra ID app registration staff sign in with (ADR 0008). Empty: staff sign-in is not set up and the app says so.')
param entraClientId string = ''

@description('Claim of the ID token that holds the organisation id (a directory extension exposed as an optional claim).')
param entraOrganisationClaim string = 'extn.org'

@description('The address residents and posters use, e.g. https://meldpunt.gemeente.nl. Empty: the app\'s default host name.')
param publicBaseUrl string = ''

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    publicNetworkAccess: 'Enabled'
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: concat([
        // Host storage over the managed identity: the system-assigned identity is the default, so no __credential
        // or __clientId. Covers the host's blob/queue/table use and the queue triggers (connection AzureWebJobsStorage).
        {
          name: 'AzureWebJobsStorage__accountName'
          value: storage.name
        }
        // The host's own "your Functions app is up and running" page would answer '/' (and say what runs here);
        // the Home function answers it instead.
        {
          name: 'AzureWebJobsDisableHomepage'
          value: 'true'
        }
        // The app's own TableServiceClient / QueueClient: account name + DefaultAzureCredential (managed identity).
        {
          name: 'Storage__AccountName'
          value: storage.name
        }
        {
          name: 'Translator__Endpoint'
          value: translatorEndpoint
        }
        {
          name: 'Translator__UseManagedIdentity'
          value: 'true'
        }
        {
          name: 'Translator__Region'
          value: location
        }
        // Not a secret: an ingestion endpoint and component id. Ingestion itself needs the Entra ID token below.
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'Authorization=AAD'
        }
        {
          name: 'QrTokens__ActiveKeyId'
          value: 'k1'
        }
        {
          name: 'QrTokens__Keys__k1'
          value: '@Microsoft.KeyVault(SecretUri=${qrTokenKeyK1Uri})'
        }
        {
          name: 'Signals__TrackingCodeSecret'
          value: '@Microsoft.KeyVault(SecretUri=${trackingCodeSecretUri})'
        }
        {
          name: 'Expertpool__PseudonymKey'
          value: '@Microsoft.KeyVault(SecretUri=${expertpoolPseudonymKeyUri})'
        }
        // Posters and status QR codes name this address, never the request's Host header.
        {
          name: 'Site__PublicBaseUrl'
          value: empty(publicBaseUrl) ? 'https://${name}.azurewebsites.net' : publicBaseUrl
        }
      ], empty(webPushPrivateKeyUri) ? [] : [
        // Web Push (Features/Notifications): "there is news about your report" on residents' phones that opted in.
        {
          name: 'WebPush__PublicKey'
          value: '@Microsoft.KeyVault(SecretUri=${webPushPublicKeyUri})'
        }
        {
          name: 'WebPush__PrivateKey'
          value: '@Microsoft.KeyVault(SecretUri=${webPushPrivateKeyUri})'
        }
        {
          name: 'WebPush__Subject'
          value: '@Microsoft.KeyVault(SecretUri=${webPushSubjectUri})'
        }
      ], empty(entraClientId) ? [] : [
        // Staff sign-in (OpenID Connect) and API tokens from the same app registration. No client secret: the
        // registration trusts this app's managed identity through a federated credential (docs/operations.md).
        {
          name: 'Auth__Entra__Instance'
          value: environment().authentication.loginEndpoint
        }
        {
          name: 'Auth__Entra__TenantId'
          value: tenant().tenantId
        }
        {
          name: 'Auth__Entra__ClientId'
          value: entraClientId
        }
        {
          name: 'Auth__Entra__OrganisationClaim'
          value: entraOrganisationClaim
        }
        {
          name: 'Auth__Entra__ClientCredentials__0__SourceType'
          value: 'SignedAssertionFromManagedIdentity'
        }
        {
          name: 'Auth__Authority'
          value: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        {
          name: 'Auth__Audience'
          value: entraClientId
        }
      ])
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      // dotnet-isolated 10.0 is offered on FC1 (Get-AzFunctionAppFlexConsumptionRuntime, end of life 2028-11); see ADR 0006.
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

@description('Function App name.')
output name string = app.name

@description('Object id of the app\'s system-assigned managed identity.')
output principalId string = app.identity.principalId

@description('Default host name, e.g. <name>.azurewebsites.net.')
output defaultHostName string = app.properties.defaultHostName
