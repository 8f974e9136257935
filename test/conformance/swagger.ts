/**
 * Swagger 2.0 (ARM) → JSON Schema for ajv, and the operation table of the ARM specs.
 *
 * What the conversion does with swagger's quirks:
 * - `allOf` inheritance is flattened (properties and `required` merged), so that undocumented
 *   properties can be detected in answers (see `additionalProperties` below).
 * - `discriminator` bases (EventSubscriptionDestination, AdvancedFilter, DeliveryAttributeMapping,
 *   DeadLetterDestination) become dispatchers: the discriminator value must be one of the subtypes'
 *   `x-ms-discriminator-value`s and the object is validated against that subtype.
 * - Cross-file `$ref`s are remapped onto the local layout (README.azure.md): EventGrid.json's
 *   lower-case `v5/types.json#/definitions/systemData` → v5 `SystemData`; resources.json's
 *   `CloudError.error` → `v1/types.json#/definitions/ErrorResponse`, which the stored v1 file lacks,
 *   → v5 `ErrorDetail` (the current ARM error shape). Any other external ref throws, so a new one is
 *   noticed instead of silently validating nothing.
 * - Answers (`response` mode): a property that is not `required` may be `null` (as .NET services
 *   serialize absent values, and as the specs' own examples show, e.g. `"labels": null`; Azure's model
 *   validator `oav` makes the same allowance), and an object schema that declares `properties` but no
 *   `additionalProperties` admits no other properties: the sandbox must not invent fields.
 * - Requests (`request` mode): unknown properties are tolerated (ARM ignores them), `readOnly`
 *   properties are refused (a client must not send them).
 * - x-ms-* keys, descriptions and `default`s are dropped; formats are kept (see specs.ts).
 */

export type Mode = 'request' | 'response';

/** The ARM documents operations come from. */
export type ArmDoc = 'eventgrid' | 'resources' | 'subscriptions';

export type DocName = ArmDoc | 'common-v5';

export const SCHEMA_BASE = 'https://conformance.sandbox.local';

export function docId(mode: Mode, doc: DocName): string {
  return `${SCHEMA_BASE}/${mode}/${doc}.json`;
}

/** The local target of a cross-file `$ref` (see the module comment). */
export function remapExternalRef(ref: string, v5Definitions: Record<string, unknown>): { doc: DocName; def: string } {
  const m = /common-types\/resource-management\/(v\d+)\/types\.json#\/definitions\/([\w.]+)$/.exec(ref);
  if (m) {
    const [, version, name] = m;
    if (version === 'v5') {
      if (name in v5Definitions) return { doc: 'common-v5', def: name };
      const capital = name[0].toUpperCase() + name.slice(1);
      if (name === 'systemData' && capital in v5Definitions) return { doc: 'common-v5', def: capital };
    }
    if (version === 'v1' && name === 'ErrorResponse') return { doc: 'common-v5', def: 'ErrorDetail' };
  }
  throw new Error(`conformance: no local target for the cross-file $ref '${ref}' (see specs/README.azure.md)`);
}

type Raw = Record<string, any>;

