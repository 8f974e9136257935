/**
 * /apply [env] on a pull request: once the apply requirements are met, takes each environment's lock
 * (atomically; a lock held by another pull request refuses the whole apply and names its holder),
 * then runs setup with the pull request's head version of the file. With `lock-release: merge` the
 * locks stay until the pull request is merged or closed (the environment now runs its version);
 * with `apply` they are released when /apply ends.
 */
import { md } from '../../src/report/escape.js';
import type { Handler } from '../context.js';
import { acquireLock, releaseLock, type LockHolder } from '../locks.js';
import { runAll } from '../operations.js';
import { checkRequirements } from '../pulls.js';
import { render, succeeded } from './common.js';
import { changesLine, preparePull, resolveHead } from './pull.js';

export function holderText(h: LockHolder): string {
  if (!h.pullRequest) return 'someone outside this bot (its lock branch holds no lock record)';
  return `pull request #${h.pullRequest} (${md(`/apply by @${h.actor}`)}${h.at ? ` at ${md(h.at)}` : ''})`;
}

export const apply: Handler = async (ctx) => {
  const prepared = await preparePull(ctx, true);
  if (!prepared.ok) return prepared.outcome;
  const { pull, changes, targets } = prepared.value;
  const environment = targets.join(',');

  const reqs = await checkRequirements(ctx.gh, ctx.repo, pull, ctx.config.chatops.applyRequirements);
  const unmet = reqs.filter((r) => !r.met);
  if (unmet.length) {
    return {
      result: 'refused',
      environment,
      reason: `requirements not met: ${unmet.map((r) => `${r.requirement} (${r.detail})`).join('; ')}`,
      body: [`Not applied: the apply requirements are not met.`, '', ...reqs.map((r) => `- ${r.met ? '✅' : '❌'} **${md(r.requirement)}**: ${md(r.detail)}`), '', changesLine(changes)].join('\n'),
    };
  }

  const resolved = resolveHead(ctx, prepared.value, 'setup', { 'dry-run': 'false' });
  if (!resolved.ok) return resolved.outcome;
  for (const s of resolved.inv.secrets) if (!ctx.secrets.includes(s)) ctx.secrets.push(s);

  // Locks, in a stable order; all or none.
  const taken: string[] = [];
  const blocked: LockHolder[] = [];
  for (const env of [...targets].sort()) {
    const got = await acquireLock(ctx.gh, ctx.repo, ctx.defaultBranch, { environment: env, pullRequest: pull.number, actor: ctx.actor.login, at: new Date().toISOString(), sha: pull.headSha });
    if (got.acquired) {
      if (!got.reentered) taken.push(env);
    } else {
      blocked.push(got.holder);
      break;
    }
  }
  if (blocked.length) {
    await Promise.all(taken.map((e) => releaseLock(ctx.gh, ctx.repo, e)));
    const h = blocked[0];
    return {
      result: 'refused',
      environment,
      reason: `locked by pull request #${h.pullRequest} (${h.actor})`,
      body: `Not applied: **${md(h.environment)}** is locked by ${holderText(h)}. It is released when that pull request is merged or closed, or by ${md(`/unlock ${h.environment}`)}.`,
    };
  }

  await ctx.working(`Applying ${targets.map((t) => md(t)).join(', ')} at ${md(pull.headSha.slice(0, 7))} (locked for this pull request)…`);
  let result;
  try {
    result = await runAll(resolved.inv, ctx.ops);
  } finally {
    if (ctx.config.chatops.lockRelease === 'apply') await Promise.all(targets.map((e) => releaseLock(ctx.gh, ctx.repo, e)));
  }
  const ok = succeeded(result, true);
  const lockNote =
    ctx.config.chatops.lockRelease === 'apply'
      ? 'Locks released.'
      : `${targets.map((t) => `**${md(t)}**`).join(', ')} ${targets.length === 1 ? 'stays' : 'stay'} locked by this pull request until it is merged or closed (or ${md('/unlock')}): ${targets.length === 1 ? 'it runs' : 'they run'} this pull request's version of the file now.`;
  return {
    result: ok ? 'success' : 'failure',
    environment,
    reason: ok ? undefined : 'setup failed or left an environment unhealthy',
    body: [`### Applied pull request #${pull.number} at ${md(pull.headSha.slice(0, 7))}`, '', reqs.map((r) => `✅ ${md(r.requirement)}: ${md(r.detail)}`).join(' · '), '', render(ctx, result), '', lockNote].join('\n'),
  };
};
