/**
 * Who is calling, and may they: `Authorization: token X` / `Bearer X` with
 *   - the repository token (like GITHUB_TOKEN: `github-actions[bot]`, the repo token permissions),
 *   - installation access tokens (`{slug}[bot]`, the installation's permissions, possibly narrowed),
 *   - personal access tokens of users (`ghp_…`: the user's role on each repository),
 *   - an App JWT (RS256, `iss` = app id, `exp` at most 10 minutes ahead, judged by the sandbox clock)
 *     for `/app…` and `/repos/{o}/{r}/installation`.
 * Errors are GitHub's: 401 "Requires authentication" / "Bad credentials" / the JWT claim messages
 * (the ones @octokit/auth-app recognises to correct clock skew), 403 "Resource not accessible by
 * integration" with `x-accepted-github-permissions`, 404 for repositories a token cannot see.
 * Rate limits: per installation / repository token / user, `x-ratelimit-*` headers, 403 when spent.
 */
import { createHash, randomBytes, verify as verifySignature } from 'node:crypto';
import type { SandboxContext } from '../core/context.js';
import { HttpError, type Ctx } from '../core/http.js';
import { DEFAULT_IDS } from '../core/seed.js';
import {
  GITHUB_DEFAULTS,
  ROLES,
  botLogin,
  findRepo,
  githubState,
  repoKey,
  roleOf,
  secrets,
  type GhInstallation,
  type GhRepo,
  type GhToken,
  type GithubState,
  type Perm,
  type Permissions,
  type Role,
} from './state.js';

export const DOCS = 'https://docs.github.com/rest';

export function ghError(status: number, message: string, extra: { documentation_url?: string; errors?: unknown[]; headers?: Record<string, string> } = {}): HttpError {
  return new HttpError(status, String(status), message, extra.headers ?? {}, { documentation_url: extra.documentation_url ?? DOCS, errors: extra.errors });
}

export const notFound = (doc?: string) => ghError(404, 'Not Found', { documentation_url: doc });
export const validationFailed = (errors: unknown[], doc?: string) => ghError(422, 'Validation Failed', { errors, documentation_url: doc });

export type Actor =
  | { kind: 'anonymous'; rateKey: string }
  | { kind: 'app'; appId: number; rateKey: string }
  | { kind: 'installation' | 'repo'; login: string; token: GhToken; installation?: GhInstallation; rateKey: string }
  | { kind: 'user'; login: string; rateKey: string };

const JWT_EXPIRED = "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires";
const JWT_TOO_FAR = "'Expiration time' claim ('exp') is too far in the future";
const JWT_IAT = "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued";
const JWT_ISS = "'Issuer' claim ('iss') must be an Integer";
const JWT_UNDECODABLE = 'A JSON web token could not be decoded';

/** Personal access tokens of users: seeded ones, else one derived per login. */
export function userToken(ctx: SandboxContext, login: string): string {
  const sec = secrets(ctx);
  const seeded = sec.userTokens.get(login.toLowerCase());
  if (seeded) return seeded;
  return `ghp_${createHash('sha256').update(`${ctx.keys.github.kid}:pat:${login.toLowerCase()}`).digest('hex').slice(0, 36)}`;
}

function userForToken(ctx: SandboxContext, st: GithubState, token: string): string | undefined {
  const sec = secrets(ctx);
  for (const [login, t] of sec.userTokens) if (t === token) return st.users[login]?.login ?? login;
  if (!token.startsWith('ghp_')) return undefined;
  for (const u of Object.values(st.users)) {
    if (u.type === 'User' && userToken(ctx, u.login) === token) return u.login;
  }
  return undefined;
}

export function repoTokenRecord(ctx: SandboxContext, st: GithubState): GhToken {
  return {
    token: secrets(ctx).repoToken,
    kind: 'repo',
    login: GITHUB_DEFAULTS.actionsBot.login,
    permissions: st.repo_token_permissions,
    repositories: [repoKey(DEFAULT_IDS.githubRepository)],
  };
}

