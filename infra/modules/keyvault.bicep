// Key Vault (RBAC mode) holding the app's two HMAC secrets. The Function App reads them through Key Vault references
// in its app settings, with its managed identity (role Key Vault Secrets User, assigned in roles.bicep).

@description('Key Vault name: 3-24 letters, digits and hyphens, globally unique.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags { *: string }

@description('Purge protection: a deleted vault and its secrets cannot be purged before the retention ends. Cannot be turned off again.')
param enablePurgeProtection bool = true

@description('QR location-token HMAC key k1: base64 of 32 random bytes (openssl rand -base64 32).')
@secure()
param qrTokenKeyK1 string

@description('HMAC secret for resident tracking codes: base64 of 32 random bytes (openssl rand -base64 32).')
@secure()
param trackingCodeSecret string

@description('HMAC key for the expertpool\'s member keys and answer pseudonyms: base64 of 32 random bytes. Never stored in the storage account.')
@secure()
param expertpoolPseudonymKey string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource qrTokenKeyK1Secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'qrtokens-keys-k1'
  properties: {
    value: qrTokenKeyK1
    contentType: 'base64, 32 bytes'
  }
}

resource trackingCodeSecretSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'signals-trackingcodesecret'
  properties: {
    value: trackingCodeSecret
    contentType: 'base64, 32 bytes'
  }
}

resource expertpoolPseudonymKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'expertpool-pseudonymkey'
  properties: {
    value: expertpoolPseudonymKey
    contentType: 'base64, 32 bytes'
  }
}

@description('Web Push VAPID public key (base64url P-256 point). Empty: push stays off.')
param webPushPublicKey string = ''

@description('Web Push VAPID private key (base64url). Empty: push stays off.')
@secure()
param webPushPrivateKey string = ''

@description('Web Push contact for push services (mailto: or https:).')
param webPushSubject string = ''

var webPush = !empty(webPushPublicKey) && !empty(webPushPrivateKey)

resource webPushPublicKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (webPush) {
  parent: vault
  name: 'webpush-publickey'
  properties: {
    value: webPushPublicKey
    contentType: 'base64url, P-256 point'
  }
}

resource webPushPrivateKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (webPush) {
  parent: vault
  name: 'webpush-privatekey'
  properties: {
    value: webPushPrivateKey
    contentType: 'base64url, P-256 private key'
  }
}

resource webPushSubjectSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (webPush) {
  parent: vault
  name: 'webpush-subject'
  properties: {
    value: empty(webPushSubject) ? 'mailto:meldpunt@example.invalid' : webPushSubject
    contentType: 'mailto: or https: URI'
  }
}

@description('Key Vault name.')
output name string = vault.name

@description('Versionless URI of the QR token key k1 (a Key Vault reference to it follows new versions).')
output qrTokenKeyK1Uri string = qrTokenKeyK1Secret.properties.secretUri

@description('Versionless URI of the tracking-code secret.')
output trackingCodeSecretUri string = trackingCodeSecretSecret.properties.secretUri

@description('Versionless URI of the expertpool pseudonym key.')
output expertpoolPseudonymKeyUri string = expertpoolPseudonymKeySecret.properties.secretUri

@description('Versionless URIs of the Web Push secrets; empty strings when push is off.')
output webPushPublicKeyUri string = webPush ? webPushPublicKeySecret!.properties.secretUri : ''
output webPushPrivateKeyUri string = webPush ? webPushPrivateKeySecret!.properties.secretUri : ''
output webPushSubjectUri string = webPush ? webPushSubjectSecret!.properties.secretUri : ''
