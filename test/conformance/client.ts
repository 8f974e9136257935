/**
 * A raw HTTPS client for the sandbox that checks every exchange against the specs as it happens:
 * the operation is found by method and path in the specs (not named by the caller), the answer's body
 * is validated against the schema of its status (or the error schema), a request body the sandbox
 * accepted (2xx) is validated against the operation's request schema, and long-running operations are
 * followed through their Azure-AsyncOperation / Location URLs. Every operation and status seen is
 * recorded, so the suite can assert what it covered.
 */
import { describeErrors } from './specs.js';
import type { ArmSpecs } from './arm-spec.js';
import type { Auth0Specs } from './auth0-spec.js';

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
  text: string;
  operationId: string;
}

export interface CallOptions {
  token?: string | null;
  body?: unknown;
  /** Expected status(es); a different one fails with the body in the message. */
  expect?: number | number[];
  headers?: Record<string, string>;
  /**
   * Why an answer whose status the spec does not declare is nevertheless accepted (a documented
   * deviation). Its body must still be the service's error body; the reason is recorded.
   */
  undeclared?: string;
}

export class ConformanceError extends Error {}

/** ARM answers whose operation is outside the spec subsets but which the suite still checks. */
const LRO_STATUS = /\/providers\/Microsoft\.EventGrid\/locations\/[^/]+\/operationsStatus\/[^/?]+$/i;
const LRO_RESULT = /\/providers\/Microsoft\.EventGrid\/locations\/[^/]+\/operationResults\/[^/?]+$/i;

const TERMINAL = ['Succeeded', 'Failed', 'Canceled'];

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function parse(text: string): any {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function short(v: unknown, n = 600): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s && s.length > n ? `${s.slice(0, n)}…` : String(s);
}

/** `Microsoft.EventGrid/partnerTopics/eventSubscriptions` from `/subscriptions/…/providers/Microsoft.EventGrid/partnerTopics/t/eventSubscriptions/e`. */
function typeFromId(id: string): string | undefined {
  const m = /\/providers\/([^/]+)\/(.+)$/i.exec(id);
  if (!m) return undefined;
  const [ns, rest] = [m[1], m[2].split('/')];
  if (rest.length % 2) return undefined;
  return [ns, ...rest.filter((_, i) => i % 2 === 0)].join('/');
}

/**
 * ARM's resource identity rules: a resource answered for a resource URL has that URL as its `id`
 * (for POST actions, the URL without the action), `name` is the id's last segment and `type` its
 * namespace and type segments; list items likewise have a consistent id, name and type.
 */
function checkIdentity(where: string, method: string, path: string, body: Record<string, any>): void {
  const one = (r: Record<string, any>, expectedId?: string) => {
    if (typeof r.id !== 'string') return;
    if (expectedId && r.id.toLowerCase() !== expectedId.toLowerCase()) throw new ConformanceError(`${where}: id '${r.id}' is not the resource's URL '${expectedId}'`);
    if (typeof r.name === 'string' && r.name !== r.id.split('/').pop()) throw new ConformanceError(`${where}: name '${r.name}' is not the last segment of id '${r.id}'`);
    const type = typeFromId(r.id);
    if (typeof r.type === 'string' && type && r.type.toLowerCase() !== type.toLowerCase()) throw new ConformanceError(`${where}: type '${r.type}' does not match id '${r.id}' (${type})`);
  };
  if (Array.isArray(body.value)) {
    body.value.forEach((r: unknown) => r && typeof r === 'object' && one(r as Record<string, any>));
    return;
  }
  one(body, method === 'POST' ? path.slice(0, path.lastIndexOf('/')) : path);
}

export class Recorder {
  /** operationId → statuses seen */
  readonly seen = new Map<string, Set<number>>();
  /** operationId → number of request bodies validated */
  readonly requestsValidated = new Map<string, number>();
  /** how many answers were validated against a schema (not merely checked empty) */
  schemaChecks = 0;
  /** Accepted undeclared statuses: "operationId status: reason". */
  readonly deviations = new Set<string>();

  constructor(
    readonly arm: ArmSpecs,
    readonly auth0: Auth0Specs,
  ) {}

  private note(operationId: string, status: number): void {
    let s = this.seen.get(operationId);
    if (!s) this.seen.set(operationId, (s = new Set()));
    s.add(status);
  }

  statuses(operationId: string): number[] {
    return [...(this.seen.get(operationId) ?? [])].sort();
  }

  private static checkExpected(where: string, status: number, body: unknown, expected?: number | number[]): void {
    if (expected === undefined) return;
    const list = Array.isArray(expected) ? expected : [expected];
    if (!list.includes(status)) throw new ConformanceError(`${where}: expected status ${list.join(' or ')}, got ${status}: ${short(body)}`);
  }

