/**
 * Every input of the Action (and flag of the CLI), in one table: action.yml is generated from it
 * (`npm run action-yml`), the CLI's --help too, and parsing reads exactly these names.
 */
export const COMMANDS = ['setup', 'verify', 'activate-topic', 'teardown', 'check-expiry', 'renew-authorization', 'resume-stream', 'deactivate-topic', 'chatops', 'list-environments', 'summarize'] as const;
export type Command = (typeof COMMANDS)[number];

export interface InputDef {
  name: string;
  description: string;
  default?: string;
  /** Masked with core.setSecret and never printed. */
  secret?: boolean;
}

export const INPUTS: InputDef[] = [
  { name: 'command', description: `What to do: ${COMMANDS.join(' | ')}.`, default: 'setup' },
  { name: 'azure-subscription-id', description: 'Azure subscription (GUID) that receives the Auth0 partner topic.' },
  { name: 'azure-resource-group', description: 'Resource group for the partner configuration and the partner topic (must exist).' },
  { name: 'azure-region', description: 'Azure region of the partner topic: one of the 34 regions Auth0 accepts (e.g. westus2).' },
  { name: 'azure-client-id', description: 'Client (application) id of the service principal or managed identity to sign in as.' },
  { name: 'azure-tenant-id', description: 'Microsoft Entra tenant id. With azure-client-id and no secret, the workflow OIDC token is exchanged (federated credential; needs `permissions: id-token: write`).' },
  { name: 'azure-client-secret', description: 'Client secret, instead of OIDC federation. Prefer OIDC.', secret: true },
  { name: 'azure-audience', description: 'Audience of the workflow OIDC token for the federated credential.', default: 'api://AzureADTokenExchange' },
  { name: 'azure-environment', description: 'Azure cloud: AzureCloud | AzureUSGovernment | AzureChinaCloud.', default: 'AzureCloud' },
  { name: 'azure-resource-manager-endpoint', description: 'Azure Resource Manager URL for a private cloud (overrides azure-environment).' },
  { name: 'azure-authority-host', description: 'Microsoft Entra authority host URL for a private cloud (overrides azure-environment).' },
  { name: 'azure-resource-manager-audience', description: 'Token scope for Azure Resource Manager in a private cloud (default: that of azure-environment).' },
  { name: 'auth0-domain', description: 'Auth0 tenant domain (e.g. my-tenant.us.auth0.com), without https://.' },
  { name: 'auth0-client-id', description: 'Client id of an Auth0 machine-to-machine application authorized for the Management API with read/create/update/delete:log_streams.' },
  { name: 'auth0-client-secret', description: 'Client secret of that Auth0 application.', secret: true },
  { name: 'auth0-tenant', description: 'Auth0 tenant name, used to check that the partner topic comes from your tenant (default: the first label of an *.auth0.com domain; required with a custom domain).' },
  { name: 'stream-name', description: 'Name of the Auth0 log stream (default: azure-eventgrid-<resource group>-<first 8 characters of the subscription id>).' },
  { name: 'event-categories', description: 'Log categories to stream (comma or newline separated), or "all".', default: 'all' },
  { name: 'start-from', description: 'ISO 8601 date-time to start streaming logs from (only used when the stream is created).' },
  { name: 'priority', description: 'Create the stream as a priority log stream (Auth0 isPriority).', default: 'false' },
  { name: 'recreate-on-sink-change', description: 'When the existing stream points at another subscription, group or region, delete and recreate it (the sink cannot be changed in place).', default: 'false' },
  { name: 'partner-topic', description: "Name of the stream's partner topic in azure-resource-group, when it cannot be told apart by its tags, name or source (a failed or ambiguous search lists the candidates). Setup tags the topic it binds (auth0-eventgrid-stream, auth0-eventgrid-environment), so this is needed at most once." },
  { name: 'recreate-stream-if-topic-lost', description: "When the stream's partner topic is gone for good (deleted, expired unactivated, or idle because its channel was deleted), delete and recreate the stream, replaying logs from Auth0's first recorded delivery failure (Auth0 never creates a new topic for an existing stream).", default: 'true' },
  { name: 'resume-stream', description: 'Resume a paused or suspended stream.', default: 'false' },
  { name: 'authorization-days', description: 'Days Auth0 stays authorized to create partner topics (1-365). Least privilege: the shortest that is enough.', default: '7' },
  { name: 'activation', description: 'Partner topic activation: auto (when its source is your Auth0 tenant) | manual | never.', default: 'auto' },
  { name: 'event-subscription-name', description: 'Name of the event subscription on the partner topic.', default: 'auth0-logs' },
  { name: 'webhook-url', description: 'HTTPS endpoint receiving the events (one destination: this or destination-resource-id).', secret: false },
  { name: 'destination-resource-id', description: 'Resource id of an Azure Function, Event Hub, Storage account (with queue-name), Service Bus queue or topic.' },
  { name: 'queue-name', description: 'Storage queue name, with a Storage account destination-resource-id.' },
  { name: 'log-types', description: "Auth0 log event codes to deliver (comma or newline separated, e.g. s, f, fp; at most 25), checked against Auth0's published list of codes. They become an Event Grid advanced filter on the event subscription: StringIn on data.type, the log record's own type field. Empty: every log the stream sends (event-categories narrows that on Auth0's side)." },
  { name: 'included-event-types', description: "CloudEvents types to deliver (comma or newline separated); empty for all. The type strings Auth0 puts on its events are not published, so a guessed one matches nothing: filter on log-types instead." },
  { name: 'delivery-schema', description: 'CloudEventSchemaV1_0 | EventGridSchema | CustomInputSchema.', default: 'CloudEventSchemaV1_0' },
  { name: 'max-delivery-attempts', description: 'Event Grid delivery attempts (1-30).', default: '30' },
  { name: 'event-ttl-minutes', description: 'Event time to live in minutes (1-1440).', default: '1440' },
  { name: 'dead-letter-blob-container', description: 'Dead-letter destination as <storage account resource id>/blobServices/default/containers/<container>.' },
  { name: 'wait-timeout', description: 'How long to wait for the partner topic and long-running operations (e.g. 90s, 10m).', default: '10m' },
  { name: 'metrics-window', description: "verify: how far back to read the partner topic's delivery metrics from Azure Monitor (published, matched, delivered, failed attempts, dropped, dead-lettered), e.g. 1h, 24h, 7d (1m to 30d). Reading them needs Microsoft.Insights/metrics/read (Monitoring Reader or Reader).", default: '24h' },
  { name: 'probe', description: 'verify: provoke a harmless Auth0 event (a Management API read of a log stream that does not exist, which Auth0 logs as fapi in category management.fail; nothing is written in Azure or Auth0), then wait, within wait-timeout, until the metrics show it published and delivered; reports the latency.', default: 'false' },
  { name: 'dry-run', description: 'Plan only: print what would change and write nothing. The step succeeds whenever the plan was computed, whatever the present health; the changes output counts the plan.', default: 'false' },
  { name: 'fail-on', description: 'Fail the step when health is: unhealthy | degraded | never.', default: 'unhealthy' },
  { name: 'config-file', description: 'Environments file (named environments with their targets and credential references).', default: '.github/auth0-eventgrid.yml' },
  { name: 'environment', description: 'Environment(s) from config-file to act on: a name, a comma-separated list, or "all". Empty: the target given by the inputs above.' },
  { name: 'reports', description: 'summarize: the reports to gather into one summary (files holding the report output of other runs, or folders of such .json files; comma or newline separated), e.g. the artifacts of a matrix of jobs.' },
  { name: 'concurrency', description: 'How many environments to process at once (1-64).', default: '8' },
  { name: 'warn-days', description: 'verify and check-expiry: warn when the authorization expires within this many days (0-365), but never within the first half of authorization-days, so that an authorization just granted or renewed is healthy (with the defaults: from 3.5 days left of 7).', default: '14' },
  { name: 'critical-days', description: 'verify and check-expiry: critical when the authorization expires within this many days (0-365, at most warn-days; never more than a quarter of authorization-days). Critical and expired are unhealthy while a partner topic still has to be created, degraded once the topic exists (delivery to it goes on; only new or recreated streams fail).', default: '3' },
  { name: 'auto-renew', description: 'check-expiry: renew authorizations inside warn-days by authorization-days (never shortening one).', default: 'false' },
  { name: 'allow-shorten', description: 'renew-authorization: allow a renewal that ends earlier than the current authorization.', default: 'false' },
  { name: 'github-token', description: 'Token for tracking issues (check-expiry keeps one issue per environment and problem; needs `issues: write`). Empty: no tracking issues.', secret: true },
  { name: 'github-api-url', description: 'GitHub REST API URL (GitHub Enterprise Server). Default: the runner\'s GITHUB_API_URL, else https://api.github.com.' },
  { name: 'repository', description: 'owner/name of the repository for tracking issues. Default: the workflow\'s repository.' },
];

