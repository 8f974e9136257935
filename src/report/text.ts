/** The plain-text report for terminals and the Actions log: aligned columns, no markdown. */
import type { OperationResult } from '../operations/types.js';
import { textLine } from './escape.js';
import { HEALTH_BADGE, changeItems, factRows, failureRows, failuresOf, formatDuration, targetRows } from './model.js';

/** Aligns every column but the last (free text) to its widest cell. */
export function table(rows: string[][], indent = '  '): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length)));
  return rows.map((r) => (indent + r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i] - [...c].length))).join('  ')).trimEnd());
}

/** Text for a result whose strings are already redacted. */
export function textOf(r: OperationResult): string {
  const t = (s: string | undefined) => textLine(s ?? '');
  const out: string[] = [];
  out.push(`auth0-eventgrid ${t(r.command)}: ${HEALTH_BADGE[r.health].word.toUpperCase()}${r.dryRun ? ' (dry run: nothing was changed)' : ''}`);
  out.push(`Target: ${targetRows(r).map((row) => `${row.label} ${t(row.value)}`).join(', ')}`);
  out.push(`Took ${formatDuration(r.durationMs)}${r.startedAt ? `, started ${t(r.startedAt)}` : ''}`);

  if (r.steps.length) {
    out.push('', 'Steps');
    out.push(...table([['STEP', 'STATUS', 'TIME', 'DETAIL'], ...r.steps.map((s) => [t(s.title), t(s.status), formatDuration(s.durationMs), t(s.detail)])]));
  }
  if (r.checks.length) {
    out.push('', 'Checks');
    out.push(
      ...table([
        ['CHECK', 'STATUS', 'DETAIL'],
        ...r.checks.map((c) => [t(c.title), t(c.status), t(c.detail) + (c.fix ? ` Fix: ${t(c.fix)}` : '')]),
      ]),
    );
  }
  const facts = factRows(r.facts);
  if (facts.length) {
    out.push('', 'Facts');
    out.push(...table(facts.map((f) => [f.label, t(f.value)])));
  }
  for (const f of failuresOf(r)) {
    out.push('', 'FAILURE');
    out.push(...table(failureRows(f).map((row) => [row.label, t(row.value)])));
  }
  const changes = changeItems(r);
  if (r.dryRun) {
    out.push('', changes.length ? `Plan (${changes.length} ${changes.length === 1 ? 'change' : 'changes'})` : 'Plan: nothing to change');
    changes.forEach((c, i) => out.push(`  ${i + 1}. ${t(c.step)}: ${t(c.change)}`));
  } else if (changes.length) {
    out.push('', 'Changes made');
    changes.forEach((c, i) => out.push(`  ${i + 1}. ${t(c.step)}: ${t(c.change)}`));
  }
  return out.join('\n') + '\n';
}
