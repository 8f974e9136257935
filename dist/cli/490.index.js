export const id = 490;
export const ids = [490];
export const modules = {

/***/ 16616:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ ServiceError),
/* harmony export */   s: () => (/* binding */ fromAzureError)
/* harmony export */ });
class ServiceError extends Error {
    service;
    status;
    code;
    constructor(service, status, code, message) {
        super(message);
        this.service = service;
        this.status = status;
        this.code = code;
        this.name = 'ServiceError';
    }
}
/** Turns an @azure/core-rest-pipeline RestError or an @azure/identity error into a ServiceError. */
function fromAzureError(err) {
    if (err instanceof ServiceError)
        return err;
    const e = err;
    const name = e?.name ?? '';
    if (name === 'AuthenticationError' || name === 'CredentialUnavailableError' || name === 'AggregateAuthenticationError' || name === 'AuthenticationRequiredError') {
        const text = e?.errorResponse?.errorDescription ?? e?.message ?? String(err);
        const aadsts = /AADSTS\d+/.exec(text)?.[0] ?? (/endpoints_resolution_error/.test(text) ? 'endpoints_resolution_error' : undefined);
        const unavailable = name === 'CredentialUnavailableError' || (name === 'AggregateAuthenticationError' && (e?.errors ?? []).every((x) => x?.name === 'CredentialUnavailableError'));
        const code = aadsts ?? (unavailable ? 'CredentialUnavailable' : (e?.errorResponse?.error ?? 'AuthenticationFailed'));
        return new ServiceError('entra', e?.statusCode, code, firstLine(text));
    }
    if (name === 'RestError' || typeof e?.statusCode === 'number') {
        let code = e?.code ?? '';
        let message = e?.message ?? '';
        const body = e?.response?.bodyAsText;
        if (body) {
            try {
                const parsed = JSON.parse(body);
                code = parsed?.error?.code ?? code;
                message = parsed?.error?.message ?? message;
            }
            catch {
                /* not JSON */
            }
        }
        if (!code || code === 'REQUEST_SEND_ERROR')
            code = e?.statusCode ? `HTTP${e.statusCode}` : 'RequestSendError';
        return new ServiceError('azure', e?.statusCode, code, firstLine(message));
    }
    return new ServiceError('azure', undefined, 'UnexpectedError', firstLine(e?.message ?? String(err)));
}
function firstLine(s) {
    const line = s.split('\n').find((l) => l.trim()) ?? s;
    return line.length > 600 ? line.slice(0, 597) + '...' : line;
}


/***/ }),

/***/ 60490:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  isFleet: () => (/* reexport */ types/* isFleet */.x),
  runCommand: () => (/* binding */ runCommand),
  runInvocation: () => (/* binding */ runInvocation)
});

// EXTERNAL MODULE: ./src/azure/errors.ts
var errors = __webpack_require__(16616);
// EXTERNAL MODULE: ./src/config/facts.ts
var facts = __webpack_require__(93553);
;// CONCATENATED MODULE: ./src/operations/failures.ts


/** The subject GitHub puts in this job's OIDC token, when the job's environment tells. */
function expectedSubject() {
    const repo = process.env.GITHUB_REPOSITORY;
    if (!repo)
        return undefined;
    if (process.env.GITHUB_EVENT_NAME?.startsWith('pull_request'))
        return `repo:${repo}:pull_request`;
    if (process.env.GITHUB_REF)
        return `repo:${repo}:ref:${process.env.GITHUB_REF} (or repo:${repo}:environment:<name> when the job uses an environment)`;
    return undefined;
}
function azureFix(e, s) {
    const { subscriptionId: sub, resourceGroup: rg, region } = s.azure;
    const groupScope = `/subscriptions/${sub}/resourceGroups/${rg}`;
    switch (e.code) {
        case 'MissingSubscriptionRegistration':
            return `Register the resource provider once: \`az provider register --namespace Microsoft.EventGrid --subscription ${sub}\` (needs Contributor or Owner on the subscription), or grant the signed-in principal Contributor on /subscriptions/${sub} so that setup registers it.`;
        case 'AuthorizationFailed': {
            const action = /perform action '([^']+)'/.exec(e.message)?.[1];
            const scope = /over scope '([^']+)'/.exec(e.message)?.[1];
            if (action && /\/register\/action$/i.test(action)) {
                return `The principal may not register resource providers. Ask a subscription Owner or Contributor to run \`az provider register --namespace Microsoft.EventGrid --subscription ${sub}\`, or grant Contributor on /subscriptions/${sub}.`;
            }
            return `Grant the signed-in principal a role that allows '${action ?? 'the action'}' on '${scope ?? groupScope}': "EventGrid Contributor" on ${groupScope} covers partner configurations, partner topics and event subscriptions (\`az role assignment create --assignee <client-id> --role "EventGrid Contributor" --scope ${groupScope}\`).`;
        }
        case 'ResourceGroupNotFound':
            return `Create the resource group (\`az group create --name ${rg} --location ${region} --subscription ${sub}\`) or correct azure-resource-group.`;
        case 'SubscriptionNotFound':
        case 'InvalidSubscriptionId':
            return 'Check azure-subscription-id, and that the signed-in principal has a role on that subscription.';
        case 'InvalidAuthenticationToken':
        case 'InvalidAuthenticationTokenAudience':
        case 'InvalidAuthenticationTokenTenant':
        case 'ExpiredAuthenticationToken':
        case 'AuthenticationFailed':
            return 'Azure Resource Manager refused the token: check azure-environment (or azure-resource-manager-endpoint and azure-resource-manager-audience for a private cloud) and azure-tenant-id.';
        case 'SubscriptionRequestsThrottled':
        case 'TooManyRequests':
        case 'HTTP429':
            return 'Azure Resource Manager kept throttling after the retries: run again later, or run fewer environments at once.';
        case 'EventSubscriptionFailed':
        case 'EventSubscriptionCanceled':
            return 'Event Grid could not provision the event subscription: check that the destination exists, that a webhook answers the validation handshake, and run again.';
        case 'PartnerTopicNotFound':
            return `Auth0 creates the partner topic only while Microsoft.EventGrid is registered on ${sub} and the partner configuration of ${rg} authorizes Auth0 (unexpired). Check both (command: verify), check the stream in the Auth0 Dashboard (Monitoring > Streams), then run again; raise wait-timeout if Auth0 is slow.`;
        default:
            if (e.status && e.status >= 500)
                return 'Azure answered with a server error after the retries: run again; if it persists, check https://status.azure.com.';
            return 'See the message above; run again with the ACTIONS_STEP_DEBUG secret set to true for more detail.';
    }
}
function entraFix(e, s) {
    const a = s.azureSignIn;
    switch (e.code) {
        case 'AADSTS700211':
        case 'AADSTS700212':
        case 'AADSTS700213':
        case 'AADSTS70021': {
            const subject = expectedSubject();
            return `No federated credential of application ${a.clientId} matches this workflow's OIDC token. Add one (Entra ID > App registrations > Certificates & secrets > Federated credentials) with issuer https://token.actions.githubusercontent.com, audience ${a.audience}${subject ? `, subject ${subject}` : ' and the subject of this job (repo:OWNER/REPO:ref:refs/heads/BRANCH or repo:OWNER/REPO:environment:NAME)'}.`;
        }
        case 'AADSTS700024':
            return 'The OIDC token expired before it was exchanged: check the runner clock and run again.';
        case 'AADSTS7000215':
        case 'AADSTS7000222':
            return `azure-client-secret is wrong or expired: create a new client secret for application ${a.clientId} and update the repository secret. Better: use OIDC federation (no secret).`;
        case 'AADSTS700016':
            return `Application ${a.clientId} does not exist in tenant ${a.tenantId}: check azure-client-id and azure-tenant-id.`;
        case 'AADSTS90002':
        case 'AADSTS90023':
        case 'endpoints_resolution_error':
            return `Tenant ${a.tenantId} was not found: check azure-tenant-id and azure-environment (or azure-authority-host).`;
        case 'CredentialUnavailable':
            return 'No Azure credential is available: give azure-client-id and azure-tenant-id (OIDC federation, with `permissions: id-token: write`), add azure-client-secret, or sign in with azure/login in an earlier step.';
        default:
            return 'Check azure-client-id, azure-tenant-id and the credential (federated credential or client secret) of that application.';
    }
}
function auth0Fix(e, s) {
    const scopes = facts/* AUTH0_LOG_STREAM_SCOPES */.VP.join(', ');
    if (e.code === 'insufficient_scope' || (e.status === 403 && /scope/i.test(e.message))) {
        return `Authorize the Auth0 application ${s.auth0.clientId} for the Auth0 Management API with the scopes ${scopes} (Dashboard > Applications > APIs > Auth0 Management API > Machine To Machine Applications).`;
    }
    if (e.status === 401 || e.code === 'access_denied' || e.code === 'invalid_client' || e.code === 'unauthorized_client') {
        if (/not enabled/i.test(e.message))
            return `The Management API audience https://${s.auth0.domain}/api/v2/ is unknown: auth0-domain must be the tenant's canonical domain (…auth0.com), not a custom domain.`;
        return `Auth0 refused the client credentials: check auth0-client-id and auth0-client-secret, and that the application is a machine-to-machine application authorized for the Auth0 Management API with ${scopes}.`;
    }
    if (e.status === 409)
        return 'The tenant has reached its log-stream limit: delete an unused stream (Dashboard > Monitoring > Streams) and run again.';
    if (e.status === 429)
        return 'The Auth0 Management API rate limit held after the retries: run again later.';
    if (e.status === 400 && /authoriz|partner|register/i.test(e.message)) {
        return `Auth0 could not create the partner topic in ${s.azure.resourceGroup}: Microsoft.EventGrid must be registered and the partner configuration must authorize Auth0 (run setup, which does both, or check with verify).`;
    }
    if (!e.status)
        return `Could not reach https://${s.auth0.domain}: check auth0-domain and the network.`;
    if (e.status >= 500)
        return 'Auth0 answered with a server error after the retries: run again; if it persists, check https://status.auth0.com.';
    return 'See the message above.';
}
function toFailure(step, err, s) {
    const e = err instanceof errors/* ServiceError */._ ? err : new errors/* ServiceError */._('azure', undefined, 'UnexpectedError', err?.message ?? String(err));
    const fix = e.service === 'entra' ? entraFix(e, s) : e.service === 'auth0' ? auth0Fix(e, s) : azureFix(e, s);
    return { step, service: e.service, code: e.code, message: e.message, fix, status: e.status };
}

// EXTERNAL MODULE: ./src/operations/types.ts
var types = __webpack_require__(91983);
;// CONCATENATED MODULE: ./src/operations/run.ts



class Run {
    command;
    settings;
    adapters;
    progress;
    steps = [];
    checks = [];
    facts = {};
    failure;
    started = Date.now();
    deadline;
    constructor(command, settings, adapters, progress) {
        this.command = command;
        this.settings = settings;
        this.adapters = adapters;
        this.progress = progress;
        this.deadline = this.started + settings.waitTimeoutMs;
    }
    get dryRun() {
        return this.settings.dryRun;
    }
    get failed() {
        return !!this.failure;
    }
    /** Azure's current time. */
    now() {
        return this.adapters.azure.clock.now();
    }
    /** Runs one step; on error records the failure and returns undefined. */
    async step(id, title, fn) {
        const t0 = Date.now();
        const index = this.steps.length;
        const placeholder = { id, title, status: 'skipped', detail: '', durationMs: 0, changes: [] };
        this.steps.push(placeholder);
        try {
            const out = await fn();
            Object.assign(placeholder, { status: out.status, detail: out.detail, changes: out.changes ?? [], durationMs: Date.now() - t0 });
            const verb = out.status === 'planned' ? 'plan' : out.status;
            this.progress.info(`${title}: ${verb} (${((Date.now() - t0) / 1000).toFixed(1)}s) ${out.detail}`);
            return out.value;
        }
        catch (err) {
            const failure = toFailure(title, err, this.settings);
            Object.assign(placeholder, { status: 'failed', detail: `${failure.code}: ${failure.message}`, durationMs: Date.now() - t0, failure });
            this.failure ??= failure;
            this.progress.info(`${title}: failed (${((Date.now() - t0) / 1000).toFixed(1)}s) ${failure.code}`);
            void index;
            return undefined;
        }
    }
    skip(id, title, detail) {
        this.steps.push({ id, title, status: 'skipped', detail, durationMs: 0, changes: [] });
    }
    check(c) {
        this.checks.push(c);
    }
    /**
     * Waits until `probe` returns a value, printing progress; throws `onTimeout()` at the deadline.
     * The poll interval grows with the time already waited (a twentieth of it, from `initialMs` up to
     * `maxMs`), so a short wait is noticed within a fraction of a second and a long one costs few calls.
     */
    async waitFor(what, probe, onTimeout, opts = {}) {
        const t0 = Date.now();
        let lastReport = 0;
        for (;;) {
            const v = await probe();
            if (v !== undefined)
                return v;
            const now = Date.now();
            if (now >= this.deadline)
                throw onTimeout();
            if (lastReport === 0 || now - lastReport >= 5000) {
                lastReport = now;
                this.progress.info(`Waiting for ${what}: ${((now - t0) / 1000).toFixed(0)}s elapsed, deadline in ${((this.deadline - now) / 1000).toFixed(0)}s`);
            }
            const delay = Math.min(Math.max((now - t0) / 20, opts.initialMs ?? 100), opts.maxMs ?? 5000);
            await new Promise((r) => setTimeout(r, Math.min(delay, Math.max(0, this.deadline - now))));
        }
    }
    /** An abort signal for long-running operations, firing at the deadline. */
    signal() {
        return AbortSignal.timeout(Math.max(1000, this.deadline - Date.now()));
    }
    result() {
        const s = this.settings;
        return {
            command: this.command,
            ...(s.environment ? { environment: s.environment } : {}),
            target: { subscriptionId: s.azure.subscriptionId, resourceGroup: s.azure.resourceGroup, region: s.azure.region, auth0Domain: s.auth0.domain, streamName: s.stream.name },
            health: (0,types/* healthOf */.W)(this.checks, this.failure),
            dryRun: s.dryRun,
            startedAt: new Date(this.started).toISOString(),
            durationMs: Date.now() - this.started,
            steps: this.steps,
            checks: this.checks,
            facts: this.facts,
            failure: this.failure,
        };
    }
}
function notFoundError(code, message) {
    return new ServiceError('azure', 404, code, message);
}
const DAY_MS = 86_400_000;

