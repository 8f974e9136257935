/**
 * From a webhook delivery (or a workflow's event file) to what the handlers need. Comments by bots
 * (any account of type Bot or whose login ends in "[bot]", this app included) and anything but a new
 * comment are ignored here, before any call is made.
 */
import type { Repo } from './github.js';

export interface Person {
  login: string;
  type: string;
}

export interface CommentEvent {
  kind: 'comment';
  delivery: string;
  repo: Repo;
  defaultBranch: string;
  issue: {
    number: number;
    title: string;
    body: string;
    state: string;
    isPull: boolean;
    labels: string[];
    /** Who opened it, and through which GitHub App (its id) when one did. */
    author: Person;
    viaAppId?: number;
  };
  comment: { id: number; body: string; user: Person };
  sender: Person;
  installationId?: number;
}

export interface PullEvent {
  kind: 'pull_request';
  action: 'opened' | 'synchronize' | 'reopened' | 'closed';
  delivery: string;
  repo: Repo;
  defaultBranch: string;
  number: number;
  merged: boolean;
  sender: Person;
  installationId?: number;
}

export interface IgnoredEvent {
  kind: 'ignored';
  delivery: string;
  reason: string;
  repo?: Repo;
  actor?: string;
}

export type ChatEvent = CommentEvent | PullEvent | IgnoredEvent;

export function isBot(p: Person | undefined): boolean {
  return !!p && (p.type === 'Bot' || /\[bot\]$/i.test(p.login));
}

const person = (u: any): Person => ({ login: String(u?.login ?? ''), type: String(u?.type ?? '') });

export function normalizeEvent(name: string, payload: any, delivery: string): ChatEvent {
  const repo: Repo | undefined = payload?.repository ? { owner: String(payload.repository.owner?.login ?? ''), repo: String(payload.repository.name ?? '') } : undefined;
  const ignored = (reason: string): IgnoredEvent => ({ kind: 'ignored', delivery, reason, repo, actor: payload?.sender?.login });
  if (!repo?.owner || !repo.repo) return ignored('no repository in the payload');
  const defaultBranch = String(payload.repository.default_branch ?? 'main');
  const installationId = typeof payload.installation?.id === 'number' ? payload.installation.id : undefined;
  const sender = person(payload.sender);

  if (name === 'issue_comment') {
    if (payload.action !== 'created') return ignored(`comment ${payload.action ?? 'event'}: only new comments are read`);
    const user = person(payload.comment?.user);
    if (isBot(sender) || isBot(user)) return ignored(`comment by a bot (${user.login || sender.login})`);
    const issue = payload.issue ?? {};
    return {
      kind: 'comment',
      delivery,
      repo,
      defaultBranch,
      issue: {
        number: Number(issue.number),
        title: String(issue.title ?? ''),
        body: String(issue.body ?? ''),
        state: String(issue.state ?? 'open'),
        isPull: !!issue.pull_request,
        labels: (issue.labels ?? []).map((l: any) => String(typeof l === 'string' ? l : l?.name ?? '')),
        author: person(issue.user),
        viaAppId: typeof issue.performed_via_github_app?.id === 'number' ? issue.performed_via_github_app.id : undefined,
      },
      comment: { id: Number(payload.comment?.id), body: String(payload.comment?.body ?? ''), user },
      sender,
      installationId,
    };
  }
  if (name === 'pull_request' || name === 'pull_request_target') {
    const action = payload.action;
    if (!['opened', 'synchronize', 'reopened', 'closed'].includes(action)) return ignored(`pull_request ${action}: not handled`);
    return {
      kind: 'pull_request',
      action,
      delivery,
      repo,
      defaultBranch,
      number: Number(payload.number ?? payload.pull_request?.number),
      merged: !!payload.pull_request?.merged,
      sender,
      installationId,
    };
  }
  return ignored(`${name} events are not handled`);
}
