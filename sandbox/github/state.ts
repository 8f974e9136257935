/**
 * The GitHub side of the sandbox world, kept in `ctx.world.github.state` as plain JSON (so the admin
 * state dump shows it): the GitHub App and its installation, users and teams, repositories with their
 * collaborators, issues (pull requests are issues too, sharing the numbers), comments, labels,
 * reactions, pull requests, commits and trees (file contents per commit), refs, commit statuses and
 * check runs.
 *
 * Seeds: `seed.github` is Object.assign'ed into `ctx.world.github` by the core; the keys below
 * (see GithubSeed) are consumed on the next access and applied to the state, so both start seeds and
 * `POST /_sandbox/seed` work. `ctx.world.github.oidc` belongs to the OIDC issuer and is left alone.
 *
 * Tokens and rate-limit windows are kept per sandbox (not in the world): they are secrets, and a
 * client's cached installation token stays valid across `POST /_sandbox/reset`, as it would across
 * anything that happens on GitHub's side.
 */
import { createHash, KeyObject, randomBytes } from 'node:crypto';
import type { SandboxContext } from '../core/context.js';
import { HttpError } from '../core/http.js';
import { DEFAULT_IDS } from '../core/seed.js';

export type Role = 'admin' | 'maintain' | 'write' | 'triage' | 'read';
export type Perm = 'read' | 'write';
export type Permissions = Record<string, Perm>;

export const ROLES: Role[] = ['read', 'triage', 'write', 'maintain', 'admin'];
export const REACTIONS = ['+1', '-1', 'laugh', 'confused', 'heart', 'hooray', 'rocket', 'eyes'] as const;
export type ReactionContent = (typeof REACTIONS)[number];

export interface GhUser {
  login: string;
  id: number;
  type: 'User' | 'Bot' | 'Organization';
  name?: string | null;
}

export interface GhLabel {
  id: number;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

export interface GhReaction {
  id: number;
  user: string;
  content: ReactionContent;
  created_at: string;
}

export interface GhIssue {
  id: number;
  number: number;
  title: string;
  body: string | null;
  user: string;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: string[];
  assignees: string[];
  locked: boolean;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  closed_by: string | null;
  /** The app (slug) that made it through an installation token, if any. */
  via_app: string | null;
  reactions: GhReaction[];
  pull: boolean;
  /** Sandbox-clock ms from which search finds it (GitHub's search index lags behind writes). */
  indexed_at: number;
}

export interface GhComment {
  id: number;
  issue: number;
  body: string;
  user: string;
  created_at: string;
  updated_at: string;
  via_app: string | null;
  reactions: GhReaction[];
}

export interface GhReview {
  id: number;
  user: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  body: string;
  commit_id: string;
  submitted_at: string;
}

export interface GhStatus {
  id: number;
  sha: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  context: string;
  description: string | null;
  target_url: string | null;
  creator: string;
  created_at: string;
  updated_at: string;
}

export interface GhCheckRun {
  id: number;
  head_sha: string;
  name: string;
  status: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
  conclusion: 'success' | 'failure' | 'neutral' | 'cancelled' | 'skipped' | 'timed_out' | 'action_required' | 'stale' | null;
  started_at: string;
  completed_at: string | null;
  title: string | null;
  summary: string | null;
  details_url: string | null;
  app: string;
}

export interface GhCommit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  author: string;
  date: string;
}

export interface GhPull {
  number: number;
  head: { ref: string; sha: string; repo: string; fork: boolean; user: string };
  base: { ref: string; sha: string };
  draft: boolean;
  merged: boolean;
  merged_at: string | null;
  merged_by: string | null;
  merge_commit_sha: string | null;
  /** null: GitHub has not computed it yet. */
  mergeable: boolean | null;
  /** Explicit mergeable_state; when unset it is derived (draft, dirty, unstable, clean). */
  mergeable_state: string | null;
  maintainer_can_modify: boolean;
  reviews: GhReview[];
  /** Head sha before the last push (the `before` of a synchronize event). */
  before: string | null;
}