;// CONCATENATED MODULE: ./src/azure/server-clock.ts
class ServerClock {
    offsetMs = 0;
    seen = false;
    observe(dateHeader, localMs = Date.now()) {
        if (!dateHeader)
            return;
        const server = Date.parse(dateHeader);
        if (Number.isNaN(server))
            return;
        // The header has one-second precision: keep the offset only when it is larger than that.
        const offset = server - localMs;
        this.offsetMs = Math.abs(offset) < 1500 ? 0 : offset;
        this.seen = true;
    }
    now() {
        return new Date(Date.now() + this.offsetMs);
    }
    get observed() {
        return this.seen;
    }
    policy() {
        return {
            name: 'auth0EventGridServerClock',
            sendRequest: async (request, next) => {
                const response = await next(request);
                this.observe(response.headers.get('date'));
                return response;
            },
        };
    }
}

;// CONCATENATED MODULE: ./src/azure/arm.ts



const NOT_FOUND = new Set(['ResourceNotFound', 'NotFound', 'ResourceGroupNotFound', 'PartnerConfigurationNotFound']);
async function call(fn) {
    try {
        return await fn();
    }
    catch (err) {
        throw (0,errors/* fromAzureError */.s)(err);
    }
}
async function orUndefined(fn, notFoundCodes = NOT_FOUND) {
    try {
        return await fn();
    }
    catch (err) {
        const e = (0,errors/* fromAzureError */.s)(err);
        if (e.status === 404 && (notFoundCodes.has(e.code) || e.code.startsWith('HTTP')))
            return undefined;
        throw e;
    }
}
class AzureAdapter {
    opts;
    eventGrid;
    resources;
    metricsAdapter;
    /** Azure's time, from its answers' Date headers. */
    clock = new ServerClock();
    constructor(opts, eventGrid) {
        this.opts = opts;
        this.eventGrid = eventGrid;
    }
    static async create(opts) {
        const { EventGridManagementClient } = await Promise.all(/* import() */[__webpack_require__.e(725), __webpack_require__.e(860), __webpack_require__.e(128)]).then(__webpack_require__.bind(__webpack_require__, 15128));
        const client = new EventGridManagementClient(opts.credential, opts.subscriptionId, {
            endpoint: opts.resourceManagerEndpoint,
            credentialScopes: [opts.resourceManagerScope],
            apiVersion: facts/* EVENTGRID_API_VERSION */.$U,
            retryOptions: { maxRetries: 5, retryDelayInMs: 500, maxRetryDelayInMs: 30_000 },
        });
        const adapter = new AzureAdapter(opts, client);
        client.pipeline.addPolicy(adapter.clock.policy());
        if (opts.gate)
            client.pipeline.addPolicy(opts.gate.policy(), { afterPhase: 'Retry' });
        return adapter;
    }
    async rm() {
        if (!this.resources) {
            const { ResourceManagementClient } = await Promise.all(/* import() */[__webpack_require__.e(725), __webpack_require__.e(411), __webpack_require__.e(738), __webpack_require__.e(803)]).then(__webpack_require__.bind(__webpack_require__, 83803));
            this.resources = new ResourceManagementClient(this.opts.credential, this.opts.subscriptionId, {
                endpoint: this.opts.resourceManagerEndpoint,
                credentialScopes: [this.opts.resourceManagerScope],
                apiVersion: facts/* RESOURCES_API_VERSION */.Kx,
                retryOptions: { maxRetries: 5, retryDelayInMs: 500, maxRetryDelayInMs: 30_000 },
            });
            this.resources.pipeline.addPolicy(this.clock.policy());
            if (this.opts.gate)
                this.resources.pipeline.addPolicy(this.opts.gate.policy(), { afterPhase: 'Retry' });
        }
        return this.resources;
    }
    /** Azure Monitor metrics (verify), with the same credential and endpoint; loaded on first use. */
    async metrics() {
        if (!this.metricsAdapter) {
            const { MetricsAdapter } = await Promise.all(/* import() */[__webpack_require__.e(725), __webpack_require__.e(411), __webpack_require__.e(474)]).then(__webpack_require__.bind(__webpack_require__, 17474));
            this.metricsAdapter = new MetricsAdapter({ resourceManagerEndpoint: this.opts.resourceManagerEndpoint, resourceManagerScope: this.opts.resourceManagerScope, credential: this.opts.credential });
        }
        return this.metricsAdapter;
    }
    // Microsoft.Resources
    async providerState(namespace) {
        const rm = await this.rm();
        const p = await call(() => rm.providers.get(namespace));
        return p.registrationState ?? 'NotRegistered';
    }
    async registerProvider(namespace) {
        const rm = await this.rm();
        const p = await call(() => rm.providers.register(namespace));
        return p.registrationState ?? 'Registering';
    }
    async resourceGroup(name) {
        const rm = await this.rm();
        const g = await orUndefined(() => rm.resourceGroups.get(name), new Set(['ResourceGroupNotFound']));
        return g ? { name: g.name ?? name, location: g.location } : undefined;
    }
    // Partner configuration
    async partnerConfiguration(group) {
        return orUndefined(() => this.eventGrid.partnerConfigurations.get(group));
    }
    async createPartnerConfiguration(group, maxDays, signal) {
        return call(() => this.eventGrid.partnerConfigurations.beginCreateOrUpdateAndWait(group, { location: 'global', partnerAuthorization: maxDays ? { defaultMaximumExpirationTimeInDays: maxDays } : {} }, { abortSignal: signal, updateIntervalInMs: 1000 }));
    }
    /** Raises the ceiling for authorization expiry; PATCH touches only this property, never the partner list. */
    async setMaximumExpirationDays(group, days, signal) {
        return call(() => this.eventGrid.partnerConfigurations.beginUpdateAndWait(group, { defaultMaximumExpirationTimeInDays: days }, { abortSignal: signal, updateIntervalInMs: 1000 }));
    }
    /** Adds or extends Auth0's entry; Event Grid keeps other partners' entries. */
    async authorizeAuth0(group, expiresAt) {
        return call(() => this.eventGrid.partnerConfigurations.authorizePartner(group, {
            partnerRegistrationImmutableId: facts/* AUTH0_PARTNER_IMMUTABLE_ID */.fh,
            partnerName: facts/* AUTH0_PARTNER_NAME */.a$,
            authorizationExpirationTimeInUtc: expiresAt,
        }));
    }
    async unauthorizeAuth0(group, entry) {
        return call(() => this.eventGrid.partnerConfigurations.unauthorizePartner(group, {
            partnerRegistrationImmutableId: entry.partnerRegistrationImmutableId ?? facts/* AUTH0_PARTNER_IMMUTABLE_ID */.fh,
            partnerName: entry.partnerName ?? facts/* AUTH0_PARTNER_NAME */.a$,
            authorizationExpirationTimeInUtc: entry.expiresAt,
        }));
    }
    // Partner topics
    async partnerTopic(group, name) {
        return orUndefined(() => this.eventGrid.partnerTopics.get(group, name));
    }
    async partnerTopics(group) {
        return call(async () => {
            const out = [];
            for await (const t of this.eventGrid.partnerTopics.listByResourceGroup(group))
                out.push(t);
            return out;
        });
    }
    async activateTopic(group, name) {
        return call(() => this.eventGrid.partnerTopics.activate(group, name));
    }
    async deactivateTopic(group, name) {
        return call(() => this.eventGrid.partnerTopics.deactivate(group, name));
    }
    async deleteTopic(group, name, signal) {
        await call(() => this.eventGrid.partnerTopics.beginDeleteAndWait(group, name, { abortSignal: signal, updateIntervalInMs: 1000 }));
    }
    // Event subscriptions on a partner topic
    async eventSubscription(group, topic, name) {
        return orUndefined(() => this.eventGrid.partnerTopicEventSubscriptions.get(group, topic, name));
    }
    async eventSubscriptions(group, topic) {
        return call(async () => {
            const out = [];
            for await (const s of this.eventGrid.partnerTopicEventSubscriptions.listByPartnerTopic(group, topic))
                out.push(s);
            return out;
        });
    }
    /** The webhook URL including its query (read-only POST). */
    async eventSubscriptionFullUrl(group, topic, name) {
        const r = await call(() => this.eventGrid.partnerTopicEventSubscriptions.getFullUrl(group, topic, name));
        return r.endpointUrl;
    }
    async putEventSubscription(group, topic, name, body, signal) {
        const result = await call(async () => {
            try {
                return await this.eventGrid.partnerTopicEventSubscriptions.beginCreateOrUpdateAndWait(group, topic, name, body, { abortSignal: signal, updateIntervalInMs: 1000 });
            }
            catch (err) {
                // @azure/core-lro reports an operation that ended Failed or Canceled as a plain Error ("The
                // long-running operation has failed. <code>. <message>" / "Operation was canceled"), which
                // fromAzureError could only call UnexpectedError: name the event subscription and its end state,
                // so that the failure gets the event-subscription fix.
                const lro = lroEnd(err);
                if (!lro)
                    throw err;
                throw new errors/* ServiceError */._('azure', undefined, `EventSubscription${lro.state}`, `Provisioning the event subscription '${name}' on partner topic '${topic}' ended ${lro.state}${lro.detail ? `: ${lro.detail}` : '.'}`);
            }
        });
        if (result.provisioningState && result.provisioningState !== 'Succeeded') {
            throw new errors/* ServiceError */._('azure', undefined, `EventSubscription${result.provisioningState}`, `The event subscription '${name}' ended ${result.provisioningState}.`);
        }
        return result;
    }
    async deleteEventSubscription(group, topic, name, signal) {
        await call(() => this.eventGrid.partnerTopicEventSubscriptions.beginDeleteAndWait(group, topic, name, { abortSignal: signal, updateIntervalInMs: 1000 }));
    }
}
/** The end state of a long-running operation that did not succeed, from @azure/core-lro's plain Error. */
function lroEnd(err) {
    if (!(err instanceof Error) || err.name === 'RestError' || err.name === 'AbortError')
        return undefined;
    const failed = /^The long-running operation has failed\.?\s*(.*)$/s.exec(err.message);
    if (failed)
        return { state: 'Failed', detail: failed[1].trim() || undefined };
    if (/^Operation was canceled/.test(err.message))
        return { state: 'Canceled' };
    return undefined;
}
/** Auth0's entry in a partner configuration (by immutable id, else by name). */
function auth0Entry(cfg) {
    const list = cfg?.partnerAuthorization?.authorizedPartnersList ?? [];
    const e = list.find((p) => p.partnerRegistrationImmutableId?.toLowerCase() === facts/* AUTH0_PARTNER_IMMUTABLE_ID */.fh) ??
        list.find((p) => p.partnerName?.toLowerCase() === facts/* AUTH0_PARTNER_NAME */.a$.toLowerCase());
    if (!e)
        return undefined;
    return { partnerRegistrationImmutableId: e.partnerRegistrationImmutableId, partnerName: e.partnerName, expiresAt: e.authorizationExpirationTimeInUtc ? new Date(e.authorizationExpirationTimeInUtc) : undefined };
}

;// CONCATENATED MODULE: ./src/operations/authorization.ts

/** Margin under the maximum so that clock differences never push a grant past Azure's limit. */
const GRANT_MARGIN_MS = 5 * 60_000;
/** The expiry a grant of `days` from now asks for. */
function wantedExpiry(run, days) {
    return run.now().getTime() + days * DAY_MS - GRANT_MARGIN_MS;
}
/** The changes a grant until `want` makes to `cfg` (for plans and reports). */
function grantChanges(rg, cfg, days, want, verb) {
    const changes = [];
    const maxDays = cfg?.partnerAuthorization?.defaultMaximumExpirationTimeInDays ?? 7;
    if (!cfg)
        changes.push(`Create the partner configuration of ${rg}${days > 7 ? ` (maximum authorization ${days} days)` : ''}`);
    else if (maxDays < days)
        changes.push(`Raise the partner configuration's maximum authorization from ${maxDays} to ${days} days`);
    changes.push(`${verb} Auth0 until ${new Date(want).toISOString()} (${days} days)`);
    return changes;
}
/** Makes the writes: the configuration (or its maximum) when needed, then Auth0's entry. */
async function grant(run, cfg, days, want) {
    const { azure } = run.adapters;
    const rg = run.settings.azure.resourceGroup;
    const maxDays = cfg?.partnerAuthorization?.defaultMaximumExpirationTimeInDays ?? 7;
    if (!cfg)
        await azure.createPartnerConfiguration(rg, days > 7 ? days : undefined, run.signal());
    else if (maxDays < days)
        await azure.setMaximumExpirationDays(rg, days, run.signal());
    return azure.authorizeAuth0(rg, new Date(want));
}

;// CONCATENATED MODULE: ./src/operations/observe.ts




