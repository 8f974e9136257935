/**
 * ChatOps without a server: the bundled Action (node dist/index.js, as a runner starts it) with
 * `command: chatops`, reading the event the runner wrote (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH),
 * answering with the job's token (github-token) as github-actions[bot], and signing in to Azure with
 * the job's OIDC token. The same handlers and replies as the GitHub App. Run `npm run build` first.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sandbox } from '../sandbox/index.js';
import { buildWebhook, type WebhookKind, type WebhookParams } from '../sandbox/github/index.js';
import { marker } from '../src/github/tracking.js';
import { oidcEnv, runAction, type ActionRun } from './helpers/action.js';
import { admin, testSandbox } from './helpers/sandbox.js';
import { botReactions, commitFiles, configText, environment, mark, newIssue, replies, requestsSince, CONFIG_PATH, setUpProd } from './helpers/bot.js';
import { actionEntry } from './helpers/dist.js';

const ACTIONS_BOT = 'github-actions[bot]';
let sb: Sandbox;
let file: string;

/** The environments file for a workflow: Azure through the job's OIDC token (no Azure secret), Auth0's secret from the step's env. */
function workflowFile(categories: string[] = ['auth.login.fail']): string {
  const e = environment(sb, { 'event-categories': categories, 'webhook-url': 'https://127.0.0.1:9/hook' });
  delete e['azure-client-secret-env'];
  return configText({ prod: e });
}

/** Makes the event happen in the sandbox and runs the Action on it as a workflow run would. */
async function chatops(name: 'issue_comment' | 'pull_request_target', kind: WebhookKind, params: WebhookParams): Promise<{ run: ActionRun; payload: any }> {
  const d = buildWebhook(sb.context, kind, params);
  const dir = mkdtempSync(join(tmpdir(), 'a0eg-event-'));
  const eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, d.body);
  const g = sb.info().github;
  const run = await runAction(
    { command: 'chatops', 'github-token': g.token, 'github-api-url': g.apiUrl },
    { ...oidcEnv(sb), GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: eventPath, GITHUB_RUN_ID: '4242', AUTH0_CLIENT_SECRET_PROD: sb.info().auth0[0].clientSecret },
  ).finally(() => rmSync(dir, { recursive: true, force: true }));
  return { run, payload: d.payload };
}

const audits = (run: ActionRun) =>
  run.stdout
    .split('\n')
    .filter((l) => l.includes('"audit":"auth0-eventgrid-chatops"'))
    .map((l) => JSON.parse(l.slice(l.indexOf('{'))));

beforeAll(async () => {
  if (!existsSync(actionEntry())) throw new Error('Run `npm run build` first: this test runs the bundled Action.');
  sb = await testSandbox();
  file = workflowFile();
  await commitFiles(sb, { [CONFIG_PATH]: file });
  const withSecret = configText({ prod: environment(sb, { 'event-categories': ['auth.login.fail'], 'webhook-url': 'https://127.0.0.1:9/hook' }) });
  await setUpProd(sb, withSecret);
}, 60_000);

afterAll(async () => {
  await sb?.stop();
});

