/**
 * Errors that cannot heal, not retried: the Azure SDKs' retry policy tries a name that does not resolve
 * (ENOTFOUND) five times with backoff (13 s for a mistyped azure-resource-manager-endpoint) and would
 * do the same for an untrusted certificate. This policy runs inside the retries and turns those into
 * errors the retry policy does not retry, with codes the failure report explains.
 */
import { RestError, type PipelinePolicy } from '@azure/core-rest-pipeline';
import { UNTRUSTED_CERTIFICATE_CODES } from './errors.js';

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
        if (typeof code === 'string' && UNTRUSTED_CERTIFICATE_CODES.has(code)) throw new RestError(`The certificate of ${host} is not trusted (${code})`, { code: 'UntrustedCertificate', request });
        throw err;
      }
    },
  };
}
