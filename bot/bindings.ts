/**
 * Which repositories may use which of the server's credentials, and where each may be sent: the
 * operator's own setting, never a repository file. The GitHub App server holds credentials (process
 * variables, its Azure sign-in) that every repository the App is installed on could otherwise name in
 * its environments file, together with an Auth0 domain or an Azure authority of its choosing. So the
 * server lends a credential only through a binding:
 *
 *   credentials:
 *     prod:                                        # a credential set (its name shows in refusals)
 *       repositories: [octo-org/octo-repo]         # owner/name, or owner/* for every repository of owner
 *       environments: [prod]                       # optional: the environments of those files that may use it
 *       variables: [AZURE_CLIENT_SECRET_PROD, AUTH0_CLIENT_SECRET_PROD, PROD_WEBHOOK_URL]
 *       azure-ambient-sign-in: false               # true: may sign in with the server's own Azure identity
 *       auth0-domain: prod-tenant.eu.auth0.com     # where an Auth0 secret of the set may be sent
 *       azure-environment: AzureCloud              # or the endpoints themselves:
 *       azure-authority-host: https://login.microsoftonline.com
 *       azure-resource-manager-endpoint: https://management.azure.com
 *       azure-resource-manager-audience: https://management.azure.com/.default
 *       auth0-client-id, azure-tenant-id, azure-client-id,           # optional pins
 *       azure-subscription-id, azure-resource-group                  #   (one value or a list)
 *
 * given inline (CREDENTIAL_BINDINGS, YAML or JSON) or as a file on the server (CREDENTIAL_BINDINGS_FILE).
 * A variable used by an environment must be in a set bound to the event's repository and environment
 * whose endpoints are the environment's; otherwise the command is refused before the variable is read.
 * With no binding at all, the server lends nothing.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { AZURE_CLOUDS } from '../src/config/facts.js';
import type { EnvironmentsFile } from '../src/config/environments.js';
import type { Settings } from '../src/config/settings.js';
import { trimSlashes } from '../src/text.js';

export const BINDINGS_VARIABLE = 'CREDENTIAL_BINDINGS';
export const BINDINGS_FILE_VARIABLE = 'CREDENTIAL_BINDINGS_FILE';

export interface CredentialSet {
  name: string;
  /** Lower-case `owner/name` or `owner/*`. */
  repositories: string[];
  /** Environment names; undefined: any. */
  environments?: string[];
  variables: string[];
  azureAmbient: boolean;
  auth0Domain?: string;
  auth0ClientId?: string;
  azure: { authorityHost: string; resourceManagerEndpoint: string; resourceManagerAudience: string };
  azureTenantId?: string;
  azureClientId?: string;
  subscriptions?: string[];
  resourceGroups?: string[];
}

export interface CredentialBindings {
  /** Where they were read (shown in refusals): the variable's name, with the file's path. */
  source: string;
  sets: CredentialSet[];
}

export class BindingsError extends Error {
  constructor(public problems: string[]) {
    super(problems.join('\n'));
    this.name = 'BindingsError';
  }
}

const SET_KEYS = [
  'repositories',
  'environments',
  'variables',
  'azure-ambient-sign-in',
  'auth0-domain',
  'auth0-client-id',
  'azure-environment',
  'azure-authority-host',
  'azure-resource-manager-endpoint',
  'azure-resource-manager-audience',
  'azure-tenant-id',
  'azure-client-id',
  'azure-subscription-id',
  'azure-resource-group',
];
const REPO = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/(?:\*|[A-Za-z0-9._-]{1,100})$/;
const VAR = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ENV_NAME = /^(?:\*|[A-Za-z0-9][A-Za-z0-9_.-]{0,62})$/;

