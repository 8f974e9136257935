/**
 * /plan and /apply on pull requests that change the environments file, the way Atlantis works for
 * Terraform: the plan is posted when the pull request opens; /apply waits for its requirements
 * (approved, checks green, mergeable), takes the environment's lock atomically (a git ref) and runs
 * setup with the pull request's version of the file; another pull request is blocked by the lock,
 * named in the reply, until the first is merged. All against the real bot server and the sandbox.
 */
import type { Sandbox } from '../sandbox/index.js';
import { admin, testSandbox } from './helpers/sandbox.js';
import { commitFiles, configText, environment, mark, newIssue, replies, requestsSince, runDirect, startTestBot, CONFIG_PATH, type TestBot, setUpProd } from './helpers/bot.js';
import type { FleetResult } from '../src/operations/types.js';

let sb: Sandbox;
let bot: TestBot;
let base: string;

const fileWith = (categories: string[], extra: Record<string, unknown> = {}) => configText({ prod: environment(sb, { 'event-categories': categories, 'webhook-url': 'https://127.0.0.1:9/hook', ...extra }) });

async function streamFilters(): Promise<string[]> {
  const r = (await runDirect(sb, base, 'verify', 'prod')) as FleetResult;
  const id = r.environments[0].facts.logStreamId;
  const streams = (await admin(sb, 'GET', 'auth0/dev-tenant/log-streams')).value;
  return (streams.find((s: any) => s.id === id)?.filters ?? []).map((f: any) => f.name).sort();
}

async function lockRefs(): Promise<{ ref: string; message: string }[]> {
  return (await admin(sb, 'GET', 'github/refs')).value.filter((r: any) => r.ref.startsWith('refs/heads/auth0-eventgrid-lock/'));
}

async function openPull(head: string, text: string, user = 'octo-writer'): Promise<{ number: number; replies: string[] }> {
  const d = await bot.send('pull_request.opened', { pull: { title: `Change ${head}`, user, head, files: { [CONFIG_PATH]: text } } });
  expect(d.status).toBe(200);
  return { number: d.payload.number, replies: await replies(sb, d.payload.number) };
}

const approve = (n: number, user = 'octo-maintainer') => admin(sb, 'POST', `github/pulls/${n}/reviews`, { user, state: 'APPROVED' });
const comment = (n: number, body: string, user = 'octo-writer') => bot.send('issue_comment.created', { issue: n, body, user });
const last = async (n: number) => (await replies(sb, n)).at(-1)!;

beforeAll(async () => {
  sb = await testSandbox();
  bot = await startTestBot(sb);
  base = fileWith(['auth.login.fail']);
  await commitFiles(sb, { [CONFIG_PATH]: base });
  await setUpProd(sb, base);
}, 60_000);

afterAll(async () => {
  await bot?.close();
  await sb?.stop();
});

