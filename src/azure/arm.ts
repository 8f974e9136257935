/**
 * Adapter over @azure/arm-eventgrid (Microsoft.EventGrid 2025-02-15) and @azure/arm-resources
 * (Microsoft.Resources 2025-04-01): the calls the operations need, with errors turned into
 * ServiceError and "not found" into undefined. Both clients share one credential and the SDK
 * pipelines' retry policies (429 with Retry-After, 5xx, connection resets).
 */
import type { TokenCredential } from '@azure/core-auth';
import type { EventGridManagementClient, EventSubscription, PartnerConfiguration, PartnerTopic } from '@azure/arm-eventgrid';
import type { ResourceManagementClient } from '@azure/arm-resources';
import { AUTH0_PARTNER_IMMUTABLE_ID, AUTH0_PARTNER_NAME, EVENTGRID_API_VERSION, RESOURCES_API_VERSION } from '../config/facts.js';
import { fromAzureError, ServiceError } from './errors.js';
import { ServerClock } from './server-clock.js';
import type { ThrottleGate } from './gate.js';
import type { MetricsAdapter } from './metrics.js';
import { failFastPolicy } from './fail-fast.js';

export type { EventSubscription, PartnerConfiguration, PartnerTopic } from '@azure/arm-eventgrid';

export interface AzureAdapterOptions {
  subscriptionId: string;
  resourceManagerEndpoint: string;
  resourceManagerScope: string;
  credential: TokenCredential;
  /** Shared by every client of the run, so that throttling slows the whole run down. */
  gate?: ThrottleGate;
}

export interface Auth0Authorization {
  partnerRegistrationImmutableId?: string;
  partnerName?: string;
  expiresAt?: Date;
}

const NOT_FOUND = new Set(['ResourceNotFound', 'NotFound', 'ResourceGroupNotFound', 'PartnerConfigurationNotFound']);

async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw fromAzureError(err);
  }
}

async function orUndefined<T>(fn: () => Promise<T>, notFoundCodes = NOT_FOUND): Promise<T | undefined> {
  try {
    return await fn();
  } catch (err) {
    const e = fromAzureError(err);
    if (e.status === 404 && (notFoundCodes.has(e.code) || e.code.startsWith('HTTP'))) return undefined;
    throw e;
  }
}

export class AzureAdapter {
  private resources?: ResourceManagementClient;
  private metricsAdapter?: MetricsAdapter;
  /** Azure's time, from its answers' Date headers. */
  readonly clock = new ServerClock();

  private constructor(
    private opts: AzureAdapterOptions,
    private eventGrid: EventGridManagementClient,
  ) {}

  static async create(opts: AzureAdapterOptions): Promise<AzureAdapter> {
    const { EventGridManagementClient } = await import('@azure/arm-eventgrid');
    const client = new EventGridManagementClient(opts.credential, opts.subscriptionId, {
      endpoint: opts.resourceManagerEndpoint,
      credentialScopes: [opts.resourceManagerScope],
      apiVersion: EVENTGRID_API_VERSION,
      retryOptions: { maxRetries: 5, retryDelayInMs: 500, maxRetryDelayInMs: 30_000 },
    });
    const adapter = new AzureAdapter(opts, client);
    client.pipeline.addPolicy(adapter.clock.policy());
    if (opts.gate) client.pipeline.addPolicy(opts.gate.policy(), { afterPhase: 'Retry' });
    client.pipeline.addPolicy(failFastPolicy(), { afterPhase: 'Retry' });
    return adapter;
  }

  private async rm(): Promise<ResourceManagementClient> {
    if (!this.resources) {
      const { ResourceManagementClient } = await import('@azure/arm-resources');
      this.resources = new ResourceManagementClient(this.opts.credential, this.opts.subscriptionId, {
        endpoint: this.opts.resourceManagerEndpoint,
        credentialScopes: [this.opts.resourceManagerScope],
        apiVersion: RESOURCES_API_VERSION,
        retryOptions: { maxRetries: 5, retryDelayInMs: 500, maxRetryDelayInMs: 30_000 },
      });
      this.resources.pipeline.addPolicy(this.clock.policy());
      if (this.opts.gate) this.resources.pipeline.addPolicy(this.opts.gate.policy(), { afterPhase: 'Retry' });
      this.resources.pipeline.addPolicy(failFastPolicy(), { afterPhase: 'Retry' });
    }
    return this.resources;
  }

