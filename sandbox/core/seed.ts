/**
 * Seeds: the world the sandbox starts with. The default seed is a ready-to-use world (one
 * subscription with one resource group in westus2, a service principal with the right roles plus
 * two with less, one Auth0 tenant with a machine-to-machine client holding the log-stream scopes).
 * A seed file describes more (the fleet benchmarks seed hundreds of groups and several tenants).
 */
import { randomUUID } from 'node:crypto';
import { emptyWorld, key, type World } from './state.js';
import { isKnownRole } from './rbac.js';
import type { PartnerTopicSpec } from './partner-topic-spec.js';

export interface SeedSubscription {
  subscriptionId: string;
  displayName?: string;
  tenantId?: string;
  /** Providers already registered (default: none, so setup has to register Microsoft.EventGrid). */
  registeredProviders?: string[];
  resourceGroups?: { name: string; location?: string; tags?: Record<string, string> }[];
}

export interface SeedPrincipal {
  clientId: string;
  tenantId?: string;
  displayName?: string;
  objectId?: string;
  secret?: string;
  federatedCredentials?: { issuer?: string; subject: string; audiences?: string[] }[];
  roleAssignments?: { role: string; scope: string }[];
}

export interface SeedAuth0Tenant {
  name: string;
  clients?: { clientId: string; clientSecret: string; name?: string; scopes?: string[] }[];
  streamLimit?: number;
}

export interface Seed {
  tenantId?: string;
  subscriptions?: SeedSubscription[];
  principals?: SeedPrincipal[];
  auth0Tenants?: SeedAuth0Tenant[];
  /** Partner topics already in groups (decoys, given states), as POST /_sandbox/partner-topics takes them. */
  partnerTopics?: PartnerTopicSpec[];
  github?: Record<string, unknown>;
}

export const DEFAULT_IDS = {
  tenantId: '8d3c6a2b-5f4e-4c1a-9b7d-2e6f1a0c3b5d',
  subscriptionId: '5f1c9a3e-7b2d-4e8f-a6c1-0d9e8b7a6f54',
  resourceGroup: 'auth0-events',
  region: 'westus2',
  clientId: '3b9d5c7e-1a2f-4b6c-8d0e-9f1a2b3c4d5e',
  clientSecret: 'sbx~ClientSecret.9f8e7d6c5b4a3928',
  readerClientId: '4c0e6d8f-2b3a-4c7d-9e1f-0a2b3c4d5e6f',
  readerSecret: 'sbx~ReaderSecret.1a2b3c4d5e6f7a8b',
  rgOnlyClientId: '5d1f7e9a-3c4b-4d8e-8f2a-1b3c4d5e6f7a',
  rgOnlySecret: 'sbx~GroupOnlySecret.2b3c4d5e6f7a8b9c',
  auth0Tenant: 'dev-tenant',
  auth0ClientId: 'SbxM2mLogStreamsClient00000001',
  auth0ClientSecret: 'sbx-auth0-secret-Q2hhbmdlTWVJblByb2R1Y3Rpb24',
  auth0ReadOnlyClientId: 'SbxM2mReadOnlyClient000000002',
  auth0ReadOnlyClientSecret: 'sbx-auth0-readonly-secret-UmVhZE9ubHlDbGllbnQ',
  githubRepository: 'octo-org/octo-repo',
  federatedSubject: 'repo:octo-org/octo-repo:ref:refs/heads/main',
} as const;

export const AZURE_TOKEN_EXCHANGE = 'api://AzureADTokenExchange';
export const LOG_STREAM_SCOPES = ['read:log_streams', 'create:log_streams', 'update:log_streams', 'delete:log_streams'];

