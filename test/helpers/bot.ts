/**
 * Bot tests: the real bot server (bot/server.ts) on loopback, a sandbox (GitHub, Azure, Auth0), the
 * environments file committed to the sandbox repository, and deliveries built by the sandbox
 * (signed, GitHub-shaped) and POSTed to the bot over HTTP.
 */
import { stringify } from 'yaml';
import type { Sandbox } from '../../sandbox/index.js';
import { buildWebhook, type WebhookKind, type WebhookParams } from '../../sandbox/github/index.js';
import { startBotServer, type BotServer } from '../../bot/server.js';
import type { BotSettings } from '../../bot/settings.js';
import { parseBindings, type CredentialBindings } from '../../bot/bindings.js';
import { resolveInvocation } from '../../src/config/environments.js';
import { runInvocation } from '../../src/operations/index.js';
import type { AnyResult, FleetResult } from '../../src/operations/types.js';
import { admin } from './sandbox.js';

export const OWNER = 'octo-org';
export const REPO = 'octo-repo';
export const CONFIG_PATH = '.github/auth0-eventgrid.yml';

/** The credential variables the environments file references, with the sandbox's values. */
export function credentialEnv(sb: Sandbox): Record<string, string> {
  const info = sb.info();
  return { AZURE_CLIENT_SECRET_PROD: info.azure.clientSecret, AUTH0_CLIENT_SECRET_PROD: info.auth0[0].clientSecret };
}

/** One environment's settings for the default sandbox world. */
export function environment(sb: Sandbox, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const info = sb.info();
  const t = info.auth0[0];
  return {
    'azure-subscription-id': info.azure.subscriptionId,
    'azure-resource-group': info.azure.resourceGroup,
    'azure-region': info.azure.region,
    'azure-client-id': info.azure.clientId,
    'azure-tenant-id': info.azure.tenantId,
    'azure-client-secret-env': 'AZURE_CLIENT_SECRET_PROD',
    'azure-resource-manager-endpoint': info.endpoints.arm,
    'azure-authority-host': info.endpoints.entra,
    'auth0-domain': t.domain,
    'auth0-client-id': t.clientId,
    'auth0-client-secret-env': 'AUTH0_CLIENT_SECRET_PROD',
    'auth0-tenant': t.tenant,
    'wait-timeout': '30s',
    ...extra,
  };
}

export function configText(environments: Record<string, Record<string, unknown>>, chatops?: Record<string, unknown>, defaults?: Record<string, unknown>): string {
  return stringify({ ...(defaults ? { defaults } : {}), environments, ...(chatops ? { chatops } : {}) });
}

/** Commits files to the default branch of the sandbox repository. */
export async function commitFiles(sb: Sandbox, files: Record<string, string | null>, ref?: string): Promise<string> {
  const r = await admin(sb, 'PUT', 'github/contents', { files, ...(ref ? { ref } : {}), message: 'test: update files' });
  return r.sha;
}

/** Runs an operation directly (to converge or read the world outside the bot). */
export async function runDirect(sb: Sandbox, text: string, command: string, envs: string, extra: Record<string, string> = {}): Promise<AnyResult> {
  const given: Record<string, string> = { command, environment: envs, ...extra };
  const inv = resolveInvocation((n) => given[n], (p) => (p === CONFIG_PATH ? text : undefined), credentialEnv(sb));
  return runInvocation(inv, { progress: { info: () => undefined, warn: () => undefined } });
}

/** Converges `prod` of the given environments file (setup, run directly); throws with the failure if it does not. */
export async function setUpProd(sb: Sandbox, text: string): Promise<void> {
  const r = (await runDirect(sb, text, 'setup', 'prod')) as FleetResult;
  const failure = r.environments[0].failure;
  if (failure !== undefined) throw new Error(`setup of prod failed: ${JSON.stringify(failure)}`);
}

/** The bot server's process environment for the sandbox: the App, its API, the bindings and the credentials. */
export function serverEnv(sb: Sandbox, extra: Record<string, string> = {}): Record<string, string> {
  const g = sb.info().github;
  return {
    APP_ID: String(g.appId),
    PRIVATE_KEY: g.appPrivateKey,
    WEBHOOK_SECRET: g.webhookSecret,
    GITHUB_API_URL: g.apiUrl,
    GITHUB_CLIENT_THROTTLE: 'false',
    CREDENTIAL_BINDINGS: bindingsText(sb),
    ...credentialEnv(sb),
    ...extra,
  };
}

/**
 * The server's credential bindings for the default sandbox world: the two credential variables lent to
 * the sandbox repository, toward the sandbox's Auth0 tenant, Entra ID and Resource Manager.
 */
