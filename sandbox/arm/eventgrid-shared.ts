/** Pieces the Microsoft.EventGrid handlers share: the schema set, systemData stamping, LRO book access. */
import type { Ctx } from '../core/http.js';
import type { SandboxContext } from '../core/context.js';
import { systemData } from '../core/eventgrid.js';
import type { ArmResource } from '../core/state.js';
import { caller } from './common.js';
import { EVENTGRID_DEFINITIONS } from './eventgrid-schema.js';
import type { LroBook } from './lro.js';
import { SchemaSet } from './validate.js';

export const schemas = new SchemaSet(EVENTGRID_DEFINITIONS);

export interface EgDeps {
  ctx: SandboxContext;
  lro: LroBook;
}

/** systemData for a write by the caller (keeping the creation facts of `previous`). */
export function stamp(ctx: SandboxContext, c: Ctx, previous?: ArmResource): Record<string, unknown> {
  const who = caller(c);
  return systemData(ctx, who.by, who.byType, previous?.systemData);
}

/** Defines a property that JSON.stringify (hence every answer and the state dump) leaves out. */
export function hidden<T extends object>(obj: T, prop: string, value: unknown): T {
  Object.defineProperty(obj, prop, { value, enumerable: false, writable: true, configurable: true });
  return obj;
}

/** The day, as ms. */
export const DAY_MS = 86_400_000;
