// Log Analytics workspace and workspace-based Application Insights for the Functions host's telemetry.
// Local (instrumentation-key) authentication is off: telemetry is only accepted with an Entra ID token, which the
// Function App gets from its managed identity (role Monitoring Metrics Publisher, APPLICATIONINSIGHTS_AUTHENTICATION_STRING).

@description('Log Analytics workspace name.')
param logAnalyticsName string

@description('Application Insights component name.')
param applicationInsightsName string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags { *: string }

@description('Days Log Analytics keeps data (30 is included in the price).')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
    IngestionMode: 'LogAnalytics'
  }
}

@description('Application Insights component name.')
output applicationInsightsName string = appInsights.name
