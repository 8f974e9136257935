/**
 * Where a credential may be sent. The bot holds credentials (in its environment, or the workflow's
 * secrets) that the people commenting cannot read; a file naming `auth0-client-secret-env: X` makes
 * the bot send X's value to that environment's `auth0-domain`. The default branch's file is trusted
 * (it was reviewed and merged). A pull request's version of it is not yet, and /plan runs on it
 * automatically, so for an environment planned or applied from a pull request:
 *  - a credential reference must name a variable the default branch already references for the same
 *    kind of credential, with the same destination (Auth0 domain and client id; Entra authority,
 *    tenant, client id and Resource Manager endpoint);
 *  - its Azure endpoints (Resource Manager, authority, token audience) must be a public cloud's or
 *    ones an environment on the default branch uses (a token for them is sent there);
 * and no file, trusted or not, may reference the bot's own secrets.
 */
import { AZURE_CLOUDS } from '../src/config/facts.js';
import type { EnvironmentsFile } from '../src/config/environments.js';

/** Variables that hold the bot's (or the runner's) own secrets: never a credential of an environment. */
export const RESERVED_VARIABLES = [
  'APP_ID',
  'PRIVATE_KEY',
  'PRIVATE_KEY_PATH',
  'WEBHOOK_SECRET',
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'GITHUB_CLIENT_SECRET',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_CACHE_URL',
  'INPUT_GITHUB-TOKEN',
  'INPUT_GITHUB_TOKEN',
];

const REFS = ['auth0-client-secret', 'azure-client-secret', 'webhook-url'] as const;

const norm = (v: string | undefined) => (v ?? '').trim().toLowerCase().replace(/\/+$/, '');

function azureEndpoints(v: Record<string, string>): string {
  const cloud = AZURE_CLOUDS[(Object.keys(AZURE_CLOUDS).find((k) => k.toLowerCase() === norm(v['azure-environment'])) ?? 'AzureCloud') as keyof typeof AZURE_CLOUDS];
  return [
    norm(v['azure-resource-manager-endpoint'] || cloud.resourceManagerEndpoint),
    norm(v['azure-authority-host'] || cloud.authorityHost),
    norm(v['azure-resource-manager-audience'] || cloud.resourceManagerScope),
  ].join(' ');
}

/** Where the credential of a reference goes, as a comparable string. */
function destination(ref: (typeof REFS)[number], v: Record<string, string>): string {
  if (ref === 'auth0-client-secret') return `auth0 ${norm(v['auth0-domain'])} ${norm(v['auth0-client-id'])}`;
  if (ref === 'azure-client-secret') return `azure ${norm(v['azure-tenant-id'])} ${norm(v['azure-client-id'])} ${azureEndpoints(v)}`;
  return `webhook ${azureEndpoints(v)}`;
}

function describe(ref: (typeof REFS)[number], v: Record<string, string>): string {
  if (ref === 'auth0-client-secret') return `Auth0 domain ${v['auth0-domain'] || '(none)'} and client ${v['auth0-client-id'] || '(none)'}`;
  if (ref === 'azure-client-secret') return `Entra tenant ${v['azure-tenant-id'] || '(none)'}, client ${v['azure-client-id'] || '(none)'} and Azure endpoints ${azureEndpoints(v)}`;
  return `an event subscription through Azure endpoints ${azureEndpoints(v)}`;
}

/** References to the bot's own secrets, in any environment of a file. */
export function reservedReferences(file: EnvironmentsFile, env: string): string[] {
  const v = file.values(env);
  return REFS.filter((r) => v[`${r}-env`] && RESERVED_VARIABLES.includes(v[`${r}-env`].toUpperCase())).map(
    (r) => `${file.where(env, `${r}-env`)}: environments.${env}.${r}-env names ${v[`${r}-env`]}, which holds the bot's own secret and is never used as a credential`,
  );
}

/** Why the pull request's version of an environment may not use the bot's credentials (empty: it may). */
export function untrustedUses(base: EnvironmentsFile | undefined, head: EnvironmentsFile, env: string): string[] {
  const problems = reservedReferences(head, env);
  const v = head.values(env);
  const baseEnvs = base ? base.names.map((n) => base.values(n)) : [];
  const trustedEndpoints = new Set([...Object.keys(AZURE_CLOUDS).map((c) => azureEndpoints({ 'azure-environment': c })), ...baseEnvs.map(azureEndpoints)]);
  if (!trustedEndpoints.has(azureEndpoints(v))) {
    problems.push(`${head.where(env, 'azure-resource-manager-endpoint')}: environments.${env} uses Azure endpoints (${azureEndpoints(v)}) that neither a public cloud nor an environment on the default branch uses: an Azure token would be sent there. Merge that change first.`);
  }
  for (const ref of REFS) {
    const variable = v[`${ref}-env`];
    if (!variable) continue;
    const uses = baseEnvs.filter((b) => b[`${ref}-env`] === variable);
    if (!uses.length) {
      problems.push(`${head.where(env, `${ref}-env`)}: environments.${env}.${ref}-env names ${variable}, which no environment on the default branch uses for ${ref}: a pull request may only use credentials the default branch already uses. Merge the reference first (then plan and apply from a pull request), or run setup from a workflow.`);
    } else if (!uses.some((b) => destination(ref, b) === destination(ref, v))) {
      problems.push(`${head.where(env, `${ref}-env`)}: environments.${env} would send ${variable} to ${describe(ref, v)}; on the default branch it goes to ${describe(ref, uses[0])}. A pull request may not send a credential somewhere new: merge that change first.`);
    }
  }
  return problems;
}
