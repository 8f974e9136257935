/**
 * Event Grid's list options: `$filter` on the `name` property only, with `contains`, `startswith`,
 * `endswith`, `eq`, `ne`, `not`, `and`, `or` and parentheses (case-insensitive, as Event Grid compares
 * names), `$top` (1–100 per page, default 20) and `nextLink` paging with an opaque `$skipToken`.
 */
import { HttpError, type Ctx } from '../core/http.js';
import type { SandboxContext } from '../core/context.js';
import { armBase } from './common.js';

type Pred = (name: string) => boolean;

const cache = new Map<string, Pred>();

function filterError(filter: string, why: string): HttpError {
  return new HttpError(
    400,
    'BadRequest',
    `The $filter '${filter}' is not supported: ${why}. Filtering is permitted on the 'name' property only, with the functions contains, startswith and endswith and the operators eq, ne, not, and, or.`,
  );
}

export interface FilterToken {
  t: 'id' | 'str' | '(' | ')' | ',';
  v: string;
}

/**
 * The tokens of an OData `$filter`: names (runs of `chars.id`), quoted strings ('' is a quote inside
 * one), parentheses and commas, with `chars.space` between them. `fail` makes the error for text that
 * does not tokenize (each list names what it supports).
 */
export function tokenizeFilter(src: string, fail: (why: string) => Error, chars: { space: RegExp; id: RegExp }): FilterToken[] {
  const out: FilterToken[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (chars.space.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      out.push({ t: ch, v: ch });
      i++;
    } else if (ch === "'") {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw fail('a string literal is not terminated');
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            s += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src[i++];
      }
      out.push({ t: 'str', v: s });
    } else {
      let s = '';
      while (i < src.length && chars.id.test(src[i])) s += src[i++];
      if (!s) throw fail(`unexpected character '${ch}'`);
      out.push({ t: 'id', v: s });
    }
  }
  return out;
}

function compile(src: string): Pred {
  const toks = tokenizeFilter(src, (why) => filterError(src, why), { space: /[ \t]/, id: /[A-Za-z0-9_.]/ });
  let pos = 0;
  const peek = () => toks[pos];
  const isKw = (kw: string) => peek()?.t === 'id' && peek()!.v.toLowerCase() === kw;
  const expect = (t: FilterToken['t']) => {
    const tok = toks[pos++];
    if (!tok || tok.t !== t) throw filterError(src, `expected '${t === 'id' ? 'a name' : t === 'str' ? 'a quoted string' : t}'`);
    return tok;
  };
  const property = () => {
    const p = expect('id');
    if (p.v.toLowerCase() !== 'name') throw filterError(src, `filtering on '${p.v}' is not supported`);
  };
  function primary(): Pred {
    if (peek()?.t === '(') {
      pos++;
      const e = orExpr();
      expect(')');
      return e;
    }
    const tok = peek();
    if (tok?.t === 'id' && ['contains', 'startswith', 'endswith'].includes(tok.v.toLowerCase()) && toks[pos + 1]?.t === '(') {
      const fn = tok.v.toLowerCase();
      pos += 2;
      property();
      expect(',');
      const needle = expect('str').v.toLowerCase();
      expect(')');
      if (fn === 'contains') return (n) => n.toLowerCase().includes(needle);
      if (fn === 'startswith') return (n) => n.toLowerCase().startsWith(needle);
      return (n) => n.toLowerCase().endsWith(needle);
    }
    property();
    const op = expect('id').v.toLowerCase();
    const value = expect('str').v.toLowerCase();
    if (op === 'eq') return (n) => n.toLowerCase() === value;
    if (op === 'ne') return (n) => n.toLowerCase() !== value;
    throw filterError(src, `the operator '${op}' is not supported`);
  }
  function unary(): Pred {
    if (isKw('not')) {
      pos++;
      const p = unary();
      return (n) => !p(n);
    }
    return primary();
  }
  function andExpr(): Pred {
    let left = unary();
    while (isKw('and')) {
      pos++;
      const l = left;
      const r = unary();
      left = (n) => l(n) && r(n);
    }
    return left;
  }
  function orExpr(): Pred {
    let left = andExpr();
    while (isKw('or')) {
      pos++;
      const l = left;
      const r = andExpr();
      left = (n) => l(n) || r(n);
    }
    return left;
  }
  const pred = orExpr();
  if (pos !== toks.length) throw filterError(src, `unexpected '${toks[pos].v}'`);
  return pred;
}

/** The predicate of an OData `$filter` on names (compiled once per distinct filter). */
export function nameFilter(filter: string): Pred {
  let p = cache.get(filter);
  if (!p) {
    p = compile(filter);
    if (cache.size > 1000) cache.clear();
    cache.set(filter, p);
  }
  return p;
}

export interface Page<T> {
  value: T[];
  nextLink?: string;
}

/**
 * One page of `items` per the request's `$filter`, `$top` and `$skipToken`. `withOptions` false serves
 * a list without filter/top (the swagger declares none) but still pages large results.
 */
export function page<T extends { name: string }>(ctx: SandboxContext, c: Ctx, items: Iterable<T>, withOptions = true): Page<T> {
  const filter = withOptions ? c.query.get('$filter') : null;
  const topRaw = withOptions ? c.query.get('$top') : null;
  let top = 20;
  if (!withOptions) top = 100;
  if (topRaw !== null) {
    top = Number(topRaw);
    if (!Number.isInteger(top) || top < 1 || top > 100) {
      throw new HttpError(400, 'BadRequest', `The value '${topRaw}' of $top is invalid: it must be an integer between 1 and 100.`);
    }
  }
  let skip = 0;
  const token = c.query.get('$skipToken');
  if (token !== null) {
    const m = /^o(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
    if (!m) throw new HttpError(400, 'BadRequest', `The $skipToken '${token}' is invalid.`);
    skip = Number(m[1]);
  }
  const pred = filter ? nameFilter(filter) : undefined;
  const value: T[] = [];
  let seen = 0;
  let more = false;
  for (const item of items) {
    if (pred && !pred(item.name)) continue;
    if (seen++ < skip) continue;
    if (value.length === top) {
      more = true;
      break;
    }
    value.push(item);
  }
  const result: Page<T> = { value };
  if (more) {
    const q = new URLSearchParams();
    q.set('api-version', c.query.get('api-version') ?? '');
    if (filter) q.set('$filter', filter);
    if (topRaw !== null) q.set('$top', String(top));
    q.set('$skipToken', Buffer.from(`o${skip + top}`).toString('base64url'));
    result.nextLink = `${armBase(ctx, c)}${c.url.pathname}?${q.toString().replace(/\+/g, '%20')}`;
  }
  return result;
}
