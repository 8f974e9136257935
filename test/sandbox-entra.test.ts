/**
 * The sandbox's Microsoft Entra ID and GitHub Actions OIDC provider, driven by the real SDKs over
 * HTTPS: @azure/identity (MSAL Node) for client secrets and federated credentials, @actions/core's
 * getIDToken for GitHub's OIDC tokens, jose for discovery + JWKS verification.
 */
import { ClientAssertionCredential, ClientSecretCredential } from '@azure/identity';
import { getIDToken } from '@actions/core';
import { createRemoteJWKSet, decodeJwt, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { testSandbox, admin } from './helpers/sandbox.js';
import type { Sandbox } from '../sandbox/index.js';
import { DEFAULT_IDS } from '../sandbox/core/seed.js';
import { issueAccessToken } from '../sandbox/entra/index.js';

const ARM_SCOPE = 'https://management.azure.com/.default';
const EXCHANGE = 'api://AzureADTokenExchange';
const { tenantId, clientId, clientSecret } = DEFAULT_IDS;

/** @actions/core writes workflow commands (::debug::, ::add-mask::) to stdout: keep test output clean. */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    return await fn();
  } finally {
    process.stdout.write = write;
  }
}

/** The rejection of `p` (fails the test when `p` resolves). */
async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

function credentialOptions(sb: Sandbox) {
  return { authorityHost: sb.endpoints.entra, disableInstanceDiscovery: true };
}