const EVENTGRID_NAMESPACE = 'Microsoft.EventGrid';
const RESOURCE_NAME = /^[A-Za-z0-9-]{3,64}$/;
function findStream(streams, name) {
    return streams.find((s) => s.name === name && s.type === 'eventgrid') ?? streams.find((s) => s.name === name);
}
/** Whether a partner topic's source names the Auth0 tenant (as a whole word: "dev" does not match "dev-eu"). */
function sourceNamesTenant(source, tenant) {
    if (!source || !tenant)
        return false;
    const escaped = tenant.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(^|[^a-z0-9-])${escaped}([^a-z0-9-]|$)`, 'i').test(source);
}
function isAuth0Topic(t) {
    return t.partnerRegistrationImmutableId?.toLowerCase() === facts/* AUTH0_PARTNER_IMMUTABLE_ID */.fh;
}
/**
 * Finds the stream's partner topic: by name when the stream's `sink.azurePartnerTopic` is a valid
 * resource name, else among the group's partner topics whose partner is Auth0 and whose source names
 * the tenant (preferring one whose source is the stream's azurePartnerTopic value, then one not yet
 * activated, then the newest).
 */
async function findTopic(run, stream) {
    const { azure } = run.adapters;
    const group = run.settings.azure.resourceGroup;
    const named = stream?.sink?.azurePartnerTopic;
    if (named && RESOURCE_NAME.test(named)) {
        const t = await azure.partnerTopic(group, named);
        if (t && isAuth0Topic(t))
            return t;
    }
    const tenant = run.settings.auth0.tenant;
    const all = (await azure.partnerTopics(group)).filter(isAuth0Topic);
    let candidates = tenant ? all.filter((t) => sourceNamesTenant(t.source, tenant)) : all;
    if (!candidates.length)
        return undefined;
    if (named) {
        const exact = candidates.filter((t) => t.source === named || t.name === named || (t.source && named.includes(t.source)));
        if (exact.length)
            candidates = exact;
    }
    if (stream?.id) {
        const byId = candidates.filter((t) => t.source?.includes(stream.id));
        if (byId.length)
            candidates = byId;
    }
    const created = (t) => (t.systemData?.createdAt ? new Date(t.systemData.createdAt).getTime() : 0);
    candidates.sort((a, b) => Number(a.activationState === 'Activated') - Number(b.activationState === 'Activated') || created(b) - created(a));
    if (!tenant && candidates.length > 1)
        return undefined;
    return candidates[0];
}
/** Reads everything verify judges, concurrently where independent. */
async function observe(run) {
    const { azure, auth0 } = run.adapters;
    const { resourceGroup } = run.settings.azure;
    const [providerState, streams] = await Promise.all([azure.providerState(EVENTGRID_NAMESPACE), auth0.list()]);
    const stream = findStream(streams, run.settings.stream.name) ?? null;
    const o = { providerState, stream };
    if (providerState !== 'Registered')
        return o;
    const [cfg, topic] = await Promise.all([azure.partnerConfiguration(resourceGroup), findTopic(run, stream ?? undefined)]);
    o.partnerConfiguration = cfg ?? null;
    o.topic = topic ?? null;
    if (topic?.name)
        o.eventSubscriptions = await azure.eventSubscriptions(resourceGroup, topic.name);
    return o;
}
/**
 * When an authorization's remaining time warrants a warning: within 7 days, but never more than half
 * of the configured authorization length, so that a fresh least-privilege grant (7 days by default)
 * is healthy and warns only once half of it is used.
 */
function expiryWarningMs(authorizationDays) {
    return Math.min(7 * DAY_MS, (authorizationDays * DAY_MS) / 2);
}
/** A remaining time in words: "13 days", "1 day", "5 hours" ("expired" once past). */
function days(ms) {
    if (ms <= 0)
        return 'expired';
    const d = ms / DAY_MS;
    return d >= 1.5 ? `${Math.round(d)} days` : d >= 1 ? '1 day' : `${Math.max(1, Math.round(ms / 3_600_000))} hours`;
}
/** The checks and facts for what was observed. */
function judge(run, o) {
    const s = run.settings;
    const now = run.now().getTime();
    const sub = s.azure.subscriptionId;
    const rg = s.azure.resourceGroup;
    const f = run.facts;
    // Provider
    f.providerState = o.providerState;
    run.check(o.providerState === 'Registered'
        ? { id: 'provider', title: 'Microsoft.EventGrid registered', status: 'pass', detail: `Registered on subscription ${sub}` }
        : {
            id: 'provider',
            title: 'Microsoft.EventGrid registered',
            status: 'fail',
            detail: `${o.providerState ?? 'unknown'} on subscription ${sub}`,
            fix: `Run setup, or \`az provider register --namespace Microsoft.EventGrid --subscription ${sub}\``,
        });
    // Authorization
    if (o.partnerConfiguration !== undefined) {
        const entry = auth0Entry(o.partnerConfiguration ?? undefined);
        const exp = entry?.expiresAt?.getTime();
        if (exp !== undefined) {
            f.authorizationExpiresAt = new Date(exp).toISOString();
            // Rounded: an authorization granted for 7 days a moment ago reads as 7 (thresholds use exact times).
            f.daysUntilExpiry = Math.round((exp - now) / DAY_MS);
        }
        const renew = 'Run renew-authorization (or setup) to extend it, with the shortest authorization-days that is enough';
        if (!entry) {
            run.check({ id: 'authorization', title: 'Auth0 authorized', status: 'fail', detail: `The partner configuration of ${rg} does not authorize Auth0`, fix: 'Run setup to authorize Auth0' });
        }
        else if (exp === undefined) {
            run.check({ id: 'authorization', title: 'Auth0 authorized', status: 'pass', detail: 'Authorized without an expiry time' });
        }
        else if (exp <= now) {
            run.check({ id: 'authorization', title: 'Auth0 authorized', status: 'fail', detail: `Expired at ${new Date(exp).toISOString()}: Auth0 can no longer create partner topics in ${rg}`, fix: renew });
        }
        else if (exp - now < expiryWarningMs(s.authorizationDays)) {
            run.check({ id: 'authorization', title: 'Auth0 authorized', status: 'warn', detail: `Expires in ${days(exp - now)} (${new Date(exp).toISOString()})`, fix: renew });
        }
        else {
            run.check({ id: 'authorization', title: 'Auth0 authorized', status: 'pass', detail: `Until ${new Date(exp).toISOString()} (${days(exp - now)} left)` });
        }
    }
    // Stream
    const st = o.stream;
    if (st === null) {
        run.check({ id: 'stream', title: 'Auth0 log stream', status: 'fail', detail: `No log stream named '${s.stream.name}'`, fix: 'Run setup to create it' });
    }
    else if (st) {
        f.logStreamId = st.id;
        f.streamStatus = st.status;
        const sinkOk = st.type === 'eventgrid' &&
            st.sink?.azureSubscriptionId?.toLowerCase() === sub &&
            st.sink?.azureResourceGroup?.toLowerCase() === rg.toLowerCase() &&
            st.sink?.azureRegion?.toLowerCase() === s.azure.region;
        run.check(sinkOk
            ? { id: 'stream-sink', title: 'Stream points at this target', status: 'pass', detail: `eventgrid → ${sub}/${rg} (${s.azure.region})` }
            : {
                id: 'stream-sink',
                title: 'Stream points at this target',
                status: 'fail',
                detail: st.type !== 'eventgrid' ? `'${st.name}' is a ${st.type} stream` : `It streams to ${st.sink?.azureSubscriptionId}/${st.sink?.azureResourceGroup} (${st.sink?.azureRegion})`,
                fix: st.type !== 'eventgrid' ? 'Choose another stream-name' : 'A sink cannot change: run setup with recreate-on-sink-change: true to delete and recreate the stream',
            });
        run.check(st.status === 'active'
            ? { id: 'stream-status', title: 'Stream active', status: 'pass', detail: 'active' }
            : {
                id: 'stream-status',
                title: 'Stream active',
                status: st.status === 'paused' ? 'warn' : 'fail',
                detail: st.status === 'paused' ? 'paused by a user: no events are sent' : `${st.status}: Auth0 stopped sending after repeated delivery failures`,
                fix: 'Fix the cause (topic activated? authorization valid?), then run setup with resume-stream: true (or /resume-stream)',
            });
    }
    // Partner topic
    const t = o.topic;
    if (t === null) {
        run.check({
            id: 'partner-topic',
            title: 'Partner topic',
            status: 'fail',
            detail: `No Auth0 partner topic${s.auth0.tenant ? ` from tenant '${s.auth0.tenant}'` : ''} in ${rg}`,
            fix: 'Auth0 creates it after the stream is created, while Auth0 is authorized and Microsoft.EventGrid registered: run setup',
        });
    }
    else if (t) {
        f.partnerTopicName = t.name;
        f.partnerTopicId = t.id;
        f.partnerTopicSource = t.source;
        f.activationState = t.activationState;
        const namesTenant = sourceNamesTenant(t.source, s.auth0.tenant);
        run.check(namesTenant
            ? { id: 'topic-source', title: 'Topic comes from your tenant', status: 'pass', detail: `partner Auth0, source ${t.source}` }
            : s.auth0.tenant
                ? { id: 'topic-source', title: 'Topic comes from your tenant', status: 'fail', detail: `source '${t.source}' does not name tenant '${s.auth0.tenant}'`, fix: 'Do not activate it; check which tenant streams into this group' }
                : { id: 'topic-source', title: 'Topic comes from your tenant', status: 'warn', detail: `source '${t.source}'; the tenant name is unknown`, fix: 'Set auth0-tenant (needed with a custom domain)' });
        if (t.activationState === 'Activated') {
            run.check({ id: 'activation', title: 'Topic activated', status: 'pass', detail: 'Activated' });
        }
        else if (t.activationState === 'Deactivated') {
            run.check({ id: 'activation', title: 'Topic activated', status: 'fail', detail: 'Deactivated: events are dropped', fix: 'Run activate-topic (or /activate-topic)' });
        }
        else {
            const expires = t.expirationTimeIfNotActivatedUtc ? new Date(t.expirationTimeIfNotActivatedUtc).getTime() : undefined;
            if (expires)
                f.topicExpiresIfNotActivatedAt = new Date(expires).toISOString();
            const soon = expires !== undefined && expires - now < DAY_MS;
            run.check({
                id: 'activation',
                title: 'Topic activated',
                status: soon ? 'fail' : 'warn',
                detail: `Never activated${expires ? `: Event Grid deletes it at ${new Date(expires).toISOString()} (in ${days(expires - now)})` : ''}`,
                fix: 'Run activate-topic (or /activate-topic) after checking its source',
            });
        }
    }
    // Event subscriptions
    if (o.eventSubscriptions) {
        const subs = o.eventSubscriptions;
        const mine = subs.find((e) => e.name?.toLowerCase() === s.eventSubscription.name.toLowerCase());
        if (mine)
            f.eventSubscriptionId = mine.id;
        if (!subs.length) {
            run.check({ id: 'event-subscriptions', title: 'Event subscriptions', status: 'warn', detail: 'None: events go nowhere', fix: 'Give webhook-url or destination-resource-id and run setup' });
        }
        for (const e of subs) {
            const dest = describeDestination(e);
            run.check(e.provisioningState === 'Succeeded'
                ? { id: `event-subscription:${e.name}`, title: `Event subscription ${e.name}`, status: 'pass', detail: `Succeeded → ${dest}` }
                : { id: `event-subscription:${e.name}`, title: `Event subscription ${e.name}`, status: 'fail', detail: `${e.provisioningState} → ${dest}`, fix: 'Check the destination (a webhook must answer the validation handshake) and run setup' });
        }
    }
}
function describeDestination(e) {
    const d = e.destination;
    if (!d)
        return 'no destination';
    if (d.endpointType === 'WebHook')
        return `WebHook ${d.endpointBaseUrl ?? '(url hidden)'}`;
    return `${d.endpointType} ${d.resourceId ?? ''}${d.queueName ? ` queue ${d.queueName}` : ''}`.trim();
}
/** A step finding the configured stream (failing when there is none), for the commands that act on it. */
async function lookupStream(run) {
    const s = run.settings;
    return run.step('stream-lookup', 'Find Auth0 log stream', async () => {
        const found = findStream(await run.adapters.auth0.list(), s.stream.name);
        if (!found)
            throw new errors/* ServiceError */._('auth0', 404, 'StreamNotFound', `No Auth0 log stream named '${s.stream.name}': run setup first (or set stream-name).`);
        return { status: 'unchanged', detail: `${found.id} (${found.status})`, value: found };
    });
}
/** A step finding the stream's partner topic (failing when there is none). */
async function lookupTopic(run, stream) {
    return run.step('partner-topic', 'Partner topic', async () => {
        const t = await findTopic(run, stream);
        if (!t)
            throw new errors/* ServiceError */._('azure', 404, 'PartnerTopicNotFound', `No Auth0 partner topic for stream ${stream.id} in ${run.settings.azure.resourceGroup}.`);
        return { status: 'unchanged', detail: `${t.name} (source ${t.source}, ${t.activationState})`, value: t };
    });
}
/** The facts of a stream and its topic, as the commands acting on the topic report them. */
function recordTopicFacts(run, stream, t) {
    Object.assign(run.facts, {
        partnerTopicName: t.name,
        partnerTopicId: t.id,
        partnerTopicSource: t.source,
        activationState: t.activationState,
        logStreamId: stream.id,
        streamStatus: stream.status,
    });
}

;// CONCATENATED MODULE: ./src/operations/setup.ts





