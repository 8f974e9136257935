/**
 * The ChatOps dispatcher, shared by the GitHub App server (bot/app.ts) and the Action's
 * `command: chatops` (bot/action.ts): a new comment is parsed for commands; each is checked (known,
 * arguments, the chatops section, forks, the actor's permission) and run in order, with 👀 at once,
 * one reply per command and 🚀 / 😕 at the end; pull request events post the plan (opened,
 * synchronize, reopened) or release the pull request's locks (closed). One audit line per command.
 */
import { md } from '../src/report/escape.js';
import { auditLine, type AuditEntry, type AuditResult, type AuditSink } from './audit.js';
import { commandSpec, parseArgs, suggestCommand, COMMAND_SPECS, type CommandName, type CommandSpec } from './commands.js';
import { DEFAULT_CONFIG_PATH, loadRepoConfig, type RepoConfig } from './config.js';
import type { CommandContext, Handler, Outcome, Thread } from './context.js';
import { userText } from './escape.js';
import type { ChatEvent, CommentEvent, PullEvent } from './event.js';
import { echo, Feedback, headline } from './feedback.js';
import { messageOf, type GitHubApi } from './github.js';
import { markersTrusted } from './tracking.js';
import { locksOf, releaseLock } from './locks.js';
import { credentialValues, type OpsContext } from './operations.js';
import { parseComment, MAX_COMMANDS, MAX_LINE } from './parse.js';
import { decide, permissionOf, type ActorPermission, type TeamCache } from './permissions.js';
import { changesFile, getPull, type PullInfo } from './pulls.js';
import { apply } from './handlers/apply.js';
import { activateTopic, deactivateTopic, renewAuthorization, resumeStream } from './handlers/environment.js';
import { help } from './handlers/help.js';
import { plan } from './handlers/plan.js';
import { status } from './handlers/status.js';
import { unlock } from './handlers/unlock.js';

const HANDLERS: Record<CommandName, Handler> = {
  status,
  'activate-topic': activateTopic,
  'renew-authorization': renewAuthorization,
  'resume-stream': resumeStream,
  'deactivate-topic': deactivateTopic,
  plan,
  apply,
  unlock,
  help,
};

export interface ChatopsDeps {
  gh: GitHubApi;
  ops: OpsContext;
  /** The environments file (default .github/auth0-eventgrid.yml). */
  configPath?: string;
  audit: AuditSink;
  /** Diagnostics (not audit): a failed reaction, an unexpected error. */
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
  /** The bot's own secrets (private key, webhook secret, tokens): masked everywhere. */
  secrets?: readonly string[];
  /** A command that is not `long` posts "working" when it takes longer than this (ms). */
  workingAfterMs?: number;
  /** The GitHub App's id (server): issues it opened carry tracking markers that are trusted. */
  appId?: number;
  /**
   * Comments worked on at once after their 👀 (the rest wait their turn): under a burst, new comments
   * still get their 👀 at once instead of queueing behind the work of every earlier one.
   */
  gate?: Gate;
}

/**
 * A counting semaphore whose slots are also given back after `holdMs`: it bounds how many comments
 * are worked on at once in a burst (fast services, the CPU is the limit), without letting slow work
 * (a long /apply, a slow network) hold a slot and starve the comments behind it.
 */
export class Gate {
  private active = 0;
  private waiting: (() => void)[] = [];
  constructor(
    readonly limit: number,
    readonly holdMs = 500,
  ) {}

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((r) => this.waiting.push(r));
    else this.active++;
    let released = false;
    const giveBack = () => {
      if (released) return;
      released = true;
      this.release();
    };
    const timer = setTimeout(giveBack, this.holdMs);
    timer.unref?.();
    try {
      return await fn();
    } finally {
      clearTimeout(timer);
      giveBack();
    }
  }
}

export interface EventSummary {
  handled: boolean;
  reason?: string;
  results: AuditResult[];
}

