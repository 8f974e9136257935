/**
 * The CLI's tools for consumer developers, run from the built CLI (node lib/src/cli.js) as a user runs
 * them: `send-test-event --to` against real HTTPS receivers (the CloudEvents handshake first, then
 * CloudEvents validated against the CloudEvents 1.0 schema, carrying records valid against Auth0's log
 * schema), and `sandbox` + `send-test-event --via-sandbox`, where the records flow through a log stream
 * and an event subscription that the Action set up.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import { testSandbox } from './helpers/sandbox.js';
import { SPECS_DIR } from './conformance/specs.js';
import { runAction } from './helpers/action.js';
import { startReceiver, type Receiver, type ReceiverOptions } from './helpers/receiver.js';
import { CLOUDEVENTS_1_0_SCHEMA } from './helpers/cloudevents-schema.js';
import { DEFAULT_IDS, type Sandbox, type SandboxInfo } from '../sandbox/index.js';
import { cliEntry } from './helpers/dist.js';

const CLI = cliEntry();
const LOG_SCHEMA = join(SPECS_DIR, 'auth0', 'auth0-log-schemas.all-log-types.schema.json');
const KEY = 'fnKey_3a9c1e77b2';

const Ajv = ((AjvModule as any).default ?? AjvModule) as any;
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as any;

function validator(schema: object): (v: unknown) => string[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const check = ajv.compile(schema);
  return (v) => (check(v) ? [] : check.errors.map((x: any) => `${x.instancePath} ${x.message}`));
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

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI bundle to completion. */
function cli(args: string[], timeoutMs = 30_000): Promise<CliRun> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code: code ?? 1, stdout, stderr });
    });
  });
}

