/**
 * Events actually flow: Auth0 log records → the tenant's eventgrid log stream → its partner topic → event
 * subscriptions → HTTPS webhook receivers started by the tests, all set up with the real SDKs (auth0
 * ManagementClient, @azure/arm-resources, @azure/arm-eventgrid) against one sandbox. Covered: the
 * CloudEvents abuse-protection handshake (and the Event Grid schema one), CloudEvents that validate
 * against the CloudEvents 1.0 JSON schema and carry the Auth0 record, category and subscription filters,
 * Event Grid's retries on the sandbox clock and dead-lettering, Auth0's three attempts, failure record,
 * suspension and resume, paused streams and startFrom, other destination types, and Azure Monitor metrics.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClientSecretCredential } from '@azure/identity';
import { ResourceManagementClient } from '@azure/arm-resources';
import { EventGridManagementClient } from '@azure/arm-eventgrid';
import { ManagementClient, Management } from 'auth0';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import { testSandbox, admin } from './helpers/sandbox.js';
import { SPECS_DIR } from './conformance/specs.js';
import { startReceiver, type Receiver, type ReceiverOptions } from './helpers/receiver.js';
import { CLOUDEVENTS_1_0_SCHEMA } from './helpers/cloudevents-schema.js';
import { DEFAULT_IDS, type Sandbox } from '../sandbox/index.js';
import { applyFilter } from '../sandbox/delivery/filters.js';
import { MetricsAdapter } from '../src/azure/metrics.js';

const ARM_SCOPE = 'https://management.azure.com/.default';
const AUTH0_ID = '804a11ca-ce9b-4158-8e94-3c8dc7a072ec';
const SUB = DEFAULT_IDS.subscriptionId;
const RG = DEFAULT_IDS.resourceGroup;
const TENANT = DEFAULT_IDS.tenantId;
const AUTH0_TENANT = DEFAULT_IDS.auth0Tenant;
const DAY = 86_400_000;
const LRO = { updateIntervalInMs: 25 };
const LOG_SCHEMA = join(SPECS_DIR, 'auth0', 'auth0-log-schemas.all-log-types.schema.json');
const STORAGE = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Storage/storageAccounts/auth0deadletters`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, fn: () => T | undefined | false | Promise<T | undefined | false>, ms = 8000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

async function rejection(p: Promise<unknown>): Promise<any> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

const Ajv = ((AjvModule as any).default ?? AjvModule) as any;
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as any;

function cloudEventValidator(): (e: unknown) => string[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const v = ajv.compile(CLOUDEVENTS_1_0_SCHEMA);
  return (e) => (v(e) ? [] : v.errors.map((x: any) => `${x.instancePath} ${x.message}`));
}

/** Validates an Auth0 log record against the published schema (specs/auth0, part of the repository). */
function logValidator(): ((r: Record<string, unknown>) => string[]) | undefined {
  if (!existsSync(LOG_SCHEMA)) throw new Error(`${LOG_SCHEMA} is missing: the specs are part of the repository (specs/).`);
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(JSON.parse(readFileSync(LOG_SCHEMA, 'utf8')), 'logs');
  return (r) => {
    const v = ajv.getSchema(`logs#/definitions/${String(r.type)}`);
    if (!v) return [`no schema for ${String(r.type)}`];
    return v(r) ? [] : v.errors.map((x: any) => `${String(r.type)}: ${x.instancePath} ${x.message}`);
  };
}