const VALIDATION_KEYS = ['type', 'format', 'enum', 'pattern', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems', 'multipleOf'] as const;

export class SwaggerConverter {
  /** base definition → [discriminator value, subtype definition] */
  private subtypes = new Map<string, [string, string][]>();

  constructor(
    private doc: DocName,
    private definitions: Record<string, Raw>,
    private v5Definitions: Record<string, unknown>,
  ) {
    for (const [name, def] of Object.entries(definitions)) {
      const value = def['x-ms-discriminator-value'] ?? (this.discriminatorParent(def) ? name : undefined);
      const parent = this.discriminatorParent(def);
      if (!parent || value === undefined) continue;
      let list = this.subtypes.get(parent);
      if (!list) this.subtypes.set(parent, (list = []));
      list.push([value, name]);
    }
  }

  /** The direct allOf parent that declares a discriminator, if any. */
  private discriminatorParent(def: Raw): string | undefined {
    for (const p of def.allOf ?? []) {
      const name = typeof p.$ref === 'string' && p.$ref.startsWith('#/definitions/') ? p.$ref.slice('#/definitions/'.length) : undefined;
      if (name && this.definitions[name]?.discriminator) return name;
    }
    return undefined;
  }

  /** Absolute ref to a definition of this or another document, for `mode`. */
  private ref(ref: string, mode: Mode): Raw {
    if (ref.startsWith('#/definitions/')) {
      const name = ref.slice('#/definitions/'.length);
      if (!this.definitions[name]) throw new Error(`conformance: ${this.doc}: dangling $ref '${ref}'`);
      return { $ref: `${docId(mode, this.doc)}#/definitions/${name}` };
    }
    if (ref.startsWith('#/')) throw new Error(`conformance: ${this.doc}: unsupported local $ref '${ref}'`);
    const target = remapExternalRef(ref, this.v5Definitions);
    return { $ref: `${docId(mode, target.doc)}#/definitions/${target.def}` };
  }

  /** A definition with its allOf ancestry merged: one object schema (still raw swagger). */
  private flatten(node: Raw, seen: string[] = []): Raw {
    if (!node.allOf) return node;
    const properties: Raw = {};
    const required: string[] = [];
    let additionalProperties: unknown;
    for (const part of node.allOf as Raw[]) {
      let src = part;
      if (typeof part.$ref === 'string') {
        if (!part.$ref.startsWith('#/definitions/')) throw new Error(`conformance: ${this.doc}: allOf with a cross-file $ref '${part.$ref}' is not supported`);
        const name = part.$ref.slice('#/definitions/'.length);
        if (seen.includes(name)) throw new Error(`conformance: ${this.doc}: allOf cycle through ${name}`);
        src = this.flatten(this.definitions[name], [...seen, name]);
      }
      Object.assign(properties, src.properties ?? {});
      required.push(...(src.required ?? []));
      if (src.additionalProperties !== undefined) additionalProperties = src.additionalProperties;
    }
    Object.assign(properties, node.properties ?? {});
    required.push(...(node.required ?? []));
    const { allOf: _allOf, ...rest } = node;
    return {
      ...rest,
      type: node.type ?? 'object',
      properties,
      required: [...new Set(required)],
      ...(node.additionalProperties !== undefined ? { additionalProperties: node.additionalProperties } : additionalProperties !== undefined ? { additionalProperties } : {}),
    };
  }

  /** Converts one schema node. */
  convert(node: Raw, mode: Mode): Raw | boolean {
    if (typeof node.$ref === 'string') {
      // Siblings of a $ref in swagger are documentation (description, readOnly, a redundant type).
      return this.ref(node.$ref, mode);
    }
    const flat = this.flatten(node);
    const out: Raw = {};
    for (const k of VALIDATION_KEYS) if (flat[k] !== undefined) out[k] = flat[k];
    if (out.type === undefined && flat.properties) out.type = 'object';
    if (typeof flat.exclusiveMinimum === 'boolean' && flat.exclusiveMinimum) {
      out.exclusiveMinimum = flat.minimum;
      delete out.minimum;
    }
    if (typeof flat.exclusiveMaximum === 'boolean' && flat.exclusiveMaximum) {
      out.exclusiveMaximum = flat.maximum;
      delete out.maximum;
    }
    if (flat.items) out.items = this.convert(flat.items, mode);
    const required: string[] = flat.required ?? [];
    if (flat.properties) {
      out.properties = {};
      for (const [k, p] of Object.entries(flat.properties as Record<string, Raw>)) {
        let s = this.convert(p, mode);
        if (mode === 'request' && p.readOnly === true) s = false;
        else if (mode === 'response' && !required.includes(k)) s = { anyOf: [{ type: 'null' }, s] };
        out.properties[k] = s;
      }
    }
    if (required.length) out.required = required;
    if (flat.additionalProperties !== undefined) {
      out.additionalProperties = typeof flat.additionalProperties === 'boolean' ? flat.additionalProperties : this.convert(flat.additionalProperties, mode);
    } else if (mode === 'response' && flat.properties) {
      out.additionalProperties = false;
    }
    return out;
  }

  /** All definitions of the document, for `mode`, as one JSON Schema document. */
  document(mode: Mode): Raw {
    const definitions: Raw = {};
    for (const [name, def] of Object.entries(this.definitions)) {
      const subs = this.subtypes.get(name);
      if (def.discriminator && subs?.length) {
        const disc = def.discriminator as string;
        definitions[name] = {
          type: 'object',
          required: [disc],
          properties: { [disc]: { type: 'string', enum: subs.map(([v]) => v) } },
          allOf: subs.map(([value, sub]) => ({
            if: { properties: { [disc]: { const: value } }, required: [disc] },
            then: { $ref: `${docId(mode, this.doc)}#/definitions/${sub}` },
          })),
        };
      } else {
        definitions[name] = this.convert(def, mode);
      }
    }
    return { $id: docId(mode, this.doc), definitions };
  }
}

// ---- operations -------------------------------------------------------------------------------------

export interface ArmOperation {
  operationId: string;
  method: string;
  template: string;
  doc: ArmDoc;
  regex: RegExp;
  /** Literal path segments: the most specific template wins when several match. */
  literals: number;
  body?: { name: string; required: boolean; schema: Raw };
  responses: Record<string, { schema?: Raw; description?: string }>;
  lro: boolean;
  /** Example file names (basename) from x-ms-examples. */
  examples: string[];
}

export function operationsOf(doc: ArmDoc, swagger: Raw): ArmOperation[] {
  const ops: ArmOperation[] = [];
  for (const [template, item] of Object.entries(swagger.paths as Record<string, Raw>)) {
    for (const [method, op] of Object.entries(item)) {
      if (!op || typeof op !== 'object' || !op.operationId) continue;
      const params: Raw[] = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p: Raw) =>
        typeof p.$ref === 'string' ? swagger.parameters[p.$ref.slice('#/parameters/'.length)] : p,
      );
      const body = params.find((p) => p.in === 'body');
      const pattern = template
        .split('/')
        .map((seg) => (/^\{[^}]+\}$/.test(seg) ? `(?<${seg.slice(1, -1).replace(/[^A-Za-z0-9_]/g, '_')}>[^/]+)` : seg.replace(/[.$]/g, '\\$&')))
        .join('/');
      ops.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        template,
        doc,
        regex: new RegExp(`^${pattern}$`, 'i'),
        literals: template.split('/').filter((s) => s && !s.startsWith('{')).length,
        body: body ? { name: body.name, required: !!body.required, schema: body.schema } : undefined,
        responses: op.responses,
        lro: !!op['x-ms-long-running-operation'],
        examples: Object.values((op['x-ms-examples'] ?? {}) as Record<string, { $ref: string }>).map((e) => e.$ref.split('/').pop()!),
      });
    }
  }
  return ops;
}