/** Endpoints compare case-insensitively, without trailing slashes. */
export const normEndpoint = (v: string | undefined): string => trimSlashes((v ?? '').trim().toLowerCase());
export const normDomain = (v: string | undefined): string =>
  trimSlashes((v ?? '').trim().replace(/^https:\/\//i, '')).toLowerCase();

function cloudOf(name: string | undefined) {
  const key = Object.keys(AZURE_CLOUDS).find((k) => k.toLowerCase() === (name ?? '').trim().toLowerCase()) as keyof typeof AZURE_CLOUDS | undefined;
  return key ? AZURE_CLOUDS[key] : undefined;
}

/** Parses the bindings' text (YAML or JSON); every problem at once, each with its place. */
export function parseBindings(text: string, source: string): CredentialBindings {
  const problems: string[] = [];
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw new BindingsError([`${source}: not YAML or JSON: ${(err as Error).message.split('\n')[0]}`]);
  }
  const root = doc as Record<string, unknown> | null;
  if (!root || typeof root !== 'object' || Array.isArray(root) || !root.credentials || typeof root.credentials !== 'object' || Array.isArray(root.credentials)) {
    throw new BindingsError([`${source}: must be a mapping with "credentials:", each credential set naming its repositories, variables and endpoints (see docs/chatops.md)`]);
  }
  for (const k of Object.keys(root)) if (k !== 'credentials') problems.push(`${source}: "${k}" is not known; use credentials`);
  const sets: CredentialSet[] = [];
  for (const [name, raw] of Object.entries(root.credentials as Record<string, unknown>)) {
    const at = `${source}: credentials.${name}`;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      problems.push(`${at} must be a mapping (${SET_KEYS.join(', ')})`);
      continue;
    }
    const s = raw as Record<string, unknown>;
    for (const k of Object.keys(s)) if (!SET_KEYS.includes(k)) problems.push(`${at}.${k} is not known; use ${SET_KEYS.join(', ')}`);
    const list = (key: string, pattern: RegExp, what: string, required: boolean): string[] | undefined => {
      const v = s[key];
      if (v === undefined || v === null) {
        if (required) problems.push(`${at}.${key} is required: ${what}`);
        return undefined;
      }
      const items = Array.isArray(v) ? v : [v];
      const out: string[] = [];
      for (const item of items) {
        const str = typeof item === 'string' || typeof item === 'number' ? String(item).trim() : '';
        if (!pattern.test(str)) problems.push(`${at}.${key}: ${JSON.stringify(item)} is not ${what}`);
        else out.push(str);
      }
      if (required && !out.length && !problems.length) problems.push(`${at}.${key} is empty: ${what}`);
      return out;
    };
    const text = (key: string): string | undefined => {
      const v = s[key];
      if (v === undefined || v === null) return undefined;
      if (typeof v !== 'string' || !v.trim()) {
        problems.push(`${at}.${key} must be a string`);
        return undefined;
      }
      return v.trim();
    };
    const url = (key: string): string | undefined => {
      const v = text(key);
      if (v === undefined) return undefined;
      try {
        if (new URL(v).protocol !== 'https:') throw new Error();
      } catch {
        problems.push(`${at}.${key}: "${v}" is not an https:// URL`);
      }
      return normEndpoint(v);
    };
    const repositories = (list('repositories', REPO, 'owner/name or owner/* (the repositories that may use this set)', true) ?? []).map((r) => r.toLowerCase());
    const environments = list('environments', ENV_NAME, 'an environment name (or *)', false);
    const variables = list('variables', VAR, 'an environment variable name', false) ?? [];
    const ambient = s['azure-ambient-sign-in'];
    if (ambient !== undefined && typeof ambient !== 'boolean') problems.push(`${at}.azure-ambient-sign-in must be true or false`);
    if (!variables.length && ambient !== true) problems.push(`${at}: names no credential: give variables, or azure-ambient-sign-in: true`);
    const envName = text('azure-environment');
    const cloud = envName === undefined ? AZURE_CLOUDS.AzureCloud : cloudOf(envName);
    if (!cloud) problems.push(`${at}.azure-environment: "${envName}" is not one of ${Object.keys(AZURE_CLOUDS).join(', ')}`);
    const c = cloud ?? AZURE_CLOUDS.AzureCloud;
    const domain = text('auth0-domain');
    if (domain !== undefined && !/^[a-z0-9.-]+(:\d{1,5})?$/i.test(normDomain(domain))) problems.push(`${at}.auth0-domain: "${domain}" is not a domain name`);
    sets.push({
      name,
      repositories,
      environments: environments && !environments.includes('*') ? environments : undefined,
      variables,
      azureAmbient: ambient === true,
      auth0Domain: domain === undefined ? undefined : normDomain(domain),
      auth0ClientId: text('auth0-client-id'),
      azure: {
        authorityHost: url('azure-authority-host') ?? normEndpoint(c.authorityHost),
        resourceManagerEndpoint: url('azure-resource-manager-endpoint') ?? normEndpoint(c.resourceManagerEndpoint),
        resourceManagerAudience: normEndpoint(text('azure-resource-manager-audience') ?? c.resourceManagerScope),
      },
      azureTenantId: text('azure-tenant-id')?.toLowerCase(),
      azureClientId: text('azure-client-id')?.toLowerCase(),
      subscriptions: list('azure-subscription-id', /^[0-9a-f-]{36}$/i, 'a subscription id (GUID)', false)?.map((x) => x.toLowerCase()),
      resourceGroups: list('azure-resource-group', /^[-\w.()]{1,90}$/u, 'a resource group name', false)?.map((x) => x.toLowerCase()),
    });
  }
  if (problems.length) throw new BindingsError(problems);
  return { source, sets };
}

