/** Service errors in one shape, whichever SDK raised them. */
import type { ServiceId } from '../operations/types.js';

/**
 * Node.js's codes for a server certificate that is not trusted, not valid now, or not for the name:
 * no retry heals them (the Azure and Auth0 clients both fail at once on them).
 */
export const UNTRUSTED_CERTIFICATE_CODES: ReadonlySet<string> = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

export class ServiceError extends Error {
  constructor(
    public service: ServiceId,
    public status: number | undefined,
    public code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/** Turns an @azure/core-rest-pipeline RestError or an @azure/identity error into a ServiceError. */
export function fromAzureError(err: unknown): ServiceError {
  if (err instanceof ServiceError) return err;
  const e = err as any;
  const name: string = e?.name ?? '';
  if (name === 'AuthenticationError' || name === 'CredentialUnavailableError' || name === 'AggregateAuthenticationError' || name === 'AuthenticationRequiredError') {
    const text: string = e?.errorResponse?.errorDescription ?? e?.message ?? String(err);
    const aadsts = /AADSTS\d+/.exec(text)?.[0] ?? (/endpoints_resolution_error/.test(text) ? 'endpoints_resolution_error' : undefined);
    const unavailable = name === 'CredentialUnavailableError' || (name === 'AggregateAuthenticationError' && (e?.errors ?? []).every((x: any) => x?.name === 'CredentialUnavailableError'));
    const code = aadsts ?? (unavailable ? 'CredentialUnavailable' : (e?.errorResponse?.error ?? 'AuthenticationFailed'));
    return new ServiceError('entra', e?.statusCode, code, firstLine(text));
  }
  if (name === 'RestError' || typeof e?.statusCode === 'number') {
    let code: string = e?.code ?? '';
    let message: string = e?.message ?? '';
    const body = e?.response?.bodyAsText;
    if (body) {
      try {
        const parsed = JSON.parse(body);
        code = parsed?.error?.code ?? code;
        message = parsed?.error?.message ?? message;
      } catch {
        /* not JSON */
      }
    }
    if (!code || code === 'REQUEST_SEND_ERROR') code = e?.statusCode ? `HTTP${e.statusCode}` : 'RequestSendError';
    return new ServiceError('azure', e?.statusCode, code, firstLine(message));
  }
  return new ServiceError('azure', undefined, 'UnexpectedError', firstLine(e?.message ?? String(err)));
}

function firstLine(s: string): string {
  const line = s.split('\n').find((l) => l.trim()) ?? s;
  return line.length > 600 ? line.slice(0, 597) + '...' : line;
}
