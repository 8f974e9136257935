/**
 * The log-stream request schemas of the Auth0 Management API, written from
 * specs/auth0/management-api-log-streams.openapi.json (a verbatim subset of Auth0's OAS) so that the
 * sandbox runs without the spec files. Where Auth0's server is stricter than its published OAS the
 * server's behaviour wins, as noted below.
 */
import type { Schema } from './validate.js';

/** `LogStreamEventGridRegionEnum`: the 34 regions Auth0 accepts for `sink.azureRegion`. */
export const AZURE_REGIONS = [
  'australiacentral', 'australiaeast', 'australiasoutheast', 'brazilsouth', 'canadacentral', 'canadaeast',
  'centralindia', 'centralus', 'eastasia', 'eastus', 'eastus2', 'francecentral', 'germanywestcentral',
  'japaneast', 'japanwest', 'koreacentral', 'koreasouth', 'northcentralus', 'northeurope', 'norwayeast',
  'southafricanorth', 'southcentralus', 'southeastasia', 'southindia', 'swedencentral', 'switzerlandnorth',
  'uaenorth', 'uksouth', 'ukwest', 'westcentralus', 'westeurope', 'westindia', 'westus', 'westus2',
] as const;

/** `LogStreamFilterGroupNameEnum`: the 20 filter categories. */
export const FILTER_CATEGORIES = [
  'auth.login.fail', 'auth.login.notification', 'auth.login.success', 'auth.logout.fail', 'auth.logout.success',
  'auth.signup.fail', 'auth.signup.success', 'auth.silent_auth.fail', 'auth.silent_auth.success',
  'auth.token_exchange.fail', 'auth.token_exchange.success', 'management.fail', 'management.success',
  'scim.event', 'system.notification', 'user.fail', 'user.notification', 'user.success', 'actions', 'other',
] as const;

export const STREAM_STATUSES = ['active', 'paused', 'suspended'] as const;

export const STREAM_TYPES = ['http', 'eventbridge', 'eventgrid', 'datadog', 'splunk', 'sumo', 'segment', 'mixpanel'] as const;
export type StreamType = (typeof STREAM_TYPES)[number];

const AWS_REGIONS = [
  'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1',
  'ap-south-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5',
  'ap-southeast-6', 'ap-southeast-7', 'ca-central-1', 'ca-west-1', 'eu-central-1', 'eu-central-2', 'eu-north-1',
  'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'il-central-1', 'me-central-1', 'me-south-1',
  'mx-central-1', 'sa-east-1', 'us-gov-east-1', 'us-gov-west-1', 'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
];

const str = (description?: string, extra: Partial<Schema> = {}): Schema => ({ type: 'string', description, ...extra });

const filter: Schema = {
  type: 'object',
  additionalProperties: true,
  properties: {
    type: { type: 'string', description: 'Filter type. Currently `category` is the only valid type.', enum: ['category'] },
    name: { type: 'string', description: 'Category group name', enum: FILTER_CATEGORIES },
  },
};

const filters: Schema = {
  type: 'array',
  description: 'Only logs events matching these filters will be delivered by the stream. If omitted or empty, all events will be delivered.',
  items: filter,
};

const piiConfig: Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['log_fields'],
  properties: {
    log_fields: { type: 'array', minItems: 1, items: { type: 'string', enum: ['first_name', 'last_name', 'username', 'email', 'phone', 'address'] } },
    method: { type: 'string', enum: ['mask', 'hash'] },
    algorithm: { type: 'string', enum: ['xxhash'] },
  },
};

/**
 * Sinks as accepted on create. `azurePartnerTopic` and `awsPartnerEventSource` are in the OAS sink
 * schemas (they appear in answers), but Auth0 sets them itself: sending one on create is a 400
 * "Additional properties not allowed", so they are left out here.
 */
