/** Helpers of the ARM sandbox tests: Entra-signed tokens, credentials, SDK clients and raw calls. */
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { EventGridManagementClient } from '@azure/arm-eventgrid';
import { ResourceManagementClient } from '@azure/arm-resources';
import { signJwt } from '../sandbox/core/tokens.js';
import { DEFAULT_IDS, type Sandbox } from '../sandbox/index.js';

export const SUB = DEFAULT_IDS.subscriptionId;
export const RG = DEFAULT_IDS.resourceGroup;
export const ARM_SCOPE = 'https://management.azure.com/.default';

export interface TokenOptions {
  clientId?: string;
  aud?: string;
  tid?: string;
  /** Offset of the token's issue time from the sandbox clock (ms). */
  issuedOffsetMs?: number;
  ttlSeconds?: number;
  /** Sign with another issuer's key (a token the sandbox's Entra ID did not issue). */
  foreign?: boolean;
}

/** A token as the sandbox's Entra ID issues for ARM: RS256, aud, appid, tid, oid, iss. */
export async function armToken(sb: Sandbox, o: TokenOptions = {}): Promise<string> {
  const ctx = sb.context;
  const clientId = (o.clientId ?? DEFAULT_IDS.clientId).toLowerCase();
  const principal = ctx.world.principals.get(clientId);
  const tid = o.tid ?? principal?.tenantId ?? DEFAULT_IDS.tenantId;
  const key = o.foreign ? ctx.keys.oidc : ctx.keys.entra;
  return signJwt(
    key,
    { aud: o.aud ?? 'https://management.azure.com', appid: clientId, tid, oid: principal?.objectId ?? clientId, iss: `${ctx.endpoints.entra}/${tid}/v2.0`, idtyp: 'app' },
    { nowMs: ctx.clock.now() + (o.issuedOffsetMs ?? 0), ttlSeconds: o.ttlSeconds ?? 3600 },
  );
}

/**
 * A TokenCredential minting a fresh token for every request: its real-time expiry is inside the
 * bearer policy's forced-refresh window, so the SDK asks again each time (the sandbox clock moves in
 * tests, and tokens are checked against it).
 */
export function credential(sb: Sandbox, o: TokenOptions = {}): TokenCredential {
  return {
    getToken: async (): Promise<AccessToken> => ({ token: await armToken(sb, o), expiresOnTimestamp: Date.now() + 500 }),
  };
}

export function eventGrid(sb: Sandbox, o: TokenOptions = {}, apiVersion = '2025-02-15'): EventGridManagementClient {
  return new EventGridManagementClient(credential(sb, o), SUB, {
    endpoint: sb.endpoints.arm,
    credentialScopes: [ARM_SCOPE],
    apiVersion,
  });
}

export function resources(sb: Sandbox, o: TokenOptions = {}): ResourceManagementClient {
  return new ResourceManagementClient(credential(sb, o), SUB, { endpoint: sb.endpoints.arm, credentialScopes: [ARM_SCOPE] });
}

export interface RawAnswer {
  status: number;
  headers: Headers;
  body: any;
}

/** A raw HTTPS call to ARM (`path` relative to the ARM endpoint, query included). */
export async function raw(sb: Sandbox, method: string, path: string, o: TokenOptions & { body?: unknown; token?: string | null; headers?: Record<string, string> } = {}): Promise<RawAnswer> {
  const headers: Record<string, string> = { ...(o.headers ?? {}) };
  const token = o.token === undefined ? await armToken(sb, o) : o.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  const url = path.startsWith('https://') ? path : `${sb.endpoints.arm}${path}`;
  const res = await fetch(url, { method, headers, body: o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body) });
  const text = await res.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, body };
}

/** Marks Microsoft.EventGrid registered on the default subscription directly in the world. */
export function registerEventGrid(sb: Sandbox): void {
  sb.context.world.subscriptions.get(SUB)!.providers.set('microsoft.eventgrid', { namespace: 'Microsoft.EventGrid', state: 'Registered' });
}

export const EG = '2025-02-15';
export const rgPath = `/subscriptions/${SUB}/resourceGroups/${RG}`;
export const egPath = `${rgPath}/providers/Microsoft.EventGrid`;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The error an SDK call rejects with (fails the test when it resolves). */
export async function sdkError(p: Promise<unknown>): Promise<{ statusCode?: number; code?: string; message: string; response?: { headers: { get(n: string): string | undefined } } }> {
  try {
    await p;
  } catch (e) {
    return e as any;
  }
  throw new Error('expected the call to fail');
}
