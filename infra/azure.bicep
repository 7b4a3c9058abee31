// Teams Photo on Azure: App Service (Linux, Node 20, always on, system-assigned identity), the Azure Bot (Teams
// channel and the SSO OAuth connection), a Storage account (the app's blob container and the bulk jobs' queue) and
// Application Insights. The app settings are wired here from the Toolkit's values and these resources' own keys, so
// the deployed app starts with no hand edits. Shape of Microsoft's Teams bot templates; compiled by `az bicep build`
// in .github/workflows/deploy.yml (no bicep compiler is reachable offline: test/toolkit/infra.test.ts checks what
// it can without one).

@maxLength(20)
@minLength(4)
@description('Used to generate names for all resources in this file')
param resourceBaseName string

@description('Bot display name in Bot Framework')
@maxLength(42)
param botDisplayName string

@description('App Service plan SKU: B1 or above (always on is not available on F1/D1)')
param webAppSku string = 'B1'

@description('Instances behind App Service; all share the Storage account (see README, "Several instances")')
@minValue(1)
@maxValue(10)
param webAppInstanceCount int = 1

@description('Globally unique names: the base name plus a hash of the resource group')
param uniqueName string = '${resourceBaseName}${uniqueString(resourceGroup().id)}'
param serverfarmsName string = uniqueName
param webAppName string = uniqueName
param location string = resourceGroup().location

@description('The bot Entra app (botAadApp/create)')
param botAadAppClientId string

@secure()
param botAadAppClientSecret string

@description('The tenant of the single-tenant bot app')
param botTenantId string

@description('The SSO / on-behalf-of / app-only Graph Entra app (aadApp/create)')
param aadAppClientId string

@secure()
param aadAppClientSecret string

param aadAppTenantId string
param aadAppOauthAuthorityHost string = 'https://login.microsoftonline.com'

param oauthConnectionName string = 'graph'

@description('Blob container for backups, audit log, pending state and leases (STORAGE_CONTAINER)')
param storageContainerName string = 'teams-photo'

@description('Queue the bulk photo jobs will use')
param bulkJobsQueueName string = 'bulk-photo-jobs'

var storageAccountName = take(toLower(replace(uniqueName, '-', '')), 24)

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-01-01' = {
  parent: storageAccount
  name: 'default'
}

resource storageContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-01-01' = {
  parent: blobService
  name: storageContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-01-01' = {
  parent: storageAccount
  name: 'default'
}

resource bulkJobsQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-01-01' = {
  parent: queueService
  name: bulkJobsQueueName
}

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: '${uniqueName}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${uniqueName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
  }
}

resource serverfarm 'Microsoft.Web/serverfarms@2023-01-01' = {
  kind: 'linux'
  location: location
  name: serverfarmsName
  sku: {
    name: webAppSku
    capacity: webAppInstanceCount
  }
  properties: {
    reserved: true
  }
}

var storageConnectionString = 'DefaultEndpointsProtocol=https;AccountName=${storageAccount.name};AccountKey=${storageAccount.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'

resource webApp 'Microsoft.Web/sites@2023-01-01' = {
  kind: 'app,linux'
  location: location
  name: webAppName
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: serverfarm.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      healthCheckPath: '/healthz'
      appCommandLine: 'node dist/index.js'
      appSettings: [
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        { name: 'BOT_ID', value: botAadAppClientId }
        { name: 'BOT_PASSWORD', value: botAadAppClientSecret }
        { name: 'BOT_TYPE', value: 'SingleTenant' }
        { name: 'BOT_TENANT_ID', value: botTenantId }
        { name: 'AAD_APP_CLIENT_ID', value: aadAppClientId }
        { name: 'AAD_APP_CLIENT_SECRET', value: aadAppClientSecret }
        { name: 'AAD_APP_TENANT_ID', value: aadAppTenantId }
        { name: 'AAD_APP_OAUTH_AUTHORITY_HOST', value: aadAppOauthAuthorityHost }
        { name: 'OAUTH_CONNECTION_NAME', value: oauthConnectionName }
        { name: 'STORAGE_KIND', value: 'blob' }
        { name: 'AZURE_STORAGE_CONNECTION_STRING', value: storageConnectionString }
        { name: 'STORAGE_CONTAINER', value: storageContainer.name }
        { name: 'DATA_DIR', value: '/home/data' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
      ]
    }
  }
}

module azureBotRegistration './botRegistration/azurebot.bicep' = {
  name: 'Azure-Bot-registration'
  params: {
    resourceBaseName: resourceBaseName
    botServiceName: uniqueName
    botDisplayName: botDisplayName
    botAppDomain: webApp.properties.defaultHostName
    botAadAppClientId: botAadAppClientId
    botTenantId: botTenantId
    aadAppClientId: aadAppClientId
    aadAppClientSecret: aadAppClientSecret
    aadAppTenantId: aadAppTenantId
    oauthConnectionName: oauthConnectionName
  }
}

// Written back to env/.env.<env> by arm/deploy under these names.
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output AZURE_STORAGE_ACCOUNT_NAME string = storageAccount.name
output BULK_JOBS_QUEUE_NAME string = bulkJobsQueue.name