export const CREATE_SINKS: Record<StreamType, Schema> = {
  http: {
    type: 'object',
    additionalProperties: false,
    required: ['httpEndpoint'],
    properties: {
      httpAuthorization: str('HTTP Authorization header'),
      httpContentFormat: { type: 'string', description: 'HTTP JSON format', enum: ['JSONARRAY', 'JSONLINES', 'JSONOBJECT'] },
      httpContentType: str('HTTP Content-Type header'),
      httpEndpoint: str('HTTP endpoint', { pattern: '^https://.*' }),
      httpCustomHeaders: {
        type: 'array',
        description: 'custom HTTP headers',
        items: { type: 'object', additionalProperties: true, properties: { header: str('HTTP header name'), value: str('HTTP header value') } },
      },
    },
  },
  eventbridge: {
    type: 'object',
    additionalProperties: false,
    required: ['awsAccountId', 'awsRegion'],
    properties: {
      awsAccountId: str('AWS account ID', { pattern: '^\\d{12}$' }),
      awsRegion: { type: 'string', description: 'The region in which the EventBridge event source will be created', enum: AWS_REGIONS },
    },
  },
  eventgrid: {
    type: 'object',
    additionalProperties: false,
    required: ['azureSubscriptionId', 'azureRegion', 'azureResourceGroup'],
    properties: {
      azureSubscriptionId: str('Subscription ID', { pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' }),
      azureRegion: { type: 'string', description: 'Azure Region Name', enum: AZURE_REGIONS },
      azureResourceGroup: str('Resource Group'),
    },
  },
  datadog: {
    type: 'object',
    additionalProperties: false,
    required: ['datadogApiKey', 'datadogRegion'],
    properties: {
      datadogApiKey: str('Datadog API Key'),
      datadogRegion: { type: 'string', description: 'Datadog region', enum: ['us', 'eu', 'us3', 'us5'] },
    },
  },
  splunk: {
    type: 'object',
    additionalProperties: false,
    required: ['splunkDomain', 'splunkToken', 'splunkPort', 'splunkSecure'],
    properties: {
      splunkDomain: str('Splunk URL Endpoint'),
      splunkPort: str('Port', { pattern: '^[0-9]*$' }),
      splunkToken: str('Splunk token'),
      splunkSecure: { type: 'boolean', description: 'Verify TLS certificate' },
    },
  },
  sumo: {
    type: 'object',
    additionalProperties: false,
    required: ['sumoSourceAddress'],
    properties: { sumoSourceAddress: str('HTTP Source Address') },
  },
  segment: {
    type: 'object',
    additionalProperties: false,
    required: ['segmentWriteKey'],
    properties: { segmentWriteKey: str('Segment write key') },
  },
  mixpanel: {
    type: 'object',
    additionalProperties: false,
    required: ['mixpanelRegion', 'mixpanelProjectId', 'mixpanelServiceAccountUsername', 'mixpanelServiceAccountPassword'],
    properties: {
      mixpanelRegion: { type: 'string', description: 'Mixpanel Region', enum: ['us', 'eu'] },
      mixpanelProjectId: str('Mixpanel Project Id', { pattern: '^\\d+$' }),
      mixpanelServiceAccountUsername: str('Mixpanel Service Account Username', { pattern: '^[^:]+$' }),
      mixpanelServiceAccountPassword: str('Mixpanel Service Account Password', { pattern: '^[^:]+$' }),
    },
  },
};

/** Sinks as accepted on PATCH (`LogStreamSinkPatch`), by stream type; eventbridge and eventgrid sinks are immutable. */
export const PATCH_SINKS: Partial<Record<StreamType, Schema>> = {
  http: CREATE_SINKS.http,
  datadog: CREATE_SINKS.datadog,
  splunk: CREATE_SINKS.splunk,
  sumo: CREATE_SINKS.sumo,
  segment: { type: 'object', additionalProperties: false, properties: { segmentWriteKey: str('Segment write key') } },
  mixpanel: { ...CREATE_SINKS.mixpanel, required: ['mixpanelRegion', 'mixpanelProjectId', 'mixpanelServiceAccountUsername'] },
};

/** Fields of a sink that hold secrets: kept in the stream, redacted from log records. */
export const SECRET_SINK_FIELDS = ['httpAuthorization', 'datadogApiKey', 'splunkToken', 'segmentWriteKey', 'mixpanelServiceAccountPassword'];

/** `CreateLogStream{Type}RequestBody`. No `status`: a new stream is always active. */
export function createSchema(type: StreamType): Schema {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['type', 'sink'],
    properties: {
      name: str('log stream name'),
      type: { type: 'string', enum: [type] },
      isPriority: { type: 'boolean', description: 'True for priority log streams, false for non-priority' },
      filters,
      pii_config: piiConfig,
      sink: CREATE_SINKS[type],
      startFrom: str('The optional datetime (ISO 8601) to start streaming logs from', { format: 'date-time' }),
    },
  };
}

/** `UpdateLogStreamRequestContent`, with the sink schema of the stream's type. */
export function updateSchema(type: StreamType): Schema {
  return {
    type: 'object',
    additionalProperties: false,
    properties: {
      name: str('log stream name'),
      status: { type: 'string', description: 'The status of the log stream. Possible values: `active`, `paused`, `suspended`', enum: STREAM_STATUSES },
      isPriority: { type: 'boolean', description: 'True for priority log streams, false for non-priority' },
      filters,
      pii_config: piiConfig,
      sink: PATCH_SINKS[type] ?? { type: 'object' },
    },
  };
}