export function defaultSeed(): Seed {
  const d = DEFAULT_IDS;
  const sub = `/subscriptions/${d.subscriptionId}`;
  return {
    tenantId: d.tenantId,
    subscriptions: [
      {
        subscriptionId: d.subscriptionId,
        displayName: 'Sandbox subscription',
        registeredProviders: [],
        resourceGroups: [{ name: d.resourceGroup, location: d.region }],
      },
    ],
    principals: [
      {
        clientId: d.clientId,
        displayName: 'auth0-eventgrid deployer',
        secret: d.clientSecret,
        federatedCredentials: [
          { issuer: 'github-actions', subject: d.federatedSubject },
          { issuer: 'github-actions', subject: `repo:${d.githubRepository}:environment:production` },
          { issuer: 'github-actions', subject: `repo:${d.githubRepository}:pull_request` },
        ],
        roleAssignments: [{ role: 'Contributor', scope: sub }],
      },
      {
        clientId: d.readerClientId,
        displayName: 'auth0-eventgrid reader',
        secret: d.readerSecret,
        roleAssignments: [{ role: 'Reader', scope: sub }],
      },
      {
        clientId: d.rgOnlyClientId,
        displayName: 'auth0-eventgrid group-scoped EventGrid Contributor',
        secret: d.rgOnlySecret,
        roleAssignments: [{ role: 'EventGrid Contributor', scope: `${sub}/resourceGroups/${d.resourceGroup}` }],
      },
    ],
    auth0Tenants: [
      {
        name: d.auth0Tenant,
        clients: [
          { clientId: d.auth0ClientId, clientSecret: d.auth0ClientSecret, name: 'auth0-eventgrid', scopes: [...LOG_STREAM_SCOPES, 'read:logs'] },
          { clientId: d.auth0ReadOnlyClientId, clientSecret: d.auth0ReadOnlyClientSecret, name: 'read-only', scopes: ['read:log_streams'] },
        ],
      },
    ],
  };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks a seed, throwing an Error that names the bad entry. */
export function validateSeed(seed: Seed): void {
  if (typeof seed !== 'object' || seed === null) throw new Error('seed: must be a JSON object');
  for (const [i, s] of (seed.subscriptions ?? []).entries()) {
    if (!GUID.test(s.subscriptionId ?? '')) throw new Error(`seed.subscriptions[${i}].subscriptionId: "${s.subscriptionId}" is not a GUID`);
    for (const [j, g] of (s.resourceGroups ?? []).entries()) {
      if (!/^[-\w._()]{1,90}$/.test(g.name ?? '') || g.name.endsWith('.')) throw new Error(`seed.subscriptions[${i}].resourceGroups[${j}].name: "${g.name}" is not a valid resource group name`);
    }
  }
  for (const [i, p] of (seed.principals ?? []).entries()) {
    if (!GUID.test(p.clientId ?? '')) throw new Error(`seed.principals[${i}].clientId: "${p.clientId}" is not a GUID`);
    for (const [j, ra] of (p.roleAssignments ?? []).entries()) {
      if (!isKnownRole(ra.role)) throw new Error(`seed.principals[${i}].roleAssignments[${j}].role: unknown role "${ra.role}"`);
      if (!/^\/subscriptions\/[^/]+/i.test(ra.scope ?? '')) throw new Error(`seed.principals[${i}].roleAssignments[${j}].scope: "${ra.scope}" is not a subscription or resource scope`);
    }
  }
  for (const [i, t] of (seed.partnerTopics ?? []).entries()) {
    if (typeof t?.resourceGroup !== 'string' || typeof t?.name !== 'string') throw new Error(`seed.partnerTopics[${i}]: needs "resourceGroup" and "name"`);
  }
  for (const [i, t] of (seed.auth0Tenants ?? []).entries()) {
    if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(t.name ?? '')) throw new Error(`seed.auth0Tenants[${i}].name: "${t.name}" is not a valid tenant name (lower-case letters, digits, hyphens)`);
  }
}

/** Adds a seed's entities to `world` (existing ones with the same ids are replaced). */
export function applySeed(world: World, seed: Seed): void {
  validateSeed(seed);
  const defaultTenant = seed.tenantId ?? DEFAULT_IDS.tenantId;
  for (const s of seed.subscriptions ?? []) {
    const providers = new Map(
      (s.registeredProviders ?? []).map((ns) => [key(ns), { namespace: ns, state: 'Registered' as const }]),
    );
    world.subscriptions.set(key(s.subscriptionId), {
      subscriptionId: s.subscriptionId.toLowerCase(),
      displayName: s.displayName ?? `Subscription ${s.subscriptionId.slice(0, 8)}`,
      tenantId: s.tenantId ?? defaultTenant,
      providers,
      resourceGroups: new Map(
        (s.resourceGroups ?? []).map((g) => [key(g.name), { name: g.name, location: g.location ?? 'westus2', tags: g.tags ?? {}, partnerTopics: new Map() }]),
      ),
    });
  }
  for (const p of seed.principals ?? []) {
    world.principals.set(key(p.clientId), {
      clientId: p.clientId.toLowerCase(),
      objectId: p.objectId ?? randomUUID(),
      tenantId: p.tenantId ?? defaultTenant,
      displayName: p.displayName ?? p.clientId,
      secrets: p.secret ? [p.secret] : [],
      federatedCredentials: (p.federatedCredentials ?? []).map((f) => ({
        issuer: f.issuer ?? 'github-actions',
        subject: f.subject,
        audiences: f.audiences ?? [AZURE_TOKEN_EXCHANGE],
      })),
      roleAssignments: p.roleAssignments ?? [],
    });
  }
  for (const t of seed.auth0Tenants ?? []) {
    const existing = world.auth0Tenants.get(t.name);
    world.auth0Tenants.set(t.name, {
      name: t.name,
      domain: existing?.domain ?? '',
      clients: new Map(
        (t.clients ?? []).map((c) => [c.clientId, { clientId: c.clientId, clientSecret: c.clientSecret, name: c.name ?? c.clientId, scopes: c.scopes ?? LOG_STREAM_SCOPES }]),
      ),
      logStreams: existing?.logStreams ?? new Map(),
      logs: existing?.logs ?? [],
      streamLimit: t.streamLimit ?? 10,
    });
  }
  if (seed.github) Object.assign(world.github, seed.github);
}

export function worldFromSeed(seed: Seed): World {
  const world = emptyWorld();
  applySeed(world, seed);
  return world;
}