/** Mints an installation access token (1 hour, like GitHub). */
export function mintInstallationToken(ctx: SandboxContext, st: GithubState, inst: GhInstallation, permissions: Permissions, repositories: string[] | 'all'): GhToken {
  const token: GhToken = {
    token: `ghs_${randomBytes(27).toString('base64').replace(/[^A-Za-z0-9]/g, '').padEnd(36, '0').slice(0, 36)}`,
    kind: 'installation',
    installationId: inst.id,
    login: botLogin(st),
    permissions,
    repositories,
    expires_at: new Date(ctx.clock.now() + 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    realExpiresAtMs: Date.now() + 3_600_000,
  };
  secrets(ctx).tokens.set(token.token, token);
  return token;
}

function b64json(part: string): any {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

/** Verifies an App JWT against the app's public key and GitHub's claim rules, on the sandbox clock. */
export function verifyAppJwt(ctx: SandboxContext, st: GithubState, jwt: string): number {
  const parts = jwt.split('.');
  if (parts.length !== 3) throw ghError(401, JWT_UNDECODABLE);
  let header: any;
  let claims: any;
  try {
    header = b64json(parts[0]);
    claims = b64json(parts[1]);
  } catch {
    throw ghError(401, JWT_UNDECODABLE);
  }
  if (header?.alg !== 'RS256') throw ghError(401, JWT_UNDECODABLE);
  const iss = claims?.iss;
  const issOk = (typeof iss === 'number' && Number.isInteger(iss)) || (typeof iss === 'string' && (/^\d+$/.test(iss) || iss === st.app.client_id));
  if (!issOk) throw ghError(401, JWT_ISS);
  if (String(iss) !== String(st.app.id) && iss !== st.app.client_id) throw ghError(401, 'Integration not found');
  const ok = verifySignature('RSA-SHA256', Buffer.from(`${parts[0]}.${parts[1]}`), secrets(ctx).publicKey, Buffer.from(parts[2], 'base64url'));
  if (!ok) throw ghError(401, JWT_UNDECODABLE);
  // Judged by the sandbox clock; with jwt_clock "either", a token valid by real time passes too.
  const clocks = st.jwt_clock === 'sandbox' ? [ctx.clock.now()] : [ctx.clock.now(), Date.now()];
  let first: string | undefined;
  for (const ms of clocks) {
    const now = Math.floor(ms / 1000);
    const problem =
      typeof claims.iat !== 'number' || !Number.isInteger(claims.iat) || claims.iat > now + 60 ? JWT_IAT
      : typeof claims.exp !== 'number' || claims.exp <= now ? JWT_EXPIRED
      : claims.exp > now + 600 ? JWT_TOO_FAR
      : undefined;
    if (!problem) return st.app.id;
    first ??= problem;
  }
  throw ghError(401, first!);
}

function bearer(c: Ctx): string | undefined {
  const h = c.headers.authorization;
  if (!h) return undefined;
  const m = /^(token|bearer)\s+(\S+)\s*$/i.exec(h);
  if (!m) throw ghError(401, 'Bad credentials');
  return m[2];
}

export function authenticate(c: Ctx): Actor {
  const ctx = c.sandbox;
  const st = githubState(ctx);
  const token = bearer(c);
  if (!token) return { kind: 'anonymous', rateKey: 'anonymous' };
  const sec = secrets(ctx);
  if (token === sec.repoToken) {
    return { kind: 'repo', login: GITHUB_DEFAULTS.actionsBot.login, token: repoTokenRecord(ctx, st), rateKey: `repo:${token}` };
  }
  const t = sec.tokens.get(token);
  if (t) {
    if (t.revoked || (t.realExpiresAtMs !== undefined && Date.now() >= t.realExpiresAtMs)) throw ghError(401, 'Bad credentials');
    if (t.kind === 'installation') {
      const installation = st.installations.find((i) => i.id === t.installationId);
      if (!installation) throw ghError(401, 'Bad credentials');
      return { kind: 'installation', login: botLogin(st), token: t, installation, rateKey: `installation:${installation.id}` };
    }
    return { kind: t.kind, login: t.login, token: t, rateKey: `token:${t.token}` };
  }
  if (token.split('.').length === 3) {
    const appId = verifyAppJwt(ctx, st, token);
    return { kind: 'app', appId, rateKey: `app:${appId}` };
  }
  const login = userForToken(ctx, st, token);
  if (login) return { kind: 'user', login, rateKey: `user:${login.toLowerCase()}` };
  throw ghError(401, 'Bad credentials');
}

export function actor(c: Ctx): Actor {
  return c.locals.actor as Actor;
}

/** The login that writes show as their author (for a JWT or no auth: none). */
export function actingLogin(c: Ctx): string {
  const a = actor(c);
  if (a.kind === 'anonymous' || a.kind === 'app') throw ghError(401, 'Requires authentication');
  return a.login;
}

/** The app slug, when the actor is the app (its installation token). */
export function viaApp(c: Ctx): string | null {
  const a = actor(c);
  return a.kind === 'installation' ? githubState(c.sandbox).app.slug : null;
}

export function requireApp(c: Ctx): number {
  const a = actor(c);
  if (a.kind === 'app') return a.appId;
  if (a.kind === 'anonymous') throw ghError(401, 'Requires authentication');
  throw ghError(401, JWT_UNDECODABLE);
}

/** Alternatives: any one of [permission, level] suffices for an integration token. */
export type PermNeed = [string, Perm][];

function hasPerm(p: Permissions, name: string, level: Perm): boolean {
  const have = p[name];
  return have === 'write' || (have === 'read' && level === 'read');
}

function canSeeRepo(a: Actor, repo: GhRepo): boolean {
  const k = repoKey(`${repo.owner}/${repo.name}`);
  if (a.kind === 'installation') {
    const inst = a.installation!;
    if (inst.suspended) return false;
    const instRepos = inst.repository_selection === 'all' ? inst.account.toLowerCase() === repo.owner.toLowerCase() : inst.repositories.includes(k);
    if (!instRepos) return false;
    return a.token.repositories === 'all' || a.token.repositories.includes(k);
  }
  if (a.kind === 'repo') return a.token.repositories === 'all' || a.token.repositories.includes(k);
  if (a.kind === 'user') return !repo.private || roleOf(repo, a.login) !== null;
  if (a.kind === 'anonymous') return !repo.private;
  return false;
}

const roleRank = (r: Role | null) => (r ? ROLES.indexOf(r) : -1);

/**
 * The repository `owner/name` if the caller may use it this way; otherwise 401 (no credentials on a
 * write), 404 (cannot see it), or 403 (sees it, lacks the permission / role).
 */
export function repoFor(c: Ctx, need: { perms: PermNeed; role?: Role; userMessage?: string }): GhRepo {
  const st = githubState(c.sandbox);
  const repo = findRepo(st, c.params.owner, c.params.repo);
  const a = actor(c);
  if (a.kind === 'app') throw ghError(403, 'Resource not accessible by integration', { headers: acceptedHeader(need.perms) });
  if (!repo || !canSeeRepo(a, repo)) {
    if (a.kind === 'anonymous' && c.method !== 'GET') throw ghError(401, 'Requires authentication');
    throw notFound();
  }
  if (a.kind === 'installation' || a.kind === 'repo') {
    const perms = a.token.permissions;
    const instPerms = a.kind === 'installation' ? a.installation!.permissions : perms;
    const ok = need.perms.length === 0 || need.perms.some(([name, level]) => hasPerm(perms, name, level) && hasPerm(instPerms, name, level));
    if (!ok) throw ghError(403, 'Resource not accessible by integration', { headers: acceptedHeader(need.perms) });
  } else if (a.kind === 'user') {
    const role = roleOf(repo, a.login) ?? (repo.private ? null : 'read');
    const required = need.role ?? 'read';
    if (roleRank(role) < roleRank(required)) {
      throw ghError(403, need.userMessage ?? `Must have ${required === 'read' ? 'pull' : required === 'write' ? 'push' : required} access to repository`);
    }
  } else if (a.kind === 'anonymous' && (c.method !== 'GET' || need.role)) {
    throw ghError(401, 'Requires authentication');
  }
  return repo;
}

function acceptedHeader(perms: PermNeed): Record<string, string> {
  return { 'x-accepted-github-permissions': perms.map(([n, l]) => `${n}=${l}`).join('; ') };
}

/** Whether the caller holds `role` (users) or the permission (integrations); no throw. */
export function userHasRole(c: Ctx, repo: GhRepo, role: Role): boolean {
  const a = actor(c);
  if (a.kind !== 'user') return true;
  return roleRank(roleOf(repo, a.login)) >= roleRank(role);
}

// ---------------------------------------------------------------------------------------------
// Rate limits.

export function rateLimitFor(st: GithubState, a: Actor, resource: 'core' | 'search'): number {
  if (resource === 'search') return a.kind === 'anonymous' ? 10 : st.rate_limits.search;
  if (a.kind === 'anonymous') return 60;
  if (a.kind === 'repo') return st.rate_limits.repoToken;
  return st.rate_limits.core;
}

export interface RateState {
  limit: number;
  remaining: number;
  reset: number;
  used: number;
  resource: 'core' | 'search';
}

/** Counts one request; throws 403 when the window is spent. */
export function consumeRate(c: Ctx, a: Actor, resource: 'core' | 'search', count = true): RateState {
  const ctx = c.sandbox;
  const st = githubState(ctx);
  const sec = secrets(ctx);
  const limit = rateLimitFor(st, a, resource);
  const windowMs = resource === 'search' ? 60_000 : 3_600_000;
  const key = `${resource}:${a.rateKey}`;
  const now = ctx.clock.now();
  let w = sec.rateWindows.get(key);
  if (!w || now >= w.resetAt) {
    w = { resetAt: now + windowMs, used: 0 };
    sec.rateWindows.set(key, w);
  }
  // Windows run on the sandbox clock (advancing it starts new ones), but `x-ratelimit-reset` is told in
  // the client's time: clients (e.g. @octokit/plugin-throttling) wait until it by their own clock.
  const state = (): RateState => ({ limit, remaining: Math.max(0, limit - w!.used), reset: Math.ceil((Date.now() + w!.resetAt - now) / 1000), used: w!.used, resource });
  if (!count) return state();
  if (w.used >= limit) {
    const s = state();
    c.locals.rate = s;
    const who = a.kind === 'installation' ? `installation ID ${a.installation!.id}` : a.kind === 'user' ? `user ID ${st.users[a.login.toLowerCase()]?.id ?? 0}` : a.kind === 'anonymous' ? '127.0.0.1' : 'this token';
    throw ghError(403, `API rate limit exceeded for ${who}.`, { documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api' });
  }
  w.used++;
  return state();
}

export function rateHeaders(r: RateState): Record<string, string> {
  return {
    'x-ratelimit-limit': String(r.limit),
    'x-ratelimit-remaining': String(r.remaining),
    'x-ratelimit-reset': String(r.reset),
    'x-ratelimit-used': String(r.used),
    'x-ratelimit-resource': r.resource,
  };
}