export interface GhRepo {
  id: number;
  owner: string;
  name: string;
  private: boolean;
  fork: boolean;
  description: string | null;
  default_branch: string;
  created_at: string;
  pushed_at: string;
  collaborators: Record<string, Role>;
  next_number: number;
  issues: GhIssue[];
  comments: GhComment[];
  labels: GhLabel[];
  pulls: Record<string, GhPull>;
  /** Fully qualified ref name → commit sha. */
  refs: Record<string, string>;
  commits: Record<string, GhCommit>;
  /** Tree sha → path → file content (utf-8). */
  trees: Record<string, Record<string, string>>;
  statuses: GhStatus[];
  check_runs: GhCheckRun[];
}

export interface GhApp {
  id: number;
  slug: string;
  name: string;
  client_id: string;
  owner: string;
  description: string;
  permissions: Permissions;
  events: string[];
  created_at: string;
  /** The bot user that acts for the app (`{slug}[bot]`). */
  bot_id: number;
}

export interface GhInstallation {
  id: number;
  account: string;
  repository_selection: 'all' | 'selected';
  /** Full names (lower-case) when `selected`. */
  repositories: string[];
  permissions: Permissions;
  events: string[];
  created_at: string;
  suspended: boolean;
}

export interface GhTeam {
  org: string;
  slug: string;
  id: number;
  name: string;
  members: Record<string, 'member' | 'maintainer'>;
}

export interface GhOrg {
  login: string;
  id: number;
  members: string[];
}

export interface RateLimits {
  /** Core requests per hour for installation tokens and users. */
  core: number;
  /** Core requests per hour for the repository token (GITHUB_TOKEN: 1000). */
  repoToken: number;
  /** Search requests per minute. */
  search: number;
}

export interface GithubState {
  next_id: number;
  web_url: string;
  app: GhApp;
  installations: GhInstallation[];
  users: Record<string, GhUser>;
  orgs: Record<string, GhOrg>;
  teams: GhTeam[];
  repos: Record<string, GhRepo>;
  repo_token_permissions: Permissions;
  rate_limits: RateLimits;
  /** How long after a write search finds an issue (GitHub's index lag); 0 by default. */
  search_index_delay_ms: number;
  /**
   * Which clock App JWTs (`iat`, `exp`) are judged by: `sandbox` only, or `either` the sandbox clock
   * or real time (default). Clients sign with real time; @octokit/auth-app corrects its skew from the
   * `Date` header only for app endpoints, not when it mints installation tokens, so with `sandbox`
   * a Probot app cannot authenticate once a test has moved the sandbox clock.
   */
  jwt_clock: 'either' | 'sandbox';
}

export interface GhToken {
  token: string;
  kind: 'installation' | 'repo' | 'user';
  installationId?: number;
  /** The acting user: a collaborator's login, `github-actions[bot]` or `{slug}[bot]`. */
  login: string;
  permissions: Permissions;
  /** Full names (lower-case) the token may reach, or all the installation's. */
  repositories: string[] | 'all';
  /** ISO time on the sandbox clock (shown to clients). */
  expires_at?: string;
  /** Real-time expiry (ms): clients cache tokens by their own clock, so validity follows it. */
  realExpiresAtMs?: number;
  revoked?: boolean;
}

export interface GithubSeedRepo {
  full_name: string;
  private?: boolean;
  description?: string;
  default_branch?: string;
  collaborators?: Record<string, Role | null>;
  files?: Record<string, string>;
  labels?: (string | { name: string; color?: string; description?: string })[];
}

/** What `seed.github` may hold (every key optional). */
export interface GithubSeed {
  app?: { id?: number; slug?: string; name?: string; webhookSecret?: string; permissions?: Permissions; events?: string[] };
  installation?: { id?: number; permissions?: Permissions; repositories?: string[] | 'all' };
  /** Repositories to add or replace (by full_name). */
  repos?: GithubSeedRepo[];
  /** Collaborators of the default repository (login → role; null removes). */
  collaborators?: Record<string, Role | null>;
  /** Files on the default repository's default branch (path → content; null removes). */
  files?: Record<string, string | null>;
  /** Extra users (logins, or objects with a personal access token). */
  users?: (string | { login: string; type?: 'User' | 'Bot'; token?: string; name?: string })[];
  teams?: { org?: string; slug: string; name?: string; members?: string[]; maintainers?: string[] }[];
  repoToken?: string;
  repoTokenPermissions?: Permissions;
  rateLimits?: Partial<RateLimits>;
  searchIndexDelayMs?: number;
  jwtClock?: 'either' | 'sandbox';
  webUrl?: string;
}