describe('sandbox event delivery: Auth0 → partner topic → subscribers', () => {
  let sb: Sandbox;
  const receivers: Receiver[] = [];

  const credential = (clientId: string = DEFAULT_IDS.clientId, secret: string = DEFAULT_IDS.clientSecret) =>
    new ClientSecretCredential(TENANT, clientId, secret, { authorityHost: sb.endpoints.entra, disableInstanceDiscovery: true });
  const eventGrid = () => new EventGridManagementClient(credential(), SUB, { endpoint: sb.endpoints.arm, credentialScopes: [ARM_SCOPE], apiVersion: '2025-02-15' });
  const auth0 = () => new ManagementClient({ domain: sb.endpoints.auth0[AUTH0_TENANT].domain, clientId: DEFAULT_IDS.auth0ClientId, clientSecret: DEFAULT_IDS.auth0ClientSecret, maxRetries: 0 });
  const logs = () => sb.context.world.auth0Tenants.get(AUTH0_TENANT)!.logs;
  const advance = (by: string) => admin(sb, 'POST', 'clock', { advance: by });
  const write = async (...records: Record<string, unknown>[]) => (await admin(sb, 'POST', `auth0/${AUTH0_TENANT}/logs`, records)).value as Record<string, any>[];
  const streamView = async (id: string) => ((await admin(sb, 'GET', `auth0/${AUTH0_TENANT}/log-streams`)).value as any[]).find((s) => s.id === id);
  const receiver = async (opts: ReceiverOptions = {}) => {
    const r = await startReceiver(sb.context.tls, opts);
    receivers.push(r);
    return r;
  };

  beforeAll(async () => {
    sb = await testSandbox();
  });
  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    await sb?.stop();
  });
  beforeEach(async () => {
    await admin(sb, 'POST', 'reset');
    await admin(sb, 'PATCH', 'settings', {
      // Topics are found by the stream id in their source.
      partnerTopicSource: 'tenant-and-stream',
      validateWebhooks: true,
      streamPublishAttempts: 3,
      streamPublishRetryMs: 1000,
      streamSuspendAfterFailures: 10,
      streamRetryErroredMs: 3_600_000,
      deadLetterDelayMs: 300_000,
      cloudEventType: 'auth0.logs.{code}',
      publishRequiresAuthorization: false,
    });
  });

  /**
   * The procedure with the SDKs: register Microsoft.EventGrid, authorize Auth0, create the stream (with
   * category filters), wait for its partner topic, and activate it unless told not to.
   */
  async function setupStream(opts: { filters?: string[]; activate?: boolean; startFrom?: string } = {}) {
    const rm = new ResourceManagementClient(credential(), SUB, { endpoint: sb.endpoints.arm, credentialScopes: [ARM_SCOPE] });
    await rm.providers.register('Microsoft.EventGrid');
    await until('Microsoft.EventGrid registered', async () => (await rm.providers.get('Microsoft.EventGrid')).registrationState === 'Registered');
    const eg = eventGrid();
    await eg.partnerConfigurations.authorizePartner(RG, { partnerRegistrationImmutableId: AUTH0_ID, partnerName: 'Auth0', authorizationExpirationTimeInUtc: new Date(sb.context.clock.now() + 6 * DAY) });
    const stream = (await auth0().logStreams.create({
      type: 'eventgrid',
      name: 'azure-event-grid',
      sink: { azureSubscriptionId: SUB, azureRegion: 'westus2', azureResourceGroup: RG },
      ...(opts.filters ? { filters: opts.filters.map((name) => ({ type: 'category', name })) } : {}),
      ...(opts.startFrom ? { startFrom: opts.startFrom } : {}),
    } as Management.CreateLogStreamRequestContent)) as Record<string, any>;
    const topic = await until('the partner topic', async () => {
      for await (const t of eg.partnerTopics.listByResourceGroup(RG)) if (t.source?.includes(stream.id)) return t;
      return undefined;
    });
    if (opts.activate !== false) await eg.partnerTopics.activate(RG, topic.name!);
    return { stream, topic, topicName: topic.name! };
  }

  function webhook(url: string, extra: Record<string, any> = {}) {
    return { destination: { endpointType: 'WebHook', endpointUrl: url } as any, eventDeliverySchema: 'CloudEventSchemaV1_0', ...extra };
  }

  test('the handshake happens; matching records arrive as valid CloudEvents carrying the Auth0 record; filtered ones do not', async () => {
    const { stream, topic, topicName } = await setupStream({ filters: ['auth.login.success', 'auth.login.fail'] });
    const all = await receiver();
    const onlyFailures = await receiver();
    const eg = eventGrid();
    const es = await eg.partnerTopicEventSubscriptions.beginCreateOrUpdateAndWait(RG, topicName, 'all-logins', webhook(`${all.url}?code=s3cr3t`), LRO);
    await eg.partnerTopicEventSubscriptions.beginCreateOrUpdateAndWait(RG, topicName, 'failures-only', webhook(onlyFailures.url, { filter: { includedEventTypes: ['auth0.logs.f'] } }), LRO);
    expect(es.provisioningState).toBe('Succeeded');

    // The CloudEvents abuse-protection handshake, on the full URL, before any event.
    expect(all.options).toHaveLength(1);
    expect(all.options[0].headers['webhook-request-origin']).toBe('eventgrid.azure.net');
    expect(onlyFailures.options).toHaveLength(1);
    const validations = (await admin(sb, 'GET', 'delivery')).validations;
    expect(validations.map((v: any) => [v.eventSubscription, v.method, v.succeeded, v.allowedRate])).toEqual([
      ['all-logins', 'OPTIONS', true, '*'],
      ['failures-only', 'OPTIONS', true, '*'],
    ]);
    expect(validations[0].endpointBaseUrl).toBe(all.url); // never the key in the query

    const [s, f, slo, sapi] = await write(
      { type: 's', user_name: 'ada@example.com' },
      { type: 'f', description: 'Wrong email or password.' },
      { type: 'slo' }, // auth.logout.success: not in the stream's categories
      { type: 'sapi' }, // management.success: neither
    );
    await until('two events at the first receiver', () => all.events.length >= 2);
    await until('one event at the second receiver', () => onlyFailures.events.length >= 1);
    await sleep(150);
    expect(all.events.map((e) => e.body.id)).toEqual([s.log_id, f.log_id]);
    expect(onlyFailures.events.map((e) => e.body.id)).toEqual([f.log_id]);
    for (const r of [...all.events, ...onlyFailures.events]) {
      expect(r.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
      expect(r.headers['aeg-event-type']).toBe('Notification');
      expect(Array.isArray(r.body)).toBe(false); // one CloudEvent per request
    }
    expect(all.events[0].headers['aeg-subscription-name']).toBe('ALL-LOGINS');
    expect(all.events[0].headers['aeg-delivery-count']).toBe('0');

    const check = cloudEventValidator();
    const stored = new Map(logs().map((l) => [l.log_id, l]));
    for (const { body } of [...all.events, ...onlyFailures.events]) {
      expect(check(body)).toEqual([]);
      const record = stored.get(body.id)!;
      expect(body).toEqual({
        specversion: '1.0',
        id: record.log_id,
        source: topic.source,
        type: `auth0.logs.${record.type}`,
        subject: `logs/${record.type}`,
        time: record.date,
        datacontenttype: 'application/json',
        data: JSON.parse(JSON.stringify(record)),
      });
    }
    expect(all.events[0].body.data).toMatchObject({ type: 's', user_name: 'ada@example.com', tenant_name: AUTH0_TENANT });
    const checkLog = logValidator();
    if (checkLog) for (const { body } of all.events) expect(checkLog(body.data)).toEqual([]);
    else console.warn(`SKIPPED: log schema validation (${LOG_SCHEMA} is absent)`);
    // What the stream's filters excluded never reached Event Grid.
    expect(all.events.some((e) => [slo.log_id, sapi.log_id].includes(e.body.id))).toBe(false);
    expect((await streamView(stream.id)).delivery).toMatchObject({ published: 2, errored: 0, queued: 0 });

    // The CloudEvents type is a sandbox setting (Auth0 does not document it).
    await admin(sb, 'PATCH', 'settings', { cloudEventType: 'com.auth0.log.{category}' });
    const [s2] = await write({ type: 's' });
    await until('the renamed event', () => all.events.find((e) => e.body.id === s2.log_id));
    expect(all.events.find((e) => e.body.id === s2.log_id)!.body.type).toBe('com.auth0.log.auth.login.success');
    expect(onlyFailures.events).toHaveLength(1);
  });

  test('subscription filters: subject prefix/suffix and advanced filters on data.* and attributes', async () => {
    const { topicName } = await setupStream();
    const eg = eventGrid();
    const byUser = await receiver();
    const byAdvanced = await receiver();
    await eg.partnerTopicEventSubscriptions.beginCreateOrUpdateAndWait(
      RG,
      topicName,
      'ada-only',
      webhook(byUser.url, { filter: { subjectBeginsWith: 'LOGS/', subjectEndsWith: '/s', advancedFilters: [{ operatorType: 'StringIn', key: 'data.user_name', values: ['ADA@example.com'] }] } }),
      LRO,
    );
    await eg.partnerTopicEventSubscriptions.beginCreateOrUpdateAndWait(
      RG,
      topicName,
      'advanced',
      webhook(byAdvanced.url, {
        filter: {
          advancedFilters: [
            { operatorType: 'StringNotIn', key: 'type', values: ['auth0.logs.sapi', 'auth0.logs.seccft'] },
            { operatorType: 'NumberGreaterThanOrEquals', key: 'data.details.attempts', value: 3 },
            { operatorType: 'BoolEquals', key: 'data.details.flagged', value: true },
          ],
        },
      }),
      LRO,
    );
    const [s1] = await write({ type: 's', user_name: 'ada@example.com' }, { type: 's', user_name: 'bob@example.com' }, { type: 'f', user_name: 'ada@example.com' });
    const [f2] = await write({ type: 'f', details: { attempts: 5, flagged: true } }, { type: 'f', details: { attempts: 2, flagged: true } }, { type: 'f', details: { attempts: 9, flagged: false } });
    await until('the subject-filtered event', () => byUser.events.length >= 1);
    await until('the advanced-filtered event', () => byAdvanced.events.length >= 1);
    await sleep(200);
    expect(byUser.events.map((e) => e.body.id)).toEqual([s1.log_id]);
    expect(byAdvanced.events.map((e) => e.body.id)).toEqual([f2.log_id]);
  });

  test('advanced filter operators, as Event Grid evaluates them', () => {
    const ev = { specversion: '1.0', id: '1', source: 'auth0.com/t', type: 'auth0.logs.f', subject: 'logs/f', data: { n: 5, ok: true, s: 'Hello World', tags: ['a', 'b'], nil: null } };
    const m = (f: Record<string, any>, arrays = false) => applyFilter({ advancedFilters: [f], enableAdvancedFilteringOnArrays: arrays }, ev as any).matched;
    expect(m({ operatorType: 'NumberIn', key: 'data.n', values: [1, 5] })).toBe(true);
    expect(m({ operatorType: 'NumberNotIn', key: 'data.n', values: [5] })).toBe(false);
    expect(m({ operatorType: 'NumberLessThan', key: 'data.n', value: 5 })).toBe(false);
    expect(m({ operatorType: 'NumberLessThanOrEquals', key: 'data.n', value: 5 })).toBe(true);
    expect(m({ operatorType: 'NumberGreaterThan', key: 'data.n', value: 4.5 })).toBe(true);
    expect(m({ operatorType: 'NumberInRange', key: 'data.n', values: [[0, 4], [5, 6]] })).toBe(true);
    expect(m({ operatorType: 'BoolEquals', key: 'data.ok', value: false })).toBe(false);
    expect(m({ operatorType: 'StringBeginsWith', key: 'data.s', values: ['hello'] })).toBe(true); // case-insensitive
    expect(m({ operatorType: 'StringEndsWith', key: 'subject', values: ['/F'] })).toBe(true);
    expect(m({ operatorType: 'StringContains', key: 'data.s', values: ['lo wo'] })).toBe(true);
    expect(m({ operatorType: 'StringNotContains', key: 'data.s', values: ['world'] })).toBe(false);
    expect(m({ operatorType: 'StringIn', key: 'EventType', values: ['AUTH0.LOGS.F'] })).toBe(true);
    // A missing key fails positive operators and passes Not ones.
    expect(m({ operatorType: 'StringIn', key: 'data.missing', values: ['x'] })).toBe(false);
    expect(m({ operatorType: 'StringNotIn', key: 'data.missing', values: ['x'] })).toBe(true);
    expect(m({ operatorType: 'IsNullOrUndefined', key: 'data.missing' })).toBe(true);
    expect(m({ operatorType: 'IsNullOrUndefined', key: 'data.nil' })).toBe(true);
    expect(m({ operatorType: 'IsNotNull', key: 'data.n' })).toBe(true);
    expect(m({ operatorType: 'IsNotNull', key: 'data.nil' })).toBe(false);
    // Arrays are compared element by element only with enableAdvancedFilteringOnArrays.
    expect(m({ operatorType: 'StringIn', key: 'data.tags', values: ['b'] })).toBe(false);
    expect(m({ operatorType: 'StringIn', key: 'data.tags', values: ['b'] }, true)).toBe(true);
    expect(applyFilter({ includedEventTypes: ['auth0.logs.s'] }, ev as any).matched).toBe(false);
    expect(applyFilter({ subjectBeginsWith: 'LOGS', isSubjectCaseSensitive: true }, ev as any).matched).toBe(false);
    expect(applyFilter({ subjectBeginsWith: 'LOGS' }, ev as any).matched).toBe(true);
  });

  test('an endpoint that fails the handshake: the subscription ends Failed with Event Grid’s message', async () => {
    const { topicName } = await setupStream();
    const refusing = await receiver({ grant: 'none' });
    const eg = eventGrid();
    const err = await rejection(eg.partnerTopicEventSubscriptions.beginCreateOrUpdateAndWait(RG, topicName, 'refusing', webhook(`${refusing.url}?key=secret-key`), LRO));
    expect(err.message).toContain(`Webhook validation handshake failed for ${refusing.url}.`);
    expect(err.message).toContain('WebHook-Allowed-Origin');
    expect(err.message).not.toContain('secret-key');
    expect(refusing.options).toHaveLength(1);
    expect((await eg.partnerTopicEventSubscriptions.get(RG, topicName, 'refusing')).provisioningState).toBe('Failed');

    const unreachable = await rejection(eg.partnerTopicEventSubscriptions.beginCreateOrUpdateAndWait(RG, topicName, 'unreachable', webhook('https://127.0.0.1:9/api/events'), LRO));
    // The SDK's LroEngine reports the operation's error: its code and Event Grid's message.
    expect(unreachable.message).toContain('Url validation. Webhook validation handshake failed for https://127.0.0.1:9/api/events. Http OPTIONS request failed with response code Unknown.');
    expect(unreachable.message).toMatch(/For troublehooting, visit https:\/\/aka\.ms\/esvalidation\. Activity id:[0-9a-f-]{36}, timestamp: \d+\/\d+\/\d{4} \d+:\d{2}:\d{2} [AP]M \(UTC\)\.$/);

    // A failed subscription receives nothing.
    await write({ type: 's' });
    await sleep(200);
    expect(refusing.events).toHaveLength(0);

    // With validation off (the default setting), the same subscription provisions without a handshake.
    await admin(sb, 'PATCH', 'settings', { validateWebhooks: false });
    const es = await eg.partnerTopicEventSubscriptions.beginCreateOrUpdateAndWait(RG, topicName, 'refusing', webhook(refusing.url), LRO);
    expect(es.provisioningState).toBe('Succeeded');
    expect(refusing.options).toHaveLength(1);
  });

  test('the Event Grid schema handshake (SubscriptionValidationEvent), through the admin API', async () => {
    const echoing = await receiver();
    const silent = await receiver({ echoValidation: false });
    const ok = await admin(sb, 'POST', 'webhooks/validate', { endpointUrl: echoing.url, eventDeliverySchema: 'EventGridSchema' });
    expect(ok).toMatchObject({ succeeded: true, method: 'POST', status: 200 });
    expect(echoing.validations).toHaveLength(1);
    expect(echoing.validations[0].body[0]).toMatchObject({ eventType: 'Microsoft.EventGrid.SubscriptionValidationEvent', metadataVersion: '1', dataVersion: '2', data: { validationCode: expect.any(String), validationUrl: expect.any(String) } });
    const bad = await admin(sb, 'POST', 'webhooks/validate', { endpointUrl: silent.url, eventDeliverySchema: 'EventGridSchema' });
    expect(bad.succeeded).toBe(false);
    expect(bad.error.message).toContain('Http POST request retuned 2XX response with response body {}');
    // Partner topics deliver CloudEvents only: ARM refuses an EventGridSchema subscription there.
    const { topicName } = await setupStream();
    const err = await rejection(eventGrid().partnerTopicEventSubscriptions.beginCreateOrUpdateAndWait(RG, topicName, 'eg-schema', webhook(echoing.url, { eventDeliverySchema: 'EventGridSchema' }), LRO));
    expect(err.statusCode).toBe(400);
  });

  test('a failing receiver: retries on Event Grid’s schedule (sandbox clock), then the event is dead-lettered; 400 is not retried', async () => {
    const { topicName } = await setupStream({ filters: ['auth.login.success', 'auth.login.fail'] });
    const failing = await receiver({ status: (_n, e) => (e.type === 'auth0.logs.f' ? 400 : 500) });
    await eventGrid().partnerTopicEventSubscriptions.beginCreateOrUpdateAndWait(
      RG,
      topicName,
      'flaky',
      webhook(failing.url, {
        retryPolicy: { maxDeliveryAttempts: 3, eventTimeToLiveInMinutes: 60 },
        deadLetterDestination: { endpointType: 'StorageBlob', resourceId: STORAGE, blobContainerName: 'auth0-deadletters' },
      }),
      LRO,
    );
    const [s] = await write({ type: 's' });
    await until('the first attempt', () => failing.events.length === 1);
    await sleep(300);
    expect(failing.events).toHaveLength(1); // the retry waits for the sandbox clock, 10 s
    await advance('10s');
    await until('the second attempt', () => failing.events.length === 2);
    await advance('29s');
    await sleep(200);
    expect(failing.events).toHaveLength(2); // the next one comes 30 s later
    await advance('1s');
    await until('the third attempt', () => failing.events.length === 3);
    expect(failing.events.map((e) => e.headers['aeg-delivery-count'])).toEqual(['0', '1', '2']);
    expect(failing.events.every((e) => e.body.id === s.log_id)).toBe(true);

    // Dead-lettered 5 minutes after the last attempt (Event Grid's delay).
    await sleep(100);
    expect((await admin(sb, 'GET', 'deadletter')).value).toEqual([]);
    await advance('5m');
    const containers = (await admin(sb, 'GET', 'deadletter')).value;
    expect(containers).toEqual([{ storageAccountId: STORAGE, account: 'auth0deadletters', container: 'auth0-deadletters', blobCount: 1 }]);
    const blobs = (await admin(sb, 'GET', 'deadletter/auth0deadletters/auth0-deadletters')).value;
    expect(blobs[0].name).toMatch(new RegExp(`^${topicName.toUpperCase()}/FLAKY/\\d{4}/\\d{2}/\\d{2}/\\d{2}/[0-9a-f-]{36}\\.json$`));
    const [dead] = await admin(sb, 'GET', `deadletter/auth0deadletters/auth0-deadletters/${blobs[0].name}`);
    expect(dead).toMatchObject({ id: s.log_id, specversion: '1.0', deadletterreason: 'MaxDeliveryAttemptsExceeded', deliveryattempts: 3, lastdeliveryoutcome: 'GenericError', lasthttpstatuscode: 500, data: { log_id: s.log_id } });
    expect(cloudEventValidator()(dead)).toEqual([]);

    // 400 Bad Request: one attempt, dead-lettered without retries.
    const [f] = await write({ type: 'f' });
    await until('the 400 attempt', () => failing.events.some((e) => e.body.id === f.log_id));
    await advance('1h');
    expect(failing.events.filter((e) => e.body.id === f.log_id)).toHaveLength(1);
    const after = (await admin(sb, 'GET', 'deadletter/auth0deadletters/auth0-deadletters')).value;
    expect(after.map((b: any) => b.content[0].deadletterreason)).toEqual(['MaxDeliveryAttemptsExceeded', 'NonRetriableError']);
    expect(after[1].content[0]).toMatchObject({ id: f.log_id, deliveryattempts: 1, lastdeliveryoutcome: 'BadRequest', lasthttpstatuscode: 400 });
  });

  test('a non-activated topic: Auth0 tries three times, logs the failure, suspends the stream; resume delivers what was queued', async () => {
    await admin(sb, 'PATCH', 'settings', { streamSuspendAfterFailures: 3 });
    const { stream, topicName } = await setupStream({ filters: ['auth.login.success'], activate: false });
    const failureRecords = () => logs().filter((l) => l.type === 'wn');
    const [first] = await write({ type: 's', user_name: 'first@example.com' });
    expect((await streamView(stream.id)).delivery).toMatchObject({ failedAttempts: 1, retrying: 1, errored: 0 });
    await advance('1s'); // second attempt
    expect((await streamView(stream.id)).delivery).toMatchObject({ failedAttempts: 2, retrying: 1, errored: 0 });
    expect(failureRecords()).toHaveLength(0);
    await advance('2s'); // third attempt: then the failure is logged
    expect((await streamView(stream.id)).delivery).toMatchObject({ failedAttempts: 3, retrying: 0, errored: 1, consecutiveFailures: 1 });
    expect(failureRecords()).toHaveLength(1);
    const failure = failureRecords()[0];
    expect(failure.description).toContain(`Failed to deliver the log ${first.log_id} to the log stream 'azure-event-grid' (eventgrid) after 3 attempts`);
    expect(failure.description).toContain(`the Azure Event Grid partner topic '${topicName}' is not activated (activationState: NeverActivated)`);
    expect(failure.details).toMatchObject({ notification_type: 'log_stream', notification_channel: 'eventgrid', to: topicName, log_id: first.log_id, attempts: 3 });
    const checkLog = logValidator();
    if (checkLog) expect(checkLog(failure)).toEqual([]);
    expect((await auth0().logStreams.get(stream.id)).status).toBe('active');

    // Two more records fail every attempt: 3 consecutive errored records suspend the stream.
    const more = await write({ type: 's' }, { type: 's' });
    await advance('1s');
    await advance('2s');
    expect(failureRecords()).toHaveLength(3);
    expect((await auth0().logStreams.get(stream.id)).status).toBe('suspended');
    // While suspended, records are queued, not attempted.
    const [queued] = await write({ type: 's', user_name: 'queued@example.com' });
    expect((await streamView(stream.id)).delivery).toMatchObject({ queued: 1, errored: 3, failedAttempts: 9 });

    // Fix it: activate the topic, subscribe, resume the stream through the Management API.
    const eg = eventGrid();
    await eg.partnerTopics.activate(RG, topicName);
    const hook = await receiver();
    await eg.partnerTopicEventSubscriptions.beginCreateOrUpdateAndWait(RG, topicName, 'hook', webhook(hook.url), LRO);
    expect(hook.events).toHaveLength(0); // a suspended stream publishes nothing, activated topic or not
    await auth0().logStreams.update(stream.id, { status: 'active' });
    const expected = [first.log_id, ...more.map((m) => m.log_id), queued.log_id];
    await until('the queued and errored records', () => hook.events.length >= expected.length);
    await sleep(200);
    expect(hook.events.map((e) => e.body.id).sort()).toEqual([...expected].sort()); // each exactly once
    expect((await streamView(stream.id)).delivery).toMatchObject({ queued: 0, errored: 0, consecutiveFailures: 0, published: 4 });
    // The failure records themselves (category other) were not sent to the failing stream.
    expect(hook.events.some((e) => e.body.data.type === 'wn')).toBe(false);
  });

  test('errored records are published once the topic is activated; an expired authorization stops delivery only in the strict variant', async () => {
    const { stream, topicName } = await setupStream({ filters: ['auth.login.success'], activate: false });
    // Subscribing before activation is allowed; nothing flows until the topic is activated.
    const hook = await receiver();
    const eg = eventGrid();
    await eg.partnerTopicEventSubscriptions.beginCreateOrUpdateAndWait(RG, topicName, 'hook', webhook(hook.url), LRO);
    const [early] = await write({ type: 's' });
    await advance('1s');
    await advance('2s');
    expect((await streamView(stream.id)).delivery).toMatchObject({ errored: 1, published: 0 });
    expect(hook.events).toHaveLength(0);
    await eg.partnerTopics.activate(RG, topicName);
    await until('the errored record', () => hook.events.length === 1);
    expect(hook.events[0].body.id).toBe(early.log_id);
    expect((await streamView(stream.id)).delivery).toMatchObject({ errored: 0, published: 1 });

    // Six days later the authorization (granted for 6 days) has expired. Nothing public says delivery to
    // an activated topic stops then (only the partner's create/update/delete requests fail): by default it goes on.
    await advance('6d');
    const [afterExpiry] = await write({ type: 's' });
    await until('the record after expiry', () => hook.events.length === 2);
    expect(hook.events[1].body.id).toBe(afterExpiry.log_id);

    // The strict variant (publishRequiresAuthorization: true): publishing fails while it is expired.
    await admin(sb, 'PATCH', 'settings', { publishRequiresAuthorization: true });
    const [late] = await write({ type: 's' });
    await advance('1s');
    await advance('2s');
    const view = (await streamView(stream.id)).delivery;
    expect(view.errored).toBe(1);
    expect(view.recentErrors.at(-1)).toMatchObject({ log_id: late.log_id, message: expect.stringContaining("Auth0's authorization in resource group 'auth0-events' expired") });
    expect(hook.events).toHaveLength(2);
    // Renewing does not need a resume: the next round (streamRetryErroredMs, 1 hour) publishes it.
    await eventGrid().partnerConfigurations.authorizePartner(RG, { partnerRegistrationImmutableId: AUTH0_ID, authorizationExpirationTimeInUtc: new Date(sb.context.clock.now() + 5 * DAY) });
    await advance('1h');
    await until('the record after renewal', () => hook.events.length === 3);
    expect(hook.events[2].body.id).toBe(late.log_id);
  });

  test('a paused stream queues and delivers on resume; startFrom replays older records', async () => {
    const [old1, old2] = await write({ type: 's', user_name: 'before@example.com' }, { type: 'f' });
    await write({ type: 'slo' }); // not in the stream's categories: never replayed
    await advance('1m');
    const { stream, topicName } = await setupStream({ filters: ['auth.login.success', 'auth.login.fail'], startFrom: old1.date, activate: false });
    const hook = await receiver();
    const eg = eventGrid();
    await eg.partnerTopicEventSubscriptions.beginCreateOrUpdateAndWait(RG, topicName, 'hook', webhook(hook.url), LRO);
    await advance('1s');
    await advance('2s');
    expect((await streamView(stream.id)).delivery).toMatchObject({ replayed: 2, errored: 2 });
    await eg.partnerTopics.activate(RG, topicName);
    await until('the replayed records', () => hook.events.length >= 2);
    expect(hook.events.map((e) => e.body.id).sort()).toEqual([old1.log_id, old2.log_id].sort());

    await auth0().logStreams.update(stream.id, { status: 'paused' });
    const paused = await write({ type: 's' }, { type: 'f' }, { type: 's' });
    await sleep(200);
    expect(hook.events).toHaveLength(2);
    expect((await streamView(stream.id)).delivery.queued).toBe(3);
    await auth0().logStreams.update(stream.id, { status: 'active' });
    await until('the paused records', () => hook.events.length >= 5);
    await sleep(100);
    expect(hook.events).toHaveLength(5);
    expect(hook.events.slice(2).map((e) => e.body.id)).toEqual(paused.map((p) => p.log_id)); // in order
  });

  test('other destination types are recorded into inspectable sandbox queues', async () => {
    const { topicName } = await setupStream({ filters: ['auth.login.success'] });
    const queueId = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Storage/storageAccounts/auth0events`;
    const hubId = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.EventHub/namespaces/auth0/eventhubs/logs`;
    const eg = eventGrid();
    await eg.partnerTopicEventSubscriptions.beginCreateOrUpdateAndWait(RG, topicName, 'to-queue', { destination: { endpointType: 'StorageQueue', resourceId: queueId, queueName: 'auth0-logs' } as any, eventDeliverySchema: 'CloudEventSchemaV1_0' }, LRO);
    await eg.partnerTopicEventSubscriptions.beginCreateOrUpdateAndWait(
      RG,
      topicName,
      'to-hub',
      {
        destination: { endpointType: 'EventHub', resourceId: hubId, deliveryAttributeMappings: [{ name: 'tenant', type: 'Static', value: AUTH0_TENANT }, { name: 'user', type: 'Dynamic', sourceField: 'data.user_name' }] } as any,
        eventDeliverySchema: 'CloudEventSchemaV1_0',
      },
      LRO,
    );
    const [s] = await write({ type: 's', user_name: 'ada@example.com' });
    const queues = await until('two destination queues', async () => {
      const v = (await admin(sb, 'GET', 'destinations')).value;
      return v.length === 2 && v.every((q: any) => q.count === 1) && v;
    });
    expect(queues.map((q: any) => [q.endpointType, q.resourceId, q.queueName])).toEqual(
      expect.arrayContaining([
        ['StorageQueue', queueId, 'auth0-logs'],
        ['EventHub', hubId, undefined],
      ]),
    );
    const hub = await admin(sb, 'GET', `destinations/${queues.find((q: any) => q.endpointType === 'EventHub').id}`);
    expect(hub.messages[0]).toMatchObject({ eventSubscription: 'to-hub', event: { id: s.log_id, data: { user_name: 'ada@example.com' } }, properties: { tenant: AUTH0_TENANT, user: 'ada@example.com' } });
  });

  test('metrics, as Azure Monitor serves them, reflect published, matched, delivered, failed, dropped and dead-lettered events', async () => {
    const { topicName } = await setupStream({ filters: ['auth.login.success', 'auth.login.fail'] });
    const ok = await receiver();
    const down = await receiver({ status: () => 503 });
    const eg = eventGrid();
    await eg.partnerTopicEventSubscriptions.beginCreateOrUpdateAndWait(RG, topicName, 'healthy', webhook(ok.url, { filter: { includedEventTypes: ['auth0.logs.s'] } }), LRO);
    await eg.partnerTopicEventSubscriptions.beginCreateOrUpdateAndWait(
      RG,
      topicName,
      'down',
      webhook(down.url, { retryPolicy: { maxDeliveryAttempts: 2, eventTimeToLiveInMinutes: 30 }, deadLetterDestination: { endpointType: 'StorageBlob', resourceId: STORAGE, blobContainerName: 'dl' } }),
      LRO,
    );
    await eg.partnerTopicEventSubscriptions.beginCreateOrUpdateAndWait(RG, topicName, 'nothing', webhook(ok.url, { filter: { includedEventTypes: ['auth0.logs.none'] } }), LRO);
    const start = new Date(sb.context.clock.now() - 60_000).toISOString();
    await write({ type: 's' }, { type: 's' }, { type: 'f' });
    await until('first attempts', () => ok.events.length === 2 && down.events.length === 3);
    await advance('30s'); // the second (last) attempts to 'down', then dead-lettering 5 minutes later
    await until('second attempts', () => down.events.length === 6);
    await advance('5m');
    await until('dead letters', async () => (await admin(sb, 'GET', 'deadletter')).value[0]?.blobCount === 3);

    const token = (await credential(DEFAULT_IDS.readerClientId, DEFAULT_IDS.readerSecret).getToken(ARM_SCOPE))!.token;
    const topicId = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.EventGrid/partnerTopics/${topicName}`;
    const end = new Date(sb.context.clock.now() + 60_000).toISOString();
    const metrics = async (names: string, extra: Record<string, string> = {}, bearer = token) => {
      const q = new URLSearchParams({ 'api-version': '2023-10-01', metricnames: names, timespan: `${start}/${end}`, interval: 'PT1H', aggregation: 'Total', ...extra });
      const res = await fetch(`${sb.endpoints.arm}${topicId}/providers/Microsoft.Insights/metrics?${q}`, { headers: { authorization: `Bearer ${bearer}` } });
      return { status: res.status, body: (await res.json()) as any };
    };
    const total = (m: any) => m.timeseries.reduce((n: number, ts: any) => n + ts.data.reduce((k: number, d: any) => k + (d.total ?? 0), 0), 0);

    const all = await metrics('PublishSuccessCount,UnmatchedEventCount,MatchedEventCount,DeliverySuccessCount,DeliveryAttemptFailCount,DroppedEventCount,DeadLetteredCount');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ interval: 'PT1H', namespace: 'Microsoft.EventGrid/partnerTopics', resourceregion: 'westus2', timespan: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\/\d{4}/) });
    const byName = Object.fromEntries(all.body.value.map((m: any) => [m.name.value, m]));
    expect(byName.PublishSuccessCount).toMatchObject({ id: `${topicId}/providers/Microsoft.Insights/metrics/PublishSuccessCount`, type: 'Microsoft.Insights/metrics', unit: 'Count', name: { localizedValue: 'Published Events' } });
    expect(Object.fromEntries(Object.entries(byName).map(([k, m]) => [k, total(m)]))).toEqual({
      PublishSuccessCount: 3,
      UnmatchedEventCount: 0,
      MatchedEventCount: 5, // healthy: 2 (s), down: 3
      DeliverySuccessCount: 2,
      DeliveryAttemptFailCount: 6,
      DroppedEventCount: 0,
      DeadLetteredCount: 3,
    });
    // Per subscription, through the EventSubscriptionName dimension, as Azure Monitor splits it.
    const split = await metrics('MatchedEventCount,DeliveryAttemptFailCount', { $filter: "EventSubscriptionName eq '*'" });
    const perSub = (name: string) =>
      Object.fromEntries(split.body.value.find((m: any) => m.name.value === name).timeseries.map((ts: any) => [ts.metadatavalues[0].value, ts.data.reduce((k: number, d: any) => k + d.total, 0)]));
    expect(perSub('MatchedEventCount')).toEqual({ healthy: 2, down: 3 });
    expect(perSub('DeliveryAttemptFailCount')).toEqual({ down: 6 });
    const one = await metrics('DeliverySuccessCount', { $filter: "EventSubscriptionName eq 'nothing'" });
    expect(one.body.value[0].timeseries).toEqual([{ metadatavalues: [{ name: { value: 'eventsubscriptionname', localizedValue: 'eventsubscriptionname' }, value: 'nothing' }], data: expect.any(Array) }]);
    expect(total(one.body.value[0])).toBe(0);
    // Azure Monitor has no PublishFailCount for partner topics (publishing is the partner's side).
    const missing = await metrics('PublishFailCount');
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('BadRequest');
    expect(missing.body.message).toContain('Failed to find metric configuration for provider: Microsoft.EventGrid, resource Type: partnerTopics, metric: PublishFailCount, Valid metrics:');
    // Microsoft.Insights/metrics/read is needed: EventGrid Contributor on the group alone does not grant it.
    const groupOnly = (await credential(DEFAULT_IDS.rgOnlyClientId, DEFAULT_IDS.rgOnlySecret).getToken(ARM_SCOPE))!.token;
    const denied = await metrics('PublishSuccessCount', {}, groupOnly);
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('AuthorizationFailed');
    expect(denied.body.error.message).toContain("'Microsoft.Insights/metrics/read'");

    // The product's adapter (src/azure/metrics.ts) reads the same through its own pipeline.
    const adapter = (clientId: string, secret: string) => new MetricsAdapter({ resourceManagerEndpoint: sb.endpoints.arm, resourceManagerScope: ARM_SCOPE, credential: credential(clientId, secret) });
    const read = await adapter(DEFAULT_IDS.readerClientId, DEFAULT_IDS.readerSecret).partnerTopic(topicId, new Date(start), new Date(end));
    expect(read).toMatchObject({
      published: 3,
      unmatched: 0,
      totals: { matched: 5, delivered: 2, failedAttempts: 6, dropped: 0, deadLettered: 3 },
      subscriptions: { healthy: { matched: 2, delivered: 2, failedAttempts: 0 }, down: { matched: 3, delivered: 0, failedAttempts: 6, deadLettered: 3 } },
    });
    const refused = await rejection(adapter(DEFAULT_IDS.rgOnlyClientId, DEFAULT_IDS.rgOnlySecret).partnerTopic(topicId, new Date(start), new Date(end)));
    expect(refused).toMatchObject({ name: 'ServiceError', status: 403, code: 'AuthorizationFailed' });
  });
});
