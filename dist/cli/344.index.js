export const id = 344;
export const ids = [344];
export const modules = {

/***/ 17344:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SandboxUsageError: () => (/* binding */ SandboxUsageError),
  sandboxCommand: () => (/* binding */ sandboxCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./sandbox/core/clock.ts
/**
 * The sandbox clock: real time plus an offset that tests advance (POST /_sandbox/clock).
 * Everything time-driven in the sandbox (authorization expiry, topic expiry, provider registration,
 * delayed partner-topic creation, long-running operations) reads this clock, and timed work is
 * scheduled on it: it runs when real time reaches it or when the clock is advanced past it.
 */
class SandboxClock {
    offsetMs = 0;
    queue = [];
    seq = 0;
    timer;
    stopped = false;
    now() {
        return Date.now() + this.offsetMs;
    }
    date() {
        return new Date(this.now());
    }
    iso() {
        return this.date().toISOString();
    }
    offset() {
        return this.offsetMs;
    }
    /** Moves the clock forward (never back) and runs whatever became due. */
    advance(ms) {
        if (!Number.isFinite(ms) || ms < 0)
            throw new RangeError('the clock only moves forward');
        this.offsetMs += ms;
        this.runDue();
    }
    /** Sets the clock to an absolute time at or after now. */
    set(at) {
        this.advance(Math.max(0, at - this.now()));
    }
    /** Runs `fn` once the sandbox clock reaches `at` (epoch ms on this clock). */
    at(at, fn) {
        this.queue.push({ at, seq: this.seq++, fn });
        this.queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
        this.arm();
    }
    /** Runs `fn` after `ms` of sandbox time. */
    after(ms, fn) {
        this.at(this.now() + ms, fn);
    }
    /** Runs every task that is due now. Called by the servers before each request too. */
    runDue() {
        const now = this.now();
        while (this.queue.length && this.queue[0].at <= now) {
            const task = this.queue.shift();
            try {
                task.fn();
            }
            catch (err) {
                process.emitWarning(`sandbox clock task failed: ${err.message}`);
            }
        }
        this.arm();
    }
    arm() {
        if (this.timer)
            clearTimeout(this.timer);
        this.timer = undefined;
        if (this.stopped || !this.queue.length)
            return;
        const wait = Math.max(0, Math.min(this.queue[0].at - this.now(), 2 ** 31 - 1));
        this.timer = setTimeout(() => this.runDue(), wait);
        this.timer.unref();
    }
    stop() {
        this.stopped = true;
        if (this.timer)
            clearTimeout(this.timer);
        this.queue = [];
    }
}

;// CONCATENATED MODULE: ./sandbox/core/context.ts
const DEFAULT_SETTINGS = {
    providerRegistrationDelayMs: 1000,
    partnerTopicDelayMs: 1000,
    lroDurationMs: 1000,
    retryAfterSeconds: 1,
    armRateLimitPerSecond: 0,
    armRateLimitScope: 'subscription',
    auth0RateLimitPerSecond: 0,
    latencyMs: 0,
    partnerTopicNaming: 'resource-name',
    unactivatedTopicTtlDays: 7,
    eventDelivery: true,
    validateWebhooks: false,
    cloudEventType: 'auth0.logs.{code}',
    cloudEventSubject: 'logs/{code}',
    streamPublishAttempts: 3,
    streamPublishRetryMs: 1000,
    streamRetryErroredMs: 3_600_000,
    streamSuspendAfterFailures: 10,
    streamSuspendAfterMs: 7 * 86_400_000,
    streamFailureLogCode: 'wn',
    publishRequiresAuthorization: true,
    deliveryConcurrency: 32,
    deliveryTimeoutMs: 30_000,
    deadLetterDelayMs: 300_000,
};
/**
 * The bearer token that authorizes requests for GitHub Actions OIDC tokens (ACTIONS_ID_TOKEN_REQUEST_TOKEN).
 * One per sandbox start; the OIDC service checks it.
 */
function oidcRequestToken(ctx) {
    return `sbx-idtoken-request-${ctx.keys.oidc.kid.slice(0, 16)}`;
}

;// CONCATENATED MODULE: ./sandbox/core/faults.ts
class FaultBook {
    faults = [];
    nextId = 1;
    add(spec) {
        const validStatus = spec.status === undefined || (Number.isInteger(spec.status) && spec.status >= 400 && spec.status <= 599);
        if (!spec.service)
            throw new Error('a fault needs "service" (arm, entra, oidc, auth0, github)');
        if (!spec.operation && !spec.path)
            throw new Error('a fault needs "operation" or "path"');
        if (!validStatus)
            throw new Error('"status" must be an HTTP error status (400-599)');
        if (!spec.status && !spec.reset && !spec.delayMs && !spec.lro)
            throw new Error('a fault needs one of "status", "reset", "delayMs", "lro"');
        if (spec.path)
            new RegExp(spec.path, 'i');
        const fault = { ...spec, id: this.nextId++, remaining: spec.count ?? 1, hits: 0 };
        this.faults.push(fault);
        return fault;
    }
    list() {
        return this.faults.map((f) => ({ ...f }));
    }
    clear() {
        this.faults = [];
    }
    matches(f, service, operation, method, path, tenant) {
        if (f.remaining <= 0 || f.service !== service)
            return false;
        if (f.tenant && f.tenant !== tenant)
            return false;
        if (f.operation && f.operation.toLowerCase() !== operation.toLowerCase())
            return false;
        if (f.method && f.method.toUpperCase() !== method)
            return false;
        if (f.path && !new RegExp(f.path, 'i').test(path))
            return false;
        return true;
    }
    /** The fault (not LRO-kind) to apply to this request, consuming one use of it. */
    take(service, operation, method, path, tenant) {
        if (!this.faults.length)
            return undefined;
        const f = this.faults.find((x) => !x.lro && this.matches(x, service, operation, method, path, tenant));
        if (!f)
            return undefined;
        f.remaining--;
        f.hits++;
        this.faults = this.faults.filter((x) => x.remaining > 0);
        return f;
    }
    /** The end state scripted for a long-running operation started by this request, if any. */
    takeLro(service, operation, method, path) {
        const f = this.faults.find((x) => x.lro && this.matches(x, service, operation, method, path));
        if (!f)
            return undefined;
        f.remaining--;
        f.hits++;
        this.faults = this.faults.filter((x) => x.remaining > 0);
        return f.lro;
    }
}

// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./sandbox/core/http.ts
/**
 * A small HTTPS dispatcher shared by every sandbox service: routes with operation ids, JSON and form
 * bodies, the service's own error shape, scripted faults, injected latency and the request log.
 * No request can crash it: handler errors become the service's 500 error body.
 */


class http_HttpError extends Error {
    status;
    code;
    headers;
    details;
    constructor(status, code, message, headers = {}, details) {
        super(message);
        this.status = status;
        this.code = code;
        this.headers = headers;
        this.details = details;
    }
}
const MAX_BODY = 4 * 1024 * 1024;
function parseBody(raw, contentType) {
    if (!raw)
        return undefined;
    const ct = (contentType ?? '').toLowerCase();
    if (ct.includes('application/x-www-form-urlencoded')) {
        return Object.fromEntries(new URLSearchParams(raw));
    }
    try {
        return JSON.parse(raw);
    }
    catch {
        if (ct.includes('json') || /^\s*[[{]/.test(raw))
            throw new http_HttpError(400, 'InvalidRequestContent', 'The request content was invalid and could not be deserialized.');
        return Object.fromEntries(new URLSearchParams(raw));
    }
}
function readBody(req) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        req.on('data', (c) => {
            size += c.length;
            if (size > MAX_BODY) {
                reject(new http_HttpError(413, 'RequestEntityTooLarge', 'The request body is too large.'));
                req.destroy();
                return;
            }
            chunks.push(c);
        });
        req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        req.on('error', reject);
    });
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
class Dispatcher {
    sandbox;
    services;
    listener;
    constructor(sandbox, services, listener = {}) {
        this.sandbox = sandbox;
        this.services = services;
        this.listener = listener;
    }
    match(method, path) {
        let pathKnownSvc;
        for (const svc of this.services) {
            for (const route of svc.routes) {
                const m = route.pattern.exec(path);
                if (!m)
                    continue;
                if (route.method !== method) {
                    pathKnownSvc ??= svc;
                    continue;
                }
                return { svc, route, params: { ...(m.groups ?? {}) }, pathKnown: true };
            }
        }
        const svc = pathKnownSvc ?? this.services.find((s) => s.name !== 'admin') ?? this.services[0];
        return { svc, params: {}, pathKnown: !!pathKnownSvc };
    }
    handle = async (req, res) => {
        const started = performance.now();
        const method = (req.method ?? 'GET').toUpperCase();
        let url;
        try {
            url = new URL(req.url ?? '/', 'https://127.0.0.1');
        }
        catch {
            url = new URL('https://127.0.0.1/');
        }
        let path;
        try {
            path = decodeURIComponent(url.pathname);
        }
        catch {
            path = url.pathname;
        }
        this.sandbox.clock.runDue();
        const { svc, route, params, pathKnown } = this.match(method, path);
        const ctx = {
            service: svc.name,
            operation: route?.operation ?? 'unknown',
            method,
            url,
            path,
            query: url.searchParams,
            params,
            headers: req.headers,
            rawBody: '',
            body: undefined,
            requestId: (0,external_node_crypto_.randomUUID)(),
            sandbox: this.sandbox,
            listener: this.listener,
            locals: {},
        };
        let reply;
        let wrote = false;
        try {
            ctx.rawBody = await readBody(req);
            const fault = this.sandbox.faults.take(svc.name, ctx.operation, method, path, this.listener.name);
            if (fault?.reset) {
                this.log(ctx, 0, false, started);
                req.socket.destroy();
                return;
            }
            if (fault?.delayMs)
                await sleep(fault.delayMs);
            const latency = this.sandbox.settings.latencyMs;
            if (latency > 0 && svc.name !== 'admin')
                await sleep(latency);
            if (fault?.status) {
                const err = new http_HttpError(fault.status, fault.code ?? 'SandboxFault', fault.message ?? 'Scripted fault.', fault.headers ?? {});
                reply = fault.body !== undefined ? { status: fault.status, body: fault.body, headers: fault.headers } : { status: err.status, body: svc.errorBody(err, ctx), headers: err.headers };
            }
            else if (!route) {
                const err = pathKnown
                    ? new http_HttpError(405, 'MethodNotAllowed', `The requested resource does not support http method '${method}'.`)
                    : (svc.notFound?.(ctx) ?? new http_HttpError(404, 'NotFound', `No route for ${method} ${path}.`));
                reply = { status: err.status, body: svc.errorBody(err, ctx), headers: err.headers };
            }
            else {
                ctx.body = parseBody(ctx.rawBody, req.headers['content-type']);
                await svc.before?.(ctx, route);
                reply = await route.handler(ctx);
                wrote = (route.write ?? !['GET', 'HEAD', 'OPTIONS'].includes(method)) && reply.status < 400;
            }
        }
        catch (e) {
            const err = e instanceof http_HttpError
                ? e
                : new http_HttpError(500, 'InternalServerError', `The sandbox failed to process the request: ${e?.message ?? e}`);
            let body;
            try {
                body = svc.errorBody(err, ctx);
            }
            catch {
                body = { error: { code: err.code, message: err.message } };
            }
            reply = { status: err.status, body, headers: err.headers };
        }
        try {
            svc.decorate?.(ctx, reply);
        }
        catch {
            /* headers are best effort */
        }
        this.log(ctx, reply.status, wrote, started);
        if (res.destroyed)
            return;
        // Answers carry the sandbox clock's time, as real services carry theirs: clients that judge expiry
        // by the server's Date header then agree with the sandbox when tests move its clock.
        const headers = { date: new Date(this.sandbox.clock.now()).toUTCString(), ...(reply.headers ?? {}) };
        let payload = '';
        if (reply.body !== undefined && reply.status !== 204) {
            if (reply.raw && typeof reply.body === 'string') {
                payload = reply.body;
                headers['content-type'] ??= 'text/plain; charset=utf-8';
            }
            else {
                payload = JSON.stringify(reply.body);
                headers['content-type'] ??= 'application/json; charset=utf-8';
            }
        }
        headers['content-length'] = String(Buffer.byteLength(payload));
        res.writeHead(reply.status, headers);
        res.end(method === 'HEAD' ? undefined : payload);
    };
    log(ctx, status, write, started) {
        if (ctx.service === 'admin')
            return;
        this.sandbox.requestLog.push({
            seq: 0,
            time: this.sandbox.clock.iso(),
            service: ctx.service,
            listener: this.listener.name,
            method: ctx.method,
            path: ctx.path,
            query: ctx.url.search.replace(/^\?/, ''),
            operation: ctx.operation,
            status,
            write,
            durationMs: Math.round((performance.now() - started) * 100) / 100,
        });
    }
}
async function listen(sandbox, services, opts) {
    const dispatcher = new Dispatcher(sandbox, services, opts.listener);
    const server = (0,external_node_https_.createServer)({ cert: sandbox.tls.certPem, key: sandbox.tls.keyPem, keepAliveTimeout: 30_000 }, (req, res) => {
        dispatcher.handle(req, res).catch(() => {
            try {
                if (!res.headersSent)
                    res.writeHead(500, { 'content-type': 'application/json' });
                res.end('{"error":{"code":"InternalServerError","message":"The sandbox failed to process the request."}}');
            }
            catch {
                /* socket gone */
            }
        });
    });
    server.on('clientError', (_err, socket) => socket.destroy());
    // Every raw socket, so that close() ends them all: closeAllConnections() misses some kept-alive TLS
    // connections (e.g. @azure/core-rest-pipeline's), which would otherwise hold close() for keepAliveTimeout.
    const sockets = new Set();
    server.on('connection', (socket) => {
        sockets.add(socket);
        socket.once('close', () => sockets.delete(socket));
    });
    server.on('tlsClientError', () => undefined);
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
    });
    const port = server.address().port;
    return {
        server,
        port,
        url: `https://127.0.0.1:${port}`,
        close: () => new Promise((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
            for (const socket of sockets)
                socket.destroy();
        }),
    };
}
/** Path pattern helper: `{name}` segments become named groups; matching is case-insensitive like ARM. */
function path(template, flags = 'i') {
    const src = template
        .split(/(\{[A-Za-z0-9_]+\})/)
        .map((part) => {
        const m = /^\{([A-Za-z0-9_]+)\}$/.exec(part);
        if (m)
            return `(?<${m[1]}>[^/]+)`;
        return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
    })
        .join('');
    return new RegExp(`^${src}/?$`, flags);
}

;// CONCATENATED MODULE: ./sandbox/core/request-log.ts
class RequestLog {
    entries = [];
    seq = 0;
    max = 200_000;
    push(e) {
        e.seq = ++this.seq;
        this.entries.push(e);
        if (this.entries.length > this.max)
            this.entries.splice(0, this.entries.length - this.max);
    }
    /** Entries after sequence number `since` (0: all kept), optionally of one service. */
    list(filter = {}) {
        return this.entries.filter((e) => e.seq > (filter.since ?? 0) && (!filter.service || e.service === filter.service) && (!filter.writesOnly || e.write));
    }
    /** The sequence number of the last entry, to use as a `since` mark. */
    mark() {
        return this.seq;
    }
    clear() {
        this.entries = [];
    }
}

;// CONCATENATED MODULE: ./sandbox/core/state.ts
/**
 * The sandbox's world: Azure subscriptions (providers, resource groups, Event Grid resources),
 * Entra principals with role assignments, Auth0 tenants (clients, log streams, log records) and the
 * GitHub side. Event Grid resources are stored as the JSON ARM returns, so what a GET answers is what
 * was stored.
 */
function emptyWorld() {
    return { subscriptions: new Map(), principals: new Map(), auth0Tenants: new Map(), github: {} };
}
const key = (s) => s.toLowerCase();

;// CONCATENATED MODULE: ./sandbox/core/rbac.ts
const BUILT_IN_ROLES = {
    owner: { actions: ['*'], notActions: [] },
    contributor: {
        actions: ['*'],
        notActions: ['Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/*/Write', 'Microsoft.Authorization/elevateAccess/Action'],
    },
    reader: { actions: ['*/read'], notActions: [] },
    // Reads monitoring data (metrics) of any resource: what `verify` needs beside EventGrid Contributor.
    'monitoring reader': { actions: ['*/read', 'Microsoft.OperationalInsights/workspaces/search/action', 'Microsoft.Support/*'], notActions: [] },
    'eventgrid contributor': {
        actions: [
            'Microsoft.Authorization/*/read',
            'Microsoft.EventGrid/*',
            'Microsoft.Insights/alertRules/*',
            'Microsoft.Resources/deployments/*',
            'Microsoft.Resources/subscriptions/resourceGroups/read',
            'Microsoft.Support/*',
        ],
        notActions: [],
    },
    'eventgrid eventsubscription contributor': {
        actions: [
            'Microsoft.Authorization/*/read',
            'Microsoft.EventGrid/eventSubscriptions/*',
            'Microsoft.EventGrid/topicTypes/eventSubscriptions/read',
            'Microsoft.EventGrid/locations/eventSubscriptions/read',
            'Microsoft.EventGrid/locations/topicTypes/eventSubscriptions/read',
            'Microsoft.Insights/alertRules/*',
            'Microsoft.Resources/deployments/*',
            'Microsoft.Resources/subscriptions/resourceGroups/read',
            'Microsoft.Support/*',
        ],
        notActions: [],
    },
};
function isKnownRole(role) {
    return role.toLowerCase() in BUILT_IN_ROLES;
}
function actionMatches(pattern, action) {
    const re = new RegExp('^' + pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')).join('.*') + '$', 'i');
    return re.test(action);
}
function scopeContains(assignmentScope, scope) {
    const a = assignmentScope.replace(/\/+$/, '').toLowerCase();
    const s = scope.replace(/\/+$/, '').toLowerCase();
    return s === a || s.startsWith(a + '/');
}
/** Whether `principal` may perform `action` (e.g. `Microsoft.EventGrid/partnerTopics/write`) on `scope`. */
function isAllowed(principal, action, scope) {
    return principal.roleAssignments.some((ra) => {
        const def = BUILT_IN_ROLES[ra.role.toLowerCase()];
        if (!def || !scopeContains(ra.scope, scope))
            return false;
        return def.actions.some((p) => actionMatches(p, action)) && !def.notActions.some((p) => actionMatches(p, action));
    });
}

;// CONCATENATED MODULE: ./sandbox/core/seed.ts
/**
 * Seeds: the world the sandbox starts with. The default seed is a ready-to-use world (one
 * subscription with one resource group in westus2, a service principal with the right roles plus
 * two with less, one Auth0 tenant with a machine-to-machine client holding the log-stream scopes).
 * A seed file describes more (the fleet benchmarks seed hundreds of groups and several tenants).
 */



const DEFAULT_IDS = {
    tenantId: '8d3c6a2b-5f4e-4c1a-9b7d-2e6f1a0c3b5d',
    subscriptionId: '5f1c9a3e-7b2d-4e8f-a6c1-0d9e8b7a6f54',
    resourceGroup: 'auth0-events',
    region: 'westus2',
    clientId: '3b9d5c7e-1a2f-4b6c-8d0e-9f1a2b3c4d5e',
    clientSecret: 'sbx~ClientSecret.9f8e7d6c5b4a3928',
    readerClientId: '4c0e6d8f-2b3a-4c7d-9e1f-0a2b3c4d5e6f',
    readerSecret: 'sbx~ReaderSecret.1a2b3c4d5e6f7a8b',
    rgOnlyClientId: '5d1f7e9a-3c4b-4d8e-8f2a-1b3c4d5e6f7a',
    rgOnlySecret: 'sbx~GroupOnlySecret.2b3c4d5e6f7a8b9c',
    auth0Tenant: 'dev-tenant',
    auth0ClientId: 'SbxM2mLogStreamsClient00000001',
    auth0ClientSecret: 'sbx-auth0-secret-Q2hhbmdlTWVJblByb2R1Y3Rpb24',
    auth0ReadOnlyClientId: 'SbxM2mReadOnlyClient000000002',
    auth0ReadOnlyClientSecret: 'sbx-auth0-readonly-secret-UmVhZE9ubHlDbGllbnQ',
    githubRepository: 'octo-org/octo-repo',
    federatedSubject: 'repo:octo-org/octo-repo:ref:refs/heads/main',
};
const AZURE_TOKEN_EXCHANGE = 'api://AzureADTokenExchange';
const LOG_STREAM_SCOPES = ['read:log_streams', 'create:log_streams', 'update:log_streams', 'delete:log_streams'];
function defaultSeed() {
    const d = DEFAULT_IDS;
    const sub = `/subscriptions/${d.subscriptionId}`;
    return {
        tenantId: d.tenantId,
        subscriptions: [
            {
                subscriptionId: d.subscriptionId,
                displayName: 'Sandbox subscription',
                registeredProviders: [],
                resourceGroups: [{ name: d.resourceGroup, location: d.region }],
            },
        ],
        principals: [
            {
                clientId: d.clientId,
                displayName: 'auth0-eventgrid deployer',
                secret: d.clientSecret,
                federatedCredentials: [
                    { issuer: 'github-actions', subject: d.federatedSubject },
                    { issuer: 'github-actions', subject: `repo:${d.githubRepository}:environment:production` },
                    { issuer: 'github-actions', subject: `repo:${d.githubRepository}:pull_request` },
                ],
                roleAssignments: [{ role: 'Contributor', scope: sub }],
            },
            {
                clientId: d.readerClientId,
                displayName: 'auth0-eventgrid reader',
                secret: d.readerSecret,
                roleAssignments: [{ role: 'Reader', scope: sub }],
            },
            {
                clientId: d.rgOnlyClientId,
                displayName: 'auth0-eventgrid group-scoped EventGrid Contributor',
                secret: d.rgOnlySecret,
                roleAssignments: [{ role: 'EventGrid Contributor', scope: `${sub}/resourceGroups/${d.resourceGroup}` }],
            },
        ],
        auth0Tenants: [
            {
                name: d.auth0Tenant,
                clients: [
                    { clientId: d.auth0ClientId, clientSecret: d.auth0ClientSecret, name: 'auth0-eventgrid', scopes: LOG_STREAM_SCOPES },
                    { clientId: d.auth0ReadOnlyClientId, clientSecret: d.auth0ReadOnlyClientSecret, name: 'read-only', scopes: ['read:log_streams'] },
                ],
            },
        ],
    };
}
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Checks a seed, throwing an Error that names the bad entry. */
function validateSeed(seed) {
    if (typeof seed !== 'object' || seed === null)
        throw new Error('seed: must be a JSON object');
    for (const [i, s] of (seed.subscriptions ?? []).entries()) {
        if (!GUID.test(s.subscriptionId ?? ''))
            throw new Error(`seed.subscriptions[${i}].subscriptionId: "${s.subscriptionId}" is not a GUID`);
        for (const [j, g] of (s.resourceGroups ?? []).entries()) {
            if (!/^[-\w._()]{1,90}$/.test(g.name ?? '') || g.name.endsWith('.'))
                throw new Error(`seed.subscriptions[${i}].resourceGroups[${j}].name: "${g.name}" is not a valid resource group name`);
        }
    }
    for (const [i, p] of (seed.principals ?? []).entries()) {
        if (!GUID.test(p.clientId ?? ''))
            throw new Error(`seed.principals[${i}].clientId: "${p.clientId}" is not a GUID`);
        for (const [j, ra] of (p.roleAssignments ?? []).entries()) {
            if (!isKnownRole(ra.role))
                throw new Error(`seed.principals[${i}].roleAssignments[${j}].role: unknown role "${ra.role}"`);
            if (!/^\/subscriptions\/[^/]+/i.test(ra.scope ?? ''))
                throw new Error(`seed.principals[${i}].roleAssignments[${j}].scope: "${ra.scope}" is not a subscription or resource scope`);
        }
    }
    for (const [i, t] of (seed.auth0Tenants ?? []).entries()) {
        if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(t.name ?? ''))
            throw new Error(`seed.auth0Tenants[${i}].name: "${t.name}" is not a valid tenant name (lower-case letters, digits, hyphens)`);
    }
}
/** Adds a seed's entities to `world` (existing ones with the same ids are replaced). */
function applySeed(world, seed) {
    validateSeed(seed);
    const defaultTenant = seed.tenantId ?? DEFAULT_IDS.tenantId;
    for (const s of seed.subscriptions ?? []) {
        const providers = new Map((s.registeredProviders ?? []).map((ns) => [key(ns), { namespace: ns, state: 'Registered' }]));
        world.subscriptions.set(key(s.subscriptionId), {
            subscriptionId: s.subscriptionId.toLowerCase(),
            displayName: s.displayName ?? `Subscription ${s.subscriptionId.slice(0, 8)}`,
            tenantId: s.tenantId ?? defaultTenant,
            providers,
            resourceGroups: new Map((s.resourceGroups ?? []).map((g) => [key(g.name), { name: g.name, location: g.location ?? 'westus2', tags: g.tags ?? {}, partnerTopics: new Map() }])),
        });
    }
    for (const p of seed.principals ?? []) {
        world.principals.set(key(p.clientId), {
            clientId: p.clientId.toLowerCase(),
            objectId: p.objectId ?? (0,external_node_crypto_.randomUUID)(),
            tenantId: p.tenantId ?? defaultTenant,
            displayName: p.displayName ?? p.clientId,
            secrets: p.secret ? [p.secret] : [],
            federatedCredentials: (p.federatedCredentials ?? []).map((f) => ({
                issuer: f.issuer ?? 'github-actions',
                subject: f.subject,
                audiences: f.audiences ?? [AZURE_TOKEN_EXCHANGE],
            })),
            roleAssignments: p.roleAssignments ?? [],
        });
    }
    for (const t of seed.auth0Tenants ?? []) {
        const existing = world.auth0Tenants.get(t.name);
        world.auth0Tenants.set(t.name, {
            name: t.name,
            domain: existing?.domain ?? '',
            clients: new Map((t.clients ?? []).map((c) => [c.clientId, { clientId: c.clientId, clientSecret: c.clientSecret, name: c.name ?? c.clientId, scopes: c.scopes ?? LOG_STREAM_SCOPES }])),
            logStreams: existing?.logStreams ?? new Map(),
            logs: existing?.logs ?? [],
            streamLimit: t.streamLimit ?? 10,
        });
    }
    if (seed.github)
        Object.assign(world.github, seed.github);
}
function worldFromSeed(seed) {
    const world = emptyWorld();
    applySeed(world, seed);
    return world;
}

// EXTERNAL MODULE: ./node_modules/reflect-metadata/Reflect.js
var Reflect = __webpack_require__(80477);
// EXTERNAL MODULE: ./node_modules/@peculiar/x509/build/x509.cjs.js
var x509_cjs = __webpack_require__(8927);
;// CONCATENATED MODULE: ./sandbox/core/tls.ts
/**
 * The sandbox's own certificate authority and the loopback server certificate it signs.
 * Clients trust the sandbox only through Node's standard NODE_EXTRA_CA_CERTS pointing at ca.pem.
 * A CA directory may be reused across starts (so a developer trusts it once); otherwise a fresh one
 * is generated in a temporary directory.
 */





x509_cjs/* cryptoProvider */.Ve.set(external_node_crypto_.webcrypto);
const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
function toPem(der, label) {
    const b64 = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
    return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}
function fromPem(pem) {
    const b64 = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
    const buf = Buffer.from(b64, 'base64');
    return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
}
async function generateCa() {
    const keys = (await external_node_crypto_.webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']));
    const now = Date.now();
    const cert = await x509_cjs/* X509CertificateGenerator */.Jy.createSelfSigned({
        serialNumber: Buffer.from(external_node_crypto_.webcrypto.getRandomValues(new Uint8Array(8))).toString('hex').replace(/^[89a-f]/, '1'),
        name: 'CN=auth0-eventgrid sandbox CA, O=auth0-eventgrid',
        notBefore: new Date(now - 3600_000),
        notAfter: new Date(now + 3650 * 86400_000),
        keys,
        signingAlgorithm: ALG,
        extensions: [
            new x509_cjs/* BasicConstraintsExtension */.WA(true, 0, true),
            new x509_cjs/* KeyUsagesExtension */.hy(x509_cjs/* KeyUsageFlags */.Ob.keyCertSign | x509_cjs/* KeyUsageFlags */.Ob.cRLSign, true),
            await x509_cjs/* SubjectKeyIdentifierExtension */.QE.create(keys.publicKey),
        ],
    });
    const pkcs8 = await external_node_crypto_.webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
    return { certPem: cert.toString('pem') + '\n', keyPem: toPem(pkcs8, 'PRIVATE KEY') };
}
async function issueLeaf(caCertPem, caKeyPem) {
    const caCert = new x509_cjs/* X509Certificate */.yI(caCertPem);
    const caKey = await external_node_crypto_.webcrypto.subtle.importKey('pkcs8', fromPem(caKeyPem), ALG, false, ['sign']);
    const keys = (await external_node_crypto_.webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']));
    const now = Date.now();
    const cert = await x509_cjs/* X509CertificateGenerator */.Jy.create({
        serialNumber: Buffer.from(external_node_crypto_.webcrypto.getRandomValues(new Uint8Array(8))).toString('hex').replace(/^[89a-f]/, '1'),
        subject: 'CN=127.0.0.1',
        issuer: caCert.subject,
        notBefore: new Date(now - 3600_000),
        notAfter: new Date(now + 365 * 86400_000),
        signingKey: caKey,
        publicKey: keys.publicKey,
        signingAlgorithm: ALG,
        extensions: [
            new x509_cjs/* BasicConstraintsExtension */.WA(false, undefined, true),
            new x509_cjs/* KeyUsagesExtension */.hy(x509_cjs/* KeyUsageFlags */.Ob.digitalSignature | x509_cjs/* KeyUsageFlags */.Ob.keyEncipherment, true),
            new x509_cjs/* ExtendedKeyUsageExtension */.j6([x509_cjs/* ExtendedKeyUsage */.CD.serverAuth]),
            new x509_cjs/* SubjectAlternativeNameExtension */.Wx([
                { type: 'ip', value: '127.0.0.1' },
                { type: 'dns', value: 'localhost' },
            ]),
            await x509_cjs/* AuthorityKeyIdentifierExtension */.Z$.create(caCert),
        ],
    });
    const pkcs8 = await external_node_crypto_.webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
    return { certPem: cert.toString('pem') + '\n', keyPem: toPem(pkcs8, 'PRIVATE KEY') };
}
/** Ensures a CA in `dir` (creating it when absent) and returns the CA certificate's path. */
async function ensureCa(dir) {
    const certPath = (0,external_node_path_.join)(dir, 'ca.pem');
    const keyPath = (0,external_node_path_.join)(dir, 'ca-key.pem');
    if ((0,external_node_fs_.existsSync)(certPath) && (0,external_node_fs_.existsSync)(keyPath)) {
        return { certPath, certPem: (0,external_node_fs_.readFileSync)(certPath, 'utf8'), keyPem: (0,external_node_fs_.readFileSync)(keyPath, 'utf8') };
    }
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    const ca = await generateCa();
    (0,external_node_fs_.writeFileSync)(keyPath, ca.keyPem, { mode: 0o600 });
    (0,external_node_fs_.writeFileSync)(certPath, ca.certPem);
    return { certPath, ...ca };
}
async function loadTls(caDir) {
    const ca = await ensureCa(caDir);
    const leaf = await issueLeaf(ca.certPem, ca.keyPem);
    return { caCertPem: ca.certPem, caCertPath: ca.certPath, certPem: leaf.certPem + ca.certPem, keyPem: leaf.keyPem };
}

// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/key/generate_key_pair.js + 2 modules
var generate_key_pair = __webpack_require__(41538);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/key/export.js
var key_export = __webpack_require__(17968);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/jwt/sign.js + 1 modules
var sign = __webpack_require__(72896);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/jwt/verify.js + 1 modules
var verify = __webpack_require__(25057);
;// CONCATENATED MODULE: ./sandbox/core/tokens.ts
/**
 * Signing keys of the sandbox's token issuers (Entra ID, GitHub Actions OIDC, Auth0 tenants) and JWT
 * helpers. Tokens are real RS256 JWTs, verified against the issuer's key; verified tokens are cached
 * so that the ARM hot path stays cheap.
 */


async function newIssuerKey() {
    const { privateKey, publicKey } = await (0,generate_key_pair/* generateKeyPair */.T)('RS256', { extractable: true });
    const kid = (0,external_node_crypto_.randomUUID)().replace(/-/g, '');
    const jwk = { ...(await (0,key_export/* exportJWK */.JU)(publicKey)), kid, use: 'sig', alg: 'RS256' };
    return { kid, privateKey, publicKey, jwk };
}
async function signJwt(key, claims, opts) {
    const iat = Math.floor(opts.nowMs / 1000);
    return new sign/* SignJWT */.P({ ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: opts.typ ?? 'JWT' })
        .setIssuedAt(iat)
        .setNotBefore(iat - 300)
        .setExpirationTime(iat + opts.ttlSeconds)
        .setJti(claims.jti ?? (0,external_node_crypto_.randomUUID)())
        .sign(key.privateKey);
}
class TokenVerifier {
    key;
    cache = new Map();
    constructor(key) {
        this.key = key;
    }
    /**
     * Verifies signature and time against the sandbox clock (`nowMs`). Throws an Error whose message
     * says what is wrong (expired, bad signature, malformed).
     */
    async verify(token, nowMs) {
        let claims = this.cache.get(token);
        if (!claims) {
            const { payload } = await (0,verify/* jwtVerify */.V)(token, this.key.publicKey, { currentDate: new Date(nowMs), clockTolerance: 300 });
            claims = payload;
            if (this.cache.size > 10_000)
                this.cache.clear();
            this.cache.set(token, claims);
        }
        if (typeof claims.exp === 'number' && claims.exp * 1000 + 300_000 < nowMs) {
            throw new Error('"exp" claim timestamp check failed');
        }
        return claims;
    }
}

// EXTERNAL MODULE: ./sandbox/auth0/logs.ts
var logs = __webpack_require__(33216);
;// CONCATENATED MODULE: ./sandbox/core/eventgrid.ts

const AUTH0_PARTNER = {
    immutableId: '804a11ca-ce9b-4158-8e94-3c8dc7a072ec',
    name: 'Auth0',
    displayName: 'Auth0',
    verifiedPartnerId: '/providers/Microsoft.EventGrid/verifiedPartners/Auth0',
};
const EVENTGRID_NAMESPACE = 'Microsoft.EventGrid';
/** `defaultMaximumExpirationTimeInDays` when a partner configuration does not set it. */
const DEFAULT_MAX_EXPIRATION_DAYS = 7;
function resourceGroupId(subscriptionId, group) {
    return `/subscriptions/${subscriptionId}/resourceGroups/${group}`;
}
function partnerConfigurationId(subscriptionId, group) {
    return `${resourceGroupId(subscriptionId, group)}/providers/Microsoft.EventGrid/partnerConfigurations/default`;
}
function partnerTopicId(subscriptionId, group, topic) {
    return `${resourceGroupId(subscriptionId, group)}/providers/Microsoft.EventGrid/partnerTopics/${topic}`;
}
function systemData(ctx, by, byType, previous) {
    const now = ctx.clock.iso();
    return {
        createdBy: previous?.createdBy ?? by,
        createdByType: previous?.createdByType ?? byType,
        createdAt: previous?.createdAt ?? now,
        lastModifiedBy: by,
        lastModifiedByType: byType,
        lastModifiedAt: now,
    };
}
function isProviderRegistered(ctx, sub, namespace = EVENTGRID_NAMESPACE) {
    const reg = sub.providers.get(key(namespace));
    if (!reg)
        return false;
    if (reg.state === 'Registering' && reg.until !== undefined && reg.until <= ctx.clock.now()) {
        reg.state = 'Registered';
        delete reg.until;
    }
    return reg.state === 'Registered';
}
/** Whether the group's partner configuration authorizes Auth0 (by immutable id or by name), unexpired, now. */
function auth0Authorization(ctx, group) {
    const cfg = group.partnerConfiguration;
    if (!cfg)
        return { authorized: false, reason: `resource group '${group.name}' has no partner configuration authorizing Auth0` };
    const list = cfg.properties?.partnerAuthorization?.authorizedPartnersList ?? [];
    const entry = list.find((p) => (typeof p.partnerRegistrationImmutableId === 'string' && p.partnerRegistrationImmutableId.toLowerCase() === AUTH0_PARTNER.immutableId) ||
        (typeof p.partnerName === 'string' && p.partnerName.toLowerCase() === AUTH0_PARTNER.name.toLowerCase()));
    if (!entry)
        return { authorized: false, reason: `the partner configuration of resource group '${group.name}' does not authorize Auth0` };
    const exp = entry.authorizationExpirationTimeInUtc ? Date.parse(entry.authorizationExpirationTimeInUtc) : NaN;
    if (Number.isNaN(exp))
        return { authorized: true };
    if (exp <= ctx.clock.now()) {
        return { authorized: false, expiresAt: new Date(exp).toISOString(), reason: `Auth0's authorization in resource group '${group.name}' expired at ${new Date(exp).toISOString()}` };
    }
    return { authorized: true, expiresAt: new Date(exp).toISOString() };
}
/**
 * Creates a partner topic in `group` as Event Grid does when a partner creates one: Auth0's immutable
 * id, `activationState: NeverActivated`, and an `expirationTimeIfNotActivatedUtc` after which an
 * unactivated topic is deleted (scheduled on the sandbox clock).
 */
function createPartnerTopic(ctx, sub, group, t) {
    const expiresAt = ctx.clock.now() + ctx.settings.unactivatedTopicTtlDays * 86_400_000;
    const resource = {
        id: partnerTopicId(sub.subscriptionId, group.name, t.name),
        name: t.name,
        type: 'Microsoft.EventGrid/partnerTopics',
        location: group.location,
        tags: {},
        systemData: systemData(ctx, AUTH0_PARTNER.name, 'Application'),
        properties: {
            partnerRegistrationImmutableId: AUTH0_PARTNER.immutableId,
            source: t.source,
            expirationTimeIfNotActivatedUtc: new Date(expiresAt).toISOString(),
            provisioningState: 'Succeeded',
            activationState: 'NeverActivated',
            partnerTopicFriendlyDescription: t.friendlyDescription,
            messageForActivation: t.messageForActivation,
        },
    };
    const record = { resource, eventSubscriptions: new Map(), createdBy: t.createdBy };
    group.partnerTopics.set(key(t.name), record);
    ctx.clock.at(expiresAt, () => {
        const current = group.partnerTopics.get(key(t.name));
        if (current === record && record.resource.properties.activationState === 'NeverActivated') {
            group.partnerTopics.delete(key(t.name));
        }
    });
    return record;
}
/** Finds a subscription and group (case-insensitive), or undefined. */
function findGroup(ctx, subscriptionId, group) {
    const sub = ctx.world.subscriptions.get(key(subscriptionId));
    const g = sub?.resourceGroups.get(key(group));
    return sub && g ? { sub, group: g } : undefined;
}

;// CONCATENATED MODULE: ./sandbox/auth0/partner.ts


/** Whether Auth0 may create a partner topic at the sink's target now; if not, why (for a 400 message). */
function checkPartnerTarget(ctx, sink) {
    const fail = (why, fix) => ({ ok: false, message: `Unable to create the Azure Event Grid partner topic: ${why}. ${fix}` });
    const sub = ctx.world.subscriptions.get(key(sink.azureSubscriptionId));
    if (!sub) {
        return fail(`Azure subscription '${sink.azureSubscriptionId}' was not found`, 'Check azureSubscriptionId.');
    }
    const found = findGroup(ctx, sink.azureSubscriptionId, sink.azureResourceGroup);
    if (!found) {
        return fail(`resource group '${sink.azureResourceGroup}' was not found in Azure subscription '${sink.azureSubscriptionId}'`, 'Create the resource group or check azureResourceGroup.');
    }
    if (!isProviderRegistered(ctx, sub, EVENTGRID_NAMESPACE)) {
        return fail(`the resource provider '${EVENTGRID_NAMESPACE}' is not registered in Azure subscription '${sink.azureSubscriptionId}'`, `Register ${EVENTGRID_NAMESPACE} on the subscription, then create the log stream again.`);
    }
    const auth = auth0Authorization(ctx, found.group);
    if (!auth.authorized) {
        return fail(auth.reason ?? `Auth0 is not authorized in resource group '${found.group.name}'`, `Authorize the partner ${AUTH0_PARTNER.name} (immutable id ${AUTH0_PARTNER.immutableId}) in the partner configuration of resource group '${found.group.name}', then create the log stream again.`);
    }
    return { ok: true, sub, group: found.group };
}
/** The partner topic's resource name for a stream: `auth0-{tenant}-{digits}`, at most 50 characters. */
function topicResourceName(tenant, streamId) {
    const digits = streamId.replace(/\D/g, '').slice(-16) || '0';
    const room = 50 - 'auth0-'.length - 1 - digits.length;
    const t = tenant
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, '-')
        .slice(0, room)
        .replace(/-+$/, '');
    return t ? `auth0-${t}-${digits}` : `auth0-${digits}`;
}
/** The `sink.azurePartnerTopic` shape seen in the wild (not a resource name). */
function partnerPath(tenant, subscriptionId) {
    return `azure.partner/auth0.com/${tenant}-${subscriptionId}/auth0.logs`;
}
function topicSource(tenant, streamId) {
    return `auth0.com/${tenant}/log-streams/${streamId}`;
}
/** Creates the stream's partner topic in `group` (called when the provisioning delay is over). */
function createStreamTopic(ctx, sub, group, tenant, streamId, region) {
    let name = topicResourceName(tenant, streamId);
    for (let i = 2; group.partnerTopics.has(key(name)); i++)
        name = `${topicResourceName(tenant, streamId).slice(0, 47)}-${i}`;
    const record = createPartnerTopic(ctx, sub, group, {
        name,
        source: topicSource(tenant, streamId),
        friendlyDescription: `Auth0 logs of tenant ${tenant} (log stream ${streamId})`,
        messageForActivation: `Activate this partner topic to receive the logs of the Auth0 tenant ${tenant} (log stream ${streamId}). Check that the source names your Auth0 tenant before you activate it.`,
        createdBy: { tenant, streamId },
    });
    record.resource.location = region;
    return record;
}
/** The partner topic Auth0 created for a stream, wherever it is, if it still exists. */
function findStreamTopic(ctx, tenant, streamId) {
    for (const sub of ctx.world.subscriptions.values()) {
        for (const group of sub.resourceGroups.values()) {
            for (const topic of group.partnerTopics.values()) {
                if (topic.createdBy?.tenant === tenant && topic.createdBy.streamId === streamId)
                    return { sub, group, topic };
            }
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./sandbox/auth0/schemas.ts
/** `LogStreamEventGridRegionEnum`: the 34 regions Auth0 accepts for `sink.azureRegion`. */
const AZURE_REGIONS = [
    'australiacentral', 'australiaeast', 'australiasoutheast', 'brazilsouth', 'canadacentral', 'canadaeast',
    'centralindia', 'centralus', 'eastasia', 'eastus', 'eastus2', 'francecentral', 'germanywestcentral',
    'japaneast', 'japanwest', 'koreacentral', 'koreasouth', 'northcentralus', 'northeurope', 'norwayeast',
    'southafricanorth', 'southcentralus', 'southeastasia', 'southindia', 'swedencentral', 'switzerlandnorth',
    'uaenorth', 'uksouth', 'ukwest', 'westcentralus', 'westeurope', 'westindia', 'westus', 'westus2',
];
/** `LogStreamFilterGroupNameEnum`: the 20 filter categories. */
const FILTER_CATEGORIES = [
    'auth.login.fail', 'auth.login.notification', 'auth.login.success', 'auth.logout.fail', 'auth.logout.success',
    'auth.signup.fail', 'auth.signup.success', 'auth.silent_auth.fail', 'auth.silent_auth.success',
    'auth.token_exchange.fail', 'auth.token_exchange.success', 'management.fail', 'management.success',
    'scim.event', 'system.notification', 'user.fail', 'user.notification', 'user.success', 'actions', 'other',
];
const STREAM_STATUSES = ['active', 'paused', 'suspended'];
const STREAM_TYPES = ['http', 'eventbridge', 'eventgrid', 'datadog', 'splunk', 'sumo', 'segment', 'mixpanel'];
const AWS_REGIONS = [
    'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1',
    'ap-south-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5',
    'ap-southeast-6', 'ap-southeast-7', 'ca-central-1', 'ca-west-1', 'eu-central-1', 'eu-central-2', 'eu-north-1',
    'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'il-central-1', 'me-central-1', 'me-south-1',
    'mx-central-1', 'sa-east-1', 'us-gov-east-1', 'us-gov-west-1', 'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
];
const str = (description, extra = {}) => ({ type: 'string', description, ...extra });
const filter = {
    type: 'object',
    additionalProperties: true,
    properties: {
        type: { type: 'string', description: 'Filter type. Currently `category` is the only valid type.', enum: ['category'] },
        name: { type: 'string', description: 'Category group name', enum: FILTER_CATEGORIES },
    },
};
const filters = {
    type: 'array',
    description: 'Only logs events matching these filters will be delivered by the stream. If omitted or empty, all events will be delivered.',
    items: filter,
};
const piiConfig = {
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
const CREATE_SINKS = {
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
const PATCH_SINKS = {
    http: CREATE_SINKS.http,
    datadog: CREATE_SINKS.datadog,
    splunk: CREATE_SINKS.splunk,
    sumo: CREATE_SINKS.sumo,
    segment: { type: 'object', additionalProperties: false, properties: { segmentWriteKey: str('Segment write key') } },
    mixpanel: { ...CREATE_SINKS.mixpanel, required: ['mixpanelRegion', 'mixpanelProjectId', 'mixpanelServiceAccountUsername'] },
};
/** Fields of a sink that hold secrets: kept in the stream, redacted from log records. */
const SECRET_SINK_FIELDS = ['httpAuthorization', 'datadogApiKey', 'splunkToken', 'segmentWriteKey', 'mixpanelServiceAccountPassword'];
/** `CreateLogStream{Type}RequestBody`. No `status`: a new stream is always active. */
function createSchema(type) {
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
function updateSchema(type) {
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

;// CONCATENATED MODULE: ./sandbox/auth0/validate.ts
/**
 * A small JSON-schema validator for the Management API's request bodies, answering in the words of
 * Auth0's validator (z-schema): `Payload validation error: '<message>' on property <path> (<description>).`
 * It reports the first error, as Auth0 does.
 */
/** ISO 8601 date-time (RFC 3339), as z-schema's `date-time` format checks it. */
const DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
function isDateTime(v) {
    return DATE_TIME.test(v) && !Number.isNaN(Date.parse(v));
}
function typeOf(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'array';
    if (typeof v === 'number')
        return Number.isInteger(v) ? 'integer' : 'number';
    return typeof v;
}
function join(path, key) {
    if (typeof key === 'number')
        return `${path}[${key}]`;
    return path ? `${path}.${key}` : key;
}
function validate(schema, value, path = '') {
    const issue = (message) => ({ message, path, description: schema.description });
    if (schema.type) {
        const actual = typeOf(value);
        const ok = schema.type === actual || (schema.type === 'number' && actual === 'integer');
        if (!ok)
            return issue(`Expected type ${schema.type} but found type ${actual}`);
    }
    if (schema.enum && !schema.enum.includes(value))
        return issue(`No enum match for: ${JSON.stringify(value)}`);
    if (typeof value === 'string') {
        if (schema.pattern && !new RegExp(schema.pattern).test(value))
            return issue(`String does not match pattern ${schema.pattern}: ${value}`);
        if (schema.format === 'date-time' && !isDateTime(value))
            return issue(`Object didn't pass validation for format date-time: ${value}`);
    }
    if (Array.isArray(value)) {
        if (schema.minItems !== undefined && value.length < schema.minItems)
            return issue(`Array is too short (${value.length}), minimum ${schema.minItems}`);
        if (schema.items) {
            for (let i = 0; i < value.length; i++) {
                const found = validate(schema.items, value[i], join(path, i));
                if (found)
                    return found;
            }
        }
    }
    if (value && typeof value === 'object' && !Array.isArray(value)) {
        const obj = value;
        for (const r of schema.required ?? []) {
            if (obj[r] === undefined)
                return issue(`Missing required property: ${r}`);
        }
        if (schema.additionalProperties === false) {
            const extra = Object.keys(obj).filter((k) => !schema.properties || !(k in schema.properties));
            if (extra.length)
                return issue(`Additional properties not allowed: ${extra.join(',')}`);
        }
        for (const [k, sub] of Object.entries(schema.properties ?? {})) {
            if (obj[k] === undefined)
                continue;
            const found = validate(sub, obj[k], join(path, k));
            if (found)
                return found;
        }
    }
    return undefined;
}
/** Auth0's message for a validation issue. */
function payloadMessage(i) {
    const where = i.path ? ` on property ${i.path}${i.description ? ` (${i.description})` : ''}` : '';
    return `Payload validation error: '${i.message}'${where}.`;
}

;// CONCATENATED MODULE: ./sandbox/auth0/index.ts
/**
 * The sandbox's Auth0: one listener per tenant (domain `127.0.0.1:PORT`) serving
 *   - `POST /oauth/token` (client credentials for the Management API audience), logging seccft/feccft;
 *   - the Management API's log streams (`/api/v2/log-streams`, `/api/v2/log-streams/{id}`) as in
 *     specs/auth0/management-api-log-streams.openapi.json: bearer tokens, per-operation scopes,
 *     Auth0's error bodies and payload validation messages, `x-ratelimit-*` headers and 429s, and
 *     the partner side of `eventgrid` streams (partner topics created in Azure, see partner.ts);
 *   - `GET /.well-known/jwks.json` (the key its tokens are signed with).
 * Management API writes are logged as `sapi`, failures as `fapi`, throttled calls as `api_limit`.
 * Admin routes (on every listener, under /_sandbox/auth0/{tenant}/…) list and append log records
 * and show streams with their partner-side state.
 */










/** Token lifetime of Management API tokens (Auth0's default for the API). */
const TOKEN_TTL_SECONDS = 86_400;
/** The `x-ratelimit-limit` sent when `auth0RateLimitPerSecond` is 0 (unlimited). */
const NOMINAL_RATE_LIMIT = 50;
const STATUS_TEXT = {
    400: 'Bad Request',
    401: 'Unauthorized',
    402: 'Payment Required',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    409: 'Conflict',
    413: 'Payload Too Large',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
};
/** Required scope and the summary Auth0 uses as the log description, per operation. */
const OPERATIONS = {
    'log-streams.list': { scope: 'read:log_streams', summary: 'Get log streams' },
    'log-streams.create': { scope: 'create:log_streams', summary: 'Create a log stream' },
    'log-streams.get': { scope: 'read:log_streams', summary: 'Get log stream by ID' },
    'log-streams.update': { scope: 'update:log_streams', summary: 'Update a log stream' },
    'log-streams.delete': { scope: 'delete:log_streams', summary: 'Delete log stream' },
};
const GRANT_TYPES = new Set([
    'client_credentials',
    'authorization_code',
    'refresh_token',
    'password',
    'http://auth0.com/oauth/grant-type/password-realm',
    'http://auth0.com/oauth/grant-type/passwordless/otp',
    'http://auth0.com/oauth/grant-type/mfa-oob',
    'http://auth0.com/oauth/grant-type/mfa-otp',
    'http://auth0.com/oauth/grant-type/mfa-recovery-code',
    'urn:ietf:params:oauth:grant-type:device_code',
    'urn:ietf:params:oauth:grant-type:token-exchange',
    'urn:ietf:params:oauth:grant-type:jwt-bearer',
    'urn:openid:params:grant-type:ciba',
]);
/** A Management API error: `errorCode` '' means the body has none. */
const apiError = (status, message, errorCode = '', headers = {}) => new http_HttpError(status, errorCode, message, headers);
/** A token endpoint error (`{error, error_description}`). */
const oauthError = (status, error, description) => new http_HttpError(status, error, description);
/** Partner-side facts about streams, kept beside the public stream objects stored in the tenant. */
const streamMeta = new WeakMap();
/** Per-tenant request counts in the current (real-time) second; rate limits are a wall-clock matter for clients. */
const rateWindows = new WeakMap();
function tenantOf(ctx, name) {
    return name ? ctx.world.auth0Tenants.get(name) : undefined;
}
function currentTenant(c) {
    const t = tenantOf(c.sandbox, c.listener.tenant);
    if (!t)
        throw apiError(404, `The tenant '${c.listener.tenant ?? ''}' does not exist in the sandbox.`);
    return t;
}
function newStreamId() {
    return `lst_${String((0,external_node_crypto_.randomInt)(1, 1e8)).padStart(8, '0')}${String((0,external_node_crypto_.randomInt)(0, 1e8)).padStart(8, '0')}`;
}
function clientIp(c) {
    const fwd = c.headers['x-forwarded-for'];
    const first = (Array.isArray(fwd) ? fwd[0] : fwd)?.split(',')[0]?.trim();
    return first && /^[\d.]+$|^[0-9a-f:]+$/i.test(first) ? first : '127.0.0.1';
}
/** The `Auth0-Client` telemetry header (base64url JSON {name, version}) as the log's `auth0_client`. */
function auth0Client(c) {
    const h = c.headers['auth0-client'];
    if (typeof h !== 'string')
        return undefined;
    try {
        const v = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
        return v && typeof v === 'object' && typeof v.name === 'string' ? { name: v.name, version: String(v.version ?? '') } : undefined;
    }
    catch {
        return undefined;
    }
}
function redact(v) {
    if (Array.isArray(v))
        return v.map(redact);
    if (!v || typeof v !== 'object')
        return v;
    const out = {};
    for (const [k, x] of Object.entries(v)) {
        out[k] = SECRET_SINK_FIELDS.includes(k) || k === 'client_secret' ? '[REDACTED]' : redact(x);
    }
    return out;
}
function badBody(message) {
    return apiError(400, message, 'invalid_body');
}
// ---------------------------------------------------------------- token endpoint
async function issueToken(c) {
    const tenant = currentTenant(c);
    const body = (c.body && typeof c.body === 'object' ? c.body : {});
    const s = (k) => (typeof body[k] === 'string' ? body[k] : undefined);
    let clientId = s('client_id');
    let clientSecret = s('client_secret');
    const basic = /^Basic\s+(\S+)$/i.exec(String(c.headers.authorization ?? ''));
    if (basic) {
        const [id, ...rest] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
        clientId ??= decodeURIComponent(id);
        clientSecret ??= decodeURIComponent(rest.join(':'));
    }
    const grant = s('grant_type');
    c.locals.token = { grant, clientId, audience: s('audience') };
    if (!grant)
        throw oauthError(400, 'invalid_request', 'Missing required parameter: grant_type');
    if (!GRANT_TYPES.has(grant))
        throw oauthError(400, 'unsupported_grant_type', `Unsupported grant type: ${grant}`);
    if (!clientId)
        throw oauthError(401, 'access_denied', 'Unauthorized');
    const client = tenant.clients.get(clientId);
    if (!client || !clientSecret || clientSecret !== client.clientSecret)
        throw oauthError(401, 'access_denied', 'Unauthorized');
    c.locals.client = client;
    if (grant !== 'client_credentials')
        throw oauthError(403, 'unauthorized_client', `Grant type '${grant}' not allowed for the client.`);
    const expectedAudience = `https://${tenant.domain}/api/v2/`;
    const audience = s('audience');
    if (!audience)
        throw oauthError(403, 'access_denied', 'Non-global clients are not allowed access to APIv1');
    if (audience !== expectedAudience)
        throw oauthError(403, 'access_denied', `Service not enabled within domain: ${audience}`);
    if (!client.scopes.length) {
        throw oauthError(403, 'access_denied', `Client is not authorized to access "${expectedAudience}". You need to create a "client-grant" associated to this API. See: https://auth0.com/docs/api/v2#!/Client_Grants/post_client_grants`);
    }
    let scopes = client.scopes;
    const requested = s('scope')?.split(/\s+/).filter(Boolean);
    if (requested?.length) {
        const missing = requested.filter((r) => !client.scopes.includes(r));
        if (missing.length)
            throw oauthError(403, 'access_denied', `Client has not been granted scopes: ${missing.join(', ')}`);
        scopes = requested;
    }
    const scope = scopes.join(' ');
    const jti = (0,external_node_crypto_.randomUUID)().replace(/-/g, '');
    const accessToken = await signJwt(c.sandbox.keys.auth0, { iss: `https://${tenant.domain}/`, sub: `${client.clientId}@clients`, aud: expectedAudience, azp: client.clientId, scope, gty: 'client-credentials', jti }, { nowMs: c.sandbox.clock.now(), ttlSeconds: TOKEN_TTL_SECONDS, typ: 'JWT' });
    c.locals.tokenIssued = { jti, scope };
    return {
        status: 200,
        body: { access_token: accessToken, scope, expires_in: TOKEN_TTL_SECONDS, token_type: 'Bearer' },
        headers: { 'cache-control': 'no-store', pragma: 'no-cache' },
    };
}
// ---------------------------------------------------------------- Management API: auth and throttling
function throttle(c, tenant) {
    const limit = c.sandbox.settings.auth0RateLimitPerSecond;
    const second = Math.floor(Date.now() / 1000);
    let w = rateWindows.get(tenant);
    if (!w || w.second !== second) {
        w = { second, count: 0 };
        rateWindows.set(tenant, w);
    }
    if (limit > 0 && w.count >= limit) {
        c.locals.rate = { limit, remaining: 0, reset: second + 1 };
        c.locals.throttled = true;
        throw apiError(429, 'Global limit has been reached', 'too_many_requests');
    }
    w.count++;
    c.locals.rate = limit > 0 ? { limit, remaining: Math.max(0, limit - w.count), reset: second + 1 } : { limit: NOMINAL_RATE_LIMIT, remaining: NOMINAL_RATE_LIMIT - 1, reset: second + 1 };
}
/** A 401 for a token that was sent but is not acceptable (Auth0 repeats the reason in `attributes.error`). */
function unauthorized(message) {
    const e = apiError(401, message);
    e.details = { attributes: { error: message } };
    return e;
}
async function authenticate(c, tenant, route) {
    const header = c.headers.authorization;
    if (!header)
        throw apiError(401, 'Missing authentication');
    // Auth0 answers a header that is not `Bearer <JWT>` with a 400, not a 401.
    const m = /^Bearer\s+([\w-]+\.[\w-]+\.[\w-]*)\s*$/i.exec(header);
    if (!m)
        throw apiError(400, 'Bad HTTP authentication header format');
    let claims;
    try {
        claims = await c.sandbox.verifiers.auth0.verify(m[1], c.sandbox.clock.now());
    }
    catch (e) {
        const code = e.code ?? '';
        const msg = e.message ?? '';
        if (code === 'ERR_JWT_EXPIRED' || /"exp" claim/.test(msg))
            throw unauthorized('Expired token received for JSON Web Token validation');
        if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED')
            throw unauthorized('Invalid signature received for JSON Web Token validation');
        throw unauthorized('Invalid token');
    }
    const audience = `https://${tenant.domain}/api/v2/`;
    const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!aud.includes(audience))
        throw unauthorized(`Bad audience: ${aud.join(' ')}`);
    if (claims.iss !== `https://${tenant.domain}/`)
        throw unauthorized('Invalid token');
    c.locals.claims = claims;
    const clientId = typeof claims.azp === 'string' ? claims.azp : String(claims.sub ?? '').replace(/@clients$/, '');
    c.locals.client = tenant.clients.get(clientId) ?? { clientId, name: '' };
    const needed = OPERATIONS[route.operation]?.scope;
    const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
    if (needed && !scopes.includes(needed))
        throw apiError(403, `Insufficient scope, expected any of: ${needed}`, 'insufficient_scope');
}
// ---------------------------------------------------------------- Management API: log streams
function findStream(tenant, id) {
    const s = tenant.logStreams.get(id);
    if (!s)
        throw apiError(404, 'The log stream does not exist.', 'inexistent_log_stream');
    return s;
}
function requireObjectBody(c) {
    const body = c.body;
    if (body === undefined)
        throw badBody(payloadMessage({ message: 'Expected type object but found type undefined', path: '' }));
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
        throw badBody(payloadMessage({ message: `Expected type object but found type ${Array.isArray(body) ? 'array' : body === null ? 'null' : typeof body}`, path: '' }));
    }
    return body;
}
function createStream(c) {
    const ctx = c.sandbox;
    const tenant = currentTenant(c);
    const body = requireObjectBody(c);
    if (body.type === undefined)
        throw badBody(payloadMessage({ message: 'Missing required property: type', path: '' }));
    if (!STREAM_TYPES.includes(body.type))
        throw badBody(payloadMessage({ message: `No enum match for: ${JSON.stringify(body.type)}`, path: 'type' }));
    const type = body.type;
    const issue = validate(createSchema(type), body);
    if (issue)
        throw badBody(payloadMessage(issue));
    if (body.startFrom !== undefined && isDateTime(body.startFrom) && Date.parse(body.startFrom) > ctx.clock.now()) {
        throw badBody(payloadMessage({ message: `startFrom must not be in the future: ${body.startFrom}`, path: 'startFrom', description: 'The optional datetime (ISO 8601) to start streaming logs from' }));
    }
    if (tenant.logStreams.size >= tenant.streamLimit)
        throw apiError(409, 'You have reached the maximum number of log streams for your account.');
    const id = newStreamId();
    const sink = { ...body.sink };
    const meta = {};
    let target;
    if (type === 'eventgrid') {
        // Auth0 provisions the partner topic while serving the create: an unusable target fails the create (see partner.ts).
        const check = checkPartnerTarget(ctx, sink);
        if (!check.ok)
            throw apiError(400, check.message);
        target = check;
        meta.topicName = topicResourceName(tenant.name, id);
        meta.naming = ctx.settings.partnerTopicNaming;
    }
    else if (type === 'eventbridge') {
        sink.awsPartnerEventSource = `aws.partner/auth0.com/${tenant.name}-${(0,external_node_crypto_.randomUUID)()}/auth0.logs`;
    }
    const stream = { id };
    if (body.name !== undefined)
        stream.name = body.name;
    stream.type = type;
    stream.status = 'active';
    stream.sink = sink;
    if (body.filters !== undefined)
        stream.filters = body.filters;
    stream.isPriority = body.isPriority ?? false;
    if (body.pii_config !== undefined)
        stream.pii_config = body.pii_config;
    tenant.logStreams.set(id, stream);
    streamMeta.set(stream, meta);
    // Delivery: replays the tenant's records since `startFrom` into the new stream (sandbox/delivery).
    if (type === 'eventgrid')
        ctx.delivery?.streamCreated(tenant.name, stream, body.startFrom);
    if (type === 'eventgrid' && target) {
        const tenantName = tenant.name;
        ctx.clock.after(ctx.settings.partnerTopicDelayMs, () => {
            // Only if the stream (in the current world) and the target group still exist.
            const current = ctx.world.auth0Tenants.get(tenantName)?.logStreams.get(id);
            if (current !== stream)
                return;
            const sub = ctx.world.subscriptions.get(target.sub.subscriptionId.toLowerCase());
            const group = sub?.resourceGroups.get(target.group.name.toLowerCase());
            if (!sub || !group || group !== target.group)
                return;
            const topic = createStreamTopic(ctx, sub, group, tenantName, id, sink.azureRegion);
            meta.topicName = topic.resource.name;
            meta.topicId = topic.resource.id;
            stream.sink.azurePartnerTopic = meta.naming === 'partner-path' ? partnerPath(tenantName, sink.azureSubscriptionId) : topic.resource.name;
        });
    }
    return { status: 200, body: stream };
}
function updateStream(c) {
    const tenant = currentTenant(c);
    const stream = findStream(tenant, c.params.id);
    const body = requireObjectBody(c);
    const type = stream.type;
    if (body.sink !== undefined && (type === 'eventgrid' || type === 'eventbridge')) {
        throw badBody(`The sink of a log stream of type ${type} cannot be updated. To send the logs elsewhere, delete the log stream and create a new one.`);
    }
    const issue = validate(updateSchema(type), body);
    if (issue)
        throw badBody(payloadMessage(issue));
    const previousStatus = stream.status;
    if (body.name !== undefined)
        stream.name = body.name;
    if (body.status !== undefined)
        stream.status = body.status;
    if (body.isPriority !== undefined)
        stream.isPriority = body.isPriority;
    if (body.filters !== undefined)
        stream.filters = body.filters;
    if (body.pii_config !== undefined)
        stream.pii_config = body.pii_config;
    if (body.sink !== undefined)
        stream.sink = { ...stream.sink, ...body.sink };
    // Delivery: resuming (`status: active`) delivers the records queued while paused or suspended.
    c.sandbox.delivery?.streamChanged(tenant.name, stream, previousStatus);
    return { status: 200, body: stream };
}
function deleteStream(c) {
    const tenant = currentTenant(c);
    const stream = findStream(tenant, c.params.id);
    // The partner topic (if any) stays in Azure: deleting a stream does not delete it.
    tenant.logStreams.delete(c.params.id);
    c.sandbox.delivery?.streamDeleted(tenant.name, stream);
    return { status: 204 };
}
// ---------------------------------------------------------------- log records of served calls
function logCall(c, reply) {
    const tenantName = c.listener.tenant;
    const tenant = tenantOf(c.sandbox, tenantName);
    if (!tenant || !tenantName)
        return;
    const client = c.locals.client;
    const common = {
        client_id: client?.clientId ?? null,
        client_name: client?.name ?? '',
        ip: clientIp(c),
        user_agent: typeof c.headers['user-agent'] === 'string' ? c.headers['user-agent'] : undefined,
        hostname: tenant.domain,
        auth0_client: auth0Client(c),
    };
    const failed = reply.status >= 400;
    if (c.operation === 'oauth.token') {
        const t = (c.locals.token ?? {});
        if (t.grant !== 'client_credentials')
            return;
        const body = (reply.body ?? {});
        (0,logs/* writeLogRecord */.JT)(c.sandbox, tenantName, {
            type: failed ? 'feccft' : 'seccft',
            ...common,
            client_id: client?.clientId ?? t.clientId ?? null,
            description: failed ? String(body.error_description ?? 'Unauthorized') : 'Client Credentials for Access Token',
            audience: t.audience ?? '',
            scope: failed ? undefined : c.locals.tokenIssued?.scope,
            user_id: '',
            details: failed ? { error: { message: String(body.error_description ?? ''), oauthError: String(body.error ?? '') } } : { access_token_jti: c.locals.tokenIssued?.jti, actions: { executions: [] } },
        });
        return;
    }
    if (!c.path.startsWith('/api/v2/'))
        return;
    const isWrite = !['GET', 'HEAD', 'OPTIONS'].includes(c.method);
    // Successful reads are not logged (Auth0 logs `sapi` for POST, PATCH, PUT and DELETE only).
    if (!failed && !isWrite)
        return;
    const claims = c.locals.claims;
    const request = {
        method: c.method.toLowerCase(),
        path: c.path,
        query: Object.fromEntries(c.query),
        userAgent: common.user_agent ?? '',
        body: c.body === undefined ? {} : redact(c.body),
        channel: 'api',
        ip: common.ip,
        auth: claims ? { user: {}, strategy: 'jwt', credentials: { jti: claims.jti, scopes: String(claims.scope ?? '').split(' ').filter(Boolean) } } : undefined,
    };
    const response = { statusCode: reply.status, body: reply.status === 204 ? undefined : redact(reply.body) };
    if (reply.status === 429 && c.locals.throttled) {
        const rate = c.locals.rate;
        (0,logs/* writeLogRecord */.JT)(c.sandbox, tenantName, {
            type: 'api_limit',
            ...common,
            description: 'Rate Limit on the Management API',
            details: { limit: { size: rate.limit, bucket: `tenant:${tenantName}:management-api`, global: true } },
        });
        return;
    }
    const message = reply.body?.message;
    (0,logs/* writeLogRecord */.JT)(c.sandbox, tenantName, {
        type: failed ? 'fapi' : 'sapi',
        ...common,
        description: failed ? (message ?? STATUS_TEXT[reply.status] ?? 'Failed API Operation') : (OPERATIONS[c.operation]?.summary ?? `${c.method} ${c.path}`),
        user_id: '',
        audience: claims ? `https://${tenant.domain}/api/v2/` : undefined,
        scope: claims?.scope,
        details: { request, response },
    });
}
// ---------------------------------------------------------------- the service
function auth0Service(ctx) {
    const routes = [
        { method: 'POST', pattern: path('/oauth/token', ''), operation: 'oauth.token', write: false, handler: issueToken },
        {
            method: 'GET',
            pattern: path('/.well-known/jwks.json', ''),
            operation: 'jwks',
            handler: () => ({ status: 200, body: { keys: [ctx.keys.auth0.jwk] } }),
        },
        {
            method: 'GET',
            pattern: path('/api/v2/log-streams', ''),
            operation: 'log-streams.list',
            handler: (c) => ({ status: 200, body: [...currentTenant(c).logStreams.values()] }),
        },
        { method: 'POST', pattern: path('/api/v2/log-streams', ''), operation: 'log-streams.create', handler: createStream },
        {
            method: 'GET',
            pattern: path('/api/v2/log-streams/{id}', ''),
            operation: 'log-streams.get',
            handler: (c) => ({ status: 200, body: findStream(currentTenant(c), c.params.id) }),
        },
        { method: 'PATCH', pattern: path('/api/v2/log-streams/{id}', ''), operation: 'log-streams.update', handler: updateStream },
        { method: 'DELETE', pattern: path('/api/v2/log-streams/{id}', ''), operation: 'log-streams.delete', handler: deleteStream },
    ];
    return {
        name: 'auth0',
        routes,
        async before(c, route) {
            if (!c.path.startsWith('/api/v2/'))
                return;
            const tenant = currentTenant(c);
            throttle(c, tenant);
            await authenticate(c, tenant, route);
        },
        errorBody(err, c) {
            if (c.operation === 'oauth.token' || c.path === '/oauth/token')
                return { error: err.code, error_description: err.message };
            let message = err.message;
            let errorCode = /^[a-z][a-z0-9_]*$/.test(err.code) ? err.code : '';
            if (err.code === 'InvalidRequestContent')
                message = 'Invalid request payload JSON format';
            if (err.code === 'NotFound')
                message = 'Not Found';
            if (err.status === 429 && !errorCode)
                errorCode = 'too_many_requests';
            const body = { statusCode: err.status, error: STATUS_TEXT[err.status] ?? 'Error', message };
            if (errorCode)
                body.errorCode = errorCode;
            const attributes = err.details?.attributes;
            if (attributes)
                body.attributes = attributes;
            return body;
        },
        notFound: () => apiError(404, 'Not Found'),
        decorate(c, reply) {
            if (c.path.startsWith('/api/v2/')) {
                let rate = c.locals.rate;
                if (!rate) {
                    const limit = c.sandbox.settings.auth0RateLimitPerSecond || NOMINAL_RATE_LIMIT;
                    rate = { limit, remaining: limit - 1, reset: Math.floor(Date.now() / 1000) + 1 };
                }
                reply.headers = {
                    ...(reply.headers ?? {}),
                    'x-ratelimit-limit': String(rate.limit),
                    'x-ratelimit-remaining': String(rate.remaining),
                    'x-ratelimit-reset': String(rate.reset),
                };
            }
            try {
                logCall(c, reply);
            }
            catch (e) {
                process.emitWarning(`sandbox auth0: could not write the log record: ${e.message}`);
            }
        },
    };
}
// ---------------------------------------------------------------- admin routes
function adminTenant(ctx, name) {
    const t = ctx.world.auth0Tenants.get(name);
    if (!t)
        throw new http_HttpError(404, 'TenantNotFound', `Auth0 tenant '${name}' does not exist. Known: ${[...ctx.world.auth0Tenants.keys()].join(', ') || 'none'}.`);
    return t;
}
/** Admin view of a stream: the public object plus where its partner topic is. */
function streamView(ctx, tenant, stream) {
    const meta = streamMeta.get(stream) ?? {};
    const found = stream.type === 'eventgrid' ? findStreamTopic(ctx, tenant.name, stream.id) : undefined;
    return {
        ...stream,
        partnerTopic: stream.type === 'eventgrid'
            ? {
                name: meta.topicName,
                naming: meta.naming,
                created: !!meta.topicId,
                exists: !!found,
                id: found?.topic.resource.id ?? meta.topicId,
                activationState: found?.topic.resource.properties.activationState,
            }
            : undefined,
        // Publishing state (queued, errored, consecutive failures, recent errors) when the delivery engine runs.
        delivery: stream.type === 'eventgrid' ? ctx.delivery?.streamHealth(tenant.name, stream) : undefined,
    };
}
/** Admin API for Auth0 tenants (mounted on every listener under /_sandbox/). */
function auth0AdminRoutes(ctx) {
    return [
        {
            method: 'GET',
            pattern: path('/_sandbox/auth0/{tenant}/logs', ''),
            operation: 'admin.auth0.logs',
            handler: (c) => {
                const tenant = adminTenant(ctx, c.params.tenant);
                const types = c.query.get('type')?.split(',').map((t) => t.trim()).filter(Boolean);
                const takeRaw = c.query.get('take');
                const take = takeRaw === null ? undefined : Number(takeRaw);
                if (take !== undefined && (!Number.isInteger(take) || take < 0))
                    throw new http_HttpError(400, 'InvalidQuery', `"take" must be a non-negative integer, got "${takeRaw}".`);
                const value = (0,logs/* listLogs */.Gv)(tenant, { from: c.query.get('from') ?? undefined, types, take });
                return { status: 200, body: { value, count: value.length, total: tenant.logs.length } };
            },
        },
        {
            method: 'POST',
            pattern: path('/_sandbox/auth0/{tenant}/logs', ''),
            operation: 'admin.auth0.logs.add',
            handler: (c) => {
                adminTenant(ctx, c.params.tenant);
                const items = Array.isArray(c.body) ? c.body : [c.body];
                if (!items.length || items.some((i) => !i || typeof i !== 'object' || Array.isArray(i))) {
                    throw new http_HttpError(400, 'InvalidLogRecord', 'Send a log record object (e.g. {"type":"s","description":"Success Login"}) or an array of them.');
                }
                for (const [i, item] of items.entries()) {
                    const type = item.type;
                    if (typeof type !== 'string' || !logs/* LOG_CODES */.G2[type]) {
                        throw new http_HttpError(400, 'InvalidLogRecord', `Record ${i}: "${String(type)}" is not an Auth0 log event type code (e.g. s, f, sapi, fapi, seccft, feccft, slo, ss).`);
                    }
                }
                try {
                    const value = items.map((i) => (0,logs/* writeLogRecord */.JT)(ctx, c.params.tenant, i));
                    return { status: 201, body: { value } };
                }
                catch (e) {
                    if (e instanceof logs/* LogRecordError */.E_)
                        throw new http_HttpError(400, 'InvalidLogRecord', e.message);
                    throw e;
                }
            },
        },
        {
            method: 'DELETE',
            pattern: path('/_sandbox/auth0/{tenant}/logs', ''),
            operation: 'admin.auth0.logs.clear',
            handler: (c) => {
                adminTenant(ctx, c.params.tenant).logs.length = 0;
                return { status: 204 };
            },
        },
        {
            method: 'GET',
            pattern: path('/_sandbox/auth0/{tenant}/log-streams', ''),
            operation: 'admin.auth0.log-streams',
            handler: (c) => {
                const tenant = adminTenant(ctx, c.params.tenant);
                return { status: 200, body: { value: [...tenant.logStreams.values()].map((s) => streamView(ctx, tenant, s)) } };
            },
        },
        {
            method: 'PATCH',
            pattern: path('/_sandbox/auth0/{tenant}/log-streams/{id}', ''),
            operation: 'admin.auth0.log-streams.patch',
            handler: (c) => {
                const tenant = adminTenant(ctx, c.params.tenant);
                const stream = tenant.logStreams.get(c.params.id);
                if (!stream)
                    throw new http_HttpError(404, 'LogStreamNotFound', `Log stream '${c.params.id}' does not exist in tenant '${tenant.name}'.`);
                const body = c.body && typeof c.body === 'object' && !Array.isArray(c.body) ? c.body : {};
                const status = body.status;
                if (!STREAM_STATUSES.includes(status) || Object.keys(body).length !== 1) {
                    throw new http_HttpError(400, 'InvalidLogStreamPatch', `Send {"status": "active" | "paused" | "suspended"} (e.g. "suspended" to model a stream Auth0 suspended after failed deliveries).`);
                }
                const previousStatus = stream.status;
                stream.status = status;
                ctx.delivery?.streamChanged(tenant.name, stream, previousStatus);
                return { status: 200, body: streamView(ctx, tenant, stream) };
            },
        },
    ];
}
/**
 * Appends an Auth0 log record of `partial.type` to a tenant's logs, filling the fields Auth0 sets and
 * those the type's schema requires (see logs.ts). For delivery: records appear in GET
 * /_sandbox/auth0/{tenant}/logs and in `tenant.logs`.
 */
function writeLogRecord(ctx, tenantName, partial) {
    return writeRecord(ctx, tenantName, partial);
}

;// CONCATENATED MODULE: ./sandbox/github/state.ts
/**
 * The GitHub side of the sandbox world, kept in `ctx.world.github.state` as plain JSON (so the admin
 * state dump shows it): the GitHub App and its installation, users and teams, repositories with their
 * collaborators, issues (pull requests are issues too, sharing the numbers), comments, labels,
 * reactions, pull requests, commits and trees (file contents per commit), refs, commit statuses and
 * check runs.
 *
 * Seeds: `seed.github` is Object.assign'ed into `ctx.world.github` by the core; the keys below
 * (see GithubSeed) are consumed on the next access and applied to the state, so both start seeds and
 * `POST /_sandbox/seed` work. `ctx.world.github.oidc` belongs to the OIDC issuer and is left alone.
 *
 * Tokens and rate-limit windows are kept per sandbox (not in the world): they are secrets, and a
 * client's cached installation token stays valid across `POST /_sandbox/reset`, as it would across
 * anything that happens on GitHub's side.
 */



const ROLES = ['read', 'triage', 'write', 'maintain', 'admin'];
const REACTIONS = ['+1', '-1', 'laugh', 'confused', 'heart', 'hooray', 'rocket', 'eyes'];
const SEED_KEYS = [
    'app', 'installation', 'repos', 'collaborators', 'files', 'users', 'teams', 'repoToken', 'repoTokenPermissions', 'rateLimits', 'searchIndexDelayMs', 'jwtClock', 'webUrl',
];
const GITHUB_DEFAULTS = {
    org: 'octo-org',
    orgId: 90_000_001,
    repoId: 80_000_001,
    appId: 424_242,
    appSlug: 'auth0-eventgrid',
    appBotId: 90_000_100,
    installationId: 60_000_001,
    webhookSecret: 'sbx-github-webhook-secret-5f2b8c1d9e4a',
    actionsBot: { login: 'github-actions[bot]', id: 41_898_282 },
    users: {
        'octo-admin': { id: 90_000_011, role: 'admin' },
        'octo-maintainer': { id: 90_000_012, role: 'maintain' },
        'octo-writer': { id: 90_000_013, role: 'write' },
        'octo-triager': { id: 90_000_014, role: 'triage' },
        'octo-reader': { id: 90_000_015, role: 'read' },
        'octo-outsider': { id: 90_000_016, role: null },
    },
    appPermissions: {
        issues: 'write',
        pull_requests: 'write',
        contents: 'write',
        metadata: 'read',
        statuses: 'read',
        checks: 'read',
        members: 'read',
    },
    repoTokenPermissions: {
        issues: 'write',
        pull_requests: 'write',
        contents: 'write',
        metadata: 'read',
        statuses: 'read',
        checks: 'read',
    },
    rateLimits: { core: 5000, repoToken: 1000, search: 30 },
    defaultLabels: [
        ['bug', 'd73a4a', "Something isn't working"],
        ['documentation', '0075ca', 'Improvements or additions to documentation'],
        ['duplicate', 'cfd3d7', 'This issue or pull request already exists'],
        ['enhancement', 'a2eeef', 'New feature or request'],
        ['good first issue', '7057ff', 'Good for newcomers'],
        ['help wanted', '008672', 'Extra attention is needed'],
        ['invalid', 'e4e669', "This doesn't seem right"],
        ['question', 'd876e3', 'Further information is requested'],
        ['wontfix', 'ffffff', 'This will not be worked on'],
    ],
};
const secretsByCtx = new WeakMap();
function derive(ctx, label, len) {
    const digest = (0,external_node_crypto_.createHash)('sha256').update(`${ctx.keys.github.kid}:${label}`).digest('base64').replace(/[^A-Za-z0-9]/g, '');
    return (digest + digest).slice(0, len);
}
function state_secrets(ctx) {
    let s = secretsByCtx.get(ctx);
    if (!s) {
        const priv = external_node_crypto_.KeyObject.from(ctx.keys.github.privateKey);
        const pub = external_node_crypto_.KeyObject.from(ctx.keys.github.publicKey);
        s = {
            privateKeyPem: priv.export({ type: 'pkcs1', format: 'pem' }).toString(),
            publicKey: pub,
            webhookSecret: GITHUB_DEFAULTS.webhookSecret,
            tokens: new Map(),
            userTokens: new Map(),
            repoToken: `ghs_${derive(ctx, 'repo-token', 36)}`,
            rateWindows: new Map(),
        };
        secretsByCtx.set(ctx, s);
    }
    return s;
}
// ---------------------------------------------------------------------------------------------
// Ids, times, hashes.
function nextId(st) {
    return st.next_id++;
}
/** GitHub timestamps: ISO 8601 without milliseconds, on the sandbox clock. */
function ghTime(ctx, ms = ctx.clock.now()) {
    return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
function nodeId(prefix, id) {
    return `${prefix}_kwDO${Buffer.from(String(id)).toString('base64url')}`;
}
/** The git blob sha of a file's content. */
function blobSha(content) {
    const buf = Buffer.from(content, 'utf8');
    return (0,external_node_crypto_.createHash)('sha1').update(`blob ${buf.length}\0`).update(buf).digest('hex');
}
function treeSha(files) {
    const h = (0,external_node_crypto_.createHash)('sha1').update('tree\0');
    for (const p of Object.keys(files).sort())
        h.update(`${p}\0${blobSha(files[p])}\n`);
    return h.digest('hex');
}
let shaCounter = 0;
function commitSha(tree, parents, message) {
    return (0,external_node_crypto_.createHash)('sha1').update(`commit ${tree} ${parents.join(',')} ${message} ${++shaCounter} ${(0,external_node_crypto_.randomBytes)(8).toString('hex')}`).digest('hex');
}
// ---------------------------------------------------------------------------------------------
// Users, repos.
const repoKey = (fullName) => fullName.toLowerCase();
function ensureUser(st, login, type = login.endsWith('[bot]') ? 'Bot' : 'User') {
    const k = login.toLowerCase();
    let u = st.users[k];
    if (!u) {
        u = { login, id: nextId(st), type };
        st.users[k] = u;
    }
    return u;
}
function userOf(st, login) {
    return st.users[login.toLowerCase()] ?? ensureUser(st, login);
}
function botLogin(st) {
    return `${st.app.slug}[bot]`;
}
/** Adds a commit with `files` (the whole tree) on top of `parents`; returns its sha. */
function addCommit(ctx, repo, files, parents, message, author = 'octo-admin') {
    const tree = treeSha(files);
    repo.trees[tree] ??= { ...files };
    const sha = commitSha(tree, parents, message);
    repo.commits[sha] = { sha, tree, parents, message, author, date: ghTime(ctx) };
    return sha;
}
/** Resolves a branch, tag, fully qualified ref or commit sha (full or 7+ prefix) to a commit sha. */
function resolveRef(repo, ref) {
    const r = (ref ?? repo.default_branch).trim();
    if (!r)
        return undefined;
    for (const candidate of [r, `refs/heads/${r}`, `refs/tags/${r}`, `refs/${r}`]) {
        if (repo.refs[candidate])
            return repo.refs[candidate];
    }
    if (/^[0-9a-f]{7,40}$/i.test(r)) {
        const lower = r.toLowerCase();
        if (repo.commits[lower])
            return lower;
        const hits = Object.keys(repo.commits).filter((s) => s.startsWith(lower));
        if (hits.length === 1)
            return hits[0];
    }
    return undefined;
}
function filesAt(repo, sha) {
    const c = repo.commits[sha];
    return c ? repo.trees[c.tree] ?? {} : {};
}
function newRepo(ctx, st, seed, id) {
    const [owner, name, extra] = (seed.full_name ?? '').split('/');
    if (!owner || !name || extra !== undefined || !/^[A-Za-z0-9-]+$/.test(owner) || !/^[A-Za-z0-9._-]+$/.test(name)) {
        throw new http_HttpError(400, 'InvalidSeed', `seed.github.repos: "${seed.full_name}" is not an "owner/name" repository name.`);
    }
    const now = ghTime(ctx);
    const repo = {
        id: id ?? nextId(st),
        owner,
        name,
        private: seed.private ?? true,
        fork: false,
        description: seed.description ?? null,
        default_branch: seed.default_branch ?? 'main',
        created_at: now,
        pushed_at: now,
        collaborators: {},
        next_number: 1,
        issues: [],
        comments: [],
        labels: GITHUB_DEFAULTS.defaultLabels.map(([n, color, description]) => ({ id: nextId(st), name: n, color, description, default: true })),
        pulls: {},
        refs: {},
        commits: {},
        trees: {},
        statuses: [],
        check_runs: [],
    };
    ensureOrg(st, owner);
    const files = seed.files ?? { 'README.md': `# ${name}\n` };
    repo.refs[`refs/heads/${repo.default_branch}`] = addCommit(ctx, repo, files, [], 'Initial commit');
    for (const [login, role] of Object.entries(seed.collaborators ?? {}))
        setCollaborator(st, repo, login, role);
    for (const l of seed.labels ?? []) {
        const spec = typeof l === 'string' ? { name: l } : l;
        if (!repo.labels.some((x) => x.name.toLowerCase() === spec.name.toLowerCase())) {
            repo.labels.push({ id: nextId(st), name: spec.name, color: spec.color ?? 'ededed', description: spec.description ?? null, default: false });
        }
    }
    return repo;
}
function ensureOrg(st, login) {
    const k = login.toLowerCase();
    if (!st.orgs[k]) {
        const existing = st.users[k];
        const id = existing?.id ?? (k === GITHUB_DEFAULTS.org ? GITHUB_DEFAULTS.orgId : nextId(st));
        st.users[k] = { login, id, type: 'Organization' };
        st.orgs[k] = { login, id, members: [] };
    }
    return st.orgs[k];
}
function setCollaborator(st, repo, login, role) {
    if (role !== null && !ROLES.includes(role)) {
        throw new http_HttpError(400, 'InvalidSeed', `Collaborator "${login}": "${role}" is not a role (${ROLES.join(', ')}).`);
    }
    const user = ensureUser(st, login);
    const existing = Object.keys(repo.collaborators).find((k) => k.toLowerCase() === login.toLowerCase());
    if (existing)
        delete repo.collaborators[existing];
    if (role)
        repo.collaborators[user.login] = role;
    const org = st.orgs[repo.owner.toLowerCase()];
    if (org && role && !org.members.some((m) => m.toLowerCase() === login.toLowerCase()))
        org.members.push(user.login);
}
function roleOf(repo, login) {
    const k = Object.keys(repo.collaborators).find((x) => x.toLowerCase() === login.toLowerCase());
    return k ? repo.collaborators[k] : null;
}
// ---------------------------------------------------------------------------------------------
// The state, created lazily from defaults plus seeds.
function defaultState(ctx) {
    const d = GITHUB_DEFAULTS;
    const now = ghTime(ctx);
    const st = {
        next_id: 1_000_000_001,
        web_url: 'https://github.com',
        app: {
            id: d.appId,
            slug: d.appSlug,
            name: 'auth0-eventgrid',
            client_id: `Iv23li${derive(ctx, 'client-id', 14)}`,
            owner: d.org,
            description: 'ChatOps for streaming Auth0 logs into Azure Event Grid.',
            permissions: { ...d.appPermissions },
            events: ['issue_comment', 'issues', 'pull_request', 'pull_request_review'],
            created_at: now,
            bot_id: d.appBotId,
        },
        installations: [],
        users: {},
        orgs: {},
        teams: [],
        repos: {},
        repo_token_permissions: { ...d.repoTokenPermissions },
        rate_limits: { ...d.rateLimits },
        search_index_delay_ms: 0,
        jwt_clock: 'either',
    };
    ensureOrg(st, d.org);
    for (const [login, u] of Object.entries(d.users))
        st.users[login] = { login, id: u.id, type: 'User' };
    st.users[d.actionsBot.login] = { login: d.actionsBot.login, id: d.actionsBot.id, type: 'Bot' };
    st.users[botLogin(st)] = { login: botLogin(st), id: d.appBotId, type: 'Bot' };
    const collaborators = Object.fromEntries(Object.entries(d.users).filter(([, u]) => u.role).map(([l, u]) => [l, u.role]));
    const repo = newRepo(ctx, st, { full_name: DEFAULT_IDS.githubRepository, collaborators }, d.repoId);
    st.repos[repoKey(DEFAULT_IDS.githubRepository)] = repo;
    st.installations.push({
        id: d.installationId,
        account: d.org,
        repository_selection: 'selected',
        repositories: [repoKey(DEFAULT_IDS.githubRepository)],
        permissions: { ...d.appPermissions },
        events: [...st.app.events],
        created_at: now,
        suspended: false,
    });
    st.teams.push({
        org: d.org,
        slug: 'eventgrid-operators',
        id: 7_000_001,
        name: 'eventgrid-operators',
        members: { 'octo-maintainer': 'maintainer', 'octo-writer': 'member' },
    });
    return st;
}
function checkPermissions(where, p) {
    if (!p || typeof p !== 'object' || Array.isArray(p))
        throw new http_HttpError(400, 'InvalidSeed', `${where}: must be an object of permission → "read" | "write".`);
    for (const [k, v] of Object.entries(p)) {
        if (v !== 'read' && v !== 'write')
            throw new http_HttpError(400, 'InvalidSeed', `${where}.${k}: "${String(v)}" is not "read" or "write".`);
    }
    return { ...p };
}
/** The default repository (the first seeded one is `octo-org/octo-repo` unless replaced). */
function defaultRepo(st) {
    return st.repos[repoKey(DEFAULT_IDS.githubRepository)] ?? Object.values(st.repos)[0];
}
function applyGithubSeed(ctx, st, seed) {
    const sec = state_secrets(ctx);
    if (seed.webUrl !== undefined)
        st.web_url = String(seed.webUrl).replace(/\/+$/, '');
    if (seed.app) {
        const a = seed.app;
        const oldBot = botLogin(st);
        if (a.id !== undefined)
            st.app.id = Number(a.id);
        if (a.slug)
            st.app.slug = a.slug;
        if (a.name)
            st.app.name = a.name;
        if (a.permissions)
            st.app.permissions = checkPermissions('seed.github.app.permissions', a.permissions);
        if (a.events)
            st.app.events = [...a.events];
        if (a.webhookSecret)
            sec.webhookSecret = a.webhookSecret;
        if (oldBot !== botLogin(st)) {
            delete st.users[oldBot.toLowerCase()];
            st.users[botLogin(st).toLowerCase()] = { login: botLogin(st), id: st.app.bot_id, type: 'Bot' };
        }
    }
    if (seed.users) {
        for (const [i, u] of seed.users.entries()) {
            const spec = typeof u === 'string' ? { login: u } : u;
            if (!spec?.login || !/^[A-Za-z0-9-]+(\[bot\])?$/.test(spec.login))
                throw new http_HttpError(400, 'InvalidSeed', `seed.github.users[${i}]: "${spec?.login}" is not a GitHub login.`);
            const user = ensureUser(st, spec.login, spec.type);
            if (spec.name)
                user.name = spec.name;
            if (spec.token)
                sec.userTokens.set(user.login.toLowerCase(), spec.token);
        }
    }
    if (seed.repos) {
        if (!Array.isArray(seed.repos))
            throw new http_HttpError(400, 'InvalidSeed', 'seed.github.repos: must be an array of { full_name, … }.');
        for (const r of seed.repos) {
            const k = repoKey(r.full_name ?? '');
            const existing = st.repos[k];
            st.repos[k] = newRepo(ctx, st, structuredClone(r), existing?.id);
            for (const inst of st.installations) {
                if (inst.account.toLowerCase() === st.repos[k].owner.toLowerCase() && inst.repository_selection === 'selected' && !inst.repositories.includes(k))
                    inst.repositories.push(k);
            }
        }
    }
    if (seed.installation) {
        const inst = st.installations[0];
        if (seed.installation.id !== undefined)
            inst.id = Number(seed.installation.id);
        if (seed.installation.permissions)
            inst.permissions = checkPermissions('seed.github.installation.permissions', seed.installation.permissions);
        if (seed.installation.repositories === 'all') {
            inst.repository_selection = 'all';
            inst.repositories = [];
        }
        else if (Array.isArray(seed.installation.repositories)) {
            inst.repository_selection = 'selected';
            inst.repositories = seed.installation.repositories.map(repoKey);
        }
    }
    if (seed.collaborators) {
        const repo = defaultRepo(st);
        for (const [login, role] of Object.entries(seed.collaborators))
            setCollaborator(st, repo, login, role);
    }
    if (seed.files) {
        const repo = defaultRepo(st);
        const branch = `refs/heads/${repo.default_branch}`;
        const files = { ...filesAt(repo, repo.refs[branch]) };
        for (const [p, content] of Object.entries(seed.files)) {
            if (content === null)
                delete files[p];
            else
                files[p.replace(/^\/+/, '')] = String(content);
        }
        repo.refs[branch] = addCommit(ctx, repo, files, [repo.refs[branch]], 'Seed files');
    }
    if (seed.teams) {
        for (const [i, t] of seed.teams.entries()) {
            if (!t?.slug)
                throw new http_HttpError(400, 'InvalidSeed', `seed.github.teams[${i}]: needs a "slug".`);
            const org = t.org ?? GITHUB_DEFAULTS.org;
            ensureOrg(st, org);
            st.teams = st.teams.filter((x) => !(x.org.toLowerCase() === org.toLowerCase() && x.slug === t.slug));
            const members = {};
            for (const m of t.members ?? [])
                members[ensureUser(st, m).login] = 'member';
            for (const m of t.maintainers ?? [])
                members[ensureUser(st, m).login] = 'maintainer';
            st.teams.push({ org, slug: t.slug, id: nextId(st), name: t.name ?? t.slug, members });
        }
    }
    if (seed.repoToken)
        sec.repoToken = seed.repoToken;
    if (seed.repoTokenPermissions)
        st.repo_token_permissions = checkPermissions('seed.github.repoTokenPermissions', seed.repoTokenPermissions);
    if (seed.rateLimits) {
        for (const [k, v] of Object.entries(seed.rateLimits)) {
            if (!(k in st.rate_limits) || typeof v !== 'number' || v < 1)
                throw new http_HttpError(400, 'InvalidSeed', `seed.github.rateLimits.${k}: must be one of core, repoToken, search with a positive number.`);
            st.rate_limits[k] = v;
        }
    }
    if (seed.searchIndexDelayMs !== undefined) {
        if (typeof seed.searchIndexDelayMs !== 'number' || seed.searchIndexDelayMs < 0)
            throw new http_HttpError(400, 'InvalidSeed', 'seed.github.searchIndexDelayMs: must be a non-negative number.');
        st.search_index_delay_ms = seed.searchIndexDelayMs;
    }
    if (seed.jwtClock !== undefined) {
        if (seed.jwtClock !== 'either' && seed.jwtClock !== 'sandbox')
            throw new http_HttpError(400, 'InvalidSeed', 'seed.github.jwtClock: must be "either" or "sandbox".');
        st.jwt_clock = seed.jwtClock;
    }
}
/** The GitHub state, created on first use and brought up to date with seed keys added since. */
function state_githubState(ctx) {
    const g = ctx.world.github;
    let st = g.state;
    if (!st) {
        st = defaultState(ctx);
        g.state = st;
    }
    const pending = {};
    for (const k of SEED_KEYS) {
        if (g[k] !== undefined) {
            pending[k] = g[k];
            delete g[k];
        }
    }
    if (Object.keys(pending).length)
        applyGithubSeed(ctx, st, pending);
    const sec = state_secrets(ctx);
    if (sec.stateRef !== st) {
        sec.stateRef = st;
        sec.rateWindows.clear();
    }
    return st;
}
function findRepo(st, owner, name) {
    return st.repos[repoKey(`${owner}/${name}`)];
}
function fullName(repo) {
    return `${repo.owner}/${repo.name}`;
}

;// CONCATENATED MODULE: ./sandbox/github/auth.ts
/**
 * Who is calling, and may they: `Authorization: token X` / `Bearer X` with
 *   - the repository token (like GITHUB_TOKEN: `github-actions[bot]`, the repo token permissions),
 *   - installation access tokens (`{slug}[bot]`, the installation's permissions, possibly narrowed),
 *   - personal access tokens of users (`ghp_…`: the user's role on each repository),
 *   - an App JWT (RS256, `iss` = app id, `exp` at most 10 minutes ahead, judged by the sandbox clock)
 *     for `/app…` and `/repos/{o}/{r}/installation`.
 * Errors are GitHub's: 401 "Requires authentication" / "Bad credentials" / the JWT claim messages
 * (the ones @octokit/auth-app recognises to correct clock skew), 403 "Resource not accessible by
 * integration" with `x-accepted-github-permissions`, 404 for repositories a token cannot see.
 * Rate limits: per installation / repository token / user, `x-ratelimit-*` headers, 403 when spent.
 */




const DOCS = 'https://docs.github.com/rest';
function ghError(status, message, extra = {}) {
    return new http_HttpError(status, String(status), message, extra.headers ?? {}, { documentation_url: extra.documentation_url ?? DOCS, errors: extra.errors });
}
const notFound = (doc) => ghError(404, 'Not Found', { documentation_url: doc });
const validationFailed = (errors, doc) => ghError(422, 'Validation Failed', { errors, documentation_url: doc });
const JWT_EXPIRED = "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires";
const JWT_TOO_FAR = "'Expiration time' claim ('exp') is too far in the future";
const JWT_IAT = "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued";
const JWT_ISS = "'Issuer' claim ('iss') must be an Integer";
const JWT_UNDECODABLE = 'A JSON web token could not be decoded';
/** Personal access tokens of users: seeded ones, else one derived per login. */
function auth_userToken(ctx, login) {
    const sec = state_secrets(ctx);
    const seeded = sec.userTokens.get(login.toLowerCase());
    if (seeded)
        return seeded;
    return `ghp_${(0,external_node_crypto_.createHash)('sha256').update(`${ctx.keys.github.kid}:pat:${login.toLowerCase()}`).digest('hex').slice(0, 36)}`;
}
function userForToken(ctx, st, token) {
    const sec = state_secrets(ctx);
    for (const [login, t] of sec.userTokens)
        if (t === token)
            return st.users[login]?.login ?? login;
    if (!token.startsWith('ghp_'))
        return undefined;
    for (const u of Object.values(st.users)) {
        if (u.type === 'User' && auth_userToken(ctx, u.login) === token)
            return u.login;
    }
    return undefined;
}
function repoTokenRecord(ctx, st) {
    return {
        token: state_secrets(ctx).repoToken,
        kind: 'repo',
        login: GITHUB_DEFAULTS.actionsBot.login,
        permissions: st.repo_token_permissions,
        repositories: [repoKey(DEFAULT_IDS.githubRepository)],
    };
}
/** Mints an installation access token (1 hour, like GitHub). */
function mintInstallationToken(ctx, st, inst, permissions, repositories) {
    const token = {
        token: `ghs_${(0,external_node_crypto_.randomBytes)(27).toString('base64').replace(/[^A-Za-z0-9]/g, '').padEnd(36, '0').slice(0, 36)}`,
        kind: 'installation',
        installationId: inst.id,
        login: botLogin(st),
        permissions,
        repositories,
        expires_at: new Date(ctx.clock.now() + 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        realExpiresAtMs: Date.now() + 3_600_000,
    };
    state_secrets(ctx).tokens.set(token.token, token);
    return token;
}
function b64json(part) {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}
/** Verifies an App JWT against the app's public key and GitHub's claim rules, on the sandbox clock. */
function verifyAppJwt(ctx, st, jwt) {
    const parts = jwt.split('.');
    if (parts.length !== 3)
        throw ghError(401, JWT_UNDECODABLE);
    let header;
    let claims;
    try {
        header = b64json(parts[0]);
        claims = b64json(parts[1]);
    }
    catch {
        throw ghError(401, JWT_UNDECODABLE);
    }
    if (header?.alg !== 'RS256')
        throw ghError(401, JWT_UNDECODABLE);
    const iss = claims?.iss;
    const issOk = (typeof iss === 'number' && Number.isInteger(iss)) || (typeof iss === 'string' && (/^\d+$/.test(iss) || iss === st.app.client_id));
    if (!issOk)
        throw ghError(401, JWT_ISS);
    if (String(iss) !== String(st.app.id) && iss !== st.app.client_id)
        throw ghError(401, 'Integration not found');
    const ok = (0,external_node_crypto_.verify)('RSA-SHA256', Buffer.from(`${parts[0]}.${parts[1]}`), state_secrets(ctx).publicKey, Buffer.from(parts[2], 'base64url'));
    if (!ok)
        throw ghError(401, JWT_UNDECODABLE);
    // Judged by the sandbox clock; with jwt_clock "either", a token valid by real time passes too.
    const clocks = st.jwt_clock === 'sandbox' ? [ctx.clock.now()] : [ctx.clock.now(), Date.now()];
    let first;
    for (const ms of clocks) {
        const now = Math.floor(ms / 1000);
        const problem = typeof claims.iat !== 'number' || !Number.isInteger(claims.iat) || claims.iat > now + 60 ? JWT_IAT
            : typeof claims.exp !== 'number' || claims.exp <= now ? JWT_EXPIRED
                : claims.exp > now + 600 ? JWT_TOO_FAR
                    : undefined;
        if (!problem)
            return st.app.id;
        first ??= problem;
    }
    throw ghError(401, first);
}
function bearer(c) {
    const h = c.headers.authorization;
    if (!h)
        return undefined;
    const m = /^(token|bearer)\s+(\S+)\s*$/i.exec(h);
    if (!m)
        throw ghError(401, 'Bad credentials');
    return m[2];
}
function auth_authenticate(c) {
    const ctx = c.sandbox;
    const st = state_githubState(ctx);
    const token = bearer(c);
    if (!token)
        return { kind: 'anonymous', rateKey: 'anonymous' };
    const sec = state_secrets(ctx);
    if (token === sec.repoToken) {
        return { kind: 'repo', login: GITHUB_DEFAULTS.actionsBot.login, token: repoTokenRecord(ctx, st), rateKey: `repo:${token}` };
    }
    const t = sec.tokens.get(token);
    if (t) {
        if (t.revoked || (t.realExpiresAtMs !== undefined && Date.now() >= t.realExpiresAtMs))
            throw ghError(401, 'Bad credentials');
        if (t.kind === 'installation') {
            const installation = st.installations.find((i) => i.id === t.installationId);
            if (!installation)
                throw ghError(401, 'Bad credentials');
            return { kind: 'installation', login: botLogin(st), token: t, installation, rateKey: `installation:${installation.id}` };
        }
        return { kind: t.kind, login: t.login, token: t, rateKey: `token:${t.token}` };
    }
    if (token.split('.').length === 3) {
        const appId = verifyAppJwt(ctx, st, token);
        return { kind: 'app', appId, rateKey: `app:${appId}` };
    }
    const login = userForToken(ctx, st, token);
    if (login)
        return { kind: 'user', login, rateKey: `user:${login.toLowerCase()}` };
    throw ghError(401, 'Bad credentials');
}
function actor(c) {
    return c.locals.actor;
}
/** The login that writes show as their author (for a JWT or no auth: none). */
function actingLogin(c) {
    const a = actor(c);
    if (a.kind === 'anonymous' || a.kind === 'app')
        throw ghError(401, 'Requires authentication');
    return a.login;
}
/** The app slug, when the actor is the app (its installation token). */
function viaApp(c) {
    const a = actor(c);
    return a.kind === 'installation' ? state_githubState(c.sandbox).app.slug : null;
}
function requireApp(c) {
    const a = actor(c);
    if (a.kind === 'app')
        return a.appId;
    if (a.kind === 'anonymous')
        throw ghError(401, 'Requires authentication');
    throw ghError(401, JWT_UNDECODABLE);
}
function hasPerm(p, name, level) {
    const have = p[name];
    return have === 'write' || (have === 'read' && level === 'read');
}
function canSeeRepo(a, repo) {
    const k = repoKey(`${repo.owner}/${repo.name}`);
    if (a.kind === 'installation') {
        const inst = a.installation;
        if (inst.suspended)
            return false;
        const instRepos = inst.repository_selection === 'all' ? inst.account.toLowerCase() === repo.owner.toLowerCase() : inst.repositories.includes(k);
        if (!instRepos)
            return false;
        return a.token.repositories === 'all' || a.token.repositories.includes(k);
    }
    if (a.kind === 'repo')
        return a.token.repositories === 'all' || a.token.repositories.includes(k);
    if (a.kind === 'user')
        return !repo.private || roleOf(repo, a.login) !== null;
    if (a.kind === 'anonymous')
        return !repo.private;
    return false;
}
const roleRank = (r) => (r ? ROLES.indexOf(r) : -1);
/**
 * The repository `owner/name` if the caller may use it this way; otherwise 401 (no credentials on a
 * write), 404 (cannot see it), or 403 (sees it, lacks the permission / role).
 */
function repoFor(c, need) {
    const st = state_githubState(c.sandbox);
    const repo = findRepo(st, c.params.owner, c.params.repo);
    const a = actor(c);
    if (a.kind === 'app')
        throw ghError(403, 'Resource not accessible by integration', { headers: acceptedHeader(need.perms) });
    if (!repo || !canSeeRepo(a, repo)) {
        if (a.kind === 'anonymous' && c.method !== 'GET')
            throw ghError(401, 'Requires authentication');
        throw notFound();
    }
    if (a.kind === 'installation' || a.kind === 'repo') {
        const perms = a.token.permissions;
        const instPerms = a.kind === 'installation' ? a.installation.permissions : perms;
        const ok = need.perms.length === 0 || need.perms.some(([name, level]) => hasPerm(perms, name, level) && hasPerm(instPerms, name, level));
        if (!ok)
            throw ghError(403, 'Resource not accessible by integration', { headers: acceptedHeader(need.perms) });
    }
    else if (a.kind === 'user') {
        const role = roleOf(repo, a.login) ?? (repo.private ? null : 'read');
        const required = need.role ?? 'read';
        if (roleRank(role) < roleRank(required)) {
            throw ghError(403, need.userMessage ?? `Must have ${required === 'read' ? 'pull' : required === 'write' ? 'push' : required} access to repository`);
        }
    }
    else if (a.kind === 'anonymous' && (c.method !== 'GET' || need.role)) {
        throw ghError(401, 'Requires authentication');
    }
    return repo;
}
function acceptedHeader(perms) {
    return { 'x-accepted-github-permissions': perms.map(([n, l]) => `${n}=${l}`).join('; ') };
}
/** Whether the caller holds `role` (users) or the permission (integrations); no throw. */
function userHasRole(c, repo, role) {
    const a = actor(c);
    if (a.kind !== 'user')
        return true;
    return roleRank(roleOf(repo, a.login)) >= roleRank(role);
}
// ---------------------------------------------------------------------------------------------
// Rate limits.
function rateLimitFor(st, a, resource) {
    if (resource === 'search')
        return a.kind === 'anonymous' ? 10 : st.rate_limits.search;
    if (a.kind === 'anonymous')
        return 60;
    if (a.kind === 'repo')
        return st.rate_limits.repoToken;
    return st.rate_limits.core;
}
/** Counts one request; throws 403 when the window is spent. */
function consumeRate(c, a, resource, count = true) {
    const ctx = c.sandbox;
    const st = state_githubState(ctx);
    const sec = state_secrets(ctx);
    const limit = rateLimitFor(st, a, resource);
    const windowMs = resource === 'search' ? 60_000 : 3_600_000;
    const key = `${resource}:${a.rateKey}`;
    const now = ctx.clock.now();
    let w = sec.rateWindows.get(key);
    if (!w || now >= w.resetAt) {
        w = { resetAt: now + windowMs, used: 0 };
        sec.rateWindows.set(key, w);
    }
    // Windows run on the sandbox clock (advancing it starts new ones), but `x-ratelimit-reset` is told in
    // the client's time: clients (e.g. @octokit/plugin-throttling) wait until it by their own clock.
    const state = () => ({ limit, remaining: Math.max(0, limit - w.used), reset: Math.ceil((Date.now() + w.resetAt - now) / 1000), used: w.used, resource });
    if (!count)
        return state();
    if (w.used >= limit) {
        const s = state();
        c.locals.rate = s;
        const who = a.kind === 'installation' ? `installation ID ${a.installation.id}` : a.kind === 'user' ? `user ID ${st.users[a.login.toLowerCase()]?.id ?? 0}` : a.kind === 'anonymous' ? '127.0.0.1' : 'this token';
        throw ghError(403, `API rate limit exceeded for ${who}.`, { documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api' });
    }
    w.used++;
    return state();
}
function rateHeaders(r) {
    return {
        'x-ratelimit-limit': String(r.limit),
        'x-ratelimit-remaining': String(r.remaining),
        'x-ratelimit-reset': String(r.reset),
        'x-ratelimit-used': String(r.used),
        'x-ratelimit-resource': r.resource,
    };
}

;// CONCATENATED MODULE: ./sandbox/github/shapes.ts


function apiUrl(ctx) {
    return ctx.endpoints.github ?? 'https://api.github.com';
}
function simpleUser(ctx, login) {
    const st = state_githubState(ctx);
    const u = userOf(st, login);
    const api = apiUrl(ctx);
    const web = st.web_url;
    const ulogin = encodeURIComponent(u.login);
    const base = `${api}/users/${ulogin}`;
    const prefix = u.type === 'Bot' ? 'BOT' : u.type === 'Organization' ? 'O' : 'U';
    return {
        login: u.login,
        id: u.id,
        node_id: nodeId(prefix, u.id),
        avatar_url: `https://avatars.githubusercontent.com/${u.type === 'Bot' ? 'in/' : 'u/'}${u.id}?v=4`,
        gravatar_id: '',
        url: base,
        html_url: u.type === 'Bot' && u.login.endsWith('[bot]') ? `${web}/apps/${u.login.slice(0, -5)}` : `${web}/${u.login}`,
        followers_url: `${base}/followers`,
        following_url: `${base}/following{/other_user}`,
        gists_url: `${base}/gists{/gist_id}`,
        starred_url: `${base}/starred{/owner}{/repo}`,
        subscriptions_url: `${base}/subscriptions`,
        organizations_url: `${base}/orgs`,
        repos_url: `${base}/repos`,
        events_url: `${base}/events{/privacy}`,
        received_events_url: `${base}/received_events`,
        type: u.type,
        user_view_type: 'public',
        site_admin: false,
    };
}
function repoUrl(ctx, repo) {
    return `${apiUrl(ctx)}/repos/${repo.owner}/${repo.name}`;
}
function repoHtml(ctx, repo) {
    return `${state_githubState(ctx).web_url}/${repo.owner}/${repo.name}`;
}
function repository(ctx, repo, viewer) {
    const u = repoUrl(ctx, repo);
    const html = repoHtml(ctx, repo);
    const open = repo.issues.filter((i) => i.state === 'open').length;
    const role = viewer ? roleOf(repo, viewer) : null;
    const rank = role ? ['read', 'triage', 'write', 'maintain', 'admin'].indexOf(role) : -1;
    const out = {
        id: repo.id,
        node_id: nodeId('R', repo.id),
        name: repo.name,
        full_name: fullName(repo),
        private: repo.private,
        owner: simpleUser(ctx, repo.owner),
        html_url: html,
        description: repo.description,
        fork: repo.fork,
        url: u,
        archive_url: `${u}/{archive_format}{/ref}`,
        assignees_url: `${u}/assignees{/user}`,
        blobs_url: `${u}/git/blobs{/sha}`,
        branches_url: `${u}/branches{/branch}`,
        collaborators_url: `${u}/collaborators{/collaborator}`,
        comments_url: `${u}/comments{/number}`,
        commits_url: `${u}/commits{/sha}`,
        compare_url: `${u}/compare/{base}...{head}`,
        contents_url: `${u}/contents/{+path}`,
        contributors_url: `${u}/contributors`,
        deployments_url: `${u}/deployments`,
        downloads_url: `${u}/downloads`,
        events_url: `${u}/events`,
        forks_url: `${u}/forks`,
        git_commits_url: `${u}/git/commits{/sha}`,
        git_refs_url: `${u}/git/refs{/sha}`,
        git_tags_url: `${u}/git/tags{/sha}`,
        git_url: `git://${new URL(html).host}/${fullName(repo)}.git`,
        issue_comment_url: `${u}/issues/comments{/number}`,
        issue_events_url: `${u}/issues/events{/number}`,
        issues_url: `${u}/issues{/number}`,
        keys_url: `${u}/keys{/key_id}`,
        labels_url: `${u}/labels{/name}`,
        languages_url: `${u}/languages`,
        merges_url: `${u}/merges`,
        milestones_url: `${u}/milestones{/number}`,
        notifications_url: `${u}/notifications{?since,all,participating}`,
        pulls_url: `${u}/pulls{/number}`,
        releases_url: `${u}/releases{/id}`,
        ssh_url: `git@${new URL(html).host}:${fullName(repo)}.git`,
        stargazers_url: `${u}/stargazers`,
        statuses_url: `${u}/statuses/{sha}`,
        subscribers_url: `${u}/subscribers`,
        subscription_url: `${u}/subscription`,
        tags_url: `${u}/tags`,
        teams_url: `${u}/teams`,
        trees_url: `${u}/git/trees{/sha}`,
        clone_url: `${html}.git`,
        mirror_url: null,
        hooks_url: `${u}/hooks`,
        svn_url: html,
        homepage: null,
        language: 'TypeScript',
        forks_count: 0,
        stargazers_count: 0,
        watchers_count: 0,
        size: 1,
        default_branch: repo.default_branch,
        open_issues_count: open,
        is_template: false,
        topics: [],
        has_issues: true,
        has_projects: true,
        has_wiki: false,
        has_pages: false,
        has_downloads: true,
        has_discussions: false,
        archived: false,
        disabled: false,
        visibility: repo.private ? 'private' : 'public',
        pushed_at: repo.pushed_at,
        created_at: repo.created_at,
        updated_at: repo.pushed_at,
        allow_forking: true,
        web_commit_signoff_required: false,
        license: null,
        forks: 0,
        open_issues: open,
        watchers: 0,
    };
    if (viewer) {
        out.permissions = { admin: rank >= 4, maintain: rank >= 3, push: rank >= 2, triage: rank >= 1, pull: rank >= 0 || !repo.private };
    }
    return out;
}
/** The extra fields GET /repos/{owner}/{repo} has. */
function fullRepository(ctx, repo, viewer) {
    const org = state_githubState(ctx).orgs[repo.owner.toLowerCase()];
    return {
        ...repository(ctx, repo, viewer),
        ...(org ? { organization: simpleUser(ctx, org.login) } : {}),
        network_count: 0,
        subscribers_count: 0,
    };
}
function authorAssociation(ctx, repo, login) {
    const st = state_githubState(ctx);
    if (login.toLowerCase() === repo.owner.toLowerCase())
        return 'OWNER';
    const org = st.orgs[repo.owner.toLowerCase()];
    if (org?.members.some((m) => m.toLowerCase() === login.toLowerCase()))
        return 'MEMBER';
    if (roleOf(repo, login))
        return 'COLLABORATOR';
    if (repo.issues.some((i) => i.pull && i.user.toLowerCase() === login.toLowerCase() && repo.pulls[i.number]?.merged))
        return 'CONTRIBUTOR';
    return 'NONE';
}
function label(ctx, repo, l) {
    return {
        id: l.id,
        node_id: nodeId('LA', l.id),
        url: `${repoUrl(ctx, repo)}/labels/${encodeURIComponent(l.name)}`,
        name: l.name,
        color: l.color,
        default: l.default,
        description: l.description,
    };
}
function reactionRollup(url, reactions) {
    const out = { url, total_count: reactions.length };
    for (const r of REACTIONS)
        out[r] = reactions.filter((x) => x.content === r).length;
    return out;
}
function reaction(ctx, r) {
    return { id: r.id, node_id: nodeId('REA', r.id), user: simpleUser(ctx, r.user), content: r.content, created_at: r.created_at };
}
function integration(ctx, st = state_githubState(ctx)) {
    const a = st.app;
    return {
        id: a.id,
        slug: a.slug,
        node_id: nodeId('A', a.id),
        client_id: a.client_id,
        owner: simpleUser(ctx, a.owner),
        name: a.name,
        description: a.description,
        external_url: `${st.web_url}/${a.owner}`,
        html_url: `${st.web_url}/apps/${a.slug}`,
        created_at: a.created_at,
        updated_at: a.created_at,
        permissions: { ...a.permissions },
        events: [...a.events],
        installations_count: st.installations.length,
    };
}
function performedVia(ctx, slug) {
    return slug ? integration(ctx) : null;
}
function issueUrl(ctx, repo, n) {
    return `${repoUrl(ctx, repo)}/issues/${n}`;
}
function issueHtml(ctx, repo, i) {
    return `${repoHtml(ctx, repo)}/${i.pull ? 'pull' : 'issues'}/${i.number}`;
}
function issue(ctx, repo, i) {
    const u = issueUrl(ctx, repo, i.number);
    const labels = i.labels.map((n) => repo.labels.find((l) => l.name === n)).filter((l) => !!l);
    const comments = repo.comments.filter((c) => c.issue === i.number).length;
    const pull = i.pull ? repo.pulls[i.number] : undefined;
    const out = {
        url: u,
        repository_url: repoUrl(ctx, repo),
        labels_url: `${u}/labels{/name}`,
        comments_url: `${u}/comments`,
        events_url: `${u}/events`,
        html_url: issueHtml(ctx, repo, i),
        id: i.id,
        node_id: nodeId(i.pull ? 'PR' : 'I', i.id),
        number: i.number,
        title: i.title,
        user: simpleUser(ctx, i.user),
        labels: labels.map((l) => label(ctx, repo, l)),
        state: i.state,
        locked: i.locked,
        assignee: i.assignees[0] ? simpleUser(ctx, i.assignees[0]) : null,
        assignees: i.assignees.map((a) => simpleUser(ctx, a)),
        milestone: null,
        comments,
        created_at: i.created_at,
        updated_at: i.updated_at,
        closed_at: i.closed_at,
        author_association: authorAssociation(ctx, repo, i.user),
        type: null,
        active_lock_reason: null,
        sub_issues_summary: { total: 0, completed: 0, percent_completed: 0 },
        body: i.body,
        closed_by: i.closed_by ? simpleUser(ctx, i.closed_by) : null,
        reactions: reactionRollup(`${u}/reactions`, i.reactions),
        timeline_url: `${u}/timeline`,
        performed_via_github_app: performedVia(ctx, i.via_app),
        state_reason: i.state_reason,
    };
    if (pull) {
        const html = `${repoHtml(ctx, repo)}/pull/${i.number}`;
        out.draft = pull.draft;
        out.pull_request = {
            url: `${repoUrl(ctx, repo)}/pulls/${i.number}`,
            html_url: html,
            diff_url: `${html}.diff`,
            patch_url: `${html}.patch`,
            merged_at: pull.merged_at,
        };
    }
    return out;
}
function comment(ctx, repo, c) {
    const i = repo.issues.find((x) => x.number === c.issue);
    const u = `${repoUrl(ctx, repo)}/issues/comments/${c.id}`;
    return {
        id: c.id,
        node_id: nodeId('IC', c.id),
        url: u,
        html_url: `${i ? issueHtml(ctx, repo, i) : `${repoHtml(ctx, repo)}/issues/${c.issue}`}#issuecomment-${c.id}`,
        body: c.body,
        user: simpleUser(ctx, c.user),
        created_at: c.created_at,
        updated_at: c.updated_at,
        issue_url: issueUrl(ctx, repo, c.issue),
        author_association: authorAssociation(ctx, repo, c.user),
        performed_via_github_app: performedVia(ctx, c.via_app),
        reactions: reactionRollup(`${u}/reactions`, c.reactions),
    };
}
function diffEntries(ctx, repo, baseSha, headSha) {
    const base = filesAt(repo, baseSha);
    const head = filesAt(repo, headSha);
    const paths = [...new Set([...Object.keys(base), ...Object.keys(head)])].sort();
    const out = [];
    const html = repoHtml(ctx, repo);
    const api = repoUrl(ctx, repo);
    for (const p of paths) {
        const a = base[p];
        const b = head[p];
        if (a === b)
            continue;
        const oldLines = a === undefined ? [] : splitLines(a);
        const newLines = b === undefined ? [] : splitLines(b);
        const status = a === undefined ? 'added' : b === undefined ? 'removed' : 'modified';
        const { patch, additions, deletions } = unifiedPatch(oldLines, newLines);
        const ref = b === undefined ? baseSha : headSha;
        out.push({
            sha: blobSha(b ?? a ?? ''),
            filename: p,
            status,
            additions,
            deletions,
            changes: additions + deletions,
            blob_url: `${html}/blob/${ref}/${encodeURI(p)}`,
            raw_url: `${html}/raw/${ref}/${encodeURI(p)}`,
            contents_url: `${api}/contents/${encodeURI(p)}?ref=${ref}`,
            patch,
        });
    }
    return out;
}
function splitLines(s) {
    if (s === '')
        return [];
    const lines = s.split('\n');
    if (lines[lines.length - 1] === '')
        lines.pop();
    return lines;
}
/** A one-hunk unified diff (GitHub shows hunks; one hunk over the common prefix/suffix is enough). */
function unifiedPatch(a, b) {
    let start = 0;
    while (start < a.length && start < b.length && a[start] === b[start])
        start++;
    let endA = a.length;
    let endB = b.length;
    while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
        endA--;
        endB--;
    }
    const removed = a.slice(start, endA);
    const added = b.slice(start, endB);
    const ctxBefore = a.slice(Math.max(0, start - 3), start);
    const ctxAfter = a.slice(endA, Math.min(a.length, endA + 3));
    const aStart = start - ctxBefore.length;
    const aLen = ctxBefore.length + removed.length + ctxAfter.length;
    const bLen = ctxBefore.length + added.length + ctxAfter.length;
    const header = `@@ -${aLen ? aStart + 1 : 0},${aLen} +${bLen ? aStart + 1 : 0},${bLen} @@`;
    const lines = [header, ...ctxBefore.map((l) => ` ${l}`), ...removed.map((l) => `-${l}`), ...added.map((l) => `+${l}`), ...ctxAfter.map((l) => ` ${l}`)];
    return { patch: lines.join('\n'), additions: added.length, deletions: removed.length };
}
function combinedState(statuses) {
    if (!statuses.length)
        return 'pending';
    if (statuses.some((s) => s.state === 'error' || s.state === 'failure'))
        return 'failure';
    if (statuses.some((s) => s.state === 'pending'))
        return 'pending';
    return 'success';
}
/** The newest status per context for a sha. */
function latestStatuses(repo, sha) {
    const byContext = new Map();
    for (const s of repo.statuses)
        if (s.sha === sha)
            byContext.set(s.context, s);
    return [...byContext.values()].sort((a, b) => b.id - a.id);
}
function shapes_status(ctx, repo, s) {
    return {
        url: `${repoUrl(ctx, repo)}/statuses/${s.sha}`,
        avatar_url: `https://avatars.githubusercontent.com/u/${userOf(state_githubState(ctx), s.creator).id}?v=4`,
        id: s.id,
        node_id: nodeId('SC', s.id),
        state: s.state,
        description: s.description,
        target_url: s.target_url,
        context: s.context,
        created_at: s.created_at,
        updated_at: s.updated_at,
        creator: simpleUser(ctx, s.creator),
    };
}
function checkRun(ctx, repo, r) {
    const u = `${repoUrl(ctx, repo)}/check-runs/${r.id}`;
    const st = state_githubState(ctx);
    return {
        id: r.id,
        head_sha: r.head_sha,
        node_id: nodeId('CR', r.id),
        external_id: String(r.id),
        url: u,
        html_url: `${repoHtml(ctx, repo)}/runs/${r.id}`,
        details_url: r.details_url,
        status: r.status,
        conclusion: r.conclusion,
        started_at: r.started_at,
        completed_at: r.completed_at,
        output: { title: r.title, summary: r.summary, text: null, annotations_count: 0, annotations_url: `${u}/annotations` },
        name: r.name,
        check_suite: { id: r.id + 1 },
        app: r.app === st.app.slug ? integration(ctx) : { ...integration(ctx), id: 15368, slug: r.app, name: r.app, node_id: nodeId('A', 15368) },
        pull_requests: Object.values(repo.pulls)
            .filter((p) => p.head.sha === r.head_sha && !p.head.fork)
            .map((p) => ({
            url: `${repoUrl(ctx, repo)}/pulls/${p.number}`,
            id: repo.issues.find((i) => i.number === p.number).id,
            number: p.number,
            head: { ref: p.head.ref, sha: p.head.sha, repo: { id: repo.id, url: repoUrl(ctx, repo), name: repo.name } },
            base: { ref: p.base.ref, sha: p.base.sha, repo: { id: repo.id, url: repoUrl(ctx, repo), name: repo.name } },
        })),
    };
}
function review(ctx, repo, n, r) {
    const html = `${repoHtml(ctx, repo)}/pull/${n}#pullrequestreview-${r.id}`;
    const pr = `${repoUrl(ctx, repo)}/pulls/${n}`;
    return {
        id: r.id,
        node_id: nodeId('PRR', r.id),
        user: simpleUser(ctx, r.user),
        body: r.body,
        state: r.state,
        html_url: html,
        pull_request_url: pr,
        author_association: authorAssociation(ctx, repo, r.user),
        _links: { html: { href: html }, pull_request: { href: pr } },
        submitted_at: r.submitted_at,
        commit_id: r.commit_id,
    };
}
/** The derived mergeable_state when none was set explicitly. */
function mergeableState(repo, p, i) {
    if (p.mergeable_state)
        return p.mergeable_state;
    if (i.state === 'closed' || p.merged)
        return 'unknown';
    if (p.draft)
        return 'draft';
    if (p.mergeable === false)
        return 'dirty';
    if (p.mergeable === null)
        return 'unknown';
    const statuses = latestStatuses(repo, p.head.sha);
    const checks = repo.check_runs.filter((r) => r.head_sha === p.head.sha);
    const failing = (statuses.length && combinedState(statuses) !== 'success') || checks.some((r) => r.status !== 'completed' || !['success', 'neutral', 'skipped'].includes(r.conclusion ?? ''));
    return failing ? 'unstable' : 'clean';
}
function branchObject(ctx, repo, side) {
    const st = state_githubState(ctx);
    const fork = side.fork && side.repo;
    const [owner, name] = fork ? side.repo.split('/') : [repo.owner, repo.name];
    const repoObj = fork
        ? {
            ...repository(ctx, repo),
            id: repo.id + 1_000_000 + (userOf(st, owner).id % 1_000_000),
            node_id: nodeId('R', `${owner}/${name}`),
            name,
            full_name: `${owner}/${name}`,
            owner: simpleUser(ctx, owner),
            fork: true,
            private: false,
            visibility: 'public',
            html_url: `${st.web_url}/${owner}/${name}`,
            url: `${apiUrl(ctx)}/repos/${owner}/${name}`,
            clone_url: `${st.web_url}/${owner}/${name}.git`,
        }
        : repository(ctx, repo);
    return { label: `${owner}:${side.ref}`, ref: side.ref, sha: side.sha, user: simpleUser(ctx, owner), repo: repoObj };
}
function pullRequest(ctx, repo, p) {
    const i = repo.issues.find((x) => x.number === p.number);
    const u = `${repoUrl(ctx, repo)}/pulls/${p.number}`;
    const html = `${repoHtml(ctx, repo)}/pull/${p.number}`;
    const iu = issueUrl(ctx, repo, p.number);
    const files = diffEntries(ctx, repo, p.base.sha, p.head.sha);
    const commits = countCommits(repo, p.head.sha, p.base.sha);
    const labels = i.labels.map((n) => repo.labels.find((l) => l.name === n)).filter((l) => !!l);
    return {
        url: u,
        id: i.id,
        node_id: nodeId('PR', i.id),
        html_url: html,
        diff_url: `${html}.diff`,
        patch_url: `${html}.patch`,
        issue_url: iu,
        commits_url: `${u}/commits`,
        review_comments_url: `${u}/comments`,
        review_comment_url: `${repoUrl(ctx, repo)}/pulls/comments{/number}`,
        comments_url: `${iu}/comments`,
        statuses_url: `${repoUrl(ctx, repo)}/statuses/${p.head.sha}`,
        number: p.number,
        state: i.state,
        locked: i.locked,
        title: i.title,
        user: simpleUser(ctx, i.user),
        body: i.body,
        labels: labels.map((l) => label(ctx, repo, l)),
        milestone: null,
        active_lock_reason: null,
        created_at: i.created_at,
        updated_at: i.updated_at,
        closed_at: i.closed_at,
        merged_at: p.merged_at,
        merge_commit_sha: p.merge_commit_sha,
        assignee: i.assignees[0] ? simpleUser(ctx, i.assignees[0]) : null,
        assignees: i.assignees.map((a) => simpleUser(ctx, a)),
        requested_reviewers: [],
        requested_teams: [],
        head: branchObject(ctx, repo, { ref: p.head.ref, sha: p.head.sha, repo: p.head.repo, fork: p.head.fork, user: p.head.user }),
        base: branchObject(ctx, repo, { ref: p.base.ref, sha: p.base.sha }),
        _links: {
            self: { href: u },
            html: { href: html },
            issue: { href: iu },
            comments: { href: `${iu}/comments` },
            review_comments: { href: `${u}/comments` },
            review_comment: { href: `${repoUrl(ctx, repo)}/pulls/comments{/number}` },
            commits: { href: `${u}/commits` },
            statuses: { href: `${repoUrl(ctx, repo)}/statuses/${p.head.sha}` },
        },
        author_association: authorAssociation(ctx, repo, i.user),
        auto_merge: null,
        draft: p.draft,
        merged: p.merged,
        mergeable: i.state === 'open' ? p.mergeable : null,
        rebaseable: i.state === 'open' ? p.mergeable : null,
        mergeable_state: mergeableState(repo, p, i),
        merged_by: p.merged_by ? simpleUser(ctx, p.merged_by) : null,
        comments: repo.comments.filter((c) => c.issue === p.number).length,
        review_comments: 0,
        maintainer_can_modify: p.maintainer_can_modify,
        commits,
        additions: files.reduce((n, f) => n + f.additions, 0),
        deletions: files.reduce((n, f) => n + f.deletions, 0),
        changed_files: files.length,
    };
}
function countCommits(repo, head, base) {
    let n = 0;
    const seen = new Set();
    const stack = [head];
    while (stack.length) {
        const sha = stack.pop();
        if (sha === base || seen.has(sha))
            continue;
        seen.add(sha);
        const c = repo.commits[sha];
        if (!c)
            continue;
        if (isAncestor(repo, sha, base))
            continue;
        n++;
        stack.push(...c.parents);
    }
    return Math.max(1, n);
}
function isAncestor(repo, candidate, of) {
    const seen = new Set();
    const stack = [of];
    while (stack.length) {
        const sha = stack.pop();
        if (sha === candidate)
            return true;
        if (seen.has(sha))
            continue;
        seen.add(sha);
        stack.push(...(repo.commits[sha]?.parents ?? []));
    }
    return false;
}
function gitRef(ctx, repo, ref, sha) {
    return {
        ref,
        node_id: nodeId('REF', `${repo.id}:${ref}`),
        url: `${repoUrl(ctx, repo)}/git/${ref}`,
        object: { type: 'commit', sha, url: `${repoUrl(ctx, repo)}/git/commits/${sha}` },
    };
}
function gitCommit(ctx, repo, sha) {
    const c = repo.commits[sha];
    const st = state_githubState(ctx);
    const person = { name: c.author, email: `${userOf(st, c.author).id}+${c.author}@users.noreply.github.com`, date: c.date };
    return {
        sha,
        node_id: nodeId('C', sha),
        url: `${repoUrl(ctx, repo)}/git/commits/${sha}`,
        html_url: `${repoHtml(ctx, repo)}/commit/${sha}`,
        author: person,
        committer: person,
        message: c.message,
        tree: { sha: c.tree, url: `${repoUrl(ctx, repo)}/git/trees/${c.tree}` },
        parents: c.parents.map((p) => ({ sha: p, url: `${repoUrl(ctx, repo)}/git/commits/${p}`, html_url: `${repoHtml(ctx, repo)}/commit/${p}` })),
        verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    };
}
/** Base64 with a newline every 60 characters, as the contents API sends it. */
function base64Lines(content) {
    const b64 = Buffer.from(content, 'utf8').toString('base64');
    return (b64.match(/.{1,60}/g) ?? ['']).join('\n') + '\n';
}
function contentFile(ctx, repo, path, content, ref, withContent = true) {
    const sha = blobSha(content);
    const u = `${repoUrl(ctx, repo)}/contents/${encodeURI(path)}?ref=${encodeURIComponent(ref)}`;
    const html = `${repoHtml(ctx, repo)}/blob/${ref}/${encodeURI(path)}`;
    const git = `${repoUrl(ctx, repo)}/git/blobs/${sha}`;
    const out = {
        type: 'file',
        size: Buffer.byteLength(content),
        name: path.split('/').pop(),
        path,
        sha,
        url: u,
        git_url: git,
        html_url: html,
        download_url: `https://raw.githubusercontent.com/${fullName(repo)}/${ref}/${encodeURI(path)}`,
        _links: { self: u, git, html },
    };
    if (withContent) {
        out.content = base64Lines(content);
        out.encoding = 'base64';
    }
    return out;
}
function contentDir(ctx, repo, path, ref) {
    const sha = blobSha(`dir:${path}`);
    const u = `${repoUrl(ctx, repo)}/contents/${encodeURI(path)}?ref=${encodeURIComponent(ref)}`;
    const html = `${repoHtml(ctx, repo)}/tree/${ref}/${encodeURI(path)}`;
    const git = `${repoUrl(ctx, repo)}/git/trees/${sha}`;
    return { type: 'dir', size: 0, name: path.split('/').pop(), path, sha, url: u, git_url: git, html_url: html, download_url: null, _links: { self: u, git, html } };
}
function installation(ctx, inst) {
    const st = state_githubState(ctx);
    const api = apiUrl(ctx);
    return {
        id: inst.id,
        account: simpleUser(ctx, inst.account),
        repository_selection: inst.repository_selection,
        access_tokens_url: `${api}/app/installations/${inst.id}/access_tokens`,
        repositories_url: `${api}/installation/repositories`,
        html_url: `${st.web_url}/organizations/${inst.account}/settings/installations/${inst.id}`,
        app_id: st.app.id,
        client_id: st.app.client_id,
        app_slug: st.app.slug,
        target_id: userOf(st, inst.account).id,
        target_type: userOf(st, inst.account).type === 'Organization' ? 'Organization' : 'User',
        permissions: { ...inst.permissions },
        events: [...inst.events],
        created_at: inst.created_at,
        updated_at: inst.created_at,
        single_file_name: null,
        has_multiple_single_files: false,
        single_file_paths: [],
        suspended_by: null,
        suspended_at: null,
    };
}

;// CONCATENATED MODULE: ./sandbox/github/util.ts
/** Route, pagination and body helpers shared by the GitHub routes. */



function route(method, template, operation, handler, opts = {}) {
    return { method, pattern: typeof template === 'string' ? path(template) : template, operation, handler, ...opts };
}
/** `/repos/{owner}/{repo}` followed by `rest`, where `{+name}` matches one or more path segments. */
function repoPath(rest) {
    const src = rest
        .split(/(\{\+?[A-Za-z0-9_]+\})/)
        .map((part) => {
        const m = /^\{(\+?)([A-Za-z0-9_]+)\}$/.exec(part);
        if (m)
            return m[1] ? `(?<${m[2]}>.+)` : `(?<${m[2]}>[^/]+)`;
        return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
    })
        .join('');
    return new RegExp(`^/repos/(?<owner>[^/]+)/(?<repo>[^/]+)${src}/?$`, 'i');
}
/** GitHub's page/per_page pagination with a `Link` header (prev, next, last, first). */
function paginate(c, all, defaultPerPage = 30) {
    const perRaw = c.query.get('per_page');
    const pageRaw = c.query.get('page');
    let perPage = perRaw === null ? defaultPerPage : Number.parseInt(perRaw, 10);
    if (!Number.isFinite(perPage) || perPage < 1)
        perPage = defaultPerPage;
    perPage = Math.min(perPage, 100);
    let page = pageRaw === null ? 1 : Number.parseInt(pageRaw, 10);
    if (!Number.isFinite(page) || page < 1)
        page = 1;
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const items = all.slice((page - 1) * perPage, page * perPage);
    const link = (p) => {
        const q = new URLSearchParams(c.url.search);
        q.set('per_page', String(perPage));
        q.set('page', String(p));
        return `<${apiUrl(c.sandbox)}${c.url.pathname}?${q.toString()}>`;
    };
    const parts = [];
    if (page > 1)
        parts.push(`${link(Math.min(page - 1, last))}; rel="prev"`);
    if (page < last)
        parts.push(`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`);
    if (page > 1)
        parts.push(`${link(1)}; rel="first"`);
    return { items, headers: parts.length ? { link: parts.join(', ') } : {} };
}
function bodyObject(c) {
    if (c.body === undefined)
        return {};
    if (!c.body || typeof c.body !== 'object' || Array.isArray(c.body))
        throw ghError(400, 'Problems parsing JSON');
    return c.body;
}
function intParam(c, name) {
    const v = c.params[name];
    if (!/^\d+$/.test(v ?? ''))
        throw ghError(404, 'Not Found');
    return Number(v);
}
const util_MAX_BODY = 65_536;
function checkText(resource, field, v, required) {
    if (v === undefined || v === null) {
        if (required)
            throw validationFailed([{ resource, code: 'missing_field', field }]);
        return undefined;
    }
    if (typeof v !== 'string' && typeof v !== 'number') {
        throw ghError(422, `Invalid request.\n\nFor 'properties/${field}', ${JSON.stringify(v)} is not a string.`);
    }
    const s = String(v);
    if (required && !s.trim())
        throw validationFailed([{ resource, code: 'missing_field', field }]);
    if (s.length > util_MAX_BODY) {
        throw validationFailed([{ resource, code: 'custom', field, message: `${field} is too long (maximum is ${util_MAX_BODY} characters)` }]);
    }
    return s;
}
function stringList(field, v) {
    if (v === undefined || v === null)
        return [];
    if (!Array.isArray(v))
        throw ghError(422, `Invalid request.\n\nFor 'properties/${field}', ${JSON.stringify(v)} is not an array.`);
    return v.map((x) => {
        if (typeof x === 'string')
            return x;
        if (x && typeof x === 'object' && typeof x.name === 'string')
            return x.name;
        throw ghError(422, `Invalid request.\n\nFor 'items', ${JSON.stringify(x)} is not a string or an object with a name.`);
    });
}

;// CONCATENATED MODULE: ./sandbox/github/apps.ts




const APPS_DOC = 'https://docs.github.com/rest/apps/apps';
function installationRepos(st, inst) {
    if (inst.repository_selection === 'selected')
        return inst.repositories.filter((k) => st.repos[k]);
    return Object.keys(st.repos).filter((k) => st.repos[k].owner.toLowerCase() === inst.account.toLowerCase());
}
function installationById(c) {
    requireApp(c);
    const st = state_githubState(c.sandbox);
    const id = intParam(c, 'installation_id');
    const inst = st.installations.find((i) => i.id === id);
    if (!inst)
        throw notFound(`${APPS_DOC}#get-an-installation-for-the-authenticated-app`);
    return inst;
}
function createToken(c) {
    const inst = installationById(c);
    const st = state_githubState(c.sandbox);
    if (inst.suspended)
        throw ghError(403, 'This installation has been suspended', { documentation_url: `${APPS_DOC}#create-an-installation-access-token-for-an-app` });
    const b = bodyObject(c);
    const available = installationRepos(st, inst);
    let repositories = inst.repository_selection === 'all' ? 'all' : available;
    const names = [];
    if (b.repositories !== undefined) {
        if (!Array.isArray(b.repositories))
            throw ghError(422, "Invalid request.\n\nFor 'properties/repositories', it is not an array.");
        for (const n of b.repositories)
            names.push(repoKey(String(n).includes('/') ? String(n) : `${inst.account}/${n}`));
    }
    if (b.repository_ids !== undefined) {
        if (!Array.isArray(b.repository_ids))
            throw ghError(422, "Invalid request.\n\nFor 'properties/repository_ids', it is not an array.");
        for (const id of b.repository_ids) {
            const k = Object.keys(st.repos).find((x) => st.repos[x].id === Number(id));
            names.push(k ?? `#${id}`);
        }
    }
    if (names.length) {
        if (names.some((n) => !available.includes(n))) {
            throw ghError(422, 'There is at least one repository that does not exist or is not accessible to the parent installation.', { documentation_url: `${APPS_DOC}#create-an-installation-access-token-for-an-app` });
        }
        repositories = [...new Set(names)];
    }
    let permissions = { ...inst.permissions };
    if (b.permissions !== undefined) {
        if (!b.permissions || typeof b.permissions !== 'object' || Array.isArray(b.permissions))
            throw ghError(422, "Invalid request.\n\nFor 'properties/permissions', it is not an object.");
        for (const [k, v] of Object.entries(b.permissions)) {
            const have = inst.permissions[k];
            if ((v !== 'read' && v !== 'write') || !have || (v === 'write' && have !== 'write')) {
                throw ghError(422, 'The permissions requested are not granted to this installation.', { documentation_url: `${APPS_DOC}#create-an-installation-access-token-for-an-app` });
            }
        }
        permissions = { ...b.permissions, metadata: 'read' };
    }
    const t = mintInstallationToken(c.sandbox, st, inst, permissions, repositories);
    const body = {
        token: t.token,
        expires_at: t.expires_at,
        permissions,
        repository_selection: repositories === 'all' ? 'all' : 'selected',
    };
    if (repositories !== 'all')
        body.repositories = repositories.map((k) => repository(c.sandbox, st.repos[k]));
    return { status: 201, body };
}
function appRoutes() {
    return [
        route('GET', '/app', 'apps.get-authenticated', (c) => {
            requireApp(c);
            return { status: 200, body: integration(c.sandbox) };
        }),
        route('GET', '/app/installations', 'apps.list-installations', (c) => {
            requireApp(c);
            const st = state_githubState(c.sandbox);
            const page = paginate(c, st.installations);
            return { status: 200, body: page.items.map((i) => installation(c.sandbox, i)), headers: page.headers };
        }),
        route('GET', '/app/installations/{installation_id}', 'apps.get-installation', (c) => ({ status: 200, body: installation(c.sandbox, installationById(c)) })),
        route('POST', '/app/installations/{installation_id}/access_tokens', 'apps.create-installation-access-token', createToken, { write: false }),
        route('GET', repoPath('/installation'), 'apps.get-repo-installation', (c) => {
            requireApp(c);
            const st = state_githubState(c.sandbox);
            const k = repoKey(`${c.params.owner}/${c.params.repo}`);
            const inst = st.repos[k] && st.installations.find((i) => installationRepos(st, i).includes(k));
            if (!inst)
                throw notFound(`${APPS_DOC}#get-a-repository-installation-for-the-authenticated-app`);
            return { status: 200, body: installation(c.sandbox, inst) };
        }),
        route('GET', '/orgs/{org}/installation', 'apps.get-org-installation', (c) => {
            requireApp(c);
            const st = state_githubState(c.sandbox);
            const inst = st.installations.find((i) => i.account.toLowerCase() === c.params.org.toLowerCase());
            if (!inst)
                throw notFound(`${APPS_DOC}#get-an-organization-installation-for-the-authenticated-app`);
            return { status: 200, body: installation(c.sandbox, inst) };
        }),
        route('GET', '/installation/repositories', 'apps.list-repos-accessible-to-installation', (c) => {
            const a = actor(c);
            if (a.kind !== 'installation')
                throw ghError(403, 'You must authenticate with an installation access token in order to list repositories for an installation.');
            const st = state_githubState(c.sandbox);
            const keys = installationRepos(st, a.installation).filter((k) => a.token.repositories === 'all' || a.token.repositories.includes(k));
            const page = paginate(c, keys);
            return {
                status: 200,
                body: { total_count: keys.length, repository_selection: a.installation.repository_selection, repositories: page.items.map((k) => repository(c.sandbox, st.repos[k])) },
                headers: page.headers,
            };
        }),
        route('DELETE', '/installation/token', 'apps.revoke-installation-access-token', (c) => {
            const a = actor(c);
            if (a.kind !== 'installation')
                throw ghError(403, 'You must authenticate with an installation access token in order to revoke it.');
            const t = state_secrets(c.sandbox).tokens.get(a.token.token);
            if (t)
                t.revoked = true;
            return { status: 204 };
        }),
        route('GET', '/rate_limit', 'rate-limit.get', (c) => {
            const a = actor(c);
            const st = state_githubState(c.sandbox);
            const core = consumeRate(c, a, 'core', false);
            const search = consumeRate(c, a, 'search', false);
            const view = (r) => ({ limit: r.limit, used: r.used, remaining: r.remaining, reset: r.reset });
            const other = { limit: rateLimitFor(st, a, 'core'), used: 0, remaining: rateLimitFor(st, a, 'core'), reset: core.reset };
            return { status: 200, body: { resources: { core: view(core), search: view(search), graphql: other }, rate: view(core) } };
        }),
        route('GET', '/users/{username}', 'users.get-by-username', (c) => {
            const st = state_githubState(c.sandbox);
            const u = st.users[c.params.username.toLowerCase()];
            if (!u)
                throw notFound('https://docs.github.com/rest/users/users#get-a-user');
            return { status: 200, body: { ...simpleUser(c.sandbox, u.login), name: u.name ?? null, created_at: '2020-01-01T00:00:00Z', updated_at: '2020-01-01T00:00:00Z' } };
        }),
    ];
}

;// CONCATENATED MODULE: ./sandbox/github/issues.ts




const ISSUE_READ = [['issues', 'read'], ['pull_requests', 'read']];
const needFor = (i, level) => (i?.pull ? [['pull_requests', level], ['issues', level]] : [['issues', level]]);
function issueByNumber(repo, n) {
    return repo.issues.find((i) => i.number === n);
}
/** The repository and issue (404 when missing), checking the permission the issue kind needs. */
function issueFor(c, level, role) {
    const st = state_githubState(c.sandbox);
    const n = intParam(c, 'number');
    const pre = findRepo(st, c.params.owner, c.params.repo);
    const i = pre ? issueByNumber(pre, n) : undefined;
    const repo = repoFor(c, { perms: needFor(i, level), role });
    const found = issueByNumber(repo, n);
    if (!found)
        throw notFound('https://docs.github.com/rest/issues/issues#get-an-issue');
    return { repo, issue: found };
}
function commentFor(c, level) {
    const st = state_githubState(c.sandbox);
    const id = intParam(c, 'comment_id');
    const pre = findRepo(st, c.params.owner, c.params.repo);
    const cm = pre?.comments.find((x) => x.id === id);
    const repo = repoFor(c, { perms: needFor(cm && pre ? issueByNumber(pre, cm.issue) : undefined, level) });
    const found = repo.comments.find((x) => x.id === id);
    if (!found)
        throw notFound('https://docs.github.com/rest/issues/comments#get-an-issue-comment');
    return { repo, comment: found, issue: issueByNumber(repo, found.issue) };
}
function touch(ctx, st, i) {
    i.updated_at = ghTime(ctx);
    i.indexed_at = ctx.clock.now() + st.search_index_delay_ms;
}
/** Labels by name (case-insensitive), creating missing ones as GitHub does when labelling an issue. */
function labelNames(st, repo, names) {
    const out = [];
    for (const raw of names) {
        const name = raw.trim();
        if (!name)
            continue;
        let l = repo.labels.find((x) => x.name.toLowerCase() === name.toLowerCase());
        if (!l) {
            l = { id: nextId(st), name, color: 'ededed', description: null, default: false };
            repo.labels.push(l);
        }
        if (!out.includes(l.name))
            out.push(l.name);
    }
    return out;
}
function createIssue(ctx, repo, spec) {
    const st = state_githubState(ctx);
    const now = ghTime(ctx);
    const number = spec.number ?? repo.next_number;
    if (repo.issues.some((i) => i.number === number))
        throw validationFailed([{ resource: 'Issue', code: 'already_exists', field: 'number' }]);
    repo.next_number = Math.max(repo.next_number, number + 1);
    ensureUser(st, spec.user);
    const i = {
        id: nextId(st),
        number,
        title: spec.title,
        body: spec.body ?? null,
        user: spec.user,
        state: 'open',
        state_reason: null,
        labels: labelNames(st, repo, spec.labels ?? []),
        assignees: (spec.assignees ?? []).filter((a) => roleOf(repo, a)),
        locked: false,
        created_at: now,
        updated_at: now,
        closed_at: null,
        closed_by: null,
        via_app: spec.via_app ?? null,
        reactions: [],
        pull: spec.pull ?? false,
        indexed_at: ctx.clock.now() + st.search_index_delay_ms,
    };
    repo.issues.push(i);
    return i;
}
function addComment(ctx, repo, i, body, user, via) {
    const st = state_githubState(ctx);
    ensureUser(st, user);
    const now = ghTime(ctx);
    const cm = { id: nextId(st), issue: i.number, body, user, created_at: now, updated_at: now, via_app: via, reactions: [] };
    repo.comments.push(cm);
    touch(ctx, st, i);
    return cm;
}
function setIssueState(ctx, i, state, reason, by) {
    if (state === 'closed') {
        if (i.state !== 'closed') {
            i.closed_at = ghTime(ctx);
            i.closed_by = by;
        }
        i.state = 'closed';
        i.state_reason = reason ?? 'completed';
    }
    else {
        if (i.state === 'closed')
            i.state_reason = 'reopened';
        else if (reason)
            i.state_reason = reason;
        i.state = 'open';
        i.closed_at = null;
        i.closed_by = null;
    }
}
const STATE_REASONS = ['completed', 'not_planned', 'reopened', 'duplicate'];
function listIssues(c) {
    const repo = repoFor(c, { perms: ISSUE_READ });
    const q = c.query;
    const state = q.get('state') ?? 'open';
    if (!['open', 'closed', 'all'].includes(state))
        throw validationFailed([{ resource: 'Issue', field: 'state', code: 'invalid' }]);
    const labels = (q.get('labels') ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
    const creator = q.get('creator')?.toLowerCase();
    const assignee = q.get('assignee');
    const since = q.get('since') ? Date.parse(q.get('since')) : undefined;
    const sort = q.get('sort') ?? 'created';
    const direction = q.get('direction') ?? 'desc';
    let items = repo.issues.filter((i) => (state === 'all' || i.state === state) &&
        labels.every((l) => i.labels.some((x) => x.toLowerCase() === l)) &&
        (!creator || i.user.toLowerCase() === creator) &&
        (!assignee || (assignee === 'none' ? !i.assignees.length : assignee === '*' ? i.assignees.length > 0 : i.assignees.some((a) => a.toLowerCase() === assignee.toLowerCase()))) &&
        (since === undefined || Date.parse(i.updated_at) >= since));
    const a = actor(c);
    if ((a.kind === 'installation' || a.kind === 'repo') && !a.token.permissions.issues)
        items = items.filter((i) => i.pull);
    if ((a.kind === 'installation' || a.kind === 'repo') && !a.token.permissions.pull_requests)
        items = items.filter((i) => !i.pull);
    const key = (i) => (sort === 'updated' ? Date.parse(i.updated_at) * 1e4 + i.number : sort === 'comments' ? repo.comments.filter((x) => x.issue === i.number).length * 1e6 + i.number : i.number);
    items.sort((x, y) => (direction === 'asc' ? key(x) - key(y) : key(y) - key(x)));
    const page = paginate(c, items);
    return { status: 200, body: page.items.map((i) => issue(c.sandbox, repo, i)), headers: page.headers };
}
function postIssue(c) {
    const repo = repoFor(c, { perms: [['issues', 'write']] });
    const b = bodyObject(c);
    const title = checkText('Issue', 'title', b.title, true);
    const body = checkText('Issue', 'body', b.body, false);
    const privileged = userHasRole(c, repo, 'triage');
    const i = createIssue(c.sandbox, repo, {
        title,
        body,
        user: actingLogin(c),
        labels: privileged ? stringList('labels', b.labels) : [],
        assignees: privileged ? stringList('assignees', b.assignees ?? (b.assignee ? [b.assignee] : [])) : [],
        via_app: viaApp(c),
    });
    return { status: 201, body: issue(c.sandbox, repo, i), headers: { location: `${issue(c.sandbox, repo, i).url}` } };
}
function patchIssue(c) {
    const { repo, issue: i } = issueFor(c, 'write');
    const st = state_githubState(c.sandbox);
    const b = bodyObject(c);
    const who = actingLogin(c);
    const author = i.user.toLowerCase() === who.toLowerCase();
    const triage = userHasRole(c, repo, 'triage');
    if (!triage && !author)
        throw ghError(403, 'Must have admin rights to Repository.');
    if (b.title !== undefined)
        i.title = checkText('Issue', 'title', b.title, true);
    if (b.body !== undefined)
        i.body = checkText('Issue', 'body', b.body, false) ?? null;
    if (b.state !== undefined || b.state_reason !== undefined) {
        if (b.state !== undefined && b.state !== 'open' && b.state !== 'closed')
            throw validationFailed([{ resource: 'Issue', field: 'state', code: 'invalid' }]);
        if (b.state_reason !== undefined && b.state_reason !== null && !STATE_REASONS.includes(b.state_reason)) {
            throw validationFailed([{ resource: 'Issue', field: 'state_reason', code: 'invalid' }]);
        }
        setIssueState(c.sandbox, i, b.state ?? i.state, b.state_reason ?? null, who);
    }
    if (triage && b.labels !== undefined)
        i.labels = labelNames(st, repo, stringList('labels', b.labels));
    if (triage && b.assignees !== undefined)
        i.assignees = stringList('assignees', b.assignees).filter((a) => roleOf(repo, a));
    touch(c.sandbox, st, i);
    return { status: 200, body: issue(c.sandbox, repo, i) };
}
function listComments(c) {
    const { repo, issue: i } = issueFor(c, 'read');
    const since = c.query.get('since') ? Date.parse(c.query.get('since')) : undefined;
    const items = repo.comments.filter((x) => x.issue === i.number && (since === undefined || Date.parse(x.updated_at) >= since));
    const page = paginate(c, items);
    return { status: 200, body: page.items.map((x) => comment(c.sandbox, repo, x)), headers: page.headers };
}
function listRepoComments(c) {
    const repo = repoFor(c, { perms: ISSUE_READ });
    const since = c.query.get('since') ? Date.parse(c.query.get('since')) : undefined;
    const items = repo.comments.filter((x) => since === undefined || Date.parse(x.updated_at) >= since);
    if (c.query.get('direction') === 'desc')
        items.reverse();
    const page = paginate(c, items);
    return { status: 200, body: page.items.map((x) => comment(c.sandbox, repo, x)), headers: page.headers };
}
function postComment(c) {
    const { repo, issue: i } = issueFor(c, 'write');
    const b = bodyObject(c);
    const body = checkText('IssueComment', 'body', b.body, true);
    const who = actingLogin(c);
    if (i.locked && !userHasRole(c, repo, 'write'))
        throw ghError(403, 'Unable to create comment because issue is locked.');
    const cm = addComment(c.sandbox, repo, i, body, who, viaApp(c));
    const out = comment(c.sandbox, repo, cm);
    return { status: 201, body: out, headers: { location: String(out.url) } };
}
function patchComment(c) {
    const { repo, comment: cm, issue: i } = commentFor(c, 'write');
    const who = actingLogin(c);
    if (cm.user.toLowerCase() !== who.toLowerCase() && !userHasRole(c, repo, 'write'))
        throw ghError(403, 'Must have admin rights to Repository.');
    const b = bodyObject(c);
    cm.body = checkText('IssueComment', 'body', b.body, true);
    cm.updated_at = ghTime(c.sandbox);
    touch(c.sandbox, state_githubState(c.sandbox), i);
    return { status: 200, body: comment(c.sandbox, repo, cm) };
}
function deleteComment(c) {
    const { repo, comment: cm } = commentFor(c, 'write');
    const who = actingLogin(c);
    if (cm.user.toLowerCase() !== who.toLowerCase() && !userHasRole(c, repo, 'write'))
        throw ghError(403, 'Must have admin rights to Repository.');
    repo.comments = repo.comments.filter((x) => x !== cm);
    return { status: 204 };
}
// ---------------------------------------------------------------------------------------------
// Reactions.
function addReaction(c, list) {
    const b = bodyObject(c);
    const content = b.content;
    if (!REACTIONS.includes(content)) {
        throw validationFailed([{ resource: 'Reaction', code: 'invalid', field: 'content', value: content ?? null }], 'https://docs.github.com/rest/reactions/reactions');
    }
    const who = actingLogin(c);
    const existing = list.find((r) => r.user.toLowerCase() === who.toLowerCase() && r.content === content);
    if (existing)
        return { status: 200, body: reaction(c.sandbox, existing) };
    const r = { id: nextId(state_githubState(c.sandbox)), user: who, content: content, created_at: ghTime(c.sandbox) };
    list.push(r);
    return { status: 201, body: reaction(c.sandbox, r) };
}
function listReactions(c, list) {
    const content = c.query.get('content');
    if (content !== null && !REACTIONS.includes(content))
        throw validationFailed([{ resource: 'Reaction', code: 'invalid', field: 'content' }]);
    const page = paginate(c, list.filter((r) => content === null || r.content === content));
    return { status: 200, body: page.items.map((r) => reaction(c.sandbox, r)), headers: page.headers };
}
function deleteReaction(c, list) {
    const id = intParam(c, 'reaction_id');
    const idx = list.findIndex((r) => r.id === id);
    if (idx < 0)
        throw notFound();
    const who = actingLogin(c);
    if (list[idx].user.toLowerCase() !== who.toLowerCase())
        throw ghError(403, 'Must have admin rights to Repository.');
    list.splice(idx, 1);
    return { status: 204 };
}
// ---------------------------------------------------------------------------------------------
// Labels.
const COLOR = /^[0-9a-fA-F]{6}$/;
function createLabel(c) {
    const repo = repoFor(c, { perms: [['issues', 'write'], ['pull_requests', 'write']], role: 'write' });
    const b = bodyObject(c);
    const name = checkText('Label', 'name', b.name, true).trim();
    if (repo.labels.some((l) => l.name.toLowerCase() === name.toLowerCase()))
        throw validationFailed([{ resource: 'Label', code: 'already_exists', field: 'name' }]);
    const color = b.color === undefined ? 'ededed' : String(b.color).replace(/^#/, '');
    if (!COLOR.test(color))
        throw validationFailed([{ resource: 'Label', code: 'invalid', field: 'color' }]);
    const l = { id: nextId(state_githubState(c.sandbox)), name, color: color.toLowerCase(), description: typeof b.description === 'string' ? b.description.slice(0, 100) : null, default: false };
    repo.labels.push(l);
    return { status: 201, body: label(c.sandbox, repo, l) };
}
function labelByName(repo, name) {
    const l = repo.labels.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!l)
        throw notFound('https://docs.github.com/rest/issues/labels#get-a-label');
    return l;
}
function issueLabels(c, repo, i) {
    return i.labels.map((n) => label(c.sandbox, repo, repo.labels.find((l) => l.name === n)));
}
function labelsFromBody(c) {
    const b = c.body;
    if (Array.isArray(b))
        return stringList('labels', b);
    if (b && typeof b === 'object') {
        if (Array.isArray(b.labels))
            return stringList('labels', b.labels);
        if (b.labels === undefined)
            throw validationFailed([{ resource: 'Label', code: 'missing_field', field: 'labels' }]);
    }
    throw ghError(422, "Invalid request.\n\nFor 'links/0/schema', nil is not an array.");
}
function tokenizeQuery(q) {
    const out = [];
    const re = /(-?)(?:([A-Za-z_-]+):("([^"]*)"|\S+)|"([^"]*)"|(\S+))/g;
    let m;
    while ((m = re.exec(q))) {
        const negate = m[1] === '-';
        if (m[2])
            out.push({ kind: 'qualifier', key: m[2].toLowerCase(), value: m[4] ?? m[3], negate });
        else if (m[5] !== undefined)
            out.push({ kind: 'text', value: m[5], negate });
        else if (m[6] && !['AND', 'OR', 'NOT'].includes(m[6]))
            out.push({ kind: 'text', value: m[6], negate });
    }
    return out;
}
const words = (s) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
/** Whether the words of `phrase` occur consecutively among `hay`'s words (GitHub ignores punctuation). */
function phraseIn(phrase, hay) {
    const p = words(phrase);
    if (!p.length)
        return true;
    outer: for (let i = 0; i + p.length <= hay.length; i++) {
        for (let j = 0; j < p.length; j++)
            if (hay[i + j] !== p[j])
                continue outer;
        return true;
    }
    return false;
}
function canSearch(a, st, repo) {
    const k = `${repo.owner}/${repo.name}`.toLowerCase();
    if (a.kind === 'installation') {
        const inst = a.installation;
        const inInst = inst.repository_selection === 'all' ? inst.account.toLowerCase() === repo.owner.toLowerCase() : inst.repositories.includes(k);
        return inInst && (a.token.repositories === 'all' || a.token.repositories.includes(k));
    }
    if (a.kind === 'repo')
        return a.token.repositories === 'all' || a.token.repositories.includes(k);
    if (a.kind === 'user')
        return !repo.private || roleOf(repo, a.login) !== null;
    return !repo.private && !!st;
}
function searchIssues(c) {
    const st = state_githubState(c.sandbox);
    const a = actor(c);
    if (a.kind === 'app')
        throw ghError(403, 'Resource not accessible by integration');
    const q = c.query.get('q');
    if (q === null || !q.trim())
        throw validationFailed([{ resource: 'Search', field: 'q', code: 'missing' }], 'https://docs.github.com/rest/search/search#search-issues-and-pull-requests');
    if (q.length > 256)
        throw validationFailed([{ message: 'The search is longer than 256 characters.', resource: 'Search', field: 'q', code: 'invalid' }]);
    const terms = tokenizeQuery(q);
    const repoNames = terms.filter((t) => t.kind === 'qualifier' && t.key === 'repo' && !t.negate).map((t) => t.value.toLowerCase());
    const owners = terms.filter((t) => t.kind === 'qualifier' && (t.key === 'org' || t.key === 'user') && !t.negate).map((t) => t.value.toLowerCase());
    for (const name of repoNames) {
        const repo = st.repos[name];
        if (!repo || !canSearch(a, st, repo)) {
            throw validationFailed([{ message: 'The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.', resource: 'Search', field: 'q', code: 'invalid' }], 'https://docs.github.com/v3/search/');
        }
    }
    const inFields = terms.filter((t) => t.kind === 'qualifier' && t.key === 'in').flatMap((t) => t.value.toLowerCase().split(','));
    const searchTitle = !inFields.length || inFields.includes('title');
    const searchBody = !inFields.length || inFields.includes('body');
    const searchComments = !inFields.length || inFields.includes('comments');
    const now = c.sandbox.clock.now();
    const results = [];
    for (const repo of Object.values(st.repos)) {
        if (!canSearch(a, st, repo))
            continue;
        if (repoNames.length && !repoNames.includes(`${repo.owner}/${repo.name}`.toLowerCase()))
            continue;
        if (owners.length && !owners.includes(repo.owner.toLowerCase()))
            continue;
        for (const i of repo.issues) {
            if (i.indexed_at > now)
                continue;
            if ((a.kind === 'installation' || a.kind === 'repo') && !(i.pull ? a.token.permissions.pull_requests || a.token.permissions.issues : a.token.permissions.issues))
                continue;
            const pull = repo.pulls[i.number];
            let hay;
            const text = () => (hay ??= [
                ...(searchTitle ? words(i.title) : []),
                ...(searchBody ? words(i.body ?? '') : []),
                ...(searchComments ? repo.comments.filter((x) => x.issue === i.number).flatMap((x) => words(x.body)) : []),
            ]);
            const match = terms.every((t) => {
                let ok;
                if (t.kind === 'text')
                    ok = phraseIn(t.value, text());
                else {
                    const v = t.value.toLowerCase();
                    switch (t.key) {
                        case 'repo':
                        case 'org':
                        case 'user':
                        case 'in':
                        case 'sort':
                            return true;
                        case 'is':
                        case 'type':
                        case 'state':
                            ok =
                                v === 'issue' ? !i.pull
                                    : v === 'pr' || v === 'pull-request' ? i.pull
                                        : v === 'open' ? i.state === 'open'
                                            : v === 'closed' ? i.state === 'closed'
                                                : v === 'merged' ? !!pull?.merged
                                                    : v === 'unmerged' ? i.pull && i.state === 'closed' && !pull?.merged
                                                        : v === 'locked' ? i.locked
                                                            : v === 'unlocked' ? !i.locked
                                                                : v === 'draft' ? !!pull?.draft
                                                                    : false;
                            break;
                        case 'label':
                            ok = v.split(',').some((x) => i.labels.some((l) => l.toLowerCase() === x.trim()));
                            break;
                        case 'no':
                            ok = v === 'label' ? !i.labels.length : v === 'assignee' ? !i.assignees.length : v === 'milestone';
                            break;
                        case 'author': {
                            const login = v.startsWith('app/') ? `${v.slice(4)}[bot]` : v;
                            ok = i.user.toLowerCase() === login;
                            break;
                        }
                        case 'assignee':
                            ok = i.assignees.some((x) => x.toLowerCase() === v);
                            break;
                        case 'commenter':
                            ok = repo.comments.some((x) => x.issue === i.number && x.user.toLowerCase() === v);
                            break;
                        case 'involves':
                            ok = i.user.toLowerCase() === v || i.assignees.some((x) => x.toLowerCase() === v) || repo.comments.some((x) => x.issue === i.number && x.user.toLowerCase() === v);
                            break;
                        case 'reason':
                            ok = (i.state_reason ?? '').replace('_', ' ') === v.replace(/["_]/g, ' ').trim();
                            break;
                        default:
                            // Unknown qualifiers are searched as text, as GitHub does.
                            ok = phraseIn(`${t.key}:${t.value}`, text());
                    }
                }
                return t.negate ? !ok : ok;
            });
            if (match)
                results.push({ repo, issue: i });
        }
    }
    const sort = c.query.get('sort');
    const asc = c.query.get('order') === 'asc';
    const key = (r) => sort === 'created' ? Date.parse(r.issue.created_at) : sort === 'comments' ? r.repo.comments.filter((x) => x.issue === r.issue.number).length : Date.parse(r.issue.updated_at);
    results.sort((x, y) => (asc ? key(x) - key(y) : key(y) - key(x)) || y.issue.id - x.issue.id);
    const page = paginate(c, results.slice(0, 1000));
    return {
        status: 200,
        body: { total_count: results.length, incomplete_results: false, items: page.items.map((r) => ({ ...issue(c.sandbox, r.repo, r.issue), score: 1 })) },
        headers: page.headers,
    };
}
function issueRoutes() {
    return [
        route('GET', repoPath('/issues'), 'issues.list', listIssues),
        route('POST', repoPath('/issues'), 'issues.create', postIssue),
        route('GET', repoPath('/issues/comments'), 'issues.comments.list-for-repo', listRepoComments),
        route('GET', repoPath('/issues/comments/{comment_id}'), 'issues.comments.get', (c) => {
            const { repo, comment: cm } = commentFor(c, 'read');
            return { status: 200, body: comment(c.sandbox, repo, cm) };
        }),
        route('PATCH', repoPath('/issues/comments/{comment_id}'), 'issues.comments.update', patchComment),
        route('DELETE', repoPath('/issues/comments/{comment_id}'), 'issues.comments.delete', deleteComment),
        route('GET', repoPath('/issues/comments/{comment_id}/reactions'), 'reactions.list-for-issue-comment', (c) => listReactions(c, commentFor(c, 'read').comment.reactions)),
        route('POST', repoPath('/issues/comments/{comment_id}/reactions'), 'reactions.create-for-issue-comment', (c) => addReaction(c, commentFor(c, 'write').comment.reactions)),
        route('DELETE', repoPath('/issues/comments/{comment_id}/reactions/{reaction_id}'), 'reactions.delete-for-issue-comment', (c) => deleteReaction(c, commentFor(c, 'write').comment.reactions)),
        route('GET', repoPath('/issues/{number}'), 'issues.get', (c) => {
            const { repo, issue: i } = issueFor(c, 'read');
            return { status: 200, body: issue(c.sandbox, repo, i) };
        }),
        route('PATCH', repoPath('/issues/{number}'), 'issues.update', patchIssue),
        route('GET', repoPath('/issues/{number}/comments'), 'issues.comments.list', listComments),
        route('POST', repoPath('/issues/{number}/comments'), 'issues.comments.create', postComment),
        route('GET', repoPath('/issues/{number}/reactions'), 'reactions.list-for-issue', (c) => listReactions(c, issueFor(c, 'read').issue.reactions)),
        route('POST', repoPath('/issues/{number}/reactions'), 'reactions.create-for-issue', (c) => addReaction(c, issueFor(c, 'write').issue.reactions)),
        route('DELETE', repoPath('/issues/{number}/reactions/{reaction_id}'), 'reactions.delete-for-issue', (c) => deleteReaction(c, issueFor(c, 'write').issue.reactions)),
        route('GET', repoPath('/issues/{number}/labels'), 'issues.labels.list', (c) => {
            const { repo, issue: i } = issueFor(c, 'read');
            const page = paginate(c, issueLabels(c, repo, i));
            return { status: 200, body: page.items, headers: page.headers };
        }),
        route('POST', repoPath('/issues/{number}/labels'), 'issues.labels.add', (c) => {
            const { repo, issue: i } = issueFor(c, 'write', 'triage');
            const st = state_githubState(c.sandbox);
            i.labels = labelNames(st, repo, [...i.labels, ...labelsFromBody(c)]);
            touch(c.sandbox, st, i);
            return { status: 200, body: issueLabels(c, repo, i) };
        }),
        route('PUT', repoPath('/issues/{number}/labels'), 'issues.labels.set', (c) => {
            const { repo, issue: i } = issueFor(c, 'write', 'triage');
            const st = state_githubState(c.sandbox);
            i.labels = labelNames(st, repo, labelsFromBody(c));
            touch(c.sandbox, st, i);
            return { status: 200, body: issueLabels(c, repo, i) };
        }),
        route('DELETE', repoPath('/issues/{number}/labels/{name}'), 'issues.labels.remove', (c) => {
            const { repo, issue: i } = issueFor(c, 'write', 'triage');
            const before = i.labels.length;
            i.labels = i.labels.filter((n) => n.toLowerCase() !== c.params.name.toLowerCase());
            if (i.labels.length === before)
                throw notFound('https://docs.github.com/rest/issues/labels#remove-a-label-from-an-issue');
            touch(c.sandbox, state_githubState(c.sandbox), i);
            return { status: 200, body: issueLabels(c, repo, i) };
        }),
        route('GET', repoPath('/labels'), 'issues.labels.list-for-repo', (c) => {
            const repo = repoFor(c, { perms: ISSUE_READ });
            const page = paginate(c, repo.labels);
            return { status: 200, body: page.items.map((l) => label(c.sandbox, repo, l)), headers: page.headers };
        }),
        route('POST', repoPath('/labels'), 'issues.labels.create', createLabel),
        route('GET', repoPath('/labels/{name}'), 'issues.labels.get', (c) => {
            const repo = repoFor(c, { perms: ISSUE_READ });
            return { status: 200, body: label(c.sandbox, repo, labelByName(repo, c.params.name)) };
        }),
        route('DELETE', repoPath('/labels/{name}'), 'issues.labels.delete', (c) => {
            const repo = repoFor(c, { perms: [['issues', 'write'], ['pull_requests', 'write']], role: 'write' });
            const l = labelByName(repo, c.params.name);
            repo.labels = repo.labels.filter((x) => x !== l);
            for (const i of repo.issues)
                i.labels = i.labels.filter((n) => n !== l.name);
            return { status: 204 };
        }),
        route('GET', '/search/issues', 'search.issues', searchIssues),
    ];
}

;// CONCATENATED MODULE: ./sandbox/github/repos.ts




const META = [['metadata', 'read']];
const CONTENTS_READ = [['contents', 'read']];
const CONTENTS_WRITE = [['contents', 'write']];
/** `permission` as GitHub reports it: maintain → write, triage → read. */
function legacyPermission(role) {
    if (!role)
        return 'none';
    if (role === 'admin')
        return 'admin';
    if (role === 'maintain' || role === 'write')
        return 'write';
    return 'read';
}
function collaborator(c, repo, login, role) {
    const rank = role ? ['read', 'triage', 'write', 'maintain', 'admin'].indexOf(role) : -1;
    return {
        ...simpleUser(c.sandbox, login),
        permissions: { admin: rank >= 4, maintain: rank >= 3, push: rank >= 2, triage: rank >= 1, pull: rank >= 0 },
        role_name: role ?? 'none',
    };
}
function permissionOf(c) {
    const repo = repoFor(c, { perms: META, role: 'write', userMessage: 'Must have push access to view collaborator permission.' });
    const st = state_githubState(c.sandbox);
    const user = st.users[c.params.username.toLowerCase()];
    if (!user || user.type === 'Organization')
        throw notFound('https://docs.github.com/rest/collaborators/collaborators#get-repository-permissions-for-a-user');
    const role = roleOf(repo, user.login) ?? (repo.private ? null : 'read');
    return {
        status: 200,
        body: { permission: legacyPermission(role), role_name: role ?? 'none', user: collaborator(c, repo, user.login, role) },
    };
}
// ---------------------------------------------------------------------------------------------
// Pull requests.
function pullFor(c) {
    const repo = repoFor(c, { perms: [['pull_requests', 'read']] });
    const p = repo.pulls[String(intParam(c, 'number'))];
    if (!p)
        throw notFound('https://docs.github.com/rest/pulls/pulls#get-a-pull-request');
    return { repo, pull: p };
}
function listPulls(c) {
    const repo = repoFor(c, { perms: [['pull_requests', 'read']] });
    const state = c.query.get('state') ?? 'open';
    if (!['open', 'closed', 'all'].includes(state))
        throw validationFailed([{ resource: 'PullRequest', field: 'state', code: 'invalid' }]);
    const head = c.query.get('head')?.toLowerCase();
    const base = c.query.get('base')?.toLowerCase();
    const items = Object.values(repo.pulls)
        .filter((p) => {
        const i = repo.issues.find((x) => x.number === p.number);
        const headOwner = p.head.repo.split('/')[0];
        return ((state === 'all' || i.state === state) &&
            (!head || `${headOwner}:${p.head.ref}`.toLowerCase() === head) &&
            (!base || p.base.ref.toLowerCase() === base));
    })
        .sort((a, b) => (c.query.get('direction') === 'asc' ? a.number - b.number : b.number - a.number));
    const page = paginate(c, items);
    return { status: 200, body: page.items.map((p) => pullRequest(c.sandbox, repo, p)), headers: page.headers };
}
// ---------------------------------------------------------------------------------------------
// Contents.
function wantsRaw(c) {
    const accept = String(c.headers.accept ?? '');
    return /application\/vnd\.github(\.v3)?\.raw/i.test(accept);
}
function getContents(c) {
    const repo = repoFor(c, { perms: CONTENTS_READ });
    const refParam = c.query.get('ref');
    const ref = refParam || repo.default_branch;
    const sha = resolveRef(repo, ref);
    if (!sha)
        throw ghError(404, `No commit found for the ref ${ref}`, { documentation_url: 'https://docs.github.com/rest/repos/contents#get-repository-content' });
    const files = filesAt(repo, sha);
    const path = (c.params.path ?? '').replace(/^\/+|\/+$/g, '');
    if (path && files[path] !== undefined) {
        if (wantsRaw(c))
            return { status: 200, body: files[path], raw: true, headers: { 'content-type': 'application/vnd.github.raw; charset=utf-8' } };
        return { status: 200, body: contentFile(c.sandbox, repo, path, files[path], ref) };
    }
    const prefix = path ? `${path}/` : '';
    const children = new Map();
    for (const p of Object.keys(files)) {
        if (!p.startsWith(prefix))
            continue;
        const rest = p.slice(prefix.length);
        const [first, ...more] = rest.split('/');
        children.set(first, more.length ? 'dir' : 'file');
    }
    if (!children.size)
        throw notFound('https://docs.github.com/rest/repos/contents#get-repository-content');
    const entries = [...children.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, type]) => (type === 'file' ? contentFile(c.sandbox, repo, prefix + name, files[prefix + name], ref, false) : contentDir(c.sandbox, repo, prefix + name, ref)));
    return { status: 200, body: entries };
}
function putContents(c) {
    const repo = repoFor(c, { perms: CONTENTS_WRITE, role: 'write' });
    const b = bodyObject(c);
    const path = (c.params.path ?? '').replace(/^\/+|\/+$/g, '');
    if (typeof b.message !== 'string' || !b.message)
        throw ghError(422, "Invalid request.\n\n\"message\" wasn't supplied.");
    if (typeof b.content !== 'string')
        throw ghError(422, "Invalid request.\n\n\"content\" wasn't supplied.");
    const content = Buffer.from(b.content, 'base64').toString('utf8');
    const branch = typeof b.branch === 'string' && b.branch ? b.branch.replace(/^refs\/heads\//, '') : repo.default_branch;
    const refName = `refs/heads/${branch}`;
    const parent = repo.refs[refName];
    if (!parent)
        throw ghError(404, `Branch ${branch} not found`);
    const files = { ...filesAt(repo, parent) };
    const existing = files[path];
    if (existing !== undefined) {
        if (b.sha === undefined)
            throw ghError(422, "Invalid request.\n\n\"sha\" wasn't supplied.");
        if (b.sha !== blobSha(existing))
            throw ghError(409, `${path} does not match ${b.sha}`);
    }
    files[path] = content;
    const who = actingLogin(c);
    const sha = addCommit(c.sandbox, repo, files, [parent], b.message, who);
    repo.refs[refName] = sha;
    repo.pushed_at = ghTime(c.sandbox);
    return {
        status: existing === undefined ? 201 : 200,
        body: { content: contentFile(c.sandbox, repo, path, content, branch, false), commit: gitCommit(c.sandbox, repo, sha) },
    };
}
// ---------------------------------------------------------------------------------------------
// Statuses and checks.
function shaFor(c, repo) {
    const sha = resolveRef(repo, c.params.ref);
    if (!sha)
        throw ghError(422, `No commit found for SHA: ${c.params.ref}`, { documentation_url: 'https://docs.github.com/rest/commits/statuses' });
    return sha;
}
function combined(c) {
    const repo = repoFor(c, { perms: [['statuses', 'read']] });
    const sha = shaFor(c, repo);
    const statuses = latestStatuses(repo, sha);
    const page = paginate(c, statuses, 100);
    return {
        status: 200,
        body: {
            state: combinedState(statuses),
            statuses: page.items.map((s) => shapes_status(c.sandbox, repo, s)),
            sha,
            total_count: statuses.length,
            repository: repository(c.sandbox, repo),
            commit_url: `${repoUrl(c.sandbox, repo)}/commits/${sha}`,
            url: `${repoUrl(c.sandbox, repo)}/commits/${sha}/status`,
        },
        headers: page.headers,
    };
}
const STATUS_STATES = ['error', 'failure', 'pending', 'success'];
function createStatus(c) {
    const repo = repoFor(c, { perms: [['statuses', 'write']], role: 'write' });
    const sha = resolveRef(repo, c.params.sha);
    if (!sha || sha !== c.params.sha.toLowerCase())
        throw validationFailed([{ resource: 'Status', code: 'custom', field: 'sha', message: `No commit found for SHA: ${c.params.sha}` }]);
    const b = bodyObject(c);
    if (!STATUS_STATES.includes(b.state))
        throw validationFailed([{ resource: 'Status', code: 'custom', field: 'state', message: 'state is not included in the list' }]);
    const now = ghTime(c.sandbox);
    const s = {
        id: nextId(state_githubState(c.sandbox)),
        sha,
        state: b.state,
        context: typeof b.context === 'string' && b.context ? b.context : 'default',
        description: typeof b.description === 'string' ? b.description : null,
        target_url: typeof b.target_url === 'string' ? b.target_url : null,
        creator: actingLogin(c),
        created_at: now,
        updated_at: now,
    };
    repo.statuses.push(s);
    return { status: 201, body: shapes_status(c.sandbox, repo, s) };
}
function checkRuns(c) {
    const repo = repoFor(c, { perms: [['checks', 'read']] });
    const sha = shaFor(c, repo);
    const name = c.query.get('check_name');
    const st = c.query.get('status');
    const filter = c.query.get('filter') ?? 'latest';
    let runs = repo.check_runs.filter((r) => r.head_sha === sha && (!name || r.name === name) && (!st || r.status === st)).sort((a, b) => b.id - a.id);
    if (filter === 'latest') {
        const seen = new Set();
        runs = runs.filter((r) => (seen.has(r.name) ? false : (seen.add(r.name), true)));
    }
    const page = paginate(c, runs);
    return { status: 200, body: { total_count: runs.length, check_runs: page.items.map((r) => checkRun(c.sandbox, repo, r)) }, headers: page.headers };
}
// ---------------------------------------------------------------------------------------------
// Git refs and commits.
const REF_DOC = 'https://docs.github.com/rest/git/refs';
function validRefName(ref) {
    if (!/^refs\/[^/]+\/.+/.test(ref))
        return false;
    if (/(^|\/)\.|\.\.|[\s~^:?*[\\]|\/\/|\/$|\.lock(\/|$)|@\{|\.$/.test(ref))
        return false;
    return true;
}
function getRef(c) {
    const repo = repoFor(c, { perms: CONTENTS_READ });
    const ref = `refs/${c.params.ref}`;
    const sha = repo.refs[ref];
    if (!sha)
        throw notFound(`${REF_DOC}#get-a-reference`);
    return { status: 200, body: gitRef(c.sandbox, repo, ref, sha) };
}
function matchingRefs(c) {
    const repo = repoFor(c, { perms: CONTENTS_READ });
    const prefix = `refs/${c.params.ref ?? ''}`;
    const refs = Object.entries(repo.refs)
        .filter(([r]) => r.startsWith(prefix))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([r, sha]) => gitRef(c.sandbox, repo, r, sha));
    const page = paginate(c, refs);
    return { status: 200, body: page.items, headers: page.headers };
}
function createRef(c) {
    const repo = repoFor(c, { perms: CONTENTS_WRITE, role: 'write' });
    const b = bodyObject(c);
    if (typeof b.ref !== 'string')
        throw ghError(422, "Invalid request.\n\n\"ref\" wasn't supplied.", { documentation_url: `${REF_DOC}#create-a-reference` });
    if (typeof b.sha !== 'string')
        throw ghError(422, "Invalid request.\n\n\"sha\" wasn't supplied.", { documentation_url: `${REF_DOC}#create-a-reference` });
    if (!validRefName(b.ref))
        throw ghError(422, `${b.ref} is not a valid ref name.`, { documentation_url: `${REF_DOC}#create-a-reference` });
    if (!repo.commits[b.sha.toLowerCase()])
        throw ghError(422, 'Object does not exist', { documentation_url: `${REF_DOC}#create-a-reference` });
    // Check-and-set in one synchronous step: concurrent creators of the same ref get one 201 and 422s.
    if (repo.refs[b.ref])
        throw ghError(422, 'Reference already exists', { documentation_url: `${REF_DOC}#create-a-reference` });
    repo.refs[b.ref] = b.sha.toLowerCase();
    if (b.ref.startsWith('refs/heads/'))
        repo.pushed_at = ghTime(c.sandbox);
    const out = gitRef(c.sandbox, repo, b.ref, b.sha.toLowerCase());
    return { status: 201, body: out, headers: { location: String(out.url) } };
}
function updateRef(c) {
    const repo = repoFor(c, { perms: CONTENTS_WRITE, role: 'write' });
    const ref = `refs/${c.params.ref}`;
    const b = bodyObject(c);
    const current = repo.refs[ref];
    if (!current)
        throw ghError(422, 'Reference does not exist', { documentation_url: `${REF_DOC}#update-a-reference` });
    if (typeof b.sha !== 'string')
        throw ghError(422, "Invalid request.\n\n\"sha\" wasn't supplied.");
    const sha = b.sha.toLowerCase();
    if (!repo.commits[sha])
        throw ghError(422, 'Object does not exist', { documentation_url: `${REF_DOC}#update-a-reference` });
    if (!b.force && !isAncestor(repo, current, sha))
        throw ghError(422, 'Update is not a fast forward', { documentation_url: `${REF_DOC}#update-a-reference` });
    repo.refs[ref] = sha;
    if (ref.startsWith('refs/heads/'))
        repo.pushed_at = ghTime(c.sandbox);
    return { status: 200, body: gitRef(c.sandbox, repo, ref, sha) };
}
function deleteRef(c) {
    const repo = repoFor(c, { perms: CONTENTS_WRITE, role: 'write' });
    const ref = `refs/${c.params.ref}`;
    if (!repo.refs[ref])
        throw ghError(422, 'Reference does not exist', { documentation_url: `${REF_DOC}#delete-a-reference` });
    if (ref === `refs/heads/${repo.default_branch}`)
        throw ghError(422, 'Cannot delete the default branch');
    delete repo.refs[ref];
    return { status: 204 };
}
function createGitCommit(c) {
    const repo = repoFor(c, { perms: CONTENTS_WRITE, role: 'write' });
    const b = bodyObject(c);
    if (typeof b.message !== 'string')
        throw ghError(422, "Invalid request.\n\n\"message\" wasn't supplied.");
    if (typeof b.tree !== 'string')
        throw ghError(422, "Invalid request.\n\n\"tree\" wasn't supplied.");
    const tree = b.tree.toLowerCase();
    if (!repo.trees[tree])
        throw ghError(422, 'Tree SHA does not exist', { documentation_url: 'https://docs.github.com/rest/git/commits#create-a-commit' });
    const parents = Array.isArray(b.parents) ? b.parents.map((p) => String(p).toLowerCase()) : [];
    for (const p of parents)
        if (!repo.commits[p])
            throw ghError(422, 'Parent SHA does not exist or is not a commit object', { documentation_url: 'https://docs.github.com/rest/git/commits#create-a-commit' });
    const sha = addCommit(c.sandbox, repo, repo.trees[tree], parents, b.message, actingLogin(c));
    return { status: 201, body: gitCommit(c.sandbox, repo, sha) };
}
function repoRoutes() {
    return [
        route('GET', repoPath(''), 'repos.get', (c) => {
            const repo = repoFor(c, { perms: META });
            const a = actor(c);
            return { status: 200, body: fullRepository(c.sandbox, repo, a.kind === 'user' ? a.login : undefined) };
        }),
        route('GET', repoPath('/collaborators'), 'repos.collaborators.list', (c) => {
            const repo = repoFor(c, { perms: META, role: 'write', userMessage: 'Must have push access to view repository collaborators.' });
            const page = paginate(c, Object.entries(repo.collaborators));
            return { status: 200, body: page.items.map(([login, role]) => collaborator(c, repo, login, role)), headers: page.headers };
        }),
        route('GET', repoPath('/collaborators/{username}'), 'repos.collaborators.check', (c) => {
            const repo = repoFor(c, { perms: META, role: 'write', userMessage: 'Must have push access to view repository collaborators.' });
            return roleOf(repo, c.params.username) ? { status: 204 } : { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/collaborators/collaborators#check-if-a-user-is-a-repository-collaborator', status: '404' } };
        }),
        route('GET', repoPath('/collaborators/{username}/permission'), 'repos.collaborators.permission', permissionOf),
        route('GET', repoPath('/pulls'), 'pulls.list', listPulls),
        route('GET', repoPath('/pulls/{number}'), 'pulls.get', (c) => {
            const { repo, pull } = pullFor(c);
            return { status: 200, body: pullRequest(c.sandbox, repo, pull) };
        }),
        route('GET', repoPath('/pulls/{number}/files'), 'pulls.files', (c) => {
            const { repo, pull } = pullFor(c);
            const page = paginate(c, diffEntries(c.sandbox, repo, pull.base.sha, pull.head.sha));
            return { status: 200, body: page.items, headers: page.headers };
        }),
        route('GET', repoPath('/pulls/{number}/reviews'), 'pulls.reviews', (c) => {
            const { repo, pull } = pullFor(c);
            const page = paginate(c, pull.reviews);
            return { status: 200, body: page.items.map((r) => review(c.sandbox, repo, pull.number, r)), headers: page.headers };
        }),
        route('GET', repoPath('/pulls/{number}/merge'), 'pulls.check-merged', (c) => {
            const { pull } = pullFor(c);
            return pull.merged ? { status: 204 } : { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/pulls/pulls#check-if-a-pull-request-has-been-merged', status: '404' } };
        }),
        route('GET', repoPath('/contents'), 'repos.contents.get', getContents),
        route('GET', repoPath('/contents/{+path}'), 'repos.contents.get', getContents),
        route('PUT', repoPath('/contents/{+path}'), 'repos.contents.put', putContents),
        route('GET', repoPath('/commits/{+ref}/status'), 'repos.statuses.combined', combined),
        route('GET', repoPath('/commits/{+ref}/statuses'), 'repos.statuses.list', (c) => {
            const repo = repoFor(c, { perms: [['statuses', 'read']] });
            const sha = shaFor(c, repo);
            const page = paginate(c, repo.statuses.filter((s) => s.sha === sha).sort((a, b) => b.id - a.id));
            return { status: 200, body: page.items.map((s) => shapes_status(c.sandbox, repo, s)), headers: page.headers };
        }),
        route('POST', repoPath('/statuses/{sha}'), 'repos.statuses.create', createStatus),
        route('GET', repoPath('/commits/{+ref}/check-runs'), 'checks.list-for-ref', checkRuns),
        route('GET', repoPath('/git/ref/{+ref}'), 'git.refs.get', getRef),
        route('GET', repoPath('/git/matching-refs/{+ref}'), 'git.refs.matching', matchingRefs),
        route('GET', repoPath('/git/matching-refs'), 'git.refs.matching', matchingRefs),
        route('POST', repoPath('/git/refs'), 'git.refs.create', createRef),
        route('PATCH', repoPath('/git/refs/{+ref}'), 'git.refs.update', updateRef),
        route('DELETE', repoPath('/git/refs/{+ref}'), 'git.refs.delete', deleteRef),
        route('GET', repoPath('/git/commits/{sha}'), 'git.commits.get', (c) => {
            const repo = repoFor(c, { perms: CONTENTS_READ });
            const sha = c.params.sha.toLowerCase();
            if (!repo.commits[sha])
                throw notFound('https://docs.github.com/rest/git/commits#get-a-commit-object');
            return { status: 200, body: gitCommit(c.sandbox, repo, sha) };
        }),
        route('POST', repoPath('/git/commits'), 'git.commits.create', createGitCommit),
        route('GET', '/orgs/{org}/teams/{team_slug}/memberships/{username}', 'teams.membership', (c) => {
            const a = actor(c);
            const st = state_githubState(c.sandbox);
            if (a.kind === 'app')
                throw ghError(403, 'Resource not accessible by integration');
            if (a.kind === 'anonymous')
                throw ghError(401, 'Requires authentication');
            if ((a.kind === 'installation' || a.kind === 'repo') && !a.token.permissions.members) {
                throw ghError(403, 'Resource not accessible by integration', { headers: { 'x-accepted-github-permissions': 'members=read' } });
            }
            if (a.kind === 'installation' && a.installation.account.toLowerCase() !== c.params.org.toLowerCase())
                throw notFound();
            const team = st.teams.find((t) => t.org.toLowerCase() === c.params.org.toLowerCase() && t.slug.toLowerCase() === c.params.team_slug.toLowerCase());
            if (!team)
                throw notFound('https://docs.github.com/rest/teams/members#get-team-membership-for-a-user');
            const login = Object.keys(team.members).find((m) => m.toLowerCase() === c.params.username.toLowerCase());
            if (!login)
                throw notFound('https://docs.github.com/rest/teams/members#get-team-membership-for-a-user');
            return {
                status: 200,
                body: { url: `${c.sandbox.endpoints.github}/organizations/${st.orgs[team.org.toLowerCase()]?.id}/team/${team.id}/memberships/${login}`, role: team.members[login], state: 'active' },
            };
        }),
    ];
}

;// CONCATENATED MODULE: ./sandbox/github/pulls-admin.ts



const bad = (message) => new http_HttpError(400, 'InvalidPullRequest', message);
function applyChanges(files, changes) {
    const out = { ...files };
    for (const [p, v] of Object.entries(changes ?? {})) {
        const path = p.replace(/^\/+/, '');
        if (!path)
            throw bad('A file path is empty.');
        if (v === null)
            delete out[path];
        else if (typeof v !== 'string')
            throw bad(`File "${path}": content must be a string (or null to delete).`);
        else
            out[path] = v;
    }
    return out;
}
const REVIEW_STATES = ['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED', 'PENDING'];
const pulls_admin_STATUS_STATES = ['error', 'failure', 'pending', 'success'];
function addReview(ctx, repo, p, r) {
    const st = state_githubState(ctx);
    if (!r?.user)
        throw bad('A review needs "user".');
    const state = (r.state ?? 'APPROVED').toUpperCase();
    if (!REVIEW_STATES.includes(state))
        throw bad(`Review state "${r.state}" is not one of ${REVIEW_STATES.join(', ')}.`);
    const review = { id: nextId(st), user: ensureUser(st, r.user).login, state, body: r.body ?? '', commit_id: r.commit_id ?? p.head.sha, submitted_at: ghTime(ctx) };
    p.reviews.push(review);
    return review;
}
function addStatus(ctx, repo, sha, s) {
    const st = state_githubState(ctx);
    if (!pulls_admin_STATUS_STATES.includes(s?.state))
        throw bad(`Status state "${s?.state}" is not one of ${pulls_admin_STATUS_STATES.join(', ')}.`);
    const now = ghTime(ctx);
    const status = {
        id: nextId(st),
        sha,
        state: s.state,
        context: s.context ?? 'default',
        description: s.description ?? null,
        target_url: s.target_url ?? null,
        creator: ensureUser(st, s.creator ?? 'github-actions[bot]').login,
        created_at: now,
        updated_at: now,
    };
    repo.statuses.push(status);
    return status;
}
function addCheckRun(ctx, repo, sha, r) {
    const st = state_githubState(ctx);
    if (!r?.name)
        throw bad('A check run needs "name".');
    const status = r.status ?? 'completed';
    const now = ghTime(ctx);
    const run = {
        id: nextId(st),
        head_sha: sha,
        name: r.name,
        status,
        conclusion: status === 'completed' ? (r.conclusion ?? 'success') : null,
        started_at: now,
        completed_at: status === 'completed' ? now : null,
        title: r.title ?? null,
        summary: r.summary ?? null,
        details_url: r.details_url ?? null,
        app: r.app ?? 'github-actions',
    };
    repo.check_runs.push(run);
    return run;
}
function applyExtras(ctx, repo, p, spec) {
    if (spec.draft !== undefined)
        p.draft = !!spec.draft;
    if (spec.mergeable !== undefined)
        p.mergeable = spec.mergeable;
    if (spec.mergeable_state !== undefined)
        p.mergeable_state = spec.mergeable_state;
    if (spec.maintainer_can_modify !== undefined)
        p.maintainer_can_modify = !!spec.maintainer_can_modify;
    for (const r of spec.reviews ?? [])
        addReview(ctx, repo, p, r);
    for (const s of spec.statuses ?? [])
        addStatus(ctx, repo, p.head.sha, s);
    for (const r of spec.checkRuns ?? [])
        addCheckRun(ctx, repo, p.head.sha, r);
}
function createPull(ctx, repo, spec = {}) {
    const st = state_githubState(ctx);
    const user = ensureUser(st, spec.user ?? 'octo-writer').login;
    const base = spec.base ?? repo.default_branch;
    const baseSha = repo.refs[`refs/heads/${base}`];
    if (!baseSha)
        throw bad(`Base branch "${base}" does not exist in ${repo.owner}/${repo.name}.`);
    const headSpec = typeof spec.head === 'string' ? { ref: spec.head } : (spec.head ?? {});
    const fork = headSpec.fork ?? spec.fork ?? false;
    const number = spec.number ?? repo.next_number;
    const headRef = headSpec.ref ?? `feature-${number}`;
    const headOwner = fork ? ensureUser(st, headSpec.owner ?? user).login : repo.owner;
    if (!fork && headRef === base)
        throw bad('The head and base branches are the same.');
    if (Object.values(repo.pulls).some((p) => p.head.ref === headRef && p.head.repo.toLowerCase() === `${headOwner}/${repo.name}`.toLowerCase() && repo.issues.find((i) => i.number === p.number)?.state === 'open')) {
        throw bad(`A pull request already exists for ${headOwner}:${headRef}.`);
    }
    const existingHead = !fork ? repo.refs[`refs/heads/${headRef}`] : undefined;
    const startSha = existingHead ?? baseSha;
    const files = applyChanges(filesAt(repo, startSha), spec.files);
    const headSha = spec.files || !existingHead ? addCommit(ctx, repo, files, [startSha], spec.title ?? `Change ${headRef}`, user) : existingHead;
    const i = createIssue(ctx, repo, { title: spec.title ?? `Update from ${headRef}`, body: spec.body ?? null, user, labels: spec.labels, pull: true, number });
    const p = {
        number: i.number,
        head: { ref: headRef, sha: headSha, repo: `${headOwner}/${repo.name}`, fork, user: headOwner },
        base: { ref: base, sha: baseSha },
        draft: false,
        merged: false,
        merged_at: null,
        merged_by: null,
        merge_commit_sha: null,
        mergeable: true,
        mergeable_state: null,
        maintainer_can_modify: !fork,
        reviews: [],
        before: null,
    };
    repo.pulls[String(i.number)] = p;
    if (!fork)
        repo.refs[`refs/heads/${headRef}`] = headSha;
    repo.refs[`refs/pull/${i.number}/head`] = headSha;
    applyExtras(ctx, repo, p, spec);
    return p;
}
/** Pushes `files` as a new commit on the PR's head (the before/after of a synchronize event). */
function pushToPull(ctx, repo, p, changes, message, author) {
    const files = applyChanges(filesAt(repo, p.head.sha), changes);
    const sha = addCommit(ctx, repo, files, [p.head.sha], message ?? 'Update', author ?? repo.issues.find((i) => i.number === p.number).user);
    p.before = p.head.sha;
    p.head.sha = sha;
    if (!p.head.fork)
        repo.refs[`refs/heads/${p.head.ref}`] = sha;
    repo.refs[`refs/pull/${p.number}/head`] = sha;
    touch(ctx, state_githubState(ctx), repo.issues.find((i) => i.number === p.number));
    return sha;
}
function closePull(ctx, repo, p, opts) {
    const st = state_githubState(ctx);
    const i = repo.issues.find((x) => x.number === p.number);
    if (i.state === 'closed')
        throw bad(`Pull request #${p.number} is already closed.`);
    const by = ensureUser(st, opts.by).login;
    if (opts.merged) {
        if (p.mergeable === false)
            throw bad(`Pull request #${p.number} is not mergeable.`);
        const baseRef = `refs/heads/${p.base.ref}`;
        const baseHead = repo.refs[baseRef];
        // Three-way in the simple sense: the PR's changes (head vs its base) applied to the branch now.
        const prBase = filesAt(repo, p.base.sha);
        const head = filesAt(repo, p.head.sha);
        const changes = {};
        for (const path of new Set([...Object.keys(prBase), ...Object.keys(head)]))
            if (prBase[path] !== head[path])
                changes[path] = head[path] ?? null;
        const files = applyChanges(filesAt(repo, baseHead), changes);
        const sha = addCommit(ctx, repo, files, [baseHead, p.head.sha], `Merge pull request #${p.number} from ${p.head.repo.split('/')[0]}/${p.head.ref}`, by);
        repo.refs[baseRef] = sha;
        repo.pushed_at = ghTime(ctx);
        p.merged = true;
        p.merged_at = ghTime(ctx);
        p.merged_by = by;
        p.merge_commit_sha = sha;
    }
    setIssueState(ctx, i, 'closed', null, by);
    i.state_reason = null;
    touch(ctx, st, i);
}
function updatePull(ctx, repo, p, u) {
    const st = state_githubState(ctx);
    const i = repo.issues.find((x) => x.number === p.number);
    if (u.title !== undefined)
        i.title = String(u.title);
    if (u.body !== undefined)
        i.body = u.body;
    if (u.labels !== undefined)
        i.labels = labelNames(st, repo, u.labels);
    if (u.files)
        pushToPull(ctx, repo, p, u.files, u.message);
    applyExtras(ctx, repo, p, u);
    if (u.merged)
        closePull(ctx, repo, p, { merged: true, by: u.by ?? 'octo-admin' });
    else if (u.state === 'closed' && i.state === 'open')
        closePull(ctx, repo, p, { merged: false, by: u.by ?? 'octo-admin' });
    else if (u.state === 'open' && i.state === 'closed') {
        if (p.merged)
            throw bad(`Pull request #${p.number} is merged and cannot be reopened.`);
        setIssueState(ctx, i, 'open', null, u.by ?? 'octo-admin');
    }
    touch(ctx, st, i);
    return p;
}
function refSha(repo, ref) {
    const sha = resolveRef(repo, ref);
    if (!sha)
        throw bad(`No commit found for the ref ${ref}.`);
    return sha;
}

;// CONCATENATED MODULE: ./sandbox/github/webhooks.ts
/**
 * GitHub-shaped webhook deliveries for tests: the payload (as in GitHub's webhook schemas,
 * `@octokit/openapi-webhooks-types`), the exact JSON body, and the delivery headers GitHub sends
 * (`X-GitHub-Event`, `X-GitHub-Delivery`, `X-Hub-Signature-256` = HMAC-SHA256 of the body with the
 * app's webhook secret, …). Building a delivery also makes the event happen in the sandbox: an
 * `issue_comment.created` adds the comment (so its id exists for reactions and replies), `edited`
 * changes it, `pull_request.closed` closes (or merges) the pull request if it is still open.
 *
 * Kinds and params (`repo` defaults to octo-org/octo-repo; `installation: false` leaves the
 * installation out, as a repository webhook would):
 *   issue_comment.created       { issue, body, user? (default octo-writer) }
 *   issue_comment.edited        { comment, body, user? (default: the author) }
 *   pull_request.opened         { number } (a PR made with POST /_sandbox/github/pulls), or a PR spec to create one
 *   pull_request.synchronize    { number }  (before/after from the last push to the PR)
 *   pull_request.reopened       { number }
 *   pull_request.closed         { number, merged?: boolean, user? }
 *   issues.opened / issues.closed { issue }
 */







const WEBHOOK_KINDS = [
    'issue_comment.created',
    'issue_comment.edited',
    'pull_request.opened',
    'pull_request.synchronize',
    'pull_request.reopened',
    'pull_request.closed',
    'issues.opened',
    'issues.closed',
];
const webhooks_bad = (message) => new http_HttpError(400, 'InvalidWebhook', message);
function organization(ctx, login) {
    const st = state_githubState(ctx);
    const org = st.orgs[login.toLowerCase()];
    if (!org)
        return undefined;
    const u = `${apiUrl(ctx)}/orgs/${org.login}`;
    return {
        login: org.login,
        id: org.id,
        node_id: nodeId('O', org.id),
        url: u,
        repos_url: `${u}/repos`,
        events_url: `${u}/events`,
        hooks_url: `${u}/hooks`,
        issues_url: `${u}/issues`,
        members_url: `${u}/members{/member}`,
        public_members_url: `${u}/public_members{/member}`,
        avatar_url: `https://avatars.githubusercontent.com/u/${org.id}?v=4`,
        description: null,
    };
}
/** The repository as webhooks show it (the REST shape plus `custom_properties`). */
function hookRepository(ctx, repo) {
    return { ...repository(ctx, repo), custom_properties: {} };
}
function envelope(ctx, repo, sender, withInstallation) {
    const st = state_githubState(ctx);
    const out = { repository: hookRepository(ctx, repo), sender: simpleUser(ctx, sender) };
    const org = organization(ctx, repo.owner);
    if (org)
        out.organization = org;
    if (withInstallation) {
        const k = repoKey(`${repo.owner}/${repo.name}`);
        const inst = st.installations.find((i) => (i.repository_selection === 'all' ? i.account.toLowerCase() === repo.owner.toLowerCase() : i.repositories.includes(k))) ?? st.installations[0];
        out.installation = { id: inst.id, node_id: nodeId('MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9u', inst.id) };
    }
    return out;
}
/** The issue as webhooks show it (REST shape; `pull_request` present on pull requests). */
function hookIssue(ctx, repo, n) {
    const i = repo.issues.find((x) => x.number === n);
    return issue(ctx, repo, i);
}
function repoOf(ctx, name) {
    const st = state_githubState(ctx);
    const repo = st.repos[repoKey(name ?? DEFAULT_IDS.githubRepository)];
    if (!repo)
        throw webhooks_bad(`Repository "${name}" does not exist in the sandbox.`);
    return repo;
}
/** Signs `body` as GitHub does: `sha256=<hex HMAC-SHA256>` with the webhook secret. */
function signWebhook(secret, body) {
    return {
        sha256: `sha256=${(0,external_node_crypto_.createHmac)('sha256', secret).update(body).digest('hex')}`,
        sha1: `sha1=${(0,external_node_crypto_.createHmac)('sha1', secret).update(body).digest('hex')}`,
    };
}
function webhookSecret(ctx) {
    githubState(ctx);
    return secrets(ctx).webhookSecret;
}
function buildWebhook(ctx, kind, params = {}) {
    if (!WEBHOOK_KINDS.includes(kind))
        throw webhooks_bad(`Unknown webhook kind "${kind}". Known: ${WEBHOOK_KINDS.join(', ')}.`);
    const st = state_githubState(ctx);
    const [name, action] = kind.split('.');
    const repo = repoOf(ctx, params.repo);
    const withInstallation = params.installation !== false;
    let payload;
    if (name === 'issue_comment') {
        if (action === 'created') {
            const n = Number(params.issue);
            const i = repo.issues.find((x) => x.number === n);
            if (!i)
                throw webhooks_bad(`issue_comment.created needs "issue": the number of an existing issue or pull request (got ${params.issue}).`);
            if (typeof params.body !== 'string')
                throw webhooks_bad('issue_comment.created needs "body" (the comment text).');
            const user = ensureUser(st, params.user ?? 'octo-writer').login;
            // A comment by the app's own bot is one it made through the API (performed_via_github_app).
            const cm = addComment(ctx, repo, i, params.body, user, user.toLowerCase() === `${st.app.slug}[bot]` ? st.app.slug : null);
            payload = { action, issue: hookIssue(ctx, repo, n), comment: comment(ctx, repo, cm), ...envelope(ctx, repo, user, withInstallation) };
        }
        else {
            const cm = repo.comments.find((x) => x.id === Number(params.comment));
            if (!cm)
                throw webhooks_bad(`issue_comment.edited needs "comment": the id of an existing comment (got ${params.comment}).`);
            if (typeof params.body !== 'string')
                throw webhooks_bad('issue_comment.edited needs "body" (the new text).');
            const from = cm.body;
            cm.body = params.body;
            cm.updated_at = ghTime(ctx);
            const i = repo.issues.find((x) => x.number === cm.issue);
            touch(ctx, st, i);
            const sender = ensureUser(st, params.user ?? cm.user).login;
            payload = { action, changes: { body: { from } }, issue: hookIssue(ctx, repo, cm.issue), comment: comment(ctx, repo, cm), ...envelope(ctx, repo, sender, withInstallation) };
        }
    }
    else if (name === 'issues') {
        const n = Number(params.issue);
        const i = repo.issues.find((x) => x.number === n && !x.pull);
        if (!i)
            throw webhooks_bad(`${kind} needs "issue": the number of an existing issue (got ${params.issue}).`);
        const sender = ensureUser(st, params.user ?? i.user).login;
        if (action === 'closed' && i.state !== 'closed') {
            setIssueState(ctx, i, 'closed', null, sender);
            touch(ctx, st, i);
        }
        payload = { action, issue: hookIssue(ctx, repo, n), ...envelope(ctx, repo, sender, withInstallation) };
    }
    else {
        let n = Number(params.number);
        if (action === 'opened' && !params.number) {
            if (!params.pull)
                throw webhooks_bad('pull_request.opened needs "number" (a PR made with POST /_sandbox/github/pulls) or "pull" (a PR spec to create).');
            n = createPull(ctx, repo, params.pull).number;
        }
        const p = repo.pulls[String(n)];
        if (!p)
            throw webhooks_bad(`${kind} needs "number": an existing pull request (got ${params.number}).`);
        const i = repo.issues.find((x) => x.number === n);
        let sender = ensureUser(st, params.user ?? i.user).login;
        if (action === 'closed' && i.state === 'open')
            closePull(ctx, repo, p, { merged: params.merged ?? false, by: sender });
        if (action === 'closed' && p.merged && !params.user)
            sender = p.merged_by ?? sender;
        if (action === 'reopened' && i.state === 'closed') {
            if (p.merged)
                throw webhooks_bad(`Pull request #${n} is merged and cannot be reopened.`);
            setIssueState(ctx, i, 'open', null, sender);
            touch(ctx, st, i);
        }
        payload = { action, number: n, pull_request: pullRequest(ctx, repo, p) };
        if (action === 'synchronize') {
            payload.before = p.before ?? p.base.sha;
            payload.after = p.head.sha;
        }
        Object.assign(payload, envelope(ctx, repo, sender, withInstallation));
    }
    const body = JSON.stringify(payload);
    const id = (0,external_node_crypto_.randomUUID)();
    const sig = signWebhook(state_secrets(ctx).webhookSecret, body);
    return {
        id,
        name,
        payload,
        body,
        headers: {
            'Content-Type': 'application/json',
            'User-Agent': 'GitHub-Hookshot/sandbox',
            'X-GitHub-Event': name,
            'X-GitHub-Delivery': id,
            'X-GitHub-Hook-ID': String(st.app.id + 1),
            'X-GitHub-Hook-Installation-Target-ID': String(st.app.id),
            'X-GitHub-Hook-Installation-Target-Type': 'integration',
            'X-Hub-Signature': sig.sha1,
            'X-Hub-Signature-256': sig.sha256,
        },
    };
}

;// CONCATENATED MODULE: ./sandbox/github/admin.ts







const admin_bad = (message) => new http_HttpError(400, 'InvalidRequest', message);
function repoArg(ctx, c) {
    const name = (c.body && typeof c.body === 'object' && typeof c.body.repo === 'string' ? c.body.repo : c.query.get('repo')) ?? DEFAULT_IDS.githubRepository;
    const repo = state_githubState(ctx).repos[repoKey(name)];
    if (!repo)
        throw new http_HttpError(404, 'NotFound', `Repository "${name}" does not exist in the sandbox.`);
    return repo;
}
function body(c) {
    if (c.body === undefined)
        return {};
    if (!c.body || typeof c.body !== 'object' || Array.isArray(c.body))
        throw admin_bad('Send a JSON object.');
    return c.body;
}
function pullArg(ctx, c) {
    const repo = repoArg(ctx, c);
    const p = repo.pulls[c.params.number];
    if (!p)
        throw new http_HttpError(404, 'NotFound', `Pull request #${c.params.number} does not exist in ${repo.owner}/${repo.name}.`);
    return { repo, pull: p };
}
function commentView(ctx, repo, cm) {
    return { ...comment(ctx, repo, cm), reactions_list: cm.reactions.map((r) => ({ user: r.user, content: r.content, created_at: r.created_at })) };
}
function issuesView(ctx, repo) {
    return repo.issues.map((i) => ({
        ...issue(ctx, repo, i),
        reactions_list: i.reactions.map((r) => ({ user: r.user, content: r.content, created_at: r.created_at })),
        comments_list: repo.comments.filter((c) => c.issue === i.number).map((c) => commentView(ctx, repo, c)),
    }));
}
function githubAdminRoutes(ctx) {
    const r = (method, template, operation, handler) => ({ method, pattern: path(template, ''), operation, handler });
    return [
        r('GET', '/_sandbox/github', 'admin.github', () => {
            const st = state_githubState(ctx);
            return {
                status: 200,
                body: {
                    apiUrl: ctx.endpoints.github,
                    app: { id: st.app.id, slug: st.app.slug, clientId: st.app.client_id, botLogin: `${st.app.slug}[bot]` },
                    installations: st.installations.map((i) => ({ id: i.id, account: i.account, repositorySelection: i.repository_selection, repositories: i.repositories, permissions: i.permissions, suspended: i.suspended })),
                    repositories: Object.values(st.repos).map((x) => ({ full_name: `${x.owner}/${x.name}`, private: x.private, default_branch: x.default_branch, collaborators: x.collaborators })),
                    teams: st.teams,
                    repoTokenPermissions: st.repo_token_permissions,
                    rateLimits: st.rate_limits,
                    searchIndexDelayMs: st.search_index_delay_ms,
                },
            };
        }),
        r('GET', '/_sandbox/github/state', 'admin.github.state', () => ({ status: 200, body: state_githubState(ctx) })),
        r('GET', '/_sandbox/github/issues', 'admin.github.issues', (c) => {
            const repo = repoArg(ctx, c);
            return { status: 200, body: { value: issuesView(ctx, repo) } };
        }),
        r('GET', '/_sandbox/github/comments', 'admin.github.comments', (c) => {
            const repo = repoArg(ctx, c);
            const n = c.query.get('issue');
            const value = repo.comments.filter((x) => n === null || x.issue === Number(n)).map((x) => commentView(ctx, repo, x));
            return { status: 200, body: { value } };
        }),
        r('GET', '/_sandbox/github/refs', 'admin.github.refs', (c) => {
            const repo = repoArg(ctx, c);
            const value = Object.entries(repo.refs).map(([ref, sha]) => ({ ...gitRef(ctx, repo, ref, sha), message: repo.commits[sha]?.message }));
            return { status: 200, body: { value } };
        }),
        r('GET', '/_sandbox/github/pulls', 'admin.github.pulls', (c) => {
            const repo = repoArg(ctx, c);
            const value = Object.values(repo.pulls).map((p) => ({
                ...pullRequest(ctx, repo, p),
                reviews_list: p.reviews,
                statuses_list: repo.statuses.filter((s) => s.sha === p.head.sha).map((s) => shapes_status(ctx, repo, s)),
                check_runs_list: repo.check_runs.filter((x) => x.head_sha === p.head.sha).map((x) => checkRun(ctx, repo, x)),
            }));
            return { status: 200, body: { value } };
        }),
        r('POST', '/_sandbox/github/pulls', 'admin.github.pulls.create', (c) => {
            const repo = repoArg(ctx, c);
            const p = createPull(ctx, repo, body(c));
            return { status: 201, body: pullRequest(ctx, repo, p) };
        }),
        r('PATCH', '/_sandbox/github/pulls/{number}', 'admin.github.pulls.update', (c) => {
            const { repo, pull } = pullArg(ctx, c);
            updatePull(ctx, repo, pull, body(c));
            return { status: 200, body: pullRequest(ctx, repo, pull) };
        }),
        r('POST', '/_sandbox/github/pulls/{number}/reviews', 'admin.github.pulls.review', (c) => {
            const { repo, pull } = pullArg(ctx, c);
            const review = addReview(ctx, repo, pull, body(c));
            return { status: 201, body: review };
        }),
        r('POST', '/_sandbox/github/pulls/{number}/merge', 'admin.github.pulls.merge', (c) => {
            const { repo, pull } = pullArg(ctx, c);
            closePull(ctx, repo, pull, { merged: true, by: body(c).by ?? 'octo-admin' });
            return { status: 200, body: pullRequest(ctx, repo, pull) };
        }),
        r('PUT', '/_sandbox/github/contents', 'admin.github.contents', (c) => {
            const repo = repoArg(ctx, c);
            const b = body(c);
            if (!b.files || typeof b.files !== 'object')
                throw admin_bad('Send {"files": {"path": "content" | null}, "ref"?: "branch", "message"?: "…"}.');
            const branch = String(b.ref ?? repo.default_branch).replace(/^refs\/heads\//, '');
            const refName = `refs/heads/${branch}`;
            const parent = repo.refs[refName] ?? repo.refs[`refs/heads/${repo.default_branch}`];
            const files = { ...filesAt(repo, parent) };
            for (const [p, v] of Object.entries(b.files)) {
                if (v === null)
                    delete files[p.replace(/^\/+/, '')];
                else if (typeof v === 'string')
                    files[p.replace(/^\/+/, '')] = v;
                else
                    throw admin_bad(`File "${p}": content must be a string or null.`);
            }
            const sha = addCommit(ctx, repo, files, [parent], String(b.message ?? 'Update files'), String(b.author ?? 'octo-admin'));
            repo.refs[refName] = sha;
            repo.pushed_at = ghTime(ctx);
            return { status: 200, body: { ref: refName, sha } };
        }),
        r('POST', '/_sandbox/github/checks', 'admin.github.checks', (c) => {
            const repo = repoArg(ctx, c);
            const b = body(c);
            const sha = refSha(repo, String(b.ref ?? repo.default_branch));
            const statuses = (b.statuses ?? []).map((s) => shapes_status(ctx, repo, addStatus(ctx, repo, sha, s)));
            const checkRuns = (b.checkRuns ?? []).map((x) => checkRun(ctx, repo, addCheckRun(ctx, repo, sha, x)));
            return { status: 201, body: { sha, statuses, checkRuns } };
        }),
        r('PUT', '/_sandbox/github/collaborators', 'admin.github.collaborators', (c) => {
            const repo = repoArg(ctx, c);
            const b = body(c);
            if (!b.collaborators || typeof b.collaborators !== 'object')
                throw admin_bad('Send {"collaborators": {"login": "admin" | "maintain" | "write" | "triage" | "read" | null}}.');
            const st = state_githubState(ctx);
            for (const [login, role] of Object.entries(b.collaborators)) {
                try {
                    setCollaborator(st, repo, login, role);
                }
                catch (e) {
                    throw admin_bad(e.message);
                }
            }
            return { status: 200, body: { collaborators: repo.collaborators } };
        }),
        r('POST', '/_sandbox/github/tokens', 'admin.github.tokens', (c) => {
            const st = state_githubState(ctx);
            const b = body(c);
            if (typeof b.user === 'string') {
                const u = st.users[b.user.toLowerCase()];
                if (!u || u.type !== 'User')
                    throw admin_bad(`"${b.user}" is not a user of the sandbox.`);
                return { status: 201, body: { token: auth_userToken(ctx, u.login), kind: 'user', login: u.login } };
            }
            if (b.kind === 'repo') {
                const t = repoTokenRecord(ctx, st);
                return { status: 201, body: { token: t.token, kind: 'repo', login: t.login, permissions: t.permissions } };
            }
            const inst = b.installation === undefined ? st.installations[0] : st.installations.find((i) => i.id === Number(b.installation));
            if (!inst)
                throw admin_bad(`No installation ${b.installation}.`);
            const permissions = (b.permissions ?? inst.permissions);
            for (const [k, v] of Object.entries(permissions))
                if (v !== 'read' && v !== 'write')
                    throw admin_bad(`permissions.${k}: "${String(v)}" is not "read" or "write".`);
            const repos = Array.isArray(b.repositories) ? b.repositories.map((x) => repoKey(x.includes('/') ? x : `${inst.account}/${x}`)) : inst.repository_selection === 'all' ? 'all' : [...inst.repositories];
            const t = mintInstallationToken(ctx, st, inst, { ...permissions, metadata: 'read' }, repos);
            return { status: 201, body: { token: t.token, kind: 'installation', login: t.login, expires_at: t.expires_at, permissions: t.permissions, repositories: t.repositories } };
        }),
        r('DELETE', '/_sandbox/github/tokens/{token}', 'admin.github.tokens.revoke', (c) => {
            const t = state_secrets(ctx).tokens.get(c.params.token);
            if (!t)
                throw new http_HttpError(404, 'NotFound', 'No such installation token.');
            t.revoked = true;
            return { status: 204 };
        }),
        r('GET', '/_sandbox/github/permission/{username}', 'admin.github.permission', (c) => {
            const repo = repoArg(ctx, c);
            return { status: 200, body: { login: c.params.username, role: roleOf(repo, c.params.username) } };
        }),
        r('POST', '/_sandbox/github/webhooks', 'admin.github.webhooks', (c) => {
            const b = body(c);
            const kind = typeof b.kind === 'string' ? b.kind : typeof b.event === 'string' && typeof b.action === 'string' ? `${b.event}.${b.action}` : undefined;
            if (!kind)
                throw admin_bad('Send {"kind": "issue_comment.created", …params} (or "event" and "action").');
            const { kind: _k, event: _e, action: _a, ...params } = b;
            return { status: 201, body: buildWebhook(ctx, kind, params) };
        }),
    ];
}

;// CONCATENATED MODULE: ./sandbox/github/index.ts










function githubInfo(ctx) {
    const st = state_githubState(ctx);
    const sec = state_secrets(ctx);
    return {
        apiUrl: ctx.endpoints.github ?? '',
        appId: st.app.id,
        appSlug: st.app.slug,
        appPrivateKey: sec.privateKeyPem,
        webhookSecret: sec.webhookSecret,
        installationId: st.installations[0]?.id ?? GITHUB_DEFAULTS.installationId,
        token: sec.repoToken,
        repository: Object.values(st.repos)[0] ? `${Object.values(st.repos)[0].owner}/${Object.values(st.repos)[0].name}` : '',
    };
}
/** Personal access token of a sandbox user (e.g. to comment as `octo-reader`). */
function githubUserToken(ctx, login) {
    return userToken(ctx, login);
}
const UNCOUNTED = new Set(['rate-limit.get']);
function githubService(_ctx) {
    const routes = [...appRoutes(), ...issueRoutes(), ...repoRoutes()];
    return {
        name: 'github',
        routes,
        errorBody: (err) => {
            const details = (err.details ?? {});
            const message = err.code === 'InvalidRequestContent' ? 'Problems parsing JSON' : err.status >= 500 && !/^\d+$/.test(err.code) ? 'Server Error' : err.message;
            const body = { message, documentation_url: details.documentation_url ?? DOCS, status: String(err.status) };
            if (details.errors?.length)
                body.errors = details.errors;
            return body;
        },
        notFound: () => new http_HttpError(404, '404', 'Not Found', {}, { documentation_url: DOCS }),
        before(c, route) {
            let a;
            try {
                a = auth_authenticate(c);
            }
            catch (e) {
                c.locals.rate = consumeRate(c, { kind: 'anonymous', rateKey: 'anonymous' }, 'core', false);
                throw e;
            }
            c.locals.actor = a;
            const resource = route.operation.startsWith('search.') ? 'search' : 'core';
            c.locals.rate = UNCOUNTED.has(route.operation) ? consumeRate(c, a, resource, false) : consumeRate(c, a, resource);
        },
        decorate(c, reply) {
            const headers = {
                'x-github-media-type': 'github.v3; format=json',
                'x-github-api-version-selected': '2022-11-28',
                'x-github-request-id': c.requestId.replace(/-/g, '').slice(0, 20).toUpperCase(),
                'access-control-expose-headers': 'ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset, X-OAuth-Scopes, X-Accepted-OAuth-Scopes, X-Poll-Interval, X-GitHub-Media-Type, X-GitHub-SSO, X-GitHub-Request-Id, Deprecation, Sunset',
            };
            if (!c.locals.rate)
                c.locals.rate = consumeRate(c, { kind: 'anonymous', rateKey: 'anonymous' }, 'core', false);
            Object.assign(headers, rateHeaders(c.locals.rate));
            reply.headers = { ...headers, ...(reply.headers ?? {}) };
        },
    };
}

// EXTERNAL MODULE: ./sandbox/auth0/log-codes.ts
var log_codes = __webpack_require__(6470);
;// CONCATENATED MODULE: ./sandbox/delivery/auth0-streams.ts





/** Records kept per paused or suspended stream (the oldest are dropped beyond this, like Auth0's retention). */
const MAX_QUEUED = 100_000;
class Auth0Streams {
    ctx;
    eventGrid;
    states = new WeakMap();
    /** The stream whose failure record is being written (it is not published to that stream). */
    writingFailureFor;
    constructor(ctx, eventGrid) {
        this.ctx = ctx;
        this.eventGrid = eventGrid;
    }
    state(tenant, stream) {
        let st = this.states.get(stream);
        if (!st) {
            st = { tenant, stream, queue: [], errored: [], retrying: 0, consecutiveFailures: 0, published: 0, failedAttempts: 0, erroredTotal: 0, replayed: 0, redriveScheduled: false, recentErrors: [] };
            this.states.set(stream, st);
        }
        return st;
    }
    isCurrent(st) {
        return this.ctx.world.auth0Tenants.get(st.tenant)?.logStreams.get(st.stream.id) === st.stream;
    }
    static matches(stream, record) {
        const filters = Array.isArray(stream.filters) ? stream.filters : [];
        if (!filters.length)
            return true;
        const category = log_codes/* LOG_CODES */.G[record.type]?.category;
        return !!category && filters.some((f) => (f.type ?? 'category') === 'category' && f.name === category);
    }
    // ---------------------------------------------------------------- hooks
    recordWritten(tenantName, record) {
        if (!this.ctx.settings.eventDelivery)
            return;
        const tenant = this.ctx.world.auth0Tenants.get(tenantName);
        if (!tenant)
            return;
        for (const stream of tenant.logStreams.values()) {
            if (stream.type !== 'eventgrid' || stream === this.writingFailureFor)
                continue;
            if (!Auth0Streams.matches(stream, record))
                continue;
            this.accept(this.state(tenantName, stream), record);
        }
    }
    streamCreated(tenantName, stream, startFrom) {
        const st = this.state(tenantName, stream);
        if (!startFrom || !this.ctx.settings.eventDelivery)
            return;
        const from = Date.parse(startFrom);
        if (Number.isNaN(from))
            return;
        const tenant = this.ctx.world.auth0Tenants.get(tenantName);
        for (const record of tenant?.logs ?? []) {
            if (Date.parse(record.date) >= from && Auth0Streams.matches(stream, record)) {
                st.replayed++;
                this.accept(st, record);
            }
        }
    }
    streamChanged(tenantName, stream, previousStatus) {
        const st = this.state(tenantName, stream);
        if (stream.status === 'active' && previousStatus !== 'active') {
            // Resumed: a fresh start for the failure count, then the queue and the errored records, in order.
            st.consecutiveFailures = 0;
            st.failingSince = undefined;
            st.suspendedAt = undefined;
            const records = [...st.queue.splice(0), ...st.errored.splice(0)];
            for (const r of records)
                this.attempt(st, r, 1);
        }
        else if (stream.status === 'suspended' && previousStatus !== 'suspended') {
            st.suspendedAt = this.ctx.clock.iso();
        }
    }
    streamDeleted(_tenant, stream) {
        const st = this.states.get(stream);
        if (!st)
            return;
        st.queue.length = 0;
        st.errored.length = 0;
    }
    topicActivationChanged(topic) {
        if (topic.resource.properties.activationState !== 'Activated' || !topic.createdBy)
            return;
        const stream = this.ctx.world.auth0Tenants.get(topic.createdBy.tenant)?.logStreams.get(topic.createdBy.streamId);
        const st = stream ? this.states.get(stream) : undefined;
        if (st)
            this.redrive(st);
    }
    // ---------------------------------------------------------------- publishing
    accept(st, record) {
        if (st.stream.status === 'active')
            return this.attempt(st, record, 1);
        st.queue.push(record);
        if (st.queue.length > MAX_QUEUED * 1.1)
            st.queue.splice(0, st.queue.length - MAX_QUEUED);
    }
    attempt(st, record, n) {
        if (!this.isCurrent(st))
            return;
        if (st.stream.status !== 'active') {
            st.queue.push(record);
            return;
        }
        const r = this.publish(st, record);
        if (r.ok) {
            st.published++;
            st.consecutiveFailures = 0;
            st.failingSince = undefined;
            return;
        }
        st.failedAttempts++;
        const attempts = Math.max(1, Math.floor(this.ctx.settings.streamPublishAttempts) || 1);
        if (n < attempts) {
            st.retrying++;
            this.ctx.clock.after(this.ctx.settings.streamPublishRetryMs * 2 ** (n - 1), () => {
                st.retrying--;
                this.attempt(st, record, n + 1);
            });
            return;
        }
        this.errored(st, record, r.message, n);
    }
    /** Where the stream's partner topic is now (cached while it stays in its group). */
    locate(st) {
        const c = st.located;
        if (c && c.group.partnerTopics.get(key(c.topic.resource.name)) === c.topic && this.ctx.world.subscriptions.get(key(c.sub.subscriptionId)) === c.sub)
            return c;
        st.located = findStreamTopic(this.ctx, st.tenant, st.stream.id);
        return st.located;
    }
    publish(st, record) {
        const found = this.locate(st);
        const name = found?.topic.resource.name ?? topicResourceName(st.tenant, st.stream.id);
        const sink = st.stream.sink ?? {};
        if (!found) {
            return { ok: false, message: `the Azure Event Grid partner topic '${name}' does not exist in resource group '${sink.azureResourceGroup}' of Azure subscription '${sink.azureSubscriptionId}'` };
        }
        const state = found.topic.resource.properties.activationState;
        if (state !== 'Activated')
            return { ok: false, message: `the Azure Event Grid partner topic '${name}' is not activated (activationState: ${state})` };
        if (!isProviderRegistered(this.ctx, found.sub)) {
            return { ok: false, message: `the resource provider 'Microsoft.EventGrid' is not registered in Azure subscription '${found.sub.subscriptionId}'` };
        }
        if (this.ctx.settings.publishRequiresAuthorization) {
            const auth = auth0Authorization(this.ctx, found.group);
            if (!auth.authorized)
                return { ok: false, message: auth.reason ?? `Auth0 is not authorized in resource group '${found.group.name}'` };
        }
        this.eventGrid.publish(found.topic, this.cloudEvent(st, found.topic, record));
        return { ok: true };
    }
    /** The CloudEvent Auth0 publishes for a record (`type` and `subject` from the settings' templates). */
    cloudEvent(st, topic, record) {
        const vars = {
            code: record.type,
            category: log_codes/* LOG_CODES */.G[record.type]?.category ?? '',
            tenant: st.tenant,
            stream: String(st.stream.id),
            log_id: record.log_id,
        };
        const fill = (t) => t.replace(/\{(code|category|tenant|stream|log_id)\}/g, (_, k) => vars[k]);
        const event = {
            specversion: '1.0',
            id: record.log_id,
            source: String(topic.resource.properties.source),
            type: fill(this.ctx.settings.cloudEventType) || record.type,
            time: record.date,
            datacontenttype: 'application/json',
            data: record,
        };
        const subject = fill(this.ctx.settings.cloudEventSubject);
        if (subject)
            event.subject = subject;
        return event;
    }
    errored(st, record, message, attempts) {
        const now = this.ctx.clock.now();
        st.errored.push(record);
        if (st.errored.length > MAX_QUEUED * 1.1)
            st.errored.splice(0, st.errored.length - MAX_QUEUED);
        st.erroredTotal++;
        st.consecutiveFailures++;
        st.failingSince ??= now;
        st.recentErrors.push({ at: new Date(now).toISOString(), log_id: record.log_id, message });
        if (st.recentErrors.length > 50)
            st.recentErrors.splice(0, st.recentErrors.length - 50);
        this.writeFailureRecord(st, record, message, attempts);
        const s = this.ctx.settings;
        const byCount = s.streamSuspendAfterFailures > 0 && st.consecutiveFailures >= s.streamSuspendAfterFailures;
        const byTime = s.streamSuspendAfterMs > 0 && now - st.failingSince >= s.streamSuspendAfterMs;
        if ((byCount || byTime) && st.stream.status === 'active') {
            st.stream.status = 'suspended';
            st.suspendedAt = new Date(now).toISOString();
            return;
        }
        this.scheduleRedrive(st);
    }
    writeFailureRecord(st, record, message, attempts) {
        const code = this.ctx.settings.streamFailureLogCode;
        if (!code || !log_codes/* LOG_CODES */.G[code])
            return;
        const stream = st.stream;
        const topic = st.located?.topic.resource.name ?? topicResourceName(st.tenant, String(stream.id));
        this.writingFailureFor = stream;
        try {
            (0,logs/* writeLogRecord */.JT)(this.ctx, st.tenant, {
                type: code,
                description: `Failed to deliver the log ${record.log_id} to the log stream '${stream.name ?? stream.id}' (eventgrid) after ${attempts} attempts: ${message}`,
                details: {
                    notification_type: 'log_stream',
                    notification_channel: 'eventgrid',
                    to: topic,
                    warning: message,
                    log_stream: { id: stream.id, name: stream.name, type: stream.type },
                    log_id: record.log_id,
                    log_type: record.type,
                    attempts,
                    error: message,
                },
            });
        }
        catch (e) {
            process.emitWarning(`sandbox delivery: could not write the failure record: ${e.message}`);
        }
        finally {
            this.writingFailureFor = undefined;
        }
    }
    scheduleRedrive(st) {
        const ms = this.ctx.settings.streamRetryErroredMs;
        if (st.redriveScheduled || ms <= 0)
            return;
        st.redriveScheduled = true;
        this.ctx.clock.after(ms, () => {
            st.redriveScheduled = false;
            this.redrive(st);
        });
    }
    /** Publishes the errored records again (a new round of attempts each). */
    redrive(st) {
        if (!this.isCurrent(st) || st.stream.status !== 'active' || !st.errored.length)
            return;
        for (const r of st.errored.splice(0))
            this.attempt(st, r, 1);
    }
    // ---------------------------------------------------------------- views
    health(tenant, stream) {
        const st = this.state(tenant, stream);
        return {
            published: st.published,
            queued: st.queue.length,
            retrying: st.retrying,
            errored: st.errored.length,
            erroredTotal: st.erroredTotal,
            failedAttempts: st.failedAttempts,
            replayed: st.replayed,
            consecutiveFailures: st.consecutiveFailures,
            failingSince: st.failingSince !== undefined ? new Date(st.failingSince).toISOString() : undefined,
            suspendedAt: st.suspendedAt,
            recentErrors: st.recentErrors.slice(-10),
        };
    }
}

;// CONCATENATED MODULE: ./sandbox/delivery/filters.ts
/**
 * Event subscription filters as Event Grid applies them to a CloudEvent:
 *   - `includedEventTypes`: the event's `type` is one of them (case-insensitive); absent or empty: all;
 *   - `subjectBeginsWith` / `subjectEndsWith`, case-insensitive unless `isSubjectCaseSensitive`;
 *   - `advancedFilters` (all must match; within one filter any of `values` may match):
 *     NumberIn/NotIn, NumberLessThan/GreaterThan(+OrEquals), NumberInRange/NotInRange, BoolEquals,
 *     StringIn/NotIn, StringBeginsWith/EndsWith/Contains and their Not forms, IsNullOrUndefined, IsNotNull.
 *     Keys: the event's attributes (`type`, `subject`, `source`, `id`, `time`, `specversion`,
 *     `datacontenttype`, extension attributes; also the older `EventType`/`EventId` aliases) or `data.a.b`.
 *     String comparisons are case-insensitive. A key missing from the event fails every operator except
 *     the Not ones (which pass) and IsNullOrUndefined. An array value is compared element by element only
 *     with `enableAdvancedFilteringOnArrays` (any element for positive operators, no element for Not ones);
 *     without it an array matches nothing (Not operators: everything).
 */
const ALIASES = { eventtype: 'type', eventid: 'id', eventtime: 'time' };
const MISSING = Symbol('missing');
/** The value at `key` in the event (`data.a.b` or an attribute name), or MISSING. */
function valueAt(event, key) {
    const parts = String(key).split('.');
    let head = parts[0].toLowerCase();
    head = ALIASES[head] ?? head;
    let cur = lookup(event, head);
    for (const p of parts.slice(1)) {
        if (cur === MISSING || cur === null || typeof cur !== 'object' || Array.isArray(cur))
            return MISSING;
        cur = lookup(cur, p);
    }
    return cur === undefined ? MISSING : cur;
}
function lookup(o, k) {
    if (Object.prototype.hasOwnProperty.call(o, k))
        return o[k];
    const lower = k.toLowerCase();
    for (const [name, v] of Object.entries(o))
        if (name.toLowerCase() === lower)
            return v;
    return MISSING;
}
const NOT_OPERATORS = new Set(['NumberNotIn', 'NumberNotInRange', 'StringNotIn', 'StringNotBeginsWith', 'StringNotEndsWith', 'StringNotContains']);
function asString(v) {
    if (typeof v === 'string')
        return v.toLowerCase();
    if (typeof v === 'number' || typeof v === 'boolean')
        return String(v).toLowerCase();
    return undefined;
}
/** Whether one scalar value satisfies a (positive form of the) operator. */
function scalarMatches(op, v, f) {
    const values = Array.isArray(f.values) ? f.values : [];
    switch (op) {
        case 'NumberIn':
        case 'NumberNotIn':
            return typeof v === 'number' && values.some((x) => Number(x) === v);
        case 'NumberLessThan':
            return typeof v === 'number' && v < Number(f.value);
        case 'NumberLessThanOrEquals':
            return typeof v === 'number' && v <= Number(f.value);
        case 'NumberGreaterThan':
            return typeof v === 'number' && v > Number(f.value);
        case 'NumberGreaterThanOrEquals':
            return typeof v === 'number' && v >= Number(f.value);
        case 'NumberInRange':
        case 'NumberNotInRange':
            return typeof v === 'number' && values.some((r) => Array.isArray(r) && r.length === 2 && v >= Number(r[0]) && v <= Number(r[1]));
        case 'BoolEquals':
            return typeof v === 'boolean' && v === f.value;
        case 'StringIn':
        case 'StringNotIn': {
            const s = asString(v);
            return s !== undefined && values.some((x) => asString(x) === s);
        }
        case 'StringBeginsWith':
        case 'StringNotBeginsWith': {
            const s = asString(v);
            return s !== undefined && values.some((x) => typeof x === 'string' && s.startsWith(x.toLowerCase()));
        }
        case 'StringEndsWith':
        case 'StringNotEndsWith': {
            const s = asString(v);
            return s !== undefined && values.some((x) => typeof x === 'string' && s.endsWith(x.toLowerCase()));
        }
        case 'StringContains':
        case 'StringNotContains': {
            const s = asString(v);
            return s !== undefined && values.some((x) => typeof x === 'string' && s.includes(x.toLowerCase()));
        }
        default:
            return false;
    }
}
/** Evaluates one advanced filter against the event. */
function advancedFilterMatches(event, f, onArrays) {
    const op = f.operatorType;
    const v = valueAt(event, f.key);
    if (op === 'IsNullOrUndefined')
        return v === MISSING || v === null;
    if (op === 'IsNotNull')
        return v !== MISSING && v !== null;
    const not = NOT_OPERATORS.has(op);
    if (v === MISSING)
        return not;
    if (Array.isArray(v)) {
        if (!onArrays)
            return not;
        const any = v.some((x) => scalarMatches(op, x, f));
        return not ? !any : any;
    }
    const hit = scalarMatches(op, v, f);
    return not ? !hit : hit;
}
/** Applies an event subscription's `filter` to a CloudEvent. */
function applyFilter(filter, event) {
    const f = filter ?? {};
    const types = Array.isArray(f.includedEventTypes) ? f.includedEventTypes : [];
    if (types.length) {
        const t = String(event.type ?? '').toLowerCase();
        if (!types.some((x) => typeof x === 'string' && (x.toLowerCase() === t || x.toLowerCase() === 'all')))
            return { matched: false, advancedEvaluated: 0 };
    }
    const caseSensitive = f.isSubjectCaseSensitive === true;
    const norm = (s) => (caseSensitive ? s : s.toLowerCase());
    const subject = norm(typeof event.subject === 'string' ? event.subject : '');
    if (f.subjectBeginsWith && !subject.startsWith(norm(String(f.subjectBeginsWith))))
        return { matched: false, advancedEvaluated: 0 };
    if (f.subjectEndsWith && !subject.endsWith(norm(String(f.subjectEndsWith))))
        return { matched: false, advancedEvaluated: 0 };
    const advanced = Array.isArray(f.advancedFilters) ? f.advancedFilters : [];
    let evaluated = 0;
    for (const af of advanced) {
        evaluated++;
        if (!advancedFilterMatches(event, af, f.enableAdvancedFilteringOnArrays === true))
            return { matched: false, advancedEvaluated: evaluated };
    }
    return { matched: true, advancedEvaluated: evaluated };
}

// EXTERNAL MODULE: ./sandbox/delivery/webhook.ts
var webhook = __webpack_require__(42602);
;// CONCATENATED MODULE: ./sandbox/delivery/eventgrid.ts
/**
 * Event Grid's side of delivery: an activated partner topic takes a CloudEvent and fans it out to its
 * event subscriptions whose provisioningState is Succeeded (and not expired), as Event Grid does:
 *   - filter (filters.ts); matched and unmatched events are counted (MatchedEventCount, UnmatchedEventCount);
 *   - delivery in the subscription's `eventDeliverySchema` (CloudEventSchemaV1_0: one CloudEvent per
 *     request), bounded to settings.deliveryConcurrency requests in flight per subscription over keep-alive
 *     connections;
 *   - success on 200–204; otherwise a retry on Event Grid's schedule (10 s, 30 s, 1 min, 5 min, 10 min,
 *     30 min, 1 h, 3 h, 6 h, then every 12 h) on the sandbox clock, never earlier than Event Grid's
 *     minimum for the status (5 min after 401/403/404, 2 min after 408, 30 s after 503), until
 *     `retryPolicy.maxDeliveryAttempts` attempts or `eventTimeToLiveInMinutes` after publishing;
 *     400, 401, 403 and 413 are not retried;
 *   - an event that cannot be delivered is dead-lettered (StorageBlob dead-letter destination) after
 *     settings.deadLetterDelayMs (Event Grid: 5 minutes), with Event Grid's dead-letter attributes
 *     (`deadletterreason`, `deliveryattempts`, `lastdeliveryoutcome`, `lastdeliveryattempttime`,
 *     `publishtime`, `lasthttpstatuscode`), or dropped when none is configured;
 *   - other destination types (Event Hub, Storage queue, Service Bus, Azure Function, …) always accept:
 *     each event is appended to an inspectable sandbox queue (storage.ts);
 *   - Azure Monitor metrics for all of it (metrics.ts), on the sandbox clock.
 * Modelled, not documented by Azure: the dead-letter reason of a non-retried status is
 * `NonRetriableError`; `Error`/`ErrorType` dimension values are the delivery outcome (BadRequest,
 * NotFound, TimedOut, Busy, GenericError, …) and ClientError / ServerError / Timeout / NetworkError.
 * Output batching (maxEventsPerBatch > 1) is not modelled: every event goes in its own request.
 */




const SECOND = 1000;
const MINUTE = 60 * SECOND;
/** Event Grid's retry schedule, by number of failed attempts so far (then every 12 hours). */
const RETRY_SCHEDULE_MS = [10 * SECOND, 30 * SECOND, MINUTE, 5 * MINUTE, 10 * MINUTE, 30 * MINUTE, 60 * MINUTE, 180 * MINUTE, 360 * MINUTE];
const LATER_RETRY_MS = 720 * MINUTE;
/** The least wait after some statuses (Event Grid's "Retry after N or more"). */
const MIN_WAIT_BY_STATUS = { 401: 5 * MINUTE, 403: 5 * MINUTE, 404: 5 * MINUTE, 408: 2 * MINUTE, 503: 30 * SECOND };
/** Webhook statuses Event Grid does not retry (dead-lettered at once when a dead-letter destination is set). */
const NOT_RETRIED = new Set([400, 401, 403, 413]);
/** The outcome name of a failed attempt (lastdeliveryoutcome, the Error dimension). */
function outcomeOf(r) {
    if (r.status === 0) {
        if (r.error === 'TimedOut')
            return { outcome: 'TimedOut', errorType: 'Timeout' };
        if (r.error === 'Aborted')
            return { outcome: 'Aborted', errorType: 'NetworkError' };
        return { outcome: 'GenericError', errorType: 'NetworkError' };
    }
    const named = { 400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 408: 'TimedOut', 413: 'RequestEntityTooLarge', 429: 'Busy', 503: 'Busy' };
    return { outcome: named[r.status] ?? 'GenericError', errorType: r.status >= 500 ? 'ServerError' : 'ClientError' };
}
function destinationOf(es) {
    return es.properties?.destination ?? es.properties?.deliveryWithResourceIdentity?.destination;
}
function deadLetterOf(es) {
    return es.properties?.deadLetterDestination ?? es.properties?.deadLetterWithResourceIdentity?.deadLetterDestination;
}
class EventGridRuntime {
    ctx;
    metrics;
    storage;
    subs = new Map();
    inflight = new Set();
    validations = [];
    stopped = false;
    gen = 0;
    constructor(ctx, metrics, storage) {
        this.ctx = ctx;
        this.metrics = metrics;
        this.storage = storage;
    }
    /** Publishes one event to an (activated) partner topic: counts it and fans it out. */
    publish(topic, event) {
        const topicId = topic.resource.id;
        const now = this.ctx.clock.now();
        this.metrics.add(topicId, 'PublishSuccessCount');
        let matched = 0;
        let body;
        for (const [esKey, es] of topic.eventSubscriptions) {
            if (es.properties?.provisioningState !== 'Succeeded')
                continue;
            const exp = es.properties.expirationTimeUtc ? Date.parse(es.properties.expirationTimeUtc) : NaN;
            if (!Number.isNaN(exp) && exp <= now)
                continue;
            const r = applyFilter(es.properties.filter, event);
            if (r.advancedEvaluated)
                this.metrics.add(topicId, 'AdvancedFilterEvaluationCount', { EventSubscriptionName: es.name }, r.advancedEvaluated);
            if (!r.matched)
                continue;
            matched++;
            this.metrics.add(topicId, 'MatchedEventCount', { EventSubscriptionName: es.name });
            body ??= JSON.stringify(event);
            const ttlMinutes = Number(es.properties.retryPolicy?.eventTimeToLiveInMinutes ?? 1440);
            const rt = this.runtime(es);
            rt.queue.push({ event, body, topic, esKey, esName: es.name, attempts: 0, publishedAt: now, expiresAt: now + ttlMinutes * MINUTE, gen: this.gen });
            this.pump(rt);
        }
        if (!matched)
            this.metrics.add(topicId, 'UnmatchedEventCount');
    }
    runtime(es) {
        const k = key(es.id);
        let rt = this.subs.get(k);
        if (!rt) {
            rt = { id: es.id, name: es.name, queue: [], head: 0, inflight: 0, delivered: 0, failedAttempts: 0, retrying: 0, deadLettered: 0, dropped: 0 };
            this.subs.set(k, rt);
        }
        return rt;
    }
    pump(rt) {
        const limit = Math.max(1, Math.floor(this.ctx.settings.deliveryConcurrency) || 1);
        while (!this.stopped && rt.inflight < limit && rt.head < rt.queue.length) {
            const item = rt.queue[rt.head];
            rt.queue[rt.head++] = undefined;
            if (rt.head > 1024 && rt.head * 2 > rt.queue.length) {
                rt.queue = rt.queue.slice(rt.head);
                rt.head = 0;
            }
            this.attempt(rt, item);
        }
    }
    /** The subscription as it is now (it may have been updated or deleted since the event was queued). */
    current(item) {
        if (item.gen !== this.gen || this.stopped)
            return undefined;
        const es = item.topic.eventSubscriptions.get(item.esKey);
        if (!es || es.properties?.provisioningState === 'Deleting')
            return undefined;
        return es;
    }
    attempt(rt, item) {
        const es = this.current(item);
        if (!es)
            return; // the subscription is gone: its events go with it
        const now = this.ctx.clock.now();
        if (now >= item.expiresAt)
            return this.giveUp(rt, es, item, 'TimeToLiveExceeded');
        const dest = destinationOf(es);
        item.attempts++;
        item.lastAttemptAt = now;
        rt.inflight++;
        const headers = this.deliveryHeaders(es, item);
        if (dest?.endpointType === 'WebHook') {
            const url = dest.properties?.endpointUrl;
            if (!rt.agent)
                rt.agent = (0,webhook/* trustingAgent */.o$)(this.ctx.tls.caCertPem, Math.max(1, this.ctx.settings.deliveryConcurrency));
            void (0,webhook/* send */.tN)(rt.agent, 'POST', url ?? '', headers, item.body, this.ctx.settings.deliveryTimeoutMs, this.inflight).then((r) => this.settle(rt, item, r));
            return;
        }
        // Azure-resource destinations accept every event: recorded in the sandbox queue of the destination.
        const type = dest?.endpointType ?? 'Unknown';
        const props = dest?.properties ?? {};
        this.storage.enqueue(type, String(props.resourceId ?? props.endpointUrl ?? type), props.queueName, {
            receivedAt: this.ctx.clock.iso(),
            eventSubscription: es.name,
            endpointType: type,
            event: item.event,
            properties: Object.fromEntries(Object.entries(headers).filter(([k]) => !k.startsWith('aeg-') && k !== 'content-type' && k !== 'origin' && k !== 'webhook-request-origin')),
        });
        queueMicrotask(() => this.settle(rt, item, { status: 200, headers: {}, body: '', durationMs: 0 }));
    }
    deliveryHeaders(es, item) {
        const h = {
            'content-type': 'application/cloudevents+json; charset=utf-8',
            'webhook-request-origin': webhook/* EVENTGRID_ORIGIN */.EQ,
            origin: webhook/* EVENTGRID_ORIGIN */.EQ,
            'aeg-event-type': 'Notification',
            'aeg-subscription-name': es.name.toUpperCase(),
            'aeg-delivery-count': String(item.attempts - 1 < 0 ? 0 : item.attempts - 1),
            'aeg-metadata-version': '1',
            'aeg-data-version': '',
        };
        const mappings = destinationOf(es)?.properties?.deliveryAttributeMappings ?? [];
        for (const m of mappings) {
            if (!m?.name)
                continue;
            if (m.type === 'Static')
                h[String(m.name).toLowerCase()] = String(m.properties?.value ?? '');
            else if (m.type === 'Dynamic') {
                const v = valueAt(item.event, String(m.properties?.sourceField ?? ''));
                if (v !== null && typeof v !== 'symbol' && v !== undefined)
                    h[String(m.name).toLowerCase()] = typeof v === 'string' ? v : JSON.stringify(v);
            }
        }
        return h;
    }
    settle(rt, item, r) {
        rt.inflight--;
        if (this.stopped || r.error === 'Aborted')
            return;
        const topicId = item.topic.resource.id;
        const dims = { EventSubscriptionName: item.esName };
        if (r.status >= 200 && r.status <= 204) {
            rt.delivered++;
            this.metrics.add(topicId, 'DeliverySuccessCount', dims);
            this.metrics.add(topicId, 'DestinationProcessingDurationInMs', dims, Math.round(r.durationMs * 100) / 100);
            this.pump(rt);
            return;
        }
        const { outcome, errorType } = outcomeOf(r);
        item.lastOutcome = outcome;
        item.lastStatus = r.status || undefined;
        rt.failedAttempts++;
        rt.lastError = { at: this.ctx.clock.iso(), outcome, status: r.status || undefined };
        this.metrics.add(topicId, 'DeliveryAttemptFailCount', { ...dims, Error: outcome, ErrorType: errorType });
        this.pump(rt);
        const es = this.current(item);
        if (!es)
            return;
        if (NOT_RETRIED.has(r.status))
            return this.giveUp(rt, es, item, 'NonRetriableError');
        const max = Number(es.properties.retryPolicy?.maxDeliveryAttempts ?? 30);
        if (item.attempts >= max)
            return this.giveUp(rt, es, item, 'MaxDeliveryAttemptsExceeded');
        const wait = Math.max(RETRY_SCHEDULE_MS[item.attempts - 1] ?? LATER_RETRY_MS, MIN_WAIT_BY_STATUS[r.status] ?? 0);
        const next = this.ctx.clock.now() + wait;
        rt.retrying++;
        if (next >= item.expiresAt) {
            this.ctx.clock.at(item.expiresAt, () => {
                rt.retrying--;
                const now = this.current(item);
                if (now && !this.stopped)
                    this.giveUp(rt, now, item, 'TimeToLiveExceeded');
            });
            return;
        }
        this.ctx.clock.at(next, () => {
            rt.retrying--;
            if (this.stopped)
                return;
            rt.queue.push(item);
            this.pump(rt);
        });
    }
    /** Dead-letters the event (after settings.deadLetterDelayMs) or drops it. */
    giveUp(rt, es, item, reason) {
        const topicId = item.topic.resource.id;
        const dl = deadLetterOf(es);
        if (!dl || dl.endpointType !== 'StorageBlob' || !dl.properties?.resourceId || !dl.properties?.blobContainerName) {
            rt.dropped++;
            this.metrics.add(topicId, 'DroppedEventCount', { EventSubscriptionName: item.esName, DropReason: reason });
            return;
        }
        const lastAttempt = item.lastAttemptAt ?? this.ctx.clock.now();
        const dead = {
            ...item.event,
            deadletterreason: reason,
            deliveryattempts: item.attempts,
            lastdeliveryoutcome: item.lastOutcome ?? (reason === 'TimeToLiveExceeded' ? 'TimedOut' : 'GenericError'),
            publishtime: new Date(item.publishedAt).toISOString(),
            lastdeliveryattempttime: new Date(lastAttempt).toISOString(),
        };
        if (item.lastStatus)
            dead.lasthttpstatuscode = item.lastStatus;
        const write = () => {
            if (this.stopped)
                return;
            const d = this.ctx.clock.date();
            const p = (n) => String(n).padStart(2, '0');
            const name = `${item.topic.resource.name.toUpperCase()}/${item.esName.toUpperCase()}/${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/${p(d.getUTCHours())}/${(0,external_node_crypto_.randomUUID)()}.json`;
            this.storage.putBlob(String(dl.properties.resourceId), String(dl.properties.blobContainerName), name, [dead], this.ctx.clock.iso());
            rt.deadLettered++;
            this.metrics.add(topicId, 'DeadLetteredCount', { EventSubscriptionName: item.esName, DeadLetterReason: reason });
        };
        const delay = this.ctx.settings.deadLetterDelayMs;
        if (delay > 0)
            this.ctx.clock.after(delay, write);
        else
            write();
    }
    /** Admin view of each subscription's delivery state. */
    view() {
        return [...this.subs.values()].map((rt) => ({
            eventSubscription: rt.id,
            name: rt.name,
            queued: rt.queue.length - rt.head,
            inflight: rt.inflight,
            retrying: rt.retrying,
            delivered: rt.delivered,
            failedAttempts: rt.failedAttempts,
            deadLettered: rt.deadLettered,
            dropped: rt.dropped,
            lastError: rt.lastError,
        }));
    }
    /** Records a validation (for the admin view; the last 200 kept). */
    recordValidation(v) {
        this.validations.push(v);
        if (this.validations.length > 200)
            this.validations.splice(0, this.validations.length - 200);
    }
    /** An agent for one-off requests (validation handshakes). */
    oneOff;
    agent() {
        this.oneOff ??= (0,webhook/* trustingAgent */.o$)(this.ctx.tls.caCertPem, 8);
        return this.oneOff;
    }
    abortAll() {
        for (const abort of [...this.inflight])
            abort();
        for (const rt of this.subs.values())
            rt.agent?.destroy();
    }
    reset() {
        this.gen++;
        this.abortAll();
        this.subs.clear();
        this.validations.length = 0;
    }
    stop() {
        this.stopped = true;
        this.abortAll();
        this.oneOff?.destroy();
    }
}

;// CONCATENATED MODULE: ./sandbox/arm/common.ts
/**
 * Shared pieces of the ARM service: route metadata (namespace, api-versions, RBAC action and scope),
 * ARM's error answers, and lookups of subscriptions, groups and resources that answer with ARM's 404s.
 */


const EVENTGRID = 'Microsoft.EventGrid';
const RESOURCES = 'Microsoft.Resources';
/** Azure Monitor (metrics of Event Grid resources, served by sandbox/delivery/metrics.ts). */
const INSIGHTS = 'Microsoft.Insights';
/** Microsoft.EventGrid api-versions served (2025-02-15 is the newest stable; @azure/arm-eventgrid 14 defaults to 2022-06-15). */
const EVENTGRID_API_VERSIONS = ['2025-02-15', '2022-06-15'];
/** Microsoft.Resources api-versions served (@azure/arm-resources 7 sends 2025-04-01). */
const RESOURCES_API_VERSIONS = ['2025-04-01', '2025-03-01', '2024-11-01', '2024-07-01', '2024-03-01', '2022-09-01', '2021-04-01'];
/** api-versions of the subscriptions API (GET /subscriptions/{id}), as @azure/arm-resources-subscriptions sends. */
const SUBSCRIPTIONS_API_VERSIONS = ['2022-12-01', '2021-01-01', '2020-01-01', '2016-06-01', ...RESOURCES_API_VERSIONS];
const versionSets = new Map();
function common_route(spec) {
    const namespace = spec.namespace ?? EVENTGRID;
    const versions = spec.apiVersions ?? (namespace === EVENTGRID ? EVENTGRID_API_VERSIONS : RESOURCES_API_VERSIONS);
    let set = versionSets.get(versions);
    if (!set)
        versionSets.set(versions, (set = new Set(versions)));
    const subscriptionScoped = spec.template.toLowerCase().startsWith('/subscriptions/{subscriptionid}');
    return {
        method: spec.method,
        pattern: path(spec.template),
        operation: spec.operation,
        write: spec.write,
        handler: spec.handler,
        arm: {
            namespace,
            resourceType: spec.resourceType,
            apiVersions: set,
            subscriptionScoped,
            requiresRegistration: spec.requiresRegistration ?? (namespace === EVENTGRID && subscriptionScoped),
            authz: spec.authz,
            memberOnly: spec.memberOnly ?? false,
        },
    };
}
// ---- ids and scopes -------------------------------------------------------------------------------
const subScope = (p) => `/subscriptions/${p.subscriptionId}`;
const groupScope = (p) => `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroupName}`;
const egGroupScope = (p) => `${groupScope(p)}/providers/Microsoft.EventGrid`;
const egSubScope = (p) => `${subScope(p)}/providers/Microsoft.EventGrid`;
// ---- errors ---------------------------------------------------------------------------------------
function resourceGroupNotFound(name) {
    return new http_HttpError(404, 'ResourceGroupNotFound', `Resource group '${name}' could not be found.`);
}
function resourceNotFound(type, name, group) {
    return new http_HttpError(404, 'ResourceNotFound', `The Resource '${type}/${name}' under resource group '${group}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`);
}
function parentNotFound(parent) {
    return new http_HttpError(404, 'ParentResourceNotFound', `Can not perform requested operation on nested resource. Parent resource '${parent}' not found.`);
}
function subscriptionNotFound(id) {
    return new HttpError(404, 'SubscriptionNotFound', `The subscription '${id}' could not be found.`);
}
// ---- lookups --------------------------------------------------------------------------------------
/** The subscription resolved by `before` (it has checked it exists and belongs to the caller's tenant). */
function subOf(c) {
    return c.locals.sub;
}
function groupOf(c) {
    const g = subOf(c).resourceGroups.get(key(c.params.resourceGroupName));
    if (!g)
        throw resourceGroupNotFound(c.params.resourceGroupName);
    return g;
}
/** Who the caller is, for systemData. */
function caller(c) {
    const claims = c.locals.claims ?? {};
    if (claims.idtyp === 'user' || claims.upn || claims.unique_name)
        return { by: String(claims.upn ?? claims.unique_name ?? claims.oid), byType: 'User' };
    return { by: String(claims.appid ?? claims.azp ?? claims.oid ?? 'unknown'), byType: 'Application' };
}
/** The public base URL of ARM (for Location / Azure-AsyncOperation / nextLink). */
function armBase(ctx, c) {
    if (ctx.endpoints.arm)
        return ctx.endpoints.arm;
    return `https://${c.headers.host ?? '127.0.0.1'}`;
}
function apiVersionOf(c) {
    return c.query.get('api-version') ?? '';
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}

;// CONCATENATED MODULE: ./sandbox/delivery/metrics.ts


/** api-versions of Microsoft.Insights/metrics served. */
const METRICS_API_VERSIONS = ['2024-02-01', '2023-10-01', '2021-05-01', '2019-07-01', '2018-01-01'];
/** Microsoft.EventGrid/partnerTopics metrics (Azure Monitor supported-metrics reference). */
const PARTNER_TOPIC_METRICS = [
    { name: 'AdvancedFilterEvaluationCount', displayName: 'Advanced Filter Evaluations', description: 'Total advanced filters evaluated across event subscriptions for this partner topic.', unit: 'Count', primary: 'Total', dimensions: ['EventSubscriptionName'] },
    { name: 'DeadLetteredCount', displayName: 'Dead Lettered Events', description: 'Total dead lettered events matching to this event subscription', unit: 'Count', primary: 'Total', dimensions: ['DeadLetterReason', 'EventSubscriptionName'] },
    { name: 'DeliveryAttemptFailCount', displayName: 'Delivery Failed Events', description: 'Total events failed to deliver to this event subscription', unit: 'Count', primary: 'Total', dimensions: ['Error', 'ErrorType', 'EventSubscriptionName'] },
    { name: 'DeliverySuccessCount', displayName: 'Delivered Events', description: 'Total events delivered to this event subscription', unit: 'Count', primary: 'Total', dimensions: ['EventSubscriptionName'] },
    { name: 'DestinationProcessingDurationInMs', displayName: 'Destination Processing Duration', description: 'Destination processing duration in milliseconds', unit: 'MilliSeconds', primary: 'Average', dimensions: ['EventSubscriptionName'] },
    { name: 'DroppedEventCount', displayName: 'Dropped Events', description: 'Total dropped events matching to this event subscription', unit: 'Count', primary: 'Total', dimensions: ['DropReason', 'EventSubscriptionName'] },
    { name: 'MatchedEventCount', displayName: 'Matched Events', description: 'Total events matched to this event subscription', unit: 'Count', primary: 'Total', dimensions: ['EventSubscriptionName'] },
    { name: 'PublishSuccessCount', displayName: 'Published Events', description: 'Total events published to this partner topic', unit: 'Count', primary: 'Total', dimensions: [] },
    { name: 'UnmatchedEventCount', displayName: 'Unmatched Events', description: 'Total events not matching any of the event subscriptions for this partner topic', unit: 'Count', primary: 'Total', dimensions: [] },
];
const DEFS = new Map(PARTNER_TOPIC_METRICS.map((d) => [d.name.toLowerCase(), d]));
const NAMESPACE = 'Microsoft.EventGrid/partnerTopics';
const metrics_MINUTE = 60_000;
/** Per-minute samples of each resource's metrics, keyed by resource id (lower case). */
class MetricStore {
    ctx;
    resources = new Map();
    constructor(ctx) {
        this.ctx = ctx;
    }
    /** Records `value` for `metric` of `resourceId` now (sandbox clock). */
    add(resourceId, metric, dims = {}, value = 1) {
        let metrics = this.resources.get(key(resourceId));
        if (!metrics)
            this.resources.set(key(resourceId), (metrics = new Map()));
        let series = metrics.get(metric);
        if (!series)
            metrics.set(metric, (series = new Map()));
        const dk = Object.keys(dims).sort().map((k) => `${k}=${dims[k]}`).join('|');
        let s = series.get(dk);
        if (!s)
            series.set(dk, (s = { dims, buckets: new Map() }));
        const minute = Math.floor(this.ctx.clock.now() / metrics_MINUTE) * metrics_MINUTE;
        const b = s.buckets.get(minute);
        if (b) {
            b.total += value;
            b.count++;
            if (value < b.min)
                b.min = value;
            if (value > b.max)
                b.max = value;
        }
        else
            s.buckets.set(minute, { total: value, count: 1, min: value, max: value });
    }
    /** The series of a metric of a resource. */
    series(resourceId, metric) {
        return [...(this.resources.get(key(resourceId))?.get(metric)?.values() ?? [])];
    }
    /** Sum of a metric over all time and dimensions (for the admin view and tests). */
    sum(resourceId, metric, where = {}) {
        let n = 0;
        for (const s of this.series(resourceId, metric)) {
            if (Object.entries(where).some(([k, v]) => (s.dims[k] ?? '').toLowerCase() !== v.toLowerCase()))
                continue;
            for (const b of s.buckets.values())
                n += b.total;
        }
        return n;
    }
    clear() {
        this.resources.clear();
    }
}
// ---------------------------------------------------------------- ISO 8601 durations and timespans
const DURATION = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;
/** ms of an ISO 8601 duration like PT1M, PT1H, P1D, P1DT12H; undefined when not one. */
function isoDuration(s) {
    const m = DURATION.exec(s.trim());
    if (!m || s.trim().toUpperCase() === 'P' || s.trim().toUpperCase() === 'PT')
        return undefined;
    const [, d, h, mi, se] = m.map((x) => (x === undefined ? 0 : Number(x)));
    return ((d * 24 + h) * 60 + mi) * metrics_MINUTE + se * 1000;
}
/** Azure Monitor's timestamp format (seconds, Z). */
const stampOf = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const INTERVALS = new Map([
    ['PT1M', metrics_MINUTE],
    ['PT5M', 5 * metrics_MINUTE],
    ['PT15M', 15 * metrics_MINUTE],
    ['PT30M', 30 * metrics_MINUTE],
    ['PT1H', 60 * metrics_MINUTE],
    ['PT6H', 360 * metrics_MINUTE],
    ['PT12H', 720 * metrics_MINUTE],
    ['P1D', 1440 * metrics_MINUTE],
]);
const metrics_bad = (message) => ({ status: 400, code: 'BadRequest', message });
function parseTimespan(raw, now) {
    if (!raw)
        return { start: now - 60 * metrics_MINUTE, end: now };
    const parts = raw.split('/');
    const when = (s) => (/^\d{4}-/.test(s) ? Date.parse(s) : NaN);
    const dur = (s) => isoDuration(s);
    let start;
    let end;
    if (parts.length === 1) {
        const d = dur(parts[0]);
        if (d !== undefined)
            [start, end] = [now - d, now];
    }
    else if (parts.length === 2) {
        const [a, b] = parts;
        const ta = when(a);
        const tb = when(b);
        if (!Number.isNaN(ta) && !Number.isNaN(tb))
            [start, end] = [ta, tb];
        else if (!Number.isNaN(ta) && dur(b) !== undefined)
            [start, end] = [ta, ta + dur(b)];
        else if (dur(a) !== undefined && !Number.isNaN(tb))
            [start, end] = [tb - dur(a), tb];
    }
    if (start === undefined || end === undefined || Number.isNaN(start) || Number.isNaN(end)) {
        return metrics_bad(`Detected invalid time range: '${raw}'. Use 'startDateTime_ISO/endDateTime_ISO' or an ISO 8601 duration.`);
    }
    if (end <= start)
        return metrics_bad(`Invalid time range: the start time '${stampOf(start)}' must be before the end time '${stampOf(end)}'.`);
    return { start, end };
}
/** Parses `$filter`: `A eq 'x' or A eq 'y' and B eq '*'` → {a: ['x','y'], b: ['*']} (dimension names lower case). */
function parseFilter(raw) {
    const out = new Map();
    if (!raw || !raw.trim())
        return out;
    for (const clause of raw.split(/\s+and\s+/i)) {
        for (const term of clause.split(/\s+or\s+/i)) {
            const m = /^\s*\(?\s*([A-Za-z][\w.]*)\s+eq\s+'((?:[^']|'')*)'\s*\)?\s*$/i.exec(term);
            if (!m)
                return metrics_bad(`Invalid $filter: '${raw}'. Use dimension comparisons like "EventSubscriptionName eq 'my-subscription'" joined with 'and' / 'or'.`);
            const dim = m[1].toLowerCase();
            out.set(dim, [...(out.get(dim) ?? []), m[2].replace(/''/g, "'")]);
        }
    }
    return out;
}
/** Answers a metrics query (Azure Monitor's body, or its error). */
function queryMetrics(store, ctx, q) {
    const fail = (e) => ({ status: e.status, body: { code: e.code, message: e.message } });
    const params = q.query;
    const ns = params.get('metricnamespace');
    if (ns && ns.toLowerCase() !== NAMESPACE.toLowerCase()) {
        return fail(metrics_bad(`Failed to find metric configuration for provider: Microsoft.EventGrid, resource Type: partnerTopics, metric namespace: ${ns}. Valid metric namespaces: ${NAMESPACE}`));
    }
    const names = (params.get('metricnames') ?? '').split(',').map((n) => n.trim()).filter(Boolean);
    const defs = [];
    for (const n of names.length ? names : ['PublishSuccessCount']) {
        const def = DEFS.get(n.toLowerCase());
        if (!def) {
            return fail(metrics_bad(`Failed to find metric configuration for provider: Microsoft.EventGrid, resource Type: partnerTopics, metric: ${n}, Valid metrics: ${PARTNER_TOPIC_METRICS.map((d) => d.name).join(',')}`));
        }
        if (!defs.includes(def))
            defs.push(def);
    }
    const span = parseTimespan(params.get('timespan'), ctx.clock.now());
    if ('code' in span)
        return fail(span);
    const intervalRaw = (params.get('interval') ?? 'PT1M').toUpperCase();
    let step;
    if (intervalRaw === 'FULL')
        step = span.end - span.start;
    else {
        const ms = INTERVALS.get(intervalRaw) ?? isoDuration(intervalRaw);
        if (!ms || ![...INTERVALS.values()].includes(ms)) {
            return fail(metrics_bad(`Invalid interval '${params.get('interval')}'. Supported intervals: ${[...INTERVALS.keys()].join(', ')}, FULL.`));
        }
        step = ms;
    }
    const aggRaw = params.get('aggregation');
    const aggs = aggRaw
        ? aggRaw.split(',').map((a) => a.trim()).filter(Boolean).map((a) => (['total', 'count', 'average', 'minimum', 'maximum'].includes(a.toLowerCase()) ? (a[0].toUpperCase() + a.slice(1).toLowerCase()) : a))
        : undefined;
    const badAgg = aggs?.find((a) => !['Total', 'Count', 'Average', 'Minimum', 'Maximum'].includes(a));
    if (badAgg)
        return fail(metrics_bad(`Invalid aggregation '${badAgg}'. Valid aggregations: Total, Count, Average, Minimum, Maximum.`));
    const filter = parseFilter(params.get('$filter'));
    if (filter instanceof Map === false)
        return fail(filter);
    const dimsWanted = filter;
    const top = Number(params.get('top') ?? 10);
    // Align to the interval grid, as Azure Monitor does.
    const start = intervalRaw === 'FULL' ? span.start : Math.floor(span.start / step) * step;
    const end = span.end;
    const points = [];
    for (let t = start; t < end; t += step)
        points.push(t);
    if (points.length > 1440 * 31)
        return fail(metrics_bad('The requested time range and interval produce too many data points; use a larger interval.'));
    const value = [];
    for (const def of defs) {
        const unsupported = [...dimsWanted.keys()].filter((d) => !def.dimensions.some((x) => x.toLowerCase() === d));
        if (unsupported.length) {
            return fail(metrics_bad(`Metric: ${def.name} does not support requested dimension combination: ${unsupported.join(',')}, supported ones are: ${def.dimensions.join(',') || 'none'}`));
        }
        const wantAggs = aggs ?? [def.primary];
        const all = store.series(q.resourceId, def.name);
        // Group the stored series by the dimensions asked for; `eq 'v'` keeps matching values, `*` splits by value.
        const groups = new Map();
        for (const s of all) {
            let keep = true;
            const meta = {};
            for (const [dim, values] of dimsWanted) {
                const actualName = def.dimensions.find((x) => x.toLowerCase() === dim);
                const v = s.dims[actualName] ?? '';
                if (values.includes('*'))
                    meta[dim] = v;
                else if (values.some((x) => x.toLowerCase() === v.toLowerCase()))
                    meta[dim] = v;
                else
                    keep = false;
            }
            if (!keep)
                continue;
            const gk = Object.entries(meta).map(([k, v]) => `${k}=${v}`).join('|');
            let g = groups.get(gk);
            if (!g)
                groups.set(gk, (g = { meta, series: [] }));
            g.series.push(s);
        }
        // A filter naming values without '*' still answers one series per named value (Azure Monitor splits by filtered dimensions).
        for (const [dim, values] of dimsWanted) {
            if (values.includes('*'))
                continue;
            for (const v of values) {
                if (![...groups.values()].some((g) => (g.meta[dim] ?? '').toLowerCase() === v.toLowerCase())) {
                    if (dimsWanted.size === 1)
                        groups.set(`${dim}=${v}`, { meta: { [dim]: v }, series: [] });
                }
            }
        }
        if (!dimsWanted.size && !groups.size)
            groups.set('', { meta: {}, series: [] });
        const timeseries = [...groups.values()].slice(0, dimsWanted.size ? top : undefined).map((g) => ({
            metadatavalues: Object.entries(g.meta).map(([k, v]) => ({ name: { value: k, localizedValue: k }, value: v })),
            data: points.map((t) => {
                const until = intervalRaw === 'FULL' ? end : t + step;
                let total = 0;
                let count = 0;
                let min = Infinity;
                let max = -Infinity;
                for (const s of g.series) {
                    for (let m = Math.floor(t / metrics_MINUTE) * metrics_MINUTE; m < until; m += metrics_MINUTE) {
                        const b = s.buckets.get(m);
                        if (!b || m < t)
                            continue;
                        total += b.total;
                        count += b.count;
                        min = Math.min(min, b.min);
                        max = Math.max(max, b.max);
                    }
                }
                const point = { timeStamp: stampOf(t) };
                for (const a of wantAggs) {
                    if (a === 'Total') {
                        if (count || def.unit === 'Count')
                            point.total = total;
                    }
                    else if (a === 'Count')
                        point.count = count;
                    else if (count) {
                        if (a === 'Average')
                            point.average = total / count;
                        if (a === 'Minimum')
                            point.minimum = min;
                        if (a === 'Maximum')
                            point.maximum = max;
                    }
                    else if (def.unit === 'Count') {
                        point[a.toLowerCase()] = 0;
                    }
                }
                return point;
            }),
        }));
        value.push({
            id: `${q.resourceId}/providers/Microsoft.Insights/metrics/${def.name}`,
            type: 'Microsoft.Insights/metrics',
            name: { value: def.name, localizedValue: def.displayName },
            displayDescription: def.description,
            unit: def.unit,
            timeseries,
            errorCode: 'Success',
        });
    }
    return {
        status: 200,
        body: {
            cost: Math.max(0, Math.round((end - start) / metrics_MINUTE)) * defs.length,
            timespan: `${stampOf(span.start)}/${stampOf(span.end)}`,
            interval: intervalRaw === 'FULL' ? 'FULL' : [...INTERVALS.entries()].find(([, ms]) => ms === step)?.[0] ?? intervalRaw,
            value,
            namespace: NAMESPACE,
            resourceregion: q.region,
        },
    };
}
/** The ARM route: `GET …/partnerTopics/{name}/providers/Microsoft.Insights/metrics`. */
function metricsRoutes(ctx, store) {
    const base = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.EventGrid/partnerTopics/{partnerTopicName}';
    return [
        common_route({
            method: 'GET',
            template: `${base}/providers/Microsoft.Insights/metrics`,
            operation: 'Metrics_List',
            resourceType: 'metrics',
            namespace: INSIGHTS,
            apiVersions: METRICS_API_VERSIONS,
            requiresRegistration: false,
            authz: (p) => ({
                action: 'Microsoft.Insights/metrics/read',
                scope: `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroupName}/providers/Microsoft.EventGrid/partnerTopics/${p.partnerTopicName}`,
            }),
            handler: (c) => {
                const group = groupOf(c);
                const topic = group.partnerTopics.get(key(c.params.partnerTopicName));
                if (!topic)
                    throw resourceNotFound('Microsoft.EventGrid/partnerTopics', c.params.partnerTopicName, c.params.resourceGroupName);
                const s = store();
                const empty = new MetricStore(ctx);
                return queryMetrics(s ?? empty, ctx, { resourceId: topic.resource.id, region: (topic.resource.location ?? group.location).toLowerCase(), query: c.query });
            },
        }),
    ];
}

;// CONCATENATED MODULE: ./sandbox/delivery/storage.ts
/**
 * Where events end up besides webhooks, kept in memory and readable through the admin API:
 *   - dead-letter blob containers (`deadLetterDestination: StorageBlob`): one blob per dead-lettered
 *     event, named `{TOPIC}/{SUBSCRIPTION}/{yyyy}/{MM}/{dd}/{HH}/{guid}.json` (Event Grid's layout),
 *     holding a JSON array with the dead-lettered event;
 *   - destination queues for Event Hub, Storage queue, Service Bus queue/topic, Azure Function, Hybrid
 *     Connection and other Azure-resource destinations: each delivery appended as received.
 * Containers and queues are keyed by the destination's resource id (and queue name), compared case-insensitively.
 */
/** At most this many messages kept per destination queue (oldest dropped). */
const MAX_MESSAGES = 50_000;
class SandboxStorage {
    containers = new Map();
    queues = new Map();
    /** Appends a dead-letter blob to the container of `storageAccountId`. */
    putBlob(storageAccountId, container, name, content, now) {
        const account = storageAccountId.split('/').filter(Boolean).pop() ?? storageAccountId;
        const k = `${account.toLowerCase()}/${container.toLowerCase()}`;
        let c = this.containers.get(k);
        if (!c)
            this.containers.set(k, (c = { storageAccountId, account, container, blobs: [] }));
        const blob = { name, createdAt: now, content };
        c.blobs.push(blob);
        return blob;
    }
    listContainers() {
        return [...this.containers.values()].map((c) => ({ storageAccountId: c.storageAccountId, account: c.account, container: c.container, blobCount: c.blobs.length }));
    }
    container(account, container) {
        return this.containers.get(`${account.toLowerCase()}/${container.toLowerCase()}`);
    }
    /** Appends a delivered event to its destination's queue. */
    enqueue(endpointType, resourceId, queueName, message) {
        const k = `${endpointType.toLowerCase()}|${resourceId.toLowerCase()}|${(queueName ?? '').toLowerCase()}`;
        let q = this.queues.get(k);
        if (!q)
            this.queues.set(k, (q = { id: `${endpointType.toLowerCase()}-${this.queues.size + 1}`, endpointType, resourceId, queueName, messages: [] }));
        q.messages.push(message);
        if (q.messages.length > MAX_MESSAGES * 1.1)
            q.messages.splice(0, q.messages.length - MAX_MESSAGES);
        return q;
    }
    listQueues() {
        return [...this.queues.values()].map(({ messages, ...q }) => ({ ...q, count: messages.length }));
    }
    queue(id) {
        return [...this.queues.values()].find((q) => q.id === id.toLowerCase());
    }
    clearContainers() {
        this.containers.clear();
    }
    clearQueues() {
        this.queues.clear();
    }
    clear() {
        this.clearContainers();
        this.clearQueues();
    }
}

;// CONCATENATED MODULE: ./sandbox/delivery/index.ts







const CLOUD_EVENTS = 'CloudEventSchemaV1_0';
class DeliveryEngine {
    ctx;
    metrics;
    storage = new SandboxStorage();
    eventGrid;
    streams;
    constructor(ctx) {
        this.ctx = ctx;
        this.metrics = new MetricStore(ctx);
        this.eventGrid = new EventGridRuntime(ctx, this.metrics, this.storage);
        this.streams = new Auth0Streams(ctx, this.eventGrid);
    }
    recordWritten(tenant, record) {
        this.streams.recordWritten(tenant, record);
    }
    streamCreated(tenant, stream, startFrom) {
        this.streams.streamCreated(tenant, stream, startFrom);
    }
    streamChanged(tenant, stream, previousStatus) {
        this.streams.streamChanged(tenant, stream, previousStatus);
    }
    streamDeleted(tenant, stream) {
        this.streams.streamDeleted(tenant, stream);
    }
    streamHealth(tenant, stream) {
        return this.streams.health(tenant, stream);
    }
    topicActivationChanged(topic) {
        this.streams.topicActivationChanged(topic);
    }
    /** Webhook validation while the subscription is provisioned (settings.validateWebhooks). */
    validateSubscription(topic, es) {
        if (!this.ctx.settings.validateWebhooks)
            return undefined;
        const dest = es.properties?.destination ?? es.properties?.deliveryWithResourceIdentity?.destination;
        // Azure Functions (and Azure-resource destinations) are validated by Azure itself; only webhooks shake hands.
        if (dest?.endpointType !== 'WebHook')
            return undefined;
        const url = dest.properties?.endpointUrl ?? '';
        const schema = es.properties?.eventDeliverySchema ?? CLOUD_EVENTS;
        return this.validate(url, schema, es.name, topic.resource.id).then((r) => r.error);
    }
    /** Runs the handshake of `schema` against `url` and records it. */
    async validate(url, schema, subscription, topicId) {
        const agent = this.eventGrid.agent();
        const timeout = this.ctx.settings.deliveryTimeoutMs;
        const now = this.ctx.clock.now();
        const r = schema === CLOUD_EVENTS
            ? await (0,webhook/* validateCloudEventsEndpoint */.mk)(agent, url, timeout, now)
            : await (0,webhook/* validateEventGridEndpoint */.MD)(agent, url, timeout, now, topicId, `${this.ctx.endpoints.arm}/_sandbox/webhooks/validation/${encodeURIComponent(subscription)}`);
        this.eventGrid.recordValidation({
            at: this.ctx.clock.iso(),
            eventSubscription: subscription,
            endpointBaseUrl: (0,webhook/* baseUrl */.pc)(url),
            schema,
            method: r.exchange.method,
            status: r.exchange.status,
            error: r.exchange.error,
            succeeded: !r.error,
            message: r.error?.message,
            allowedRate: r.allowedRate,
        });
        return { error: r.error, allowedRate: r.allowedRate, method: r.exchange.method, status: r.exchange.status };
    }
    reset() {
        this.eventGrid.reset();
        this.metrics.clear();
        this.storage.clear();
    }
    async stop() {
        this.eventGrid.stop();
    }
    /** The admin view: each eventgrid stream's publishing state and each subscription's delivery state. */
    view() {
        const streams = [];
        for (const t of this.ctx.world.auth0Tenants.values()) {
            for (const s of t.logStreams.values()) {
                if (s.type !== 'eventgrid')
                    continue;
                streams.push({ tenant: t.name, id: s.id, name: s.name, status: s.status, ...this.streams.health(t.name, s) });
            }
        }
        return { streams, subscriptions: this.eventGrid.view(), validations: this.eventGrid.validations };
    }
}
function engineOf(ctx) {
    if (!(ctx.delivery instanceof DeliveryEngine))
        throw new http_HttpError(409, 'DeliveryNotRunning', 'Event delivery is not running in this sandbox.');
    return ctx.delivery;
}
const DEADLETTER = /^\/_sandbox\/deadletter\/(?<account>[^/]+)\/(?<container>[^/]+)(?:\/(?<blob>.+?))?\/?$/;
/** Admin routes of the delivery engine (mounted by admin/index.ts on every listener). */
function deliveryAdminRoutes(ctx) {
    return [
        { method: 'GET', pattern: path('/_sandbox/delivery', ''), operation: 'admin.delivery', handler: () => ({ status: 200, body: engineOf(ctx).view() }) },
        {
            method: 'POST',
            pattern: path('/_sandbox/webhooks/validate', ''),
            operation: 'admin.webhooks.validate',
            handler: async (c) => {
                const b = c.body && typeof c.body === 'object' ? c.body : {};
                const url = typeof b.endpointUrl === 'string' ? b.endpointUrl : '';
                const schema = typeof b.eventDeliverySchema === 'string' ? b.eventDeliverySchema : CLOUD_EVENTS;
                if (!/^https:\/\//i.test(url))
                    throw new http_HttpError(400, 'InvalidEndpoint', 'Send {"endpointUrl": "https://…", "eventDeliverySchema"?: "CloudEventSchemaV1_0" | "EventGridSchema"}.');
                if (![CLOUD_EVENTS, 'EventGridSchema', 'CustomInputSchema'].includes(schema))
                    throw new http_HttpError(400, 'InvalidSchema', `Unknown eventDeliverySchema '${schema}'.`);
                const r = await engineOf(ctx).validate(url, schema, 'sandbox-validation', '/providers/Microsoft.EventGrid/sandbox');
                return { status: 200, body: { succeeded: !r.error, schema, method: r.method, status: r.status, allowedRate: r.allowedRate, error: r.error } };
            },
        },
        {
            method: 'GET',
            pattern: path('/_sandbox/deadletter', ''),
            operation: 'admin.deadletter',
            handler: () => ({ status: 200, body: { value: engineOf(ctx).storage.listContainers() } }),
        },
        {
            method: 'GET',
            pattern: DEADLETTER,
            operation: 'admin.deadletter.read',
            handler: (c) => {
                const { account, container, blob } = c.params;
                const found = engineOf(ctx).storage.container(account, container);
                if (!found)
                    throw new http_HttpError(404, 'ContainerNotFound', `The dead-letter container '${container}' of storage account '${account}' has no blobs.`);
                if (!blob)
                    return { status: 200, body: { value: found.blobs, count: found.blobs.length } };
                const b = found.blobs.find((x) => x.name.toLowerCase() === blob.toLowerCase());
                if (!b)
                    throw new http_HttpError(404, 'BlobNotFound', `The blob '${blob}' does not exist in container '${container}'.`);
                return { status: 200, body: b.content };
            },
        },
        { method: 'DELETE', pattern: path('/_sandbox/deadletter', ''), operation: 'admin.deadletter.clear', handler: () => (engineOf(ctx).storage.clearContainers(), { status: 204 }) },
        {
            method: 'GET',
            pattern: path('/_sandbox/destinations', ''),
            operation: 'admin.destinations',
            handler: () => ({ status: 200, body: { value: engineOf(ctx).storage.listQueues() } }),
        },
        {
            method: 'GET',
            pattern: path('/_sandbox/destinations/{id}', ''),
            operation: 'admin.destinations.read',
            handler: (c) => {
                const q = engineOf(ctx).storage.queue(c.params.id);
                if (!q)
                    throw new http_HttpError(404, 'QueueNotFound', `No destination queue '${c.params.id}'. GET /_sandbox/destinations lists them.`);
                const since = Math.max(0, Number(c.query.get('since') ?? 0) || 0);
                const take = c.query.get('take') === null ? undefined : Math.max(0, Number(c.query.get('take')) || 0);
                const messages = q.messages.slice(since, take === undefined ? undefined : since + take);
                return { status: 200, body: { ...q, messages, count: q.messages.length } };
            },
        },
        { method: 'DELETE', pattern: path('/_sandbox/destinations', ''), operation: 'admin.destinations.clear', handler: () => (engineOf(ctx).storage.clearQueues(), { status: 204 }) },
    ];
}

;// CONCATENATED MODULE: ./sandbox/admin/index.ts
/**
 * The admin API under /_sandbox/ (on every listener): state dump, reset, seed, request log,
 * scripted faults, the clock and settings. Tests and benchmarks drive the sandbox through it.
 */







const admin_DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** Parses `90s`, `15m`, `7d`, `250ms` or a number of milliseconds. */
function parseDuration(v) {
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0)
        return v;
    const m = typeof v === 'string' ? admin_DURATION.exec(v.trim()) : null;
    if (!m)
        throw new http_HttpError(400, 'InvalidDuration', `"${String(v)}" is not a duration: use milliseconds or a number with ms, s, m, h or d (e.g. "7d").`);
    return Number(m[1]) * UNIT_MS[m[2]];
}
/** The world as JSON (Maps become objects / arrays). */
function dumpState(ctx) {
    const w = ctx.world;
    return {
        clock: { now: ctx.clock.iso(), offsetMs: ctx.clock.offset() },
        subscriptions: [...w.subscriptions.values()].map((s) => ({
            subscriptionId: s.subscriptionId,
            displayName: s.displayName,
            tenantId: s.tenantId,
            providers: [...s.providers.values()],
            resourceGroups: [...s.resourceGroups.values()].map((g) => ({
                name: g.name,
                location: g.location,
                tags: g.tags,
                partnerConfiguration: g.partnerConfiguration ?? null,
                partnerTopics: [...g.partnerTopics.values()].map((t) => ({
                    ...t.resource,
                    createdBy: t.createdBy,
                    eventSubscriptions: [...t.eventSubscriptions.values()],
                })),
            })),
        })),
        principals: [...w.principals.values()].map((p) => ({ ...p, secrets: p.secrets.map(() => '***') })),
        auth0Tenants: [...w.auth0Tenants.values()].map((t) => ({
            name: t.name,
            domain: t.domain,
            clients: [...t.clients.values()].map((c) => ({ clientId: c.clientId, name: c.name, scopes: c.scopes })),
            logStreams: [...t.logStreams.values()],
            logCount: t.logs.length,
            streamLimit: t.streamLimit,
        })),
        github: w.github,
    };
}
const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS);
function patchSettings(ctx, body) {
    if (!body || typeof body !== 'object')
        throw new http_HttpError(400, 'InvalidSettings', 'Send a JSON object of settings.');
    for (const [k, v] of Object.entries(body)) {
        if (!SETTING_KEYS.includes(k)) {
            throw new http_HttpError(400, 'InvalidSettings', `Unknown setting "${k}". Known: ${SETTING_KEYS.join(', ')}.`);
        }
        const def = DEFAULT_SETTINGS[k];
        if (typeof def === 'number' && (typeof v !== 'number' || !Number.isFinite(v) || v < 0)) {
            throw new http_HttpError(400, 'InvalidSettings', `Setting "${k}" must be a non-negative number.`);
        }
        if (typeof def === 'boolean' && typeof v !== 'boolean') {
            throw new http_HttpError(400, 'InvalidSettings', `Setting "${k}" must be true or false.`);
        }
        if ((k === 'streamPublishAttempts' || k === 'deliveryConcurrency') && (!Number.isInteger(v) || v < 1)) {
            throw new http_HttpError(400, 'InvalidSettings', `Setting "${k}" must be an integer of at least 1.`);
        }
        if (k === 'deliveryTimeoutMs' && v < 1) {
            throw new http_HttpError(400, 'InvalidSettings', 'Setting "deliveryTimeoutMs" must be at least 1 (ms).');
        }
        if ((k === 'cloudEventType' || k === 'cloudEventSubject') && typeof v !== 'string') {
            throw new http_HttpError(400, 'InvalidSettings', `Setting "${k}" must be a string template using {code}, {category}, {tenant}, {stream}, {log_id}.`);
        }
        if (k === 'cloudEventType' && !v.trim()) {
            throw new http_HttpError(400, 'InvalidSettings', 'Setting "cloudEventType" must not be empty: a CloudEvent needs a type.');
        }
        if (k === 'streamFailureLogCode' && (typeof v !== 'string' || (v !== '' && !log_codes/* LOG_CODES */.G[v]))) {
            throw new http_HttpError(400, 'InvalidSettings', `Setting "streamFailureLogCode" must be an Auth0 log event code (e.g. "wn", "depnote"), or "" to write no failure record; got ${JSON.stringify(v)}.`);
        }
        if (k === 'armRateLimitScope' && v !== 'subscription' && v !== 'global') {
            throw new http_HttpError(400, 'InvalidSettings', 'Setting "armRateLimitScope" must be "subscription" or "global".');
        }
        if (k === 'partnerTopicNaming' && v !== 'resource-name' && v !== 'partner-path') {
            throw new http_HttpError(400, 'InvalidSettings', 'Setting "partnerTopicNaming" must be "resource-name" or "partner-path".');
        }
    }
    Object.assign(ctx.settings, body);
    return ctx.settings;
}
function adminService(ctx) {
    const routes = [
        { method: 'GET', pattern: path('/_sandbox/state', ''), operation: 'admin.state', handler: () => ({ status: 200, body: dumpState(ctx) }) },
        { method: 'GET', pattern: path('/_sandbox/endpoints', ''), operation: 'admin.endpoints', handler: () => ({ status: 200, body: ctx.endpoints }) },
        {
            method: 'POST',
            pattern: path('/_sandbox/reset', ''),
            operation: 'admin.reset',
            handler: async (c) => {
                if (c.body !== undefined) {
                    try {
                        validateSeed(c.body);
                    }
                    catch (e) {
                        throw new http_HttpError(400, 'InvalidSeed', e.message);
                    }
                }
                await ctx.reset(c.body);
                return { status: 200, body: { reset: true, endpoints: ctx.endpoints } };
            },
        },
        {
            method: 'POST',
            pattern: path('/_sandbox/seed', ''),
            operation: 'admin.seed',
            handler: async (c) => {
                try {
                    validateSeed(c.body ?? {});
                }
                catch (e) {
                    throw new http_HttpError(400, 'InvalidSeed', e.message);
                }
                await ctx.addSeed(c.body ?? {});
                return { status: 200, body: { seeded: true, endpoints: ctx.endpoints } };
            },
        },
        {
            method: 'GET',
            pattern: path('/_sandbox/requests', ''),
            operation: 'admin.requests',
            handler: (c) => {
                const since = Number(c.query.get('since') ?? 0);
                const service = (c.query.get('service') ?? undefined);
                const entries = ctx.requestLog.list({ since: Number.isFinite(since) ? since : 0, service, writesOnly: c.query.get('writes') === 'true' });
                return { status: 200, body: { mark: ctx.requestLog.mark(), value: entries } };
            },
        },
        { method: 'DELETE', pattern: path('/_sandbox/requests', ''), operation: 'admin.requests.clear', handler: () => (ctx.requestLog.clear(), { status: 204 }) },
        { method: 'GET', pattern: path('/_sandbox/faults', ''), operation: 'admin.faults', handler: () => ({ status: 200, body: { value: ctx.faults.list() } }) },
        {
            method: 'POST',
            pattern: path('/_sandbox/faults', ''),
            operation: 'admin.faults.add',
            handler: (c) => {
                const specs = Array.isArray(c.body) ? c.body : [c.body];
                try {
                    const added = specs.map((s) => ctx.faults.add(s ?? {}));
                    return { status: 201, body: { value: added } };
                }
                catch (e) {
                    throw new http_HttpError(400, 'InvalidFault', e.message);
                }
            },
        },
        { method: 'DELETE', pattern: path('/_sandbox/faults', ''), operation: 'admin.faults.clear', handler: () => (ctx.faults.clear(), { status: 204 }) },
        { method: 'GET', pattern: path('/_sandbox/clock', ''), operation: 'admin.clock', handler: () => ({ status: 200, body: { now: ctx.clock.iso(), offsetMs: ctx.clock.offset() } }) },
        {
            method: 'POST',
            pattern: path('/_sandbox/clock', ''),
            operation: 'admin.clock.advance',
            handler: (c) => {
                const b = c.body ?? {};
                if (b.set !== undefined) {
                    const at = Date.parse(String(b.set));
                    if (Number.isNaN(at))
                        throw new http_HttpError(400, 'InvalidClock', `"set" must be an ISO 8601 date, got "${b.set}".`);
                    if (at < ctx.clock.now())
                        throw new http_HttpError(400, 'InvalidClock', 'The sandbox clock only moves forward.');
                    ctx.clock.set(at);
                }
                else if (b.advance !== undefined) {
                    ctx.clock.advance(parseDuration(b.advance));
                }
                else {
                    throw new http_HttpError(400, 'InvalidClock', 'Send {"advance": "7d"} (or milliseconds) or {"set": "<ISO date>"}.');
                }
                return { status: 200, body: { now: ctx.clock.iso(), offsetMs: ctx.clock.offset() } };
            },
        },
        { method: 'GET', pattern: path('/_sandbox/settings', ''), operation: 'admin.settings', handler: () => ({ status: 200, body: ctx.settings }) },
        { method: 'PATCH', pattern: path('/_sandbox/settings', ''), operation: 'admin.settings.patch', handler: (c) => ({ status: 200, body: patchSettings(ctx, c.body) }) },
        ...auth0AdminRoutes(ctx),
        ...githubAdminRoutes(ctx),
        // Event delivery: stream/subscription state, webhook validation, dead-letter containers, destination queues.
        ...deliveryAdminRoutes(ctx),
    ];
    return {
        name: 'admin',
        routes,
        errorBody: (err) => ({ error: { code: err.code, message: err.message } }),
    };
}

;// CONCATENATED MODULE: ./sandbox/arm/auth.ts
/**
 * ARM authentication (Entra ID bearer tokens) and authorization (Azure RBAC), with ARM's 401 and 403
 * answers. Verified tokens are cached by the TokenVerifier; RBAC decisions are cached per principal's
 * role-assignment list so the hot path does no regular-expression work.
 */


const ARM_AUDIENCES = [
    'https://management.core.windows.net/',
    'https://management.core.windows.net',
    'https://management.azure.com/',
    'https://management.azure.com',
];
const AUDIENCES = new Set(ARM_AUDIENCES);
function challenge(ctx, tenant, description) {
    const authority = `${ctx.endpoints.entra || 'https://login.microsoftonline.com'}/${tenant ?? ''}`;
    return {
        'WWW-Authenticate': `Bearer authorization_uri="${authority}", error="invalid_token", error_description="${description.replace(/"/g, "'")}"`,
    };
}
/** ARM's way of printing a UTC time in token errors: `3/5/2024 2:47:06 AM`. */
function armUtc(ms) {
    const d = new Date(ms);
    const h = d.getUTCHours();
    const h12 = h % 12 === 0 ? 12 : h % 12;
    const pad = (n) => String(n).padStart(2, '0');
    return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}
/**
 * Verifies the bearer token of a request. `tenantHint` (the subscription's tenant, when known) goes into
 * the challenge's authorization_uri, as ARM does for tenant discovery.
 */
async function arm_auth_authenticate(ctx, c, tenantHint) {
    const header = c.headers.authorization;
    if (!header) {
        throw new http_HttpError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.", challenge(ctx, tenantHint, "The authentication failed because of missing 'Authorization' header."));
    }
    const space = header.indexOf(' ');
    const scheme = space > 0 ? header.slice(0, space) : header;
    const token = space > 0 ? header.slice(space + 1).trim() : '';
    if (scheme.toLowerCase() !== 'bearer' || !token) {
        throw new http_HttpError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is provided in an invalid format.", challenge(ctx, tenantHint, "The authentication failed because of invalid 'Authorization' header."));
    }
    const now = ctx.clock.now();
    let claims;
    try {
        claims = (await ctx.verifiers.entra.verify(token, now));
    }
    catch (e) {
        const err = e;
        if (err.code === 'ERR_JWT_EXPIRED' || /"exp" claim/.test(err.message)) {
            const exp = expOf(token);
            const message = exp
                ? `The access token expiry UTC time '${armUtc(exp * 1000)}' is earlier than current UTC time '${armUtc(now)}'.`
                : 'The access token has expired.';
            throw new http_HttpError(401, 'ExpiredAuthenticationToken', message, challenge(ctx, tenantHint, 'The access token has expired.'));
        }
        throw new http_HttpError(401, 'InvalidAuthenticationToken', 'The access token is invalid.', challenge(ctx, tenantHint, 'The access token is invalid.'));
    }
    const aud = Array.isArray(claims.aud) ? claims.aud[0] : claims.aud;
    if (typeof aud !== 'string' || !AUDIENCES.has(aud)) {
        const allowed = ARM_AUDIENCES.map((a) => `'${a}'`).join(',');
        throw new http_HttpError(401, 'InvalidAuthenticationTokenAudience', `The access token has been obtained for wrong audience or resource '${aud ?? ''}'. It should exactly match with one of the allowed audiences ${allowed}.`, challenge(ctx, tenantHint, 'The access token has been obtained for wrong audience or resource.'));
    }
    const appid = typeof claims.appid === 'string' ? claims.appid : typeof claims.azp === 'string' ? claims.azp : undefined;
    const tid = typeof claims.tid === 'string' ? claims.tid : undefined;
    const oid = typeof claims.oid === 'string' ? claims.oid : undefined;
    if (!tid || (!appid && !oid)) {
        throw new http_HttpError(401, 'InvalidAuthenticationToken', "The received access token is not valid: at least one of the claims 'puid' or 'altsecid' or 'oid' should be present. If you are accessing as application please make sure service principal is properly created in the tenant.", challenge(ctx, tenantHint, 'The access token is invalid.'));
    }
    const principal = appid ? ctx.world.principals.get(appid.toLowerCase()) : undefined;
    return { claims, principal, objectId: oid ?? principal?.objectId ?? appid, tenantId: tid };
}
function expOf(token) {
    try {
        const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
        return typeof payload.exp === 'number' ? payload.exp : undefined;
    }
    catch {
        return undefined;
    }
}
// ---- authorization --------------------------------------------------------------------------------
const decisions = new WeakMap();
/** rbac.isAllowed, memoized per role-assignment list (its length is part of the key, so pushes invalidate). */
function allowed(principal, action, scope) {
    if (!principal)
        return false;
    const list = principal.roleAssignments;
    let m = decisions.get(list);
    if (!m)
        decisions.set(list, (m = new Map()));
    const k = `${list.length}|${action}|${scope.toLowerCase()}`;
    let ok = m.get(k);
    if (ok === undefined) {
        ok = isAllowed(principal, action, scope);
        if (m.size > 5000)
            m.clear();
        m.set(k, ok);
    }
    return ok;
}
function authorizationFailed(caller, action, scope) {
    const oid = caller.objectId;
    return new http_HttpError(403, 'AuthorizationFailed', `The client '${oid}' with object id '${oid}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`);
}
/** Whether the principal holds any role assignment at or below the subscription (or above it, at its root). */
function isMemberOf(principal, subscriptionId) {
    if (!principal)
        return false;
    const prefix = `/subscriptions/${subscriptionId.toLowerCase()}`;
    return principal.roleAssignments.some((ra) => {
        const s = ra.scope.toLowerCase().replace(/\/+$/, '');
        return s === prefix || s.startsWith(prefix + '/');
    });
}

;// CONCATENATED MODULE: ./sandbox/arm/eventgrid-schema.ts
const EVENTGRID_DEFINITIONS = {
    AdvancedFilter: { "required": ["operatorType"], "type": "object", "properties": { "operatorType": { "enum": ["NumberIn", "NumberNotIn", "NumberLessThan", "NumberGreaterThan", "NumberLessThanOrEquals", "NumberGreaterThanOrEquals", "BoolEquals", "StringIn", "StringNotIn", "StringBeginsWith", "StringEndsWith", "StringContains", "NumberInRange", "NumberNotInRange", "StringNotBeginsWith", "StringNotEndsWith", "StringNotContains", "IsNullOrUndefined", "IsNotNull"], "type": "string" }, "key": { "type": "string" } }, "discriminator": "operatorType" },
    AzureFunctionEventSubscriptionDestination: { "type": "object", "allOf": [{ "$ref": "EventSubscriptionDestination" }], "properties": { "properties": { "$ref": "AzureFunctionEventSubscriptionDestinationProperties" } }, "x-ms-discriminator-value": "AzureFunction" },
    AzureFunctionEventSubscriptionDestinationProperties: { "type": "object", "properties": { "resourceId": { "format": "arm-id", "type": "string" }, "maxEventsPerBatch": { "format": "int32", "default": 1, "type": "integer" }, "preferredBatchSizeInKilobytes": { "format": "int32", "default": 64, "type": "integer" }, "deliveryAttributeMappings": { "type": "array", "items": { "$ref": "DeliveryAttributeMapping" } } } },
    BoolEqualsAdvancedFilter: { "type": "object", "allOf": [{ "$ref": "AdvancedFilter" }], "properties": { "value": { "type": "boolean" } }, "x-ms-discriminator-value": "BoolEquals" },
    DeadLetterDestination: { "type": "object", "required": ["endpointType"], "properties": { "endpointType": { "enum": ["StorageBlob"], "type": "string" } }, "discriminator": "endpointType" },
    DeadLetterWithResourceIdentity: { "type": "object", "properties": { "identity": { "$ref": "EventSubscriptionIdentity" }, "deadLetterDestination": { "$ref": "DeadLetterDestination" } } },
    DeliveryAttributeMapping: { "required": ["type"], "type": "object", "properties": { "name": { "type": "string" }, "type": { "enum": ["Static", "Dynamic"], "type": "string" } }, "discriminator": "type" },
    DeliveryWithResourceIdentity: { "type": "object", "properties": { "identity": { "$ref": "EventSubscriptionIdentity" }, "destination": { "$ref": "EventSubscriptionDestination" } } },
    DynamicDeliveryAttributeMapping: { "type": "object", "allOf": [{ "$ref": "DeliveryAttributeMapping" }], "properties": { "properties": { "$ref": "DynamicDeliveryAttributeMappingProperties" } }, "x-ms-discriminator-value": "Dynamic" },
    DynamicDeliveryAttributeMappingProperties: { "type": "object", "properties": { "sourceField": { "type": "string" } } },
    EventHubEventSubscriptionDestination: { "type": "object", "allOf": [{ "$ref": "EventSubscriptionDestination" }], "properties": { "properties": { "$ref": "EventHubEventSubscriptionDestinationProperties" } }, "x-ms-discriminator-value": "EventHub" },
    EventHubEventSubscriptionDestinationProperties: { "type": "object", "properties": { "resourceId": { "type": "string", "format": "arm-id" }, "deliveryAttributeMappings": { "type": "array", "items": { "$ref": "DeliveryAttributeMapping" } } } },
    EventSubscription: { "type": "object", "allOf": [{ "$ref": "Resource" }], "properties": { "properties": { "$ref": "EventSubscriptionProperties" }, "systemData": { "type": "object", "readOnly": true } } },
    EventSubscriptionDestination: { "required": ["endpointType"], "type": "object", "properties": { "endpointType": { "enum": ["WebHook", "EventHub", "StorageQueue", "HybridConnection", "ServiceBusQueue", "ServiceBusTopic", "AzureFunction", "MonitorAlert", "NamespaceTopic"], "type": "string" } }, "discriminator": "endpointType" },
    EventSubscriptionFilter: { "type": "object", "properties": { "subjectBeginsWith": { "type": "string" }, "subjectEndsWith": { "type": "string" }, "includedEventTypes": { "type": "array", "items": { "type": "string" } }, "isSubjectCaseSensitive": { "default": false, "type": "boolean" }, "enableAdvancedFilteringOnArrays": { "type": "boolean" }, "advancedFilters": { "type": "array", "items": { "$ref": "AdvancedFilter" } } } },
    EventSubscriptionIdentity: { "type": "object", "properties": { "type": { "enum": ["SystemAssigned", "UserAssigned"], "type": "string" }, "userAssignedIdentity": { "type": "string" } } },
    EventSubscriptionProperties: { "type": "object", "properties": { "topic": { "type": "string", "readOnly": true }, "provisioningState": { "enum": ["Creating", "Updating", "Deleting", "Succeeded", "Canceled", "Failed", "AwaitingManualAction"], "type": "string", "readOnly": true }, "destination": { "$ref": "EventSubscriptionDestination" }, "deliveryWithResourceIdentity": { "$ref": "DeliveryWithResourceIdentity" }, "filter": { "$ref": "EventSubscriptionFilter" }, "labels": { "type": "array", "items": { "type": "string" } }, "expirationTimeUtc": { "format": "date-time", "type": "string" }, "eventDeliverySchema": { "default": "EventGridSchema", "enum": ["EventGridSchema", "CustomInputSchema", "CloudEventSchemaV1_0"], "type": "string" }, "retryPolicy": { "$ref": "RetryPolicy" }, "deadLetterDestination": { "$ref": "DeadLetterDestination" }, "deadLetterWithResourceIdentity": { "$ref": "DeadLetterWithResourceIdentity" } } },
    EventSubscriptionUpdateParameters: { "type": "object", "properties": { "destination": { "$ref": "EventSubscriptionDestination" }, "deliveryWithResourceIdentity": { "$ref": "DeliveryWithResourceIdentity" }, "filter": { "$ref": "EventSubscriptionFilter" }, "labels": { "type": "array", "items": { "type": "string" } }, "expirationTimeUtc": { "format": "date-time", "type": "string" }, "eventDeliverySchema": { "enum": ["EventGridSchema", "CustomInputSchema", "CloudEventSchemaV1_0"], "type": "string" }, "retryPolicy": { "$ref": "RetryPolicy" }, "deadLetterDestination": { "$ref": "DeadLetterDestination" }, "deadLetterWithResourceIdentity": { "$ref": "DeadLetterWithResourceIdentity" } } },
    EventTypeInfo: { "type": "object", "properties": { "kind": { "enum": ["Inline"], "type": "string" }, "inlineEventTypes": { "type": "object", "additionalProperties": { "$ref": "InlineEventProperties" } } } },
    HybridConnectionEventSubscriptionDestination: { "type": "object", "allOf": [{ "$ref": "EventSubscriptionDestination" }], "properties": { "properties": { "$ref": "HybridConnectionEventSubscriptionDestinationProperties" } }, "x-ms-discriminator-value": "HybridConnection" },
    HybridConnectionEventSubscriptionDestinationProperties: { "type": "object", "properties": { "resourceId": { "format": "arm-id", "type": "string" }, "deliveryAttributeMappings": { "type": "array", "items": { "$ref": "DeliveryAttributeMapping" } } } },
    IdentityInfo: { "type": "object", "properties": { "type": { "enum": ["None", "SystemAssigned", "UserAssigned", "SystemAssigned, UserAssigned"], "type": "string" }, "principalId": { "type": "string" }, "tenantId": { "type": "string" }, "userAssignedIdentities": { "type": "object", "additionalProperties": { "$ref": "UserIdentityProperties" } } } },
    InlineEventProperties: { "type": "object", "properties": { "description": { "type": "string" }, "displayName": { "type": "string" }, "documentationUrl": { "type": "string" }, "dataSchemaUrl": { "type": "string" } } },
    IsNotNullAdvancedFilter: { "type": "object", "allOf": [{ "$ref": "AdvancedFilter" }], "properties": {}, "x-ms-discriminator-value": "IsNotNull" },
    IsNullOrUndefinedAdvancedFilter: { "type": "object", "allOf": [{ "$ref": "AdvancedFilter" }], "properties": {}, "x-ms-discriminator-value": "IsNullOrUndefined" },
    MonitorAlertEventSubscriptionDestination: { "type": "object", "allOf": [{ "$ref": "EventSubscriptionDestination" }], "properties": { "properties": { "$ref": "MonitorAlertEventSubscriptionDestinationProperties" } }, "x-ms-discriminator-value": "MonitorAlert" },
    MonitorAlertEventSubscriptionDestinationProperties: { "type": "object", "properties": { "severity": { "enum": ["Sev0", "Sev1", "Sev2", "Sev3", "Sev4"], "type": "string" }, "description": { "type": "string" }, "actionGroups": { "type": "array", "items": { "format": "arm-id", "type": "string" } } } },
    NamespaceTopicEventSubscriptionDestination: { "type": "object", "allOf": [{ "$ref": "EventSubscriptionDestination" }], "properties": { "properties": { "$ref": "NamespaceTopicEventSubscriptionDestinationProperties" } }, "x-ms-discriminator-value": "NamespaceTopic" },
    NamespaceTopicEventSubscriptionDestinationProperties: { "type": "object", "properties": { "resourceId": { "format": "arm-id", "type": "string" } } },
    NumberGreaterThanAdvancedFilter: { "type": "object", "allOf": [{ "$ref": "AdvancedFilter" }], "properties": { "value": { "format": "double", "type": "number" } }, "x-ms-discriminator-value": "NumberGreaterThan" },
    NumberGreaterThanOrEqualsAdvancedFilter: { "type": "object", "allOf": [{ "$ref": "AdvancedFilter" }], "properties": { "value": { "format": "double", "type": "number" } }, "x-ms-discriminator-value": "NumberGreaterThanOrEquals" },
    NumberInAdvancedFilter: { "type": "object", "allOf": [{ "$ref": "AdvancedFilter" }], "properties": { "values": { "type": "array", "items": { "format": "double", "type": "number" } } }, "x-ms-discriminator-value": "NumberIn" },
    NumberInRangeAdvancedFilter: { "type": "object", "allOf": [{ "$ref": "AdvancedFilter" }], "properties": { "values": { "type": "array", "items": { "type": "array", "items": { "format": "double", "type": "number" } } } }, "x-ms-discriminator-value": "NumberInRange" },
    NumberLessThanAdvancedFilter: { "type": "object", "allOf": [{ "$ref": "AdvancedFilter" }], "properties": { "value": { "format": "double", "type": "number" } }, "x-ms-discriminator-value": "NumberLessThan" },
    NumberLessThanOrEqualsAdvancedFilter: { "type": "object", "allOf": [{ "$ref": "AdvancedFilter" }], "properties": { "value": { "format": "double", "type": "number" } }, "x-ms-discriminator-value": "NumberLessThanOrEquals" },
    NumberNotInAdvancedFilter: { "type": "object", "allOf": [{ "$ref": "AdvancedFilter" }], "properties": { "values": { "type": "array", "items": { "format": "double", "type": "number" } } }, "x-ms-discriminator-value": "NumberNotIn" },
    NumberNotInRangeAdvancedFilter: { "type": "object", "allOf": [{ "$ref": "AdvancedFilter" }], "properties": { "values": { "type": "array", "items": { "type": "array", "items": { "format": "double", "type": "number" } } } }, "x-ms-discriminator-value": "NumberNotInRange" },
    Partner: { "type": "object", "properties": { "partnerRegistrationImmutableId": { "format": "uuid", "type": "string" }, "partnerName": { "type": "string" }, "authorizationExpirationTimeInUtc": { "format": "date-time", "type": "string" } } },
    PartnerAuthorization: { "type": "object", "properties": { "defaultMaximumExpirationTimeInDays": { "format": "int32", "type": "integer" }, "authorizedPartnersList": { "type": "array", "items": { "$ref": "Partner" } } } },
    PartnerConfiguration: { "type": "object", "allOf": [{ "$ref": "Resource" }], "properties": { "properties": { "$ref": "PartnerConfigurationProperties" }, "systemData": { "type": "object", "readOnly": true }, "location": { "type": "string" }, "tags": { "type": "object", "additionalProperties": { "type": "string" } } } },
    PartnerConfigurationProperties: { "type": "object", "properties": { "partnerAuthorization": { "$ref": "PartnerAuthorization" }, "provisioningState": { "enum": ["Creating", "Updating", "Deleting", "Succeeded", "Canceled", "Failed"], "type": "string" } } },
    PartnerConfigurationUpdateParameterProperties: { "type": "object", "properties": { "defaultMaximumExpirationTimeInDays": { "format": "int32", "type": "integer" } } },
    PartnerConfigurationUpdateParameters: { "type": "object", "properties": { "tags": { "type": "object", "additionalProperties": { "type": "string" } }, "properties": { "$ref": "PartnerConfigurationUpdateParameterProperties" } } },
    PartnerTopic: { "type": "object", "allOf": [{ "$ref": "TrackedResource" }], "properties": { "properties": { "$ref": "PartnerTopicProperties" }, "systemData": { "type": "object", "readOnly": true }, "identity": { "$ref": "IdentityInfo" } } },
    PartnerTopicProperties: { "type": "object", "properties": { "partnerRegistrationImmutableId": { "format": "uuid", "type": "string" }, "source": { "type": "string" }, "eventTypeInfo": { "$ref": "EventTypeInfo" }, "expirationTimeIfNotActivatedUtc": { "format": "date-time", "type": "string" }, "provisioningState": { "enum": ["Creating", "Updating", "Deleting", "Succeeded", "Canceled", "Failed", "IdleDueToMirroredChannelResourceDeletion"], "type": "string", "readOnly": true }, "activationState": { "enum": ["NeverActivated", "Activated", "Deactivated"], "type": "string" }, "partnerTopicFriendlyDescription": { "type": "string" }, "messageForActivation": { "type": "string" } } },
    PartnerTopicUpdateParameters: { "type": "object", "properties": { "tags": { "type": "object", "additionalProperties": { "type": "string" } }, "identity": { "$ref": "IdentityInfo" } } },
    Resource: { "type": "object", "properties": { "id": { "type": "string", "readOnly": true }, "name": { "type": "string", "readOnly": true }, "type": { "type": "string", "readOnly": true } } },
    RetryPolicy: { "type": "object", "properties": { "maxDeliveryAttempts": { "format": "int32", "default": 30, "type": "integer" }, "eventTimeToLiveInMinutes": { "format": "int32", "default": 1440, "type": "integer" } } },
    ServiceBusQueueEventSubscriptionDestination: { "type": "object", "allOf": [{ "$ref": "EventSubscriptionDestination" }], "properties": { "properties": { "$ref": "ServiceBusQueueEventSubscriptionDestinationProperties" } }, "x-ms-discriminator-value": "ServiceBusQueue" },
    ServiceBusQueueEventSubscriptionDestinationProperties: { "type": "object", "properties": { "resourceId": { "format": "arm-id", "type": "string" }, "deliveryAttributeMappings": { "type": "array", "items": { "$ref": "DeliveryAttributeMapping" } } } },
    ServiceBusTopicEventSubscriptionDestination: { "type": "object", "allOf": [{ "$ref": "EventSubscriptionDestination" }], "properties": { "properties": { "$ref": "ServiceBusTopicEventSubscriptionDestinationProperties" } }, "x-ms-discriminator-value": "ServiceBusTopic" },
    ServiceBusTopicEventSubscriptionDestinationProperties: { "type": "object", "properties": { "resourceId": { "format": "arm-id", "type": "string" }, "deliveryAttributeMappings": { "type": "array", "items": { "$ref": "DeliveryAttributeMapping" } } } },
    StaticDeliveryAttributeMapping: { "type": "object", "allOf": [{ "$ref": "DeliveryAttributeMapping" }], "properties": { "properties": { "$ref": "StaticDeliveryAttributeMappingProperties" } }, "x-ms-discriminator-value": "Static" },
    StaticDeliveryAttributeMappingProperties: { "type": "object", "properties": { "value": { "type": "string" }, "isSecret": { "default": false, "type": "boolean", "x-ms-secret": true } } },
    StorageBlobDeadLetterDestination: { "type": "object", "allOf": [{ "$ref": "DeadLetterDestination" }], "properties": { "properties": { "$ref": "StorageBlobDeadLetterDestinationProperties" } }, "x-ms-discriminator-value": "StorageBlob" },
    StorageBlobDeadLetterDestinationProperties: { "type": "object", "properties": { "resourceId": { "format": "arm-id", "type": "string" }, "blobContainerName": { "type": "string" } } },
    StorageQueueEventSubscriptionDestination: { "type": "object", "allOf": [{ "$ref": "EventSubscriptionDestination" }], "properties": { "properties": { "$ref": "StorageQueueEventSubscriptionDestinationProperties" } }, "x-ms-discriminator-value": "StorageQueue" },
    StorageQueueEventSubscriptionDestinationProperties: { "type": "object", "properties": { "resourceId": { "format": "arm-id", "type": "string" }, "queueName": { "type": "string" }, "queueMessageTimeToLiveInSeconds": { "format": "int64", "type": "integer" } } },
    StringBeginsWithAdvancedFilter: { "type": "object", "allOf": [{ "$ref": "AdvancedFilter" }], "properties": { "values": { "type": "array", "items": { "type": "string" } } }, "x-ms-discriminator-value": "StringBeginsWith" },
    StringContainsAdvancedFilter: { "type": "object", "allOf": [{ "$ref": "AdvancedFilter" }], "properties": { "values": { "type": "array", "items": { "type": "string" } } }, "x-ms-discriminator-value": "StringContains" },
    StringEndsWithAdvancedFilter: { "type": "object", "allOf": [{ "$ref": "AdvancedFilter" }], "properties": { "values": { "type": "array", "items": { "type": "string" } } }, "x-ms-discriminator-value": "StringEndsWith" },
    StringInAdvancedFilter: { "type": "object", "allOf": [{ "$ref": "AdvancedFilter" }], "properties": { "values": { "type": "array", "items": { "type": "string" } } }, "x-ms-discriminator-value": "StringIn" },
    StringNotBeginsWithAdvancedFilter: { "type": "object", "allOf": [{ "$ref": "AdvancedFilter" }], "properties": { "values": { "type": "array", "items": { "type": "string" } } }, "x-ms-discriminator-value": "StringNotBeginsWith" },
    StringNotContainsAdvancedFilter: { "type": "object", "allOf": [{ "$ref": "AdvancedFilter" }], "properties": { "values": { "type": "array", "items": { "type": "string" } } }, "x-ms-discriminator-value": "StringNotContains" },
    StringNotEndsWithAdvancedFilter: { "type": "object", "allOf": [{ "$ref": "AdvancedFilter" }], "properties": { "values": { "type": "array", "items": { "type": "string" } } }, "x-ms-discriminator-value": "StringNotEndsWith" },
    StringNotInAdvancedFilter: { "type": "object", "allOf": [{ "$ref": "AdvancedFilter" }], "properties": { "values": { "type": "array", "items": { "type": "string" } } }, "x-ms-discriminator-value": "StringNotIn" },
    TrackedResource: { "required": ["location"], "type": "object", "allOf": [{ "$ref": "Resource" }], "properties": { "location": { "type": "string" }, "tags": { "type": "object", "additionalProperties": { "type": "string" } } } },
    UserIdentityProperties: { "type": "object", "properties": { "principalId": { "type": "string" }, "clientId": { "type": "string" } } },
    WebHookEventSubscriptionDestination: { "type": "object", "allOf": [{ "$ref": "EventSubscriptionDestination" }], "properties": { "properties": { "$ref": "WebHookEventSubscriptionDestinationProperties" } }, "x-ms-discriminator-value": "WebHook" },
    WebHookEventSubscriptionDestinationProperties: { "type": "object", "properties": { "endpointUrl": { "type": "string", "x-ms-secret": true }, "endpointBaseUrl": { "type": "string", "readOnly": true }, "maxEventsPerBatch": { "format": "int32", "default": 1, "type": "integer" }, "preferredBatchSizeInKilobytes": { "format": "int32", "default": 64, "type": "integer" }, "azureActiveDirectoryTenantId": { "type": "string" }, "azureActiveDirectoryApplicationIdOrUri": { "type": "string" }, "deliveryAttributeMappings": { "type": "array", "items": { "$ref": "DeliveryAttributeMapping" } }, "minimumTlsVersionAllowed": { "enum": ["1.0", "1.1", "1.2"], "type": "string" } } },
};

;// CONCATENATED MODULE: ./sandbox/arm/validate.ts
/**
 * Request-body validation against swagger definitions, the way ARM and Event Grid answer a body that
 * breaks the schema: 400 `InvalidRequestContent` naming the JSON path (wrong types, bad enum values,
 * unknown discriminator values, missing required properties, malformed dates and GUIDs). Unknown
 * properties and read-only properties are ignored, as ARM does. Enum values are matched
 * case-insensitively and normalized to the swagger's spelling.
 */

const validate_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
function invalidContent(detail, path) {
    const where = path ? ` Path '${path}'.` : '';
    return new http_HttpError(400, 'InvalidRequestContent', `The request content was invalid and could not be deserialized: '${detail}${where}'.`);
}
/** A compiled view of a set of definitions: resolved refs, flattened allOf and discriminator maps. */
class SchemaSet {
    defs;
    /** base definition name → discriminator value → subtype definition name */
    subtypes = new Map();
    flat = new Map();
    constructor(defs) {
        this.defs = defs;
        for (const [name, def] of Object.entries(defs)) {
            const value = def['x-ms-discriminator-value'];
            if (!value)
                continue;
            for (const parent of def.allOf ?? []) {
                if (!parent.$ref)
                    continue;
                let m = this.subtypes.get(parent.$ref);
                if (!m)
                    this.subtypes.set(parent.$ref, (m = new Map()));
                m.set(value.toLowerCase(), name);
            }
        }
    }
    /** A definition with its allOf parents merged in (properties and required). */
    flatten(name) {
        let f = this.flat.get(name);
        if (f)
            return f;
        const def = this.defs[name];
        if (!def)
            throw new Error(`schema: unknown definition ${name}`);
        const properties = {};
        const required = [];
        for (const parent of def.allOf ?? []) {
            if (!parent.$ref)
                continue;
            const p = this.flatten(parent.$ref);
            Object.assign(properties, p.properties);
            required.push(...(p.required ?? []));
        }
        Object.assign(properties, def.properties);
        required.push(...(def.required ?? []));
        f = { ...def, properties, required, allOf: undefined };
        this.flat.set(name, f);
        return f;
    }
    /** Validates `value` against definition `name`; throws 400 InvalidRequestContent. */
    validate(value, name, path = '') {
        this.check(value, { $ref: name }, path);
    }
    check(value, node, path) {
        if (value === null || value === undefined)
            return;
        if (node.$ref) {
            const ref = node.$ref;
            const flat = this.flatten(ref);
            const subs = this.subtypes.get(ref);
            if (flat.discriminator && subs) {
                if (!validate_isObject(value))
                    throw invalidContent(`Expected an object for '${ref}'.`, path);
                const disc = flat.discriminator;
                const raw = value[disc];
                if (raw === undefined || raw === null)
                    throw invalidContent(`Required property '${disc}' not found in JSON.`, validate_join(path, disc));
                if (typeof raw !== 'string')
                    throw invalidContent(`Error converting value ${JSON.stringify(raw)} to type '${ref}.${disc}'.`, validate_join(path, disc));
                const sub = subs.get(raw.toLowerCase());
                if (!sub) {
                    const allowed = [...subs.keys()].map((k) => this.defs[subs.get(k)]['x-ms-discriminator-value']).join(', ');
                    throw invalidContent(`Could not resolve type '${raw}' for '${disc}' of '${ref}'. Allowed values: ${allowed}.`, validate_join(path, disc));
                }
                value[disc] = this.defs[sub]['x-ms-discriminator-value'];
                this.checkObject(value, this.flatten(sub), path, sub);
                return;
            }
            this.checkNode(value, flat, path, ref);
            return;
        }
        this.checkNode(value, node, path);
    }
    checkNode(value, node, path, typeName) {
        if (node.readOnly)
            return;
        const type = node.type ?? (node.properties ? 'object' : undefined);
        switch (type) {
            case 'object':
                if (!validate_isObject(value))
                    throw invalidContent(`Error converting value ${validate_short(value)} to type '${typeName ?? 'object'}'.`, path);
                this.checkObject(value, node, path, typeName);
                return;
            case 'array':
                if (!Array.isArray(value))
                    throw invalidContent(`Error converting value ${validate_short(value)} to type 'array'.`, path);
                if (node.items)
                    value.forEach((v, i) => this.check(v, node.items, `${path}[${i}]`));
                return;
            case 'string':
                if (typeof value !== 'string')
                    throw invalidContent(`Error converting value ${validate_short(value)} to type 'string'.`, path);
                if (node.enum) {
                    const hit = node.enum.find((e) => e.toLowerCase() === value.toLowerCase());
                    if (!hit)
                        throw invalidContent(`Error converting value "${value}": allowed values are ${node.enum.map((e) => `'${e}'`).join(', ')}.`, path);
                    return;
                }
                if (node.format === 'date-time' && (!ISO_DATE.test(value) || Number.isNaN(Date.parse(value)))) {
                    throw invalidContent(`Could not convert string to DateTime: ${value}.`, path);
                }
                if (node.format === 'uuid' && !validate_GUID.test(value))
                    throw invalidContent(`Could not convert string to Guid: ${value}.`, path);
                if (node.format === 'arm-id' && !value.startsWith('/'))
                    throw invalidContent(`'${value}' is not a valid Azure resource id.`, path);
                return;
            case 'integer':
                if (typeof value !== 'number' || !Number.isInteger(value))
                    throw invalidContent(`Error converting value ${validate_short(value)} to type 'integer'.`, path);
                if (node.format === 'int32' && (value < INT32_MIN || value > INT32_MAX))
                    throw invalidContent(`Value ${value} is too large or too small for an Int32.`, path);
                return;
            case 'number':
                if (typeof value !== 'number' || !Number.isFinite(value))
                    throw invalidContent(`Error converting value ${validate_short(value)} to type 'number'.`, path);
                return;
            case 'boolean':
                if (typeof value !== 'boolean')
                    throw invalidContent(`Error converting value ${validate_short(value)} to type 'boolean'.`, path);
                return;
            default:
                return;
        }
    }
    checkObject(value, node, path, typeName) {
        for (const r of node.required ?? []) {
            if (value[r] === undefined || value[r] === null)
                throw invalidContent(`Required property '${r}' not found in JSON${typeName ? ` for '${typeName}'` : ''}.`, validate_join(path, r));
        }
        const props = node.properties ?? {};
        for (const [k, v] of Object.entries(value)) {
            const p = props[k];
            if (p) {
                this.check(v, p, validate_join(path, k));
                if (p.enum && typeof value[k] === 'string')
                    value[k] = p.enum.find((e) => e.toLowerCase() === value[k].toLowerCase());
            }
            else if (node.additionalProperties && typeof node.additionalProperties === 'object') {
                this.check(v, node.additionalProperties, validate_join(path, k));
            }
        }
    }
}
function validate_join(path, key) {
    return path ? `${path}.${key}` : key;
}
function validate_isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function validate_short(v) {
    const s = JSON.stringify(v) ?? String(v);
    return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
/** 400 BadRequest: the body parses but Event Grid refuses its content (names, ranges, URLs, dates). */
function badRequest(message, code = 'BadRequest') {
    return new http_HttpError(400, code, message);
}
/** The top-level request body as an object (ARM answers 400 when a body is required and missing). */
function requireBody(body) {
    if (body === undefined || body === null || body === '')
        throw invalidContent('The request content is empty: a JSON object is required.', '');
    if (!validate_isObject(body))
        throw invalidContent(`Error converting value ${validate_short(body)} to an object.`, '');
    return body;
}
const EVENTGRID_NAME = /^[A-Za-z0-9-]{3,64}$/;
const isGuid = (s) => validate_GUID.test(s);

;// CONCATENATED MODULE: ./sandbox/arm/eventgrid-shared.ts




const schemas = new SchemaSet(EVENTGRID_DEFINITIONS);
/** systemData for a write by the caller (keeping the creation facts of `previous`). */
function stamp(ctx, c, previous) {
    const who = caller(c);
    return systemData(ctx, who.by, who.byType, previous?.systemData);
}
/** Defines a property that JSON.stringify (hence every answer and the state dump) leaves out. */
function eventgrid_shared_hidden(obj, prop, value) {
    Object.defineProperty(obj, prop, { value, enumerable: false, writable: true, configurable: true });
    return obj;
}
/** The day, as ms. */
const DAY_MS = 86_400_000;

;// CONCATENATED MODULE: ./sandbox/arm/odata.ts
/**
 * Event Grid's list options: `$filter` on the `name` property only, with `contains`, `startswith`,
 * `endswith`, `eq`, `ne`, `not`, `and`, `or` and parentheses (case-insensitive, as Event Grid compares
 * names), `$top` (1–100 per page, default 20) and `nextLink` paging with an opaque `$skipToken`.
 */


const cache = new Map();
function filterError(filter, why) {
    return new http_HttpError(400, 'BadRequest', `The $filter '${filter}' is not supported: ${why}. Filtering is permitted on the 'name' property only, with the functions contains, startswith and endswith and the operators eq, ne, not, and, or.`);
}
function tokenize(src) {
    const out = [];
    let i = 0;
    while (i < src.length) {
        const ch = src[i];
        if (ch === ' ' || ch === '\t') {
            i++;
        }
        else if (ch === '(' || ch === ')' || ch === ',') {
            out.push({ t: ch, v: ch });
            i++;
        }
        else if (ch === "'") {
            let s = '';
            i++;
            for (;;) {
                if (i >= src.length)
                    throw filterError(src, 'a string literal is not terminated');
                if (src[i] === "'") {
                    if (src[i + 1] === "'") {
                        s += "'";
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                s += src[i++];
            }
            out.push({ t: 'str', v: s });
        }
        else {
            let s = '';
            while (i < src.length && /[A-Za-z0-9_.]/.test(src[i]))
                s += src[i++];
            if (!s)
                throw filterError(src, `unexpected character '${ch}'`);
            out.push({ t: 'id', v: s });
        }
    }
    return out;
}
function compile(src) {
    const toks = tokenize(src);
    let pos = 0;
    const peek = () => toks[pos];
    const isKw = (kw) => peek()?.t === 'id' && peek().v.toLowerCase() === kw;
    const expect = (t) => {
        const tok = toks[pos++];
        if (!tok || tok.t !== t)
            throw filterError(src, `expected '${t === 'id' ? 'a name' : t === 'str' ? 'a quoted string' : t}'`);
        return tok;
    };
    const property = () => {
        const p = expect('id');
        if (p.v.toLowerCase() !== 'name')
            throw filterError(src, `filtering on '${p.v}' is not supported`);
    };
    function primary() {
        if (peek()?.t === '(') {
            pos++;
            const e = orExpr();
            expect(')');
            return e;
        }
        const tok = peek();
        if (tok?.t === 'id' && ['contains', 'startswith', 'endswith'].includes(tok.v.toLowerCase()) && toks[pos + 1]?.t === '(') {
            const fn = tok.v.toLowerCase();
            pos += 2;
            property();
            expect(',');
            const needle = expect('str').v.toLowerCase();
            expect(')');
            if (fn === 'contains')
                return (n) => n.toLowerCase().includes(needle);
            if (fn === 'startswith')
                return (n) => n.toLowerCase().startsWith(needle);
            return (n) => n.toLowerCase().endsWith(needle);
        }
        property();
        const op = expect('id').v.toLowerCase();
        const value = expect('str').v.toLowerCase();
        if (op === 'eq')
            return (n) => n.toLowerCase() === value;
        if (op === 'ne')
            return (n) => n.toLowerCase() !== value;
        throw filterError(src, `the operator '${op}' is not supported`);
    }
    function unary() {
        if (isKw('not')) {
            pos++;
            const p = unary();
            return (n) => !p(n);
        }
        return primary();
    }
    function andExpr() {
        let left = unary();
        while (isKw('and')) {
            pos++;
            const l = left;
            const r = unary();
            left = (n) => l(n) && r(n);
        }
        return left;
    }
    function orExpr() {
        let left = andExpr();
        while (isKw('or')) {
            pos++;
            const l = left;
            const r = andExpr();
            left = (n) => l(n) || r(n);
        }
        return left;
    }
    const pred = orExpr();
    if (pos !== toks.length)
        throw filterError(src, `unexpected '${toks[pos].v}'`);
    return pred;
}
/** The predicate of an OData `$filter` on names (compiled once per distinct filter). */
function nameFilter(filter) {
    let p = cache.get(filter);
    if (!p) {
        p = compile(filter);
        if (cache.size > 1000)
            cache.clear();
        cache.set(filter, p);
    }
    return p;
}
/**
 * One page of `items` per the request's `$filter`, `$top` and `$skipToken`. `withOptions` false serves
 * a list without filter/top (the swagger declares none) but still pages large results.
 */
function page(ctx, c, items, withOptions = true) {
    const filter = withOptions ? c.query.get('$filter') : null;
    const topRaw = withOptions ? c.query.get('$top') : null;
    let top = 20;
    if (!withOptions)
        top = 100;
    if (topRaw !== null) {
        top = Number(topRaw);
        if (!Number.isInteger(top) || top < 1 || top > 100) {
            throw new http_HttpError(400, 'BadRequest', `The value '${topRaw}' of $top is invalid: it must be an integer between 1 and 100.`);
        }
    }
    let skip = 0;
    const token = c.query.get('$skipToken');
    if (token !== null) {
        const m = /^o(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
        if (!m)
            throw new http_HttpError(400, 'BadRequest', `The $skipToken '${token}' is invalid.`);
        skip = Number(m[1]);
    }
    const pred = filter ? nameFilter(filter) : undefined;
    const value = [];
    let seen = 0;
    let more = false;
    for (const item of items) {
        if (pred && !pred(item.name))
            continue;
        if (seen++ < skip)
            continue;
        if (value.length === top) {
            more = true;
            break;
        }
        value.push(item);
    }
    const result = { value };
    if (more) {
        const q = new URLSearchParams();
        q.set('api-version', c.query.get('api-version') ?? '');
        if (filter)
            q.set('$filter', filter);
        if (topRaw !== null)
            q.set('$top', String(top));
        q.set('$skipToken', Buffer.from(`o${skip + top}`).toString('base64url'));
        result.nextLink = `${armBase(ctx, c)}${c.url.pathname}?${q.toString().replace(/\+/g, '%20')}`;
    }
    return result;
}

;// CONCATENATED MODULE: ./sandbox/arm/eventgrid-event-subscriptions.ts
/**
 * Microsoft.EventGrid/partnerTopics/eventSubscriptions. PUT and PATCH are long-running (201 with
 * provisioningState Creating/Updating, `Azure-AsyncOperation`, `Retry-After`), DELETE answers 202 with
 * `Location` and `Azure-AsyncOperation`. As Event Grid does, a webhook's `endpointUrl` (which may carry a
 * secret in its query) is stored but never answered: GET bodies carry `endpointBaseUrl`, and only
 * `getFullUrl` returns the full URL; secret static delivery attributes likewise only come back from
 * `getDeliveryAttributes`. Partner topics take CloudEvents 1.0, so deliveries use CloudEventSchemaV1_0.
 */







const TYPE = 'Microsoft.EventGrid/partnerTopics/eventSubscriptions';
const PARTNER_TOPIC_SCHEMA = 'CloudEventSchemaV1_0';
/** The full webhook URL of a stored event subscription (for event delivery), if it has a WebHook destination. */
function webhookEndpointUrl(resource) {
    const dest = resource.properties?.destination;
    return dest?.endpointType === 'WebHook' ? dest.properties?.endpointUrl : undefined;
}
/** The delivery attribute mappings of a stored event subscription, secrets included. */
function deliveryAttributes(resource) {
    const mappings = resource.properties?.destination?.properties?.deliveryAttributeMappings ?? [];
    return mappings.map((m) => ({
        name: m.name,
        type: m.type,
        properties: m.type === 'Static' ? { value: m.properties?.value, isSecret: m.properties?.isSecret ?? false } : { ...m.properties },
    }));
}
function parentOf(c, group) {
    const rec = group.partnerTopics.get(key(c.params.partnerTopicName));
    if (!rec)
        throw parentNotFound(c.params.partnerTopicName);
    return rec;
}
function pick(src, defName) {
    const props = EVENTGRID_DEFINITIONS[defName]?.properties ?? {};
    const out = {};
    for (const [k, s] of Object.entries(props))
        if (!s.readOnly && src[k] !== undefined && src[k] !== null)
            out[k] = src[k];
    return out;
}
function mappingsOut(v, where) {
    if (!Array.isArray(v))
        return undefined;
    return v.map((m, i) => {
        if (typeof m.name !== 'string' || !m.name)
            throw badRequest(`${where}[${i}].name is required.`);
        const props = isObject(m.properties) ? m.properties : {};
        if (m.type === 'Static') {
            const p = { isSecret: props.isSecret ?? false };
            if (p.isSecret)
                eventgrid_shared_hidden(p, 'value', props.value);
            else
                p.value = props.value;
            return { name: m.name, type: 'Static', properties: p };
        }
        if (typeof props.sourceField !== 'string' || !props.sourceField)
            throw badRequest(`${where}[${i}].properties.sourceField is required for a Dynamic delivery attribute.`);
        return { name: m.name, type: 'Dynamic', properties: { sourceField: props.sourceField } };
    });
}
function inRange(v, min, max, what) {
    if (v === undefined || v === null)
        return;
    if (typeof v !== 'number' || v < min || v > max)
        throw badRequest(`The value '${v}' of ${what} is invalid: it must be between ${min} and ${max}.`);
}
/**
 * The destination as stored and answered. `previous` (a stored destination) lends its webhook URL when an
 * update names the same webhook destination without repeating the URL.
 */
function destinationOut(d, previous) {
    const type = d.endpointType;
    const src = isObject(d.properties) ? d.properties : {};
    const props = pick(src, `${type}EventSubscriptionDestinationProperties`);
    const maps = mappingsOut(src.deliveryAttributeMappings, 'destination.properties.deliveryAttributeMappings');
    if (maps)
        props.deliveryAttributeMappings = maps;
    if (type === 'WebHook' || type === 'AzureFunction') {
        inRange(src.maxEventsPerBatch, 1, 5000, 'destination.properties.maxEventsPerBatch');
        inRange(src.preferredBatchSizeInKilobytes, 1, 1024, 'destination.properties.preferredBatchSizeInKilobytes');
        props.maxEventsPerBatch ??= 1;
        props.preferredBatchSizeInKilobytes ??= 64;
    }
    if (type === 'WebHook') {
        let url = typeof src.endpointUrl === 'string' && src.endpointUrl ? src.endpointUrl : undefined;
        if (!url && previous?.endpointType === 'WebHook')
            url = previous.properties?.endpointUrl;
        if (!url)
            throw badRequest("The attribute 'endpointUrl' is missing: a WebHook destination needs its endpoint URL.");
        let parsed;
        try {
            parsed = new URL(url);
        }
        catch {
            throw badRequest(`The attribute 'endpointUrl' ('${eventgrid_event_subscriptions_redact(url)}') is not an absolute URL.`);
        }
        if (parsed.protocol !== 'https:')
            throw badRequest(`The attribute 'endpointUrl' must use https; '${parsed.protocol.replace(':', '')}' is not supported.`);
        delete props.endpointUrl;
        const ordered = { endpointBaseUrl: `${parsed.origin}${parsed.pathname}`, ...props };
        eventgrid_shared_hidden(ordered, 'endpointUrl', url);
        return { properties: ordered, endpointType: type };
    }
    if (type === 'MonitorAlert') {
        if (!Array.isArray(src.actionGroups) && !src.severity)
            throw badRequest("The attributes 'severity' and 'actionGroups' are missing for a MonitorAlert destination.");
    }
    else if (typeof src.resourceId !== 'string' || !src.resourceId) {
        throw badRequest(`The attribute 'resourceId' is missing for a ${type} destination.`);
    }
    if (type === 'StorageQueue' && (typeof src.queueName !== 'string' || !src.queueName))
        throw badRequest("The attribute 'queueName' is missing for a StorageQueue destination.");
    return { properties: props, endpointType: type };
}
function eventgrid_event_subscriptions_redact(url) {
    return url.replace(/\?.*$/, '?…');
}
function deadLetterOut(d) {
    const src = isObject(d.properties) ? d.properties : {};
    if (typeof src.resourceId !== 'string' || !src.resourceId)
        throw badRequest("The attribute 'resourceId' is missing for the StorageBlob dead-letter destination.");
    if (typeof src.blobContainerName !== 'string' || !src.blobContainerName)
        throw badRequest("The attribute 'blobContainerName' is missing for the StorageBlob dead-letter destination.");
    return { properties: { resourceId: src.resourceId, blobContainerName: src.blobContainerName }, endpointType: d.endpointType };
}
function filterOut(f) {
    const src = f ?? {};
    const out = {
        subjectBeginsWith: src.subjectBeginsWith ?? '',
        subjectEndsWith: src.subjectEndsWith ?? '',
    };
    if (Array.isArray(src.includedEventTypes))
        out.includedEventTypes = src.includedEventTypes;
    out.isSubjectCaseSensitive = src.isSubjectCaseSensitive ?? false;
    if (typeof src.enableAdvancedFilteringOnArrays === 'boolean')
        out.enableAdvancedFilteringOnArrays = src.enableAdvancedFilteringOnArrays;
    if (Array.isArray(src.advancedFilters)) {
        if (src.advancedFilters.length > 25)
            throw badRequest('An event subscription may have at most 25 advanced filters.');
        out.advancedFilters = src.advancedFilters;
    }
    return out;
}
function checkSchema(schema, topic) {
    if (schema !== PARTNER_TOPIC_SCHEMA) {
        throw badRequest(`The event delivery schema '${schema}' is not supported for partner topic '${topic}': its input schema is CloudEvents v1.0, which can only be delivered as '${PARTNER_TOPIC_SCHEMA}'.`);
    }
}
function checkExpiry(deps, v) {
    if (v === undefined || v === null)
        return undefined;
    const at = Date.parse(String(v));
    if (at <= deps.ctx.clock.now())
        throw badRequest(`The expiration time '${v}' of the event subscription must be in the future.`);
    return new Date(at).toISOString();
}
/**
 * The stored properties of an event subscription from a request's properties (PUT) or update parameters
 * merged over the current ones (PATCH).
 */
function propertiesOut(deps, topic, p, current) {
    const destIn = p.destination ?? p.deliveryWithResourceIdentity?.destination;
    if (!destIn && !current)
        throw badRequest("The attribute 'destination' is missing: an event subscription needs a destination (or deliveryWithResourceIdentity).");
    const destination = p.destination ? destinationOut(p.destination, current?.destination) : current?.destination;
    const out = { topic: topic.resource.id, provisioningState: 'Creating' };
    if (destination)
        out.destination = destination;
    if (p.deliveryWithResourceIdentity) {
        const d = p.deliveryWithResourceIdentity;
        out.deliveryWithResourceIdentity = { identity: d.identity, ...(d.destination ? { destination: destinationOut(d.destination) } : {}) };
    }
    else if (current?.deliveryWithResourceIdentity)
        out.deliveryWithResourceIdentity = current.deliveryWithResourceIdentity;
    out.filter = p.filter !== undefined ? filterOut(p.filter) : (current?.filter ?? filterOut(undefined));
    out.labels = p.labels !== undefined ? p.labels : (current?.labels ?? null);
    const expiry = p.expirationTimeUtc !== undefined ? checkExpiry(deps, p.expirationTimeUtc) : current?.expirationTimeUtc;
    if (expiry)
        out.expirationTimeUtc = expiry;
    const schema = p.eventDeliverySchema ?? current?.eventDeliverySchema ?? PARTNER_TOPIC_SCHEMA;
    checkSchema(schema, topic.resource.name);
    out.eventDeliverySchema = schema;
    const rp = p.retryPolicy !== undefined ? (p.retryPolicy ?? {}) : (current?.retryPolicy ?? {});
    inRange(rp.maxDeliveryAttempts, 1, 30, 'retryPolicy.maxDeliveryAttempts');
    inRange(rp.eventTimeToLiveInMinutes, 1, 1440, 'retryPolicy.eventTimeToLiveInMinutes');
    out.retryPolicy = { maxDeliveryAttempts: rp.maxDeliveryAttempts ?? 30, eventTimeToLiveInMinutes: rp.eventTimeToLiveInMinutes ?? 1440 };
    if (p.deadLetterDestination)
        out.deadLetterDestination = deadLetterOut(p.deadLetterDestination);
    else if (p.deadLetterDestination === undefined && current?.deadLetterDestination)
        out.deadLetterDestination = current.deadLetterDestination;
    if (p.deadLetterWithResourceIdentity) {
        const d = p.deadLetterWithResourceIdentity;
        out.deadLetterWithResourceIdentity = { identity: d.identity, ...(d.deadLetterDestination ? { deadLetterDestination: deadLetterOut(d.deadLetterDestination) } : {}) };
    }
    else if (p.deadLetterWithResourceIdentity === undefined && current?.deadLetterWithResourceIdentity) {
        out.deadLetterWithResourceIdentity = current.deadLetterWithResourceIdentity;
    }
    return out;
}
function eventSubscriptionRoutes(deps) {
    const { ctx, lro } = deps;
    const base = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.EventGrid/partnerTopics/{partnerTopicName}/eventSubscriptions';
    const scope = (p) => `${egGroupScope(p)}/partnerTopics/${p.partnerTopicName}/eventSubscriptions/${p.eventSubscriptionName}`;
    const act = (verb) => (p) => ({ action: `Microsoft.EventGrid/partnerTopics/eventSubscriptions/${verb}`, scope: scope(p) });
    const existing = (c) => {
        const topic = parentOf(c, groupOf(c));
        const es = topic.eventSubscriptions.get(key(c.params.eventSubscriptionName));
        if (!es)
            throw resourceNotFound(TYPE.replace('eventSubscriptions', `${topic.resource.name}/eventSubscriptions`), c.params.eventSubscriptionName, c.params.resourceGroupName);
        return { topic, es };
    };
    /** Starts the provisioning LRO of `es` (just stored in `topic`) and answers 201. */
    const provision = (c, topic, es) => {
        const k = key(es.name);
        const op = lro.start(c, {
            location: topic.resource.location ?? 'global',
            kind: 'write',
            target: es.id,
            // Webhook endpoint validation (handshake) when settings.validateWebhooks is on: see sandbox/delivery/webhook.ts.
            outcome: ctx.delivery?.validateSubscription(topic, es),
            onDone: (status) => {
                if (topic.eventSubscriptions.get(k) !== es)
                    return;
                es.properties.provisioningState = status;
            },
        });
        const expiry = Date.parse(es.properties.expirationTimeUtc ?? '');
        if (!Number.isNaN(expiry)) {
            ctx.clock.at(expiry, () => {
                if (topic.eventSubscriptions.get(k) === es)
                    topic.eventSubscriptions.delete(k);
            });
        }
        return { status: 201, body: es, headers: lro.headers(c, op) };
    };
    return [
        common_route({
            method: 'GET',
            template: `${base}/{eventSubscriptionName}`,
            operation: 'PartnerTopicEventSubscriptions_Get',
            resourceType: 'partnerTopics/eventSubscriptions',
            authz: act('read'),
            handler: (c) => ({ status: 200, body: existing(c).es }),
        }),
        common_route({
            method: 'PUT',
            template: `${base}/{eventSubscriptionName}`,
            operation: 'PartnerTopicEventSubscriptions_CreateOrUpdate',
            resourceType: 'partnerTopics/eventSubscriptions',
            authz: act('write'),
            handler: (c) => {
                const group = groupOf(c);
                const topic = parentOf(c, group);
                const name = c.params.eventSubscriptionName;
                if (!EVENTGRID_NAME.test(name)) {
                    throw badRequest(`Event subscription name '${name}' is invalid: it must be between 3 and 64 characters in length and use alphanumeric letters and hyphens only.`);
                }
                if (topic.resource.properties.provisioningState === 'Deleting')
                    throw new http_HttpError(409, 'Conflict', `Partner topic '${topic.resource.name}' is being deleted.`);
                const body = requireBody(c.body);
                schemas.validate(body, 'EventSubscription');
                const prev = topic.eventSubscriptions.get(key(name));
                const properties = propertiesOut(deps, topic, isObject(body.properties) ? body.properties : {}, undefined);
                if (prev)
                    properties.provisioningState = 'Updating';
                const es = {
                    properties,
                    systemData: stamp(ctx, c, prev),
                    id: prev?.id ?? `${topic.resource.id}/eventSubscriptions/${name}`,
                    name: prev?.name ?? name,
                    type: TYPE,
                };
                topic.eventSubscriptions.set(key(name), es);
                return provision(c, topic, es);
            },
        }),
        common_route({
            method: 'PATCH',
            template: `${base}/{eventSubscriptionName}`,
            operation: 'PartnerTopicEventSubscriptions_Update',
            resourceType: 'partnerTopics/eventSubscriptions',
            authz: act('write'),
            handler: (c) => {
                const { topic, es: prev } = existing(c);
                const body = requireBody(c.body);
                schemas.validate(body, 'EventSubscriptionUpdateParameters');
                if (prev.properties.provisioningState === 'Deleting')
                    throw new http_HttpError(409, 'Conflict', `Event subscription '${prev.name}' is being deleted.`);
                const properties = propertiesOut(deps, topic, body, prev.properties);
                properties.provisioningState = 'Updating';
                const es = { properties, systemData: stamp(ctx, c, prev), id: prev.id, name: prev.name, type: TYPE };
                topic.eventSubscriptions.set(key(prev.name), es);
                return provision(c, topic, es);
            },
        }),
        common_route({
            method: 'DELETE',
            template: `${base}/{eventSubscriptionName}`,
            operation: 'PartnerTopicEventSubscriptions_Delete',
            resourceType: 'partnerTopics/eventSubscriptions',
            authz: act('delete'),
            handler: (c) => {
                const topic = parentOf(c, groupOf(c));
                const k = key(c.params.eventSubscriptionName);
                const es = topic.eventSubscriptions.get(k);
                if (!es)
                    return { status: 204 };
                const previousState = es.properties.provisioningState;
                es.properties.provisioningState = 'Deleting';
                const op = lro.start(c, {
                    location: topic.resource.location ?? 'global',
                    kind: 'delete',
                    target: es.id,
                    onDone: (status) => {
                        if (topic.eventSubscriptions.get(k) !== es)
                            return;
                        if (status === 'Succeeded')
                            topic.eventSubscriptions.delete(k);
                        else
                            es.properties.provisioningState = status === 'Failed' ? 'Failed' : previousState;
                    },
                });
                return { status: 202, headers: lro.headers(c, op) };
            },
        }),
        common_route({
            method: 'GET',
            template: base,
            operation: 'PartnerTopicEventSubscriptions_ListByPartnerTopic',
            resourceType: 'partnerTopics/eventSubscriptions',
            authz: (p) => ({ action: 'Microsoft.EventGrid/partnerTopics/eventSubscriptions/read', scope: `${egGroupScope(p)}/partnerTopics/${p.partnerTopicName}` }),
            handler: (c) => {
                const topic = parentOf(c, groupOf(c));
                return { status: 200, body: page(ctx, c, topic.eventSubscriptions.values()) };
            },
        }),
        common_route({
            method: 'POST',
            template: `${base}/{eventSubscriptionName}/getFullUrl`,
            operation: 'PartnerTopicEventSubscriptions_GetFullUrl',
            resourceType: 'partnerTopics/eventSubscriptions',
            write: false,
            authz: act('getFullUrl/action'),
            handler: (c) => {
                const { es } = existing(c);
                const url = webhookEndpointUrl(es);
                if (url === undefined) {
                    const type = es.properties.destination?.endpointType ?? 'none';
                    throw badRequest(`Event subscription '${es.name}' has a ${type} destination: only WebHook destinations have a full endpoint URL.`);
                }
                return { status: 200, body: { endpointUrl: url } };
            },
        }),
        common_route({
            method: 'POST',
            template: `${base}/{eventSubscriptionName}/getDeliveryAttributes`,
            operation: 'PartnerTopicEventSubscriptions_GetDeliveryAttributes',
            resourceType: 'partnerTopics/eventSubscriptions',
            write: false,
            authz: act('getDeliveryAttributes/action'),
            handler: (c) => ({ status: 200, body: { value: deliveryAttributes(existing(c).es) } }),
        }),
    ];
}

;// CONCATENATED MODULE: ./sandbox/arm/eventgrid-partner-configurations.ts
/**
 * Microsoft.EventGrid/partnerConfigurations: the single `default` configuration of a resource group
 * (location `global`) holding the partner authorizations. `authorizePartner` adds or replaces one
 * partner's entry, keeping the others, and creates the configuration when the group has none;
 * `unauthorizePartner` removes one entry. An authorization may expire at most
 * `partnerAuthorization.defaultMaximumExpirationTimeInDays` (1–365, 7 when unset) from now.
 */






const eventgrid_partner_configurations_TYPE = 'Microsoft.EventGrid/partnerConfigurations';
/** Clients compute "now + N days" on their own clock, a little before the request arrives. */
const EXPIRY_GRACE_MS = 5 * 60_000;
/** Partners whose names and immutable ids the sandbox can resolve into each other. */
const KNOWN_PARTNERS = [{ immutableId: AUTH0_PARTNER.immutableId, name: AUTH0_PARTNER.name }];
function maxExpirationDays(cfg) {
    const v = cfg?.properties?.partnerAuthorization?.defaultMaximumExpirationTimeInDays;
    return typeof v === 'number' ? v : DEFAULT_MAX_EXPIRATION_DAYS;
}
function sameP(a, b) {
    const ai = a.partnerRegistrationImmutableId?.toLowerCase();
    const bi = b.partnerRegistrationImmutableId?.toLowerCase();
    if (ai && bi)
        return ai === bi;
    const an = a.partnerName?.toLowerCase();
    const bn = b.partnerName?.toLowerCase();
    return !!an && an === bn;
}
function describe(p) {
    return p.partnerName ?? p.partnerRegistrationImmutableId ?? 'unknown';
}
function checkDays(v) {
    if (v === undefined || v === null)
        return;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 365) {
        throw badRequest(`The value '${v}' of partnerAuthorization.defaultMaximumExpirationTimeInDays is invalid: it must be an integer between 1 and 365.`);
    }
}
/**
 * A partner entry as stored: both the immutable id and the name when one of them names a known partner,
 * and an expiry within the allowed window (now + max days when the request gives none).
 */
function normalizePartner(deps, p, maxDays, where, unchanged) {
    const id = typeof p.partnerRegistrationImmutableId === 'string' && p.partnerRegistrationImmutableId ? p.partnerRegistrationImmutableId : undefined;
    const name = typeof p.partnerName === 'string' && p.partnerName ? p.partnerName : undefined;
    if (!id && !name)
        throw badRequest(`${where}: a partner must be identified by partnerRegistrationImmutableId or partnerName.`);
    if (id && !isGuid(id))
        throw badRequest(`${where}: partnerRegistrationImmutableId '${id}' is not a GUID.`);
    const known = KNOWN_PARTNERS.find((k) => (id && k.immutableId === id.toLowerCase()) || (name && k.name.toLowerCase() === name.toLowerCase()));
    const entry = {
        partnerRegistrationImmutableId: known?.immutableId ?? id,
        partnerName: known?.name ?? name,
    };
    const now = deps.ctx.clock.now();
    const limit = now + maxDays * DAY_MS;
    const rawExpiry = p.authorizationExpirationTimeInUtc;
    if (rawExpiry === undefined || rawExpiry === null) {
        entry.authorizationExpirationTimeInUtc = new Date(limit).toISOString();
        return entry;
    }
    const at = Date.parse(rawExpiry);
    if (Number.isNaN(at))
        throw badRequest(`${where}: authorizationExpirationTimeInUtc '${rawExpiry}' is not a date-time.`);
    entry.authorizationExpirationTimeInUtc = new Date(at).toISOString();
    if (unchanged && unchanged.authorizationExpirationTimeInUtc && Date.parse(unchanged.authorizationExpirationTimeInUtc) === at)
        return entry;
    if (at <= now) {
        throw badRequest(`${where}: the authorization expiration time ${entry.authorizationExpirationTimeInUtc} of partner '${describe(entry)}' is not in the future (now: ${new Date(now).toISOString()}).`);
    }
    if (at > limit + EXPIRY_GRACE_MS) {
        throw badRequest(`${where}: the authorization expiration time ${entry.authorizationExpirationTimeInUtc} of partner '${describe(entry)}' is more than ${maxDays} days from now. ` +
            `It must be at most partnerAuthorization.defaultMaximumExpirationTimeInDays (${maxDays}) days in the future (${new Date(limit).toISOString()}); ` +
            'raise defaultMaximumExpirationTimeInDays (1-365) on the partner configuration first.');
    }
    return entry;
}
function configResource(deps, c, group, partnerAuthorization, tags, previous) {
    return {
        properties: { partnerAuthorization, provisioningState: 'Succeeded' },
        systemData: stamp(deps.ctx, c, previous),
        location: 'global',
        tags,
        id: partnerConfigurationId(subOf(c).subscriptionId, group.name),
        name: 'default',
        type: eventgrid_partner_configurations_TYPE,
    };
}
function existing(c) {
    const group = groupOf(c);
    const cfg = group.partnerConfiguration;
    if (!cfg)
        throw resourceNotFound(eventgrid_partner_configurations_TYPE, 'default', c.params.resourceGroupName);
    return { group, cfg };
}
function entriesOf(cfg) {
    return cfg?.properties?.partnerAuthorization?.authorizedPartnersList ?? [];
}
function partnerConfigurationRoutes(deps) {
    const { ctx, lro } = deps;
    const base = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.EventGrid/partnerConfigurations';
    const scope = (p) => `${egGroupScope(p)}/partnerConfigurations/default`;
    const act = (verb) => (p) => ({ action: `Microsoft.EventGrid/partnerConfigurations/${verb}`, scope: scope(p) });
    return [
        common_route({
            method: 'GET',
            template: `${base}/default`,
            operation: 'PartnerConfigurations_Get',
            resourceType: 'partnerConfigurations',
            authz: act('read'),
            handler: (c) => ({ status: 200, body: existing(c).cfg }),
        }),
        common_route({
            method: 'PUT',
            template: `${base}/default`,
            operation: 'PartnerConfigurations_CreateOrUpdate',
            resourceType: 'partnerConfigurations',
            authz: act('write'),
            handler: (c) => {
                const group = groupOf(c);
                const body = requireBody(c.body);
                schemas.validate(body, 'PartnerConfiguration');
                if (typeof body.location === 'string' && body.location.toLowerCase() !== 'global') {
                    throw new http_HttpError(400, 'LocationNotAvailableForResourceType', `The provided location '${body.location}' is not available for resource type '${eventgrid_partner_configurations_TYPE}'. List of available regions for the resource type is 'global'.`);
                }
                const auth = isObject(body.properties?.partnerAuthorization) ? body.properties.partnerAuthorization : {};
                checkDays(auth.defaultMaximumExpirationTimeInDays);
                const maxDays = typeof auth.defaultMaximumExpirationTimeInDays === 'number' ? auth.defaultMaximumExpirationTimeInDays : DEFAULT_MAX_EXPIRATION_DAYS;
                const previous = group.partnerConfiguration;
                const before = entriesOf(previous);
                const list = [];
                (auth.authorizedPartnersList ?? []).forEach((p, i) => {
                    const where = `partnerAuthorization.authorizedPartnersList[${i}]`;
                    const candidate = { partnerRegistrationImmutableId: p?.partnerRegistrationImmutableId, partnerName: p?.partnerName };
                    const entry = normalizePartner(deps, p ?? {}, maxDays, where, before.find((b) => sameP(b, candidate)));
                    if (list.some((e) => sameP(e, entry)))
                        throw badRequest(`${where}: partner '${describe(entry)}' is listed twice.`);
                    list.push(entry);
                });
                const cfg = configResource(deps, c, group, { defaultMaximumExpirationTimeInDays: maxDays, authorizedPartnersList: list }, body.tags ?? {}, previous);
                group.partnerConfiguration = cfg;
                return { status: previous ? 200 : 201, body: cfg };
            },
        }),
        common_route({
            method: 'PATCH',
            template: `${base}/default`,
            operation: 'PartnerConfigurations_Update',
            resourceType: 'partnerConfigurations',
            authz: act('write'),
            handler: (c) => {
                const { cfg } = existing(c);
                const body = requireBody(c.body);
                schemas.validate(body, 'PartnerConfigurationUpdateParameters');
                const days = body.properties?.defaultMaximumExpirationTimeInDays;
                checkDays(days);
                if (typeof days === 'number')
                    cfg.properties.partnerAuthorization = { ...cfg.properties.partnerAuthorization, defaultMaximumExpirationTimeInDays: days };
                if (isObject(body.tags))
                    cfg.tags = body.tags;
                cfg.systemData = stamp(ctx, c, cfg);
                return { status: 200, body: cfg };
            },
        }),
        common_route({
            method: 'DELETE',
            template: `${base}/default`,
            operation: 'PartnerConfigurations_Delete',
            resourceType: 'partnerConfigurations',
            authz: act('delete'),
            handler: (c) => {
                const group = groupOf(c);
                const cfg = group.partnerConfiguration;
                if (!cfg)
                    return { status: 204 };
                cfg.properties.provisioningState = 'Deleting';
                const op = lro.start(c, {
                    location: 'global',
                    kind: 'delete',
                    target: cfg.id,
                    onDone: (status) => {
                        if (group.partnerConfiguration !== cfg)
                            return;
                        if (status === 'Succeeded')
                            group.partnerConfiguration = undefined;
                        else
                            cfg.properties.provisioningState = status === 'Failed' ? 'Failed' : 'Succeeded';
                    },
                });
                return { status: 202, headers: lro.headers(c, op) };
            },
        }),
        common_route({
            method: 'GET',
            template: base,
            operation: 'PartnerConfigurations_ListByResourceGroup',
            resourceType: 'partnerConfigurations',
            authz: (p) => ({ action: 'Microsoft.EventGrid/partnerConfigurations/read', scope: egGroupScope(p) }),
            handler: (c) => {
                const cfg = groupOf(c).partnerConfiguration;
                return { status: 200, body: { value: cfg ? [cfg] : [] } };
            },
        }),
        common_route({
            method: 'GET',
            template: '/subscriptions/{subscriptionId}/providers/Microsoft.EventGrid/partnerConfigurations',
            operation: 'PartnerConfigurations_ListBySubscription',
            resourceType: 'partnerConfigurations',
            authz: (p) => ({ action: 'Microsoft.EventGrid/partnerConfigurations/read', scope: egSubScope(p) }),
            handler: (c) => {
                const all = function* () {
                    for (const g of subOf(c).resourceGroups.values())
                        if (g.partnerConfiguration)
                            yield g.partnerConfiguration;
                };
                return { status: 200, body: page(ctx, c, all()) };
            },
        }),
        common_route({
            method: 'POST',
            template: `${base}/default/authorizePartner`,
            operation: 'PartnerConfigurations_AuthorizePartner',
            resourceType: 'partnerConfigurations',
            authz: act('authorizePartner/action'),
            handler: (c) => {
                const group = groupOf(c);
                const body = requireBody(c.body);
                schemas.validate(body, 'Partner');
                const previous = group.partnerConfiguration;
                const maxDays = maxExpirationDays(previous);
                const entry = normalizePartner(deps, body, maxDays, 'authorizePartner');
                const list = entriesOf(previous).slice();
                const at = list.findIndex((e) => sameP(e, entry));
                if (at >= 0)
                    list[at] = entry;
                else
                    list.push(entry);
                const partnerAuthorization = { ...(previous?.properties?.partnerAuthorization ?? {}), defaultMaximumExpirationTimeInDays: maxDays, authorizedPartnersList: list };
                const cfg = configResource(deps, c, group, partnerAuthorization, previous?.tags ?? {}, previous);
                group.partnerConfiguration = cfg;
                return { status: 200, body: cfg };
            },
        }),
        common_route({
            method: 'POST',
            template: `${base}/default/unauthorizePartner`,
            operation: 'PartnerConfigurations_UnauthorizePartner',
            resourceType: 'partnerConfigurations',
            authz: act('unauthorizePartner/action'),
            handler: (c) => {
                const { group, cfg } = existing(c);
                const body = requireBody(c.body);
                schemas.validate(body, 'Partner');
                const target = { partnerRegistrationImmutableId: body.partnerRegistrationImmutableId, partnerName: body.partnerName };
                if (!target.partnerRegistrationImmutableId && !target.partnerName)
                    throw badRequest('unauthorizePartner: a partner must be identified by partnerRegistrationImmutableId or partnerName.');
                const list = entriesOf(cfg);
                const at = list.findIndex((e) => sameP(e, target));
                if (at < 0) {
                    throw new http_HttpError(404, 'NotFound', `Partner '${describe(target)}' is not authorized in the partner configuration of resource group '${group.name}'.`);
                }
                const next = configResource(deps, c, group, { ...cfg.properties.partnerAuthorization, authorizedPartnersList: list.filter((_, i) => i !== at) }, cfg.tags ?? {}, cfg);
                group.partnerConfiguration = next;
                return { status: 200, body: next };
            },
        }),
    ];
}

;// CONCATENATED MODULE: ./sandbox/arm/eventgrid-partner-topics.ts
/**
 * Microsoft.EventGrid/partnerTopics: read, create/update (PUT, synchronous), tags/identity (PATCH),
 * delete (long-running, removing the topic's event subscriptions), `activate`/`deactivate`
 * (synchronous 200), and lists by group and subscription with `$filter`, `$top` and `nextLink`.
 * Topics are usually created by the partner side (core/eventgrid.ts createPartnerTopic).
 */








const eventgrid_partner_topics_TYPE = 'Microsoft.EventGrid/partnerTopics';
/** The topic record, or ARM's 404 (a never-activated topic past its expiry is gone). */
function topicOf(c, group = groupOf(c)) {
    const rec = group.partnerTopics.get(key(c.params.partnerTopicName));
    if (!rec)
        throw resourceNotFound(eventgrid_partner_topics_TYPE, c.params.partnerTopicName, c.params.resourceGroupName);
    return rec;
}
function identityOf(c, v) {
    if (!isObject(v))
        return undefined;
    const type = typeof v.type === 'string' ? v.type : 'None';
    const out = { type };
    if (type.includes('SystemAssigned')) {
        out.principalId = (0,external_node_crypto_.randomUUID)();
        out.tenantId = subOf(c).tenantId;
    }
    if (type.includes('UserAssigned') && isObject(v.userAssignedIdentities)) {
        out.userAssignedIdentities = Object.fromEntries(Object.keys(v.userAssignedIdentities).map((id) => [id, { principalId: (0,external_node_crypto_.randomUUID)(), clientId: (0,external_node_crypto_.randomUUID)() }]));
    }
    return out;
}
/** Deletes a never-activated topic when its expirationTimeIfNotActivatedUtc passes (as Event Grid does). */
function scheduleExpiry(deps, group, rec) {
    const at = Date.parse(rec.resource.properties.expirationTimeIfNotActivatedUtc ?? '');
    if (Number.isNaN(at))
        return;
    deps.ctx.clock.at(at, () => {
        const current = group.partnerTopics.get(key(rec.resource.name));
        if (current === rec && rec.resource.properties.activationState === 'NeverActivated')
            group.partnerTopics.delete(key(rec.resource.name));
    });
}
function partnerTopicRoutes(deps) {
    const { ctx, lro } = deps;
    const base = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.EventGrid/partnerTopics';
    const scope = (p) => `${egGroupScope(p)}/partnerTopics/${p.partnerTopicName}`;
    const act = (verb) => (p) => ({ action: `Microsoft.EventGrid/partnerTopics/${verb}`, scope: scope(p) });
    const setActivation = (c, to) => {
        const rec = topicOf(c);
        const t = rec.resource;
        const state = t.properties.activationState;
        if (t.properties.provisioningState === 'Deleting') {
            throw new http_HttpError(409, 'Conflict', `Partner topic '${t.name}' is being deleted.`);
        }
        if (to === 'Deactivated' && state === 'NeverActivated') {
            throw badRequest(`Partner topic '${t.name}' has never been activated, so it cannot be deactivated. Activate it first.`);
        }
        if (state !== to) {
            t.properties.activationState = to;
            t.systemData = stamp(ctx, c, t);
            // Delivery: on activation Auth0 publishes the records that failed while the topic was not active.
            ctx.delivery?.topicActivationChanged(rec);
        }
        return { status: 200, body: t };
    };
    return [
        common_route({
            method: 'GET',
            template: `${base}/{partnerTopicName}`,
            operation: 'PartnerTopics_Get',
            resourceType: 'partnerTopics',
            authz: act('read'),
            handler: (c) => ({ status: 200, body: topicOf(c).resource }),
        }),
        common_route({
            method: 'PUT',
            template: `${base}/{partnerTopicName}`,
            operation: 'PartnerTopics_CreateOrUpdate',
            resourceType: 'partnerTopics',
            authz: act('write'),
            handler: (c) => {
                const group = groupOf(c);
                const name = c.params.partnerTopicName;
                if (!EVENTGRID_NAME.test(name)) {
                    throw badRequest(`Partner topic name '${name}' is invalid: it must be between 3 and 64 characters in length and use alphanumeric letters and hyphens only.`);
                }
                const body = requireBody(c.body);
                schemas.validate(body, 'PartnerTopic');
                const props = isObject(body.properties) ? body.properties : {};
                const rec = group.partnerTopics.get(key(name));
                const prev = rec?.resource;
                if (prev && prev.location && String(body.location).replace(/\s+/g, '').toLowerCase() !== String(prev.location).toLowerCase()) {
                    throw new http_HttpError(400, 'InvalidResourceLocation', `The resource '${prev.name}' already exists in location '${prev.location}' in resource group '${group.name}'. A resource with the same name cannot be created in location '${body.location}'. Please select a new resource name.`);
                }
                if (prev?.properties.provisioningState === 'Deleting')
                    throw new http_HttpError(409, 'Conflict', `Partner topic '${prev.name}' is being deleted.`);
                const activationState = props.activationState ?? prev?.properties.activationState ?? 'NeverActivated';
                const expiration = props.expirationTimeIfNotActivatedUtc ??
                    prev?.properties.expirationTimeIfNotActivatedUtc ??
                    (activationState === 'NeverActivated' ? new Date(ctx.clock.now() + ctx.settings.unactivatedTopicTtlDays * DAY_MS).toISOString() : undefined);
                const properties = {
                    partnerRegistrationImmutableId: props.partnerRegistrationImmutableId ?? prev?.properties.partnerRegistrationImmutableId,
                    source: props.source ?? prev?.properties.source,
                    ...(props.eventTypeInfo ?? prev?.properties.eventTypeInfo ? { eventTypeInfo: props.eventTypeInfo ?? prev?.properties.eventTypeInfo } : {}),
                    ...(expiration ? { expirationTimeIfNotActivatedUtc: new Date(expiration).toISOString() } : {}),
                    provisioningState: 'Succeeded',
                    activationState,
                    partnerTopicFriendlyDescription: props.partnerTopicFriendlyDescription ?? prev?.properties.partnerTopicFriendlyDescription,
                    messageForActivation: props.messageForActivation ?? prev?.properties.messageForActivation,
                };
                for (const k of Object.keys(properties))
                    if (properties[k] === undefined)
                        delete properties[k];
                const resource = {
                    id: prev?.id ?? partnerTopicId(subOf(c).subscriptionId, group.name, name),
                    name: prev?.name ?? name,
                    type: eventgrid_partner_topics_TYPE,
                    location: prev?.location ?? String(body.location).replace(/\s+/g, '').toLowerCase(),
                    tags: isObject(body.tags) ? body.tags : {},
                    systemData: stamp(ctx, c, prev),
                    properties,
                };
                const identity = body.identity !== undefined ? identityOf(c, body.identity) : prev?.identity;
                if (identity)
                    resource.identity = identity;
                if (rec) {
                    rec.resource = resource;
                    return { status: 200, body: resource };
                }
                const created = { resource, eventSubscriptions: new Map() };
                group.partnerTopics.set(key(name), created);
                if (activationState === 'NeverActivated')
                    scheduleExpiry(deps, group, created);
                return { status: 201, body: resource };
            },
        }),
        common_route({
            method: 'PATCH',
            template: `${base}/{partnerTopicName}`,
            operation: 'PartnerTopics_Update',
            resourceType: 'partnerTopics',
            authz: act('write'),
            handler: (c) => {
                const rec = topicOf(c);
                const body = requireBody(c.body);
                schemas.validate(body, 'PartnerTopicUpdateParameters');
                const t = rec.resource;
                if (isObject(body.tags))
                    t.tags = body.tags;
                if (body.identity !== undefined) {
                    const identity = identityOf(c, body.identity);
                    if (identity)
                        t.identity = identity;
                    else
                        delete t.identity;
                }
                t.systemData = stamp(ctx, c, t);
                // The swagger gives the topic only with 201 (200 has no schema), so the SDK reads the body of a 201.
                return { status: 201, body: t };
            },
        }),
        common_route({
            method: 'DELETE',
            template: `${base}/{partnerTopicName}`,
            operation: 'PartnerTopics_Delete',
            resourceType: 'partnerTopics',
            authz: act('delete'),
            handler: (c) => {
                const group = groupOf(c);
                const k = key(c.params.partnerTopicName);
                const rec = group.partnerTopics.get(k);
                if (!rec)
                    return { status: 204 };
                const previousState = rec.resource.properties.provisioningState;
                rec.resource.properties.provisioningState = 'Deleting';
                const op = lro.start(c, {
                    location: rec.resource.location ?? group.location,
                    kind: 'delete',
                    target: rec.resource.id,
                    onDone: (status) => {
                        if (group.partnerTopics.get(k) !== rec)
                            return;
                        if (status === 'Succeeded')
                            group.partnerTopics.delete(k);
                        else
                            rec.resource.properties.provisioningState = status === 'Failed' ? 'Failed' : previousState;
                    },
                });
                return { status: 202, headers: lro.headers(c, op) };
            },
        }),
        common_route({
            method: 'POST',
            template: `${base}/{partnerTopicName}/activate`,
            operation: 'PartnerTopics_Activate',
            resourceType: 'partnerTopics',
            authz: act('activate/action'),
            handler: (c) => setActivation(c, 'Activated'),
        }),
        common_route({
            method: 'POST',
            template: `${base}/{partnerTopicName}/deactivate`,
            operation: 'PartnerTopics_Deactivate',
            resourceType: 'partnerTopics',
            authz: act('deactivate/action'),
            handler: (c) => setActivation(c, 'Deactivated'),
        }),
        common_route({
            method: 'GET',
            template: base,
            operation: 'PartnerTopics_ListByResourceGroup',
            resourceType: 'partnerTopics',
            authz: (p) => ({ action: 'Microsoft.EventGrid/partnerTopics/read', scope: egGroupScope(p) }),
            handler: (c) => {
                const group = groupOf(c);
                const all = function* () {
                    for (const r of group.partnerTopics.values())
                        yield r.resource;
                };
                return { status: 200, body: page(ctx, c, all()) };
            },
        }),
        common_route({
            method: 'GET',
            template: '/subscriptions/{subscriptionId}/providers/Microsoft.EventGrid/partnerTopics',
            operation: 'PartnerTopics_ListBySubscription',
            resourceType: 'partnerTopics',
            authz: (p) => ({ action: 'Microsoft.EventGrid/partnerTopics/read', scope: egSubScope(p) }),
            handler: (c) => {
                const sub = subOf(c);
                const all = function* () {
                    for (const g of sub.resourceGroups.values())
                        for (const r of g.partnerTopics.values())
                            yield r.resource;
                };
                return { status: 200, body: page(ctx, c, all()) };
            },
        }),
    ];
}

;// CONCATENATED MODULE: ./sandbox/arm/eventgrid-verified-partners.ts
/**
 * Microsoft.EventGrid/verifiedPartners (tenant level, readable by any authenticated caller). The sandbox
 * knows Auth0, with its real partner registration immutable id.
 */




const eventgrid_verified_partners_TYPE = 'Microsoft.EventGrid/verifiedPartners';
const VERIFIED_PARTNERS = [
    {
        properties: {
            partnerRegistrationImmutableId: AUTH0_PARTNER.immutableId,
            organizationName: 'Auth0',
            partnerDisplayName: AUTH0_PARTNER.displayName,
            partnerTopicDetails: {
                description: 'Stream Auth0 tenant log events to Azure Event Grid.',
                longDescription: 'Auth0 log streaming sends your tenant logs (logins, failures, management API calls and more) to a partner topic in your Azure subscription, from where Event Grid routes them to any event handler.',
                setupUri: 'https://marketplace.auth0.com/integrations/azure-log-streaming',
            },
            provisioningState: 'Succeeded',
        },
        id: AUTH0_PARTNER.verifiedPartnerId,
        name: AUTH0_PARTNER.name,
        type: eventgrid_verified_partners_TYPE,
    },
];
function verifiedPartnerRoutes(deps) {
    return [
        common_route({
            method: 'GET',
            template: '/providers/Microsoft.EventGrid/verifiedPartners/{verifiedPartnerName}',
            operation: 'VerifiedPartners_Get',
            resourceType: 'verifiedPartners',
            authz: 'any',
            handler: (c) => {
                const wanted = c.params.verifiedPartnerName.toLowerCase();
                const vp = VERIFIED_PARTNERS.find((p) => p.name.toLowerCase() === wanted);
                if (!vp)
                    throw new http_HttpError(404, 'ResourceNotFound', `The Resource '${eventgrid_verified_partners_TYPE}/${c.params.verifiedPartnerName}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`);
                return { status: 200, body: vp };
            },
        }),
        common_route({
            method: 'GET',
            template: '/providers/Microsoft.EventGrid/verifiedPartners',
            operation: 'VerifiedPartners_List',
            resourceType: 'verifiedPartners',
            authz: 'any',
            handler: (c) => ({ status: 200, body: page(deps.ctx, c, VERIFIED_PARTNERS) }),
        }),
    ];
}

;// CONCATENATED MODULE: ./sandbox/arm/lro.ts
/**
 * Long-running operations of Microsoft.EventGrid, as Event Grid answers them: the request returns
 * 201/202 with `Azure-AsyncOperation` (…/locations/{loc}/operationsStatus/{id}), for deletes also
 * `Location` (…/operationResults/{id}), and `Retry-After`. The operation completes after
 * `settings.lroDurationMs` on the sandbox clock, ending Succeeded, or Failed/Canceled when a fault
 * scripted with `lro` matched the starting request.
 */



const MAX_OPERATIONS = 20_000;
class LroBook {
    ctx;
    ops = new Map();
    constructor(ctx) {
        this.ctx = ctx;
    }
    start(c, opts) {
        const scripted = this.ctx.faults.takeLro('arm', c.operation, c.method, c.path);
        const op = {
            id: (0,external_node_crypto_.randomUUID)().toUpperCase(),
            subscriptionId: c.params.subscriptionId.toLowerCase(),
            location: opts.location.replace(/\s+/g, '').toLowerCase() || 'global',
            kind: opts.kind,
            status: 'InProgress',
            startTime: this.ctx.clock.iso(),
        };
        if (this.ops.size >= MAX_OPERATIONS) {
            const oldest = this.ops.keys().next().value;
            if (oldest !== undefined)
                this.ops.delete(oldest);
        }
        this.ops.set(op.id, op);
        const end = scripted ?? 'Succeeded';
        const finish = (checked) => {
            if (op.status !== 'InProgress')
                return;
            op.status = checked ? 'Failed' : end;
            op.endTime = this.ctx.clock.iso();
            if (checked) {
                op.error = checked;
            }
            else if (end === 'Failed') {
                op.error = {
                    code: 'InternalServerError',
                    message: `The ${opts.kind === 'delete' ? 'deletion' : 'provisioning'} of '${opts.target}' failed: an internal error occurred in Microsoft.EventGrid. Retry the operation.`,
                };
            }
            else if (end === 'Canceled') {
                op.error = { code: 'OperationCanceled', message: `The operation on '${opts.target}' was canceled.` };
            }
            opts.onDone(op.status);
        };
        this.ctx.clock.after(this.ctx.settings.lroDurationMs, () => {
            if (op.status !== 'InProgress')
                return;
            if (!opts.outcome)
                return finish();
            // The operation stays InProgress until the check settles.
            opts.outcome.then(finish, (e) => finish({ code: 'InternalServerError', message: `The provisioning of '${opts.target}' failed: ${e?.message ?? e}` }));
        });
        return op;
    }
    statusUrl(c, op, kind) {
        const v = encodeURIComponent(apiVersionOf(c));
        return `${armBase(this.ctx, c)}/subscriptions/${op.subscriptionId}/providers/Microsoft.EventGrid/locations/${op.location}/${kind}/${op.id}?api-version=${v}`;
    }
    /** The headers of the answer that starts `op`. */
    headers(c, op) {
        const h = {
            'Azure-AsyncOperation': this.statusUrl(c, op, 'operationsStatus'),
            'Retry-After': String(this.ctx.settings.retryAfterSeconds),
        };
        if (op.kind === 'delete')
            h.Location = this.statusUrl(c, op, 'operationResults');
        return h;
    }
    find(c) {
        const op = this.ops.get(c.params.operationId.toUpperCase());
        if (!op || op.subscriptionId !== c.params.subscriptionId.toLowerCase()) {
            throw new http_HttpError(404, 'NotFound', `The operation '${c.params.operationId}' could not be found.`);
        }
        return op;
    }
    statusBody(op) {
        const body = {
            id: `/subscriptions/${op.subscriptionId}/providers/Microsoft.EventGrid/locations/${op.location}/operationsStatus/${op.id}`,
            name: op.id,
            status: op.status,
            startTime: op.startTime,
        };
        if (op.endTime)
            body.endTime = op.endTime;
        if (op.error)
            body.error = op.error;
        return body;
    }
    routes() {
        const base = '/subscriptions/{subscriptionId}/providers/Microsoft.EventGrid/locations/{location}';
        return [
            common_route({
                method: 'GET',
                template: `${base}/operationsStatus/{operationId}`,
                operation: 'OperationsStatus_Get',
                resourceType: 'locations/operationsStatus',
                authz: 'any',
                handler: (c) => {
                    const op = this.find(c);
                    const headers = op.status === 'InProgress' ? { 'Retry-After': String(this.ctx.settings.retryAfterSeconds) } : {};
                    return { status: 200, body: this.statusBody(op), headers };
                },
            }),
            common_route({
                method: 'GET',
                template: `${base}/operationResults/{operationId}`,
                operation: 'OperationResults_Get',
                resourceType: 'locations/operationResults',
                authz: 'any',
                handler: (c) => {
                    const op = this.find(c);
                    switch (op.status) {
                        case 'InProgress':
                            return { status: 202, headers: { Location: this.statusUrl(c, op, 'operationResults'), 'Retry-After': String(this.ctx.settings.retryAfterSeconds) } };
                        case 'Succeeded':
                            return { status: op.kind === 'delete' ? 204 : 200 };
                        case 'Failed':
                            throw new http_HttpError(500, op.error.code, op.error.message);
                        case 'Canceled':
                            throw new http_HttpError(409, op.error.code, op.error.message);
                    }
                },
            }),
        ];
    }
}

;// CONCATENATED MODULE: ./sandbox/arm/resources.ts
/**
 * Microsoft.Resources: subscriptions, resource groups and resource providers (registration state
 * NotRegistered → Registering → Registered after `settings.providerRegistrationDelayMs` on the sandbox
 * clock, and back through Unregistering).
 */





const REGIONS = [
    'West US 2', 'West US', 'West US 3', 'East US', 'East US 2', 'Central US', 'North Central US', 'South Central US', 'West Central US',
    'Canada Central', 'Canada East', 'Brazil South', 'North Europe', 'West Europe', 'UK South', 'UK West', 'France Central',
    'Germany West Central', 'Switzerland North', 'Norway East', 'Sweden Central', 'Poland Central', 'Italy North',
    'Australia East', 'Australia Southeast', 'Central India', 'South India', 'Japan East', 'Japan West', 'Korea Central',
    'East Asia', 'Southeast Asia', 'South Africa North', 'UAE North',
];
const EG_VERSIONS = [...EVENTGRID_API_VERSIONS];
const EG_TYPE = (resourceType, locations = REGIONS, capabilities = 'None') => ({ resourceType, locations, apiVersions: EG_VERSIONS, capabilities });
/** The resource providers the sandbox knows (others: 404 InvalidResourceNamespace). */
const PROVIDERS = [
    {
        namespace: 'Microsoft.EventGrid',
        registrationPolicy: 'RegistrationRequired',
        resourceTypes: [
            EG_TYPE('operations', []),
            EG_TYPE('locations', []),
            EG_TYPE('locations/operationsStatus', REGIONS),
            EG_TYPE('locations/operationResults', REGIONS),
            EG_TYPE('partnerConfigurations', ['global'], 'SupportsTags, SupportsLocation'),
            EG_TYPE('partnerTopics', REGIONS, 'SupportsTags, SupportsLocation'),
            EG_TYPE('partnerTopics/eventSubscriptions', REGIONS),
            EG_TYPE('verifiedPartners', ['global']),
        ],
    },
    {
        namespace: 'Microsoft.Resources',
        registrationPolicy: 'RegistrationFree',
        resourceTypes: [
            { resourceType: 'subscriptions', locations: [], apiVersions: [...SUBSCRIPTIONS_API_VERSIONS] },
            { resourceType: 'resourceGroups', locations: REGIONS, apiVersions: ['2025-04-01', '2024-11-01', '2024-03-01', '2022-09-01', '2021-04-01'], capabilities: 'SupportsTags, SupportsLocation' },
            { resourceType: 'subscriptions/providers', locations: [], apiVersions: ['2025-04-01', '2024-11-01', '2024-03-01', '2022-09-01', '2021-04-01'] },
        ],
    },
    {
        namespace: 'Microsoft.Authorization',
        registrationPolicy: 'RegistrationFree',
        resourceTypes: [{ resourceType: 'roleAssignments', locations: [], apiVersions: ['2022-04-01'] }],
    },
    ...['Microsoft.EventHub', 'Microsoft.ServiceBus', 'Microsoft.Storage', 'Microsoft.Web', 'Microsoft.Insights'].map((namespace) => ({ namespace, registrationPolicy: 'RegistrationRequired', resourceTypes: [] })),
];
const BY_NAMESPACE = new Map(PROVIDERS.map((p) => [key(p.namespace), p]));
/** The provider's registration in `sub` (lazily moving Registering/Unregistering on when their time has come). */
function registrationState(ctx, sub, def) {
    if (def.registrationPolicy === 'RegistrationFree')
        return 'Registered';
    const reg = sub.providers.get(key(def.namespace));
    if (!reg)
        return 'NotRegistered';
    if (reg.until !== undefined && reg.until <= ctx.clock.now()) {
        if (reg.state === 'Registering')
            reg.state = 'Registered';
        else if (reg.state === 'Unregistering')
            reg.state = 'NotRegistered';
        delete reg.until;
    }
    return reg.state;
}
function providerBody(ctx, sub, def) {
    return {
        id: `/subscriptions/${sub.subscriptionId}/providers/${def.namespace}`,
        namespace: def.namespace,
        registrationState: registrationState(ctx, sub, def),
        registrationPolicy: def.registrationPolicy,
        resourceTypes: def.resourceTypes.map((t) => ({
            resourceType: t.resourceType,
            locations: t.locations,
            apiVersions: t.apiVersions,
            ...(t.apiVersions.length ? { defaultApiVersion: t.apiVersions[0] } : {}),
            ...(t.capabilities ? { capabilities: t.capabilities } : {}),
        })),
    };
}
function providerOf(c) {
    const def = BY_NAMESPACE.get(key(c.params.resourceProviderNamespace));
    if (!def)
        throw new http_HttpError(404, 'InvalidResourceNamespace', `The resource namespace '${c.params.resourceProviderNamespace}' is invalid.`);
    return def;
}
/** Moves a provider to `state` now and on to `final` after the registration delay. */
function transition(ctx, sub, def, state, final) {
    const delay = ctx.settings.providerRegistrationDelayMs;
    const k = key(def.namespace);
    if (delay <= 0) {
        sub.providers.set(k, { namespace: def.namespace, state: final });
        return;
    }
    const reg = { namespace: def.namespace, state, until: ctx.clock.now() + delay };
    sub.providers.set(k, reg);
    ctx.clock.at(reg.until, () => {
        if (sub.providers.get(k) === reg && reg.state === state) {
            reg.state = final;
            delete reg.until;
        }
    });
}
function groupBody(sub, g) {
    return {
        id: `/subscriptions/${sub.subscriptionId}/resourceGroups/${g.name}`,
        name: g.name,
        type: 'Microsoft.Resources/resourceGroups',
        location: g.location,
        ...(Object.keys(g.tags).length ? { tags: g.tags } : {}),
        properties: { provisioningState: 'Succeeded' },
    };
}
function resourceRoutes(ctx) {
    const rgRead = (p) => ({ action: 'Microsoft.Resources/subscriptions/resourceGroups/read', scope: groupScope(p) });
    return [
        common_route({
            method: 'GET',
            template: '/subscriptions/{subscriptionId}',
            operation: 'Subscriptions_Get',
            namespace: RESOURCES,
            resourceType: 'subscriptions',
            apiVersions: SUBSCRIPTIONS_API_VERSIONS,
            authz: (p) => ({ action: 'Microsoft.Resources/subscriptions/read', scope: subScope(p) }),
            memberOnly: true,
            handler: (c) => {
                const sub = subOf(c);
                return {
                    status: 200,
                    body: {
                        id: `/subscriptions/${sub.subscriptionId}`,
                        subscriptionId: sub.subscriptionId,
                        tenantId: sub.tenantId,
                        displayName: sub.displayName,
                        state: 'Enabled',
                        subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'PayAsYouGo_2014-09-01', spendingLimit: 'Off' },
                        authorizationSource: 'RoleBased',
                    },
                };
            },
        }),
        common_route({
            method: 'GET',
            template: '/subscriptions/{subscriptionId}/resourcegroups',
            operation: 'ResourceGroups_List',
            namespace: RESOURCES,
            resourceType: 'resourceGroups',
            authz: (p) => ({ action: 'Microsoft.Resources/subscriptions/resourceGroups/read', scope: subScope(p) }),
            memberOnly: true,
            handler: (c) => {
                const sub = subOf(c);
                const principal = c.locals.caller?.principal;
                const visible = [...sub.resourceGroups.values()]
                    .filter((g) => allowed(principal, 'Microsoft.Resources/subscriptions/resourceGroups/read', `/subscriptions/${sub.subscriptionId}/resourceGroups/${g.name}`))
                    .map((g) => groupBody(sub, g));
                return { status: 200, body: page(ctx, c, visible, false) };
            },
        }),
        common_route({
            method: 'GET',
            template: '/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}',
            operation: 'ResourceGroups_Get',
            namespace: RESOURCES,
            resourceType: 'resourceGroups',
            authz: rgRead,
            handler: (c) => {
                const sub = subOf(c);
                const g = sub.resourceGroups.get(key(c.params.resourceGroupName));
                if (!g)
                    throw resourceGroupNotFound(c.params.resourceGroupName);
                return { status: 200, body: groupBody(sub, g) };
            },
        }),
        common_route({
            method: 'HEAD',
            template: '/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}',
            operation: 'ResourceGroups_CheckExistence',
            namespace: RESOURCES,
            resourceType: 'resourceGroups',
            authz: rgRead,
            handler: (c) => ({ status: subOf(c).resourceGroups.has(key(c.params.resourceGroupName)) ? 204 : 404 }),
        }),
        common_route({
            method: 'GET',
            template: '/subscriptions/{subscriptionId}/providers',
            operation: 'Providers_List',
            namespace: RESOURCES,
            resourceType: 'subscriptions/providers',
            authz: (p) => ({ action: 'Microsoft.Resources/subscriptions/providers/read', scope: subScope(p) }),
            memberOnly: true,
            handler: (c) => {
                const sub = subOf(c);
                const all = PROVIDERS.map((def) => ({ ...providerBody(ctx, sub, def), name: def.namespace }));
                const p = page(ctx, c, all, false);
                return { status: 200, body: { value: p.value.map(({ name: _n, ...rest }) => rest), ...(p.nextLink ? { nextLink: p.nextLink } : {}) } };
            },
        }),
        common_route({
            method: 'GET',
            template: '/subscriptions/{subscriptionId}/providers/{resourceProviderNamespace}',
            operation: 'Providers_Get',
            namespace: RESOURCES,
            resourceType: 'subscriptions/providers',
            authz: (p) => ({ action: 'Microsoft.Resources/subscriptions/providers/read', scope: subScope(p) }),
            memberOnly: true,
            handler: (c) => ({ status: 200, body: providerBody(ctx, subOf(c), providerOf(c)) }),
        }),
        common_route({
            method: 'POST',
            template: '/subscriptions/{subscriptionId}/providers/{resourceProviderNamespace}/register',
            operation: 'Providers_Register',
            namespace: RESOURCES,
            resourceType: 'subscriptions/providers',
            authz: (p) => ({ action: `${BY_NAMESPACE.get(key(p.resourceProviderNamespace))?.namespace ?? p.resourceProviderNamespace}/register/action`, scope: subScope(p) }),
            handler: (c) => {
                const sub = subOf(c);
                const def = providerOf(c);
                const state = registrationState(ctx, sub, def);
                if (state === 'NotRegistered' || state === 'Unregistering')
                    transition(ctx, sub, def, 'Registering', 'Registered');
                return { status: 200, body: providerBody(ctx, sub, def) };
            },
        }),
        common_route({
            method: 'POST',
            template: '/subscriptions/{subscriptionId}/providers/{resourceProviderNamespace}/unregister',
            operation: 'Providers_Unregister',
            namespace: RESOURCES,
            resourceType: 'subscriptions/providers',
            authz: (p) => ({ action: `${BY_NAMESPACE.get(key(p.resourceProviderNamespace))?.namespace ?? p.resourceProviderNamespace}/unregister/action`, scope: subScope(p) }),
            handler: (c) => {
                const sub = subOf(c);
                const def = providerOf(c);
                if (def.registrationPolicy === 'RegistrationFree') {
                    throw new http_HttpError(409, 'Conflict', `The resource provider '${def.namespace}' cannot be unregistered: its registration policy is RegistrationFree.`);
                }
                const state = registrationState(ctx, sub, def);
                if (state === 'Registered' || state === 'Registering')
                    transition(ctx, sub, def, 'Unregistering', 'NotRegistered');
                return { status: 200, body: providerBody(ctx, sub, def) };
            },
        }),
    ];
}
function isKnownNamespace(ns) {
    return BY_NAMESPACE.has(key(ns));
}
const EVENTGRID_DEF = BY_NAMESPACE.get('microsoft.eventgrid');
/** Whether Microsoft.EventGrid is Registered on `sub` (flipping a finished Registering/Unregistering). */
function eventGridRegistered(ctx, sub) {
    return registrationState(ctx, sub, EVENTGRID_DEF) === 'Registered';
}
/** A resource type of a known provider (the first type segment, case-insensitive), if any. */
function resourceTypeOf(namespace, type) {
    const t = type.toLowerCase();
    return BY_NAMESPACE.get(key(namespace))?.resourceTypes.find((r) => r.resourceType.toLowerCase() === t);
}

;// CONCATENATED MODULE: ./sandbox/arm/throttle.ts
/**
 * ARM request accounting per subscription: the `x-ms-ratelimit-remaining-subscription-{reads,writes,deletes}`
 * headers (ARM's classic hourly budgets: 12,000 reads, 1,200 writes, 15,000 deletes) and, when
 * `settings.armRateLimitPerSecond` is set, 429 `SubscriptionRequestsThrottled` with `Retry-After` once a
 * subscription exceeds that many requests in a second of the sandbox clock.
 */

const HOURLY = { reads: 12_000, writes: 1_200, deletes: 15_000 };
const HOUR = 3_600_000;
function kindOf(method) {
    if (method === 'GET' || method === 'HEAD')
        return 'reads';
    if (method === 'DELETE')
        return 'deletes';
    return 'writes';
}
const SINGULAR = { reads: 'read', writes: 'write', deletes: 'delete' };
class ArmThrottle {
    ctx;
    counters = new Map();
    constructor(ctx) {
        this.ctx = ctx;
    }
    counter(scopeKey, now) {
        let c = this.counters.get(scopeKey);
        if (!c) {
            if (this.counters.size > 50_000)
                this.counters.clear();
            c = { hour: Math.floor(now / HOUR), reads: 0, writes: 0, deletes: 0, second: 0, inSecond: 0 };
            this.counters.set(scopeKey, c);
        }
        const hour = Math.floor(now / HOUR);
        if (c.hour !== hour) {
            c.hour = hour;
            c.reads = c.writes = c.deletes = 0;
        }
        return c;
    }
    /** Counts a request against the per-second limit; throws 429 once it is exceeded. */
    admit(subscriptionId, kind, actor) {
        const limit = this.ctx.settings.armRateLimitPerSecond;
        if (!(limit > 0))
            return;
        const now = this.ctx.clock.now();
        const c = this.counter(this.ctx.settings.armRateLimitScope === 'global' ? 'global' : `subscription:${subscriptionId.toLowerCase()}`, now);
        const second = Math.floor(now / 1000);
        if (c.second !== second) {
            c.second = second;
            c.inSecond = 0;
        }
        if (c.inSecond >= limit) {
            const untilNext = (second + 1) * 1000 - now;
            const wait = Math.max(this.ctx.settings.retryAfterSeconds, Math.ceil(untilNext / 1000), 1);
            throw new http_HttpError(429, 'SubscriptionRequestsThrottled', `Number of '${SINGULAR[kind]}' requests for subscription '${subscriptionId}' actor '${actor}' exceeded. Please try again after '${wait}' seconds after additional tokens are available. Refer to https://aka.ms/arm-throttling`, { 'Retry-After': String(wait), [`x-ms-ratelimit-remaining-subscription-${kind}`]: '0' });
        }
        c.inSecond++;
    }
    /** Records an answered request and returns the remaining-budget header for it. */
    record(scope, scopeId, kind) {
        const c = this.counter(`${scope}:${scopeId.toLowerCase()}`, this.ctx.clock.now());
        c[kind]++;
        return [`x-ms-ratelimit-remaining-${scope}-${kind}`, String(Math.max(0, HOURLY[kind] - c[kind]))];
    }
}

;// CONCATENATED MODULE: ./sandbox/arm/index.ts
/**
 * The sandbox's Azure Resource Manager: Microsoft.Resources (subscriptions, resource groups, resource
 * providers) and the partner-events part of Microsoft.EventGrid 2025-02-15 (partner configurations,
 * partner topics, their event subscriptions, verified partners, operation status), behind ARM's front
 * door: Entra ID bearer tokens, api-version checks, subscription and tenant checks, throttling, Azure
 * RBAC, resource-provider registration, ARM's error bodies and standard headers.
 *
 * Every request passes, in order: authentication (401) → api-version (400) → subscription (404
 * SubscriptionNotFound) → throttling (429) → RBAC (403) → provider registration (409) → the handler.
 */














/** The region ARM's routing ids name (`x-ms-routing-request-id: WESTUS2:20240305T024706Z:{correlation id}`). */
const ROUTING_REGION = 'WESTUS2';
const SUB_IN_PATH = /^\/subscriptions\/([^/]+)/i;
const PROVIDER_IN_PATH = /^(?:\/subscriptions\/[^/]+(?:\/resourcegroups\/[^/]+)?)?\/providers\/([^/]+)(?:\/([^/]+))?/i;
const ISO_PUNCT = /[-:]/g;
function apiVersionError(ctx, c, meta, version) {
    const supported = [...meta.apiVersions];
    if (meta.namespace === EVENTGRID) {
        const type = resourceTypeOf(EVENTGRID, meta.resourceType);
        const locations = type?.locations.length ? type.locations.map((l) => l.replace(/\s+/g, '').toLowerCase()) : ['global'];
        const group = c.params.resourceGroupName ? ctx.world.subscriptions.get(key(c.params.subscriptionId ?? ''))?.resourceGroups.get(key(c.params.resourceGroupName)) : undefined;
        const location = group?.location ?? (locations.includes('global') ? 'global' : locations[0]);
        return new http_HttpError(400, 'NoRegisteredProviderFound', `No registered resource provider found for location '${location}' and API version '${version}' for type '${meta.resourceType}'. ` +
            `The supported api-versions are '${supported.join(', ')}'. The supported locations are '${locations.join(', ')}'.`);
    }
    return new http_HttpError(400, 'InvalidApiVersionParameter', `The api-version '${version}' is invalid. The supported versions are '${supported.join(',')}'.`);
}
function armService(ctx) {
    const lro = new LroBook(ctx);
    const throttle = new ArmThrottle(ctx);
    const deps = { ctx, lro };
    const routes = [
        ...resourceRoutes(ctx),
        ...partnerConfigurationRoutes(deps),
        ...partnerTopicRoutes(deps),
        ...eventSubscriptionRoutes(deps),
        ...verifiedPartnerRoutes(deps),
        ...lro.routes(),
        // Azure Monitor metrics of partner topics (Microsoft.Insights/metrics), recorded by the delivery engine.
        ...metricsRoutes(ctx, () => (ctx.delivery instanceof DeliveryEngine ? ctx.delivery.metrics : undefined)),
    ];
    async function before(c, r) {
        const meta = r.arm;
        const sub = meta.subscriptionScoped ? ctx.world.subscriptions.get(key(c.params.subscriptionId)) : undefined;
        const caller = await arm_auth_authenticate(ctx, c, sub?.tenantId);
        c.locals.caller = caller;
        c.locals.claims = caller.claims;
        const version = c.query.get('api-version');
        if (!version)
            throw new http_HttpError(400, 'MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.');
        if (!meta.apiVersions.has(version))
            throw apiVersionError(ctx, c, meta, version);
        if (meta.subscriptionScoped) {
            if (!sub || sub.tenantId.toLowerCase() !== caller.tenantId.toLowerCase()) {
                throw new http_HttpError(404, 'SubscriptionNotFound', `The subscription '${c.params.subscriptionId}' could not be found.`);
            }
            c.locals.sub = sub;
            throttle.admit(sub.subscriptionId, kindOf(c.method), caller.objectId);
        }
        if (meta.authz !== 'any') {
            const { action, scope } = meta.authz(c.params);
            const ok = meta.memberOnly ? isMemberOf(caller.principal, sub.subscriptionId) : allowed(caller.principal, action, scope);
            if (!ok)
                throw authorizationFailed(caller, action, scope);
        }
        if (meta.requiresRegistration && !eventGridRegistered(ctx, sub)) {
            const message = `The subscription is not registered to use namespace '${EVENTGRID}'. See https://aka.ms/rps-not-found for how to register subscriptions.`;
            throw new http_HttpError(409, 'MissingSubscriptionRegistration', message, {}, [{ code: 'MissingSubscriptionRegistration', target: EVENTGRID, message }]);
        }
    }
    function decorate(c, reply) {
        // A copy: a scripted fault's headers object is shared by every answer it produces.
        const h = (reply.headers = { ...reply.headers });
        const correlation = c.headers['x-ms-correlation-request-id'] ?? (c.locals.correlation ??= (0,external_node_crypto_.randomUUID)());
        const stamp = ctx.clock.iso().slice(0, 19).replace(ISO_PUNCT, '');
        h['x-ms-request-id'] ??= c.requestId;
        h['x-ms-correlation-request-id'] ??= correlation;
        h['x-ms-routing-request-id'] ??= `${ROUTING_REGION}:${stamp}Z:${correlation}`;
        const kind = kindOf(c.method);
        const subId = c.locals.sub?.subscriptionId ?? c.params.subscriptionId ?? SUB_IN_PATH.exec(c.path)?.[1];
        const [name, value] = subId
            ? throttle.record('subscription', subId, kind)
            : throttle.record('tenant', c.locals.caller?.tenantId ?? 'anonymous', kind);
        h[name] ??= value;
        h['Cache-Control'] ??= 'no-cache';
        h['Pragma'] ??= 'no-cache';
        h['Expires'] ??= '-1';
        h['X-Content-Type-Options'] ??= 'nosniff';
        h['Strict-Transport-Security'] ??= 'max-age=31536000; includeSubDomains';
    }
    function notFound(c) {
        const m = PROVIDER_IN_PATH.exec(c.path);
        if (m) {
            const [, ns, type] = m;
            if (!isKnownNamespace(ns))
                return new http_HttpError(404, 'InvalidResourceNamespace', `The resource namespace '${ns}' is invalid.`);
            if (type && !resourceTypeOf(ns, type) && !['register', 'unregister'].includes(type.toLowerCase())) {
                return new http_HttpError(404, 'InvalidResourceType', `The resource type '${type}' could not be found in the namespace '${ns}' for api version '${c.query.get('api-version') ?? ''}'.`);
            }
        }
        return new http_HttpError(404, 'NotFound', `No HTTP resource was found that matches the request URI '${ctx.endpoints.arm}${c.url.pathname}${c.url.search}'.`);
    }
    return {
        name: 'arm',
        routes,
        before,
        decorate,
        notFound,
        errorBody: (err) => ({
            error: { code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) },
        }),
    };
}

;// CONCATENATED MODULE: ./sandbox/entra/errors.ts
/**
 * Microsoft Entra ID's error answers. The token and discovery endpoints answer
 *
 *   {"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. …
 *    Trace ID: … Correlation ID: … Timestamp: 2025-10-13 14:54:34Z","error_codes":[7000215],
 *    "timestamp":"2025-10-13 14:54:34Z","trace_id":"…","correlation_id":"…",
 *    "error_uri":"https://login.microsoftonline.com/error?code=7000215"}
 *
 * The correlation id is the caller's `client-request-id` when it sent one (MSAL does), so the ids in
 * an SDK error match the request. Descriptions never contain a client secret or an assertion.
 */


/** An error with an AADSTS code: `error` is the OAuth error (`invalid_client`, …). */
class EntraError extends http_HttpError {
    aadsts;
    constructor(status, error, aadsts, description) {
        super(status, error, `AADSTS${aadsts}: ${description}`);
        this.aadsts = aadsts;
    }
}
const errors_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const errors_isGuid = (s) => errors_GUID.test(s);
/** Entra's timestamp format in error bodies: `2025-10-13 14:54:34Z`. */
function entraTimestamp(ms) {
    return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}
/**
 * The request's correlation id: the caller's `client-request-id` (a GUID; MSAL Node sends it as a
 * query parameter of the token request, other clients as a header) or a new one.
 */
function correlationId(ctx) {
    if (!ctx.locals.correlationId) {
        const sent = ctx.query.get('client-request-id') ?? ctx.headers['client-request-id'];
        ctx.locals.correlationId = typeof sent === 'string' && errors_isGuid(sent) ? sent.toLowerCase() : (0,external_node_crypto_.randomUUID)();
    }
    return ctx.locals.correlationId;
}
/** OAuth error names for errors that are not EntraErrors (scripted faults, unknown paths, bad bodies). */
function errors_oauthError(err) {
    if (/^[a-z]+(_[a-z]+)*$/.test(err.code))
        return err.code;
    if (err.status === 401)
        return 'invalid_client';
    if (err.status === 404)
        return 'not_found';
    if (err.status === 429 || err.status === 503)
        return 'temporarily_unavailable';
    if (err.status >= 500)
        return 'server_error';
    return 'invalid_request';
}
function entraErrorBody(err, ctx) {
    const timestamp = entraTimestamp(ctx.sandbox.clock.now());
    const traceId = ctx.requestId;
    const correlation = correlationId(ctx);
    const codes = err instanceof EntraError ? [err.aadsts] : [];
    return {
        error: errors_oauthError(err),
        error_description: `${err.message} Trace ID: ${traceId} Correlation ID: ${correlation} Timestamp: ${timestamp}`,
        error_codes: codes,
        timestamp,
        trace_id: traceId,
        correlation_id: correlation,
        ...(codes.length ? { error_uri: `${ctx.sandbox.endpoints.entra}/error?code=${codes[0]}` } : {}),
    };
}

// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/decode_jwt.js
var decode_jwt = __webpack_require__(77961);
;// CONCATENATED MODULE: ./sandbox/entra/federation.ts
/**
 * Workload identity federation: checking a client assertion (an external OIDC token, e.g. from
 * GitHub Actions) against an app's federated identity credentials, as Entra ID does for
 * `client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer`.
 *
 * Order of checks (each failure is Entra's own error): the token must be a JWT (AADSTS50027); a
 * credential must name its issuer (AADSTS700211); the signature must verify with that issuer's key
 * (AADSTS700027) and the token must be within its lifetime (AADSTS700024); a credential of that issuer
 * must name its subject, compared case-sensitively (AADSTS700213, or AADSTS7002138 when only the case
 * differs); and one of those must list one of its audiences (AADSTS700212).
 *
 * Offline, the sandbox cannot fetch a foreign issuer's keys, so only tokens of its own GitHub Actions
 * issuer can be verified; a credential naming any other issuer never matches (AADSTS700211).
 */


const JWT_BEARER_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** Seeds may say `github-actions` for the sandbox's own GitHub Actions issuer. */
const GITHUB_ACTIONS_ISSUER_ALIAS = 'github-actions';
const FIC_HELP = 'Check your federated identity credential Subject, Audience and Issuer against the presented assertion. https://learn.microsoft.com/entra/workload-id/workload-identity-federation';
/** The issuer URL a federated credential names. */
function credentialIssuer(ctx, fc) {
    return fc.issuer === GITHUB_ACTIONS_ISSUER_ALIAS ? ctx.oidcIssuer() : fc.issuer;
}
/** The verifier of an issuer whose keys the sandbox holds (only its own GitHub Actions issuer). */
function verifierFor(ctx, issuer) {
    return issuer === ctx.oidcIssuer() ? ctx.verifiers.oidc : undefined;
}
/** `2024-10-02T22:05:03.6755165Z`: the 7-digit fraction Entra prints. */
const entraIso = (ms) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
function isTimeError(e) {
    const err = e;
    return (err?.code === 'ERR_JWT_EXPIRED' ||
        (err?.code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && (err.claim === 'nbf' || err.claim === 'iat')) ||
        /"exp" claim/.test(err?.message ?? ''));
}
/**
 * Checks `assertion` for `principal`; answers the assertion's claims and the matching credential,
 * or throws the EntraError Entra would answer. Error descriptions quote the assertion's issuer,
 * subject or audience (as Entra does), never the assertion itself.
 */
async function verifyFederatedAssertion(ctx, principal, assertion) {
    let claims;
    try {
        claims = (0,decode_jwt/* decodeJwt */.i)(assertion);
    }
    catch {
        throw new EntraError(400, 'invalid_request', 50027, 'JWT token is invalid or malformed.');
    }
    if (typeof claims.iss !== 'string' || typeof claims.sub !== 'string' || typeof claims.exp !== 'number') {
        throw new EntraError(400, 'invalid_request', 50027, 'JWT token is invalid or malformed.');
    }
    const issuer = claims.iss;
    const subject = claims.sub;
    const verifier = verifierFor(ctx, issuer);
    const ofIssuer = principal.federatedCredentials.filter((fc) => credentialIssuer(ctx, fc) === issuer);
    if (!verifier || !ofIssuer.length) {
        throw new EntraError(401, 'invalid_client', 700211, `No matching federated identity record found for presented assertion issuer '${issuer}'. ${FIC_HELP}`);
    }
    const now = ctx.clock.now();
    try {
        await verifier.verify(assertion, now);
    }
    catch (e) {
        if (isTimeError(e)) {
            const from = typeof claims.nbf === 'number' ? claims.nbf : typeof claims.iat === 'number' ? claims.iat : 0;
            throw new EntraError(401, 'invalid_client', 700024, `Client assertion is not within its valid time range. Current time: ${entraIso(now)}, assertion valid from ${entraIso(from * 1000)}, expiry time of assertion ${entraIso(claims.exp * 1000)}. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .`);
        }
        throw new EntraError(401, 'invalid_client', 700027, 'Client assertion failed signature validation.');
    }
    const ofSubject = ofIssuer.filter((fc) => fc.subject === subject);
    if (!ofSubject.length) {
        if (ofIssuer.some((fc) => fc.subject.toLowerCase() === subject.toLowerCase())) {
            throw new EntraError(401, 'invalid_client', 7002138, `No matching federated identity record found for presented assertion subject '${subject}'. The subject matches with case-insensitive comparison, but not with case-sensitive comparison. ${FIC_HELP}`);
        }
        throw new EntraError(401, 'invalid_client', 700213, `No matching federated identity record found for presented assertion subject '${subject}'. ${FIC_HELP}`);
    }
    const audiences = Array.isArray(claims.aud) ? claims.aud : typeof claims.aud === 'string' ? [claims.aud] : [];
    const credential = ofSubject.find((fc) => audiences.some((a) => fc.audiences.includes(a)));
    if (!credential) {
        throw new EntraError(401, 'invalid_client', 700212, `No matching federated identity record found for presented assertion audience '${audiences.join(', ')}'. ${FIC_HELP}`);
    }
    return { claims, credential };
}

;// CONCATENATED MODULE: ./sandbox/entra/entra.ts
/**
 * Microsoft Entra ID, as far as confidential clients in a non-public cloud need it: what MSAL Node
 * (inside @azure/identity) requests when given `authorityHost: <this listener>` and
 * `disableInstanceDiscovery: true`.
 *
 * MSAL first GETs `{authority}/{tenant}/v2.0/.well-known/openid-configuration` (it has no hard-coded
 * metadata for a custom host) and requires `authorization_endpoint`, `token_endpoint`, `issuer` and
 * `jwks_uri`, with the issuer on the authority's own origin; then it POSTs the client-credentials
 * request to the advertised `token_endpoint`. Also served: the v1 discovery document, both JWKS URLs
 * and the v1 token endpoint (`resource=` instead of `scope=`), for relying parties and older clients.
 * Interactive sign-in (authorize, device code, logout) is not modelled.
 *
 * Tenants are the tenant ids the world knows (its principals' and subscriptions'); domain names are
 * not modelled. `common`, `organizations` and `consumers` have discovery documents, but the
 * client-credentials grant needs a tenant id (MSAL refuses those authorities itself before calling).
 */






/** Lifetime of access tokens, and the `expires_in` answered. */
const ACCESS_TOKEN_TTL_SECONDS = 3599;
const entra_ALIASES = new Set(['common', 'organizations', 'consumers']);
/** The tenant of personal Microsoft accounts, the issuer tenant of `consumers`. */
const MSA_TENANT = '9188040d-6c67-4c5b-b112-36a304b66dad';
/**
 * Resources a client-credentials token may be requested for, besides the world's own apps
 * (`api://{clientId}` or the client id). Matched without one trailing slash, case-insensitively.
 */
const FIRST_PARTY_RESOURCES = new Set([
    'https://management.azure.com',
    'https://management.core.windows.net',
    'https://graph.microsoft.com',
    'https://eventgrid.azure.net',
    'https://vault.azure.net',
    'https://storage.azure.com',
    'https://servicebus.azure.net',
    'https://eventhubs.azure.net',
]);
/** Tenant ids (lower case) the world knows. */
function knownTenants(ctx) {
    const tenants = new Set();
    if (ctx.seed.tenantId)
        tenants.add(ctx.seed.tenantId.toLowerCase());
    for (const p of ctx.world.principals.values())
        tenants.add(p.tenantId.toLowerCase());
    for (const s of ctx.world.subscriptions.values())
        tenants.add(s.tenantId.toLowerCase());
    return tenants;
}
/** Resolves the `{tenant}` path segment, or throws Entra's error (discovery says `invalid_tenant`). */
function resolveTenant(ctx, raw, where) {
    const t = raw.toLowerCase();
    if (entra_ALIASES.has(t))
        return { kind: 'alias', alias: t };
    const shown = raw.length > 100 ? `${raw.slice(0, 100)}…` : raw;
    if (errors_isGuid(t) || /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(t)) {
        if (knownTenants(ctx).has(t))
            return { kind: 'tenant', tenantId: t };
        throw new EntraError(400, where === 'discovery' ? 'invalid_tenant' : 'invalid_request', 90002, `Tenant '${shown}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`);
    }
    throw new EntraError(400, 'invalid_request', 900023, `Specified tenant identifier '${shown}' is neither a valid DNS name, nor a valid external domain.`);
}
const missingParameter = (name) => new EntraError(400, 'invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`);
/** The form fields of a token request (a body in any other format has none, as for Entra). */
function formFields(c) {
    const ct = String(c.headers['content-type'] ?? '').toLowerCase();
    if (!ct.includes('application/x-www-form-urlencoded') || !c.body || typeof c.body !== 'object')
        return {};
    const out = {};
    for (const [k, v] of Object.entries(c.body))
        if (typeof v === 'string')
            out[k] = v;
    return out;
}
/** `Authorization: Basic base64(urlencode(client_id):urlencode(client_secret))` (client_secret_basic). */
function basicCredentials(c) {
    const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(String(c.headers.authorization ?? ''));
    if (!m)
        return undefined;
    const decoded = Buffer.from(m[1], 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    if (i < 0)
        return undefined;
    try {
        return { clientId: decodeURIComponent(decoded.slice(0, i)), secret: decodeURIComponent(decoded.slice(i + 1)) };
    }
    catch {
        return undefined;
    }
}
/** Constant-time comparison of a presented secret with a stored one. */
function secretMatches(stored, presented) {
    const a = (0,external_node_crypto_.createHash)('sha256').update(stored).digest();
    const b = (0,external_node_crypto_.createHash)('sha256').update(presented).digest();
    return (0,external_node_crypto_.timingSafeEqual)(a, b);
}
const trimSlash = (s) => s.replace(/\/$/, '').toLowerCase();
/** Whether `resource` names something the tenant can issue tokens for. */
function resourceExists(ctx, tenantId, resource) {
    const r = trimSlash(resource);
    if (FIRST_PARTY_RESOURCES.has(r))
        return true;
    const appId = r.startsWith('api://') ? r.slice('api://'.length) : r;
    const app = ctx.world.principals.get(key(appId));
    return !!app && app.tenantId.toLowerCase() === tenantId;
}
/** The resource of a v2 `scope` parameter: one `{resource}/.default`, OIDC scopes ignored. */
function resourceFromScope(scope) {
    const scopes = scope.split(/\s+/).filter((s) => s && !['openid', 'profile', 'offline_access', 'email'].includes(s));
    if (!scopes.length)
        throw missingParameter('scope');
    const notDefault = scopes.find((s) => !s.endsWith('/.default'));
    if (notDefault) {
        throw new EntraError(400, 'invalid_scope', 1002012, `The provided value for scope ${notDefault} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
    }
    const resources = [...new Set(scopes.map((s) => s.slice(0, -'/.default'.length)))];
    if (resources.length > 1) {
        throw new EntraError(400, 'invalid_scope', 28000, `Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${scopes.join(' ')} is not valid.`);
    }
    if (!resources[0])
        throw new EntraError(400, 'invalid_scope', 70011, `The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.`);
    return resources[0];
}
/**
 * Access tokens are v1.0 tokens, the format Azure Resource Manager receives: RS256 JWTs signed with
 * ctx.keys.entra (its `kid` in the header), verifiable with ctx.verifiers.entra. Claims:
 *   aud       the requested resource exactly as sent, minus `/.default` (`https://management.azure.com`;
 *             `https://management.core.windows.net/` for the scope `https://management.core.windows.net//.default`)
 *   iss, idp  `https://sts.windows.net/{tenantId}/`
 *   tid       the tenant id
 *   appid     the client id (lower case): ARM finds the principal in ctx.world.principals by it
 *   appidacr  how the client authenticated: '1' client secret, '2' client assertion (federated token)
 *   oid, sub  the service principal's object id
 *   idtyp     'app' (an app-only token); ver '1.0'; uti a unique token id; rh an opaque value
 *   app_displayname  the principal's display name
 *   iat, nbf (iat − 300 s), exp (iat + 3599 s) on the sandbox clock; jti
 */
async function issueAccessToken(ctx, principal, resourceAudience, opts = {}) {
    const tid = principal.tenantId.toLowerCase();
    const sts = `https://sts.windows.net/${tid}/`;
    const uti = (0,external_node_crypto_.randomBytes)(16).toString('base64url');
    return signJwt(ctx.keys.entra, {
        aud: resourceAudience,
        iss: sts,
        idp: sts,
        tid,
        appid: principal.clientId.toLowerCase(),
        appidacr: opts.appidacr ?? '1',
        app_displayname: principal.displayName,
        oid: principal.objectId,
        sub: principal.objectId,
        idtyp: 'app',
        ver: '1.0',
        uti,
        rh: `0.${uti}.`,
    }, { nowMs: opts.nowMs ?? ctx.clock.now(), ttlSeconds: ACCESS_TOKEN_TTL_SECONDS });
}
/** The client-credentials grant shared by the v2 (`scope`) and v1 (`resource`) token endpoints. */
async function clientCredentialsToken(ctx, c, version) {
    const tenant = resolveTenant(ctx, c.params.tenant, 'token');
    const form = formFields(c);
    const basic = basicCredentials(c);
    const grant = form.grant_type;
    if (!grant)
        throw missingParameter('grant_type');
    if (grant !== 'client_credentials')
        throw new EntraError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grant.slice(0, 100)}'.`);
    const clientId = form.client_id ?? basic?.clientId;
    if (!clientId)
        throw missingParameter('client_id');
    let resource;
    if (version === 'v2') {
        if (form.scope === undefined)
            throw missingParameter('scope');
        resource = resourceFromScope(form.scope);
    }
    else {
        if (!form.resource)
            throw missingParameter('resource');
        resource = form.resource;
    }
    const shownClient = clientId.length > 100 ? `${clientId.slice(0, 100)}…` : clientId;
    const principal = ctx.world.principals.get(key(clientId));
    if (tenant.kind === 'alias') {
        if (principal) {
            throw new EntraError(400, 'invalid_request', 50194, `Application '${principal.clientId}'(${principal.displayName}) is not configured as a multi-tenant application. Usage of the /${tenant.alias} endpoint is not supported for such applications created after '10/15/2018'. Use a tenant-specific endpoint or configure the application to be multi-tenant.`);
        }
        throw new EntraError(400, 'unauthorized_client', 700016, `Application with identifier '${shownClient}' was not found in the directory '${tenant.alias}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`);
    }
    const tenantId = tenant.tenantId;
    if (!principal || principal.tenantId.toLowerCase() !== tenantId) {
        throw new EntraError(400, 'unauthorized_client', 700016, `Application with identifier '${shownClient}' was not found in the directory '${tenantId}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`);
    }
    // Client authentication: a secret (in the body or HTTP Basic) or a federated client assertion.
    const secret = form.client_secret ?? basic?.secret;
    const hasAssertion = form.client_assertion !== undefined || form.client_assertion_type !== undefined;
    let appidacr;
    if (secret !== undefined && hasAssertion) {
        throw new EntraError(400, 'invalid_request', 90023, "Only one client credential may be presented: send either 'client_secret' or 'client_assertion'.");
    }
    if (hasAssertion) {
        if (form.client_assertion_type !== JWT_BEARER_ASSERTION_TYPE) {
            throw new EntraError(400, 'invalid_request', 90023, `The client_assertion_type must be '${JWT_BEARER_ASSERTION_TYPE}'.`);
        }
        if (!form.client_assertion)
            throw missingParameter('client_assertion');
        await verifyFederatedAssertion(ctx, principal, form.client_assertion);
        appidacr = '2';
    }
    else if (secret !== undefined) {
        if (!principal.secrets.some((s) => secretMatches(s, secret))) {
            throw new EntraError(401, 'invalid_client', 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${principal.clientId}'.`);
        }
        appidacr = '1';
    }
    else {
        throw new EntraError(401, 'invalid_client', 7000216, "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.");
    }
    if (!resourceExists(ctx, tenantId, resource)) {
        throw new EntraError(400, 'invalid_resource', 500011, `The resource principal named ${resource.slice(0, 200)} was not found in the tenant named ${tenantId}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`);
    }
    const nowMs = ctx.clock.now();
    const accessToken = await issueAccessToken(ctx, principal, resource, { appidacr, nowMs });
    const iat = Math.floor(nowMs / 1000);
    const headers = { 'cache-control': 'no-store, no-cache', pragma: 'no-cache' };
    if (version === 'v2') {
        return { status: 200, headers, body: { token_type: 'Bearer', expires_in: ACCESS_TOKEN_TTL_SECONDS, ext_expires_in: ACCESS_TOKEN_TTL_SECONDS, access_token: accessToken } };
    }
    // The v1 endpoint answers numbers as strings.
    return {
        status: 200,
        headers,
        body: {
            token_type: 'Bearer',
            expires_in: String(ACCESS_TOKEN_TTL_SECONDS),
            ext_expires_in: String(ACCESS_TOKEN_TTL_SECONDS),
            expires_on: String(iat + ACCESS_TOKEN_TTL_SECONDS),
            not_before: String(iat - 300),
            resource,
            access_token: accessToken,
        },
    };
}
const DISCOVERY_HEADERS = { 'cache-control': 'max-age=86400, private', 'access-control-allow-origin': '*' };
/** The v2.0 discovery document; endpoint paths keep the requested segment, the issuer names the tenant. */
function v2Configuration(base, segment, ref) {
    const t = `${base}/${segment}`;
    const issuerTenant = ref.kind === 'tenant' ? ref.tenantId : ref.alias === 'consumers' ? MSA_TENANT : '{tenantid}';
    return {
        token_endpoint: `${t}/oauth2/v2.0/token`,
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
        jwks_uri: `${t}/discovery/v2.0/keys`,
        response_modes_supported: ['query', 'fragment', 'form_post'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        issuer: `${base}/${issuerTenant}/v2.0`,
        request_uri_parameter_supported: false,
        authorization_endpoint: `${t}/oauth2/v2.0/authorize`,
        device_authorization_endpoint: `${t}/oauth2/v2.0/devicecode`,
        http_logout_supported: true,
        frontchannel_logout_supported: true,
        end_session_endpoint: `${t}/oauth2/v2.0/logout`,
        claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email'],
        tenant_region_scope: ref.kind === 'tenant' ? 'NA' : null,
    };
}
/** The v1 discovery document: its issuer is the access tokens' `https://sts.windows.net/{tid}/`. */
function v1Configuration(base, segment, ref) {
    const t = `${base}/${segment}`;
    return {
        token_endpoint: `${t}/oauth2/token`,
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
        jwks_uri: `${t}/discovery/keys`,
        response_modes_supported: ['query', 'fragment', 'form_post'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        response_types_supported: ['code', 'id_token', 'code id_token', 'token id_token', 'token'],
        scopes_supported: ['openid'],
        issuer: `https://sts.windows.net/${ref.kind === 'tenant' ? ref.tenantId : '{tenantid}'}/`,
        microsoft_multi_refresh_token: true,
        authorization_endpoint: `${t}/oauth2/authorize`,
        device_authorization_endpoint: `${t}/oauth2/devicecode`,
        http_logout_supported: true,
        frontchannel_logout_supported: true,
        end_session_endpoint: `${t}/oauth2/logout`,
        claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'amr', 'nonce', 'email', 'given_name', 'family_name', 'nickname'],
        tenant_region_scope: ref.kind === 'tenant' ? 'NA' : null,
    };
}
function entraService(ctx) {
    const base = () => ctx.endpoints.entra;
    const jwks = () => ({ keys: [{ ...ctx.keys.entra.jwk }] });
    const getOnly = () => {
        throw new EntraError(400, 'invalid_request', 900561, 'The endpoint only accepts POST, OPTIONS requests. Received a GET request.');
    };
    const routes = [
        {
            method: 'GET',
            pattern: path('/{tenant}/v2.0/.well-known/openid-configuration'),
            operation: 'openid-configuration.v2',
            handler: (c) => ({ status: 200, headers: { ...DISCOVERY_HEADERS }, body: v2Configuration(base(), c.params.tenant, resolveTenant(ctx, c.params.tenant, 'discovery')) }),
        },
        {
            method: 'GET',
            pattern: path('/{tenant}/.well-known/openid-configuration'),
            operation: 'openid-configuration.v1',
            handler: (c) => {
                const ref = resolveTenant(ctx, c.params.tenant, 'discovery');
                // Only `common` among the aliases has a v1 document.
                if (ref.kind === 'alias' && ref.alias !== 'common') {
                    throw new EntraError(400, 'invalid_tenant', 90002, `Tenant '${ref.alias}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`);
                }
                return { status: 200, headers: { ...DISCOVERY_HEADERS }, body: v1Configuration(base(), c.params.tenant, ref) };
            },
        },
        {
            method: 'GET',
            pattern: path('/{tenant}/discovery/v2.0/keys'),
            operation: 'keys.v2',
            handler: (c) => (resolveTenant(ctx, c.params.tenant, 'discovery'), { status: 200, headers: { ...DISCOVERY_HEADERS }, body: jwks() }),
        },
        {
            method: 'GET',
            pattern: path('/{tenant}/discovery/keys'),
            operation: 'keys.v1',
            handler: (c) => (resolveTenant(ctx, c.params.tenant, 'discovery'), { status: 200, headers: { ...DISCOVERY_HEADERS }, body: jwks() }),
        },
        // Issuing a token changes nothing in the world: not a write in the request log.
        { method: 'POST', pattern: path('/{tenant}/oauth2/v2.0/token'), operation: 'token.v2', write: false, handler: (c) => clientCredentialsToken(ctx, c, 'v2') },
        { method: 'GET', pattern: path('/{tenant}/oauth2/v2.0/token'), operation: 'token.v2', write: false, handler: getOnly },
        { method: 'POST', pattern: path('/{tenant}/oauth2/token'), operation: 'token.v1', write: false, handler: (c) => clientCredentialsToken(ctx, c, 'v1') },
        { method: 'GET', pattern: path('/{tenant}/oauth2/token'), operation: 'token.v1', write: false, handler: getOnly },
    ];
    return {
        name: 'entra',
        routes,
        errorBody: entraErrorBody,
        notFound: (c) => new http_HttpError(404, 'not_found', `The sandbox's Entra ID does not serve ${c.method} ${c.path.slice(0, 200)}. It serves /{tenant}/v2.0/.well-known/openid-configuration, /{tenant}/.well-known/openid-configuration, /{tenant}/discovery/v2.0/keys, /{tenant}/discovery/keys, POST /{tenant}/oauth2/v2.0/token and POST /{tenant}/oauth2/token (client credentials only; no interactive sign-in).`),
        decorate: (c, reply) => {
            // A copy: handlers and scripted faults may hand in shared header objects.
            const h = (reply.headers = { ...(reply.headers ?? {}) });
            h['cache-control'] ??= 'no-store, no-cache';
            h['x-ms-request-id'] = c.requestId;
            h['x-ms-ests-server'] = 'sandbox';
            if (c.query.get('client-request-id') || c.headers['client-request-id'])
                h['client-request-id'] = correlationId(c);
        },
    };
}

;// CONCATENATED MODULE: ./sandbox/entra/oidc.ts
/**
 * The GitHub Actions OIDC provider: the issuer (like https://token.actions.githubusercontent.com,
 * with its discovery document and JWKS) and the runner's token request endpoint that
 * `@actions/core`'s `getIDToken(audience)` calls:
 *
 *   GET {ACTIONS_ID_TOKEN_REQUEST_URL}&audience=…   Authorization: Bearer {ACTIONS_ID_TOKEN_REQUEST_TOKEN}
 *   → 200 {"value":"<jwt>"}
 *
 * The token's claims describe a workflow run. Defaults describe a push to main of octo-org/octo-repo;
 * `ctx.world.github.oidc` (seeded with `github: { oidc: { … } }`) overrides any of them, e.g.
 * `{ environment: 'production' }`, `{ event_name: 'pull_request' }`, `{ repository, ref }`, or `sub`
 * itself (as a repository's customised subject template would). The subject follows GitHub's rules:
 * `repo:{repo}:environment:{env}` in a job with an environment, else `repo:{repo}:pull_request` for
 * pull_request events, else `repo:{repo}:ref:{ref}`.
 */





/** GitHub's OIDC tokens are valid for 5 minutes. */
const GITHUB_OIDC_TOKEN_TTL_SECONDS = 300;
/** Claims the issuer sets itself: overrides of these in the world are ignored. */
const RESERVED = new Set(['iss', 'aud', 'exp', 'iat', 'nbf', 'jti']);
const GITHUB_CLAIMS_SUPPORTED = [
    'sub', 'aud', 'exp', 'iat', 'iss', 'jti', 'nbf', 'ref', 'sha', 'repository', 'repository_id', 'repository_owner',
    'repository_owner_id', 'enterprise', 'enterprise_id', 'run_id', 'run_number', 'run_attempt', 'actor', 'actor_id',
    'workflow', 'workflow_ref', 'workflow_sha', 'head_ref', 'base_ref', 'event_name', 'ref_type', 'ref_protected',
    'environment', 'environment_node_id', 'job_workflow_ref', 'job_workflow_sha', 'repository_visibility',
    'runner_environment', 'check_run_id',
];
/** GitHub's subject claim for a run. */
function githubSubject(repository, ref, eventName, environment) {
    if (environment)
        return `repo:${repository}:environment:${environment}`;
    if (eventName === 'pull_request')
        return `repo:${repository}:pull_request`;
    return `repo:${repository}:ref:${ref}`;
}
/** The claims of a token for `audience` (default: the repository owner's URL, as GitHub does). */
function githubOidcClaims(ctx, audience) {
    const raw = ctx.world.github?.oidc;
    const o = {};
    if (raw && typeof raw === 'object') {
        for (const [k, v] of Object.entries(raw)) {
            if (!RESERVED.has(k) && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'))
                o[k] = String(v);
        }
    }
    const repository = o.repository || DEFAULT_IDS.githubRepository;
    const owner = repository.split('/')[0];
    const eventName = o.event_name || 'push';
    const ref = o.ref || (eventName === 'pull_request' ? 'refs/pull/1/merge' : 'refs/heads/main');
    const sha = o.sha || (0,external_node_crypto_.createHash)('sha1').update(`${repository}@${ref}`).digest('hex');
    const environment = o.environment || undefined;
    const workflowRef = o.workflow_ref || `${repository}/.github/workflows/ci.yml@${ref}`;
    const claims = {
        ...(environment ? { environment } : {}),
        ref,
        sha,
        repository,
        repository_owner: owner,
        repository_owner_id: '1000001',
        repository_id: '1000002',
        repository_visibility: 'private',
        actor: 'octocat',
        actor_id: '583231',
        run_id: '7000000001',
        run_number: '1',
        run_attempt: '1',
        runner_environment: 'github-hosted',
        workflow: 'CI',
        workflow_ref: workflowRef,
        workflow_sha: sha,
        job_workflow_ref: o.job_workflow_ref || workflowRef,
        job_workflow_sha: sha,
        head_ref: eventName === 'pull_request' ? 'feature' : '',
        base_ref: eventName === 'pull_request' ? 'main' : '',
        event_name: eventName,
        ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
        ref_protected: 'false',
        ...o,
    };
    claims.sub = o.sub || githubSubject(repository, ref, eventName, environment);
    claims.aud = audience || `https://github.com/${owner}`;
    claims.iss = ctx.oidcIssuer();
    return claims;
}
/** A signed GitHub Actions OIDC token (RS256, ctx.keys.oidc) for `audience`, valid 5 minutes on the sandbox clock. */
function issueGithubOidcToken(ctx, audience) {
    return signJwt(ctx.keys.oidc, githubOidcClaims(ctx, audience), { nowMs: ctx.clock.now(), ttlSeconds: GITHUB_OIDC_TOKEN_TTL_SECONDS });
}
function bearerMatches(c, expected) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(String(c.headers.authorization ?? ''));
    if (!m)
        return false;
    const a = (0,external_node_crypto_.createHash)('sha256').update(m[1]).digest();
    const b = (0,external_node_crypto_.createHash)('sha256').update(expected).digest();
    return (0,external_node_crypto_.timingSafeEqual)(a, b);
}
/** The Actions service answers errors the Azure DevOps way: `{ "$id", "message", "typeKey", … }`. */
function vssErrorBody(err) {
    return {
        $id: '1',
        innerException: null,
        message: err.message,
        typeName: `GitHub.Services.WebApi.${err.code}, GitHub.Services.WebApi`,
        typeKey: err.code,
        errorCode: 0,
        eventId: 3000,
    };
}
function oidcService(ctx) {
    const issuer = () => ctx.oidcIssuer();
    const routes = [
        {
            method: 'GET',
            pattern: path('/.well-known/openid-configuration', ''),
            operation: 'openid-configuration',
            handler: () => ({
                status: 200,
                body: {
                    issuer: issuer(),
                    jwks_uri: `${issuer()}/.well-known/jwks`,
                    subject_types_supported: ['public', 'pairwise'],
                    response_types_supported: ['id_token'],
                    claims_supported: GITHUB_CLAIMS_SUPPORTED,
                    id_token_signing_alg_values_supported: ['RS256'],
                    scopes_supported: ['openid'],
                },
            }),
        },
        {
            method: 'GET',
            pattern: path('/.well-known/jwks', ''),
            operation: 'jwks',
            handler: () => ({ status: 200, body: { keys: [{ ...ctx.keys.oidc.jwk }] } }),
        },
        {
            method: 'GET',
            pattern: path('/_apis/distributedtask/idtoken', ''),
            operation: 'idtoken',
            write: false,
            handler: async (c) => {
                if (!c.headers.authorization) {
                    throw new http_HttpError(401, 'UnauthorizedRequestException', 'TF400813: Resource not available for anonymous access. Client authentication required.', { 'www-authenticate': 'Bearer' });
                }
                if (!bearerMatches(c, oidcRequestToken(ctx))) {
                    throw new http_HttpError(401, 'UnauthorizedRequestException', "TF400813: The user '' is not authorized to access this resource.", { 'www-authenticate': 'Bearer' });
                }
                const audience = c.query.get('audience') ?? undefined;
                return { status: 200, body: { value: await issueGithubOidcToken(ctx, audience) } };
            },
        },
    ];
    return {
        name: 'oidc',
        routes,
        errorBody: (err) => vssErrorBody(err),
        notFound: (c) => new http_HttpError(404, 'NotFoundException', `The sandbox's GitHub Actions OIDC provider does not serve ${c.method} ${c.path.slice(0, 200)}.`),
    };
}

;// CONCATENATED MODULE: ./sandbox/entra/index.ts
/**
 * Microsoft Entra ID (the authority host, `entraService`) and the GitHub Actions OIDC provider
 * (`oidcService`), each served on its own listener by sandbox/index.ts. `issueAccessToken` mints the
 * access tokens the token endpoint answers (for tests and other services).
 */



;// CONCATENATED MODULE: ./sandbox/index.ts
/**
 * startSandbox(options): Azure Resource Manager, Microsoft Entra ID (with a GitHub Actions OIDC
 * issuer) and the Auth0 Management API (one listener per tenant) on loopback over HTTPS, with an
 * admin API under /_sandbox/ on every listener.
 */


















async function startSandbox(options = {}) {
    const ownCaDir = !options.caDir;
    const caDir = options.caDir ?? (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'auth0-eventgrid-sandbox-'));
    const tls = await loadTls(caDir);
    const [entraKey, oidcKey, auth0Key, githubKey] = await Promise.all([newIssuerKey(), newIssuerKey(), newIssuerKey(), newIssuerKey()]);
    const seed = options.seed ?? defaultSeed();
    const listeners = [];
    const auth0Listeners = new Map();
    const ctx = {
        clock: new SandboxClock(),
        tls,
        settings: { ...DEFAULT_SETTINGS, ...(options.settings ?? {}) },
        world: worldFromSeed(seed),
        faults: new FaultBook(),
        requestLog: new RequestLog(),
        keys: { entra: entraKey, oidc: oidcKey, auth0: auth0Key, github: githubKey },
        verifiers: {
            entra: new TokenVerifier(entraKey),
            oidc: new TokenVerifier(oidcKey),
            auth0: new TokenVerifier(auth0Key),
            github: new TokenVerifier(githubKey),
        },
        endpoints: { arm: '', entra: '', oidc: '', auth0: {} },
        seed,
        async reset(next) {
            ctx.seed = next ?? ctx.seed;
            const world = worldFromSeed(ctx.seed);
            ctx.world.subscriptions = world.subscriptions;
            ctx.world.principals = world.principals;
            ctx.world.auth0Tenants = world.auth0Tenants;
            ctx.world.github = world.github;
            ctx.faults.clear();
            ctx.requestLog.clear();
            ctx.delivery?.reset();
            await ensureAuth0Listeners();
        },
        async addSeed(more) {
            applySeed(ctx.world, more);
            await ensureAuth0Listeners();
        },
        oidcIssuer: () => ctx.endpoints.oidc,
    };
    // Event delivery: Auth0 log streams → partner topics → event subscriptions (sandbox/delivery).
    ctx.delivery = new DeliveryEngine(ctx);
    const admin = adminService(ctx);
    const withAdmin = (svc) => [admin, svc];
    async function ensureAuth0Listeners() {
        for (const tenant of ctx.world.auth0Tenants.values()) {
            let l = auth0Listeners.get(tenant.name);
            if (!l) {
                l = await listen(ctx, withAdmin(auth0Service(ctx)), { listener: { name: tenant.name, tenant: tenant.name } });
                auth0Listeners.set(tenant.name, l);
            }
            tenant.domain = `127.0.0.1:${l.port}`;
            ctx.endpoints.auth0[tenant.name] = { url: l.url, domain: tenant.domain };
        }
    }
    try {
        const arm = await listen(ctx, withAdmin(armService(ctx)), { port: options.port ?? 0, listener: { name: 'arm' } });
        listeners.push(arm);
        const entra = await listen(ctx, withAdmin(entraService(ctx)), { listener: { name: 'entra' } });
        listeners.push(entra);
        const oidc = await listen(ctx, withAdmin(oidcService(ctx)), { listener: { name: 'oidc' } });
        listeners.push(oidc);
        const github = await listen(ctx, withAdmin(githubService(ctx)), { listener: { name: 'github' } });
        listeners.push(github);
        ctx.endpoints.github = github.url;
        ctx.endpoints.arm = arm.url;
        ctx.endpoints.entra = entra.url;
        ctx.endpoints.oidc = oidc.url;
        await ensureAuth0Listeners();
    }
    catch (err) {
        await Promise.all(listeners.map((l) => l.close()));
        throw err;
    }
    const sandbox = {
        endpoints: ctx.endpoints,
        caCertPath: tls.caCertPath,
        context: ctx,
        info() {
            const sub = ctx.seed.subscriptions?.[0];
            const principal = ctx.seed.principals?.[0];
            return {
                endpoints: ctx.endpoints,
                caCertPath: tls.caCertPath,
                azure: {
                    tenantId: principal?.tenantId ?? ctx.seed.tenantId ?? DEFAULT_IDS.tenantId,
                    subscriptionId: sub?.subscriptionId ?? '',
                    resourceGroup: sub?.resourceGroups?.[0]?.name ?? '',
                    region: sub?.resourceGroups?.[0]?.location ?? DEFAULT_IDS.region,
                    clientId: principal?.clientId ?? '',
                    clientSecret: principal?.secret ?? '',
                    resourceManagerEndpoint: ctx.endpoints.arm,
                    authorityHost: ctx.endpoints.entra,
                    audience: 'https://management.azure.com/.default',
                },
                auth0: [...ctx.world.auth0Tenants.values()].map((t) => {
                    const client = [...t.clients.values()][0];
                    return { tenant: t.name, domain: t.domain, clientId: client?.clientId ?? '', clientSecret: client?.clientSecret ?? '' };
                }),
                github: {
                    oidcIssuer: ctx.endpoints.oidc,
                    idTokenRequestUrl: `${ctx.endpoints.oidc}/_apis/distributedtask/idtoken?api-version=2.0`,
                    idTokenRequestToken: oidcRequestToken(ctx),
                    ...githubInfo(ctx),
                    repository: DEFAULT_IDS.githubRepository,
                },
                seed: ctx.seed,
            };
        },
        async stop() {
            ctx.clock.stop();
            await ctx.delivery?.stop();
            await Promise.all([...listeners, ...auth0Listeners.values()].map((l) => l.close()));
            if (ownCaDir)
                (0,external_node_fs_.rmSync)(caDir, { recursive: true, force: true });
        },
    };
    return sandbox;
}

;// CONCATENATED MODULE: ./sandbox/cli.ts
/**
 * The sandbox from a terminal: `npm run sandbox -- [--json] [--port N] [--seed file.json] [--ca-dir DIR]
 * [--set key=value …]` (and `auth0-eventgrid sandbox`, which calls sandboxCommand). Starts the sandbox and
 * keeps it running until interrupted. With --json the first stdout line is one JSON object with every
 * endpoint, the tenants' domains, seeded ids and credentials, and the CA path.
 */






/** A bad option: the caller prints it with a pointer to --help. */
class SandboxUsageError extends Error {
}
const help = (bin) => `Usage: ${bin} [options]

Starts the sandbox: Azure Resource Manager, Microsoft Entra ID (with a GitHub Actions OIDC issuer), the
Auth0 Management API (one HTTPS listener per tenant) and the GitHub API on loopback over HTTPS, with
event delivery (Auth0 log streams → partner topics → event subscriptions → your webhooks). Runs until
interrupted (Ctrl-C).

Options:
  --json            print one JSON line with the endpoints, ids, credentials and the CA path
  --port N          port of the Azure Resource Manager listener (0: any free port; default 0)
  --seed FILE       seed file (JSON) describing subscriptions, principals and Auth0 tenants
  --ca-dir DIR      keep the CA in DIR and reuse it on later starts (trust it once)
  --set KEY=VALUE   a sandbox setting, e.g. --set validateWebhooks=true (repeatable)
  --help, -h        show this help
`;
async function sandboxCommand(argv, io, bin = 'npm run sandbox --') {
    const { values: v } = (0,external_node_util_.parseArgs)({
        args: [...argv],
        options: {
            json: { type: 'boolean', default: false },
            port: { type: 'string', default: '0' },
            seed: { type: 'string' },
            'ca-dir': { type: 'string' },
            set: { type: 'string', multiple: true },
            help: { type: 'boolean', short: 'h' },
        },
        allowPositionals: false,
        strict: true,
    });
    if (v.help) {
        io.stdout(help(bin));
        return 0;
    }
    const port = Number(v.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new SandboxUsageError(`--port "${v.port}" must be an integer from 0 to 65535`);
    let seed;
    if (v.seed) {
        try {
            seed = JSON.parse((0,external_node_fs_.readFileSync)(v.seed, 'utf8'));
        }
        catch (e) {
            throw new SandboxUsageError(`--seed ${v.seed}: ${e.message}`);
        }
    }
    const settings = {};
    const known = Object.keys(DEFAULT_SETTINGS).join(', ');
    for (const kv of v.set ?? []) {
        const [k, ...rest] = kv.split('=');
        const val = rest.join('=');
        if (!(k in DEFAULT_SETTINGS))
            throw new SandboxUsageError(`--set ${kv}: unknown setting "${k}" (known: ${known})`);
        const def = DEFAULT_SETTINGS[k];
        if (typeof def === 'boolean') {
            if (val !== 'true' && val !== 'false')
                throw new SandboxUsageError(`--set ${kv}: "${k}" takes true or false`);
            settings[k] = val === 'true';
        }
        else if (typeof def === 'number') {
            if (!(Number(val) >= 0) || val.trim() === '')
                throw new SandboxUsageError(`--set ${kv}: "${k}" takes a non-negative number`);
            settings[k] = Number(val);
        }
        else
            settings[k] = val;
    }
    let sandbox;
    try {
        sandbox = await startSandbox({ seed, settings, port, caDir: v['ca-dir'] });
    }
    catch (e) {
        io.stderr(`sandbox: ${e.message}\n`);
        return 1;
    }
    const info = sandbox.info();
    if (v.json)
        io.stdout(JSON.stringify(info) + '\n');
    else {
        io.stdout([
            'auth0-eventgrid sandbox is running (Ctrl-C stops it)',
            `  trust its CA:          export NODE_EXTRA_CA_CERTS=${(0,external_node_path_.resolve)(info.caCertPath)}`,
            `  Azure Resource Manager ${info.endpoints.arm}`,
            `  Entra ID authority     ${info.endpoints.entra}`,
            `  GitHub Actions OIDC    ${info.endpoints.oidc}`,
            ...info.auth0.map((t) => `  Auth0 tenant           ${t.tenant}: ${t.domain} (client id ${t.clientId})`),
            `  subscription           ${info.azure.subscriptionId}  group ${info.azure.resourceGroup} (${info.azure.region})`,
            `  service principal      ${info.azure.clientId} in tenant ${info.azure.tenantId}`,
            `  admin API              ${info.endpoints.arm}/_sandbox/state`,
            `  test events:           auth0-eventgrid send-test-event --via-sandbox ${info.endpoints.arm} --type s`,
            '  (credentials: --json prints them)',
            '',
        ].join('\n'));
    }
    await new Promise((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
    });
    await sandbox.stop();
    return 0;
}
function invokedDirectly() {
    try {
        return !!process.argv[1] && (0,external_node_fs_.realpathSync)(process.argv[1]) === (0,external_node_fs_.realpathSync)((0,external_node_url_.fileURLToPath)(import.meta.url));
    }
    catch {
        return false;
    }
}
if (invokedDirectly()) {
    const io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };
    sandboxCommand(process.argv.slice(2), io)
        .then((code) => process.exit(code))
        .catch((e) => {
        const usage = e instanceof SandboxUsageError || e.code?.startsWith('ERR_PARSE_ARGS');
        io.stderr(`sandbox: ${e.message}${usage ? '\nRun with --help for the options.' : ''}\n`);
        process.exit(2);
    });
}


/***/ })

};
