/**
 * Event subscription filters as Event Grid applies them to a CloudEvent:
 *   - `includedEventTypes`: the event's `type` is one of them (case-insensitive); absent or empty: all;
 *   - `subjectBeginsWith` / `subjectEndsWith`, case-insensitive unless `isSubjectCaseSensitive`;
 *   - `advancedFilters` (all must match; within one filter any of `values` may match):
 *     NumberIn/NotIn, NumberLessThan/GreaterThan(+OrEquals), NumberInRange/NotInRange, BoolEquals,
 *     StringIn/NotIn, StringBeginsWith/EndsWith/Contains and their Not forms, IsNullOrUndefined, IsNotNull.
 *     Keys: the event's attributes (`type`, `subject`, `source`, `id`, `time`, `specversion`,
 *     `datacontenttype`, extension attributes; also the older `EventType`/`EventId` aliases) or `data.a.b`.
 *     String comparisons are case-insensitive. A key missing from the event fails every operator except
 *     the Not ones (which pass) and IsNullOrUndefined. An array value is compared element by element only
 *     with `enableAdvancedFilteringOnArrays` (any element for positive operators, no element for Not ones);
 *     without it an array matches nothing (Not operators: everything).
 */

type Json = unknown;

export interface FilterResult {
  matched: boolean;
  /** Advanced filters evaluated (the AdvancedFilterEvaluationCount metric). */
  advancedEvaluated: number;
}

const ALIASES: Record<string, string> = { eventtype: 'type', eventid: 'id', eventtime: 'time' };

const MISSING = Symbol('missing');

/** The value at `key` in the event (`data.a.b` or an attribute name), or MISSING. */
export function valueAt(event: Record<string, Json>, key: string): Json | typeof MISSING {
  const parts = String(key).split('.');
  let head = parts[0].toLowerCase();
  head = ALIASES[head] ?? head;
  let cur: Json = lookup(event, head);
  for (const p of parts.slice(1)) {
    if (cur === MISSING || cur === null || typeof cur !== 'object' || Array.isArray(cur)) return MISSING;
    cur = lookup(cur as Record<string, Json>, p);
  }
  return cur === undefined ? MISSING : cur;
}

function lookup(o: Record<string, Json>, k: string): Json | typeof MISSING {
  if (Object.prototype.hasOwnProperty.call(o, k)) return o[k];
  const lower = k.toLowerCase();
  for (const [name, v] of Object.entries(o)) if (name.toLowerCase() === lower) return v;
  return MISSING;
}

const NOT_OPERATORS = new Set(['NumberNotIn', 'NumberNotInRange', 'StringNotIn', 'StringNotBeginsWith', 'StringNotEndsWith', 'StringNotContains']);

function asString(v: Json): string | undefined {
  if (typeof v === 'string') return v.toLowerCase();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v).toLowerCase();
  return undefined;
}

/** Whether one scalar value satisfies a (positive form of the) operator. */
function scalarMatches(op: string, v: Json, f: Record<string, any>): boolean {
  const values: Json[] = Array.isArray(f.values) ? f.values : [];
  switch (op) {
    case 'NumberIn':
    case 'NumberNotIn':
      return typeof v === 'number' && values.some((x) => Number(x) === v);
    case 'NumberLessThan':
      return typeof v === 'number' && v < Number(f.value);
    case 'NumberLessThanOrEquals':
      return typeof v === 'number' && v <= Number(f.value);
    case 'NumberGreaterThan':
      return typeof v === 'number' && v > Number(f.value);
    case 'NumberGreaterThanOrEquals':
      return typeof v === 'number' && v >= Number(f.value);
    case 'NumberInRange':
    case 'NumberNotInRange':
      return typeof v === 'number' && values.some((r) => Array.isArray(r) && r.length === 2 && v >= Number(r[0]) && v <= Number(r[1]));
    case 'BoolEquals':
      return typeof v === 'boolean' && v === f.value;
    case 'StringIn':
    case 'StringNotIn': {
      const s = asString(v);
      return s !== undefined && values.some((x) => asString(x) === s);
    }
    case 'StringBeginsWith':
    case 'StringNotBeginsWith': {
      const s = asString(v);
      return s !== undefined && values.some((x) => typeof x === 'string' && s.startsWith(x.toLowerCase()));
    }
    case 'StringEndsWith':
    case 'StringNotEndsWith': {
      const s = asString(v);
      return s !== undefined && values.some((x) => typeof x === 'string' && s.endsWith(x.toLowerCase()));
    }
    case 'StringContains':
    case 'StringNotContains': {
      const s = asString(v);
      return s !== undefined && values.some((x) => typeof x === 'string' && s.includes(x.toLowerCase()));
    }
    default:
      return false;
  }
}

/** Evaluates one advanced filter against the event. */
export function advancedFilterMatches(event: Record<string, Json>, f: Record<string, any>, onArrays: boolean): boolean {
  const op: string = f.operatorType;
  const v = valueAt(event, f.key);
  if (op === 'IsNullOrUndefined') return v === MISSING || v === null;
  if (op === 'IsNotNull') return v !== MISSING && v !== null;
  const not = NOT_OPERATORS.has(op);
  if (v === MISSING) return not;
  if (Array.isArray(v)) {
    if (!onArrays) return not;
    const any = v.some((x) => scalarMatches(op, x, f));
    return not ? !any : any;
  }
  const hit = scalarMatches(op, v, f);
  return not ? !hit : hit;
}

/** Applies an event subscription's `filter` to a CloudEvent. */
export function applyFilter(filter: Record<string, any> | undefined, event: Record<string, Json>): FilterResult {
  const f = filter ?? {};
  const types: unknown[] = Array.isArray(f.includedEventTypes) ? f.includedEventTypes : [];
  if (types.length) {
    const t = String(event.type ?? '').toLowerCase();
    if (!types.some((x) => typeof x === 'string' && (x.toLowerCase() === t || x.toLowerCase() === 'all'))) return { matched: false, advancedEvaluated: 0 };
  }
  const caseSensitive = f.isSubjectCaseSensitive === true;
  const norm = (s: string) => (caseSensitive ? s : s.toLowerCase());
  const subject = norm(typeof event.subject === 'string' ? event.subject : '');
  if (f.subjectBeginsWith && !subject.startsWith(norm(String(f.subjectBeginsWith)))) return { matched: false, advancedEvaluated: 0 };
  if (f.subjectEndsWith && !subject.endsWith(norm(String(f.subjectEndsWith)))) return { matched: false, advancedEvaluated: 0 };
  const advanced: Record<string, any>[] = Array.isArray(f.advancedFilters) ? f.advancedFilters : [];
  let evaluated = 0;
  for (const af of advanced) {
    evaluated++;
    if (!advancedFilterMatches(event, af, f.enableAdvancedFilteringOnArrays === true)) return { matched: false, advancedEvaluated: evaluated };
  }
  return { matched: true, advancedEvaluated: evaluated };
}
