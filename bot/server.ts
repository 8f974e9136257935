/**
 * The GitHub App server: Probot 14 with the ChatOps app loaded, served by Probot's node middleware on
 * a plain node:http server; `deliver()` is the same for hosts that hand over a request's parts instead
 * (docs/chatops.md mounts it in Azure Functions). Stateless: locks live in the repository and the
 * configuration is read per event, so any number of replicas can run. Deliveries are verified against
 * WEBHOOK_SECRET (X-Hub-Signature-256) before anything else; an unsigned or wrongly signed one is
 * answered 400 and causes no call. GET /healthz answers 200.
 *
 * Before the signature can be checked the body must be read, so reading it is bounded: GitHub caps a
 * delivery at 25 MB, and a body announced (Content-Length) or found while streaming to be larger is
 * answered 413 at once; the rest is not read (the connection is closed), nothing is kept.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Probot, ProbotOctokit } from 'probot';
import { appDeps, chatopsApp } from './app.js';
import type { AuditSink } from './audit.js';
import type { BotSettings } from './settings.js';
import { trimSlashes } from '../src/text.js';

/** GitHub's cap on a webhook payload (25 MB): larger bodies are refused unread. */
export const MAX_WEBHOOK_BODY = 25 * 1024 * 1024;

export type BodyRead = { ok: true; body: string } | { ok: false; status: 400 | 413; message: string };

const tooLarge = (limit: number) => ({ ok: false as const, status: 413 as const, message: `Payload too large: webhook deliveries are at most ${limit} bytes` });

/** The announced length (Content-Length) is over the limit. */
export function announcedTooLarge(contentLength: string | null | undefined, limit = MAX_WEBHOOK_BODY): boolean {
  if (contentLength === undefined || contentLength === null || contentLength === '') return false;
  const n = Number(contentLength);
  return !Number.isFinite(n) || n > limit;
}

/**
 * Reads a body of at most `limit` bytes, counting as it streams: the chunks seen so far are all that
 * is kept, and reading stops at the first byte over the limit (`stop` is told, to close the source).
 */
export async function readBodyLimited(source: AsyncIterable<Uint8Array | string>, limit = MAX_WEBHOOK_BODY, stop?: () => void): Promise<BodyRead> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of source) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      size += buf.length;
      if (size > limit) {
        stop?.();
        return tooLarge(limit);
      }
      chunks.push(buf);
    }
  } catch (err) {
    return { ok: false, status: 400, message: `The request body could not be read: ${(err as Error)?.message ?? String(err)}` };
  }
  return { ok: true, body: Buffer.concat(chunks, size).toString('utf8') };
}

/** readBodyLimited for a node request: stops reading (pauses, keeps the connection to answer on) past the limit. */
export function readRequestLimited(req: IncomingMessage, limit = MAX_WEBHOOK_BODY): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (r: BodyRead) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      resolve(r);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        settle(tooLarge(limit));
      } else chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => settle({ ok: true, body: Buffer.concat(chunks, size).toString('utf8') }));
    req.once('error', (err) => settle({ ok: false, status: 400, message: `The request body could not be read: ${err.message}` }));
    req.once('close', () => settle({ ok: false, status: 400, message: 'The request ended before its body did' }));
  });
}

export interface BotServerOptions {
  /** Where the credentials the environments file references are read (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Audit lines (default: stdout). */
  audit?: AuditSink;
  /** Diagnostics (default: stderr, warnings and errors). */
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
}

export interface Delivery {
  /** X-GitHub-Delivery */
  id?: string | null;
  /** X-GitHub-Event */
  name?: string | null;
  /** X-Hub-Signature-256 */
  signature?: string | null;
  /** The raw request body, exactly as received (the signature is over these bytes). */
  body: string;
}

export interface ChatopsProbot {
  probot: Probot;
  /** Verifies and handles one delivery: 200 when handled, 400 when unsigned, wrongly signed or malformed. */
  deliver(d: Delivery): Promise<{ status: number; body: string }>;
}

