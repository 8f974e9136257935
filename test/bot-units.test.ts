/**
 * The bot's pure parts: finding commands in a comment, reading arguments, the chatops section,
 * permission levels, tracking markers, what a pull request changes, and where credentials may go.
 */
import { parseComment } from '../bot/parse.js';
import { COMMAND_SPECS, commandSpec, parseArgs, suggestCommand } from '../bot/commands.js';
import AjvModule from 'ajv';
import { parse } from 'yaml';
import { CHATOPS_COMMANDS, environmentsSchema } from '../src/config/schema.js';
import { parseChatops, defaultChatops } from '../bot/config.js';
import { levelOf } from '../bot/permissions.js';
import { trackingMarkers, resolution } from '../bot/tracking.js';
import { environmentChanges } from '../bot/pulls.js';
import { untrustedUses } from '../bot/trust.js';
import { lockBranch } from '../bot/locks.js';
import { fitComment, userText } from '../bot/escape.js';
import { normalizeEvent } from '../bot/event.js';
import { auditLine } from '../bot/audit.js';
import { marker } from '../src/github/tracking.js';
import { parseEnvironmentsFile } from '../src/config/environments.js';
import type { OperationResult } from '../src/operations/types.js';

const names = (body: string) => parseComment(body).commands.map((c) => [c.name, ...c.args].join(' '));

describe('parseComment', () => {
  test('any line starting with / is a command, in order; CRLF, trailing spaces and up to three leading spaces are fine', () => {
    expect(names('/status\r\n  text\r\n   /renew-authorization prod 30   \r\n/HELP\t')).toEqual(['status', 'renew-authorization prod 30', 'help']);
    expect(parseComment('hi\n/status prod').commands[0]).toMatchObject({ line: 2, text: '/status prod', name: 'status', args: ['prod'] });
  });

  test('fenced code (``` and ~~~, longer fences, unterminated), indented code, quotes and HTML comments are not commands', () => {
    const body = ['```', '/a', '```', '~~~~', '/b', '~~~', '/c', '~~~~', '    /d', '\t/e', '> /f', '   > /g', '<!-- /h -->', '<!--', '/i', '-->', '/ok', '````sh', '/j'].join('\n');
    expect(names(body)).toEqual(['ok']);
  });

  test('a slash not followed by a word, or two slashes, is not a command', () => {
    expect(names('/\n//comment\n/ space\n/x/y z')).toEqual(['x/y z']);
  });

  test('at most ten commands run; the rest are counted', () => {
    const p = parseComment(Array.from({ length: 13 }, (_, i) => `/help ${i}`).join('\n'));
    expect(p.commands).toHaveLength(10);
    expect(p.dropped).toBe(3);
  });
});

describe('arguments', () => {
  const renew = commandSpec('renew-authorization')!;
  test('positional or key=value; a number is the days, a word the environment', () => {
    expect(parseArgs(renew, ['prod', '30'])).toEqual({ ok: true, args: { env: 'prod', days: 30 } });
    expect(parseArgs(renew, ['30', 'prod'])).toEqual({ ok: true, args: { env: 'prod', days: 30 } });
    expect(parseArgs(renew, ['days=12', 'environment=stg'])).toEqual({ ok: true, args: { env: 'stg', days: 12 } });
    expect(parseArgs(renew, [])).toEqual({ ok: true, args: {} });
  });
  test('bad arguments say what was expected', () => {
    expect(parseArgs(renew, ['prod', '0'])).toEqual({ ok: false, problem: 'days must be a whole number from 1 to 365 (got "0")' });
    expect(parseArgs(renew, ['a', 'b'])).toEqual({ ok: false, problem: 'names more than one environment ("a" and "b")' });
    expect(parseArgs(renew, ['colour=red'])).toEqual({ ok: false, problem: 'has no argument "colour"' });
    expect(parseArgs(commandSpec('status')!, ['pr;od'])).toEqual({ ok: false, problem: `"pr;od" is not an environment name (letters, digits, '.', '_' or '-')` });
    expect(parseArgs(commandSpec('help')!, ['x'])).toEqual({ ok: false, problem: 'takes no arguments (got "x")' });
    expect(parseArgs(commandSpec('status')!, Array(9).fill('x'))).toEqual({ ok: false, problem: 'too many arguments (9)' });
  });
  test('unknown commands get the closest one', () => {
    expect(suggestCommand('statsu')?.name).toBe('status');
    expect(suggestCommand('renewauthorization')?.name).toBe('renew-authorization');
    expect(suggestCommand('activate')?.name).toBe('activate-topic');
    expect(suggestCommand('teardown')).toBeUndefined();
  });
});

