/**
 * The ARM sandbox's front door and Microsoft.Resources, through @azure/arm-resources and raw HTTPS:
 * provider registration, resource groups, authentication, authorization, api-versions, headers,
 * throttling and scripted faults.
 */
import { testSandbox, admin } from './helpers/sandbox.js';
import { DEFAULT_IDS, type Sandbox } from '../sandbox/index.js';
import { armToken, raw, resources, eventGrid, sdkError, SUB, RG, EG, egPath, rgPath } from './sandbox-arm-helpers.js';

describe('ARM sandbox: Microsoft.Resources and the front door', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await testSandbox({ settings: { providerRegistrationDelayMs: 60_000 } });
  });
  afterAll(async () => {
    await sb.stop();
  });
  afterEach(async () => {
    await admin(sb, 'DELETE', 'faults');
    await admin(sb, 'PATCH', 'settings', { armRateLimitPerSecond: 0 });
  });

  test('registers Microsoft.EventGrid: NotRegistered, 409 on Event Grid calls, Registering, then Registered after the delay', async () => {
    const rm = resources(sb);
    const eg = eventGrid(sb);
    expect((await rm.providers.get('Microsoft.EventGrid')).registrationState).toBe('NotRegistered');

    const blocked = await sdkError(eg.partnerTopics.get(RG, 'anything'));
    expect(blocked.statusCode).toBe(409);
    expect(blocked.code).toBe('MissingSubscriptionRegistration');
    expect(blocked.message).toBe(
      "The subscription is not registered to use namespace 'Microsoft.EventGrid'. See https://aka.ms/rps-not-found for how to register subscriptions.",
    );

    const registering = await rm.providers.register('microsoft.eventgrid');
    expect(registering.namespace).toBe('Microsoft.EventGrid');
    expect(registering.registrationState).toBe('Registering');
    expect(registering.id).toBe(`/subscriptions/${SUB}/providers/Microsoft.EventGrid`);
    expect(registering.resourceTypes?.map((t) => t.resourceType)).toEqual(expect.arrayContaining(['partnerTopics', 'partnerConfigurations', 'partnerTopics/eventSubscriptions']));
    expect((await rm.providers.get('Microsoft.EventGrid')).registrationState).toBe('Registering');
    expect((await sdkError(eg.partnerTopics.get(RG, 'anything'))).code).toBe('MissingSubscriptionRegistration');

    await admin(sb, 'POST', 'clock', { advance: '61s' });
    expect((await rm.providers.get('Microsoft.EventGrid')).registrationState).toBe('Registered');
    const list = [];
    for await (const p of rm.providers.list()) list.push(p);
    expect(list.find((p) => p.namespace === 'Microsoft.EventGrid')?.registrationState).toBe('Registered');
    expect(list.find((p) => p.namespace === 'Microsoft.Resources')?.registrationState).toBe('Registered');
    // Registered now: the same call reaches Event Grid and gets its 404.
    const missing = await sdkError(eg.partnerTopics.get(RG, 'anything'));
    expect(missing.statusCode).toBe(404);
    expect(missing.code).toBe('ResourceNotFound');
    expect(missing.message).toBe(
      `The Resource 'Microsoft.EventGrid/partnerTopics/anything' under resource group '${RG}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
    );

    // Registering again is a no-op; unregistering goes through Unregistering.
    expect((await rm.providers.register('Microsoft.EventGrid')).registrationState).toBe('Registered');
    expect((await rm.providers.unregister('Microsoft.EventGrid')).registrationState).toBe('Unregistering');
    await admin(sb, 'POST', 'clock', { advance: '61s' });
    expect((await rm.providers.get('Microsoft.EventGrid')).registrationState).toBe('NotRegistered');
  });

  test('unknown provider namespaces are 404 InvalidResourceNamespace', async () => {
    const err = await sdkError(resources(sb).providers.get('Contoso.Nothing'));
    expect(err.statusCode).toBe(404);
    expect(err.code).toBe('InvalidResourceNamespace');
    expect(err.message).toBe("The resource namespace 'Contoso.Nothing' is invalid.");
  });

  test('a group-scoped EventGrid Contributor may not register the provider (403 AuthorizationFailed at subscription scope)', async () => {
    const rgOnly = sb.context.world.principals.get(DEFAULT_IDS.rgOnlyClientId)!;
    const err = await sdkError(resources(sb, { clientId: DEFAULT_IDS.rgOnlyClientId }).providers.register('Microsoft.EventGrid'));
    expect(err.statusCode).toBe(403);
    expect(err.code).toBe('AuthorizationFailed');
    expect(err.message).toBe(
      `The client '${rgOnly.objectId}' with object id '${rgOnly.objectId}' does not have authorization to perform action 'Microsoft.EventGrid/register/action' over scope '/subscriptions/${SUB}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    );
    // It may still read its group and the provider's state.
    expect((await resources(sb, { clientId: DEFAULT_IDS.rgOnlyClientId }).resourceGroups.get(RG)).name).toBe(RG);
    expect((await resources(sb, { clientId: DEFAULT_IDS.rgOnlyClientId }).providers.get('Microsoft.EventGrid')).namespace).toBe('Microsoft.EventGrid');
  });

  test('resource groups: get (case-insensitive), 404 ResourceGroupNotFound, check existence, list', async () => {
    const rm = resources(sb);
    const g = await rm.resourceGroups.get(RG.toUpperCase());
    expect(g).toMatchObject({ id: `/subscriptions/${SUB}/resourceGroups/${RG}`, name: RG, location: DEFAULT_IDS.region, type: 'Microsoft.Resources/resourceGroups' });
    expect(g.properties?.provisioningState).toBe('Succeeded');
    const err = await sdkError(rm.resourceGroups.get('no-such-group'));
    expect(err.statusCode).toBe(404);
    expect(err.code).toBe('ResourceGroupNotFound');
    expect(err.message).toBe("Resource group 'no-such-group' could not be found.");
    expect((await rm.resourceGroups.checkExistence(RG)).body).toBe(true);
    expect((await rm.resourceGroups.checkExistence('no-such-group')).body).toBe(false);
    const names = [];
    for await (const x of rm.resourceGroups.list()) names.push(x.name);
    expect(names).toEqual([RG]);
  });

  test('401s: missing header, malformed, foreign signature, expired, wrong audience; with a WWW-Authenticate challenge', async () => {
    const path = `/subscriptions/${SUB}/resourcegroups/${RG}?api-version=2025-04-01`;
    const missing = await raw(sb, 'GET', path, { token: null });
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({ error: { code: 'AuthenticationFailed', message: "Authentication failed. The 'Authorization' header is missing." } });
    expect(missing.headers.get('www-authenticate')).toBe(
      `Bearer authorization_uri="${sb.endpoints.entra}/${DEFAULT_IDS.tenantId}", error="invalid_token", error_description="The authentication failed because of missing 'Authorization' header."`,
    );

    const garbage = await raw(sb, 'GET', path, { token: 'not.a.jwt' });
    expect(garbage.status).toBe(401);
    expect(garbage.body.error.code).toBe('InvalidAuthenticationToken');

    const foreign = await raw(sb, 'GET', path, { foreign: true });
    expect(foreign.status).toBe(401);
    expect(foreign.body.error).toEqual({ code: 'InvalidAuthenticationToken', message: 'The access token is invalid.' });
    expect(foreign.headers.get('www-authenticate')).toContain('error="invalid_token"');

    const expired = await raw(sb, 'GET', path, { issuedOffsetMs: -7200_000, ttlSeconds: 600 });
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('ExpiredAuthenticationToken');
    expect(expired.body.error.message).toMatch(/^The access token expiry UTC time '\d+\/\d+\/\d{4} \d+:\d{2}:\d{2} [AP]M' is earlier than current UTC time '.+'\.$/);

    const graph = await raw(sb, 'GET', path, { aud: 'https://graph.microsoft.com' });
    expect(graph.status).toBe(401);
    expect(graph.body.error.code).toBe('InvalidAuthenticationTokenAudience');
    expect(graph.body.error.message).toContain("wrong audience or resource 'https://graph.microsoft.com'");

    for (const aud of ['https://management.azure.com/', 'https://management.core.windows.net', 'https://management.core.windows.net/']) {
      expect((await raw(sb, 'GET', path, { aud })).status).toBe(200);
    }
    // The SDK surfaces the 401 as an error.
    const sdk = await sdkError(resources(sb, { aud: 'api://something-else' }).resourceGroups.get(RG));
    expect(sdk.statusCode).toBe(401);
    expect(sdk.code).toBe('InvalidAuthenticationTokenAudience');
  });

  test('404 SubscriptionNotFound for unknown subscriptions and for a subscription of another tenant', async () => {
    const other = '11111111-2222-3333-4444-555555555555';
    const unknown = await raw(sb, 'GET', `/subscriptions/${other}/resourcegroups/x?api-version=2025-04-01`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toEqual({ code: 'SubscriptionNotFound', message: `The subscription '${other}' could not be found.` });
    const foreignTenant = await raw(sb, 'GET', `/subscriptions/${SUB}/resourcegroups/${RG}?api-version=2025-04-01`, { tid: '99999999-8888-7777-6666-555555555555' });
    expect(foreignTenant.status).toBe(404);
    expect(foreignTenant.body.error.code).toBe('SubscriptionNotFound');
  });

  test('api-version: missing → MissingApiVersionParameter, unsupported → InvalidApiVersionParameter / NoRegisteredProviderFound', async () => {
    const missing = await raw(sb, 'GET', `/subscriptions/${SUB}/resourcegroups/${RG}`);
    expect(missing.status).toBe(400);
    expect(missing.body.error).toEqual({ code: 'MissingApiVersionParameter', message: 'The api-version query parameter (?api-version=) is required for all requests.' });

    const res = await raw(sb, 'GET', `/subscriptions/${SUB}/resourcegroups/${RG}?api-version=2015-01-01`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('InvalidApiVersionParameter');
    expect(res.body.error.message).toMatch(/^The api-version '2015-01-01' is invalid\. The supported versions are '2025-04-01,.*'\.$/);

    const eg = await raw(sb, 'GET', `${egPath}/partnerTopics/t1?api-version=2019-06-01`);
    expect(eg.status).toBe(400);
    expect(eg.body.error.code).toBe('NoRegisteredProviderFound');
    expect(eg.body.error.message).toContain(`No registered resource provider found for location '${DEFAULT_IDS.region}' and API version '2019-06-01' for type 'partnerTopics'. The supported api-versions are '2025-02-15, 2022-06-15'.`);
  });

  test('unknown paths: ARM 404 bodies', async () => {
    const ns = await raw(sb, 'GET', `${rgPath}/providers/Contoso.Widgets/widgets/w1?api-version=2020-01-01`);
    expect(ns.status).toBe(404);
    expect(ns.body.error).toEqual({ code: 'InvalidResourceNamespace', message: "The resource namespace 'Contoso.Widgets' is invalid." });
    const type = await raw(sb, 'GET', `${egPath}/domains/d1?api-version=${EG}`);
    expect(type.status).toBe(404);
    expect(type.body.error.code).toBe('InvalidResourceType');
    const other = await raw(sb, 'GET', `/nothing/here?api-version=${EG}`);
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('NotFound');
    expect(Object.keys(other.body)).toEqual(['error']);
  });

  test('every answer carries the request ids and a decrementing rate-limit budget', async () => {
    const path = `/subscriptions/${SUB}/resourcegroups/${RG}?api-version=2025-04-01`;
    const a = await raw(sb, 'GET', path, { headers: { 'x-ms-correlation-request-id': 'c0ffee00-0000-4000-8000-000000000001' } });
    const b = await raw(sb, 'GET', path);
    for (const r of [a, b]) {
      expect(r.headers.get('x-ms-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(r.headers.get('x-ms-routing-request-id')).toMatch(/^[A-Z0-9]+:\d{8}T\d{6}Z:[0-9a-f-]{36}$/);
    }
    expect(a.headers.get('x-ms-correlation-request-id')).toBe('c0ffee00-0000-4000-8000-000000000001');
    expect(a.headers.get('x-ms-request-id')).not.toBe(b.headers.get('x-ms-request-id'));
    const ra = Number(a.headers.get('x-ms-ratelimit-remaining-subscription-reads'));
    const rb = Number(b.headers.get('x-ms-ratelimit-remaining-subscription-reads'));
    expect(ra).toBeGreaterThan(0);
    expect(rb).toBe(ra - 1);
    const write = await raw(sb, 'POST', `/subscriptions/${SUB}/providers/Microsoft.EventGrid/register?api-version=2025-04-01`);
    expect(Number(write.headers.get('x-ms-ratelimit-remaining-subscription-writes'))).toBeGreaterThan(0);
    // Errors too.
    const err = await raw(sb, 'GET', path, { token: null });
    expect(err.headers.get('x-ms-request-id')).toBeTruthy();
    expect(err.headers.get('x-ms-ratelimit-remaining-subscription-reads')).toBeTruthy();
  });

  test('throttling: 429 SubscriptionRequestsThrottled with Retry-After once the per-second rate is exceeded; the SDK retries through it', async () => {
    await admin(sb, 'PATCH', 'settings', { armRateLimitPerSecond: 3 });
    const path = `/subscriptions/${SUB}/resourcegroups/${RG}?api-version=2025-04-01`;
    const token = await armToken(sb);
    const answers = await Promise.all(Array.from({ length: 8 }, () => raw(sb, 'GET', path, { token })));
    const throttled = answers.filter((r) => r.status === 429);
    expect(answers.filter((r) => r.status === 200).length).toBeLessThanOrEqual(6); // at most 3 per second, across at most two seconds
    expect(throttled.length).toBeGreaterThan(0);
    const t = throttled[0];
    expect(t.body.error.code).toBe('SubscriptionRequestsThrottled');
    expect(t.body.error.message).toMatch(new RegExp(`^Number of 'read' requests for subscription '${SUB}' actor '.+' exceeded\\. Please try again after '\\d+' seconds`));
    expect(Number(t.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    const mark = (await admin(sb, 'GET', 'requests')).mark;
    const rm = resources(sb);
    const groups = await Promise.all(Array.from({ length: 6 }, () => rm.resourceGroups.get(RG)));
    expect(groups.every((g) => g.name === RG)).toBe(true);
    const log = (await admin(sb, 'GET', `requests?since=${mark}&service=arm`)).value;
    expect(log.some((e: any) => e.status === 429 && e.operation === 'ResourceGroups_Get')).toBe(true);
  });

  test('scripted 503s and connection resets are survived by the SDK retry policy', async () => {
    await admin(sb, 'POST', 'faults', { service: 'arm', operation: 'ResourceGroups_Get', status: 503, code: 'ServiceUnavailable', message: 'Try later.', headers: { 'Retry-After': '0' }, count: 2 });
    const mark = (await admin(sb, 'GET', 'requests')).mark;
    expect((await resources(sb).resourceGroups.get(RG)).name).toBe(RG);
    const log = (await admin(sb, 'GET', `requests?since=${mark}&service=arm`)).value;
    expect(log.map((e: any) => e.status)).toEqual([503, 503, 200]);

    await admin(sb, 'POST', 'faults', { service: 'arm', operation: 'Providers_Get', reset: true });
    const mark2 = (await admin(sb, 'GET', 'requests')).mark;
    expect((await resources(sb).providers.get('Microsoft.Resources')).registrationState).toBe('Registered');
    const log2 = (await admin(sb, 'GET', `requests?since=${mark2}&service=arm`)).value;
    expect(log2.map((e: any) => e.status)).toEqual([0, 200]);

    // A scripted 503 body is ARM's error shape, and each answer has its own request id.
    await admin(sb, 'POST', 'faults', { service: 'arm', operation: 'ResourceGroups_Get', status: 503, code: 'ServiceUnavailable', message: 'Try later.', headers: { 'Retry-After': '5' }, count: 2 });
    const r = await raw(sb, 'GET', `/subscriptions/${SUB}/resourcegroups/${RG}?api-version=2025-04-01`);
    const r2 = await raw(sb, 'GET', `/subscriptions/${SUB}/resourcegroups/${RG}?api-version=2025-04-01`);
    expect(r.status).toBe(503);
    expect(r.body).toEqual({ error: { code: 'ServiceUnavailable', message: 'Try later.' } });
    expect(r.headers.get('retry-after')).toBe('5');
    expect(r2.status).toBe(503);
    expect(r2.headers.get('x-ms-request-id')).not.toBe(r.headers.get('x-ms-request-id'));
  });
});
