/**
 * The specs' example files (x-ms-examples) as replayable requests, and the shape comparison of an
 * answer with the example's answer.
 */
import { SPEC_FILES, readExamples } from './specs.js';
import type { ArmOperation, ArmSpecs } from './arm-spec.js';

export interface ExampleCase {
  file: string;
  folder: string;
  op: ArmOperation;
  example: { parameters: Record<string, any>; responses: Record<string, { body?: any; headers?: Record<string, string> }> };
}

/** Every example file of both folders with the operation whose x-ms-examples names it. */
export function exampleCases(arm: ArmSpecs): ExampleCase[] {
  const out: ExampleCase[] = [];
  for (const folder of [SPEC_FILES.eventGridExamples, SPEC_FILES.resourcesExamples]) {
    for (const [file, example] of readExamples(folder)) {
      const op = arm.ops.find((o) => o.examples.includes(file) && (folder === SPEC_FILES.resourcesExamples ? o.doc === 'resources' : o.doc === 'eventgrid'));
      if (!op) throw new Error(`conformance: example ${folder}/${file} is not named by any operation's x-ms-examples`);
      out.push({ file, folder, op, example });
    }
  }
  return out;
}

/** The request an example describes: path parameters substituted, `api-version` as the query, the body parameter. */
export function exampleRequest(op: ArmOperation, parameters: Record<string, any>): { method: string; path: string; body?: unknown } {
  const path = op.template.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    if (parameters[name] === undefined) throw new Error(`conformance: ${op.operationId}: the example has no value for path parameter ${name}`);
    return encodeURIComponent(String(parameters[name]));
  });
  const query = new URLSearchParams({ 'api-version': String(parameters['api-version']) });
  for (const k of ['$filter', '$top', '$expand']) if (parameters[k] !== undefined) query.set(k, String(parameters[k]));
  return { method: op.method, path: `${path}?${query}`, body: op.body ? parameters[op.body.name] : undefined };
}

const isObject = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Free-form maps: their keys are data (tag names), not part of the shape. */
const DICTIONARIES = new Set(['tags', 'userAssignedIdentities', 'inlineEventTypes']);

/** The keys (recursively) that all of `items` share. */
function commonShape(items: unknown[]): unknown {
  if (!items.every(isObject)) return items[0];
  const objects = items as Record<string, any>[];
  const keys = Object.keys(objects[0]).filter((k) => objects.every((o) => k in o));
  return Object.fromEntries(keys.map((k) => [k, commonShape(objects.map((o) => o[k]))]));
}

/**
 * The property paths the example shows that the answer lacks. Values are not compared (ids, times and
 * generated names differ); objects are compared key by key, recursively. Arrays of objects are compared
 * item by item when both have the same length, otherwise every item of the answer must have the
 * (recursively) common keys of the example's items.
 */
export function missingKeys(expected: unknown, actual: unknown, path = '$'): string[] {
  if (isObject(expected)) {
    if (!isObject(actual)) return Object.keys(expected).length ? [`${path} (expected an object, got ${JSON.stringify(actual)})`] : [];
    const out: string[] = [];
    for (const [k, v] of Object.entries(expected)) {
      if (!(k in actual)) out.push(`${path}.${k}`);
      else if (!DICTIONARIES.has(k)) out.push(...missingKeys(v, actual[k], `${path}.${k}`));
    }
    return out;
  }
  if (Array.isArray(expected) && expected.length && expected.every(isObject)) {
    if (!Array.isArray(actual) || !actual.length) return [`${path} (expected a non-empty array, got ${JSON.stringify(actual)})`];
    if (actual.length === expected.length) return actual.flatMap((a, i) => missingKeys(expected[i], a, `${path}[${i}]`));
    const template = commonShape(expected);
    return actual.flatMap((a, i) => missingKeys(template, a, `${path}[${i}]`));
  }
  return [];
}

/** A request body made from an example's answer (for preparing the state a read example shows): its read-only parts and nulls removed. */
export function bodyFromAnswer(answer: Record<string, any>): Record<string, any> {
  const dropNulls = (v: any): any =>
    Array.isArray(v) ? v.map(dropNulls) : isObject(v) ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null).map(([k, x]) => [k, dropNulls(x)])) : v;
  const { id: _id, name: _name, type: _type, systemData: _sd, ...rest } = dropNulls(answer);
  if (isObject(rest.properties)) {
    const { provisioningState: _ps, topic: _topic, ...props } = rest.properties;
    if (isObject(props.destination?.properties)) {
      const { endpointBaseUrl: _base, ...dest } = props.destination.properties;
      props.destination = { ...props.destination, properties: dest };
    }
    rest.properties = props;
  }
  return rest;
}
