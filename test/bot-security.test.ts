/**
 * The bot's security properties, end to end against the real server and the sandbox: who may run
 * what (required vs actual permission, allow-lists of users and teams), bots and edits ignored, forks
 * refused unless configured, unsigned or wrongly signed deliveries refused before any call, hostile
 * comments answered safely, 500 random comments from unauthorized users causing no Azure or Auth0
 * write, and secrets never in a reply or a log line.
 */
import type { Sandbox } from '../sandbox/index.js';
import { buildWebhook, signWebhook } from '../sandbox/github/index.js';
import { admin, testSandbox } from './helpers/sandbox.js';
import {
  botReactions,
  commitFiles,
  comments,
  configText,
  credentialEnv,
  environment,
  mark,
  newIssue,
  replies,
  requestsSince,
  startTestBot,
  botSettingsFor,
  CONFIG_PATH,
  type TestBot,
  setUpProd,
} from './helpers/bot.js';
import { createChatopsProbot } from '../bot/server.js';

let sb: Sandbox;
let bot: TestBot;
let base: string;
const MUTATING = ['/renew-authorization prod 30', '/activate-topic', '/deactivate-topic prod', '/resume-stream', '/unlock prod'];

/** A mention that would notify: "@" followed by a login character, not broken by the zero-width space entity. */
const LIVE_MENTION = /@(?!&#8203;)[A-Za-z0-9]/;

async function armOrAuth0Writes(since: number) {
  return (await requestsSince(sb, since, 'writes=true')).filter((e) => e.service === 'arm' || e.service === 'auth0');
}

beforeAll(async () => {
  sb = await testSandbox();
  await admin(sb, 'POST', 'seed', { github: { rateLimits: { core: 1_000_000 }, teams: [{ slug: 'platform', members: ['octo-writer'] }] } });
  bot = await startTestBot(sb);
  base = configText({ prod: environment(sb, { 'webhook-url': 'https://127.0.0.1:9/hook' }) });
  await commitFiles(sb, { [CONFIG_PATH]: base });
  await setUpProd(sb, base);
}, 60_000);

afterAll(async () => {
  await bot?.close();
  await sb?.stop();
});

describe('who may run what', () => {
  test.each([
    ['octo-reader', 'read'],
    ['octo-triager', 'triage'],
    ['octo-outsider', 'no access'],
  ])('%s cannot run a command that changes something: required and actual permission in the reply, nothing run', async (user, shown) => {
    const n = await newIssue(sb, `Refusals for ${user}`);
    const m = await mark(sb);
    const d = await bot.send('issue_comment.created', { issue: n, body: MUTATING.join('\n'), user });
    const r = await replies(sb, n);
    expect(r).toHaveLength(MUTATING.length);
    for (const reply of r) {
      expect(reply).toContain(`run by @&#8203;${user} (${shown}) · 🚫 not run`);
      expect(reply).toContain('needs write permission on this repository.');
      expect(reply).toContain(`| Required here | @&#8203;${user} has |`);
      expect(reply).toContain(`| write | ${shown === 'no access' ? 'none' : shown} |`);
    }
    expect(await botReactions(sb, n, d.payload.comment.id)).toEqual(['eyes', 'confused']);
    // Nothing but reading the file and the permission, the reactions and the replies.
    const log = await requestsSince(sb, m);
    expect(log.filter((e) => e.service !== 'github')).toEqual([]);
    expect([...new Set(log.map((e) => e.operation).filter((o) => o !== 'apps.create-installation-access-token'))].sort()).toEqual(['reactions.create-for-issue-comment', 'repos.collaborators.permission', 'repos.contents.get', 'issues.comments.create'].sort());
    const audit = bot.audit.filter((a) => a.issue === n);
    expect(audit).toHaveLength(MUTATING.length);
    expect(audit.every((a) => a.result === 'refused' && a.actor === user && /required write, has/.test(a.reason))).toBe(true);
  });

  test('the chatops section sets the permission per command and allow-lists of users and teams', async () => {
    await commitFiles(sb, {
      [CONFIG_PATH]:
        base +
        ['chatops:', '  commands:', '    renew-authorization: maintain', '    activate-topic: { permission: write, users: [octo-admin] }', '    deactivate-topic: { teams: [platform] }', '    status: { permission: write }'].join('\n') +
        '\n',
    });
    try {
      const n = await newIssue(sb, 'Rules');
      await bot.send('issue_comment.created', { issue: n, body: '/renew-authorization 8\n/deactivate-topic\n/activate-topic\n/status', user: 'octo-writer' });
      let r = await replies(sb, n);
      expect(r[0]).toContain('| maintain | write |');
      expect(r[1]).toMatch(/run by @&#8203;octo-writer \(write\) · 🚀 done/); // member of octo-org/platform
      expect(r[2]).toContain('is limited to users octo-admin.');
      expect(r[2]).toContain('| write and users octo-admin | write, not on the allow-list |');
      expect(r[3]).toMatch(/🚀 done/);
      await bot.send('issue_comment.created', { issue: n, body: '/renew-authorization 8\n/activate-topic\n/deactivate-topic\n/status', user: 'octo-maintainer' });
      r = (await replies(sb, n)).slice(4);
      expect(r[0]).toMatch(/\(maintain\) · 🚀 done/);
      expect(r[1]).toContain('| write and users octo-admin | maintain, not on the allow-list |');
      expect(r[2]).toContain('| write and members of platform | maintain, not on the allow-list |');
      await bot.send('issue_comment.created', { issue: n, body: '/activate-topic\n/help', user: 'octo-admin' });
      r = (await replies(sb, n)).slice(8);
      expect(r[0]).toMatch(/\(admin\) · 🚀 done/);
      expect(r[1]).toMatch(/\| \/renew-authorization \| [^|]+ \| [^|]+ \| maintain or higher \| ✅ \|/);
      expect(r[1]).toMatch(/\| \/deactivate-topic \| [^|]+ \| [^|]+ \| write or higher; teams: platform \| ❌ is limited to members of platform \|/);
      await bot.send('issue_comment.created', { issue: n, body: '/status', user: 'octo-reader' });
      expect((await replies(sb, n)).at(-1)).toContain('| write | read |');
    } finally {
      await commitFiles(sb, { [CONFIG_PATH]: base });
    }
  });

  test('a broken chatops section runs nothing but /help (no fallback to laxer defaults)', async () => {
    await commitFiles(sb, { [CONFIG_PATH]: base + 'chatops:\n  commands:\n    renew-authorization: superuser\n  allow-forks: maybe\n' });
    try {
      const n = await newIssue(sb, 'Broken');
      const m = await mark(sb);
      await bot.send('issue_comment.created', { issue: n, body: '/renew-authorization 9\n/help', user: 'octo-admin' });
      const [renew, help] = await replies(sb, n);
      expect(renew).toContain('🚫 not run');
      expect(renew).toContain('.github/auth0-eventgrid.yml:');
      expect(renew).toContain('chatops.commands.renew-authorization must be one of read, triage, write, maintain, admin');
      expect(renew).toContain('chatops.allow-forks must be true or false');
      expect(help).toContain('no command but /help runs until they are fixed');
      expect(await armOrAuth0Writes(m)).toEqual([]);
    } finally {
      await commitFiles(sb, { [CONFIG_PATH]: base });
    }
  });
});

describe('ignored and rejected deliveries', () => {
  test('comments by bots (this app included) and edited comments are ignored: no reaction, no reply, no call', async () => {
    const n = await newIssue(sb, 'Bots');
    const first = await bot.send('issue_comment.created', { issue: n, body: '/help', user: 'octo-writer' });
    const m = await mark(sb);
    for (const user of ['auth0-eventgrid[bot]', 'github-actions[bot]', 'dependabot[bot]']) {
      const d = await bot.send('issue_comment.created', { issue: n, body: '/renew-authorization prod 30\n/status', user });
      expect(d.status).toBe(200);
    }
    const edited = await bot.send('issue_comment.edited', { comment: first.payload.comment.id, body: '/renew-authorization prod 30' });
    expect(edited.status).toBe(200);
    expect(await requestsSince(sb, m)).toEqual([]);
    expect(await replies(sb, n)).toHaveLength(1);
    expect(bot.audit.filter((a) => a.issue === n).map((a) => a.command)).toEqual(['/help']);
    expect(bot.logs.filter((l) => /comment by a bot|comment edited/.test(l)).length).toBeGreaterThanOrEqual(4);
  });

  test('unsigned, wrongly signed and tampered deliveries are refused with 400 and cause no call to GitHub, Azure or Auth0', async () => {
    const n = await newIssue(sb, 'Forged');
    const d = buildWebhook(sb.context, 'issue_comment.created', { issue: n, body: '/renew-authorization prod 30', user: 'octo-admin' });
    const m = await mark(sb);
    const post = (headers: Record<string, string>, body = d.body) => fetch(bot.server.webhookUrl, { method: 'POST', headers, body }).then(async (r) => ({ status: r.status, text: await r.text() }));
    const { 'X-Hub-Signature-256': _sig, 'X-Hub-Signature': _sha1, ...unsigned } = d.headers;
    expect((await post(unsigned)).status).toBe(400);
    expect((await post({ ...d.headers, 'X-Hub-Signature-256': signWebhook('not-the-secret-at-all', d.body).sha256 })).status).toBe(400);
    expect((await post(d.headers, d.body.replace('prod 30', 'prod 365'))).status).toBe(400);
    expect((await post({ ...d.headers, 'X-Hub-Signature-256': 'sha256=' })).status).toBe(400);
    expect(await requestsSince(sb, m)).toEqual([]);
    expect(await replies(sb, n)).toEqual([]);
    expect(bot.audit.filter((a) => a.issue === n)).toEqual([]);
    // The genuine delivery goes through.
    expect((await post(d.headers)).status).toBe(200);
    expect(await replies(sb, n)).toHaveLength(1);
  });

  test('deliver() (for hosts like Azure Functions that hand over the request parts) verifies the same way', async () => {
    const { deliver } = await createChatopsProbot(botSettingsFor(sb), { env: credentialEnv(sb), audit: () => undefined, log: () => undefined });
    const n = await newIssue(sb, 'Functions');
    const d = buildWebhook(sb.context, 'issue_comment.created', { issue: n, body: '/help', user: 'octo-writer' });
    const m = await mark(sb);
    const base = { id: d.headers['X-GitHub-Delivery'], name: d.headers['X-GitHub-Event'], body: d.body };
    expect(await deliver({ ...base, signature: undefined })).toMatchObject({ status: 400 });
    expect(await deliver({ ...base, signature: signWebhook('wrong-secret-0123456789', d.body).sha256 })).toMatchObject({ status: 400, body: expect.stringContaining('signature does not match') });
    expect(await deliver({ ...base, signature: d.headers['X-Hub-Signature-256'], body: d.body.replace('/help', '/apply') })).toMatchObject({ status: 400 });
    expect(await requestsSince(sb, m)).toEqual([]);
    expect(await deliver({ ...base, signature: d.headers['X-Hub-Signature-256'] })).toEqual({ status: 200, body: 'ok' });
    expect(await replies(sb, n)).toHaveLength(1);
  });

  test('pull requests from forks: refused unless chatops allow-forks is true', async () => {
    const opened = await bot.send('pull_request.opened', { pull: { title: 'From a fork', user: 'octo-outsider', fork: true, head: 'patch-1', files: { [CONFIG_PATH]: base.replace('wait-timeout: 30s', 'wait-timeout: 45s') } } });
    const n = opened.payload.number;
    const [notice] = await replies(sb, n);
    expect(notice).toContain('No plan: this pull request comes from a fork');
    const m = await mark(sb);
    await bot.send('issue_comment.created', { issue: n, body: '/plan\n/status', user: 'octo-admin' });
    const r = (await replies(sb, n)).slice(1);
    expect(r).toHaveLength(2);
    for (const reply of r) expect(reply).toContain('Not run: this pull request comes from a fork (octo-outsider/octo-repo)');
    expect((await requestsSince(sb, m)).filter((e) => e.service !== 'github')).toEqual([]);
    await commitFiles(sb, { [CONFIG_PATH]: base + 'chatops:\n  allow-forks: true\n' });
    try {
      await bot.send('issue_comment.created', { issue: n, body: '/plan', user: 'octo-admin' });
      const plan = (await replies(sb, n)).at(-1)!;
      expect(plan).toMatch(/🚀 done/);
      expect(plan).toContain('Environments this pull request changes: **prod** (modified).');
    } finally {
      await commitFiles(sb, { [CONFIG_PATH]: base });
      await bot.send('pull_request.closed', { number: n });
    }
  });
});

describe('hostile comments', () => {
  const mentions = Array.from({ length: 60 }, (_, i) => `@octo-${i % 2 ? 'admin' : 'maintainer'}`).join(' ');
  const cases: [string, string, (reply: string) => void][] = [
    ['a mention flood', `/status ${mentions}`, (r) => expect(r).toContain('@&#8203;octo-')],
    ['markdown and HTML', '/status <img src=x onerror=alert(1)> [click](https://evil.example) ![x](https://evil.example/x.png) | --- | <script>alert(1)</script> **bold** `code`', (r) => expect(r).toContain('&lt;img src=x onerror=alert(1)&gt;')],
    ['an unknown command made of HTML', '/<b>status</b> @octo-admin', (r) => expect(r).toContain('&lt;b&gt;status&lt;/b&gt; is not a command')],
    ['a right-to-left override', '/renew-authorization prod\u202E03 syad', (r) => expect(r).toContain('prod{U+202E}03')],
    ['a zero-width space inside the command', '/st\u200Batus', (r) => expect(r).toContain('/st{U+200B}atus is not a command. Did you mean /status')],
    ['a zero-width joiner inside the environment', '/activate-topic pr\u200Dod', (r) => expect(r).toContain('pr{U+200D}od')],
    ['a very long argument', `/status ${'A'.repeat(60_000)}`, (r) => expect(r.length).toBeLessThan(3000)],
  ];
  test.each(cases)('%s is answered safely: escaped, mentions broken, nothing run', async (_name, body, check) => {
    const n = await newIssue(sb, 'Hostile');
    const m = await mark(sb);
    const d = await bot.send('issue_comment.created', { issue: n, body, user: 'octo-writer' });
    expect(d.status).toBe(200);
    const [reply, ...more] = await replies(sb, n);
    expect(more).toEqual([]);
    expect(reply).toMatch(/❓ not understood/);
    const text = reply.replace('<!-- auth0-eventgrid:chatops -->', '');
    expect(text).not.toMatch(LIVE_MENTION);
    expect(text).not.toMatch(/<(?!br>)[a-z!/]/i); // no HTML of the user's
    expect(text).not.toMatch(/(?<!\\)\]\(/); // no links or images
    expect(text).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/);
    check(reply);
    expect(await armOrAuth0Writes(m)).toEqual([]);
    expect(await botReactions(sb, n, d.payload.comment.id)).toEqual(['eyes', 'confused']);
  });

  test('a comment with a hundred commands runs the first ten and says so; one of a thousand lines is not read, and says so once', async () => {
    const n = await newIssue(sb, 'Flood');
    await bot.send('issue_comment.created', { issue: n, body: Array.from({ length: 100 }, () => '/help').join('\n'), user: 'octo-reader' });
    const r = await replies(sb, n);
    expect(r).toHaveLength(10);
    expect(r[9]).toContain('Only the first 10 commands of a comment run: 90 more were not run.');
    const d = await bot.send('issue_comment.created', { issue: n, body: Array.from({ length: 1000 }, () => '/help').join('\n'), user: 'octo-reader' });
    const more = (await replies(sb, n)).slice(10);
    expect(more).toHaveLength(1);
    expect(more[0]).toContain('❓ not understood');
    expect(more[0]).toContain('This comment was not read for commands: it has 1000 lines, and commands are read from comments of at most 500. Write the command in a comment of its own.');
    expect(await botReactions(sb, n, d.payload.comment.id)).toEqual(['eyes', 'confused']);
  });

  test('500 random comments from unauthorized users: every command answered, zero Azure or Auth0 writes', async () => {
    let seed = 20260501;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
    const words = ['prod', 'staging', '30', '365', '0', 'days=7', 'env=prod', '@octo-admin', '<img src=x>', '[x](y)', '\u202Eevil', 'pr\u200Bod', '`', '|', '*', 'A'.repeat(300)];
    const lines = () => {
      const out: string[] = [];
      const count = 1 + Math.floor(rand() * 4);
      for (let i = 0; i < count; i++) {
        const kind = rand();
        if (kind < 0.6) {
          const cmd = pick(['renew-authorization', 'activate-topic', 'deactivate-topic', 'resume-stream', 'apply', 'plan', 'unlock', 'status', 'help', 'teardown', 'setup', 'stat\u200bus', 'RENEW-AUTHORIZATION']);
          out.push(`/${cmd} ${Array.from({ length: Math.floor(rand() * 3) }, () => pick(words)).join(' ')}`);
        } else if (kind < 0.75) out.push('```\n/renew-authorization prod 30\n```');
        else if (kind < 0.85) out.push('> /activate-topic prod');
        else out.push(pick(['LGTM', 'please renew', 'see /docs/x', '@octo-admin can you look?', '']));
      }
      return out.join(rand() < 0.5 ? '\n' : '\r\n');
    };
    const n = await newIssue(sb, 'Noise');
    const m = await mark(sb);
    const bodies = Array.from({ length: 500 }, () => ({ body: lines(), user: pick(['octo-reader', 'octo-triager', 'octo-outsider']) }));
    const auditBefore = bot.audit.length;
    let next = 0;
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (next < bodies.length) {
          const b = bodies[next++];
          statuses.push((await bot.send('issue_comment.created', { issue: n, ...b })).status);
        }
      }),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(await armOrAuth0Writes(m)).toEqual([]);
    const results = bot.audit.slice(auditBefore).filter((a) => a.issue === n);
    // Every command line got its answer (reply + audit line); none of the changing ones ran.
    expect(results.length).toBeGreaterThan(300);
    expect((await replies(sb, n)).length).toBe(results.length);
    expect(results.some((a) => a.result === 'success')).toBe(true); // /help and /status are open to read
    expect(results.filter((a) => a.result === 'success').every((a) => ['/help', '/status'].includes(a.command))).toBe(true);
    const outsiders = results.filter((a) => a.actor === 'octo-outsider');
    expect(outsiders.every((a) => a.result !== 'success')).toBe(true);
  }, 120_000);
});

