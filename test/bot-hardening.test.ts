/**
 * Comments read as GitHub renders them, bounded work on hostile text, links never made from echoed
 * text, and replayed deliveries run once. Each attack as it was reproduced against the bot (the real
 * server and the sandbox), the parser's rules one by one, and a property-based fuzz test: arbitrary
 * comments up to 64 KiB (long blank runs, backtick and fence floods, nested quotes and lists, HTML,
 * Unicode spaces) are read without throwing and in bounded time.
 */
import fc from 'fast-check';
import type { Sandbox } from '../sandbox/index.js';
import { ProbotOctokit } from 'probot';
import { buildWebhook } from '../sandbox/github/index.js';
import { admin, testSandbox } from './helpers/sandbox.js';
import { botReactions, commitFiles, configText, environment, mark, newIssue, replies, requestsSince, startTestBot, CONFIG_PATH, OWNER, REPO, type TestBot, setUpProd } from './helpers/bot.js';
import { parseComment, COMMENT_LIMIT, MAX_COMMANDS, MAX_LINE, MAX_READ } from '../bot/parse.js';
import { userText, fitComment } from '../bot/escape.js';
import { md, neutralizeWorkflowCommands } from '../src/report/escape.js';
import { trimSlashes } from '../src/text.js';
import { acquireLock, locksOf } from '../bot/locks.js';
import { fromOctokit } from '../bot/github.js';

const names = (body: string) => parseComment(body).commands.map((c) => [c.name, ...c.args].join(' '));

/** Commands hidden where GitHub shows code, a quote, HTML, a heading or a table (each followed by a visible /help). */
const HIDDEN: [string, string][] = [
  ['a closing fence followed by a no-break space (no closing fence: the rest is code)', '```\nlog\n```\u00a0\n/deactivate-topic prod\n'],
  ['a closing fence followed by an em space', '~~~\nlog\n~~~\u2003\n/deactivate-topic prod\n'],
  ['a fence inside a list item', '1. ```\n   /deactivate-topic prod\n   ```\n\n/help'],
  ['a fence inside a quote inside a list', '- > ```\n  > /deactivate-topic prod\n\n/help'],
  ['<details> with a blank line (its content is a paragraph in CommonMark)', '<details>\n<summary>logs</summary>\n\n/deactivate-topic prod\n\n</details>\n\n/help'],
  ['an inline <details> left open', 'see <details>\n/deactivate-topic prod\n\n/deactivate-topic prod\n</details>\n\n/help'],
  ['an HTML comment block', '<!--\n/deactivate-topic prod\n-->\n\n/help'],
  ['an HTML comment inside a paragraph', 'note <!--\n/deactivate-topic prod\n-->\n\n/help'],
  ['a code span across lines', 'run `x\n/deactivate-topic prod` later\n\n/help'],
  ['a link title (shown only on hover)', '[docs](https://example.com "\n/deactivate-topic prod\n")\n\n/help'],
  ['an image description', '![\n/deactivate-topic prod\n](https://example.com/x.png)\n\n/help'],
  ['a link reference definition', '[x]: https://example.com "\n/deactivate-topic prod\n"\n\n/help'],
  ['a quote with a lazy continuation line', '> earlier\n/deactivate-topic prod\n\n/help'],
  ['a list item', '- /deactivate-topic prod\n- [ ] /deactivate-topic prod\n\n/help'],
  ['a list item with a lazy continuation line', '- step one\n/deactivate-topic prod\n\n/help'],
  ['an underlined heading', '/deactivate-topic prod\n===\n\n/help'],
  ['a dash-underlined heading', '/deactivate-topic prod\n---\n\n/help'],
  ['a table', '/deactivate-topic prod | why\n--- | ---\n/deactivate-topic prod | x\n\n/help'],
  ['indented code after a blank line', 'text\n\n    /deactivate-topic prod\n\n/help'],
  ['a tab before the slash', '\t/deactivate-topic prod\n\n/help'],
];

