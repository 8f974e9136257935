/**
 * Trust boundaries of the GitHub App server, end to end (real server, signed deliveries, the sandbox's
 * GitHub, Azure and Auth0): credentials are lent only as the server's own bindings say — to the
 * repositories, environments and endpoints they name — whatever a repository's file says; tracking-issue
 * markers count only in issues GitHub Actions or the App opened; allow-lists cover /plan and the
 * automatic plan. A capture server on loopback stands in for the attacker's host and must receive nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sandbox } from '../sandbox/index.js';
import { bindingProblems, destinationsOfValues, usesOfValues } from '../bot/bindings.js';
import { botSettings, BotSettingsError } from '../bot/settings.js';
import { newSends, sendsOf } from '../bot/trust.js';
import { resolveInvocation } from '../src/config/environments.js';
import { marker } from '../src/github/tracking.js';
import type { FleetResult } from '../src/operations/types.js';
import { admin, testSandbox } from './helpers/sandbox.js';
import { startCapture, type CaptureServer } from './helpers/capture.js';
import { commitFiles, configText, credentialEnv, environment, mark, newIssue, replies, requestsSince, runDirect, startTestBot, testBindings, CONFIG_PATH, OWNER, REPO, type TestBot } from './helpers/bot.js';

const SIDE = `${OWNER}/side-project`;
let sb: Sandbox;
let bot: TestBot;
let capture: CaptureServer;
let base: string;
/** The names of the credential variables the bot looked up (its env is a recording view of them). */
const reads: string[] = [];

/** Requests to Azure, Entra ID or Auth0 (anything but GitHub) since the mark. */
async function cloudCalls(since: number) {
  return (await requestsSince(sb, since)).filter((e) => e.service !== 'github');
}

async function sideComments(issue: number): Promise<string[]> {
  const all = (await admin(sb, 'GET', `github/comments?issue=${issue}&repo=${SIDE}`)).value;
  return all.filter((c: any) => c.user.login === 'auth0-eventgrid[bot]').map((c: any) => c.body);
}

async function userIssue(user: string, repo: string, title: string, body = ''): Promise<number> {
  const { token } = await admin(sb, 'POST', 'github/tokens', { user });
  const res = await fetch(`${sb.info().github.apiUrl}/repos/${repo}/issues`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/vnd.github+json' },
    body: JSON.stringify({ title, body }),
  });
  if (res.status !== 201) throw new Error(`issue: ${res.status} ${await res.text()}`);
  return (await res.json()).number;
}

async function activation(): Promise<string | undefined> {
  const r = (await runDirect(sb, base, 'verify', 'prod')) as FleetResult;
  return r.environments[0].facts.activationState;
}

/** The secrets must appear nowhere the capture server saw. */
function assertNothingCaptured() {
  expect(capture.requests).toEqual([]);
  expect(capture.connections).toBe(0);
}

beforeAll(async () => {
  sb = await testSandbox({ settings: { eventDelivery: false } });
  capture = await startCapture(sb.context.tls);
  base = configText({ prod: environment(sb, { activation: 'auto' }) });
  // The App is installed on both repositories of the organization; octo-outsider administers the second.
  await admin(sb, 'POST', 'seed', { github: { rateLimits: { core: 1_000_000 }, repos: [{ full_name: SIDE, collaborators: { 'octo-outsider': 'admin' } }] } });
  const inst = (await admin(sb, 'GET', 'github')).installations[0];
  expect(inst.repositories).toEqual(expect.arrayContaining([`${OWNER}/${REPO}`, SIDE].map((r) => r.toLowerCase())));
  await commitFiles(sb, { [CONFIG_PATH]: base });
  const r = (await runDirect(sb, base, 'setup', 'prod')) as FleetResult;
  expect(r.environments[0].failure).toBeUndefined();
  expect(r.environments[0].facts.activationState).toBe('Activated');
  // Bound to octo-org/octo-repo only (test/helpers/bot.ts: the sandbox's endpoints).
  const values = credentialEnv(sb);
  const recording = new Proxy(values, {
    get(target, key) {
      if (typeof key === 'string' && key in target) reads.push(key);
      return Reflect.get(target, key);
    },
  });
  bot = await startTestBot(sb, {}, recording);
}, 60_000);

beforeEach(() => capture.reset());

afterAll(async () => {
  await bot?.close();
  await capture?.close();
  await sb?.stop();
});

