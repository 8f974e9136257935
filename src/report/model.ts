/**
 * What every renderer shows, computed once from an OperationResult, so the job summary, the bot
 * comment, the CLI table and the annotations cannot drift apart. Values here are raw (unescaped);
 * each renderer escapes for its medium.
 */
import type { CheckStatus, Facts, Failure, Health, OperationResult, ServiceId, StepStatus } from '../operations/types.js';

export const HEALTH_BADGE: Record<Health, { emoji: string; word: string }> = {
  healthy: { emoji: '✅', word: 'Healthy' },
  degraded: { emoji: '⚠️', word: 'Degraded' },
  unhealthy: { emoji: '❌', word: 'Unhealthy' },
};

export const STEP_ICON: Record<StepStatus, string> = {
  changed: '🛠️',
  unchanged: '✔️',
  planned: '📝',
  skipped: '⏭️',
  failed: '❌',
};

export const CHECK_ICON: Record<CheckStatus, string> = { pass: '✅', warn: '⚠️', fail: '❌' };

export const SERVICE_NAME: Record<ServiceId, string> = {
  azure: 'Azure Resource Manager',
  entra: 'Microsoft Entra ID',
  auth0: 'Auth0 Management API',
  github: 'GitHub',
};

export function serviceName(service: ServiceId): string {
  return SERVICE_NAME[service] ?? String(service);
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const totalS = Math.round(ms / 1000);
  const h = Math.floor(totalS / 3600);
  const m = Math.floor((totalS % 3600) / 60);
  const s = totalS % 60;
  return h ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min ${String(s).padStart(2, '0')} s`;
}

const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;

/** "5 days left", "expires today", "expired 2 days ago". */
export function expiryPhrase(days: number): string {
  if (days > 0) return `${plural(days, 'day')} left`;
  if (days === 0) return 'expires today';
  return `expired ${plural(-days, 'day')} ago`;
}

export interface Row {
  label: string;
  value: string;
  /** An identifier, shown verbatim (a code span in markdown). */
  id?: boolean;
}

export function targetRows(r: OperationResult): Row[] {
  const rows: Row[] = [];
  if (r.environment) rows.push({ label: 'environment', value: r.environment, id: true });
  rows.push(
    { label: 'subscription', value: r.target.subscriptionId, id: true },
    { label: 'resource group', value: r.target.resourceGroup, id: true },
    { label: 'region', value: r.target.region, id: true },
    { label: 'Auth0', value: r.target.auth0Domain, id: true },
    { label: 'stream', value: r.target.streamName, id: true },
  );
  return rows.filter((row) => row.value);
}

/** The key facts, in reading order; only those that are known. */
export function factRows(f: Facts): Row[] {
  const rows: (Row | false)[] = [
    !!f.partnerTopicName && { label: 'Partner topic', value: f.partnerTopicName, id: true },
    !!f.partnerTopicId && { label: 'Partner topic id', value: f.partnerTopicId, id: true },
    !!f.partnerTopicSource && { label: 'Partner topic source', value: f.partnerTopicSource, id: true },
    !!f.partnerTopicBinding && { label: 'Bound to the stream by', value: f.partnerTopicBinding },
    !!f.topicLostSince && { label: 'Partner topic lost; no delivery since', value: f.topicLostSince },
    !!f.streamRecreatedFrom && { label: 'Stream recreated, logs replayed from', value: f.streamRecreatedFrom },
    !!f.activationState && {
      label: 'Activation state',
      value:
        f.activationState === 'NeverActivated' && f.topicExpiresIfNotActivatedAt
          ? `${f.activationState} (deleted at ${f.topicExpiresIfNotActivatedAt} unless activated)`
          : f.activationState,
    },
    !!f.logStreamId && { label: 'Log stream id', value: f.logStreamId, id: true },
    !!f.streamStatus && { label: 'Stream status', value: f.streamStatus },
    (!!f.authorizationExpiresAt || f.daysUntilExpiry !== undefined) && {
      label: 'Authorization expires',
      value: [f.authorizationExpiresAt, f.daysUntilExpiry !== undefined ? `(${expiryPhrase(f.daysUntilExpiry)})` : '']
        .filter(Boolean)
        .join(' '),
    },
    !!f.eventSubscriptionId && { label: 'Event subscription', value: f.eventSubscriptionId, id: true },
    !!f.providerState && { label: 'Microsoft.EventGrid provider', value: f.providerState },
    !!f.deliveryMetrics && {
      label: `Events (last ${f.deliveryMetrics.window})`,
      value: `${f.deliveryMetrics.published} published, ${f.deliveryMetrics.totals.matched} matched, ${f.deliveryMetrics.totals.delivered} delivered, ${f.deliveryMetrics.totals.failedAttempts} failed attempts, ${f.deliveryMetrics.totals.dropped} dropped, ${f.deliveryMetrics.totals.deadLettered} dead-lettered`,
    },
    !!f.probe && f.probe.outcome !== 'not-run' && {
      label: 'Probe',
      value:
        f.probe.outcome === 'delivered'
          ? `delivered in ${formatDuration(f.probe.deliveredAfterMs ?? 0)} (published in ${formatDuration(f.probe.publishedAfterMs ?? 0)})`
          : f.probe.outcome === 'published'
            ? `published in ${formatDuration(f.probe.publishedAfterMs ?? 0)}, not delivered within ${formatDuration(f.probe.waitedMs ?? 0)}`
            : `not published within ${formatDuration(f.probe.waitedMs ?? 0)}`,
    },
  ];
  return rows.filter((r): r is Row => !!r);
}

export function failureRows(f: Failure): Row[] {
  return [
    { label: 'Step', value: f.step },
    { label: 'Service', value: f.status ? `${serviceName(f.service)} (HTTP ${f.status})` : serviceName(f.service) },
    { label: 'Code', value: f.code, id: true },
    { label: 'Message', value: f.message },
    { label: 'Fix', value: f.fix },
  ];
}

export interface PlanItem {
  step: string;
  change: string;
}

/** Every change the steps made (or, in a dry run, would make), in order. */
export function changeItems(r: OperationResult): PlanItem[] {
  return r.steps.flatMap((s) => s.changes.map((change) => ({ step: s.title, change })));
}

/** All failures in the result: the operation's and any step's, without duplicates. */
export function failuresOf(r: OperationResult): Failure[] {
  const all = [r.failure, ...r.steps.map((s) => s.failure)].filter((f): f is Failure => !!f);
  const seen = new Set<string>();
  return all.filter((f) => {
    const key = JSON.stringify([f.step, f.service, f.code, f.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
