/** The JSON Schema of the environments file, generated from the inputs table, for editors (yaml-language-server). */
import { AUTH0_EVENTGRID_REGIONS } from './facts.js';
import { INPUTS } from './inputs.js';
import { LOG_CODES } from './log-codes.js';
import { ENVIRONMENT_KEYS, SECRET_REFERENCE_INPUTS } from './environments.js';

export const SCHEMA_PATH = 'schema/auth0-eventgrid.schema.json';

const NUMERIC = new Set(['authorization-days', 'max-delivery-attempts', 'event-ttl-minutes', 'warn-days', 'critical-days']);
const ENUMS: Record<string, string[]> = {
  'azure-region': [...AUTH0_EVENTGRID_REGIONS],
  'azure-environment': ['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud'],
  activation: ['auto', 'manual', 'never'],
  'delivery-schema': ['CloudEventSchemaV1_0', 'EventGridSchema', 'CustomInputSchema'],
};

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const GUID_PATTERN = `^${GUID}$`;
/** The same rules as src/config/settings.ts, so that an editor flags what the Action would refuse. */
const PATTERNS: Record<string, string> = {
  'azure-subscription-id': GUID_PATTERN,
  'azure-client-id': GUID_PATTERN,
  // A tenant GUID or one of its domains (contoso.onmicrosoft.com).
  'azure-tenant-id': `^(?:${GUID}|[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)$`,
};

export function environmentsSchema(): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const name of ENVIRONMENT_KEYS) {
    const input = INPUTS.find((i) => i.name === name)!;
    const schema: Record<string, unknown> = { description: input.description };
    if (PATTERNS[name]) Object.assign(schema, { type: 'string', pattern: PATTERNS[name] });
    else if (ENUMS[name]) schema.enum = ENUMS[name];
    else if (NUMERIC.has(name)) schema.type = ['integer', 'string'];
    else if (input.default === 'true' || input.default === 'false') schema.type = ['boolean', 'string'];
    else if (name === 'log-types') Object.assign(schema, { type: ['array', 'string'], items: { enum: LOG_CODES.map((c) => c.code) }, maxItems: 25 });
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
      chatops: chatopsSchema(),
    },
    definitions: { environment: { type: 'object', additionalProperties: false, properties: props } },
  };
}

/** Commands of the ChatOps bot (bot/commands.ts keeps the same list; a test checks they agree). */
export const CHATOPS_COMMANDS = ['status', 'activate-topic', 'renew-authorization', 'resume-stream', 'deactivate-topic', 'plan', 'apply', 'unlock', 'help'] as const;

/** The `chatops:` section read by the bot (bot/config.ts) from the default branch's file. */
function chatopsSchema(): Record<string, unknown> {
  const level = { enum: ['read', 'triage', 'write', 'maintain', 'admin'], description: 'Repository permission required (role_name of the collaborator permission API).' };
  const users = { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9-]{0,38}$' }, description: 'GitHub logins allowed (in addition to the permission).' };
  const teams = { type: 'array', items: { type: 'string', pattern: '^([A-Za-z0-9][A-Za-z0-9-]{0,38}/)?[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$' }, description: "Teams allowed: a team of the repository's owner, or org/team (the app needs members: read)." };
  return {
    type: 'object',
    description: 'ChatOps (the bot and command: chatops): who may run which command, pull request plan/apply settings. Read from the default branch only.',
    additionalProperties: false,
    properties: {
      commands: {
        type: 'object',
        description: 'Per command: the required permission, or { permission, users, teams }. Defaults: status and help need read, the others write.',
        propertyNames: { enum: [...CHATOPS_COMMANDS] },
        additionalProperties: {
          oneOf: [level, { type: 'object', additionalProperties: false, properties: { permission: level, users, teams } }],
        },
      },
      users: { ...users, description: 'Allow-list for every command that changes something, and /plan (also the automatic plan), unless it has a list of its own.' },
      teams: { ...teams, description: 'Team allow-list for every command that changes something, and /plan (also the automatic plan), unless it has a list of its own.' },
      'allow-forks': { type: 'boolean', default: false, description: 'Run commands on pull requests from forks.' },
      'auto-plan': { type: 'boolean', default: true, description: 'Post the plan when a pull request changing this file opens or changes.' },
      'apply-requirements': {
        type: 'array',
        items: { enum: ['approved', 'checks', 'mergeable'] },
        uniqueItems: true,
        default: ['approved', 'checks', 'mergeable'],
        description: '/apply requires: approved (by someone with write access, on the current head), checks (no failing or pending status or check run), mergeable.',
      },
      'lock-release': { enum: ['merge', 'apply'], default: 'merge', description: "merge: an environment's lock taken by /apply is kept until the pull request is merged or closed; apply: released when /apply ends." },
    },
  };
}