export async function handleEvent(event: ChatEvent, deps: ChatopsDeps): Promise<EventSummary> {
  if (event.kind === 'ignored') {
    deps.log?.('info', `ignored delivery ${event.delivery}: ${event.reason}`);
    return { handled: false, reason: event.reason, results: [] };
  }
  if (event.kind === 'comment') return handleComment(event, deps);
  return handlePull(event, deps);
}

function refusalBody(spec: CommandSpec, actor: ActorPermission, required: string, actual: string, reason: string): string {
  return [
    `Not run: ${md(`/${spec.name}`)} ${md(reason)}.`,
    '',
    `| Required here | ${md(`@${actor.login}`)} has |`,
    '| --- | --- |',
    `| ${md(required)} | ${md(actual)} |`,
    '',
    `Ask someone who may, or a repository admin to change the ${md('chatops:')} section of the environments file. ${md('/help')} lists who may run what here.`,
  ].join('\n');
}

interface RunOne {
  gh: GitHubApi;
  deps: ChatopsDeps;
  fb: Feedback;
  event: CommentEvent | PullEvent;
  config: RepoConfig;
  actor: ActorPermission;
  thread: Thread;
  pull?: PullInfo;
  secrets: string[];
  teams: TeamCache;
  trigger: string;
}

/** Checks and runs one command; posts its reply; writes its audit line. */
async function runCommandLine(o: RunOne, name: string, words: string[], extraNote = '', cut = false): Promise<AuditResult> {
  const t0 = performance.now();
  const shown = echo(name, words);
  const who = { login: o.actor.login, permission: o.actor.level === 'none' ? 'no access' : o.actor.roleName !== o.actor.level ? `${o.actor.level}, role ${o.actor.roleName}` : o.actor.level };
  let workingId: Promise<number> | undefined;
  const startWorking = (note?: string) => {
    workingId ??= o.fb.post(`${headline(shown, who, 'working')}\n\n${note ?? ''}`);
    return workingId.then(() => undefined);
  };
  const spec = commandSpec(name);
  let outcome: Outcome;
  let timer: NodeJS.Timeout | undefined;
  try {
    if (cut) {
      outcome = { result: 'invalid', reason: `line longer than ${MAX_LINE} characters`, body: `This command's line is longer than ${MAX_LINE} characters; nothing after that was read. Write the command on a shorter line.` };
    } else if (!spec) {
      const close = suggestCommand(name);
      outcome = {
        result: 'invalid',
        reason: 'unknown command',
        body: `${userText(`/${name}`, 64)} is not a command.${close ? ` Did you mean ${md(close.usage)}?` : ''} Commands: ${COMMAND_SPECS.map((c) => md(c.usage)).join(', ')}.`,
      };
    } else {
      const parsed = parseArgs(spec, words);
      const rule = o.config.chatops.commands[spec.name];
      if (!parsed.ok) {
        outcome = { result: 'invalid', reason: `bad arguments: ${parsed.problem}`, body: `${md(`/${spec.name}`)} ${userText(parsed.problem, 200)}.\n\nExpected: ${md(spec.usage)} (${md(spec.summary)})` };
      } else if (o.config.chatopsProblems.length && spec.name !== 'help') {
        outcome = {
          result: 'refused',
          reason: 'chatops section invalid',
          body: `Not run: the ${md('chatops:')} section of ${md(o.config.path)} on ${md(o.config.ref)} has problems, and permissions cannot be read from it:\n\n${o.config.chatopsProblems.map((p) => `- ${md(p)}`).join('\n')}`,
        };
      } else if (o.pull?.fork && !o.config.chatops.allowForks && spec.name !== 'help') {
        outcome = {
          result: 'refused',
          reason: 'pull request from a fork',
          body: `Not run: this pull request comes from a fork (${md(o.pull.headRepo || 'a deleted repository')}), and commands on pull requests from forks are not allowed here (${md('chatops: allow-forks: true')} allows them).`,
        };
      } else if (spec.pullRequestOnly && !o.thread.isPull) {
        outcome = { result: 'invalid', reason: 'not a pull request', body: `${md(`/${spec.name}`)} works on pull requests that change ${md(o.config.path)}; this is an issue.` };
      } else {
        const decision = await decide(o.gh, o.event.repo, o.actor, rule, o.teams);
        if (!decision.allowed) {
          outcome = { result: 'refused', reason: `${decision.reason} (required ${decision.required}, has ${decision.actual})`, body: refusalBody(spec, o.actor, decision.required, decision.actual, decision.reason) };
        } else {
          const ctx: CommandContext = {
            gh: o.gh,
            repo: o.event.repo,
            defaultBranch: o.event.defaultBranch,
            spec,
            words,
            args: parsed.args,
            actor: o.actor,
            config: o.config,
            thread: o.thread,
            pull: o.pull,
            ops: { ...o.deps.ops, repository: `${o.event.repo.owner}/${o.event.repo.repo}` },
            secrets: o.secrets,
            working: startWorking,
          };
          if (spec.long) {
            // Long commands post "working" themselves once their checks pass.
          } else {
            timer = setTimeout(() => void startWorking().catch(() => undefined), o.deps.workingAfterMs ?? 3000);
          }
          outcome = await HANDLERS[spec.name](ctx);
        }
      }
    }
  } catch (err) {
    o.deps.log?.('error', `/${name} failed: ${(err as Error)?.stack ?? String(err)}`);
    outcome = { result: 'failure', reason: messageOf(err), body: `Something went wrong: ${md(messageOf(err))}` };
  } finally {
    if (timer) clearTimeout(timer);
  }
  const environment = outcome.environment;
  const ms = performance.now() - t0;
  const body = `${headline(shown, who, outcome.result, ms)}\n\n${outcome.body}${extraNote}`;
  try {
    if (workingId) await o.fb.edit(await workingId, body);
    else await o.fb.post(body);
  } catch (err) {
    o.deps.log?.('error', `could not post the reply to /${name}: ${messageOf(err)}`);
    if (outcome.result === 'success') outcome = { ...outcome, result: 'failure', reason: `reply not posted: ${messageOf(err)}` };
  }
  const entry: AuditEntry = {
    delivery: o.event.delivery,
    repository: `${o.event.repo.owner}/${o.event.repo.repo}`,
    issue: o.thread.number,
    trigger: o.trigger,
    actor: o.actor.login,
    permission: o.actor.level,
    command: `/${name}`,
    args: words,
    environment,
    result: outcome.result,
    reason: outcome.reason,
    durationMs: performance.now() - t0,
  };
  o.deps.audit(auditLine(entry, [...(o.deps.secrets ?? []), ...o.secrets]));
  return outcome.result;
}