describe('commands are lines of top-level paragraphs in plain text', () => {
  test.each(HIDDEN)('not a command: %s', (_name, body) => {
    expect(names(body).filter((n) => n.startsWith('deactivate'))).toEqual([]);
  });

  test('visible lines still run: CRLF, trailing blanks, up to three spaces, several in one paragraph, after code that closed', () => {
    expect(names('/status\r\n  text\r\n   /renew-authorization prod 30   \r\n/HELP\t')).toEqual(['status', 'renew-authorization prod 30', 'help']);
    expect(names('```\nx\n```  \n/status prod')).toEqual(['status prod']);
    expect(names('<details>\n\nlog\n\n</details>\n\n/status')).toEqual(['status']);
    expect(names('> /quoted\n\n/status')).toEqual(['status']);
    expect(names('# Title\n\n/status')).toEqual(['status']);
    expect(parseComment('hi\n\n/status prod').commands[0]).toMatchObject({ line: 3, text: '/status prod', name: 'status', args: ['prod'] });
  });

  test('limits: GitHub-size comments are not read past the limits, and say why', () => {
    expect(parseComment('a'.repeat(COMMENT_LIMIT + 1)).unread).toContain('longer than GitHub allows');
    expect(parseComment('x'.repeat(MAX_READ) + '\n/status').unread).toContain(`commands are read from comments of at most ${MAX_READ}`);
    expect(parseComment('x'.repeat(MAX_READ) + '\nno command here')).toEqual({ commands: [], dropped: 0 });
    expect(parseComment('> > > > > > > > > quote\n\n/status').unread).toContain('nests quotes or lists 9 deep');
    // A long log pasted in a fence, full of paths: nothing to read, nothing to answer.
    expect(parseComment('Crash:\n```\n' + '/usr/lib/node/x.so: error\n'.repeat(1000) + '```\n')).toEqual({ commands: [], dropped: 0 });
    expect(parseComment('~~~\nlog\n~~~\u00a0\n' + '/deactivate-topic prod\n'.repeat(1000))).toEqual({ commands: [], dropped: 0 });
    const long = parseComment(`/status ${'a '.repeat(MAX_LINE)}`).commands[0];
    expect(long.cut).toBe(true);
    expect(long.text.length).toBeLessThanOrEqual(MAX_LINE);
  });

  test('the ReDoS comment ("/x", 65,000 spaces, "x") and other long runs are read at once, and the trimming helpers are linear', () => {
    // Each of these took seconds with a backtracking pattern; here they are answered by counting.
    const t0 = performance.now();
    expect(parseComment('/x' + ' '.repeat(65_000) + 'x').unread).toBeDefined();
    expect(parseComment('/x' + ' '.repeat(MAX_READ - 10) + 'x').commands).toEqual([{ line: 1, text: '/x', name: 'x', args: [], cut: true }]);
    expect(trimSlashes('/'.repeat(500_000) + 'x')).toHaveLength(500_001);
    expect(trimSlashes('https://h.example///')).toBe('https://h.example');
    expect(neutralizeWorkflowCommands('\n'.repeat(200_000) + ' '.repeat(200_000) + 'x')).toHaveLength(400_001);
    expect(fitComment('<'.repeat(200_000), 1000).length).toBeLessThan(1200);
    // A guard against catastrophic (quadratic) time only: all of the above take milliseconds.
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

describe('echoed text makes no links', () => {
  test('bare URLs and www. addresses are broken like mentions', () => {
    for (const text of ['https://evil.example/login', 'http://evil.example', 'HTTPS://EVIL.EXAMPLE', 'www.evil.example', 'WWW.Evil.Example/x', 'ftp://evil.example']) {
      const out = md(text);
      expect(out).not.toMatch(/:\/\//);
      expect(out).not.toMatch(/www\./i);
      expect(out).toContain('&#8203;');
    }
    expect(userText('/status https://evil.example/login www.evil.example')).toBe('/status https:&#8203;//evil.example/login www&#8203;.evil.example');
  });
});

describe('fuzz: any comment up to 64 KiB', () => {
  const pieces = fc.oneof(
    fc.constantFrom('\n', '\r\n', '\r', ' ', '\t', '\u00a0', '\u2003', '\u3000', '\u200b', '\u202e', '`', '```', '~~~', '> ', '- ', '* ', '1. ', '- [ ] ', '    ', '|', '---', '===', '#', '<details>', '</details>', '<!--', '-->', '<div>', '[', ']', '(', ')', '"', '![', '*', '_', '~~', '\\', '&#47;', 'www.x', 'https://x', '@someone'),
    fc.constantFrom('/status', '/deactivate-topic prod', '/help', '/renew-authorization prod 30', '/x', '//'),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
  );
  /** Runs of one piece (a long blank run, a backtick flood), and nested prefixes. */
  const runs = fc.tuple(pieces, fc.integer({ min: 1, max: 4000 })).map(([p, n]) => p.repeat(n));
  const nested = fc.tuple(fc.constantFrom('> ', '- ', '1. ', '  ', '* '), fc.integer({ min: 1, max: 40 }), fc.constantFrom('/status', '```', 'text', '/help')).map(([p, n, tail]) => p.repeat(n) + tail + '\n');
  const comment = fc.array(fc.oneof({ weight: 6, arbitrary: pieces }, { weight: 1, arbitrary: runs }, { weight: 2, arbitrary: nested }), { maxLength: 400 }).map((xs) => xs.join('').slice(0, COMMENT_LIMIT));
  const big = fc.tuple(fc.constantFrom(' ', '`', '```\n', '> ', '- ', '[', '<', 'a\n', '|x', '*a'), fc.integer({ min: 1000, max: 65_000 })).map(([p, n]) => ('/status\n' + p.repeat(Math.ceil(n / p.length))).slice(0, COMMENT_LIMIT));

  test('never throws, runs at most ten commands, each a visible line starting with /, and takes bounded time per comment', () => {
    let slowest = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 4, arbitrary: comment }, { weight: 1, arbitrary: big }), (body) => {
        const t0 = performance.now();
        const p = parseComment(body);
        slowest = Math.max(slowest, performance.now() - t0);
        expect(p.commands.length).toBeLessThanOrEqual(MAX_COMMANDS);
        const lines = body.split(/\r\n|\r|\n/);
        for (const c of p.commands) {
          expect(c.text.length).toBeLessThanOrEqual(MAX_LINE);
          expect(c.name).not.toMatch(/\s/);
          expect(lines[c.line - 1].trimStart().startsWith('/')).toBe(true);
          expect(lines[c.line - 1].length - lines[c.line - 1].trimStart().length).toBeLessThanOrEqual(3);
        }
      }),
      { numRuns: 300 },
    );
    // Generous: only quadratic blow-ups (seconds on 64 KiB) would reach it, not a loaded machine.
    expect(slowest).toBeLessThan(3000);
  }, 300_000);
});

describe('against the bot', () => {
  let sb: Sandbox;
  let bot: TestBot;
  let base: string;

  beforeAll(async () => {
    sb = await testSandbox({ settings: { eventDelivery: false } });
    bot = await startTestBot(sb);
    base = configText({ prod: environment(sb, { 'webhook-url': 'https://127.0.0.1:9/hook' }) });
    await commitFiles(sb, { [CONFIG_PATH]: base });
    await setUpProd(sb, base);
  }, 60_000);

  afterAll(async () => {
    await bot?.close();
    await sb?.stop();
  });

  const armWrites = async (m: number) => (await requestsSince(sb, m, 'writes=true')).filter((e) => e.service === 'arm').map((e) => e.operation);

  test.each(HIDDEN.slice(0, 6))('a maintainer quoting a command in %s does not deactivate the topic', async (_name, body) => {
    const n = await newIssue(sb, 'Quoted');
    const m = await mark(sb);
    await bot.send('issue_comment.created', { issue: n, body, user: 'octo-maintainer' });
    expect(await armWrites(m)).toEqual([]);
    expect(bot.audit.filter((a) => a.issue === n && a.command === '/deactivate-topic')).toEqual([]);
    expect((await replies(sb, n)).filter((r) => r.includes('**/deactivate-topic'))).toEqual([]);
  });

  test('the ReDoS comment is answered at once that it was not read, and runs nothing', async () => {
    const n = await newIssue(sb, 'Long');
    const m = await mark(sb);
    const d = await bot.send('issue_comment.created', { issue: n, body: '/x' + ' '.repeat(65_000) + 'x', user: 'octo-outsider' });
    expect(d.status).toBe(200);
    const [reply, ...more] = await replies(sb, n);
    expect(more).toEqual([]);
    expect(reply).toContain('This comment was not read for commands: it is 65003 characters long, and commands are read from comments of at most 8192.');
    expect((await requestsSince(sb, m)).filter((e) => e.service !== 'github')).toEqual([]);
  });

  test('URLs in an echoed command do not become links in the reply', async () => {
    const n = await newIssue(sb, 'Links');
    await bot.send('issue_comment.created', { issue: n, body: '/status https://evil.example/login www.evil.example', user: 'octo-writer' });
    const [reply] = await replies(sb, n);
    expect(reply).toContain('https:&#8203;//evil.example/login');
    expect(reply).not.toMatch(/https?:\/\/evil/i);
    expect(reply).not.toMatch(/www\.evil/i);
  });

  test('a replayed signed delivery (same X-GitHub-Delivery) runs once: one reply, one PartnerTopics_Deactivate, also when both arrive together', async () => {
    const post = (d: { headers: Record<string, string>; body: string }) => fetch(bot.server.webhookUrl, { method: 'POST', headers: d.headers, body: d.body }).then(async (r) => (await r.text(), r.status));
    const n = await newIssue(sb, 'Replay');
    const d = buildWebhook(sb.context, 'issue_comment.created', { issue: n, body: '/deactivate-topic prod', user: 'octo-maintainer' });
    let m = await mark(sb);
    expect(await post(d)).toBe(200);
    expect(await post(d)).toBe(200);
    expect(await post(d)).toBe(200);
    expect(await armWrites(m)).toEqual(['PartnerTopics_Deactivate']);
    expect(await replies(sb, n)).toHaveLength(1);
    expect(await botReactions(sb, n, d.payload.comment.id)).toEqual(['eyes', 'rocket']);
    expect(bot.logs.filter((l) => l.includes(`comment ${d.payload.comment.id} was already taken`))).toHaveLength(2);
    expect(bot.audit.filter((a) => a.issue === n)).toHaveLength(1);

    // Two copies at the same moment (two replicas): one runs.
    const again = buildWebhook(sb.context, 'issue_comment.created', { issue: n, body: '/activate-topic prod', user: 'octo-maintainer' });
    m = await mark(sb);
    expect(await Promise.all([post(again), post(again)])).toEqual([200, 200]);
    expect(await armWrites(m)).toEqual(['PartnerTopics_Activate']);
    expect(await replies(sb, n)).toHaveLength(2);
  });

  test("a replayed pull request's closing event does not free the locks it took after it was reopened", async () => {
    const info = sb.info().github;
    const gh = fromOctokit(new ProbotOctokit({ auth: { appId: info.appId, privateKey: info.appPrivateKey, installationId: info.installationId }, baseUrl: info.apiUrl, throttle: { enabled: false } }));
    const repo = { owner: OWNER, repo: REPO };
    const opened = await bot.send('pull_request.opened', { pull: { title: 'Replay close', user: 'octo-writer', head: 'replay-close', files: { [CONFIG_PATH]: base.replace('wait-timeout: 30s', 'wait-timeout: 40s') } } });
    const n = opened.payload.number;
    const lock = () => acquireLock(gh, repo, 'main', { environment: 'prod', pullRequest: n, actor: 'octo-maintainer', at: new Date().toISOString() });
    expect(await lock()).toMatchObject({ acquired: true });
    const closed = buildWebhook(sb.context, 'pull_request.closed', { number: n });
    const post = () => fetch(bot.server.webhookUrl, { method: 'POST', headers: closed.headers, body: closed.body }).then(async (r) => (await r.text(), r.status));
    expect(await post()).toBe(200);
    expect(await locksOf(gh, repo, n)).toEqual([]);
    await admin(sb, 'PATCH', `github/pulls/${n}`, { state: 'open' });
    expect(await lock()).toMatchObject({ acquired: true, reentered: false });
    expect(await post()).toBe(200);
    expect((await locksOf(gh, repo, n)).map((h) => h.environment)).toEqual(['prod']);
    await bot.send('pull_request.closed', { number: n });
    expect(await locksOf(gh, repo, n)).toEqual([]);
  });
});
