/**
 * The subset of GitHub Actions expressions (`${{ … }}`) the workflows in this repository use:
 * contexts and property paths (dots, hyphens, [index]), string/number/boolean/null literals, ! && || == != < > <= >=,
 * parentheses, and the functions always(), success(), failure(), cancelled(), fromJSON, toJSON,
 * contains, startsWith, endsWith, format, join. Semantics follow GitHub's documentation: || and &&
 * return an operand, comparisons of strings ignore case, falsy values are false, 0, '', null.
 */
export type Value = unknown;
export interface ExpressionContext {
  contexts: Record<string, Value>;
  /** The job's status so far, for success() / failure(). */
  status?: 'success' | 'failure';
}

type Token = { kind: 'str' | 'num' | 'ident' | 'op' | 'end'; value: string };

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new Error(`unterminated string in ${src}`);
        if (src[i] === "'" && src[i + 1] === "'") {
          s += "'";
          i += 2;
        } else if (src[i] === "'") {
          i++;
          break;
        } else s += src[i++];
      }
      tokens.push({ kind: 'str', value: s });
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^-?(0x[0-9a-f]+|\d+(\.\d+)?(e[+-]?\d+)?)/i.exec(src.slice(i))!;
      tokens.push({ kind: 'num', value: m[0] });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(src.slice(i))!;
      tokens.push({ kind: 'ident', value: m[0] });
      i += m[0].length;
    } else {
      const op = ['&&', '||', '==', '!=', '<=', '>='].find((o) => src.startsWith(o, i)) ?? c;
      if (!['&&', '||', '==', '!=', '<=', '>=', '!', '<', '>', '(', ')', '[', ']', '.', ',', '*'].includes(op)) throw new Error(`unexpected "${op}" in ${src}`);
      tokens.push({ kind: 'op', value: op });
      i += op.length;
    }
  }
  tokens.push({ kind: 'end', value: '' });
  return tokens;
}

export function truthy(v: Value): boolean {
  return !(v === false || v === 0 || v === '' || v === null || v === undefined || Number.isNaN(v));
}

function toNumber(v: Value): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim() === '' ? 0 : Number(v);
  return NaN;
}

function equal(a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (typeof a === typeof b && (typeof a === 'object' || typeof a === 'undefined')) return a === b;
  return toNumber(a) === toNumber(b);
}

export function toText(v: Value): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v, null, 2);
  return String(v);
}

function property(obj: Value, key: Value): Value {
  if (obj === null || obj === undefined || typeof obj !== 'object') return null;
  if (Array.isArray(obj) && typeof key === 'number') return obj[key] ?? null;
  const k = String(key);
  const rec = obj as Record<string, Value>;
  if (k in rec) return rec[k];
  const hit = Object.keys(rec).find((x) => x.toLowerCase() === k.toLowerCase());
  return hit === undefined ? null : rec[hit];
}