async function handleComment(event: CommentEvent, deps: ChatopsDeps): Promise<EventSummary> {
  const parsed = parseComment(event.comment.body);
  if (!parsed.commands.length && !parsed.unread) return { handled: false, reason: 'no command in the comment', results: [] };
  const gh = deps.gh;
  // Credential values (grows as settings are resolved); with the bot's own secrets for everything written.
  const secrets: string[] = [];
  const all = () => [...(deps.secrets ?? []), ...secrets];
  const onError = (what: string, err: unknown) => deps.log?.('warn', `${what}: ${messageOf(err)}`);
  const fb = new Feedback(gh, event.repo, event.issue.number, all, onError, event.comment.id);
  // 👀 first, which also takes the comment (a replayed delivery finds it taken and runs nothing);
  // then the work, when the gate lets it in (the reads every command needs go out together).
  const claim = fb.claim();
  const taken = async (): Promise<EventSummary | undefined> => {
    const c = await claim;
    if (c.outcome === 'claimed') return undefined;
    if (c.outcome === 'taken') {
      deps.log?.('warn', `delivery ${event.delivery}: comment ${event.comment.id} was already taken (its 👀 is there): a replayed or redelivered event, not run again`);
      return { handled: false, reason: 'comment already handled (replayed delivery)', results: [] };
    }
    deps.log?.('error', `delivery ${event.delivery}: could not take comment ${event.comment.id} (${messageOf(c.error)}): nothing run`);
    return { handled: false, reason: `comment not taken: ${messageOf(c.error)}`, results: [] };
  };
  if (parsed.unread) {
    const stop = await taken();
    if (stop) return stop;
    return commentNotRead(event, deps, parsed.unread, fb, all);
  }
  if (deps.gate) return deps.gate.run(() => workOnComment(event, deps, parsed, fb, taken, secrets, all));
  return workOnComment(event, deps, parsed, fb, taken, secrets, all);
}