/** Authorization tolerance: a re-run within this much of the last grant does not renew (no write). */
function renewalTolerance(days) {
    return Math.min(DAY_MS, days * DAY_MS * 0.1);
}
async function ensureProvider(run) {
    const { azure } = run.adapters;
    const state = await azure.providerState(EVENTGRID_NAMESPACE);
    if (state === 'Registered')
        return { status: 'unchanged', detail: 'Microsoft.EventGrid is registered', value: state };
    const change = `Register resource provider Microsoft.EventGrid on subscription ${run.settings.azure.subscriptionId}`;
    if (run.dryRun)
        return { status: 'planned', detail: `${state}: would register it`, changes: [change], value: state };
    if (state !== 'Registering')
        await azure.registerProvider(EVENTGRID_NAMESPACE);
    const final = await run.waitFor('Microsoft.EventGrid to be registered', async () => {
        const s = await azure.providerState(EVENTGRID_NAMESPACE);
        return s === 'Registered' ? s : undefined;
    }, () => new errors/* ServiceError */._('azure', undefined, 'ProviderRegistrationTimeout', `Microsoft.EventGrid was still registering after wait-timeout.`));
    return { status: 'changed', detail: 'Registered Microsoft.EventGrid', changes: [change], value: final };
}
async function ensureAuthorization(run, providerRegistered) {
    const { azure } = run.adapters;
    const { resourceGroup: rg } = run.settings.azure;
    const days = run.settings.authorizationDays;
    let cfg;
    if (providerRegistered) {
        cfg = await azure.partnerConfiguration(rg);
    }
    else if (!run.dryRun) {
        throw new errors/* ServiceError */._('azure', 409, 'MissingSubscriptionRegistration', "The subscription is not registered to use namespace 'Microsoft.EventGrid'.");
    }
    const now = run.now().getTime();
    const want = wantedExpiry(run, days);
    const entry = auth0Entry(cfg);
    const current = entry ? (entry.expiresAt?.getTime() ?? Infinity) : undefined;
    if (current !== undefined && current >= want - renewalTolerance(days)) {
        const until = Number.isFinite(current) ? new Date(current).toISOString() : 'no expiry';
        return { status: 'unchanged', detail: `Auth0 authorized until ${until}`, value: cfg ?? null };
    }
    const verb = current === undefined ? 'Authorize' : current <= now ? 'Re-authorize (expired)' : 'Extend';
    const changes = grantChanges(rg, cfg, days, want, verb);
    if (run.dryRun)
        return { status: 'planned', detail: changes.join('; '), changes, value: cfg ?? null };
    cfg = await grant(run, cfg, days, want);
    // The detail in the past tense, spelled out: appending "d" to the verb read "Re-authorize (expired)d".
    const done = current === undefined ? 'Authorized Auth0' : current <= now ? 'Re-authorized Auth0 (it had expired)' : 'Extended Auth0';
    return { status: 'changed', detail: `${done} until ${new Date(want).toISOString()}`, changes, value: cfg };
}
function wantedFilters(s) {
    return s.stream.categories.map((name) => ({ type: 'category', name }));
}
function sameFilters(stream, s) {
    const have = [...new Set((stream.filters ?? []).filter((f) => (f.type ?? 'category') === 'category').map((f) => f.name))].sort();
    return JSON.stringify(have) === JSON.stringify(s.stream.categories);
}
function sinkMatches(stream, s) {
    return (stream.sink?.azureSubscriptionId?.toLowerCase() === s.azure.subscriptionId &&
        stream.sink?.azureResourceGroup?.toLowerCase() === s.azure.resourceGroup.toLowerCase() &&
        stream.sink?.azureRegion?.toLowerCase() === s.azure.region);
}
async function ensureStream(run, existing) {
    const { auth0 } = run.adapters;
    const s = run.settings;
    const name = s.stream.name;
    const createBody = {
        name,
        sink: { azureSubscriptionId: s.azure.subscriptionId, azureResourceGroup: s.azure.resourceGroup, azureRegion: s.azure.region },
        ...(s.stream.categories.length ? { filters: wantedFilters(s) } : {}),
        ...(s.stream.priority ? { isPriority: true } : {}),
        ...(s.stream.startFrom ? { startFrom: s.stream.startFrom } : {}),
    };
    const target = `${s.azure.subscriptionId}/${s.azure.resourceGroup} (${s.azure.region})`;
    if (existing && existing.type !== 'eventgrid') {
        throw new errors/* ServiceError */._('auth0', 409, 'StreamNameTaken', `A ${existing.type} log stream named '${name}' already exists; choose another stream-name.`);
    }
    if (!existing) {
        const change = `Create Auth0 log stream '${name}' (eventgrid → ${target}, ${s.stream.categories.length ? s.stream.categories.join(', ') : 'all categories'})`;
        if (run.dryRun)
            return { status: 'planned', detail: change, changes: [change], value: undefined };
        const created = await auth0.create(createBody);
        return { status: 'changed', detail: `Created stream ${created.id}`, changes: [change], value: created };
    }
    if (!sinkMatches(existing, s)) {
        const where = `${existing.sink?.azureSubscriptionId}/${existing.sink?.azureResourceGroup} (${existing.sink?.azureRegion})`;
        if (!s.stream.recreateOnSinkChange) {
            throw new errors/* ServiceError */._('auth0', 409, 'StreamSinkMismatch', `Stream '${name}' (${existing.id}) streams to ${where}, not ${target}; an Auth0 sink cannot be changed in place. Set recreate-on-sink-change: true to delete and recreate it, or choose another stream-name.`);
        }
        const changes = [`Delete stream ${existing.id} (sink ${where})`, `Create Auth0 log stream '${name}' (eventgrid → ${target})`];
        if (run.dryRun)
            return { status: 'planned', detail: changes.join('; '), changes, value: undefined };
        await auth0.delete(existing.id);
        const created = await auth0.create(createBody);
        return { status: 'changed', detail: `Recreated stream as ${created.id} (the old sink was ${where})`, changes, value: created };
    }
    const patch = {};
    const changes = [];
    if (!sameFilters(existing, s)) {
        patch.filters = wantedFilters(s);
        changes.push(`Set stream filters to ${s.stream.categories.length ? s.stream.categories.join(', ') : 'all categories'}`);
    }
    if (!!existing.isPriority !== s.stream.priority) {
        patch.isPriority = s.stream.priority;
        changes.push(`Set stream priority to ${s.stream.priority}`);
    }
    let note = '';
    if (existing.status !== 'active') {
        if (s.stream.resume) {
            patch.status = 'active';
            changes.push(`Resume the ${existing.status} stream`);
        }
        else {
            note = ` (${existing.status}; set resume-stream: true to resume it)`;
            run.progress.warn(`Auth0 log stream '${name}' is ${existing.status}: no events are sent. Set resume-stream: true to resume it.`);
        }
    }
    if (!changes.length)
        return { status: 'unchanged', detail: `Stream ${existing.id} is as configured${note}`, value: existing };
    if (run.dryRun)
        return { status: 'planned', detail: changes.join('; '), changes, value: existing };
    const updated = await auth0.update(existing.id, patch);
    return { status: 'changed', detail: changes.join('; ') + note, changes, value: { ...existing, ...updated } };
}
async function waitForTopic(run, stream) {
    const { auth0 } = run.adapters;
    let current = stream;
    let first = true;
    const topic = await run.waitFor(`Auth0 to create the partner topic in ${run.settings.azure.resourceGroup}`, async () => {
        if (!first)
            current = (await auth0.get(current.id)) ?? current;
        first = false;
        return findTopic(run, current);
    }, () => new errors/* ServiceError */._('azure', 404, 'PartnerTopicNotFound', `No Auth0 partner topic appeared in ${run.settings.azure.resourceGroup} within wait-timeout (${Math.round(run.settings.waitTimeoutMs / 1000)}s).`), { initialMs: 100, maxMs: 5000 });
    return { status: 'unchanged', detail: `${topic.name} (source ${topic.source}, ${topic.activationState})`, value: topic };
}
/** The activation decision, shared with the activate-topic command. */
function activationRefusal(run, topic) {
    if (!isAuth0Topic(topic))
        return `its partner registration is ${topic.partnerRegistrationImmutableId}, not Auth0's`;
    if (!run.settings.auth0.tenant)
        return 'the Auth0 tenant name is unknown (custom domain): set auth0-tenant so that its source can be checked';
    if (!sourceNamesTenant(topic.source, run.settings.auth0.tenant))
        return `its source '${topic.source}' does not name tenant '${run.settings.auth0.tenant}'`;
    return undefined;
}
async function activate(run, topic, mode) {
    const rg = run.settings.azure.resourceGroup;
    if (topic.activationState === 'Activated')
        return { status: 'unchanged', detail: `${topic.name} is activated`, value: topic };
    const refusal = activationRefusal(run, topic);
    if (refusal)
        throw new errors/* ServiceError */._('azure', undefined, 'ActivationRefused', `Not activating partner topic ${topic.name}: ${refusal}.`);
    const change = `Activate partner topic ${topic.name} (source ${topic.source})`;
    if (run.dryRun)
        return { status: 'planned', detail: change, changes: [change], value: topic };
    const activated = await run.adapters.azure.activateTopic(rg, topic.name);
    void mode;
    return { status: 'changed', detail: `Activated ${topic.name}`, changes: [change], value: activated };
}
function desiredEventSubscription(s) {
    const es = s.eventSubscription;
    const d = es.destination;
    if (!d)
        return undefined;
    const destination = d.endpointType === 'WebHook'
        ? { endpointType: 'WebHook', endpointUrl: d.webhookUrl }
        : d.endpointType === 'StorageQueue'
            ? { endpointType: 'StorageQueue', resourceId: d.resourceId, queueName: d.queueName }
            : { endpointType: d.endpointType, resourceId: d.resourceId };
    return {
        destination,
        filter: es.includedEventTypes.length ? { includedEventTypes: es.includedEventTypes } : {},
        eventDeliverySchema: es.deliverySchema,
        retryPolicy: { maxDeliveryAttempts: es.maxDeliveryAttempts, eventTimeToLiveInMinutes: es.eventTtlMinutes },
        ...(es.deadLetter ? { deadLetterDestination: { endpointType: 'StorageBlob', resourceId: es.deadLetter.resourceId, blobContainerName: es.deadLetter.container } } : {}),
    };
}
/** What differs between the existing subscription and the wanted one (empty: converged). */
function subscriptionDiff(have, want, fullUrl) {
    const diffs = [];
    const hd = have.destination ?? {};
    const wd = want.destination;
    const eq = (a, b) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
    if (hd.endpointType !== wd.endpointType)
        diffs.push(`destination type ${hd.endpointType} → ${wd.endpointType}`);
    else if (wd.endpointType === 'WebHook') {
        const base = wd.endpointUrl.split('?')[0];
        if (hd.endpointBaseUrl !== base || (fullUrl !== undefined && fullUrl !== wd.endpointUrl))
            diffs.push('webhook URL');
    }
    else {
        if (!eq(hd.resourceId, wd.resourceId))
            diffs.push('destination resource');
        if (wd.queueName && hd.queueName !== wd.queueName)
            diffs.push('queue name');
    }
    const types = (e) => JSON.stringify([...(e.filter?.includedEventTypes ?? [])].sort());
    if (types(have) !== types(want))
        diffs.push('included event types');
    if ((have.eventDeliverySchema ?? 'EventGridSchema') !== want.eventDeliverySchema)
        diffs.push('delivery schema');
    if (have.retryPolicy?.maxDeliveryAttempts !== want.retryPolicy?.maxDeliveryAttempts || have.retryPolicy?.eventTimeToLiveInMinutes !== want.retryPolicy?.eventTimeToLiveInMinutes)
        diffs.push('retry policy');
    const hdl = have.deadLetterDestination;
    const wdl = want.deadLetterDestination;
    if (!!hdl !== !!wdl || (wdl && (!eq(hdl.resourceId, wdl.resourceId) || hdl.blobContainerName !== wdl.blobContainerName)))
        diffs.push('dead-letter destination');
    if (have.provisioningState && have.provisioningState !== 'Succeeded')
        diffs.push(`provisioning state ${have.provisioningState}`);
    return diffs;
}
async function ensureEventSubscription(run, topic, existing) {
    const { azure } = run.adapters;
    const s = run.settings;
    const rg = s.azure.resourceGroup;
    const name = s.eventSubscription.name;
    const want = desiredEventSubscription(s);
    const have = existing.find((e) => e.name?.toLowerCase() === name.toLowerCase());
    let diffs;
    if (have) {
        const wd = want.destination;
        const hd = have.destination ?? {};
        let fullUrl;
        if (wd.endpointType === 'WebHook' && hd.endpointType === 'WebHook' && wd.endpointUrl.includes('?') && hd.endpointBaseUrl === wd.endpointUrl.split('?')[0]) {
            fullUrl = await azure.eventSubscriptionFullUrl(rg, topic.name, name);
        }
        diffs = subscriptionDiff(have, want, fullUrl);
        if (!diffs.length)
            return { status: 'unchanged', detail: `${name} → ${describeDestination(have)}`, value: have };
    }
    const change = have ? `Update event subscription ${name} (${diffs.join(', ')})` : `Create event subscription ${name} → ${describeDestination({ destination: { ...want.destination, endpointBaseUrl: want.destination.endpointUrl?.split('?')[0] } })}`;
    if (run.dryRun)
        return { status: 'planned', detail: change, changes: [change], value: have };
    const result = await azure.putEventSubscription(rg, topic.name, name, want, run.signal());
    return { status: 'changed', detail: change, changes: [change], value: result };
}
async function setup(run) {
    const s = run.settings;
    const { auth0, azure } = run.adapters;
    const observed = {};
    // (1) provider, and the stream lookup, concurrently.
    const [providerState, streams] = await Promise.all([
        run.step('provider', 'Resource provider', () => ensureProvider(run)),
        run.step('stream-lookup', 'Find Auth0 log stream', async () => {
            const list = await auth0.list();
            const found = findStream(list, s.stream.name);
            return { status: 'unchanged', detail: found ? `${found.id} (${found.status})` : `none named '${s.stream.name}'`, value: list };
        }),
    ]);
    if (run.failed)
        return;
    observed.providerState = providerState;
    const registered = providerState === 'Registered';
    // (2) authorization
    const cfg = await run.step('authorization', 'Auth0 authorization', () => ensureAuthorization(run, registered));
    if (run.failed)
        return;
    observed.partnerConfiguration = cfg;
    // (3) stream
    const stream = await run.step('stream', 'Auth0 log stream', () => ensureStream(run, findStream(streams, s.stream.name)));
    if (run.failed)
        return;
    observed.stream = stream ?? null;
    // (4) partner topic
    if (!stream || run.dryRun && !registered) {
        run.skip('partner-topic', 'Partner topic', 'Auth0 creates it after the stream exists');
        run.skip('activation', 'Activation', `activation: ${s.activation}`);
        run.skip('event-subscription', 'Event subscription', s.eventSubscription.destination ? 'after the partner topic exists' : 'no destination given');
        judge(run, observed);
        return;
    }
    const topic = await run.step('partner-topic', 'Partner topic', async () => {
        if (run.dryRun) {
            const t = await findTopic(run, stream);
            if (!t)
                return { status: 'planned', detail: 'would wait for Auth0 to create it', value: undefined };
            return { status: 'unchanged', detail: `${t.name} (source ${t.source}, ${t.activationState})`, value: t };
        }
        return waitForTopic(run, stream);
    });
    if (run.failed)
        return;
    observed.topic = topic ?? null;
    if (!topic) {
        run.skip('activation', 'Activation', `activation: ${s.activation}, once the topic exists`);
        run.skip('event-subscription', 'Event subscription', s.eventSubscription.destination ? 'once the topic exists' : 'no destination given');
        return;
    }
    // (5) activation and (6) event subscriptions (read once: setup's own and the others verify judges), concurrently.
    const [activated, subs] = await Promise.all([
        s.activation === 'auto'
            ? run.step('activation', 'Activation', () => activate(run, topic, 'auto'))
            : Promise.resolve((() => {
                const how = `activate it with command: activate-topic, the /activate-topic comment, or \`az eventgrid partner topic activate --name ${topic.name} --resource-group ${s.azure.resourceGroup}\``;
                run.skip('activation', 'Activation', topic.activationState === 'Activated' ? 'already activated' : `activation: ${s.activation}: ${how}`);
                return topic;
            })()),
        run.step('event-subscription', 'Event subscription', async () => {
            const list = await azure.eventSubscriptions(s.azure.resourceGroup, topic.name);
            if (!s.eventSubscription.destination) {
                return { status: 'skipped', detail: `no destination given${list.length ? '' : ': events go nowhere'}`, value: list };
            }
            const out = await ensureEventSubscription(run, topic, list);
            const name = s.eventSubscription.name.toLowerCase();
            const merged = out.value ? [...list.filter((e) => e.name?.toLowerCase() !== name), out.value] : list;
            return { ...out, value: merged };
        }),
    ]);
    if (activated)
        observed.topic = activated;
    if (run.failed)
        return;
    // (7) verify, on the state setup holds (no further reads).
    observed.eventSubscriptions = subs ?? [];
    judge(run, observed);
}

