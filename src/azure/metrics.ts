/**
 * Adapter over Azure Monitor's metrics REST API (`GET {resourceId}/providers/Microsoft.Insights/metrics`,
 * api-version 2023-10-01) for a partner topic: what Event Grid did with Auth0's events over a window.
 * No SDK: one bearer-authenticated pipeline from @azure/core-rest-pipeline (retries on 429/5xx included).
 *
 * Partner topics have these metrics (Azure Monitor supported-metrics reference): PublishSuccessCount and
 * UnmatchedEventCount for the topic; MatchedEventCount, DeliverySuccessCount, DeliveryAttemptFailCount,
 * DroppedEventCount, DeadLetteredCount per subscription (dimension EventSubscriptionName). There is no
 * PublishFailCount for partner topics: Auth0's failures to publish show in the stream's status instead.
 * Reading needs `Microsoft.Insights/metrics/read` on the topic (Reader or Monitoring Reader; EventGrid
 * Contributor alone does not have it).
 */
import type { TokenCredential } from '@azure/core-auth';
import {
  bearerTokenAuthenticationPolicy,
  createDefaultHttpClient,
  createEmptyPipeline,
  createHttpHeaders,
  createPipelineRequest,
  exponentialRetryPolicy,
  type HttpClient,
  type Pipeline,
} from '@azure/core-rest-pipeline';
import { ServiceError } from './errors.js';
import { trimSlashes } from '../text.js';

export const METRICS_API_VERSION = '2023-10-01';

export interface MetricsAdapterOptions {
  resourceManagerEndpoint: string;
  resourceManagerScope: string;
  credential: TokenCredential;
}

export interface SubscriptionCounts {
  matched: number;
  delivered: number;
  failedAttempts: number;
  dropped: number;
  deadLettered: number;
}

export interface TopicMetrics {
  from: Date;
  to: Date;
  published: number;
  unmatched: number;
  /** Sums over the topic's subscriptions. */
  totals: SubscriptionCounts;
  /** Per event subscription name (those with any count in the window). */
  subscriptions: Record<string, SubscriptionCounts>;
}

const TOPIC_METRICS = ['PublishSuccessCount', 'UnmatchedEventCount'];
const SUBSCRIPTION_METRICS: Record<string, keyof SubscriptionCounts> = {
  MatchedEventCount: 'matched',
  DeliverySuccessCount: 'delivered',
  DeliveryAttemptFailCount: 'failedAttempts',
  DroppedEventCount: 'dropped',
  DeadLetteredCount: 'deadLettered',
};

const zero = (): SubscriptionCounts => ({ matched: 0, delivered: 0, failedAttempts: 0, dropped: 0, deadLettered: 0 });

/** Azure Monitor's timestamps: seconds, Z. */
const stamp = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

interface MonitorSeries {
  metadatavalues?: { name?: { value?: string }; value?: string }[];
  data?: { total?: number }[];
}

interface MonitorMetric {
  name?: { value?: string };
  timeseries?: MonitorSeries[];
}

export class MetricsAdapter {
  private pipeline: Pipeline;
  private client: HttpClient;

  constructor(private opts: MetricsAdapterOptions) {
    this.pipeline = createEmptyPipeline();
    this.pipeline.addPolicy(exponentialRetryPolicy({ maxRetries: 3, retryDelayInMs: 500, maxRetryDelayInMs: 10_000 }));
    this.pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential: opts.credential, scopes: opts.resourceManagerScope }));
    this.client = createDefaultHttpClient();
  }

  /** One metrics query; the metrics' values as Azure Monitor answers them. */
  private async query(resourceId: string, params: Record<string, string>): Promise<MonitorMetric[]> {
    const q = new URLSearchParams({ 'api-version': METRICS_API_VERSION, ...params });
    const url = `${trimSlashes(this.opts.resourceManagerEndpoint)}${resourceId}/providers/Microsoft.Insights/metrics?${q}`;
    const request = createPipelineRequest({ url, method: 'GET', headers: createHttpHeaders({ accept: 'application/json' }) });
    const res = await this.pipeline.sendRequest(this.client, request).catch((e: Error) => {
      throw new ServiceError('azure', undefined, 'RequestSendError', `Azure Monitor metrics could not be read: ${e.message}`);
    });
    const status = res.status;
    const text = res.bodyAsText ?? '';
    let body: any;
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      body = {};
    }
    if (status < 200 || status > 299) {
      // Azure Monitor answers {code, message}; ARM's front door (401/403/404) {error: {code, message}}.
      const code: string = body?.error?.code ?? body?.code ?? `HTTP${status}`;
      const message: string = body?.error?.message ?? body?.message ?? `Azure Monitor answered ${status}.`;
      throw new ServiceError('azure', status, code, message);
    }
    return Array.isArray(body?.value) ? body.value : [];
  }

  /** What Event Grid did with the topic's events between `from` and `to` (one data point per metric and subscription). */
  async partnerTopic(topicId: string, from: Date, to: Date): Promise<TopicMetrics> {
    const window = { timespan: `${stamp(from)}/${stamp(to)}`, interval: 'FULL', aggregation: 'Total' };
    const [topic, subs] = await Promise.all([
      this.query(topicId, { ...window, metricnames: TOPIC_METRICS.join(',') }),
      this.query(topicId, { ...window, metricnames: Object.keys(SUBSCRIPTION_METRICS).join(','), $filter: "EventSubscriptionName eq '*'", top: '100' }),
    ]);
    const sum = (s: MonitorSeries | undefined) => (s?.data ?? []).reduce((n, d) => n + (typeof d.total === 'number' ? d.total : 0), 0);
    const topicTotal = (name: string) => (topic.find((m) => m.name?.value === name)?.timeseries ?? []).reduce((n, s) => n + sum(s), 0);
    const result: TopicMetrics = { from, to, published: topicTotal('PublishSuccessCount'), unmatched: topicTotal('UnmatchedEventCount'), totals: zero(), subscriptions: {} };
    for (const m of subs) {
      const field = SUBSCRIPTION_METRICS[m.name?.value ?? ''];
      if (!field) continue;
      for (const s of m.timeseries ?? []) {
        const n = sum(s);
        const name = s.metadatavalues?.find((v) => v.name?.value?.toLowerCase() === 'eventsubscriptionname')?.value ?? '';
        result.totals[field] += n;
        if (!name) continue;
        (result.subscriptions[name] ??= zero())[field] += n;
      }
    }
    return result;
  }
}
