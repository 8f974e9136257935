/** What the environment handlers share: choosing the environment, running, rendering, judging. */
import { renderMarkdown } from '../../src/report/index.js';
import { md } from '../../src/report/escape.js';
import { isFleet, type AnyResult, type OperationResult } from '../../src/operations/types.js';
import type { Settings } from '../../src/config/settings.js';
import type { CommandContext, Outcome } from '../context.js';
import { userText } from '../escape.js';
import { resolveFor, runAll } from '../operations.js';
import { trackingMarkers } from '../tracking.js';
import { reservedReferences } from '../trust.js';

export type Picked = { ok: true; env: string } | { ok: false; outcome: Outcome };

export function problemsList(problems: string[], max = 20): string {
  const shown = problems.slice(0, max).map((p) => `- ${md(p)}`);
  if (problems.length > max) shown.push(`- …and ${problems.length - max} more`);
  return shown.join('\n');
}

/** The environments file must be there and valid. */
export function fileProblem(ctx: CommandContext): Outcome | undefined {
  if (ctx.config.file) return undefined;
  return {
    result: 'failure',
    reason: 'environments file missing or invalid',
    body: `The environments file ${md(ctx.config.path)} on ${md(ctx.config.ref)} cannot be used:\n\n${problemsList(ctx.config.fileProblems)}`,
  };
}

/**
 * The environment a command acts on: the one named, else the tracking issue's, else the only one
 * in the file; otherwise the reply asks which.
 */
export function pickEnvironment(ctx: CommandContext): Picked {
  const file = ctx.config.file!;
  const usage = ctx.spec.usage;
  if (ctx.args.env !== undefined) {
    if (file.names.includes(ctx.args.env)) return { ok: true, env: ctx.args.env };
    return {
      ok: false,
      outcome: {
        result: 'invalid',
        reason: 'unknown environment',
        body: `There is no environment ${userText(ctx.args.env, 64)} in ${md(ctx.config.path)}. Environments: ${file.names.map((n) => md(n)).join(', ')}.\n\nExpected: ${md(usage)}`,
      },
    };
  }
  if (!ctx.thread.isPull && ctx.thread.markersTrusted) {
    const fromIssue = trackingMarkers(ctx.thread.body).find((m) => file.names.includes(m.environment));
    if (fromIssue) return { ok: true, env: fromIssue.environment };
  }
  if (file.names.length === 1) return { ok: true, env: file.names[0] };
  return {
    ok: false,
    outcome: {
      result: 'invalid',
      reason: 'no environment given',
      body: `Which environment? ${md(ctx.config.path)} defines ${file.names.length}: ${file.names.map((n) => md(n)).join(', ')}.\n\nExpected: ${md(usage.replace('[env]', '<env>'))}`,
    },
  };
}

/** Resolves settings for the environments from the default branch's file, or the outcome saying why not. */
export function settingsOf(ctx: CommandContext, command: string, envs: string[], overrides: Record<string, string> = {}) {
  const file = ctx.config.file!;
  const reserved = envs.flatMap((e) => reservedReferences(file, e));
  if (reserved.length) return { ok: false as const, outcome: { result: 'refused' as const, reason: 'reserved variable', body: `Not run:\n\n${problemsList(reserved)}` } };
  const resolved = resolveFor(ctx.config.path, ctx.config.text!, envs, command, overrides, ctx.ops);
  if (!resolved.ok && resolved.refused) {
    return {
      ok: false as const,
      outcome: {
        result: 'refused' as const,
        reason: 'credentials not lent to this repository',
        body: `Not run: this server does not lend these credentials here, and read none of them:\n\n${problemsList(resolved.problems)}`,
      },
    };
  }
  if (!resolved.ok) {
    return {
      ok: false as const,
      outcome: { result: 'failure' as const, reason: 'settings invalid', body: `The settings of ${envs.map((e) => md(e)).join(', ')} cannot be used:\n\n${problemsList(resolved.problems)}` },
    };
  }
  for (const s of resolved.inv.secrets) if (!ctx.secrets.includes(s)) ctx.secrets.push(s);
  return resolved;
}

/** Whether a result is a success: it ran to the end, and a change left the environment healthy or degraded. */
export function succeeded(r: AnyResult, healthMatters: boolean): boolean {
  const runs: OperationResult[] = isFleet(r) ? r.environments : [r];
  return runs.every((x) => !x.failure && (!healthMatters || x.health !== 'unhealthy'));
}

export function render(ctx: CommandContext, r: AnyResult): string {
  return renderMarkdown(r, { secrets: ctx.secrets });
}

/** Runs a command for one environment of the default branch's file and renders it. */
export async function runForEnvironment(
  ctx: CommandContext,
  command: string,
  overrides: Record<string, string> = {},
): Promise<{ outcome: Outcome; result?: OperationResult; env?: string; settings?: Settings }> {
  const bad = fileProblem(ctx);
  if (bad) return { outcome: bad };
  const picked = pickEnvironment(ctx);
  if (!picked.ok) return { outcome: picked.outcome };
  const s = settingsOf(ctx, command, [picked.env], overrides);
  if (!s.ok) return { outcome: { ...s.outcome, environment: picked.env }, env: picked.env };
  const result = (await runAll(s.inv, ctx.ops)) as OperationResult;
  const ok = succeeded(result, true);
  return {
    outcome: { result: ok ? 'success' : 'failure', environment: picked.env, body: render(ctx, result), reason: ok ? undefined : (result.failure ? `${result.failure.code}: ${result.failure.message}` : `health ${result.health}`) },
    result,
    env: picked.env,
    settings: s.inv.environments[0],
  };
}
