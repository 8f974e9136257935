/**
 * Escaping for text that came from services or users (error messages, topic sources, stream names,
 * ids). Markdown goes into job summaries and bot comments, where a hostile string could break a
 * table, inject HTML or images, or @-mention people; plain text goes to terminals and the Actions
 * log, where control characters (ANSI escapes) or a line starting with `::` (a workflow command)
 * could do harm.
 */

/** C0/C1 control characters other than tab, LF and CR (matching them is the point, hence the lint exceptions). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex
const HAS_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const NEWLINES = /\r\n|\r|\n/g;

/**
 * Escapes a string for inline markdown, safe inside a GFM table cell: backslash-escapes the inline
 * markdown punctuation (so `|` cannot split a cell, `[x](…)`/`![…](…)` cannot make links or images,
 * and emphasis or code spans cannot swallow the rest of the cell),
 * HTML-escapes `&`, `<` and `>`, breaks `@mentions` and GitHub's bare-URL autolinks (`www.`,
 * `scheme://`) with a zero-width space, and turns newlines into `<br>` (ours, added after escaping,
 * so it is the only tag that can appear). Every pattern is a single character class or a fixed
 * string: linear on any input.
 */
export function md(value: string): string {
  return value
    .replace(CONTROL, '')
    .replace(/\t/g, ' ')
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '@&#8203;')
    .replace(/:\/\//g, ':&#8203;//')
    .replace(/www\./gi, (w) => `${w.slice(0, 3)}&#8203;.`)
    .replace(NEWLINES, '<br>');
}

/**
 * Renders an identifier (name, resource id) as a code span, which shows it verbatim. Falls back to
 * md() when the value holds a backtick or newline (which could end the span early).
 */
export function code(value: string): string {
  if (value === '') return '';
  if (/[`\r\n]/.test(value) || HAS_CONTROL.test(value)) return md(value);
  // Inside a table a pipe ends the cell even within a code span unless it is escaped (GFM).
  return '`' + value.replace(/\|/g, '\\|') + '`';
}

/** One line of plain text: newlines and tabs become spaces, other control characters are dropped. */
export function textLine(value: string): string {
  return value.replace(NEWLINES, ' ').replace(/\t/g, ' ').replace(CONTROL, '');
}

/**
 * Stops lines of text from being read as GitHub Actions workflow commands (`::set-output`,
 * `::add-mask::`, `::stop-commands::`…) when written to the log: a zero-width space goes between
 * the two colons of a line that starts (after spaces) with `::`.
 */
export function neutralizeWorkflowCommands(text: string): string {
  // Leading blanks of the line only ([^\S\r\n] cannot run across lines, so this stays linear).
  return text.replace(/^([^\S\r\n]*):(?=:)/gm, '$1:\u200b');
}
