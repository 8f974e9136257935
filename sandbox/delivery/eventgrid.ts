/**
 * Event Grid's side of delivery: an activated partner topic takes a CloudEvent and fans it out to its
 * event subscriptions whose provisioningState is Succeeded (and not expired), as Event Grid does:
 *   - filter (filters.ts); matched and unmatched events are counted (MatchedEventCount, UnmatchedEventCount);
 *   - delivery in the subscription's `eventDeliverySchema` (CloudEventSchemaV1_0: one CloudEvent per
 *     request), bounded to settings.deliveryConcurrency requests in flight per subscription over keep-alive
 *     connections;
 *   - success on 200–204; otherwise a retry on Event Grid's schedule (10 s, 30 s, 1 min, 5 min, 10 min,
 *     30 min, 1 h, 3 h, 6 h, then every 12 h) on the sandbox clock, never earlier than Event Grid's
 *     minimum for the status (5 min after 401/403/404, 2 min after 408, 30 s after 503), until
 *     `retryPolicy.maxDeliveryAttempts` attempts or `eventTimeToLiveInMinutes` after publishing;
 *     400, 401, 403 and 413 are not retried;
 *   - an event that cannot be delivered is dead-lettered (StorageBlob dead-letter destination) after
 *     settings.deadLetterDelayMs (Event Grid: 5 minutes), with Event Grid's dead-letter attributes
 *     (`deadletterreason`, `deliveryattempts`, `lastdeliveryoutcome`, `lastdeliveryattempttime`,
 *     `publishtime`, `lasthttpstatuscode`), or dropped when none is configured;
 *   - other destination types (Event Hub, Storage queue, Service Bus, Azure Function, …) always accept:
 *     each event is appended to an inspectable sandbox queue (storage.ts);
 *   - Azure Monitor metrics for all of it (metrics.ts), on the sandbox clock.
 * Modelled, not documented by Azure: the dead-letter reason of a non-retried status is
 * `NonRetriableError`; `Error`/`ErrorType` dimension values are the delivery outcome (BadRequest,
 * NotFound, TimedOut, Busy, GenericError, …) and ClientError / ServerError / Timeout / NetworkError.
 * Output batching (maxEventsPerBatch > 1) is not modelled: every event goes in its own request.
 */
import { randomUUID } from 'node:crypto';
import type { Agent } from 'node:https';
import type { SandboxContext } from '../core/context.js';
import { key, type ArmResource, type PartnerTopicRecord } from '../core/state.js';
import { applyFilter, valueAt } from './filters.js';
import type { MetricStore } from './metrics.js';
import type { SandboxStorage } from './storage.js';
import { EVENTGRID_ORIGIN, send, trustingAgent, type HttpOutcome } from './webhook.js';

