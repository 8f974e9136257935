/**
 * A small HTTPS dispatcher shared by every sandbox service: routes with operation ids, JSON and form
 * bodies, the service's own error shape, scripted faults, injected latency and the request log.
 * No request can crash it: handler errors become the service's 500 error body.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { SandboxContext } from './context.js';

export type ServiceName = 'arm' | 'entra' | 'oidc' | 'auth0' | 'github' | 'admin';

export class HttpError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public headers: Record<string, string> = {},
    public details?: unknown,
  ) {
    super(message);
  }
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Send `body` as-is (a string) instead of JSON. */
  raw?: boolean;
}

export interface Ctx {
  service: ServiceName;
  operation: string;
  method: string;
  url: URL;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  headers: IncomingMessage['headers'];
  rawBody: string;
  /** Parsed JSON (or form fields for application/x-www-form-urlencoded); undefined when empty. */
  body: any;
  requestId: string;
  sandbox: SandboxContext;
  /** Set by the listener: e.g. the Auth0 tenant this listener serves. */
  listener: Record<string, string>;
  /** Service hooks may leave facts for handlers here (e.g. the authenticated principal). */
  locals: Record<string, any>;
}

export type Handler = (ctx: Ctx) => Reply | Promise<Reply>;

export interface Route {
  method: string;
  /** Matched against the decoded path; named groups become ctx.params. */
  pattern: RegExp;
  operation: string;
  /** Whether a successful call changes state (default: any method but GET/HEAD/OPTIONS). */
  write?: boolean;
  handler: Handler;
}

export interface ServiceDef {
  name: ServiceName;
  routes: Route[];
  /** The service's error body for an HttpError. */
  errorBody(err: HttpError, ctx: Ctx): unknown;
  /** Runs before the handler (authentication, throttling, api-version checks); may throw HttpError. */
  before?(ctx: Ctx, route: Route): void | Promise<void>;
  /** Adds the service's standard headers to every answer. */
  decorate?(ctx: Ctx, reply: Reply): void;
  /** 404 for unknown paths, in the service's words. */
  notFound?(ctx: Ctx): HttpError;
  /** A path prefix the service also answers under (GitHub Enterprise Server's `/api/v3`). */
  pathPrefix?: string;
  /** 405 / method not allowed on a known path. */
}

export interface RequestLogEntry {
  seq: number;
  time: string;
  service: ServiceName;
  listener?: string;
  method: string;
  path: string;
  query: string;
  operation: string;
  status: number;
  write: boolean;
  durationMs: number;
}

const MAX_BODY = 4 * 1024 * 1024;

