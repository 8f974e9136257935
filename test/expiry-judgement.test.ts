/**
 * Auth0's partner authorization judged by what its expiry stops, end to end (the bundled Action, the
 * ChatOps bot, the sandbox): expired with an activated topic is degraded and events keep arriving;
 * expired while the topic still has to be created is unhealthy with the renewal as the fix; verify,
 * check-expiry and /renew-authorization judge the same authorization the same way, and the defaults
 * (authorization-days 7, warn-days 14) agree with each other. Also: a dry run succeeds whenever its
 * plan was computed, and counts it in the changes output.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { until } from './helpers/until.js';
import { testSandbox, admin, mark, writesSince } from './helpers/sandbox.js';
import { baseInputs, runAction, type ActionRun } from './helpers/action.js';
import { startReceiver, type Receiver } from './helpers/receiver.js';
import { commitFiles, configText, credentialEnv, environment, replies, startTestBot, CONFIG_PATH } from './helpers/bot.js';
import type { Sandbox } from '../sandbox/index.js';

const CONSEQUENCE = /Auth0 can no longer create, update or delete partner resources in auth0-events: a recreated log stream or a new environment streaming to this group will fail/;

/** The result of one environment (a fleet report holds one per environment). */
function result(run: ActionRun): any {
  const r = JSON.parse(run.outputs.report);
  return r.kind === 'fleet' ? r.environments[0] : r;
}

function authorizationCheck(run: ActionRun): any {
  return result(run).checks.find((c: any) => c.id === 'authorization');
}

describe('authorization expiry judged by what it stops', () => {
  let sb: Sandbox;
  let receiver: Receiver | undefined;
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
    await sb?.stop();
  });

  test('expired with an activated topic: degraded, the consequence spelled out, and events still arrive', async () => {
    // What the real service does to delivery after expiry is not public: the product must not rely on
    // it stopping, so the sandbox keeps publishing here.
    sb = await testSandbox({ settings: { publishRequiresAuthorization: false, validateWebhooks: true } });
    receiver = await startReceiver(sb.context.tls);
    const inputs = baseInputs(sb, { 'webhook-url': receiver.url });
    const setup = await runAction({ ...inputs, command: 'setup' });
    expect(setup.code).toBe(0);
    expect(setup.outputs['activation-state']).toBe('Activated');

    await admin(sb, 'POST', 'clock', { advance: '8d' }); // the default 7-day authorization is over
    const verify = await runAction({ ...inputs, command: 'verify' });
    expect(verify.code).toBe(0); // fail-on: unhealthy
    expect(verify.outputs.health).toBe('degraded');
    const v = authorizationCheck(verify);
    expect(v.status).toBe('warn');
    expect(v.detail).toMatch(/^Expired at \S+: /);
    expect(v.detail).toMatch(CONSEQUENCE);
    expect(v.fix).toMatch(/\/renew-authorization 7/);
    expect(verify.stdout).toMatch(/::warning title=Auth0 authorized::Expired at/);

    const check = await runAction({ ...inputs, command: 'check-expiry' });
    expect(check.code).toBe(0);
    expect(check.outputs.health).toBe('degraded');
    // One judgement, one phrasing.
    expect(authorizationCheck(check)).toEqual(v);
    expect(result(check).facts.authorizationState).toBe('expired');

    const [record] = (await admin(sb, 'POST', 'auth0/dev-tenant/logs', [{ type: 's', user_name: 'ada@example.com' }])).value;
    const got = await until('the event after expiry', () => receiver!.events.find((e) => e.body.id === record.log_id));
    expect(got.body.data.type).toBe('s');
  });

  test('expired while the partner topic still has to be created: unhealthy, with the renewal as the fix', async () => {
    // Auth0 creates the topic a month (sandbox time) after the stream: setup gives up waiting for it.
    sb = await testSandbox({ settings: { publishRequiresAuthorization: false, partnerTopicDelayMs: 30 * 86_400_000 } });
    const inputs = baseInputs(sb, { 'wait-timeout': '2s' });
    const setup = await runAction({ ...inputs, command: 'setup' });
    expect(setup.code).toBe(1);
    expect(setup.all).toMatch(/PartnerTopicNotFound/);

    await admin(sb, 'POST', 'clock', { advance: '8d' });
    const verify = await runAction({ ...inputs, command: 'verify' });
    expect(verify.code).toBe(1);
    expect(verify.outputs.health).toBe('unhealthy');
    const v = authorizationCheck(verify);
    expect(v.status).toBe('fail');
    expect(v.detail).toMatch(CONSEQUENCE);
    expect(v.detail).toMatch(/the stream has no partner topic yet, and Auth0 cannot create it/);
    expect(v.fix).toMatch(/^Renew it: comment `\/renew-authorization 7`, or run the workflow with command: renew-authorization/);

    const check = await runAction({ ...inputs, command: 'check-expiry' });
    expect(check.code).toBe(1);
    expect(authorizationCheck(check)).toEqual(v);

    const renew = await runAction({ ...inputs, command: 'renew-authorization' });
    expect(renew.code).toBe(0);
    expect(authorizationCheck(renew)).toMatchObject({ status: 'pass' });
    expect(authorizationCheck(await runAction({ ...inputs, command: 'verify' }))).toMatchObject({ status: 'pass' });
  });

  test('dry-run exits 0 whenever the plan was computed, writes nothing, and counts the plan in changes', async () => {
    sb = await testSandbox();
    const inputs = baseInputs(sb, { 'webhook-url': 'https://127.0.0.1:9/hook' });
    let m = await mark(sb);
    const plan = await runAction({ ...inputs, command: 'setup', 'dry-run': 'true' });
    expect(plan.code).toBe(0);
    expect(plan.outputs.health).toBe('unhealthy'); // the present state: nothing exists yet
    expect(Number(plan.outputs.changes)).toBeGreaterThan(0);
    expect(Number(plan.outputs.changes)).toBe(result(plan).steps.reduce((n: number, s: any) => n + s.changes.length, 0));
    expect(plan.stdout).not.toMatch(/::error::/);
    expect(await writesSince(sb, m)).toEqual([]);

    const applied = await runAction({ ...inputs, command: 'setup' });
    expect(applied.code).toBe(0);
    expect(Number(applied.outputs.changes)).toBeGreaterThan(0);
    m = await mark(sb);
    const again = await runAction({ ...inputs, command: 'setup', 'dry-run': 'true' });
    expect(again.code).toBe(0);
    expect(again.outputs.changes).toBe('0');
    expect(await writesSince(sb, m)).toEqual([]);
  });
});

