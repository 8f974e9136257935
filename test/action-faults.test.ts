/**
 * The Action's fault behaviour: the bundled Action (node dist/index.js) against the sandbox with
 * scripted faults (POST /_sandbox/faults).
 * 1. A transient fault (429 with Retry-After / X-RateLimit-Reset, 503, a dropped connection) on any
 *    step of setup is retried, and setup still ends as it would without it, promptly.
 * 2. A permanent error ends the run with one `::error` naming the step, the service's code and the
 *    fix, and no stack trace.
 * 3. A run cut after any step converges when run again; the run after that writes nothing.
 * 4. An event subscription whose provisioning ends Failed is named in the failure; a re-run fixes it.
 */
import { testSandbox, admin } from './helpers/sandbox.js';
import { baseInputs } from './helpers/action.js';
import {
  addFaults,
  clearFaults,
  errorLines,
  expectCleanFailure,
  hitAndRetried,
  mark,
  pendingFaults,
  requestsSince,
  stackLines,
  timedRun,
  writesSince,
  type FaultSpec,
  type TimedRun,
} from './helpers/faults.js';
import { DEFAULT_IDS, defaultSeed, type Sandbox } from '../sandbox/index.js';
import { AUTH0_PARTNER } from '../sandbox/core/eventgrid.js';

const WEBHOOK = 'https://127.0.0.1:9/auth0-events?code=abc123def456';
const SCOPES = ['read:log_streams', 'create:log_streams', 'update:log_streams', 'delete:log_streams'];

function group(sb: Sandbox) {
  const info = sb.info();
  return sb.context.world.subscriptions.get(info.azure.subscriptionId.toLowerCase())!.resourceGroups.get(info.azure.resourceGroup.toLowerCase())!;
}
const streams = (sb: Sandbox) => [...sb.context.world.auth0Tenants.get(DEFAULT_IDS.auth0Tenant)!.logStreams.values()];
const topics = (sb: Sandbox) => [...group(sb).partnerTopics.values()];
const auth0Authorizations = (sb: Sandbox): any[] =>
  (group(sb).partnerConfiguration?.properties.partnerAuthorization?.authorizedPartnersList ?? []).filter((p: any) => p.partnerRegistrationImmutableId === AUTH0_PARTNER.immutableId);

/** The state a converged setup leaves: one stream, one activated topic with a provisioned event subscription, Auth0 authorized once. */
function expectConverged(sb: Sandbox): void {
  expect(streams(sb)).toHaveLength(1);
  expect(streams(sb)[0].status).toBe('active');
  expect(topics(sb)).toHaveLength(1);
  expect(topics(sb)[0].resource.properties.activationState).toBe('Activated');
  const subs = [...topics(sb)[0].eventSubscriptions.values()];
  expect(subs.map((e) => [e.name, e.properties.provisioningState])).toEqual([['auth0-logs', 'Succeeded']]);
  expect(auth0Authorizations(sb)).toHaveLength(1);
  expect(Date.parse(auth0Authorizations(sb)[0].authorizationExpirationTimeInUtc)).toBeGreaterThan(sb.context.clock.now());
}

/** A run that succeeded without a failure, and whose process ended promptly after its work. */
function expectSucceeded(r: TimedRun, health: 'healthy' | 'degraded'): void {
  expect(errorLines(r)).toEqual([]);
  expect(stackLines(r)).toEqual([]);
  expect(r.code).toBe(0);
  expect(r.outputs.health).toBe(health);
  // Nothing keeps the process alive after the result is reported (e.g. a timer of a retried request).
  expect(r.wallMs - r.report.durationMs).toBeLessThan(10_000);
}

// ---- transient faults -------------------------------------------------------------------------------

type Kind = 'throttled' | 'unavailable' | 'reset';

