/**
 * The ChatOps bot's commands end to end: the real bot server on loopback receives signed,
 * GitHub-shaped deliveries over HTTP and answers through the sandbox's GitHub API, running the
 * operations against the sandbox's Azure and Auth0 with the real SDKs.
 */
import type { Sandbox } from '../sandbox/index.js';
import { marker } from '../src/github/tracking.js';
import { testSandbox, admin } from './helpers/sandbox.js';
import {
  botReactions,
  comments,
  commitFiles,
  configText,
  environment,
  mark,
  newIssue,
  replies,
  requestsSince,
  runDirect,
  startTestBot,
  CONFIG_PATH,
  type TestBot,
} from './helpers/bot.js';
import type { FleetResult } from '../src/operations/types.js';

let sb: Sandbox;
let bot: TestBot;
let single: string;
const WEBHOOK_KEY = 'whkey-7Qz2mT9vLp4x';

async function facts(envs = 'prod') {
  const r = (await runDirect(sb, single, 'verify', envs)) as FleetResult;
  return r.environments[0].facts;
}

beforeAll(async () => {
  // No receiver here: Auth0's records of the commands would fail delivery to the unreachable webhook and
  // degrade /status (verify reads the delivery metrics), depending on which tests ran before.
  sb = await testSandbox({ settings: { eventDelivery: false } });
  bot = await startTestBot(sb);
  single = configText({ prod: environment(sb, { activation: 'manual', 'webhook-url': `https://127.0.0.1:9/hook?code=${WEBHOOK_KEY}` }) });
  await commitFiles(sb, { [CONFIG_PATH]: single });
  const setup = (await runDirect(sb, single, 'setup', 'prod')) as FleetResult;
  expect(setup.environments[0].failure).toBeUndefined();
  expect(setup.environments[0].facts.activationState).toBe('NeverActivated');
}, 60_000);

afterAll(async () => {
  await bot?.close();
  await sb?.stop();
});

