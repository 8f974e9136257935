/**
 * The GitHub Actions OIDC provider: the issuer (like https://token.actions.githubusercontent.com,
 * with its discovery document and JWKS) and the runner's token request endpoint that
 * `@actions/core`'s `getIDToken(audience)` calls:
 *
 *   GET {ACTIONS_ID_TOKEN_REQUEST_URL}&audience=…   Authorization: Bearer {ACTIONS_ID_TOKEN_REQUEST_TOKEN}
 *   → 200 {"value":"<jwt>"}
 *
 * The token's claims describe a workflow run. Defaults describe a push to main of octo-org/octo-repo;
 * `ctx.world.github.oidc` (seeded with `github: { oidc: { … } }`) overrides any of them, e.g.
 * `{ environment: 'production' }`, `{ event_name: 'pull_request' }`, `{ repository, ref }`, or `sub`
 * itself (as a repository's customised subject template would). The subject follows GitHub's rules:
 * `repo:{repo}:environment:{env}` in a job with an environment, else `repo:{repo}:pull_request` for
 * pull_request events, else `repo:{repo}:ref:{ref}`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { oidcRequestToken, type SandboxContext } from '../core/context.js';
import { HttpError, path, type Ctx, type Route, type ServiceDef } from '../core/http.js';
import { DEFAULT_IDS } from '../core/seed.js';
import { signJwt } from '../core/tokens.js';

/** GitHub's OIDC tokens are valid for 5 minutes. */
export const GITHUB_OIDC_TOKEN_TTL_SECONDS = 300;

/** Claims the issuer sets itself: overrides of these in the world are ignored. */
const RESERVED = new Set(['iss', 'aud', 'exp', 'iat', 'nbf', 'jti']);

export const GITHUB_CLAIMS_SUPPORTED = [
  'sub', 'aud', 'exp', 'iat', 'iss', 'jti', 'nbf', 'ref', 'sha', 'repository', 'repository_id', 'repository_owner',
  'repository_owner_id', 'enterprise', 'enterprise_id', 'run_id', 'run_number', 'run_attempt', 'actor', 'actor_id',
  'workflow', 'workflow_ref', 'workflow_sha', 'head_ref', 'base_ref', 'event_name', 'ref_type', 'ref_protected',
  'environment', 'environment_node_id', 'job_workflow_ref', 'job_workflow_sha', 'repository_visibility',
  'runner_environment', 'check_run_id',
];

/** GitHub's subject claim for a run. */
export function githubSubject(repository: string, ref: string, eventName: string, environment?: string): string {
  if (environment) return `repo:${repository}:environment:${environment}`;
  if (eventName === 'pull_request') return `repo:${repository}:pull_request`;
  return `repo:${repository}:ref:${ref}`;
}

/** The claims of a token for `audience` (default: the repository owner's URL, as GitHub does). */
export function githubOidcClaims(ctx: SandboxContext, audience?: string): Record<string, string> {
  const raw = ctx.world.github?.oidc;
  const o: Record<string, string> = {};
  if (raw && typeof raw === 'object') {
    for (const [k, v] of Object.entries(raw)) {
      if (!RESERVED.has(k) && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) o[k] = String(v);
    }
  }
  const repository = o.repository || DEFAULT_IDS.githubRepository;
  const owner = repository.split('/')[0];
  const eventName = o.event_name || 'push';
  const ref = o.ref || (eventName === 'pull_request' ? 'refs/pull/1/merge' : 'refs/heads/main');
  const sha = o.sha || createHash('sha1').update(`${repository}@${ref}`).digest('hex');
  const environment = o.environment || undefined;
  const workflowRef = o.workflow_ref || `${repository}/.github/workflows/ci.yml@${ref}`;
  const claims: Record<string, string> = {
    ...(environment ? { environment } : {}),
    ref,
    sha,
    repository,
    repository_owner: owner,
    repository_owner_id: '1000001',
    repository_id: '1000002',
    repository_visibility: 'private',
    actor: 'octocat',
    actor_id: '583231',
    run_id: '7000000001',
    run_number: '1',
    run_attempt: '1',
    runner_environment: 'github-hosted',
    workflow: 'CI',
    workflow_ref: workflowRef,
    workflow_sha: sha,
    job_workflow_ref: o.job_workflow_ref || workflowRef,
    job_workflow_sha: sha,
    head_ref: eventName === 'pull_request' ? 'feature' : '',
    base_ref: eventName === 'pull_request' ? 'main' : '',
    event_name: eventName,
    ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    ref_protected: 'false',
    ...o,
  };
  claims.sub = o.sub || githubSubject(repository, ref, eventName, environment);
  claims.aud = audience || `https://github.com/${owner}`;
  claims.iss = ctx.oidcIssuer();
  return claims;
}

