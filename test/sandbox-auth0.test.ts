/**
 * The sandbox's Auth0 tenant, driven with the real `auth0` SDK (v7) over HTTPS: client credentials,
 * the log-stream life cycle, the partner topic Auth0 creates in Azure, payload validation, scopes,
 * rate limits and the log records every call leaves.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManagementClient, ManagementError, Management } from 'auth0';
import { decodeJwt } from 'jose';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import { testSandbox, admin } from './helpers/sandbox.js';
import { SPECS_DIR } from './conformance/specs.js';
import type { Sandbox } from '../sandbox/index.js';
import { DEFAULT_IDS } from '../sandbox/index.js';
import { AUTH0_PARTNER, EVENTGRID_NAMESPACE } from '../sandbox/core/eventgrid.js';
import { key, type ResourceGroup, type Subscription } from '../sandbox/core/state.js';
import { AZURE_REGIONS, FILTER_CATEGORIES, LOG_CODES, writeLogRecord } from '../sandbox/auth0/index.js';

const SPEC_DIR = join(SPECS_DIR, 'auth0');
const TENANT = DEFAULT_IDS.auth0Tenant;
const SUB = DEFAULT_IDS.subscriptionId;
const GROUP = DEFAULT_IDS.resourceGroup;

type Stream = Record<string, any>;

describe('sandbox Auth0', () => {
  let sb: Sandbox;
  let domain: string;
  let url: string;

  beforeAll(async () => {
    sb = await testSandbox();
    domain = sb.endpoints.auth0[TENANT].domain;
    url = sb.endpoints.auth0[TENANT].url;
  });
  afterAll(async () => {
    await sb.stop();
  });
  beforeEach(async () => {
    await admin(sb, 'POST', 'reset');
    // The partner-topic shapes these tests were written for (sandbox-partner-facts covers every variant).
    await admin(sb, 'PATCH', 'settings', { auth0RateLimitPerSecond: 0, partnerTopicNaming: 'resource-name', partnerTopicName: 'stream-digits', partnerTopicSource: 'tenant-and-stream', partnerTopicDescription: 'partner', partnerTopicDelayMs: 50 });
  });

  const client = (id: string = DEFAULT_IDS.auth0ClientId, secret: string = DEFAULT_IDS.auth0ClientSecret) =>
    new ManagementClient({ domain, clientId: id, clientSecret: secret, maxRetries: 0 });
  const readOnly = () => client(DEFAULT_IDS.auth0ReadOnlyClientId, DEFAULT_IDS.auth0ReadOnlyClientSecret);

  const world = () => sb.context.world;
  const subscription = (): Subscription => world().subscriptions.get(key(SUB))!;
  const group = (): ResourceGroup => subscription().resourceGroups.get(key(GROUP))!;
  const logs = () => world().auth0Tenants.get(TENANT)!.logs;

  /** What `POST …/authorizePartner` would leave in the group (the ARM service is someone else's), and the provider registered. */
  function authorizeAuth0(expiresInMs = 7 * 86_400_000, opts: { register?: boolean } = {}) {
    if (opts.register !== false) subscription().providers.set(key(EVENTGRID_NAMESPACE), { namespace: EVENTGRID_NAMESPACE, state: 'Registered' });
    group().partnerConfiguration = {
      id: `/subscriptions/${SUB}/resourceGroups/${GROUP}/providers/Microsoft.EventGrid/partnerConfigurations/default`,
      name: 'default',
      type: 'Microsoft.EventGrid/partnerConfigurations',
      location: 'global',
      properties: {
        provisioningState: 'Succeeded',
        partnerAuthorization: {
          defaultMaximumExpirationTimeInDays: 7,
          authorizedPartnersList: [
            {
              partnerRegistrationImmutableId: AUTH0_PARTNER.immutableId,
              partnerName: AUTH0_PARTNER.name,
              authorizationExpirationTimeInUtc: new Date(sb.context.clock.now() + expiresInMs).toISOString(),
            },
          ],
        },
      },
    };
  }

  const eventGridBody = (over: Record<string, any> = {}) => ({
    name: 'azure-events',
    type: 'eventgrid',
    sink: { azureSubscriptionId: SUB, azureResourceGroup: GROUP, azureRegion: 'westus2', ...(over.sink ?? {}) },
    filters: [{ type: 'category', name: 'auth.login.success' }],
    ...Object.fromEntries(Object.entries(over).filter(([k]) => k !== 'sink')),
  });

  /** Calls the Management API with fetch (for the raw status, headers and body). */
  async function api(method: string, path: string, token?: string, body?: unknown) {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  }

  async function token(over: Record<string, string> = {}, form = false) {
    const fields = {
      grant_type: 'client_credentials',
      client_id: DEFAULT_IDS.auth0ClientId,
      client_secret: DEFAULT_IDS.auth0ClientSecret,
      audience: `https://${domain}/api/v2/`,
      ...over,
    };
    const res = await fetch(`${url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
      body: form ? new URLSearchParams(fields).toString() : JSON.stringify(fields),
    });
    return { status: res.status, body: await res.json() };
  }

  async function createdStream(c = client(), body: Record<string, any> = eventGridBody()): Promise<Stream> {
    const res = await c.logStreams.create(body as Management.CreateLogStreamRequestContent).withRawResponse();
    expect(res.rawResponse.status).toBe(200);
    return res.data as Stream;
  }

  /** The error the SDK throws for a call. */
  async function sdkError(p: Promise<unknown>): Promise<ManagementError> {
    try {
      await p;
    } catch (e) {
      expect(e).toBeInstanceOf(ManagementError);
      return e as ManagementError;
    }
    throw new Error('expected the call to fail');
  }

  const advance = (ms: number) => sb.context.clock.advance(ms);

  describe('POST /oauth/token', () => {
    test('issues an RS256 Management API token for client credentials (JSON and form bodies)', async () => {
      for (const form of [false, true]) {
        const res = await token({}, form);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 86400, scope: 'read:log_streams create:log_streams update:log_streams delete:log_streams read:logs' });
        const claims = decodeJwt(res.body.access_token);
        expect(claims).toMatchObject({
          iss: `https://${domain}/`,
          sub: `${DEFAULT_IDS.auth0ClientId}@clients`,
          aud: `https://${domain}/api/v2/`,
          azp: DEFAULT_IDS.auth0ClientId,
          gty: 'client-credentials',
          scope: res.body.scope,
        });
        expect(claims.exp! - claims.iat!).toBe(86400);
        expect(JSON.parse(Buffer.from(res.body.access_token.split('.')[0], 'base64url').toString()).alg).toBe('RS256');
      }
      const records = logs().filter((l) => l.type === 'seccft');
      expect(records).toHaveLength(2);
      expect(records[0]).toMatchObject({ client_id: DEFAULT_IDS.auth0ClientId, client_name: 'auth0-eventgrid', audience: `https://${domain}/api/v2/`, tenant_name: TENANT });
      expect(JSON.stringify(records)).not.toContain(DEFAULT_IDS.auth0ClientSecret);
    });

    test('answers failures as Auth0 does and logs feccft', async () => {
      expect(await token({ client_secret: 'nope' })).toEqual({ status: 401, body: { error: 'access_denied', error_description: 'Unauthorized' } });
      expect(await token({ client_id: 'unknown-client' })).toEqual({ status: 401, body: { error: 'access_denied', error_description: 'Unauthorized' } });
      expect(await token({ audience: 'https://example.com/api/v2/' })).toEqual({
        status: 403,
        body: { error: 'access_denied', error_description: 'Service not enabled within domain: https://example.com/api/v2/' },
      });
      expect(await token({ grant_type: 'magic' })).toEqual({ status: 400, body: { error: 'unsupported_grant_type', error_description: 'Unsupported grant type: magic' } });
      const scoped = await token({ scope: 'read:log_streams delete:users' });
      expect(scoped).toEqual({ status: 403, body: { error: 'access_denied', error_description: 'Client has not been granted scopes: delete:users' } });
      const narrowed = await token({ scope: 'read:log_streams' });
      expect(narrowed.body.scope).toBe('read:log_streams');
      const failures = logs().filter((l) => l.type === 'feccft');
      expect(failures.map((l) => l.description)).toEqual(['Unauthorized', 'Unauthorized', 'Service not enabled within domain: https://example.com/api/v2/', 'Client has not been granted scopes: delete:users']);
      expect(failures[0]).toMatchObject({ client_id: DEFAULT_IDS.auth0ClientId, details: { error: { oauthError: 'access_denied' } } });
    });

    test('the SDK surfaces a wrong secret as a 401 ManagementError with Auth0 body', async () => {
      const err = await sdkError(client(DEFAULT_IDS.auth0ClientId, 'wrong-secret').logStreams.list());
      expect(err.statusCode).toBe(401);
      expect(err.body).toEqual({ error: 'access_denied', error_description: 'Unauthorized' });
    });
  });

  describe('authentication and scopes on /api/v2', () => {
    test('401 without or with an invalid token (400 for a header that is not Bearer <JWT>), in Auth0 error bodies', async () => {
      const missing = await api('GET', '/api/v2/log-streams');
      expect(missing.status).toBe(401);
      expect(missing.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Missing authentication' });
      const opaque = await api('GET', '/api/v2/log-streams', 'not-a-jwt');
      expect(opaque.status).toBe(400);
      expect(opaque.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Bad HTTP authentication header format' });
      const garbage = await api('GET', '/api/v2/log-streams', 'eyJhbGciOiJub25lIn0.e30.');
      expect(garbage.status).toBe(401);
      expect(garbage.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Invalid token', attributes: { error: 'Invalid token' } });
      const { body: tok } = await token();
      const [h, p] = tok.access_token.split('.');
      const forged = `${h}.${p}.${Buffer.from('forged').toString('base64url')}`;
      expect((await api('GET', '/api/v2/log-streams', forged)).body.message).toBe('Invalid signature received for JSON Web Token validation');
      const fapi = logs().filter((l) => l.type === 'fapi');
      expect(fapi.map((l) => l.description)).toEqual(['Missing authentication', 'Bad HTTP authentication header format', 'Invalid token', 'Invalid signature received for JSON Web Token validation']);
    });

    test('an expired token is refused once the sandbox clock passes its expiry', async () => {
      const { body: tok } = await token();
      expect((await api('GET', '/api/v2/log-streams', tok.access_token)).status).toBe(200);
      advance(86_400_000 + 600_000);
      const res = await api('GET', '/api/v2/log-streams', tok.access_token);
      expect(res.status).toBe(401);
      expect(res.body.message).toBe('Expired token received for JSON Web Token validation');
    });

    test('the read-only client may list but not create: 403 insufficient_scope naming the scope', async () => {
      const ro = readOnly();
      expect(await ro.logStreams.list()).toEqual([]);
      const err = await sdkError(ro.logStreams.create(eventGridBody() as Management.CreateLogStreamRequestContent));
      expect(err).toBeInstanceOf(Management.ForbiddenError);
      expect(err.statusCode).toBe(403);
      expect(err.body).toEqual({ statusCode: 403, error: 'Forbidden', message: 'Insufficient scope, expected any of: create:log_streams', errorCode: 'insufficient_scope' });
      for (const [call, scope] of [
        [() => ro.logStreams.update('lst_0000000000000001', { status: 'paused' }), 'update:log_streams'],
        [() => ro.logStreams.delete('lst_0000000000000001'), 'delete:log_streams'],
      ] as const) {
        expect((await sdkError(call())).body).toMatchObject({ message: `Insufficient scope, expected any of: ${scope}` });
      }
      expect(world().auth0Tenants.get(TENANT)!.logStreams.size).toBe(0);
      const denied = logs().filter((l) => l.type === 'fapi').map((l) => l.description);
      expect(denied).toEqual(['Insufficient scope, expected any of: create:log_streams', 'Insufficient scope, expected any of: update:log_streams', 'Insufficient scope, expected any of: delete:log_streams']);
    });
  });

  describe('eventgrid log streams and the partner topic', () => {
    test('full life through the SDK: create (200), topic after the delay, pause/resume, filters, immutable sink, delete (204)', async () => {
      authorizeAuth0();
      const c = client();
      const created = await createdStream(c);
      expect(created.id).toMatch(/^lst_\d{16}$/);
      expect(created).toMatchObject({
        name: 'azure-events',
        type: 'eventgrid',
        status: 'active',
        sink: { azureSubscriptionId: SUB, azureResourceGroup: GROUP, azureRegion: 'westus2' },
        filters: [{ type: 'category', name: 'auth.login.success' }],
      });
      expect(created.sink.azurePartnerTopic).toBeUndefined();
      expect(group().partnerTopics.size).toBe(0);
      expect((await c.logStreams.get(created.id)).sink).not.toHaveProperty('azurePartnerTopic');

      advance(60);
      const topics = [...group().partnerTopics.values()];
      expect(topics).toHaveLength(1);
      const topic = topics[0].resource;
      expect(topic.name).toMatch(/^[A-Za-z0-9-]{3,50}$/);
      expect(topic.name).toContain(TENANT);
      expect(topic.location).toBe('westus2');
      expect(topic.properties).toMatchObject({
        partnerRegistrationImmutableId: AUTH0_PARTNER.immutableId,
        source: `auth0.com/${TENANT}/log-streams/${created.id}`,
        activationState: 'NeverActivated',
        provisioningState: 'Succeeded',
      });
      expect(topic.properties.messageForActivation).toContain(TENANT);
      expect(Date.parse(topic.properties.expirationTimeIfNotActivatedUtc) - sb.context.clock.now()).toBeGreaterThan(6.9 * 86_400_000);
      expect(topics[0].createdBy).toEqual({ tenant: TENANT, streamId: created.id });

      const fetched = (await c.logStreams.get(created.id)) as Stream;
      expect(fetched.sink.azurePartnerTopic).toBe(topic.name);
      expect(((await c.logStreams.list()) as Stream[]).map((s) => s.id)).toEqual([created.id]);

      const paused = (await c.logStreams.update(created.id, { status: 'paused' })) as Stream;
      expect(paused.status).toBe('paused');
      const refiltered = (await c.logStreams.update(created.id, {
        status: 'active',
        filters: [
          { type: 'category', name: 'auth.login.fail' },
          { type: 'category', name: 'management.success' },
        ],
      })) as Stream;
      expect(refiltered.status).toBe('active');
      expect(refiltered.filters.map((f: any) => f.name)).toEqual(['auth.login.fail', 'management.success']);
      expect(refiltered.sink.azurePartnerTopic).toBe(topic.name);

      const immutable = await sdkError(c.logStreams.update(created.id, { sink: { azureRegion: 'eastus' } } as any));
      expect(immutable).toBeInstanceOf(Management.BadRequestError);
      expect(immutable.body).toMatchObject({ statusCode: 400, error: 'Bad Request', errorCode: 'invalid_body' });
      expect((immutable.body as any).message).toMatch(/sink of a log stream of type eventgrid cannot be updated.*delete the log stream and create a new one/);
      expect(((await c.logStreams.get(created.id)) as Stream).sink.azureRegion).toBe('westus2');

      const del = await c.logStreams.delete(created.id).withRawResponse();
      expect(del.rawResponse.status).toBe(204);
      const gone = await sdkError(c.logStreams.get(created.id));
      expect(gone).toBeInstanceOf(Management.NotFoundError);
      expect(gone.body).toMatchObject({ statusCode: 404, error: 'Not Found', message: 'The log stream does not exist.' });
      // Deleting the stream deletes Auth0's channel, and Event Grid the topic (streamDeletionTopicEffect: delete-topic).
      expect(group().partnerTopics.has(key(topic.name))).toBe(false);
      for (const call of [() => c.logStreams.update(created.id, { status: 'paused' }), () => c.logStreams.delete(created.id)]) {
        expect((await sdkError(call())).statusCode).toBe(404);
      }

      const sapi = logs().filter((l) => l.type === 'sapi');
      expect(sapi.map((l) => [l.description, (l.details as any).request.method, (l.details as any).response.statusCode])).toEqual([
        ['Create a log stream', 'post', 200],
        ['Update a log stream', 'patch', 200],
        ['Update a log stream', 'patch', 200],
        ['Delete log stream', 'delete', 204],
      ]);
      expect(sapi[0]).toMatchObject({
        client_id: DEFAULT_IDS.auth0ClientId,
        client_name: 'auth0-eventgrid',
        hostname: domain,
        details: { request: { path: '/api/v2/log-streams', body: { type: 'eventgrid' }, auth: { strategy: 'jwt' } }, response: { body: { id: created.id } } },
      });
      expect(logs().filter((l) => l.type === 'fapi').map((l) => (l.details as any).response.statusCode)).toEqual([400, 404, 404, 404]);
    });

    test("partner-path naming: sink.azurePartnerTopic is Auth0's path; the topic is found by immutable id and a source naming the tenant", async () => {
      authorizeAuth0();
      await admin(sb, 'PATCH', 'settings', { partnerTopicNaming: 'partner-path' });
      const c = client();
      const created = await createdStream(c);
      advance(60);
      const fetched = (await c.logStreams.get(created.id)) as Stream;
      expect(fetched.sink.azurePartnerTopic).toBe(`azure.partner/auth0.com/${TENANT}-${SUB}/auth0.logs`);
      expect(group().partnerTopics.has(key(fetched.sink.azurePartnerTopic))).toBe(false);
      const candidates = [...group().partnerTopics.values()].filter(
        (t) => t.resource.properties.partnerRegistrationImmutableId === AUTH0_PARTNER.immutableId && t.resource.properties.source.split('/').includes(TENANT),
      );
      expect(candidates).toHaveLength(1);
      expect(candidates[0].resource.name).toMatch(/^[A-Za-z0-9-]{3,50}$/);
      const view = await admin(sb, 'GET', `auth0/${TENANT}/log-streams`);
      expect(view.value[0].partnerTopic).toMatchObject({ name: candidates[0].resource.name, naming: 'partner-path', created: true, exists: true, activationState: 'NeverActivated' });
    });

    test('the create fails with a 400 saying what is missing when Auth0 may not create the topic', async () => {
      const c = client();
      const message = async (body = eventGridBody()) => {
        const err = await sdkError(c.logStreams.create(body as Management.CreateLogStreamRequestContent));
        expect(err).toBeInstanceOf(Management.BadRequestError);
        return (err.body as any).message as string;
      };
      expect(await message()).toMatch(/Microsoft\.EventGrid' is not registered in Azure subscription/);
      subscription().providers.set(key(EVENTGRID_NAMESPACE), { namespace: EVENTGRID_NAMESPACE, state: 'Registered' });
      expect(await message()).toMatch(/resource group 'auth0-events' has no partner configuration authorizing Auth0.*Authorize the partner Auth0 \(immutable id 804a11ca-ce9b-4158-8e94-3c8dc7a072ec\)/);
      authorizeAuth0(-60_000);
      expect(await message()).toMatch(/Auth0's authorization in resource group 'auth0-events' expired at \d{4}-/);
      authorizeAuth0();
      expect(await message(eventGridBody({ sink: { azureResourceGroup: 'missing-rg' } }))).toMatch(/resource group 'missing-rg' was not found/);
      expect(await message(eventGridBody({ sink: { azureSubscriptionId: '00000000-0000-0000-0000-000000000000' } }))).toMatch(/subscription '00000000-0000-0000-0000-000000000000' was not found/);
      expect(world().auth0Tenants.get(TENANT)!.logStreams.size).toBe(0);
      advance(60);
      expect(group().partnerTopics.size).toBe(0);
      // Once authorized the same body succeeds.
      await createdStream(c);
    });

    test('an expiry during the provisioning delay does not matter; a stream deleted before it gets no topic', async () => {
      // On the sandbox clock: authorized for 5 minutes, the topic appears after 10 (so the
      // authorization expires in between); real time spent creating the streams does not matter.
      sb.context.settings.partnerTopicDelayMs = 10 * 60_000;
      authorizeAuth0(5 * 60_000);
      const c = client();
      const kept = await createdStream(c);
      const dropped = await createdStream(c, eventGridBody({ name: 'dropped' }));
      await c.logStreams.delete(dropped.id);
      advance(11 * 60_000);
      expect([...group().partnerTopics.values()].map((t) => t.createdBy?.streamId)).toEqual([kept.id]);
    });

    test('payload validation: forbidden fields, regions, categories and startFrom are 400 invalid_body in Auth0 words', async () => {
      authorizeAuth0();
      const c = client();
      const cases: [Record<string, any>, string][] = [
        [eventGridBody({ sink: { azurePartnerTopic: 'my-topic' } }), "Payload validation error: 'Additional properties not allowed: azurePartnerTopic' on property sink."],
        [eventGridBody({ status: 'paused' }), "Payload validation error: 'Additional properties not allowed: status'."],
        [eventGridBody({ sink: { azureRegion: 'mars' } }), `Payload validation error: 'No enum match for: "mars"' on property sink.azureRegion (Azure Region Name).`],
        [eventGridBody({ filters: [{ type: 'category', name: 'auth.everything' }] }), `Payload validation error: 'No enum match for: "auth.everything"' on property filters[0].name (Category group name).`],
        [
          eventGridBody({ startFrom: 'yesterday' }),
          "Payload validation error: 'Object didn't pass validation for format date-time: yesterday' on property startFrom (The optional datetime (ISO 8601) to start streaming logs from).",
        ],
        [eventGridBody({ sink: { azureSubscriptionId: 'not-a-guid' } }), 'Payload validation error: \'String does not match pattern ^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$: not-a-guid\' on property sink.azureSubscriptionId (Subscription ID).'],
        [{ type: 'eventgrid', sink: { azureSubscriptionId: SUB, azureRegion: 'westus2' } }, "Payload validation error: 'Missing required property: azureResourceGroup' on property sink."],
        [{ type: 'pigeon', sink: {} }, `Payload validation error: 'No enum match for: "pigeon"' on property type.`],
        [eventGridBody({ isPriority: 'yes' }), "Payload validation error: 'Expected type boolean but found type string' on property isPriority (True for priority log streams, false for non-priority)."],
      ];
      for (const [body, message] of cases) {
        const err = await sdkError(c.logStreams.create(body as Management.CreateLogStreamRequestContent));
        expect(err.statusCode).toBe(400);
        expect(err.body).toEqual({ statusCode: 400, error: 'Bad Request', message, errorCode: 'invalid_body' });
      }
      const future = await sdkError(c.logStreams.create(eventGridBody({ startFrom: new Date(sb.context.clock.now() + 86_400_000).toISOString() }) as any));
      expect((future.body as any).message).toMatch(/startFrom must not be in the future/);
      expect(world().auth0Tenants.get(TENANT)!.logStreams.size).toBe(0);
      // The valid extremes are accepted: every region and every category.
      const all = await createdStream(c, eventGridBody({ sink: { azureRegion: AZURE_REGIONS[0] }, filters: FILTER_CATEGORIES.map((name) => ({ type: 'category', name })), startFrom: new Date(sb.context.clock.now() - 3_600_000).toISOString() }));
      expect(all.filters).toHaveLength(20);
      expect(AZURE_REGIONS).toHaveLength(34);
      const badPatch = await sdkError(c.logStreams.update(all.id, { status: 'broken' } as any));
      expect((badPatch.body as any).message).toBe(`Payload validation error: 'No enum match for: "broken"' on property status (The status of the log stream. Possible values: \`active\`, \`paused\`, \`suspended\`).`);
      const malformed = await api('POST', '/api/v2/log-streams', (await token()).body.access_token);
      expect(malformed.status).toBe(400);
    });

    test('other stream types are accepted with their sinks validated, and their sinks may be patched', async () => {
      const c = client();
      const http = await createdStream(c, { name: 'webhook', type: 'http', sink: { httpEndpoint: 'https://example.com/hook', httpContentFormat: 'JSONLINES', httpAuthorization: 'Bearer s3cret' } });
      expect(http).toMatchObject({ type: 'http', status: 'active', sink: { httpEndpoint: 'https://example.com/hook' } });
      const patched = (await c.logStreams.update(http.id, { sink: { httpEndpoint: 'https://example.com/other' } })) as Stream;
      expect(patched.sink).toMatchObject({ httpEndpoint: 'https://example.com/other', httpContentFormat: 'JSONLINES' });
      const insecure = await sdkError(c.logStreams.create({ type: 'http', sink: { httpEndpoint: 'http://example.com' } }));
      expect((insecure.body as any).message).toBe("Payload validation error: 'String does not match pattern ^https://.*: http://example.com' on property sink.httpEndpoint (HTTP endpoint).");
      const bridge = await createdStream(c, { type: 'eventbridge', sink: { awsAccountId: '123456789012', awsRegion: 'us-east-1' } });
      expect(bridge.sink.awsPartnerEventSource).toMatch(/^aws\.partner\/auth0\.com\/dev-tenant-[0-9a-f-]+\/auth0\.logs$/);
      expect((await sdkError(c.logStreams.update(bridge.id, { sink: { awsRegion: 'us-west-2' } } as any))).statusCode).toBe(400);
      // Secrets of sinks never reach the log records.
      expect(JSON.stringify(logs())).not.toContain('s3cret');
    });

    test('409 at the tenant stream limit', async () => {
      world().auth0Tenants.get(TENANT)!.streamLimit = 1;
      const c = client();
      await createdStream(c, { type: 'sumo', sink: { sumoSourceAddress: 'https://sumo.example.com/x' } });
      const err = await sdkError(c.logStreams.create({ type: 'sumo', sink: { sumoSourceAddress: 'https://sumo.example.com/y' } }));
      expect(err).toBeInstanceOf(Management.ConflictError);
      expect(err.body).toMatchObject({ statusCode: 409, error: 'Conflict', message: 'You have reached the maximum number of log streams for your account.' });
    });

    test('an unactivated topic is deleted after 7 days; an activated one stays', async () => {
      authorizeAuth0(30 * 86_400_000);
      const c = client();
      const a = await createdStream(c);
      const b = await createdStream(c, eventGridBody({ name: 'activated' }));
      advance(60);
      const topicOf = (id: string) => [...group().partnerTopics.values()].find((t) => t.createdBy?.streamId === id);
      expect(topicOf(a.id)).toBeDefined();
      topicOf(b.id)!.resource.properties.activationState = 'Activated';
      advance(7 * 86_400_000 - 120_000);
      expect(topicOf(a.id)).toBeDefined();
      await admin(sb, 'POST', 'clock', { advance: '3m' });
      expect(topicOf(a.id)).toBeUndefined();
      expect(topicOf(b.id)).toBeDefined();
      // Auth0 does not notice: the stream still exists and names its (now deleted) topic.
      const fresh = client();
      expect(((await fresh.logStreams.get(a.id)) as Stream).sink.azurePartnerTopic).toMatch(/^auth0-dev-tenant-\d{16}$/);
    });
  });

  describe('rate limits', () => {
    test('x-ratelimit headers on every answer, with a nominal limit when unlimited', async () => {
      const { body: tok } = await token();
      for (const res of [await api('GET', '/api/v2/log-streams', tok.access_token), await api('GET', '/api/v2/log-streams/lst_404', tok.access_token), await api('GET', '/api/v2/log-streams')]) {
        expect(Number(res.headers.get('x-ratelimit-limit'))).toBe(50);
        expect(Number(res.headers.get('x-ratelimit-remaining'))).toBeGreaterThan(0);
        const reset = Number(res.headers.get('x-ratelimit-reset'));
        expect(reset).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000));
        expect(reset).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 2);
      }
    });

    test('429 Too Many Requests past auth0RateLimitPerSecond, logged as api_limit', async () => {
      await admin(sb, 'PATCH', 'settings', { auth0RateLimitPerSecond: 3 });
      const { body: tok } = await token();
      const answers = await Promise.all(Array.from({ length: 12 }, () => api('GET', '/api/v2/log-streams', tok.access_token)));
      const limited = answers.filter((a) => a.status === 429);
      expect(limited.length).toBeGreaterThan(0);
      expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(3);
      const first = limited[0];
      expect(first.body).toEqual({ statusCode: 429, error: 'Too Many Requests', message: 'Global limit has been reached', errorCode: 'too_many_requests' });
      expect(first.headers.get('x-ratelimit-limit')).toBe('3');
      expect(first.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(Number(first.headers.get('x-ratelimit-reset'))).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000));
      expect(logs().filter((l) => l.type === 'api_limit')).toHaveLength(limited.length);
      // The SDK (retries off) throws its TooManyRequestsError.
      const c = client();
      await c.logStreams.list().catch(() => undefined);
      const errs = await Promise.all(Array.from({ length: 6 }, () => c.logStreams.list().then(() => undefined, (e) => e)));
      expect(errs.some((e) => e instanceof Management.TooManyRequestsError)).toBe(true);
    });
  });

  describe('log records', () => {
    // The published schema is part of the repository (specs/auth0): a missing file fails here.
    const schemaFile = `${SPEC_DIR}/auth0-log-schemas.all-log-types.schema.json`;
    if (!existsSync(schemaFile)) throw new Error(`${schemaFile} is missing: the specs are part of the repository (specs/).`);
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
    function validator() {
      const Ajv = ((AjvModule as any).default ?? AjvModule) as any;
      const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as any;
      const ajv = new Ajv({ strict: false, allErrors: true });
      addFormats(ajv);
      ajv.addSchema(schema, 'logs');
      return (record: Record<string, unknown>) => {
        // fapi is not in the published schema: check it against sapi's, its success counterpart.
        const ref = record.type === 'fapi' ? 'sapi' : String(record.type);
        const v = ajv.getSchema(`logs#/definitions/${ref}`);
        if (!v) return [`no schema for ${ref}`];
        const ok = v(record.type === 'fapi' ? { ...record, type: 'sapi' } : record);
        return ok ? [] : v.errors.map((e: any) => `${record.type}: ${e.instancePath} ${e.message}`);
      };
    }

    test('records of served calls (seccft, feccft, sapi, fapi, api_limit) are valid against the published log schema', async () => {
      authorizeAuth0();
      await token({ client_secret: 'bad' });
      const c = client();
      const s = await createdStream(c);
      await c.logStreams.update(s.id, { status: 'paused' });
      expect((await sdkError(readOnly().logStreams.delete(s.id))).statusCode).toBe(403);
      await admin(sb, 'PATCH', 'settings', { auth0RateLimitPerSecond: 2 });
      const { body: tok } = await token();
      await Promise.all(Array.from({ length: 6 }, () => api('DELETE', `/api/v2/log-streams/${s.id}`, tok.access_token)));
      const types = new Set(logs().map((l) => l.type));
      for (const t of ['seccft', 'feccft', 'sapi', 'fapi', 'api_limit']) expect(types).toContain(t);
      for (const l of logs()) {
        expect(l.log_id).toMatch(/^900\d{53}$/);
        expect(l).toMatchObject({ tenant_name: TENANT, environment_name: expect.any(String), description: expect.any(String), date: expect.any(String) });
      }
      const ids = logs().map((l) => l.log_id);
      expect([...ids].sort()).toEqual(ids);
      if (!schema) {
        console.warn(`SKIPPED: schema validation of log records (${SPEC_DIR} is not present)`);
        return;
      }
      const check = validator();
      expect(logs().flatMap((l) => check(l))).toEqual([]);
    });

    test('admin: append records of any code, list with ?type= and ?from=, refuse unknown codes', async () => {
      const added = await admin(sb, 'POST', `auth0/${TENANT}/logs`, [{ type: 's', description: 'Success Login', user_name: 'ada@example.com' }, { type: 'f' }, { type: 'slo' }]);
      expect(added.value).toHaveLength(3);
      expect(added.value[0]).toMatchObject({ type: 's', description: 'Success Login', user_name: 'ada@example.com', strategy: 'auth0', strategy_type: 'database', tenant_name: TENANT, ip: '127.0.0.1' });
      expect(added.value[1]).toMatchObject({ type: 'f', description: 'Failed Login' });
      const onlyS = await admin(sb, 'GET', `auth0/${TENANT}/logs?type=s`);
      expect(onlyS.value.map((l: any) => l.type)).toEqual(['s']);
      const after = await admin(sb, 'GET', `auth0/${TENANT}/logs?from=${added.value[0].log_id}`);
      expect(after.value.map((l: any) => l.type)).toEqual(['f', 'slo']);
      const twoTypes = await admin(sb, 'GET', `auth0/${TENANT}/logs?type=s,slo&take=1`);
      expect(twoTypes.value.map((l: any) => l.type)).toEqual(['s']);

      const bad = await fetch(`${sb.endpoints.arm}/_sandbox/auth0/${TENANT}/logs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'zz' }) });
      expect(bad.status).toBe(400);
      expect((await bad.json()).error).toMatchObject({ code: 'InvalidLogRecord', message: expect.stringContaining('"zz" is not an Auth0 log event type code') });
      const unknownTenant = await fetch(`${sb.endpoints.arm}/_sandbox/auth0/nobody/logs`);
      expect(unknownTenant.status).toBe(404);
      expect((await unknownTenant.json()).error.code).toBe('TenantNotFound');
      expect(() => writeLogRecord(sb.context, TENANT, { type: 'nope' })).toThrow(/not an Auth0 log event type code/);
    });

    test('every code of the published schema yields a record valid against it', async () => {
      const codes = Object.values(LOG_CODES).filter((c) => c.inSchema);
      expect(codes.length).toBeGreaterThan(150);
      const { value } = await admin(sb, 'POST', `auth0/${TENANT}/logs`, codes.map((c) => ({ type: c.code })));
      expect(value).toHaveLength(codes.length);
      if (!schema) {
        console.warn(`SKIPPED: schema validation of generated log records (${SPEC_DIR} is not present)`);
        return;
      }
      const check = validator();
      const tenantLog = new (((AjvModule as any).default ?? AjvModule) as any)({ strict: false });
      ((addFormatsModule as any).default ?? addFormatsModule)(tenantLog);
      const validTenantLog = tenantLog.compile(schema);
      expect(value.flatMap((l: any) => check(l))).toEqual([]);
      expect(value.filter((l: any) => !validTenantLog(l)).map((l: any) => l.type)).toEqual([]);
    });

    test('admin: streams with their partner-side state, and a status patch to model a suspended stream', async () => {
      authorizeAuth0();
      const c = client();
      const s = await createdStream(c);
      let view = await admin(sb, 'GET', `auth0/${TENANT}/log-streams`);
      expect(view.value[0].partnerTopic).toMatchObject({ created: false, exists: false, naming: 'resource-name' });
      advance(60);
      view = await admin(sb, 'GET', `auth0/${TENANT}/log-streams`);
      expect(view.value[0].partnerTopic).toMatchObject({ created: true, exists: true, activationState: 'NeverActivated' });
      await admin(sb, 'PATCH', `auth0/${TENANT}/log-streams/${s.id}`, { status: 'suspended' });
      expect(((await c.logStreams.get(s.id)) as Stream).status).toBe('suspended');
      const resumed = (await c.logStreams.update(s.id, { status: 'active' })) as Stream;
      expect(resumed.status).toBe('active');
      await expect(admin(sb, 'PATCH', `auth0/${TENANT}/log-streams/${s.id}`, { status: 'gone' })).rejects.toThrow(/InvalidLogStreamPatch/);
    });
  });
});
