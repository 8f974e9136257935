/**
 * Finding the commands in a comment. A command is a line that starts with `/` followed by a word
 * (up to three leading spaces, as markdown allows for a paragraph); any line of the comment may be
 * one, and several run in the order written. CRLF line ends and trailing spaces are tolerated.
 * Not commands: lines inside fenced code blocks (``` or ~~~), indented code (four spaces or a tab),
 * block quotes (`>`, e.g. a reply quoting an earlier command), and HTML comments (text nobody sees).
 * Arguments are the whitespace-separated words after the name, positional or `key=value`.
 */

export interface CommandLine {
  /** 1-based line number in the comment. */
  line: number;
  /** The line as written (trailing spaces removed). */
  text: string;
  /** Lower-cased command name, without the slash. */
  name: string;
  args: string[];
}

export interface ParsedComment {
  commands: CommandLine[];
  /** Commands beyond the limit, not run. */
  dropped: number;
}

/** Most commands one comment may run. */
export const MAX_COMMANDS = 10;

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

export function parseComment(body: string, max = MAX_COMMANDS): ParsedComment {
  const lines = (body ?? '').replace(/\r\n?/g, '\n').split('\n');
  const commands: CommandLine[] = [];
  let dropped = 0;
  let fence: { char: string; len: number } | undefined;
  let inHtmlComment = false;
  lines.forEach((rawLine, i) => {
    const line = rawLine.replace(/[ \t]+$/, '');
    if (fence) {
      const m = FENCE.exec(line);
      if (m && m[1][0] === fence.char && m[1].length >= fence.len && m[2].trim() === '') fence = undefined;
      return;
    }
    if (inHtmlComment) {
      if (line.includes('-->')) inHtmlComment = false;
      return;
    }
    const f = FENCE.exec(line);
    if (f && !(f[1][0] === '`' && f[2].includes('`'))) {
      fence = { char: f[1][0], len: f[1].length };
      return;
    }
    const open = line.lastIndexOf('<!--');
    if (open !== -1 && line.indexOf('-->', open + 4) === -1) {
      inHtmlComment = true;
      // Text before the comment opens still counts.
      if (!/^ {0,3}\//.test(line.slice(0, open))) return;
    }
    if (/^( {4}|\t| {0,3}\t)/.test(line)) return; // indented code
    if (/^ {0,3}>/.test(line)) return; // quote
    const m = /^ {0,3}\/([^\s/][^\s]*)(?:\s+(.*))?$/su.exec(open !== -1 && inHtmlComment ? line.slice(0, open) : line);
    if (!m) return;
    if (commands.length >= max) {
      dropped++;
      return;
    }
    const args = (m[2] ?? '').split(/\s+/u).filter(Boolean);
    commands.push({ line: i + 1, text: line.trim(), name: m[1].toLowerCase(), args });
  });
  return { commands, dropped };
}
