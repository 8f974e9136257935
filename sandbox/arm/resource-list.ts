/**
 * Microsoft.Resources resource lists: `GET /subscriptions/{id}/resources` (Resources_List) and
 * `GET /subscriptions/{id}/resourceGroups/{rg}/resources` (Resources_ListByResourceGroup), as `az resource
 * list` and the SDKs' `resources.list*` call them. The sandbox's top-level resources are the partner
 * configurations and partner topics of each group (event subscriptions are child resources, which ARM does
 * not list here).
 *
 * `$filter` takes what those clients send: `eq`/`ne` on `resourceGroup`, `resourceType`, `name`,
 * `location`, `tagName`, `tagValue`, `substringof('x', name|resourceGroup)`, `startswith(tagName, 'x')`,
 * joined with `and`/`or` and parentheses; names compare case-insensitively, as ARM does. `$expand`
 * adds `createdTime`, `changedTime`, `provisioningState`. `$top` pages, with a `nextLink`.
 */
import { HttpError, type Ctx } from '../core/http.js';
import type { SandboxContext } from '../core/context.js';
import { key, type ArmResource, type Subscription } from '../core/state.js';
import { allowed, type Caller } from './auth.js';
import { armBase, groupScope, resourceGroupNotFound, RESOURCES, route, subOf, subScope, type ArmRoute } from './common.js';
import { tokenizeFilter, type FilterToken } from './odata.js';

interface Listed {
  resource: ArmResource;
  group: string;
}

type Pred = (r: Listed) => boolean;

const PAGE = 1000;

function filterError(filter: string, why: string): HttpError {
  return new HttpError(
    400,
    'BadRequest',
    `The $filter '${filter}' is not supported: ${why}. Filter with eq or ne on resourceGroup, resourceType, name, location, tagName or tagValue, ` +
      `substringof('text', name|resourceGroup), startswith(tagName, 'text'), joined with and/or.`,
  );
}

const lower = (s: string | undefined) => (s ?? '').toLowerCase();

/** The value of a filterable property of a listed resource (lower case); undefined for tags. */
function property(src: string, name: string): ((r: Listed) => string) | 'tagName' | 'tagValue' {
  switch (name.toLowerCase()) {
    case 'resourcegroup':
      return (r) => lower(r.group);
    case 'resourcetype':
      return (r) => lower(r.resource.type);
    case 'name':
      return (r) => lower(r.resource.name);
    case 'location':
      return (r) => lower(r.resource.location).replace(/\s+/g, '');
    case 'tagname':
      return 'tagName';
    case 'tagvalue':
      return 'tagValue';
    default:
      throw filterError(src, `filtering on '${name}' is not supported`);
  }
}

function compile(src: string): Pred {
  const toks = tokenizeFilter(src, (why) => filterError(src, why), { space: /\s/, id: /[A-Za-z0-9_./]/ });
  let pos = 0;
  const peek = () => toks[pos];
  const isKw = (kw: string) => peek()?.t === 'id' && peek()!.v.toLowerCase() === kw;
  const expect = (t: FilterToken['t']) => {
    const tok = toks[pos++];
    if (!tok || tok.t !== t) throw filterError(src, `expected ${t === 'id' ? 'a property name' : t === 'str' ? 'a quoted string' : `'${t}'`}`);
    return tok;
  };
  function call(fn: string): Pred {
    expect('(');
    if (fn === 'substringof') {
      const needle = expect('str').v.toLowerCase();
      expect(',');
      const prop = expect('id').v;
      expect(')');
      const get = property(src, prop);
      if (typeof get !== 'function' || !['name', 'resourcegroup'].includes(prop.toLowerCase())) throw filterError(src, `substringof works on name and resourceGroup, not '${prop}'`);
      return (r) => get(r).includes(needle);
    }
    const prop = expect('id').v;
    expect(',');
    const prefix = expect('str').v.toLowerCase();
    expect(')');
    if (prop.toLowerCase() !== 'tagname') throw filterError(src, `startswith works on tagName, not '${prop}'`);
    return (r) => Object.keys(r.resource.tags ?? {}).some((t) => t.toLowerCase().startsWith(prefix));
  }
  function primary(): Pred {
    if (peek()?.t === '(') {
      pos++;
      const p = or();
      expect(')');
      return p;
    }
    const name = expect('id').v;
    if (['substringof', 'startswith'].includes(name.toLowerCase()) && peek()?.t === '(') return call(name.toLowerCase());
    const get = property(src, name);
    const op = expect('id').v.toLowerCase();
    if (op !== 'eq' && op !== 'ne') throw filterError(src, `the operator '${op}' is not supported`);
    const value = expect('str').v;
    let p: Pred;
    if (get === 'tagName') p = (r) => Object.keys(r.resource.tags ?? {}).some((t) => t.toLowerCase() === value.toLowerCase());
    else if (get === 'tagValue') p = (r) => Object.values(r.resource.tags ?? {}).some((t) => t === value);
    else {
      const want = name.toLowerCase() === 'location' ? value.replace(/\s+/g, '').toLowerCase() : value.toLowerCase();
      p = (r) => get(r) === want;
    }
    return op === 'eq' ? p : (r) => !p(r);
  }
  function and(): Pred {
    let p = primary();
    while (isKw('and')) {
      pos++;
      const [a, b] = [p, primary()];
      p = (r) => a(r) && b(r);
    }
    return p;
  }
  function or(): Pred {
    let p = and();
    while (isKw('or')) {
      pos++;
      const [a, b] = [p, and()];
      p = (r) => a(r) || b(r);
    }
    return p;
  }
  if (!toks.length) throw filterError(src, 'it is empty');
  const pred = or();
  if (pos < toks.length) throw filterError(src, `unexpected '${toks[pos].v}'`);
  return pred;
}

