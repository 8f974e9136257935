/**
 * The sandbox's GitHub API through the real clients: @actions/github's getOctokit (a workflow's
 * GITHUB_TOKEN, installation tokens, users' tokens) and Probot's ProbotOctokit with app auth, plus a
 * real Probot app receiving the builder's signed webhooks. Every JSON answer and webhook payload is
 * checked against GitHub's OpenAPI schemas (@octokit/openapi-types, @octokit/openapi-webhooks-types).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { getOctokit } from '@actions/github';
import { Probot, ProbotOctokit } from 'probot';
import { Webhooks } from '@octokit/webhooks';
import { SignJWT } from 'jose';
import { admin, testSandbox } from './helpers/sandbox.js';
import { githubSchemas, type SchemaChecker } from './helpers/github-schemas.js';
import type { Sandbox, SandboxInfo } from '../sandbox/index.js';
import { buildWebhook, githubUserToken } from '../sandbox/github/index.js';

type Octo = ReturnType<typeof getOctokit>;

let schemas: SchemaChecker;
function conforms(kind: 'rest' | 'hooks', schema: string, value: unknown): void {
  expect(schemas.check(kind, schema, value)).toEqual([]);
}

/** The error a request fails with (and a failure if it does not). */
async function failure(p: Promise<unknown>): Promise<{ status: number; message: string; headers: Record<string, string>; data: any }> {
  try {
    await p;
  } catch (e: any) {
    return { status: e.status, message: e.response?.data?.message ?? e.message, headers: e.response?.headers ?? {}, data: e.response?.data };
  }
  throw new Error('expected the request to fail');
}

/** A raw call with an Authorization header of our choosing (Octokit's auth hooks would replace it). */
async function raw(url: string, authorization?: string, init: RequestInit = {}): Promise<{ status: number; data: any; headers: Headers }> {
  const res = await fetch(url, { ...init, headers: { accept: 'application/vnd.github+json', ...(authorization ? { authorization } : {}), ...(init.headers ?? {}) } });
  const text = await res.text();
  return { status: res.status, data: text ? JSON.parse(text) : undefined, headers: res.headers };
}

const MARKER_PROD = '<!-- auth0-eventgrid:tracking env=prod problem=authorization -->';
const MARKER_STAGING = '<!-- auth0-eventgrid:tracking env=staging problem=authorization -->';