/** Probot with the ChatOps app loaded. */
export async function createChatopsProbot(settings: BotSettings, options: BotServerOptions = {}): Promise<ChatopsProbot> {
  // Probot sets its throttle options after any defaults object, so the switch goes in last, as a function.
  const Octokit = settings.throttle ? ProbotOctokit : ProbotOctokit.defaults((o: Record<string, any>) => ({ ...o, throttle: { ...(o?.throttle ?? {}), enabled: false } }));
  const probot = new Probot({
    appId: settings.appId,
    privateKey: settings.privateKey,
    secret: settings.webhookSecret,
    baseUrl: settings.baseUrl,
    logLevel: settings.logLevel,
    Octokit: Octokit as typeof ProbotOctokit,
  });
  const deps = appDeps(settings, options);
  const log = deps.log ?? (() => undefined);
  await probot.load(chatopsApp(deps));
  return {
    probot,
    async deliver(d) {
      if (!d.id || !d.name || !d.signature) return { status: 400, body: 'Required headers missing: X-GitHub-Delivery, X-GitHub-Event, X-Hub-Signature-256' };
      if (d.body.length > MAX_WEBHOOK_BODY || Buffer.byteLength(d.body) > MAX_WEBHOOK_BODY) return { status: 413, body: tooLarge(MAX_WEBHOOK_BODY).message };
      try {
        await probot.webhooks.verifyAndReceive({ id: d.id, name: d.name as never, signature: d.signature, payload: d.body });
        return { status: 200, body: 'ok' };
      } catch (err) {
        const inner = (err as { errors?: { status?: number; message?: string }[] })?.errors?.[0];
        if (inner?.status === 400) return { status: 400, body: inner.message ?? 'Bad request' };
        log('error', `delivery ${d.id} failed: ${(err as Error)?.message ?? String(err)}`);
        return { status: 500, body: 'Handler failed' };
      }
    },
  };
}

/** The request handler: the app's webhook route, /healthz, 404 for everything else. */
export async function botHandler(settings: BotSettings, options: BotServerOptions = {}): Promise<(req: IncomingMessage, res: ServerResponse) => void> {
  const { probot } = await createChatopsProbot(settings, options);
  const middleware = await probot.getNodeMiddleware({ path: settings.webhookPath });
  const webhookPath = trimSlashes(settings.webhookPath) || '/';
  const run = (req: IncomingMessage, res: ServerResponse) =>
    void Promise.resolve(
      middleware(req, res, () => {
        if (!res.headersSent) res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not found"}');
      }),
    ).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  return (req, res) => {
    if (req.method === 'GET' && (req.url === '/healthz' || req.url === '/health')) {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
      return;
    }
    if (req.method !== 'POST' || pathOf(req.url) !== webhookPath) {
      run(req, res);
      return;
    }
    // The body, bounded, before the signature check (which needs all of it).
    if (announcedTooLarge(req.headers['content-length'])) {
      refuse(req, res, 413, tooLarge(MAX_WEBHOOK_BODY).message);
      return;
    }
    void readRequestLimited(req, MAX_WEBHOOK_BODY)
      .then((read) => {
        if (!read.ok) {
          refuse(req, res, read.status, read.message);
          return;
        }
        // Handed to the webhooks middleware as the raw body (it verifies these exact bytes).
        (req as IncomingMessage & { body?: string }).body = read.body;
        run(req, res);
      })
      .catch(() => req.destroy());
  };
}

/** The path of a request URL without trailing slashes (undefined when it cannot be parsed). */
function pathOf(url: string | undefined): string | undefined {
  try {
    return trimSlashes(new URL(url ?? '/', 'http://localhost').pathname) || '/';
  } catch {
    return undefined;
  }
}

/** Answers and closes the connection without reading the rest of the body. */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, message: string): void {
  req.pause();
  const socket = req.socket as IncomingMessage['socket'] | null;
  if (res.headersSent || !socket || socket.destroyed) {
    req.destroy();
    return;
  }
  res.shouldKeepAlive = false;
  res.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
  res.end(JSON.stringify({ error: message }), () => {
    // A little time for the client to read the answer, then the connection goes (the body stays unread).
    setTimeout(() => socket.destroy(), 200).unref();
  });
}

export interface BotServer {
  port: number;
  /** http://host:port */
  url: string;
  webhookUrl: string;
  server: Server;
  close(): Promise<void>;
}

export async function startBotServer(settings: BotSettings, options: BotServerOptions = {}): Promise<BotServer> {
  const handler = await botHandler(settings, options);
  const server = createServer(handler);
  // `Expect: 100-continue` with a body over the limit: refused before the client sends it.
  server.on('checkContinue', (req, res) => {
    if (announcedTooLarge(req.headers['content-length'])) {
      refuse(req, res, 413, tooLarge(MAX_WEBHOOK_BODY).message);
      return;
    }
    res.writeContinue();
    handler(req, res);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = settings.host && settings.host !== '0.0.0.0' && settings.host !== '::' ? settings.host : '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    port,
    url,
    webhookUrl: `${url}${settings.webhookPath}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}