export const OUTPUTS: { name: string; description: string }[] = [
  { name: 'partner-topic-name', description: 'Name of the Auth0 partner topic.' },
  { name: 'partner-topic-id', description: 'Resource id of the partner topic.' },
  { name: 'log-stream-id', description: 'Id of the Auth0 log stream.' },
  { name: 'stream-status', description: 'Status of the Auth0 log stream: active | paused | suspended.' },
  { name: 'activation-state', description: 'Partner topic activation state: NeverActivated | Activated | Deactivated.' },
  { name: 'authorization-expires-at', description: "When Auth0's partner authorization expires (ISO 8601)." },
  { name: 'days-until-expiry', description: "Whole days until Auth0's partner authorization expires." },
  { name: 'event-subscription-id', description: 'Resource id of the event subscription.' },
  { name: 'health', description: 'healthy | degraded | unhealthy (the worst of the environments).' },
  { name: 'changes', description: 'How many changes the run made, or with dry-run would make (the plan; summed over the environments). A dry run succeeds whenever its plan was computed, whatever the present health: gate on this output instead, e.g. `if: steps.plan.outputs.changes != \'0\'`.' },
  { name: 'environment-names', description: 'The selected environments\' names as a JSON array (e.g. ["prod","staging"]), for `strategy.matrix` with fromJSON; list-environments gives it without signing in anywhere.' },
  { name: 'environments', description: 'Per environment, most urgent first (JSON): environment, health, failed, authorizationExpiresAt, daysUntilExpiry, streamStatus, activationState. authorization-expires-at and days-until-expiry then give the soonest.' },
  { name: 'report', description: 'The whole result as JSON.' },
];
