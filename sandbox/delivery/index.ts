/**
 * Event delivery in the sandbox, end to end: Auth0 log records → the tenant's eventgrid log streams
 * (auth0-streams.ts) → the streams' partner topics → their event subscriptions (eventgrid.ts) → webhooks
 * over HTTPS (webhook.ts) or inspectable sandbox queues and dead-letter containers (storage.ts), with
 * Azure Monitor metrics (metrics.ts).
 *
 * The engine is `ctx.delivery` (core/context.ts DeliveryHooks): the Auth0 and ARM services call its hooks
 * after the state changes they report. Admin API (on every listener):
 *   GET    /_sandbox/delivery                                 streams' publishing state, subscriptions' delivery state, webhook validations
 *   POST   /_sandbox/webhooks/validate                        {endpointUrl, eventDeliverySchema?}: runs Event Grid's validation handshake now
 *   GET    /_sandbox/deadletter                               dead-letter containers
 *   GET    /_sandbox/deadletter/{account}/{container}         their blobs (name, createdAt, content)
 *   GET    /_sandbox/deadletter/{account}/{container}/{blob}  one blob's content (a JSON array of dead-lettered events)
 *   DELETE /_sandbox/deadletter                               empties them
 *   GET    /_sandbox/destinations                             queues of Event Hub / Storage queue / Service Bus / Function destinations
 *   GET    /_sandbox/destinations/{id}                        one queue with its messages (?take=N, ?since=N)
 *   DELETE /_sandbox/destinations                             empties them
 */
import type { DeliveryHooks, OperationError, SandboxContext } from '../core/context.js';
import { HttpError, path, type Route } from '../core/http.js';
import type { ArmResource, Auth0LogRecord, PartnerTopicRecord } from '../core/state.js';
import { Auth0Streams } from './auth0-streams.js';
import { EventGridRuntime } from './eventgrid.js';
import { MetricStore } from './metrics.js';
import { SandboxStorage } from './storage.js';
import { baseUrl, validateCloudEventsEndpoint, validateEventGridEndpoint } from './webhook.js';

export { MetricStore, PARTNER_TOPIC_METRICS, metricsRoutes } from './metrics.js';
export type { CloudEvent } from './eventgrid.js';

const CLOUD_EVENTS = 'CloudEventSchemaV1_0';

export class DeliveryEngine implements DeliveryHooks {
  readonly metrics: MetricStore;
  readonly storage = new SandboxStorage();
  readonly eventGrid: EventGridRuntime;
  readonly streams: Auth0Streams;

  constructor(private ctx: SandboxContext) {
    this.metrics = new MetricStore(ctx);
    this.eventGrid = new EventGridRuntime(ctx, this.metrics, this.storage);
    this.streams = new Auth0Streams(ctx, this.eventGrid);
  }

  recordWritten(tenant: string, record: Auth0LogRecord): void {
    this.streams.recordWritten(tenant, record);
  }

  streamCreated(tenant: string, stream: Record<string, any>, startFrom?: string): void {
    this.streams.streamCreated(tenant, stream, startFrom);
  }

  streamChanged(tenant: string, stream: Record<string, any>, previousStatus: string): void {
    this.streams.streamChanged(tenant, stream, previousStatus);
  }

  streamDeleted(tenant: string, stream: Record<string, any>): void {
    this.streams.streamDeleted(tenant, stream);
  }

  streamHealth(tenant: string, stream: Record<string, any>): unknown {
    return this.streams.health(tenant, stream);
  }

  topicActivationChanged(topic: PartnerTopicRecord): void {
    this.streams.topicActivationChanged(topic);
  }

  /** Webhook validation while the subscription is provisioned (settings.validateWebhooks). */
  validateSubscription(topic: PartnerTopicRecord, es: ArmResource): Promise<OperationError | undefined> | undefined {
    if (!this.ctx.settings.validateWebhooks) return undefined;
    const dest = es.properties?.destination ?? es.properties?.deliveryWithResourceIdentity?.destination;
    // Azure Functions (and Azure-resource destinations) are validated by Azure itself; only webhooks shake hands.
    if (dest?.endpointType !== 'WebHook') return undefined;
    const url: string = dest.properties?.endpointUrl ?? '';
    const schema: string = es.properties?.eventDeliverySchema ?? CLOUD_EVENTS;
    return this.validate(url, schema, es.name, topic.resource.id).then((r) => r.error);
  }

  /** Runs the handshake of `schema` against `url` and records it. */
  async validate(url: string, schema: string, subscription: string, topicId: string): Promise<{ error?: OperationError; allowedRate?: string; method: string; status: number }> {
    const agent = this.eventGrid.agent();
    const timeout = this.ctx.settings.deliveryTimeoutMs;
    const now = this.ctx.clock.now();
    const r =
      schema === CLOUD_EVENTS
        ? await validateCloudEventsEndpoint(agent, url, timeout, now)
        : await validateEventGridEndpoint(agent, url, timeout, now, topicId, `${this.ctx.endpoints.arm}/_sandbox/webhooks/validation/${encodeURIComponent(subscription)}`);
    this.eventGrid.recordValidation({
      at: this.ctx.clock.iso(),
      eventSubscription: subscription,
      endpointBaseUrl: baseUrl(url),
      schema,
      method: r.exchange.method,
      status: r.exchange.status,
      error: r.exchange.error,
      succeeded: !r.error,
      message: r.error?.message,
      allowedRate: r.allowedRate,
    });
    return { error: r.error, allowedRate: r.allowedRate, method: r.exchange.method, status: r.exchange.status };
  }

