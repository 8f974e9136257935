/**
 * Trust boundaries of ChatOps inside a workflow, through the bundled Action (`command: chatops`, as a
 * runner starts it): the Auth0 secret is a step input and Azure signs in with the job's OIDC token —
 * neither is a `*-env` reference of the file — and still a pull request cannot send either anywhere the
 * default branch does not: a pull request changing only `auth0-domain` (or the Entra authority) gets a
 * refused plan, automatically and when a maintainer asks for one on a fork. A capture server on
 * loopback stands in for the attacker's host and must receive nothing.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sandbox } from '../sandbox/index.js';
import { buildWebhook, type WebhookKind, type WebhookParams } from '../sandbox/github/index.js';
import { oidcEnv, runAction, type ActionRun } from './helpers/action.js';
import { startCapture, type CaptureServer } from './helpers/capture.js';
import { admin, testSandbox } from './helpers/sandbox.js';
import { commitFiles, configText, environment, mark, replies, requestsSince, CONFIG_PATH, setUpProd } from './helpers/bot.js';
import { actionEntry } from './helpers/dist.js';

const ACTIONS_BOT = 'github-actions[bot]';
let sb: Sandbox;
let capture: CaptureServer;
let file: string;
const dirs: string[] = [];

/** The default branch's file: no credential reference at all (the secret is a step input, Azure is OIDC). */
function workflowFile(extra: Record<string, unknown> = {}, chatops?: Record<string, unknown>): string {
  const e = environment(sb, { 'event-categories': ['auth.login.fail'], 'webhook-url': 'https://127.0.0.1:9/hook', ...extra });
  delete e['azure-client-secret-env'];
  delete e['auth0-client-secret-env'];
  return configText({ prod: e }, chatops);
}

async function chatops(name: 'issue_comment' | 'pull_request_target', kind: WebhookKind, params: WebhookParams): Promise<{ run: ActionRun; payload: any }> {
  const d = buildWebhook(sb.context, kind, params);
  const dir = mkdtempSync(join(tmpdir(), 'a0eg-event-'));
  dirs.push(dir);
  const eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, d.body);
  const g = sb.info().github;
  const run = await runAction(
    { command: 'chatops', 'github-token': g.token, 'github-api-url': g.apiUrl, 'auth0-client-secret': sb.info().auth0[0].clientSecret },
    { ...oidcEnv(sb), GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: eventPath, GITHUB_RUN_ID: '4343' },
  );
  return { run, payload: d.payload };
}

/** Calls to Entra ID, Auth0, ARM or the OIDC issuer since the mark. */
async function cloudCalls(since: number) {
  return (await requestsSince(sb, since)).filter((e) => e.service !== 'github');
}

function assertNothingCaptured() {
  expect(capture.requests).toEqual([]);
  expect(capture.connections).toBe(0);
}

beforeAll(async () => {
  if (!existsSync(actionEntry())) throw new Error('Build the Action first (npm run build, or AUTH0_EVENTGRID_DIST): this test runs the bundled Action.');
  sb = await testSandbox({ settings: { eventDelivery: false } });
  capture = await startCapture(sb.context.tls);
  file = workflowFile();
  await commitFiles(sb, { [CONFIG_PATH]: file });
  const withSecret = configText({ prod: environment(sb, { 'event-categories': ['auth.login.fail'], 'webhook-url': 'https://127.0.0.1:9/hook' }) });
  await setUpProd(sb, withSecret);
}, 60_000);

beforeEach(() => capture.reset());

afterAll(async () => {
  await capture?.close();
  await sb?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

test('a pull request changing only auth0-domain: the automatic plan and /plan are refused; the step-input secret goes nowhere', async () => {
  const m = await mark(sb);
  const opened = await chatops('pull_request_target', 'pull_request.opened', { pull: { title: 'New tenant host', user: 'octo-writer', head: 'tenant-host', files: { [CONFIG_PATH]: workflowFile({ 'auth0-domain': capture.host }) } } });
  expect(opened.run.code).toBe(0);
  const pr = opened.payload.number;
  const { run } = await chatops('issue_comment', 'issue_comment.created', { issue: pr, body: '/plan', user: 'octo-maintainer' });
  expect(run.code).toBe(0);
  const r = await replies(sb, pr, ACTIONS_BOT);
  expect(r).toHaveLength(2);
  for (const reply of r) {
    expect(reply).toContain('🚫 not run');
    expect(reply).toContain('Not run, to keep credentials where the default branch sends them');
    expect(reply).toContain(`this pull request would send the Auth0 client secret of prod to Auth0 domain ${capture.host}`);
    expect(reply).toContain(`the default branch sends it only to Auth0 domain ${sb.info().auth0[0].domain}`);
  }
  expect(await cloudCalls(m)).toEqual([]);
  assertNothingCaptured();
  const printed = [opened.run, run].map((x) => x.all.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n')).join('\n');
  expect(printed).not.toContain(sb.info().auth0[0].clientSecret);
}, 120_000);

test('a fork changing only the Entra authority: a maintainer\'s /plan is refused (the job\'s OIDC token would go there)', async () => {
  await commitFiles(sb, { [CONFIG_PATH]: workflowFile({}, { 'allow-forks': true }) });
  try {
    const opened = await chatops('pull_request_target', 'pull_request.opened', {
      pull: { title: 'Sovereign cloud', user: 'octo-outsider', fork: true, head: 'authority', files: { [CONFIG_PATH]: workflowFile({ 'azure-authority-host': capture.url }, { 'allow-forks': true }) } },
    });
    const pr = opened.payload.number;
    const m = await mark(sb);
    const { run } = await chatops('issue_comment', 'issue_comment.created', { issue: pr, body: '/plan', user: 'octo-maintainer' });
    expect(run.code).toBe(0);
    const reply = (await replies(sb, pr, ACTIONS_BOT)).at(-1)!;
    expect(reply).toMatch(/\*\*\/plan\*\* · run by @&#8203;octo-maintainer \(maintain\) · 🚫 not run/);
    expect(reply).toContain('Not run, to keep credentials where the default branch sends them');
    // (URLs in replies may carry a zero-width space that keeps GitHub from linking them.)
    expect(reply.replace(/&#8203;/g, '')).toContain(capture.url);
    expect(await cloudCalls(m)).toEqual([]);
    assertNothingCaptured();
  } finally {
    await commitFiles(sb, { [CONFIG_PATH]: file });
  }
}, 120_000);

test('a pull request that keeps the endpoints is planned with the same secret, sent only to the sandbox', async () => {
  const opened = await chatops('pull_request_target', 'pull_request.opened', { pull: { title: 'More categories', user: 'octo-writer', head: 'more', files: { [CONFIG_PATH]: workflowFile({ 'event-categories': ['auth.login.fail', 'auth.login.success'] }) } } });
  expect(opened.run.code).toBe(0);
  const [plan] = await replies(sb, opened.payload.number, ACTIONS_BOT);
  expect(plan).toMatch(/🚀 done/);
  expect(plan).toContain('Set stream filters to auth.login.fail, auth.login.success');
  assertNothingCaptured();
  expect((await admin(sb, 'GET', 'github/refs')).value.filter((x: any) => x.ref.startsWith('refs/heads/auth0-eventgrid-lock/'))).toEqual([]);
}, 120_000);
