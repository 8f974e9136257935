/**
 * The ARM specs as validators: the Microsoft.EventGrid 2025-02-15 partner subset, the
 * Microsoft.Resources 2025-04-01 subset (providers, resource groups, resource lists), the subscriptions
 * API 2022-12-01 subset (subscriptions, tenants, locations) and the v5 common types, per operation and
 * status.
 */
import { SPEC_FILES, draft07, readSpec, type Ajv, type ValidateFunction } from './specs.js';
import { SwaggerConverter, docId, matchOperation, operationsOf, relaxNextLinks, type ArmDoc, type ArmOperation, type Mode } from './swagger.js';

export type { ArmOperation } from './swagger.js';

/** What an answer of `op` with `status` must look like. */
export type ResponseRule =
  | { kind: 'schema'; validate: ValidateFunction; source: string }
  | { kind: 'empty'; source: string }
  | { kind: 'undeclared'; source: string };

export class ArmSpecs {
  readonly ops: ArmOperation[];
  readonly swagger: Record<ArmDoc, any>;
  private ajv: Ajv;
  private converters: Record<ArmDoc, SwaggerConverter>;
  private cache = new Map<string, ResponseRule>();
  private requestCache = new Map<string, ValidateFunction | undefined>();

  constructor() {
    const eventgrid = relaxNextLinks(readSpec(SPEC_FILES.eventGrid));
    const resources = relaxNextLinks(readSpec(SPEC_FILES.resources));
    const subscriptions = relaxNextLinks(readSpec(SPEC_FILES.subscriptions));
    const v5 = readSpec(SPEC_FILES.commonV5);
    this.swagger = { eventgrid, resources, subscriptions };
    this.ops = [...operationsOf('eventgrid', eventgrid), ...operationsOf('resources', resources), ...operationsOf('subscriptions', subscriptions)];
    const v5Defs = v5.definitions as Record<string, unknown>;
    this.converters = {
      eventgrid: new SwaggerConverter('eventgrid', eventgrid.definitions, v5Defs),
      resources: new SwaggerConverter('resources', resources.definitions, v5Defs),
      subscriptions: new SwaggerConverter('subscriptions', subscriptions.definitions, v5Defs),
    };
    const common = new SwaggerConverter('common-v5', v5.definitions, v5Defs);
    this.ajv = draft07();
    for (const mode of ['request', 'response'] as Mode[]) {
      this.ajv.addSchema(common.document(mode));
      this.ajv.addSchema(this.converters.eventgrid.document(mode));
      this.ajv.addSchema(this.converters.resources.document(mode));
      this.ajv.addSchema(this.converters.subscriptions.document(mode));
    }
  }

  operation(operationId: string): ArmOperation {
    const op = this.ops.find((o) => o.operationId === operationId);
    if (!op) throw new Error(`conformance: no operation ${operationId} in the specs`);
    return op;
  }

  match(method: string, path: string) {
    return matchOperation(this.ops, method, path);
  }

  /** A validator for any schema (converted from swagger `doc`, in `mode`). */
  compile(doc: ArmDoc, schema: any, mode: Mode): ValidateFunction {
    const converted = this.converters[doc].convert(schema, mode);
    return this.ajv.compile(typeof converted === 'boolean' ? { not: {} } : converted);
  }

  /** A validator for a definition of the v5 common types (e.g. OperationStatusResult). */
  common(def: string, mode: Mode = 'response'): ValidateFunction {
    const v = this.ajv.getSchema(`${docId(mode, 'common-v5')}#/definitions/${def}`);
    if (!v) throw new Error(`conformance: no v5 definition ${def}`);
    return v;
  }

  /**
   * The rule for an answer: the schema of the status's `responses` entry; an entry without a schema
   * means an empty body; a status without an entry takes `default`, which must be an error (>= 400).
   * Microsoft.EventGrid's `default` entries declare no schema: they get ARM's common error shape (v5
   * ErrorResponse). Either way the error object must carry `code` and `message` (ARM's error contract,
   * which the v5 schema leaves optional only because it marks everything readOnly).
   */
  response(op: ArmOperation, status: number): ResponseRule {
    const key = `${op.operationId} ${status}`;
    let rule = this.cache.get(key);
    if (rule) return rule;
    const entry = op.responses[String(status)];
    if (entry) {
      rule = entry.schema
        ? { kind: 'schema', validate: this.compile(op.doc, entry.schema, 'response'), source: `${op.operationId} responses.${status}` }
        : { kind: 'empty', source: `${op.operationId} responses.${status} (no schema)` };
    } else if (status >= 400 && op.responses.default) {
      const def = op.responses.default;
      const base = def.schema ? this.converters[op.doc].convert(def.schema, 'response') : { $ref: `${docId('response', 'common-v5')}#/definitions/ErrorResponse` };
      const validate = this.ajv.compile({
        allOf: [base],
        type: 'object',
        required: ['error'],
        properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string', minLength: 1 }, message: { type: 'string', minLength: 1 } } } },
      });
      rule = { kind: 'schema', validate, source: `${op.operationId} responses.default (${def.schema ? 'CloudError → v5 ErrorDetail' : 'v5 ErrorResponse'})` };
    } else {
      rule = { kind: 'undeclared', source: `${op.operationId} declares no response ${status} (only ${Object.keys(op.responses).join(', ')})` };
    }
    this.cache.set(key, rule);
    return rule;
  }

  /** The request-body validator of an operation (undefined when it takes no body). */
  request(op: ArmOperation): ValidateFunction | undefined {
    if (this.requestCache.has(op.operationId)) return this.requestCache.get(op.operationId);
    const v = op.body ? this.compile(op.doc, op.body.schema, 'request') : undefined;
    this.requestCache.set(op.operationId, v);
    return v;
  }
}