/** POSTs a form to the token endpoint like a hand-written client would. */
async function tokenRequest(sb: Sandbox, fields: Record<string, string>, opts: { tenant?: string; path?: string; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${sb.endpoints.entra}/${opts.tenant ?? tenantId}${opts.path ?? '/oauth2/v2.0/token'}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(opts.headers ?? {}) },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

describe('sandbox Entra ID: client secrets', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await testSandbox();
  });
  afterAll(async () => {
    await sb.stop();
  });

  test('ClientSecretCredential gets an ARM token with the claims ARM relies on, after exactly discovery + token', async () => {
    const mark = sb.context.requestLog.mark();
    const before = sb.context.clock.now();
    const token = await new ClientSecretCredential(tenantId, clientId, clientSecret, credentialOptions(sb)).getToken(ARM_SCOPE);

    const claims = await sb.context.verifiers.entra.verify(token.token, sb.context.clock.now());
    const principal = sb.context.world.principals.get(clientId)!;
    expect(claims).toMatchObject({
      aud: 'https://management.azure.com',
      iss: `https://sts.windows.net/${tenantId}/`,
      tid: tenantId,
      appid: clientId,
      appidacr: '1',
      oid: principal.objectId,
      sub: principal.objectId,
      idtyp: 'app',
      ver: '1.0',
    });
    expect(claims.exp! - claims.iat!).toBe(3599);
    expect(token.expiresOnTimestamp).toBeGreaterThanOrEqual(before + 3590_000);

    // What MSAL Node fetches from a custom authority host with instance discovery disabled.
    const calls = sb.context.requestLog.list({ since: mark, service: 'entra' }).map((e) => `${e.method} ${e.path} ${e.status}`);
    expect(calls).toEqual([`GET /${tenantId}/v2.0/.well-known/openid-configuration 200`, `POST /${tenantId}/oauth2/v2.0/token 200`]);
    // Getting a token changes nothing: no writes in the log.
    expect(sb.context.requestLog.list({ since: mark, writesOnly: true })).toEqual([]);
  });

  test('the audience is the requested resource as sent (trailing slash kept)', async () => {
    const token = await new ClientSecretCredential(tenantId, clientId, clientSecret, credentialOptions(sb)).getToken('https://management.core.windows.net//.default');
    expect(decodeJwt(token.token).aud).toBe('https://management.core.windows.net/');
  });

  test('a wrong secret fails with AADSTS7000215 and echoes no secret', async () => {
    const wrong = 'sbx~NotTheSecret.0000000000000000';
    const err = await failure(new ClientSecretCredential(tenantId, clientId, wrong, credentialOptions(sb)).getToken(ARM_SCOPE));
    expect(err.message).toMatch(/invalid_client/);
    expect(err.message).toMatch(/AADSTS7000215: Invalid client secret provided/);
    expect(err.message).not.toContain(wrong);
    expect(err.message).not.toContain(clientSecret);
  });

  test('an unknown client fails with AADSTS700016 naming the client and the directory', async () => {
    const unknown = '0f0f0f0f-1111-4222-8333-444455556666';
    const err = await failure(new ClientSecretCredential(tenantId, unknown, 'whatever', credentialOptions(sb)).getToken(ARM_SCOPE));
    expect(err.message).toMatch(/unauthorized_client/);
    expect(err.message).toContain(`AADSTS700016: Application with identifier '${unknown}' was not found in the directory '${tenantId}'`);
  });

  test('an unknown tenant: discovery answers AADSTS90002, which MSAL reports as endpoints_resolution_error', async () => {
    const unknownTenant = '0a0a0a0a-2222-4333-8444-555566667777';
    const mark = sb.context.requestLog.mark();
    const err = await failure(new ClientSecretCredential(unknownTenant, clientId, clientSecret, credentialOptions(sb)).getToken(ARM_SCOPE));
    // MSAL drops the discovery error body (it only checks the document's shape) and never calls the token endpoint.
    expect(err.message).toMatch(/endpoints_resolution_error/);
    expect(sb.context.requestLog.list({ since: mark, service: 'entra' }).map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([
      `GET /${unknownTenant}/v2.0/.well-known/openid-configuration 400`,
    ]);

    const discovery = await fetch(`${sb.endpoints.entra}/${unknownTenant}/v2.0/.well-known/openid-configuration`);
    expect(discovery.status).toBe(400);
    const body = (await discovery.json()) as any;
    expect(body.error).toBe('invalid_tenant');
    expect(body.error_codes).toEqual([90002]);
    expect(body.error_description).toMatch(new RegExp(`^AADSTS90002: Tenant '${unknownTenant}' not found\\.`));

    const direct = await tokenRequest(sb, { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: ARM_SCOPE }, { tenant: unknownTenant });
    expect(direct.status).toBe(400);
    expect(direct.body.error_codes).toEqual([90002]);
  });

  test('token endpoint errors have Entra’s body, codes and correlation id', async () => {
    const correlation = '12345678-90ab-4cde-8f01-234567890abc';
    const res = await tokenRequest(sb, { client_id: clientId, client_secret: clientSecret, scope: ARM_SCOPE }, { headers: { 'client-request-id': correlation } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'invalid_request', error_codes: [900144], correlation_id: correlation });
    expect(res.body.error_description).toMatch(
      /^AADSTS900144: The request body must contain the following parameter: 'grant_type'\. Trace ID: [0-9a-f-]{36} Correlation ID: 12345678-90ab-4cde-8f01-234567890abc Timestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/,
    );
    expect(res.body.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
    expect(res.body.trace_id).toBe(res.headers.get('x-ms-request-id'));
    expect(res.headers.get('client-request-id')).toBe(correlation);
    expect(res.body.error_uri).toBe(`${sb.endpoints.entra}/error?code=900144`);
    expect(JSON.stringify(res.body)).not.toContain(clientSecret);

    const cases: [Record<string, string>, number, string, number][] = [
      [{ grant_type: 'password', client_id: clientId, client_secret: clientSecret, scope: ARM_SCOPE }, 400, 'unsupported_grant_type', 70003],
      [{ grant_type: 'client_credentials', client_secret: clientSecret, scope: ARM_SCOPE }, 400, 'invalid_request', 900144],
      [{ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }, 400, 'invalid_request', 900144],
      [{ grant_type: 'client_credentials', client_id: clientId, scope: ARM_SCOPE }, 401, 'invalid_client', 7000216],
      [{ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: 'https://management.azure.com/user_impersonation' }, 400, 'invalid_scope', 1002012],
      [{ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: `${ARM_SCOPE} https://graph.microsoft.com/.default` }, 400, 'invalid_scope', 28000],
      [{ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: 'https://managment.azure.com/.default' }, 400, 'invalid_resource', 500011],
      [{ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: 'x.y.z', scope: ARM_SCOPE }, 400, 'invalid_request', 90023],
    ];
    for (const [fields, status, error, code] of cases) {
      const r = await tokenRequest(sb, fields);
      expect({ fields, status: r.status, error: r.body.error, codes: r.body.error_codes }).toEqual({ fields, status, error, codes: [code] });
      expect(r.body.error_description).toMatch(new RegExp(`^AADSTS${code}: `));
    }

    // The client-credentials grant needs a tenant: /common names the single-tenant app.
    const common = await tokenRequest(sb, { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: ARM_SCOPE }, { tenant: 'common' });
    expect(common.body.error_codes).toEqual([50194]);
    // A tenant segment that is no tenant identifier at all.
    const bad = await tokenRequest(sb, { grant_type: 'client_credentials' }, { tenant: 'not a tenant' });
    expect(bad.body.error_codes).toEqual([900023]);
    // The token endpoint only takes POST.
    const get = await fetch(`${sb.endpoints.entra}/${tenantId}/oauth2/v2.0/token`);
    expect(get.status).toBe(400);
    expect(((await get.json()) as any).error_codes).toEqual([900561]);
    // Unknown paths: 404 in Entra's shape.
    const nowhere = await fetch(`${sb.endpoints.entra}/${tenantId}/oauth2/v2.0/authorize`);
    expect(nowhere.status).toBe(404);
    expect(((await nowhere.json()) as any)).toMatchObject({ error: 'not_found', error_codes: [] });
  });

  test('client_secret_basic authenticates like client_secret_post', async () => {
    const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64');
    const ok = await tokenRequest(sb, { grant_type: 'client_credentials', scope: ARM_SCOPE }, { headers: { authorization: `Basic ${basic}` } });
    expect(ok.status).toBe(200);
    expect(decodeJwt(ok.body.access_token).appid).toBe(clientId);
    const wrong = Buffer.from(`${clientId}:nope`).toString('base64');
    const denied = await tokenRequest(sb, { grant_type: 'client_credentials', scope: ARM_SCOPE }, { headers: { authorization: `Basic ${wrong}` } });
    expect(denied.body.error_codes).toEqual([7000215]);
  });

  test('discovery documents point at the sandbox and their JWKS verify the access tokens', async () => {
    const v2 = (await (await fetch(`${sb.endpoints.entra}/${tenantId}/v2.0/.well-known/openid-configuration`)).json()) as any;
    expect(v2.issuer).toBe(`${sb.endpoints.entra}/${tenantId}/v2.0`);
    for (const k of ['token_endpoint', 'authorization_endpoint', 'jwks_uri', 'end_session_endpoint', 'device_authorization_endpoint']) {
      expect(v2[k]).toMatch(new RegExp(`^${sb.endpoints.entra}/${tenantId}/`));
    }
    const v1 = (await (await fetch(`${sb.endpoints.entra}/${tenantId}/.well-known/openid-configuration`)).json()) as any;
    expect(v1.issuer).toBe(`https://sts.windows.net/${tenantId}/`);
    expect(v1.token_endpoint).toBe(`${sb.endpoints.entra}/${tenantId}/oauth2/token`);

    const token = await issueAccessToken(sb.context, sb.context.world.principals.get(clientId)!, 'https://management.azure.com');
    for (const jwksUri of [v2.jwks_uri, v1.jwks_uri]) {
      const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(jwksUri)), { issuer: v1.issuer, audience: 'https://management.azure.com', currentDate: sb.context.clock.date() });
      expect(payload.appid).toBe(clientId);
    }
    // A key the sandbox did not sign with does not verify.
    const other = await generateKeyPair('RS256');
    const forged = await new SignJWT({ appid: clientId }).setProtectedHeader({ alg: 'RS256', kid: sb.context.keys.entra.kid }).sign(other.privateKey);
    await expect(jwtVerify(forged, createRemoteJWKSet(new URL(v2.jwks_uri)))).rejects.toThrow(/signature/);

    // Aliases: `organizations` has a v2 document whose issuer is the {tenantid} template; unknown tenants do not.
    const org = (await (await fetch(`${sb.endpoints.entra}/organizations/v2.0/.well-known/openid-configuration`)).json()) as any;
    expect(org.issuer).toBe(`${sb.endpoints.entra}/{tenantid}/v2.0`);
    expect(org.token_endpoint).toBe(`${sb.endpoints.entra}/organizations/oauth2/v2.0/token`);
  });

  test('the v1 token endpoint takes resource= and answers numbers as strings', async () => {
    const res = await tokenRequest(sb, { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, resource: 'https://management.core.windows.net/' }, { path: '/oauth2/token' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: '3599', resource: 'https://management.core.windows.net/' });
    const claims = await sb.context.verifiers.entra.verify(res.body.access_token, sb.context.clock.now());
    expect(claims.aud).toBe('https://management.core.windows.net/');
    expect(Number(res.body.expires_on)).toBe(claims.exp);
  });
});

