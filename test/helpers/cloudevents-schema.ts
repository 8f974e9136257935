/**
 * The CloudEvents 1.0 JSON format as a JSON Schema (draft-07), written from the specification
 * (cloudevents/spec v1.0.2: spec.md "Context Attributes" and formats/json-format.md), since no
 * package in this project ships it:
 *   - REQUIRED `id` (non-empty string), `source` (non-empty URI-reference), `specversion` ("1.0"),
 *     `type` (non-empty string);
 *   - OPTIONAL `datacontenttype` (non-empty, RFC 2046), `dataschema` (non-empty absolute URI),
 *     `subject` (non-empty string), `time` (RFC 3339 timestamp);
 *   - `data` (any JSON value) or `data_base64` (base64 string), not both;
 *   - extension attribute names: lower-case letters and digits only (the spec RECOMMENDS at most 20);
 *     extension values are JSON strings, numbers, booleans (or null, treated as absent).
 */
export const CLOUDEVENTS_1_0_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://cloudevents.io/schemas/cloudevents-1.0.json',
  title: 'CloudEvents 1.0 (JSON event format)',
  type: 'object',
  required: ['id', 'source', 'specversion', 'type'],
  properties: {
    id: { type: 'string', minLength: 1 },
    source: { type: 'string', minLength: 1, format: 'uri-reference' },
    specversion: { type: 'string', const: '1.0' },
    type: { type: 'string', minLength: 1 },
    datacontenttype: { type: 'string', minLength: 1 },
    dataschema: { type: 'string', minLength: 1, format: 'uri' },
    subject: { type: 'string', minLength: 1 },
    time: { type: 'string', format: 'date-time' },
    data: {},
    data_base64: { type: 'string', contentEncoding: 'base64', pattern: '^[A-Za-z0-9+/]*={0,2}$' },
  },
  propertyNames: { pattern: '^([a-z0-9]+|data_base64)$' },
  additionalProperties: { type: ['string', 'number', 'boolean', 'null'] },
  not: { required: ['data', 'data_base64'] },
} as const;
