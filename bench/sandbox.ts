/**
 * bench/sandbox: GET a partner topic over keep-alive HTTPS with 16 concurrent clients against the
 * sandbox (in its own process). Prints requests/s and latency percentiles as JSON lines.
 * Run: npm run bench:sandbox  (targets on a 2-core machine: >= 2000 requests/s, p99 <= 20 ms)
 */
import { armToken, call, emit, httpsAgent, percentile, startSandboxProcess } from './lib.js';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WARMUP_SECONDS = 2;

const sb = await startSandboxProcess(['--set', 'providerRegistrationDelayMs=0']);
try {
  const { info } = sb;
  const agent = httpsAgent(info.caCertPath, CONCURRENCY);
  const token = await armToken(agent, info);
  const auth = { authorization: `Bearer ${token}` };
  const sub = `${info.endpoints.arm}/subscriptions/${info.azure.subscriptionId}`;
  const rg = `${sub}/resourceGroups/${info.azure.resourceGroup}`;
  const reg = await call(agent, 'POST', `${sub}/providers/Microsoft.EventGrid/register?api-version=2025-04-01`, undefined, auth);
  if (reg.status !== 200) throw new Error(`register: ${reg.status} ${reg.body}`);
  const topicUrl = `${rg}/providers/Microsoft.EventGrid/partnerTopics/auth0-bench-topic?api-version=2025-02-15`;
  const put = await call(
    agent,
    'PUT',
    topicUrl,
    { location: info.azure.region, properties: { partnerRegistrationImmutableId: '804a11ca-ce9b-4158-8e94-3c8dc7a072ec', source: 'auth0.com/dev-tenant/bench' } },
    auth,
  );
  if (put.status >= 300) throw new Error(`create topic: ${put.status} ${put.body}`);

  async function load(seconds: number, record: boolean): Promise<{ count: number; errors: number; latencies: number[] }> {
    const end = performance.now() + seconds * 1000;
    const latencies: number[] = [];
    let count = 0;
    let errors = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < end) {
          const t0 = performance.now();
          const r = await call(agent, 'GET', topicUrl, undefined, auth);
          const dt = performance.now() - t0;
          if (r.status !== 200) errors++;
          count++;
          if (record) latencies.push(dt);
        }
      }),
    );
    return { count, errors, latencies };
  }

  await load(WARMUP_SECONDS, false);
  const t0 = performance.now();
  const { count, errors, latencies } = await load(SECONDS, true);
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const extra = { concurrency: CONCURRENCY, seconds: Number(elapsed.toFixed(2)), requests: count };
  emit('sandbox', 'requests_per_second', Math.round(count / elapsed), extra);
  emit('sandbox', 'latency_p50_ms', Number(percentile(latencies, 50).toFixed(2)), extra);
  emit('sandbox', 'latency_p99_ms', Number(percentile(latencies, 99).toFixed(2)), extra);
  emit('sandbox', 'errors', errors, extra);
  agent.destroy();
} finally {
  await sb.stop();
}
