/**
 * A managed-identity token endpoint, as Azure Cloud Shell and the VM identity extension expose it through
 * `MSI_ENDPOINT`: `POST {entra}/msi/token` with the form fields `resource` and `client_id` (or `object_id`)
 * and the header `Metadata: true`; `GET` with the same fields in the query string works as well, as on
 * IMDS. The Azure CLI (`az login --identity --username <client id>`) and azure-identity's
 * ManagedIdentityCredential (`client_id=…`) sign in through it without MSAL, whose authority check does
 * not accept a non-Microsoft host.
 *
 * Every sandbox principal can act as a user-assigned identity of the machine the sandbox runs on, named
 * by `client_id` or `object_id`; without either, the default world's deployer principal answers, as the
 * machine's system-assigned identity (Cloud Shell's clients name none). The token is the one the
 * principal's client-credentials grant would give (appidacr 2, as for managed identities). Errors are IMDS's: 400 without the Metadata header, 400 `Identity not found` when the
 * identity is missing or unknown, 400 for a resource the tenant cannot issue tokens for.
 */
import type { Ctx, Reply, Route } from '../core/http.js';
import { path } from '../core/http.js';
import type { SandboxContext } from '../core/context.js';
import { key, type Principal } from '../core/state.js';
import { DEFAULT_IDS } from '../core/seed.js';
import { ACCESS_TOKEN_TTL_SECONDS, issueAccessToken } from './entra.js';

const FIRST_PARTY = new Set(['https://management.azure.com', 'https://management.core.windows.net']);

function fields(c: Ctx): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of c.query) out[k] = v;
  const ct = String(c.headers['content-type'] ?? '').toLowerCase();
  if (ct.includes('application/x-www-form-urlencoded') && c.body && typeof c.body === 'object') {
    for (const [k, v] of Object.entries(c.body)) if (typeof v === 'string') out[k] = v;
  }
  return out;
}

const imdsError = (error: string, description: string): Reply => ({ status: 400, body: { error, error_description: description } });

async function managedIdentityToken(ctx: SandboxContext, c: Ctx): Promise<Reply> {
  if (String(c.headers.metadata ?? '').toLowerCase() !== 'true') return imdsError('invalid_request', 'Required metadata header not specified');
  const f = fields(c);
  const resource = f.resource;
  if (!resource) return imdsError('invalid_request', "Required query variable 'resource' is missing");
  const id = (f.client_id ?? f.clientid ?? '').toLowerCase();
  const objectId = (f.object_id ?? '').toLowerCase();
  let principal: Principal | undefined;
  if (id) principal = ctx.world.principals.get(key(id));
  else if (objectId) principal = [...ctx.world.principals.values()].find((p) => p.objectId.toLowerCase() === objectId);
  else principal = ctx.world.principals.get(key(DEFAULT_IDS.clientId));
  if (!principal) return imdsError('invalid_request', 'Identity not found');
  const r = resource.replace(/\/+$/, '').toLowerCase();
  if (!FIRST_PARTY.has(r)) {
    return imdsError('invalid_resource', `AADSTS500011: The resource principal named ${resource} was not found in the tenant named ${principal.tenantId}.`);
  }
  const now = ctx.clock.now();
  const token = await issueAccessToken(ctx, principal, resource, { appidacr: '2', nowMs: now });
  const nowS = Math.floor(now / 1000);
  return {
    status: 200,
    body: {
      access_token: token,
      client_id: principal.clientId,
      expires_in: String(ACCESS_TOKEN_TTL_SECONDS),
      expires_on: String(nowS + ACCESS_TOKEN_TTL_SECONDS),
      ext_expires_in: String(ACCESS_TOKEN_TTL_SECONDS),
      not_before: String(nowS - 300),
      resource,
      token_type: 'Bearer',
    },
  };
}

export function managedIdentityRoutes(ctx: SandboxContext): Route[] {
  return [
    { method: 'POST', pattern: path('/msi/token'), operation: 'managed-identity.token', write: false, handler: (c) => managedIdentityToken(ctx, c) },
    { method: 'GET', pattern: path('/msi/token'), operation: 'managed-identity.token', write: false, handler: (c) => managedIdentityToken(ctx, c) },
  ];
}
