/**
 * Errors that cannot heal, not retried: the Azure SDKs' retry policy tries a name that does not resolve
 * (ENOTFOUND) five times with backoff (13 s for a mistyped azure-resource-manager-endpoint) and would
 * do the same for an untrusted certificate. This policy runs inside the retries and turns those into
 * errors the retry policy does not retry, with codes the failure report explains.
 */
import { RestError, type PipelinePolicy } from '@azure/core-rest-pipeline';

const CERTIFICATE_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

export function failFastPolicy(): PipelinePolicy {
  return {
    name: 'auth0EventGridFailFast',
    async sendRequest(request, next) {
      try {
        return await next(request);
      } catch (err) {
        const code = (err as { code?: unknown })?.code;
        const host = (() => {
          try {
            return new URL(request.url).host;
          } catch {
            return request.url;
          }
        })();
        if (code === 'ENOTFOUND') throw new RestError(`${host} does not resolve (DNS: no such host)`, { code: 'NameNotResolved', request });
        if (typeof code === 'string' && CERTIFICATE_CODES.has(code)) throw new RestError(`The certificate of ${host} is not trusted (${code})`, { code: 'UntrustedCertificate', request });
        throw err;
      }
    },
  };
}
