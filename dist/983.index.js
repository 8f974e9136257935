export const id = 983;
export const ids = [983];
export const modules = {

/***/ 1983:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ healthOf),
/* harmony export */   x: () => (/* binding */ isFleet)
/* harmony export */ });
/** The typed results every operation returns; src/report renders them, the shells map them to outputs. */
function healthOf(checks, failure) {
    if (failure || checks.some((c) => c.status === 'fail'))
        return 'unhealthy';
    if (checks.some((c) => c.status === 'warn'))
        return 'degraded';
    return 'healthy';
}
function isFleet(r) {
    return r.kind === 'fleet';
}


/***/ })

};