/** The server's bindings from its environment (none set: an empty list, which lends nothing). */
export function bindingsFromEnv(env: NodeJS.ProcessEnv): CredentialBindings {
  const inline = env[BINDINGS_VARIABLE]?.trim();
  const path = env[BINDINGS_FILE_VARIABLE]?.trim();
  if (inline && path) throw new BindingsError([`${BINDINGS_VARIABLE} and ${BINDINGS_FILE_VARIABLE} are both set: give the bindings one way`]);
  if (inline) return parseBindings(inline, BINDINGS_VARIABLE);
  if (path) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      throw new BindingsError([`${BINDINGS_FILE_VARIABLE}: cannot read ${path}: ${(err as Error).message}`]);
    }
    return parseBindings(text, `${BINDINGS_FILE_VARIABLE} (${path})`);
  }
  return { source: BINDINGS_VARIABLE, sets: [] };
}

export function repositoryMatches(set: CredentialSet, repository: string): boolean {
  const full = repository.toLowerCase();
  const owner = full.split('/')[0];
  return set.repositories.some((r) => r === full || r === `${owner}/*`);
}

/** One credential an environment would use, and the kind of use (which decides where it goes). */
export interface CredentialUse {
  kind: 'auth0-client-secret' | 'azure-client-secret' | 'webhook-url' | 'azure-ambient';
  /** The variable (undefined for the ambient Azure sign-in). */
  variable?: string;
}

/** Where an environment sends what: from the file's values (defaults applied) or from resolved settings. */
export interface Destinations {
  auth0Domain: string;
  auth0ClientId: string;
  authorityHost: string;
  resourceManagerEndpoint: string;
  resourceManagerAudience: string;
  azureTenantId: string;
  azureClientId: string;
  subscription: string;
  resourceGroup: string;
}

export function destinationsOfValues(v: Record<string, string>): Destinations {
  const cloud = cloudOf(v['azure-environment'] || 'AzureCloud') ?? AZURE_CLOUDS.AzureCloud;
  return {
    auth0Domain: normDomain(v['auth0-domain']),
    auth0ClientId: (v['auth0-client-id'] ?? '').trim(),
    authorityHost: normEndpoint(v['azure-authority-host'] || cloud.authorityHost),
    resourceManagerEndpoint: normEndpoint(v['azure-resource-manager-endpoint'] || cloud.resourceManagerEndpoint),
    resourceManagerAudience: normEndpoint(v['azure-resource-manager-audience'] || cloud.resourceManagerScope),
    azureTenantId: (v['azure-tenant-id'] ?? '').trim().toLowerCase(),
    azureClientId: (v['azure-client-id'] ?? '').trim().toLowerCase(),
    subscription: (v['azure-subscription-id'] ?? '').trim().toLowerCase(),
    resourceGroup: (v['azure-resource-group'] ?? '').trim().toLowerCase(),
  };
}

export function destinationsOfSettings(s: Settings): Destinations {
  return {
    auth0Domain: normDomain(s.auth0.domain),
    auth0ClientId: s.auth0.clientId.trim(),
    authorityHost: normEndpoint(s.azureSignIn.authorityHost),
    resourceManagerEndpoint: normEndpoint(s.azureSignIn.resourceManagerEndpoint),
    resourceManagerAudience: normEndpoint(s.azureSignIn.resourceManagerScope),
    azureTenantId: (s.azureSignIn.tenantId ?? '').toLowerCase(),
    azureClientId: (s.azureSignIn.clientId ?? '').toLowerCase(),
    subscription: s.azure.subscriptionId.toLowerCase(),
    resourceGroup: s.azure.resourceGroup.toLowerCase(),
  };
}

/** The credentials an environment of a file uses in server mode (no step inputs there). */
export function usesOfValues(v: Record<string, string>): CredentialUse[] {
  const uses: CredentialUse[] = [];
  for (const kind of ['auth0-client-secret', 'azure-client-secret', 'webhook-url'] as const) {
    const variable = v[`${kind}-env`];
    if (variable) uses.push({ kind, variable });
  }
  // Neither a client id, a tenant nor a secret: the ambient chain (the server's environment, Azure CLI).
  if (!v['azure-client-id'] && !v['azure-tenant-id'] && !v['azure-client-secret-env']) uses.push({ kind: 'azure-ambient' });
  return uses;
}