/** The fault of a kind for one operation, as each service answers it. */
function transient(kind: Kind, service: 'arm' | 'auth0' | 'entra', operation: string): FaultSpec {
  if (kind === 'reset') return { service, operation, reset: true };
  if (kind === 'unavailable') {
    const code = service === 'arm' ? 'ServiceUnavailable' : service === 'auth0' ? 'service_unavailable' : 'temporarily_unavailable';
    return { service, operation, status: 503, code, message: 'The service is temporarily unavailable.' };
  }
  if (service === 'arm') {
    return {
      service,
      operation,
      status: 429,
      code: 'SubscriptionRequestsThrottled',
      message: `Number of requests for subscription '${DEFAULT_IDS.subscriptionId}' exceeded. Please try again after '1' seconds. Refer to https://aka.ms/arm-throttling`,
      headers: { 'Retry-After': '1' },
    };
  }
  if (service === 'auth0') {
    // Auth0 says when its bucket refills: X-RateLimit-Reset, in epoch seconds, a second ahead.
    const reset = String(Math.ceil(Date.now() / 1000) + 1);
    return { service, operation, status: 429, code: 'too_many_requests', message: 'Global limit has been reached', headers: { 'x-ratelimit-limit': '50', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset } };
  }
  return { service, operation, status: 429, code: 'temporarily_unavailable', message: 'AADSTS50196: Too many requests.', headers: { 'Retry-After': '1' } };
}

/**
 * Phase A, from an empty world: sign-in (Entra, Auth0 token), provider get/register, partner
 * configuration get/create/authorize, stream list/create, and the partner-topic lookup (the group's
 * topics are listed before the create, and again, with the tenant's streams, until the topic appears).
 */
const PHASE_A: ['arm' | 'auth0' | 'entra', string][] = [
  ['entra', 'token.v2'],
  ['auth0', 'oauth.token'],
  ['auth0', 'log-streams.list'],
  ['arm', 'Providers_Get'],
  ['arm', 'Providers_Register'],
  ['arm', 'PartnerConfigurations_Get'],
  ['arm', 'PartnerConfigurations_CreateOrUpdate'],
  ['arm', 'PartnerConfigurations_AuthorizePartner'],
  ['auth0', 'log-streams.create'],
  ['arm', 'PartnerTopics_ListByResourceGroup'],
];
/** Phase B, with the stream and its topic in place: the event subscription, its LRO polling and final read, activation, and the binding tags. */
const PHASE_B: ['arm' | 'auth0' | 'entra', string][] = [
  ['arm', 'PartnerTopicEventSubscriptions_ListByPartnerTopic'],
  ['arm', 'PartnerTopicEventSubscriptions_CreateOrUpdate'],
  ['arm', 'OperationsStatus_Get'],
  ['arm', 'PartnerTopicEventSubscriptions_Get'],
  ['arm', 'PartnerTopics_Activate'],
  ['arm', 'PartnerTopics_Update'],
];

describe('transient faults on every step of setup are survived', () => {
  let sb: Sandbox;
  beforeEach(async () => {
    sb = await testSandbox();
  });
  afterEach(async () => {
    await sb.stop();
  });

  test.each<[string, Kind]>([
    ['429 (ARM SubscriptionRequestsThrottled + Retry-After, Auth0 X-RateLimit-Reset)', 'throttled'],
    ['503', 'unavailable'],
    ['a connection reset', 'reset'],
  ])('%s on each operation', async (_label, kind) => {
    // Phase A: one fault on each operation of the first steps. The topic appears 2.5 s after the
    // stream, so the first lookups miss and the topics and streams are read again.
    await admin(sb, 'PATCH', 'settings', { partnerTopicDelayMs: 2500 });
    const a = PHASE_A.map(([service, op]) => transient(kind, service, op));
    await addFaults(sb, a);
    const m1 = await mark(sb);
    const first = await timedRun(baseInputs(sb, { activation: 'manual' }));
    expectSucceeded(first, 'degraded'); // not activated (manual) and no destination: warnings only
    expect(first.outputs['stream-status']).toBe('active');
    expect(first.outputs['activation-state']).toBe('NeverActivated');
    expect(await pendingFaults(sb)).toEqual([]);
    const log1 = await requestsSince(sb, m1);
    for (const f of a) expect({ fault: `${f.service} ${f.operation}`, hitAndRetried: hitAndRetried(log1, f) }).toEqual({ fault: `${f.service} ${f.operation}`, hitAndRetried: true });
    // A retried create did not make a second stream; the authorization was written once.
    expect(streams(sb)).toHaveLength(1);
    expect(auth0Authorizations(sb)).toHaveLength(1);
    expect(topics(sb)).toHaveLength(1);

    // Phase B: the topic is found, subscribed to, activated and tagged, each with one fault.
    const b = PHASE_B.map(([service, op]) => transient(kind, service, op));
    await addFaults(sb, b);
    const m2 = await mark(sb);
    const second = await timedRun(baseInputs(sb, { 'webhook-url': WEBHOOK }));
    expectSucceeded(second, 'healthy');
    expect(second.outputs['activation-state']).toBe('Activated');
    expect(second.outputs['event-subscription-id']).toContain('/eventSubscriptions/auth0-logs');
    expect(await pendingFaults(sb)).toEqual([]);
    const log2 = await requestsSince(sb, m2);
    for (const f of b) expect({ fault: `${f.service} ${f.operation}`, hitAndRetried: hitAndRetried(log2, f) }).toEqual({ fault: `${f.service} ${f.operation}`, hitAndRetried: true });
    expectConverged(sb);
  }, 90_000);
});

