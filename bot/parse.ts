/**
 * Finding the commands in a comment, as GitHub renders it: the comment is parsed with a CommonMark +
 * GFM parser (micromark, the tokenizer of mdast-util-from-markdown), and a command is a line of a
 * **top-level paragraph** that starts (after at most three spaces) with `/` followed by a word, in
 * plain text. Several run in the order written. Not commands, whatever they look like:
 *
 * - code: fenced (a closing fence followed by anything but spaces or tabs does not close it, as on
 *   GitHub), indented, or a code span that runs across lines;
 * - block quotes, list items (a task list describing `/apply` is not a request to run it), footnotes;
 * - HTML: HTML blocks and comments, and anything inside an HTML element that is still open
 *   (`<details>` … `</details>`, `<div>`, inline tags), image descriptions and link titles;
 * - headings (`#` and underlined), tables, link reference definitions.
 *
 * Arguments are the whitespace-separated words after the name, positional or `key=value`.
 *
 * Limits, checked by counting before anything else: a comment longer than GitHub allows
 * (65,536 characters) is not read at all; a comment with no line that could be a command (outside
 * its top-level code fences) is not parsed; a comment with one that is longer than MAX_READ characters or MAX_READ_LINES lines, or
 * whose lines nest quotes and lists deeper than MAX_NESTING, is not parsed either and gets one answer saying why (the parser's
 * cost grows faster than the length on some inputs: these limits bound it). A command line longer
 * than MAX_LINE characters is not read beyond that. No regular expression here can backtrack.
 */
import { parse, postprocess, preprocess } from 'micromark';
import { gfm } from 'micromark-extension-gfm';

export interface CommandLine {
  /** 1-based line number in the comment. */
  line: number;
  /** The line as written (surrounding blanks removed, at most MAX_LINE characters). */
  text: string;
  /** Lower-cased command name, without the slash. */
  name: string;
  args: string[];
  /** The line was longer than MAX_LINE: the rest was not read. */
  cut?: boolean;
}

export interface ParsedComment {
  commands: CommandLine[];
  /** Commands beyond the limit, not run. */
  dropped: number;
  /** Why the comment was not read for commands (too long, nested too deep), when it was not. */
  unread?: string;
}

/** Most commands one comment may run. */
export const MAX_COMMANDS = 10;
/** GitHub's limit for a comment (characters). Longer text cannot come from GitHub. */
export const COMMENT_LIMIT = 65_536;
/** Longest comment that is parsed for commands (characters). */
export const MAX_READ = 8_192;
/** Most lines of a comment that is parsed for commands. */
export const MAX_READ_LINES = 500;
/** Most quote and list markers at the start of one line in a comment that is parsed. */
export const MAX_NESTING = 8;
/** Longest command line read (characters). */
export const MAX_LINE = 1_000;

/**
 * Constructs switched off, none of which can hide text or turn it into code: emphasis, strikethrough
 * and literal autolinks (their resolution is quadratic on crafted input), footnotes, and setext
 * underlines (handled below: the lines they underline are headings).
 */
const DISABLED = ['attention', 'strikethrough', 'wwwAutolink', 'protocolAutolink', 'emailAutolink', 'gfmFootnoteDefinition', 'gfmFootnoteCall', 'gfmPotentialFootnoteCall', 'setextUnderline'];
const EXTENSIONS = [gfm(), { disable: { null: DISABLED } }];

/** Block containers: a paragraph inside one is not top-level. */
const CONTAINERS = new Set(['blockQuote', 'listOrdered', 'listUnordered', 'table']);
/** HTML elements that have no end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';
const isSpace = (c: string | undefined) => c !== undefined && c.trim() === '';

/** Lines of the comment (LF, CRLF or CR), each without its line ending. */
function splitLines(text: string): string[] {
  return text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)).flatMap((l) => (l.includes('\r') ? l.split('\r') : [l]));
}

/** Length in code points, counting no further than `limit + 1`. */
function codePointsOver(text: string, limit: number): boolean {
  if (text.length <= limit) return false;
  if (text.length > limit * 2) return true;
  let n = 0;
  for (const _ of text) if (++n > limit) return true;
  return false;
}

