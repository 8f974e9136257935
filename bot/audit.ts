/**
 * One structured audit line per command (JSON): who ran what, with which arguments, on which
 * environment, with what result and how long it took. User text is cleaned and shortened; every
 * known secret is masked. The shell decides where lines go (stdout for the server, the job log for
 * the Action).
 */
import { redact } from '../src/report/redact.js';
import { auditText } from './escape.js';

export type AuditResult = 'success' | 'failure' | 'refused' | 'invalid' | 'ignored';

export interface AuditEntry {
  delivery: string;
  repository: string;
  /** Issue or pull request number. */
  issue?: number;
  /** What started it: comment, or pull_request.<action>. */
  trigger: string;
  actor: string;
  /** The actor's permission, when it was looked up. */
  permission?: string;
  command: string;
  args: string[];
  environment?: string;
  result: AuditResult;
  reason?: string;
  durationMs: number;
}

export type AuditSink = (line: string) => void;

export function auditLine(entry: AuditEntry, secrets: readonly string[], now = new Date()): string {
  const clean = (s: string | undefined) => (s === undefined ? undefined : redact(auditText(s), secrets));
  const line = {
    audit: 'auth0-eventgrid-chatops',
    time: now.toISOString(),
    delivery: entry.delivery,
    repository: entry.repository,
    issue: entry.issue,
    trigger: entry.trigger,
    actor: clean(entry.actor),
    permission: entry.permission,
    command: clean(entry.command),
    args: entry.args.slice(0, 10).map((a) => clean(a)!),
    environment: clean(entry.environment),
    result: entry.result,
    reason: clean(entry.reason),
    durationMs: Math.round(entry.durationMs),
  };
  return JSON.stringify(line);
}