test('issue_comment: /help and /status answered by github-actions[bot] with 👀 and 🚀; Azure through the job\'s OIDC token', async () => {
  const n = await newIssue(sb, 'From a workflow');
  const m = await mark(sb);
  const { run, payload } = await chatops('issue_comment', 'issue_comment.created', { issue: n, body: '/help\n/status', user: 'octo-triager' });
  expect(run.code).toBe(0);
  const [help, status] = await replies(sb, n, ACTIONS_BOT);
  expect(help).toMatch(/\*\*\/help\*\* · run by @&#8203;octo-triager \(triage\) · 🚀 done/);
  expect(status).toMatch(/\*\*\/status\*\* · run by @&#8203;octo-triager \(triage\) · 🚀 done/);
  expect(status).toContain('## ✅ Healthy: auth0-eventgrid verify');
  expect(await botReactions(sb, n, payload.comment.id, ACTIONS_BOT)).toEqual(['eyes', 'rocket']);
  expect(audits(run).map((a) => [a.command, a.result, a.actor])).toEqual([
    ['/help', 'success', 'octo-triager'],
    ['/status', 'success', 'octo-triager'],
  ]);
  const log = await requestsSince(sb, m);
  // The job's OIDC token was exchanged for an Azure token (no Azure secret anywhere).
  expect(log.some((e) => e.service === 'oidc')).toBe(true);
  expect(log.some((e) => e.service === 'entra' && e.operation === 'token.v2' && e.status === 200)).toBe(true);
  // Secrets reach the runner only in ::add-mask:: commands (which the runner consumes, never prints).
  const printed = run.all.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
  expect(run.all).toContain(`::add-mask::${sb.info().github.token}`);
  expect(printed).not.toContain(sb.info().auth0[0].clientSecret);
  expect(printed).not.toContain(sb.info().github.token);
});

test('/renew-authorization in a tracking issue renews and closes it; a refusal is not a failed step; a failed command is', async () => {
  const n = await newIssue(sb, 'auth0-eventgrid: Auth0 authorization for prod expires soon', marker('prod', 'authorization'));
  let { run } = await chatops('issue_comment', 'issue_comment.created', { issue: n, body: '/renew-authorization 20', user: 'octo-reader' });
  expect(run.code).toBe(0);
  expect((await replies(sb, n, ACTIONS_BOT))[0]).toContain('| write | read |');
  ({ run } = await chatops('issue_comment', 'issue_comment.created', { issue: n, body: '/renew-authorization 20', user: 'octo-maintainer' }));
  expect(run.code).toBe(0);
  const reply = (await replies(sb, n, ACTIONS_BOT))[1];
  expect(reply).toMatch(/run by @&#8203;octo-maintainer \(maintain\) · 🚀 done/);
  expect(reply).toMatch(/now until \d{4}-[^ ]+ \(20 days\)/);
  expect(reply).toContain('closed this tracking issue');
  expect((await admin(sb, 'GET', 'github/issues')).value.find((i: any) => i.number === n)).toMatchObject({ state: 'closed', closed_by: { login: ACTIONS_BOT } });
  ({ run } = await chatops('issue_comment', 'issue_comment.created', { issue: n, body: '/renew-authorization prod 2', user: 'octo-maintainer' }));
  expect(run.code).toBe(1);
  expect(run.stdout).toContain('::error::1 ChatOps command failed: see the reply in the thread.');
  expect((await replies(sb, n, ACTIONS_BOT))[2]).toContain('WouldShorten');
});

test('pull_request_target + issue_comment: plan on open, /apply refused until approved, then applied under a lock that blocks a second pull request until the first is merged', async () => {
  const opened = await chatops('pull_request_target', 'pull_request.opened', { pull: { title: 'More categories', head: 'wf-more', files: { [CONFIG_PATH]: workflowFile(['auth.login.fail', 'auth.login.success']) } } });
  expect(opened.run.code).toBe(0);
  const pr1 = opened.payload.number;
  expect((await replies(sb, pr1, ACTIONS_BOT))[0]).toContain('Set stream filters to auth.login.fail, auth.login.success');

  let { run } = await chatops('issue_comment', 'issue_comment.created', { issue: pr1, body: '/apply', user: 'octo-writer' });
  expect(run.code).toBe(0);
  expect((await replies(sb, pr1, ACTIONS_BOT)).at(-1)).toContain('❌ **approved**: not approved yet');

  await admin(sb, 'POST', `github/pulls/${pr1}/reviews`, { user: 'octo-maintainer', state: 'APPROVED' });
  ({ run } = await chatops('issue_comment', 'issue_comment.created', { issue: pr1, body: '/apply', user: 'octo-writer' }));
  expect(run.code).toBe(0);
  expect((await replies(sb, pr1, ACTIONS_BOT)).at(-1)).toMatch(/🚀 done[\s\S]*stays locked by this pull request/);
  const locks = (await admin(sb, 'GET', 'github/refs')).value.filter((r: any) => r.ref === 'refs/heads/auth0-eventgrid-lock/prod');
  expect(locks).toHaveLength(1);

  const second = await chatops('pull_request_target', 'pull_request.opened', { pull: { title: 'Other categories', head: 'wf-other', files: { [CONFIG_PATH]: workflowFile(['auth.login.fail', 'user.fail']) } } });
  const pr2 = second.payload.number;
  await admin(sb, 'POST', `github/pulls/${pr2}/reviews`, { user: 'octo-admin', state: 'APPROVED' });
  await chatops('issue_comment', 'issue_comment.created', { issue: pr2, body: '/apply', user: 'octo-maintainer' });
  expect((await replies(sb, pr2, ACTIONS_BOT)).at(-1)).toContain(`is locked by pull request #${pr1} (/apply by @&#8203;octo-writer at`);

  ({ run } = await chatops('pull_request_target', 'pull_request.closed', { number: pr1, merged: true, user: 'octo-admin' }));
  expect(run.code).toBe(0);
  expect((await replies(sb, pr1, ACTIONS_BOT)).at(-1)).toContain('Released the apply lock of **prod**: this pull request was merged.');
  ({ run } = await chatops('issue_comment', 'issue_comment.created', { issue: pr2, body: '/apply', user: 'octo-maintainer' }));
  expect(run.code).toBe(0);
  expect((await replies(sb, pr2, ACTIONS_BOT)).at(-1)).toMatch(/🚀 done/);
  ({ run } = await chatops('pull_request_target', 'pull_request.closed', { number: pr2, merged: false }));
  expect(run.code).toBe(0);
  expect((await admin(sb, 'GET', 'github/refs')).value.filter((r: any) => r.ref.startsWith('refs/heads/auth0-eventgrid-lock/'))).toEqual([]);
}, 120_000);

test('comments by bots and edited comments: the run does nothing and makes no call', async () => {
  const n = await newIssue(sb, 'Quiet');
  const m = await mark(sb);
  let { run } = await chatops('issue_comment', 'issue_comment.created', { issue: n, body: '/renew-authorization prod 30', user: ACTIONS_BOT });
  expect(run.code).toBe(0);
  const own = (await import('./helpers/bot.js')).comments;
  const first = (await own(sb, n))[0];
  ({ run } = await chatops('issue_comment', 'issue_comment.edited', { comment: first.id, body: '/renew-authorization prod 31', user: 'octo-admin' }));
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('Nothing to do: comment edited: only new comments are read.');
  expect((await requestsSince(sb, m)).filter((e) => e.operation !== 'issues.create')).toEqual([]);
});