/** A signed GitHub Actions OIDC token (RS256, ctx.keys.oidc) for `audience`, valid 5 minutes on the sandbox clock. */
export function issueGithubOidcToken(ctx: SandboxContext, audience?: string): Promise<string> {
  return signJwt(ctx.keys.oidc, githubOidcClaims(ctx, audience), { nowMs: ctx.clock.now(), ttlSeconds: GITHUB_OIDC_TOKEN_TTL_SECONDS });
}

function bearerMatches(c: Ctx, expected: string): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(String(c.headers.authorization ?? ''));
  if (!m) return false;
  const a = createHash('sha256').update(m[1]).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The Actions service answers errors the Azure DevOps way: `{ "$id", "message", "typeKey", … }`. */
function vssErrorBody(err: HttpError): Record<string, unknown> {
  return {
    $id: '1',
    innerException: null,
    message: err.message,
    typeName: `GitHub.Services.WebApi.${err.code}, GitHub.Services.WebApi`,
    typeKey: err.code,
    errorCode: 0,
    eventId: 3000,
  };
}

export function oidcService(ctx: SandboxContext): ServiceDef {
  const issuer = () => ctx.oidcIssuer();
  const routes: Route[] = [
    {
      method: 'GET',
      pattern: path('/.well-known/openid-configuration', ''),
      operation: 'openid-configuration',
      handler: () => ({
        status: 200,
        body: {
          issuer: issuer(),
          jwks_uri: `${issuer()}/.well-known/jwks`,
          subject_types_supported: ['public', 'pairwise'],
          response_types_supported: ['id_token'],
          claims_supported: GITHUB_CLAIMS_SUPPORTED,
          id_token_signing_alg_values_supported: ['RS256'],
          scopes_supported: ['openid'],
        },
      }),
    },
    {
      method: 'GET',
      pattern: path('/.well-known/jwks', ''),
      operation: 'jwks',
      handler: () => ({ status: 200, body: { keys: [{ ...ctx.keys.oidc.jwk }] } }),
    },
    {
      method: 'GET',
      pattern: path('/_apis/distributedtask/idtoken', ''),
      operation: 'idtoken',
      write: false,
      handler: async (c) => {
        if (!c.headers.authorization) {
          throw new HttpError(401, 'UnauthorizedRequestException', 'TF400813: Resource not available for anonymous access. Client authentication required.', { 'www-authenticate': 'Bearer' });
        }
        if (!bearerMatches(c, oidcRequestToken(ctx))) {
          throw new HttpError(401, 'UnauthorizedRequestException', "TF400813: The user '' is not authorized to access this resource.", { 'www-authenticate': 'Bearer' });
        }
        const audience = c.query.get('audience') ?? undefined;
        return { status: 200, body: { value: await issueGithubOidcToken(ctx, audience) } };
      },
    },
  ];
  return {
    name: 'oidc',
    routes,
    errorBody: (err) => vssErrorBody(err),
    notFound: (c) => new HttpError(404, 'NotFoundException', `The sandbox's GitHub Actions OIDC provider does not serve ${c.method} ${c.path.slice(0, 200)}.`),
  };
}
