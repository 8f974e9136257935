/**
 * Azure Monitor metrics of partner topics, as `GET {resourceId}/providers/Microsoft.Insights/metrics`
 * serves them (api-version 2023-10-01 and older): per-minute samples recorded by the delivery engine on
 * the sandbox clock, answered with Azure Monitor's shape (`value[].name.value`, `timeseries[].data[]`
 * with the requested aggregations, `timespan`, `interval`, `namespace`, `resourceregion`, `cost`).
 *
 * The metrics are those Azure Monitor lists for `Microsoft.EventGrid/partnerTopics` (supported-metrics
 * reference): PublishSuccessCount, UnmatchedEventCount (no dimensions), MatchedEventCount,
 * DeliverySuccessCount, DeliveryAttemptFailCount (+ Error, ErrorType), DroppedEventCount (+ DropReason),
 * DeadLetteredCount (+ DeadLetterReason), AdvancedFilterEvaluationCount, DestinationProcessingDurationInMs
 * (all by EventSubscriptionName). There is no PublishFailCount for partner topics (publishing is the
 * partner's side): asking for it is Azure Monitor's 400 naming the valid metrics.
 *
 * Query support: `metricnames` (case-insensitive, comma-separated), `timespan` (`start/end`,
 * `start/duration`, `duration/end` or a duration ending now; default the last hour), `interval`
 * (PT1M … P1D or FULL; default PT1M), `aggregation` (Total, Count, Average, Minimum, Maximum; default each
 * metric's primary one), `$filter` on dimensions (`EventSubscriptionName eq 'a' or EventSubscriptionName
 * eq 'b'`, `eq '*'` to split, clauses joined with `and`), `top`, `metricnamespace`. Empty count buckets
 * answer `total: 0`, as Azure Monitor does for Event Grid counts.
 * Authorization: `Microsoft.Insights/metrics/read` on the resource (Reader or Monitoring Reader suffice).
 */
import type { Ctx } from '../core/http.js';
import type { SandboxContext } from '../core/context.js';
import { key } from '../core/state.js';
import { groupOf, INSIGHTS, resourceNotFound, route, type ArmRoute } from '../arm/common.js';

/** api-versions of Microsoft.Insights/metrics served. */
export const METRICS_API_VERSIONS = ['2024-02-01', '2023-10-01', '2021-05-01', '2019-07-01', '2018-01-01'] as const;

type Aggregation = 'Total' | 'Count' | 'Average' | 'Minimum' | 'Maximum';

interface MetricDef {
  name: string;
  displayName: string;
  description: string;
  unit: 'Count' | 'MilliSeconds';
  primary: Aggregation;
  dimensions: string[];
}

/** Microsoft.EventGrid/partnerTopics metrics (Azure Monitor supported-metrics reference). */
export const PARTNER_TOPIC_METRICS: MetricDef[] = [
  { name: 'AdvancedFilterEvaluationCount', displayName: 'Advanced Filter Evaluations', description: 'Total advanced filters evaluated across event subscriptions for this partner topic.', unit: 'Count', primary: 'Total', dimensions: ['EventSubscriptionName'] },
  { name: 'DeadLetteredCount', displayName: 'Dead Lettered Events', description: 'Total dead lettered events matching to this event subscription', unit: 'Count', primary: 'Total', dimensions: ['DeadLetterReason', 'EventSubscriptionName'] },
  { name: 'DeliveryAttemptFailCount', displayName: 'Delivery Failed Events', description: 'Total events failed to deliver to this event subscription', unit: 'Count', primary: 'Total', dimensions: ['Error', 'ErrorType', 'EventSubscriptionName'] },
  { name: 'DeliverySuccessCount', displayName: 'Delivered Events', description: 'Total events delivered to this event subscription', unit: 'Count', primary: 'Total', dimensions: ['EventSubscriptionName'] },
  { name: 'DestinationProcessingDurationInMs', displayName: 'Destination Processing Duration', description: 'Destination processing duration in milliseconds', unit: 'MilliSeconds', primary: 'Average', dimensions: ['EventSubscriptionName'] },
  { name: 'DroppedEventCount', displayName: 'Dropped Events', description: 'Total dropped events matching to this event subscription', unit: 'Count', primary: 'Total', dimensions: ['DropReason', 'EventSubscriptionName'] },
  { name: 'MatchedEventCount', displayName: 'Matched Events', description: 'Total events matched to this event subscription', unit: 'Count', primary: 'Total', dimensions: ['EventSubscriptionName'] },
  { name: 'PublishSuccessCount', displayName: 'Published Events', description: 'Total events published to this partner topic', unit: 'Count', primary: 'Total', dimensions: [] },
  { name: 'UnmatchedEventCount', displayName: 'Unmatched Events', description: 'Total events not matching any of the event subscriptions for this partner topic', unit: 'Count', primary: 'Total', dimensions: [] },
];
const DEFS = new Map(PARTNER_TOPIC_METRICS.map((d) => [d.name.toLowerCase(), d]));
const NAMESPACE = 'Microsoft.EventGrid/partnerTopics';
const MINUTE = 60_000;

