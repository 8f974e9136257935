/** Facts about the services that validation and the operations rely on (sources: shared specs, DESIGN.md). */

/** The 34 `sink.azureRegion` values Auth0 accepts for an eventgrid log stream. */
export const AUTH0_EVENTGRID_REGIONS = [
  'australiacentral', 'australiaeast', 'australiasoutheast', 'brazilsouth', 'canadacentral', 'canadaeast',
  'centralindia', 'centralus', 'eastasia', 'eastus', 'eastus2', 'francecentral', 'germanywestcentral',
  'japaneast', 'japanwest', 'koreacentral', 'koreasouth', 'northcentralus', 'northeurope', 'norwayeast',
  'southafricanorth', 'southcentralus', 'southeastasia', 'southindia', 'swedencentral', 'switzerlandnorth',
  'uaenorth', 'uksouth', 'ukwest', 'westcentralus', 'westeurope', 'westindia', 'westus', 'westus2',
] as const;

/** The 20 log-stream filter categories (`filters[].name` with `type: "category"`). */
export const AUTH0_FILTER_CATEGORIES = [
  'auth.login.fail', 'auth.login.notification', 'auth.login.success', 'auth.logout.fail', 'auth.logout.success',
  'auth.signup.fail', 'auth.signup.success', 'auth.silent_auth.fail', 'auth.silent_auth.success',
  'auth.token_exchange.fail', 'auth.token_exchange.success', 'management.fail', 'management.success',
  'scim.event', 'system.notification', 'user.fail', 'user.notification', 'user.success', 'actions', 'other',
] as const;

export const AUTH0_PARTNER_IMMUTABLE_ID = '804a11ca-ce9b-4158-8e94-3c8dc7a072ec';
export const AUTH0_PARTNER_NAME = 'Auth0';
export const EVENTGRID_API_VERSION = '2025-02-15';
export const RESOURCES_API_VERSION = '2025-04-01';
export const AZURE_TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';
/**
 * The field of Auth0's log records that names the log stream a failed delivery was for. Auth0 logs a
 * record when a log could not be sent to a stream after its retries ("an error visible in the Health
 * view"); its code and shape are not documented, the stream's id under details.log_stream is assumed.
 */
export const AUTH0_STREAM_FAILURE_FIELD = 'details.log_stream.id';
/** The field of Auth0's `sapi` record of a Management API write that holds the created object's id (the answer's body). */
export const AUTH0_CREATED_ID_FIELD = 'details.response.body.id';
export const AUTH0_LOG_STREAM_SCOPES = ['read:log_streams', 'create:log_streams', 'update:log_streams', 'delete:log_streams'];

export interface AzureCloud {
  resourceManagerEndpoint: string;
  authorityHost: string;
  /** The scope that asks Entra ID for an ARM token in this cloud. */
  resourceManagerScope: string;
}

export const AZURE_CLOUDS: Record<'AzureCloud' | 'AzureUSGovernment' | 'AzureChinaCloud', AzureCloud> = {
  AzureCloud: {
    resourceManagerEndpoint: 'https://management.azure.com',
    authorityHost: 'https://login.microsoftonline.com',
    resourceManagerScope: 'https://management.azure.com/.default',
  },
  AzureUSGovernment: {
    resourceManagerEndpoint: 'https://management.usgovcloudapi.net',
    authorityHost: 'https://login.microsoftonline.us',
    resourceManagerScope: 'https://management.usgovcloudapi.net/.default',
  },
  AzureChinaCloud: {
    resourceManagerEndpoint: 'https://management.chinacloudapi.cn',
    authorityHost: 'https://login.chinacloudapi.cn',
    resourceManagerScope: 'https://management.chinacloudapi.cn/.default',
  },
};

/** Resource-id provider/type → Event Grid destination endpointType. */
export const DESTINATION_TYPES: { pattern: RegExp; endpointType: DestinationKind }[] = [
  { pattern: /\/providers\/Microsoft\.Web\/sites\/[^/]+\/functions\/[^/]+$/i, endpointType: 'AzureFunction' },
  { pattern: /\/providers\/Microsoft\.EventHub\/namespaces\/[^/]+\/eventhubs\/[^/]+$/i, endpointType: 'EventHub' },
  { pattern: /\/providers\/Microsoft\.Storage\/storageAccounts\/[^/]+$/i, endpointType: 'StorageQueue' },
  { pattern: /\/providers\/Microsoft\.ServiceBus\/namespaces\/[^/]+\/queues\/[^/]+$/i, endpointType: 'ServiceBusQueue' },
  { pattern: /\/providers\/Microsoft\.ServiceBus\/namespaces\/[^/]+\/topics\/[^/]+$/i, endpointType: 'ServiceBusTopic' },
];

export type DestinationKind = 'WebHook' | 'AzureFunction' | 'EventHub' | 'StorageQueue' | 'ServiceBusQueue' | 'ServiceBusTopic';