const SEED_KEYS: (keyof GithubSeed)[] = [
  'app', 'installation', 'repos', 'collaborators', 'files', 'users', 'teams', 'repoToken', 'repoTokenPermissions', 'rateLimits', 'searchIndexDelayMs', 'jwtClock', 'webUrl',
];

export const GITHUB_DEFAULTS = {
  org: 'octo-org',
  orgId: 90_000_001,
  repoId: 80_000_001,
  appId: 424_242,
  appSlug: 'auth0-eventgrid',
  appBotId: 90_000_100,
  installationId: 60_000_001,
  webhookSecret: 'sbx-github-webhook-secret-5f2b8c1d9e4a',
  actionsBot: { login: 'github-actions[bot]', id: 41_898_282 },
  users: {
    'octo-admin': { id: 90_000_011, role: 'admin' },
    'octo-maintainer': { id: 90_000_012, role: 'maintain' },
    'octo-writer': { id: 90_000_013, role: 'write' },
    'octo-triager': { id: 90_000_014, role: 'triage' },
    'octo-reader': { id: 90_000_015, role: 'read' },
    'octo-outsider': { id: 90_000_016, role: null },
  } as Record<string, { id: number; role: Role | null }>,
  appPermissions: {
    issues: 'write',
    pull_requests: 'write',
    contents: 'write',
    metadata: 'read',
    statuses: 'read',
    checks: 'read',
    members: 'read',
  } as Permissions,
  repoTokenPermissions: {
    issues: 'write',
    pull_requests: 'write',
    contents: 'write',
    metadata: 'read',
    statuses: 'read',
    checks: 'read',
  } as Permissions,
  rateLimits: { core: 5000, repoToken: 1000, search: 30 } as RateLimits,
  defaultLabels: [
    ['bug', 'd73a4a', "Something isn't working"],
    ['documentation', '0075ca', 'Improvements or additions to documentation'],
    ['duplicate', 'cfd3d7', 'This issue or pull request already exists'],
    ['enhancement', 'a2eeef', 'New feature or request'],
    ['good first issue', '7057ff', 'Good for newcomers'],
    ['help wanted', '008672', 'Extra attention is needed'],
    ['invalid', 'e4e669', "This doesn't seem right"],
    ['question', 'd876e3', 'Further information is requested'],
    ['wontfix', 'ffffff', 'This will not be worked on'],
  ] as [string, string, string][],
};

// ---------------------------------------------------------------------------------------------
// Per-sandbox secrets: the app key (PEM), tokens, webhook secret, rate windows.

interface Secrets {
  privateKeyPem: string;
  publicKey: KeyObject;
  webhookSecret: string;
  tokens: Map<string, GhToken>;
  /** token per user login (personal access tokens). */
  userTokens: Map<string, string>;
  repoToken: string;
  rateWindows: Map<string, { resetAt: number; used: number }>;
  /** The state object the rate windows belong to (a reset starts new windows). */
  stateRef?: GithubState;
}

const secretsByCtx = new WeakMap<SandboxContext, Secrets>();

function derive(ctx: SandboxContext, label: string, len: number): string {
  const digest = createHash('sha256').update(`${ctx.keys.github.kid}:${label}`).digest('base64').replace(/[^A-Za-z0-9]/g, '');
  return (digest + digest).slice(0, len);
}

