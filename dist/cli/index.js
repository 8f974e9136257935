#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 5581:
/***/ ((module, __webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ay: () => (/* binding */ BIN),
/* harmony export */   BK: () => (/* binding */ helpText),
/* harmony export */   N8: () => (/* binding */ ENV_PREFIX),
/* harmony export */   Zy: () => (/* binding */ parseArgs),
/* harmony export */   eb: () => (/* binding */ UsageError),
/* harmony export */   iW: () => (/* binding */ main),
/* harmony export */   pD: () => (/* binding */ envName),
/* harmony export */   yD: () => (/* binding */ idTokenGetter)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_url__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _config_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4389);
/* harmony import */ var _config_settings_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(4661);
/* harmony import */ var _report_index_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(2242);
/**
 * auth0-eventgrid: the Action's operations from a terminal.
 *
 *   auth0-eventgrid <command> [--<input> <value> …] [--json] [--help]
 *
 * Every Action input is a `--<name>` flag and an environment variable AUTH0_EVENTGRID_<NAME> (flag
 * wins). Secrets belong in the environment: a flag lands in shell history and process lists.
 * The report goes to stdout (text, or JSON with --json), progress to stderr.
 * Exit codes: 0 ok, 1 failed or unhealthy (per fail-on), 2 bad usage or inputs.
 */





const BIN = 'auth0-eventgrid';
const ENV_PREFIX = 'AUTH0_EVENTGRID_';
const COMMAND_HELP = {
    setup: 'Register the provider, authorize Auth0, create the log stream, activate the topic, subscribe (idempotent; also renews).',
    verify: 'Check the whole chain and report health; changes nothing.',
    'activate-topic': "Activate the Auth0 partner topic after checking that it comes from your tenant.",
    teardown: 'Delete the event subscription and the log stream, and deactivate the partner topic.',
};
/** Inputs whose values are secret: the declared ones, and the webhook URL (it often carries a key). */
const SECRET_INPUTS = new Set([..._config_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .INPUTS */ .mc.filter((i) => i.secret).map((i) => i.name), 'webhook-url']);
/** Inputs that take true/false: a bare `--dry-run` means true. */
const BOOLEAN_INPUTS = new Set(_config_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .INPUTS */ .mc.filter((i) => i.default === 'true' || i.default === 'false').map((i) => i.name));
const INPUT_NAMES = new Set(_config_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .INPUTS */ .mc.map((i) => i.name));
/** AUTH0_EVENTGRID_AZURE_SUBSCRIPTION_ID for azure-subscription-id. */
function envName(input) {
    return ENV_PREFIX + input.toUpperCase().replace(/-/g, '_');
}
class UsageError extends Error {
}
function parseArgs(argv) {
    const flags = new Map();
    let help = false;
    let json = false;
    let positional;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--help' || arg === '-h')
            help = true;
        else if (arg === '--json')
            json = true;
        else if (arg === '--')
            throw new UsageError(`unexpected "--"`);
        else if (arg.startsWith('--')) {
            const eq = arg.indexOf('=');
            const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
            if (!INPUT_NAMES.has(name))
                throw new UsageError(`unknown option --${name}${suggest(name)}`);
            let value = eq === -1 ? undefined : arg.slice(eq + 1);
            if (value === undefined) {
                const next = argv[i + 1];
                if (BOOLEAN_INPUTS.has(name) && (next === undefined || next.startsWith('--') || !/^(true|false|yes|no|on|off|1|0)$/i.test(next))) {
                    value = 'true';
                }
                else if (next === undefined || (next.startsWith('--') && next.length > 2)) {
                    throw new UsageError(`--${name} needs a value`);
                }
                else {
                    value = next;
                    i++;
                }
            }
            if (flags.has(name))
                throw new UsageError(`--${name} is given more than once (use a comma-separated list for lists)`);
            flags.set(name, value);
        }
        else if (arg.startsWith('-') && arg.length > 1) {
            throw new UsageError(`unknown option ${arg}`);
        }
        else if (positional === undefined) {
            positional = arg;
        }
        else {
            throw new UsageError(`unexpected argument "${arg}": give one command`);
        }
    }
    if (positional !== undefined) {
        const flagged = flags.get('command');
        if (flagged !== undefined && flagged !== positional)
            throw new UsageError(`two commands given: "${positional}" and --command "${flagged}"`);
        flags.set('command', positional);
    }
    return { help, json, flags };
}
function suggest(name) {
    const close = [...INPUT_NAMES].find((n) => n.includes(name) || name.includes(n));
    return close ? ` (did you mean --${close}?)` : '';
}
function helpText() {
    const lines = [
        `Usage: ${BIN} <command> [--<input> <value> ...] [--json] [--help]`,
        '',
        'Stream Auth0 tenant logs into Azure Event Grid: the same operations as the GitHub Action.',
        '',
        'Commands:',
        ..._config_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .COMMANDS */ .Lo.map((c) => `  ${c.padEnd(16)}${COMMAND_HELP[c]}`),
        '',
        `Inputs (each a --<name> flag or the environment variable shown; a flag wins):`,
    ];
    for (const input of _config_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .INPUTS */ .mc) {
        if (input.name === 'command')
            continue;
        const value = BOOLEAN_INPUTS.has(input.name) ? '[true|false]' : '<value>';
        lines.push(`  --${input.name} ${value}`);
        lines.push(`      ${input.description}`);
        const extra = [`env ${envName(input.name)}`];
        if (input.default !== undefined)
            extra.push(`default: ${input.default}`);
        if (SECRET_INPUTS.has(input.name))
            extra.push('secret: set it in the environment, not as a flag');
        lines.push(`      (${extra.join('; ')})`);
    }
    lines.push('', 'Options:', '  --json          Print the report as JSON instead of a table.', '  --help, -h      Show this help.', '', 'Exit codes: 0 done and healthy enough, 1 failed or unhealthy (see --fail-on), 2 bad usage or inputs.', 'Progress goes to stderr, the report to stdout.');
    return lines.join('\n') + '\n';
}
/**
 * Gets a GitHub Actions OIDC token the way core.getIDToken does: GET the request URL with the
 * audience appended, bearer the request token, read `.value`.
 */