;// CONCATENATED MODULE: ./src/operations/metrics.ts

const METRICS_CHECK_ID = 'delivery-metrics';
/** 24h, 7d, 90m, 45s: a window in the largest unit that divides it (days from 2 days on). */
function formatWindow(ms) {
    const day = 86_400_000;
    if (ms > day && ms % day === 0)
        return `${ms / day}d`;
    for (const [size, unit] of [[3_600_000, 'h'], [60_000, 'm']])
        if (ms >= size && ms % size === 0)
            return `${ms / size}${unit}`;
    return `${Math.round(ms / 1000)}s`;
}
const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** The fix for metrics Azure Monitor refused to show (403): the role that has Microsoft.Insights/metrics/read. */
function metricsRoleFix(run) {
    const { subscriptionId, resourceGroup } = run.settings.azure;
    const scope = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;
    const who = run.settings.azureSignIn.clientId ?? '<client-id>';
    return (`Grant the signed-in principal "Monitoring Reader" on ${scope} (\`az role assignment create --assignee ${who} --role "Monitoring Reader" --scope ${scope}\`): ` +
        'reading metrics needs Microsoft.Insights/metrics/read, which EventGrid Contributor does not include (Reader has it too).');
}
/** The event subscription named `name` in the metrics (Azure Monitor may change its case). */
function subscriptionNamed(o, name) {
    return o.eventSubscriptions?.find((e) => e.name?.toLowerCase() === name.toLowerCase());
}
function deadLetterContainer(es) {
    const dl = es?.deadLetterDestination;
    if (!dl)
        return undefined;
    const account = String(dl.resourceId ?? '').split('/').pop();
    return dl.blobContainerName ? `${account ? `${account}/` : ''}${dl.blobContainerName}` : undefined;
}
function factsOf(m, window) {
    const stamp = (d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
    return { window, from: stamp(m.from), to: stamp(m.to), published: m.published, unmatched: m.unmatched, totals: { ...m.totals }, subscriptions: structuredClone(m.subscriptions) };
}
/** "3 failed attempts, 1 dead-lettered" for one subscription's failures (empty when none). */
function failureWords(c) {
    const parts = [];
    if (c.failedAttempts)
        parts.push(plural(c.failedAttempts, 'failed attempt'));
    if (c.dropped)
        parts.push(`${c.dropped} dropped`);
    if (c.deadLettered)
        parts.push(`${c.deadLettered} dead-lettered`);
    return parts.join(', ');
}
/** Reads the topic's metrics over metrics-window and judges them (a fact and one check). */
async function deliveryMetrics(run, o) {
    const topicId = o.topic?.id;
    if (!topicId)
        return undefined;
    const window = formatWindow(run.settings.verify.metricsWindowMs);
    const title = `Event delivery (last ${window})`;
    const read = await run.step('metrics', 'Read delivery metrics', async () => {
        const to = run.now();
        const from = new Date(to.getTime() - run.settings.verify.metricsWindowMs);
        try {
            const metrics = await (await run.adapters.azure.metrics()).partnerTopic(topicId, from, to);
            return { status: 'unchanged', detail: `Azure Monitor: ${metrics.published} published, ${metrics.totals.delivered} delivered in the last ${window}`, value: { ok: true, metrics } };
        }
        catch (err) {
            const error = (0,errors/* fromAzureError */.s)(err);
            return {
                status: 'skipped',
                detail: `Azure Monitor answered ${error.code}${error.status ? ` (HTTP ${error.status})` : ''}: metrics not read`,
                value: { ok: false, error, forbidden: error.status === 403 },
            };
        }
    });
    if (!read)
        return undefined;
    if (!read.ok) {
        const e = read.error;
        run.check(read.forbidden
            ? {
                id: METRICS_CHECK_ID,
                title,
                status: 'warn',
                detail: `Not readable: Azure Monitor refused the metrics (${e.code}): the signed-in principal lacks Microsoft.Insights/metrics/read on the partner topic`,
                fix: metricsRoleFix(run),
            }
            : { id: METRICS_CHECK_ID, title, status: 'warn', detail: `Not readable: ${e.code}: ${e.message}`, fix: 'Run verify again; if it persists, check https://status.azure.com (the other checks stand).' });
        return read;
    }
    const m = read.metrics;
    run.facts.deliveryMetrics = factsOf(m, window);
    const t = m.totals;
    const counts = `${m.published} published, ${t.matched} matched, ${t.delivered} delivered, ${plural(t.failedAttempts, 'failed attempt')}, ` + `${t.dropped} dropped, ${t.deadLettered} dead-lettered`;
    const notes = [];
    if (m.unmatched)
        notes.push(`${m.unmatched} matched no event subscription`);
    const pending = t.matched - t.delivered - t.dropped - t.deadLettered;
    if (pending > 0 && (t.failedAttempts || t.dropped || t.deadLettered))
        notes.push(`${pending} not yet delivered (in flight or being retried)`);
    const failing = Object.entries(m.subscriptions).filter(([, c]) => c.failedAttempts || c.dropped || c.deadLettered);
    const note = notes.length ? `; ${notes.join('; ')}` : '';
    if (failing.length || t.failedAttempts || t.dropped || t.deadLettered) {
        const per = failing.map(([name, c]) => `${name}: ${failureWords(c)}`).join('; ');
        const names = failing.map(([name]) => subscriptionNamed(o, name)?.name ?? name);
        const fixes = [];
        if (t.failedAttempts) {
            fixes.push(`Event Grid could not deliver to ${names.join(', ') || 'a subscription'}: check that the destination is reachable and answers 200-204 within 30 s (a webhook also answers the validation handshake); Event Grid retries until max-delivery-attempts or event-ttl-minutes`);
        }
        if (t.deadLettered) {
            const containers = [...new Set(failing.map(([name]) => deadLetterContainer(subscriptionNamed(o, name))).filter(Boolean))];
            fixes.push(`read the dead-lettered events${containers.length ? ` in ${containers.join(', ')}` : ' in the dead-letter container'} and send them again once the destination works`);
        }
        if (t.dropped)
            fixes.push('dropped events are lost: set dead-letter-blob-container to keep undeliverable events');
        run.check({ id: METRICS_CHECK_ID, title, status: 'warn', detail: `${counts}${per ? ` (${per})` : ''}${note}`, fix: fixes.join('; ') + '.' });
    }
    else if (!m.published) {
        run.check({
            id: METRICS_CHECK_ID,
            title,
            status: 'pass',
            detail: `No events published in the last ${window}: nothing the stream's categories select happened in the tenant, or Auth0 could not publish (see the stream and topic checks)`,
        });
    }
    else {
        run.check({ id: METRICS_CHECK_ID, title, status: 'pass', detail: `${counts}: no delivery failures${note}` });
    }
    return read;
}

;// CONCATENATED MODULE: ./src/operations/probe.ts
/**
 * verify's end-to-end probe (probe: true): provoke one harmless Auth0 event and watch Azure Monitor until
 * it shows the event published to the partner topic and delivered to a subscription.
 *
 * The event: a Management API read of a log stream that does not exist. The read fails (404), and Auth0
 * logs every failed Management API call as `fapi` (category management.fail); successful reads are not
 * logged. Nothing is written in Azure or Auth0 (besides Auth0's own log record). Just before it, the
 * topic's metrics are read as a baseline; then they are read until PublishSuccessCount and
 * DeliverySuccessCount have grown beyond it, bounded by wait-timeout (30 s at most when verify already
 * found why it cannot arrive: topic not activated, stream not active, …). The latencies are upper bounds
 * (the time until the read that first showed the counts). Metrics count events, not this one: another
 * event published at the same moment counts as well.
 */


/** A log stream id that does not exist (the shape of Auth0's ids: lst_ and 16 digits). */
const PROBE_LOG_STREAM_ID = 'lst_0000000000000000';
/** The log category of the probe's event (fapi, Failed API Operation). */
const PROBE_CATEGORY = 'management.fail';
/** The longest wait when verify already found why the event cannot arrive. */
const BLOCKED_WAIT_MS = 30_000;
const CHECK_ID = 'probe';
const TITLE = 'End-to-end probe';
/** The checks whose failure means the probe's event cannot be published or delivered, and the warnings that mean it too. */
const BLOCKING_FAILURES = ['provider', 'authorization', 'stream-sink', 'stream-status', 'partner-topic', 'activation'];
const BLOCKING_WARNINGS = ['stream-status', 'activation', 'event-subscriptions'];
function blocks(c) {
    if (c.status === 'fail')
        return BLOCKING_FAILURES.includes(c.id) || c.id.startsWith('event-subscription:');
    return c.status === 'warn' && BLOCKING_WARNINGS.includes(c.id);
}
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
function countsOf(m) {
    const t = m.totals;
    return { published: m.published, delivered: t.delivered, failedAttempts: t.failedAttempts, dropped: t.dropped, deadLettered: t.deadLettered };
}
function notRun(run, status, detail, fix) {
    run.facts.probe = { outcome: 'not-run' };
    run.check({ id: CHECK_ID, title: TITLE, status, detail: `Not run: ${detail}`, fix });
}
/** Whether the stream streams the probe's category (no filters: every category). */
function streamsProbeCategory(o) {
    const cats = (o.stream?.filters ?? []).filter((f) => (f.type ?? 'category') === 'category').map((f) => f.name);
    return !cats.length || cats.includes(PROBE_CATEGORY);
}
async function probe(run, o, metrics) {
    const s = run.settings;
    if (!o.stream)
        return notRun(run, 'fail', `no Auth0 log stream named '${s.stream.name}'`, 'Run setup');
    const topicId = o.topic?.id;
    if (!topicId)
        return notRun(run, 'fail', 'no partner topic to watch', 'Run setup (see the partner topic check)');
    if (!streamsProbeCategory(o)) {
        return notRun(run, 'warn', `the stream's filters leave out ${PROBE_CATEGORY}, the category of the probe's event (fapi), so it would never be published`, `Add ${PROBE_CATEGORY} to event-categories (or use "all") and run setup, or run verify without probe`);
    }
    if (!metrics?.ok) {
        const why = metrics?.forbidden ? 'the delivery metrics, which show the event arriving, cannot be read' : `the delivery metrics cannot be read (${metrics?.error.code ?? 'unknown'})`;
        return notRun(run, 'warn', why, metrics?.forbidden ? metricsRoleFix(run) : 'Run verify again later.');
    }
    const blockers = run.checks.filter(blocks);
    const facts = { outcome: 'not-run' }; // until the step ends
    run.facts.probe = facts;
    const { azure, auth0 } = run.adapters;
    const done = await run.step('probe', 'End-to-end probe', async () => {
        const reader = await azure.metrics();
        // The same window start for the baseline and every later read, on a minute boundary (Azure Monitor's grain).
        const from = new Date(Math.floor((run.now().getTime() - 60_000) / 60_000) * 60_000);
        const read = async () => countsOf(await reader.partnerTopic(topicId, from, run.now()));
        const before = await read();
        facts.before = before;
        const provoked = Date.now();
        facts.provokedAt = new Date(provoked).toISOString();
        try {
            await auth0.get(PROBE_LOG_STREAM_ID);
        }
        catch (err) {
            // Any answer is a failed Management API call (logged as fapi); no answer means no event.
            if (!(err instanceof errors/* ServiceError */._) || err.status === undefined)
                throw err;
        }
        run.progress.info(`Probe: read log stream ${PROBE_LOG_STREAM_ID} (it does not exist; Auth0 logs the failure as fapi); watching the metrics of ${o.topic?.name}`);
        const deadline = Math.max(provoked + 1000, blockers.length ? Math.min(run.deadline, provoked + BLOCKED_WAIT_MS) : run.deadline);
        facts.waitedMs = deadline - provoked;
        let after;
        let reads = 0;
        let lastReport = provoked;
        for (;;) {
            const elapsed = Date.now() - provoked;
            // Soon after the request, then less often (a fifth of the time waited, at most 15 s): few reads however long Azure Monitor takes.
            const delay = Math.min(Math.max(elapsed / 5, 300), 15_000, Math.max(0, deadline - Date.now()));
            await new Promise((r) => setTimeout(r, delay));
            after = await read();
            reads++;
            const now = Date.now();
            if (facts.publishedAfterMs === undefined && after.published > before.published)
                facts.publishedAfterMs = now - provoked;
            if (facts.deliveredAfterMs === undefined && after.delivered > before.delivered)
                facts.deliveredAfterMs = now - provoked;
            if (facts.publishedAfterMs !== undefined && facts.deliveredAfterMs !== undefined)
                break;
            if (now >= deadline)
                break;
            if (now - lastReport >= 5000) {
                lastReport = now;
                run.progress.info(`Waiting for the probe event to be ${facts.publishedAfterMs === undefined ? 'published' : 'delivered'}: ${seconds(now - provoked)} elapsed, at most ${seconds(deadline - now)} more`);
            }
        }
        facts.after = after;
        facts.reads = reads;
        facts.outcome = facts.deliveredAfterMs !== undefined && facts.publishedAfterMs !== undefined ? 'delivered' : facts.publishedAfterMs !== undefined ? 'published' : 'not-published';
        const detail = facts.outcome === 'delivered'
            ? `delivered after ${seconds(facts.deliveredAfterMs)}`
            : facts.outcome === 'published'
                ? `published after ${seconds(facts.publishedAfterMs)}, not delivered within ${seconds(deadline - provoked)}`
                : `not published within ${seconds(deadline - provoked)}`;
        return { status: 'unchanged', detail: `${detail} (${reads === 1 ? '1 metrics read' : `${reads} metrics reads`})`, value: true };
    });
    if (!done)
        return; // the step failed (Auth0 or Azure Monitor unreachable): the failure says why
    const b = facts.before;
    const a = facts.after;
    const waited = seconds(facts.waitedMs ?? 0);
    const known = blockers.map((c) => `${c.title}: ${c.detail}`).join('; ');
    const knownFix = [...new Set(blockers.map((c) => c.fix).filter(Boolean))].join('; ');
    if (facts.outcome === 'delivered') {
        run.check({
            id: CHECK_ID,
            title: TITLE,
            status: 'pass',
            detail: `An Auth0 event (fapi) was published after ${seconds(facts.publishedAfterMs)} and delivered after ${seconds(facts.deliveredAfterMs)} (PublishSuccessCount ${b.published} → ${a.published}, DeliverySuccessCount ${b.delivered} → ${a.delivered})`,
        });
    }
    else if (facts.outcome === 'published') {
        const failures = [
            a.failedAttempts > b.failedAttempts && `${a.failedAttempts - b.failedAttempts} failed delivery attempts`,
            a.dropped > b.dropped && `${a.dropped - b.dropped} dropped`,
            a.deadLettered > b.deadLettered && `${a.deadLettered - b.deadLettered} dead-lettered`,
        ].filter(Boolean);
        run.check({
            id: CHECK_ID,
            title: TITLE,
            status: 'fail',
            detail: `The probe's Auth0 event was published (after ${seconds(facts.publishedAfterMs)}) but not delivered within ${waited}: DeliverySuccessCount stayed at ${a.delivered}` +
                (failures.length ? `; meanwhile ${failures.join(', ')}` : '; no subscription took it (none matches fapi events, or deliveries are still being retried)') +
                (known ? `. Found: ${known}` : ''),
            fix: knownFix || "Check the event subscriptions' filters (included-event-types must let Auth0's fapi events through) and destinations; raise wait-timeout if Azure Monitor is slow",
        });
    }
    else {
        run.check({
            id: CHECK_ID,
            title: TITLE,
            status: 'fail',
            detail: `The probe's Auth0 event was not published to the partner topic within ${waited}: PublishSuccessCount stayed at ${a.published}, so Auth0 could not publish it` +
                (known ? ` (${known})` : ' (see the stream\'s Health view in the Auth0 Dashboard, Monitoring > Streams)'),
            fix: knownFix || 'Check the stream in the Auth0 Dashboard (Monitoring > Streams > Health), then run verify again; raise wait-timeout if Azure Monitor is slow to show events',
        });
    }
}

;// CONCATENATED MODULE: ./src/operations/commands.ts
/** verify, activate-topic and teardown. */





/**
 * verify: read-only; every check is pass, warn or fail with a one-line fix. Besides the state, the
 * partner topic's delivery metrics over metrics-window; with probe: true, an end-to-end probe.
 */
async function verify(run) {
    const observed = await run.step('read', 'Read current state', async () => {
        const o = await observe(run);
        return { status: 'unchanged', detail: 'read provider, authorization, stream, partner topic and event subscriptions', value: o };
    });
    if (!observed)
        return;
    judge(run, observed);
    const metrics = await deliveryMetrics(run, observed);
    if (run.settings.verify.probe && !run.failed)
        await probe(run, observed, metrics);
}
/** activate-topic: find the stream's partner topic, check its source, activate it. */
async function activateTopic(run) {
    const stream = await lookupStream(run);
    if (!stream)
        return;
    const topic = await lookupTopic(run, stream);
    if (!topic)
        return;
    const activated = await run.step('activation', 'Activation', () => activate(run, topic, 'command'));
    const t = activated ?? topic;
    recordTopicFacts(run, stream, t);
    if (activated)
        run.check({ id: 'activation', title: 'Topic activated', status: t.activationState === 'Activated' || run.dryRun ? 'pass' : 'fail', detail: `${t.activationState}` });
}
/**
 * teardown: remove what setup made, in reverse: the event subscription, the partner topic, the
 * Auth0 stream, Auth0's authorization. Other partners' authorizations, the partner configuration and
 * the provider registration stay (other integrations may rely on them).
 */
async function teardown(run) {
    const s = run.settings;
    const rg = s.azure.resourceGroup;
    const { azure, auth0 } = run.adapters;
    const provider = await run.step('provider', 'Resource provider', async () => {
        const state = await azure.providerState('Microsoft.EventGrid');
        return { status: 'unchanged', detail: `${state} (left as it is)`, value: state };
    });
    const stream = await run.step('stream-lookup', 'Find Auth0 log stream', async () => {
        const found = findStream(await auth0.list(), s.stream.name);
        return { status: 'unchanged', detail: found ? `${found.id}` : 'none', value: found ?? null };
    });
    if (run.failed)
        return;
    const registered = provider === 'Registered';
    const topic = registered ? await run.step('topic-lookup', 'Find partner topic', async () => {
        const t = await findTopic(run, stream ?? undefined);
        return { status: 'unchanged', detail: t ? `${t.name}` : 'none', value: t ?? null };
    }) : null;
    if (run.failed)
        return;
    if (topic?.name) {
        const topicName = topic.name;
        await run.step('event-subscription', 'Event subscription', async () => {
            const es = await azure.eventSubscription(rg, topicName, s.eventSubscription.name);
            if (!es)
                return { status: 'unchanged', detail: `no event subscription named ${s.eventSubscription.name}`, value: undefined };
            const change = `Delete event subscription ${es.name}`;
            if (run.dryRun)
                return { status: 'planned', detail: change, changes: [change], value: undefined };
            await azure.deleteEventSubscription(rg, topicName, es.name, run.signal());
            return { status: 'changed', detail: change, changes: [change], value: undefined };
        });
        if (run.failed)
            return;
        await run.step('partner-topic', 'Partner topic', async () => {
            const change = `Delete partner topic ${topicName}`;
            if (run.dryRun)
                return { status: 'planned', detail: change, changes: [change], value: undefined };
            await azure.deleteTopic(rg, topicName, run.signal());
            return { status: 'changed', detail: change, changes: [change], value: undefined };
        });
        if (run.failed)
            return;
    }
    else {
        run.skip('partner-topic', 'Partner topic', registered ? 'none found' : 'provider not registered: nothing in Event Grid');
    }
    await run.step('stream', 'Auth0 log stream', async () => {
        if (!stream)
            return { status: 'unchanged', detail: `no stream named '${s.stream.name}'`, value: undefined };
        if (stream.type !== 'eventgrid' || stream.sink?.azureSubscriptionId?.toLowerCase() !== s.azure.subscriptionId || stream.sink?.azureResourceGroup?.toLowerCase() !== rg.toLowerCase()) {
            run.progress.warn(`Leaving stream '${stream.name}' (${stream.id}): it does not stream to ${s.azure.subscriptionId}/${rg}.`);
            return { status: 'skipped', detail: `'${stream.name}' streams elsewhere: left alone`, value: undefined };
        }
        const change = `Delete Auth0 log stream ${stream.id}`;
        if (run.dryRun)
            return { status: 'planned', detail: change, changes: [change], value: undefined };
        await auth0.delete(stream.id);
        return { status: 'changed', detail: change, changes: [change], value: undefined };
    });
    if (run.failed)
        return;
    if (registered) {
        await run.step('authorization', 'Auth0 authorization', async () => {
            const cfg = await azure.partnerConfiguration(rg);
            const entry = auth0Entry(cfg);
            if (!entry)
                return { status: 'unchanged', detail: 'Auth0 is not authorized', value: undefined };
            const change = `Remove Auth0's authorization from the partner configuration of ${rg} (other partners stay)`;
            if (run.dryRun)
                return { status: 'planned', detail: change, changes: [change], value: undefined };
            await azure.unauthorizeAuth0(rg, entry);
            return { status: 'changed', detail: change, changes: [change], value: undefined };
        });
    }
}

;// CONCATENATED MODULE: ./src/operations/expiry.ts





function renewCommand(run) {
    const env = run.settings.environment ? `${run.settings.environment} ` : '';
    return `comment \`/renew-authorization ${env}${run.settings.authorizationDays}\` or run the workflow with command: renew-authorization`;
}
/** Extends (or, with allow-shorten, sets) Auth0's authorization to now + authorization-days. */
async function renew(run, mode) {
    const { azure } = run.adapters;
    const rg = run.settings.azure.resourceGroup;
    const days = run.settings.authorizationDays;
    const cfg = await azure.partnerConfiguration(rg);
    const entry = auth0Entry(cfg);
    const want = wantedExpiry(run, days);
    const current = entry ? (entry.expiresAt?.getTime() ?? Infinity) : undefined;
    if (current !== undefined)
        run.facts.previousAuthorizationExpiresAt = Number.isFinite(current) ? new Date(current).toISOString() : undefined;
    if (current !== undefined && current > want) {
        const until = Number.isFinite(current) ? new Date(current).toISOString() : 'without expiry';
        if (mode === 'auto' || !run.settings.expiry.allowShorten) {
            if (mode === 'auto')
                return { status: 'unchanged', detail: `already authorized until ${until}, later than a ${days}-day renewal`, value: undefined };
            throw new errors/* ServiceError */._('azure', undefined, 'WouldShorten', `Auth0 is authorized until ${until}, later than now + ${days} days (${new Date(want).toISOString()}); renewing would shorten it. Set allow-shorten: true to shorten it on purpose, or ask for more days.`);
        }
    }
    const from = current === undefined ? 'not authorized' : Number.isFinite(current) ? new Date(current).toISOString() : 'no expiry';
    const changes = grantChanges(rg, cfg, days, want, 'Authorize');
    changes[changes.length - 1] += ` (was ${from})`;
    if (run.dryRun)
        return { status: 'planned', detail: changes[changes.length - 1], changes, value: undefined };
    const updated = await grant(run, cfg, days, want);
    const after = auth0Entry(updated)?.expiresAt ?? new Date(want);
    return { status: 'changed', detail: `Authorized Auth0 until ${after.toISOString()} (was ${from})`, changes, value: after };
}
function judgeAuthorization(run, expiresAt, present) {
    const { warnDays, criticalDays } = run.settings.expiry;
    const now = run.now().getTime();
    const f = run.facts;
    const rg = run.settings.azure.resourceGroup;
    if (expiresAt !== undefined && Number.isFinite(expiresAt)) {
        f.authorizationExpiresAt = new Date(expiresAt).toISOString();
        f.daysUntilExpiry = Math.round((expiresAt - now) / DAY_MS);
    }
    const fix = `Renew: ${renewCommand(run)}.`;
    if (!present) {
        run.check({ id: 'authorization', title: 'Auth0 authorized', status: 'fail', detail: `The partner configuration of ${rg} does not authorize Auth0: Auth0 cannot create partner topics there`, fix });
    }
    else if (expiresAt === undefined || !Number.isFinite(expiresAt)) {
        run.check({ id: 'authorization', title: 'Auth0 authorized', status: 'pass', detail: 'Authorized without an expiry time' });
    }
    else if (expiresAt <= now) {
        run.check({ id: 'authorization', title: 'Auth0 authorized', status: 'fail', detail: `Expired at ${new Date(expiresAt).toISOString()}: Auth0 can no longer create partner topics in ${rg}`, fix });
    }
    else if (expiresAt - now < criticalDays * DAY_MS) {
        run.check({ id: 'authorization', title: 'Auth0 authorized', status: 'fail', detail: `Critical: expires in ${days(expiresAt - now)} (${new Date(expiresAt).toISOString()}), within critical-days (${criticalDays})`, fix });
    }
    else if (expiresAt - now < warnDays * DAY_MS) {
        run.check({ id: 'authorization', title: 'Auth0 authorized', status: 'warn', detail: `Expires in ${days(expiresAt - now)} (${new Date(expiresAt).toISOString()}), within warn-days (${warnDays})`, fix });
    }
    else {
        run.check({ id: 'authorization', title: 'Auth0 authorized', status: 'pass', detail: `Until ${new Date(expiresAt).toISOString()} (${days(expiresAt - now)} left)` });
    }
}
async function checkExpiry(run) {
    const s = run.settings;
    const { azure, auth0 } = run.adapters;
    const rg = s.azure.resourceGroup;
    const read = await run.step('read', 'Read authorization, topics and stream', async () => {
        const missingProvider = (e) => {
            if (e instanceof errors/* ServiceError */._ && e.code === 'MissingSubscriptionRegistration')
                return null;
            throw e;
        };
        const [cfg, topics, streams] = await Promise.all([
            azure.partnerConfiguration(rg).catch(missingProvider),
            azure.partnerTopics(rg).catch(missingProvider),
            auth0.listShared(),
        ]);
        return { status: 'unchanged', detail: 'read', value: { cfg, topics, streams } };
    });
    if (!read)
        return;
    if (read.cfg === null || read.topics === null) {
        run.facts.providerState = 'NotRegistered';
        run.check({ id: 'provider', title: 'Microsoft.EventGrid registered', status: 'fail', detail: `Not registered on subscription ${s.azure.subscriptionId}`, fix: 'Run setup (it registers the provider), or `az provider register --namespace Microsoft.EventGrid`' });
        return;
    }
    let entry = auth0Entry(read.cfg);
    let expiresAt = entry ? (entry.expiresAt?.getTime() ?? Infinity) : undefined;
    const now = run.now().getTime();
    if (s.expiry.autoRenew && (expiresAt === undefined || expiresAt - now < s.expiry.warnDays * DAY_MS)) {
        const renewed = await run.step('renew', 'Auto-renew authorization', () => renew(run, 'auto'));
        if (renewed) {
            expiresAt = renewed.getTime();
            entry = { ...(entry ?? {}), expiresAt: renewed };
        }
    }
    judgeAuthorization(run, expiresAt, entry !== undefined);
    // Unactivated partner topics from this tenant are deleted at their expiration time.
    const tenant = s.auth0.tenant;
    const mine = read.topics.filter((t) => isAuth0Topic(t) && (!tenant || sourceNamesTenant(t.source, tenant)));
    const stream = findStream(read.streams, s.stream.name);
    const streamTopic = stream?.sink?.azurePartnerTopic ? mine.find((t) => t.name === stream.sink.azurePartnerTopic || t.source === stream.sink.azurePartnerTopic) : undefined;
    const primary = streamTopic ?? mine.find((t) => t.activationState === 'Activated') ?? mine[0];
    if (primary) {
        run.facts.partnerTopicName = primary.name;
        run.facts.partnerTopicId = primary.id;
        run.facts.activationState = primary.activationState;
    }
    for (const t of mine.filter((x) => x.activationState !== 'Activated')) {
        const at = t.expirationTimeIfNotActivatedUtc ? new Date(t.expirationTimeIfNotActivatedUtc).getTime() : undefined;
        if (t.activationState === 'Deactivated') {
            run.check({ id: `activation:${t.name}`, title: `Topic ${t.name} activated`, status: 'fail', detail: 'Deactivated: events are dropped', fix: `Activate it: comment \`/activate-topic${s.environment ? ` ${s.environment}` : ''}\` or run command: activate-topic` });
            continue;
        }
        if (at !== undefined && (!run.facts.topicExpiresIfNotActivatedAt || at < Date.parse(run.facts.topicExpiresIfNotActivatedAt)))
            run.facts.topicExpiresIfNotActivatedAt = new Date(at).toISOString();
        const left = at !== undefined ? at - now : undefined;
        run.check({
            id: `activation:${t.name}`,
            title: `Topic ${t.name} activated`,
            status: left !== undefined && left < s.expiry.criticalDays * DAY_MS ? 'fail' : 'warn',
            detail: `Never activated${at !== undefined ? `: Event Grid deletes it at ${new Date(at).toISOString()} (in ${days(left)})` : ''}`,
            fix: `Check its source (${t.source}), then comment \`/activate-topic${s.environment ? ` ${s.environment}` : ''}\` or run command: activate-topic`,
        });
    }
    if (!stream) {
        run.check({ id: 'stream', title: 'Auth0 log stream', status: 'fail', detail: `No log stream named '${s.stream.name}'`, fix: 'Run setup' });
    }
    else {
        run.facts.logStreamId = stream.id;
        run.facts.streamStatus = stream.status;
        run.check(stream.status === 'active'
            ? { id: 'stream', title: 'Auth0 log stream active', status: 'pass', detail: 'active' }
            : {
                id: 'stream',
                title: 'Auth0 log stream active',
                status: stream.status === 'paused' ? 'warn' : 'fail',
                detail: `${stream.status}: no events are sent`,
                fix: `Fix the cause, then comment \`/resume-stream${s.environment ? ` ${s.environment}` : ''}\` or run setup with resume-stream: true`,
            });
    }
}
async function renewAuthorization(run) {
    const renewed = await run.step('renew', 'Renew authorization', () => renew(run, 'command'));
    if (run.failed)
        return;
    const at = renewed?.getTime() ?? (run.facts.previousAuthorizationExpiresAt ? Date.parse(run.facts.previousAuthorizationExpiresAt) : undefined);
    if (at !== undefined) {
        run.facts.authorizationExpiresAt = new Date(at).toISOString();
        run.facts.daysUntilExpiry = Math.round((at - run.now().getTime()) / DAY_MS);
    }
}

;// CONCATENATED MODULE: ./src/operations/stream.ts

const envSuffix = (run) => (run.settings.environment ? ` ${run.settings.environment}` : '');
/** resume-stream: PATCH {status: "active"} on a paused or suspended stream. */
async function resumeStream(run) {
    const stream = await lookupStream(run);
    if (!stream)
        return;
    const after = await run.step('resume', 'Resume stream', async () => {
        if (stream.status === 'active')
            return { status: 'unchanged', detail: `${stream.id} is active`, value: stream };
        const change = `Resume the ${stream.status} Auth0 log stream ${stream.id}`;
        if (run.dryRun)
            return { status: 'planned', detail: change, changes: [change], value: stream };
        const updated = await run.adapters.auth0.update(stream.id, { status: 'active' });
        return { status: 'changed', detail: `Resumed ${stream.id} (was ${stream.status})`, changes: [change], value: { ...stream, ...updated } };
    });
    if (!after)
        return;
    run.facts.logStreamId = after.id;
    run.facts.streamStatus = run.dryRun ? stream.status : after.status;
    run.check(after.status === 'active' || run.dryRun
        ? { id: 'stream', title: 'Auth0 log stream active', status: 'pass', detail: run.dryRun ? `${stream.status} (would be resumed)` : 'active' }
        : { id: 'stream', title: 'Auth0 log stream active', status: 'fail', detail: `${after.status} after the resume request`, fix: 'Check the stream in the Auth0 Dashboard (Monitoring > Streams).' });
    // A stream whose topic does not take events is suspended again after a few failed deliveries.
    const topic = await run.step('partner-topic', 'Partner topic', async () => {
        const t = await findTopic(run, after);
        return { status: 'unchanged', detail: t ? `${t.name} (${t.activationState})` : 'none found', value: t ?? null };
    });
    if (topic === undefined)
        return;
    if (!topic) {
        run.check({ id: 'topic', title: 'Partner topic found', status: 'warn', detail: `No Auth0 partner topic for the stream in ${run.settings.azure.resourceGroup}`, fix: 'Run setup (or verify) to find out why.' });
        return;
    }
    Object.assign(run.facts, { partnerTopicName: topic.name, partnerTopicId: topic.id, activationState: topic.activationState });
    if (topic.activationState !== 'Activated') {
        run.check({
            id: 'activation',
            title: 'Topic activated',
            status: 'warn',
            detail: `${topic.name} is ${topic.activationState}: deliveries fail and Auth0 will suspend the stream again`,
            fix: `Comment \`/activate-topic${envSuffix(run)}\` or run command: activate-topic`,
        });
    }
}
/** deactivate-topic: POST …/partnerTopics/{name}/deactivate on the stream's partner topic. */
async function deactivateTopic(run) {
    const s = run.settings;
    const stream = await lookupStream(run);
    if (!stream)
        return;
    const topic = await lookupTopic(run, stream);
    if (!topic)
        return;
    const after = await run.step('deactivation', 'Deactivation', async () => {
        if (topic.activationState === 'Deactivated')
            return { status: 'unchanged', detail: `${topic.name} is deactivated`, value: topic };
        if (topic.activationState !== 'Activated')
            return { status: 'unchanged', detail: `${topic.name} was never activated: nothing to deactivate`, value: topic };
        const change = `Deactivate partner topic ${topic.name} (events are dropped until it is activated again)`;
        if (run.dryRun)
            return { status: 'planned', detail: change, changes: [change], value: topic };
        const t = await run.adapters.azure.deactivateTopic(s.azure.resourceGroup, topic.name);
        return { status: 'changed', detail: `Deactivated ${topic.name}`, changes: [change], value: t };
    });
    recordTopicFacts(run, stream, after ?? topic);
    if (after) {
        run.check({
            id: 'deactivation',
            title: 'Topic not delivering',
            status: after.activationState !== 'Activated' || run.dryRun ? 'pass' : 'fail',
            detail: run.dryRun && after.activationState === 'Activated'
                ? 'Activated (would be deactivated)'
                : after.activationState === 'Deactivated'
                    ? `Deactivated: events are dropped until it is activated again (/activate-topic${envSuffix(run)})`
                    : `${after.activationState}`,
        });
    }
}

;// CONCATENATED MODULE: ./src/azure/credentials.ts
async function createCredential(signIn, getIdToken) {
    const common = {
        authorityHost: signIn.authorityHost,
        ...(signIn.customCloud ? { disableInstanceDiscovery: true } : {}),
    };
    if (signIn.kind === 'secret') {
        const { ClientSecretCredential } = await Promise.all(/* import() */[__webpack_require__.e(725), __webpack_require__.e(411), __webpack_require__.e(738), __webpack_require__.e(989)]).then(__webpack_require__.bind(__webpack_require__, 23989));
        return new ClientSecretCredential(signIn.tenantId, signIn.clientId, signIn.clientSecret, common);
    }
    if (signIn.kind === 'oidc') {
        if (!getIdToken) {
            throw new Error('azure-client-id and azure-tenant-id without azure-client-secret sign in with the workflow OIDC token, but none is available here: run inside a GitHub Actions job with `permissions: id-token: write`, or give azure-client-secret.');
        }
        const { ClientAssertionCredential } = await Promise.all(/* import() */[__webpack_require__.e(725), __webpack_require__.e(411), __webpack_require__.e(738), __webpack_require__.e(989)]).then(__webpack_require__.bind(__webpack_require__, 23989));
        const audience = signIn.audience;
        // MSAL asks for the assertion more than once per token request: reuse one OIDC token for a minute
        // (GitHub's tokens live for several minutes) instead of asking the runner each time.
        let cached;
        const assertion = () => {
            if (!cached || Date.now() - cached.at > 60_000) {
                const token = getIdToken(audience);
                cached = { token, at: Date.now() };
                token.catch(() => (cached = undefined));
            }
            return cached.token;
        };
        return new ClientAssertionCredential(signIn.tenantId, signIn.clientId, assertion, common);
    }
    const { ChainedTokenCredential, EnvironmentCredential, AzureCliCredential } = await Promise.all(/* import() */[__webpack_require__.e(725), __webpack_require__.e(411), __webpack_require__.e(738), __webpack_require__.e(989)]).then(__webpack_require__.bind(__webpack_require__, 23989));
    return new ChainedTokenCredential(new EnvironmentCredential(common), new AzureCliCredential());
}
/**
 * Shares one token request among concurrent callers and reuses the token until shortly before it
 * expires, so that signing in early (while the SDK modules load) and the first request's own sign-in
 * are one request, and environments sharing a sign-in share its token.
 */
function sharedTokenCredential(inner) {
    const cache = new Map();
    return {
        getToken(scopes, options) {
            const key = [scopes].flat().join(' ');
            const hit = cache.get(key);
            if (hit) {
                return hit.then((t) => {
                    if (t && t.expiresOnTimestamp - 5 * 60_000 > Date.now())
                        return t;
                    cache.delete(key);
                    return this.getToken(scopes, options);
                });
            }
            const p = inner.getToken(scopes, options);
            cache.set(key, p);
            p.catch(() => cache.delete(key));
            return p;
        },
    };
}

;// CONCATENATED MODULE: ./src/azure/gate.ts
class ThrottleGate {
    until = 0;
    /** How many times the service throttled us (for reports and benchmarks). */
    throttled = 0;
    async wait() {
        for (;;) {
            const ms = this.until - Date.now();
            if (ms <= 0)
                return;
            await new Promise((r) => setTimeout(r, ms));
        }
    }
    block(ms) {
        this.throttled++;
        const until = Date.now() + Math.min(Math.max(ms, 100), 60_000);
        if (until > this.until)
            this.until = until;
    }
    /** For Azure SDK pipelines: runs on every attempt (after the retry policy). */
    policy() {
        return {
            name: 'auth0EventGridThrottleGate',
            sendRequest: async (request, next) => {
                await this.wait();
                const response = await next(request);
                if (response.status === 429) {
                    const retryAfter = Number(response.headers.get('retry-after'));
                    this.block(Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 1000);
                }
                return response;
            },
        };
    }
    /** For fetch-based clients (Auth0): waits before each request, learns from 429 answers. */
    fetch(base = globalThis.fetch) {
        return (async (input, init) => {
            await this.wait();
            const res = await base(input, init);
            if (res.status === 429) {
                const retryAfter = Number(res.headers.get('retry-after'));
                const reset = Number(res.headers.get('x-ratelimit-reset'));
                this.block(retryAfter > 0 ? retryAfter * 1000 : reset > 0 ? reset * 1000 - Date.now() : 1000);
            }
            return res;
        });
    }
}

;// CONCATENATED MODULE: ./src/auth0/log-streams.ts

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/**
 * The auth0 SDK arms a timeout timer for each request and clears it only when fetch resolves: when a
 * connection drops (fetch rejects), the timer stays armed and keeps the process alive until it fires,
 * so the Action lingered for a minute after its work was done. With this fetch a request that gets
 * no HTTP answer resolves instead, as a stand-in answer the SDK neither retries nor parses as
 * Auth0's (it throws it as a ManagementError); fromAuth0Error turns it back into "no answer" (no
 * status), which `call` and `create` retry as before. Aborts (the SDK's own timeout) still reject.
 */
const NO_ANSWER_STATUS = 499;
const NO_ANSWER = 'auth0EventGridNoAnswer';
function answeringFetch(base = globalThis.fetch) {
    return (async (input, init) => {
        try {
            return await base(input, init);
        }
        catch (err) {
            if (init?.signal?.aborted)
                throw err;
            const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
            const cause = err?.cause;
            const body = { [NO_ANSWER]: true, code: cause?.code ?? 'RequestFailed', message: `Could not reach ${url.split('?')[0]}: ${cause?.message ?? err?.message ?? String(err)}` };
            return new Response(JSON.stringify(body), { status: NO_ANSWER_STATUS, headers: { 'content-type': 'application/json' } });
        }
    });
}
/** Turns an auth0 SDK error (ManagementError and its subclasses) or a token error into a ServiceError. */
function fromAuth0Error(err) {
    if (err instanceof errors/* ServiceError */._)
        return err;
    const e = err;
    const body = e?.body && typeof e.body === 'object' ? e.body : undefined;
    // A request that got no answer (see answeringFetch): no HTTP status.
    if (body?.[NO_ANSWER])
        return new errors/* ServiceError */._('auth0', undefined, String(body.code), String(body.message));
    const status = e?.statusCode ?? body?.statusCode;
    const code = body?.errorCode ?? body?.error ?? (status ? `HTTP${status}` : e?.cause?.code ?? 'RequestFailed');
    const message = body?.message ?? body?.error_description ?? e?.message ?? String(err);
    return new errors/* ServiceError */._('auth0', status, code, message.split('\n')[0]);
}
class Auth0Adapter {
    opts;
    token;
    pending;
    client;
    constructor(opts, Client) {
        this.opts = opts;
        this.client = new Client({
            baseUrl: `https://${opts.domain}/api/v2`,
            token: () => this.accessToken(),
            maxRetries: 4,
            timeoutInSeconds: 60,
            fetch: opts.gate ? opts.gate.fetch(answeringFetch()) : answeringFetch(),
        });
    }
    static async create(opts) {
        const { LogStreamsClient } = await __webpack_require__.e(/* import() */ 390).then(__webpack_require__.bind(__webpack_require__, 28390));
        return new Auth0Adapter(opts, LogStreamsClient);
    }
    get audience() {
        return `https://${this.opts.domain}/api/v2/`;
    }
    /** A Management API token from the client-credentials grant, cached until shortly before expiry. */
    async accessToken() {
        if (this.token && this.token.expiresAt - 60_000 > Date.now())
            return this.token.value;
        this.pending ??= this.fetchToken().finally(() => (this.pending = undefined));
        return this.pending;
    }
    async fetchToken() {
        const url = `https://${this.opts.domain}/oauth/token`;
        const body = JSON.stringify({
            grant_type: 'client_credentials',
            client_id: this.opts.clientId,
            client_secret: this.opts.clientSecret,
            audience: this.audience,
        });
        for (let attempt = 0;; attempt++) {
            let res;
            try {
                res = await (this.opts.gate?.fetch() ?? fetch)(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(60_000) });
            }
            catch (err) {
                if (attempt < 4) {
                    await sleep(500 * 2 ** attempt);
                    continue;
                }
                throw new errors/* ServiceError */._('auth0', undefined, err?.cause?.code ?? 'RequestFailed', `Could not reach ${url}: ${err.message}`);
            }
            if ((res.status === 429 || res.status >= 500) && attempt < 4) {
                const reset = Number(res.headers.get('x-ratelimit-reset'));
                const retryAfter = Number(res.headers.get('retry-after'));
                const wait = retryAfter > 0 ? retryAfter * 1000 : reset > 0 ? Math.max(0, reset * 1000 - Date.now()) : 500 * 2 ** attempt;
                await sleep(Math.min(wait, 60_000));
                continue;
            }
            const text = await res.text();
            let json;
            try {
                json = JSON.parse(text);
            }
            catch {
                json = undefined;
            }
            if (!res.ok || !json?.access_token) {
                throw new errors/* ServiceError */._('auth0', res.status, json?.error ?? `HTTP${res.status}`, json?.error_description ?? json?.message ?? 'The token request failed.');
            }
            this.token = { value: json.access_token, expiresAt: Date.now() + (Number(json.expires_in) || 3600) * 1000 };
            return this.token.value;
        }
    }
    /**
     * Runs an SDK call; the SDK retries 429 and 5xx itself, and a dropped connection (no HTTP status)
     * is retried here with backoff, unless `retryable` is false.
     */
    async call(fn, retryable = true) {
        for (let attempt = 0;; attempt++) {
            try {
                return await fn();
            }
            catch (err) {
                const e = fromAuth0Error(err);
                if (!retryable || e.status !== undefined || attempt >= 4)
                    throw e;
                await sleep(300 * 2 ** attempt);
            }
        }
    }
    shared;
    /** The tenant's streams, read once per adapter: environments of one tenant share the read. */
    async listShared() {
        this.shared ??= this.list().catch((e) => {
            this.shared = undefined;
            throw e;
        });
        return this.shared;
    }
    async list() {
        return this.call(async () => (await this.client.list()));
    }
    async get(id) {
        try {
            return await this.call(async () => (await this.client.get(id)));
        }
        catch (err) {
            if (err.status === 404)
                return undefined;
            throw err;
        }
    }
    async create(body) {
        // A create is not blindly repeated: after a dropped connection the stream may exist already.
        for (let attempt = 0;; attempt++) {
            try {
                return (await this.client.create({ type: 'eventgrid', ...body }));
            }
            catch (err) {
                const e = fromAuth0Error(err);
                if (e.status !== undefined || attempt >= 4)
                    throw e;
                await sleep(300 * 2 ** attempt);
                const existing = (await this.list()).find((st) => st.name === body.name && st.type === 'eventgrid');
                if (existing)
                    return existing;
            }
        }
    }
    async update(id, patch) {
        return this.call(async () => (await this.client.update(id, patch)));
    }
    /** Deletes the stream; one already gone counts as deleted. */
    async delete(id) {
        try {
            await this.call(() => this.client.delete(id));
        }
        catch (err) {
            if (err.status !== 404)
                throw err;
        }
    }
}

