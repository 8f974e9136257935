/** What every sandbox service shares: the world, the clock, settings, keys, faults and the request log. */
import type { SandboxClock } from './clock.js';
import type { FaultBook } from './faults.js';
import type { RequestLog } from './request-log.js';
import type { World } from './state.js';
import type { IssuerKey, TokenVerifier } from './tokens.js';
import type { TlsMaterial } from './tls.js';
import type { Seed } from './seed.js';
import type { ArmResource, Auth0LogRecord, PartnerTopicRecord } from './state.js';

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
  // ---- Auth0's partner topics. Sources: ../shared/research/real-service-divergences.md and
  // azure-eventgrid-partner.md; where public evidence does not decide, each plausible variant is a value.

  /**
   * The partner topic's ARM name. Known: the one real Auth0 partner topic on record is
   * `auth0-axpoit-P-BK1VpOIA` (ARKlab/Auth0Logs-ApplicationInsight, Deploy.json history, 2023), i.e.
   * `auth0-{tenant}-{10 characters}`; the rule behind the 10 characters is not public.
   * - `auth0-random`: `auth0-{tenant}-{10 random letters of both cases and digits, maybe an inner hyphen}`,
   *   as that name (nothing in it names the stream);
   * - `stream-digits`: `auth0-{tenant}-{the last 16 digits of the stream id}` (a sandbox invention).
   * The tenant part is shortened so that the name stays within 50 characters.
   */
  partnerTopicName: 'auth0-random' | 'stream-digits';
  /**
   * What the stream's `sink.azurePartnerTopic` holds. Known: the only recorded wire value is
   * `azure.partner/auth0.com/{tenant}-{subscriptionId}/auth0.logs`, already in the POST answer
   * (auth0/terraform-provider-auth0 recording TestAccLogStreamEventGrid, 2022); newer tools (auth0-deploy-cli
   * exports, a 2025 Terraform example) treat the value as the topic's ARM name. Unknown: which one Auth0
   * returns today.
   * - `partner-path`: that path, present from the create answer on (not a resource name);
   * - `resource-name`: the topic's ARM name, present once the topic exists;
   * - `absent`: never present.
   */
  partnerTopicNaming: 'resource-name' | 'partner-path' | 'absent';
  /**
   * The partner topic's `source`. Known: Auth0's docs only say "Confirm the Source field matches your
   * Auth0 account" (auth0/docs azure-event-grid.md); no value is public.
   * - `partner-path`: `azure.partner/auth0.com/{tenant}-{subscriptionId}/auth0.logs` (the same for every
   *   stream of a tenant in a subscription);
   * - `tenant-and-stream`: `auth0.com/{tenant}/log-streams/{streamId}` (a sandbox invention);
   * - `opaque`: a random id naming neither the tenant nor the stream.
   */
  partnerTopicSource: 'partner-path' | 'tenant-and-stream' | 'opaque';
  /**
   * The topic's `partnerTopicFriendlyDescription` and `messageForActivation`. Known (Azure/azure-cli
   * recording test_Partner_scenarios_v2.yaml): when the partner sets none, Event Grid fills both with
   * "The partner topic {name} was created on behalf of the publisher for source {source} on {M/D/YYYY
   * h:mm:ss AM}. If you do not recognize or authorize this creation operation, please delete this partner
   * topic and/or reach out to the customer service for the publisher. ". Unknown: whether Auth0 sets its own.
   * - `event-grid-default`: Event Grid's text;
   * - `partner`: Auth0 sets its own texts naming the tenant and the stream (a sandbox invention).
   * Either way (fact, same recording), once activated the topic's answers no longer carry
   * `expirationTimeIfNotActivatedUtc`, `messageForActivation` and `partnerTopicFriendlyDescription`.
   */
  partnerTopicDescription: 'event-grid-default' | 'partner';
  /**
   * What deleting an Auth0 log stream (Auth0's side, the channel) does to its partner topic. Known
   * (MicrosoftDocs partner-events overview): deleting one side deletes the other; the 2025-02-15 spec has
   * the provisioningState `IdleDueToMirroredChannelResourceDeletion`. Unknown: which one Auth0's deletion gives.
   * - `delete-topic`: the topic (with its event subscriptions) is deleted;
   * - `idle`: the topic stays with provisioningState `IdleDueToMirroredChannelResourceDeletion`.
   * The other direction is modelled as a fact: deleting the partner topic (by a person, or Event Grid
   * after `unactivatedTopicTtlDays`) deletes the stream's channel: the stream stays but can never deliver
   * again (publishes fail, failure records, suspension), and Auth0 never creates a new topic for it.
   */
  streamDeletionTopicEffect: 'delete-topic' | 'idle';
  /** Days an unactivated partner topic lives before Event Grid deletes it (Event Grid: 7). */
  unactivatedTopicTtlDays: number;

  // ---- event delivery (sandbox/delivery): Auth0 log streams → partner topics → event subscriptions

  /** Whether log records flow at all: Auth0 publishes to partner topics and Event Grid delivers (default true). */
  eventDelivery: boolean;
  /**
   * Whether Event Grid validates a WebHook endpoint (CloudEvents abuse-protection OPTIONS handshake) when an
   * event subscription is provisioned; a failing endpoint ends the subscription `Failed`. Off by default because
   * the existing tests and examples subscribe unreachable URLs (https://127.0.0.1:9/…); turn it on for realism.
   */
  validateWebhooks: boolean;
  /** The CloudEvents `type` of Auth0 log events (not public): a template with {code}, {category}, {tenant}, {stream}, {log_id}. */
  cloudEventType: string;
  /** The CloudEvents `subject` of Auth0 log events: a template like cloudEventType. */
  cloudEventSubject: string;
  /** Attempts Auth0 makes to publish one log record to the partner topic before it logs the failure (Auth0: "up to three times"). */
  streamPublishAttempts: number;
  /** Wait before Auth0's second publish attempt (ms, sandbox clock); it doubles for each later attempt. */
  streamPublishRetryMs: number;
  /** When Auth0 restarts the publish of records that failed every attempt (ms, sandbox clock); also on topic activation and stream resume. */
  streamRetryErroredMs: number;
  /** Consecutive records failing every attempt after which Auth0 sets the stream `suspended` (0: never by count). */
  streamSuspendAfterFailures: number;
  /** How long failures may go on, uninterrupted by a success, before Auth0 suspends the stream (ms; Auth0 documents 7 days; 0: never by time). */
  streamSuspendAfterMs: number;
  /** The Auth0 log event code of the record written when a record could not be published (no code is documented for it). */
  streamFailureLogCode: string;
  /**
   * Whether an expired or removed partner authorization also makes publishing to an existing, activated
   * topic fail. Known (2025-02-15 spec): after expiry "any request from this partner to create, update or
   * delete resources in subscriber's context will fail" (so creating a stream's topic fails either way);
   * nothing public says delivery stops. Default false; true is the strict variant.
   */
  publishRequiresAuthorization: boolean;
  /** Deliveries in flight per event subscription. */
  deliveryConcurrency: number;
  /** How long Event Grid waits for a destination's answer (ms, real time; Event Grid: 30 s). */
  deliveryTimeoutMs: number;
  /** Delay between an event's last failed attempt and its dead-letter blob (ms, sandbox clock; Event Grid: 5 minutes). */
  deadLetterDelayMs: number;
}

