/** The typed results every operation returns; src/report renders them, the shells map them to outputs. */

export type Health = 'healthy' | 'degraded' | 'unhealthy';
export type CheckStatus = 'pass' | 'warn' | 'fail';
export type StepStatus = 'changed' | 'unchanged' | 'planned' | 'skipped' | 'failed';
export type ServiceId = 'azure' | 'entra' | 'auth0' | 'github';

/** A failure in the words a person needs: what step, what the service said, and what to do. */
export interface Failure {
  step: string;
  service: ServiceId;
  /** The service's error code (e.g. AuthorizationFailed, insufficient_scope, AADSTS700213). */
  code: string;
  message: string;
  fix: string;
  status?: number;
}

export interface StepResult {
  id: string;
  title: string;
  status: StepStatus;
  /** One line: what was found and done (or would be done, in a dry run). */
  detail: string;
  durationMs: number;
  /** Writes this step made (or would make, in a dry run). */
  changes: string[];
  failure?: Failure;
}

export interface Check {
  id: string;
  title: string;
  status: CheckStatus;
  detail: string;
  /** A one-line fix when status is warn or fail. */
  fix?: string;
}

export interface Facts {
  partnerTopicName?: string;
  partnerTopicId?: string;
  partnerTopicSource?: string;
  /** How the topic was bound to the stream (tags, name, source, …; "a guess" when only the tenant or timing matched). */
  partnerTopicBinding?: string;
  /** The stream's partner topic is lost: Auth0's first logged delivery failure for the stream (the start of the gap). */
  topicLostSince?: string;
  /** setup recreated the stream after its topic was lost, replaying the logs from this time (startFrom). */
  streamRecreatedFrom?: string;
  topicExpiresIfNotActivatedAt?: string;
  logStreamId?: string;
  streamStatus?: string;
  activationState?: string;
  authorizationExpiresAt?: string;
  /** How Auth0's authorization was judged: valid | unlimited | expiring (inside warn-days) | critical | expired | absent. */
  authorizationState?: 'valid' | 'unlimited' | 'expiring' | 'critical' | 'expired' | 'absent';
  /** renew-authorization: the expiry before the renewal. */
  previousAuthorizationExpiresAt?: string;
  daysUntilExpiry?: number;
  eventSubscriptionId?: string;
  providerState?: string;
  /** verify: what Event Grid did with the topic's events over metrics-window (Azure Monitor). */
  deliveryMetrics?: DeliveryMetricsFacts;
  /** verify with probe: true: the end-to-end probe. */
  probe?: ProbeFacts;
}

export interface DeliveryCounts {
  matched: number;
  delivered: number;
  failedAttempts: number;
  dropped: number;
  deadLettered: number;
}

export interface DeliveryMetricsFacts {
  /** The window as given (metrics-window), and its bounds on Azure's clock. */
  window: string;
  from: string;
  to: string;
  published: number;
  unmatched: number;
  /** Sums over the topic's event subscriptions. */
  totals: DeliveryCounts;
  /** Per event subscription (those with any count in the window). */
  subscriptions: Record<string, DeliveryCounts>;
}

export interface ProbeFacts {
  /** delivered: published and delivered; published: published, not delivered in time; not-published; not-run. */
  outcome: 'delivered' | 'published' | 'not-published' | 'not-run';
  /** When the probe's Auth0 request was made (ISO 8601, local clock). */
  provokedAt?: string;
  /** Time from the request until the metrics first showed the event published / delivered (ms, upper bounds: metrics are polled). */
  publishedAfterMs?: number;
  deliveredAfterMs?: number;
  /** How long it waited at most (ms). */
  waitedMs?: number;
  /** Counts just before the request and at the end (published: PublishSuccessCount; delivered: DeliverySuccessCount). */
  before?: { published: number; delivered: number; failedAttempts: number; dropped: number; deadLettered: number };
  after?: { published: number; delivered: number; failedAttempts: number; dropped: number; deadLettered: number };
  /** How many times the metrics were read while waiting. */
  reads?: number;
}

export interface OperationResult {
  command: string;
  /** Environment name when run from an environments file. */
  environment?: string;
  target: { subscriptionId: string; resourceGroup: string; region: string; auth0Domain: string; streamName: string };
  health: Health;
  dryRun: boolean;
  startedAt: string;
  durationMs: number;
  steps: StepResult[];
  checks: Check[];
  facts: Facts;
  /** Set when the operation stopped on an error. */
  failure?: Failure;
}

/** Where operations report what they are doing and waiting for. */
export interface Progress {
  info(message: string): void;
  warn(message: string): void;
}

export function healthOf(checks: Check[], failure?: Failure): Health {
  if (failure || checks.some((c) => c.status === 'fail')) return 'unhealthy';
  if (checks.some((c) => c.status === 'warn')) return 'degraded';
  return 'healthy';
}

/** What check-expiry did with a tracking issue. */
export interface TrackingAction {
  environment: string;
  problem: string;
  action: 'opened' | 'updated' | 'reopened' | 'closed' | 'unchanged';
  issueNumber: number;
  url?: string;
}

/** The result of a command over several environments of an environments file. */
export interface FleetResult {
  kind: 'fleet';
  command: string;
  configFile?: string;
  health: Health;
  dryRun: boolean;
  startedAt: string;
  durationMs: number;
  /** One result per environment, most urgent first. */
  environments: OperationResult[];
  /** The environment whose authorization expires first. */
  soonest?: { environment: string; authorizationExpiresAt: string; daysUntilExpiry: number };
  tracking: TrackingAction[];
  /** Tracking issues could not be kept (the environments' results stand). */
  trackingFailure?: Failure;
}

export type AnyResult = OperationResult | FleetResult;

export function isFleet(r: AnyResult): r is FleetResult {
  return (r as FleetResult).kind === 'fleet';
}