;// CONCATENATED MODULE: ./src/operations/fleet.ts




function adapterPool(getIdToken) {
    const gates = { azure: new ThrottleGate(), auth0: new ThrottleGate() };
    const credentials = new Map();
    const azure = new Map();
    const auth0 = new Map();
    const memo = (map, key, make) => {
        let p = map.get(key);
        if (!p) {
            p = make();
            p.catch(() => map.delete(key));
            map.set(key, p);
        }
        return p;
    };
    return {
        gates,
        async adaptersFor(s) {
            const a = s.azureSignIn;
            const credKey = [a.kind, a.authorityHost, a.tenantId, a.clientId, a.clientSecret, a.audience].join('|');
            const credential = memo(credentials, credKey, async () => {
                const c = sharedTokenCredential(await createCredential(a, getIdToken));
                // Sign in now, while the SDK modules load: the credential caches the token for the first
                // request. A failure here is reported by that request, in its step.
                c.getToken(a.resourceManagerScope).catch(() => undefined);
                return c;
            });
            const armKey = [credKey, a.resourceManagerEndpoint, a.resourceManagerScope, s.azure.subscriptionId].join('|');
            const [az, a0] = await Promise.all([
                memo(azure, armKey, async () => AzureAdapter.create({ subscriptionId: s.azure.subscriptionId, resourceManagerEndpoint: a.resourceManagerEndpoint, resourceManagerScope: a.resourceManagerScope, credential: await credential, gate: gates.azure })),
                memo(auth0, [s.auth0.domain, s.auth0.clientId, s.auth0.clientSecret].join('|'), async () => {
                    const adapter = await Auth0Adapter.create({ domain: s.auth0.domain, clientId: s.auth0.clientId, clientSecret: s.auth0.clientSecret, gate: gates.auth0 });
                    adapter.accessToken().catch(() => undefined); // likewise: the token while the rest loads
                    return adapter;
                }),
            ]);
            return { azure: az, auth0: a0 };
        },
    };
}
/** Runs `fn` over `items` with at most `limit` at once, keeping order. */
async function mapLimit(items, limit, fn) {
    const out = new Array(items.length);
    let next = 0;
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
        while (next < items.length) {
            const i = next++;
            out[i] = await fn(items[i], i);
        }
    }));
    return out;
}
const HEALTH_RANK = { unhealthy: 0, degraded: 1, healthy: 2 };
/** Most urgent first: failed runs, then unhealthy, degraded, healthy; within each, soonest expiry first. */
function byUrgency(a, b) {
    const fa = a.failure ? 0 : 1;
    const fb = b.failure ? 0 : 1;
    if (fa !== fb)
        return fa - fb;
    if (HEALTH_RANK[a.health] !== HEALTH_RANK[b.health])
        return HEALTH_RANK[a.health] - HEALTH_RANK[b.health];
    const da = a.facts.authorizationExpiresAt ? Date.parse(a.facts.authorizationExpiresAt) : Infinity;
    const db = b.facts.authorizationExpiresAt ? Date.parse(b.facts.authorizationExpiresAt) : Infinity;
    if (da !== db)
        return da - db;
    return (a.environment ?? '').localeCompare(b.environment ?? '');
}
function fleetResult(command, results, started, dryRun, configFile) {
    const environments = [...results].sort(byUrgency);
    const worst = environments.reduce((h, r) => (HEALTH_RANK[r.health] < HEALTH_RANK[h] ? r.health : h), 'healthy');
    const withExpiry = environments.filter((r) => r.facts.authorizationExpiresAt).sort((a, b) => Date.parse(a.facts.authorizationExpiresAt) - Date.parse(b.facts.authorizationExpiresAt));
    const first = withExpiry[0];
    return {
        kind: 'fleet',
        command,
        configFile,
        health: worst,
        dryRun,
        startedAt: new Date(started).toISOString(),
        durationMs: Date.now() - started,
        environments,
        soonest: first ? { environment: first.environment ?? '', authorizationExpiresAt: first.facts.authorizationExpiresAt, daysUntilExpiry: first.facts.daysUntilExpiry ?? 0 } : undefined,
        tracking: [],
    };
}

