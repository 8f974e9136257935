/**
 * Admin routes of the GitHub side (on every listener, under /_sandbox/github/…): look at everything
 * (issues with comments and who reacted, pull requests, refs, the state), make pull requests happen,
 * set files and collaborators, add statuses and check runs, mint or revoke tokens, and build signed
 * webhook deliveries. `repo` (body or query) defaults to octo-org/octo-repo.
 */
import type { SandboxContext } from '../core/context.js';
import { HttpError, path, type Ctx, type Route } from '../core/http.js';
import { DEFAULT_IDS } from '../core/seed.js';
import { mintInstallationToken, repoTokenRecord, userToken } from './auth.js';
import { addCheckRun, addReview, addStatus, closePull, createPull, refSha, updatePull, type PullSpec, type PullUpdate } from './pulls-admin.js';
import { checkRun, comment, gitRef, issue, pullRequest, status } from './shapes.js';
import {
  addCommit,
  filesAt,
  ghTime,
  githubState,
  repoKey,
  roleOf,
  secrets,
  setCollaborator,
  type GhRepo,
  type Permissions,
  type Role,
} from './state.js';
import { buildWebhook, type WebhookParams } from './webhooks.js';

const bad = (message: string) => new HttpError(400, 'InvalidRequest', message);

function repoArg(ctx: SandboxContext, c: Ctx): GhRepo {
  const name = (c.body && typeof c.body === 'object' && typeof c.body.repo === 'string' ? c.body.repo : c.query.get('repo')) ?? DEFAULT_IDS.githubRepository;
  const repo = githubState(ctx).repos[repoKey(name)];
  if (!repo) throw new HttpError(404, 'NotFound', `Repository "${name}" does not exist in the sandbox.`);
  return repo;
}

function body(c: Ctx): Record<string, any> {
  if (c.body === undefined) return {};
  if (!c.body || typeof c.body !== 'object' || Array.isArray(c.body)) throw bad('Send a JSON object.');
  return c.body;
}

function pullArg(ctx: SandboxContext, c: Ctx) {
  const repo = repoArg(ctx, c);
  const p = repo.pulls[c.params.number];
  if (!p) throw new HttpError(404, 'NotFound', `Pull request #${c.params.number} does not exist in ${repo.owner}/${repo.name}.`);
  return { repo, pull: p };
}

function commentView(ctx: SandboxContext, repo: GhRepo, cm: GhRepo['comments'][number]) {
  return { ...comment(ctx, repo, cm), reactions_list: cm.reactions.map((r) => ({ user: r.user, content: r.content, created_at: r.created_at })) };
}

function issuesView(ctx: SandboxContext, repo: GhRepo) {
  return repo.issues.map((i) => ({
    ...issue(ctx, repo, i),
    reactions_list: i.reactions.map((r) => ({ user: r.user, content: r.content, created_at: r.created_at })),
    comments_list: repo.comments.filter((c) => c.issue === i.number).map((c) => commentView(ctx, repo, c)),
  }));
}