test('/plan on open → /apply refused while unapproved → approved → /apply runs setup → a second pull request is blocked by the lock until the first is merged', async () => {
  // 1. The plan is posted when the pull request opens: a dry run, nothing written.
  let m = await mark(sb);
  const pr1 = await openPull('more-categories', fileWith(['auth.login.fail', 'auth.login.success']));
  expect(pr1.replies).toHaveLength(1);
  const planReply = pr1.replies[0];
  expect(planReply).toMatch(/\*\*\/plan\*\* · run by @&#8203;octo-writer \(write\) · 🚀 done/);
  expect(planReply).toMatch(new RegExp(`### Plan for pull request #${pr1.number} at [0-9a-f]{7}`));
  expect(planReply).toContain('Environments this pull request changes: **prod** (modified).');
  expect(planReply).toContain('auth0-eventgrid setup (dry run)');
  expect(planReply).toContain('Set stream filters to auth.login.fail, auth.login.success');
  expect(planReply).toContain('To apply: comment /apply (requires approved, checks, mergeable).');
  let log = await requestsSince(sb, m);
  expect(log.filter((e) => e.write && e.service !== 'github')).toEqual([]);
  // A long command: "working" first, then that comment is edited.
  expect(log.filter((e) => e.service === 'github' && e.write).map((e) => e.operation)).toEqual(['issues.comments.create', 'issues.comments.update']);
  expect(bot.audit.at(-1)).toMatchObject({ trigger: 'pull_request.opened', command: '/plan', result: 'success', environment: 'prod', issue: pr1.number });

  // 2. /apply before approval: refused with the reason; nothing locked or written.
  m = await mark(sb);
  await comment(pr1.number, '/apply');
  let reply = await last(pr1.number);
  expect(reply).toMatch(/\*\*\/apply\*\* · run by @&#8203;octo-writer \(write\) · 🚫 not run/);
  expect(reply).toContain('Not applied: the apply requirements are not met.');
  expect(reply).toContain('- ❌ **approved**: not approved yet: a reviewer with write access must approve it');
  expect(reply).toContain('- ✅ **checks**: no checks on this commit');
  expect(reply).toContain('- ✅ **mergeable**: mergeable');
  expect(await lockRefs()).toEqual([]);
  expect((await requestsSince(sb, m, 'writes=true')).filter((e) => e.service !== 'github')).toEqual([]);
  expect(bot.audit.at(-1)).toMatchObject({ command: '/apply', result: 'refused', reason: expect.stringContaining('approved (not approved yet') });

  // An approval by someone who cannot write does not count.
  await approve(pr1.number, 'octo-reader');
  await comment(pr1.number, '/apply');
  expect(await last(pr1.number)).toContain('❌ **approved**: approved only by octo-reader, who cannot write to this repository');

  // 3. Approved: /apply takes the lock and runs setup with the pull request's file.
  await approve(pr1.number);
  m = await mark(sb);
  await comment(pr1.number, '/apply');
  reply = await last(pr1.number);
  expect(reply).toMatch(/\*\*\/apply\*\* · run by @&#8203;octo-writer \(write\) · 🚀 done/);
  expect(reply).toMatch(new RegExp(`### Applied pull request #${pr1.number} at [0-9a-f]{7}`));
  expect(reply).toContain('✅ approved: approved by octo-maintainer');
  expect(reply).toContain('### Changes made');
  expect(reply).toContain('Set stream filters to auth.login.fail, auth.login.success');
  expect(reply).toContain('**prod** stays locked by this pull request until it is merged or closed');
  expect(await streamFilters()).toEqual(['auth.login.fail', 'auth.login.success']);
  log = await requestsSince(sb, m);
  expect(log.filter((e) => e.write && e.service === 'auth0').map((e) => e.operation)).toEqual(['log-streams.update']);
  expect(log.filter((e) => e.service === 'github' && e.operation === 'git.refs.create').map((e) => e.status)).toEqual([201]);
  const locks = await lockRefs();
  expect(locks.map((l) => l.ref)).toEqual(['refs/heads/auth0-eventgrid-lock/prod']);
  expect(JSON.parse(locks[0].message.split('\n\n')[1])).toMatchObject({ environment: 'prod', pullRequest: pr1.number, actor: 'octo-writer' });

  // 4. A second pull request changing prod: planned, approved, but blocked by the lock, which the reply names.
  const pr2 = await openPull('fewer-categories', fileWith(['auth.login.fail', 'auth.logout.success']), 'octo-maintainer');
  expect(pr2.replies[0]).toContain('Set stream filters to auth.login.fail, auth.logout.success');
  await approve(pr2.number, 'octo-admin');
  m = await mark(sb);
  await comment(pr2.number, '/apply prod', 'octo-maintainer');
  reply = await last(pr2.number);
  expect(reply).toMatch(/🚫 not run/);
  expect(reply).toMatch(new RegExp(`Not applied: \\*\\*prod\\*\\* is locked by pull request #${pr1.number} \\(/apply by @&#8203;octo-writer at \\d{4}-\\d\\d-\\d\\dT[^)]+\\)\\. It is released when that pull request is merged or closed, or by /unlock prod\\.`));
  expect((await requestsSince(sb, m, 'writes=true')).filter((e) => e.service !== 'github')).toEqual([]);
  expect(await streamFilters()).toEqual(['auth.login.fail', 'auth.login.success']);
  expect(bot.audit.at(-1)).toMatchObject({ command: '/apply', args: ['prod'], result: 'refused', reason: `locked by pull request #${pr1.number} (octo-writer)` });

  // 5. The first is merged: its lock is released (and said so) …
  const merged = await bot.send('pull_request.closed', { number: pr1.number, merged: true, user: 'octo-admin' });
  expect(merged.status).toBe(200);
  expect(await last(pr1.number)).toContain('Released the apply lock of **prod**: this pull request was merged.');
  expect(await lockRefs()).toEqual([]);

  // … and the second applies.
  await comment(pr2.number, '/apply', 'octo-maintainer');
  reply = await last(pr2.number);
  expect(reply).toMatch(/🚀 done/);
  expect(await streamFilters()).toEqual(['auth.login.fail', 'auth.logout.success']);
  expect(JSON.parse((await lockRefs())[0].message.split('\n\n')[1])).toMatchObject({ pullRequest: pr2.number, actor: 'octo-maintainer' });

  // 6. /unlock releases it and names who held it.
  await comment(pr2.number, '/unlock prod', 'octo-maintainer');
  expect(await last(pr2.number)).toMatch(new RegExp(`Released the lock on \\*\\*prod\\*\\*, held by pull request #${pr2.number} \\(/apply by @&#8203;octo-maintainer at `));
  expect(await lockRefs()).toEqual([]);
  await comment(pr2.number, '/unlock', 'octo-maintainer');
  expect(await last(pr2.number)).toContain('prod was not locked.');
  await bot.send('pull_request.closed', { number: pr2.number, merged: false });
}, 60_000);

test('/apply is refused with every unmet requirement: failing checks, pending checks, conflicts', async () => {
  const pr = await openPull('checks', fileWith(['auth.login.fail', 'management.success']));
  await approve(pr.number);
  const head = (await admin(sb, 'GET', 'github/pulls')).value.find((p: any) => p.number === pr.number).head.sha;
  await admin(sb, 'POST', 'github/checks', { ref: head, statuses: [{ context: 'ci/lint', state: 'failure' }], checkRuns: [{ name: 'build', status: 'in_progress' }] });
  await admin(sb, 'PATCH', `github/pulls/${pr.number}`, { mergeable: false });
  const m = await mark(sb);
  await comment(pr.number, '/apply');
  const reply = await last(pr.number);
  expect(reply).toContain('- ✅ **approved**: approved by octo-maintainer');
  expect(reply).toContain('- ❌ **checks**: failing: ci/lint; not finished: build');
  expect(reply).toContain('- ❌ **mergeable**: has conflicts with the base branch');
  expect((await requestsSince(sb, m, 'writes=true')).filter((e) => e.service !== 'github')).toEqual([]);
  expect(await lockRefs()).toEqual([]);
  await bot.send('pull_request.closed', { number: pr.number });
});

test('checks past the first page count: a failing check run and a failing status behind 100 green ones refuse /apply', async () => {
  const pr = await openPull('many-checks', fileWith(['auth.login.fail', 'user.deleted']));
  await approve(pr.number);
  const head = (await admin(sb, 'GET', 'github/pulls')).value.find((p: any) => p.number === pr.number).head.sha;
  // Check runs are listed newest first and statuses in the order of their contexts: the failing ones land on page 2.
  await admin(sb, 'POST', 'github/checks', { ref: head, checkRuns: [{ name: 'slow-suite', status: 'completed', conclusion: 'failure' }] });
  await admin(sb, 'POST', 'github/checks', {
    ref: head,
    checkRuns: Array.from({ length: 120 }, (_, i) => ({ name: `unit-${i}`, status: 'completed', conclusion: 'success' })),
    statuses: [...Array.from({ length: 110 }, (_, i) => ({ context: `ci/shard-${i}`, state: 'success' })), { context: 'ci/last-shard', state: 'error' }],
  });
  const m = await mark(sb);
  await comment(pr.number, '/apply');
  const reply = await last(pr.number);
  expect(reply).toContain('- ❌ **checks**: failing: ci/last-shard, slow-suite');
  const pages = (await requestsSince(sb, m)).filter((e) => e.operation === 'checks.list-for-ref' || e.operation === 'repos.statuses.combined');
  expect(pages.length).toBeGreaterThanOrEqual(4);
  expect((await requestsSince(sb, m, 'writes=true')).filter((e) => e.service !== 'github')).toEqual([]);
  expect(await lockRefs()).toEqual([]);
  await bot.send('pull_request.closed', { number: pr.number });
});

test('two /apply at the same moment from two pull requests: exactly one gets the lock', async () => {
  const a = await openPull('race-a', fileWith(['auth.login.fail', 'user.success']));
  const b = await openPull('race-b', fileWith(['auth.login.fail', 'user.fail']));
  await Promise.all([approve(a.number), approve(b.number)]);
  const m = await mark(sb);
  await Promise.all([comment(a.number, '/apply'), comment(b.number, '/apply')]);
  const [ra, rb] = [await last(a.number), await last(b.number)];
  const outcomes = [ra, rb].map((r) => (/🚀 done/.test(r) ? 'applied' : /is locked by pull request/.test(r) ? 'locked' : r));
  expect(outcomes.sort()).toEqual(['applied', 'locked']);
  const creates = (await requestsSince(sb, m, 'service=github')).filter((e) => e.operation === 'git.refs.create').map((e) => e.status);
  // Both may try; only one ref is created.
  expect(creates.filter((s) => s === 201)).toHaveLength(1);
  expect(await lockRefs()).toHaveLength(1);
  await bot.send('pull_request.closed', { number: a.number });
  await bot.send('pull_request.closed', { number: b.number });
  expect(await lockRefs()).toEqual([]);
});

test('a pull request may not send a credential somewhere new, nor use the bot\'s own secrets', async () => {
  const m = await mark(sb);
  const moved = await openPull('exfiltrate', fileWith(['auth.login.fail'], { 'auth0-domain': 'collector.evil.example' }));
  expect(moved.replies[0]).toMatch(/🚫 not run/);
  expect(moved.replies[0]).toContain('would send AUTH0\\_CLIENT\\_SECRET\\_PROD to Auth0 domain collector.evil.example');
  const own = await openPull('own-key', fileWith(['auth.login.fail'], { 'azure-client-secret-env': 'PRIVATE_KEY' }));
  expect(own.replies[0]).toContain("names PRIVATE\\_KEY, which holds the bot's own secret and is never used as a credential");
  const endpoint = await openPull('arm-elsewhere', fileWith(['auth.login.fail'], { 'azure-resource-manager-endpoint': 'https://arm.evil.example' }));
  expect(endpoint.replies[0]).toContain('uses Azure endpoints (https:&#8203;//arm.evil.example');
  await comment(moved.number, '/apply');
  expect(await last(moved.number)).toMatch(/🚫 not run/);
  // Nothing reached Azure, Entra or Auth0.
  expect((await requestsSince(sb, m)).filter((e) => e.service !== 'github')).toEqual([]);
  for (const n of [moved.number, own.number, endpoint.number]) await bot.send('pull_request.closed', { number: n });
});

test('/plan and /apply only on pull requests changing the file; lock-release: apply frees the lock when /apply ends', async () => {
  const n = (await bot.send('pull_request.opened', { pull: { title: 'Docs only', head: 'docs', files: { 'README.md': 'hello\n' } } })).payload.number;
  expect(await replies(sb, n)).toEqual([]);
  await comment(n, '/plan');
  expect(await last(n)).toContain('This pull request does not change .github/auth0-eventgrid.yml: there is nothing to plan or apply.');
  const issue = await newIssue(sb, 'Not a pull request');
  await comment(issue, '/apply');
  expect(await last(issue)).toContain('/apply works on pull requests that change .github/auth0-eventgrid.yml; this is an issue.');

  await commitFiles(sb, { [CONFIG_PATH]: base + 'chatops:\n  lock-release: apply\n  apply-requirements: [approved]\n' });
  try {
    const pr = await openPull('release-after', fileWith(['auth.login.fail', 'scim.event']));
    await approve(pr.number);
    await comment(pr.number, '/apply');
    const reply = await last(pr.number);
    expect(reply).toMatch(/🚀 done/);
    expect(reply).toContain('Locks released.');
    expect(await lockRefs()).toEqual([]);
    await bot.send('pull_request.closed', { number: pr.number });
  } finally {
    await commitFiles(sb, { [CONFIG_PATH]: base });
  }
});

test('a push to the pull request posts a new plan for its new head; with auto-plan: false only /plan does', async () => {
  const pr = await openPull('pushes', fileWith(['auth.login.fail', 'actions']));
  expect(pr.replies[0]).toContain('Set stream filters to actions, auth.login.fail');
  await admin(sb, 'PATCH', `github/pulls/${pr.number}`, { files: { [CONFIG_PATH]: fileWith(['auth.login.fail', 'other']) } });
  const head = (await admin(sb, 'GET', 'github/pulls')).value.find((p: any) => p.number === pr.number).head.sha;
  await bot.send('pull_request.synchronize', { number: pr.number });
  const second = await last(pr.number);
  expect(second).toContain(`### Plan for pull request #${pr.number} at ${head.slice(0, 7)}`);
  expect(second).toContain('Set stream filters to auth.login.fail, other');
  expect(bot.audit.at(-1)).toMatchObject({ trigger: 'pull_request.synchronize', command: '/plan', result: 'success' });

  await commitFiles(sb, { [CONFIG_PATH]: base + 'chatops:\n  auto-plan: false\n' });
  try {
    const quiet = await openPull('quiet', fileWith(['auth.login.fail', 'system.notification']));
    expect(quiet.replies).toEqual([]);
    await comment(quiet.number, '/plan');
    expect(await last(quiet.number)).toContain('Set stream filters to auth.login.fail, system.notification');
    await bot.send('pull_request.closed', { number: quiet.number });
  } finally {
    await commitFiles(sb, { [CONFIG_PATH]: base });
    await bot.send('pull_request.closed', { number: pr.number });
  }
});
