/**
 * The sandbox's GitHub REST API (like https://api.github.com, or GitHub Enterprise Server's
 * `/api/v3`), served on its own listener by sandbox/index.ts:
 *   - the GitHub App: `GET /app`, installations, `POST /app/installations/{id}/access_tokens`
 *     (App JWT), `GET /repos/{o}/{r}/installation`, `GET /installation/repositories`;
 *   - issues (list with filters, create, get, update, close with state_reason), issue comments,
 *     labels, reactions, `GET /search/issues` (repo:, is:, label:, in:, author:, words and phrases);
 *   - collaborators and their permission, team membership;
 *   - pull requests with files and reviews, contents at a ref, combined status, check runs;
 *   - git refs (atomic create: 422 "Reference already exists") and git commits.
 * Authentication, permissions and rate limits: auth.ts. State and seeding: state.ts. Admin routes
 * (`githubAdminRoutes`) and the webhook builder (`buildWebhook`): admin.ts, webhooks.ts.
 */
import type { SandboxContext } from '../core/context.js';
import { HttpError, type Ctx, type Reply, type Route, type ServiceDef } from '../core/http.js';
import { appRoutes } from './apps.js';
import { authenticate, consumeRate, DOCS, rateHeaders, userToken, type Actor } from './auth.js';
import { issueRoutes } from './issues.js';
import { repoRoutes } from './repos.js';
import { GITHUB_DEFAULTS, githubState, secrets } from './state.js';

export { githubAdminRoutes } from './admin.js';
export { buildWebhook, signWebhook, webhookSecret, WEBHOOK_KINDS, type WebhookDelivery, type WebhookKind, type WebhookParams } from './webhooks.js';
export { githubState, GITHUB_DEFAULTS, type GithubSeed, type GithubState, type Role } from './state.js';
export { userToken } from './auth.js';

/** What `info()` shows about the GitHub side. */
export interface GithubInfo {
  apiUrl: string;
  appId: number;
  appSlug: string;
  /** The app's private key (PEM, PKCS#1 like the keys GitHub hands out). */
  appPrivateKey: string;
  webhookSecret: string;
  installationId: number;
  /** A repository token for the default repository, like a workflow's GITHUB_TOKEN. */
  token: string;
  repository: string;
}

export function githubInfo(ctx: SandboxContext): GithubInfo {
  const st = githubState(ctx);
  const sec = secrets(ctx);
  return {
    apiUrl: ctx.endpoints.github ?? '',
    appId: st.app.id,
    appSlug: st.app.slug,
    appPrivateKey: sec.privateKeyPem,
    webhookSecret: sec.webhookSecret,
    installationId: st.installations[0]?.id ?? GITHUB_DEFAULTS.installationId,
    token: sec.repoToken,
    repository: Object.values(st.repos)[0] ? `${Object.values(st.repos)[0].owner}/${Object.values(st.repos)[0].name}` : '',
  };
}

/** Personal access token of a sandbox user (e.g. to comment as `octo-reader`). */
export function githubUserToken(ctx: SandboxContext, login: string): string {
  return userToken(ctx, login);
}

const UNCOUNTED = new Set(['rate-limit.get']);

export function githubService(_ctx: SandboxContext): ServiceDef {
  const routes: Route[] = [...appRoutes(), ...issueRoutes(), ...repoRoutes()];
  return {
    name: 'github',
    routes,
    // GitHub Enterprise Server serves the same API under /api/v3 (GHE_HOST clients such as Probot's).
    pathPrefix: '/api/v3',
    errorBody: (err: HttpError) => {
      const details = (err.details ?? {}) as { documentation_url?: string; errors?: unknown[] };
      const message = err.code === 'InvalidRequestContent' ? 'Problems parsing JSON' : err.status >= 500 && !/^\d+$/.test(err.code) ? 'Server Error' : err.message;
      const body: Record<string, unknown> = { message, documentation_url: details.documentation_url ?? DOCS, status: String(err.status) };
      if (details.errors?.length) body.errors = details.errors;
      return body;
    },
    notFound: () => new HttpError(404, '404', 'Not Found', {}, { documentation_url: DOCS }),
    before(c: Ctx, route: Route) {
      let a: Actor;
      try {
        a = authenticate(c);
      } catch (e) {
        c.locals.rate = consumeRate(c, { kind: 'anonymous', rateKey: 'anonymous' }, 'core', false);
        throw e;
      }
      c.locals.actor = a;
      const resource = route.operation.startsWith('search.') ? 'search' : 'core';
      c.locals.rate = UNCOUNTED.has(route.operation) ? consumeRate(c, a, resource, false) : consumeRate(c, a, resource);
    },
    decorate(c: Ctx, reply: Reply) {
      const headers: Record<string, string> = {
        'x-github-media-type': 'github.v3; format=json',
        'x-github-api-version-selected': '2022-11-28',
        'x-github-request-id': c.requestId.replace(/-/g, '').slice(0, 20).toUpperCase(),
        'access-control-expose-headers':
          'ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset, X-OAuth-Scopes, X-Accepted-OAuth-Scopes, X-Poll-Interval, X-GitHub-Media-Type, X-GitHub-SSO, X-GitHub-Request-Id, Deprecation, Sunset',
      };
      if (!c.locals.rate) c.locals.rate = consumeRate(c, { kind: 'anonymous', rateKey: 'anonymous' }, 'core', false);
      Object.assign(headers, rateHeaders(c.locals.rate));
      reply.headers = { ...headers, ...(reply.headers ?? {}) };
    },
  };
}