  /** Azure Monitor metrics (verify), with the same credential and endpoint; loaded on first use. */
  async metrics(): Promise<MetricsAdapter> {
    if (!this.metricsAdapter) {
      const { MetricsAdapter } = await import('./metrics.js');
      this.metricsAdapter = new MetricsAdapter({ resourceManagerEndpoint: this.opts.resourceManagerEndpoint, resourceManagerScope: this.opts.resourceManagerScope, credential: this.opts.credential });
    }
    return this.metricsAdapter;
  }

  // Microsoft.Resources

  async providerState(namespace: string): Promise<string> {
    const rm = await this.rm();
    const p = await call(() => rm.providers.get(namespace));
    return p.registrationState ?? 'NotRegistered';
  }

  async registerProvider(namespace: string): Promise<string> {
    const rm = await this.rm();
    const p = await call(() => rm.providers.register(namespace));
    return p.registrationState ?? 'Registering';
  }

  async resourceGroup(name: string): Promise<{ name: string; location: string } | undefined> {
    const rm = await this.rm();
    const g = await orUndefined(() => rm.resourceGroups.get(name), new Set(['ResourceGroupNotFound']));
    return g ? { name: g.name ?? name, location: g.location } : undefined;
  }

  // Partner configuration

  async partnerConfiguration(group: string): Promise<PartnerConfiguration | undefined> {
    return orUndefined(() => this.eventGrid.partnerConfigurations.get(group));
  }

  /**
   * Creates the group's partner configuration only if the group has none (`If-None-Match: *`), so that
   * a configuration another client created meanwhile, with its partners, is never replaced: a PUT
   * writes the whole partner list. Undefined when one exists already (412 PreconditionFailed); the
   * caller then reads it and changes it with authorizePartner / PATCH only.
   */
  async createPartnerConfiguration(group: string, maxDays: number | undefined, signal?: AbortSignal): Promise<PartnerConfiguration | undefined> {
    try {
      return await call(() =>
        this.eventGrid.partnerConfigurations.beginCreateOrUpdateAndWait(
          group,
          { location: 'global', partnerAuthorization: maxDays ? { defaultMaximumExpirationTimeInDays: maxDays } : {} },
          { abortSignal: signal, updateIntervalInMs: 1000, requestOptions: { customHeaders: { 'If-None-Match': '*' } } },
        ),
      );
    } catch (err) {
      if (err instanceof ServiceError && err.status === 412) return undefined;
      throw err;
    }
  }

  /** Raises the ceiling for authorization expiry; PATCH touches only this property, never the partner list. */
  async setMaximumExpirationDays(group: string, days: number, signal?: AbortSignal): Promise<PartnerConfiguration> {
    return call(() =>
      this.eventGrid.partnerConfigurations.beginUpdateAndWait(group, { defaultMaximumExpirationTimeInDays: days }, { abortSignal: signal, updateIntervalInMs: 1000 }),
    );
  }

  /** Adds or extends Auth0's entry; Event Grid keeps other partners' entries. */
  async authorizeAuth0(group: string, expiresAt: Date): Promise<PartnerConfiguration> {
    return call(() =>
      this.eventGrid.partnerConfigurations.authorizePartner(group, {
        partnerRegistrationImmutableId: AUTH0_PARTNER_IMMUTABLE_ID,
        partnerName: AUTH0_PARTNER_NAME,
        authorizationExpirationTimeInUtc: expiresAt,
      }),
    );
  }

  async unauthorizeAuth0(group: string, entry: Auth0Authorization): Promise<PartnerConfiguration> {
    return call(() =>
      this.eventGrid.partnerConfigurations.unauthorizePartner(group, {
        partnerRegistrationImmutableId: entry.partnerRegistrationImmutableId ?? AUTH0_PARTNER_IMMUTABLE_ID,
        partnerName: entry.partnerName ?? AUTH0_PARTNER_NAME,
        authorizationExpirationTimeInUtc: entry.expiresAt,
      }),
    );
  }

  // Partner topics

  async partnerTopic(group: string, name: string): Promise<PartnerTopic | undefined> {
    return orUndefined(() => this.eventGrid.partnerTopics.get(group, name));
  }

  async partnerTopics(group: string): Promise<PartnerTopic[]> {
    return call(async () => {
      const out: PartnerTopic[] = [];
      for await (const t of this.eventGrid.partnerTopics.listByResourceGroup(group)) out.push(t);
      return out;
    });
  }

  /** Replaces the topic's tags (PartnerTopics_Update); the caller passes the tags to keep. */
  async tagTopic(group: string, name: string, tags: Record<string, string>): Promise<PartnerTopic> {
    return call(() => this.eventGrid.partnerTopics.update(group, name, { tags }));
  }

