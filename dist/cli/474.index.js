export const id = 474;
export const ids = [474];
export const modules = {

/***/ 17474:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MetricsAdapter: () => (/* binding */ MetricsAdapter)
/* harmony export */ });
/* unused harmony export METRICS_API_VERSION */
/* harmony import */ var _azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4792);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(16616);


const METRICS_API_VERSION = '2023-10-01';
const TOPIC_METRICS = ['PublishSuccessCount', 'UnmatchedEventCount'];
const SUBSCRIPTION_METRICS = {
    MatchedEventCount: 'matched',
    DeliverySuccessCount: 'delivered',
    DeliveryAttemptFailCount: 'failedAttempts',
    DroppedEventCount: 'dropped',
    DeadLetteredCount: 'deadLettered',
};
const zero = () => ({ matched: 0, delivered: 0, failedAttempts: 0, dropped: 0, deadLettered: 0 });
/** Azure Monitor's timestamps: seconds, Z. */
const stamp = (d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
class MetricsAdapter {
    opts;
    pipeline;
    client;
    constructor(opts) {
        this.opts = opts;
        this.pipeline = (0,_azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_0__/* .createEmptyPipeline */ .O8)();
        this.pipeline.addPolicy((0,_azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_0__/* .exponentialRetryPolicy */ .aE)({ maxRetries: 3, retryDelayInMs: 500, maxRetryDelayInMs: 10_000 }));
        this.pipeline.addPolicy((0,_azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_0__/* .bearerTokenAuthenticationPolicy */ .N$)({ credential: opts.credential, scopes: opts.resourceManagerScope }));
        this.client = (0,_azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_0__/* .createDefaultHttpClient */ .fl)();
    }
    /** One metrics query; the metrics' values as Azure Monitor answers them. */
    async query(resourceId, params) {
        const q = new URLSearchParams({ 'api-version': METRICS_API_VERSION, ...params });
        const url = `${this.opts.resourceManagerEndpoint.replace(/\/+$/, '')}${resourceId}/providers/Microsoft.Insights/metrics?${q}`;
        const request = (0,_azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_0__/* .createPipelineRequest */ .G6)({ url, method: 'GET', headers: (0,_azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_0__/* .createHttpHeaders */ .Nc)({ accept: 'application/json' }) });
        const res = await this.pipeline.sendRequest(this.client, request).catch((e) => {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ServiceError */ ._('azure', undefined, 'RequestSendError', `Azure Monitor metrics could not be read: ${e.message}`);
        });
        const status = res.status;
        const text = res.bodyAsText ?? '';
        let body;
        try {
            body = text ? JSON.parse(text) : {};
        }
        catch {
            body = {};
        }
        if (status < 200 || status > 299) {
            // Azure Monitor answers {code, message}; ARM's front door (401/403/404) {error: {code, message}}.
            const code = body?.error?.code ?? body?.code ?? `HTTP${status}`;
            const message = body?.error?.message ?? body?.message ?? `Azure Monitor answered ${status}.`;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ServiceError */ ._('azure', status, code, message);
        }
        return Array.isArray(body?.value) ? body.value : [];
    }
    /** What Event Grid did with the topic's events between `from` and `to` (one data point per metric and subscription). */
    async partnerTopic(topicId, from, to) {
        const window = { timespan: `${stamp(from)}/${stamp(to)}`, interval: 'FULL', aggregation: 'Total' };
        const [topic, subs] = await Promise.all([
            this.query(topicId, { ...window, metricnames: TOPIC_METRICS.join(',') }),
            this.query(topicId, { ...window, metricnames: Object.keys(SUBSCRIPTION_METRICS).join(','), $filter: "EventSubscriptionName eq '*'", top: '100' }),
        ]);
        const sum = (s) => (s?.data ?? []).reduce((n, d) => n + (typeof d.total === 'number' ? d.total : 0), 0);
        const topicTotal = (name) => (topic.find((m) => m.name?.value === name)?.timeseries ?? []).reduce((n, s) => n + sum(s), 0);
        const result = { from, to, published: topicTotal('PublishSuccessCount'), unmatched: topicTotal('UnmatchedEventCount'), totals: zero(), subscriptions: {} };
        for (const m of subs) {
            const field = SUBSCRIPTION_METRICS[m.name?.value ?? ''];
            if (!field)
                continue;
            for (const s of m.timeseries ?? []) {
                const n = sum(s);
                const name = s.metadatavalues?.find((v) => v.name?.value?.toLowerCase() === 'eventsubscriptionname')?.value ?? '';
                result.totals[field] += n;
                if (!name)
                    continue;
                (result.subscriptions[name] ??= zero())[field] += n;
            }
        }
        return result;
    }
}


/***/ })

};
