import type { SandboxContext } from '../core/context.js';
import type { ServiceDef } from '../core/http.js';

export function entraService(_ctx: SandboxContext): ServiceDef {
  return { name: 'entra', routes: [], errorBody: (e) => ({ error: e.code, error_description: e.message }) };
}

export function oidcService(_ctx: SandboxContext): ServiceDef {
  return { name: 'oidc', routes: [], errorBody: (e) => ({ message: e.message }) };
}