function parseBody(raw: string, contentType: string | undefined): any {
  if (!raw) return undefined;
  const ct = (contentType ?? '').toLowerCase();
  if (ct.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(raw));
  }
  try {
    return JSON.parse(raw);
  } catch {
    if (ct.includes('json') || /^\s*[[{]/.test(raw)) throw new HttpError(400, 'InvalidRequestContent', 'The request content was invalid and could not be deserialized.');
    return Object.fromEntries(new URLSearchParams(raw));
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, 'RequestEntityTooLarge', 'The request body is too large.'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Dispatcher {
  constructor(
    private sandbox: SandboxContext,
    private services: ServiceDef[],
    private listener: Record<string, string> = {},
  ) {}

  private match(method: string, path: string): { svc: ServiceDef; route?: Route; params: Record<string, string>; pathKnown: boolean } {
    let pathKnownSvc: ServiceDef | undefined;
    for (const svc of this.services) {
      for (const route of svc.routes) {
        const m = route.pattern.exec(path);
        if (!m) continue;
        if (route.method !== method) {
          pathKnownSvc ??= svc;
          continue;
        }
        return { svc, route, params: { ...(m.groups ?? {}) }, pathKnown: true };
      }
    }
    const svc = pathKnownSvc ?? this.services.find((s) => s.name !== 'admin') ?? this.services[0];
    return { svc, params: {}, pathKnown: !!pathKnownSvc };
  }

  handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const method = (req.method ?? 'GET').toUpperCase();
    let url: URL;
    try {
      // The request target is a path: `//metadata/endpoints` (a client joining a path to an endpoint that ends
      // in `/`) must not be read as a protocol-relative URL naming the host `metadata`.
      const target = req.url ?? '/';
      url = new URL(target.startsWith('/') ? `https://127.0.0.1${target}` : target, 'https://127.0.0.1');
    } catch {
      url = new URL('https://127.0.0.1/');
    }
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      path = url.pathname;
    }
    const prefix = this.services.find((s) => s.pathPrefix && path.startsWith(`${s.pathPrefix}/`))?.pathPrefix;
    if (prefix) path = path.slice(prefix.length);
    this.sandbox.clock.runDue();
    const { svc, route, params, pathKnown } = this.match(method, path);
    const ctx: Ctx = {
      service: svc.name,
      operation: route?.operation ?? 'unknown',
      method,
      url,
      path,
      query: url.searchParams,
      params,
      headers: req.headers,
      rawBody: '',
      body: undefined,
      requestId: randomUUID(),
      sandbox: this.sandbox,
      listener: this.listener,
      locals: {},
    };
    let reply: Reply;
    let wrote = false;
    try {
      ctx.rawBody = await readBody(req);
      const fault = this.sandbox.faults.take(svc.name, ctx.operation, method, path, this.listener.name);
      if (fault?.reset) {
        this.log(ctx, 0, false, started);
        req.socket.destroy();
        return;
      }
      if (fault?.delayMs) await sleep(fault.delayMs);
      const latency = this.sandbox.settings.latencyMs;
      if (latency > 0 && svc.name !== 'admin') await sleep(latency);
      if (fault?.status) {
        const err = new HttpError(fault.status, fault.code ?? 'SandboxFault', fault.message ?? 'Scripted fault.', fault.headers ?? {});
        reply = fault.body !== undefined ? { status: fault.status, body: fault.body, headers: fault.headers } : { status: err.status, body: svc.errorBody(err, ctx), headers: err.headers };
      } else if (!route) {
        const err = pathKnown
          ? new HttpError(405, 'MethodNotAllowed', `The requested resource does not support http method '${method}'.`)
          : (svc.notFound?.(ctx) ?? new HttpError(404, 'NotFound', `No route for ${method} ${path}.`));
        reply = { status: err.status, body: svc.errorBody(err, ctx), headers: err.headers };
      } else {
        ctx.body = parseBody(ctx.rawBody, req.headers['content-type']);
        await svc.before?.(ctx, route);
        reply = await route.handler(ctx);
        wrote = (route.write ?? !['GET', 'HEAD', 'OPTIONS'].includes(method)) && reply.status < 400;
      }
    } catch (e) {
      const err =
        e instanceof HttpError
          ? e
          : new HttpError(500, 'InternalServerError', `The sandbox failed to process the request: ${(e as Error)?.message ?? e}`);
      let body: unknown;
      try {
        body = svc.errorBody(err, ctx);
      } catch {
        body = { error: { code: err.code, message: err.message } };
      }
      reply = { status: err.status, body, headers: err.headers };
    }
    try {
      svc.decorate?.(ctx, reply);
    } catch {
      /* headers are best effort */
    }
    this.log(ctx, reply.status, wrote, started);
    if (res.destroyed) return;
    // Answers carry the sandbox clock's time, as real services carry theirs: clients that judge expiry
    // by the server's Date header then agree with the sandbox when tests move its clock.
    const headers: Record<string, string> = { date: new Date(this.sandbox.clock.now()).toUTCString(), ...(reply.headers ?? {}) };
    let payload = '';
    if (reply.body !== undefined && reply.status !== 204) {
      if (reply.raw && typeof reply.body === 'string') {
        payload = reply.body;
        headers['content-type'] ??= 'text/plain; charset=utf-8';
      } else {
        payload = JSON.stringify(reply.body);
        headers['content-type'] ??= 'application/json; charset=utf-8';
      }
    }
    headers['content-length'] = String(Buffer.byteLength(payload));
    res.writeHead(reply.status, headers);
    res.end(method === 'HEAD' ? undefined : payload);
  };

  private log(ctx: Ctx, status: number, write: boolean, started: number): void {
    if (ctx.service === 'admin') return;
    this.sandbox.requestLog.push({
      seq: 0,
      time: this.sandbox.clock.iso(),
      service: ctx.service,
      listener: this.listener.name,
      method: ctx.method,
      path: ctx.path,
      query: ctx.url.search.replace(/^\?/, ''),
      operation: ctx.operation,
      status,
      write,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
    });
  }
}

export interface Listener {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

export async function listen(
  sandbox: SandboxContext,
  services: ServiceDef[],
  opts: { port?: number; listener?: Record<string, string> },
): Promise<Listener> {
  const dispatcher = new Dispatcher(sandbox, services, opts.listener);
  const server = createServer({ cert: sandbox.tls.certPem, key: sandbox.tls.keyPem, keepAliveTimeout: 30_000 }, (req, res) => {
    dispatcher.handle(req, res).catch(() => {
      try {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end('{"error":{"code":"InternalServerError","message":"The sandbox failed to process the request."}}');
      } catch {
        /* socket gone */
      }
    });
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  // Every raw socket, so that close() ends them all: closeAllConnections() misses some kept-alive TLS
  // connections (e.g. @azure/core-rest-pipeline's), which would otherwise hold close() for keepAliveTimeout.
  const sockets = new Set<import('node:stream').Duplex>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `https://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/** Path pattern helper: `{name}` segments become named groups; matching is case-insensitive like ARM. */
export function path(template: string, flags = 'i'): RegExp {
  const src = template
    .split(/(\{[A-Za-z0-9_]+\})/)
    .map((part) => {
      const m = /^\{([A-Za-z0-9_]+)\}$/.exec(part);
      if (m) return `(?<${m[1]}>[^/]+)`;
      return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${src}/?$`, flags);
}
