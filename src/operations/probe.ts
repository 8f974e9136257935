/**
 * verify's end-to-end probe (probe: true): provoke one harmless Auth0 event and watch Azure Monitor until
 * it shows the event published to the partner topic and delivered to a subscription.
 *
 * The event: a Management API read of a log stream that does not exist. The read fails (404), and Auth0
 * logs every failed Management API call as `fapi` (category management.fail); successful reads are not
 * logged. Nothing is written in Azure or Auth0 (besides Auth0's own log record). Just before it, the
 * topic's metrics are read as a baseline; then they are read until PublishSuccessCount and
 * DeliverySuccessCount have grown beyond it, bounded by wait-timeout (30 s at most when verify already
 * found why it cannot arrive: topic not activated, stream not active, …). The latencies are upper bounds
 * (the time until the read that first showed the counts). Metrics count events, not this one: another
 * event published at the same moment counts as well.
 */
import { ServiceError } from '../azure/errors.js';
import type { TopicMetrics } from '../azure/metrics.js';
import type { Observed } from './observe.js';
import { metricsRoleFix, type MetricsRead } from './metrics.js';
import type { Run } from './run.js';
import type { Check, ProbeFacts } from './types.js';

/** A log stream id that does not exist (the shape of Auth0's ids: lst_ and 16 digits). */
export const PROBE_LOG_STREAM_ID = 'lst_0000000000000000';
/** The log category of the probe's event (fapi, Failed API Operation). */
export const PROBE_CATEGORY = 'management.fail';
/** The longest wait when verify already found why the event cannot arrive. */
export const BLOCKED_WAIT_MS = 30_000;

const CHECK_ID = 'probe';
const TITLE = 'End-to-end probe';

/** The checks whose failure means the probe's event cannot be published or delivered, and the warnings that mean it too. */
const BLOCKING_FAILURES = ['provider', 'authorization', 'stream-sink', 'stream-status', 'partner-topic', 'activation'];
const BLOCKING_WARNINGS = ['stream-status', 'activation', 'event-subscriptions'];

