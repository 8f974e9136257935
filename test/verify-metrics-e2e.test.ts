/**
 * End to end: verify's delivery metrics and its end-to-end probe, through the bundled Action (node
 * dist/index.js) against the sandbox, with real HTTPS webhook receivers and Event Grid's handshake.
 * Events flow: Auth0 log records (written through the admin API, or provoked by the probe) → the log
 * stream → the partner topic → the receiver; verify reads Azure Monitor's counts of all of it.
 */
import { testSandbox, admin } from './helpers/sandbox.js';
import { baseInputs, runAction, type ActionRun } from './helpers/action.js';
import { startReceiver, type Receiver, type ReceiverOptions } from './helpers/receiver.js';
import { DEFAULT_IDS, type Sandbox } from '../sandbox/index.js';

const SUB = DEFAULT_IDS.subscriptionId;
const RG = DEFAULT_IDS.resourceGroup;
const TENANT = DEFAULT_IDS.auth0Tenant;
const STORAGE = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Storage/storageAccounts/auth0deadletters`;
const HOOK_KEY = 'hookKey_7c1e0b5a9d';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, fn: () => T | undefined | false | Promise<T | undefined | false>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

const reportOf = (r: ActionRun) => JSON.parse(r.outputs.report);
const checkOf = (r: ActionRun, id: string) => reportOf(r).checks.find((c: any) => c.id === id);
/** What a runner would show (`::add-mask::` lines are how it learns what to mask; it never shows them). */
const visible = (text: string) => text.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');

describe('verify: delivery metrics and the end-to-end probe', () => {
  let sb: Sandbox;
  const receivers: Receiver[] = [];
  const receiver = async (opts: ReceiverOptions = {}) => {
    const r = await startReceiver(sb.context.tls, opts);
    receivers.push(r);
    return r;
  };
  const hook = (r: Receiver) => `${r.url}?code=${HOOK_KEY}`;
  const write = async (...records: Record<string, unknown>[]) => (await admin(sb, 'POST', `auth0/${TENANT}/logs`, records)).value as Record<string, any>[];
  const mark = async () => (await admin(sb, 'GET', 'requests?since=999999999')).mark as number;
  const requestsSince = async (m: number) => (await admin(sb, 'GET', `requests?since=${m}`)).value as any[];
  const metricsReads = (reqs: any[]) => reqs.filter((q) => q.operation === 'Metrics_List');

  /** setup through the Action, with a webhook receiver (validated: the handshake happens). */
  async function setup(r: Receiver, extra: Record<string, string> = {}) {
    const run = await runAction(baseInputs(sb, { 'webhook-url': hook(r), 'event-categories': 'auth.login.success, auth.login.fail, management.fail', ...extra }));
    expect(run.stdout).not.toContain('::error');
    expect(run.code).toBe(0);
    return run;
  }

  beforeEach(async () => {
    sb = await testSandbox();
    await admin(sb, 'PATCH', 'settings', { validateWebhooks: true });
  });
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((r) => r.close()));
    await sb.stop();
  });

  test('verify reports the counts after events flowed; setup reads no metrics', async () => {
    const ok = await receiver();
    const m0 = await mark();
    const s = await setup(ok);
    expect(ok.options.length).toBeGreaterThanOrEqual(1); // Event Grid's CloudEvents handshake
    expect(metricsReads(await requestsSince(m0))).toEqual([]);
    expect(checkOf(s, 'delivery-metrics')).toBeUndefined();

    // 3 successful and 2 failed logins (streamed), 1 password change (not in the stream's categories).
    await write({ type: 's' }, { type: 's' }, { type: 's' }, { type: 'f' }, { type: 'f' }, { type: 'scp' });
    await until('5 deliveries', () => ok.events.length === 5);

    const m1 = await mark();
    const v = await runAction(baseInputs(sb, { command: 'verify', 'webhook-url': hook(ok) }));
    expect(v.code).toBe(0);
    expect(v.outputs.health).toBe('healthy');
    const reqs = await requestsSince(m1);
    expect(reqs.filter((q) => q.write)).toEqual([]);
    expect(metricsReads(reqs)).toHaveLength(2); // the topic's counts, and the subscriptions' through EventSubscriptionName
    const f = reportOf(v).facts.deliveryMetrics;
    expect(f).toMatchObject({
      window: '24h',
      published: 5,
      unmatched: 0,
      totals: { matched: 5, delivered: 5, failedAttempts: 0, dropped: 0, deadLettered: 0 },
      subscriptions: { 'auth0-logs': { matched: 5, delivered: 5, failedAttempts: 0, dropped: 0, deadLettered: 0 } },
    });
    expect(Date.parse(f.to) - Date.parse(f.from)).toBe(86_400_000);
    expect(checkOf(v, 'delivery-metrics')).toMatchObject({ status: 'pass', title: 'Event delivery (last 24h)', detail: expect.stringContaining('5 published, 5 matched, 5 delivered, 0 failed attempts') });
    expect(v.stdout).toMatch(/Events \(last 24h\)\s+5 published, 5 matched, 5 delivered, 0 failed attempts, 0 dropped, 0 dead-lettered/);

    // A window that ends before the events: none published is informational, not a problem.
    await admin(sb, 'POST', 'clock', { advance: '2h' });
    const later = await runAction(baseInputs(sb, { command: 'verify', 'webhook-url': hook(ok), 'metrics-window': '1h' }));
    expect(later.code).toBe(0);
    expect(later.outputs.health).toBe('healthy');
    expect(checkOf(later, 'delivery-metrics')).toMatchObject({ status: 'pass', title: 'Event delivery (last 1h)', detail: expect.stringMatching(/^No events published in the last 1h/) });
    expect(reportOf(later).facts.deliveryMetrics).toMatchObject({ window: '1h', published: 0 });
    for (const secret of [DEFAULT_IDS.clientSecret, DEFAULT_IDS.auth0ClientSecret, HOOK_KEY]) expect(visible(v.all + later.all)).not.toContain(secret);
  });

  test('a failing receiver: failed attempts, dead-letters and drops degrade health, with the fix', async () => {
    const down = await receiver({ status: () => 503 });
    const rejecting = await receiver({ status: () => 400 });
    await setup(down, { 'max-delivery-attempts': '2', 'dead-letter-blob-container': `${STORAGE}/blobServices/default/containers/deadletters` });
    await setup(rejecting, { 'event-subscription-name': 'rejecting' }); // no dead-letter destination: 400 is not retried, the event is dropped
    expect(down.options.length).toBeGreaterThanOrEqual(1);
    expect(rejecting.options.length).toBeGreaterThanOrEqual(1);

    await write({ type: 's' }, { type: 'f' });
    await until('first attempts', () => down.events.length === 2 && rejecting.events.length === 2);
    await admin(sb, 'POST', 'clock', { advance: '30s' }); // Event Grid retries a 503 after 30 s at the earliest
    await until('second attempts', () => down.events.length === 4);
    await admin(sb, 'POST', 'clock', { advance: '5m' }); // dead-lettered 5 minutes after the last attempt
    await until('dead letters', async () => (await admin(sb, 'GET', 'deadletter')).value[0]?.blobCount === 2);

    const v = await runAction(baseInputs(sb, { command: 'verify', 'webhook-url': hook(down) }));
    expect(v.code).toBe(0); // fail-on: unhealthy (the default)
    expect(v.outputs.health).toBe('degraded');
    expect(reportOf(v).facts.deliveryMetrics).toMatchObject({
      published: 2,
      totals: { matched: 4, delivered: 0, failedAttempts: 6, dropped: 2, deadLettered: 2 },
      subscriptions: { 'auth0-logs': { matched: 2, failedAttempts: 4, deadLettered: 2, dropped: 0 }, rejecting: { matched: 2, failedAttempts: 2, dropped: 2 } },
    });
    const c = checkOf(v, 'delivery-metrics');
    expect(c.status).toBe('warn');
    expect(c.detail).toContain('2 published, 4 matched, 0 delivered, 6 failed attempts, 2 dropped, 2 dead-lettered');
    expect(c.detail).toContain('auth0-logs: 4 failed attempts, 2 dead-lettered');
    expect(c.detail).toContain('rejecting: 2 failed attempts, 2 dropped');
    expect(c.fix).toContain('answers 200-204');
    expect(c.fix).toContain('dead-lettered events in auth0deadletters/deadletters');
    expect(c.fix).toContain('set dead-letter-blob-container');
    expect(v.stdout).toMatch(/::warning title=Event delivery \(last 24h\)::/);

    const strict = await runAction(baseInputs(sb, { command: 'verify', 'webhook-url': hook(down), 'fail-on': 'degraded' }));
    expect(strict.code).toBe(1);
    expect(strict.all).toMatch(/Health is degraded \(fail-on: degraded\)/);
  });

  test('a principal without Microsoft.Insights/metrics/read: verify degrades with the role to add, and does not fail', async () => {
    const ok = await receiver();
    await setup(ok);
    await write({ type: 's' });
    await until('a delivery', () => ok.events.length === 1);
    // EventGrid Contributor on the group reads everything else verify needs, but not metrics.
    const creds = { 'azure-client-id': DEFAULT_IDS.rgOnlyClientId, 'azure-client-secret': DEFAULT_IDS.rgOnlySecret };
    const v = await runAction(baseInputs(sb, { command: 'verify', 'webhook-url': hook(ok), ...creds }));
    expect(v.code).toBe(0);
    expect(v.outputs.health).toBe('degraded');
    const r = reportOf(v);
    expect(r.failure).toBeUndefined();
    expect(r.checks.filter((c: any) => c.status !== 'pass').map((c: any) => c.id)).toEqual(['delivery-metrics']);
    const c = checkOf(v, 'delivery-metrics');
    expect(c.detail).toContain('AuthorizationFailed');
    expect(c.detail).toContain('Microsoft.Insights/metrics/read');
    expect(c.fix).toContain(`"Monitoring Reader" on /subscriptions/${SUB}/resourceGroups/${RG}`);
    expect(c.fix).toContain(`--assignee ${DEFAULT_IDS.rgOnlyClientId}`);
    expect(r.facts.deliveryMetrics).toBeUndefined();
    expect(r.steps.find((s: any) => s.id === 'metrics')).toMatchObject({ status: 'skipped' });
    expect(visible(v.all)).not.toContain(DEFAULT_IDS.rgOnlySecret);

    // The probe needs the metrics to see its event: it says so instead of waiting, and provokes nothing.
    const m = await mark();
    const p = await runAction(baseInputs(sb, { command: 'verify', 'webhook-url': hook(ok), probe: 'true', ...creds }));
    expect(p.code).toBe(0);
    expect(checkOf(p, 'probe')).toMatchObject({ status: 'warn', detail: expect.stringContaining('Not run: the delivery metrics'), fix: expect.stringContaining('Monitoring Reader') });
    expect((await requestsSince(m)).filter((q) => q.path.includes('lst_0000000000000000'))).toEqual([]);

    // A Reader on the subscription may read metrics.
    const reader = await runAction(baseInputs(sb, { command: 'verify', 'webhook-url': hook(ok), 'azure-client-id': DEFAULT_IDS.readerClientId, 'azure-client-secret': DEFAULT_IDS.readerSecret }));
    expect(checkOf(reader, 'delivery-metrics')).toMatchObject({ status: 'pass' });
    expect(reportOf(reader).facts.deliveryMetrics).toMatchObject({ published: 1, totals: { delivered: 1 } });
  });

  test('probe: true provokes a harmless Auth0 event and reports it published and delivered, with the latency', async () => {
    const ok = await receiver();
    await setup(ok);
    const before = ok.events.length;
    const m = await mark();
    const v = await runAction(baseInputs(sb, { command: 'verify', 'webhook-url': hook(ok), probe: 'true' }));
    expect(v.code).toBe(0);
    expect(v.outputs.health).toBe('healthy');
    const r = reportOf(v);
    expect(r.facts.probe).toMatchObject({ outcome: 'delivered', before: { published: 0, delivered: 0 }, after: { published: 1, delivered: 1 } });
    expect(r.facts.probe.deliveredAfterMs).toBeGreaterThan(0);
    expect(r.facts.probe.deliveredAfterMs).toBeLessThan(30_000);
    expect(r.facts.probe.publishedAfterMs).toBeLessThanOrEqual(r.facts.probe.deliveredAfterMs);
    expect(checkOf(v, 'probe')).toMatchObject({ status: 'pass', detail: expect.stringMatching(/^An Auth0 event \(fapi\) was published after \d+\.\d s and delivered after \d+\.\d s/) });
    expect(v.stdout).toMatch(/Probe\s+delivered in \d/);

    // What arrived: the fapi record of the failed read, as a CloudEvent.
    const arrived = ok.events.slice(before).map((e) => e.body);
    expect(arrived).toHaveLength(1);
    expect(arrived[0]).toMatchObject({ specversion: '1.0', type: 'auth0.logs.fapi', data: { type: 'fapi', details: { request: { method: 'get', path: '/api/v2/log-streams/lst_0000000000000000' }, response: { statusCode: 404 } } } });
    // Harmless: no write anywhere (the one Auth0 request is a read).
    const reqs = await requestsSince(m);
    expect(reqs.filter((q) => q.write)).toEqual([]);
    expect(reqs.filter((q) => q.path.includes('lst_0000000000000000')).map((q) => [q.method, q.status])).toEqual([['GET', 404]]);
    expect(visible(v.all)).not.toContain(HOOK_KEY);
  });

  test('probe: true fails with the reason when the topic is deactivated (Auth0 cannot publish)', async () => {
    const ok = await receiver();
    await setup(ok);
    const d = await runAction(baseInputs(sb, { command: 'deactivate-topic', 'webhook-url': hook(ok) }));
    expect(d.outputs['activation-state']).toBe('Deactivated');
    const before = ok.events.length;
    const t0 = Date.now();
    const v = await runAction(baseInputs(sb, { command: 'verify', 'webhook-url': hook(ok), probe: 'true', 'wait-timeout': '6s' }));
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(v.code).toBe(1);
    expect(v.outputs.health).toBe('unhealthy');
    const r = reportOf(v);
    expect(r.facts.probe).toMatchObject({ outcome: 'not-published', before: { published: 0 }, after: { published: 0, delivered: 0 } });
    expect(r.facts.probe.reads).toBeGreaterThan(1);
    const c = checkOf(v, 'probe');
    expect(c.status).toBe('fail');
    expect(c.detail).toMatch(/not published to the partner topic within \d+\.\d s: PublishSuccessCount stayed at 0, so Auth0 could not publish it/);
    expect(c.detail).toContain('Topic activated: Deactivated');
    expect(c.fix).toContain('activate-topic');
    expect(v.all).toMatch(/End-to-end probe/);
    expect(ok.events.length).toBe(before);
    // Auth0 did try: its publish failed and it logged the failure.
    await until('the failure record', async () => (await admin(sb, 'GET', `auth0/${TENANT}/logs?type=wn`)).value.some((l: any) => /fapi|log_stream/.test(JSON.stringify(l))));
  });

  test('probe: true with a stream that leaves out management.fail says so instead of waiting', async () => {
    const ok = await receiver();
    await setup(ok, { 'event-categories': 'auth.login.success' });
    const m = await mark();
    const t0 = Date.now();
    const v = await runAction(baseInputs(sb, { command: 'verify', 'webhook-url': hook(ok), 'event-categories': 'auth.login.success', probe: 'true' }));
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(v.code).toBe(0);
    expect(v.outputs.health).toBe('degraded');
    expect(checkOf(v, 'probe')).toMatchObject({
      status: 'warn',
      detail: expect.stringContaining("the stream's filters leave out management.fail"),
      fix: expect.stringContaining('Add management.fail to event-categories'),
    });
    expect(reportOf(v).facts.probe).toEqual({ outcome: 'not-run' });
    expect((await requestsSince(m)).filter((q) => q.path.includes('lst_0000000000000000'))).toEqual([]);
  });
});