function idTokenGetter(env, fetchImpl) {
    return async (audience) => {
        const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
        const token = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
        if (!url || !token) {
            throw new Error(`No workflow OIDC token to sign in to Azure with (ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set). ` +
                `Set ${envName('azure-client-secret')} to use a client secret, or run inside a GitHub Actions job with "permissions: id-token: write".`);
        }
        const res = await fetchImpl(`${url}${url.includes('?') ? '&' : '?'}audience=${encodeURIComponent(audience)}`, {
            headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        });
        if (!res.ok)
            throw new Error(`Could not get the workflow OIDC token: HTTP ${res.status} from the token service. Does the job have "permissions: id-token: write"?`);
        const body = (await res.json().catch(() => undefined));
        if (typeof body?.value !== 'string' || !body.value)
            throw new Error('Could not get the workflow OIDC token: the answer has no "value".');
        return body.value;
    };
}
/** Runs the CLI; returns the exit code. */
async function main(argv, env, io, deps = {}) {
    const secrets = [];
    const clean = (text) => (0,_report_index_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$)(text, secrets);
    const err = (text) => io.stderr(clean(text).replace(/\n?$/, '\n'));
    // Mask secret values from the first message on, even when the arguments turn out to be invalid.
    for (const name of SECRET_INPUTS)
        if (env[envName(name)])
            secrets.push(...(0,_report_index_js__WEBPACK_IMPORTED_MODULE_4__/* .expandSecrets */ .Wj)([env[envName(name)]]));
    argv.forEach((arg, i) => {
        const m = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
        const v = m && SECRET_INPUTS.has(m[1]) ? (m[2] ?? argv[i + 1]) : undefined;
        if (v)
            secrets.push(...(0,_report_index_js__WEBPACK_IMPORTED_MODULE_4__/* .expandSecrets */ .Wj)([v]));
    });
    let args;
    try {
        args = parseArgs(argv);
    }
    catch (e) {
        if (!(e instanceof UsageError))
            throw e;
        err(`${BIN}: ${e.message}\nRun "${BIN} --help" for the commands and inputs.`);
        return 2;
    }
    if (args.help) {
        io.stdout(helpText());
        return 0;
    }
    const value = (name) => args.flags.get(name) ?? env[envName(name)];
    if (!value('command')) {
        err(`${BIN}: give a command: ${_config_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .COMMANDS */ .Lo.join(', ')}\nRun "${BIN} --help" for the commands and inputs.`);
        return 2;
    }
    for (const name of SECRET_INPUTS) {
        const isUrlWithKey = name === 'webhook-url' && args.flags.get(name)?.includes('?');
        if (args.flags.has(name) && (name !== 'webhook-url' || isUrlWithKey)) {
            err(`warning: --${name} on the command line lands in shell history and process lists; set ${envName(name)} in the environment instead.`);
        }
    }
    let settings;
    try {
        settings = (0,_config_settings_js__WEBPACK_IMPORTED_MODULE_3__/* .parseSettings */ .P$)(value);
    }
    catch (e) {
        if (!(e instanceof _config_settings_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL))
            throw e;
        err(`${BIN}: ${e.message}\nRun "${BIN} --help" for the inputs and their allowed values.`);
        return 2;
    }
    for (const s of (0,_report_index_js__WEBPACK_IMPORTED_MODULE_4__/* .expandSecrets */ .Wj)(settings.secrets))
        if (!secrets.includes(s))
            secrets.push(s);
    try {
        const runCommand = deps.runCommand ?? (await __nccwpck_require__.e(/* import() */ 954).then(__nccwpck_require__.bind(__nccwpck_require__, 3954))).runCommand;
        const getToken = idTokenGetter(env, deps.fetch ?? fetch);
        const result = await runCommand(settings, {
            progress: {
                info: (m) => err((0,_report_index_js__WEBPACK_IMPORTED_MODULE_4__/* .textLine */ .uu)(m)),
                warn: (m) => err(`warning: ${(0,_report_index_js__WEBPACK_IMPORTED_MODULE_4__/* .textLine */ .uu)(m)}`),
            },
            getIdToken: async (audience) => {
                const token = await getToken(audience);
                secrets.push(token);
                return token;
            },
        });
        const opts = { secrets };
        io.stdout(args.json ? (0,_report_index_js__WEBPACK_IMPORTED_MODULE_4__/* .renderJson */ .hF)(result, opts) + '\n' : (0,_report_index_js__WEBPACK_IMPORTED_MODULE_4__/* .renderText */ .S5)(result, opts));
        const code = (0,_report_index_js__WEBPACK_IMPORTED_MODULE_4__/* .exitCodeFor */ .Rr)(result, settings.failOn);
        const why = (0,_report_index_js__WEBPACK_IMPORTED_MODULE_4__/* .failureMessage */ .oh)(result, settings.failOn, opts);
        if (why)
            err(`${BIN}: ${why}`);
        return code;
    }
    catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        err(`${BIN}: ${message.split(/\r?\n/)[0]}`);
        if ((env.AUTH0_EVENTGRID_DEBUG === '1' || env.RUNNER_DEBUG === '1') && e instanceof Error && e.stack)
            err(e.stack);
        return 1;
    }
}
/** True when this file is the program being run (not imported by a test or the bundle of another entry). */
function invokedDirectly() {
    try {
        return !!process.argv[1] && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(process.argv[1]) === (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)((0,node_url__WEBPACK_IMPORTED_MODULE_1__.fileURLToPath)(import.meta.url));
    }
    catch {
        return false;
    }
}
if (invokedDirectly()) {
    const code = await main(process.argv.slice(2), process.env, {
        stdout: (t) => process.stdout.write(t),
        stderr: (t) => process.stderr.write(t),
    });
    // Exit once stdout is flushed, even if an SDK keeps a keep-alive socket open.
    process.stdout.write('', () => process.exit(code));
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 3553:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $U: () => (/* binding */ EVENTGRID_API_VERSION),
/* harmony export */   B8: () => (/* binding */ DESTINATION_TYPES),
/* harmony export */   Kx: () => (/* binding */ RESOURCES_API_VERSION),
/* harmony export */   SS: () => (/* binding */ AUTH0_EVENTGRID_REGIONS),
/* harmony export */   VP: () => (/* binding */ AUTH0_LOG_STREAM_SCOPES),
/* harmony export */   a$: () => (/* binding */ AUTH0_PARTNER_NAME),
/* harmony export */   bp: () => (/* binding */ AZURE_TOKEN_EXCHANGE_AUDIENCE),
/* harmony export */   fh: () => (/* binding */ AUTH0_PARTNER_IMMUTABLE_ID),
/* harmony export */   hb: () => (/* binding */ AZURE_CLOUDS),
/* harmony export */   nZ: () => (/* binding */ AUTH0_FILTER_CATEGORIES)
/* harmony export */ });
/** Facts about the services that validation and the operations rely on (sources: shared specs, DESIGN.md). */
/** The 34 `sink.azureRegion` values Auth0 accepts for an eventgrid log stream. */
const AUTH0_EVENTGRID_REGIONS = [
    'australiacentral', 'australiaeast', 'australiasoutheast', 'brazilsouth', 'canadacentral', 'canadaeast',
    'centralindia', 'centralus', 'eastasia', 'eastus', 'eastus2', 'francecentral', 'germanywestcentral',
    'japaneast', 'japanwest', 'koreacentral', 'koreasouth', 'northcentralus', 'northeurope', 'norwayeast',
    'southafricanorth', 'southcentralus', 'southeastasia', 'southindia', 'swedencentral', 'switzerlandnorth',
    'uaenorth', 'uksouth', 'ukwest', 'westcentralus', 'westeurope', 'westindia', 'westus', 'westus2',
];
/** The 20 log-stream filter categories (`filters[].name` with `type: "category"`). */
const AUTH0_FILTER_CATEGORIES = [
    'auth.login.fail', 'auth.login.notification', 'auth.login.success', 'auth.logout.fail', 'auth.logout.success',
    'auth.signup.fail', 'auth.signup.success', 'auth.silent_auth.fail', 'auth.silent_auth.success',
    'auth.token_exchange.fail', 'auth.token_exchange.success', 'management.fail', 'management.success',
    'scim.event', 'system.notification', 'user.fail', 'user.notification', 'user.success', 'actions', 'other',
];
const AUTH0_PARTNER_IMMUTABLE_ID = '804a11ca-ce9b-4158-8e94-3c8dc7a072ec';
const AUTH0_PARTNER_NAME = 'Auth0';
const EVENTGRID_API_VERSION = '2025-02-15';
const RESOURCES_API_VERSION = '2025-04-01';
const AZURE_TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';
const AUTH0_LOG_STREAM_SCOPES = ['read:log_streams', 'create:log_streams', 'update:log_streams', 'delete:log_streams'];
const AZURE_CLOUDS = {
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
const DESTINATION_TYPES = [
    { pattern: /\/providers\/Microsoft\.Web\/sites\/[^/]+\/functions\/[^/]+$/i, endpointType: 'AzureFunction' },
    { pattern: /\/providers\/Microsoft\.EventHub\/namespaces\/[^/]+\/eventhubs\/[^/]+$/i, endpointType: 'EventHub' },
    { pattern: /\/providers\/Microsoft\.Storage\/storageAccounts\/[^/]+$/i, endpointType: 'StorageQueue' },
    { pattern: /\/providers\/Microsoft\.ServiceBus\/namespaces\/[^/]+\/queues\/[^/]+$/i, endpointType: 'ServiceBusQueue' },
    { pattern: /\/providers\/Microsoft\.ServiceBus\/namespaces\/[^/]+\/topics\/[^/]+$/i, endpointType: 'ServiceBusTopic' },
];


/***/ }),

