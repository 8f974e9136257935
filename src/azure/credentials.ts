/**
 * The Azure credential for the configured sign-in, loaded narrowly (one credential class) since the
 * Action's cold start matters:
 * - oidc: the workflow's OIDC token exchanged through a federated credential (no secret);
 * - secret: a client secret;
 * - default: what an earlier azure/login step or the environment left (environment variables, then Azure CLI).
 * For clouds other than the public ones, instance discovery is disabled: MSAL would otherwise ask
 * login.microsoftonline.com about the authority first.
 */
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import type { AzureSignIn } from '../config/settings.js';

export async function createCredential(signIn: AzureSignIn, getIdToken?: (audience: string) => Promise<string>): Promise<TokenCredential> {
  const { failFastPolicy } = await import('./fail-fast.js');
  const common = {
    authorityHost: signIn.authorityHost,
    ...(signIn.customCloud ? { disableInstanceDiscovery: true } : {}),
    // A mistyped authority host or an untrusted certificate fails at once instead of after the retries.
    additionalPolicies: [{ policy: failFastPolicy(), position: 'perRetry' as const }],
  };
  if (signIn.kind === 'secret') {
    const { ClientSecretCredential } = await import('@azure/identity');
    return new ClientSecretCredential(signIn.tenantId!, signIn.clientId!, signIn.clientSecret!, common);
  }
  if (signIn.kind === 'oidc') {
    if (!getIdToken) {
      throw new Error(
        'azure-client-id and azure-tenant-id without azure-client-secret sign in with the workflow OIDC token, but none is available here: run inside a GitHub Actions job with `permissions: id-token: write`, or give azure-client-secret.',
      );
    }
    const { ClientAssertionCredential } = await import('@azure/identity');
    const audience = signIn.audience;
    // MSAL asks for the assertion more than once per token request: reuse one OIDC token for a minute
    // (GitHub's tokens live for several minutes) instead of asking the runner each time.
    let cached: { token: Promise<string>; at: number } | undefined;
    const assertion = () => {
      if (!cached || Date.now() - cached.at > 60_000) {
        const token = getIdToken(audience);
        cached = { token, at: Date.now() };
        token.catch(() => (cached = undefined));
      }
      return cached.token;
    };
    return new ClientAssertionCredential(signIn.tenantId!, signIn.clientId!, assertion, common);
  }
  const { ChainedTokenCredential, EnvironmentCredential, AzureCliCredential } = await import('@azure/identity');
  return new ChainedTokenCredential(new EnvironmentCredential(common), new AzureCliCredential());
}

/**
 * Shares one token request among concurrent callers and reuses the token until shortly before it
 * expires, so that signing in early (while the SDK modules load) and the first request's own sign-in
 * are one request, and environments sharing a sign-in share its token.
 */
export function sharedTokenCredential(inner: TokenCredential): TokenCredential {
  const cache = new Map<string, Promise<AccessToken | null>>();
  return {
    getToken(scopes, options) {
      const key = [scopes].flat().join(' ');
      const hit = cache.get(key);
      if (hit) {
        return hit.then((t) => {
          if (t && t.expiresOnTimestamp - 5 * 60_000 > Date.now()) return t;
          cache.delete(key);
          return this.getToken(scopes, options);
        });
      }
      const p = inner.getToken(scopes, options);
      cache.set(key, p);
      p.catch(() => cache.delete(key));
      return p;
    },
  };
}
