/**
 * What /plan and /apply share: the pull request must be open, target the default branch and change
 * the environments file; its head version of the file must be valid; the environments come from the
 * argument or from what the pull request changes; and each must use credentials only as the default
 * branch already does (bot/trust.ts).
 */
import { md } from '../../src/report/escape.js';
import type { CommandContext, Outcome } from '../context.js';
import { repoConfigFrom, type RepoConfig } from '../config.js';
import { fileAt } from '../github.js';
import { changesFile, environmentChanges, type EnvironmentChanges, type PullInfo } from '../pulls.js';
import { resolveFor } from '../operations.js';
import { newSends, sendsOf, untrustedUses, type Send } from '../trust.js';
import type { Invocation } from '../../src/config/environments.js';
import type { Settings } from '../../src/config/settings.js';
import { userText } from '../escape.js';
import { problemsList } from './common.js';

export interface PreparedPull {
  pull: PullInfo;
  head: RepoConfig;
  changes: EnvironmentChanges;
  targets: string[];
}

export type Prepared = { ok: true; value: PreparedPull } | { ok: false; outcome: Outcome };

const no = (result: Outcome['result'], reason: string, body: string): Prepared => ({ ok: false, outcome: { result, reason, body } });

export function changesLine(c: EnvironmentChanges): string {
  const parts = [...c.modified.map((e) => `**${md(e)}** (modified)`), ...c.added.map((e) => `**${md(e)}** (added)`)];
  const removed = c.removed.length ? ` Removed: ${c.removed.map((e) => `**${md(e)}**`).join(', ')} (/apply does not tear an environment down: run teardown for it).` : '';
  return `${parts.length ? `Environments this pull request changes: ${parts.join(', ')}.` : 'This pull request changes no environment.'}${removed}`;
}

export async function preparePull(ctx: CommandContext, mustChange: boolean): Promise<Prepared> {
  const pull = ctx.pull!;
  const path = ctx.config.path;
  if (pull.state !== 'open') return no('invalid', 'pull request closed', `Pull request #${pull.number} is ${pull.merged ? 'merged' : 'closed'}.`);
  if (pull.baseRef !== ctx.defaultBranch) {
    return no('refused', 'not targeting the default branch', `This pull request targets ${md(pull.baseRef)}, not the default branch ${md(ctx.defaultBranch)}: its version of ${md(path)} is not what will be used.`);
  }
  if (!(await changesFile(ctx.gh, ctx.repo, pull.number, path))) {
    return no('invalid', 'file not changed', `This pull request does not change ${md(path)}: there is nothing to plan or apply. (${md('/status')} shows the environments as they are.)`);
  }
  const [headText, baseText] = await Promise.all([fileAt(ctx.gh, ctx.repo, path, pull.headSha), fileAt(ctx.gh, ctx.repo, path, pull.baseSha)]);
  if (headText === undefined) return no('invalid', 'file removed', `This pull request removes ${md(path)}. /apply does not tear environments down: run teardown for each first.`);
  const head = repoConfigFrom(path, pull.headSha, headText);
  if (!head.file) return no('failure', 'invalid file', `${md(path)} at ${md(pull.headSha.slice(0, 7))} is not valid:\n\n${problemsList(head.fileProblems)}`);
  const base = repoConfigFrom(path, pull.baseSha, baseText);
  const changes = environmentChanges(base.file, head.file);
  const changed = [...changes.modified, ...changes.added];
  let targets: string[];
  if (ctx.args.env !== undefined) {
    if (!head.file.names.includes(ctx.args.env)) {
      return no('invalid', 'unknown environment', `There is no environment ${userText(ctx.args.env, 64)} in this pull request's ${md(path)}. Environments: ${head.file.names.map((n) => md(n)).join(', ')}.`);
    }
    if (mustChange && !changed.includes(ctx.args.env)) {
      return no('refused', 'environment not changed', `This pull request does not change ${md(ctx.args.env)}: /apply applies only what it changes (${changed.length ? changed.map((e) => md(e)).join(', ') : 'nothing'}).`);
    }
    targets = [ctx.args.env];
  } else {
    targets = changed;
    if (!targets.length) return no(mustChange ? 'invalid' : 'success', 'no environment changed', changesLine(changes));
  }
  const headFile = head.file;
  const untrusted = targets.flatMap((e) => untrustedUses(ctx.config.file, headFile, e));
  if (untrusted.length) return no('refused', 'credentials used in a new way', `${changesLine(changes)}\n\nNot run, to keep credentials where the default branch sends them:\n\n${problemsList(untrusted)}`);
  return { ok: true, value: { pull, head, changes, targets } };
}

/** Whether the file writes the environment's webhook URL itself (the value the settings use). */
function literalWebhook(file: RepoConfig, s: Settings): boolean {
  const v = file.file?.values(s.environment ?? '')['webhook-url'];
  return v !== undefined && v.trim() === s.eventSubscription.destination?.webhookUrl;
}

/** What the default branch's environments send where (those that resolve here). */
function trustedSends(ctx: CommandContext, command: string): Send[] {
  const base = ctx.config;
  if (!base.file || base.text === undefined) return [];
  const out: Send[] = [];
  for (const name of base.file.names) {
    const r = resolveFor(base.path, base.text, [name], command, {}, ctx.ops);
    if (r.ok) for (const s of r.inv.environments) out.push(...sendsOf(s, literalWebhook(base, s)));
  }
  return out;
}

/**
 * The pull request's settings for its targets, resolved (with this run's inputs and credentials), or
 * the outcome saying why they may not be used: the server's bindings refuse them, or they would send
 * a credential, however supplied, somewhere the default branch does not send it. Nothing has been
 * sent anywhere when this answers.
 */
export function resolveHead(ctx: CommandContext, p: PreparedPull, command: string, overrides: Record<string, string>): { ok: true; inv: Invocation } | { ok: false; outcome: Outcome } {
  const environment = p.targets.join(',');
  const resolved = resolveFor(p.head.path, p.head.text!, p.targets, command, overrides, ctx.ops);
  if (!resolved.ok) {
    if (resolved.refused) {
      return { ok: false, outcome: { result: 'refused', environment, reason: 'credentials not lent to this repository', body: `${changesLine(p.changes)}\n\nNot run: this server does not lend these credentials here:\n\n${problemsList(resolved.problems)}` } };
    }
    return { ok: false, outcome: { result: 'failure', environment, reason: 'settings invalid', body: `${changesLine(p.changes)}\n\nThe settings cannot be used:\n\n${problemsList(resolved.problems)}` } };
  }
  const proposed = resolved.inv.environments.flatMap((s) => sendsOf(s, literalWebhook(p.head, s)));
  const problems = newSends(trustedSends(ctx, command), proposed);
  if (problems.length) {
    return { ok: false, outcome: { result: 'refused', environment, reason: 'credentials sent somewhere new', body: `${changesLine(p.changes)}\n\nNot run, to keep credentials where the default branch sends them:\n\n${problemsList(problems)}` } };
  }
  return { ok: true, inv: resolved.inv };
}
