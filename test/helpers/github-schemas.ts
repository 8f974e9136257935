/**
 * Runtime conformance checks of GitHub JSON against GitHub's own OpenAPI descriptions, as shipped in
 * `@octokit/openapi-types` (REST responses, `components.schemas`) and `@octokit/openapi-webhooks-types`
 * (webhook payloads). Those packages are TypeScript renderings of the OpenAPI schemas; this helper
 * loads them with the TypeScript compiler and walks the declared type against a value: required
 * properties, primitive types, string enums, nullability, arrays, unions. Extra properties are
 * allowed (GitHub's schemas are open).
 */
import ts from 'typescript';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const VIRTUAL = join(process.cwd(), '__github_schemas__.ts');
const SOURCE = `
import type { components as Rest } from '@octokit/openapi-types';
import type { components as Hooks } from '@octokit/openapi-webhooks-types';
export declare const rest: Rest['schemas'];
export declare const hooks: Hooks['schemas'];
`;

export interface SchemaChecker {
  /** Problems of `value` against the schema, as `path: message` lines (empty: conforms). */
  check(kind: 'rest' | 'hooks', schema: string, value: unknown): string[];
}

let cached: SchemaChecker | undefined;

export function githubSchemas(): SchemaChecker {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  // Make sure both packages resolve from the project (they come with @actions/github and probot).
  dirname(require.resolve('@octokit/openapi-types/package.json'));
  dirname(require.resolve('@octokit/openapi-webhooks-types/package.json'));
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, onError, create) =>
    name === VIRTUAL ? ts.createSourceFile(name, SOURCE, lang, true) : getSourceFile(name, lang, onError, create);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === VIRTUAL || fileExists(name);
  const program = ts.createProgram({ rootNames: [VIRTUAL], options, host });
  const checker = program.getTypeChecker();
  const sf = program.getSourceFile(VIRTUAL)!;
  const roots: Record<string, ts.Type> = {};
  sf.forEachChild((node) => {
    if (ts.isVariableStatement(node)) {
      for (const d of node.declarationList.declarations) roots[d.name.getText(sf)] = checker.getTypeAtLocation(d.name);
    }
  });

  const isOptional = (s: ts.Symbol) => (s.flags & ts.SymbolFlags.Optional) !== 0;
  const typeOfProp = (s: ts.Symbol) => checker.getTypeOfSymbolAtLocation(s, sf);
  const describe = (t: ts.Type) => {
    const text = checker.typeToString(t, undefined, ts.TypeFormatFlags.NoTruncation);
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
  };

  function walk(value: unknown, type: ts.Type, at: string, out: string[]): void {
    const f = type.flags;
    if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return;
    if (type.isUnion()) {
      let best: string[] | undefined;
      for (const member of type.types) {
        const errs: string[] = [];
        walk(value, member, at, errs);
        if (!errs.length) return;
        if (!best || errs.length < best.length) best = errs;
      }
      // Report the closest member's problems when the value is an object of one of the members.
      if (best && value && typeof value === 'object' && type.types.filter((m) => m.flags & ts.TypeFlags.Object).length === 1) out.push(...best);
      else out.push(`${at}: ${JSON.stringify(value)?.slice(0, 80)} is not ${describe(type)}`);
      return;
    }
    if (type.isIntersection()) {
      for (const member of type.types) walk(value, member, at, out);
      return;
    }
    if (type.isStringLiteral()) {
      if (value !== type.value) out.push(`${at}: ${JSON.stringify(value)} is not "${type.value}"`);
      return;
    }
    if (type.isNumberLiteral()) {
      if (value !== type.value) out.push(`${at}: ${JSON.stringify(value)} is not ${type.value}`);
      return;
    }
    if (f & ts.TypeFlags.BooleanLiteral) {
      const want = describe(type) === 'true';
      if (value !== want) out.push(`${at}: ${JSON.stringify(value)} is not ${want}`);
      return;
    }
    if (f & ts.TypeFlags.String) {
      if (typeof value !== 'string') out.push(`${at}: ${JSON.stringify(value)} is not a string`);
      return;
    }
    if (f & (ts.TypeFlags.Number | ts.TypeFlags.BigInt)) {
      if (typeof value !== 'number') out.push(`${at}: ${JSON.stringify(value)} is not a number`);
      return;
    }
    if (f & ts.TypeFlags.Boolean) {
      if (typeof value !== 'boolean') out.push(`${at}: ${JSON.stringify(value)} is not a boolean`);
      return;
    }
    if (f & ts.TypeFlags.Null) {
      if (value !== null) out.push(`${at}: ${JSON.stringify(value)?.slice(0, 80)} is not null`);
      return;
    }
    if (f & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) {
      if (value !== undefined) out.push(`${at}: should be absent`);
      return;
    }
    if (f & ts.TypeFlags.Never) {
      out.push(`${at}: no value allowed`);
      return;
    }
    if (checker.isArrayType(type)) {
      if (!Array.isArray(value)) {
        out.push(`${at}: ${JSON.stringify(value)?.slice(0, 80)} is not an array`);
        return;
      }
      const el = checker.getTypeArguments(type as ts.TypeReference)[0];
      value.forEach((v, i) => walk(v, el, `${at}[${i}]`, out));
      return;
    }
    if (f & ts.TypeFlags.Object) {
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        out.push(`${at}: ${JSON.stringify(value)?.slice(0, 80)} is not an object`);
        return;
      }
      const rec = value as Record<string, unknown>;
      for (const prop of checker.getPropertiesOfType(type)) {
        const name = prop.getName();
        const v = rec[name];
        if (v === undefined) {
          if (!isOptional(prop)) out.push(`${at}.${name}: required property missing`);
          continue;
        }
        walk(v, typeOfProp(prop), `${at}.${name}`, out);
      }
      const index = checker.getIndexInfosOfType(type)[0];
      if (index) {
        const declared = new Set(checker.getPropertiesOfType(type).map((p) => p.getName()));
        for (const [k, v] of Object.entries(rec)) if (!declared.has(k)) walk(v, index.type, `${at}.${k}`, out);
      }
      return;
    }
    out.push(`${at}: cannot check type ${describe(type)}`);
  }

  cached = {
    check(kind, schema, value) {
      const root = roots[kind];
      const prop = root && checker.getPropertyOfType(root, schema);
      if (!prop) throw new Error(`no ${kind} schema named "${schema}"`);
      const out: string[] = [];
      walk(value, typeOfProp(prop), schema, out);
      return out;
    },
  };
  return cached;
}
