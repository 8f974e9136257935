/**
 * Work before authentication is bounded: the bot server (npm run bot, as its own process) refuses a
 * webhook body over GitHub's 25 MB cap with 413 (announced by Content-Length: at once, before any of
 * it is sent; streamed without a length: as soon as the count passes the cap), without buffering it,
 * so its memory stays flat; and a bad signature is answered 400 whatever the body, never 500.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { resolve } from 'node:path';
import { MAX_WEBHOOK_BODY } from '../bot/server.js';

const SECRET = 'webhook-limits-secret-0123456789';
const MiB = 1024 * 1024;
let child: ChildProcess;
let url: string;

/** Peak and current resident memory of a process (Linux), in bytes. */
function memoryOf(pid: number): { peak: number; now: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(status.split('\n').find((l) => l.startsWith(key))?.split(/\s+/)[1] ?? NaN) * 1024;
    return { peak: kb('VmHWM:'), now: kb('VmRSS:') };
  } catch {
    return undefined;
  }
}

beforeAll(async () => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  child = spawn(process.execPath, [resolve('node_modules/tsx/dist/cli.mjs'), 'bot/main.ts'], {
    env: { PATH: process.env.PATH, APP_ID: '1', PRIVATE_KEY: privateKey, WEBHOOK_SECRET: SECRET, HOST: '127.0.0.1', PORT: '0', GITHUB_API_URL: 'http://127.0.0.1:9', LOG_LEVEL: 'fatal' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  url = await new Promise<string>((res, rej) => {
    let err = '';
    child.stderr!.on('data', (d) => {
      err += d;
      const m = /listening on (http:\/\/\S+)/.exec(err);
      if (m) res(m[1]);
    });
    child.once('exit', (code) => rej(new Error(`the bot exited with ${code}: ${err}`)));
    child.stderr!.on('data', (d) => process.env.DEBUG_LIMITS && process.stderr.write(d));
  });
}, 60_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
});

interface Sent {
  status?: number;
  /** Body bytes written before the answer came or the connection closed. */
  sent: number;
  error?: string;
}

/** POSTs an unsigned delivery whose body is streamed from a generator (never held whole here). */
function stream(headers: Record<string, string>, chunks: Iterable<Buffer>): Promise<Sent> {
  return new Promise((done) => {
    const out: Sent = { sent: 0 };
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      done(out);
    };
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-github-event': 'issue_comment', 'x-github-delivery': 'limits-1', 'x-hub-signature-256': 'sha256=' + '0'.repeat(64), ...headers } }, (res) => {
      out.status = res.statusCode;
      res.resume();
      res.on('end', finish);
      req.destroy();
      finish();
    });
    req.on('error', (e) => {
      out.error = (e as NodeJS.ErrnoException).code ?? e.message;
      setTimeout(finish, 300);
    });
    const it = chunks[Symbol.iterator]();
    const pump = () => {
      while (!finished && !req.destroyed) {
        const next = it.next();
        if (next.done) {
          req.end();
          return;
        }
        out.sent += next.value.length;
        if (!req.write(next.value)) {
          req.once('drain', pump);
          return;
        }
      }
    };
    req.flushHeaders();
    pump();
  });
}

function* repeat(chunk: Buffer, times: number): Generator<Buffer> {
  for (let i = 0; i < times; i++) yield chunk;
}

test('a body announced larger than 25 MB gets 413 at once, before any of it is sent', async () => {
  const r = await stream({ 'content-length': String(800 * MiB) }, []);
  expect(r.status).toBe(413);
  expect(r.sent).toBe(0);
});

test('a streamed unsigned body of 400 MiB is cut off with 413 past 25 MB: the server stops reading and its memory stays flat', async () => {
  const before = memoryOf(child.pid!);
  const chunk = Buffer.alloc(MiB, 'a');
  const r = await stream({}, repeat(chunk, 400));
  // The answer is 413, or the connection closed under a client still writing; never the whole body read.
  expect(r.status === 413 || r.error !== undefined).toBe(true);
  if (r.status !== undefined) expect(r.status).toBe(413);
  expect(r.sent).toBeGreaterThan(MAX_WEBHOOK_BODY);
  expect(r.sent).toBeLessThan(MAX_WEBHOOK_BODY + 48 * MiB); // socket buffers, not the body
  const after = memoryOf(child.pid!);
  if (before && after) expect(after.peak - before.peak).toBeLessThan(160 * MiB);
  // The server still answers.
  expect((await fetch(new URL(url).origin + '/healthz')).status).toBe(200);
}, 60_000);

test.each([
  ['a wrong signature', {}, '{"action":"created"}'],
  ['a signature that is not hex', { 'x-hub-signature-256': 'sha256=zz' }, '{"action":"created"}'],
  ['an empty body', {}, ''],
  ['a body that is not JSON', {}, '{"action":'],
  ['a body that is not UTF-8', {}, Buffer.from([0xff, 0xfe, 0x7b, 0x7d])],
  ['an unknown event name', { 'x-github-event': 'no_such_event' }, '{}'],
])('%s is answered 400, never 500', async (_name, headers, body) => {
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(body);
  const r = await stream({ 'content-length': String(buf.length), ...headers }, [buf]);
  expect(r.status).toBe(400);
});