/** Offset of the `/` that starts a command on this line (at most three spaces before it), or -1. */
function slashAt(line: string): number {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  if (line[i] !== '/') return -1;
  const next = line[i + 1];
  return next === undefined || next === '/' || isSpace(next) ? -1 : i;
}

/** A fence line: up to three spaces, then three or more backticks or tildes; its character, length and the rest. */
function fenceOf(line: string): { char: string; len: number; rest: string } | undefined {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  const char = line[i];
  if (char !== '`' && char !== '~') return undefined;
  let j = i;
  while (line[j] === char) j++;
  return j - i >= 3 ? { char, len: j - i, rest: line.slice(j) } : undefined;
}

/**
 * Lines that could be commands: a slash first (after at most three spaces), outside the code fences
 * of the comment's top level (found by counting, as CommonMark closes them: same character, at least
 * as long, nothing but blanks after). Only decides whether the comment is worth parsing: a pasted log
 * full of paths in a fence is not, and is not answered at all.
 */
function candidates(lines: string[]): number {
  let count = 0;
  let fence: { char: string; len: number } | undefined;
  for (const line of lines) {
    const f = fenceOf(line);
    if (fence) {
      if (f && f.char === fence.char && f.len >= fence.len && [...f.rest].every(isBlank)) fence = undefined;
      continue;
    }
    if (f && !(f.char === '`' && f.rest.includes('`'))) {
      fence = f;
      continue;
    }
    if (slashAt(line) !== -1) count++;
  }
  return count;
}

/** Quote and list markers at the start of a line (an upper bound of its nesting). */
function nesting(line: string): number {
  let depth = 0;
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (isBlank(c)) i++;
    else if (c === '>') {
      depth++;
      i++;
    } else if ((c === '-' || c === '*' || c === '+') && (i + 1 === line.length || isBlank(line[i + 1]))) {
      depth++;
      i++;
    } else if (c >= '0' && c <= '9') {
      let j = i;
      while (j < line.length && j - i < 10 && line[j] >= '0' && line[j] <= '9') j++;
      if ((line[j] === '.' || line[j] === ')') && (j + 1 === line.length || isBlank(line[j + 1]))) {
        depth++;
        i = j + 1;
      } else break;
    } else break;
  }
  return depth;
}

/** A setext underline: up to three spaces, a run of `=` or of `-`, then only blanks. */
function isUnderline(line: string): boolean {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  const c = line[i];
  if (c !== '=' && c !== '-') return false;
  while (line[i] === c) i++;
  while (isBlank(line[i])) i++;
  return i === line.length;
}

/** Net element nesting of a piece of HTML (opening tags minus closing ones; comments, void and self-closing tags ignored). */
function htmlDepthChange(html: string, depth: number): number {
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      if (end === -1) break;
      i = end + 3;
      continue;
    }
    const closing = html[lt + 1] === '/';
    let j = lt + (closing ? 2 : 1);
    const start = j;
    while (j < html.length && /[A-Za-z0-9-]/.test(html[j])) j++;
    if (j === start || !/[A-Za-z]/.test(html[start])) {
      i = lt + 1;
      continue;
    }
    const name = html.slice(start, j).toLowerCase();
    const gt = html.indexOf('>', j);
    const selfClosing = gt !== -1 && html[gt - 1] === '/';
    if (closing) depth = Math.max(0, depth - 1);
    else if (!VOID.has(name) && !selfClosing) depth++;
    if (gt === -1) break;
    i = gt + 1;
  }
  return depth;
}

/** Reads one command line (from its slash); undefined when it is not one. */
function readCommand(lineNo: number, raw: string, from: number): CommandLine | undefined {
  let text = raw.slice(from);
  const cut = text.length > MAX_LINE;
  if (cut) text = text.slice(0, MAX_LINE);
  let end = text.length;
  while (end > 0 && isSpace(text[end - 1])) end--;
  text = text.slice(0, end);
  const words = text.slice(1).split(/\s+/u).filter(Boolean);
  const name = words.shift();
  if (!name || name.startsWith('/')) return undefined;
  return { line: lineNo, text, name: name.toLowerCase(), args: words, ...(cut ? { cut } : {}) };
}

