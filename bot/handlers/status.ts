/**
 * /status [env]: the verify report of one environment; without an environment (and more than one in
 * the file, outside a tracking issue) one line per environment, most urgent first, each with its
 * report folded underneath. Reporting an unhealthy environment is a successful /status.
 */
import { md } from '../../src/report/escape.js';
import { COMMENT_LIMIT } from '../escape.js';
import type { Handler } from '../context.js';
import { runAll } from '../operations.js';
import { fileProblem, pickEnvironment, render, runForEnvironment, settingsOf, succeeded } from './common.js';

export const status: Handler = async (ctx) => {
  const bad = fileProblem(ctx);
  if (bad) return bad;
  const file = ctx.config.file!;
  const picked = pickEnvironment(ctx);
  if (picked.ok || ctx.args.env !== undefined) {
    const { outcome, result } = await runForEnvironment(ctx, 'verify');
    if (!result) return outcome;
    const ok = succeeded(result, false);
    return { ...outcome, result: ok ? 'success' : 'failure' };
  }
  const s = settingsOf(ctx, 'verify', file.names);
  if (!s.ok) return s.outcome;
  const result = await runAll(s.inv, ctx.ops);
  let body = render(ctx, result);
  // Many environments: keep the one-line-per-environment table, drop the folded reports.
  if (body.length > COMMENT_LIMIT - 2000) body = body.replace(/\n<details>[\s\S]*?<\/details>/g, '') + `\n*Reports of each environment left out (too long for a comment): ${md('/status <env>')} shows one.*\n`;
  const ok = succeeded(result, false);
  return { result: ok ? 'success' : 'failure', body, environment: 'all', reason: ok ? undefined : 'an environment could not be read' };
};
