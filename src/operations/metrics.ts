/**
 * verify's delivery metrics: what Event Grid did with the partner topic's events over metrics-window,
 * from Azure Monitor (one adapter read per topic: the topic's counts, and the subscriptions' through the
 * EventSubscriptionName dimension). Reported as facts and one check: delivery failures (failed attempts,
 * drops, dead-letters) degrade health with the fix; no events published is informational. Metrics that
 * cannot be read never fail verify: a missing Microsoft.Insights/metrics/read permission (403) is a
 * warning naming the role to add. setup does not read them (its final judgement costs no extra request).
 */
import type { EventSubscription } from '../azure/arm.js';
import { fromAzureError, type ServiceError } from '../azure/errors.js';
import type { TopicMetrics } from '../azure/metrics.js';
import type { Observed } from './observe.js';
import type { Run } from './run.js';
import type { DeliveryCounts, DeliveryMetricsFacts } from './types.js';

export const METRICS_CHECK_ID = 'delivery-metrics';

/** The outcome of reading the metrics: undefined when there was nothing to read (no partner topic). */
export type MetricsRead = { ok: true; metrics: TopicMetrics } | { ok: false; error: ServiceError; forbidden: boolean } | undefined;

/** 24h, 7d, 90m, 45s: a window in the largest unit that divides it (days from 2 days on). */
export function formatWindow(ms: number): string {
  const day = 86_400_000;
  if (ms > day && ms % day === 0) return `${ms / day}d`;
  for (const [size, unit] of [[3_600_000, 'h'], [60_000, 'm']] as const) if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  return `${Math.round(ms / 1000)}s`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The fix for metrics Azure Monitor refused to show (403): the role that has Microsoft.Insights/metrics/read. */
export function metricsRoleFix(run: Run): string {
  const { subscriptionId, resourceGroup } = run.settings.azure;
  const scope = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;
  const who = run.settings.azureSignIn.clientId ?? '<client-id>';
  return (
    `Grant the signed-in principal "Monitoring Reader" on ${scope} (\`az role assignment create --assignee ${who} --role "Monitoring Reader" --scope ${scope}\`): ` +
    'reading metrics needs Microsoft.Insights/metrics/read, which EventGrid Contributor does not include (Reader has it too).'
  );
}

/** The event subscription named `name` in the metrics (Azure Monitor may change its case). */
function subscriptionNamed(o: Observed, name: string): EventSubscription | undefined {
  return o.eventSubscriptions?.find((e) => e.name?.toLowerCase() === name.toLowerCase());
}

function deadLetterContainer(es: EventSubscription | undefined): string | undefined {
  const dl: any = es?.deadLetterDestination;
  if (!dl) return undefined;
  const account = String(dl.resourceId ?? '').split('/').pop();
  return dl.blobContainerName ? `${account ? `${account}/` : ''}${dl.blobContainerName}` : undefined;
}

function factsOf(m: TopicMetrics, window: string): DeliveryMetricsFacts {
  const stamp = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { window, from: stamp(m.from), to: stamp(m.to), published: m.published, unmatched: m.unmatched, totals: { ...m.totals }, subscriptions: structuredClone(m.subscriptions) };
}

/** "3 failed attempts, 1 dead-lettered" for one subscription's failures (empty when none). */
function failureWords(c: DeliveryCounts): string {
  const parts: string[] = [];
  if (c.failedAttempts) parts.push(plural(c.failedAttempts, 'failed attempt'));
  if (c.dropped) parts.push(`${c.dropped} dropped`);
  if (c.deadLettered) parts.push(`${c.deadLettered} dead-lettered`);
  return parts.join(', ');
}

const MINUTE_MS = 60_000;

/** Reads the topic's metrics over metrics-window and judges them (a fact and one check). */
export async function deliveryMetrics(run: Run, o: Observed): Promise<MetricsRead> {
  const topicId = o.topic?.id;
  if (!topicId) return undefined;
  const window = formatWindow(run.settings.verify.metricsWindowMs);
  const title = `Event delivery (last ${window})`;
  const read: MetricsRead = await run.step<MetricsRead>('metrics', 'Read delivery metrics', async () => {
    // Azure Monitor counts by the minute, and "now" (Azure's, from a one-second Date header) may lag by up
    // to a second: end the window with the current minute, so that its bucket is always counted.
    const to = new Date((Math.floor(run.now().getTime() / MINUTE_MS) + 1) * MINUTE_MS);
    const from = new Date(to.getTime() - run.settings.verify.metricsWindowMs);
    try {
      const metrics = await (await run.adapters.azure.metrics()).partnerTopic(topicId, from, to);
      return { status: 'unchanged', detail: `Azure Monitor: ${metrics.published} published, ${metrics.totals.delivered} delivered in the last ${window}`, value: { ok: true as const, metrics } };
    } catch (err) {
      const error = fromAzureError(err);
      return {
        status: 'skipped',
        detail: `Azure Monitor answered ${error.code}${error.status ? ` (HTTP ${error.status})` : ''}: metrics not read`,
        value: { ok: false as const, error, forbidden: error.status === 403 },
      };
    }
  });
  if (!read) return undefined;
  if (!read.ok) {
    const e = read.error;
    run.check(
      read.forbidden
        ? {
            id: METRICS_CHECK_ID,
            title,
            status: 'warn',
            detail: `Not readable: Azure Monitor refused the metrics (${e.code}): the signed-in principal lacks Microsoft.Insights/metrics/read on the partner topic`,
            fix: metricsRoleFix(run),
          }
        : { id: METRICS_CHECK_ID, title, status: 'warn', detail: `Not readable: ${e.code}: ${e.message}`, fix: 'Run verify again; if it persists, check https://status.azure.com (the other checks stand).' },
    );
    return read;
  }

  const m = read.metrics;
  run.facts.deliveryMetrics = factsOf(m, window);
  const t = m.totals;
  const counts =
    `${m.published} published, ${t.matched} matched, ${t.delivered} delivered, ${plural(t.failedAttempts, 'failed attempt')}, ` + `${t.dropped} dropped, ${t.deadLettered} dead-lettered`;
  const notes: string[] = [];
  if (m.unmatched) notes.push(`${m.unmatched} matched no event subscription`);
  const pending = t.matched - t.delivered - t.dropped - t.deadLettered;
  if (pending > 0 && (t.failedAttempts || t.dropped || t.deadLettered)) notes.push(`${pending} not yet delivered (in flight or being retried)`);
  const failing = Object.entries(m.subscriptions).filter(([, c]) => c.failedAttempts || c.dropped || c.deadLettered);
  const note = notes.length ? `; ${notes.join('; ')}` : '';

  if (failing.length || t.failedAttempts || t.dropped || t.deadLettered) {
    const per = failing.map(([name, c]) => `${name}: ${failureWords(c)}`).join('; ');
    const names = failing.map(([name]) => subscriptionNamed(o, name)?.name ?? name);
    const fixes: string[] = [];
    if (t.failedAttempts) {
      fixes.push(
        `Event Grid could not deliver to ${names.join(', ') || 'a subscription'}: check that the destination is reachable and answers 200-204 within 30 s (a webhook also answers the validation handshake); Event Grid retries until max-delivery-attempts or event-ttl-minutes`,
      );
    }
    if (t.deadLettered) {
      const containers = [...new Set(failing.map(([name]) => deadLetterContainer(subscriptionNamed(o, name))).filter(Boolean))];
      fixes.push(`read the dead-lettered events${containers.length ? ` in ${containers.join(', ')}` : ' in the dead-letter container'} and send them again once the destination works`);
    }
    if (t.dropped) fixes.push('dropped events are lost: set dead-letter-blob-container to keep undeliverable events');
    run.check({ id: METRICS_CHECK_ID, title, status: 'warn', detail: `${counts}${per ? ` (${per})` : ''}${note}`, fix: fixes.join('; ') + '.' });
  } else if (!m.published) {
    run.check({
      id: METRICS_CHECK_ID,
      title,
      status: 'pass',
      detail: `No events published in the last ${window}: nothing the stream's categories select happened in the tenant, or Auth0 could not publish (see the stream and topic checks)`,
    });
  } else {
    run.check({ id: METRICS_CHECK_ID, title, status: 'pass', detail: `${counts}: no delivery failures${note}` });
  }
  return read;
}