export interface CloudEvent {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject?: string;
  time: string;
  datacontenttype: string;
  data: unknown;
  [extension: string]: unknown;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
/** Event Grid's retry schedule, by number of failed attempts so far (then every 12 hours). */
export const RETRY_SCHEDULE_MS = [10 * SECOND, 30 * SECOND, MINUTE, 5 * MINUTE, 10 * MINUTE, 30 * MINUTE, 60 * MINUTE, 180 * MINUTE, 360 * MINUTE];
const LATER_RETRY_MS = 720 * MINUTE;
/** The least wait after some statuses (Event Grid's "Retry after N or more"). */
const MIN_WAIT_BY_STATUS: Record<number, number> = { 401: 5 * MINUTE, 403: 5 * MINUTE, 404: 5 * MINUTE, 408: 2 * MINUTE, 503: 30 * SECOND };
/** Webhook statuses Event Grid does not retry (dead-lettered at once when a dead-letter destination is set). */
const NOT_RETRIED = new Set([400, 401, 403, 413]);

interface Pending {
  event: CloudEvent;
  body: string;
  topic: PartnerTopicRecord;
  esKey: string;
  esName: string;
  attempts: number;
  publishedAt: number;
  expiresAt: number;
  lastOutcome?: string;
  lastStatus?: number;
  lastAttemptAt?: number;
  /** The runtime generation the event was published in (a reset starts a new one; older events are forgotten). */
  gen: number;
}

interface SubscriptionRuntime {
  id: string;
  name: string;
  queue: Pending[];
  head: number;
  inflight: number;
  agent?: Agent;
  delivered: number;
  failedAttempts: number;
  retrying: number;
  deadLettered: number;
  dropped: number;
  lastError?: { at: string; outcome: string; status?: number };
}

export interface ValidationRecord {
  at: string;
  eventSubscription: string;
  endpointBaseUrl: string;
  schema: string;
  method: string;
  status: number;
  error?: string;
  succeeded: boolean;
  message?: string;
  allowedRate?: string;
}

/** The outcome name of a failed attempt (lastdeliveryoutcome, the Error dimension). */
export function outcomeOf(r: Pick<HttpOutcome, 'status' | 'error'>): { outcome: string; errorType: string } {
  if (r.status === 0) {
    if (r.error === 'TimedOut') return { outcome: 'TimedOut', errorType: 'Timeout' };
    if (r.error === 'Aborted') return { outcome: 'Aborted', errorType: 'NetworkError' };
    return { outcome: 'GenericError', errorType: 'NetworkError' };
  }
  const named: Record<number, string> = { 400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 408: 'TimedOut', 413: 'RequestEntityTooLarge', 429: 'Busy', 503: 'Busy' };
  return { outcome: named[r.status] ?? 'GenericError', errorType: r.status >= 500 ? 'ServerError' : 'ClientError' };
}

function destinationOf(es: ArmResource): Record<string, any> | undefined {
  return es.properties?.destination ?? es.properties?.deliveryWithResourceIdentity?.destination;
}

function deadLetterOf(es: ArmResource): Record<string, any> | undefined {
  return es.properties?.deadLetterDestination ?? es.properties?.deadLetterWithResourceIdentity?.deadLetterDestination;
}

export class EventGridRuntime {
  private subs = new Map<string, SubscriptionRuntime>();
  private inflight = new Set<() => void>();
  readonly validations: ValidationRecord[] = [];
  private stopped = false;
  private gen = 0;

  constructor(
    private ctx: SandboxContext,
    readonly metrics: MetricStore,
    readonly storage: SandboxStorage,
  ) {}

  /** Publishes one event to an (activated) partner topic: counts it and fans it out. */
  publish(topic: PartnerTopicRecord, event: CloudEvent): void {
    const topicId = topic.resource.id;
    const now = this.ctx.clock.now();
    this.metrics.add(topicId, 'PublishSuccessCount');
    let matched = 0;
    let body: string | undefined;
    for (const [esKey, es] of topic.eventSubscriptions) {
      if (es.properties?.provisioningState !== 'Succeeded') continue;
      const exp = es.properties.expirationTimeUtc ? Date.parse(es.properties.expirationTimeUtc) : NaN;
      if (!Number.isNaN(exp) && exp <= now) continue;
      const r = applyFilter(es.properties.filter, event);
      if (r.advancedEvaluated) this.metrics.add(topicId, 'AdvancedFilterEvaluationCount', { EventSubscriptionName: es.name }, r.advancedEvaluated);
      if (!r.matched) continue;
      matched++;
      this.metrics.add(topicId, 'MatchedEventCount', { EventSubscriptionName: es.name });
      body ??= JSON.stringify(event);
      const ttlMinutes = Number(es.properties.retryPolicy?.eventTimeToLiveInMinutes ?? 1440);
      const rt = this.runtime(es);
      rt.queue.push({ event, body, topic, esKey, esName: es.name, attempts: 0, publishedAt: now, expiresAt: now + ttlMinutes * MINUTE, gen: this.gen });
      this.pump(rt);
    }
    if (!matched) this.metrics.add(topicId, 'UnmatchedEventCount');
  }

  private runtime(es: ArmResource): SubscriptionRuntime {
    const k = key(es.id);
    let rt = this.subs.get(k);
    if (!rt) {
      rt = { id: es.id, name: es.name, queue: [], head: 0, inflight: 0, delivered: 0, failedAttempts: 0, retrying: 0, deadLettered: 0, dropped: 0 };
      this.subs.set(k, rt);
    }
    return rt;
  }

  private pump(rt: SubscriptionRuntime): void {
    const limit = Math.max(1, Math.floor(this.ctx.settings.deliveryConcurrency) || 1);
    while (!this.stopped && rt.inflight < limit && rt.head < rt.queue.length) {
      const item = rt.queue[rt.head];
      rt.queue[rt.head++] = undefined as unknown as Pending;
      if (rt.head > 1024 && rt.head * 2 > rt.queue.length) {
        rt.queue = rt.queue.slice(rt.head);
        rt.head = 0;
      }
      this.attempt(rt, item);
    }
  }

