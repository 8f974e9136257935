/**
 * Microsoft Entra ID, as far as confidential clients in a non-public cloud need it: what MSAL Node
 * (inside @azure/identity) requests when given `authorityHost: <this listener>` and
 * `disableInstanceDiscovery: true`.
 *
 * MSAL first GETs `{authority}/{tenant}/v2.0/.well-known/openid-configuration` (it has no hard-coded
 * metadata for a custom host) and requires `authorization_endpoint`, `token_endpoint`, `issuer` and
 * `jwks_uri`, with the issuer on the authority's own origin; then it POSTs the client-credentials
 * request to the advertised `token_endpoint`. Also served: the v1 discovery document, both JWKS URLs
 * and the v1 token endpoint (`resource=` instead of `scope=`), for relying parties and older clients.
 * Interactive sign-in (authorize, device code, logout) is not modelled.
 *
 * Tenants are the tenant ids the world knows (its principals' and subscriptions'); domain names are
 * not modelled. `common`, `organizations` and `consumers` have discovery documents, but the
 * client-credentials grant needs a tenant id (MSAL refuses those authorities itself before calling).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SandboxContext } from '../core/context.js';
import { HttpError, path, type Ctx, type Reply, type Route, type ServiceDef } from '../core/http.js';
import { key, type Principal } from '../core/state.js';
import { signJwt } from '../core/tokens.js';
import { EntraError, entraErrorBody, correlationId, isGuid } from './errors.js';
import { JWT_BEARER_ASSERTION_TYPE, verifyFederatedAssertion } from './federation.js';
import { managedIdentityRoutes } from './managed-identity.js';

/** Lifetime of access tokens, and the `expires_in` answered. */
export const ACCESS_TOKEN_TTL_SECONDS = 3599;

type TenantAlias = 'common' | 'organizations' | 'consumers';
const ALIASES = new Set<string>(['common', 'organizations', 'consumers']);
/** The tenant of personal Microsoft accounts, the issuer tenant of `consumers`. */
const MSA_TENANT = '9188040d-6c67-4c5b-b112-36a304b66dad';

type TenantRef = { kind: 'tenant'; tenantId: string } | { kind: 'alias'; alias: TenantAlias };

/**
 * Resources a client-credentials token may be requested for, besides the world's own apps
 * (`api://{clientId}` or the client id). Matched without one trailing slash, case-insensitively.
 */
const FIRST_PARTY_RESOURCES = new Set([
  'https://management.azure.com',
  'https://management.core.windows.net',
  'https://graph.microsoft.com',
  'https://eventgrid.azure.net',
  'https://vault.azure.net',
  'https://storage.azure.com',
  'https://servicebus.azure.net',
  'https://eventhubs.azure.net',
]);

/** Tenant ids (lower case) the world knows. */
function knownTenants(ctx: SandboxContext): Set<string> {
  const tenants = new Set<string>();
  if (ctx.seed.tenantId) tenants.add(ctx.seed.tenantId.toLowerCase());
  for (const p of ctx.world.principals.values()) tenants.add(p.tenantId.toLowerCase());
  for (const s of ctx.world.subscriptions.values()) tenants.add(s.tenantId.toLowerCase());
  return tenants;
}

