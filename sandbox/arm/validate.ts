/**
 * Request-body validation against swagger definitions, the way ARM and Event Grid answer a body that
 * breaks the schema: 400 `InvalidRequestContent` naming the JSON path (wrong types, bad enum values,
 * unknown discriminator values, missing required properties, malformed dates and GUIDs). Unknown
 * properties and read-only properties are ignored, as ARM does. Enum values are matched
 * case-insensitively and normalized to the swagger's spelling.
 */
import { HttpError } from '../core/http.js';

export interface SchemaNode {
  type?: string;
  format?: string;
  enum?: string[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  additionalProperties?: SchemaNode | boolean;
  allOf?: SchemaNode[];
  discriminator?: string;
  'x-ms-discriminator-value'?: string;
  readOnly?: boolean;
  'x-ms-secret'?: boolean;
  $ref?: string;
  default?: unknown;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

export function invalidContent(detail: string, path: string): HttpError {
  const where = path ? ` Path '${path}'.` : '';
  return new HttpError(400, 'InvalidRequestContent', `The request content was invalid and could not be deserialized: '${detail}${where}'.`);
}

/** A compiled view of a set of definitions: resolved refs, flattened allOf and discriminator maps. */
export class SchemaSet {
  /** base definition name → discriminator value → subtype definition name */
  private subtypes = new Map<string, Map<string, string>>();
  private flat = new Map<string, SchemaNode>();

  constructor(private defs: Record<string, SchemaNode>) {
    for (const [name, def] of Object.entries(defs)) {
      const value = def['x-ms-discriminator-value'];
      if (!value) continue;
      for (const parent of def.allOf ?? []) {
        if (!parent.$ref) continue;
        let m = this.subtypes.get(parent.$ref);
        if (!m) this.subtypes.set(parent.$ref, (m = new Map()));
        m.set(value.toLowerCase(), name);
      }
    }
  }

  /** A definition with its allOf parents merged in (properties and required). */
  private flatten(name: string): SchemaNode {
    let f = this.flat.get(name);
    if (f) return f;
    const def = this.defs[name];
    if (!def) throw new Error(`schema: unknown definition ${name}`);
    const properties: Record<string, SchemaNode> = {};
    const required: string[] = [];
    for (const parent of def.allOf ?? []) {
      if (!parent.$ref) continue;
      const p = this.flatten(parent.$ref);
      Object.assign(properties, p.properties);
      required.push(...(p.required ?? []));
    }
    Object.assign(properties, def.properties);
    required.push(...(def.required ?? []));
    f = { ...def, properties, required, allOf: undefined };
    this.flat.set(name, f);
    return f;
  }

  /** Validates `value` against definition `name`; throws 400 InvalidRequestContent. */
  validate(value: unknown, name: string, path = ''): void {
    this.check(value, { $ref: name }, path);
  }

  private check(value: unknown, node: SchemaNode, path: string): void {
    if (value === null || value === undefined) return;
    if (node.$ref) {
      const ref = node.$ref;
      const flat = this.flatten(ref);
      const subs = this.subtypes.get(ref);
      if (flat.discriminator && subs) {
        if (!isObject(value)) throw invalidContent(`Expected an object for '${ref}'.`, path);
        const disc = flat.discriminator;
        const raw = value[disc];
        if (raw === undefined || raw === null) throw invalidContent(`Required property '${disc}' not found in JSON.`, join(path, disc));
        if (typeof raw !== 'string') throw invalidContent(`Error converting value ${JSON.stringify(raw)} to type '${ref}.${disc}'.`, join(path, disc));
        const sub = subs.get(raw.toLowerCase());
        if (!sub) {
          const allowed = [...subs.keys()].map((k) => this.defs[subs.get(k)!]['x-ms-discriminator-value']).join(', ');
          throw invalidContent(`Could not resolve type '${raw}' for '${disc}' of '${ref}'. Allowed values: ${allowed}.`, join(path, disc));
        }
        value[disc] = this.defs[sub]['x-ms-discriminator-value'];
        this.checkObject(value, this.flatten(sub), path, sub);
        return;
      }
      this.checkNode(value, flat, path, ref);
      return;
    }
    this.checkNode(value, node, path);
  }

  private checkNode(value: unknown, node: SchemaNode, path: string, typeName?: string): void {
    if (node.readOnly) return;
    const type = node.type ?? (node.properties ? 'object' : undefined);
    switch (type) {
      case 'object':
        if (!isObject(value)) throw invalidContent(`Error converting value ${short(value)} to type '${typeName ?? 'object'}'.`, path);
        this.checkObject(value, node, path, typeName);
        return;
      case 'array':
        if (!Array.isArray(value)) throw invalidContent(`Error converting value ${short(value)} to type 'array'.`, path);
        if (node.items) value.forEach((v, i) => this.check(v, node.items!, `${path}[${i}]`));
        return;
      case 'string':
        if (typeof value !== 'string') throw invalidContent(`Error converting value ${short(value)} to type 'string'.`, path);
        if (node.enum) {
          const hit = node.enum.find((e) => e.toLowerCase() === value.toLowerCase());
          if (!hit) throw invalidContent(`Error converting value "${value}": allowed values are ${node.enum.map((e) => `'${e}'`).join(', ')}.`, path);
          return;
        }
        if (node.format === 'date-time' && (!ISO_DATE.test(value) || Number.isNaN(Date.parse(value)))) {
          throw invalidContent(`Could not convert string to DateTime: ${value}.`, path);
        }
        if (node.format === 'uuid' && !GUID.test(value)) throw invalidContent(`Could not convert string to Guid: ${value}.`, path);
        if (node.format === 'arm-id' && !value.startsWith('/')) throw invalidContent(`'${value}' is not a valid Azure resource id.`, path);
        return;
      case 'integer':
        if (typeof value !== 'number' || !Number.isInteger(value)) throw invalidContent(`Error converting value ${short(value)} to type 'integer'.`, path);
        if (node.format === 'int32' && (value < INT32_MIN || value > INT32_MAX)) throw invalidContent(`Value ${value} is too large or too small for an Int32.`, path);
        return;
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidContent(`Error converting value ${short(value)} to type 'number'.`, path);
        return;
      case 'boolean':
        if (typeof value !== 'boolean') throw invalidContent(`Error converting value ${short(value)} to type 'boolean'.`, path);
        return;
      default:
        return;
    }
  }

  private checkObject(value: Record<string, unknown>, node: SchemaNode, path: string, typeName?: string): void {
    for (const r of node.required ?? []) {
      if (value[r] === undefined || value[r] === null) throw invalidContent(`Required property '${r}' not found in JSON${typeName ? ` for '${typeName}'` : ''}.`, join(path, r));
    }
    const props = node.properties ?? {};
    for (const [k, v] of Object.entries(value)) {
      const p = props[k];
      if (p) {
        this.check(v, p, join(path, k));
        if (p.enum && typeof value[k] === 'string') value[k] = p.enum.find((e) => e.toLowerCase() === (value[k] as string).toLowerCase());
      } else if (node.additionalProperties && typeof node.additionalProperties === 'object') {
        this.check(v, node.additionalProperties, join(path, k));
      }
    }
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function short(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** 400 BadRequest: the body parses but Event Grid refuses its content (names, ranges, URLs, dates). */
export function badRequest(message: string, code = 'BadRequest'): HttpError {
  return new HttpError(400, code, message);
}

/** The top-level request body as an object (ARM answers 400 when a body is required and missing). */
export function requireBody(body: unknown): Record<string, any> {
  if (body === undefined || body === null || body === '') throw invalidContent('The request content is empty: a JSON object is required.', '');
  if (!isObject(body)) throw invalidContent(`Error converting value ${short(body)} to an object.`, '');
  return body;
}

export const EVENTGRID_NAME = /^[A-Za-z0-9-]{3,64}$/;
export const isGuid = (s: string) => GUID.test(s);