export function githubAdminRoutes(ctx: SandboxContext): Route[] {
  const r = (method: string, template: string, operation: string, handler: Route['handler']): Route => ({ method, pattern: path(template, ''), operation, handler });
  return [
    r('GET', '/_sandbox/github', 'admin.github', () => {
      const st = githubState(ctx);
      return {
        status: 200,
        body: {
          apiUrl: ctx.endpoints.github,
          app: { id: st.app.id, slug: st.app.slug, clientId: st.app.client_id, botLogin: `${st.app.slug}[bot]` },
          installations: st.installations.map((i) => ({ id: i.id, account: i.account, repositorySelection: i.repository_selection, repositories: i.repositories, permissions: i.permissions, suspended: i.suspended })),
          repositories: Object.values(st.repos).map((x) => ({ full_name: `${x.owner}/${x.name}`, private: x.private, default_branch: x.default_branch, collaborators: x.collaborators })),
          teams: st.teams,
          repoTokenPermissions: st.repo_token_permissions,
          rateLimits: st.rate_limits,
          searchIndexDelayMs: st.search_index_delay_ms,
        },
      };
    }),
    r('GET', '/_sandbox/github/state', 'admin.github.state', () => ({ status: 200, body: githubState(ctx) })),
    r('GET', '/_sandbox/github/issues', 'admin.github.issues', (c) => {
      const repo = repoArg(ctx, c);
      return { status: 200, body: { value: issuesView(ctx, repo) } };
    }),
    r('GET', '/_sandbox/github/comments', 'admin.github.comments', (c) => {
      const repo = repoArg(ctx, c);
      const n = c.query.get('issue');
      const value = repo.comments.filter((x) => n === null || x.issue === Number(n)).map((x) => commentView(ctx, repo, x));
      return { status: 200, body: { value } };
    }),
    r('GET', '/_sandbox/github/refs', 'admin.github.refs', (c) => {
      const repo = repoArg(ctx, c);
      const value = Object.entries(repo.refs).map(([ref, sha]) => ({ ...gitRef(ctx, repo, ref, sha), message: repo.commits[sha]?.message }));
      return { status: 200, body: { value } };
    }),
    r('GET', '/_sandbox/github/pulls', 'admin.github.pulls', (c) => {
      const repo = repoArg(ctx, c);
      const value = Object.values(repo.pulls).map((p) => ({
        ...pullRequest(ctx, repo, p),
        reviews_list: p.reviews,
        statuses_list: repo.statuses.filter((s) => s.sha === p.head.sha).map((s) => status(ctx, repo, s)),
        check_runs_list: repo.check_runs.filter((x) => x.head_sha === p.head.sha).map((x) => checkRun(ctx, repo, x)),
      }));
      return { status: 200, body: { value } };
    }),
    r('POST', '/_sandbox/github/pulls', 'admin.github.pulls.create', (c) => {
      const repo = repoArg(ctx, c);
      const p = createPull(ctx, repo, body(c) as PullSpec);
      return { status: 201, body: pullRequest(ctx, repo, p) };
    }),
    r('PATCH', '/_sandbox/github/pulls/{number}', 'admin.github.pulls.update', (c) => {
      const { repo, pull } = pullArg(ctx, c);
      updatePull(ctx, repo, pull, body(c) as PullUpdate);
      return { status: 200, body: pullRequest(ctx, repo, pull) };
    }),
    r('POST', '/_sandbox/github/pulls/{number}/reviews', 'admin.github.pulls.review', (c) => {
      const { repo, pull } = pullArg(ctx, c);
      const review = addReview(ctx, repo, pull, body(c) as never);
      return { status: 201, body: review };
    }),
    r('POST', '/_sandbox/github/pulls/{number}/merge', 'admin.github.pulls.merge', (c) => {
      const { repo, pull } = pullArg(ctx, c);
      closePull(ctx, repo, pull, { merged: true, by: body(c).by ?? 'octo-admin' });
      return { status: 200, body: pullRequest(ctx, repo, pull) };
    }),
    r('PUT', '/_sandbox/github/contents', 'admin.github.contents', (c) => {
      const repo = repoArg(ctx, c);
      const b = body(c);
      if (!b.files || typeof b.files !== 'object') throw bad('Send {"files": {"path": "content" | null}, "ref"?: "branch", "message"?: "…"}.');
      const branch = String(b.ref ?? repo.default_branch).replace(/^refs\/heads\//, '');
      const refName = `refs/heads/${branch}`;
      const parent = repo.refs[refName] ?? repo.refs[`refs/heads/${repo.default_branch}`];
      const files = { ...filesAt(repo, parent) };
      for (const [p, v] of Object.entries(b.files as Record<string, unknown>)) {
        if (v === null) delete files[p.replace(/^\/+/, '')];
        else if (typeof v === 'string') files[p.replace(/^\/+/, '')] = v;
        else throw bad(`File "${p}": content must be a string or null.`);
      }
      const sha = addCommit(ctx, repo, files, [parent], String(b.message ?? 'Update files'), String(b.author ?? 'octo-admin'));
      repo.refs[refName] = sha;
      repo.pushed_at = ghTime(ctx);
      return { status: 200, body: { ref: refName, sha } };
    }),
    r('POST', '/_sandbox/github/checks', 'admin.github.checks', (c) => {
      const repo = repoArg(ctx, c);
      const b = body(c);
      const sha = refSha(repo, String(b.ref ?? repo.default_branch));
      const statuses = (b.statuses ?? []).map((s: never) => status(ctx, repo, addStatus(ctx, repo, sha, s)));
      const checkRuns = (b.checkRuns ?? []).map((x: never) => checkRun(ctx, repo, addCheckRun(ctx, repo, sha, x)));
      return { status: 201, body: { sha, statuses, checkRuns } };
    }),
    r('PUT', '/_sandbox/github/collaborators', 'admin.github.collaborators', (c) => {
      const repo = repoArg(ctx, c);
      const b = body(c);
      if (!b.collaborators || typeof b.collaborators !== 'object') throw bad('Send {"collaborators": {"login": "admin" | "maintain" | "write" | "triage" | "read" | null}}.');
      const st = githubState(ctx);
      for (const [login, role] of Object.entries(b.collaborators as Record<string, Role | null>)) {
        try {
          setCollaborator(st, repo, login, role);
        } catch (e) {
          throw bad((e as Error).message);
        }
      }
      return { status: 200, body: { collaborators: repo.collaborators } };
    }),
    r('POST', '/_sandbox/github/tokens', 'admin.github.tokens', (c) => {
      const st = githubState(ctx);
      const b = body(c);
      if (typeof b.user === 'string') {
        const u = st.users[b.user.toLowerCase()];
        if (!u || u.type !== 'User') throw bad(`"${b.user}" is not a user of the sandbox.`);
        return { status: 201, body: { token: userToken(ctx, u.login), kind: 'user', login: u.login } };
      }
      if (b.kind === 'repo') {
        const t = repoTokenRecord(ctx, st);
        return { status: 201, body: { token: t.token, kind: 'repo', login: t.login, permissions: t.permissions } };
      }
      const inst = b.installation === undefined ? st.installations[0] : st.installations.find((i) => i.id === Number(b.installation));
      if (!inst) throw bad(`No installation ${b.installation}.`);
      const permissions = (b.permissions ?? inst.permissions) as Permissions;
      for (const [k, v] of Object.entries(permissions)) if (v !== 'read' && v !== 'write') throw bad(`permissions.${k}: "${String(v)}" is not "read" or "write".`);
      const repos: string[] | 'all' = Array.isArray(b.repositories) ? b.repositories.map((x: string) => repoKey(x.includes('/') ? x : `${inst.account}/${x}`)) : inst.repository_selection === 'all' ? 'all' : [...inst.repositories];
      const t = mintInstallationToken(ctx, st, inst, { ...permissions, metadata: 'read' }, repos);
      return { status: 201, body: { token: t.token, kind: 'installation', login: t.login, expires_at: t.expires_at, permissions: t.permissions, repositories: t.repositories } };
    }),
    r('DELETE', '/_sandbox/github/tokens/{token}', 'admin.github.tokens.revoke', (c) => {
      const t = secrets(ctx).tokens.get(c.params.token);
      if (!t) throw new HttpError(404, 'NotFound', 'No such installation token.');
      t.revoked = true;
      return { status: 204 };
    }),
    r('GET', '/_sandbox/github/permission/{username}', 'admin.github.permission', (c) => {
      const repo = repoArg(ctx, c);
      return { status: 200, body: { login: c.params.username, role: roleOf(repo, c.params.username) } };
    }),
    r('POST', '/_sandbox/github/webhooks', 'admin.github.webhooks', (c) => {
      const b = body(c);
      const kind = typeof b.kind === 'string' ? b.kind : typeof b.event === 'string' && typeof b.action === 'string' ? `${b.event}.${b.action}` : undefined;
      if (!kind) throw bad('Send {"kind": "issue_comment.created", …params} (or "event" and "action").');
      const { kind: _k, event: _e, action: _a, ...params } = b;
      return { status: 201, body: buildWebhook(ctx, kind, params as WebhookParams) };
    }),
  ];
}
