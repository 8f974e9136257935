/**
 * Auth0's side of an `eventgrid` log stream: each log record written for the tenant whose category
 * matches the stream's filters (no filters: every record; a code's category comes from log-codes.ts) is
 * published to the stream's partner topic as a CloudEvent.
 *
 * Modelled on Auth0's documented behaviour ("we attempt to deliver the log up to three times; if we fail
 * by the third attempt, we log an error visible in the Health view; we restart this process for any
 * errored log until the problem is resolved"; a stream failing for days is suspended and must be resumed):
 *   - a publish fails when the partner topic does not exist (not yet created, expired, deleted), was
 *     deleted once (its channel went with it: the stream never delivers again), is idle or not
 *     `Activated`, Microsoft.EventGrid is not registered, or (settings.publishRequiresAuthorization, off by
 *     default) the group's partner configuration no longer authorizes Auth0 or the authorization expired;
 *   - a failed publish is attempted again after settings.streamPublishRetryMs, doubling, up to
 *     settings.streamPublishAttempts attempts in all (default 3), on the sandbox clock;
 *   - then the record is "errored": Auth0 writes a tenant log record of code settings.streamFailureLogCode
 *     (Auth0 documents no code for log stream failures; default `wn`, "Warning Sending Notification",
 *     with details naming the stream, the topic, the failed record and the error), kept in the stream's
 *     Health view (admin API), and not published to the failing stream itself (no feedback loop);
 *   - errored records are published again when the topic is activated, when the stream is resumed, and
 *     every settings.streamRetryErroredMs while the stream stays active;
 *   - after settings.streamSuspendAfterFailures consecutive errored records (default 10), or failures
 *     uninterrupted by any success for settings.streamSuspendAfterMs (default 7 days, as Auth0 documents),
 *     the stream's status becomes `suspended`;
 *   - a `paused` or `suspended` stream queues its records; `PATCH {status: "active"}` publishes the queue
 *     (and the errored records) in order;
 *   - `startFrom` on create replays the tenant's records dated at or after it (within retention).
 */
import type { SandboxContext } from '../core/context.js';
import { auth0Authorization, isChannelDeleted, isProviderRegistered } from '../core/eventgrid.js';
import { key, type Auth0LogRecord, type PartnerTopicRecord, type ResourceGroup, type Subscription } from '../core/state.js';
import { LOG_CODES } from '../auth0/log-codes.js';
import { writeLogRecord } from '../auth0/logs.js';
import { findStreamTopic } from '../auth0/partner.js';
import type { CloudEvent, EventGridRuntime } from './eventgrid.js';

/** Records kept per paused or suspended stream (the oldest are dropped beyond this, like Auth0's retention). */
export const MAX_QUEUED = 100_000;

interface Located {
  sub: Subscription;
  group: ResourceGroup;
  topic: PartnerTopicRecord;
}

interface StreamState {
  tenant: string;
  stream: Record<string, any>;
  queue: Auth0LogRecord[];
  errored: Auth0LogRecord[];
  retrying: number;
  consecutiveFailures: number;
  failingSince?: number;
  published: number;
  failedAttempts: number;
  erroredTotal: number;
  replayed: number;
  redriveScheduled: boolean;
  suspendedAt?: string;
  recentErrors: { at: string; log_id: string; message: string }[];
  located?: Located;
}

type PublishResult = { ok: true } | { ok: false; message: string };

export class Auth0Streams {
  private states = new WeakMap<object, StreamState>();
  /** The stream whose failure record is being written (it is not published to that stream). */
  private writingFailureFor: object | undefined;

  constructor(
    private ctx: SandboxContext,
    private eventGrid: EventGridRuntime,
  ) {}

  private state(tenant: string, stream: Record<string, any>): StreamState {
    let st = this.states.get(stream);
    if (!st) {
      st = { tenant, stream, queue: [], errored: [], retrying: 0, consecutiveFailures: 0, published: 0, failedAttempts: 0, erroredTotal: 0, replayed: 0, redriveScheduled: false, recentErrors: [] };
      this.states.set(stream, st);
    }
    return st;
  }

  private isCurrent(st: StreamState): boolean {
    return this.ctx.world.auth0Tenants.get(st.tenant)?.logStreams.get(st.stream.id) === st.stream;
  }

  private static matches(stream: Record<string, any>, record: Auth0LogRecord): boolean {
    const filters: { type?: string; name?: string }[] = Array.isArray(stream.filters) ? stream.filters : [];
    if (!filters.length) return true;
    const category = LOG_CODES[record.type]?.category;
    return !!category && filters.some((f) => (f.type ?? 'category') === 'category' && f.name === category);
  }

  // ---------------------------------------------------------------- hooks

  recordWritten(tenantName: string, record: Auth0LogRecord): void {
    if (!this.ctx.settings.eventDelivery) return;
    const tenant = this.ctx.world.auth0Tenants.get(tenantName);
    if (!tenant) return;
    for (const stream of tenant.logStreams.values()) {
      if (stream.type !== 'eventgrid' || stream === this.writingFailureFor) continue;
      if (!Auth0Streams.matches(stream, record)) continue;
      this.accept(this.state(tenantName, stream), record);
    }
  }