/** The top-level resources of `sub` (optionally of one group), in a stable order. */
function resourcesOf(sub: Subscription, group?: string): Listed[] {
  const out: Listed[] = [];
  for (const g of sub.resourceGroups.values()) {
    if (group !== undefined && key(g.name) !== key(group)) continue;
    if (g.partnerConfiguration) out.push({ resource: g.partnerConfiguration, group: g.name });
    for (const t of g.partnerTopics.values()) out.push({ resource: t.resource, group: g.name });
  }
  return out;
}

const EXPANDABLE = ['createdtime', 'changedtime', 'provisioningstate'];

function listedBody(r: ArmResource, expand: Set<string>) {
  const sd = (r.systemData ?? {}) as Record<string, unknown>;
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    ...(r.location !== undefined ? { location: r.location } : {}),
    ...(r.tags && Object.keys(r.tags).length ? { tags: r.tags } : {}),
    ...(expand.has('createdtime') && typeof sd.createdAt === 'string' ? { createdTime: sd.createdAt } : {}),
    ...(expand.has('changedtime') && typeof (sd.lastModifiedAt ?? sd.createdAt) === 'string' ? { changedTime: (sd.lastModifiedAt ?? sd.createdAt) as string } : {}),
    ...(expand.has('provisioningstate') && typeof r.properties?.provisioningState === 'string' ? { provisioningState: r.properties.provisioningState as string } : {}),
  };
}

function list(ctx: SandboxContext, c: Ctx, items: Listed[]) {
  const caller = c.locals.caller as Caller;
  const filter = c.query.get('$filter');
  const pred = filter ? compile(filter) : undefined;
  const expandRaw = c.query.get('$expand');
  const expand = new Set((expandRaw ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean));
  const unknown = [...expand].find((e) => !EXPANDABLE.includes(e));
  if (unknown) throw new HttpError(400, 'BadRequest', `The $expand value '${unknown}' is not supported. Valid values are createdTime, changedTime and provisioningState.`);
  const topRaw = c.query.get('$top');
  let top = PAGE;
  if (topRaw !== null) {
    top = Number(topRaw);
    if (!Number.isInteger(top) || top < 1) throw new HttpError(400, 'BadRequest', `The value '${topRaw}' of $top is invalid: it must be a positive integer.`);
    top = Math.min(top, PAGE);
  }
  let skip = 0;
  const token = c.query.get('$skipToken');
  if (token !== null) {
    const m = /^r(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
    if (!m) throw new HttpError(400, 'BadRequest', `The $skipToken '${token}' is invalid.`);
    skip = Number(m[1]);
  }
  const readable = items.filter((i) => (!pred || pred(i)) && allowed(caller.principal, `${i.resource.type}/read`, i.resource.id));
  const value = readable.slice(skip, skip + top).map((i) => listedBody(i.resource, expand));
  const body: { value: ReturnType<typeof listedBody>[]; nextLink?: string } = { value };
  if (skip + top < readable.length) {
    const q = new URLSearchParams();
    q.set('api-version', c.query.get('api-version') ?? '');
    if (filter) q.set('$filter', filter);
    if (expandRaw) q.set('$expand', expandRaw);
    if (topRaw !== null) q.set('$top', String(top));
    q.set('$skipToken', Buffer.from(`r${skip + top}`).toString('base64url'));
    body.nextLink = `${armBase(ctx, c)}${c.url.pathname}?${q.toString().replace(/\+/g, '%20')}`;
  }
  return body;
}

export function resourceListRoutes(ctx: SandboxContext): ArmRoute[] {
  return [
    route({
      method: 'GET',
      template: '/subscriptions/{subscriptionId}/resources',
      operation: 'Resources_List',
      namespace: RESOURCES,
      resourceType: 'subscriptions/resources',
      authz: (p) => ({ action: 'Microsoft.Resources/subscriptions/resources/read', scope: subScope(p) }),
      memberOnly: true,
      handler: (c) => ({ status: 200, body: list(ctx, c, resourcesOf(subOf(c))) }),
    }),
    route({
      method: 'GET',
      template: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/resources',
      operation: 'Resources_ListByResourceGroup',
      namespace: RESOURCES,
      resourceType: 'subscriptions/resourceGroups/resources',
      authz: (p) => ({ action: 'Microsoft.Resources/subscriptions/resourceGroups/resources/read', scope: groupScope(p) }),
      handler: (c) => {
        const sub = subOf(c);
        if (!sub.resourceGroups.has(key(c.params.resourceGroupName))) throw resourceGroupNotFound(c.params.resourceGroupName);
        return { status: 200, body: list(ctx, c, resourcesOf(sub, c.params.resourceGroupName)) };
      },
    }),
  ];
}
