/**
 * bench/delivery: 10,000 Auth0 log records through one partner topic to 3 webhook subscriptions.
 * The sandbox runs in its own process; the 3 HTTPS receivers run in this one (with a certificate from the
 * sandbox's CA in .sandbox/ca, which the sandbox trusts). Everything is set up over REST as a client
 * would: register Microsoft.EventGrid, authorize Auth0, create the eventgrid log stream, activate its
 * partner topic, subscribe the 3 webhooks (the CloudEvents handshake runs: validateWebhooks=true).
 * Then the records are written through the admin API and the receivers count what arrives, in two
 * phases: (a) `burst`, the 10,000 records back to back (throughput; latency includes the queue the burst
 * builds), (b) `paced`, 2,000 records at 500 records/s, below capacity (latency when nothing queues).
 * Prints JSON lines per phase: deliveries/s (target >= 1000 on 2 cores), events/s, p50/p99
 * record-to-delivery latency (the CloudEvent's `time`, i.e. the record's date, to its arrival), lost and
 * duplicated deliveries (target 0: each record id delivered exactly once per subscription); then the
 * handshakes, connections, and Azure Monitor's PublishSuccessCount/DeliverySuccessCount as a cross-check.
 * Exits 1 when anything was lost or duplicated.
 * Run: npm run bench:delivery   (BENCH_RECORDS, BENCH_BATCH, BENCH_CONCURRENCY, BENCH_PACED_RECORDS, BENCH_PACED_RATE)
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { loadTls } from '../sandbox/core/tls.js';
import { armToken, call, emit, httpsAgent, percentile, startSandboxProcess } from './lib.js';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 10_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 200);
const SUBSCRIPTIONS = 3;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const PACED_RECORDS = Number(process.env.BENCH_PACED_RECORDS ?? 2000);
const PACED_RATE = Number(process.env.BENCH_PACED_RATE ?? 500);
const AUTH0_ID = '804a11ca-ce9b-4158-8e94-3c8dc7a072ec';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Tally {
  server?: Server;
  url: string;
  counts: Map<string, number>;
  latencies: number[];
  handshakes: number;
  connections: number;
  last: number;
}

async function receiver(tls: { certPem: string; keyPem: string }, name: string): Promise<Tally> {
  const t: Tally = { url: '', counts: new Map(), latencies: [], handshakes: 0, connections: 0, last: 0 };
  const server = createServer({ cert: tls.certPem, key: tls.keyPem, keepAliveTimeout: 60_000 }, (req, res) => {
    if (req.method === 'OPTIONS') {
      t.handshakes++;
      res.writeHead(200, { 'webhook-allowed-origin': String(req.headers['webhook-request-origin'] ?? ''), 'webhook-allowed-rate': '*' }).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const now = Date.now();
      try {
        const event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        t.counts.set(event.id, (t.counts.get(event.id) ?? 0) + 1);
        t.latencies.push(now - Date.parse(event.time));
        t.last = now;
      } catch {
        /* counted as lost */
      }
      res.writeHead(200).end();
    });
  });
  server.on('secureConnection', () => t.connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.server = server;
  t.url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/${name}?code=bench-key`;
  return t;
}

const sb = await startSandboxProcess([
  '--set', 'providerRegistrationDelayMs=0',
  '--set', 'partnerTopicDelayMs=0',
  '--set', 'lroDurationMs=0',
  '--set', 'retryAfterSeconds=0',
  '--set', 'validateWebhooks=true',
  '--set', `deliveryConcurrency=${CONCURRENCY}`,
]);
const receivers: Tally[] = [];
try {
  const { info } = sb;
  const agent = httpsAgent(info.caCertPath, 16);
  const tls = await loadTls(resolve('.sandbox/ca'));
  for (let i = 0; i < SUBSCRIPTIONS; i++) receivers.push(await receiver(tls, `hook-${i + 1}`));

  const json = (r: { status: number; body: string }, what: string) => {
    if (r.status >= 300) throw new Error(`${what}: ${r.status} ${r.body}`);
    return r.body ? JSON.parse(r.body) : undefined;
  };
  const auth = { authorization: `Bearer ${await armToken(agent, info)}` };
  const sub = `${info.endpoints.arm}/subscriptions/${info.azure.subscriptionId}`;
  const rg = `${sub}/resourceGroups/${info.azure.resourceGroup}`;
  const eg = `${rg}/providers/Microsoft.EventGrid`;
  const v = 'api-version=2025-02-15';
  json(await call(agent, 'POST', `${sub}/providers/Microsoft.EventGrid/register?api-version=2025-04-01`, undefined, auth), 'register');
  json(
    await call(agent, 'POST', `${eg}/partnerConfigurations/default/authorizePartner?${v}`, { partnerRegistrationImmutableId: AUTH0_ID, partnerName: 'Auth0', authorizationExpirationTimeInUtc: new Date(Date.now() + 6 * 86_400_000).toISOString() }, auth),
    'authorizePartner',
  );
  const tenant = info.auth0[0];
  const auth0 = `https://${tenant.domain}`;
  const tok = json(await call(agent, 'POST', `${auth0}/oauth/token`, { grant_type: 'client_credentials', client_id: tenant.clientId, client_secret: tenant.clientSecret, audience: `${auth0}/api/v2/` }), 'auth0 token');
  const stream = json(
    await call(agent, 'POST', `${auth0}/api/v2/log-streams`, { type: 'eventgrid', name: 'bench', filters: [{ type: 'category', name: 'auth.login.success' }], sink: { azureSubscriptionId: info.azure.subscriptionId, azureRegion: info.azure.region, azureResourceGroup: info.azure.resourceGroup } }, { authorization: `Bearer ${tok.access_token}` }),
    'create stream',
  );
  let topic: any;
  for (let i = 0; i < 200 && !topic; i++) {
    topic = json(await call(agent, 'GET', `${eg}/partnerTopics?${v}`, undefined, auth), 'list topics').value.find((t: any) => t.properties.source.includes(stream.id));
    if (!topic) await sleep(20);
  }
  if (!topic) throw new Error('the partner topic did not appear');
  json(await call(agent, 'POST', `${eg}/partnerTopics/${topic.name}/activate?${v}`, undefined, auth), 'activate');
  for (const [i, r] of receivers.entries()) {
    const url = `${eg}/partnerTopics/${topic.name}/eventSubscriptions/bench-${i + 1}?${v}`;
    json(await call(agent, 'PUT', url, { properties: { destination: { endpointType: 'WebHook', properties: { endpointUrl: r.url } }, eventDeliverySchema: 'CloudEventSchemaV1_0' } }, auth), 'subscribe');
    for (let k = 0; ; k++) {
      const es = json(await call(agent, 'GET', url, undefined, auth), 'get subscription');
      if (es.properties.provisioningState === 'Succeeded') break;
      if (es.properties.provisioningState === 'Failed' || k > 500) throw new Error(`subscription ${i + 1}: ${es.properties.provisioningState}`);
      await sleep(10);
    }
  }

  const received = () => receivers.reduce((n, r) => n + [...r.counts.values()].reduce((a, b) => a + b, 0), 0);
  const metricTotals = async () => {
    const m = json(
      await call(agent, 'GET', `${eg}/partnerTopics/${topic.name}/providers/Microsoft.Insights/metrics?api-version=2023-10-01&metricnames=PublishSuccessCount,DeliverySuccessCount&interval=FULL&timespan=PT1H`, undefined, auth),
      'metrics',
    );
    const total = (name: string) => m.value.find((x: any) => x.name.value === name).timeseries[0].data.reduce((n: number, d: any) => n + (d.total ?? 0), 0);
    return { published: total('PublishSuccessCount'), delivered: total('DeliverySuccessCount') };
  };

  /**
   * One phase: `records` Auth0 records (successful logins; the stream's filter keeps the Management API's
   * own sapi records out) written through the admin API in batches of `batch`, one batch every
   * `everyMs` (0: back to back, as fast as the sandbox takes them), then waits for every delivery.
   */
  async function phase(name: string, records: number, batch: number, everyMs: number, errors: { lost: number; duplicated: number }) {
    for (const r of receivers) {
      r.counts.clear();
      r.latencies.length = 0;
      r.last = 0;
    }
    const ids: string[] = [];
    const t0 = Date.now();
    for (let done = 0, k = 0; done < records; done += batch, k++) {
      if (everyMs) await sleep(Math.max(0, t0 + k * everyMs - Date.now()));
      const n = Math.min(batch, records - done);
      const body = Array.from({ length: n }, (_, i) => ({ type: 's', user_name: `user${done + i}@example.com` }));
      const r = json(await call(agent, 'POST', `${info.endpoints.arm}/_sandbox/auth0/${tenant.tenant}/logs`, body), 'write records');
      for (const rec of r.value) ids.push(rec.log_id);
    }
    const written = Date.now();
    const expected = records * SUBSCRIPTIONS;
    const deadline = Date.now() + 120_000;
    while (received() < expected && Date.now() < deadline) await sleep(10);
    await sleep(300); // late duplicates, if any
    const seconds = (Math.max(...receivers.map((r) => r.last)) - t0) / 1000;
    let lost = 0;
    let duplicated = 0;
    for (const r of receivers) {
      for (const id of ids) {
        const c = r.counts.get(id) ?? 0;
        if (c === 0) lost++;
        if (c > 1) duplicated += c - 1;
      }
    }
    errors.lost += lost;
    errors.duplicated += duplicated;
    const latencies = receivers.flatMap((r) => r.latencies).sort((a, b) => a - b);
    const extra = { phase: name, records, subscriptions: SUBSCRIPTIONS, batch, everyMs, concurrencyPerSubscription: CONCURRENCY, seconds: Number(seconds.toFixed(2)) };
    emit('delivery', 'deliveries_per_second', Math.round(received() / seconds), extra);
    emit('delivery', 'events_per_second', Math.round(records / seconds), extra);
    emit('delivery', 'offered_records_per_second', Math.round(records / Math.max(0.001, (written - t0) / 1000)), extra);
    emit('delivery', 'latency_p50_ms', percentile(latencies, 50), extra);
    emit('delivery', 'latency_p99_ms', percentile(latencies, 99), extra);
    emit('delivery', 'delivered', received(), { ...extra, expected });
    emit('delivery', 'lost', lost, extra);
    emit('delivery', 'duplicated', duplicated, extra);
  }

  const errors = { lost: 0, duplicated: 0 };
  // (a) the 10,000 records back to back: throughput (and the latency of a burst the sandbox queues).
  await phase('burst', RECORDS, BATCH, 0, errors);
  // (b) a paced load below capacity: the latency of a record when nothing queues.
  await phase('paced', PACED_RECORDS, 20, Math.round((20 * 1000) / PACED_RATE), errors);
  const totals = await metricTotals();
  const all = { records: RECORDS + PACED_RECORDS, subscriptions: SUBSCRIPTIONS };
  emit('delivery', 'handshakes', receivers.reduce((n, r) => n + r.handshakes, 0), all);
  emit('delivery', 'connections', receivers.reduce((n, r) => n + r.connections, 0), all);
  emit('delivery', 'metric_publish_success_count', totals.published, all);
  emit('delivery', 'metric_delivery_success_count', totals.delivered, { ...all, expected: (RECORDS + PACED_RECORDS) * SUBSCRIPTIONS });
  const { lost, duplicated } = errors;
  agent.destroy();
  if (lost || duplicated) process.exitCode = 1;
} finally {
  for (const r of receivers) {
    r.server?.closeAllConnections();
    r.server?.close();
  }
  await sb.stop();
}
