/**
 * The server's settings, from its environment (12-factor; nothing on disk but an optional key file):
 *   APP_ID, PRIVATE_KEY (PEM, or the PEM base64-encoded on one line) or PRIVATE_KEY_PATH,
 *   WEBHOOK_SECRET (required: unsigned or wrongly signed deliveries are refused),
 *   GITHUB_API_URL (GitHub Enterprise Server: https://HOST/api/v3; or GHE_HOST), PORT (3000), HOST,
 *   WEBHOOK_PATH (/api/github/webhooks), CONFIG_FILE (.github/auth0-eventgrid.yml),
 *   GITHUB_CLIENT_THROTTLE (true: Probot's client-side pacing of writes, one per second, as GitHub asks
 *   of integrations; false only against a test API), LOG_LEVEL, WORKING_AFTER_MS, MAX_CONCURRENT_COMMENTS
 *   (comments worked on at once after their 👀, each for at most 500 ms before the next may start; default 4).
 * The Azure and Auth0 credentials are further variables, named by the environments file's `*-env` keys,
 * and lent only as CREDENTIAL_BINDINGS (inline YAML or JSON) or CREDENTIAL_BINDINGS_FILE (a file on the
 * server) allow: which repositories and environments may use which variables, toward which endpoints
 * (bot/bindings.ts). Without bindings the server lends no credential.
 */
import { readFileSync } from 'node:fs';
import { BindingsError, bindingsFromEnv, type CredentialBindings } from './bindings.js';
import { DEFAULT_CONFIG_PATH } from './config.js';
import { trimSlashes } from '../src/text.js';

export interface BotSettings {
  appId: number;
  privateKey: string;
  webhookSecret: string;
  baseUrl?: string;
  port: number;
  host?: string;
  webhookPath: string;
  configPath: string;
  throttle: boolean;
  logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
  workingAfterMs: number;
  /** Comments worked on at once after their 👀 (MAX_CONCURRENT_COMMENTS). */
  maxConcurrent: number;
  /** Which repositories may use which credentials, toward which endpoints (CREDENTIAL_BINDINGS / CREDENTIAL_BINDINGS_FILE). */
  bindings: CredentialBindings;
}

export class BotSettingsError extends Error {
  constructor(public problems: string[]) {
    super(`The bot cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'BotSettingsError';
  }
}

function privateKeyFrom(env: NodeJS.ProcessEnv, problems: string[]): string {
  let key = env.PRIVATE_KEY?.trim();
  if (!key && env.PRIVATE_KEY_PATH) {
    try {
      key = readFileSync(env.PRIVATE_KEY_PATH, 'utf8').trim();
    } catch (err) {
      problems.push(`PRIVATE_KEY_PATH: cannot read ${env.PRIVATE_KEY_PATH}: ${(err as Error).message}`);
      return '';
    }
  }
  if (!key) {
    problems.push('PRIVATE_KEY (or PRIVATE_KEY_PATH) is required: the GitHub App private key (PEM, or base64 of it)');
    return '';
  }
  if (!key.startsWith('-----BEGIN')) {
    const decoded = Buffer.from(key, 'base64').toString('utf8').trim();
    if (decoded.startsWith('-----BEGIN')) return decoded;
    problems.push('PRIVATE_KEY is neither a PEM key nor a base64-encoded one');
    return '';
  }
  // Environments that cannot hold newlines often carry "\n".
  return key.replace(/\\n/g, '\n');
}

export function botSettings(env: NodeJS.ProcessEnv = process.env): BotSettings {
  const problems: string[] = [];
  const appId = Number(env.APP_ID);
  if (!env.APP_ID || !Number.isInteger(appId) || appId <= 0) problems.push(`APP_ID is required: the GitHub App's numeric id${env.APP_ID ? ` (got "${env.APP_ID}")` : ''}`);
  const privateKey = privateKeyFrom(env, problems);
  const webhookSecret = env.WEBHOOK_SECRET ?? '';
  if (webhookSecret.length < 16) problems.push('WEBHOOK_SECRET is required (at least 16 characters): the secret set on the GitHub App, used to verify every delivery');
  let baseUrl = env.GITHUB_API_URL === undefined ? undefined : trimSlashes(env.GITHUB_API_URL);
  if (!baseUrl && env.GHE_HOST) baseUrl = `${env.GHE_PROTOCOL ?? 'https'}://${env.GHE_HOST}/api/v3`;
  if (baseUrl) {
    try {
      new URL(baseUrl);
    } catch {
      problems.push(`GITHUB_API_URL "${baseUrl}" is not a URL`);
    }
  }
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT "${env.PORT}" is not a port number`);
  const levels = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];
  const logLevel = (env.LOG_LEVEL ?? 'warn').toLowerCase();
  if (!levels.includes(logLevel)) problems.push(`LOG_LEVEL "${env.LOG_LEVEL}" is not one of ${levels.join(', ')}`);
  const throttle = !/^(false|0|no|off)$/i.test(env.GITHUB_CLIENT_THROTTLE ?? 'true');
  const workingAfterMs = env.WORKING_AFTER_MS ? Number(env.WORKING_AFTER_MS) : 3000;
  if (!Number.isFinite(workingAfterMs) || workingAfterMs < 0) problems.push(`WORKING_AFTER_MS "${env.WORKING_AFTER_MS}" is not a number of milliseconds`);
  const maxConcurrent = env.MAX_CONCURRENT_COMMENTS ? Number(env.MAX_CONCURRENT_COMMENTS) : 4;
  if (!Number.isInteger(maxConcurrent) || maxConcurrent < 1) problems.push(`MAX_CONCURRENT_COMMENTS "${env.MAX_CONCURRENT_COMMENTS}" is not a whole number of at least 1`);
  let bindings: CredentialBindings = { source: 'CREDENTIAL_BINDINGS', sets: [] };
  try {
    bindings = bindingsFromEnv(env);
  } catch (err) {
    if (!(err instanceof BindingsError)) throw err;
    problems.push(...err.problems);
  }
  if (problems.length) throw new BotSettingsError(problems);
  return {
    appId,
    privateKey,
    webhookSecret,
    baseUrl,
    port,
    host: env.HOST || undefined,
    webhookPath: env.WEBHOOK_PATH || '/api/github/webhooks',
    configPath: env.CONFIG_FILE || DEFAULT_CONFIG_PATH,
    throttle,
    logLevel: logLevel as BotSettings['logLevel'],
    workingAfterMs,
    maxConcurrent,
    bindings,
  };
}