/***/ 4389:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Lo: () => (/* binding */ COMMANDS),
/* harmony export */   mc: () => (/* binding */ INPUTS)
/* harmony export */ });
/* unused harmony export OUTPUTS */
/**
 * Every input of the Action (and flag of the CLI), in one table: action.yml is generated from it
 * (`npm run action-yml`), the CLI's --help too, and parsing reads exactly these names.
 */
const COMMANDS = ['setup', 'verify', 'activate-topic', 'teardown'];
const INPUTS = [
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
    { name: 'resume-stream', description: 'Resume a paused or suspended stream.', default: 'false' },
    { name: 'authorization-days', description: 'Days Auth0 stays authorized to create partner topics (1-365). Least privilege: the shortest that is enough.', default: '7' },
    { name: 'activation', description: 'Partner topic activation: auto (when its source is your Auth0 tenant) | manual | never.', default: 'auto' },
    { name: 'event-subscription-name', description: 'Name of the event subscription on the partner topic.', default: 'auth0-logs' },
    { name: 'webhook-url', description: 'HTTPS endpoint receiving the events (one destination: this or destination-resource-id).', secret: false },
    { name: 'destination-resource-id', description: 'Resource id of an Azure Function, Event Hub, Storage account (with queue-name), Service Bus queue or topic.' },
    { name: 'queue-name', description: 'Storage queue name, with a Storage account destination-resource-id.' },
    { name: 'included-event-types', description: 'Event types to deliver (comma or newline separated); empty for all.' },
    { name: 'delivery-schema', description: 'CloudEventSchemaV1_0 | EventGridSchema | CustomInputSchema.', default: 'CloudEventSchemaV1_0' },
    { name: 'max-delivery-attempts', description: 'Event Grid delivery attempts (1-30).', default: '30' },
    { name: 'event-ttl-minutes', description: 'Event time to live in minutes (1-1440).', default: '1440' },
    { name: 'dead-letter-blob-container', description: 'Dead-letter destination as <storage account resource id>/blobServices/default/containers/<container>.' },
    { name: 'wait-timeout', description: 'How long to wait for the partner topic and long-running operations (e.g. 90s, 10m).', default: '10m' },
    { name: 'dry-run', description: 'Plan only: print what would change and write nothing.', default: 'false' },
    { name: 'fail-on', description: 'Fail the step when health is: unhealthy | degraded | never.', default: 'unhealthy' },
];
const OUTPUTS = [
    { name: 'partner-topic-name', description: 'Name of the Auth0 partner topic.' },
    { name: 'partner-topic-id', description: 'Resource id of the partner topic.' },
    { name: 'log-stream-id', description: 'Id of the Auth0 log stream.' },
    { name: 'stream-status', description: 'Status of the Auth0 log stream: active | paused | suspended.' },
    { name: 'activation-state', description: 'Partner topic activation state: NeverActivated | Activated | Deactivated.' },
    { name: 'authorization-expires-at', description: "When Auth0's partner authorization expires (ISO 8601)." },
    { name: 'days-until-expiry', description: "Whole days until Auth0's partner authorization expires." },
    { name: 'event-subscription-id', description: 'Resource id of the event subscription.' },
    { name: 'health', description: 'healthy | degraded | unhealthy.' },
    { name: 'report', description: 'The whole result as JSON.' },
];


/***/ }),

/***/ 4661:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   P$: () => (/* binding */ parseSettings),
/* harmony export */   xL: () => (/* binding */ ConfigError)
/* harmony export */ });
/* unused harmony exports isGuid, resourceGroupProblem, parseDurationMs, splitList, HIDDEN */
/* harmony import */ var _facts_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3553);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4389);
/**
 * One typed settings object from raw inputs (Action inputs, CLI flags or environment variables).
 * All validation happens here, before any network call; every problem names the input, the value
 * and what is allowed, and all problems are reported at once.
 */


