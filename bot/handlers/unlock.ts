/** /unlock [env]: releases an environment's apply lock, whoever holds it, and says who held it. */
import { md } from '../../src/report/escape.js';
import type { Handler } from '../context.js';
import { userText } from '../escape.js';
import { releaseLock } from '../locks.js';
import { holderText } from './apply.js';

export const unlock: Handler = async (ctx) => {
  let env = ctx.args.env;
  const names = ctx.config.file?.names ?? [];
  if (env === undefined) {
    if (names.length !== 1) {
      return { result: 'invalid', reason: 'no environment given', body: `Which environment? Expected: ${md('/unlock <env>')}${names.length ? ` (one of ${names.map((n) => md(n)).join(', ')})` : ''}.` };
    }
    env = names[0];
  }
  // A lock of an environment that a pull request adds (not yet on the default branch) can be released too.
  const holder = await releaseLock(ctx.gh, ctx.repo, env);
  if (!holder) return { result: 'success', environment: env, body: `${userText(env, 64)} was not locked.` };
  return { result: 'success', environment: env, body: `Released the lock on **${userText(env, 64)}**, held by ${holderText(holder)}.` };
};