test('a number is an environment name for commands without days (names may start with a digit)', () => {
  // Environment names may start with a digit, so "/status 30" asks for an environment "30".
  expect(parseArgs(commandSpec('status')!, ['30'])).toEqual({ ok: true, args: { env: '30' } });
});

describe('the chatops section', () => {
  test('absent: defaults (read for /status and /help, write for the rest, all apply requirements, no forks)', () => {
    const { config, problems } = parseChatops('f.yml', 'environments:\n  a: {}\n');
    expect(problems).toEqual([]);
    expect(config).toEqual(defaultChatops());
    expect(config.commands.status.permission).toBe('read');
    expect(config.commands.apply.permission).toBe('write');
    expect(config.applyRequirements).toEqual(['approved', 'checks', 'mergeable']);
    expect(config.allowForks).toBe(false);
  });
  test('permissions, allow-lists (top-level ones for commands that change something), options', () => {
    const text = ['environments: {a: {}}', 'chatops:', '  users: [Alice]', '  commands:', '    status: triage', '    apply: { permission: maintain, teams: [octo-org/platform] }', '  allow-forks: true', '  apply-requirements: [approved]', '  lock-release: apply', '  auto-plan: false'].join('\n');
    const { config, problems } = parseChatops('f.yml', text);
    expect(problems).toEqual([]);
    expect(config.commands.status).toEqual({ permission: 'triage' });
    expect(config.commands.apply).toEqual({ permission: 'maintain', teams: ['octo-org/platform'] });
    expect(config.commands['renew-authorization']).toEqual({ permission: 'write', users: ['alice'], teams: undefined });
    expect(config.commands.help).toEqual({ permission: 'read' });
    expect(config).toMatchObject({ allowForks: true, applyRequirements: ['approved'], lockRelease: 'apply', autoPlan: false });
  });
  test('problems name the line and column', () => {
    const { problems } = parseChatops('f.yml', 'environments: {a: {}}\nchatops:\n  commands:\n    deploy: write\n    status: root\n  apply-requirements: [green]\n  colour: blue\n');
    expect(problems).toEqual([
      'f.yml:4:5: chatops.commands.deploy is not a command; commands: status, activate-topic, renew-authorization, resume-stream, deactivate-topic, plan, apply, unlock, help',
      'f.yml:5:13: chatops.commands.status must be one of read, triage, write, maintain, admin',
      'f.yml:6:23: chatops.apply-requirements: unknown "green"; use any of approved, checks, mergeable (or [] for none)',
      'f.yml:7:3: chatops.colour is not known; use commands, users, teams, allow-forks, auto-plan, apply-requirements, lock-release',
    ]);
  });
});

test('the published JSON Schema describes the chatops section the bot reads', () => {
  expect([...CHATOPS_COMMANDS]).toEqual(COMMAND_SPECS.map((c) => c.name));
  const Ajv = ((AjvModule as any).default ?? AjvModule) as typeof AjvModule.default;
  const validate = new Ajv({ allErrors: true, strict: false }).compile(environmentsSchema());
  const good = 'environments:\n  prod: {azure-region: westus2}\nchatops:\n  users: [alice]\n  commands:\n    status: triage\n    apply: {permission: maintain, teams: [octo-org/platform]}\n  allow-forks: false\n  apply-requirements: [approved, checks]\n  lock-release: apply\n';
  expect(validate(parse(good))).toBe(true);
  expect(parseChatops('f.yml', good).problems).toEqual([]);
  for (const bad of ['chatops:\n  commands:\n    deploy: write\n', 'chatops:\n  commands:\n    status: root\n', 'chatops:\n  lock-release: never\n', 'chatops:\n  colour: blue\n']) {
    const text = 'environments:\n  prod: {azure-region: westus2}\n' + bad;
    expect(validate(parse(text))).toBe(false);
    expect(parseChatops('f.yml', text).problems).toHaveLength(1);
  }
});

