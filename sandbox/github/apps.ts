/**
 * The GitHub App side: `GET /app`, installations, installation access tokens (App JWT required),
 * `GET /installation/repositories`, `DELETE /installation/token`, plus `GET /rate_limit` and
 * `GET /users/{username}`.
 */
import type { Ctx, Route } from '../core/http.js';
import { actor, consumeRate, ghError, mintInstallationToken, notFound, rateLimitFor, requireApp } from './auth.js';
import { installation, integration, repository, simpleUser } from './shapes.js';
import { githubState, repoKey, secrets, type GhInstallation, type GithubState, type Permissions } from './state.js';
import { bodyObject, intParam, paginate, repoPath, route } from './util.js';

const APPS_DOC = 'https://docs.github.com/rest/apps/apps';

function installationRepos(st: GithubState, inst: GhInstallation): string[] {
  if (inst.repository_selection === 'selected') return inst.repositories.filter((k) => st.repos[k]);
  return Object.keys(st.repos).filter((k) => st.repos[k].owner.toLowerCase() === inst.account.toLowerCase());
}

function installationById(c: Ctx): GhInstallation {
  requireApp(c);
  const st = githubState(c.sandbox);
  const id = intParam(c, 'installation_id');
  const inst = st.installations.find((i) => i.id === id);
  if (!inst) throw notFound(`${APPS_DOC}#get-an-installation-for-the-authenticated-app`);
  return inst;
}

function createToken(c: Ctx) {
  const inst = installationById(c);
  const st = githubState(c.sandbox);
  if (inst.suspended) throw ghError(403, 'This installation has been suspended', { documentation_url: `${APPS_DOC}#create-an-installation-access-token-for-an-app` });
  const b = bodyObject(c);
  const available = installationRepos(st, inst);
  let repositories: string[] | 'all' = inst.repository_selection === 'all' ? 'all' : available;
  const names: string[] = [];
  if (b.repositories !== undefined) {
    if (!Array.isArray(b.repositories)) throw ghError(422, "Invalid request.\n\nFor 'properties/repositories', it is not an array.");
    for (const n of b.repositories) names.push(repoKey(String(n).includes('/') ? String(n) : `${inst.account}/${n}`));
  }
  if (b.repository_ids !== undefined) {
    if (!Array.isArray(b.repository_ids)) throw ghError(422, "Invalid request.\n\nFor 'properties/repository_ids', it is not an array.");
    for (const id of b.repository_ids) {
      const k = Object.keys(st.repos).find((x) => st.repos[x].id === Number(id));
      names.push(k ?? `#${id}`);
    }
  }
  if (names.length) {
    if (names.some((n) => !available.includes(n))) {
      throw ghError(422, 'There is at least one repository that does not exist or is not accessible to the parent installation.', { documentation_url: `${APPS_DOC}#create-an-installation-access-token-for-an-app` });
    }
    repositories = [...new Set(names)];
  }
  let permissions: Permissions = { ...inst.permissions };
  if (b.permissions !== undefined) {
    if (!b.permissions || typeof b.permissions !== 'object' || Array.isArray(b.permissions)) throw ghError(422, "Invalid request.\n\nFor 'properties/permissions', it is not an object.");
    for (const [k, v] of Object.entries(b.permissions)) {
      const have = inst.permissions[k];
      if ((v !== 'read' && v !== 'write') || !have || (v === 'write' && have !== 'write')) {
        throw ghError(422, 'The permissions requested are not granted to this installation.', { documentation_url: `${APPS_DOC}#create-an-installation-access-token-for-an-app` });
      }
    }
    permissions = { ...(b.permissions as Permissions), metadata: 'read' };
  }
  const t = mintInstallationToken(c.sandbox, st, inst, permissions, repositories);
  const body: Record<string, unknown> = {
    token: t.token,
    expires_at: t.expires_at,
    permissions,
    repository_selection: repositories === 'all' ? 'all' : 'selected',
  };
  if (repositories !== 'all') body.repositories = repositories.map((k) => repository(c.sandbox, st.repos[k]));
  return { status: 201, body };
}