/**
 * Pageable operations (x-ms-pageable): the page's next-link property may be absent, on the last page, even
 * where the list definition marks it required (SubscriptionListResult, TenantListResult). ARM omits it there
 * and autorest-generated clients stop paging on an absent link. Returns a copy of the swagger document
 * whose list definitions no longer require it.
 */
export function relaxNextLinks(swagger: Raw): Raw {
  const copy = structuredClone(swagger);
  for (const item of Object.values(copy.paths as Record<string, Raw>)) {
    for (const op of Object.values(item)) {
      const nextLink = op?.['x-ms-pageable']?.nextLinkName;
      const ref = op?.responses?.['200']?.schema?.$ref;
      if (typeof nextLink !== 'string' || typeof ref !== 'string' || !ref.startsWith('#/definitions/')) continue;
      const def = copy.definitions[ref.slice('#/definitions/'.length)];
      if (Array.isArray(def?.required)) def.required = def.required.filter((r: string) => r !== nextLink);
    }
  }
  return copy;
}

/** The operation serving `method path` (path without query), the most specific template first. */
export function matchOperation(ops: ArmOperation[], method: string, path: string): { op: ArmOperation; params: Record<string, string> } | undefined {
  const hits = ops
    .filter((o) => o.method === method.toUpperCase())
    .map((op) => ({ op, m: op.regex.exec(path) }))
    .filter((h) => h.m)
    .sort((a, b) => b.op.literals - a.op.literals);
  if (!hits.length) return undefined;
  return { op: hits[0].op, params: { ...(hits[0].m!.groups ?? {}) } };
}
