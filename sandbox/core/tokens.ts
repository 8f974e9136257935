/**
 * Signing keys of the sandbox's token issuers (Entra ID, GitHub Actions OIDC, Auth0 tenants) and JWT
 * helpers. Tokens are real RS256 JWTs, verified against the issuer's key; verified tokens are cached
 * so that the ARM hot path stays cheap.
 */
import { SignJWT, exportJWK, generateKeyPair, jwtVerify, type JWK, type JWTPayload, type CryptoKey } from 'jose';
import { randomUUID } from 'node:crypto';

export interface IssuerKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  jwk: JWK;
}

export async function newIssuerKey(): Promise<IssuerKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID().replace(/-/g, '');
  const jwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  return { kid, privateKey, publicKey, jwk };
}

export async function signJwt(key: IssuerKey, claims: JWTPayload, opts: { nowMs: number; ttlSeconds: number; typ?: string }): Promise<string> {
  const iat = Math.floor(opts.nowMs / 1000);
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: opts.typ ?? 'JWT' })
    .setIssuedAt(iat)
    .setNotBefore(iat - 300)
    .setExpirationTime(iat + opts.ttlSeconds)
    .setJti(claims.jti ?? randomUUID())
    .sign(key.privateKey);
}

export class TokenVerifier {
  private cache = new Map<string, JWTPayload>();

  constructor(private key: IssuerKey) {}

  /**
   * Verifies signature and time against the sandbox clock (`nowMs`). Throws an Error whose message
   * says what is wrong (expired, bad signature, malformed).
   */
  async verify(token: string, nowMs: number): Promise<JWTPayload> {
    let claims = this.cache.get(token);
    if (!claims) {
      const { payload } = await jwtVerify(token, this.key.publicKey, { currentDate: new Date(nowMs), clockTolerance: 300 });
      claims = payload;
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(token, claims);
    }
    if (typeof claims.exp === 'number' && claims.exp * 1000 + 300_000 < nowMs) {
      throw new Error('"exp" claim timestamp check failed');
    }
    return claims;
  }
}