export function appRoutes(): Route[] {
  return [
    route('GET', '/app', 'apps.get-authenticated', (c) => {
      requireApp(c);
      return { status: 200, body: integration(c.sandbox) };
    }),
    route('GET', '/app/installations', 'apps.list-installations', (c) => {
      requireApp(c);
      const st = githubState(c.sandbox);
      const page = paginate(c, st.installations);
      return { status: 200, body: page.items.map((i) => installation(c.sandbox, i)), headers: page.headers };
    }),
    route('GET', '/app/installations/{installation_id}', 'apps.get-installation', (c) => ({ status: 200, body: installation(c.sandbox, installationById(c)) })),
    route('POST', '/app/installations/{installation_id}/access_tokens', 'apps.create-installation-access-token', createToken, { write: false }),
    route('GET', repoPath('/installation'), 'apps.get-repo-installation', (c) => {
      requireApp(c);
      const st = githubState(c.sandbox);
      const k = repoKey(`${c.params.owner}/${c.params.repo}`);
      const inst = st.repos[k] && st.installations.find((i) => installationRepos(st, i).includes(k));
      if (!inst) throw notFound(`${APPS_DOC}#get-a-repository-installation-for-the-authenticated-app`);
      return { status: 200, body: installation(c.sandbox, inst) };
    }),
    route('GET', '/orgs/{org}/installation', 'apps.get-org-installation', (c) => {
      requireApp(c);
      const st = githubState(c.sandbox);
      const inst = st.installations.find((i) => i.account.toLowerCase() === c.params.org.toLowerCase());
      if (!inst) throw notFound(`${APPS_DOC}#get-an-organization-installation-for-the-authenticated-app`);
      return { status: 200, body: installation(c.sandbox, inst) };
    }),
    route('GET', '/installation/repositories', 'apps.list-repos-accessible-to-installation', (c) => {
      const a = actor(c);
      if (a.kind !== 'installation') throw ghError(403, 'You must authenticate with an installation access token in order to list repositories for an installation.');
      const st = githubState(c.sandbox);
      const keys = installationRepos(st, a.installation!).filter((k) => a.token.repositories === 'all' || a.token.repositories.includes(k));
      const page = paginate(c, keys);
      return {
        status: 200,
        body: { total_count: keys.length, repository_selection: a.installation!.repository_selection, repositories: page.items.map((k) => repository(c.sandbox, st.repos[k])) },
        headers: page.headers,
      };
    }),
    route('DELETE', '/installation/token', 'apps.revoke-installation-access-token', (c) => {
      const a = actor(c);
      if (a.kind !== 'installation') throw ghError(403, 'You must authenticate with an installation access token in order to revoke it.');
      const t = secrets(c.sandbox).tokens.get(a.token.token);
      if (t) t.revoked = true;
      return { status: 204 };
    }),
    route('GET', '/rate_limit', 'rate-limit.get', (c) => {
      const a = actor(c);
      const st = githubState(c.sandbox);
      const core = consumeRate(c, a, 'core', false);
      const search = consumeRate(c, a, 'search', false);
      const view = (r: typeof core) => ({ limit: r.limit, used: r.used, remaining: r.remaining, reset: r.reset });
      const other = { limit: rateLimitFor(st, a, 'core'), used: 0, remaining: rateLimitFor(st, a, 'core'), reset: core.reset };
      return { status: 200, body: { resources: { core: view(core), search: view(search), graphql: other }, rate: view(core) } };
    }),
    route('GET', '/users/{username}', 'users.get-by-username', (c) => {
      const st = githubState(c.sandbox);
      const u = st.users[c.params.username.toLowerCase()];
      if (!u) throw notFound('https://docs.github.com/rest/users/users#get-a-user');
      return { status: 200, body: { ...simpleUser(c.sandbox, u.login), name: u.name ?? null, created_at: '2020-01-01T00:00:00Z', updated_at: '2020-01-01T00:00:00Z' } };
    }),
  ];
}
