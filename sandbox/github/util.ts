/** Route, pagination and body helpers shared by the GitHub routes. */
import { path as pathPattern, type Ctx, type Handler, type Route } from '../core/http.js';
import { ghError, validationFailed } from './auth.js';
import { apiUrl } from './shapes.js';

export function route(method: string, template: string | RegExp, operation: string, handler: Handler, opts: { write?: boolean } = {}): Route {
  return { method, pattern: typeof template === 'string' ? pathPattern(template) : template, operation, handler, ...opts };
}

/** `/repos/{owner}/{repo}` followed by `rest`, where `{+name}` matches one or more path segments. */
export function repoPath(rest: string): RegExp {
  const src = rest
    .split(/(\{\+?[A-Za-z0-9_]+\})/)
    .map((part) => {
      const m = /^\{(\+?)([A-Za-z0-9_]+)\}$/.exec(part);
      if (m) return m[1] ? `(?<${m[2]}>.+)` : `(?<${m[2]}>[^/]+)`;
      return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^/repos/(?<owner>[^/]+)/(?<repo>[^/]+)${src}/?$`, 'i');
}

export interface Page<T> {
  items: T[];
  headers: Record<string, string>;
}

/** GitHub's page/per_page pagination with a `Link` header (prev, next, last, first). */
export function paginate<T>(c: Ctx, all: T[], defaultPerPage = 30): Page<T> {
  const perRaw = c.query.get('per_page');
  const pageRaw = c.query.get('page');
  let perPage = perRaw === null ? defaultPerPage : Number.parseInt(perRaw, 10);
  if (!Number.isFinite(perPage) || perPage < 1) perPage = defaultPerPage;
  perPage = Math.min(perPage, 100);
  let page = pageRaw === null ? 1 : Number.parseInt(pageRaw, 10);
  if (!Number.isFinite(page) || page < 1) page = 1;
  const last = Math.max(1, Math.ceil(all.length / perPage));
  const items = all.slice((page - 1) * perPage, page * perPage);
  const link = (p: number) => {
    const q = new URLSearchParams(c.url.search);
    q.set('per_page', String(perPage));
    q.set('page', String(p));
    return `<${apiUrl(c.sandbox)}${c.url.pathname}?${q.toString()}>`;
  };
  const parts: string[] = [];
  if (page > 1) parts.push(`${link(Math.min(page - 1, last))}; rel="prev"`);
  if (page < last) parts.push(`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`);
  if (page > 1) parts.push(`${link(1)}; rel="first"`);
  return { items, headers: parts.length ? { link: parts.join(', ') } : {} };
}

export function bodyObject(c: Ctx): Record<string, any> {
  if (c.body === undefined) return {};
  if (!c.body || typeof c.body !== 'object' || Array.isArray(c.body)) throw ghError(400, 'Problems parsing JSON');
  return c.body;
}

export function intParam(c: Ctx, name: string): number {
  const v = c.params[name];
  if (!/^\d+$/.test(v ?? '')) throw ghError(404, 'Not Found');
  return Number(v);
}

export const MAX_BODY = 65_536;

export function checkText(resource: string, field: string, v: unknown, required: boolean): string | undefined {
  if (v === undefined || v === null) {
    if (required) throw validationFailed([{ resource, code: 'missing_field', field }]);
    return undefined;
  }
  if (typeof v !== 'string' && typeof v !== 'number') {
    throw ghError(422, `Invalid request.\n\nFor 'properties/${field}', ${JSON.stringify(v)} is not a string.`);
  }
  const s = String(v);
  if (required && !s.trim()) throw validationFailed([{ resource, code: 'missing_field', field }]);
  if (s.length > MAX_BODY) {
    throw validationFailed([{ resource, code: 'custom', field, message: `${field} is too long (maximum is ${MAX_BODY} characters)` }]);
  }
  return s;
}

export function stringList(field: string, v: unknown): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw ghError(422, `Invalid request.\n\nFor 'properties/${field}', ${JSON.stringify(v)} is not an array.`);
  return v.map((x) => {
    if (typeof x === 'string') return x;
    if (x && typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string') return (x as { name: string }).name;
    throw ghError(422, `Invalid request.\n\nFor 'items', ${JSON.stringify(x)} is not a string or an object with a name.`);
  });
}
