/**
 * A small JSON-schema validator for the Management API's request bodies, answering in the words of
 * Auth0's validator (z-schema): `Payload validation error: '<message>' on property <path> (<description>).`
 * It reports the first error, as Auth0 does.
 */

export interface Schema {
  type?: 'object' | 'string' | 'boolean' | 'array' | 'number';
  description?: string;
  enum?: readonly unknown[];
  pattern?: string;
  format?: 'date-time';
  required?: readonly string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean;
  items?: Schema;
  minItems?: number;
}

export interface ValidationIssue {
  /** z-schema's message, e.g. `Additional properties not allowed: azurePartnerTopic`. */
  message: string;
  /** Dotted path of the offending value (`sink.azureRegion`, `filters[0].name`); '' for the body itself. */
  path: string;
  description?: string;
}

/** ISO 8601 date-time (RFC 3339), as z-schema's `date-time` format checks it. */
const DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

export function isDateTime(v: string): boolean {
  return DATE_TIME.test(v) && !Number.isNaN(Date.parse(v));
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

export function validate(schema: Schema, value: unknown, path = ''): ValidationIssue | undefined {
  const issue = (message: string): ValidationIssue => ({ message, path, description: schema.description });
  if (schema.type) {
    const actual = typeOf(value);
    const ok = schema.type === actual || (schema.type === 'number' && actual === 'integer');
    if (!ok) return issue(`Expected type ${schema.type} but found type ${actual}`);
  }
  if (schema.enum && !schema.enum.includes(value)) return issue(`No enum match for: ${JSON.stringify(value)}`);
  if (typeof value === 'string') {
    if (schema.pattern && !new RegExp(schema.pattern).test(value)) return issue(`String does not match pattern ${schema.pattern}: ${value}`);
    if (schema.format === 'date-time' && !isDateTime(value)) return issue(`Object didn't pass validation for format date-time: ${value}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) return issue(`Array is too short (${value.length}), minimum ${schema.minItems}`);
    if (schema.items) {
      for (let i = 0; i < value.length; i++) {
        const found = validate(schema.items, value[i], join(path, i));
        if (found) return found;
      }
    }
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    for (const r of schema.required ?? []) {
      if (obj[r] === undefined) return issue(`Missing required property: ${r}`);
    }
    if (schema.additionalProperties === false) {
      const extra = Object.keys(obj).filter((k) => !schema.properties || !(k in schema.properties));
      if (extra.length) return issue(`Additional properties not allowed: ${extra.join(',')}`);
    }
    for (const [k, sub] of Object.entries(schema.properties ?? {})) {
      if (obj[k] === undefined) continue;
      const found = validate(sub, obj[k], join(path, k));
      if (found) return found;
    }
  }
  return undefined;
}

/** Auth0's message for a validation issue. */
export function payloadMessage(i: ValidationIssue): string {
  const where = i.path ? ` on property ${i.path}${i.description ? ` (${i.description})` : ''}` : '';
  return `Payload validation error: '${i.message}'${where}.`;
}