// ---- permanent errors -------------------------------------------------------------------------------

describe('permanent errors name the step, the code and the fix, without a stack trace', () => {
  let sb: Sandbox;
  beforeEach(async () => {
    sb = await testSandbox();
  });
  afterEach(async () => {
    await sb.stop();
  });

  /** Restarts the world with Microsoft.EventGrid already registered. */
  async function registeredWorld(): Promise<void> {
    const seed = defaultSeed();
    seed.subscriptions![0].registeredProviders = ['Microsoft.EventGrid'];
    await admin(sb, 'POST', 'reset', seed);
  }

  test('a principal that may not register Microsoft.EventGrid is told who must run `az provider register`', async () => {
    const inputs = baseInputs(sb, { 'azure-client-id': DEFAULT_IDS.rgOnlyClientId, 'azure-client-secret': DEFAULT_IDS.rgOnlySecret, 'webhook-url': WEBHOOK });
    const m = await mark(sb);
    const r = await timedRun(inputs);
    expectCleanFailure(r, {
      step: 'Resource provider',
      code: 'AuthorizationFailed',
      message: [/Microsoft\.EventGrid\/register\/action/],
      fix: [/may not register resource providers/, `az provider register --namespace Microsoft.EventGrid --subscription ${DEFAULT_IDS.subscriptionId}`],
    });
    expect(await writesSince(sb, m)).toEqual([]);
    expect(group(sb).partnerConfiguration).toBeUndefined();

    // Event Grid answering 409 MissingSubscriptionRegistration (registration not effective yet, or
    // undone) while the provider reads as Registered: the same fix.
    await registeredWorld();
    await addFaults(sb, [
      { service: 'arm', operation: 'PartnerConfigurations_Get', status: 409, code: 'MissingSubscriptionRegistration', message: "The subscription is not registered to use namespace 'Microsoft.EventGrid'. See https://aka.ms/rps-not-found for how to register subscriptions." },
    ]);
    const r2 = await timedRun(inputs);
    expectCleanFailure(r2, {
      step: 'Auth0 authorization',
      code: 'MissingSubscriptionRegistration',
      message: [/not registered to use namespace 'Microsoft\.EventGrid'/],
      fix: [`az provider register --namespace Microsoft.EventGrid --subscription ${DEFAULT_IDS.subscriptionId}`],
    });
  });

  test('the Reader principal is told to get EventGrid Contributor on the resource group', async () => {
    await registeredWorld();
    const m = await mark(sb);
    const r = await timedRun(baseInputs(sb, { 'azure-client-id': DEFAULT_IDS.readerClientId, 'azure-client-secret': DEFAULT_IDS.readerSecret, 'webhook-url': WEBHOOK }));
    const scope = `/subscriptions/${DEFAULT_IDS.subscriptionId}/resourceGroups/${DEFAULT_IDS.resourceGroup}`;
    expectCleanFailure(r, {
      step: 'Auth0 authorization',
      code: 'AuthorizationFailed',
      message: [/Microsoft\.EventGrid\/partnerConfigurations\/write/],
      fix: ['"EventGrid Contributor"', scope, `--role "EventGrid Contributor" --scope ${scope}`],
    });
    expect(await writesSince(sb, m)).toEqual([]);
  });

  test('an Auth0 application without the log-stream scopes is told the four scopes', async () => {
    const r = await timedRun(baseInputs(sb, { 'auth0-client-id': DEFAULT_IDS.auth0ReadOnlyClientId, 'auth0-client-secret': DEFAULT_IDS.auth0ReadOnlyClientSecret, 'webhook-url': WEBHOOK }));
    expectCleanFailure(r, {
      step: 'Auth0 log stream',
      code: 'insufficient_scope',
      message: [/create:log_streams/],
      fix: [DEFAULT_IDS.auth0ReadOnlyClientId, ...SCOPES, /Auth0 Management API/],
    });
    expect(streams(sb)).toEqual([]);
  });

  test('a wrong Auth0 client secret is named, and not printed', async () => {
    const r = await timedRun(baseInputs(sb, { 'auth0-client-secret': 'not-the-secret-Zx81', 'webhook-url': WEBHOOK }));
    expectCleanFailure(r, { step: 'Find Auth0 log stream', code: 'access_denied', fix: [/check auth0-client-id and auth0-client-secret/] });
    const visible = r.all.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
    expect(visible).not.toContain('not-the-secret-Zx81');
  });

  test('a wrong Azure client secret gets AADSTS7000215 and the fix', async () => {
    const m = await mark(sb);
    const r = await timedRun(baseInputs(sb, { 'azure-client-secret': 'sbx~NotTheSecret.0000', 'webhook-url': WEBHOOK }));
    expectCleanFailure(r, {
      step: 'Resource provider',
      code: 'AADSTS7000215',
      message: [/Invalid client secret/],
      fix: [/azure-client-secret is wrong or expired/, DEFAULT_IDS.clientId, /OIDC federation/],
    });
    expect((await requestsSince(sb, m)).filter((e) => e.service === 'arm')).toEqual([]);
  });

  test('a partner topic that does not appear within wait-timeout: PartnerTopicNotFound and what Auth0 needs', async () => {
    await admin(sb, 'PATCH', 'settings', { partnerTopicDelayMs: 600_000 });
    const r = await timedRun(baseInputs(sb, { 'wait-timeout': '3s', 'webhook-url': WEBHOOK }));
    expectCleanFailure(r, {
      step: 'Partner topic',
      code: 'PartnerTopicNotFound',
      message: [/within wait-timeout \(3s\)/],
      fix: [/Auth0 creates the partner topic only while Microsoft\.EventGrid is registered/, /authorizes Auth0 \(unexpired\)/, /raise wait-timeout/],
    });
    expect(r.wallMs).toBeLessThan(20_000);
  });

  test('an expired authorization with the topic activated: verify is degraded naming the expiry and what it stops, setup renews it', async () => {
    expect((await timedRun(baseInputs(sb, { 'webhook-url': WEBHOOK }))).code).toBe(0);
    const granted = Date.parse(auth0Authorizations(sb)[0].authorizationExpirationTimeInUtc);
    await admin(sb, 'POST', 'clock', { advance: '8d' }); // past the 7-day grant, by Azure's clock

    const v = await timedRun(baseInputs(sb, { command: 'verify', 'webhook-url': WEBHOOK }));
    expectSucceeded(v, 'degraded');
    const line = v.stdout.split('\n').find((l) => l.startsWith('::warning') && l.includes(`Expired at ${new Date(granted).toISOString()}`));
    expect(line).toBeDefined();
    expect(line).toMatch(/Auth0 can no longer create, update or delete partner resources/);
    expect(line).toMatch(/renew-authorization/);
    expect(Number(v.outputs['days-until-expiry'])).toBeLessThan(0);

    const m = await mark(sb);
    const s = await timedRun(baseInputs(sb, { 'webhook-url': WEBHOOK }));
    expectSucceeded(s, 'healthy');
    const step = s.report.steps.find((x: any) => x.id === 'authorization');
    expect(step.status).toBe('changed');
    expect(step.detail).toMatch(/^Re-authorized Auth0 \(it had expired\) until /);
    expect((await writesSince(sb, m)).map((e) => e.operation)).toEqual(['PartnerConfigurations_AuthorizePartner']);
    expect(Date.parse(auth0Authorizations(sb)[0].authorizationExpirationTimeInUtc)).toBeGreaterThan(sb.context.clock.now() + 6 * 86_400_000);
    expect(Number(s.outputs['days-until-expiry'])).toBe(7);
  });
});