test('secrets are never in a reply, an audit line or a log line, even when someone pastes one into a comment', async () => {
  const env = credentialEnv(sb);
  const g = sb.info().github;
  const n = await newIssue(sb, 'Secrets');
  await bot.send('issue_comment.created', { issue: n, body: `/status ${env.AUTH0_CLIENT_SECRET_PROD}\n/renew-authorization ${env.AZURE_CLIENT_SECRET_PROD}\n/status prod ${g.webhookSecret}\n/status`, user: 'octo-writer' });
  const mine = await replies(sb, n);
  expect(mine).toHaveLength(4);
  expect(mine[0]).toContain('***');
  expect(mine[2]).toContain('***');
  const everything = [
    ...(await comments(sb, n)).filter((c) => c.user.login === 'auth0-eventgrid[bot]').map((c) => c.body),
    ...(await admin(sb, 'GET', 'github/comments')).value.filter((c: any) => c.user.login === 'auth0-eventgrid[bot]').map((c: any) => c.body),
    ...bot.auditText,
    ...bot.logs,
  ].join('\n');
  const keyLine = g.appPrivateKey.split('\n')[1];
  for (const secret of [env.AUTH0_CLIENT_SECRET_PROD, env.AZURE_CLIENT_SECRET_PROD, g.webhookSecret, keyLine, g.token]) {
    expect(secret.length).toBeGreaterThan(8);
    expect(everything).not.toContain(secret);
  }
  expect(everything).not.toMatch(/ghs_[A-Za-z0-9]{20,}/);
});