  /** The subscription as it is now (it may have been updated or deleted since the event was queued). */
  private current(item: Pending): ArmResource | undefined {
    if (item.gen !== this.gen || this.stopped) return undefined;
    const es = item.topic.eventSubscriptions.get(item.esKey);
    if (!es || es.properties?.provisioningState === 'Deleting') return undefined;
    return es;
  }

  private attempt(rt: SubscriptionRuntime, item: Pending): void {
    const es = this.current(item);
    if (!es) return; // the subscription is gone: its events go with it
    const now = this.ctx.clock.now();
    if (now >= item.expiresAt) return this.giveUp(rt, es, item, 'TimeToLiveExceeded');
    const dest = destinationOf(es);
    item.attempts++;
    item.lastAttemptAt = now;
    rt.inflight++;
    const headers = this.deliveryHeaders(es, item);
    if (dest?.endpointType === 'WebHook') {
      const url: string | undefined = dest.properties?.endpointUrl;
      if (!rt.agent) rt.agent = trustingAgent(this.ctx.tls.caCertPem, Math.max(1, this.ctx.settings.deliveryConcurrency));
      void send(rt.agent, 'POST', url ?? '', headers, item.body, this.ctx.settings.deliveryTimeoutMs, this.inflight).then((r) => this.settle(rt, item, r));
      return;
    }
    // Azure-resource destinations accept every event: recorded in the sandbox queue of the destination.
    const type: string = dest?.endpointType ?? 'Unknown';
    const props = dest?.properties ?? {};
    this.storage.enqueue(type, String(props.resourceId ?? props.endpointUrl ?? type), props.queueName, {
      receivedAt: this.ctx.clock.iso(),
      eventSubscription: es.name,
      endpointType: type,
      event: item.event,
      properties: Object.fromEntries(Object.entries(headers).filter(([k]) => !k.startsWith('aeg-') && k !== 'content-type' && k !== 'origin' && k !== 'webhook-request-origin')),
    });
    queueMicrotask(() => this.settle(rt, item, { status: 200, headers: {}, body: '', durationMs: 0 }));
  }

  private deliveryHeaders(es: ArmResource, item: Pending): Record<string, string> {
    const h: Record<string, string> = {
      'content-type': 'application/cloudevents+json; charset=utf-8',
      'webhook-request-origin': EVENTGRID_ORIGIN,
      origin: EVENTGRID_ORIGIN,
      'aeg-event-type': 'Notification',
      'aeg-subscription-name': es.name.toUpperCase(),
      'aeg-delivery-count': String(item.attempts - 1 < 0 ? 0 : item.attempts - 1),
      'aeg-metadata-version': '1',
      'aeg-data-version': '',
    };
    const mappings: any[] = destinationOf(es)?.properties?.deliveryAttributeMappings ?? [];
    for (const m of mappings) {
      if (!m?.name) continue;
      if (m.type === 'Static') h[String(m.name).toLowerCase()] = String(m.properties?.value ?? '');
      else if (m.type === 'Dynamic') {
        const v = valueAt(item.event, String(m.properties?.sourceField ?? ''));
        if (v !== null && typeof v !== 'symbol' && v !== undefined) h[String(m.name).toLowerCase()] = typeof v === 'string' ? v : JSON.stringify(v);
      }
    }
    return h;
  }

  private settle(rt: SubscriptionRuntime, item: Pending, r: HttpOutcome): void {
    rt.inflight--;
    if (this.stopped || r.error === 'Aborted') return;
    const topicId = item.topic.resource.id;
    const dims = { EventSubscriptionName: item.esName };
    if (r.status >= 200 && r.status <= 204) {
      rt.delivered++;
      this.metrics.add(topicId, 'DeliverySuccessCount', dims);
      this.metrics.add(topicId, 'DestinationProcessingDurationInMs', dims, Math.round(r.durationMs * 100) / 100);
      this.pump(rt);
      return;
    }
    const { outcome, errorType } = outcomeOf(r);
    item.lastOutcome = outcome;
    item.lastStatus = r.status || undefined;
    rt.failedAttempts++;
    rt.lastError = { at: this.ctx.clock.iso(), outcome, status: r.status || undefined };
    this.metrics.add(topicId, 'DeliveryAttemptFailCount', { ...dims, Error: outcome, ErrorType: errorType });
    this.pump(rt);
    const es = this.current(item);
    if (!es) return;
    if (NOT_RETRIED.has(r.status)) return this.giveUp(rt, es, item, 'NonRetriableError');
    const max = Number(es.properties.retryPolicy?.maxDeliveryAttempts ?? 30);
    if (item.attempts >= max) return this.giveUp(rt, es, item, 'MaxDeliveryAttemptsExceeded');
    const wait = Math.max(RETRY_SCHEDULE_MS[item.attempts - 1] ?? LATER_RETRY_MS, MIN_WAIT_BY_STATUS[r.status] ?? 0);
    const next = this.ctx.clock.now() + wait;
    rt.retrying++;
    if (next >= item.expiresAt) {
      this.ctx.clock.at(item.expiresAt, () => {
        rt.retrying--;
        const now = this.current(item);
        if (now && !this.stopped) this.giveUp(rt, now, item, 'TimeToLiveExceeded');
      });
      return;
    }
    this.ctx.clock.at(next, () => {
      rt.retrying--;
      if (this.stopped) return;
      rt.queue.push(item);
      this.pump(rt);
    });
  }

