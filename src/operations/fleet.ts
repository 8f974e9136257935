/**
 * A command over many environments: concurrently with a bound, sharing credentials and clients
 * between environments that use the same ones (so tokens and the tenant's stream list are fetched
 * once), with one throttle gate per service so that rate limits slow the whole run down. One
 * environment's failure is reported in its row and does not stop the others. Results are ordered by
 * urgency.
 */
import type { TokenCredential } from '@azure/core-auth';
import type { Settings } from '../config/settings.js';
import { AzureAdapter } from '../azure/arm.js';
import { createCredential, sharedTokenCredential } from '../azure/credentials.js';
import { ThrottleGate } from '../azure/gate.js';
import { Auth0Adapter } from '../auth0/log-streams.js';
import type { Adapters } from './run.js';
import type { FleetResult, Health, OperationResult } from './types.js';

export interface AdapterPool {
  adaptersFor(settings: Settings): Promise<Adapters>;
  gates: { azure: ThrottleGate; auth0: ThrottleGate };
}

export function adapterPool(getIdToken?: (audience: string) => Promise<string>): AdapterPool {
  const gates = { azure: new ThrottleGate(), auth0: new ThrottleGate() };
  const credentials = new Map<string, Promise<TokenCredential>>();
  const azure = new Map<string, Promise<AzureAdapter>>();
  const auth0 = new Map<string, Promise<Auth0Adapter>>();
  const memo = <T>(map: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> => {
    let p = map.get(key);
    if (!p) {
      p = make();
      p.catch(() => map.delete(key));
      map.set(key, p);
    }
    return p;
  };
  return {
    gates,
    async adaptersFor(s) {
      const a = s.azureSignIn;
      const credKey = [a.kind, a.authorityHost, a.tenantId, a.clientId, a.clientSecret, a.audience].join('|');
      const credential = memo(credentials, credKey, async () => {
        const c = sharedTokenCredential(await createCredential(a, getIdToken));
        // Sign in now, while the SDK modules load: the credential caches the token for the first
        // request. A failure here is reported by that request, in its step.
        c.getToken(a.resourceManagerScope).catch(() => undefined);
        return c;
      });
      const armKey = [credKey, a.resourceManagerEndpoint, a.resourceManagerScope, s.azure.subscriptionId].join('|');
      const [az, a0] = await Promise.all([
        memo(azure, armKey, async () =>
          AzureAdapter.create({ subscriptionId: s.azure.subscriptionId, resourceManagerEndpoint: a.resourceManagerEndpoint, resourceManagerScope: a.resourceManagerScope, credential: await credential, gate: gates.azure }),
        ),
        memo(auth0, [s.auth0.domain, s.auth0.clientId, s.auth0.clientSecret].join('|'), async () => {
          const adapter = await Auth0Adapter.create({ domain: s.auth0.domain, clientId: s.auth0.clientId, clientSecret: s.auth0.clientSecret, gate: gates.auth0 });
          adapter.accessToken().catch(() => undefined); // likewise: the token while the rest loads
          return adapter;
        }),
      ]);
      return { azure: az, auth0: a0 };
    },
  };
}

/** Runs `fn` over `items` with at most `limit` at once, keeping order. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

const HEALTH_RANK: Record<Health, number> = { unhealthy: 0, degraded: 1, healthy: 2 };

/** Most urgent first: failed runs, then unhealthy, degraded, healthy; within each, soonest expiry first. */
export function byUrgency(a: OperationResult, b: OperationResult): number {
  const fa = a.failure ? 0 : 1;
  const fb = b.failure ? 0 : 1;
  if (fa !== fb) return fa - fb;
  if (HEALTH_RANK[a.health] !== HEALTH_RANK[b.health]) return HEALTH_RANK[a.health] - HEALTH_RANK[b.health];
  const da = a.facts.authorizationExpiresAt ? Date.parse(a.facts.authorizationExpiresAt) : Infinity;
  const db = b.facts.authorizationExpiresAt ? Date.parse(b.facts.authorizationExpiresAt) : Infinity;
  if (da !== db) return da - db;
  return (a.environment ?? '').localeCompare(b.environment ?? '');
}

export function fleetResult(command: string, results: OperationResult[], started: number, dryRun: boolean, configFile?: string): FleetResult {
  const environments = [...results].sort(byUrgency);
  const worst = environments.reduce<Health>((h, r) => (HEALTH_RANK[r.health] < HEALTH_RANK[h] ? r.health : h), 'healthy');
  const withExpiry = environments.filter((r) => r.facts.authorizationExpiresAt).sort((a, b) => Date.parse(a.facts.authorizationExpiresAt!) - Date.parse(b.facts.authorizationExpiresAt!));
  const first = withExpiry[0];
  return {
    kind: 'fleet',
    command,
    configFile,
    health: worst,
    dryRun,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    environments,
    soonest: first ? { environment: first.environment ?? '', authorizationExpiresAt: first.facts.authorizationExpiresAt!, daysUntilExpiry: first.facts.daysUntilExpiry ?? 0 } : undefined,
    tracking: [],
  };
}
