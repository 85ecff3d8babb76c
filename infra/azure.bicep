// Reciprocal's Azure resources, in the Agents Toolkit templates' shape
// (ts/default-bot infra/azure.bicep): a Linux App Service running Node LTS,
// a single-tenant Azure Bot on the Teams and Microsoft 365 channels, a Key Vault
// holding the sign-in certificate (read through the web app's managed identity)
// and Application Insights. Bicep is not compiled in CI: docs/deploy.md says so.

@maxLength(20)
@minLength(4)
@description('Used to generate names for all resources in this file')
param resourceBaseName string

@description('P0v3 or larger: autoscale needs Standard or above')
param webAppSku string = 'P0v3'
param location string = resourceGroup().location
@maxLength(42)
param botDisplayName string

@description('The Entra app registration (aadApp/create): the API, Graph and the bot')
param aadAppClientId string
param aadAppTenantId string
param teamsAppId string
@description('<hostname>:/sites/<name>, the program site')
param programSite string
param orgTimeZone string = 'America/Chicago'
@description('SHA-256 thumbprint (hex) of the certificate; infra/scripts/certificate.sh fills it after the first provision')
param certificateThumbprint string = ''
param privacyUrl string = ''
param termsUrl string = ''
param certificateName string = 'reciprocal-sign-in'

var webAppName = resourceBaseName
var keyVaultName = take('kv-${resourceBaseName}-${uniqueString(resourceGroup().id)}', 24)
var publicHost = '${webAppName}.azurewebsites.net'
var publicUrl = 'https://${publicHost}'
// Built-in role "Key Vault Secrets User": read secret values, which includes a certificate's private key.
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
// Where the startup command writes the PEM that CERTIFICATE_PATH names (local disk, not the shared /home).
var certificatePath = '/tmp/reciprocal-sign-in.pem'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  location: location
  name: resourceBaseName
}

resource logs 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: resourceBaseName
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: resourceBaseName
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'Node.JS'
    WorkspaceResourceId: logs.id
  }
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
  }
}

resource identityReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: keyVault
  name: guid(keyVault.id, identity.id, keyVaultSecretsUserRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource serverfarm 'Microsoft.Web/serverfarms@2022-09-01' = {
  kind: 'linux'
  location: location
  name: resourceBaseName
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2022-09-01' = {
  kind: 'app,linux'
  location: location
  name: webAppName
  dependsOn: [identityReadsSecrets]
  properties: {
    serverFarmId: serverfarm.id
    httpsOnly: true
    // Key Vault references resolve with this identity, the one granted "Key Vault Secrets User".
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      alwaysOn: true
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      // The server reads the certificate from a file: write the Key Vault PEM there, owner-only, then start.
      appCommandLine: 'sh -c \'umask 077 && printf "%s" "$CERTIFICATE_PEM_FROM_KEY_VAULT" > ${certificatePath} && exec node bin/reciprocal.mjs serve\''
      appSettings: [
        {
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'true' // npm install on Linux during zip deploy, so native packages (esbuild) match the host
        }
        {
          name: 'HOST'
          value: '0.0.0.0' // App Service forwards to PORT on every interface
        }
        {
          name: 'PUBLIC_URL'
          value: publicUrl
        }
        {
          name: 'TENANT_ID'
          value: aadAppTenantId
        }
        {
          name: 'CLIENT_ID'
          value: aadAppClientId
        }
        {
          name: 'BOT_ID'
          value: aadAppClientId
        }
        {
          name: 'TEAMS_APP_ID'
          value: teamsAppId
        }
        {
          name: 'PROGRAM_SITE'
          value: programSite
        }
        {
          name: 'ORG_TIME_ZONE'
          value: orgTimeZone
        }
        {
          name: 'CERTIFICATE_PEM_FROM_KEY_VAULT'
          value: '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=${certificateName})'
        }
        {
          name: 'CERTIFICATE_PATH'
          value: certificatePath
        }
        {
          name: 'CERTIFICATE_THUMBPRINT'
          value: certificateThumbprint
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
      ]
    }
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
}

// Scale out on CPU: instances keep no state (the tenant is the database).
resource autoscale 'Microsoft.Insights/autoscalesettings@2022-10-01' = {
  name: '${resourceBaseName}-autoscale'
  location: location
  properties: {
    enabled: true
    targetResourceUri: serverfarm.id
    profiles: [
      {
        name: 'cpu'
        capacity: { minimum: '1', maximum: '4', default: '1' }
        rules: [
          {
            metricTrigger: {
              metricName: 'CpuPercentage'
              metricResourceUri: serverfarm.id
              timeGrain: 'PT1M'
              statistic: 'Average'
              timeWindow: 'PT10M'
              timeAggregation: 'Average'
              operator: 'GreaterThan'
              threshold: 70
            }
            scaleAction: { direction: 'Increase', type: 'ChangeCount', value: '1', cooldown: 'PT5M' }
          }
          {
            metricTrigger: {
              metricName: 'CpuPercentage'
              metricResourceUri: serverfarm.id
              timeGrain: 'PT1M'
              statistic: 'Average'
              timeWindow: 'PT20M'
              timeAggregation: 'Average'
              operator: 'LessThan'
              threshold: 30
            }
            scaleAction: { direction: 'Decrease', type: 'ChangeCount', value: '1', cooldown: 'PT10M' }
          }
        ]
      }
    ]
  }
}

// Register the web service as a bot with the Bot Framework
module azureBotRegistration './botRegistration/azurebot.bicep' = {
  name: 'Azure-Bot-registration'
  params: {
    resourceBaseName: resourceBaseName
    botDisplayName: botDisplayName
    botAppId: aadAppClientId
    botTenantId: aadAppTenantId
    botAppDomain: publicHost
  }
}

// The outputs are persisted in .env.{envName}. Visit https://aka.ms/teamsfx-actions/arm-deploy for more details.
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id // used in deploy stage
output TAB_DOMAIN string = publicHost
output TAB_ENDPOINT string = publicUrl
output BOT_DOMAIN string = publicHost
output BOT_ID string = aadAppClientId
output KEY_VAULT_NAME string = keyVault.name
output CERTIFICATE_NAME string = certificateName
output PRIVACY_URL string = empty(privacyUrl) ? '${publicUrl}/privacy' : privacyUrl
output TERMS_URL string = empty(termsUrl) ? '${publicUrl}/terms' : termsUrl
