import type { SandboxContext } from '../core/context.js';
import type { Route, ServiceDef } from '../core/http.js';

export function auth0Service(_ctx: SandboxContext): ServiceDef {
  return { name: 'auth0', routes: [], errorBody: (e) => ({ statusCode: e.status, error: e.code, message: e.message }) };
}

export function auth0AdminRoutes(_ctx: SandboxContext): Route[] {
  return [];
}