interface Bucket {
  total: number;
  count: number;
  min: number;
  max: number;
}

/** One time series: a metric with one combination of dimension values, in per-minute buckets. */
interface Series {
  dims: Record<string, string>;
  buckets: Map<number, Bucket>;
}

/** Per-minute samples of each resource's metrics, keyed by resource id (lower case). */
export class MetricStore {
  private resources = new Map<string, Map<string, Map<string, Series>>>();

  constructor(private ctx: SandboxContext) {}

  /** Records `value` for `metric` of `resourceId` now (sandbox clock). */
  add(resourceId: string, metric: string, dims: Record<string, string> = {}, value = 1): void {
    let metrics = this.resources.get(key(resourceId));
    if (!metrics) this.resources.set(key(resourceId), (metrics = new Map()));
    let series = metrics.get(metric);
    if (!series) metrics.set(metric, (series = new Map()));
    const dk = Object.keys(dims).sort().map((k) => `${k}=${dims[k]}`).join('|');
    let s = series.get(dk);
    if (!s) series.set(dk, (s = { dims, buckets: new Map() }));
    const minute = Math.floor(this.ctx.clock.now() / MINUTE) * MINUTE;
    const b = s.buckets.get(minute);
    if (b) {
      b.total += value;
      b.count++;
      if (value < b.min) b.min = value;
      if (value > b.max) b.max = value;
    } else s.buckets.set(minute, { total: value, count: 1, min: value, max: value });
  }

  /** The series of a metric of a resource. */
  series(resourceId: string, metric: string): Series[] {
    return [...(this.resources.get(key(resourceId))?.get(metric)?.values() ?? [])];
  }

  /** Sum of a metric over all time and dimensions (for the admin view and tests). */
  sum(resourceId: string, metric: string, where: Record<string, string> = {}): number {
    let n = 0;
    for (const s of this.series(resourceId, metric)) {
      if (Object.entries(where).some(([k, v]) => (s.dims[k] ?? '').toLowerCase() !== v.toLowerCase())) continue;
      for (const b of s.buckets.values()) n += b.total;
    }
    return n;
  }

  clear(): void {
    this.resources.clear();
  }
}

// ---------------------------------------------------------------- ISO 8601 durations and timespans

const DURATION = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

/** ms of an ISO 8601 duration like PT1M, PT1H, P1D, P1DT12H; undefined when not one. */
export function isoDuration(s: string): number | undefined {
  const m = DURATION.exec(s.trim());
  if (!m || s.trim().toUpperCase() === 'P' || s.trim().toUpperCase() === 'PT') return undefined;
  const [, d, h, mi, se] = m.map((x) => (x === undefined ? 0 : Number(x))) as number[];
  return ((d * 24 + h) * 60 + mi) * MINUTE + se * 1000;
}

