/**
 * startSandbox(options): Azure Resource Manager, Microsoft Entra ID (with a GitHub Actions OIDC
 * issuer) and the Auth0 Management API (one listener per tenant) on loopback over HTTPS, with an
 * admin API under /_sandbox/ on every listener.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SandboxClock } from './core/clock.js';
import { DEFAULT_SETTINGS, oidcRequestToken, type Endpoints, type SandboxContext, type SandboxSettings } from './core/context.js';
import { FaultBook } from './core/faults.js';
import { listen, type Listener, type ServiceDef } from './core/http.js';
import { RequestLog } from './core/request-log.js';
import { applySeed, DEFAULT_IDS, defaultSeed, worldFromSeed, type Seed } from './core/seed.js';
import { loadTls } from './core/tls.js';
import { newIssuerKey, TokenVerifier } from './core/tokens.js';
import { adminService } from './admin/index.js';
import { armService } from './arm/index.js';
import { auth0Service } from './auth0/index.js';
import { entraService, oidcService } from './entra/index.js';
import { githubInfo, githubService, type GithubInfo } from './github/index.js';
import { DeliveryEngine } from './delivery/index.js';
import { addPartnerTopic } from './core/partner-topic-spec.js';

export type { Seed } from './core/seed.js';
export type { SandboxSettings } from './core/context.js';
export { DEFAULT_IDS, defaultSeed } from './core/seed.js';
// The command-line front (`npm run sandbox`, `auth0-eventgrid sandbox`) and what the CLI's consumer
// tools (send-test-event) share with the sandbox: Auth0's log codes and record generator, and Event
// Grid's webhook delivery (CloudEvents handshake, one event per POST).
export { sandboxCommand, SandboxUsageError } from './cli.js';
export type { SandboxContext } from './core/context.js';
export type { Auth0LogRecord, Auth0Tenant } from './core/state.js';
export { LOG_CODES, writeLogRecord } from './auth0/logs.js';
export { baseUrl as webhookBaseUrl, EVENTGRID_ORIGIN, send as sendWebhook, validateCloudEventsEndpoint } from './delivery/webhook.js';

export interface SandboxOptions {
  /** Seed to start from (default: the ready-to-use default world). */
  seed?: Seed;
  /** Timing and behaviour settings; unspecified ones take DEFAULT_SETTINGS. */
  settings?: Partial<SandboxSettings>;
  /** Port of the ARM listener (0: any free port). Other listeners always take free ports. */
  port?: number;
  /** Directory holding (or to receive) the CA; reused when it already has one. Default: a fresh temp dir. */
  caDir?: string;
}

export interface Sandbox {
  endpoints: Endpoints;
  /** Path of the CA certificate (PEM) clients must trust via NODE_EXTRA_CA_CERTS. */
  caCertPath: string;
  context: SandboxContext;
  /** Everything a client needs, as printed by `npm run sandbox -- --json`. */
  info(): SandboxInfo;
  stop(): Promise<void>;
}

export interface SandboxInfo {
  endpoints: Endpoints;
  caCertPath: string;
  azure: {
    tenantId: string;
    subscriptionId: string;
    resourceGroup: string;
    region: string;
    clientId: string;
    clientSecret: string;
    resourceManagerEndpoint: string;
    authorityHost: string;
    audience: string;
  };
  auth0: { tenant: string; domain: string; clientId: string; clientSecret: string }[];
  github: { oidcIssuer: string; idTokenRequestUrl: string; idTokenRequestToken: string } & GithubInfo;
  seed: Seed;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const ownCaDir = !options.caDir;
  const caDir = options.caDir ?? mkdtempSync(join(tmpdir(), 'auth0-eventgrid-sandbox-'));
  const tls = await loadTls(caDir);
  const [entraKey, oidcKey, auth0Key, githubKey] = await Promise.all([newIssuerKey(), newIssuerKey(), newIssuerKey(), newIssuerKey()]);
  const seed = options.seed ?? defaultSeed();
  const listeners: Listener[] = [];
  const auth0Listeners = new Map<string, Listener>();

  const ctx: SandboxContext = {
    clock: new SandboxClock(),
    tls,
    settings: { ...DEFAULT_SETTINGS, ...(options.settings ?? {}) },
    world: worldFromSeed(seed),
    faults: new FaultBook(),
    requestLog: new RequestLog(),
    keys: { entra: entraKey, oidc: oidcKey, auth0: auth0Key, github: githubKey },
    verifiers: {
      entra: new TokenVerifier(entraKey),
      oidc: new TokenVerifier(oidcKey),
      auth0: new TokenVerifier(auth0Key),
      github: new TokenVerifier(githubKey),
    },
    endpoints: { arm: '', entra: '', oidc: '', auth0: {} },
    seed,
    async reset(next?: Seed) {
      ctx.seed = next ?? ctx.seed;
      const world = worldFromSeed(ctx.seed);
      ctx.world.subscriptions = world.subscriptions;
      ctx.world.principals = world.principals;
      ctx.world.auth0Tenants = world.auth0Tenants;
      ctx.world.github = world.github;
      ctx.faults.clear();
      ctx.requestLog.clear();
      ctx.delivery?.reset();
      await ensureAuth0Listeners();
      seedPartnerTopics(ctx.seed);
    },
    async addSeed(more: Seed) {
      applySeed(ctx.world, more);
      await ensureAuth0Listeners();
      seedPartnerTopics(more);
    },
    oidcIssuer: () => ctx.endpoints.oidc,
  };

