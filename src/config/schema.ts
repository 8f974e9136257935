/** The JSON Schema of the environments file, generated from the inputs table, for editors (yaml-language-server). */
import { AUTH0_EVENTGRID_REGIONS } from './facts.js';
import { INPUTS } from './inputs.js';
import { ENVIRONMENT_KEYS, SECRET_REFERENCE_INPUTS } from './environments.js';

export const SCHEMA_PATH = 'schema/auth0-eventgrid.schema.json';

const NUMERIC = new Set(['authorization-days', 'max-delivery-attempts', 'event-ttl-minutes', 'warn-days', 'critical-days']);
const ENUMS: Record<string, string[]> = {
  'azure-region': [...AUTH0_EVENTGRID_REGIONS],
  'azure-environment': ['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud'],
  activation: ['auto', 'manual', 'never'],
  'delivery-schema': ['CloudEventSchemaV1_0', 'EventGridSchema', 'CustomInputSchema'],
};

export function environmentsSchema(): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const name of ENVIRONMENT_KEYS) {
    const input = INPUTS.find((i) => i.name === name)!;
    const schema: Record<string, unknown> = { description: input.description };
    if (ENUMS[name]) schema.enum = ENUMS[name];
    else if (NUMERIC.has(name)) schema.type = ['integer', 'string'];
    else if (input.default === 'true' || input.default === 'false') schema.type = ['boolean', 'string'];
    else if (['event-categories', 'included-event-types'].includes(name)) schema.type = ['array', 'string'];
    else schema.type = 'string';
    if (input.default !== undefined) schema.default = input.default;
    props[name] = schema;
  }
  for (const s of SECRET_REFERENCE_INPUTS) {
    props[`${s}-env`] = {
      type: 'string',
      pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
      description: `Name of the environment variable holding ${s} (never the value itself).`,
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/auth0-eventgrid/auth0-eventgrid/schema/auth0-eventgrid.schema.json',
    title: 'auth0-eventgrid environments file',
    description: 'Named environments streaming Auth0 logs into Azure Event Grid (.github/auth0-eventgrid.yml).',
    type: 'object',
    additionalProperties: false,
    required: ['environments'],
    properties: {
      defaults: { $ref: '#/definitions/environment', description: 'Settings applied to every environment.' },
      environments: {
        type: 'object',
        minProperties: 1,
        propertyNames: { pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$' },
        additionalProperties: { $ref: '#/definitions/environment' },
      },
      chatops: { type: 'object', description: 'ChatOps settings (permissions per command, allow-lists).' },
    },
    definitions: { environment: { type: 'object', additionalProperties: false, properties: props } },
  };
}