describe('sandbox GitHub API', () => {
  let sb: Sandbox;
  let info: SandboxInfo['github'];
  let owner: string;
  let repo: string;
  let gh: Octo;
  let app: InstanceType<typeof ProbotOctokit>;

  beforeAll(async () => {
    schemas = githubSchemas();
    sb = await testSandbox();
    info = sb.info().github;
    [owner, repo] = info.repository.split('/');
    gh = getOctokit(info.token, { baseUrl: info.apiUrl });
    // Probot's client as configured by Probot, minus its client-side write throttling (1 write/s),
    // which only slows the tests down.
    app = new ProbotOctokit({ auth: { appId: info.appId, privateKey: info.appPrivateKey, installationId: info.installationId }, baseUrl: info.apiUrl, throttle: { enabled: false } });
  });
  afterAll(async () => {
    await sb.stop();
  });

  test('info() carries the API URL, the app credentials, the installation and a ready repository token', () => {
    expect(info.apiUrl).toBe(sb.endpoints.github);
    expect(info.apiUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(info.appPrivateKey).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n[\s\S]+-----END RSA PRIVATE KEY-----\n?$/);
    expect(info.appId).toBeGreaterThan(0);
    expect(info.installationId).toBeGreaterThan(0);
    expect(info.webhookSecret.length).toBeGreaterThanOrEqual(20);
    expect(info.token).toMatch(/^ghs_[A-Za-z0-9]{36}$/);
    expect(info.repository).toBe('octo-org/octo-repo');
  });

  describe('the GitHub App', () => {
    test('installation token flow: JWT → app, repo installation, access token that acts as the bot', async () => {
      const asApp = new ProbotOctokit({ auth: { appId: info.appId, privateKey: info.appPrivateKey }, baseUrl: info.apiUrl });
      const me = await asApp.rest.apps.getAuthenticated();
      expect(me.data).toMatchObject({ id: info.appId, slug: 'auth0-eventgrid' });
      conforms('rest', 'integration', me.data);
      const inst = await asApp.rest.apps.getRepoInstallation({ owner, repo });
      expect(inst.data.id).toBe(info.installationId);
      expect(inst.data.permissions).toMatchObject({ issues: 'write', pull_requests: 'write', contents: 'write' });
      conforms('rest', 'installation', inst.data);
      const tok = await asApp.rest.apps.createInstallationAccessToken({ installation_id: info.installationId });
      expect(tok.status).toBe(201);
      expect(tok.data.token).toMatch(/^ghs_/);
      expect(tok.data.repository_selection).toBe('selected');
      expect(tok.data.repositories?.map((r) => r.full_name)).toEqual(['octo-org/octo-repo']);
      const clock = await admin(sb, 'GET', 'clock');
      expect(Date.parse(tok.data.expires_at) - Date.parse(clock.now)).toBeGreaterThan(3_590_000);
      expect(Date.parse(tok.data.expires_at) - Date.parse(clock.now)).toBeLessThanOrEqual(3_600_000);
      conforms('rest', 'installation-token', tok.data);

      const bot = getOctokit(tok.data.token, { baseUrl: info.apiUrl });
      const issue = await bot.rest.issues.create({ owner, repo, title: 'From the app' });
      expect(issue.data.user).toMatchObject({ login: 'auth0-eventgrid[bot]', type: 'Bot' });
      expect(issue.data.performed_via_github_app?.slug).toBe('auth0-eventgrid');
      // ProbotOctokit with an installationId mints and uses installation tokens by itself.
      const c = await app.rest.issues.createComment({ owner, repo, issue_number: issue.data.number, body: 'hello' });
      expect(c.data.user?.login).toBe('auth0-eventgrid[bot]');
      // Installation tokens cannot call app endpoints; the JWT cannot call repository endpoints.
      expect(await failure(bot.rest.apps.getAuthenticated())).toMatchObject({ status: 401, message: 'A JSON web token could not be decoded' });
      const jwt = (await asApp.auth({ type: 'app' })) as { token: string };
      const withJwt = await raw(`${info.apiUrl}/repos/${owner}/${repo}/issues/${issue.data.number}`, `Bearer ${jwt.token}`);
      expect(withJwt).toMatchObject({ status: 403, data: { message: 'Resource not accessible by integration' } });
    });

    test('access tokens can be narrowed, not widened; a narrowed token gets 403 with the accepted permissions', async () => {
      const asApp = new ProbotOctokit({ auth: { appId: info.appId, privateKey: info.appPrivateKey }, baseUrl: info.apiUrl });
      const wide = await failure(asApp.rest.apps.createInstallationAccessToken({ installation_id: info.installationId, permissions: { administration: 'write' } }));
      expect(wide).toMatchObject({ status: 422, message: 'The permissions requested are not granted to this installation.' });
      const otherRepo = await failure(asApp.rest.apps.createInstallationAccessToken({ installation_id: info.installationId, repositories: ['not-installed'] }));
      expect(otherRepo.status).toBe(422);
      expect(await failure(asApp.rest.apps.createInstallationAccessToken({ installation_id: 1 }))).toMatchObject({ status: 404 });
      const narrow = await asApp.rest.apps.createInstallationAccessToken({ installation_id: info.installationId, permissions: { issues: 'read' } });
      expect(narrow.data.permissions).toEqual({ issues: 'read', metadata: 'read' });
      const ro = getOctokit(narrow.data.token, { baseUrl: info.apiUrl });
      const list = await ro.rest.issues.listForRepo({ owner, repo, state: 'all' });
      expect(list.status).toBe(200);
      const denied = await failure(ro.rest.issues.create({ owner, repo, title: 'nope' }));
      expect(denied).toMatchObject({ status: 403, message: 'Resource not accessible by integration' });
      expect(denied.headers['x-accepted-github-permissions']).toBe('issues=write');
      expect(denied.data.documentation_url).toMatch(/^https:\/\/docs\.github\.com\//);
      const noContents = await failure(ro.rest.repos.getContent({ owner, repo, path: 'README.md' }));
      expect(noContents).toMatchObject({ status: 403, message: 'Resource not accessible by integration' });
      expect(noContents.headers['x-accepted-github-permissions']).toBe('contents=read');
    });

    test('App JWTs are checked: signature, issuer, exp at most 10 minutes ahead, not expired', async () => {
      const key = createPrivateKey(info.appPrivateKey);
      const now = Math.floor(Date.parse((await admin(sb, 'GET', 'clock')).now) / 1000);
      const call = async (jwt: string) => {
        const r = await raw(`${info.apiUrl}/app`, `Bearer ${jwt}`);
        return { status: r.status, message: r.data.message };
      };
      const sign = (claims: Record<string, unknown>, k: Parameters<SignJWT['sign']>[0] = key) => new SignJWT(claims).setProtectedHeader({ alg: 'RS256' }).sign(k);
      expect(await call(await sign({ iss: info.appId, iat: now - 30, exp: now + 1200 }))).toMatchObject({ status: 401, message: "'Expiration time' claim ('exp') is too far in the future" });
      expect(await call(await sign({ iss: info.appId, iat: now - 4000, exp: now - 3000 }))).toMatchObject({
        status: 401,
        message: "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
      });
      const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
      expect(await call(await sign({ iss: info.appId, iat: now - 30, exp: now + 500 }, other))).toMatchObject({ status: 401, message: 'A JSON web token could not be decoded' });
      expect(await call(await sign({ iss: 'abc', iat: now - 30, exp: now + 500 }))).toMatchObject({ status: 401, message: "'Issuer' claim ('iss') must be an Integer" });
      const ok = await raw(`${info.apiUrl}/app`, `Bearer ${await sign({ iss: String(info.appId), iat: now - 30, exp: now + 570 })}`);
      expect(ok).toMatchObject({ status: 200, data: { slug: 'auth0-eventgrid', id: info.appId } });
      expect((await raw(`${info.apiUrl}/app`)).status).toBe(401);
    });
  });

  describe('issues', () => {
    test('create, get, list with filters, update and close with a comment', async () => {
      const a = await gh.rest.issues.create({ owner, repo, title: 'Authorization expires in 5 days (prod)', body: `Renew it.\n${MARKER_PROD}`, labels: ['auth0-eventgrid', 'expiry'] });
      expect(a.status).toBe(201);
      expect(a.data).toMatchObject({ state: 'open', title: 'Authorization expires in 5 days (prod)', comments: 0, locked: false, state_reason: null });
      expect(a.data.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot', id: 41898282 });
      expect(a.data.labels.map((l) => (typeof l === 'string' ? l : l.name))).toEqual(['auth0-eventgrid', 'expiry']);
      expect(a.data.html_url).toBe(`https://github.com/${owner}/${repo}/issues/${a.data.number}`);
      expect(a.data.url).toBe(`${info.apiUrl}/repos/${owner}/${repo}/issues/${a.data.number}`);
      expect(a.data.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      conforms('rest', 'issue', a.data);
      const b = await gh.rest.issues.create({ owner, repo, title: 'Staging stream suspended', body: MARKER_STAGING, labels: ['auth0-eventgrid'] });
      const asReader = getOctokit(githubUserToken(sb.context, 'octo-reader'), { baseUrl: info.apiUrl });
      const byReader = await asReader.rest.issues.create({ owner, repo, title: 'Question from a reader', labels: ['ignored-for-readers'] });
      expect(byReader.data.user?.login).toBe('octo-reader');
      expect(byReader.data.labels).toEqual([]);
      expect(byReader.data.author_association).toBe('MEMBER');

      const labelled = await gh.rest.issues.listForRepo({ owner, repo, labels: 'auth0-eventgrid,expiry' });
      expect(labelled.data.map((i) => i.number)).toEqual([a.data.number]);
      const ours = await gh.rest.issues.listForRepo({ owner, repo, labels: 'auth0-eventgrid', direction: 'asc' });
      expect(ours.data.map((i) => i.number)).toEqual([a.data.number, b.data.number]);
      const byCreator = await gh.rest.issues.listForRepo({ owner, repo, creator: 'octo-reader' });
      expect(byCreator.data.map((i) => i.number)).toEqual([byReader.data.number]);

      const comment = await gh.rest.issues.createComment({ owner, repo, issue_number: a.data.number, body: 'Renewed until 2030-01-01; closing.' });
      expect(comment.status).toBe(201);
      conforms('rest', 'issue-comment', comment.data);
      const closed = await gh.rest.issues.update({ owner, repo, issue_number: a.data.number, state: 'closed', state_reason: 'completed' });
      expect(closed.data).toMatchObject({ state: 'closed', state_reason: 'completed', comments: 1 });
      expect(closed.data.closed_by?.login).toBe('github-actions[bot]');
      expect(closed.data.closed_at).not.toBeNull();
      const open = await gh.rest.issues.listForRepo({ owner, repo, labels: 'auth0-eventgrid' });
      expect(open.data.map((i) => i.number)).toEqual([b.data.number]);
      const closedList = await gh.rest.issues.listForRepo({ owner, repo, labels: 'auth0-eventgrid', state: 'closed' });
      expect(closedList.data.map((i) => i.number)).toEqual([a.data.number]);
      const reopened = await gh.rest.issues.update({ owner, repo, issue_number: a.data.number, state: 'open', title: 'Authorization expires in 2 days (prod)', body: `Updated.\n${MARKER_PROD}` });
      expect(reopened.data).toMatchObject({ state: 'open', state_reason: 'reopened', closed_at: null, title: 'Authorization expires in 2 days (prod)' });
      const got = await gh.rest.issues.get({ owner, repo, issue_number: a.data.number });
      expect(got.data.body).toBe(`Updated.\n${MARKER_PROD}`);
      const comments = await gh.rest.issues.listComments({ owner, repo, issue_number: a.data.number });
      expect(comments.data.map((c) => c.body)).toEqual(['Renewed until 2030-01-01; closing.']);
      const edited = await gh.rest.issues.updateComment({ owner, repo, comment_id: comment.data.id, body: 'edited' });
      expect(edited.data.body).toBe('edited');
      // Readers cannot edit others' comments or close others' issues.
      expect(await failure(asReader.rest.issues.updateComment({ owner, repo, comment_id: comment.data.id, body: 'x' }))).toMatchObject({ status: 403 });
      expect(await failure(asReader.rest.issues.update({ owner, repo, issue_number: a.data.number, state: 'closed' }))).toMatchObject({ status: 403 });
      await gh.rest.issues.deleteComment({ owner, repo, comment_id: comment.data.id });
      expect(await failure(gh.rest.issues.getComment({ owner, repo, comment_id: comment.data.id }))).toMatchObject({ status: 404, message: 'Not Found' });
      // Validation as GitHub: missing title, bad state, too long a body, unknown issue.
      const missing = await failure(gh.request('POST /repos/{owner}/{repo}/issues', { owner, repo, body: 'no title' } as never));
      expect(missing).toMatchObject({ status: 422, message: 'Validation Failed' });
      expect(missing.data.errors).toEqual([{ resource: 'Issue', code: 'missing_field', field: 'title' }]);
      expect(await failure(gh.rest.issues.update({ owner, repo, issue_number: a.data.number, state: 'done' as never }))).toMatchObject({ status: 422 });
      const tooLong = await failure(gh.rest.issues.createComment({ owner, repo, issue_number: a.data.number, body: 'x'.repeat(65_537) }));
      expect(tooLong.status).toBe(422);
      expect(tooLong.data.errors[0].message).toMatch(/too long \(maximum is 65536 characters\)/);
      expect(await failure(gh.rest.issues.get({ owner, repo, issue_number: 9999 }))).toMatchObject({ status: 404, message: 'Not Found' });
    });

    test('pagination: per_page/page with Link headers (prev, next, last, first) that octokit.paginate follows', async () => {
      const before = (await gh.paginate(gh.rest.issues.listForRepo, { owner, repo, state: 'all', per_page: 100 })).length;
      for (let i = 0; i < 7; i++) await gh.rest.issues.create({ owner, repo, title: `page item ${i}`, labels: ['paging'] });
      const first = await gh.rest.issues.listForRepo({ owner, repo, labels: 'paging', per_page: 3 });
      expect(first.data).toHaveLength(3);
      expect(first.data.map((i) => i.title)).toEqual(['page item 6', 'page item 5', 'page item 4']);
      const link = first.headers.link!;
      expect(link).toContain(`<${info.apiUrl}/repos/${owner}/${repo}/issues?labels=paging&per_page=3&page=2>; rel="next"`);
      expect(link).toContain('page=3>; rel="last"');
      expect(link).not.toContain('rel="prev"');
      const second = await gh.rest.issues.listForRepo({ owner, repo, labels: 'paging', per_page: 3, page: 2 });
      expect(second.headers.link).toMatch(/page=1>; rel="prev".*page=3>; rel="next".*page=3>; rel="last".*page=1>; rel="first"/);
      const last = await gh.rest.issues.listForRepo({ owner, repo, labels: 'paging', per_page: 3, page: 3 });
      expect(last.data.map((i) => i.title)).toEqual(['page item 0']);
      expect(last.headers.link).not.toContain('rel="next"');
      const all = await gh.paginate(gh.rest.issues.listForRepo, { owner, repo, labels: 'paging', per_page: 2 });
      expect(all.map((i) => i.title).sort()).toEqual([0, 1, 2, 3, 4, 5, 6].map((n) => `page item ${n}`));
      const everything = await gh.paginate(gh.rest.issues.listForRepo, { owner, repo, state: 'all', per_page: 4 });
      expect(everything).toHaveLength(before + 7);
    });

    test('search finds a tracking issue by its hidden marker, with state, type, label and repo qualifiers', async () => {
      const prod = await gh.rest.issues.create({ owner, repo, title: 'Tracking: prod', body: `Table…\n${MARKER_PROD.replace('prod', 'prod2')}` });
      const staging = await gh.rest.issues.create({ owner, repo, title: 'Tracking: staging', body: `Table…\n${MARKER_PROD.replace('prod', 'staging2')}`, labels: ['auth0-eventgrid'] });
      const q = (marker: string, extra = 'is:open') => `repo:${owner}/${repo} is:issue ${extra} in:body "${marker.replace(/^<!-- | -->$/g, '')}"`;
      const found = await gh.rest.search.issuesAndPullRequests({ q: q(MARKER_PROD.replace('prod', 'prod2')) });
      expect(found.data.total_count).toBe(1);
      expect(found.data.items.map((i) => i.number)).toEqual([prod.data.number]);
      expect(found.headers['x-ratelimit-resource']).toBe('search');
      conforms('rest', 'issue-search-result-item', found.data.items[0]);
      const other = await gh.rest.search.issuesAndPullRequests({ q: q(MARKER_PROD.replace('prod', 'staging2')) });
      expect(other.data.items.map((i) => i.number)).toEqual([staging.data.number]);
      const byLabel = await gh.rest.search.issuesAndPullRequests({ q: `repo:${owner}/${repo} is:issue label:auth0-eventgrid staging2` });
      expect(byLabel.data.items.map((i) => i.number)).toEqual([staging.data.number]);
      // Words in the title only, bare words anywhere, and nothing for a marker that was never written.
      expect((await gh.rest.search.issuesAndPullRequests({ q: `repo:${owner}/${repo} in:title staging2` })).data.total_count).toBe(0);
      expect((await gh.rest.search.issuesAndPullRequests({ q: `repo:${owner}/${repo} tracking staging2` })).data.total_count).toBe(1);
      expect((await gh.rest.search.issuesAndPullRequests({ q: q(MARKER_PROD.replace('prod', 'dev9')) })).data.total_count).toBe(0);
      await gh.rest.issues.update({ owner, repo, issue_number: prod.data.number, state: 'closed' });
      expect((await gh.rest.search.issuesAndPullRequests({ q: q(MARKER_PROD.replace('prod', 'prod2')) })).data.total_count).toBe(0);
      const closed = await gh.rest.search.issuesAndPullRequests({ q: q(MARKER_PROD.replace('prod', 'prod2'), 'is:closed') });
      expect(closed.data.items.map((i) => [i.number, i.state])).toEqual([[prod.data.number, 'closed']]);
      expect((await gh.rest.search.issuesAndPullRequests({ q: `repo:${owner}/${repo} is:pr prod2` })).data.total_count).toBe(0);
      // A repository the token cannot see cannot be searched.
      const hidden = await failure(gh.rest.search.issuesAndPullRequests({ q: 'repo:someone/else tracking' }));
      expect(hidden.status).toBe(422);
      expect(hidden.data.errors[0].message).toMatch(/cannot be searched/);
      expect(await failure(gh.rest.search.issuesAndPullRequests({ q: '' }))).toMatchObject({ status: 422 });
    });

    test('search lags behind writes when the index delay is seeded, like GitHub’s', async () => {
      await admin(sb, 'POST', 'seed', { github: { searchIndexDelayMs: 30_000 } });
      try {
        const i = await gh.rest.issues.create({ owner, repo, title: 'fresh', body: 'lagmarker42' });
        expect((await gh.rest.search.issuesAndPullRequests({ q: `repo:${owner}/${repo} lagmarker42` })).data.total_count).toBe(0);
        // Listing is not delayed: that is how a client finds what it just wrote.
        expect((await gh.rest.issues.get({ owner, repo, issue_number: i.data.number })).data.body).toBe('lagmarker42');
        await admin(sb, 'POST', 'clock', { advance: '31s' });
        expect((await gh.rest.search.issuesAndPullRequests({ q: `repo:${owner}/${repo} lagmarker42` })).data.total_count).toBe(1);
      } finally {
        await admin(sb, 'POST', 'seed', { github: { searchIndexDelayMs: 0 } });
      }
    });

    test('labels: defaults, create (422 when it exists), add to and remove from issues', async () => {
      const labels = await gh.paginate(gh.rest.issues.listLabelsForRepo, { owner, repo });
      expect(labels.map((l) => l.name)).toEqual(expect.arrayContaining(['bug', 'documentation', 'enhancement']));
      conforms('rest', 'label', labels[0]);
      const created = await gh.rest.issues.createLabel({ owner, repo, name: 'expiry-critical', color: 'B60205', description: 'Expires within 3 days' });
      expect(created.status).toBe(201);
      expect(created.data).toMatchObject({ name: 'expiry-critical', color: 'b60205', description: 'Expires within 3 days', default: false });
      const dup = await failure(gh.rest.issues.createLabel({ owner, repo, name: 'Expiry-Critical' }));
      expect(dup).toMatchObject({ status: 422, message: 'Validation Failed' });
      expect(dup.data.errors).toEqual([{ resource: 'Label', code: 'already_exists', field: 'name' }]);
      const i = await gh.rest.issues.create({ owner, repo, title: 'to label' });
      const added = await gh.rest.issues.addLabels({ owner, repo, issue_number: i.data.number, labels: ['expiry-critical', 'brand-new'] });
      expect(added.data.map((l) => l.name)).toEqual(['expiry-critical', 'brand-new']);
      expect((await gh.rest.issues.getLabel({ owner, repo, name: 'brand-new' })).data.color).toBe('ededed');
      const removed = await gh.rest.issues.removeLabel({ owner, repo, issue_number: i.data.number, name: 'brand-new' });
      expect(removed.data.map((l) => l.name)).toEqual(['expiry-critical']);
      expect(await failure(gh.rest.issues.removeLabel({ owner, repo, issue_number: i.data.number, name: 'brand-new' }))).toMatchObject({ status: 404 });
      const asReader = getOctokit(githubUserToken(sb.context, 'octo-reader'), { baseUrl: info.apiUrl });
      expect(await failure(asReader.rest.issues.addLabels({ owner, repo, issue_number: i.data.number, labels: ['bug'] }))).toMatchObject({ status: 403 });
      const asTriager = getOctokit(githubUserToken(sb.context, 'octo-triager'), { baseUrl: info.apiUrl });
      expect((await asTriager.rest.issues.addLabels({ owner, repo, issue_number: i.data.number, labels: ['bug'] })).data.map((l) => l.name)).toEqual(['expiry-critical', 'bug']);
    });

    test('reactions on comments: 201 when new, 200 when the same user already reacted, listed with a content filter', async () => {
      const i = await gh.rest.issues.create({ owner, repo, title: 'react' });
      const writer = getOctokit(githubUserToken(sb.context, 'octo-writer'), { baseUrl: info.apiUrl });
      const cm = await writer.rest.issues.createComment({ owner, repo, issue_number: i.data.number, body: '/status prod' });
      expect(cm.data.user?.login).toBe('octo-writer');
      const eyes = await app.rest.reactions.createForIssueComment({ owner, repo, comment_id: cm.data.id, content: 'eyes' });
      expect(eyes.status).toBe(201);
      expect(eyes.data).toMatchObject({ content: 'eyes', user: { login: 'auth0-eventgrid[bot]', type: 'Bot' } });
      conforms('rest', 'reaction', eyes.data);
      const again = await app.rest.reactions.createForIssueComment({ owner, repo, comment_id: cm.data.id, content: 'eyes' });
      expect(again.status).toBe(200);
      expect(again.data.id).toBe(eyes.data.id);
      await app.rest.reactions.createForIssueComment({ owner, repo, comment_id: cm.data.id, content: 'rocket' });
      await writer.rest.reactions.createForIssueComment({ owner, repo, comment_id: cm.data.id, content: 'eyes' });
      const all = await gh.rest.reactions.listForIssueComment({ owner, repo, comment_id: cm.data.id });
      expect(all.data.map((r) => [r.user?.login, r.content])).toEqual([
        ['auth0-eventgrid[bot]', 'eyes'],
        ['auth0-eventgrid[bot]', 'rocket'],
        ['octo-writer', 'eyes'],
      ]);
      const onlyEyes = await gh.rest.reactions.listForIssueComment({ owner, repo, comment_id: cm.data.id, content: 'eyes' });
      expect(onlyEyes.data).toHaveLength(2);
      const rolled = await gh.rest.issues.getComment({ owner, repo, comment_id: cm.data.id });
      expect(rolled.data.reactions).toMatchObject({ total_count: 3, eyes: 2, rocket: 1, '+1': 0 });
      const bad = await failure(app.rest.reactions.createForIssueComment({ owner, repo, comment_id: cm.data.id, content: 'thumbsup' as never }));
      expect(bad).toMatchObject({ status: 422, message: 'Validation Failed' });
      expect(await failure(app.rest.reactions.createForIssueComment({ owner, repo, comment_id: 123, content: 'eyes' }))).toMatchObject({ status: 404 });
      await app.rest.reactions.deleteForIssueComment({ owner, repo, comment_id: cm.data.id, reaction_id: eyes.data.id });
      const state = await admin(sb, 'GET', `github/comments?issue=${i.data.number}`);
      expect(state.value[0].reactions_list.map((r: any) => `${r.user}:${r.content}`)).toEqual(['auth0-eventgrid[bot]:rocket', 'octo-writer:eyes']);
    });
  });

  describe('who may do what', () => {
    test('collaborator permission for each role (maintain → write, triage → read), none and unknown users', async () => {
      const expected: [string, string, string][] = [
        ['octo-admin', 'admin', 'admin'],
        ['octo-maintainer', 'write', 'maintain'],
        ['octo-writer', 'write', 'write'],
        ['octo-triager', 'read', 'triage'],
        ['octo-reader', 'read', 'read'],
        ['octo-outsider', 'none', 'none'],
      ];
      for (const [username, permission, role] of expected) {
        const res = await app.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username });
        expect([username, res.data.permission, res.data.role_name]).toEqual([username, permission, role]);
        expect(res.data.user?.login).toBe(username);
        conforms('rest', 'repository-collaborator-permission', res.data);
      }
      const viaToken = await gh.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: 'OCTO-ADMIN' });
      expect(viaToken.data.permission).toBe('admin');
      expect(await failure(app.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: 'no-such-user-xyz' }))).toMatchObject({ status: 404 });
      // A user needs push access to ask.
      const asReader = getOctokit(githubUserToken(sb.context, 'octo-reader'), { baseUrl: info.apiUrl });
      expect(await failure(asReader.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: 'octo-admin' }))).toMatchObject({
        status: 403,
        message: 'Must have push access to view collaborator permission.',
      });
      // Changing roles through the admin API is seen at once.
      await admin(sb, 'PUT', 'github/collaborators', { collaborators: { 'octo-reader': 'maintain', 'new-person': 'triage' } });
      expect((await app.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: 'octo-reader' })).data).toMatchObject({ permission: 'write', role_name: 'maintain' });
      expect((await app.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: 'new-person' })).data).toMatchObject({ permission: 'read', role_name: 'triage' });
      await admin(sb, 'PUT', 'github/collaborators', { collaborators: { 'octo-reader': 'read', 'new-person': null } });
      expect((await app.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: 'new-person' })).data.permission).toBe('none');
    });

    test('team membership needs the members permission the repository token cannot have', async () => {
      const m = await app.rest.teams.getMembershipForUserInOrg({ org: owner, team_slug: 'eventgrid-operators', username: 'octo-maintainer' });
      expect(m.data).toMatchObject({ role: 'maintainer', state: 'active' });
      conforms('rest', 'team-membership', m.data);
      expect((await app.rest.teams.getMembershipForUserInOrg({ org: owner, team_slug: 'eventgrid-operators', username: 'octo-writer' })).data.role).toBe('member');
      expect(await failure(app.rest.teams.getMembershipForUserInOrg({ org: owner, team_slug: 'eventgrid-operators', username: 'octo-reader' }))).toMatchObject({ status: 404 });
      expect(await failure(app.rest.teams.getMembershipForUserInOrg({ org: owner, team_slug: 'nope', username: 'octo-writer' }))).toMatchObject({ status: 404 });
      const denied = await failure(gh.rest.teams.getMembershipForUserInOrg({ org: owner, team_slug: 'eventgrid-operators', username: 'octo-writer' }));
      expect(denied).toMatchObject({ status: 403, message: 'Resource not accessible by integration' });
    });

    test('401 for a bad or revoked token and for writes without one; 404 for repositories outside the token', async () => {
      const bad = await failure(getOctokit('ghs_not_a_real_token_0000000000000000', { baseUrl: info.apiUrl }).rest.issues.listForRepo({ owner, repo }));
      expect(bad).toMatchObject({ status: 401, message: 'Bad credentials' });
      expect(bad.data).toEqual({ message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
      const res = await fetch(`${info.apiUrl}/repos/${owner}/${repo}/issues`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"x"}' });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ message: 'Requires authentication' });
      // The default repository is private: nothing to see anonymously.
      expect((await fetch(`${info.apiUrl}/repos/${owner}/${repo}/issues/1`)).status).toBe(404);
      const minted = await admin(sb, 'POST', 'github/tokens', { permissions: { issues: 'write' } });
      const t = getOctokit(minted.token, { baseUrl: info.apiUrl });
      expect((await t.rest.issues.listForRepo({ owner, repo })).status).toBe(200);
      await admin(sb, 'DELETE', `github/tokens/${minted.token}`);
      expect(await failure(t.rest.issues.listForRepo({ owner, repo }))).toMatchObject({ status: 401, message: 'Bad credentials' });
      await admin(sb, 'POST', 'seed', { github: { repos: [{ full_name: 'someone/elsewhere', files: { 'a.txt': 'a' } }] } });
      expect(await failure(gh.rest.repos.get({ owner: 'someone', repo: 'elsewhere' }))).toMatchObject({ status: 404, message: 'Not Found' });
      expect(await failure(app.rest.issues.listForRepo({ owner: 'someone', repo: 'elsewhere' }))).toMatchObject({ status: 404 });
      const full = await gh.rest.repos.get({ owner, repo });
      expect(full.data).toMatchObject({ full_name: 'octo-org/octo-repo', private: true, default_branch: 'main' });
      conforms('rest', 'full-repository', full.data);
    });

    test('rate limit headers count each token’s requests', async () => {
      const r1 = await gh.rest.repos.get({ owner, repo });
      const r2 = await gh.rest.repos.get({ owner, repo });
      expect(r1.headers['x-ratelimit-limit']).toBe('1000');
      expect(Number(r1.headers['x-ratelimit-remaining']) - Number(r2.headers['x-ratelimit-remaining'])).toBe(1);
      expect(Number(r2.headers['x-ratelimit-used'])).toBe(Number(r1.headers['x-ratelimit-used']) + 1);
      expect(r2.headers['x-ratelimit-resource']).toBe('core');
      // The reset time is in the client's clock (clients wait until it by Date.now()).
      const reset = Number(r2.headers['x-ratelimit-reset']) * 1000;
      expect(reset).toBeGreaterThan(Date.now());
      expect(reset).toBeLessThanOrEqual(Date.now() + 3_601_000);
      const viaApp = await app.rest.repos.get({ owner, repo });
      expect(viaApp.headers['x-ratelimit-limit']).toBe('5000');
      const limits = await gh.rest.rateLimit.get();
      expect(limits.data.resources.core.remaining).toBe(Number(r2.headers['x-ratelimit-remaining']));
    });
  });

  describe('pull requests, contents, statuses and checks', () => {
    const CONFIG = '.github/auth0-eventgrid.yml';

    test('a PR with changed files, reviews, contents at its head, combined status and check runs; then merged', async () => {
      await admin(sb, 'PUT', 'github/contents', { files: { [CONFIG]: 'environments:\n  prod:\n    azure-region: westus2\n', 'old.txt': 'bye\n' }, message: 'Add config' });
      const created = await admin(sb, 'POST', 'github/pulls', {
        title: 'Move prod to eastus',
        body: 'Please /plan',
        user: 'octo-writer',
        head: 'move-prod',
        files: { [CONFIG]: 'environments:\n  prod:\n    azure-region: eastus\n', 'docs/new.md': '# New\n', 'old.txt': null },
        reviews: [{ user: 'octo-maintainer', state: 'APPROVED' }],
        statuses: [{ context: 'ci/build', state: 'success' }],
        checkRuns: [{ name: 'test', conclusion: 'success' }],
      });
      const n = created.number;
      const pr = await app.rest.pulls.get({ owner, repo, pull_number: n });
      expect(pr.data).toMatchObject({ number: n, state: 'open', merged: false, mergeable: true, mergeable_state: 'clean', draft: false, title: 'Move prod to eastus' });
      expect(pr.data.user.login).toBe('octo-writer');
      expect(pr.data.head).toMatchObject({ ref: 'move-prod', repo: { full_name: 'octo-org/octo-repo', fork: false } });
      expect(pr.data.base).toMatchObject({ ref: 'main', repo: { full_name: 'octo-org/octo-repo' } });
      expect(pr.data.changed_files).toBe(3);
      conforms('rest', 'pull-request', pr.data);
      // The PR is an issue too: same number, with pull_request.
      const asIssue = await app.rest.issues.get({ owner, repo, issue_number: n });
      expect(asIssue.data.pull_request?.url).toBe(`${info.apiUrl}/repos/${owner}/${repo}/pulls/${n}`);

      const files = await app.rest.pulls.listFiles({ owner, repo, pull_number: n });
      expect(files.data.map((f) => [f.filename, f.status, f.additions, f.deletions])).toEqual([
        [CONFIG, 'modified', 1, 1],
        ['docs/new.md', 'added', 1, 0],
        ['old.txt', 'removed', 0, 1],
      ]);
      expect(files.data[0].patch).toContain('-    azure-region: westus2\n+    azure-region: eastus');
      for (const f of files.data) conforms('rest', 'diff-entry', f);
      const reviews = await app.rest.pulls.listReviews({ owner, repo, pull_number: n });
      expect(reviews.data.map((r) => [r.user?.login, r.state, r.commit_id])).toEqual([['octo-maintainer', 'APPROVED', pr.data.head.sha]]);
      conforms('rest', 'pull-request-review', reviews.data[0]);

      const atHead = await app.rest.repos.getContent({ owner, repo, path: CONFIG, ref: pr.data.head.sha });
      const file = atHead.data as { content: string; encoding: string; sha: string; type: string };
      expect(file.type).toBe('file');
      expect(Buffer.from(file.content, 'base64').toString()).toBe('environments:\n  prod:\n    azure-region: eastus\n');
      conforms('rest', 'content-file', atHead.data);
      const byBranch = await app.rest.repos.getContent({ owner, repo, path: CONFIG, ref: 'move-prod' });
      expect((byBranch.data as { sha: string }).sha).toBe(file.sha);
      const onMain = await app.rest.repos.getContent({ owner, repo, path: CONFIG });
      expect(Buffer.from((onMain.data as { content: string }).content, 'base64').toString()).toContain('westus2');
      const raw = await app.rest.repos.getContent({ owner, repo, path: CONFIG, ref: pr.data.head.sha, mediaType: { format: 'raw' } });
      expect(raw.data as unknown as string).toBe('environments:\n  prod:\n    azure-region: eastus\n');
      const dir = await app.rest.repos.getContent({ owner, repo, path: '.github' });
      expect((dir.data as { name: string; type: string }[]).map((e) => [e.name, e.type])).toEqual([['auth0-eventgrid.yml', 'file']]);
      expect(await failure(app.rest.repos.getContent({ owner, repo, path: 'docs/new.md' }))).toMatchObject({ status: 404, message: 'Not Found' });
      expect(await failure(app.rest.repos.getContent({ owner, repo, path: CONFIG, ref: 'no-such-branch' }))).toMatchObject({ status: 404 });

      const combined = await app.rest.repos.getCombinedStatusForRef({ owner, repo, ref: pr.data.head.sha });
      expect(combined.data).toMatchObject({ state: 'success', total_count: 1, sha: pr.data.head.sha });
      conforms('rest', 'combined-commit-status', combined.data);
      const runs = await app.rest.checks.listForRef({ owner, repo, ref: 'move-prod' });
      expect(runs.data.check_runs.map((r) => [r.name, r.status, r.conclusion])).toEqual([['test', 'completed', 'success']]);
      conforms('rest', 'check-run', runs.data.check_runs[0]);

      // A failing check makes it unstable; a new push (synchronize) changes the head and drops the old statuses.
      await admin(sb, 'PATCH', `github/pulls/${n}`, { checkRuns: [{ name: 'lint', conclusion: 'failure' }], statuses: [{ context: 'ci/deploy', state: 'pending' }] });
      const unstable = await app.rest.pulls.get({ owner, repo, pull_number: n });
      expect(unstable.data.mergeable_state).toBe('unstable');
      expect((await app.rest.repos.getCombinedStatusForRef({ owner, repo, ref: pr.data.head.sha })).data.state).toBe('pending');
      await admin(sb, 'PATCH', `github/pulls/${n}`, { files: { 'docs/new.md': '# Newer\n' } });
      const pushed = await app.rest.pulls.get({ owner, repo, pull_number: n });
      expect(pushed.data.head.sha).not.toBe(pr.data.head.sha);
      expect((await app.rest.repos.getCombinedStatusForRef({ owner, repo, ref: pushed.data.head.sha })).data).toMatchObject({ state: 'pending', total_count: 0 });
      expect(pushed.data.mergeable_state).toBe('clean');
      await admin(sb, 'PATCH', `github/pulls/${n}`, { mergeable: false });
      expect((await app.rest.pulls.get({ owner, repo, pull_number: n })).data).toMatchObject({ mergeable: false, mergeable_state: 'dirty' });
      await admin(sb, 'PATCH', `github/pulls/${n}`, { mergeable: true, mergeable_state: 'blocked' });
      expect((await app.rest.pulls.get({ owner, repo, pull_number: n })).data.mergeable_state).toBe('blocked');

      const merged = await admin(sb, 'POST', `github/pulls/${n}/merge`, { by: 'octo-admin' });
      expect(merged).toMatchObject({ merged: true, state: 'closed', merged_by: { login: 'octo-admin' } });
      const afterMerge = await app.rest.repos.getContent({ owner, repo, path: 'docs/new.md' });
      expect(Buffer.from((afterMerge.data as { content: string }).content, 'base64').toString()).toBe('# Newer\n');
      expect(await failure(app.rest.repos.getContent({ owner, repo, path: 'old.txt' }))).toMatchObject({ status: 404 });
      expect((await app.rest.pulls.list({ owner, repo, state: 'closed' })).data.map((p) => p.number)).toContain(n);
      expect((await app.rest.pulls.list({ owner, repo })).data.map((p) => p.number)).not.toContain(n);
    });

    test('a PR from a fork shows head.repo.fork; unknown PRs are 404', async () => {
      const created = await admin(sb, 'POST', 'github/pulls', { user: 'forker', head: { ref: 'patch-1', fork: true }, files: { 'README.md': '# changed by a fork\n' } });
      const pr = await app.rest.pulls.get({ owner, repo, pull_number: created.number });
      expect(pr.data.head.repo).toMatchObject({ full_name: 'forker/octo-repo', fork: true, owner: { login: 'forker' } });
      expect(pr.data.head.label).toBe('forker:patch-1');
      expect(pr.data.maintainer_can_modify).toBe(false);
      conforms('rest', 'pull-request', pr.data);
      // The fork's head commit is readable through the base repository, as refs/pull/N/head.
      const readme = await app.rest.repos.getContent({ owner, repo, path: 'README.md', ref: pr.data.head.sha });
      expect(Buffer.from((readme.data as { content: string }).content, 'base64').toString()).toBe('# changed by a fork\n');
      expect(await failure(app.rest.git.getRef({ owner, repo, ref: 'heads/patch-1' }))).toMatchObject({ status: 404 });
      expect((await app.rest.git.getRef({ owner, repo, ref: `pull/${created.number}/head` })).data.object.sha).toBe(pr.data.head.sha);
      expect(await failure(app.rest.pulls.get({ owner, repo, pull_number: 4242 }))).toMatchObject({ status: 404 });
      // An issue number is not a pull request.
      const i = await gh.rest.issues.create({ owner, repo, title: 'plain issue' });
      expect(await failure(app.rest.pulls.get({ owner, repo, pull_number: i.data.number }))).toMatchObject({ status: 404 });
    });

    test('contents can be written with sha checks (409 on a stale sha)', async () => {
      const created = await gh.rest.repos.createOrUpdateFileContents({ owner, repo, path: 'locks/prod.json', message: 'lock', content: Buffer.from('{"pr":1}').toString('base64') });
      expect(created.status).toBe(201);
      conforms('rest', 'file-commit', created.data);
      const noSha = await failure(gh.rest.repos.createOrUpdateFileContents({ owner, repo, path: 'locks/prod.json', message: 'again', content: Buffer.from('{"pr":2}').toString('base64') }));
      expect(noSha.status).toBe(422);
      const stale = await failure(
        gh.rest.repos.createOrUpdateFileContents({ owner, repo, path: 'locks/prod.json', message: 'again', content: Buffer.from('{"pr":2}').toString('base64'), sha: '0'.repeat(40) }),
      );
      expect(stale.status).toBe(409);
      const updated = await gh.rest.repos.createOrUpdateFileContents({ owner, repo, path: 'locks/prod.json', message: 'again', content: Buffer.from('{"pr":2}').toString('base64'), sha: created.data.content!.sha! });
      expect(updated.status).toBe(200);
    });
  });

  describe('git refs as locks', () => {
    test('create is atomic (one 201, the rest 422 "Reference already exists"); get, match, commit message, delete', async () => {
      const main = await app.rest.git.getRef({ owner, repo, ref: 'heads/main' });
      conforms('rest', 'git-ref', main.data);
      const base = await app.rest.git.getCommit({ owner, repo, commit_sha: main.data.object.sha });
      conforms('rest', 'git-commit', base.data);
      const lockCommit = await app.rest.git.createCommit({ owner, repo, message: 'auth0-eventgrid lock: prod held by #12 (@octo-writer)', tree: base.data.tree.sha, parents: [base.data.sha] });
      expect(lockCommit.status).toBe(201);
      // Ten concurrent HTTP requests (the installation token and the repository token, no client-side queueing).
      const attempts = await Promise.allSettled(
        Array.from({ length: 10 }, (_, k) => (k % 2 ? gh : app).rest.git.createRef({ owner, repo, ref: 'refs/heads/auth0-eventgrid-lock/prod', sha: lockCommit.data.sha })),
      );
      const won = attempts.filter((a) => a.status === 'fulfilled');
      const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost.map((l) => [l.reason.status, l.reason.response.data.message])).toEqual(Array(9).fill([422, 'Reference already exists']));
      const held = await app.rest.git.getRef({ owner, repo, ref: 'heads/auth0-eventgrid-lock/prod' });
      expect(held.data.object.sha).toBe(lockCommit.data.sha);
      const holder = await app.rest.git.getCommit({ owner, repo, commit_sha: held.data.object.sha });
      expect(holder.data.message).toBe('auth0-eventgrid lock: prod held by #12 (@octo-writer)');
      await app.rest.git.createRef({ owner, repo, ref: 'refs/heads/auth0-eventgrid-lock/staging', sha: lockCommit.data.sha });
      const matching = await app.rest.git.listMatchingRefs({ owner, repo, ref: 'heads/auth0-eventgrid-lock/' });
      expect(matching.data.map((r) => r.ref)).toEqual(['refs/heads/auth0-eventgrid-lock/prod', 'refs/heads/auth0-eventgrid-lock/staging']);
      expect((await app.rest.git.listMatchingRefs({ owner, repo, ref: 'heads/nothing-here' })).data).toEqual([]);
      const del = await app.rest.git.deleteRef({ owner, repo, ref: 'heads/auth0-eventgrid-lock/prod' });
      expect(del.status).toBe(204);
      expect(await failure(app.rest.git.getRef({ owner, repo, ref: 'heads/auth0-eventgrid-lock/prod' }))).toMatchObject({ status: 404, message: 'Not Found' });
      expect(await failure(app.rest.git.deleteRef({ owner, repo, ref: 'heads/auth0-eventgrid-lock/prod' }))).toMatchObject({ status: 422, message: 'Reference does not exist' });
      // Free again: the next PR takes it.
      expect((await app.rest.git.createRef({ owner, repo, ref: 'refs/heads/auth0-eventgrid-lock/prod', sha: main.data.object.sha })).status).toBe(201);
      expect(await failure(app.rest.git.createRef({ owner, repo, ref: 'refs/heads/x', sha: 'f'.repeat(40) }))).toMatchObject({ status: 422, message: 'Object does not exist' });
      expect(await failure(app.rest.git.createRef({ owner, repo, ref: 'heads/no-prefix', sha: main.data.object.sha }))).toMatchObject({ status: 422 });
      // Moving a ref must fast-forward unless forced.
      const sideways = await app.rest.git.createCommit({ owner, repo, message: 'unrelated', tree: base.data.tree.sha, parents: [] });
      expect(await failure(app.rest.git.updateRef({ owner, repo, ref: 'heads/auth0-eventgrid-lock/prod', sha: sideways.data.sha }))).toMatchObject({ status: 422, message: 'Update is not a fast forward' });
      expect((await app.rest.git.updateRef({ owner, repo, ref: 'heads/auth0-eventgrid-lock/prod', sha: sideways.data.sha, force: true })).data.object.sha).toBe(sideways.data.sha);
      // The repository token can lock too; a reader's token cannot.
      expect((await gh.rest.git.createRef({ owner, repo, ref: 'refs/heads/auth0-eventgrid-lock/dev', sha: main.data.object.sha })).status).toBe(201);
      const reader = getOctokit(githubUserToken(sb.context, 'octo-reader'), { baseUrl: info.apiUrl });
      expect(await failure(reader.rest.git.createRef({ owner, repo, ref: 'refs/heads/reader-lock', sha: main.data.object.sha }))).toMatchObject({ status: 403 });
    });
  });

  describe('webhooks', () => {
    const verifier = () => new Webhooks({ secret: info.webhookSecret });

    test('issue_comment.created on an issue and on a PR: signed, shaped like GitHub’s, and the comment exists', async () => {
      const issue = await gh.rest.issues.create({ owner, repo, title: 'Tracking: prod' });
      const d = await admin(sb, 'POST', 'github/webhooks', { kind: 'issue_comment.created', issue: issue.data.number, body: '/renew-authorization prod 30', user: 'octo-maintainer' });
      expect(d.name).toBe('issue_comment');
      expect(d.headers['X-GitHub-Event']).toBe('issue_comment');
      expect(d.headers['X-GitHub-Delivery']).toBe(d.id);
      expect(d.headers['X-Hub-Signature-256']).toMatch(/^sha256=[0-9a-f]{64}$/);
      expect(JSON.parse(d.body)).toEqual(d.payload);
      expect(await verifier().verify(d.body, d.headers['X-Hub-Signature-256'])).toBe(true);
      expect(await verifier().verify(d.body.replace('prod 30', 'prod 365'), d.headers['X-Hub-Signature-256'])).toBe(false);
      expect(await new Webhooks({ secret: 'wrong' }).verify(d.body, d.headers['X-Hub-Signature-256'])).toBe(false);
      conforms('hooks', 'webhook-issue-comment-created', d.payload);
      expect(d.payload).toMatchObject({
        action: 'created',
        comment: { body: '/renew-authorization prod 30', user: { login: 'octo-maintainer', type: 'User' }, author_association: 'MEMBER' },
        issue: { number: issue.data.number },
        repository: { full_name: 'octo-org/octo-repo' },
        sender: { login: 'octo-maintainer' },
        installation: { id: info.installationId },
        organization: { login: 'octo-org' },
      });
      expect(d.payload.issue.pull_request).toBeUndefined();
      const stored = await gh.rest.issues.getComment({ owner, repo, comment_id: d.payload.comment.id });
      expect(stored.data.body).toBe('/renew-authorization prod 30');

      const pr = await admin(sb, 'POST', 'github/pulls', { title: 'Change config', files: { 'x.yml': 'a: 1\n' } });
      const onPr = buildWebhook(sb.context, 'issue_comment.created', { issue: pr.number, body: '/plan', user: 'octo-writer' });
      conforms('hooks', 'webhook-issue-comment-created', onPr.payload);
      expect(onPr.payload.issue.pull_request.url).toBe(`${info.apiUrl}/repos/${owner}/${repo}/pulls/${pr.number}`);
      expect(await verifier().verify(onPr.body, onPr.headers['X-Hub-Signature-256'])).toBe(true);

      const edited = await admin(sb, 'POST', 'github/webhooks', { event: 'issue_comment', action: 'edited', comment: d.payload.comment.id, body: '/renew-authorization prod 7' });
      conforms('hooks', 'webhook-issue-comment-edited', edited.payload);
      expect(edited.payload.changes).toEqual({ body: { from: '/renew-authorization prod 30' } });
      expect(edited.payload.comment.body).toBe('/renew-authorization prod 7');
      expect(edited.payload.sender.login).toBe('octo-maintainer');
      const own = buildWebhook(sb.context, 'issue_comment.created', { issue: issue.data.number, body: 'Renewed.', user: 'auth0-eventgrid[bot]' });
      expect(own.payload.comment.user).toMatchObject({ login: 'auth0-eventgrid[bot]', type: 'Bot' });
      expect(own.payload.comment.performed_via_github_app.slug).toBe('auth0-eventgrid');
      conforms('hooks', 'webhook-issue-comment-created', own.payload);
      await expect(admin(sb, 'POST', 'github/webhooks', { kind: 'issue_comment.created', issue: 99999, body: 'x' })).rejects.toThrow(/existing issue/);
      await expect(admin(sb, 'POST', 'github/webhooks', { kind: 'push' })).rejects.toThrow(/Unknown webhook kind/);
    });

    test('pull_request opened, synchronize (before/after) and closed (merged)', async () => {
      const opened = buildWebhook(sb.context, 'pull_request.opened', { pull: { title: 'Add staging', user: 'octo-writer', head: 'add-staging', files: { 'staging.yml': 'x: 1\n' } } });
      conforms('hooks', 'webhook-pull-request-opened', opened.payload);
      const n = opened.payload.number;
      expect(opened.payload.pull_request).toMatchObject({ number: n, state: 'open', head: { ref: 'add-staging' }, base: { ref: 'main' } });
      expect(await verifier().verify(opened.body, opened.headers['X-Hub-Signature-256'])).toBe(true);
      const firstHead = opened.payload.pull_request.head.sha;
      await admin(sb, 'PATCH', `github/pulls/${n}`, { files: { 'staging.yml': 'x: 2\n' } });
      const sync = await admin(sb, 'POST', 'github/webhooks', { kind: 'pull_request.synchronize', number: n });
      conforms('hooks', 'webhook-pull-request-synchronize', sync.payload);
      expect(sync.payload.before).toBe(firstHead);
      expect(sync.payload.after).toBe(sync.payload.pull_request.head.sha);
      expect(sync.payload.after).not.toBe(firstHead);
      const closed = await admin(sb, 'POST', 'github/webhooks', { kind: 'pull_request.closed', number: n, merged: true, user: 'octo-admin' });
      conforms('hooks', 'webhook-pull-request-closed', closed.payload);
      expect(closed.payload.pull_request).toMatchObject({ state: 'closed', merged: true, merged_by: { login: 'octo-admin' } });
      expect((await app.rest.pulls.get({ owner, repo, pull_number: n })).data.merged).toBe(true);
      const plain = buildWebhook(sb.context, 'pull_request.opened', { pull: { title: 'Unmerged', files: { 'y.txt': 'y' } }, installation: false });
      expect(plain.payload.installation).toBeUndefined();
      const closedUnmerged = buildWebhook(sb.context, 'pull_request.closed', { number: plain.payload.number });
      expect(closedUnmerged.payload.pull_request).toMatchObject({ state: 'closed', merged: false });
      conforms('hooks', 'webhook-pull-request-closed', closedUnmerged.payload);
    });

    test('a real Probot app receives a delivery over HTTP, verifies it and answers through the sandbox', async () => {
      const probot = new Probot({ appId: info.appId, privateKey: info.appPrivateKey, secret: info.webhookSecret, baseUrl: info.apiUrl, logLevel: 'fatal' });
      await probot.load((a) => {
        a.on('issue_comment.created', async (context) => {
          await context.octokit.rest.reactions.createForIssueComment(context.repo({ comment_id: context.payload.comment.id, content: 'eyes' as const }));
          const login = context.payload.comment.user?.login ?? '';
          const { data } = await context.octokit.rest.repos.getCollaboratorPermissionLevel(context.repo({ username: login }));
          await context.octokit.rest.issues.createComment(context.issue({ body: `@${login} has ${data.permission} (${data.role_name})` }));
        });
      });
      const middleware = await probot.getNodeMiddleware({ path: '/api/github/webhooks' });
      const server: Server = createServer((req, res) => {
        void middleware(req, res, () => {
          res.writeHead(404).end();
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      try {
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
        const issue = await gh.rest.issues.create({ owner, repo, title: 'bot target' });
        const d = buildWebhook(sb.context, 'issue_comment.created', { issue: issue.data.number, body: '/status', user: 'octo-triager' });
        const mark = (await admin(sb, 'GET', 'requests?service=github')).mark;
        const forged = await fetch(url, { method: 'POST', headers: { ...d.headers, 'X-Hub-Signature-256': `sha256=${'0'.repeat(64)}` }, body: d.body });
        expect(forged.status).toBe(400);
        expect((await admin(sb, 'GET', `requests?service=github&since=${mark}`)).value).toEqual([]);
        const res = await fetch(url, { method: 'POST', headers: d.headers, body: d.body });
        expect(res.status).toBe(200);
        const comments = await admin(sb, 'GET', `github/comments?issue=${issue.data.number}`);
        expect(comments.value[0].reactions_list).toEqual([expect.objectContaining({ user: 'auth0-eventgrid[bot]', content: 'eyes' })]);
        expect(comments.value[1]).toMatchObject({ body: '@octo-triager has read (triage)', user: { login: 'auth0-eventgrid[bot]' } });
        const calls = (await admin(sb, 'GET', `requests?service=github&since=${mark}`)).value.map((e: any) => `${e.method} ${e.operation} ${e.status}`);
        expect(calls).toEqual(
          expect.arrayContaining([
            'POST apps.create-installation-access-token 201',
            'POST reactions.create-for-issue-comment 201',
            'GET repos.collaborators.permission 200',
            'POST issues.comments.create 201',
          ]),
        );
      } finally {
        await new Promise<void>((r) => server.close(() => r()));
      }
    });
  });

  test('every GitHub call is in the request log with service github and write flags', async () => {
    const mark = (await admin(sb, 'GET', 'requests')).mark;
    const i = await gh.rest.issues.create({ owner, repo, title: 'logged' });
    await gh.rest.issues.get({ owner, repo, issue_number: i.data.number });
    await gh.rest.search.issuesAndPullRequests({ q: `repo:${owner}/${repo} logged` });
    await failure(gh.rest.issues.get({ owner, repo, issue_number: 99999 }));
    const asApp = new ProbotOctokit({ auth: { appId: info.appId, privateKey: info.appPrivateKey }, baseUrl: info.apiUrl });
    await asApp.rest.apps.createInstallationAccessToken({ installation_id: info.installationId });
    const log = (await admin(sb, 'GET', `requests?since=${mark}`)).value;
    expect(log.map((e: any) => [e.service, e.method, e.operation, e.status, e.write])).toEqual([
      ['github', 'POST', 'issues.create', 201, true],
      ['github', 'GET', 'issues.get', 200, false],
      ['github', 'GET', 'search.issues', 200, false],
      ['github', 'GET', 'issues.get', 404, false],
      ['github', 'POST', 'apps.create-installation-access-token', 201, false],
    ]);
    expect(log.every((e: any) => e.listener === 'github')).toBe(true);
    const writes = (await admin(sb, 'GET', `requests?since=${mark}&service=github&writes=true`)).value;
    expect(writes.map((e: any) => e.operation)).toEqual(['issues.create']);
  });
});

describe('sandbox GitHub API: clock, rate limits, seeds and faults', () => {
  let sb: Sandbox;
  let info: SandboxInfo['github'];

  beforeAll(async () => {
    schemas ??= githubSchemas();
    sb = await testSandbox({
      seed: {
        ...(await import('../sandbox/index.js')).defaultSeed(),
        github: {
          collaborators: { 'release-bot-owner': 'admin' },
          files: { '.github/auth0-eventgrid.yml': 'environments: {}\n' },
          rateLimits: { core: 3 },
          teams: [{ slug: 'approvers', members: ['octo-writer'] }],
        },
      },
    });
    info = sb.info().github;
  });
  afterAll(async () => {
    await sb.stop();
  });

  test('seeds add collaborators, files and teams; reset returns to the seed and keeps the app credentials', async () => {
    const app = new ProbotOctokit({ auth: { appId: info.appId, privateKey: info.appPrivateKey, installationId: info.installationId }, baseUrl: info.apiUrl, throttle: { enabled: false }, retry: { enabled: false } });
    expect((await app.rest.repos.getCollaboratorPermissionLevel({ owner: 'octo-org', repo: 'octo-repo', username: 'release-bot-owner' })).data.permission).toBe('admin');
    const file = await app.rest.repos.getContent({ owner: 'octo-org', repo: 'octo-repo', path: '.github/auth0-eventgrid.yml' });
    expect(Buffer.from((file.data as { content: string }).content, 'base64').toString()).toBe('environments: {}\n');
    expect((await app.rest.teams.getMembershipForUserInOrg({ org: 'octo-org', team_slug: 'approvers', username: 'octo-writer' })).data.role).toBe('member');
    // The installation's core limit is 3 an hour here: the fifth call is refused like GitHub's.
    const spent = await failure(app.rest.repos.get({ owner: 'octo-org', repo: 'octo-repo' }));
    expect(spent.headers['x-ratelimit-limit']).toBe('3');
    expect(spent.status).toBe(403);
    expect(spent.message).toBe(`API rate limit exceeded for installation ID ${info.installationId}.`);
    expect(spent.headers['x-ratelimit-remaining']).toBe('0');
    // An hour later (sandbox clock) the window is fresh.
    await admin(sb, 'POST', 'clock', { advance: '1h' });
    const fresh = await app.rest.repos.get({ owner: 'octo-org', repo: 'octo-repo' });
    expect(fresh.headers['x-ratelimit-remaining']).toBe('2');
    const gh = getOctokit(info.token, { baseUrl: info.apiUrl });
    await gh.rest.issues.create({ owner: 'octo-org', repo: 'octo-repo', title: 'gone after reset' });
    await admin(sb, 'POST', 'reset');
    expect((await gh.rest.issues.listForRepo({ owner: 'octo-org', repo: 'octo-repo', state: 'all' })).data).toEqual([]);
    // The app's cached installation token still works after the reset, as the key and ids did not change.
    expect((await app.rest.repos.getCollaboratorPermissionLevel({ owner: 'octo-org', repo: 'octo-repo', username: 'release-bot-owner' })).data.permission).toBe('admin');
    expect(sb.info().github.appPrivateKey).toBe(info.appPrivateKey);
    expect(sb.info().github.token).toBe(info.token);
  });

  test('after the sandbox clock jumps, app auth still works: expired JWTs get GitHub’s message and @octokit/auth-app corrects from Date', async () => {
    await admin(sb, 'POST', 'reset');
    await admin(sb, 'POST', 'clock', { advance: '3d' });
    const asApp = new ProbotOctokit({ auth: { appId: info.appId, privateKey: info.appPrivateKey }, baseUrl: info.apiUrl, retry: { enabled: false } });
    const mark = (await admin(sb, 'GET', 'requests')).mark;
    const me = await asApp.rest.apps.getAuthenticated();
    expect(me.data?.slug).toBe('auth0-eventgrid');
    // Installation tokens are minted with a real-time JWT (auth-app does not correct skew there): accepted too.
    const app = new ProbotOctokit({ auth: { appId: info.appId, privateKey: info.appPrivateKey, installationId: info.installationId }, baseUrl: info.apiUrl, retry: { enabled: false } });
    expect((await app.rest.issues.create({ owner: 'octo-org', repo: 'octo-repo', title: 'after the jump' })).status).toBe(201);
    const log = (await admin(sb, 'GET', `requests?since=${mark}`)).value.map((e: any) => `${e.operation} ${e.status}`);
    expect(log).toEqual(['apps.get-authenticated 200', 'apps.create-installation-access-token 201', 'issues.create 201']);
    // With jwtClock "sandbox" only a JWT on the sandbox clock passes: auth-app retries with the Date header's time.
    await admin(sb, 'POST', 'seed', { github: { jwtClock: 'sandbox' } });
    const warnings: string[] = [];
    const quiet = { debug: () => undefined, info: () => undefined, warn: (m: string) => void warnings.push(m), error: () => undefined };
    const strict = new ProbotOctokit({ auth: { appId: info.appId, privateKey: info.appPrivateKey }, baseUrl: info.apiUrl, retry: { enabled: false }, log: quiet });
    const mark2 = (await admin(sb, 'GET', 'requests')).mark;
    expect((await strict.rest.apps.getAuthenticated()).data?.id).toBe(info.appId);
    const log2 = (await admin(sb, 'GET', `requests?since=${mark2}`)).value.map((e: any) => `${e.operation} ${e.status}`);
    expect(log2).toEqual(['apps.get-authenticated 401', 'apps.get-authenticated 200']);
    expect(warnings[0]).toMatch(/^'Expiration time' claim \('exp'\) must be a numeric value/);
    const skew = Number(/different by (-?\d+) seconds/.exec(warnings[1])?.[1]);
    expect(Math.abs(skew - (await admin(sb, 'GET', 'clock')).offsetMs / 1000)).toBeLessThanOrEqual(2);
  });

  test('scripted faults apply to GitHub operations, with GitHub’s error body', async () => {
    await admin(sb, 'POST', 'reset');
    const gh = getOctokit(info.token, { baseUrl: info.apiUrl });
    await admin(sb, 'POST', 'faults', { service: 'github', operation: 'issues.create', status: 502, message: 'Server Error' });
    const f = await failure(gh.rest.issues.create({ owner: 'octo-org', repo: 'octo-repo', title: 'x' }));
    expect(f.status).toBe(502);
    expect(f.data).toMatchObject({ message: 'Server Error', status: '502' });
    expect((await gh.rest.issues.create({ owner: 'octo-org', repo: 'octo-repo', title: 'x' })).status).toBe(201);
  });
});
