/**
 * The whole manual procedure (DESIGN.md, "The procedure being automated") with the real SDKs against
 * one sandbox, in order: sign-in (client secret, and federated through the sandbox's GitHub Actions
 * OIDC issuer) → register Microsoft.EventGrid → authorize Auth0 → create the Auth0 eventgrid log
 * stream → the partner topic appears → activate it → subscribe a webhook (LRO) → renew → unauthorize
 * → teardown. Then the errors of each service as the SDKs surface them.
 */
import { ClientAssertionCredential, ClientSecretCredential } from '@azure/identity';
import type { TokenCredential } from '@azure/core-auth';
import { ResourceManagementClient } from '@azure/arm-resources';
import { EventGridManagementClient, type PartnerTopic } from '@azure/arm-eventgrid';
import { getIDToken } from '@actions/core';
import { ManagementClient, ManagementError, Management } from 'auth0';
import { decodeJwt } from 'jose';
import { testSandbox, admin } from './helpers/sandbox.js';
import { DEFAULT_IDS, type Sandbox } from '../sandbox/index.js';

const ARM_SCOPE = 'https://management.azure.com/.default';
const EXCHANGE = 'api://AzureADTokenExchange';
const AUTH0_ID = '804a11ca-ce9b-4158-8e94-3c8dc7a072ec';
const CONTOSO = { partnerRegistrationImmutableId: '941892bc-f5d0-4d1c-8fb5-477570fc2b71', partnerName: 'Contoso.Finance' };
const SUB = DEFAULT_IDS.subscriptionId;
const RG = DEFAULT_IDS.resourceGroup;
const TENANT = DEFAULT_IDS.tenantId;
const AUTH0_TENANT = DEFAULT_IDS.auth0Tenant;
const DAY = 86_400_000;
const HOOK = 'https://hooks.example.com/auth0/events?code=s3cr3t-function-key';
const LRO = { updateIntervalInMs: 100 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** getIDToken announces the token as a secret on stdout (`::add-mask::`): keep the test output clean. */
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
async function rejection<T = any>(p: Promise<unknown>): Promise<T> {
  try {
    await p;
  } catch (e) {
    return e as T;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** Polls `fn` until it returns a truthy value (or fails after `ms`). */
async function until<T>(what: string, fn: () => Promise<T | undefined | false>, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('the whole procedure with the real SDKs against one sandbox', () => {
  let sb: Sandbox;
  const savedEnv = { url: process.env.ACTIONS_ID_TOKEN_REQUEST_URL, token: process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN };

  const identityOptions = () => ({ authorityHost: sb.endpoints.entra, disableInstanceDiscovery: true });
  const secretCredential = (clientId: string = DEFAULT_IDS.clientId, secret: string = DEFAULT_IDS.clientSecret) =>
    new ClientSecretCredential(TENANT, clientId, secret, identityOptions());
  const federatedCredential = () => new ClientAssertionCredential(TENANT, DEFAULT_IDS.clientId, () => quietly(() => getIDToken(EXCHANGE)), identityOptions());
  const resources = (credential: TokenCredential) => new ResourceManagementClient(credential, SUB, { endpoint: sb.endpoints.arm, credentialScopes: [ARM_SCOPE] });
  const eventGrid = (credential: TokenCredential) =>
    new EventGridManagementClient(credential, SUB, { endpoint: sb.endpoints.arm, credentialScopes: [ARM_SCOPE], apiVersion: '2025-02-15' });
  const auth0 = (clientId: string = DEFAULT_IDS.auth0ClientId, clientSecret: string = DEFAULT_IDS.auth0ClientSecret, maxRetries?: number) =>
    new ManagementClient({ domain: sb.endpoints.auth0[AUTH0_TENANT].domain, clientId, clientSecret, ...(maxRetries === undefined ? {} : { maxRetries }) });
  const armLog = (since: number) => sb.context.requestLog.list({ since, service: 'arm' });
  const now = () => sb.context.clock.now();

  beforeAll(async () => {
    sb = await testSandbox();
    const github = sb.info().github;
    process.env.ACTIONS_ID_TOKEN_REQUEST_URL = github.idTokenRequestUrl;
    process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = github.idTokenRequestToken;
  });
  afterAll(async () => {
    for (const [k, v] of [['ACTIONS_ID_TOKEN_REQUEST_URL', savedEnv.url], ['ACTIONS_ID_TOKEN_REQUEST_TOKEN', savedEnv.token]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await sb?.stop();
  });

  describe('the procedure, in order', () => {
    let secret: ClientSecretCredential;
    let federated: ClientAssertionCredential;
    let streamId = '';
    let topic: PartnerTopic;

    test('1. sign in: ClientSecretCredential and, separately, ClientAssertionCredential with a GitHub Actions OIDC token', async () => {
      secret = secretCredential();
      const bySecret = await secret.getToken(ARM_SCOPE);
      expect(decodeJwt(bySecret.token)).toMatchObject({ appid: DEFAULT_IDS.clientId, tid: TENANT, aud: 'https://management.azure.com' });

      const idToken = decodeJwt(await quietly(() => getIDToken(EXCHANGE)));
      expect(idToken).toMatchObject({ iss: sb.info().github.oidcIssuer, aud: EXCHANGE, sub: DEFAULT_IDS.federatedSubject });
      const mark = sb.context.requestLog.mark();
      federated = federatedCredential();
      const byAssertion = await federated.getToken(ARM_SCOPE);
      expect(decodeJwt(byAssertion.token)).toMatchObject({ appid: DEFAULT_IDS.clientId, tid: TENANT, appidacr: '2' });
      const calls = sb.context.requestLog.list({ since: mark });
      expect(calls.some((e) => e.service === 'oidc' && e.operation === 'idtoken' && e.status === 200)).toBe(true);
      expect(calls.some((e) => e.service === 'entra' && e.operation === 'token.v2' && e.status === 200)).toBe(true);

      // Both are accepted by ARM.
      for (const credential of [secret, federated]) {
        expect((await resources(credential).providers.get('Microsoft.EventGrid')).registrationState).toBe('NotRegistered');
      }
    });

    test('2. register Microsoft.EventGrid (ResourceManagementClient) and poll until Registered', async () => {
      const rm = resources(secret);
      const started = await rm.providers.register('Microsoft.EventGrid');
      expect(started.namespace).toBe('Microsoft.EventGrid');
      expect(['Registering', 'Registered']).toContain(started.registrationState);
      const done = await until('Registered', async () => {
        const p = await rm.providers.get('Microsoft.EventGrid');
        return p.registrationState === 'Registered' && p;
      });
      expect(done.resourceTypes?.map((t) => t.resourceType)).toEqual(expect.arrayContaining(['partnerConfigurations', 'partnerTopics', 'partnerTopics/eventSubscriptions']));
    });

    test('3. authorize Auth0 in the group’s partner configuration (another partner already there)', async () => {
      const eg = eventGrid(federated);
      await eg.partnerConfigurations.authorizePartner(RG, CONTOSO);
      const expiry = new Date(now() + 7 * DAY - 60_000);
      const cfg = await eg.partnerConfigurations.authorizePartner(RG, { partnerRegistrationImmutableId: AUTH0_ID, partnerName: 'Auth0', authorizationExpirationTimeInUtc: expiry });
      expect(cfg.partnerAuthorization?.authorizedPartnersList?.map((p) => p.partnerName)).toEqual(['Contoso.Finance', 'Auth0']);
      const auth0Entry = cfg.partnerAuthorization!.authorizedPartnersList!.find((p) => p.partnerRegistrationImmutableId === AUTH0_ID)!;
      expect(auth0Entry.authorizationExpirationTimeInUtc?.toISOString()).toBe(expiry.toISOString());
    });

    test('4. create the Auth0 eventgrid log stream; the partner topic appears in the group', async () => {
      const created = await auth0().logStreams
        .create({
          type: 'eventgrid',
          name: 'azure-event-grid',
          sink: { azureSubscriptionId: SUB, azureRegion: 'westus2', azureResourceGroup: RG },
          filters: [
            { type: 'category', name: 'auth.login.fail' },
            { type: 'category', name: 'auth.login.success' },
          ],
        } as Management.CreateLogStreamRequestContent)
        .withRawResponse();
      expect(created.rawResponse.status).toBe(200);
      const stream = created.data as Record<string, any>;
      expect(stream).toMatchObject({ type: 'eventgrid', status: 'active' });
      streamId = stream.id;

      const eg = eventGrid(federated);
      topic = await until('the partner topic', async () => (await all(eg.partnerTopics.listByResourceGroup(RG))).find((t) => t.partnerRegistrationImmutableId === AUTH0_ID));
      expect(topic).toMatchObject({ activationState: 'NeverActivated', location: 'westus2' });
      expect(topic.expirationTimeIfNotActivatedUtc!.getTime()).toBeGreaterThan(now());
      const after = (await auth0().logStreams.get(streamId)) as Record<string, any>;
      // What sink.azurePartnerTopic holds is not public: the sandbox's partnerTopicNaming decides.
      const naming = sb.context.settings.partnerTopicNaming;
      expect(after.sink.azurePartnerTopic).toBe(
        naming === 'resource-name' ? topic.name : naming === 'partner-path' ? `azure.partner/auth0.com/${AUTH0_TENANT}-${SUB}/auth0.logs` : undefined,
      );
    });

    test('5. activate the topic after checking its partner and its source', async () => {
      expect(topic.partnerRegistrationImmutableId).toBe(AUTH0_ID);
      expect(topic.source).toContain(AUTH0_TENANT);
      const activated = await eventGrid(federated).partnerTopics.activate(RG, topic.name!);
      expect(activated.activationState).toBe('Activated');
      expect((await eventGrid(secret).partnerTopics.get(RG, topic.name!)).activationState).toBe('Activated');
    });

    test('6. subscribe a webhook: beginCreateOrUpdateAndWait follows the LRO through Azure-AsyncOperation', async () => {
      const mark = sb.context.requestLog.mark();
      const es = await eventGrid(federated).partnerTopicEventSubscriptions.beginCreateOrUpdateAndWait(
        RG,
        topic.name!,
        'auth0-webhook',
        {
          destination: { endpointType: 'WebHook', endpointUrl: HOOK, maxEventsPerBatch: 10 } as any,
          filter: { includedEventTypes: ['f', 's'] },
          eventDeliverySchema: 'CloudEventSchemaV1_0',
          retryPolicy: { maxDeliveryAttempts: 3, eventTimeToLiveInMinutes: 60 },
        },
        LRO,
      );
      expect(es.provisioningState).toBe('Succeeded');
      expect((es.destination as any).endpointBaseUrl).toBe('https://hooks.example.com/auth0/events');
      const ops = armLog(mark).map((e) => `${e.method} ${e.operation} ${e.status}`);
      expect(ops[0]).toBe('PUT PartnerTopicEventSubscriptions_CreateOrUpdate 201');
      expect(ops).toContain('GET OperationsStatus_Get 200');
      const eg = eventGrid(secret);
      expect((await eg.partnerTopicEventSubscriptions.getFullUrl(RG, topic.name!, 'auth0-webhook')).endpointUrl).toBe(HOOK);
      expect((await all(eg.partnerTopicEventSubscriptions.listByPartnerTopic(RG, topic.name!))).map((s) => s.name)).toEqual(['auth0-webhook']);
    });

    test('7. renew: authorizePartner with a later expiry keeps the other partner’s entry', async () => {
      const eg = eventGrid(federated);
      const before = await eg.partnerConfigurations.get(RG);
      const contosoExpiry = before.partnerAuthorization!.authorizedPartnersList!.find((p) => p.partnerName === 'Contoso.Finance')!.authorizationExpirationTimeInUtc!;
      // Raise the maximum first, then renew for 30 days.
      await eg.partnerConfigurations.beginUpdateAndWait(RG, { defaultMaximumExpirationTimeInDays: 30 }, LRO);
      const later = new Date(now() + 30 * DAY - 60_000);
      const renewed = await eg.partnerConfigurations.authorizePartner(RG, { partnerRegistrationImmutableId: AUTH0_ID, authorizationExpirationTimeInUtc: later });
      const list = renewed.partnerAuthorization!.authorizedPartnersList!;
      expect(list.map((p) => p.partnerRegistrationImmutableId)).toEqual([CONTOSO.partnerRegistrationImmutableId, AUTH0_ID]);
      expect(list[0].authorizationExpirationTimeInUtc!.getTime()).toBe(contosoExpiry.getTime());
      expect(list[1].authorizationExpirationTimeInUtc!.toISOString()).toBe(later.toISOString());
    });

    test('8. unauthorize Auth0: only its entry goes', async () => {
      const cfg = await eventGrid(secret).partnerConfigurations.unauthorizePartner(RG, { partnerRegistrationImmutableId: AUTH0_ID });
      expect(cfg.partnerAuthorization!.authorizedPartnersList!.map((p) => p.partnerName)).toEqual(['Contoso.Finance']);
    });

    test('9. teardown: delete the event subscription (LRO), the topic (LRO), the stream (204)', async () => {
      const eg = eventGrid(federated);
      let mark = sb.context.requestLog.mark();
      await eg.partnerTopicEventSubscriptions.beginDeleteAndWait(RG, topic.name!, 'auth0-webhook', LRO);
      expect(armLog(mark)[0]).toMatchObject({ method: 'DELETE', operation: 'PartnerTopicEventSubscriptions_Delete', status: 202 });
      expect(await all(eg.partnerTopicEventSubscriptions.listByPartnerTopic(RG, topic.name!))).toEqual([]);

      mark = sb.context.requestLog.mark();
      await eg.partnerTopics.beginDeleteAndWait(RG, topic.name!, LRO);
      expect(armLog(mark)[0]).toMatchObject({ method: 'DELETE', operation: 'PartnerTopics_Delete', status: 202 });
      expect(await all(eg.partnerTopics.listByResourceGroup(RG))).toEqual([]);

      const deleted = await auth0().logStreams.delete(streamId).withRawResponse();
      expect(deleted.rawResponse.status).toBe(204);
      expect(await auth0().logStreams.list()).toEqual([]);
    });
  });

  describe('the errors of each service, through the SDKs', () => {
    beforeAll(async () => {
      await admin(sb, 'POST', 'reset');
    });
    afterEach(async () => {
      await admin(sb, 'PATCH', 'settings', { armRateLimitPerSecond: 0, auth0RateLimitPerSecond: 0 });
    });

    test('ARM 409 MissingSubscriptionRegistration before Microsoft.EventGrid is registered', async () => {
      const err = await rejection(eventGrid(secretCredential()).partnerConfigurations.get(RG));
      expect(err).toMatchObject({ statusCode: 409, code: 'MissingSubscriptionRegistration' });
      expect(err.message).toContain("namespace 'Microsoft.EventGrid'");
      const topics = await rejection(all(eventGrid(secretCredential()).partnerTopics.listByResourceGroup(RG)));
      expect(topics).toMatchObject({ statusCode: 409, code: 'MissingSubscriptionRegistration' });
    });

    test('ARM 403 AuthorizationFailed: a group-scoped principal registering, a Reader writing', async () => {
      const rgOnly = secretCredential(DEFAULT_IDS.rgOnlyClientId, DEFAULT_IDS.rgOnlySecret);
      const register = await rejection(resources(rgOnly).providers.register('Microsoft.EventGrid'));
      expect(register).toMatchObject({ statusCode: 403, code: 'AuthorizationFailed' });
      expect(register.message).toContain('Microsoft.EventGrid/register/action');

      await resources(secretCredential()).providers.register('Microsoft.EventGrid');
      await until('Registered', async () => (await resources(secretCredential()).providers.get('Microsoft.EventGrid')).registrationState === 'Registered');
      const reader = eventGrid(secretCredential(DEFAULT_IDS.readerClientId, DEFAULT_IDS.readerSecret));
      const write = await rejection(reader.partnerConfigurations.authorizePartner(RG, { partnerRegistrationImmutableId: AUTH0_ID }));
      expect(write).toMatchObject({ statusCode: 403, code: 'AuthorizationFailed' });
      expect(write.message).toContain('Microsoft.EventGrid/partnerConfigurations/authorizePartner/action');
      // Reading is allowed to the Reader, and the group-scoped principal may authorize in its group.
      expect(await all(reader.partnerTopics.listByResourceGroup(RG))).toEqual([]);
      const byGroupPrincipal = await eventGrid(rgOnly).partnerConfigurations.authorizePartner(RG, { partnerRegistrationImmutableId: AUTH0_ID });
      expect(byGroupPrincipal.partnerAuthorization?.authorizedPartnersList).toHaveLength(1);
    });

    test('ARM 404 ResourceGroupNotFound and ResourceNotFound', async () => {
      const eg = eventGrid(secretCredential());
      expect(await rejection(eg.partnerConfigurations.get('no-such-group'))).toMatchObject({ statusCode: 404, code: 'ResourceGroupNotFound' });
      expect(await rejection(eg.partnerTopics.get(RG, 'no-such-topic'))).toMatchObject({ statusCode: 404, code: 'ResourceNotFound' });
      expect(await rejection(eg.partnerTopics.activate(RG, 'no-such-topic'))).toMatchObject({ statusCode: 404, code: 'ResourceNotFound' });
    });

    test('ARM 429 SubscriptionRequestsThrottled with Retry-After: the SDK waits and retries through', async () => {
      await admin(sb, 'PATCH', 'settings', { armRateLimitPerSecond: 2 });
      // Every attempt the SDK makes, as it sees the answer (a per-retry pipeline policy).
      const attempts: { status: number; retryAfter?: string; code?: string; at: number }[] = [];
      const eg = new EventGridManagementClient(secretCredential(), SUB, {
        endpoint: sb.endpoints.arm,
        credentialScopes: [ARM_SCOPE],
        apiVersion: '2025-02-15',
        additionalPolicies: [
          {
            position: 'perRetry',
            policy: {
              name: 'record-attempts',
              async sendRequest(request, next) {
                const response = await next(request);
                const code = response.status === 429 ? JSON.parse(response.bodyAsText ?? '{}').error?.code : undefined;
                attempts.push({ status: response.status, retryAfter: response.headers.get('retry-after'), code, at: Date.now() });
                return response;
              },
            },
          },
        ],
      });
      const mark = sb.context.requestLog.mark();
      const started = Date.now();
      const results = await Promise.all(Array.from({ length: 5 }, () => eg.partnerConfigurations.get(RG)));
      expect(results.every((r) => r.name === 'default')).toBe(true);
      const throttled = attempts.filter((a) => a.status === 429);
      expect(throttled.length).toBeGreaterThan(0);
      expect(throttled.every((a) => a.code === 'SubscriptionRequestsThrottled' && Number(a.retryAfter) >= 1)).toBe(true);
      expect(attempts.filter((a) => a.status === 200)).toHaveLength(5);
      // The SDK honoured Retry-After (at least a second) before the last attempt succeeded.
      expect(Math.max(...attempts.map((a) => a.at)) - started).toBeGreaterThanOrEqual(900);
      expect(armLog(mark).map((e) => e.status).filter((s) => s === 429)).toHaveLength(throttled.length);
    }, 30_000);

    test('Auth0 401 for a wrong client secret', async () => {
      const err = await rejection<ManagementError>(auth0(DEFAULT_IDS.auth0ClientId, 'not-the-secret', 0).logStreams.list());
      expect(err).toBeInstanceOf(ManagementError);
      expect(err.statusCode).toBe(401);
    });

    test('Auth0 403 insufficient_scope for the read-only client writing', async () => {
      const ro = auth0(DEFAULT_IDS.auth0ReadOnlyClientId, DEFAULT_IDS.auth0ReadOnlyClientSecret, 0);
      expect(await ro.logStreams.list()).toEqual([]);
      const err = await rejection<ManagementError>(
        ro.logStreams.create({ type: 'eventgrid', sink: { azureSubscriptionId: SUB, azureRegion: 'westus2', azureResourceGroup: RG } } as Management.CreateLogStreamRequestContent),
      );
      expect(err.statusCode).toBe(403);
      expect(err.body).toMatchObject({ errorCode: 'insufficient_scope', message: expect.stringContaining('create:log_streams') });
    });

    test('Auth0 400 for fields Auth0 sets itself (status, sink.azurePartnerTopic)', async () => {
      const sink = { azureSubscriptionId: SUB, azureRegion: 'westus2', azureResourceGroup: RG };
      for (const body of [
        { type: 'eventgrid', status: 'active', sink },
        { type: 'eventgrid', sink: { ...sink, azurePartnerTopic: 'my-topic' } },
      ]) {
        const err = await rejection<ManagementError>(auth0(undefined, undefined, 0).logStreams.create(body as Management.CreateLogStreamRequestContent));
        expect(err).toBeInstanceOf(Management.BadRequestError);
        expect(err.statusCode).toBe(400);
        expect(err.body).toMatchObject({ errorCode: 'invalid_body' });
      }
      expect(sb.context.world.auth0Tenants.get(AUTH0_TENANT)!.logStreams.size).toBe(0);
    });

    test('Auth0 429: without retries the SDK surfaces TooManyRequestsError; with its retries it gets through', async () => {
      await admin(sb, 'PATCH', 'settings', { auth0RateLimitPerSecond: 2 });
      const noRetry = auth0(undefined, undefined, 0);
      const settled = await Promise.all(Array.from({ length: 5 }, () => noRetry.logStreams.list().then(() => undefined, (e) => e)));
      const throttled = settled.filter((e) => e instanceof Management.TooManyRequestsError);
      expect(throttled.length).toBeGreaterThan(0);
      expect(throttled[0].statusCode).toBe(429);

      await sleep(1100);
      const retrying = auth0();
      const lists = await Promise.all(Array.from({ length: 4 }, () => retrying.logStreams.list()));
      expect(lists).toEqual([[], [], [], []]);
    }, 30_000);
  });
});