describe('server mode: credentials bound to repositories and endpoints by the server', () => {
  test('another repository the App is installed on cannot use them: /status, /deactivate-topic and /plan refused, nothing sent anywhere', async () => {
    // Its admin names the prod credentials: once with the real endpoints (to deactivate prod's topic), once
    // with its own host as Auth0 domain and Entra authority (to collect both secrets).
    const hostile = configText({
      prod: environment(sb),
      collect: environment(sb, { 'auth0-domain': capture.host, 'azure-authority-host': capture.url }),
    });
    await admin(sb, 'PUT', 'github/contents', { repo: SIDE, files: { [CONFIG_PATH]: hostile }, message: 'environments' });
    const n = await userIssue('octo-outsider', SIDE, 'Borrowing');
    const m = await mark(sb);
    reads.length = 0;
    const d = await bot.send('issue_comment.created', { repo: SIDE, issue: n, body: '/status collect\n/deactivate-topic prod\n/status', user: 'octo-outsider' });
    expect(d.status).toBe(200);
    const r = await sideComments(n);
    expect(r).toHaveLength(3);
    for (const reply of r) {
      expect(reply).toMatch(/run by @&#8203;octo-outsider \(admin\) · 🚫 not run/);
      expect(reply).toContain('this server does not lend these credentials here, and read none of them');
      expect(reply).toContain('which this server does not lend to octo-org/side-project');
      // Which server setting would allow it.
      expect(reply).toContain('adding octo-org/side-project to the repositories of credential set "prod" in CREDENTIAL\\_BINDINGS would allow it');
    }
    expect(r[0]).toContain('AUTH0\\_CLIENT\\_SECRET\\_PROD (auth0-client-secret-env)');
    expect(r[0]).toContain('AZURE\\_CLIENT\\_SECRET\\_PROD (azure-client-secret-env)');
    expect(bot.audit.filter((a) => a.repository === SIDE && a.issue === n).map((a) => [a.command, a.result, a.reason])).toEqual([
      ['/status', 'refused', 'credentials not lent to this repository'],
      ['/deactivate-topic', 'refused', 'credentials not lent to this repository'],
      ['/status', 'refused', 'credentials not lent to this repository'],
    ]);
    expect(await cloudCalls(m)).toEqual([]);
    assertNothingCaptured();
    // No credential was even read.
    expect(reads).toEqual([]);
    expect(await activation()).toBe('Activated');

    // /plan on a pull request of that repository: the same refusal, and no plan posted automatically either.
    const m2 = await mark(sb);
    const moved = configText({ prod: environment(sb, { 'auth0-domain': capture.host, 'azure-authority-host': capture.url, 'event-categories': ['auth.login.fail'] }) });
    const opened = await bot.send('pull_request.opened', { repo: SIDE, pull: { title: 'Point prod at us', user: 'octo-outsider', head: 'point', files: { [CONFIG_PATH]: moved } } });
    const pr = opened.payload.number;
    await bot.send('issue_comment.created', { repo: SIDE, issue: pr, body: '/plan', user: 'octo-outsider' });
    const p = await sideComments(pr);
    expect(p).toHaveLength(2);
    for (const reply of p) {
      expect(reply).toContain('🚫 not run');
      expect(reply).toContain('which this server does not lend to octo-org/side-project');
    }
    expect(await cloudCalls(m2)).toEqual([]);
    assertNothingCaptured();
    expect(reads).toEqual([]);
  });

  test('the bound repository works, but its file cannot send a bound credential to other endpoints', async () => {
    const moved = configText({
      prod: environment(sb),
      collect: environment(sb, { 'auth0-domain': capture.host }),
      authority: environment(sb, { 'azure-authority-host': capture.url }),
    });
    await commitFiles(sb, { [CONFIG_PATH]: moved });
    try {
      const n = await newIssue(sb, 'Endpoints');
      const m = await mark(sb);
      await bot.send('issue_comment.created', { issue: n, body: '/status collect\n/status authority\n/status prod', user: 'octo-admin' });
      const [collect, authority, prod] = await replies(sb, n);
      expect(collect).toContain('🚫 not run');
      expect(collect).toContain(`environments.collect would send AUTH0\\_CLIENT\\_SECRET\\_PROD (auth0-client-secret-env) to Auth0 domain ${capture.host.replace(/\./g, '.')}`);
      expect(collect).toContain(`(bound: ${sb.info().auth0[0].domain.replace(/_/g, '\\_')})`);
      expect(collect).toContain('the environments file cannot change where a credential goes');
      expect(authority).toContain('🚫 not run');
      expect(authority).toContain('environments.authority would send AZURE\\_CLIENT\\_SECRET\\_PROD (azure-client-secret-env) to Azure authority host');
      expect(prod).toMatch(/run by @&#8203;octo-admin \(admin\) · 🚀 done/);
      // Only prod's own calls reached the cloud: to the sandbox's Entra, Auth0 and ARM.
      expect((await cloudCalls(m)).length).toBeGreaterThan(0);
      assertNothingCaptured();
    } finally {
      await commitFiles(sb, { [CONFIG_PATH]: base });
    }
  });

  test('a set bound to some environments only; a server without bindings lends nothing and says which setting would', async () => {
    const two = configText({ prod: environment(sb), staging: environment(sb, { 'stream-name': 'staging-stream' }) });
    await commitFiles(sb, { [CONFIG_PATH]: two });
    const envBound = await startTestBot(sb, { bindings: testBindings(sb, [`${OWNER}/${REPO}`], { environments: ['prod'] }) });
    const unbound = await startTestBot(sb, { bindings: { source: 'CREDENTIAL_BINDINGS', sets: [] } });
    try {
      const n = await newIssue(sb, 'Scopes');
      const m = await mark(sb);
      await envBound.send('issue_comment.created', { issue: n, body: '/deactivate-topic staging', user: 'octo-admin' });
      const [staging] = await replies(sb, n);
      expect(staging).toContain('which this server lends to octo-org/octo-repo only for environments prod: adding staging to the environments of credential set "prod"');
      await unbound.send('issue_comment.created', { issue: n, body: '/status prod', user: 'octo-admin' });
      const none = (await replies(sb, n))[1];
      expect(none).toContain('this server lends no credential to any repository: its operator binds credentials to repositories and endpoints with CREDENTIAL\\_BINDINGS or CREDENTIAL\\_BINDINGS\\_FILE');
      expect(await cloudCalls(m)).toEqual([]);
    } finally {
      await envBound.close();
      await unbound.close();
      await commitFiles(sb, { [CONFIG_PATH]: base });
    }
    expect(await activation()).toBe('Activated');
  });

  test('an environment signing in with the server\'s own Azure identity needs a set that allows it', async () => {
    const ambient = environment(sb);
    delete ambient['azure-client-id'];
    delete ambient['azure-tenant-id'];
    delete ambient['azure-client-secret-env'];
    await admin(sb, 'PUT', 'github/contents', { repo: SIDE, files: { [CONFIG_PATH]: configText({ prod: ambient }) }, message: 'ambient' });
    const n = await userIssue('octo-outsider', SIDE, 'Ambient');
    const m = await mark(sb);
    await bot.send('issue_comment.created', { repo: SIDE, issue: n, body: '/deactivate-topic', user: 'octo-outsider' });
    const [reply] = await sideComments(n);
    expect(reply).toContain("the server's own Azure sign-in (no azure-client-id: the ambient credential), which this server lends to no repository");
    expect(await cloudCalls(m)).toEqual([]);
  });
});

describe('tracking-issue markers', () => {
  test("a marker in an issue someone opened does not choose the environment of a maintainer's bare /deactivate-topic", async () => {
    const two = configText({ prod: environment(sb), staging: environment(sb, { 'stream-name': 'staging-stream' }) });
    await commitFiles(sb, { [CONFIG_PATH]: two });
    try {
      // A reader opens an issue with a hidden prod marker, the way check-expiry writes them.
      const n = await userIssue('octo-reader', `${OWNER}/${REPO}`, 'auth0-eventgrid: partner topic for prod needs attention', `Please deactivate.\n${marker('prod', 'activation')}`);
      const m = await mark(sb);
      await bot.send('issue_comment.created', { issue: n, body: '/deactivate-topic', user: 'octo-maintainer' });
      const [reply] = await replies(sb, n);
      expect(reply).toContain('Which environment?');
      expect((await requestsSince(sb, m, 'writes=true')).filter((e) => e.service !== 'github')).toEqual([]);
      expect(await activation()).toBe('Activated');

      // The same marker in an issue GitHub Actions opened (check-expiry's tracking issue) counts.
      const t = await newIssue(sb, 'auth0-eventgrid: partner topic for prod needs attention', marker('prod', 'activation'));
      await bot.send('issue_comment.created', { issue: t, body: '/activate-topic', user: 'octo-maintainer' });
      const [own] = await replies(sb, t);
      expect(own).toMatch(/\*\*\/activate-topic\*\* · run by @&#8203;octo-maintainer \(maintain\) · 🚀 done/);
      expect(own).toContain('Partner topic of prod:');
      expect(own).toContain('closed this tracking issue');

      // And in one this App opened (performed_via_github_app).
      const { token } = await admin(sb, 'POST', 'github/tokens', {});
      const res = await fetch(`${sb.info().github.apiUrl}/repos/${OWNER}/${REPO}/issues`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/vnd.github+json' },
        body: JSON.stringify({ title: 'auth0-eventgrid: stream of prod', body: marker('prod', 'stream') }),
      });
      const byApp = (await res.json()).number;
      await bot.send('issue_comment.created', { issue: byApp, body: '/status', user: 'octo-maintainer' });
      const [status] = await replies(sb, byApp);
      expect(status).toMatch(/🚀 done/);
      expect(bot.audit.filter((a) => a.issue === byApp).map((a) => a.environment)).toEqual(['prod']);
    } finally {
      await commitFiles(sb, { [CONFIG_PATH]: base });
    }
  });
});

describe('allow-lists', () => {
  test('top-level users: apply to /plan and to the automatic plan', async () => {
    await commitFiles(sb, { [CONFIG_PATH]: base + 'chatops:\n  users: [octo-maintainer]\n' });
    try {
      const file = base.replace('wait-timeout: 30s', 'wait-timeout: 45s');
      const opened = await bot.send('pull_request.opened', { pull: { title: 'Longer wait', user: 'octo-writer', head: 'wait-45', files: { [CONFIG_PATH]: file } } });
      const pr = opened.payload.number;
      const m = await mark(sb);
      await bot.send('issue_comment.created', { issue: pr, body: '/plan', user: 'octo-writer' });
      const [auto, asked] = await replies(sb, pr);
      for (const reply of [auto, asked]) {
        expect(reply).toContain('🚫 not run');
        expect(reply).toContain('| write and users octo-maintainer | write, not on the allow-list |');
      }
      expect(await cloudCalls(m)).toEqual([]);
      await bot.send('issue_comment.created', { issue: pr, body: '/plan', user: 'octo-maintainer' });
      expect((await replies(sb, pr)).at(-1)).toMatch(/\(maintain\) · 🚀 done/);
    } finally {
      await commitFiles(sb, { [CONFIG_PATH]: base });
    }
  });
});

test('the credential values never appear in a reply, whichever repository asked', async () => {
  const env = credentialEnv(sb);
  const all = [...(await admin(sb, 'GET', `github/comments?repo=${SIDE}`)).value, ...(await admin(sb, 'GET', 'github/comments')).value].map((c: any) => c.body).join('\n');
  for (const v of Object.values(env)) expect(all).not.toContain(v);
  for (const line of bot.auditText) for (const v of Object.values(env)) expect(line).not.toContain(v);
});

describe('the bindings setting', () => {
  test('read from CREDENTIAL_BINDINGS or CREDENTIAL_BINDINGS_FILE; every problem named, and the server does not start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'a0eg-bindings-'));
    try {
      const app = { APP_ID: '1', PRIVATE_KEY: sb.info().github.appPrivateKey, WEBHOOK_SECRET: '0123456789abcdef0123' };
      expect(botSettings(app).bindings.sets).toEqual([]);
      const path = join(dir, 'bindings.yml');
      writeFileSync(path, 'credentials:\n  lab:\n    repositories: [octo-org/*]\n    variables: [LAB_SECRET]\n    auth0-domain: https://Lab.eu.auth0.com/\n    azure-environment: AzureUSGovernment\n');
      const [lab] = botSettings({ ...app, CREDENTIAL_BINDINGS_FILE: path }).bindings.sets;
      expect(lab).toMatchObject({ name: 'lab', repositories: ['octo-org/*'], auth0Domain: 'lab.eu.auth0.com', azure: { authorityHost: 'https://login.microsoftonline.us', resourceManagerEndpoint: 'https://management.usgovcloudapi.net' } });
      const bad = '{"credentials":{"x":{"repositories":["not a repo"],"variables":["1BAD"],"azure-environment":"Mars","auth0-domain":"https://a/b","colour":"red"}}}';
      let err: unknown;
      try {
        botSettings({ ...app, CREDENTIAL_BINDINGS: bad });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(BotSettingsError);
      const problems = (err as BotSettingsError).problems.join('\n');
      expect(problems).toContain('CREDENTIAL_BINDINGS: credentials.x.colour is not known');
      expect(problems).toContain('credentials.x.repositories: "not a repo" is not owner/name or owner/*');
      expect(problems).toContain('credentials.x.variables: "1BAD" is not an environment variable name');
      expect(problems).toContain('credentials.x.azure-environment: "Mars" is not one of AzureCloud, AzureUSGovernment, AzureChinaCloud');
      expect(problems).toContain('credentials.x.auth0-domain: "https://a/b" is not a domain name');
      expect(() => botSettings({ ...app, CREDENTIAL_BINDINGS: bad, CREDENTIAL_BINDINGS_FILE: path })).toThrow(/both set/);
      expect(() => botSettings({ ...app, CREDENTIAL_BINDINGS_FILE: join(dir, 'missing.yml') })).toThrow(/CREDENTIAL_BINDINGS_FILE: cannot read/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('owner/* binds every repository of that owner and no other; case does not matter', () => {
    const b = testBindings(sb, ['Octo-Org/*']);
    const v = { 'auth0-client-secret-env': 'AUTH0_CLIENT_SECRET_PROD', 'auth0-domain': sb.info().auth0[0].domain, 'azure-client-id': 'x', 'azure-authority-host': sb.info().endpoints.entra, 'azure-resource-manager-endpoint': sb.info().endpoints.arm };
    const problems = (repo: string) => bindingProblems(b, repo, 'prod', usesOfValues(v), destinationsOfValues(v));
    expect(problems('octo-org/anything')).toEqual([]);
    expect(problems('OCTO-ORG/Octo-Repo')).toEqual([]);
    expect(problems('octo-org-evil/octo-repo')[0]).toContain('which this server does not lend to octo-org-evil/octo-repo');
  });
});

describe('what a pull request may send', () => {
  const settingsOf = (inputs: Record<string, string>) => {
    const given: Record<string, string> = {
      command: 'setup',
      'azure-subscription-id': '5f1c9a3e-7b2d-4e8f-a6c1-0d9e8b7a6f54',
      'azure-resource-group': 'rg',
      'azure-region': 'westus2',
      'auth0-domain': 't.eu.auth0.com',
      'auth0-client-id': 'abc',
      'auth0-client-secret': 'the-auth0-secret',
      ...inputs,
    };
    return resolveInvocation((n) => given[n], () => undefined, {}).environments[0];
  };

  test('a credential, however supplied, only where the default branch sends it; a webhook URL the file writes is not a credential', () => {
    const base = sendsOf(settingsOf({ 'webhook-url': 'https://hooks.example/in?code=k3y-0123456789' }), false);
    // The same secret, the same domain: nothing new. Another domain: refused, whoever supplied the secret.
    expect(newSends(base, sendsOf(settingsOf({ 'webhook-url': 'https://hooks.example/in?code=k3y-0123456789' }), false))).toEqual([]);
    expect(newSends(base, sendsOf(settingsOf({ 'auth0-domain': 'collector.example' }), false))[0]).toContain('would send the Auth0 client secret of the environment to Auth0 domain collector.example (client abc); the default branch sends it only to Auth0 domain t.eu.auth0.com');
    // The ambient Azure sign-in and its token go to Resource Manager: a new endpoint is refused.
    expect(newSends(base, sendsOf(settingsOf({ 'azure-resource-manager-endpoint': 'https://arm.example', 'azure-authority-host': 'https://login.example' }), false)).join('\n')).toContain('the ambient Azure sign-in');
    // OIDC: the token goes to the authority; a secret never used by the default branch is refused.
    const oidc = sendsOf(settingsOf({ 'azure-client-id': '11111111-1111-1111-1111-111111111111', 'azure-tenant-id': '22222222-2222-2222-2222-222222222222' }), false);
    expect(oidc.map((s) => s.credential)).toContain('oidc');
    expect(newSends(base, sendsOf(settingsOf({ 'auth0-client-secret': 'another-secret' }), false))[0]).toContain('no environment on the default branch uses that credential');
    // A webhook URL from a secret may not move to other Resource Manager endpoints; one the file writes may change.
    const hookElsewhere = sendsOf(settingsOf({ 'webhook-url': 'https://hooks.example/in?code=k3y-0123456789', 'azure-resource-manager-endpoint': 'https://arm.example' }), false);
    expect(newSends(base, hookElsewhere).some((p) => p.includes('the webhook URL of the environment'))).toBe(true);
    expect(sendsOf(settingsOf({ 'webhook-url': 'https://new.example/hook' }), true).some((s) => s.label.includes('webhook'))).toBe(false);
  });
});