export function bindingsText(sb: Sandbox, repositories: string[] = [`${OWNER}/${REPO}`], extra: Record<string, unknown> = {}): string {
  const info = sb.info();
  return stringify({
    credentials: {
      prod: {
        repositories,
        variables: Object.keys(credentialEnv(sb)),
        'auth0-domain': info.auth0[0].domain,
        'azure-authority-host': info.endpoints.entra,
        'azure-resource-manager-endpoint': info.endpoints.arm,
        ...extra,
      },
    },
  });
}

export function testBindings(sb: Sandbox, repositories?: string[], extra?: Record<string, unknown>): CredentialBindings {
  return parseBindings(bindingsText(sb, repositories, extra), 'CREDENTIAL_BINDINGS');
}

export function botSettingsFor(sb: Sandbox, extra: Partial<BotSettings> = {}): BotSettings {
  const g = sb.info().github;
  return {
    bindings: testBindings(sb),
    appId: g.appId,
    privateKey: g.appPrivateKey,
    webhookSecret: g.webhookSecret,
    baseUrl: g.apiUrl,
    port: 0,
    host: '127.0.0.1',
    webhookPath: '/api/github/webhooks',
    configPath: CONFIG_PATH,
    throttle: false,
    logLevel: 'fatal',
    workingAfterMs: 3000,
    maxConcurrent: 8,
    ...extra,
  };
}

export interface TestBot {
  server: BotServer;
  audit: any[];
  auditText: string[];
  logs: string[];
  /** Builds a delivery in the sandbox and POSTs it, signed, to the bot; resolves when the bot answered. */
  send(kind: WebhookKind, params: WebhookParams): Promise<{ status: number; payload: any }>;
  close(): Promise<void>;
}

export async function startTestBot(sb: Sandbox, extra: Partial<BotSettings> = {}, env: Record<string, string> = credentialEnv(sb)): Promise<TestBot> {
  const audit: any[] = [];
  const auditText: string[] = [];
  const logs: string[] = [];
  const server = await startBotServer(botSettingsFor(sb, extra), {
    env,
    audit: (line) => {
      auditText.push(line);
      audit.push(JSON.parse(line));
    },
    log: (level, message) => logs.push(`${level}: ${message}`),
  });
  return {
    server,
    audit,
    auditText,
    logs,
    async send(kind, params) {
      const d = buildWebhook(sb.context, kind, params);
      const res = await fetch(server.webhookUrl, { method: 'POST', headers: d.headers, body: d.body });
      await res.text();
      return { status: res.status, payload: d.payload };
    },
    close: () => server.close(),
  };
}

/** Issue or pull request comments (with reactions) as the sandbox keeps them. */
export async function comments(sb: Sandbox, issue: number): Promise<any[]> {
  return (await admin(sb, 'GET', `github/comments?issue=${issue}`)).value;
}

/** The bot's replies in a thread (newest last). */
export async function replies(sb: Sandbox, issue: number, login = 'auth0-eventgrid[bot]'): Promise<string[]> {
  return (await comments(sb, issue)).filter((c) => c.user.login === login && c.body.startsWith('<!-- auth0-eventgrid:chatops -->')).map((c) => c.body);
}

/** Reactions on a comment by the bot, in order. */
export async function botReactions(sb: Sandbox, issue: number, commentId: number, login = 'auth0-eventgrid[bot]'): Promise<string[]> {
  const c = (await comments(sb, issue)).find((x) => x.id === commentId);
  return (c?.reactions_list ?? []).filter((r: any) => r.user === login).map((r: any) => r.content);
}

export async function newIssue(sb: Sandbox, title = 'ChatOps', body = ''): Promise<number> {
  // Through the API as the repository token (a person's issue would do as well).
  const g = sb.info().github;
  const res = await fetch(`${g.apiUrl}/repos/${OWNER}/${REPO}/issues`, {
    method: 'POST',
    headers: { authorization: `Bearer ${g.token}`, 'content-type': 'application/json', accept: 'application/vnd.github+json' },
    body: JSON.stringify({ title, body }),
  });
  if (res.status !== 201) throw new Error(`issue: ${res.status} ${await res.text()}`);
  return (await res.json()).number;
}

/** Requests the sandbox logged since `mark` (service: github, arm, entra, auth0, oidc). */
export async function requestsSince(sb: Sandbox, mark: number, query = ''): Promise<any[]> {
  return (await admin(sb, 'GET', `requests?since=${mark}${query ? `&${query}` : ''}`)).value;
}

export async function mark(sb: Sandbox): Promise<number> {
  return (await admin(sb, 'GET', 'requests')).mark;
}