function blocks(c: Check): boolean {
  if (c.status === 'fail') return BLOCKING_FAILURES.includes(c.id) || c.id.startsWith('event-subscription:');
  return c.status === 'warn' && BLOCKING_WARNINGS.includes(c.id);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

type Counts = NonNullable<ProbeFacts['before']>;

function countsOf(m: TopicMetrics): Counts {
  const t = m.totals;
  return { published: m.published, delivered: t.delivered, failedAttempts: t.failedAttempts, dropped: t.dropped, deadLettered: t.deadLettered };
}

function notRun(run: Run, status: Check['status'], detail: string, fix: string): void {
  run.facts.probe = { outcome: 'not-run' };
  run.check({ id: CHECK_ID, title: TITLE, status, detail: `Not run: ${detail}`, fix });
}

/** Whether the stream streams the probe's category (no filters: every category). */
function streamsProbeCategory(o: Observed): boolean {
  const cats = (o.stream?.filters ?? []).filter((f) => (f.type ?? 'category') === 'category').map((f) => f.name);
  return !cats.length || cats.includes(PROBE_CATEGORY);
}

export async function probe(run: Run, o: Observed, metrics: MetricsRead): Promise<void> {
  const s = run.settings;
  if (!o.stream) return notRun(run, 'fail', `no Auth0 log stream named '${s.stream.name}'`, 'Run setup');
  const topicId = o.topic?.id;
  if (!topicId) return notRun(run, 'fail', 'no partner topic to watch', 'Run setup (see the partner topic check)');
  if (!streamsProbeCategory(o)) {
    return notRun(
      run,
      'warn',
      `the stream's filters leave out ${PROBE_CATEGORY}, the category of the probe's event (fapi), so it would never be published`,
      `Add ${PROBE_CATEGORY} to event-categories (or use "all") and run setup, or run verify without probe`,
    );
  }
  if (!metrics?.ok) {
    const why = metrics?.forbidden ? 'the delivery metrics, which show the event arriving, cannot be read' : `the delivery metrics cannot be read (${metrics?.error.code ?? 'unknown'})`;
    return notRun(run, 'warn', why, metrics?.forbidden ? metricsRoleFix(run) : 'Run verify again later.');
  }

  const blockers = run.checks.filter(blocks);
  const facts: ProbeFacts = { outcome: 'not-run' }; // until the step ends
  run.facts.probe = facts;
  const { azure, auth0 } = run.adapters;

  const done = await run.step('probe', 'End-to-end probe', async () => {
    const reader = await azure.metrics();
    // The same window start for the baseline and every later read, on a minute boundary (Azure Monitor's grain).
    const from = new Date(Math.floor((run.now().getTime() - 60_000) / 60_000) * 60_000);
    const read = async () => countsOf(await reader.partnerTopic(topicId, from, run.now()));
    const before = await read();
    facts.before = before;

    const provoked = Date.now();
    facts.provokedAt = new Date(provoked).toISOString();
    try {
      await auth0.get(PROBE_LOG_STREAM_ID);
    } catch (err) {
      // Any answer is a failed Management API call (logged as fapi); no answer means no event.
      if (!(err instanceof ServiceError) || err.status === undefined) throw err;
    }
    run.progress.info(`Probe: read log stream ${PROBE_LOG_STREAM_ID} (it does not exist; Auth0 logs the failure as fapi); watching the metrics of ${o.topic?.name}`);

    const deadline = Math.max(provoked + 1000, blockers.length ? Math.min(run.deadline, provoked + BLOCKED_WAIT_MS) : run.deadline);
    facts.waitedMs = deadline - provoked;
    let after: Counts;
    let reads = 0;
    let lastReport = provoked;
    for (;;) {
      const elapsed = Date.now() - provoked;
      // Soon after the request, then less often (a fifth of the time waited, at most 15 s): few reads however long Azure Monitor takes.
      const delay = Math.min(Math.max(elapsed / 5, 300), 15_000, Math.max(0, deadline - Date.now()));
      await new Promise((r) => setTimeout(r, delay));
      after = await read();
      reads++;
      const now = Date.now();
      if (facts.publishedAfterMs === undefined && after.published > before.published) facts.publishedAfterMs = now - provoked;
      if (facts.deliveredAfterMs === undefined && after.delivered > before.delivered) facts.deliveredAfterMs = now - provoked;
      if (facts.publishedAfterMs !== undefined && facts.deliveredAfterMs !== undefined) break;
      if (now >= deadline) break;
      if (now - lastReport >= 5000) {
        lastReport = now;
        run.progress.info(`Waiting for the probe event to be ${facts.publishedAfterMs === undefined ? 'published' : 'delivered'}: ${seconds(now - provoked)} elapsed, at most ${seconds(deadline - now)} more`);
      }
    }
    facts.after = after;
    facts.reads = reads;
    facts.outcome = facts.deliveredAfterMs !== undefined && facts.publishedAfterMs !== undefined ? 'delivered' : facts.publishedAfterMs !== undefined ? 'published' : 'not-published';
    const detail =
      facts.outcome === 'delivered'
        ? `delivered after ${seconds(facts.deliveredAfterMs!)}`
        : facts.outcome === 'published'
          ? `published after ${seconds(facts.publishedAfterMs!)}, not delivered within ${seconds(deadline - provoked)}`
          : `not published within ${seconds(deadline - provoked)}`;
    return { status: 'unchanged', detail: `${detail} (${reads === 1 ? '1 metrics read' : `${reads} metrics reads`})`, value: true };
  });
  if (!done) return; // the step failed (Auth0 or Azure Monitor unreachable): the failure says why

  const b = facts.before!;
  const a = facts.after!;
  const waited = seconds(facts.waitedMs ?? 0);
  const known = blockers.map((c) => `${c.title}: ${c.detail}`).join('; ');
  const knownFix = [...new Set(blockers.map((c) => c.fix).filter(Boolean))].join('; ');
  if (facts.outcome === 'delivered') {
    run.check({
      id: CHECK_ID,
      title: TITLE,
      status: 'pass',
      detail: `An Auth0 event (fapi) was published after ${seconds(facts.publishedAfterMs!)} and delivered after ${seconds(facts.deliveredAfterMs!)} (PublishSuccessCount ${b.published} → ${a.published}, DeliverySuccessCount ${b.delivered} → ${a.delivered})`,
    });
  } else if (facts.outcome === 'published') {
    const failures = [
      a.failedAttempts > b.failedAttempts && `${a.failedAttempts - b.failedAttempts} failed delivery attempts`,
      a.dropped > b.dropped && `${a.dropped - b.dropped} dropped`,
      a.deadLettered > b.deadLettered && `${a.deadLettered - b.deadLettered} dead-lettered`,
    ].filter(Boolean);
    run.check({
      id: CHECK_ID,
      title: TITLE,
      status: 'fail',
      detail:
        `The probe's Auth0 event was published (after ${seconds(facts.publishedAfterMs!)}) but not delivered within ${waited}: DeliverySuccessCount stayed at ${a.delivered}` +
        (failures.length ? `; meanwhile ${failures.join(', ')}` : '; no subscription took it (none matches fapi events, or deliveries are still being retried)') +
        (known ? `. Found: ${known}` : ''),
      fix: knownFix || "Check the event subscriptions' filters (included-event-types must let Auth0's fapi events through) and destinations; raise wait-timeout if Azure Monitor is slow",
    });
  } else {
    run.check({
      id: CHECK_ID,
      title: TITLE,
      status: 'fail',
      detail:
        `The probe's Auth0 event was not published to the partner topic within ${waited}: PublishSuccessCount stayed at ${a.published}, so Auth0 could not publish it` +
        (known ? ` (${known})` : ' (see the stream\'s Health view in the Auth0 Dashboard, Monitoring > Streams)'),
      fix: knownFix || 'Check the stream in the Auth0 Dashboard (Monitoring > Streams > Health), then run verify again; raise wait-timeout if Azure Monitor is slow to show events',
    });
  }
}