/** Azure Monitor's timestamp format (seconds, Z). */
const stampOf = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const INTERVALS = new Map<string, number>([
  ['PT1M', MINUTE],
  ['PT5M', 5 * MINUTE],
  ['PT15M', 15 * MINUTE],
  ['PT30M', 30 * MINUTE],
  ['PT1H', 60 * MINUTE],
  ['PT6H', 360 * MINUTE],
  ['PT12H', 720 * MINUTE],
  ['P1D', 1440 * MINUTE],
]);

interface MonitorError {
  status: number;
  code: string;
  message: string;
}

const bad = (message: string): MonitorError => ({ status: 400, code: 'BadRequest', message });

function parseTimespan(raw: string | null, now: number): { start: number; end: number } | MonitorError {
  if (!raw) return { start: now - 60 * MINUTE, end: now };
  const parts = raw.split('/');
  const when = (s: string) => (/^\d{4}-/.test(s) ? Date.parse(s) : NaN);
  const dur = (s: string) => isoDuration(s);
  let start: number | undefined;
  let end: number | undefined;
  if (parts.length === 1) {
    const d = dur(parts[0]);
    if (d !== undefined) [start, end] = [now - d, now];
  } else if (parts.length === 2) {
    const [a, b] = parts;
    const ta = when(a);
    const tb = when(b);
    if (!Number.isNaN(ta) && !Number.isNaN(tb)) [start, end] = [ta, tb];
    else if (!Number.isNaN(ta) && dur(b) !== undefined) [start, end] = [ta, ta + dur(b)!];
    else if (dur(a) !== undefined && !Number.isNaN(tb)) [start, end] = [tb - dur(a)!, tb];
  }
  if (start === undefined || end === undefined || Number.isNaN(start) || Number.isNaN(end)) {
    return bad(`Detected invalid time range: '${raw}'. Use 'startDateTime_ISO/endDateTime_ISO' or an ISO 8601 duration.`);
  }
  if (end <= start) return bad(`Invalid time range: the start time '${stampOf(start)}' must be before the end time '${stampOf(end)}'.`);
  return { start, end };
}

/** Parses `$filter`: `A eq 'x' or A eq 'y' and B eq '*'` → {a: ['x','y'], b: ['*']} (dimension names lower case). */
function parseFilter(raw: string | null): Map<string, string[]> | MonitorError {
  const out = new Map<string, string[]>();
  if (!raw || !raw.trim()) return out;
  for (const clause of raw.split(/\s+and\s+/i)) {
    for (const term of clause.split(/\s+or\s+/i)) {
      const m = /^\s*\(?\s*([A-Za-z][\w.]*)\s+eq\s+'((?:[^']|'')*)'\s*\)?\s*$/i.exec(term);
      if (!m) return bad(`Invalid $filter: '${raw}'. Use dimension comparisons like "EventSubscriptionName eq 'my-subscription'" joined with 'and' / 'or'.`);
      const dim = m[1].toLowerCase();
      out.set(dim, [...(out.get(dim) ?? []), m[2].replace(/''/g, "'")]);
    }
  }
  return out;
}

export interface MetricsQuery {
  resourceId: string;
  region: string;
  query: URLSearchParams;
}