/** Resolves the `{tenant}` path segment, or throws Entra's error (discovery says `invalid_tenant`). */
function resolveTenant(ctx: SandboxContext, raw: string, where: 'discovery' | 'token'): TenantRef {
  const t = raw.toLowerCase();
  if (ALIASES.has(t)) return { kind: 'alias', alias: t as TenantAlias };
  const shown = raw.length > 100 ? `${raw.slice(0, 100)}…` : raw;
  if (isGuid(t) || /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(t)) {
    if (knownTenants(ctx).has(t)) return { kind: 'tenant', tenantId: t };
    throw new EntraError(
      400,
      where === 'discovery' ? 'invalid_tenant' : 'invalid_request',
      90002,
      `Tenant '${shown}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
    );
  }
  throw new EntraError(400, 'invalid_request', 900023, `Specified tenant identifier '${shown}' is neither a valid DNS name, nor a valid external domain.`);
}

const missingParameter = (name: string) =>
  new EntraError(400, 'invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`);

/** The form fields of a token request (a body in any other format has none, as for Entra). */
function formFields(c: Ctx): Record<string, string> {
  const ct = String(c.headers['content-type'] ?? '').toLowerCase();
  if (!ct.includes('application/x-www-form-urlencoded') || !c.body || typeof c.body !== 'object') return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(c.body)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** `Authorization: Basic base64(urlencode(client_id):urlencode(client_secret))` (client_secret_basic). */
function basicCredentials(c: Ctx): { clientId: string; secret: string } | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(String(c.headers.authorization ?? ''));
  if (!m) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i < 0) return undefined;
  try {
    return { clientId: decodeURIComponent(decoded.slice(0, i)), secret: decodeURIComponent(decoded.slice(i + 1)) };
  } catch {
    return undefined;
  }
}

/** Constant-time comparison of a presented secret with a stored one. */
function secretMatches(stored: string, presented: string): boolean {
  const a = createHash('sha256').update(stored).digest();
  const b = createHash('sha256').update(presented).digest();
  return timingSafeEqual(a, b);
}

const trimSlash = (s: string) => s.replace(/\/$/, '').toLowerCase();

/** Whether `resource` names something the tenant can issue tokens for. */
function resourceExists(ctx: SandboxContext, tenantId: string, resource: string): boolean {
  const r = trimSlash(resource);
  if (FIRST_PARTY_RESOURCES.has(r)) return true;
  const appId = r.startsWith('api://') ? r.slice('api://'.length) : r;
  const app = ctx.world.principals.get(key(appId));
  return !!app && app.tenantId.toLowerCase() === tenantId;
}

/** The resource of a v2 `scope` parameter: one `{resource}/.default`, OIDC scopes ignored. */
function resourceFromScope(scope: string): string {
  const scopes = scope.split(/\s+/).filter((s) => s && !['openid', 'profile', 'offline_access', 'email'].includes(s));
  if (!scopes.length) throw missingParameter('scope');
  const notDefault = scopes.find((s) => !s.endsWith('/.default'));
  if (notDefault) {
    throw new EntraError(
      400,
      'invalid_scope',
      1002012,
      `The provided value for scope ${notDefault} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    );
  }
  const resources = [...new Set(scopes.map((s) => s.slice(0, -'/.default'.length)))];
  if (resources.length > 1) {
    throw new EntraError(400, 'invalid_scope', 28000, `Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${scopes.join(' ')} is not valid.`);
  }
  if (!resources[0]) throw new EntraError(400, 'invalid_scope', 70011, `The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.`);
  return resources[0];
}

/**
 * Access tokens are v1.0 tokens, the format Azure Resource Manager receives: RS256 JWTs signed with
 * ctx.keys.entra (its `kid` in the header), verifiable with ctx.verifiers.entra. Claims:
 *   aud       the requested resource exactly as sent, minus `/.default` (`https://management.azure.com`;
 *             `https://management.core.windows.net/` for the scope `https://management.core.windows.net//.default`)
 *   iss, idp  `https://sts.windows.net/{tenantId}/`
 *   tid       the tenant id
 *   appid     the client id (lower case): ARM finds the principal in ctx.world.principals by it
 *   appidacr  how the client authenticated: '1' client secret, '2' client assertion (federated token)
 *   oid, sub  the service principal's object id
 *   idtyp     'app' (an app-only token); ver '1.0'; uti a unique token id; rh an opaque value
 *   app_displayname  the principal's display name
 *   iat, nbf (iat − 300 s), exp (iat + 3599 s) on the sandbox clock; jti
 */
export async function issueAccessToken(
  ctx: SandboxContext,
  principal: Principal,
  resourceAudience: string,
  opts: { appidacr?: '1' | '2'; nowMs?: number } = {},
): Promise<string> {
  const tid = principal.tenantId.toLowerCase();
  const sts = `https://sts.windows.net/${tid}/`;
  const uti = randomBytes(16).toString('base64url');
  return signJwt(
    ctx.keys.entra,
    {
      aud: resourceAudience,
      iss: sts,
      idp: sts,
      tid,
      appid: principal.clientId.toLowerCase(),
      appidacr: opts.appidacr ?? '1',
      app_displayname: principal.displayName,
      oid: principal.objectId,
      sub: principal.objectId,
      idtyp: 'app',
      ver: '1.0',
      uti,
      rh: `0.${uti}.`,
    },
    { nowMs: opts.nowMs ?? ctx.clock.now(), ttlSeconds: ACCESS_TOKEN_TTL_SECONDS },
  );
}

/** The client-credentials grant shared by the v2 (`scope`) and v1 (`resource`) token endpoints. */
async function clientCredentialsToken(ctx: SandboxContext, c: Ctx, version: 'v1' | 'v2'): Promise<Reply> {
  const tenant = resolveTenant(ctx, c.params.tenant, 'token');
  const form = formFields(c);
  const basic = basicCredentials(c);

  const grant = form.grant_type;
  if (!grant) throw missingParameter('grant_type');
  if (grant !== 'client_credentials') throw new EntraError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grant.slice(0, 100)}'.`);
  const clientId = form.client_id ?? basic?.clientId;
  if (!clientId) throw missingParameter('client_id');

  let resource: string;
  if (version === 'v2') {
    if (form.scope === undefined) throw missingParameter('scope');
    resource = resourceFromScope(form.scope);
  } else {
    if (!form.resource) throw missingParameter('resource');
    resource = form.resource;
  }

  const shownClient = clientId.length > 100 ? `${clientId.slice(0, 100)}…` : clientId;
  const principal = ctx.world.principals.get(key(clientId));
  if (tenant.kind === 'alias') {
    if (principal) {
      throw new EntraError(
        400,
        'invalid_request',
        50194,
        `Application '${principal.clientId}'(${principal.displayName}) is not configured as a multi-tenant application. Usage of the /${tenant.alias} endpoint is not supported for such applications created after '10/15/2018'. Use a tenant-specific endpoint or configure the application to be multi-tenant.`,
      );
    }
    throw new EntraError(400, 'unauthorized_client', 700016, `Application with identifier '${shownClient}' was not found in the directory '${tenant.alias}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`);
  }
  const tenantId = tenant.tenantId;
  if (!principal || principal.tenantId.toLowerCase() !== tenantId) {
    throw new EntraError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${shownClient}' was not found in the directory '${tenantId}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    );
  }

  // Client authentication: a secret (in the body or HTTP Basic) or a federated client assertion.
  const secret = form.client_secret ?? basic?.secret;
  const hasAssertion = form.client_assertion !== undefined || form.client_assertion_type !== undefined;
  let appidacr: '1' | '2';
  if (secret !== undefined && hasAssertion) {
    throw new EntraError(400, 'invalid_request', 90023, "Only one client credential may be presented: send either 'client_secret' or 'client_assertion'.");
  }
  if (hasAssertion) {
    if (form.client_assertion_type !== JWT_BEARER_ASSERTION_TYPE) {
      throw new EntraError(400, 'invalid_request', 90023, `The client_assertion_type must be '${JWT_BEARER_ASSERTION_TYPE}'.`);
    }
    if (!form.client_assertion) throw missingParameter('client_assertion');
    await verifyFederatedAssertion(ctx, principal, form.client_assertion);
    appidacr = '2';
  } else if (secret !== undefined) {
    if (!principal.secrets.some((s) => secretMatches(s, secret))) {
      throw new EntraError(
        401,
        'invalid_client',
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${principal.clientId}'.`,
      );
    }
    appidacr = '1';
  } else {
    throw new EntraError(401, 'invalid_client', 7000216, "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.");
  }

  if (!resourceExists(ctx, tenantId, resource)) {
    throw new EntraError(
      400,
      'invalid_resource',
      500011,
      `The resource principal named ${resource.slice(0, 200)} was not found in the tenant named ${tenantId}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
    );
  }

  const nowMs = ctx.clock.now();
  const accessToken = await issueAccessToken(ctx, principal, resource, { appidacr, nowMs });
  const iat = Math.floor(nowMs / 1000);
  const headers = { 'cache-control': 'no-store, no-cache', pragma: 'no-cache' };
  if (version === 'v2') {
    return { status: 200, headers, body: { token_type: 'Bearer', expires_in: ACCESS_TOKEN_TTL_SECONDS, ext_expires_in: ACCESS_TOKEN_TTL_SECONDS, access_token: accessToken } };
  }
  // The v1 endpoint answers numbers as strings.
  return {
    status: 200,
    headers,
    body: {
      token_type: 'Bearer',
      expires_in: String(ACCESS_TOKEN_TTL_SECONDS),
      ext_expires_in: String(ACCESS_TOKEN_TTL_SECONDS),
      expires_on: String(iat + ACCESS_TOKEN_TTL_SECONDS),
      not_before: String(iat - 300),
      resource,
      access_token: accessToken,
    },
  };
}

const DISCOVERY_HEADERS = { 'cache-control': 'max-age=86400, private', 'access-control-allow-origin': '*' };

/** The v2.0 discovery document; endpoint paths keep the requested segment, the issuer names the tenant. */
function v2Configuration(base: string, segment: string, ref: TenantRef): Record<string, unknown> {
  const t = `${base}/${segment}`;
  const issuerTenant = ref.kind === 'tenant' ? ref.tenantId : ref.alias === 'consumers' ? MSA_TENANT : '{tenantid}';
  return {
    token_endpoint: `${t}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${t}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${base}/${issuerTenant}/v2.0`,
    request_uri_parameter_supported: false,
    authorization_endpoint: `${t}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${t}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${t}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email'],
    tenant_region_scope: ref.kind === 'tenant' ? 'NA' : null,
  };
}

/** The v1 discovery document: its issuer is the access tokens' `https://sts.windows.net/{tid}/`. */
function v1Configuration(base: string, segment: string, ref: TenantRef): Record<string, unknown> {
  const t = `${base}/${segment}`;
  return {
    token_endpoint: `${t}/oauth2/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${t}/discovery/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'token id_token', 'token'],
    scopes_supported: ['openid'],
    issuer: `https://sts.windows.net/${ref.kind === 'tenant' ? ref.tenantId : '{tenantid}'}/`,
    microsoft_multi_refresh_token: true,
    authorization_endpoint: `${t}/oauth2/authorize`,
    device_authorization_endpoint: `${t}/oauth2/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${t}/oauth2/logout`,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'amr', 'nonce', 'email', 'given_name', 'family_name', 'nickname'],
    tenant_region_scope: ref.kind === 'tenant' ? 'NA' : null,
  };
}

export function entraService(ctx: SandboxContext): ServiceDef {
  const base = () => ctx.endpoints.entra;
  const jwks = () => ({ keys: [{ ...ctx.keys.entra.jwk }] });
  const getOnly = (): Reply => {
    throw new EntraError(400, 'invalid_request', 900561, 'The endpoint only accepts POST, OPTIONS requests. Received a GET request.');
  };

  const routes: Route[] = [
    {
      method: 'GET',
      pattern: path('/{tenant}/v2.0/.well-known/openid-configuration'),
      operation: 'openid-configuration.v2',
      handler: (c) => ({ status: 200, headers: { ...DISCOVERY_HEADERS }, body: v2Configuration(base(), c.params.tenant, resolveTenant(ctx, c.params.tenant, 'discovery')) }),
    },
    {
      method: 'GET',
      pattern: path('/{tenant}/.well-known/openid-configuration'),
      operation: 'openid-configuration.v1',
      handler: (c) => {
        const ref = resolveTenant(ctx, c.params.tenant, 'discovery');
        // Only `common` among the aliases has a v1 document.
        if (ref.kind === 'alias' && ref.alias !== 'common') {
          throw new EntraError(400, 'invalid_tenant', 90002, `Tenant '${ref.alias}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`);
        }
        return { status: 200, headers: { ...DISCOVERY_HEADERS }, body: v1Configuration(base(), c.params.tenant, ref) };
      },
    },
    {
      method: 'GET',
      pattern: path('/{tenant}/discovery/v2.0/keys'),
      operation: 'keys.v2',
      handler: (c) => (resolveTenant(ctx, c.params.tenant, 'discovery'), { status: 200, headers: { ...DISCOVERY_HEADERS }, body: jwks() }),
    },
    {
      method: 'GET',
      pattern: path('/{tenant}/discovery/keys'),
      operation: 'keys.v1',
      handler: (c) => (resolveTenant(ctx, c.params.tenant, 'discovery'), { status: 200, headers: { ...DISCOVERY_HEADERS }, body: jwks() }),
    },
    // Issuing a token changes nothing in the world: not a write in the request log.
    { method: 'POST', pattern: path('/{tenant}/oauth2/v2.0/token'), operation: 'token.v2', write: false, handler: (c) => clientCredentialsToken(ctx, c, 'v2') },
    { method: 'GET', pattern: path('/{tenant}/oauth2/v2.0/token'), operation: 'token.v2', write: false, handler: getOnly },
    { method: 'POST', pattern: path('/{tenant}/oauth2/token'), operation: 'token.v1', write: false, handler: (c) => clientCredentialsToken(ctx, c, 'v1') },
    { method: 'GET', pattern: path('/{tenant}/oauth2/token'), operation: 'token.v1', write: false, handler: getOnly },
    ...managedIdentityRoutes(ctx),
  ];

  return {
    name: 'entra',
    routes,
    errorBody: entraErrorBody,
    notFound: (c) =>
      new HttpError(
        404,
        'not_found',
        `The sandbox's Entra ID does not serve ${c.method} ${c.path.slice(0, 200)}. It serves /{tenant}/v2.0/.well-known/openid-configuration, /{tenant}/.well-known/openid-configuration, /{tenant}/discovery/v2.0/keys, /{tenant}/discovery/keys, POST /{tenant}/oauth2/v2.0/token and POST /{tenant}/oauth2/token (client credentials only; no interactive sign-in), and a managed-identity endpoint at /msi/token.`,
      ),
    decorate: (c, reply) => {
      // A copy: handlers and scripted faults may hand in shared header objects.
      const h = (reply.headers = { ...(reply.headers ?? {}) });
      h['cache-control'] ??= 'no-store, no-cache';
      h['x-ms-request-id'] = c.requestId;
      h['x-ms-ests-server'] = 'sandbox';
      if (c.query.get('client-request-id') || c.headers['client-request-id']) h['client-request-id'] = correlationId(c);
    },
  };
}
