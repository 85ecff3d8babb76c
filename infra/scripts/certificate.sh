#!/bin/sh
# The server's sign-in certificate, kept in Key Vault (run by `atk provision`
# after arm/deploy; needs the Azure CLI signed in to the tenant, with rights on
# the Key Vault and on the app registration). Idempotent: creates the
# certificate once, as PEM (what CERTIFICATE_PATH expects), adds its public key
# to the app registration, and gives the web app its SHA-256 thumbprint.
set -eu
: "${KEY_VAULT_NAME:?run after arm/deploy (KEY_VAULT_NAME comes from infra/azure.bicep)}"
: "${CERTIFICATE_NAME:?}"
: "${AAD_APP_CLIENT_ID:?}"
: "${AZURE_APP_SERVICE_RESOURCE_ID:?}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! az keyvault certificate show --vault-name "$KEY_VAULT_NAME" --name "$CERTIFICATE_NAME" >/dev/null 2>&1; then
  az keyvault certificate get-default-policy \
    | sed -e 's#"application/x-pkcs12"#"application/x-pem-file"#' -e 's#"CN=CLIGetDefaultPolicy"#"CN=Reciprocal"#' \
    >"$work/policy.json"
  az keyvault certificate create --vault-name "$KEY_VAULT_NAME" --name "$CERTIFICATE_NAME" --policy "@$work/policy.json" >/dev/null
fi

az keyvault certificate download --vault-name "$KEY_VAULT_NAME" --name "$CERTIFICATE_NAME" --encoding PEM --file "$work/public.pem"
# --append keeps earlier credentials, so a rotation never locks the running app out.
az ad app credential reset --id "$AAD_APP_CLIENT_ID" --cert "@$work/public.pem" --append >/dev/null

thumbprint=$(openssl x509 -in "$work/public.pem" -noout -fingerprint -sha256 | cut -d= -f2 | tr -d : | tr 'A-F' 'a-f')
az webapp config appsettings set --ids "$AZURE_APP_SERVICE_RESOURCE_ID" --settings "CERTIFICATE_THUMBPRINT=$thumbprint" >/dev/null
# Read by the toolkit into env/.env.<env> (aka.ms/teamsfx-actions/script), so the next arm/deploy keeps the setting.
echo "::set-teamsfx-env CERTIFICATE_THUMBPRINT=$thumbprint"