/** Answers a metrics query (Azure Monitor's body, or its error). */
export function queryMetrics(store: MetricStore, ctx: SandboxContext, q: MetricsQuery): { status: number; body: unknown } {
  const fail = (e: MonitorError) => ({ status: e.status, body: { code: e.code, message: e.message } });
  const params = q.query;
  const ns = params.get('metricnamespace');
  if (ns && ns.toLowerCase() !== NAMESPACE.toLowerCase()) {
    return fail(bad(`Failed to find metric configuration for provider: Microsoft.EventGrid, resource Type: partnerTopics, metric namespace: ${ns}. Valid metric namespaces: ${NAMESPACE}`));
  }
  const names = (params.get('metricnames') ?? '').split(',').map((n) => n.trim()).filter(Boolean);
  const defs: MetricDef[] = [];
  for (const n of names.length ? names : ['PublishSuccessCount']) {
    const def = DEFS.get(n.toLowerCase());
    if (!def) {
      return fail(
        bad(`Failed to find metric configuration for provider: Microsoft.EventGrid, resource Type: partnerTopics, metric: ${n}, Valid metrics: ${PARTNER_TOPIC_METRICS.map((d) => d.name).join(',')}`),
      );
    }
    if (!defs.includes(def)) defs.push(def);
  }
  const span = parseTimespan(params.get('timespan'), ctx.clock.now());
  if ('code' in span) return fail(span);
  const intervalRaw = (params.get('interval') ?? 'PT1M').toUpperCase();
  let step: number;
  if (intervalRaw === 'FULL') step = span.end - span.start;
  else {
    const ms = INTERVALS.get(intervalRaw) ?? isoDuration(intervalRaw);
    if (!ms || ![...INTERVALS.values()].includes(ms)) {
      return fail(bad(`Invalid interval '${params.get('interval')}'. Supported intervals: ${[...INTERVALS.keys()].join(', ')}, FULL.`));
    }
    step = ms;
  }
  const aggRaw = params.get('aggregation');
  const aggs: Aggregation[] | undefined = aggRaw
    ? aggRaw.split(',').map((a) => a.trim()).filter(Boolean).map((a) => (['total', 'count', 'average', 'minimum', 'maximum'].includes(a.toLowerCase()) ? (a[0].toUpperCase() + a.slice(1).toLowerCase()) as Aggregation : (a as Aggregation)))
    : undefined;
  const badAgg = aggs?.find((a) => !['Total', 'Count', 'Average', 'Minimum', 'Maximum'].includes(a));
  if (badAgg) return fail(bad(`Invalid aggregation '${badAgg}'. Valid aggregations: Total, Count, Average, Minimum, Maximum.`));
  const filter = parseFilter(params.get('$filter'));
  if (filter instanceof Map === false) return fail(filter as MonitorError);
  const dimsWanted = filter as Map<string, string[]>;
  const top = Number(params.get('top') ?? 10);

  // Align to the interval grid, as Azure Monitor does.
  const start = intervalRaw === 'FULL' ? span.start : Math.floor(span.start / step) * step;
  const end = span.end;
  const points: number[] = [];
  for (let t = start; t < end; t += step) points.push(t);
  if (points.length > 1440 * 31) return fail(bad('The requested time range and interval produce too many data points; use a larger interval.'));

  const value = [];
  for (const def of defs) {
    const unsupported = [...dimsWanted.keys()].filter((d) => !def.dimensions.some((x) => x.toLowerCase() === d));
    if (unsupported.length) {
      return fail(
        bad(`Metric: ${def.name} does not support requested dimension combination: ${unsupported.join(',')}, supported ones are: ${def.dimensions.join(',') || 'none'}`),
      );
    }
    const wantAggs = aggs ?? [def.primary];
    const all = store.series(q.resourceId, def.name);
    // Group the stored series by the dimensions asked for; `eq 'v'` keeps matching values, `*` splits by value.
    const groups = new Map<string, { meta: Record<string, string>; series: Series[] }>();
    for (const s of all) {
      let keep = true;
      const meta: Record<string, string> = {};
      for (const [dim, values] of dimsWanted) {
        const actualName = def.dimensions.find((x) => x.toLowerCase() === dim)!;
        const v = s.dims[actualName] ?? '';
        if (values.includes('*')) meta[dim] = v;
        else if (values.some((x) => x.toLowerCase() === v.toLowerCase())) meta[dim] = v;
        else keep = false;
      }
      if (!keep) continue;
      const gk = Object.entries(meta).map(([k, v]) => `${k}=${v}`).join('|');
      let g = groups.get(gk);
      if (!g) groups.set(gk, (g = { meta, series: [] }));
      g.series.push(s);
    }
    // A filter naming values without '*' still answers one series per named value (Azure Monitor splits by filtered dimensions).
    for (const [dim, values] of dimsWanted) {
      if (values.includes('*')) continue;
      for (const v of values) {
        if (![...groups.values()].some((g) => (g.meta[dim] ?? '').toLowerCase() === v.toLowerCase())) {
          if (dimsWanted.size === 1) groups.set(`${dim}=${v}`, { meta: { [dim]: v }, series: [] });
        }
      }
    }
    if (!dimsWanted.size && !groups.size) groups.set('', { meta: {}, series: [] });
    const timeseries = [...groups.values()].slice(0, dimsWanted.size ? top : undefined).map((g) => ({
      metadatavalues: Object.entries(g.meta).map(([k, v]) => ({ name: { value: k, localizedValue: k }, value: v })),
      data: points.map((t) => {
        const until = intervalRaw === 'FULL' ? end : t + step;
        let total = 0;
        let count = 0;
        let min = Infinity;
        let max = -Infinity;
        for (const s of g.series) {
          for (let m = Math.floor(t / MINUTE) * MINUTE; m < until; m += MINUTE) {
            const b = s.buckets.get(m);
            if (!b || m < t) continue;
            total += b.total;
            count += b.count;
            min = Math.min(min, b.min);
            max = Math.max(max, b.max);
          }
        }
        const point: Record<string, unknown> = { timeStamp: stampOf(t) };
        for (const a of wantAggs) {
          if (a === 'Total') {
            if (count || def.unit === 'Count') point.total = total;
          } else if (a === 'Count') point.count = count;
          else if (count) {
            if (a === 'Average') point.average = total / count;
            if (a === 'Minimum') point.minimum = min;
            if (a === 'Maximum') point.maximum = max;
          } else if (def.unit === 'Count') {
            point[a.toLowerCase()] = 0;
          }
        }
        return point;
      }),
    }));
    value.push({
      id: `${q.resourceId}/providers/Microsoft.Insights/metrics/${def.name}`,
      type: 'Microsoft.Insights/metrics',
      name: { value: def.name, localizedValue: def.displayName },
      displayDescription: def.description,
      unit: def.unit,
      timeseries,
      errorCode: 'Success',
    });
  }
  return {
    status: 200,
    body: {
      cost: Math.max(0, Math.round((end - start) / MINUTE)) * defs.length,
      timespan: `${stampOf(span.start)}/${stampOf(span.end)}`,
      interval: intervalRaw === 'FULL' ? 'FULL' : [...INTERVALS.entries()].find(([, ms]) => ms === step)?.[0] ?? intervalRaw,
      value,
      namespace: NAMESPACE,
      resourceregion: q.region,
    },
  };
}

