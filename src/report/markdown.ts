/** The job summary and bot comment body (GitHub-flavoured markdown). */
import type { OperationResult } from '../operations/types.js';
import { code, md } from './escape.js';
import {
  CHECK_ICON,
  HEALTH_BADGE,
  STEP_ICON,
  changeItems,
  factRows,
  failureRows,
  failuresOf,
  formatDuration,
  targetRows,
  type Row,
} from './model.js';

const cell = (row: Row) => (row.id ? code(row.value) : md(row.value));

function table(headers: string[], rows: string[][]): string[] {
  return [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

/** Markdown for a result whose strings are already redacted. */
export function markdownOf(r: OperationResult): string {
  const badge = HEALTH_BADGE[r.health];
  const out: string[] = [];
  out.push(`## ${badge.emoji} ${badge.word}: auth0-eventgrid ${md(r.command)}${r.dryRun ? ' (dry run)' : ''}`, '');
  out.push(`**Target:** ${targetRows(r).map((t) => `${t.label} ${cell(t)}`).join(' · ')}`, '');
  const when = [r.startedAt && `started ${md(r.startedAt)}`, `took ${formatDuration(r.durationMs)}`].filter(Boolean).join(', ');
  out.push(r.dryRun ? `*Dry run: nothing was changed; ${when}.*` : `*${when[0].toUpperCase()}${when.slice(1)}.*`, '');

  if (r.steps.length) {
    out.push('### Steps', '');
    out.push(
      ...table(
        ['Step', 'Status', 'Detail', 'Duration'],
        r.steps.map((s) => [md(s.title), `${STEP_ICON[s.status] ?? ''} ${md(s.status)}`.trim(), md(s.detail), formatDuration(s.durationMs)]),
      ),
      '',
    );
  }

  if (r.checks.length) {
    out.push('### Checks', '');
    out.push(
      ...table(
        ['Check', 'Status', 'Detail', 'Fix'],
        r.checks.map((c) => [md(c.title), `${CHECK_ICON[c.status] ?? ''} ${md(c.status)}`.trim(), md(c.detail), md(c.fix ?? '')]),
      ),
      '',
    );
  }

  const facts = factRows(r.facts);
  if (facts.length) {
    out.push('### Facts', '', ...table(['Fact', 'Value'], facts.map((f) => [md(f.label), cell(f)])), '');
  }

  for (const f of failuresOf(r)) {
    out.push('### ❌ Failure', '', ...table(['Field', 'Value'], failureRows(f).map((row) => [`**${md(row.label)}**`, cell(row)])), '');
  }

  const changes = changeItems(r);
  if (r.dryRun) {
    out.push('### Plan', '');
    if (changes.length) {
      out.push(`Would make ${changes.length} ${changes.length === 1 ? 'change' : 'changes'}:`, '');
      changes.forEach((c, i) => out.push(`${i + 1}. **${md(c.step)}:** ${md(c.change)}`));
    } else {
      out.push('Nothing to change: everything already matches the inputs.');
    }
    out.push('');
  } else if (changes.length) {
    out.push('### Changes made', '');
    changes.forEach((c, i) => out.push(`${i + 1}. **${md(c.step)}:** ${md(c.change)}`));
    out.push('');
  }
  return out.join('\n');
}