export function evaluate(src: string, ctx: ExpressionContext): Value {
  const tokens = tokenize(src);
  let pos = 0;
  const peek = () => tokens[pos];
  const take = (value?: string) => {
    const t = tokens[pos];
    if (value !== undefined && t.value !== value) throw new Error(`expected "${value}" at "${t.value}" in ${src}`);
    pos++;
    return t;
  };
  const callFn = (name: string, args: Value[]): Value => {
    switch (name.toLowerCase()) {
      case 'always':
        return true;
      case 'success':
        return (ctx.status ?? 'success') === 'success';
      case 'failure':
        return ctx.status === 'failure';
      case 'cancelled':
        return false;
      case 'fromjson':
        return JSON.parse(toText(args[0]));
      case 'tojson':
        return JSON.stringify(args[0], null, 2);
      case 'contains':
        return Array.isArray(args[0]) ? args[0].some((x) => equal(x, args[1])) : toText(args[0]).toLowerCase().includes(toText(args[1]).toLowerCase());
      case 'startswith':
        return toText(args[0]).toLowerCase().startsWith(toText(args[1]).toLowerCase());
      case 'endswith':
        return toText(args[0]).toLowerCase().endsWith(toText(args[1]).toLowerCase());
      case 'format':
        return toText(args[0]).replace(/\{(\d+)\}/g, (_, n) => toText(args[Number(n) + 1]));
      case 'join':
        return Array.isArray(args[0]) ? args[0].map(toText).join(args.length > 1 ? toText(args[1]) : ',') : toText(args[0]);
      default:
        throw new Error(`unsupported function ${name}() in ${src}`);
    }
  };
  const primary = (): Value => {
    const t = take();
    if (t.kind === 'str') return t.value;
    if (t.kind === 'num') return Number(t.value);
    if (t.kind === 'op' && t.value === '(') {
      const v = or();
      take(')');
      return v;
    }
    if (t.kind !== 'ident') throw new Error(`unexpected "${t.value}" in ${src}`);
    if (t.value === 'true') return true;
    if (t.value === 'false') return false;
    if (t.value === 'null') return null;
    if (peek().value === '(') {
      take('(');
      const args: Value[] = [];
      while (peek().value !== ')') {
        args.push(or());
        if (peek().value === ',') take(',');
      }
      take(')');
      return callFn(t.value, args);
    }
    if (!(t.value in ctx.contexts)) throw new Error(`unknown context "${t.value}" in ${src}`);
    let v: Value = ctx.contexts[t.value];
    for (;;) {
      if (peek().value === '.') {
        take('.');
        const name = take();
        v = name.value === '*' && Array.isArray(v) ? v : property(v, name.value);
      } else if (peek().value === '[') {
        take('[');
        const k = or();
        take(']');
        v = property(v, k);
      } else return v;
    }
  };
  const unary = (): Value => {
    if (peek().value === '!') {
      take('!');
      return !truthy(unary());
    }
    return primary();
  };
  const comparison = (): Value => {
    let left = unary();
    while (['==', '!=', '<', '>', '<=', '>='].includes(peek().value)) {
      const op = take().value;
      const right = unary();
      if (op === '==') left = equal(left, right);
      else if (op === '!=') left = !equal(left, right);
      else {
        const [a, b] = typeof left === 'string' && typeof right === 'string' ? [left, right] : [toNumber(left), toNumber(right)];
        left = op === '<' ? a < b : op === '>' ? a > b : op === '<=' ? a <= b : a >= b;
      }
    }
    return left;
  };
  const and = (): Value => {
    let left = comparison();
    while (peek().value === '&&') {
      take('&&');
      const right = comparison();
      left = truthy(left) ? right : left;
    }
    return left;
  };
  const or = (): Value => {
    let left = and();
    while (peek().value === '||') {
      take('||');
      const right = and();
      left = truthy(left) ? left : right;
    }
    return left;
  };
  const value = or();
  if (peek().kind !== 'end') throw new Error(`unexpected "${peek().value}" in ${src}`);
  return value;
}

/** Whether a condition (`if:`) holds: a bare expression or one in ${{ }}; success() is implied unless a status function is used. */
export function condition(src: string | boolean | undefined, ctx: ExpressionContext): boolean {
  if (src === undefined) return (ctx.status ?? 'success') === 'success';
  if (typeof src === 'boolean') return src && (ctx.status ?? 'success') === 'success';
  const inner = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(src)?.[1] ?? src;
  const v = truthy(evaluate(inner, ctx));
  return /\b(always|failure|cancelled|success)\s*\(/.test(inner) ? v : v && (ctx.status ?? 'success') === 'success';
}

/** A YAML value with ${{ }} in it: the value of a lone expression, else the text with each expression's text. */
export function interpolate(value: unknown, ctx: ExpressionContext): Value {
  if (typeof value !== 'string') return value;
  const lone = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/.exec(value);
  if (lone && !lone[1].includes('}}')) return evaluate(lone[1], ctx);
  return value.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, e: string) => toText(evaluate(e, ctx)));
}