  streamCreated(tenantName: string, stream: Record<string, any>, startFrom?: string): void {
    const st = this.state(tenantName, stream);
    if (!startFrom || !this.ctx.settings.eventDelivery) return;
    const from = Date.parse(startFrom);
    if (Number.isNaN(from)) return;
    const tenant = this.ctx.world.auth0Tenants.get(tenantName);
    for (const record of tenant?.logs ?? []) {
      if (Date.parse(record.date) >= from && Auth0Streams.matches(stream, record)) {
        st.replayed++;
        this.accept(st, record);
      }
    }
  }

  streamChanged(tenantName: string, stream: Record<string, any>, previousStatus: string): void {
    const st = this.state(tenantName, stream);
    if (stream.status === 'active' && previousStatus !== 'active') {
      // Resumed: a fresh start for the failure count, then the queue and the errored records, in order.
      st.consecutiveFailures = 0;
      st.failingSince = undefined;
      st.suspendedAt = undefined;
      const records = [...st.queue.splice(0), ...st.errored.splice(0)];
      for (const r of records) this.attempt(st, r, 1);
    } else if (stream.status === 'suspended' && previousStatus !== 'suspended') {
      st.suspendedAt = this.ctx.clock.iso();
    }
  }

  streamDeleted(_tenant: string, stream: Record<string, any>): void {
    const st = this.states.get(stream);
    if (!st) return;
    st.queue.length = 0;
    st.errored.length = 0;
  }

  topicActivationChanged(topic: PartnerTopicRecord): void {
    if (topic.resource.properties.activationState !== 'Activated' || !topic.createdBy) return;
    const stream = this.ctx.world.auth0Tenants.get(topic.createdBy.tenant)?.logStreams.get(topic.createdBy.streamId);
    const st = stream ? this.states.get(stream) : undefined;
    if (st) this.redrive(st);
  }

  // ---------------------------------------------------------------- publishing

  private accept(st: StreamState, record: Auth0LogRecord): void {
    if (st.stream.status === 'active') return this.attempt(st, record, 1);
    st.queue.push(record);
    if (st.queue.length > MAX_QUEUED * 1.1) st.queue.splice(0, st.queue.length - MAX_QUEUED);
  }

  private attempt(st: StreamState, record: Auth0LogRecord, n: number): void {
    if (!this.isCurrent(st)) return;
    if (st.stream.status !== 'active') {
      st.queue.push(record);
      return;
    }
    const r = this.publish(st, record);
    if (r.ok) {
      st.published++;
      st.consecutiveFailures = 0;
      st.failingSince = undefined;
      return;
    }
    st.failedAttempts++;
    const attempts = Math.max(1, Math.floor(this.ctx.settings.streamPublishAttempts) || 1);
    if (n < attempts) {
      st.retrying++;
      this.ctx.clock.after(this.ctx.settings.streamPublishRetryMs * 2 ** (n - 1), () => {
        st.retrying--;
        this.attempt(st, record, n + 1);
      });
      return;
    }
    this.errored(st, record, r.message, n);
  }

  /** Where the stream's partner topic is now (cached while it stays in its group). */
  private locate(st: StreamState): Located | undefined {
    const c = st.located;
    if (c && c.group.partnerTopics.get(key(c.topic.resource.name)) === c.topic && this.ctx.world.subscriptions.get(key(c.sub.subscriptionId)) === c.sub) return c;
    st.located = findStreamTopic(this.ctx, st.tenant, st.stream.id);
    return st.located;
  }

  private publish(st: StreamState, record: Auth0LogRecord): PublishResult {
    const sink = st.stream.sink ?? {};
    const where = `resource group '${sink.azureResourceGroup}' of Azure subscription '${sink.azureSubscriptionId}'`;
    if (isChannelDeleted(st.stream)) {
      return { ok: false, message: `the Azure Event Grid partner topic of this log stream was deleted from ${where}, and Event Grid deleted the stream's channel with it; delete this log stream and create a new one` };
    }
    const found = this.locate(st);
    if (!found) return { ok: false, message: `the Azure Event Grid partner topic of this log stream does not exist in ${where}` };
    const name = found.topic.resource.name;
    if (found.topic.resource.properties.provisioningState === 'IdleDueToMirroredChannelResourceDeletion') {
      return { ok: false, message: `the Azure Event Grid partner topic '${name}' is idle: its channel was deleted` };
    }
    const state = found.topic.resource.properties.activationState;
    if (state !== 'Activated') return { ok: false, message: `the Azure Event Grid partner topic '${name}' is not activated (activationState: ${state})` };
    if (!isProviderRegistered(this.ctx, found.sub)) {
      return { ok: false, message: `the resource provider 'Microsoft.EventGrid' is not registered in Azure subscription '${found.sub.subscriptionId}'` };
    }
    if (this.ctx.settings.publishRequiresAuthorization) {
      const auth = auth0Authorization(this.ctx, found.group);
      if (!auth.authorized) return { ok: false, message: auth.reason ?? `Auth0 is not authorized in resource group '${found.group.name}'` };
    }
    this.eventGrid.publish(found.topic, this.cloudEvent(st, found.topic, record));
    return { ok: true };
  }

