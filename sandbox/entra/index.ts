/**
 * Microsoft Entra ID (the authority host, `entraService`) and the GitHub Actions OIDC provider
 * (`oidcService`), each served on its own listener by sandbox/index.ts. `issueAccessToken` mints the
 * access tokens the token endpoint answers (for tests and other services).
 */
export { entraService, issueAccessToken } from './entra.js';
export { oidcService } from './oidc.js';