/** Why the set does not allow this use toward these destinations (empty: it does). */
function endpointProblems(set: CredentialSet, use: CredentialUse, d: Destinations): string[] {
  const out: string[] = [];
  const pin = (label: string, actual: string, bound: string | undefined) => {
    if (bound !== undefined && actual !== bound.toLowerCase() && actual !== bound) out.push(`${label} ${actual || '(none)'} (bound: ${bound})`);
  };
  const azure = () => {
    pin('Azure authority host', d.authorityHost, set.azure.authorityHost);
    pin('Resource Manager endpoint', d.resourceManagerEndpoint, set.azure.resourceManagerEndpoint);
    pin('Resource Manager audience', d.resourceManagerAudience, set.azure.resourceManagerAudience);
    if (use.kind !== 'webhook-url') {
      pin('Entra tenant', d.azureTenantId, set.azureTenantId);
      pin('Azure client id', d.azureClientId, set.azureClientId);
    }
    if (set.subscriptions && !set.subscriptions.includes(d.subscription)) out.push(`subscription ${d.subscription} (bound: ${set.subscriptions.join(', ')})`);
    if (set.resourceGroups && !set.resourceGroups.includes(d.resourceGroup)) out.push(`resource group ${d.resourceGroup} (bound: ${set.resourceGroups.join(', ')})`);
  };
  if (use.kind === 'auth0-client-secret') {
    if (!set.auth0Domain) out.push('an Auth0 domain (the set names no auth0-domain)');
    else pin('Auth0 domain', d.auth0Domain, set.auth0Domain);
    pin('Auth0 client id', d.auth0ClientId, set.auth0ClientId);
  } else azure();
  return out;
}

function useLabel(use: CredentialUse): string {
  return use.variable ? `${use.variable} (${use.kind}-env)` : "the server's own Azure sign-in (no azure-client-id: the ambient credential)";
}

/**
 * Why this repository's environment may not use its credentials here (empty: it may), each naming the
 * server setting that would allow it. Judged from the file's values, before any variable is read.
 */
export function bindingProblems(b: CredentialBindings, repository: string, env: string, uses: CredentialUse[], d: Destinations): string[] {
  const problems: string[] = [];
  for (const use of uses) {
    const what = useLabel(use);
    const named = b.sets.filter((s) => (use.kind === 'azure-ambient' ? s.azureAmbient : s.variables.includes(use.variable!)));
    if (!named.length) {
      problems.push(
        b.sets.length
          ? `environments.${env} uses ${what}, which this server lends to no repository: its operator binds credentials to repositories in ${b.source}${use.kind === 'azure-ambient' ? ' (azure-ambient-sign-in: true), or the environment names its own azure-client-id, azure-tenant-id and azure-client-secret-env' : ` (a credential set listing ${use.variable} in its variables)`}`
          : `environments.${env} uses ${what}, but this server lends no credential to any repository: its operator binds credentials to repositories and endpoints with ${BINDINGS_VARIABLE} or ${BINDINGS_FILE_VARIABLE} (see docs/chatops.md)`,
      );
      continue;
    }
    const forRepo = named.filter((s) => repositoryMatches(s, repository));
    if (!forRepo.length) {
      problems.push(`environments.${env} uses ${what}, which this server does not lend to ${repository}: credentials are bound to repositories by the server's operator; adding ${repository} to the repositories of credential set ${named.map((s) => `"${s.name}"`).join(' or ')} in ${b.source} would allow it`);
      continue;
    }
    const forEnv = forRepo.filter((s) => !s.environments || s.environments.includes(env));
    if (!forEnv.length) {
      problems.push(`environments.${env} uses ${what}, which this server lends to ${repository} only for environments ${[...new Set(forRepo.flatMap((s) => s.environments ?? []))].join(', ')}: adding ${env} to the environments of credential set ${forRepo.map((s) => `"${s.name}"`).join(' or ')} in ${b.source} would allow it`);
      continue;
    }
    if (forEnv.some((s) => endpointProblems(s, use, d).length === 0)) continue;
    const first = forEnv[0];
    problems.push(`environments.${env} would send ${what} to ${endpointProblems(first, use, d).join(', ')}: credential set "${first.name}" in ${b.source} binds it to other endpoints, and the environments file cannot change where a credential goes`);
  }
  return problems;
}

/** Server mode: the problems of every environment of a file, from its values. */
export function fileBindingProblems(b: CredentialBindings, repository: string, file: EnvironmentsFile, envs: string[]): string[] {
  return envs.flatMap((e) => {
    const v = file.values(e);
    return bindingProblems(b, repository, e, usesOfValues(v), destinationsOfValues(v));
  });
}

/** The variables those environments may read (all of them passed bindingProblems). */
export function boundVariables(file: EnvironmentsFile, envs: string[]): string[] {
  return [...new Set(envs.flatMap((e) => usesOfValues(file.values(e)).flatMap((u) => (u.variable ? [u.variable] : []))))];
}