// ---- a run cut after step N converges when run again ------------------------------------------------

interface Cut {
  after: string;
  faults: FaultSpec[];
  step: string;
  code: string;
  fix: RegExp;
  /** The state the cut run leaves. */
  left(sb: Sandbox): void;
}

const CUTS: Cut[] = [
  {
    after: 'the authorization',
    faults: [{ service: 'auth0', operation: 'log-streams.create', status: 500, code: 'internal_error', message: 'Internal error.', count: 50 }],
    step: 'Auth0 log stream',
    code: 'internal_error',
    fix: /Auth0 answered with a server error after the retries: run again/,
    left: (sb) => {
      expect(auth0Authorizations(sb)).toHaveLength(1);
      expect(streams(sb)).toEqual([]);
    },
  },
  {
    after: 'the stream is created',
    faults: ['PartnerTopics_ListByResourceGroup', 'PartnerTopics_Get'].map((operation) => ({ service: 'arm' as const, operation, status: 500, code: 'InternalServerError', message: 'An internal error occurred.', count: 50 })),
    step: 'Partner topic',
    code: 'InternalServerError',
    fix: /Azure answered with a server error after the retries: run again/,
    left: (sb) => {
      expect(streams(sb)).toHaveLength(1);
      expect(topics(sb).map((t) => t.resource.properties.activationState)).toEqual(['NeverActivated']);
    },
  },
  {
    // The event subscription comes before activation (nothing Auth0 publishes on activation is dropped).
    after: 'the event subscription',
    faults: [{ service: 'arm', operation: 'PartnerTopics_Activate', status: 500, code: 'InternalServerError', message: 'An internal error occurred.', count: 50 }],
    step: 'Activation',
    code: 'InternalServerError',
    fix: /Azure answered with a server error after the retries: run again/,
    left: (sb) => {
      expect(topics(sb).map((t) => t.resource.properties.activationState)).toEqual(['NeverActivated']);
      expect(topics(sb)[0].eventSubscriptions.size).toBe(1);
    },
  },
];