  private async send(url: string, method: string, o: CallOptions): Promise<{ res: Response; text: string; body: any }> {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    if (o.body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(url, { method, headers, body: o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body) });
    const text = await res.text();
    return { res, text, body: parse(text) };
  }

  // ---- ARM ----------------------------------------------------------------------------------------

  /** An ARM call: `pathAndQuery` relative to the ARM endpoint, or an absolute URL on it. */
  async armCall(base: string, method: string, pathAndQuery: string, o: CallOptions = {}): Promise<Answer> {
    const url = new URL(pathAndQuery.startsWith('https://') ? pathAndQuery : `${base}${pathAndQuery}`);
    const { res, text, body } = await this.send(url.toString(), method, o);
    const path = decodeURIComponent(url.pathname);
    const where = `ARM ${method} ${path}?${url.searchParams}`;

    if (LRO_STATUS.test(path) || LRO_RESULT.test(path)) {
      const operationId = LRO_STATUS.test(path) ? 'LRO:operationsStatus' : 'LRO:operationResults';
      this.checkLroPoll(where, operationId, res, text, body);
      this.note(operationId, res.status);
      Recorder.checkExpected(where, res.status, body, o.expect);
      return { status: res.status, headers: res.headers, body, text, operationId };
    }

    const hit = this.arm.match(method, path);
    if (!hit) throw new ConformanceError(`${where}: no operation of the spec subsets serves this request`);
    const { op } = hit;
    const rule = this.arm.response(op, res.status);
    const context = `${where} → ${res.status} [${rule.source}]`;
    if (rule.kind === 'undeclared') throw new ConformanceError(`${context}: the status is not declared by the spec. Body: ${short(body)}`);
    if (rule.kind === 'empty') {
      if (text.trim() !== '') throw new ConformanceError(`${context}: the spec declares no body for this status, got ${short(text)}`);
    } else {
      if (typeof body !== 'object' || body === null) throw new ConformanceError(`${context}: expected a JSON body, got ${short(text)}`);
      if (!rule.validate(body)) throw new ConformanceError(`${context}: the body breaks the schema: ${describeErrors(rule.validate.errors)}. Body: ${short(body)}`);
      this.schemaChecks++;
    }
    if (!/^application\/json/i.test(res.headers.get('content-type') ?? 'application/json') && text) {
      throw new ConformanceError(`${context}: content-type ${res.headers.get('content-type')} is not JSON`);
    }
    if (res.status === 429 && !/^\d+$/.test(res.headers.get('retry-after') ?? '')) throw new ConformanceError(`${context}: a 429 without a numeric Retry-After`);
    if (op.lro && (res.status === 201 || res.status === 202)) {
      // ARM's async contract: a 202 names where to poll; a 201 of a PUT/PATCH either does too or already
      // carries a terminal provisioningState (the operation completed synchronously).
      const poll = res.headers.get('azure-asyncoperation') ?? res.headers.get('location');
      const done = res.status === 201 && TERMINAL.includes(body?.properties?.provisioningState);
      if (poll ? !poll.startsWith(base) : !done) {
        throw new ConformanceError(`${context}: a long-running operation's ${res.status} needs Azure-AsyncOperation or Location on the ARM endpoint${res.status === 201 ? ', or a terminal provisioningState' : ''}, got ${poll}`);
      }
    }
    if (res.status >= 200 && res.status < 300 && body && typeof body === 'object') checkIdentity(context, method, path, body);
    if (res.status >= 200 && res.status < 300 && op.body && o.body !== undefined) {
      const validate = this.arm.request(op)!;
      if (!validate(o.body)) throw new ConformanceError(`${where}: the sandbox accepted (${res.status}) a request body that breaks ${op.operationId}'s '${op.body.name}' schema: ${describeErrors(validate.errors)}`);
      this.requestsValidated.set(op.operationId, (this.requestsValidated.get(op.operationId) ?? 0) + 1);
    }
    this.note(op.operationId, res.status);
    Recorder.checkExpected(`${where} [${op.operationId}]`, res.status, body, o.expect);
    return { status: res.status, headers: res.headers, body, text, operationId: op.operationId };
  }