test('permission levels: role_name tells maintain and triage apart; a custom role falls back to its base', () => {
  expect(levelOf({ permission: 'write', role_name: 'maintain' })).toBe('maintain');
  expect(levelOf({ permission: 'read', role_name: 'triage' })).toBe('triage');
  expect(levelOf({ permission: 'write', role_name: 'security-reviewer' })).toBe('write');
  expect(levelOf({ permission: 'none', role_name: 'none' })).toBe('none');
});

test('tracking markers are read in the format check-expiry writes', () => {
  const body = `x\n${marker('prod-eu', 'authorization')}\n${marker('stg', 'stream')}\n<!-- auth0-eventgrid:tracking environment=bad name problem=activation -->`;
  expect(trackingMarkers(body)).toEqual([
    { environment: 'prod-eu', problem: 'authorization' },
    { environment: 'stg', problem: 'stream' },
  ]);
  const r = (facts: OperationResult['facts'], checks: OperationResult['checks'] = []) => ({ facts, checks }) as OperationResult;
  // The renewal's own judgement of the new expiry decides (the thresholds check-expiry uses).
  const until = { authorizationExpiresAt: '2030-01-01T00:00:00Z', daysUntilExpiry: 7 };
  expect(resolution('authorization', r(until, [{ id: 'authorization', title: 'Auth0 authorized', status: 'pass', detail: 'Until 2030-01-01T00:00:00Z (7 days left)' }])).resolved).toBe(true);
  const within = resolution('authorization', r(until, [{ id: 'authorization', title: 'Auth0 authorized', status: 'warn', detail: 'Expires in 7 days (2030-01-01T00:00:00.000Z), within warn-days 14' }]));
  expect(within).toEqual({ resolved: false, detail: expect.stringMatching(/^Expires in 7 days .*within warn-days 14: check-expiry would reopen it/) });
  expect(resolution('authorization', r(until)).resolved).toBe(false);
  expect(resolution('stream', r({ streamStatus: 'active' })).resolved).toBe(true);
});

