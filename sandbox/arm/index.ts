import type { SandboxContext } from '../core/context.js';
import type { ServiceDef } from '../core/http.js';

export function armService(_ctx: SandboxContext): ServiceDef {
  return { name: 'arm', routes: [], errorBody: (e) => ({ error: { code: e.code, message: e.message } }) };
}
