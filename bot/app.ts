/**
 * The Probot app: wires the webhook events to the ChatOps dispatcher (like repository-settings/app's
 * index): `issue_comment` (new comments; edits and bots are ignored by bot/event.ts) and
 * `pull_request` (plans on opened/synchronize/reopened, lock release on closed). Each event's
 * `context.octokit` is authenticated as the installation the delivery names.
 */
import type { ApplicationFunction, ApplicationFunctionOptions, Context, Probot } from 'probot';
import type { AuditSink } from './audit.js';
import { Gate, handleEvent, type ChatopsDeps } from './chatops.js';
import { normalizeEvent } from './event.js';
import { fromOctokit } from './github.js';
import { rotatingPool } from './operations.js';
import { botSettings, type BotSettings } from './settings.js';

export type AppDeps = Omit<ChatopsDeps, 'gh'>;

export function chatopsApp(deps: AppDeps): ApplicationFunction {
  return (app) => {
    const handle = async (context: Context<'issue_comment' | 'pull_request'>) => {
      const event = normalizeEvent(context.name, context.payload, context.id);
      if (event.kind !== 'ignored' && event.installationId === undefined) {
        deps.log?.('info', `ignored delivery ${context.id}: no installation in the payload`);
        return;
      }
      try {
        await handleEvent(event, { ...deps, gh: fromOctokit(context.octokit) });
      } catch (err) {
        deps.log?.('error', `delivery ${context.id} (${context.name}) failed: ${(err as Error)?.stack ?? String(err)}`);
        throw err;
      }
    };
    app.on('issue_comment', handle);
    app.on('pull_request', handle);
  };
}

export interface AppHostOptions {
  /** Where the credentials the environments file references are read (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Audit lines (default: stdout, one JSON line each). */
  audit?: AuditSink;
  /** Diagnostics (default: stderr, warnings and errors). */
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
}

/** The app's dependencies from the server's settings: one comment gate and one client pool per process. */
export function appDeps(settings: BotSettings, options: AppHostOptions = {}): AppDeps {
  return {
    ops: { env: options.env ?? process.env, pool: rotatingPool(), bindings: settings.bindings },
    appId: settings.appId,
    configPath: settings.configPath,
    audit: options.audit ?? ((line) => process.stdout.write(line + '\n')),
    log: options.log ?? ((level, message) => (level === 'info' ? undefined : process.stderr.write(`[auth0-eventgrid-bot] ${level}: ${message}\n`))),
    secrets: [settings.privateKey, settings.webhookSecret],
    workingAfterMs: settings.workingAfterMs,
    gate: new Gate(settings.maxConcurrent),
  };
}

/**
 * The app for Probot's own hosts (`probot run lib/bot/app.js`, `createNodeMiddleware`, `run()`): settings
 * from the environment as the server reads them (bot/settings.ts: APP_ID, PRIVATE_KEY, WEBHOOK_SECRET,
 * CONFIG_FILE, CREDENTIAL_BINDINGS, …), diagnostics through Probot's logger.
 */
export default function auth0EventgridApp(app: Probot, options: ApplicationFunctionOptions): void | Promise<void> {
  const settings = botSettings(process.env);
  return chatopsApp(appDeps(settings, { log: (level, message) => app.log[level](message) }))(app, options);
}
