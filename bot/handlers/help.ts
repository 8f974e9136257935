/** /help: the commands, their arguments, and who may run each in this repository (and whether you may). */
import { md } from '../../src/report/escape.js';
import { COMMAND_SPECS } from '../commands.js';
import type { Handler } from '../context.js';
import { decide, type TeamCache } from '../permissions.js';
import { problemsList } from './common.js';

export const help: Handler = async (ctx) => {
  const chatops = ctx.config.chatops;
  const teams: TeamCache = new Map();
  const rows: string[] = [];
  for (const spec of COMMAND_SPECS) {
    const rule = chatops.commands[spec.name];
    const who = [`${rule.permission} or higher`, rule.users?.length ? `users: ${rule.users.join(', ')}` : '', rule.teams?.length ? `teams: ${rule.teams.join(', ')}` : ''].filter(Boolean).join('; ');
    let you: string;
    try {
      const d = await decide(ctx.gh, ctx.repo, ctx.actor, rule, teams);
      you = d.allowed ? '✅' : `❌ ${d.reason}`;
    } catch (err) {
      you = `❔ ${(err as Error).message}`;
    }
    const [name, ...args] = spec.usage.split(' ');
    rows.push(`| ${md(name)} | ${md(args.join(' '))} | ${md(spec.summary)} | ${md(who)} | ${md(you)} |`);
  }
  const file = ctx.config.file;
  const lines = [
    '### auth0-eventgrid commands',
    '',
    '| Command | Arguments | What it does | Who may run it here | You |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `- ${md('env')} may be left out when ${md(ctx.config.path)} has one environment, or in a tracking issue (its environment). Arguments are positional or ${md('key=value')} (${md('env=prod days=30')}).`,
    '- Write each command on its own line; several run in order. Lines in code blocks and quotes are not commands.',
    `- Environments: ${file ? file.names.map((n) => md(n)).join(', ') : `none (${md(ctx.config.path)} is missing or invalid)`}.`,
    `- Pull requests: ${md('/apply')} requires ${chatops.applyRequirements.length ? chatops.applyRequirements.map((r) => md(r)).join(', ') : 'nothing'}; a lock is held ${chatops.lockRelease === 'merge' ? 'from /apply until the pull request is merged or closed' : 'while /apply runs'}; pull requests from forks are ${chatops.allowForks ? 'allowed' : 'not allowed'}; plans are ${chatops.autoPlan ? 'posted automatically' : 'posted on /plan only'}.`,
    `- Permissions and allow-lists come from the ${md('chatops:')} section of ${md(ctx.config.path)} on the default branch.`,
  ];
  if (ctx.config.chatopsProblems.length) lines.push('', `**The ${md('chatops:')} section has problems, so no command but /help runs until they are fixed:**`, '', problemsList(ctx.config.chatopsProblems));
  return { result: 'success', body: lines.join('\n') };
};
