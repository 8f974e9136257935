/**
 * Workload identity federation: checking a client assertion (an external OIDC token, e.g. from
 * GitHub Actions) against an app's federated identity credentials, as Entra ID does for
 * `client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer`.
 *
 * Order of checks (each failure is Entra's own error): the token must be a JWT (AADSTS50027); a
 * credential must name its issuer (AADSTS700211); the signature must verify with that issuer's key
 * (AADSTS700027) and the token must be within its lifetime (AADSTS700024); a credential of that issuer
 * must name its subject, compared case-sensitively (AADSTS700213, or AADSTS7002138 when only the case
 * differs); and one of those must list one of its audiences (AADSTS700212).
 *
 * Offline, the sandbox cannot fetch a foreign issuer's keys, so only tokens of its own GitHub Actions
 * issuer can be verified; a credential naming any other issuer never matches (AADSTS700211).
 */
import { decodeJwt, type JWTPayload } from 'jose';
import type { SandboxContext } from '../core/context.js';
import type { FederatedCredential, Principal } from '../core/state.js';
import type { TokenVerifier } from '../core/tokens.js';
import { EntraError } from './errors.js';

export const JWT_BEARER_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** Seeds may say `github-actions` for the sandbox's own GitHub Actions issuer. */
export const GITHUB_ACTIONS_ISSUER_ALIAS = 'github-actions';

const FIC_HELP = 'Check your federated identity credential Subject, Audience and Issuer against the presented assertion. https://learn.microsoft.com/entra/workload-id/workload-identity-federation';

/** The issuer URL a federated credential names. */
export function credentialIssuer(ctx: SandboxContext, fc: FederatedCredential): string {
  return fc.issuer === GITHUB_ACTIONS_ISSUER_ALIAS ? ctx.oidcIssuer() : fc.issuer;
}

/** The verifier of an issuer whose keys the sandbox holds (only its own GitHub Actions issuer). */
function verifierFor(ctx: SandboxContext, issuer: string): TokenVerifier | undefined {
  return issuer === ctx.oidcIssuer() ? ctx.verifiers.oidc : undefined;
}

/** `2024-10-02T22:05:03.6755165Z`: the 7-digit fraction Entra prints. */
const entraIso = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');

function isTimeError(e: unknown): boolean {
  const err = e as { code?: string; claim?: string; message?: string };
  return (
    err?.code === 'ERR_JWT_EXPIRED' ||
    (err?.code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && (err.claim === 'nbf' || err.claim === 'iat')) ||
    /"exp" claim/.test(err?.message ?? '')
  );
}

/**
 * Checks `assertion` for `principal`; answers the assertion's claims and the matching credential,
 * or throws the EntraError Entra would answer. Error descriptions quote the assertion's issuer,
 * subject or audience (as Entra does), never the assertion itself.
 */
export async function verifyFederatedAssertion(
  ctx: SandboxContext,
  principal: Principal,
  assertion: string,
): Promise<{ claims: JWTPayload; credential: FederatedCredential }> {
  let claims: JWTPayload;
  try {
    claims = decodeJwt(assertion);
  } catch {
    throw new EntraError(400, 'invalid_request', 50027, 'JWT token is invalid or malformed.');
  }
  if (typeof claims.iss !== 'string' || typeof claims.sub !== 'string' || typeof claims.exp !== 'number') {
    throw new EntraError(400, 'invalid_request', 50027, 'JWT token is invalid or malformed.');
  }
  const issuer = claims.iss;
  const subject = claims.sub;

  const verifier = verifierFor(ctx, issuer);
  const ofIssuer = principal.federatedCredentials.filter((fc) => credentialIssuer(ctx, fc) === issuer);
  if (!verifier || !ofIssuer.length) {
    throw new EntraError(401, 'invalid_client', 700211, `No matching federated identity record found for presented assertion issuer '${issuer}'. ${FIC_HELP}`);
  }

  const now = ctx.clock.now();
  try {
    await verifier.verify(assertion, now);
  } catch (e) {
    if (isTimeError(e)) {
      const from = typeof claims.nbf === 'number' ? claims.nbf : typeof claims.iat === 'number' ? claims.iat : 0;
      throw new EntraError(
        401,
        'invalid_client',
        700024,
        `Client assertion is not within its valid time range. Current time: ${entraIso(now)}, assertion valid from ${entraIso(from * 1000)}, expiry time of assertion ${entraIso(claims.exp * 1000)}. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .`,
      );
    }
    throw new EntraError(401, 'invalid_client', 700027, 'Client assertion failed signature validation.');
  }

  const ofSubject = ofIssuer.filter((fc) => fc.subject === subject);
  if (!ofSubject.length) {
    if (ofIssuer.some((fc) => fc.subject.toLowerCase() === subject.toLowerCase())) {
      throw new EntraError(
        401,
        'invalid_client',
        7002138,
        `No matching federated identity record found for presented assertion subject '${subject}'. The subject matches with case-insensitive comparison, but not with case-sensitive comparison. ${FIC_HELP}`,
      );
    }
    throw new EntraError(401, 'invalid_client', 700213, `No matching federated identity record found for presented assertion subject '${subject}'. ${FIC_HELP}`);
  }

  const audiences = Array.isArray(claims.aud) ? claims.aud : typeof claims.aud === 'string' ? [claims.aud] : [];
  const credential = ofSubject.find((fc) => audiences.some((a) => fc.audiences.includes(a)));
  if (!credential) {
    throw new EntraError(401, 'invalid_client', 700212, `No matching federated identity record found for presented assertion audience '${audiences.join(', ')}'. ${FIC_HELP}`);
  }
  return { claims, credential };
}