class ConfigError extends Error {
    problems;
    constructor(problems) {
        super(problems.length === 1
            ? `Input '${problems[0].input}': ${problems[0].message}`
            : `${problems.length} inputs need fixing:\n` + problems.map((p) => `  - '${p.input}': ${p.message}`).join('\n'));
        this.problems = problems;
        this.name = 'ConfigError';
    }
}
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EG_NAME = /^[A-Za-z0-9-]{3,64}$/;
const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
function isGuid(v) {
    return GUID.test(v);
}
/** Azure resource group naming rules: 1-90 of letters, digits, _ - . ( ) and Unicode letters; not ending in a period. */
function resourceGroupProblem(v) {
    if (v.length < 1 || v.length > 90)
        return 'must be 1 to 90 characters';
    if (!/^[-\w.()\p{L}\p{N}]+$/u.test(v))
        return 'may contain only letters, digits, underscores, hyphens, periods and parentheses';
    if (v.endsWith('.'))
        return 'must not end with a period';
    return undefined;
}
function parseDurationMs(v) {
    const m = DURATION.exec(v.trim());
    if (!m)
        return undefined;
    return Number(m[1]) * UNIT_MS[m[2] ?? 's'];
}
function splitList(v) {
    return (v ?? '')
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter(Boolean);
}
/** Shown for a secret input instead of its value. */
const HIDDEN = '(hidden)';
function parseSettings(raw) {
    const problems = [];
    const defaults = new Map(_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .INPUTS */ .mc.map((i) => [i.name, i.default]));
    const get = (name) => {
        const v = raw(name);
        return (v === undefined || v.trim() === '' ? (defaults.get(name) ?? '') : v).trim();
    };
    const bad = (input, message) => problems.push({ input, message });
    const show = (v) => JSON.stringify(v.length > 120 ? v.slice(0, 117) + '...' : v);
    const bool = (name) => {
        const v = get(name).toLowerCase();
        if (['true', 'yes', '1', 'on'].includes(v))
            return true;
        if (['false', 'no', '0', 'off', ''].includes(v))
            return false;
        bad(name, `${show(v)} is not a boolean; use true or false`);
        return false;
    };
    const int = (name, min, max) => {
        const v = get(name);
        const n = Number(v);
        if (!/^\d+$/.test(v) || n < min || n > max) {
            bad(name, `${show(v)} is not a whole number from ${min} to ${max}`);
            return min;
        }
        return n;
    };
    const oneOf = (name, allowed) => {
        const v = get(name);
        const hit = allowed.find((a) => a.toLowerCase() === v.toLowerCase());
        if (!hit)
            bad(name, `${show(v)} is not allowed; use one of: ${allowed.join(', ')}`);
        return hit ?? allowed[0];
    };
    const url = (name) => {
        const v = get(name);
        if (!v)
            return undefined;
        try {
            const u = new URL(v);
            if (u.protocol !== 'https:')
                throw new Error();
            return v.replace(/\/+$/, '');
        }
        catch {
            bad(name, `${show(v)} is not an https:// URL`);
            return undefined;
        }
    };
    const command = oneOf('command', _inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .COMMANDS */ .Lo);
    // Azure target
    const subscriptionId = get('azure-subscription-id');
    if (!subscriptionId)
        bad('azure-subscription-id', 'is required: the id (GUID) of the Azure subscription');
    else if (!isGuid(subscriptionId))
        bad('azure-subscription-id', `${show(subscriptionId)} is not a GUID like 00000000-0000-0000-0000-000000000000`);
    const resourceGroup = get('azure-resource-group');
    if (!resourceGroup)
        bad('azure-resource-group', 'is required: the resource group that holds the partner configuration and topic');
    else {
        const p = resourceGroupProblem(resourceGroup);
        if (p)
            bad('azure-resource-group', `${show(resourceGroup)} ${p}`);
    }
    const region = get('azure-region').toLowerCase().replace(/\s+/g, '');
    if (!region)
        bad('azure-region', `is required; use one of the regions Auth0 accepts: ${_facts_js__WEBPACK_IMPORTED_MODULE_0__/* .AUTH0_EVENTGRID_REGIONS */ .SS.join(', ')}`);
    else if (!_facts_js__WEBPACK_IMPORTED_MODULE_0__/* .AUTH0_EVENTGRID_REGIONS */ .SS.includes(region)) {
        bad('azure-region', `${show(get('azure-region'))} is not a region Auth0 can stream to; use one of: ${_facts_js__WEBPACK_IMPORTED_MODULE_0__/* .AUTH0_EVENTGRID_REGIONS */ .SS.join(', ')}`);
    }
    // Azure sign-in
    const environment = oneOf('azure-environment', Object.keys(_facts_js__WEBPACK_IMPORTED_MODULE_0__/* .AZURE_CLOUDS */ .hb));
    const cloud = _facts_js__WEBPACK_IMPORTED_MODULE_0__/* .AZURE_CLOUDS */ .hb[environment];
    const armEndpoint = url('azure-resource-manager-endpoint');
    const authorityHost = url('azure-authority-host');
    const clientId = get('azure-client-id');
    const tenantId = get('azure-tenant-id');
    const clientSecret = raw('azure-client-secret')?.trim() ?? '';
    if (clientId && !isGuid(clientId))
        bad('azure-client-id', `${show(clientId)} is not a GUID (the application's client id)`);
    if (tenantId && !isGuid(tenantId) && !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(tenantId))
        bad('azure-tenant-id', `${show(tenantId)} is not a tenant GUID or domain`);
    let kind = 'default';
    if (clientId || tenantId || clientSecret) {
        if (!clientId)
            bad('azure-client-id', 'is required with azure-tenant-id or azure-client-secret');
        if (!tenantId)
            bad('azure-tenant-id', 'is required with azure-client-id');
        kind = clientSecret ? 'secret' : 'oidc';
    }
    // Auth0
    let domain = get('auth0-domain').replace(/^https:\/\//i, '').replace(/\/+$/, '');
    if (!domain)
        bad('auth0-domain', 'is required: your tenant domain, e.g. my-tenant.us.auth0.com');
    else if (!/^[a-z0-9.-]+(:\d{1,5})?$/i.test(domain))
        bad('auth0-domain', `${show(domain)} is not a domain name (no scheme, path or query)`);
    domain = domain.toLowerCase();
    const auth0ClientId = get('auth0-client-id');
    const auth0ClientSecret = raw('auth0-client-secret')?.trim() ?? '';
    if (!auth0ClientId)
        bad('auth0-client-id', 'is required: the client id of a machine-to-machine application with the log_streams scopes');
    if (!auth0ClientSecret)
        bad('auth0-client-secret', 'is required: the client secret of that application (pass it from a secret)');
    let auth0Tenant = get('auth0-tenant').toLowerCase() || undefined;
    if (!auth0Tenant) {
        const m = /^([a-z0-9-]+)\.(?:[a-z]{2}\.)?auth0\.com$/.exec(domain);
        auth0Tenant = m?.[1];
    }
    else if (!/^[a-z0-9][a-z0-9-]*$/.test(auth0Tenant)) {
        bad('auth0-tenant', `${show(auth0Tenant)} is not a tenant name (lower-case letters, digits, hyphens)`);
    }
    // Stream
    const categoriesRaw = splitList(get('event-categories'));
    let categories = [];
    if (!(categoriesRaw.length === 1 && categoriesRaw[0].toLowerCase() === 'all')) {
        const unknown = categoriesRaw.filter((c) => !_facts_js__WEBPACK_IMPORTED_MODULE_0__/* .AUTH0_FILTER_CATEGORIES */ .nZ.includes(c));
        if (unknown.length)
            bad('event-categories', `unknown ${unknown.map(show).join(', ')}; use "all" or any of: ${_facts_js__WEBPACK_IMPORTED_MODULE_0__/* .AUTH0_FILTER_CATEGORIES */ .nZ.join(', ')}`);
        else if (!categoriesRaw.length)
            bad('event-categories', 'is empty; use "all" or a list of categories');
        categories = [...new Set(categoriesRaw)].sort();
    }
    const startFrom = get('start-from') || undefined;
    if (startFrom && (Number.isNaN(Date.parse(startFrom)) || !/^\d{4}-\d{2}-\d{2}/.test(startFrom))) {
        bad('start-from', `${show(startFrom)} is not an ISO 8601 date-time like 2026-01-31T00:00:00Z`);
    }
    const defaultStreamName = `azure-eventgrid-${resourceGroup}-${subscriptionId.slice(0, 8)}`.toLowerCase();
    const streamName = get('stream-name') || defaultStreamName;
    if (streamName.length > 128)
        bad('stream-name', 'must be at most 128 characters');
    const authorizationDays = int('authorization-days', 1, 365);
    const activation = oneOf('activation', ['auto', 'manual', 'never']);
    // Event subscription
    const esName = get('event-subscription-name');
    if (!EG_NAME.test(esName))
        bad('event-subscription-name', `${show(esName)} must be 3-64 letters, digits or hyphens`);
    const webhookUrl = raw('webhook-url')?.trim() || undefined;
    const destinationId = get('destination-resource-id') || undefined;
    const queueName = get('queue-name') || undefined;
    let destination;
    if (webhookUrl && destinationId) {
        bad('webhook-url', 'give one destination: webhook-url or destination-resource-id, not both');
    }
    else if (webhookUrl) {
        try {
            const u = new URL(webhookUrl);
            if (u.protocol !== 'https:')
                throw new Error();
            destination = { endpointType: 'WebHook', webhookUrl };
        }
        catch {
            bad('webhook-url', 'is not an https:// URL (Event Grid delivers to HTTPS endpoints only)');
        }
    }
    else if (destinationId) {
        const t = _facts_js__WEBPACK_IMPORTED_MODULE_0__/* .DESTINATION_TYPES */ .B8.find((d) => d.pattern.test(destinationId));
        if (!t || !/^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[^/]+\/providers\//i.test(destinationId)) {
            bad('destination-resource-id', `${show(destinationId)} is not the resource id of an Azure Function (…/Microsoft.Web/sites/{app}/functions/{fn}), Event Hub (…/Microsoft.EventHub/namespaces/{ns}/eventhubs/{hub}), Storage account (…/Microsoft.Storage/storageAccounts/{account}, with queue-name), Service Bus queue or topic (…/Microsoft.ServiceBus/namespaces/{ns}/queues|topics/{name})`);
        }
        else {
            destination = { endpointType: t.endpointType, resourceId: destinationId };
            if (t.endpointType === 'StorageQueue') {
                if (!queueName)
                    bad('queue-name', 'is required with a Storage account destination-resource-id');
                else if (!/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(queueName))
                    bad('queue-name', `${show(queueName)} is not a valid queue name (3-63 lower-case letters, digits, single hyphens)`);
                destination.queueName = queueName;
            }
        }
    }
    if (queueName && destination?.endpointType !== 'StorageQueue' && !problems.some((p) => p.input === 'queue-name')) {
        bad('queue-name', 'only applies to a Storage account destination-resource-id');
    }
    const deliverySchema = oneOf('delivery-schema', ['CloudEventSchemaV1_0', 'EventGridSchema', 'CustomInputSchema']);
    const maxDeliveryAttempts = int('max-delivery-attempts', 1, 30);
    const eventTtlMinutes = int('event-ttl-minutes', 1, 1440);
    const dl = get('dead-letter-blob-container');
    let deadLetter;
    if (dl) {
        const m = /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Storage\/storageAccounts\/[^/]+)\/blobServices\/default\/containers\/([a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9])$/i.exec(dl);
        if (!m)
            bad('dead-letter-blob-container', `${show(dl)} must look like /subscriptions/{id}/resourceGroups/{rg}/providers/Microsoft.Storage/storageAccounts/{account}/blobServices/default/containers/{container}`);
        else
            deadLetter = { resourceId: m[1], container: m[2] };
    }
    const waitRaw = get('wait-timeout');
    const waitTimeoutMs = parseDurationMs(waitRaw);
    if (waitTimeoutMs === undefined || waitTimeoutMs < 1000 || waitTimeoutMs > 6 * 3_600_000) {
        bad('wait-timeout', `${show(waitRaw)} is not a duration from 1s to 6h (e.g. 90s, 10m)`);
    }
    const dryRun = bool('dry-run');
    const failOn = oneOf('fail-on', ['unhealthy', 'degraded', 'never']);
    const recreateOnSinkChange = bool('recreate-on-sink-change');
    const resume = bool('resume-stream');
    const priority = bool('priority');
    if (problems.length)
        throw new ConfigError(problems);
    const secrets = [clientSecret, auth0ClientSecret, webhookUrl ?? ''].filter((s) => s.length >= 4);
    const customCloud = !!(armEndpoint || authorityHost);
    return {
        command,
        azure: { subscriptionId: subscriptionId.toLowerCase(), resourceGroup, region },
        azureSignIn: {
            kind,
            clientId: clientId || undefined,
            tenantId: tenantId || undefined,
            clientSecret: clientSecret || undefined,
            audience: get('azure-audience') || _facts_js__WEBPACK_IMPORTED_MODULE_0__/* .AZURE_TOKEN_EXCHANGE_AUDIENCE */ .bp,
            environment,
            resourceManagerEndpoint: armEndpoint ?? cloud.resourceManagerEndpoint,
            authorityHost: authorityHost ?? cloud.authorityHost,
            resourceManagerScope: get('azure-resource-manager-audience') || cloud.resourceManagerScope,
            customCloud,
        },
        auth0: { domain, clientId: auth0ClientId, clientSecret: auth0ClientSecret, tenant: auth0Tenant },
        stream: { name: streamName, categories, startFrom, priority, recreateOnSinkChange, resume },
        authorizationDays,
        activation,
        eventSubscription: {
            name: esName,
            destination,
            includedEventTypes: splitList(get('included-event-types')),
            deliverySchema,
            maxDeliveryAttempts,
            eventTtlMinutes,
            deadLetter,
        },
        waitTimeoutMs: waitTimeoutMs,
        dryRun,
        failOn,
        secrets,
    };
}