describe('sandbox GitHub Actions OIDC and federated credentials', () => {
  let sb: Sandbox;
  const savedEnv = { url: process.env.ACTIONS_ID_TOKEN_REQUEST_URL, token: process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN };

  beforeAll(async () => {
    sb = await testSandbox();
    process.env.ACTIONS_ID_TOKEN_REQUEST_URL = sb.info().github.idTokenRequestUrl;
    process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = sb.info().github.idTokenRequestToken;
  });
  afterEach(async () => {
    await admin(sb, 'POST', 'reset');
  });
  afterAll(async () => {
    for (const [k, v] of [['ACTIONS_ID_TOKEN_REQUEST_URL', savedEnv.url], ['ACTIONS_ID_TOKEN_REQUEST_TOKEN', savedEnv.token]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await sb.stop();
  });

  const githubToken = (audience?: string) => quietly(() => getIDToken(audience));
  const federatedToken = (scope = ARM_SCOPE, audience = EXCHANGE) =>
    quietly(() => new ClientAssertionCredential(tenantId, clientId, () => getIDToken(audience), credentialOptions(sb)).getToken(scope));

  test('getIDToken gets a token that verifies through the issuer’s discovery document and JWKS', async () => {
    const token = await githubToken(EXCHANGE);
    const config = (await (await fetch(`${sb.endpoints.oidc}/.well-known/openid-configuration`)).json()) as any;
    expect(config.issuer).toBe(sb.endpoints.oidc);
    expect(config.jwks_uri).toBe(`${sb.endpoints.oidc}/.well-known/jwks`);
    expect(config.claims_supported).toEqual(expect.arrayContaining(['sub', 'repository', 'job_workflow_ref', 'environment', 'runner_environment']));

    const { payload, protectedHeader } = await jwtVerify(token, createRemoteJWKSet(new URL(config.jwks_uri)), {
      issuer: config.issuer,
      audience: EXCHANGE,
      currentDate: sb.context.clock.date(),
    });
    expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'JWT', kid: sb.context.keys.oidc.kid });
    expect(payload).toMatchObject({
      sub: 'repo:octo-org/octo-repo:ref:refs/heads/main',
      repository: 'octo-org/octo-repo',
      repository_owner: 'octo-org',
      ref: 'refs/heads/main',
      ref_type: 'branch',
      event_name: 'push',
      job_workflow_ref: 'octo-org/octo-repo/.github/workflows/ci.yml@refs/heads/main',
      runner_environment: 'github-hosted',
      run_attempt: '1',
    });
    expect(payload.environment).toBeUndefined();
    expect(payload.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(typeof payload.jti).toBe('string');
    expect(payload.exp! - payload.iat!).toBe(300);
  });

  test('without an audience the token is for the repository owner, like GitHub', async () => {
    expect(decodeJwt(await githubToken()).aud).toBe('https://github.com/octo-org');
  });

  test('the token request endpoint wants the runner’s bearer token', async () => {
    const url = `${sb.info().github.idTokenRequestUrl}&audience=${encodeURIComponent(EXCHANGE)}`;
    const missing = await fetch(url);
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as any).message).toMatch(/TF400813/);
    const wrong = await fetch(url, { headers: { authorization: 'Bearer not-the-request-token' } });
    expect(wrong.status).toBe(401);
    const right = await fetch(url, { headers: { authorization: `Bearer ${sb.info().github.idTokenRequestToken}` } });
    expect(right.status).toBe(200);
    expect(typeof ((await right.json()) as any).value).toBe('string');

    process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = 'not-the-request-token';
    try {
      await expect(githubToken(EXCHANGE)).rejects.toThrow(/Error Code : 401/);
    } finally {
      process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = sb.info().github.idTokenRequestToken;
    }
  });

  test('environment and pull_request runs get GitHub’s subjects', async () => {
    await admin(sb, 'POST', 'seed', { github: { oidc: { environment: 'production' } } });
    const env = decodeJwt(await githubToken(EXCHANGE));
    expect(env).toMatchObject({ sub: 'repo:octo-org/octo-repo:environment:production', environment: 'production' });
    await admin(sb, 'POST', 'seed', { github: { oidc: { event_name: 'pull_request' } } });
    const pr = decodeJwt(await githubToken(EXCHANGE));
    expect(pr).toMatchObject({ sub: 'repo:octo-org/octo-repo:pull_request', ref: 'refs/pull/1/merge', event_name: 'pull_request' });
    await admin(sb, 'POST', 'seed', { github: { oidc: { sub: 'repo:octo-org/octo-repo:custom' } } });
    expect(decodeJwt(await githubToken(EXCHANGE)).sub).toBe('repo:octo-org/octo-repo:custom');
  });

  test('ClientAssertionCredential exchanges the GitHub token for an ARM token (federated credential)', async () => {
    const mark = sb.context.requestLog.mark();
    const token = await federatedToken();
    const claims = await sb.context.verifiers.entra.verify(token.token, sb.context.clock.now());
    expect(claims).toMatchObject({ aud: 'https://management.azure.com', appid: clientId, appidacr: '2', tid: tenantId, idtyp: 'app' });
    const calls = sb.context.requestLog.list({ since: mark });
    expect(calls.filter((e) => e.service === 'entra').map((e) => `${e.method} ${e.operation} ${e.status}`)).toEqual(['GET openid-configuration.v2 200', 'POST token.v2 200']);
    // MSAL Node calls the assertion callback twice per token (for the request, then for its client
    // configuration after discovery), so a runner hands out two GitHub tokens.
    const idTokens = calls.filter((e) => e.service === 'oidc');
    expect(idTokens.length).toBeGreaterThanOrEqual(1);
    expect(idTokens.every((e) => e.operation === 'idtoken' && e.status === 200)).toBe(true);

    // The other seeded subjects work too.
    await admin(sb, 'POST', 'seed', { github: { oidc: { environment: 'production' } } });
    await expect(federatedToken()).resolves.toHaveProperty('token');
  });

  test('a subject no federated credential names fails with AADSTS700213', async () => {
    await admin(sb, 'POST', 'seed', { github: { oidc: { environment: 'staging' } } });
    const err = await failure(federatedToken());
    expect(err.message).toMatch(/invalid_client/);
    expect(err.message).toContain("AADSTS700213: No matching federated identity record found for presented assertion subject 'repo:octo-org/octo-repo:environment:staging'");
  });

  test('a subject that differs only in case fails with AADSTS7002138 (matching is case-sensitive)', async () => {
    await admin(sb, 'POST', 'seed', { github: { oidc: { repository: 'Octo-Org/octo-repo' } } });
    const err = await failure(federatedToken());
    expect(err.message).toMatch(/AADSTS7002138: .*case-insensitive comparison, but not with case-sensitive comparison/);
  });

  test('a token for another audience fails with AADSTS700212', async () => {
    const err = await failure(federatedToken(ARM_SCOPE, 'api://SomethingElse'));
    expect(err.message).toContain("AADSTS700212: No matching federated identity record found for presented assertion audience 'api://SomethingElse'");
  });

  test('assertions from issuers the app does not trust, or not signed by the issuer, are refused', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const now = Math.floor(sb.context.clock.now() / 1000);
    const sign = (iss: string) =>
      new SignJWT({ sub: DEFAULT_IDS.federatedSubject, aud: EXCHANGE })
        .setProtectedHeader({ alg: 'RS256', kid: 'foreign' })
        .setIssuer(iss)
        .setIssuedAt(now)
        .setExpirationTime(now + 300)
        .sign(privateKey);
    const assert = (assertion: string) =>
      tokenRequest(sb, {
        grant_type: 'client_credentials',
        client_id: clientId,
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
        scope: ARM_SCOPE,
      });

    const foreign = await sign('https://token.actions.githubusercontent.com');
    const r1 = await assert(foreign);
    expect(r1.status).toBe(401);
    expect(r1.body.error_codes).toEqual([700211]);
    expect(r1.body.error_description).toContain("presented assertion issuer 'https://token.actions.githubusercontent.com'");
    expect(r1.body.error_description).not.toContain(foreign);

    const forged = await sign(sb.endpoints.oidc);
    const r2 = await assert(forged);
    expect(r2.body.error_codes).toEqual([700027]);

    const r3 = await assert('not-a-jwt');
    expect(r3.body.error_codes).toEqual([50027]);

    // An app without federated credentials does not accept GitHub's token either.
    const github = await githubToken(EXCHANGE);
    const reader = await tokenRequest(sb, {
      grant_type: 'client_credentials',
      client_id: DEFAULT_IDS.readerClientId,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: github,
      scope: ARM_SCOPE,
    });
    expect(reader.body.error_codes).toEqual([700211]);
  });

  // Last: it moves the sandbox clock.
  test('an expired GitHub token fails with AADSTS700024', async () => {
    const github = await githubToken(EXCHANGE);
    await admin(sb, 'POST', 'clock', { advance: '1h' });
    const err = await failure(quietly(() => new ClientAssertionCredential(tenantId, clientId, async () => github, credentialOptions(sb)).getToken(ARM_SCOPE)));
    expect(err.message).toMatch(/AADSTS700024: Client assertion is not within its valid time range\. Current time: \S+Z, assertion valid from \S+Z, expiry time of assertion \S+Z/);
    // A fresh token from the (advanced) clock works again.
    await expect(federatedToken()).resolves.toHaveProperty('token');
  });
});
