/**
 * Repositories: metadata, collaborators and their permission, team membership, pull requests (with
 * files and reviews), contents at a ref, commit statuses and check runs, git refs (usable as atomic
 * locks: creating an existing ref is a 422) and git commits.
 */
import type { Ctx, Route } from '../core/http.js';
import { actingLogin, actor, ghError, notFound, repoFor, validationFailed, type PermNeed } from './auth.js';
import {
  checkRun,
  combinedState,
  contentDir,
  contentFile,
  diffEntries,
  fullRepository,
  gitCommit,
  gitRef,
  isAncestor,
  latestStatuses,
  pullRequest,
  repoUrl,
  repository,
  review,
  simpleUser,
  status,
} from './shapes.js';
import {
  addCommit,
  blobSha,
  filesAt,
  ghTime,
  githubState,
  nextId,
  resolveRef,
  roleOf,
  type GhPull,
  type GhRepo,
  type Role,
} from './state.js';
import { bodyObject, intParam, paginate, repoPath, route } from './util.js';

const META: PermNeed = [['metadata', 'read']];
const CONTENTS_READ: PermNeed = [['contents', 'read']];
const CONTENTS_WRITE: PermNeed = [['contents', 'write']];

/** `permission` as GitHub reports it: maintain → write, triage → read. */
export function legacyPermission(role: Role | null): 'admin' | 'write' | 'read' | 'none' {
  if (!role) return 'none';
  if (role === 'admin') return 'admin';
  if (role === 'maintain' || role === 'write') return 'write';
  return 'read';
}

function collaborator(c: Ctx, repo: GhRepo, login: string, role: Role | null): Record<string, unknown> {
  const rank = role ? ['read', 'triage', 'write', 'maintain', 'admin'].indexOf(role) : -1;
  return {
    ...simpleUser(c.sandbox, login),
    permissions: { admin: rank >= 4, maintain: rank >= 3, push: rank >= 2, triage: rank >= 1, pull: rank >= 0 },
    role_name: role ?? 'none',
  };
}

function permissionOf(c: Ctx) {
  const repo = repoFor(c, { perms: META, role: 'write', userMessage: 'Must have push access to view collaborator permission.' });
  const st = githubState(c.sandbox);
  const user = st.users[c.params.username.toLowerCase()];
  if (!user || user.type === 'Organization') throw notFound('https://docs.github.com/rest/collaborators/collaborators#get-repository-permissions-for-a-user');
  const role = roleOf(repo, user.login) ?? (repo.private ? null : 'read');
  return {
    status: 200,
    body: { permission: legacyPermission(role), role_name: role ?? 'none', user: collaborator(c, repo, user.login, role) },
  };
}

// ---------------------------------------------------------------------------------------------
// Pull requests.

function pullFor(c: Ctx): { repo: GhRepo; pull: GhPull } {
  const repo = repoFor(c, { perms: [['pull_requests', 'read']] });
  const p = repo.pulls[String(intParam(c, 'number'))];
  if (!p) throw notFound('https://docs.github.com/rest/pulls/pulls#get-a-pull-request');
  return { repo, pull: p };
}

function listPulls(c: Ctx) {
  const repo = repoFor(c, { perms: [['pull_requests', 'read']] });
  const state = c.query.get('state') ?? 'open';
  if (!['open', 'closed', 'all'].includes(state)) throw validationFailed([{ resource: 'PullRequest', field: 'state', code: 'invalid' }]);
  const head = c.query.get('head')?.toLowerCase();
  const base = c.query.get('base')?.toLowerCase();
  const items = Object.values(repo.pulls)
    .filter((p) => {
      const i = repo.issues.find((x) => x.number === p.number)!;
      const headOwner = p.head.repo.split('/')[0];
      return (
        (state === 'all' || i.state === state) &&
        (!head || `${headOwner}:${p.head.ref}`.toLowerCase() === head) &&
        (!base || p.base.ref.toLowerCase() === base)
      );
    })
    .sort((a, b) => (c.query.get('direction') === 'asc' ? a.number - b.number : b.number - a.number));
  const page = paginate(c, items);
  return { status: 200, body: page.items.map((p) => pullRequest(c.sandbox, repo, p)), headers: page.headers };
}

// ---------------------------------------------------------------------------------------------
// Contents.

function wantsRaw(c: Ctx): boolean {
  const accept = String(c.headers.accept ?? '');
  return /application\/vnd\.github(\.v3)?\.raw/i.test(accept);
}