/***/ }),

/***/ 2242:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Rr: () => (/* binding */ exitCodeFor),
  Wj: () => (/* reexport */ expandSecrets),
  oh: () => (/* binding */ failureMessage),
  E$: () => (/* reexport */ redact_redact),
  hF: () => (/* binding */ renderJson),
  S5: () => (/* binding */ renderText),
  uu: () => (/* reexport */ textLine)
});

// UNUSED EXPORTS: EXPIRY_WARNING_DAYS, MASK, annotations, code, expiryPhrase, formatDuration, md, neutralizeWorkflowCommands, outputs, renderMarkdown

// EXTERNAL MODULE: ./src/config/inputs.ts
var inputs = __nccwpck_require__(4389);
;// CONCATENATED MODULE: ./src/report/model.ts
const model_HEALTH_BADGE = {
    healthy: { emoji: '✅', word: 'Healthy' },
    degraded: { emoji: '⚠️', word: 'Degraded' },
    unhealthy: { emoji: '❌', word: 'Unhealthy' },
};
const model_STEP_ICON = {
    changed: '🛠️',
    unchanged: '✔️',
    planned: '📝',
    skipped: '⏭️',
    failed: '❌',
};
const model_CHECK_ICON = { pass: '✅', warn: '⚠️', fail: '❌' };
const SERVICE_NAME = {
    azure: 'Azure Resource Manager',
    entra: 'Microsoft Entra ID',
    auth0: 'Auth0 Management API',
    github: 'GitHub',
};
function model_serviceName(service) {
    return SERVICE_NAME[service] ?? String(service);
}
/** Annotations warn when Auth0's partner authorization expires within this many days. */
const model_EXPIRY_WARNING_DAYS = 7;
function model_formatDuration(ms) {
    if (!Number.isFinite(ms) || ms < 0)
        return '';
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(1)} s`;
    const totalS = Math.round(ms / 1000);
    const h = Math.floor(totalS / 3600);
    const m = Math.floor((totalS % 3600) / 60);
    const s = totalS % 60;
    return h ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min ${String(s).padStart(2, '0')} s`;
}
const plural = (n, one, many = one + 's') => `${n} ${n === 1 ? one : many}`;
/** "5 days left", "expires today", "expired 2 days ago". */
function model_expiryPhrase(days) {
    if (days > 0)
        return `${plural(days, 'day')} left`;
    if (days === 0)
        return 'expires today';
    return `expired ${plural(-days, 'day')} ago`;
}
function model_targetRows(r) {
    const rows = [];
    if (r.environment)
        rows.push({ label: 'environment', value: r.environment, id: true });
    rows.push({ label: 'subscription', value: r.target.subscriptionId, id: true }, { label: 'resource group', value: r.target.resourceGroup, id: true }, { label: 'region', value: r.target.region, id: true }, { label: 'Auth0', value: r.target.auth0Domain, id: true }, { label: 'stream', value: r.target.streamName, id: true });
    return rows.filter((row) => row.value);
}
/** The key facts, in reading order; only those that are known. */
function model_factRows(f) {
    const rows = [
        !!f.partnerTopicName && { label: 'Partner topic', value: f.partnerTopicName, id: true },
        !!f.partnerTopicId && { label: 'Partner topic id', value: f.partnerTopicId, id: true },
        !!f.partnerTopicSource && { label: 'Partner topic source', value: f.partnerTopicSource, id: true },
        !!f.activationState && {
            label: 'Activation state',
            value: f.activationState === 'NeverActivated' && f.topicExpiresIfNotActivatedAt
                ? `${f.activationState} (deleted at ${f.topicExpiresIfNotActivatedAt} unless activated)`
                : f.activationState,
        },
        !!f.logStreamId && { label: 'Log stream id', value: f.logStreamId, id: true },
        !!f.streamStatus && { label: 'Stream status', value: f.streamStatus },
        (!!f.authorizationExpiresAt || f.daysUntilExpiry !== undefined) && {
            label: 'Authorization expires',
            value: [f.authorizationExpiresAt, f.daysUntilExpiry !== undefined ? `(${model_expiryPhrase(f.daysUntilExpiry)})` : '']
                .filter(Boolean)
                .join(' '),
        },
        !!f.eventSubscriptionId && { label: 'Event subscription', value: f.eventSubscriptionId, id: true },
        !!f.providerState && { label: 'Microsoft.EventGrid provider', value: f.providerState },
    ];
    return rows.filter((r) => !!r);
}
function model_failureRows(f) {
    return [
        { label: 'Step', value: f.step },
        { label: 'Service', value: f.status ? `${model_serviceName(f.service)} (HTTP ${f.status})` : model_serviceName(f.service) },
        { label: 'Code', value: f.code, id: true },
        { label: 'Message', value: f.message },
        { label: 'Fix', value: f.fix },
    ];
}
/** Every change the steps made (or, in a dry run, would make), in order. */
function model_changeItems(r) {
    return r.steps.flatMap((s) => s.changes.map((change) => ({ step: s.title, change })));
}
/** All failures in the result: the operation's and any step's, without duplicates. */
function model_failuresOf(r) {
    const all = [r.failure, ...r.steps.map((s) => s.failure)].filter((f) => !!f);
    const seen = new Set();
    return all.filter((f) => {
        const key = JSON.stringify([f.step, f.service, f.code, f.message]);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}

;// CONCATENATED MODULE: ./src/report/markdown.ts


const cell = (row) => (row.id ? code(row.value) : md(row.value));
function table(headers, rows) {
    return [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}
/** Markdown for a result whose strings are already redacted. */
function markdown_markdownOf(r) {
    const badge = HEALTH_BADGE[r.health];
    const out = [];
    out.push(`## ${badge.emoji} ${badge.word}: auth0-eventgrid ${md(r.command)}${r.dryRun ? ' (dry run)' : ''}`, '');
    out.push(`**Target:** ${targetRows(r).map((t) => `${t.label} ${cell(t)}`).join(' · ')}`, '');
    const when = [r.startedAt && `started ${md(r.startedAt)}`, `took ${formatDuration(r.durationMs)}`].filter(Boolean).join(', ');
    out.push(r.dryRun ? `*Dry run: nothing was changed; ${when}.*` : `*${when[0].toUpperCase()}${when.slice(1)}.*`, '');
    if (r.steps.length) {
        out.push('### Steps', '');
        out.push(...table(['Step', 'Status', 'Detail', 'Duration'], r.steps.map((s) => [md(s.title), `${STEP_ICON[s.status] ?? ''} ${md(s.status)}`.trim(), md(s.detail), formatDuration(s.durationMs)])), '');
    }
    if (r.checks.length) {
        out.push('### Checks', '');
        out.push(...table(['Check', 'Status', 'Detail', 'Fix'], r.checks.map((c) => [md(c.title), `${CHECK_ICON[c.status] ?? ''} ${md(c.status)}`.trim(), md(c.detail), md(c.fix ?? '')])), '');
    }
    const facts = factRows(r.facts);
    if (facts.length) {
        out.push('### Facts', '', ...table(['Fact', 'Value'], facts.map((f) => [md(f.label), cell(f)])), '');
    }
    for (const f of failuresOf(r)) {
        out.push('### ❌ Failure', '', ...table(['Field', 'Value'], failureRows(f).map((row) => [`**${md(row.label)}**`, cell(row)])), '');
    }
    const changes = changeItems(r);
    if (r.dryRun) {
        out.push('### Plan', '');
        if (changes.length) {
            out.push(`Would make ${changes.length} ${changes.length === 1 ? 'change' : 'changes'}:`, '');
            changes.forEach((c, i) => out.push(`${i + 1}. **${md(c.step)}:** ${md(c.change)}`));
        }
        else {
            out.push('Nothing to change: everything already matches the inputs.');
        }
        out.push('');
    }
    else if (changes.length) {
        out.push('### Changes made', '');
        changes.forEach((c, i) => out.push(`${i + 1}. **${md(c.step)}:** ${md(c.change)}`));
        out.push('');
    }
    return out.join('\n');
}

;// CONCATENATED MODULE: ./src/report/escape.ts
/**
 * Escaping for text that came from services or users (error messages, topic sources, stream names,
 * ids). Markdown goes into job summaries and bot comments, where a hostile string could break a
 * table, inject HTML or images, or @-mention people; plain text goes to terminals and the Actions
 * log, where control characters (ANSI escapes) or a line starting with `::` (a workflow command)
 * could do harm.
 */
/** C0/C1 control characters other than tab, LF and CR (matching them is the point, hence the lint exceptions). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex
const HAS_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const NEWLINES = /\r\n|\r|\n/g;
/**
 * Escapes a string for inline markdown, safe inside a GFM table cell: backslash-escapes the inline
 * markdown punctuation (so `|` cannot split a cell, `[x](…)`/`![…](…)` cannot make links or images,
 * and emphasis or code spans cannot swallow the rest of the cell),
 * HTML-escapes `&`, `<` and `>`, breaks `@mentions` with a zero-width space, and turns newlines
 * into `<br>` (ours, added after escaping, so it is the only tag that can appear).
 */
function escape_md(value) {
    return value
        .replace(CONTROL, '')
        .replace(/\t/g, ' ')
        .replace(/[\\`*_[\]|~]/g, '\\$&')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/@/g, '@&#8203;')
        .replace(NEWLINES, '<br>');
}
/**
 * Renders an identifier (name, resource id) as a code span, which shows it verbatim. Falls back to
 * md() when the value holds a backtick or newline (which could end the span early).
 */
function escape_code(value) {
    if (value === '')
        return '';
    if (/[`\r\n]/.test(value) || HAS_CONTROL.test(value))
        return escape_md(value);
    // Inside a table a pipe ends the cell even within a code span unless it is escaped (GFM).
    return '`' + value.replace(/\|/g, '\\|') + '`';
}
/** One line of plain text: newlines and tabs become spaces, other control characters are dropped. */
function textLine(value) {
    return value.replace(NEWLINES, ' ').replace(/\t/g, ' ').replace(CONTROL, '');
}
/**
 * Stops lines of text from being read as GitHub Actions workflow commands (`::set-output`,
 * `::add-mask::`, `::stop-commands::`…) when written to the log: a zero-width space goes between
 * the two colons of a line that starts (after spaces) with `::`.
 */
function neutralizeWorkflowCommands(text) {
    return text.replace(/^(\s*):(?=:)/gm, '$1:\u200b');
}

;// CONCATENATED MODULE: ./src/report/redact.ts
/**
 * Masking of secrets in anything printed. A secret can show up transformed: URL-encoded in a query,
 * JSON-escaped in the JSON report (twice when that report is embedded in JSON again), HTML- or
 * markdown-escaped in a summary. Every such form of every secret becomes `***`.
 */

const MASK = '***';
/** Query values shorter than this are not treated as keys (e.g. `api-version=2025`). */
const MIN_QUERY_SECRET = 8;
/**
 * The secrets plus values derived from them that are just as sensitive: for a URL (a webhook URL
 * often carries a key, e.g. an Azure Function's `?code=`), its normalized form, its password and
 * each long query value, so the key stays hidden when a service echoes the URL re-ordered or in parts.
 */
function expandSecrets(secrets) {
    const out = new Set();
    for (const s of secrets) {
        if (!s)
            continue;
        out.add(s);
        if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(s))
            continue;
        try {
            const u = new URL(s);
            out.add(u.href);
            if (u.password)
                out.add(u.password).add(decodeURIComponent(u.password));
            for (const [, v] of u.searchParams)
                if (v.length >= MIN_QUERY_SECRET)
                    out.add(v);
            for (const part of u.search.slice(1).split('&')) {
                const raw = part.slice(part.indexOf('=') + 1);
                if (part.includes('=') && raw.length >= MIN_QUERY_SECRET)
                    out.add(raw);
            }
        }
        catch {
            // Not a parseable URL: the literal value is masked anyway.
        }
    }
    return [...out];
}
function encodedForms(s) {
    const json = JSON.stringify(s).slice(1, -1);
    const uri = encodeURIComponent(s);
    const forms = [
        s,
        json,
        JSON.stringify(json).slice(1, -1),
        uri,
        uri.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()),
        encodeURI(s),
        new URLSearchParams({ v: s }).toString().slice(2),
        s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
        escape_md(s),
        s.replace(/\|/g, '\\|'),
    ];
    return forms.filter((f) => f.length > 0);
}
const cache = new Map();
function needlesFor(secrets) {
    const key = JSON.stringify(secrets);
    let needles = cache.get(key);
    if (!needles) {
        const all = new Set();
        for (const s of expandSecrets(secrets))
            for (const f of encodedForms(s))
                all.add(f);
        // Longest first, so a secret's encoded form is masked whole before a shorter secret inside it.
        needles = [...all].sort((a, b) => b.length - a.length);
        if (cache.size > 50)
            cache.clear();
        cache.set(key, needles);
    }
    return needles;
}
/** Replaces every occurrence of every secret (in any of the forms above) with `***`. */
function redact_redact(text, secrets) {
    if (!text)
        return text;
    let out = text;
    for (const needle of needlesFor(secrets))
        if (out.includes(needle))
            out = out.split(needle).join(MASK);
    return out;
}
/** Deep copy of a JSON-like value with every string redacted. */
function redact_redactDeep(value, secrets) {
    if (!secrets.some(Boolean))
        return value;
    const walk = (v) => {
        if (typeof v === 'string')
            return redact_redact(v, secrets);
        if (Array.isArray(v))
            return v.map(walk);
        if (v && typeof v === 'object')
            return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
        return v;
    };
    return walk(value);
}

;// CONCATENATED MODULE: ./src/report/text.ts


/** Aligns every column but the last (free text) to its widest cell. */
function text_table(rows, indent = '  ') {
    const widths = [];
    for (const r of rows)
        r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length)));
    return rows.map((r) => (indent + r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i] - [...c].length))).join('  ')).trimEnd());
}
/** Text for a result whose strings are already redacted. */
function textOf(r) {
    const t = (s) => textLine(s ?? '');
    const out = [];
    out.push(`auth0-eventgrid ${t(r.command)}: ${model_HEALTH_BADGE[r.health].word.toUpperCase()}${r.dryRun ? ' (dry run: nothing was changed)' : ''}`);
    out.push(`Target: ${model_targetRows(r).map((row) => `${row.label} ${t(row.value)}`).join(', ')}`);
    out.push(`Took ${model_formatDuration(r.durationMs)}${r.startedAt ? `, started ${t(r.startedAt)}` : ''}`);
    if (r.steps.length) {
        out.push('', 'Steps');
        out.push(...text_table([['STEP', 'STATUS', 'TIME', 'DETAIL'], ...r.steps.map((s) => [t(s.title), t(s.status), model_formatDuration(s.durationMs), t(s.detail)])]));
    }
    if (r.checks.length) {
        out.push('', 'Checks');
        out.push(...text_table([
            ['CHECK', 'STATUS', 'DETAIL'],
            ...r.checks.map((c) => [t(c.title), t(c.status), t(c.detail) + (c.fix ? ` Fix: ${t(c.fix)}` : '')]),
        ]));
    }
    const facts = model_factRows(r.facts);
    if (facts.length) {
        out.push('', 'Facts');
        out.push(...text_table(facts.map((f) => [f.label, t(f.value)])));
    }
    for (const f of model_failuresOf(r)) {
        out.push('', 'FAILURE');
        out.push(...text_table(model_failureRows(f).map((row) => [row.label, t(row.value)])));
    }
    const changes = model_changeItems(r);
    if (r.dryRun) {
        out.push('', changes.length ? `Plan (${changes.length} ${changes.length === 1 ? 'change' : 'changes'})` : 'Plan: nothing to change');
        changes.forEach((c, i) => out.push(`  ${i + 1}. ${t(c.step)}: ${t(c.change)}`));
    }
    else if (changes.length) {
        out.push('', 'Changes made');
        changes.forEach((c, i) => out.push(`  ${i + 1}. ${t(c.step)}: ${t(c.change)}`));
    }
    return out.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/report/index.ts








const secretsOf = (o) => (o?.secrets ?? []).filter(Boolean);
/** Job summary / bot comment body. */
function renderMarkdown(result, options) {
    const secrets = secretsOf(options);
    return redact(markdownOf(redactDeep(result, secrets)), secrets);
}
/** Plain aligned table for terminals. */
function renderText(result, options) {
    const secrets = secretsOf(options);
    return redact_redact(textOf(redact_redactDeep(result, secrets)), secrets);
}
/** Sorts object keys recursively so the same result always gives the same text. */
function sortKeys(v) {
    if (Array.isArray(v))
        return v.map(sortKeys);
    if (v && typeof v === 'object') {
        return Object.fromEntries(Object.keys(v)
            .sort()
            .map((k) => [k, sortKeys(v[k])]));
    }
    return v;
}
/** The whole result as stable JSON (keys sorted, 2-space indent): the `report` output and `--json`. */
function renderJson(result, options) {
    const secrets = secretsOf(options);
    return redact_redact(JSON.stringify(sortKeys(redact_redactDeep(result, secrets)), null, 2), secrets);
}
const withFix = (text, fix) => (fix ? `${text}\nFix: ${fix}` : text);
/** Checks that already speak about the partner authorization's expiry (no second warning then). */
const EXPIRY_CHECK = /expir|authoriz/i;
/**
 * Annotations for the run: an error per failure (with its fix), an error or warning per failing or
 * warning check, a warning when Auth0's authorization expires within EXPIRY_WARNING_DAYS days (an
 * error once expired) unless a check already says so, and a notice listing a dry run's plan.
 */
function annotations(result, options) {
    const r = redactDeep(result, secretsOf(options));
    const out = [];
    for (const f of failuresOf(r)) {
        out.push({
            level: 'error',
            kind: 'failure',
            title: `${r.command} failed at: ${f.step}`,
            message: withFix(`${serviceName(f.service)} ${f.code}: ${f.message}`, f.fix),
        });
    }
    for (const c of r.checks) {
        if (c.status === 'pass')
            continue;
        out.push({ level: c.status === 'fail' ? 'error' : 'warning', kind: 'check', title: c.title, message: withFix(c.detail, c.fix) });
    }
    const days = r.facts.daysUntilExpiry;
    const checkCovers = r.checks.some((c) => c.status !== 'pass' && EXPIRY_CHECK.test(`${c.id} ${c.title}`));
    if (days !== undefined && days <= EXPIRY_WARNING_DAYS && !checkCovers) {
        const at = r.facts.authorizationExpiresAt ? ` (${r.facts.authorizationExpiresAt})` : '';
        out.push({
            level: days < 0 ? 'error' : 'warning',
            kind: 'expiry',
            title: days < 0 ? 'Auth0 partner authorization expired' : `Auth0 partner authorization: ${expiryPhrase(days)}`,
            message: `Auth0's authorization to create partner topics in resource group ${r.target.resourceGroup}${at}: ${expiryPhrase(days)}. ` +
                `Renew it by running the setup command again (authorization-days sets the new expiry).`,
        });
    }
    if (r.dryRun) {
        const changes = changeItems(r);
        out.push({
            level: 'notice',
            kind: 'plan',
            title: changes.length ? `Dry run: ${changes.length} ${changes.length === 1 ? 'change' : 'changes'} planned` : 'Dry run: nothing to change',
            message: changes.length ? changes.map((c) => `- ${c.step}: ${c.change}`).join('\n') : 'Everything already matches the inputs.',
        });
    }
    return out;
}
/** Every Action output (OUTPUTS), empty when unknown. */
function outputs(result, options) {
    const f = result.facts;
    const values = {
        'partner-topic-name': f.partnerTopicName,
        'partner-topic-id': f.partnerTopicId,
        'log-stream-id': f.logStreamId,
        'stream-status': f.streamStatus,
        'activation-state': f.activationState,
        'authorization-expires-at': f.authorizationExpiresAt,
        'days-until-expiry': f.daysUntilExpiry,
        'event-subscription-id': f.eventSubscriptionId,
        health: result.health,
    };
    const secrets = secretsOf(options);
    return Object.fromEntries(OUTPUTS.map(({ name }) => [
        name,
        name === 'report' ? renderJson(result, options) : redact(values[name] === undefined ? '' : String(values[name]), secrets),
    ]));
}
/**
 * The process exit code: 1 when the operation failed (whatever fail-on says), or when health is
 * unhealthy (fail-on unhealthy), unhealthy or degraded (fail-on degraded); never for health alone
 * with fail-on never. Else 0.
 */
function exitCodeFor(result, failOn) {
    if (model_failuresOf(result).length)
        return 1;
    if (failOn === 'never')
        return 0;
    if (result.health === 'unhealthy')
        return 1;
    if (failOn === 'degraded' && result.health === 'degraded')
        return 1;
    return 0;
}
/** One message saying why exitCodeFor fails (for core.setFailed / stderr), or undefined when it does not. */
function failureMessage(result, failOn, options) {
    if (!exitCodeFor(result, failOn))
        return undefined;
    const r = redact_redactDeep(result, secretsOf(options));
    const [f] = model_failuresOf(r);
    if (f)
        return `${r.command} failed at "${f.step}": ${model_serviceName(f.service)} ${f.code}: ${f.message}\nFix: ${f.fix}`;
    const bad = r.checks.filter((c) => (r.health === 'unhealthy' ? c.status === 'fail' : c.status !== 'pass'));
    const lines = bad.map((c) => `- ${c.title}: ${c.detail}${c.fix ? ` Fix: ${c.fix}` : ''}`);
    return [`Health is ${r.health} (fail-on: ${failOn}).`, ...lines].join('\n');
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 2018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(5581);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ var __webpack_exports__BIN = __webpack_exports__.Ay;
/******/ var __webpack_exports__ENV_PREFIX = __webpack_exports__.N8;
/******/ var __webpack_exports__UsageError = __webpack_exports__.eb;
/******/ var __webpack_exports__envName = __webpack_exports__.pD;
/******/ var __webpack_exports__helpText = __webpack_exports__.BK;
/******/ var __webpack_exports__idTokenGetter = __webpack_exports__.yD;
/******/ var __webpack_exports__main = __webpack_exports__.iW;
/******/ var __webpack_exports__parseArgs = __webpack_exports__.Zy;
/******/ export { __webpack_exports__BIN as BIN, __webpack_exports__ENV_PREFIX as ENV_PREFIX, __webpack_exports__UsageError as UsageError, __webpack_exports__envName as envName, __webpack_exports__helpText as helpText, __webpack_exports__idTokenGetter as idTokenGetter, __webpack_exports__main as main, __webpack_exports__parseArgs as parseArgs };
/******/ 
