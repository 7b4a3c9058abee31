// The Azure Bot: the bot's registration with Bot Framework, its Microsoft Teams channel, and the OAuth connection
// Teams single sign-on exchanges tokens through. Used by azure.bicep (Azure) and by teamsapp.local.yml (a dev tunnel).

@maxLength(20)
@minLength(4)
@description('Used to generate names for all resources in this file')
param resourceBaseName string

@maxLength(42)
param botDisplayName string

@description('Bot handles are global: the base name plus a hash of the resource group')
param botServiceName string = '${resourceBaseName}${uniqueString(resourceGroup().id)}'
param botServiceSku string = 'F0'

@description('The public host name the bot answers on (App Service or dev tunnel), without https://')
param botAppDomain string

@description('The bot Entra app (botAadApp/create): BOT_ID')
param botAadAppClientId string

@description('The tenant of the single-tenant bot app')
param botTenantId string

@description('The SSO Entra app (aadApp/create) the OAuth connection signs in with')
param aadAppClientId string

@secure()
param aadAppClientSecret string

param aadAppTenantId string

@description('The OAuth connection name the app reads as OAUTH_CONNECTION_NAME')
param oauthConnectionName string = 'graph'

@description('Delegated Graph scopes the connection asks for (space-separated)')
param graphScopes string = 'User.ReadWrite Group.ReadWrite.All User.Read Contacts.ReadWrite Chat.Read ChannelMessage.Read.All Files.Read.All User.ReadBasic.All'

resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  kind: 'azurebot'
  location: 'global'
  name: botServiceName
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${botAppDomain}/api/messages'
    msaAppId: botAadAppClientId
    msaAppTenantId: botTenantId
    msaAppType: 'SingleTenant'
  }
  sku: {
    name: botServiceSku
  }
}

resource botServiceMsTeamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  location: 'global'
  name: 'MsTeamsChannel'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

// Azure Active Directory v2 with a token exchange URL: Teams SSO hands the bot a token for
// api://<bot domain>/botid-<bot id> (the resource the bot and the Photo tab share: a tab's SSO resource must be on its
// own domain), which the Bot Framework token service exchanges for Graph tokens with these scopes.
resource botServiceSsoConnection 'Microsoft.BotService/botServices/connections@2022-09-15' = {
  parent: botService
  location: 'global'
  name: oauthConnectionName
  properties: {
    serviceProviderDisplayName: 'Azure Active Directory v2'
    serviceProviderId: '30dd229c-58e3-4a48-bdfd-91ec48eb906c'
    clientId: aadAppClientId
    clientSecret: aadAppClientSecret
    scopes: graphScopes
    parameters: [
      {
        key: 'tenantID'
        value: aadAppTenantId
      }
      {
        key: 'tokenExchangeUrl'
        value: 'api://${botAppDomain}/botid-${botAadAppClientId}'
      }
    ]
  }
}
