/** Bearer tokens from the sandbox's own token endpoints, over HTTPS (no SDK: the suite wants raw bodies). */
import type { Sandbox } from '../../sandbox/index.js';

export const ARM_SCOPE = 'https://management.azure.com/.default';

/** A client-credentials token from the sandbox's Entra ID (v2 endpoint), for ARM. */
export async function entraToken(sb: Sandbox, tenantId: string, clientId: string, clientSecret: string): Promise<string> {
  const res = await fetch(`${sb.endpoints.entra}/${tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: ARM_SCOPE }).toString(),
  });
  const body = (await res.json()) as any;
  if (res.status !== 200 || typeof body.access_token !== 'string') throw new Error(`Entra token for ${clientId}: ${res.status} ${JSON.stringify(body)}`);
  return body.access_token;
}

/** A client-credentials token for an Auth0 tenant's Management API. */
export async function auth0Token(sb: Sandbox, tenant: string, clientId: string, clientSecret: string): Promise<string> {
  const { url, domain } = sb.endpoints.auth0[tenant];
  const res = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, audience: `https://${domain}/api/v2/` }),
  });
  const body = (await res.json()) as any;
  if (res.status !== 200 || typeof body.access_token !== 'string') throw new Error(`Auth0 token for ${clientId}: ${res.status} ${JSON.stringify(body)}`);
  return body.access_token;
}