  /** Dead-letters the event (after settings.deadLetterDelayMs) or drops it. */
  private giveUp(rt: SubscriptionRuntime, es: ArmResource, item: Pending, reason: string): void {
    const topicId = item.topic.resource.id;
    const dl = deadLetterOf(es);
    if (!dl || dl.endpointType !== 'StorageBlob' || !dl.properties?.resourceId || !dl.properties?.blobContainerName) {
      rt.dropped++;
      this.metrics.add(topicId, 'DroppedEventCount', { EventSubscriptionName: item.esName, DropReason: reason });
      return;
    }
    const lastAttempt = item.lastAttemptAt ?? this.ctx.clock.now();
    const dead: Record<string, unknown> = {
      ...item.event,
      deadletterreason: reason,
      deliveryattempts: item.attempts,
      lastdeliveryoutcome: item.lastOutcome ?? (reason === 'TimeToLiveExceeded' ? 'TimedOut' : 'GenericError'),
      publishtime: new Date(item.publishedAt).toISOString(),
      lastdeliveryattempttime: new Date(lastAttempt).toISOString(),
    };
    if (item.lastStatus) dead.lasthttpstatuscode = item.lastStatus;
    const write = () => {
      if (this.stopped) return;
      const d = this.ctx.clock.date();
      const p = (n: number) => String(n).padStart(2, '0');
      const name = `${item.topic.resource.name.toUpperCase()}/${item.esName.toUpperCase()}/${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/${p(d.getUTCHours())}/${randomUUID()}.json`;
      this.storage.putBlob(String(dl.properties.resourceId), String(dl.properties.blobContainerName), name, [dead], this.ctx.clock.iso());
      rt.deadLettered++;
      this.metrics.add(topicId, 'DeadLetteredCount', { EventSubscriptionName: item.esName, DeadLetterReason: reason });
    };
    const delay = this.ctx.settings.deadLetterDelayMs;
    if (delay > 0) this.ctx.clock.after(delay, write);
    else write();
  }

  /** Admin view of each subscription's delivery state. */
  view(): Record<string, unknown>[] {
    return [...this.subs.values()].map((rt) => ({
      eventSubscription: rt.id,
      name: rt.name,
      queued: rt.queue.length - rt.head,
      inflight: rt.inflight,
      retrying: rt.retrying,
      delivered: rt.delivered,
      failedAttempts: rt.failedAttempts,
      deadLettered: rt.deadLettered,
      dropped: rt.dropped,
      lastError: rt.lastError,
    }));
  }

  /** Records a validation (for the admin view; the last 200 kept). */
  recordValidation(v: ValidationRecord): void {
    this.validations.push(v);
    if (this.validations.length > 200) this.validations.splice(0, this.validations.length - 200);
  }

  /** An agent for one-off requests (validation handshakes). */
  private oneOff?: Agent;
  agent(): Agent {
    this.oneOff ??= trustingAgent(this.ctx.tls.caCertPem, 8);
    return this.oneOff;
  }

  private abortAll(): void {
    for (const abort of [...this.inflight]) abort();
    for (const rt of this.subs.values()) rt.agent?.destroy();
  }

  reset(): void {
    this.gen++;
    this.abortAll();
    this.subs.clear();
    this.validations.length = 0;
  }

  stop(): void {
    this.stopped = true;
    this.abortAll();
    this.oneOff?.destroy();
  }
}