;// CONCATENATED MODULE: ./src/operations/index.ts









const COMMAND_IMPL = {
    setup: setup,
    verify: verify,
    'activate-topic': activateTopic,
    teardown: teardown,
    'check-expiry': checkExpiry,
    'renew-authorization': renewAuthorization,
    'resume-stream': resumeStream,
    'deactivate-topic': deactivateTopic,
};
function prefixed(progress, env) {
    if (!env)
        return progress;
    return { info: (m) => progress.info(`[${env}] ${m}`), warn: (m) => progress.warn(`[${env}] ${m}`) };
}
/** Runs the settings' command for one environment. */
async function runCommand(settings, ctx, adapters) {
    const progress = prefixed(ctx.progress, settings.environment);
    let a;
    try {
        const pool = adapters && 'adaptersFor' in adapters ? adapters : adapters ? undefined : adapterPool(ctx.getIdToken);
        a = pool ? await pool.adaptersFor(settings) : adapters;
    }
    catch (err) {
        const run = new Run(settings.command, settings, undefined, progress);
        run.failure = toFailure('Sign in', (0,errors/* fromAzureError */.s)(err), settings);
        return { ...run.result(), health: 'unhealthy' };
    }
    const run = new Run(settings.command, settings, a, progress);
    try {
        await COMMAND_IMPL[settings.command](run);
    }
    catch (err) {
        // Steps catch their own errors; this is for anything between them.
        run.failure ??= toFailure('Run', (0,errors/* fromAzureError */.s)(err), settings);
    }
    return run.result();
}
/** Runs the invocation: one environment (an OperationResult) or the selected environments of the file (a FleetResult). */
async function runInvocation(inv, ctx) {
    const pool = adapterPool(ctx.getIdToken);
    if (!inv.fromFile)
        return runCommand(inv.run, ctx, pool);
    const started = Date.now();
    const results = await mapLimit(inv.environments, inv.run.concurrency, (s) => runCommand(s, ctx, pool));
    const fleet = fleetResult(inv.run.command, results, started, inv.run.dryRun, inv.configFile);
    if (inv.run.command === 'check-expiry' && inv.run.github.token && !inv.run.dryRun) {
        const { syncTrackingIssues } = await __webpack_require__.e(/* import() */ 430).then(__webpack_require__.bind(__webpack_require__, 19430));
        await syncTrackingIssues(fleet, inv, ctx.progress);
    }
    fleet.durationMs = Date.now() - started;
    return fleet;
}


/***/ })

};
