// Azure AI Translator (Text Translation v3) for translating signals into Dutch.
// Keys are disabled: the Function App calls it with an Entra ID token from its managed identity, which the service
// only accepts on the resource's own custom subdomain (https://<customSubDomainName>.cognitiveservices.azure.com).

@description('Translator account name.')
@minLength(2)
@maxLength(64)
param name string

@description('Custom subdomain, globally unique; required for Entra ID authentication.')
@minLength(2)
@maxLength(64)
param customSubDomainName string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags { *: string }

@description('Pricing tier. F0 is free (2M characters a month, one per subscription); S1 is pay-as-you-go.')
@allowed([
  'F0'
  'S1'
  'S2'
  'S3'
  'S4'
])
param skuName string = 'S1'

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'TextTranslation'
  sku: {
    name: skuName
  }
  properties: {
    customSubDomainName: customSubDomainName
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

@description('Translator account name.')
output name string = account.name

@description('Endpoint for Entra ID calls; the app appends /translator/text/v3.0/translate.')
output endpoint string = 'https://${account.properties.customSubDomainName}.cognitiveservices.azure.com'
