/**
 * The inputs that point the Action or the CLI at a running sandbox, from the settings it prints
 * (`auth0-eventgrid sandbox --json`): its Azure target and service principal, its private-cloud
 * endpoints, its first Auth0 tenant (or the one named) and its GitHub API. Used by `--sandbox FILE`
 * and by the sandbox's `--env` export (AUTH0_EVENTGRID_<INPUT> variables), so that nobody maps them by hand.
 */

/** The part of the sandbox's settings that the inputs come from. */
export interface SandboxSettingsFile {
  caCertPath?: string;
  endpoints?: { arm?: string; entra?: string; github?: string };
  azure?: { subscriptionId?: string; resourceGroup?: string; region?: string; clientId?: string; tenantId?: string; clientSecret?: string; resourceManagerEndpoint?: string; authorityHost?: string };
  auth0?: { tenant?: string; domain?: string; clientId?: string; clientSecret?: string }[];
  github?: { apiUrl?: string; repository?: string; token?: string; idTokenRequestUrl?: string; idTokenRequestToken?: string };
}

/** The Azure target, service principal and Auth0 tenant inputs alone (the first tenant, or the one named). */
export function targetInputsFromSandbox(info: SandboxSettingsFile, tenant?: string): Record<string, string> {
  const a = info.azure ?? {};
  const t = (tenant ? info.auth0?.find((x) => x.tenant === tenant) : info.auth0?.[0]) ?? {};
  if (tenant && !info.auth0?.some((x) => x.tenant === tenant)) {
    throw new Error(`the sandbox has no Auth0 tenant "${tenant}" (it has: ${(info.auth0 ?? []).map((x) => x.tenant).join(', ') || 'none'})`);
  }
  return given({
    'azure-subscription-id': a.subscriptionId,
    'azure-resource-group': a.resourceGroup,
    'azure-region': a.region,
    'azure-client-id': a.clientId,
    'azure-tenant-id': a.tenantId,
    'azure-client-secret': a.clientSecret,
    'azure-resource-manager-endpoint': a.resourceManagerEndpoint ?? info.endpoints?.arm,
    'azure-authority-host': a.authorityHost ?? info.endpoints?.entra,
    'auth0-domain': t.domain,
    'auth0-client-id': t.clientId,
    'auth0-client-secret': t.clientSecret,
    'auth0-tenant': t.tenant,
  });
}

export function inputsFromSandbox(info: SandboxSettingsFile, tenant?: string): Record<string, string> {
  return {
    ...targetInputsFromSandbox(info, tenant),
    ...given({
      'github-api-url': info.github?.apiUrl ?? info.endpoints?.github,
      'github-token': info.github?.token,
      repository: info.github?.repository,
    }),
  };
}

function given(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
}

/**
 * The sandbox's settings as environment variables, one NAME=value line each (a dotenv file, also the
 * format of $GITHUB_ENV): AUTH0_EVENTGRID_<INPUT> for the CLI, NODE_EXTRA_CA_CERTS to trust its CA, and
 * SANDBOX_ID_TOKEN_REQUEST_URL / _TOKEN, its GitHub Actions OIDC token service (give them to a step as
 * ACTIONS_ID_TOKEN_REQUEST_URL / _TOKEN for an OIDC sign-in through the sandbox's issuer).
 */
export function sandboxEnvLines(info: SandboxSettingsFile, caCertPath: string): string[] {
  const lines = Object.entries(inputsFromSandbox(info)).map(([k, v]) => `AUTH0_EVENTGRID_${k.toUpperCase().replace(/-/g, '_')}=${v}`);
  lines.push(`NODE_EXTRA_CA_CERTS=${caCertPath}`);
  if (info.github?.idTokenRequestUrl) lines.push(`SANDBOX_ID_TOKEN_REQUEST_URL=${info.github.idTokenRequestUrl}`);
  if (info.github?.idTokenRequestToken) lines.push(`SANDBOX_ID_TOKEN_REQUEST_TOKEN=${info.github.idTokenRequestToken}`);
  return lines;
}
