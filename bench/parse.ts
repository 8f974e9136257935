/**
 * Reading commands from hostile comments: parseComment (bot/parse.ts) on crafted comments that make
 * markdown parsers or backtracking regular expressions slow (long blank runs, backtick and fence
 * floods, nested quotes and lists, brackets, tables, underlines, HTML), each ending in a command
 * line so that it is parsed, at the largest size that is still parsed (MAX_READ) and at GitHub's
 * comment limit. One JSON line per case (milliseconds, best of 3), then the slowest.
 *
 *   npm run bench:parse   (or: npx tsx bench/parse.ts)
 */
import { parseComment, COMMENT_LIMIT, MAX_READ } from '../bot/parse.js';
import { emit } from './lib.js';

const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

const CASES: Record<string, (size: number) => string> = {
  'blank run after a command (the old ReDoS)': (n) => '/x' + ' '.repeat(n - 3) + 'x',
  'backtick pairs': (n) => fill('` ', n),
  'growing backtick runs': (n) => Array.from({ length: 2000 }, (_, i) => '`'.repeat(i + 1)).join(' ').slice(0, n),
  'fence flood': (n) => fill('```\n', n),
  'quotes 8 deep on every line': (n) => fill('> > > > > > > > a\n', n),
  'lists 8 deep on every line': (n) => fill('- - - - - - - - a\n', n),
  'ordered lists 8 deep': (n) => fill('1. 1. 1. 1. 1. 1. 1. 1. a\n', n),
  'lists nested by indentation': (n) => {
    let s = '';
    for (let d = 0; s.length < n; d++) s += ' '.repeat(2 * d) + '- x\n';
    return s.slice(0, n);
  },
  'lazy lines under a deep quote': (n) => ('> > > > > > > > a\n' + fill('a\n', n)).slice(0, n),
  'open brackets': (n) => fill('[', n),
  'brackets then closers': (n) => fill('[', Math.floor(n / 2)) + fill(']', Math.ceil(n / 2)),
  'unclosed links': (n) => fill('[a](', n),
  'unclosed link titles': (n) => fill('[a](b "', n),
  'image openers': (n) => fill('![', n),
  'emphasis runs': (n) => fill('*a_', n),
  'strikethrough runs': (n) => fill('~~a', n),
  'underlined lines': (n) => fill('a\n=\n', n),
  'table rows': (n) => ('a|b\n-|-\n' + fill('x|y\n', n)).slice(0, n),
  'wide table': (n) => ('|a|\n|-|\n' + fill('|x', n)).slice(0, n),
  'reference definitions': (n) => fill('[a]: b\n', n),
  'tag openers': (n) => fill('<a b="', n),
  'details flood': (n) => fill('<details>\n', n),
  'comment openers': (n) => fill('<!--', n),
  'unicode spaces': (n) => fill('/x\u00a0\u2003\u3000', n),
  'short lines': (n) => fill('a\n', n),
  'command lines': (n) => fill('/status prod\n', n),
};

const command = '\n\n/status prod\n';
let worst = { name: '', size: 0, ms: 0 };
for (const size of [MAX_READ, COMMENT_LIMIT]) {
  for (const [name, make] of Object.entries(CASES)) {
    const body = make(size - command.length) + command;
    let best = Infinity;
    let result: ReturnType<typeof parseComment> | undefined;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      result = parseComment(body);
      best = Math.min(best, performance.now() - t0);
    }
    const ms = Math.round(best * 10) / 10;
    emit('parse', 'parse_comment_ms', ms, { case: name, chars: body.length, commands: result!.commands.length, unread: result!.unread ?? null });
    if (ms > worst.ms) worst = { name, size: body.length, ms };
  }
}
emit('parse', 'parse_comment_worst_ms', worst.ms, { case: worst.name, chars: worst.size });
