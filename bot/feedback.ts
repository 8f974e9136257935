/**
 * What the person who commented sees: 👀 on the comment as soon as it is read, then 🚀 when every
 * command in it succeeded or 😕 when one did not; one reply comment per command, beginning with the
 * command (escaped), who ran it and the outcome. A long command first posts a "working" comment and
 * edits it with the result. Every body is masked (every known secret) and fitted to GitHub's limit.
 */
import { md } from '../src/report/escape.js';
import { redact } from '../src/report/redact.js';
import { fitComment, userText } from './escape.js';
import type { GitHubApi, Repo } from './github.js';
import type { AuditResult } from './audit.js';

export type Reaction = 'eyes' | 'rocket' | 'confused';

/** Hidden marker on every comment the bot writes (for people and tools; the bot ignores its own comments anyway). */
export const REPLY_MARKER = '<!-- auth0-eventgrid:chatops -->';

const OUTCOME: Record<AuditResult | 'working', string> = {
  success: '🚀 done',
  failure: '😕 failed',
  refused: '🚫 not run',
  invalid: '❓ not understood',
  ignored: 'ignored',
  working: '⏳ working…',
};

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** `/name arg …` as the user wrote it, safe to show. */
export function echo(name: string, args: string[]): string {
  return userText([`/${name}`, ...args].join(' '), 120);
}

/** The first line of every reply: the command, who ran it (mention broken), the outcome. */
export function headline(command: string, actor: { login: string; permission?: string }, outcome: AuditResult | 'working', durationMs?: number): string {
  const who = `@${actor.login}`;
  const perm = actor.permission ? ` (${md(actor.permission)})` : '';
  const took = durationMs !== undefined && outcome !== 'working' ? ` in ${formatDuration(durationMs)}` : '';
  return `${REPLY_MARKER}\n**${command}** · run by ${md(who)}${perm} · ${OUTCOME[outcome]}${took}`;
}

export class Feedback {
  constructor(
    private gh: GitHubApi,
    private repo: Repo,
    private issue: number,
    private secrets: () => readonly string[],
    private onError: (what: string, err: unknown) => void,
    private commentId?: number,
  ) {}

  private clean(body: string): string {
    return fitComment(redact(body, this.secrets()));
  }

  /** Adds a reaction to the comment; a failure is logged, never fatal. */
  async react(content: Reaction): Promise<void> {
    if (!this.commentId) return;
    try {
      await this.gh.request('POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', { ...this.repo, comment_id: this.commentId, content });
    } catch (err) {
      this.onError(`reaction ${content}`, err);
    }
  }

  /**
   * Takes the comment for this bot: adds 👀 and reads GitHub's answer, 201 when the reaction is new and
   * 200 when this account had already added it. A delivery replayed (or redelivered) after the first
   * one took the comment gets `taken`, so its commands run once whichever replica receives it, with
   * nothing kept by the bot. Any other answer is `failed` (nothing runs: the comment may be taken).
   */
  async claim(): Promise<{ outcome: 'claimed' } | { outcome: 'taken' } | { outcome: 'failed'; error: unknown }> {
    if (!this.commentId) return { outcome: 'claimed' };
    try {
      const res = await this.gh.request('POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', { ...this.repo, comment_id: this.commentId, content: 'eyes' });
      if (res.status === 201) return { outcome: 'claimed' };
      if (res.status === 200) return { outcome: 'taken' };
      return { outcome: 'failed', error: new Error(`adding the reaction answered HTTP ${res.status}`) };
    } catch (error) {
      return { outcome: 'failed', error };
    }
  }

  async post(body: string): Promise<number> {
    const { data } = await this.gh.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...this.repo, issue_number: this.issue, body: this.clean(body) });
    return data.id;
  }

  async edit(commentId: number, body: string): Promise<void> {
    await this.gh.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { ...this.repo, comment_id: commentId, body: this.clean(body) });
  }
}