/** One answer for a comment that was not read for commands (too long, nested too deep). */
async function commentNotRead(event: CommentEvent, deps: ChatopsDeps, why: string, fb: Feedback, all: () => string[]): Promise<EventSummary> {
  const t0 = performance.now();
  try {
    await fb.post(`${headline(md('commands'), { login: event.comment.user.login }, 'invalid', performance.now() - t0)}\n\nThis comment was not read for commands: ${md(why)}. Write the command in a comment of its own.`);
  } catch (err) {
    deps.log?.('error', `could not post the answer to comment ${event.comment.id}: ${messageOf(err)}`);
  }
  deps.audit(auditLine({ delivery: event.delivery, repository: `${event.repo.owner}/${event.repo.repo}`, issue: event.issue.number, trigger: 'comment', actor: event.comment.user.login, command: '(comment)', args: [], result: 'invalid', reason: `not read: ${why}`, durationMs: performance.now() - t0 }, all()));
  await fb.react('confused');
  return { handled: true, results: ['invalid'] };
}

async function workOnComment(event: CommentEvent, deps: ChatopsDeps, parsed: ReturnType<typeof parseComment>, fb: Feedback, taken: () => Promise<EventSummary | undefined>, secrets: string[], all: () => string[]): Promise<EventSummary> {
  const gh = deps.gh;
  const path = deps.configPath ?? DEFAULT_CONFIG_PATH;
  const reads = Promise.all([
    loadRepoConfig(gh, event.repo, path, event.defaultBranch),
    permissionOf(gh, event.repo, event.comment.user.login),
    event.issue.isPull ? getPull(gh, event.repo, event.issue.number) : Promise.resolve(undefined),
  ]);
  // Nothing is answered or run before the comment is known to be this delivery's.
  const stop = await taken();
  if (stop) {
    reads.catch(() => undefined);
    return stop;
  }
  let config: RepoConfig;
  let actor: ActorPermission;
  let pull: PullInfo | undefined;
  try {
    [config, actor, pull] = await reads;
  } catch (err) {
    const results: AuditResult[] = [];
    for (const c of parsed.commands) {
      const t0 = performance.now();
      try {
        await fb.post(`${headline(echo(c.name, c.args), { login: event.comment.user.login }, 'failure')}\n\nCould not read what this command needs from GitHub: ${md(messageOf(err))}`);
      } catch {
        // nothing more to do
      }
      deps.audit(
        auditLine(
          { delivery: event.delivery, repository: `${event.repo.owner}/${event.repo.repo}`, issue: event.issue.number, trigger: 'comment', actor: event.comment.user.login, command: `/${c.name}`, args: c.args, result: 'failure', reason: messageOf(err), durationMs: performance.now() - t0 },
          all(),
        ),
      );
      results.push('failure');
    }
    await fb.react('confused');
    return { handled: true, results };
  }
  for (const v of credentialValues(config.file, deps.ops.env, deps.ops.bindings, `${event.repo.owner}/${event.repo.repo}`)) if (!secrets.includes(v)) secrets.push(v);
  const thread: Thread = {
    number: event.issue.number,
    isPull: event.issue.isPull,
    title: event.issue.title,
    body: event.issue.body,
    state: event.issue.state,
    markersTrusted: markersTrusted(event.issue.author, event.issue.viaAppId, deps.appId),
  };
  const teams: TeamCache = new Map();
  const results: AuditResult[] = [];
  for (let i = 0; i < parsed.commands.length; i++) {
    const c = parsed.commands[i];
    const last = i === parsed.commands.length - 1;
    const note = last && parsed.dropped ? `\n\n*Only the first ${MAX_COMMANDS} commands of a comment run: ${parsed.dropped} more ${parsed.dropped === 1 ? 'was' : 'were'} not run.*` : '';
    results.push(await runCommandLine({ gh, deps, fb, event, config, actor, thread, pull, secrets, teams, trigger: 'comment' }, c.name, c.args, note, c.cut));
  }
  await fb.react(results.every((r) => r === 'success') ? 'rocket' : 'confused');
  return { handled: true, results };
}

