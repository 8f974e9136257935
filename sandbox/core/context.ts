/** What every sandbox service shares: the world, the clock, settings, keys, faults and the request log. */
import type { SandboxClock } from './clock.js';
import type { FaultBook } from './faults.js';
import type { RequestLog } from './request-log.js';
import type { World } from './state.js';
import type { IssuerKey, TokenVerifier } from './tokens.js';
import type { TlsMaterial } from './tls.js';
import type { Seed } from './seed.js';

export interface SandboxSettings {
  /** How long `Microsoft.EventGrid` stays `Registering` after POST register. */
  providerRegistrationDelayMs: number;
  /** How long after an eventgrid log stream is created Auth0's partner topic appears. */
  partnerTopicDelayMs: number;
  /** How long long-running operations (PUT/DELETE of event subscriptions, DELETE of topics and configurations) take. */
  lroDurationMs: number;
  /** The `Retry-After` (seconds) sent with long-running operations and throttling answers. */
  retryAfterSeconds: number;
  /** ARM requests per second allowed before 429 (0: unlimited), per subscription or for all of ARM. */
  armRateLimitPerSecond: number;
  /** What armRateLimitPerSecond counts: each subscription's requests, or all requests together. */
  armRateLimitScope: 'subscription' | 'global';
  /** Auth0 Management API requests per second allowed per tenant before 429 (0: unlimited). */
  auth0RateLimitPerSecond: number;
  /** Latency added to every service answer (ms), to model a real network in benchmarks. */
  latencyMs: number;
  /**
   * How Auth0 names the partner topic in the stream's `sink.azurePartnerTopic`:
   * `resource-name` (the topic's ARM name) or `partner-path` (`azure.partner/auth0.com/{tenant}-{sub}/auth0.logs`,
   * the shape seen in the wild, which is not a valid resource name).
   */
  partnerTopicNaming: 'resource-name' | 'partner-path';
  /** Days an unactivated partner topic lives before Event Grid deletes it. */
  unactivatedTopicTtlDays: number;
}

export const DEFAULT_SETTINGS: SandboxSettings = {
  providerRegistrationDelayMs: 1000,
  partnerTopicDelayMs: 1000,
  lroDurationMs: 1000,
  retryAfterSeconds: 1,
  armRateLimitPerSecond: 0,
  armRateLimitScope: 'subscription',
  auth0RateLimitPerSecond: 0,
  latencyMs: 0,
  partnerTopicNaming: 'resource-name',
  unactivatedTopicTtlDays: 7,
};

export interface Auth0Endpoint {
  url: string;
  domain: string;
}

export interface Endpoints {
  /** Azure Resource Manager (like https://management.azure.com). */
  arm: string;
  /** Microsoft Entra ID authority host (like https://login.microsoftonline.com). */
  entra: string;
  /** The GitHub Actions OIDC token issuer (like https://token.actions.githubusercontent.com). */
  oidc: string;
  /** The GitHub REST API (like https://api.github.com), when served. */
  github?: string;
  auth0: Record<string, Auth0Endpoint>;
}

export interface SandboxContext {
  clock: SandboxClock;
  tls: TlsMaterial;
  settings: SandboxSettings;
  world: World;
  faults: FaultBook;
  requestLog: RequestLog;
  keys: { entra: IssuerKey; oidc: IssuerKey; auth0: IssuerKey; github: IssuerKey };
  verifiers: { entra: TokenVerifier; oidc: TokenVerifier; auth0: TokenVerifier; github: TokenVerifier };
  endpoints: Endpoints;
  /** The seed the world was built from (reset returns to it). */
  seed: Seed;
  /** Replaces the world with `seed` (or the start seed), clearing faults and the request log. */
  reset(seed?: Seed): Promise<void>;
  /** Adds the seed's entities to the world (starting listeners for new Auth0 tenants). */
  addSeed(seed: Seed): Promise<void>;
  /** The issuer URL of the sandbox's GitHub Actions OIDC provider. */
  oidcIssuer(): string;
}

/**
 * The bearer token that authorizes requests for GitHub Actions OIDC tokens (ACTIONS_ID_TOKEN_REQUEST_TOKEN).
 * One per sandbox start; the OIDC service checks it.
 */
export function oidcRequestToken(ctx: SandboxContext): string {
  return `sbx-idtoken-request-${ctx.keys.oidc.kid.slice(0, 16)}`;
}
