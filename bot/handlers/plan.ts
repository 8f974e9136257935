/**
 * /plan [env] on a pull request (and automatically when one that changes the environments file opens
 * or changes): the dry run of setup for the environments it changes, with its head's version of the
 * file. Nothing is written and no lock is taken.
 */
import { md } from '../../src/report/escape.js';
import type { Handler } from '../context.js';
import { runAll } from '../operations.js';
import { render, succeeded } from './common.js';
import { changesLine, preparePull, resolveHead } from './pull.js';

export const plan: Handler = async (ctx) => {
  const prepared = await preparePull(ctx, false);
  if (!prepared.ok) return prepared.outcome;
  const { pull, changes, targets } = prepared.value;
  const resolved = resolveHead(ctx, prepared.value, 'setup', { 'dry-run': 'true' });
  if (!resolved.ok) return resolved.outcome;
  for (const s of resolved.inv.secrets) if (!ctx.secrets.includes(s)) ctx.secrets.push(s);
  await ctx.working(`Planning ${targets.map((t) => md(t)).join(', ')} at ${md(pull.headSha.slice(0, 7))}…`);
  const result = await runAll(resolved.inv, ctx.ops);
  const ok = succeeded(result, false);
  const reqs = ctx.config.chatops.applyRequirements;
  const next = `To apply: comment ${md('/apply')}${targets.length === 1 && ctx.args.env ? ` ${md(targets[0])}` : ''} (requires ${reqs.length ? reqs.map((r) => md(r)).join(', ') : 'nothing more'}).`;
  return {
    result: ok ? 'success' : 'failure',
    environment: targets.join(','),
    reason: ok ? undefined : 'the plan failed',
    body: [`### Plan for pull request #${pull.number} at ${md(pull.headSha.slice(0, 7))}`, '', changesLine(changes), '', render(ctx, result), '', next].join('\n'),
  };
};
