/**
 * Microsoft Entra ID's error answers. The token and discovery endpoints answer
 *
 *   {"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. …
 *    Trace ID: … Correlation ID: … Timestamp: 2025-10-13 14:54:34Z","error_codes":[7000215],
 *    "timestamp":"2025-10-13 14:54:34Z","trace_id":"…","correlation_id":"…",
 *    "error_uri":"https://login.microsoftonline.com/error?code=7000215"}
 *
 * The correlation id is the caller's `client-request-id` when it sent one (MSAL does), so the ids in
 * an SDK error match the request. Descriptions never contain a client secret or an assertion.
 */
import { randomUUID } from 'node:crypto';
import { HttpError, type Ctx } from '../core/http.js';

/** An error with an AADSTS code: `error` is the OAuth error (`invalid_client`, …). */
export class EntraError extends HttpError {
  constructor(
    status: number,
    error: string,
    public readonly aadsts: number,
    description: string,
  ) {
    super(status, error, `AADSTS${aadsts}: ${description}`);
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isGuid = (s: string): boolean => GUID.test(s);

/** Entra's timestamp format in error bodies: `2025-10-13 14:54:34Z`. */
export function entraTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

/**
 * The request's correlation id: the caller's `client-request-id` (a GUID; MSAL Node sends it as a
 * query parameter of the token request, other clients as a header) or a new one.
 */
export function correlationId(ctx: Ctx): string {
  if (!ctx.locals.correlationId) {
    const sent = ctx.query.get('client-request-id') ?? ctx.headers['client-request-id'];
    ctx.locals.correlationId = typeof sent === 'string' && isGuid(sent) ? sent.toLowerCase() : randomUUID();
  }
  return ctx.locals.correlationId;
}

/** OAuth error names for errors that are not EntraErrors (scripted faults, unknown paths, bad bodies). */
function oauthError(err: HttpError): string {
  if (/^[a-z]+(_[a-z]+)*$/.test(err.code)) return err.code;
  if (err.status === 401) return 'invalid_client';
  if (err.status === 404) return 'not_found';
  if (err.status === 429 || err.status === 503) return 'temporarily_unavailable';
  if (err.status >= 500) return 'server_error';
  return 'invalid_request';
}

export function entraErrorBody(err: HttpError, ctx: Ctx): Record<string, unknown> {
  const timestamp = entraTimestamp(ctx.sandbox.clock.now());
  const traceId = ctx.requestId;
  const correlation = correlationId(ctx);
  const codes = err instanceof EntraError ? [err.aadsts] : [];
  return {
    error: oauthError(err),
    error_description: `${err.message} Trace ID: ${traceId} Correlation ID: ${correlation} Timestamp: ${timestamp}`,
    error_codes: codes,
    timestamp,
    trace_id: traceId,
    correlation_id: correlation,
    ...(codes.length ? { error_uri: `${ctx.sandbox.endpoints.entra}/error?code=${codes[0]}` } : {}),
  };
}