function getContents(c: Ctx) {
  const repo = repoFor(c, { perms: CONTENTS_READ });
  const refParam = c.query.get('ref');
  const ref = refParam || repo.default_branch;
  const sha = resolveRef(repo, ref);
  if (!sha) throw ghError(404, `No commit found for the ref ${ref}`, { documentation_url: 'https://docs.github.com/rest/repos/contents#get-repository-content' });
  const files = filesAt(repo, sha);
  const path = (c.params.path ?? '').replace(/^\/+|\/+$/g, '');
  if (path && files[path] !== undefined) {
    if (wantsRaw(c)) return { status: 200, body: files[path], raw: true, headers: { 'content-type': 'application/vnd.github.raw; charset=utf-8' } };
    return { status: 200, body: contentFile(c.sandbox, repo, path, files[path], ref) };
  }
  const prefix = path ? `${path}/` : '';
  const children = new Map<string, 'file' | 'dir'>();
  for (const p of Object.keys(files)) {
    if (!p.startsWith(prefix)) continue;
    const rest = p.slice(prefix.length);
    const [first, ...more] = rest.split('/');
    children.set(first, more.length ? 'dir' : 'file');
  }
  if (!children.size) throw notFound('https://docs.github.com/rest/repos/contents#get-repository-content');
  const entries = [...children.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, type]) => (type === 'file' ? contentFile(c.sandbox, repo, prefix + name, files[prefix + name], ref, false) : contentDir(c.sandbox, repo, prefix + name, ref)));
  return { status: 200, body: entries };
}