describe('pull requests', () => {
  const file = (text: string) => parseEnvironmentsFile('f.yml', text);
  const env = (extra = '') =>
    `    azure-subscription-id: 5f1c9a3e-7b2d-4e8f-a6c1-0d9e8b7a6f54\n    azure-resource-group: rg\n    azure-client-id: 11111111-1111-1111-1111-111111111111\n    azure-tenant-id: 22222222-2222-2222-2222-222222222222\n    azure-client-secret-env: AZ_SECRET\n    auth0-domain: t.eu.auth0.com\n    auth0-client-id: abc\n    auth0-client-secret-env: A0_SECRET\n${extra}`;
  const base = file(`defaults:\n  azure-region: westus2\nenvironments:\n  prod:\n${env()}  old:\n${env()}`);

  test('what changes: defaults count, added and removed environments are told apart', () => {
    const head = file(`defaults:\n  azure-region: eastus\nenvironments:\n  prod:\n${env()}  new:\n${env()}`);
    expect(environmentChanges(base, head)).toEqual({ added: ['new'], modified: ['prod'], removed: ['old'] });
    expect(environmentChanges(base, base)).toEqual({ added: [], modified: [], removed: [] });
    expect(environmentChanges(undefined, head)).toEqual({ added: ['prod', 'new'], modified: [], removed: [] });
  });

  test('credentials stay where the default branch sends them', () => {
    expect(untrustedUses(base, file(`environments:\n  prod:\n${env('    azure-region: eastus\n')}`), 'prod')).toEqual([]);
    const moved = untrustedUses(base, file(`environments:\n  prod:\n${env().replace('t.eu.auth0.com', 'evil.example')}`), 'prod');
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatch(/would send A0_SECRET to Auth0 domain evil\.example and client abc; on the default branch it goes to Auth0 domain t\.eu\.auth0\.com/);
    const unknown = untrustedUses(base, file(`environments:\n  prod:\n${env().replace('A0_SECRET', 'OTHER_SECRET')}`), 'prod');
    expect(unknown[0]).toMatch(/names OTHER_SECRET, which no environment on the default branch uses for auth0-client-secret/);
    const cloud = untrustedUses(base, file(`environments:\n  prod:\n${env('    azure-environment: AzureUSGovernment\n')}`), 'prod');
    expect(cloud.some((p) => /would send AZ_SECRET to Entra tenant/.test(p))).toBe(true);
    expect(cloud.some((p) => /uses Azure endpoints/.test(p))).toBe(false); // a public cloud
    expect(untrustedUses(base, file(`environments:\n  prod:\n${env('    azure-resource-manager-endpoint: https://arm.example\n')}`), 'prod').some((p) => /uses Azure endpoints \(https:\/\/arm\.example/.test(p))).toBe(true);
    expect(untrustedUses(base, file(`environments:\n  prod:\n${env().replace('A0_SECRET', 'WEBHOOK_SECRET')}`), 'prod')[0]).toMatch(/holds the bot's own secret/);
  });

  test('lock branches are valid ref names for any environment name', () => {
    expect(lockBranch('prod')).toBe('auth0-eventgrid-lock/prod');
    expect(lockBranch('eu.prod..x')).toBe(`auth0-eventgrid-lock/x-${Buffer.from('eu.prod..x').toString('hex')}`);
  });
});

test('user text: invisible characters shown, markdown and HTML escaped, mentions broken, shortened', () => {
  expect(userText('@octo <b>x</b> [l](u) a\u202Eb\u200B')).toBe('@&#8203;octo &lt;b&gt;x&lt;/b&gt; \\[l\\](u) a{U+202E}b{U+200B}');
  expect([...userText('x'.repeat(500), 80)].length).toBe(80);
  const long = fitComment('<details>\n' + 'y'.repeat(70_000));
  expect(long.length).toBeLessThanOrEqual(65_536);
  expect(long.endsWith('</details>')).toBe(true);
});

test('events: bots, edits and other events are ignored before any call', () => {
  const repository = { owner: { login: 'o' }, name: 'r', default_branch: 'main' };
  const comment = (user: any, action = 'created') => normalizeEvent('issue_comment', { action, repository, sender: user, issue: { number: 1 }, comment: { id: 2, body: '/help', user } }, 'd');
  expect(comment({ login: 'x[bot]', type: 'Bot' })).toMatchObject({ kind: 'ignored', reason: 'comment by a bot (x[bot])' });
  expect(comment({ login: 'sneaky[bot]', type: 'User' })).toMatchObject({ kind: 'ignored' });
  expect(comment({ login: 'alice', type: 'User' }, 'edited')).toMatchObject({ kind: 'ignored', reason: 'comment edited: only new comments are read' });
  expect(comment({ login: 'alice', type: 'User' })).toMatchObject({ kind: 'comment', repo: { owner: 'o', repo: 'r' }, comment: { id: 2 } });
  expect(normalizeEvent('pull_request_target', { action: 'opened', number: 3, repository, sender: { login: 'a' } }, 'd')).toMatchObject({ kind: 'pull_request', action: 'opened', number: 3 });
  expect(normalizeEvent('push', { repository }, 'd')).toMatchObject({ kind: 'ignored', reason: 'push events are not handled' });
});

test('audit lines are JSON with the user text cleaned and secrets masked', () => {
  const line = auditLine({ delivery: 'd', repository: 'o/r', issue: 1, trigger: 'comment', actor: 'a', permission: 'write', command: '/status', args: ['s3cr3t-value', 'x\u202Ey'], result: 'invalid', reason: 'bad s3cr3t-value', durationMs: 12.6 }, ['s3cr3t-value'], new Date('2030-01-01T00:00:00Z'));
  expect(JSON.parse(line)).toEqual({ audit: 'auth0-eventgrid-chatops', time: '2030-01-01T00:00:00.000Z', delivery: 'd', repository: 'o/r', issue: 1, trigger: 'comment', actor: 'a', permission: 'write', command: '/status', args: ['***', 'xy'], result: 'invalid', reason: 'bad ***', durationMs: 13 });
});