  // Event delivery: Auth0 log streams → partner topics → event subscriptions (sandbox/delivery).
  ctx.delivery = new DeliveryEngine(ctx);
  seedPartnerTopics(seed);

  /** The seed's partner topics, once the world and the clock exist (a never-activated one expires). */
  function seedPartnerTopics(s: Seed): void {
    for (const [i, t] of (s.partnerTopics ?? []).entries()) addPartnerTopic(ctx, t, `seed.partnerTopics[${i}]`);
  }

  const admin = adminService(ctx);
  const withAdmin = (svc: ServiceDef): ServiceDef[] => [admin, svc];

  async function ensureAuth0Listeners(): Promise<void> {
    for (const tenant of ctx.world.auth0Tenants.values()) {
      let l = auth0Listeners.get(tenant.name);
      if (!l) {
        l = await listen(ctx, withAdmin(auth0Service(ctx)), { listener: { name: tenant.name, tenant: tenant.name } });
        auth0Listeners.set(tenant.name, l);
      }
      tenant.domain = `127.0.0.1:${l.port}`;
      ctx.endpoints.auth0[tenant.name] = { url: l.url, domain: tenant.domain };
    }
  }

  try {
    const arm = await listen(ctx, withAdmin(armService(ctx)), { port: options.port ?? 0, listener: { name: 'arm' } });
    listeners.push(arm);
    const entra = await listen(ctx, withAdmin(entraService(ctx)), { listener: { name: 'entra' } });
    listeners.push(entra);
    const oidc = await listen(ctx, withAdmin(oidcService(ctx)), { listener: { name: 'oidc' } });
    listeners.push(oidc);
    const github = await listen(ctx, withAdmin(githubService(ctx)), { listener: { name: 'github' } });
    listeners.push(github);
    ctx.endpoints.github = github.url;
    ctx.endpoints.arm = arm.url;
    ctx.endpoints.entra = entra.url;
    ctx.endpoints.oidc = oidc.url;
    await ensureAuth0Listeners();
  } catch (err) {
    await Promise.all(listeners.map((l) => l.close()));
    throw err;
  }

  const sandbox: Sandbox = {
    endpoints: ctx.endpoints,
    caCertPath: tls.caCertPath,
    context: ctx,
    info(): SandboxInfo {
      const sub = ctx.seed.subscriptions?.[0];
      const principal = ctx.seed.principals?.[0];
      return {
        endpoints: ctx.endpoints,
        caCertPath: tls.caCertPath,
        azure: {
          tenantId: principal?.tenantId ?? ctx.seed.tenantId ?? DEFAULT_IDS.tenantId,
          subscriptionId: sub?.subscriptionId ?? '',
          resourceGroup: sub?.resourceGroups?.[0]?.name ?? '',
          region: sub?.resourceGroups?.[0]?.location ?? DEFAULT_IDS.region,
          clientId: principal?.clientId ?? '',
          clientSecret: principal?.secret ?? '',
          resourceManagerEndpoint: ctx.endpoints.arm,
          authorityHost: ctx.endpoints.entra,
          audience: 'https://management.azure.com/.default',
        },
        auth0: [...ctx.world.auth0Tenants.values()].map((t) => {
          const client = [...t.clients.values()][0];
          return { tenant: t.name, domain: t.domain, clientId: client?.clientId ?? '', clientSecret: client?.clientSecret ?? '' };
        }),
        github: {
          oidcIssuer: ctx.endpoints.oidc,
          idTokenRequestUrl: `${ctx.endpoints.oidc}/_apis/distributedtask/idtoken?api-version=2.0`,
          idTokenRequestToken: oidcRequestToken(ctx),
          ...githubInfo(ctx),
          repository: DEFAULT_IDS.githubRepository,
        },
        seed: ctx.seed,
      };
    },
    async stop() {
      ctx.clock.stop();
      await ctx.delivery?.stop();
      await Promise.all([...listeners, ...auth0Listeners.values()].map((l) => l.close()));
      if (ownCaDir) rmSync(caDir, { recursive: true, force: true });
    },
  };
  return sandbox;
}