export function secrets(ctx: SandboxContext): Secrets {
  let s = secretsByCtx.get(ctx);
  if (!s) {
    const priv = KeyObject.from(ctx.keys.github.privateKey as unknown as Parameters<typeof KeyObject.from>[0]);
    const pub = KeyObject.from(ctx.keys.github.publicKey as unknown as Parameters<typeof KeyObject.from>[0]);
    s = {
      privateKeyPem: priv.export({ type: 'pkcs1', format: 'pem' }).toString(),
      publicKey: pub,
      webhookSecret: GITHUB_DEFAULTS.webhookSecret,
      tokens: new Map(),
      userTokens: new Map(),
      repoToken: `ghs_${derive(ctx, 'repo-token', 36)}`,
      rateWindows: new Map(),
    };
    secretsByCtx.set(ctx, s);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Ids, times, hashes.

export function nextId(st: GithubState): number {
  return st.next_id++;
}

/** GitHub timestamps: ISO 8601 without milliseconds, on the sandbox clock. */
export function ghTime(ctx: SandboxContext, ms = ctx.clock.now()): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function nodeId(prefix: string, id: number | string): string {
  return `${prefix}_kwDO${Buffer.from(String(id)).toString('base64url')}`;
}

/** The git blob sha of a file's content. */
export function blobSha(content: string): string {
  const buf = Buffer.from(content, 'utf8');
  return createHash('sha1').update(`blob ${buf.length}\0`).update(buf).digest('hex');
}

export function treeSha(files: Record<string, string>): string {
  const h = createHash('sha1').update('tree\0');
  for (const p of Object.keys(files).sort()) h.update(`${p}\0${blobSha(files[p])}\n`);
  return h.digest('hex');
}

let shaCounter = 0;
export function commitSha(tree: string, parents: string[], message: string): string {
  return createHash('sha1').update(`commit ${tree} ${parents.join(',')} ${message} ${++shaCounter} ${randomBytes(8).toString('hex')}`).digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Users, repos.

export const repoKey = (fullName: string) => fullName.toLowerCase();

export function ensureUser(st: GithubState, login: string, type: GhUser['type'] = login.endsWith('[bot]') ? 'Bot' : 'User'): GhUser {
  const k = login.toLowerCase();
  let u = st.users[k];
  if (!u) {
    u = { login, id: nextId(st), type };
    st.users[k] = u;
  }
  return u;
}

export function userOf(st: GithubState, login: string): GhUser {
  return st.users[login.toLowerCase()] ?? ensureUser(st, login);
}

export function botLogin(st: GithubState): string {
  return `${st.app.slug}[bot]`;
}

/** Adds a commit with `files` (the whole tree) on top of `parents`; returns its sha. */
export function addCommit(ctx: SandboxContext, repo: GhRepo, files: Record<string, string>, parents: string[], message: string, author = 'octo-admin'): string {
  const tree = treeSha(files);
  repo.trees[tree] ??= { ...files };
  const sha = commitSha(tree, parents, message);
  repo.commits[sha] = { sha, tree, parents, message, author, date: ghTime(ctx) };
  return sha;
}

/** Resolves a branch, tag, fully qualified ref or commit sha (full or 7+ prefix) to a commit sha. */
export function resolveRef(repo: GhRepo, ref: string | undefined | null): string | undefined {
  const r = (ref ?? repo.default_branch).trim();
  if (!r) return undefined;
  for (const candidate of [r, `refs/heads/${r}`, `refs/tags/${r}`, `refs/${r}`]) {
    if (repo.refs[candidate]) return repo.refs[candidate];
  }
  if (/^[0-9a-f]{7,40}$/i.test(r)) {
    const lower = r.toLowerCase();
    if (repo.commits[lower]) return lower;
    const hits = Object.keys(repo.commits).filter((s) => s.startsWith(lower));
    if (hits.length === 1) return hits[0];
  }
  return undefined;
}

export function filesAt(repo: GhRepo, sha: string): Record<string, string> {
  const c = repo.commits[sha];
  return c ? repo.trees[c.tree] ?? {} : {};
}

export function newRepo(ctx: SandboxContext, st: GithubState, seed: GithubSeedRepo, id?: number): GhRepo {
  const [owner, name, extra] = (seed.full_name ?? '').split('/');
  if (!owner || !name || extra !== undefined || !/^[A-Za-z0-9-]+$/.test(owner) || !/^[A-Za-z0-9._-]+$/.test(name)) {
    throw new HttpError(400, 'InvalidSeed', `seed.github.repos: "${seed.full_name}" is not an "owner/name" repository name.`);
  }
  const now = ghTime(ctx);
  const repo: GhRepo = {
    id: id ?? nextId(st),
    owner,
    name,
    private: seed.private ?? true,
    fork: false,
    description: seed.description ?? null,
    default_branch: seed.default_branch ?? 'main',
    created_at: now,
    pushed_at: now,
    collaborators: {},
    next_number: 1,
    issues: [],
    comments: [],
    labels: GITHUB_DEFAULTS.defaultLabels.map(([n, color, description]) => ({ id: nextId(st), name: n, color, description, default: true })),
    pulls: {},
    refs: {},
    commits: {},
    trees: {},
    statuses: [],
    check_runs: [],
  };
  ensureOrg(st, owner);
  const files = seed.files ?? { 'README.md': `# ${name}\n` };
  repo.refs[`refs/heads/${repo.default_branch}`] = addCommit(ctx, repo, files, [], 'Initial commit');
  for (const [login, role] of Object.entries(seed.collaborators ?? {})) setCollaborator(st, repo, login, role);
  for (const l of seed.labels ?? []) {
    const spec = typeof l === 'string' ? { name: l } : l;
    if (!repo.labels.some((x) => x.name.toLowerCase() === spec.name.toLowerCase())) {
      repo.labels.push({ id: nextId(st), name: spec.name, color: spec.color ?? 'ededed', description: spec.description ?? null, default: false });
    }
  }
  return repo;
}

function ensureOrg(st: GithubState, login: string): GhOrg {
  const k = login.toLowerCase();
  if (!st.orgs[k]) {
    const existing = st.users[k];
    const id = existing?.id ?? (k === GITHUB_DEFAULTS.org ? GITHUB_DEFAULTS.orgId : nextId(st));
    st.users[k] = { login, id, type: 'Organization' };
    st.orgs[k] = { login, id, members: [] };
  }
  return st.orgs[k];
}

export function setCollaborator(st: GithubState, repo: GhRepo, login: string, role: Role | null): void {
  if (role !== null && !ROLES.includes(role)) {
    throw new HttpError(400, 'InvalidSeed', `Collaborator "${login}": "${role}" is not a role (${ROLES.join(', ')}).`);
  }
  const user = ensureUser(st, login);
  const existing = Object.keys(repo.collaborators).find((k) => k.toLowerCase() === login.toLowerCase());
  if (existing) delete repo.collaborators[existing];
  if (role) repo.collaborators[user.login] = role;
  const org = st.orgs[repo.owner.toLowerCase()];
  if (org && role && !org.members.some((m) => m.toLowerCase() === login.toLowerCase())) org.members.push(user.login);
}

export function roleOf(repo: GhRepo, login: string): Role | null {
  const k = Object.keys(repo.collaborators).find((x) => x.toLowerCase() === login.toLowerCase());
  return k ? repo.collaborators[k] : null;
}

// ---------------------------------------------------------------------------------------------
// The state, created lazily from defaults plus seeds.

function defaultState(ctx: SandboxContext): GithubState {
  const d = GITHUB_DEFAULTS;
  const now = ghTime(ctx);
  const st: GithubState = {
    next_id: 1_000_000_001,
    web_url: 'https://github.com',
    app: {
      id: d.appId,
      slug: d.appSlug,
      name: 'auth0-eventgrid',
      client_id: `Iv23li${derive(ctx, 'client-id', 14)}`,
      owner: d.org,
      description: 'ChatOps for streaming Auth0 logs into Azure Event Grid.',
      permissions: { ...d.appPermissions },
      events: ['issue_comment', 'issues', 'pull_request', 'pull_request_review'],
      created_at: now,
      bot_id: d.appBotId,
    },
    installations: [],
    users: {},
    orgs: {},
    teams: [],
    repos: {},
    repo_token_permissions: { ...d.repoTokenPermissions },
    rate_limits: { ...d.rateLimits },
    search_index_delay_ms: 0,
    jwt_clock: 'either',
  };
  ensureOrg(st, d.org);
  for (const [login, u] of Object.entries(d.users)) st.users[login] = { login, id: u.id, type: 'User' };
  st.users[d.actionsBot.login] = { login: d.actionsBot.login, id: d.actionsBot.id, type: 'Bot' };
  st.users[botLogin(st)] = { login: botLogin(st), id: d.appBotId, type: 'Bot' };
  const collaborators = Object.fromEntries(Object.entries(d.users).filter(([, u]) => u.role).map(([l, u]) => [l, u.role as Role]));
  const repo = newRepo(ctx, st, { full_name: DEFAULT_IDS.githubRepository, collaborators }, d.repoId);
  st.repos[repoKey(DEFAULT_IDS.githubRepository)] = repo;
  st.installations.push({
    id: d.installationId,
    account: d.org,
    repository_selection: 'selected',
    repositories: [repoKey(DEFAULT_IDS.githubRepository)],
    permissions: { ...d.appPermissions },
    events: [...st.app.events],
    created_at: now,
    suspended: false,
  });
  st.teams.push({
    org: d.org,
    slug: 'eventgrid-operators',
    id: 7_000_001,
    name: 'eventgrid-operators',
    members: { 'octo-maintainer': 'maintainer', 'octo-writer': 'member' },
  });
  return st;
}

function checkPermissions(where: string, p: unknown): Permissions {
  if (!p || typeof p !== 'object' || Array.isArray(p)) throw new HttpError(400, 'InvalidSeed', `${where}: must be an object of permission → "read" | "write".`);
  for (const [k, v] of Object.entries(p)) {
    if (v !== 'read' && v !== 'write') throw new HttpError(400, 'InvalidSeed', `${where}.${k}: "${String(v)}" is not "read" or "write".`);
  }
  return { ...(p as Permissions) };
}

/** The default repository (the first seeded one is `octo-org/octo-repo` unless replaced). */
export function defaultRepo(st: GithubState): GhRepo {
  return st.repos[repoKey(DEFAULT_IDS.githubRepository)] ?? Object.values(st.repos)[0];
}

export function applyGithubSeed(ctx: SandboxContext, st: GithubState, seed: GithubSeed): void {
  const sec = secrets(ctx);
  if (seed.webUrl !== undefined) st.web_url = String(seed.webUrl).replace(/\/+$/, '');
  if (seed.app) {
    const a = seed.app;
    const oldBot = botLogin(st);
    if (a.id !== undefined) st.app.id = Number(a.id);
    if (a.slug) st.app.slug = a.slug;
    if (a.name) st.app.name = a.name;
    if (a.permissions) st.app.permissions = checkPermissions('seed.github.app.permissions', a.permissions);
    if (a.events) st.app.events = [...a.events];
    if (a.webhookSecret) sec.webhookSecret = a.webhookSecret;
    if (oldBot !== botLogin(st)) {
      delete st.users[oldBot.toLowerCase()];
      st.users[botLogin(st).toLowerCase()] = { login: botLogin(st), id: st.app.bot_id, type: 'Bot' };
    }
  }
  if (seed.users) {
    for (const [i, u] of seed.users.entries()) {
      const spec = typeof u === 'string' ? { login: u } : u;
      if (!spec?.login || !/^[A-Za-z0-9-]+(\[bot\])?$/.test(spec.login)) throw new HttpError(400, 'InvalidSeed', `seed.github.users[${i}]: "${spec?.login}" is not a GitHub login.`);
      const user = ensureUser(st, spec.login, spec.type);
      if (spec.name) user.name = spec.name;
      if (spec.token) sec.userTokens.set(user.login.toLowerCase(), spec.token);
    }
  }
  if (seed.repos) {
    if (!Array.isArray(seed.repos)) throw new HttpError(400, 'InvalidSeed', 'seed.github.repos: must be an array of { full_name, … }.');
    for (const r of seed.repos) {
      const k = repoKey(r.full_name ?? '');
      const existing = st.repos[k];
      st.repos[k] = newRepo(ctx, st, structuredClone(r), existing?.id);
      for (const inst of st.installations) {
        if (inst.account.toLowerCase() === st.repos[k].owner.toLowerCase() && inst.repository_selection === 'selected' && !inst.repositories.includes(k)) inst.repositories.push(k);
      }
    }
  }
  if (seed.installation) {
    const inst = st.installations[0];
    if (seed.installation.id !== undefined) inst.id = Number(seed.installation.id);
    if (seed.installation.permissions) inst.permissions = checkPermissions('seed.github.installation.permissions', seed.installation.permissions);
    if (seed.installation.repositories === 'all') {
      inst.repository_selection = 'all';
      inst.repositories = [];
    } else if (Array.isArray(seed.installation.repositories)) {
      inst.repository_selection = 'selected';
      inst.repositories = seed.installation.repositories.map(repoKey);
    }
  }
  if (seed.collaborators) {
    const repo = defaultRepo(st);
    for (const [login, role] of Object.entries(seed.collaborators)) setCollaborator(st, repo, login, role);
  }
  if (seed.files) {
    const repo = defaultRepo(st);
    const branch = `refs/heads/${repo.default_branch}`;
    const files = { ...filesAt(repo, repo.refs[branch]) };
    for (const [p, content] of Object.entries(seed.files)) {
      if (content === null) delete files[p];
      else files[p.replace(/^\/+/, '')] = String(content);
    }
    repo.refs[branch] = addCommit(ctx, repo, files, [repo.refs[branch]], 'Seed files');
  }
  if (seed.teams) {
    for (const [i, t] of seed.teams.entries()) {
      if (!t?.slug) throw new HttpError(400, 'InvalidSeed', `seed.github.teams[${i}]: needs a "slug".`);
      const org = t.org ?? GITHUB_DEFAULTS.org;
      ensureOrg(st, org);
      st.teams = st.teams.filter((x) => !(x.org.toLowerCase() === org.toLowerCase() && x.slug === t.slug));
      const members: GhTeam['members'] = {};
      for (const m of t.members ?? []) members[ensureUser(st, m).login] = 'member';
      for (const m of t.maintainers ?? []) members[ensureUser(st, m).login] = 'maintainer';
      st.teams.push({ org, slug: t.slug, id: nextId(st), name: t.name ?? t.slug, members });
    }
  }
  if (seed.repoToken) sec.repoToken = seed.repoToken;
  if (seed.repoTokenPermissions) st.repo_token_permissions = checkPermissions('seed.github.repoTokenPermissions', seed.repoTokenPermissions);
  if (seed.rateLimits) {
    for (const [k, v] of Object.entries(seed.rateLimits)) {
      if (!(k in st.rate_limits) || typeof v !== 'number' || v < 1) throw new HttpError(400, 'InvalidSeed', `seed.github.rateLimits.${k}: must be one of core, repoToken, search with a positive number.`);
      st.rate_limits[k as keyof RateLimits] = v;
    }
  }
  if (seed.searchIndexDelayMs !== undefined) {
    if (typeof seed.searchIndexDelayMs !== 'number' || seed.searchIndexDelayMs < 0) throw new HttpError(400, 'InvalidSeed', 'seed.github.searchIndexDelayMs: must be a non-negative number.');
    st.search_index_delay_ms = seed.searchIndexDelayMs;
  }
  if (seed.jwtClock !== undefined) {
    if (seed.jwtClock !== 'either' && seed.jwtClock !== 'sandbox') throw new HttpError(400, 'InvalidSeed', 'seed.github.jwtClock: must be "either" or "sandbox".');
    st.jwt_clock = seed.jwtClock;
  }
}

/** The GitHub state, created on first use and brought up to date with seed keys added since. */
export function githubState(ctx: SandboxContext): GithubState {
  const g = ctx.world.github;
  let st = g.state as GithubState | undefined;
  if (!st) {
    st = defaultState(ctx);
    g.state = st;
  }
  const pending: GithubSeed = {};
  for (const k of SEED_KEYS) {
    if (g[k] !== undefined) {
      (pending as Record<string, unknown>)[k] = g[k];
      delete g[k];
    }
  }
  if (Object.keys(pending).length) applyGithubSeed(ctx, st, pending);
  const sec = secrets(ctx);
  if (sec.stateRef !== st) {
    sec.stateRef = st;
    sec.rateWindows.clear();
  }
  return st;
}

export function findRepo(st: GithubState, owner: string, name: string): GhRepo | undefined {
  return st.repos[repoKey(`${owner}/${name}`)];
}

export function fullName(repo: GhRepo): string {
  return `${repo.owner}/${repo.name}`;
}