function putContents(c: Ctx) {
  const repo = repoFor(c, { perms: CONTENTS_WRITE, role: 'write' });
  const b = bodyObject(c);
  const path = (c.params.path ?? '').replace(/^\/+|\/+$/g, '');
  if (typeof b.message !== 'string' || !b.message) throw ghError(422, "Invalid request.\n\n\"message\" wasn't supplied.");
  if (typeof b.content !== 'string') throw ghError(422, "Invalid request.\n\n\"content\" wasn't supplied.");
  const content = Buffer.from(b.content, 'base64').toString('utf8');
  const branch = typeof b.branch === 'string' && b.branch ? b.branch.replace(/^refs\/heads\//, '') : repo.default_branch;
  const refName = `refs/heads/${branch}`;
  const parent = repo.refs[refName];
  if (!parent) throw ghError(404, `Branch ${branch} not found`);
  const files = { ...filesAt(repo, parent) };
  const existing = files[path];
  if (existing !== undefined) {
    if (b.sha === undefined) throw ghError(422, "Invalid request.\n\n\"sha\" wasn't supplied.");
    if (b.sha !== blobSha(existing)) throw ghError(409, `${path} does not match ${b.sha}`);
  }
  files[path] = content;
  const who = actingLogin(c);
  const sha = addCommit(c.sandbox, repo, files, [parent], b.message, who);
  repo.refs[refName] = sha;
  repo.pushed_at = ghTime(c.sandbox);
  return {
    status: existing === undefined ? 201 : 200,
    body: { content: contentFile(c.sandbox, repo, path, content, branch, false), commit: gitCommit(c.sandbox, repo, sha) },
  };
}


// ---------------------------------------------------------------------------------------------
// Statuses and checks.

function shaFor(c: Ctx, repo: GhRepo): string {
  const sha = resolveRef(repo, c.params.ref);
  if (!sha) throw ghError(422, `No commit found for SHA: ${c.params.ref}`, { documentation_url: 'https://docs.github.com/rest/commits/statuses' });
  return sha;
}

function combined(c: Ctx) {
  const repo = repoFor(c, { perms: [['statuses', 'read']] });
  const sha = shaFor(c, repo);
  const statuses = latestStatuses(repo, sha);
  const page = paginate(c, statuses, 100);
  return {
    status: 200,
    body: {
      state: combinedState(statuses),
      statuses: page.items.map((s) => status(c.sandbox, repo, s)),
      sha,
      total_count: statuses.length,
      repository: repository(c.sandbox, repo),
      commit_url: `${repoUrl(c.sandbox, repo)}/commits/${sha}`,
      url: `${repoUrl(c.sandbox, repo)}/commits/${sha}/status`,
    },
    headers: page.headers,
  };
}

const STATUS_STATES = ['error', 'failure', 'pending', 'success'];

function createStatus(c: Ctx) {
  const repo = repoFor(c, { perms: [['statuses', 'write']], role: 'write' });
  const sha = resolveRef(repo, c.params.sha);
  if (!sha || sha !== c.params.sha.toLowerCase()) throw validationFailed([{ resource: 'Status', code: 'custom', field: 'sha', message: `No commit found for SHA: ${c.params.sha}` }]);
  const b = bodyObject(c);
  if (!STATUS_STATES.includes(b.state)) throw validationFailed([{ resource: 'Status', code: 'custom', field: 'state', message: 'state is not included in the list' }]);
  const now = ghTime(c.sandbox);
  const s = {
    id: nextId(githubState(c.sandbox)),
    sha,
    state: b.state,
    context: typeof b.context === 'string' && b.context ? b.context : 'default',
    description: typeof b.description === 'string' ? b.description : null,
    target_url: typeof b.target_url === 'string' ? b.target_url : null,
    creator: actingLogin(c),
    created_at: now,
    updated_at: now,
  };
  repo.statuses.push(s);
  return { status: 201, body: status(c.sandbox, repo, s) };
}

function checkRuns(c: Ctx) {
  const repo = repoFor(c, { perms: [['checks', 'read']] });
  const sha = shaFor(c, repo);
  const name = c.query.get('check_name');
  const st = c.query.get('status');
  const filter = c.query.get('filter') ?? 'latest';
  let runs = repo.check_runs.filter((r) => r.head_sha === sha && (!name || r.name === name) && (!st || r.status === st)).sort((a, b) => b.id - a.id);
  if (filter === 'latest') {
    const seen = new Set<string>();
    runs = runs.filter((r) => (seen.has(r.name) ? false : (seen.add(r.name), true)));
  }
  const page = paginate(c, runs);
  return { status: 200, body: { total_count: runs.length, check_runs: page.items.map((r) => checkRun(c.sandbox, repo, r)) }, headers: page.headers };
}

// ---------------------------------------------------------------------------------------------
// Git refs and commits.

const REF_DOC = 'https://docs.github.com/rest/git/refs';

function validRefName(ref: string): boolean {
  if (!/^refs\/[^/]+\/.+/.test(ref)) return false;
  if (/(^|\/)\.|\.\.|[\s~^:?*[\\]|\/\/|\/$|\.lock(\/|$)|@\{|\.$/.test(ref)) return false;
  return true;
}

function getRef(c: Ctx) {
  const repo = repoFor(c, { perms: CONTENTS_READ });
  const ref = `refs/${c.params.ref}`;
  const sha = repo.refs[ref];
  if (!sha) throw notFound(`${REF_DOC}#get-a-reference`);
  return { status: 200, body: gitRef(c.sandbox, repo, ref, sha) };
}

function matchingRefs(c: Ctx) {
  const repo = repoFor(c, { perms: CONTENTS_READ });
  const prefix = `refs/${c.params.ref ?? ''}`;
  const refs = Object.entries(repo.refs)
    .filter(([r]) => r.startsWith(prefix))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([r, sha]) => gitRef(c.sandbox, repo, r, sha));
  const page = paginate(c, refs);
  return { status: 200, body: page.items, headers: page.headers };
}

function createRef(c: Ctx) {
  const repo = repoFor(c, { perms: CONTENTS_WRITE, role: 'write' });
  const b = bodyObject(c);
  if (typeof b.ref !== 'string') throw ghError(422, "Invalid request.\n\n\"ref\" wasn't supplied.", { documentation_url: `${REF_DOC}#create-a-reference` });
  if (typeof b.sha !== 'string') throw ghError(422, "Invalid request.\n\n\"sha\" wasn't supplied.", { documentation_url: `${REF_DOC}#create-a-reference` });
  if (!validRefName(b.ref)) throw ghError(422, `${b.ref} is not a valid ref name.`, { documentation_url: `${REF_DOC}#create-a-reference` });
  if (!repo.commits[b.sha.toLowerCase()]) throw ghError(422, 'Object does not exist', { documentation_url: `${REF_DOC}#create-a-reference` });
  // Check-and-set in one synchronous step: concurrent creators of the same ref get one 201 and 422s.
  if (repo.refs[b.ref]) throw ghError(422, 'Reference already exists', { documentation_url: `${REF_DOC}#create-a-reference` });
  repo.refs[b.ref] = b.sha.toLowerCase();
  if (b.ref.startsWith('refs/heads/')) repo.pushed_at = ghTime(c.sandbox);
  const out = gitRef(c.sandbox, repo, b.ref, b.sha.toLowerCase());
  return { status: 201, body: out, headers: { location: String(out.url) } };
}

function updateRef(c: Ctx) {
  const repo = repoFor(c, { perms: CONTENTS_WRITE, role: 'write' });
  const ref = `refs/${c.params.ref}`;
  const b = bodyObject(c);
  const current = repo.refs[ref];
  if (!current) throw ghError(422, 'Reference does not exist', { documentation_url: `${REF_DOC}#update-a-reference` });
  if (typeof b.sha !== 'string') throw ghError(422, "Invalid request.\n\n\"sha\" wasn't supplied.");
  const sha = b.sha.toLowerCase();
  if (!repo.commits[sha]) throw ghError(422, 'Object does not exist', { documentation_url: `${REF_DOC}#update-a-reference` });
  if (!b.force && !isAncestor(repo, current, sha)) throw ghError(422, 'Update is not a fast forward', { documentation_url: `${REF_DOC}#update-a-reference` });
  repo.refs[ref] = sha;
  if (ref.startsWith('refs/heads/')) repo.pushed_at = ghTime(c.sandbox);
  return { status: 200, body: gitRef(c.sandbox, repo, ref, sha) };
}

function deleteRef(c: Ctx) {
  const repo = repoFor(c, { perms: CONTENTS_WRITE, role: 'write' });
  const ref = `refs/${c.params.ref}`;
  if (!repo.refs[ref]) throw ghError(422, 'Reference does not exist', { documentation_url: `${REF_DOC}#delete-a-reference` });
  if (ref === `refs/heads/${repo.default_branch}`) throw ghError(422, 'Cannot delete the default branch');
  delete repo.refs[ref];
  return { status: 204 };
}

function createGitCommit(c: Ctx) {
  const repo = repoFor(c, { perms: CONTENTS_WRITE, role: 'write' });
  const b = bodyObject(c);
  if (typeof b.message !== 'string') throw ghError(422, "Invalid request.\n\n\"message\" wasn't supplied.");
  if (typeof b.tree !== 'string') throw ghError(422, "Invalid request.\n\n\"tree\" wasn't supplied.");
  const tree = b.tree.toLowerCase();
  if (!repo.trees[tree]) throw ghError(422, 'Tree SHA does not exist', { documentation_url: 'https://docs.github.com/rest/git/commits#create-a-commit' });
  const parents: string[] = Array.isArray(b.parents) ? b.parents.map((p: unknown) => String(p).toLowerCase()) : [];
  for (const p of parents) if (!repo.commits[p]) throw ghError(422, 'Parent SHA does not exist or is not a commit object', { documentation_url: 'https://docs.github.com/rest/git/commits#create-a-commit' });
  const sha = addCommit(c.sandbox, repo, repo.trees[tree], parents, b.message, actingLogin(c));
  return { status: 201, body: gitCommit(c.sandbox, repo, sha) };
}

export function repoRoutes(): Route[] {
  return [
    route('GET', repoPath(''), 'repos.get', (c) => {
      const repo = repoFor(c, { perms: META });
      const a = actor(c);
      return { status: 200, body: fullRepository(c.sandbox, repo, a.kind === 'user' ? a.login : undefined) };
    }),
    route('GET', repoPath('/collaborators'), 'repos.collaborators.list', (c) => {
      const repo = repoFor(c, { perms: META, role: 'write', userMessage: 'Must have push access to view repository collaborators.' });
      const page = paginate(c, Object.entries(repo.collaborators));
      return { status: 200, body: page.items.map(([login, role]) => collaborator(c, repo, login, role)), headers: page.headers };
    }),
    route('GET', repoPath('/collaborators/{username}'), 'repos.collaborators.check', (c) => {
      const repo = repoFor(c, { perms: META, role: 'write', userMessage: 'Must have push access to view repository collaborators.' });
      return roleOf(repo, c.params.username) ? { status: 204 } : { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/collaborators/collaborators#check-if-a-user-is-a-repository-collaborator', status: '404' } };
    }),
    route('GET', repoPath('/collaborators/{username}/permission'), 'repos.collaborators.permission', permissionOf),
    route('GET', repoPath('/pulls'), 'pulls.list', listPulls),
    route('GET', repoPath('/pulls/{number}'), 'pulls.get', (c) => {
      const { repo, pull } = pullFor(c);
      return { status: 200, body: pullRequest(c.sandbox, repo, pull) };
    }),
    route('GET', repoPath('/pulls/{number}/files'), 'pulls.files', (c) => {
      const { repo, pull } = pullFor(c);
      const page = paginate(c, diffEntries(c.sandbox, repo, pull.base.sha, pull.head.sha));
      return { status: 200, body: page.items, headers: page.headers };
    }),
    route('GET', repoPath('/pulls/{number}/reviews'), 'pulls.reviews', (c) => {
      const { repo, pull } = pullFor(c);
      const page = paginate(c, pull.reviews);
      return { status: 200, body: page.items.map((r) => review(c.sandbox, repo, pull.number, r)), headers: page.headers };
    }),
    route('GET', repoPath('/pulls/{number}/merge'), 'pulls.check-merged', (c) => {
      const { pull } = pullFor(c);
      return pull.merged ? { status: 204 } : { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/pulls/pulls#check-if-a-pull-request-has-been-merged', status: '404' } };
    }),
    route('GET', repoPath('/contents'), 'repos.contents.get', getContents),
    route('GET', repoPath('/contents/{+path}'), 'repos.contents.get', getContents),
    route('PUT', repoPath('/contents/{+path}'), 'repos.contents.put', putContents),
    route('GET', repoPath('/commits/{+ref}/status'), 'repos.statuses.combined', combined),
    route('GET', repoPath('/commits/{+ref}/statuses'), 'repos.statuses.list', (c) => {
      const repo = repoFor(c, { perms: [['statuses', 'read']] });
      const sha = shaFor(c, repo);
      const page = paginate(c, repo.statuses.filter((s) => s.sha === sha).sort((a, b) => b.id - a.id));
      return { status: 200, body: page.items.map((s) => status(c.sandbox, repo, s)), headers: page.headers };
    }),
    route('POST', repoPath('/statuses/{sha}'), 'repos.statuses.create', createStatus),
    route('GET', repoPath('/commits/{+ref}/check-runs'), 'checks.list-for-ref', checkRuns),
    route('GET', repoPath('/git/ref/{+ref}'), 'git.refs.get', getRef),
    route('GET', repoPath('/git/matching-refs/{+ref}'), 'git.refs.matching', matchingRefs),
    route('GET', repoPath('/git/matching-refs'), 'git.refs.matching', matchingRefs),
    route('POST', repoPath('/git/refs'), 'git.refs.create', createRef),
    route('PATCH', repoPath('/git/refs/{+ref}'), 'git.refs.update', updateRef),
    route('DELETE', repoPath('/git/refs/{+ref}'), 'git.refs.delete', deleteRef),
    route('GET', repoPath('/git/commits/{sha}'), 'git.commits.get', (c) => {
      const repo = repoFor(c, { perms: CONTENTS_READ });
      const sha = c.params.sha.toLowerCase();
      if (!repo.commits[sha]) throw notFound('https://docs.github.com/rest/git/commits#get-a-commit-object');
      return { status: 200, body: gitCommit(c.sandbox, repo, sha) };
    }),
    route('POST', repoPath('/git/commits'), 'git.commits.create', createGitCommit),
    route('GET', '/orgs/{org}/teams/{team_slug}/memberships/{username}', 'teams.membership', (c) => {
      const a = actor(c);
      const st = githubState(c.sandbox);
      if (a.kind === 'app') throw ghError(403, 'Resource not accessible by integration');
      if (a.kind === 'anonymous') throw ghError(401, 'Requires authentication');
      if ((a.kind === 'installation' || a.kind === 'repo') && !a.token.permissions.members) {
        throw ghError(403, 'Resource not accessible by integration', { headers: { 'x-accepted-github-permissions': 'members=read' } });
      }
      if (a.kind === 'installation' && a.installation!.account.toLowerCase() !== c.params.org.toLowerCase()) throw notFound();
      const team = st.teams.find((t) => t.org.toLowerCase() === c.params.org.toLowerCase() && t.slug.toLowerCase() === c.params.team_slug.toLowerCase());
      if (!team) throw notFound('https://docs.github.com/rest/teams/members#get-team-membership-for-a-user');
      const login = Object.keys(team.members).find((m) => m.toLowerCase() === c.params.username.toLowerCase());
      if (!login) throw notFound('https://docs.github.com/rest/teams/members#get-team-membership-for-a-user');
      return {
        status: 200,
        body: { url: `${c.sandbox.endpoints.github}/organizations/${st.orgs[team.org.toLowerCase()]?.id}/team/${team.id}/memberships/${login}`, role: team.members[login], state: 'active' },
      };
    }),
  ];
}
