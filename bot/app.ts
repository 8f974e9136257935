/**
 * The Probot app: wires the webhook events to the ChatOps dispatcher (like repository-settings/app's
 * index): `issue_comment` (new comments; edits and bots are ignored by bot/event.ts) and
 * `pull_request` (plans on opened/synchronize/reopened, lock release on closed). Each event's
 * `context.octokit` is authenticated as the installation the delivery names.
 */
import type { ApplicationFunction, Context } from 'probot';
import { handleEvent, type ChatopsDeps } from './chatops.js';
import { normalizeEvent } from './event.js';
import { fromOctokit } from './github.js';

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
