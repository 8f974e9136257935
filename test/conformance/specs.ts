/**
 * Where the official specs live (`specs/` at the repository root, with their provenance and licences in
 * specs/README.azure.md) and how to read them. Nothing here reads a file at import time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvModule from 'ajv';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Ajv as AjvCore, ValidateFunction as AjvValidateFunction, ErrorObject } from 'ajv';

export const SPECS_DIR = fileURLToPath(new URL('../../specs/', import.meta.url));

export const SPEC_FILES = {
  eventGrid: 'azure-eventgrid/2025-02-15/EventGrid.partner-subset.json',
  eventGridExamples: 'azure-eventgrid/2025-02-15/examples',
  resources: 'azure-resources/2025-04-01/resources.subset.json',
  subscriptions: 'azure-resources/2022-12-01/subscriptions.subset.json',
  resourcesExamples: 'azure-resources/2025-04-01/examples',
  commonV5: 'azure-common-types/resource-management/v5/types.subset.json',
  auth0OpenApi: 'auth0/management-api-log-streams.openapi.json',
  auth0LogSchema: 'auth0/auth0-log-schemas.all-log-types.schema.json',
} as const;

export function readSpec<T = any>(relative: string): T {
  return JSON.parse(readFileSync(join(SPECS_DIR, relative), 'utf8')) as T;
}

/** The JSON files of an examples folder: [file name, parsed content]. */
export function readExamples(relative: string): [string, any][] {
  const dir = join(SPECS_DIR, relative);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8'))]);
}

/** The names of the example files of both ARM example folders (cheap: for test names at load time). */
export function exampleFileNames(): string[] {
  return [SPEC_FILES.eventGridExamples, SPEC_FILES.resourcesExamples].flatMap((d) =>
    readdirSync(join(SPECS_DIR, d))
      .filter((f) => f.endsWith('.json'))
      .sort(),
  );
}

// ---- ajv ------------------------------------------------------------------------------------------

export type Ajv = AjvCore;
/** A compiled validator (not a type guard: checked values keep their type). */
export type ValidateFunction = ((data: unknown) => boolean) & Pick<AjvValidateFunction, 'errors'>;
export type { ErrorObject };

const Ajv07 = ((AjvModule as any).default ?? AjvModule) as new (o: object) => AjvCore;
const Ajv2020 = ((Ajv2020Module as any).default ?? Ajv2020Module) as new (o: object) => AjvCore;
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: AjvCore) => AjvCore;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Formats the specs use beyond JSON Schema's own: swagger's `arm-id` (a fully qualified ARM resource
 * id), Auth0's `log-stream-id` (`lst_` + 16 digits, as Auth0 issues them). ajv-formats brings
 * date-time (with a time zone, as ARM and Auth0 always send), uuid, int32, int64, double.
 */
function addSpecFormats(ajv: AjvCore): AjvCore {
  addFormats(ajv);
  ajv.addFormat('arm-id', { type: 'string', validate: (s: string) => /^\/(subscriptions|providers)\/[^/]+/i.test(s) && !s.endsWith('/') });
  ajv.addFormat('log-stream-id', { type: 'string', validate: (s: string) => /^lst_[0-9]{16}$/.test(s) });
  ajv.addFormat('guid', { type: 'string', validate: (s: string) => GUID.test(s) });
  return ajv;
}

/**
 * `strict: false` because the specs carry vendor keys (x-ms-*, discriminator, example) ajv does not
 * know; `validateFormats` stays on, and every format the specs use is registered above.
 */
export function draft07(): AjvCore {
  return addSpecFormats(new Ajv07({ strict: false, allErrors: true, validateFormats: true }));
}

/** OpenAPI 3.1 schemas are JSON Schema 2020-12. */
export function draft2020(): AjvCore {
  return addSpecFormats(new Ajv2020({ strict: false, allErrors: true, validateFormats: true }));
}

/** ajv errors as one line each, for test failure messages. */
export function describeErrors(errors: ErrorObject[] | null | undefined, max = 8): string {
  const list = (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`);
  const unique = [...new Set(list)];
  return unique.slice(0, max).join('; ') + (unique.length > max ? `; … ${unique.length - max} more` : '');
}