type Event = [string, { type: string; start: { line: number; offset: number }; end: { line: number; offset: number } }, unknown];

/** The lines (1-based) that start, in plain text, a top-level paragraph line outside HTML elements and headings. */
function plainLineStarts(source: string, lines: string[]): Set<number> {
  const events = postprocess(parse({ extensions: EXTENSIONS }).document().write(preprocess()(source, undefined, true))) as unknown as Event[];
  const out = new Set<number>();
  let containers = 0;
  let html = 0;
  let paragraph: { depth: number; first: number; last: number } | undefined;
  const paragraphs: { first: number; last: number; starts: number[] }[] = [];
  let starts: number[] = [];
  for (const [kind, token] of events) {
    const type = token.type;
    if (CONTAINERS.has(type)) {
      containers += kind === 'enter' ? 1 : -1;
      continue;
    }
    if (kind === 'exit' && (type === 'htmlFlow' || type === 'htmlText')) {
      html = htmlDepthChange(source.slice(token.start.offset, token.end.offset), html);
      continue;
    }
    if (type === 'paragraph') {
      if (kind === 'enter') {
        paragraph = containers === 0 ? { depth: 0, first: token.start.line, last: token.end.line } : undefined;
        starts = [];
      } else if (paragraph) {
        paragraphs.push({ first: paragraph.first, last: paragraph.last, starts });
        paragraph = undefined;
      }
      continue;
    }
    if (!paragraph) continue;
    if (type === 'data' || type === 'lineEnding' || type === 'linePrefix' || type === 'whitespace') {
      // Plain text directly in the paragraph: does a command start here?
      if (kind === 'enter' && type === 'data' && paragraph.depth === 0 && html === 0 && source[token.start.offset] === '/') {
        const lineNo = token.start.line;
        const line = lines[lineNo - 1] ?? '';
        const at = slashAt(line);
        // The slash must be the line's own first character (after at most three spaces).
        if (at !== -1 && token.start.offset - at >= 0 && (token.start.offset - at === 0 || source[token.start.offset - at - 1] === '\n')) starts.push(lineNo);
      }
      continue;
    }
    paragraph.depth += kind === 'enter' ? 1 : -1;
  }
  for (const p of paragraphs) {
    if (!p.starts.length) continue;
    // Setext headings: the lines above an underline (within the paragraph, or the line right after it).
    let underline = -1;
    for (const lineNo of p.starts) {
      if (underline !== -1 && underline > lineNo) continue;
      underline = -1;
      for (let l = lineNo + 1; l <= Math.min(p.last + 1, lines.length); l++) {
        if (isUnderline(lines[l - 1])) {
          underline = l;
          break;
        }
      }
      if (underline === -1) out.add(lineNo);
    }
  }
  return out;
}

export function parseComment(body: string, max = MAX_COMMANDS): ParsedComment {
  const text = body ?? '';
  if (codePointsOver(text, COMMENT_LIMIT)) return { commands: [], dropped: 0, unread: `it is longer than GitHub allows (${COMMENT_LIMIT} characters)` };
  const lines = splitLines(text);
  // Most comments have no line that could be a command: they are not parsed.
  if (!candidates(lines)) return { commands: [], dropped: 0 };
  if (text.length > MAX_READ) return { commands: [], dropped: 0, unread: `it is ${text.length} characters long, and commands are read from comments of at most ${MAX_READ}` };
  if (lines.length > MAX_READ_LINES) return { commands: [], dropped: 0, unread: `it has ${lines.length} lines, and commands are read from comments of at most ${MAX_READ_LINES}` };
  const deepest = lines.reduce((m, l) => Math.max(m, nesting(l)), 0);
  if (deepest > MAX_NESTING) return { commands: [], dropped: 0, unread: `it nests quotes or lists ${deepest} deep, and commands are read from comments nesting at most ${MAX_NESTING}` };

  const starts = plainLineStarts(lines.join('\n'), lines);
  const commands: CommandLine[] = [];
  let dropped = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!starts.has(i + 1)) continue;
    const c = readCommand(i + 1, lines[i], slashAt(lines[i]));
    if (!c) continue;
    if (commands.length >= max) dropped++;
    else commands.push(c);
  }
  return { commands, dropped };
}