  async activateTopic(group: string, name: string): Promise<PartnerTopic> {
    return call(() => this.eventGrid.partnerTopics.activate(group, name));
  }

  async deactivateTopic(group: string, name: string): Promise<PartnerTopic> {
    return call(() => this.eventGrid.partnerTopics.deactivate(group, name));
  }

  async deleteTopic(group: string, name: string, signal?: AbortSignal): Promise<void> {
    await call(() => this.eventGrid.partnerTopics.beginDeleteAndWait(group, name, { abortSignal: signal, updateIntervalInMs: 1000 }));
  }

  // Event subscriptions on a partner topic

  async eventSubscription(group: string, topic: string, name: string): Promise<EventSubscription | undefined> {
    return orUndefined(() => this.eventGrid.partnerTopicEventSubscriptions.get(group, topic, name));
  }

  async eventSubscriptions(group: string, topic: string): Promise<EventSubscription[]> {
    return call(async () => {
      const out: EventSubscription[] = [];
      for await (const s of this.eventGrid.partnerTopicEventSubscriptions.listByPartnerTopic(group, topic)) out.push(s);
      return out;
    });
  }

  /** The webhook URL including its query (read-only POST). */
  async eventSubscriptionFullUrl(group: string, topic: string, name: string): Promise<string | undefined> {
    const r = await call(() => this.eventGrid.partnerTopicEventSubscriptions.getFullUrl(group, topic, name));
    return r.endpointUrl;
  }

  async putEventSubscription(group: string, topic: string, name: string, body: EventSubscription, signal?: AbortSignal): Promise<EventSubscription> {
    const result = await call(async () => {
      try {
        return await this.eventGrid.partnerTopicEventSubscriptions.beginCreateOrUpdateAndWait(group, topic, name, body, { abortSignal: signal, updateIntervalInMs: 1000 });
      } catch (err) {
        // @azure/core-lro reports an operation that ended Failed or Canceled as a plain Error ("The
        // long-running operation has failed. <code>. <message>" / "Operation was canceled"), which
        // fromAzureError could only call UnexpectedError: name the event subscription and its end state,
        // so that the failure gets the event-subscription fix.
        const lro = lroEnd(err);
        if (!lro) throw err;
        throw new ServiceError('azure', undefined, `EventSubscription${lro.state}`, `Provisioning the event subscription '${name}' on partner topic '${topic}' ended ${lro.state}${lro.detail ? `: ${lro.detail}` : '.'}`);
      }
    });
    if (result.provisioningState && result.provisioningState !== 'Succeeded') {
      throw new ServiceError('azure', undefined, `EventSubscription${result.provisioningState}`, `The event subscription '${name}' ended ${result.provisioningState}.`);
    }
    return result;
  }

  async deleteEventSubscription(group: string, topic: string, name: string, signal?: AbortSignal): Promise<void> {
    await call(() => this.eventGrid.partnerTopicEventSubscriptions.beginDeleteAndWait(group, topic, name, { abortSignal: signal, updateIntervalInMs: 1000 }));
  }
}

/** The end state of a long-running operation that did not succeed, from @azure/core-lro's plain Error. */
function lroEnd(err: unknown): { state: 'Failed' | 'Canceled'; detail?: string } | undefined {
  if (!(err instanceof Error) || err.name === 'RestError' || err.name === 'AbortError') return undefined;
  const failed = /^The long-running operation has failed\.?\s*(.*)$/s.exec(err.message);
  if (failed) return { state: 'Failed', detail: failed[1].trim() || undefined };
  if (/^Operation was canceled/.test(err.message)) return { state: 'Canceled' };
  return undefined;
}

/** Auth0's entry in a partner configuration (by immutable id, else by name). */
export function auth0Entry(cfg: PartnerConfiguration | undefined): Auth0Authorization | undefined {
  const list = cfg?.partnerAuthorization?.authorizedPartnersList ?? [];
  const e =
    list.find((p) => p.partnerRegistrationImmutableId?.toLowerCase() === AUTH0_PARTNER_IMMUTABLE_ID) ??
    list.find((p) => p.partnerName?.toLowerCase() === AUTH0_PARTNER_NAME.toLowerCase());
  if (!e) return undefined;
  return { partnerRegistrationImmutableId: e.partnerRegistrationImmutableId, partnerName: e.partnerName, expiresAt: e.authorizationExpirationTimeInUtc ? new Date(e.authorizationExpirationTimeInUtc) : undefined };
}