  /** Event Grid's operation-status answers: v5 OperationStatusResult; operation results: 202 + Location, then 200/204 empty. */
  private checkLroPoll(where: string, operationId: string, res: Response, text: string, body: any): void {
    if (res.status >= 400) {
      const v = this.arm.common('ErrorResponse');
      if (!v(body) || !body?.error?.code) throw new ConformanceError(`${where} → ${res.status}: not an ARM error body: ${short(text)}`);
      return;
    }
    if (operationId === 'LRO:operationsStatus') {
      const v = this.arm.common('OperationStatusResult');
      if (res.status !== 200 || !v(body)) throw new ConformanceError(`${where} → ${res.status}: not a v5 OperationStatusResult: ${describeErrors(v.errors)} ${short(text)}`);
      if (!['InProgress', 'Succeeded', 'Failed', 'Canceled'].includes(body.status)) throw new ConformanceError(`${where}: unknown operation status ${body.status}`);
      if (body.status === 'Failed' && !body.error) throw new ConformanceError(`${where}: a Failed operation without an error`);
      this.schemaChecks++;
      return;
    }
    if (res.status === 202 && !res.headers.get('location')) throw new ConformanceError(`${where} → 202 without Location`);
    if (![200, 202, 204].includes(res.status)) throw new ConformanceError(`${where} → unexpected ${res.status}`);
    if (res.status !== 200 && text.trim()) throw new ConformanceError(`${where} → ${res.status} with a body: ${short(text)}`);
  }

  /**
   * Follows a long-running operation started by `started` to its end: Azure-AsyncOperation polling
   * (OperationStatusResult) and, for deletes, the Location URL until it answers 200/204. Returns the
   * terminal status.
   */
  async followLro(base: string, started: Answer, token: string, timeoutMs = 10_000): Promise<string> {
    const async = started.headers.get('azure-asyncoperation');
    const location = started.headers.get('location');
    const deadline = Date.now() + timeoutMs;
    if (!async && !location) {
      // Completed synchronously (checked when the answer arrived).
      return started.body?.properties?.provisioningState;
    }
    let status = 'InProgress';
    if (async) {
      for (;;) {
        const a = await this.armCall(base, 'GET', async, { token, expect: 200 });
        status = a.body.status;
        if (status !== 'InProgress') break;
        if (Date.now() > deadline) throw new ConformanceError(`LRO ${async} did not finish in ${timeoutMs} ms`);
        await sleep(Math.min(1000 * Number(a.headers.get('retry-after') ?? 0), 100) || 30);
      }
    }
    if (location) {
      for (;;) {
        const a = await this.armCall(base, 'GET', location, { token });
        if (a.status !== 202) {
          if (status === 'InProgress') status = a.status < 300 ? 'Succeeded' : 'Failed';
          break;
        }
        if (Date.now() > deadline) throw new ConformanceError(`LRO ${location} did not finish in ${timeoutMs} ms`);
        await sleep(30);
      }
    }
    return status;
  }

  // ---- Auth0 ----------------------------------------------------------------------------------------

  async auth0Call(base: string, method: string, path: string, o: CallOptions = {}): Promise<Answer> {
    const url = new URL(`${base}${path}`);
    const { res, text, body } = await this.send(url.toString(), method, o);
    const where = `Auth0 ${method} ${url.pathname}`;
    const hit = this.auth0.match(method, url.pathname);
    if (!hit) throw new ConformanceError(`${where}: no operation of the OAS subset serves this request`);
    const { op } = hit;
    let rule = this.auth0.response(op, res.status);
    if (rule.kind === 'undeclared' && o.undeclared && res.status >= 400) {
      this.deviations.add(`${op.operationId} ${res.status}: ${o.undeclared}`);
      rule = this.auth0.errorRule(`${rule.source}; accepted: ${o.undeclared}`);
    }
    const context = `${where} → ${res.status} [${rule.source}]`;
    if (rule.kind === 'undeclared') throw new ConformanceError(`${context}: the status is not declared by the OAS. Body: ${short(body)}`);
    if (rule.kind === 'empty') {
      if (text.trim() !== '') throw new ConformanceError(`${context}: no content is declared, got ${short(text)}`);
    } else {
      if (!rule.validate(body)) throw new ConformanceError(`${context}: the body breaks the schema: ${describeErrors(rule.validate.errors)}. Body: ${short(body)}`);
      if (rule.kind === 'error' && body.statusCode !== res.status) throw new ConformanceError(`${context}: statusCode ${body.statusCode} in the body differs from the HTTP status`);
      this.schemaChecks++;
    }
    for (const h of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset']) {
      if (!/^\d+$/.test(res.headers.get(h) ?? '')) throw new ConformanceError(`${context}: header ${h} is missing or not a number`);
    }
    if (res.status >= 200 && res.status < 300 && o.body !== undefined) {
      const validate = this.auth0.request(op);
      if (!validate) throw new ConformanceError(`${where}: the sandbox accepted a body for ${op.operationId}, which takes none`);
      if (!validate(o.body)) throw new ConformanceError(`${where}: the sandbox accepted (${res.status}) a body that breaks ${op.operationId}'s request schema: ${describeErrors(validate.errors)}`);
      this.requestsValidated.set(op.operationId, (this.requestsValidated.get(op.operationId) ?? 0) + 1);
    }
    this.note(op.operationId, res.status);
    Recorder.checkExpected(`${where} [${op.operationId}]`, res.status, body, o.expect);
    return { status: res.status, headers: res.headers, body, text, operationId: op.operationId };
  }
}