  reset(): void {
    this.eventGrid.reset();
    this.metrics.clear();
    this.storage.clear();
  }

  async stop(): Promise<void> {
    this.eventGrid.stop();
  }

  /** The admin view: each eventgrid stream's publishing state and each subscription's delivery state. */
  view(): Record<string, unknown> {
    const streams = [];
    for (const t of this.ctx.world.auth0Tenants.values()) {
      for (const s of t.logStreams.values()) {
        if (s.type !== 'eventgrid') continue;
        streams.push({ tenant: t.name, id: s.id, name: s.name, status: s.status, ...this.streams.health(t.name, s) });
      }
    }
    return { streams, subscriptions: this.eventGrid.view(), validations: this.eventGrid.validations };
  }
}

function engineOf(ctx: SandboxContext): DeliveryEngine {
  if (!(ctx.delivery instanceof DeliveryEngine)) throw new HttpError(409, 'DeliveryNotRunning', 'Event delivery is not running in this sandbox.');
  return ctx.delivery;
}

const DEADLETTER = /^\/_sandbox\/deadletter\/(?<account>[^/]+)\/(?<container>[^/]+)(?:\/(?<blob>.+?))?\/?$/;

/** Admin routes of the delivery engine (mounted by admin/index.ts on every listener). */
export function deliveryAdminRoutes(ctx: SandboxContext): Route[] {
  return [
    { method: 'GET', pattern: path('/_sandbox/delivery', ''), operation: 'admin.delivery', handler: () => ({ status: 200, body: engineOf(ctx).view() }) },
    {
      method: 'POST',
      pattern: path('/_sandbox/webhooks/validate', ''),
      operation: 'admin.webhooks.validate',
      handler: async (c) => {
        const b = c.body && typeof c.body === 'object' ? (c.body as Record<string, unknown>) : {};
        const url = typeof b.endpointUrl === 'string' ? b.endpointUrl : '';
        const schema = typeof b.eventDeliverySchema === 'string' ? b.eventDeliverySchema : CLOUD_EVENTS;
        if (!/^https:\/\//i.test(url)) throw new HttpError(400, 'InvalidEndpoint', 'Send {"endpointUrl": "https://…", "eventDeliverySchema"?: "CloudEventSchemaV1_0" | "EventGridSchema"}.');
        if (![CLOUD_EVENTS, 'EventGridSchema', 'CustomInputSchema'].includes(schema)) throw new HttpError(400, 'InvalidSchema', `Unknown eventDeliverySchema '${schema}'.`);
        const r = await engineOf(ctx).validate(url, schema, 'sandbox-validation', '/providers/Microsoft.EventGrid/sandbox');
        return { status: 200, body: { succeeded: !r.error, schema, method: r.method, status: r.status, allowedRate: r.allowedRate, error: r.error } };
      },
    },
    {
      method: 'GET',
      pattern: path('/_sandbox/deadletter', ''),
      operation: 'admin.deadletter',
      handler: () => ({ status: 200, body: { value: engineOf(ctx).storage.listContainers() } }),
    },
    {
      method: 'GET',
      pattern: DEADLETTER,
      operation: 'admin.deadletter.read',
      handler: (c) => {
        const { account, container, blob } = c.params;
        const found = engineOf(ctx).storage.container(account, container);
        if (!found) throw new HttpError(404, 'ContainerNotFound', `The dead-letter container '${container}' of storage account '${account}' has no blobs.`);
        if (!blob) return { status: 200, body: { value: found.blobs, count: found.blobs.length } };
        const b = found.blobs.find((x) => x.name.toLowerCase() === blob.toLowerCase());
        if (!b) throw new HttpError(404, 'BlobNotFound', `The blob '${blob}' does not exist in container '${container}'.`);
        return { status: 200, body: b.content };
      },
    },
    { method: 'DELETE', pattern: path('/_sandbox/deadletter', ''), operation: 'admin.deadletter.clear', handler: () => (engineOf(ctx).storage.clearContainers(), { status: 204 }) },
    {
      method: 'GET',
      pattern: path('/_sandbox/destinations', ''),
      operation: 'admin.destinations',
      handler: () => ({ status: 200, body: { value: engineOf(ctx).storage.listQueues() } }),
    },
    {
      method: 'GET',
      pattern: path('/_sandbox/destinations/{id}', ''),
      operation: 'admin.destinations.read',
      handler: (c) => {
        const q = engineOf(ctx).storage.queue(c.params.id);
        if (!q) throw new HttpError(404, 'QueueNotFound', `No destination queue '${c.params.id}'. GET /_sandbox/destinations lists them.`);
        const since = Math.max(0, Number(c.query.get('since') ?? 0) || 0);
        const take = c.query.get('take') === null ? undefined : Math.max(0, Number(c.query.get('take')) || 0);
        const messages = q.messages.slice(since, take === undefined ? undefined : since + take);
        return { status: 200, body: { ...q, messages, count: q.messages.length } };
      },
    },
    { method: 'DELETE', pattern: path('/_sandbox/destinations', ''), operation: 'admin.destinations.clear', handler: () => (engineOf(ctx).storage.clearQueues(), { status: 204 }) },
  ];
}