/** Starts `auth0-eventgrid sandbox …` and resolves once its first stdout line is out. */
function startCliSandbox(args: string[]): Promise<{ child: ChildProcessWithoutNullStreams; first: string; output: () => string }> {
  const child = spawn(process.execPath, [CLI, 'sandbox', ...args], { env: process.env });
  let out = '';
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the sandbox did not start: ${out}`)), 20_000);
    child.stderr.on('data', (d) => (out += d));
    child.stdout.on('data', (d) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl !== -1) {
        clearTimeout(timer);
        done({ child, first: out.slice(0, nl), output: () => out });
      }
    });
    child.on('exit', (code) => fail(new Error(`the sandbox exited with ${code}: ${out}`)));
  });
}

const exitOf = (child: ChildProcessWithoutNullStreams) => new Promise<number | null>((r) => child.on('exit', (code) => r(code)));

describe('auth0-eventgrid send-test-event and sandbox', () => {
  let sb: Sandbox; // only its TLS material (signed by the CA the test run trusts) serves the receivers
  const receivers: Receiver[] = [];
  const receiver = async (opts: ReceiverOptions = {}) => {
    const r = await startReceiver(sb.context.tls, opts);
    receivers.push(r);
    return r;
  };
  const isCloudEvent = validator(CLOUDEVENTS_1_0_SCHEMA);
  const isLogRecord = logValidator();

  beforeAll(async () => {
    sb = await testSandbox();
  });
  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    await sb.stop();
  });

  test('--to: the handshake first, then valid CloudEvents carrying valid Auth0 records; each delivery reported', async () => {
    const r = await receiver();
    const url = `${r.url}?code=${KEY}`;
    const run = await cli(['send-test-event', '--to', url, '--type', 's,f', '--count', '2', '--tenant', 'acme', '--data', '{"user_name":"ada@example.com"}', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);

    // The CloudEvents abuse-protection handshake, before any event.
    expect(r.options).toHaveLength(1);
    expect(r.options[0].headers['webhook-request-origin']).toBe('eventgrid.azure.net');
    expect(r.options[0].at).toBeLessThanOrEqual(r.events[0].at);

    expect(r.events).toHaveLength(4);
    for (const e of r.events) {
      expect(isCloudEvent(e.body)).toEqual([]);
      expect(e.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
      expect(e.headers['aeg-event-type']).toBe('Notification');
      expect(e.headers['aeg-delivery-count']).toBe('0');
      expect(e.body).toMatchObject({ specversion: '1.0', id: e.body.data.log_id, source: 'auth0.com/acme/log-streams/send-test-event', type: `auth0.logs.${e.body.data.type}`, subject: `logs/${e.body.data.type}`, time: e.body.data.date, datacontenttype: 'application/json' });
      expect(e.body.data).toMatchObject({ tenant_name: 'acme', user_name: 'ada@example.com', log_id: expect.stringMatching(/^900\d{53}$/) });
      if (isLogRecord) expect(isLogRecord(e.body.data)).toEqual([]);
    }
    expect(r.events.map((e) => e.body.data.type)).toEqual(['s', 'f', 's', 'f']);
    expect(r.events[1].body.data).toMatchObject({ description: expect.any(String), connection: 'Username-Password-Authentication' });
    expect(new Set(r.events.map((e) => e.body.id)).size).toBe(4);

    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ mode: 'direct', endpoint: r.url, handshake: { ok: true, status: 200, allowedRate: '*' }, sent: 4, delivered: 4, failed: 0 });
    expect(report.events.map((d: any) => [d.n, d.type, d.status, d.outcome])).toEqual([
      [1, 's', 200, 'delivered'],
      [2, 'f', 200, 'delivered'],
      [3, 's', 200, 'delivered'],
      [4, 'f', 200, 'delivered'],
    ]);
    expect(report.events.map((d: any) => d.id)).toEqual(r.events.map((e) => e.body.id));
    expect(run.stdout + run.stderr).not.toContain(KEY);

    // The text report: one line per delivery.
    const text = await cli(['send-test-event', '--to', url, '--type', 'sapi']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`Handshake: OPTIONS ${r.url} → 200, origin eventgrid.azure.net allowed, rate *`);
    expect(text.stdout).toMatch(/^\s+1 {2}sapi\s+900\d+ {2}200 {2}delivered {2}\d+ ms$/m);
    expect(text.stdout).toContain(`Delivered 1 of 1 events to ${r.url}`);
    expect(text.stdout + text.stderr).not.toContain(KEY);
    expect(r.events.at(-1)!.body.data.type).toBe('sapi');
  });

  test('--to refuses an endpoint that fails the handshake: clear error, nonzero exit, nothing sent', async () => {
    const stingy = await receiver({ grant: 'none' }); // answers OPTIONS 200 without WebHook-Allowed-Origin
    const run = await cli(['send-test-event', '--to', `${stingy.url}?code=${KEY}`, '--type', 's']);
    expect(run.code).toBe(1);
    expect(stingy.options).toHaveLength(1);
    expect(stingy.events).toHaveLength(0);
    expect(run.stderr).toContain("the endpoint refused Event Grid's handshake, so Event Grid would not deliver to it");
    expect(run.stderr).toContain(`Webhook validation handshake failed for ${stingy.url}. Http OPTIONS request returned 200 with no WebHook-Allowed-Origin header`);
    expect(run.stderr).toContain('Fix: answer OPTIONS with 200 and the header WebHook-Allowed-Origin: eventgrid.azure.net (or *)');
    expect(run.stdout + run.stderr).not.toContain(KEY);

    const closed = await cli(['send-test-event', '--to', 'https://127.0.0.1:9/api/events', '--json']);
    expect(closed.code).toBe(1);
    expect(closed.stderr).toContain('(no answer: ECONNREFUSED)');
    expect(JSON.parse(closed.stdout)).toMatchObject({ handshake: { ok: false, error: 'ECONNREFUSED' }, sent: 0 });
  });

  test('--to reports failed deliveries (not 200-204) and exits 1', async () => {
    const failing = await receiver({ status: (n) => (n === 2 ? 500 : 200) });
    const run = await cli(['send-test-event', '--to', failing.url, '--type', 'f', '--count', '3', '--json']);
    expect(run.code).toBe(1);
    expect(failing.events).toHaveLength(3);
    const report = JSON.parse(run.stdout);
    expect(report.events.map((d: any) => [d.status, d.outcome])).toEqual([
      [200, 'delivered'],
      [500, 'failed'],
      [200, 'delivered'],
    ]);
    expect(report).toMatchObject({ endpoint: failing.url, sent: 3, delivered: 2, failed: 1 }); // no key in this URL: shown as it is
    expect(run.stderr).toContain('1 of 3 deliveries failed');
  });

  test.each([
    [['send-test-event', '--type', 's'], 'give one destination'],
    [['send-test-event', '--to', 'https://127.0.0.1:9/x', '--via-sandbox', 'https://127.0.0.1:9'], 'give one destination'],
    [['send-test-event', '--to', 'http://127.0.0.1:9/x'], 'must be an https:// URL'],
    [['send-test-event', '--to', 'https://127.0.0.1:9/x', '--type', 's,nope'], 'unknown "nope"'],
    [['send-test-event', '--to', 'https://127.0.0.1:9/x', '--count', '0'], '--count "0" must be a whole number from 1 to 1000'],
    [['send-test-event', '--to', 'https://127.0.0.1:9/x', '--data', '[1]'], '--data must be a JSON object'],
    [['send-test-event', '--to', 'https://127.0.0.1:9/x', '--nope'], 'unknown option --nope (did you mean --type?)'],
    [['sandbox', '--port', 'x'], '--port "x" must be an integer'],
    [['sandbox', '--set', 'nope=1'], 'unknown setting "nope"'],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('--help');
  });

  test('sandbox + send-test-event --via-sandbox: the records flow through the stream and the subscription', async () => {
    const caDir = process.env.SANDBOX_CA_DIR!;
    const fast = ['providerRegistrationDelayMs=50', 'partnerTopicDelayMs=50', 'lroDurationMs=50', 'retryAfterSeconds=0', 'validateWebhooks=true'].flatMap((s) => ['--set', s]);
    const { child, first } = await startCliSandbox(['--json', '--ca-dir', caDir, ...fast]);
    const exited = exitOf(child);
    try {
      const info = JSON.parse(first) as SandboxInfo;
      const arm = info.endpoints.arm;
      const tenant = info.auth0[0];

      // Nothing streams yet: the records are written, but nothing flows (exit 1, with the reason).
      const none = await cli(['send-test-event', '--via-sandbox', arm, '--type', 's']);
      expect(none.code).toBe(1);
      expect(none.stdout).toMatch(/Wrote 1 record to the log of Auth0 tenant dev-tenant/);
      expect(none.stderr).toContain('no active eventgrid log stream of tenant dev-tenant selects these records');

      // setup through the Action against this sandbox, with a receiver (the handshake happens).
      const r = await receiver();
      const setup = await runAction({
        'azure-subscription-id': info.azure.subscriptionId,
        'azure-resource-group': info.azure.resourceGroup,
        'azure-region': info.azure.region,
        'azure-client-id': info.azure.clientId,
        'azure-tenant-id': info.azure.tenantId,
        'azure-client-secret': info.azure.clientSecret,
        'azure-resource-manager-endpoint': arm,
        'azure-authority-host': info.endpoints.entra,
        'auth0-domain': tenant.domain,
        'auth0-client-id': tenant.clientId,
        'auth0-client-secret': tenant.clientSecret,
        'auth0-tenant': tenant.tenant,
        'event-categories': 'auth.login.success, auth.login.fail',
        'webhook-url': r.url,
        'wait-timeout': '30s',
      });
      expect(setup.code).toBe(0);
      expect(setup.outputs.health).toBe('healthy');
      expect(r.options).toHaveLength(1);

      const sent = await cli(['send-test-event', '--via-sandbox', arm, '--type', 's,f,scp', '--json']);
      expect(sent.code).toBe(0);
      const report = JSON.parse(sent.stdout);
      expect(report.records.map((x: any) => x.type)).toEqual(['s', 'f', 'scp']);
      expect(report.streams).toEqual([expect.objectContaining({ status: 'active', records: 2, published: 2, topic: expect.objectContaining({ activationState: 'Activated' }) })]);
      expect(report.subscriptions).toEqual([expect.objectContaining({ name: 'auth0-logs', delivered: 2, failedAttempts: 0 })]);
      // What the receiver got: the two login records (scp, a password change, is not in the stream's categories).
      const got = r.events.filter((e) => e.body.data.tenant_name === 'dev-tenant').map((e) => e.body);
      expect(got.map((e) => [e.id, e.data.type])).toEqual(report.records.slice(0, 2).map((x: any) => [x.log_id, x.type]));
      for (const e of got) expect(isCloudEvent(e)).toEqual([]);
      if (isLogRecord) for (const e of got) expect(isLogRecord(e.data)).toEqual([]);

      const text = await cli(['send-test-event', '--via-sandbox', arm, '--type', 's', '--count', '2']);
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(/Stream azure-eventgrid-auth0-events-5f1c9a3e \(active\) → partner topic auth0-dev-tenant-[A-Za-z0-9-]+ \(Activated\): selects 2 of 2, published 2/);
      expect(text.stdout).toContain('event subscription auth0-logs: 2 delivered, 0 failed attempts');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0); // stops cleanly on SIGTERM
  });

  test('sandbox without --json prints where things are and how to trust the CA, not the credentials', async () => {
    const { child, output } = await startCliSandbox(['--ca-dir', process.env.SANDBOX_CA_DIR!]);
    const exited = exitOf(child);
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    const out = output();
    expect(out).toContain('auth0-eventgrid sandbox is running (Ctrl-C stops it)');
    expect(out).toContain(`export NODE_EXTRA_CA_CERTS=${resolve(process.env.SANDBOX_CA_DIR!, 'ca.pem')}`);
    expect(out).toMatch(/Azure Resource Manager https:\/\/127\.0\.0\.1:\d+/);
    expect(out).toContain('send-test-event --via-sandbox https://127.0.0.1:');
    for (const secret of [DEFAULT_IDS.clientSecret, DEFAULT_IDS.auth0ClientSecret, DEFAULT_IDS.readerSecret]) expect(out).not.toContain(secret);
  });
});
