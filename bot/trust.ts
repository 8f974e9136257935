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
 * and no file, trusted or not, may reference the bot's own secrets. Then, once the pull request's
 * settings are resolved, every credential they send — a step input, a variable, the workflow's OIDC
 * token, the ambient Azure sign-in — must go only where the default branch's settings send it
 * (`sendsOf`, `newSends`): a pull request that changes only `auth0-domain` gets nothing sent there.
 */
import { createHash } from 'node:crypto';
import { AZURE_CLOUDS } from '../src/config/facts.js';
import type { EnvironmentsFile } from '../src/config/environments.js';
import type { Settings } from '../src/config/settings.js';
import { trimSlashes } from '../src/text.js';

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

const norm = (v: string | undefined) => trimSlashes((v ?? '').trim().toLowerCase());

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

/**
 * A credential on its way somewhere: whatever supplied it (a step input, a variable the file names,
 * the workflow's OIDC token, the ambient Azure sign-in), identified by a digest of its value that never
 * leaves this process, with where it goes.
 */
export interface Send {
  /** Digest of the value (or the kind of sign-in for tokens minted on the spot). */
  credential: string;
  /** What it is, for a reply. */
  label: string;
  /** Where it goes, comparable. */
  destination: string;
  /** Where it goes, for a reply. */
  describe: string;
}

const digest = (kind: string, value: string) => `${kind}:${createHash('sha256').update(value).digest('hex')}`;

/**
 * What the settings of one environment send where. `literalWebhook`: the environment's file writes
 * its webhook URL itself (then it is the author's own value, not a credential of the runner or bot).
 */
export function sendsOf(s: Settings, literalWebhook: boolean): Send[] {
  const env = s.environment ?? 'the environment';
  const a = s.azureSignIn;
  const arm = `Resource Manager ${a.resourceManagerEndpoint} (audience ${a.resourceManagerScope})`;
  const armKey = `${norm(a.resourceManagerEndpoint)} ${norm(a.resourceManagerScope)}`;
  const out: Send[] = [];
  if (s.auth0.clientSecret) {
    out.push({ credential: digest('auth0', s.auth0.clientSecret), label: `the Auth0 client secret of ${env}`, destination: `auth0 ${norm(s.auth0.domain)} ${s.auth0.clientId}`, describe: `Auth0 domain ${s.auth0.domain} (client ${s.auth0.clientId})` });
  }
  const entra = `${norm(a.authorityHost)} ${norm(a.tenantId)} ${norm(a.clientId)}`;
  const entraText = `Entra ${a.authorityHost} (tenant ${a.tenantId ?? 'none'}, client ${a.clientId ?? 'none'}) and ${arm}`;
  if (a.kind === 'secret' && a.clientSecret) {
    out.push({ credential: digest('azure', a.clientSecret), label: `the Azure client secret of ${env}`, destination: `azure ${entra} ${armKey}`, describe: entraText });
  } else if (a.kind === 'oidc') {
    out.push({ credential: 'oidc', label: `the workflow's OIDC token (for ${env})`, destination: `oidc ${norm(a.audience)} ${entra} ${armKey}`, describe: `${entraText}, token audience ${a.audience}` });
  } else if (a.kind === 'default') {
    out.push({ credential: 'ambient-azure', label: `the ambient Azure sign-in (for ${env})`, destination: `ambient ${norm(a.authorityHost)} ${armKey}`, describe: `Entra ${a.authorityHost} and ${arm}` });
  }
  const hook = s.eventSubscription.destination?.webhookUrl;
  if (hook && !literalWebhook) out.push({ credential: digest('webhook', hook), label: `the webhook URL of ${env}`, destination: `webhook ${armKey}`, describe: arm });
  return out;
}

/**
 * The sends of a pull request's settings that the default branch never makes: a credential, however
 * supplied, may only go where the default branch already sends it.
 */
export function newSends(trusted: Send[], proposed: Send[]): string[] {
  const known = new Set(trusted.map((t) => `${t.credential}\u0000${t.destination}`));
  const out: string[] = [];
  for (const p of proposed) {
    if (known.has(`${p.credential}\u0000${p.destination}`)) continue;
    const where = [...new Set(trusted.filter((t) => t.credential === p.credential).map((t) => t.describe))];
    out.push(
      where.length
        ? `this pull request would send ${p.label} to ${p.describe}; the default branch sends it only to ${where.join('; ')}. A pull request may not send a credential somewhere new: merge that change first.`
        : `this pull request would send ${p.label} to ${p.describe}, and no environment on the default branch uses that credential. A pull request may only use credentials the way the default branch already does: merge the change first.`,
    );
  }
  return [...new Set(out)];
}
