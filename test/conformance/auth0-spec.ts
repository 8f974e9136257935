/**
 * Auth0's Management API OpenAPI 3.1 subset (log streams) and the Auth0 tenant log schema (draft-07)
 * as validators.
 */
import { SPEC_FILES, draft07, draft2020, readSpec, type Ajv, type ValidateFunction } from './specs.js';

const OPENAPI_ID = 'https://conformance.sandbox.local/auth0/management-api.json';
const LOGS_ID = 'https://conformance.sandbox.local/auth0/logs.json';

/**
 * Auth0's error body. The OAS subset declares the error statuses of every operation but no body for
 * them; this is the shape Auth0's Management API answers errors with (documented under "Errors" in
 * Auth0's Management API reference): `statusCode` equal to the HTTP status, the status text as
 * `error`, a `message`, and optionally an `errorCode` and `attributes`.
 */
export const AUTH0_ERROR_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'error', 'message'],
  additionalProperties: false,
  properties: {
    statusCode: { type: 'integer', minimum: 400, maximum: 599 },
    error: { type: 'string', minLength: 1 },
    message: { type: 'string', minLength: 1 },
    errorCode: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' },
    attributes: { type: 'object' },
  },
};

export interface Auth0Operation {
  operationId: string;
  method: string;
  template: string;
  regex: RegExp;
  responses: Record<string, any>;
  requestSchema?: any;
}

export type Auth0Rule =
  | { kind: 'schema'; validate: ValidateFunction; source: string }
  | { kind: 'empty'; source: string }
  | { kind: 'error'; validate: ValidateFunction; source: string }
  | { kind: 'undeclared'; source: string };

export class Auth0Specs {
  readonly ops: Auth0Operation[];
  readonly openapi: any;
  /** The API's base path (`/api/v2` from `servers`). */
  readonly basePath: string;
  private ajv: Ajv;
  private logs: Ajv;
  private errorValidator: ValidateFunction;
  readonly logSchema: any;

  constructor() {
    this.openapi = readSpec(SPEC_FILES.auth0OpenApi);
    this.logSchema = readSpec(SPEC_FILES.auth0LogSchema);
    this.basePath = new URL(String(this.openapi.servers[0].url).replace('{tenantDomain}', 'tenant.example')).pathname.replace(/\/$/, '');
    this.ajv = draft2020();
    // The whole OAS document as a schema resource: components are reached by JSON pointer.
    this.ajv.addSchema({ ...this.openapi, $id: OPENAPI_ID });
    this.errorValidator = this.ajv.compile(AUTH0_ERROR_SCHEMA);
    this.logs = draft07();
    this.logs.addSchema({ ...this.logSchema, $id: LOGS_ID });
    this.ops = [];
    for (const [template, item] of Object.entries(this.openapi.paths as Record<string, any>)) {
      for (const [method, op] of Object.entries(item)) {
        if (!op || typeof op !== 'object' || !(op as any).operationId) continue;
        const o = op as any;
        const pattern = template.replace(/\{([^}]+)\}/g, (_m, n) => `(?<${n}>[^/]+)`);
        this.ops.push({
          operationId: o.operationId,
          method: method.toUpperCase(),
          template,
          regex: new RegExp(`^${this.basePath}${pattern}$`),
          responses: o.responses,
          requestSchema: o.requestBody?.content?.['application/json']?.schema,
        });
      }
    }
  }

  match(method: string, path: string): { op: Auth0Operation; params: Record<string, string> } | undefined {
    for (const op of this.ops) {
      if (op.method !== method.toUpperCase()) continue;
      const m = op.regex.exec(path);
      if (m) return { op, params: { ...(m.groups ?? {}) } };
    }
    return undefined;
  }

  private compileRef(schema: any): ValidateFunction {
    if (schema.$ref?.startsWith('#/')) return this.ajv.compile({ $ref: `${OPENAPI_ID}${schema.$ref}` });
    // Inline schemas (e.g. the list's array) hold refs relative to the document: rebase them.
    const rebased = JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, `"$ref":"${OPENAPI_ID}#/`));
    return this.ajv.compile(rebased);
  }

  response(op: Auth0Operation, status: number): Auth0Rule {
    const entry = op.responses[String(status)];
    if (!entry) return { kind: 'undeclared', source: `${op.operationId} declares no response ${status} (only ${Object.keys(op.responses).join(', ')})` };
    const schema = entry.content?.['application/json']?.schema;
    if (status >= 400) return { kind: 'error', validate: this.errorValidator, source: `${op.operationId} responses.${status} ("${entry.description}") with Auth0's error body` };
    if (!schema) return { kind: 'empty', source: `${op.operationId} responses.${status} (no content)` };
    return { kind: 'schema', validate: this.compileRef(schema), source: `${op.operationId} responses.${status}` };
  }

  /** The rule for an error answer with Auth0's error body. */
  errorRule(source: string): Auth0Rule {
    return { kind: 'error', validate: this.errorValidator, source };
  }

  request(op: Auth0Operation): ValidateFunction | undefined {
    return op.requestSchema ? this.compileRef(op.requestSchema) : undefined;
  }

  /** A schema of the OAS components, by name. */
  component(name: string): ValidateFunction {
    return this.compileRef({ $ref: `#/components/schemas/${name}` });
  }

  /** Log event types the log schema defines (its `definitions` whose `type` property is a const). */
  logTypes(): string[] {
    return Object.entries(this.logSchema.definitions as Record<string, any>)
      .filter(([, d]) => d?.properties?.type?.const !== undefined)
      .map(([, d]) => String(d.properties.type.const));
  }

  /** The validator of a log record of `type`, when the schema defines that type. */
  logValidator(type: string): ValidateFunction | undefined {
    const entry = Object.entries(this.logSchema.definitions as Record<string, any>).find(([, d]) => d?.properties?.type?.const === type);
    if (!entry) return undefined;
    return this.logs.getSchema(`${LOGS_ID}#/definitions/${entry[0]}`);
  }
}