async function handlePull(event: PullEvent, deps: ChatopsDeps): Promise<EventSummary> {
  const gh = deps.gh;
  const secrets: string[] = [];
  const all = () => [...(deps.secrets ?? []), ...secrets];
  const repository = `${event.repo.owner}/${event.repo.repo}`;
  const trigger = `pull_request.${event.action}`;
  const t0 = performance.now();
  const fb = new Feedback(gh, event.repo, event.number, all, (what, err) => deps.log?.('warn', `${what}: ${messageOf(err)}`));
  const audit = (command: string, result: AuditResult, reason?: string, environment?: string) =>
    deps.audit(auditLine({ delivery: event.delivery, repository, issue: event.number, trigger, actor: event.sender.login, command, args: [], environment, result, reason, durationMs: performance.now() - t0 }, all()));

  if (event.action === 'closed') {
    const held = await locksOf(gh, event.repo, event.number);
    if (!held.length) return { handled: false, reason: 'no locks held', results: [] };
    // A replayed "closed" of a pull request reopened since must not free the locks it holds again.
    const now = await getPull(gh, event.repo, event.number);
    if (now.state === 'open') {
      deps.log?.('warn', `delivery ${event.delivery}: pull request #${event.number} is open again: its closing event is old (replayed?), locks kept`);
      return { handled: false, reason: 'the pull request is open (a replayed closing event)', results: [] };
    }
    for (const h of held) await releaseLock(gh, event.repo, h.environment);
    const envs = held.map((h) => h.environment);
    await fb.post(`${headline(md('apply locks'), { login: event.sender.login }, 'success', performance.now() - t0)}\n\nReleased the apply lock${envs.length === 1 ? '' : 's'} of ${envs.map((e) => `**${md(e)}**`).join(', ')}: this pull request was ${event.merged ? 'merged' : 'closed'}.`);
    audit('/unlock', 'success', event.merged ? 'merged' : 'closed', envs.join(','));
    return { handled: true, results: ['success'] };
  }

  const path = deps.configPath ?? DEFAULT_CONFIG_PATH;
  const [config, pull] = await Promise.all([loadRepoConfig(gh, event.repo, path, event.defaultBranch), getPull(gh, event.repo, event.number)]);
  for (const v of credentialValues(config.file, deps.ops.env, deps.ops.bindings, `${event.repo.owner}/${event.repo.repo}`)) if (!secrets.includes(v)) secrets.push(v);
  if (config.chatopsProblems.length) {
    audit('/plan', 'ignored', 'chatops section invalid');
    return { handled: false, reason: 'chatops section invalid', results: [] };
  }
  if (!config.chatops.autoPlan) return { handled: false, reason: 'auto-plan is off', results: [] };
  if (pull.state !== 'open' || !(await changesFile(gh, event.repo, event.number, path))) return { handled: false, reason: 'the pull request does not change the environments file', results: [] };
  if (pull.fork && !config.chatops.allowForks) {
    if (event.action === 'opened') {
      await fb.post(`${headline(md('/plan'), { login: event.sender.login }, 'refused')}\n\nNo plan: this pull request comes from a fork, and plans and applies of pull requests from forks are not allowed here (${md('chatops: allow-forks: true')} allows them).`);
    }
    audit('/plan', 'refused', 'pull request from a fork');
    return { handled: true, results: ['refused'] };
  }
  const actor = await permissionOf(gh, event.repo, event.sender.login);
  const thread: Thread = { number: event.number, isPull: true, title: '', body: '', state: pull.state, markersTrusted: false };
  const result = await runCommandLine({ gh, deps, fb, event, config, actor, thread, pull, secrets, teams: new Map(), trigger }, 'plan', []);
  return { handled: true, results: [result] };
}
