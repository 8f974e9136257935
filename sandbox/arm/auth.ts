/**
 * ARM authentication (Entra ID bearer tokens) and authorization (Azure RBAC), with ARM's 401 and 403
 * answers. Verified tokens are cached by the TokenVerifier; RBAC decisions are cached per principal's
 * role-assignment list so the hot path does no regular-expression work.
 */
import { HttpError, type Ctx } from '../core/http.js';
import type { SandboxContext } from '../core/context.js';
import { isAllowed } from '../core/rbac.js';
import type { JWTPayload } from 'jose';
import type { Principal, RoleAssignment } from '../core/state.js';

export const ARM_AUDIENCES = [
  'https://management.core.windows.net/',
  'https://management.core.windows.net',
  'https://management.azure.com/',
  'https://management.azure.com',
] as const;
const AUDIENCES = new Set<string>(ARM_AUDIENCES);

export interface Caller {
  claims: JWTPayload & Record<string, any>;
  /** The principal named by the token's appid (undefined when the world no longer has it: no roles). */
  principal?: Principal;
  objectId: string;
  tenantId: string;
}

function challenge(ctx: SandboxContext, tenant: string | undefined, description: string): Record<string, string> {
  const authority = `${ctx.endpoints.entra || 'https://login.microsoftonline.com'}/${tenant ?? ''}`;
  return {
    'WWW-Authenticate': `Bearer authorization_uri="${authority}", error="invalid_token", error_description="${description.replace(/"/g, "'")}"`,
  };
}

/** ARM's way of printing a UTC time in token errors: `3/5/2024 2:47:06 AM`. */
function armUtc(ms: number): string {
  const d = new Date(ms);
  const h = d.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

/**
 * Verifies the bearer token of a request. `tenantHint` (the subscription's tenant, when known) goes into
 * the challenge's authorization_uri, as ARM does for tenant discovery.
 */
export async function authenticate(ctx: SandboxContext, c: Ctx, tenantHint?: string): Promise<Caller> {
  const header = c.headers.authorization;
  if (!header) {
    throw new HttpError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.", challenge(ctx, tenantHint, "The authentication failed because of missing 'Authorization' header."));
  }
  const space = header.indexOf(' ');
  const scheme = space > 0 ? header.slice(0, space) : header;
  const token = space > 0 ? header.slice(space + 1).trim() : '';
  if (scheme.toLowerCase() !== 'bearer' || !token) {
    throw new HttpError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is provided in an invalid format.", challenge(ctx, tenantHint, "The authentication failed because of invalid 'Authorization' header."));
  }
  const now = ctx.clock.now();
  let claims: JWTPayload & Record<string, any>;
  try {
    claims = (await ctx.verifiers.entra.verify(token, now)) as JWTPayload & Record<string, any>;
  } catch (e) {
    const err = e as Error & { code?: string };
    if (err.code === 'ERR_JWT_EXPIRED' || /"exp" claim/.test(err.message)) {
      const exp = expOf(token);
      const message = exp
        ? `The access token expiry UTC time '${armUtc(exp * 1000)}' is earlier than current UTC time '${armUtc(now)}'.`
        : 'The access token has expired.';
      throw new HttpError(401, 'ExpiredAuthenticationToken', message, challenge(ctx, tenantHint, 'The access token has expired.'));
    }
    throw new HttpError(401, 'InvalidAuthenticationToken', 'The access token is invalid.', challenge(ctx, tenantHint, 'The access token is invalid.'));
  }
  const aud = Array.isArray(claims.aud) ? claims.aud[0] : claims.aud;
  if (typeof aud !== 'string' || !AUDIENCES.has(aud)) {
    const allowed = ARM_AUDIENCES.map((a) => `'${a}'`).join(',');
    throw new HttpError(
      401,
      'InvalidAuthenticationTokenAudience',
      `The access token has been obtained for wrong audience or resource '${aud ?? ''}'. It should exactly match with one of the allowed audiences ${allowed}.`,
      challenge(ctx, tenantHint, 'The access token has been obtained for wrong audience or resource.'),
    );
  }
  const appid = typeof claims.appid === 'string' ? claims.appid : typeof claims.azp === 'string' ? claims.azp : undefined;
  const tid = typeof claims.tid === 'string' ? claims.tid : undefined;
  const oid = typeof claims.oid === 'string' ? claims.oid : undefined;
  if (!tid || (!appid && !oid)) {
    throw new HttpError(
      401,
      'InvalidAuthenticationToken',
      "The received access token is not valid: at least one of the claims 'puid' or 'altsecid' or 'oid' should be present. If you are accessing as application please make sure service principal is properly created in the tenant.",
      challenge(ctx, tenantHint, 'The access token is invalid.'),
    );
  }
  const principal = appid ? ctx.world.principals.get(appid.toLowerCase()) : undefined;
  return { claims, principal, objectId: oid ?? principal?.objectId ?? appid!, tenantId: tid };
}

function expOf(token: string): number | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return typeof payload.exp === 'number' ? payload.exp : undefined;
  } catch {
    return undefined;
  }
}

// ---- authorization --------------------------------------------------------------------------------

const decisions = new WeakMap<RoleAssignment[], Map<string, boolean>>();

/** rbac.isAllowed, memoized per role-assignment list (its length is part of the key, so pushes invalidate). */
export function allowed(principal: Principal | undefined, action: string, scope: string): boolean {
  if (!principal) return false;
  const list = principal.roleAssignments;
  let m = decisions.get(list);
  if (!m) decisions.set(list, (m = new Map()));
  const k = `${list.length}|${action}|${scope.toLowerCase()}`;
  let ok = m.get(k);
  if (ok === undefined) {
    ok = isAllowed(principal, action, scope);
    if (m.size > 5000) m.clear();
    m.set(k, ok);
  }
  return ok;
}

export function authorizationFailed(caller: Caller, action: string, scope: string): HttpError {
  const oid = caller.objectId;
  return new HttpError(
    403,
    'AuthorizationFailed',
    `The client '${oid}' with object id '${oid}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
  );
}

/** Whether the principal holds any role assignment at or below the subscription (or above it, at its root). */
export function isMemberOf(principal: Principal | undefined, subscriptionId: string): boolean {
  if (!principal) return false;
  const prefix = `/subscriptions/${subscriptionId.toLowerCase()}`;
  return principal.roleAssignments.some((ra) => {
    const s = ra.scope.toLowerCase().replace(/\/+$/, '');
    return s === prefix || s.startsWith(prefix + '/');
  });
}