test('/help and /status: 👀 then 🚀, one reply per command saying who ran it, one audit line each', async () => {
  const n = await newIssue(sb, 'How is prod?');
  const d = await bot.send('issue_comment.created', { issue: n, body: '/help\r\n/status   \r\n', user: 'octo-triager' });
  expect(d.status).toBe(200);
  const [help, status, ...more] = await replies(sb, n);
  expect(more).toEqual([]);
  // Who ran it, with the role GitHub reports (triage, not the legacy "read"), mention broken.
  expect(help).toMatch(/^<!-- auth0-eventgrid:chatops -->\n\*\*\/help\*\* · run by @&#8203;octo-triager \(triage\) · 🚀 done in \d+ ms/);
  expect(help).toContain('| /apply | \\[env\\] |');
  expect(help).toMatch(/\| \/status \| \\\[env\\\] \| [^|]+ \| read or higher \| ✅ \|/);
  expect(help).toMatch(/\| \/renew-authorization \| [^|]+ \| [^|]+ \| write or higher \| ❌ needs write permission on this repository \|/);
  expect(status).toMatch(/\*\*\/status\*\* · run by @&#8203;octo-triager \(triage\) · 🚀 done/);
  expect(status).toContain('auth0-eventgrid verify');
  expect(status).toMatch(/\| Topic activated \| ⚠️ warn \| Never activated: Event Grid deletes it at /);
  // The webhook URL's key never shows (Azure answers the base URL only; the reply is masked anyway).
  expect(status).toContain('WebHook https:&#8203;//127.0.0.1:9/hook');
  expect(status).not.toContain(WEBHOOK_KEY);
  expect(await botReactions(sb, n, d.payload.comment.id)).toEqual(['eyes', 'rocket']);
  const lines = bot.audit.filter((a) => a.issue === n);
  expect(lines).toEqual([
    expect.objectContaining({ audit: 'auth0-eventgrid-chatops', actor: 'octo-triager', permission: 'triage', command: '/help', args: [], result: 'success', trigger: 'comment', repository: 'octo-org/octo-repo', delivery: d.payload ? expect.any(String) : '' }),
    expect.objectContaining({ actor: 'octo-triager', command: '/status', environment: 'prod', result: 'success', durationMs: expect.any(Number) }),
  ]);
});

test('/activate-topic activates the topic after the source check and answers with the topic, its source and its state', async () => {
  expect((await facts()).activationState).toBe('NeverActivated');
  const n = await newIssue(sb, 'Activate prod');
  const m = await mark(sb);
  const d = await bot.send('issue_comment.created', { issue: n, body: 'Please:\n/activate-topic', user: 'octo-writer' });
  const [reply] = await replies(sb, n);
  expect(reply).toMatch(/\*\*\/activate-topic\*\* · run by @&#8203;octo-writer \(write\) · 🚀 done/);
  // The topic as the sandbox named it (its name and source depend on the sandbox's partner-topic settings).
  const topic = [...[...sb.context.world.subscriptions.values()][0].resourceGroups.get('auth0-events')!.partnerTopics.values()][0].resource;
  expect(reply).toContain(`**Partner topic of prod:** ${topic.name}, source ${String(topic.properties.source).replace(/_/g, '\\_')}, now Activated.`);
  expect((await facts()).activationState).toBe('Activated');
  expect(await botReactions(sb, n, d.payload.comment.id)).toEqual(['eyes', 'rocket']);
  const writes = (await requestsSince(sb, m, 'writes=true')).filter((e) => e.service === 'arm').map((e) => e.operation);
  // Activated, then tagged with the stream id and the environment (later runs bind it by its tags).
  expect(writes).toEqual(['PartnerTopics_Activate', 'PartnerTopics_Update']);
  expect(topic.tags).toMatchObject({ 'auth0-eventgrid-environment': 'prod' });
});

test('/deactivate-topic then /activate-topic in one comment run in order, each with its reply', async () => {
  const n = await newIssue(sb, 'Pause prod deliveries');
  const m = await mark(sb);
  await bot.send('issue_comment.created', { issue: n, body: '/deactivate-topic prod\n/activate-topic env=prod', user: 'octo-maintainer' });
  const [first, second] = await replies(sb, n);
  expect(first).toMatch(/\*\*\/deactivate-topic prod\*\* · run by @&#8203;octo-maintainer \(maintain\) · 🚀 done/);
  expect(first).toMatch(/now Deactivated\./);
  expect(second).toMatch(/\*\*\/activate-topic env=prod\*\* .* 🚀 done/);
  expect(second).toMatch(/now Activated\./);
  const ops = (await requestsSince(sb, m, 'writes=true')).filter((e) => e.service === 'arm').map((e) => e.operation);
  expect(ops).toEqual(['PartnerTopics_Deactivate', 'PartnerTopics_Activate']);
});

test('/resume-stream resumes a suspended stream, and on an active one writes nothing', async () => {
  const f = await facts();
  await admin(sb, 'PATCH', `auth0/dev-tenant/log-streams/${f.logStreamId}`, { status: 'suspended' });
  const n = await newIssue(sb, 'Stream suspended');
  let m = await mark(sb);
  const d = await bot.send('issue_comment.created', { issue: n, body: '/resume-stream', user: 'octo-writer' });
  const [reply] = await replies(sb, n);
  expect(reply).toMatch(/🚀 done/);
  expect(reply).toContain(`**Auth0 log stream of prod:** ${f.logStreamId!.replace('_', '\\_')} is active.`);
  expect(reply).toMatch(/\| Resume stream \| .* changed \| Resumed lst\\_\d+ \(was suspended\)/);
  expect((await requestsSince(sb, m, 'writes=true&service=auth0')).map((e) => e.operation)).toEqual(['log-streams.update']);
  expect((await facts()).streamStatus).toBe('active');
  expect(await botReactions(sb, n, d.payload.comment.id)).toEqual(['eyes', 'rocket']);
  m = await mark(sb);
  await bot.send('issue_comment.created', { issue: n, body: '/resume-stream', user: 'octo-writer' });
  expect((await replies(sb, n))[1]).toMatch(/\| Resume stream \| .* unchanged \| lst\\_\d+ is active/);
  expect(await requestsSince(sb, m, 'writes=true&service=auth0')).toEqual([]);
});

test('/renew-authorization in a tracking issue renews its environment, answers the old and new expiry, and closes the issue', async () => {
  const before = await facts();
  const n = await newIssue(sb, 'auth0-eventgrid: Auth0 authorization for prod expires in 6 days (warning)', `${marker('prod', 'authorization')}\n### Auth0 authorization for prod expires soon`);
  const d = await bot.send('issue_comment.created', { issue: n, body: '/renew-authorization 30', user: 'octo-writer' });
  const [reply] = await replies(sb, n);
  expect(reply).toMatch(/\*\*\/renew-authorization 30\*\* · run by @&#8203;octo-writer \(write\) · 🚀 done/);
  const after = await facts();
  expect(after.daysUntilExpiry).toBe(30);
  expect(reply).toContain(`**Auth0 authorization of prod:** was until ${before.authorizationExpiresAt}, now until ${after.authorizationExpiresAt} (30 days).`);
  expect(reply).toContain('**Resolved** (Auth0 is authorized until');
  expect(reply).toContain('closed this tracking issue');
  const issue = (await admin(sb, 'GET', 'github/issues')).value.find((i: any) => i.number === n);
  expect(issue).toMatchObject({ state: 'closed', state_reason: 'completed', closed_by: { login: 'auth0-eventgrid[bot]' } });
  expect(await botReactions(sb, n, d.payload.comment.id)).toEqual(['eyes', 'rocket']);
});

test('a renewal that fails (it would shorten the authorization) says so, leaves the tracking issue open and gets 😕', async () => {
  const n = await newIssue(sb, 'auth0-eventgrid: Auth0 authorization for prod expires soon', marker('prod', 'authorization'));
  const m = await mark(sb);
  const d = await bot.send('issue_comment.created', { issue: n, body: '/renew-authorization days=10', user: 'octo-writer' });
  const [reply] = await replies(sb, n);
  expect(reply).toMatch(/😕 failed/);
  expect(reply).toContain('WouldShorten');
  expect(reply).not.toContain('closed this tracking issue');
  const issue = (await admin(sb, 'GET', 'github/issues')).value.find((i: any) => i.number === n);
  expect(issue.state).toBe('open');
  expect(await botReactions(sb, n, d.payload.comment.id)).toEqual(['eyes', 'confused']);
  expect((await requestsSince(sb, m, 'writes=true')).filter((e) => e.service !== 'github')).toEqual([]);
  expect(bot.audit.find((a) => a.issue === n)).toMatchObject({ command: '/renew-authorization', args: ['days=10'], environment: 'prod', result: 'failure', reason: expect.stringContaining('WouldShorten') });
});

test('unknown commands and bad arguments get what was expected; code blocks, indented code, quotes and HTML comments are not commands', async () => {
  const n = await newIssue(sb, 'Parsing');
  const m = await mark(sb);
  const body = [
    '> /teardown',
    '```',
    '/activate-topic',
    '```',
    '~~~yaml',
    '/deactivate-topic',
    '~~~',
    '    /resume-stream',
    '<!--',
    '/renew-authorization',
    '-->',
    'Some text, then commands:',
    '/statsu',
    '/renew-authorization prod 400',
    '/status staging',
    '/help me',
  ].join('\r\n');
  const d = await bot.send('issue_comment.created', { issue: n, body, user: 'octo-admin' });
  const r = await replies(sb, n);
  expect(r).toHaveLength(4);
  expect(r[0]).toMatch(/\*\*\/statsu\*\* · run by @&#8203;octo-admin \(admin\) · ❓ not understood/);
  expect(r[0]).toContain('/statsu is not a command. Did you mean /status \\[env\\]?');
  expect(r[1]).toContain('days must be a whole number from 1 to 365 (got "400")');
  expect(r[1]).toContain('Expected: /renew-authorization \\[env\\] \\[days\\]');
  expect(r[2]).toContain('There is no environment staging in .github/auth0-eventgrid.yml. Environments: prod.');
  expect(r[3]).toContain('takes no arguments (got "me")');
  expect(await botReactions(sb, n, d.payload.comment.id)).toEqual(['eyes', 'confused']);
  expect((await requestsSince(sb, m, 'writes=true')).filter((e) => e.service !== 'github')).toEqual([]);
  expect(bot.audit.filter((a) => a.issue === n).map((a) => [a.command, a.result])).toEqual([
    ['/statsu', 'invalid'],
    ['/renew-authorization', 'invalid'],
    ['/status', 'invalid'],
    ['/help', 'invalid'],
  ]);
});

test('several environments: /status is one line per environment; a command without one asks which; an issue without commands is left alone', async () => {
  const two = configText({ prod: environment(sb, { activation: 'manual' }), staging: environment(sb, { 'stream-name': 'staging-stream' }) });
  await commitFiles(sb, { [CONFIG_PATH]: two });
  try {
    const n = await newIssue(sb, 'Overview');
    await bot.send('issue_comment.created', { issue: n, body: '/status\n/renew-authorization 30', user: 'octo-writer' });
    const [status, renew] = await replies(sb, n);
    expect(status).toContain('auth0-eventgrid verify · 2 environments');
    expect(status).toContain('| Environment | Health | Authorization expires | Days left | Stream | Topic | Detail |');
    expect(status).toMatch(/\n\| staging \| ❌ Unhealthy \|[^\n]*No log stream named 'staging-stream'/);
    expect(status).toMatch(/\n\| prod \| ✅ Healthy \|/);
    expect(renew).toContain('Which environment? .github/auth0-eventgrid.yml defines 2: prod, staging.');
    expect(renew).toContain('Expected: /renew-authorization &lt;env&gt; \\[days\\]');
    const before = (await comments(sb, n)).length;
    const quiet = await bot.send('issue_comment.created', { issue: n, body: 'Thanks! The status looks fine now.', user: 'octo-writer' });
    expect(quiet.status).toBe(200);
    expect(await comments(sb, n)).toHaveLength(before + 1);
    expect(await botReactions(sb, n, quiet.payload.comment.id)).toEqual([]);
  } finally {
    await commitFiles(sb, { [CONFIG_PATH]: single });
  }
});

test('a command slower than WORKING_AFTER_MS posts "working" first and edits that comment with the result', async () => {
  const slow = await startTestBot(sb, { workingAfterMs: 0 });
  try {
    const n = await newIssue(sb, 'Working');
    const m = await mark(sb);
    await slow.send('issue_comment.created', { issue: n, body: '/status', user: 'octo-writer' });
    const [reply, ...rest] = await replies(sb, n);
    expect(rest).toEqual([]);
    expect(reply).toMatch(/🚀 done/);
    const gh = (await requestsSince(sb, m, 'service=github&writes=true')).map((e) => e.operation);
    expect(gh).toEqual(['reactions.create-for-issue-comment', 'issues.comments.create', 'issues.comments.update', 'reactions.create-for-issue-comment']);
  } finally {
    await slow.close();
  }
});