/** The settings whose value is one of a few words, with those words (the admin API and the CLI check them). */
export const SETTING_CHOICES: Partial<Record<keyof SandboxSettings, readonly string[]>> = {
  armRateLimitScope: ['subscription', 'global'],
  partnerTopicName: ['auth0-random', 'stream-digits'],
  partnerTopicNaming: ['resource-name', 'partner-path', 'absent'],
  partnerTopicSource: ['partner-path', 'tenant-and-stream', 'opaque'],
  partnerTopicDescription: ['event-grid-default', 'partner'],
  streamDeletionTopicEffect: ['delete-topic', 'idle'],
};

export const DEFAULT_SETTINGS: SandboxSettings = {
  providerRegistrationDelayMs: 1000,
  partnerTopicDelayMs: 1000,
  lroDurationMs: 1000,
  retryAfterSeconds: 1,
  armRateLimitPerSecond: 0,
  armRateLimitScope: 'subscription',
  auth0RateLimitPerSecond: 0,
  latencyMs: 0,
  partnerTopicName: 'auth0-random',
  partnerTopicNaming: 'partner-path',
  partnerTopicSource: 'partner-path',
  partnerTopicDescription: 'event-grid-default',
  streamDeletionTopicEffect: 'delete-topic',
  unactivatedTopicTtlDays: 7,
  eventDelivery: true,
  validateWebhooks: false,
  cloudEventType: 'auth0.logs.{code}',
  cloudEventSubject: 'logs/{code}',
  streamPublishAttempts: 3,
  streamPublishRetryMs: 1000,
  streamRetryErroredMs: 3_600_000,
  streamSuspendAfterFailures: 10,
  streamSuspendAfterMs: 7 * 86_400_000,
  streamFailureLogCode: 'wn',
  publishRequiresAuthorization: false,
  deliveryConcurrency: 32,
  deliveryTimeoutMs: 30_000,
  deadLetterDelayMs: 300_000,
};

/** An error that ends a long-running operation (e.g. a failed webhook validation). */
export interface OperationError {
  code: string;
  message: string;
}

/**
 * What the rest of the sandbox tells the delivery engine (sandbox/delivery), which is optional so that
 * services work without it. Each hook is called after the state change it reports.
 */
export interface DeliveryHooks {
  /** A log record was appended to a tenant's logs. */
  recordWritten(tenant: string, record: Auth0LogRecord): void;
  /** An eventgrid log stream was created (`startFrom` as sent on create). */
  streamCreated(tenant: string, stream: Record<string, any>, startFrom?: string): void;
  /** A log stream's status or filters changed (Management API PATCH or the admin API). */
  streamChanged(tenant: string, stream: Record<string, any>, previousStatus: string): void;
  /** A log stream was deleted. */
  streamDeleted(tenant: string, stream: Record<string, any>): void;
  /** The partner side's view of a stream's delivery (the Dashboard's "Health" view), for the admin API. */
  streamHealth(tenant: string, stream: Record<string, any>): unknown;
  /** A partner topic was activated or deactivated. */
  topicActivationChanged(topic: PartnerTopicRecord): void;
  /**
   * Checks an event subscription's destination while it is provisioned (webhook validation). Undefined when
   * nothing is checked; otherwise resolves to the error that fails the operation, or undefined.
   */
  validateSubscription(topic: PartnerTopicRecord, es: ArmResource): Promise<OperationError | undefined> | undefined;
  /** Forgets runtime state (queues, metrics, dead letters) when the world is reset. */
  reset(): void;
  /** Aborts deliveries in flight. */
  stop(): Promise<void>;
}

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
  /** Event delivery (Auth0 → partner topics → subscribers), when started. */
  delivery?: DeliveryHooks;
}

/**
 * The bearer token that authorizes requests for GitHub Actions OIDC tokens (ACTIONS_ID_TOKEN_REQUEST_TOKEN).
 * One per sandbox start; the OIDC service checks it.
 */
export function oidcRequestToken(ctx: SandboxContext): string {
  return `sbx-idtoken-request-${ctx.keys.oidc.kid.slice(0, 16)}`;
}
