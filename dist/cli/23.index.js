export const id = 23;
export const ids = [23];
export const modules = {

/***/ 3023:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_SETTINGS: () => (/* binding */ DEFAULT_SETTINGS),
/* harmony export */   oidcRequestToken: () => (/* binding */ oidcRequestToken)
/* harmony export */ });
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


/***/ })

};
