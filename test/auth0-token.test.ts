/**
 * The Auth0 adapter signs in with the auth0 SDK's own client-credentials TokenProvider, with one retry
 * layer: a throttled or failing token endpoint and dropped connections are tried again; what cannot heal
 * (a name that does not resolve, 401/403) fails at once, after one request.
 */
import { Auth0Adapter, transient, TokenRequestError } from '../src/auth0/log-streams.js';
import { ServiceError } from '../src/azure/errors.js';
import { DEFAULT_IDS, type Sandbox } from '../sandbox/index.js';
import { admin, testSandbox } from './helpers/sandbox.js';

let sb: Sandbox;
beforeAll(async () => {
  sb = await testSandbox();
});
afterAll(async () => {
  await sb?.stop();
});

const domain = () => sb.info().auth0[0].domain;
async function tokenRequests(since: number): Promise<number> {
  const log = await admin(sb, 'GET', `requests?since=${since}&service=auth0`);
  return log.value.filter((e: { operation?: string; path?: string }) => e.operation === 'oauth.token' || /\/oauth\/token$/.test(e.path ?? '')).length;
}
async function mark(): Promise<number> {
  return (await admin(sb, 'GET', 'requests?since=999999999')).mark;
}

test('a name that does not resolve fails after one attempt, naming the DNS error', async () => {
  const calls: string[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = ((input: any, init?: any) => {
    calls.push(String(input));
    return original(input, init);
  }) as typeof fetch;
  try {
    const a = await Auth0Adapter.create({ domain: 'nonexistent.invalid', clientId: 'x', clientSecret: 'y' });
    const err = await a.list().then(
      () => undefined,
      (e) => e,
    );
    expect(err).toBeInstanceOf(ServiceError);
    expect(err).toMatchObject({ service: 'auth0', status: undefined, code: 'ENOTFOUND' });
    expect(calls).toEqual(['https://nonexistent.invalid/oauth/token']);
  } finally {
    globalThis.fetch = original;
  }
});

test('wrong credentials: one token request, 401 access_denied, no retries', async () => {
  const m = await mark();
  const a = await Auth0Adapter.create({ domain: domain(), clientId: DEFAULT_IDS.auth0ClientId, clientSecret: 'not-the-secret-0123456789' });
  await expect(a.list()).rejects.toMatchObject({ status: 401, code: 'access_denied' });
  expect(await tokenRequests(m)).toBe(1);
});

test('a throttled token endpoint is tried again, and the token is shared and cached', async () => {
  await admin(sb, 'POST', 'faults', { service: 'auth0', operation: 'oauth.token', status: 429, code: 'too_many_requests', message: 'Global limit has been reached', count: 1, headers: { 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000)) } });
  const m = await mark();
  const a = await Auth0Adapter.create({ domain: domain(), clientId: DEFAULT_IDS.auth0ClientId, clientSecret: DEFAULT_IDS.auth0ClientSecret });
  await Promise.all([a.list(), a.list(), a.list()]);
  await a.list();
  expect(await tokenRequests(m)).toBe(2); // the throttled one, then one token for every call
});

test('what is worth another attempt', () => {
  expect(transient(new ServiceError('auth0', undefined, 'ECONNRESET', 'reset'))).toBe(true);
  expect(transient(new ServiceError('auth0', undefined, 'ENOTFOUND', 'no such host'))).toBe(false);
  expect(transient(new ServiceError('auth0', undefined, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'untrusted'))).toBe(false);
  expect(transient(new TokenRequestError(503, 'HTTP503', 'unavailable'))).toBe(true);
  expect(transient(new TokenRequestError(403, 'unauthorized_client', 'no'))).toBe(false);
  // An API call's 429 or 5xx was retried by the SDK already: not again around it.
  expect(transient(new ServiceError('auth0', 503, 'HTTP503', 'unavailable'))).toBe(false);
});

test('the Action with a mistyped auth0-domain fails with the fix, after one attempt', async () => {
  const { baseInputs, runAction } = await import('./helpers/action.js');
  const r = await runAction(baseInputs(sb, { command: 'verify', 'auth0-domain': 'nonexistent.invalid', 'auth0-tenant': 'nonexistent' }));
  expect(r.code).toBe(1);
  const error = r.stdout.split('\n').find((l) => l.startsWith('::error::'))!;
  expect(decodeURIComponent(error)).toContain('auth0-domain "nonexistent.invalid" does not resolve (DNS: no such host): check its spelling');
});
