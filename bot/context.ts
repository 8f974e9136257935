/** What a command handler gets, and what it answers. */
import type { AuditResult } from './audit.js';
import type { CommandArgs, CommandSpec } from './commands.js';
import type { RepoConfig } from './config.js';
import type { GitHubApi, Repo } from './github.js';
import type { OpsContext } from './operations.js';
import type { ActorPermission } from './permissions.js';
import type { PullInfo } from './pulls.js';

export interface Thread {
  number: number;
  isPull: boolean;
  title: string;
  body: string;
  state: string;
  /** Whether the tracking markers count (opened by GitHub Actions or this App: bot/tracking.ts). */
  markersTrusted: boolean;
}

export interface CommandContext {
  gh: GitHubApi;
  repo: Repo;
  defaultBranch: string;
  spec: CommandSpec;
  /** The words after the command, as written (for echoing). */
  words: string[];
  args: CommandArgs;
  actor: ActorPermission;
  /** The environments file and chatops settings of the default branch. */
  config: RepoConfig;
  thread: Thread;
  /** The pull request, when the thread is one. */
  pull?: PullInfo;
  ops: OpsContext;
  /** Credential values of the invocation (grows as settings are resolved): reports are masked with them; every comment is masked again with these and the bot's own secrets. */
  secrets: string[];
  /** Posts the "working" comment (long commands, once they pass their checks). */
  working(note?: string): Promise<void>;
}

export interface Outcome {
  result: Exclude<AuditResult, 'ignored'>;
  /** Markdown: the reply's body, under the headline. */
  body: string;
  environment?: string;
  /** For the audit line, when not successful. */
  reason?: string;
}

export type Handler = (ctx: CommandContext) => Promise<Outcome>;