describe('defaults that agree (authorization-days 7, warn-days 14, critical-days 3)', () => {
  let sb: Sandbox;
  let workspace: string;
  let receiver: Receiver;
  beforeAll(async () => {
    sb = await testSandbox({ settings: { publishRequiresAuthorization: false } });
    receiver = await startReceiver(sb.context.tls);
    // Nothing but the target, the credentials and a destination: every expiry setting is the default.
    const text = configText({ prod: environment(sb, { 'webhook-url': receiver.url }) });
    await commitFiles(sb, { [CONFIG_PATH]: text });
    workspace = mkdtempSync(join(tmpdir(), 'a0eg-ws-'));
    mkdirSync(join(workspace, '.github'));
    writeFileSync(join(workspace, CONFIG_PATH), text);
  }, 60_000);
  afterAll(async () => {
    await receiver?.close();
    await sb?.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  const action = (command: string, extra: Record<string, string> = {}) => {
    const g = sb.info().github;
    return runAction({ command, environment: 'prod', 'github-token': g.token, 'github-api-url': g.apiUrl, ...extra }, { ...credentialEnv(sb), GITHUB_WORKSPACE: workspace, GITHUB_REPOSITORY: g.repository });
  };
  const trackingIssues = async () => ((await admin(sb, 'GET', 'github/issues')).value as any[]).filter((i) => /auth0-eventgrid:tracking/.test(i.body ?? ''));

  test('a fresh default setup is healthy for check-expiry and verify; inside the window both warn alike; /renew-authorization with the default clears it', async () => {
    const setup = await action('setup');
    expect(setup.code).toBe(0);
    expect(result(setup).facts.daysUntilExpiry).toBe(7);

    // Right after setup: a 7-day authorization is not "inside warn-days 14".
    const fresh = await action('check-expiry');
    expect(fresh.code).toBe(0);
    expect(fresh.outputs.health).toBe('healthy');
    expect(authorizationCheck(fresh).status).toBe('pass');
    expect(await trackingIssues()).toEqual([]);
    const verified = await action('verify');
    expect(authorizationCheck(verified).status).toBe('pass');
    expect(verified.outputs.health).toBe('healthy');

    // 100 hours later, under 3 days are left: past half of the 7 granted (warn), not yet a quarter (critical).
    await admin(sb, 'POST', 'clock', { advance: '100h' });
    const warned = await action('check-expiry');
    expect(warned.code).toBe(0);
    expect(warned.outputs.health).toBe('degraded');
    const w = authorizationCheck(warned);
    expect(w.status).toBe('warn');
    expect(w.detail).toMatch(/^Expires in 3 days \(\S+\), within 3\.5 days: warn-days 14, at most half of authorization-days 7; then Auth0 can no longer create/);
    expect(authorizationCheck(await action('verify'))).toEqual(w);
    const [issue] = await trackingIssues();
    expect(issue).toMatchObject({ state: 'open', title: 'auth0-eventgrid: Auth0 authorization for prod expires in 3 days (warning)' });
    expect(issue.body).toContain('/renew-authorization prod 7');
    expect(issue.body).toMatch(CONSEQUENCE);

    // The bot renews with the default (authorization-days 7) and that clears its own warning.
    const bot = await startTestBot(sb);
    try {
      await bot.send('issue_comment.created', { issue: issue.number, body: '/renew-authorization', user: 'octo-writer' });
      const [reply] = await replies(sb, issue.number);
      expect(reply).toMatch(/🚀 done/);
      expect(reply).toMatch(/now until \S+ \(7 days\)/);
      expect(reply).toContain('**Resolved** (Auth0 is authorized until');
    } finally {
      await bot.close();
    }
    expect((await trackingIssues())[0].state).toBe('closed');
    const after = await action('check-expiry');
    expect(after.outputs.health).toBe('healthy');
    expect((await trackingIssues())[0].state).toBe('closed');
  });
});