describe('a setup cut after a step converges when run again', () => {
  let sb: Sandbox;
  beforeEach(async () => {
    sb = await testSandbox();
  });
  afterEach(async () => {
    await sb.stop();
  });

  test.each(CUTS.map((c) => [c.after, c] as const))('cut after %s', async (_after, cut) => {
    const inputs = baseInputs(sb, { 'webhook-url': WEBHOOK });
    await addFaults(sb, cut.faults);
    const cutRun = await timedRun(inputs);
    expectCleanFailure(cutRun, { step: cut.step, code: cut.code, fix: [cut.fix] });
    expect(cutRun.outputs.health).toBe('unhealthy');
    cut.left(sb);

    await clearFaults(sb);
    const again = await timedRun(inputs);
    expectSucceeded(again, 'healthy');
    expectConverged(sb);

    const m = await mark(sb);
    const third = await timedRun(inputs);
    expectSucceeded(third, 'healthy');
    expect(await writesSince(sb, m)).toEqual([]);
  }, 90_000);
});

// ---- an event subscription whose provisioning fails ------------------------------------------------

describe('an event subscription whose long-running operation ends Failed', () => {
  let sb: Sandbox;
  beforeEach(async () => {
    sb = await testSandbox();
  });
  afterEach(async () => {
    await sb.stop();
  });

  test('is named in the failure with the fix, and a re-run provisions it', async () => {
    const inputs = baseInputs(sb, { 'webhook-url': WEBHOOK });
    await addFaults(sb, [{ service: 'arm', operation: 'PartnerTopicEventSubscriptions_CreateOrUpdate', lro: 'Failed' }]);
    const r = await timedRun(inputs);
    expectCleanFailure(r, {
      step: 'Event subscription',
      code: 'EventSubscriptionFailed',
      message: [/event subscription 'auth0-logs'/, /ended Failed/, /internal error occurred in Microsoft\.EventGrid/],
      fix: [/could not provision the event subscription/, /run again/],
    });
    expect(await pendingFaults(sb)).toEqual([]);
    expect([...topics(sb)[0].eventSubscriptions.values()].map((e) => e.properties.provisioningState)).toEqual(['Failed']);

    const m = await mark(sb);
    const again = await timedRun(inputs);
    expectSucceeded(again, 'healthy');
    expect(again.report.steps.find((x: any) => x.id === 'event-subscription').detail).toMatch(/^Update event subscription auth0-logs \(.*provisioning state Failed/);
    // The failed run stopped before activation: the re-run provisions the subscription, activates and tags the topic.
    expect((await writesSince(sb, m)).map((e) => e.operation)).toEqual(['PartnerTopicEventSubscriptions_CreateOrUpdate', 'PartnerTopics_Activate', 'PartnerTopics_Update']);
    expectConverged(sb);
  }, 60_000);
});