/** The ARM route: `GET …/partnerTopics/{name}/providers/Microsoft.Insights/metrics`. */
export function metricsRoutes(ctx: SandboxContext, store: () => MetricStore | undefined): ArmRoute[] {
  const base = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.EventGrid/partnerTopics/{partnerTopicName}';
  return [
    route({
      method: 'GET',
      template: `${base}/providers/Microsoft.Insights/metrics`,
      operation: 'Metrics_List',
      resourceType: 'metrics',
      namespace: INSIGHTS,
      apiVersions: METRICS_API_VERSIONS,
      requiresRegistration: false,
      authz: (p) => ({
        action: 'Microsoft.Insights/metrics/read',
        scope: `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroupName}/providers/Microsoft.EventGrid/partnerTopics/${p.partnerTopicName}`,
      }),
      handler: (c: Ctx) => {
        const group = groupOf(c);
        const topic = group.partnerTopics.get(key(c.params.partnerTopicName));
        if (!topic) throw resourceNotFound('Microsoft.EventGrid/partnerTopics', c.params.partnerTopicName, c.params.resourceGroupName);
        const s = store();
        const empty = new MetricStore(ctx);
        return queryMetrics(s ?? empty, ctx, { resourceId: topic.resource.id, region: (topic.resource.location ?? group.location).toLowerCase(), query: c.query });
      },
    }),
  ];
}
