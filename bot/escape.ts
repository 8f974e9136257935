/**
 * Everything a user wrote that the bot echoes back goes through userText(): invisible and
 * direction-changing characters are shown as {U+XXXX} (a right-to-left override or zero-width space
 * could make an echoed command read as something else), the text is shortened, and it is escaped by
 * src/report's md() (no mentions, links, images, HTML or table breaks). The audit log gets the same
 * text unescaped but cleaned (auditText()).
 */
import { md } from '../src/report/escape.js';

/**
 * Zero-width and formatting characters, bidirectional embeddings, overrides and isolates, the soft
 * hyphen, the Arabic letter mark, the Mongolian vowel separator, invisible operators, the byte order
 * mark, and the variation selectors.
 */
// Variation selectors are combining characters: matching them one by one is the point here.
// eslint-disable-next-line no-misleading-character-class
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufe00-\ufe0f]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

export function stripInvisible(value: string): string {
  return value.replace(INVISIBLE, '');
}


/** Shortens to `max` code points, marking the cut with an ellipsis. */
export function truncate(value: string, max: number): string {
  const chars = [...value];
  return chars.length > max ? chars.slice(0, Math.max(1, max - 1)).join('') + '…' : value;
}

/** Invisible characters made visible as {U+XXXX}, so that a reader sees the trick. */
export function showInvisible(value: string): string {
  return value.replace(INVISIBLE, (c) => `{U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}}`);
}

/** User text for a comment: invisible characters shown, shortened, markdown-escaped (mentions broken). */
export function userText(value: string, max = 80): string {
  return md(truncate(showInvisible(value).replace(CONTROL, ' '), max));
}

/** User text for a log line (JSON-encoded by the caller): cleaned and shortened, not escaped. */
export function auditText(value: string, max = 200): string {
  return truncate(stripInvisible(value).replace(CONTROL, ' '), max);
}

/** GitHub refuses comments longer than 65536 characters: keep the head and say what was cut. */
export const COMMENT_LIMIT = 65_536;

export function fitComment(body: string, limit = COMMENT_LIMIT - 512): string {
  if (body.length <= limit) return body;
  const note = '\n\n*…the rest of this report is too long for a comment; run the workflow or the CLI for all of it.*';
  let cut = body.slice(0, limit - note.length);
  // Do not end inside an HTML entity or a tag (found from the end, without a regex that could backtrack).
  const amp = cut.lastIndexOf('&');
  if (amp !== -1 && !cut.includes(';', amp)) cut = cut.slice(0, amp);
  const lt = cut.lastIndexOf('<');
  if (lt !== -1 && !cut.includes('>', lt)) cut = cut.slice(0, lt);
  const openDetails = (cut.match(/<details>/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length;
  return cut + note + '\n</details>'.repeat(Math.max(0, openDetails));
}