  /** The CloudEvent Auth0 publishes for a record (`type` and `subject` from the settings' templates). */
  cloudEvent(st: { tenant: string; stream: Record<string, any> }, topic: PartnerTopicRecord, record: Auth0LogRecord): CloudEvent {
    const vars: Record<string, string> = {
      code: record.type,
      category: LOG_CODES[record.type]?.category ?? '',
      tenant: st.tenant,
      stream: String(st.stream.id),
      log_id: record.log_id,
    };
    const fill = (t: string) => t.replace(/\{(code|category|tenant|stream|log_id)\}/g, (_, k: string) => vars[k]);
    const event: CloudEvent = {
      specversion: '1.0',
      id: record.log_id,
      source: String(topic.resource.properties.source),
      type: fill(this.ctx.settings.cloudEventType) || record.type,
      time: record.date,
      datacontenttype: 'application/json',
      data: record,
    };
    const subject = fill(this.ctx.settings.cloudEventSubject);
    if (subject) event.subject = subject;
    return event;
  }

  private errored(st: StreamState, record: Auth0LogRecord, message: string, attempts: number): void {
    const now = this.ctx.clock.now();
    st.errored.push(record);
    if (st.errored.length > MAX_QUEUED * 1.1) st.errored.splice(0, st.errored.length - MAX_QUEUED);
    st.erroredTotal++;
    st.consecutiveFailures++;
    st.failingSince ??= now;
    st.recentErrors.push({ at: new Date(now).toISOString(), log_id: record.log_id, message });
    if (st.recentErrors.length > 50) st.recentErrors.splice(0, st.recentErrors.length - 50);
    this.writeFailureRecord(st, record, message, attempts);
    const s = this.ctx.settings;
    const byCount = s.streamSuspendAfterFailures > 0 && st.consecutiveFailures >= s.streamSuspendAfterFailures;
    const byTime = s.streamSuspendAfterMs > 0 && now - st.failingSince >= s.streamSuspendAfterMs;
    if ((byCount || byTime) && st.stream.status === 'active') {
      st.stream.status = 'suspended';
      st.suspendedAt = new Date(now).toISOString();
      return;
    }
    this.scheduleRedrive(st);
  }

  private writeFailureRecord(st: StreamState, record: Auth0LogRecord, message: string, attempts: number): void {
    const code = this.ctx.settings.streamFailureLogCode;
    if (!code || !LOG_CODES[code]) return;
    const stream = st.stream;
    const topic = st.located?.topic.resource.name ?? '(no partner topic)';
    this.writingFailureFor = stream;
    try {
      writeLogRecord(this.ctx, st.tenant, {
        type: code,
        description: `Failed to deliver the log ${record.log_id} to the log stream '${stream.name ?? stream.id}' (eventgrid) after ${attempts} attempts: ${message}`,
        details: {
          notification_type: 'log_stream',
          notification_channel: 'eventgrid',
          to: topic,
          warning: message,
          log_stream: { id: stream.id, name: stream.name, type: stream.type },
          log_id: record.log_id,
          log_type: record.type,
          attempts,
          error: message,
        },
      });
    } catch (e) {
      process.emitWarning(`sandbox delivery: could not write the failure record: ${(e as Error).message}`);
    } finally {
      this.writingFailureFor = undefined;
    }
  }

  private scheduleRedrive(st: StreamState): void {
    const ms = this.ctx.settings.streamRetryErroredMs;
    if (st.redriveScheduled || ms <= 0) return;
    st.redriveScheduled = true;
    this.ctx.clock.after(ms, () => {
      st.redriveScheduled = false;
      this.redrive(st);
    });
  }

  /** Publishes the errored records again (a new round of attempts each). */
  private redrive(st: StreamState): void {
    if (!this.isCurrent(st) || st.stream.status !== 'active' || !st.errored.length) return;
    for (const r of st.errored.splice(0)) this.attempt(st, r, 1);
  }

  // ---------------------------------------------------------------- views

  health(tenant: string, stream: Record<string, any>): Record<string, unknown> {
    const st = this.state(tenant, stream);
    return {
      published: st.published,
      queued: st.queue.length,
      retrying: st.retrying,
      errored: st.errored.length,
      erroredTotal: st.erroredTotal,
      failedAttempts: st.failedAttempts,
      replayed: st.replayed,
      consecutiveFailures: st.consecutiveFailures,
      failingSince: st.failingSince !== undefined ? new Date(st.failingSince).toISOString() : undefined,
      suspendedAt: st.suspendedAt,
      recentErrors: st.recentErrors.slice(-10),
    };
  }
}
