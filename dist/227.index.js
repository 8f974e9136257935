export const id = 227;
export const ids = [227];
export const modules = {

/***/ 6412:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   md: () => (/* binding */ md),
/* harmony export */   tW: () => (/* binding */ neutralizeWorkflowCommands),
/* harmony export */   uu: () => (/* binding */ textLine)
/* harmony export */ });
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
function md(value) {
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
function code(value) {
    if (value === '')
        return '';
    if (/[`\r\n]/.test(value) || HAS_CONTROL.test(value))
        return md(value);
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


/***/ }),

/***/ 1227:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  EXPIRY_WARNING_DAYS: () => (/* reexport */ EXPIRY_WARNING_DAYS),
  MASK: () => (/* reexport */ redact/* MASK */.v5),
  annotations: () => (/* binding */ annotations),
  code: () => (/* reexport */ report_escape/* code */.aY),
  exitCodeFor: () => (/* binding */ exitCodeFor),
  expandSecrets: () => (/* reexport */ redact/* expandSecrets */.Wj),
  expiryPhrase: () => (/* reexport */ expiryPhrase),
  failureMessage: () => (/* binding */ failureMessage),
  formatDuration: () => (/* reexport */ formatDuration),
  md: () => (/* reexport */ report_escape.md),
  neutralizeWorkflowCommands: () => (/* reexport */ report_escape/* neutralizeWorkflowCommands */.tW),
  outputs: () => (/* binding */ outputs),
  redact: () => (/* reexport */ redact/* redact */.E$),
  renderJson: () => (/* binding */ renderJson),
  renderMarkdown: () => (/* binding */ renderMarkdown),
  renderText: () => (/* binding */ renderText),
  textLine: () => (/* reexport */ report_escape/* textLine */.uu)
});

// EXTERNAL MODULE: ./src/config/inputs.ts
var inputs = __webpack_require__(4389);
// EXTERNAL MODULE: ./src/operations/types.ts
var types = __webpack_require__(1983);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(6412);
;// CONCATENATED MODULE: ./src/report/model.ts
const HEALTH_BADGE = {
    healthy: { emoji: '✅', word: 'Healthy' },
    degraded: { emoji: '⚠️', word: 'Degraded' },
    unhealthy: { emoji: '❌', word: 'Unhealthy' },
};
const STEP_ICON = {
    changed: '🛠️',
    unchanged: '✔️',
    planned: '📝',
    skipped: '⏭️',
    failed: '❌',
};
const CHECK_ICON = { pass: '✅', warn: '⚠️', fail: '❌' };
const SERVICE_NAME = {
    azure: 'Azure Resource Manager',
    entra: 'Microsoft Entra ID',
    auth0: 'Auth0 Management API',
    github: 'GitHub',
};
function serviceName(service) {
    return SERVICE_NAME[service] ?? String(service);
}
/** Annotations warn when Auth0's partner authorization expires within this many days. */
const EXPIRY_WARNING_DAYS = 7;
function formatDuration(ms) {
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
function expiryPhrase(days) {
    if (days > 0)
        return `${plural(days, 'day')} left`;
    if (days === 0)
        return 'expires today';
    return `expired ${plural(-days, 'day')} ago`;
}
function targetRows(r) {
    const rows = [];
    if (r.environment)
        rows.push({ label: 'environment', value: r.environment, id: true });
    rows.push({ label: 'subscription', value: r.target.subscriptionId, id: true }, { label: 'resource group', value: r.target.resourceGroup, id: true }, { label: 'region', value: r.target.region, id: true }, { label: 'Auth0', value: r.target.auth0Domain, id: true }, { label: 'stream', value: r.target.streamName, id: true });
    return rows.filter((row) => row.value);
}
/** The key facts, in reading order; only those that are known. */
function factRows(f) {
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
            value: [f.authorizationExpiresAt, f.daysUntilExpiry !== undefined ? `(${expiryPhrase(f.daysUntilExpiry)})` : '']
                .filter(Boolean)
                .join(' '),
        },
        !!f.eventSubscriptionId && { label: 'Event subscription', value: f.eventSubscriptionId, id: true },
        !!f.providerState && { label: 'Microsoft.EventGrid provider', value: f.providerState },
        !!f.deliveryMetrics && {
            label: `Events (last ${f.deliveryMetrics.window})`,
            value: `${f.deliveryMetrics.published} published, ${f.deliveryMetrics.totals.matched} matched, ${f.deliveryMetrics.totals.delivered} delivered, ${f.deliveryMetrics.totals.failedAttempts} failed attempts, ${f.deliveryMetrics.totals.dropped} dropped, ${f.deliveryMetrics.totals.deadLettered} dead-lettered`,
        },
        !!f.probe && f.probe.outcome !== 'not-run' && {
            label: 'Probe',
            value: f.probe.outcome === 'delivered'
                ? `delivered in ${formatDuration(f.probe.deliveredAfterMs ?? 0)} (published in ${formatDuration(f.probe.publishedAfterMs ?? 0)})`
                : f.probe.outcome === 'published'
                    ? `published in ${formatDuration(f.probe.publishedAfterMs ?? 0)}, not delivered within ${formatDuration(f.probe.waitedMs ?? 0)}`
                    : `not published within ${formatDuration(f.probe.waitedMs ?? 0)}`,
        },
    ];
    return rows.filter((r) => !!r);
}
function failureRows(f) {
    return [
        { label: 'Step', value: f.step },
        { label: 'Service', value: f.status ? `${serviceName(f.service)} (HTTP ${f.status})` : serviceName(f.service) },
        { label: 'Code', value: f.code, id: true },
        { label: 'Message', value: f.message },
        { label: 'Fix', value: f.fix },
    ];
}
/** Every change the steps made (or, in a dry run, would make), in order. */
function changeItems(r) {
    return r.steps.flatMap((s) => s.changes.map((change) => ({ step: s.title, change })));
}
/** All failures in the result: the operation's and any step's, without duplicates. */
function failuresOf(r) {
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


const cell = (row) => (row.id ? (0,report_escape/* code */.aY)(row.value) : (0,report_escape.md)(row.value));
function table(headers, rows) {
    return [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}
/** Markdown for a result whose strings are already redacted. */
function markdownOf(r) {
    const badge = HEALTH_BADGE[r.health];
    const out = [];
    out.push(`## ${badge.emoji} ${badge.word}: auth0-eventgrid ${(0,report_escape.md)(r.command)}${r.dryRun ? ' (dry run)' : ''}`, '');
    out.push(`**Target:** ${targetRows(r).map((t) => `${t.label} ${cell(t)}`).join(' · ')}`, '');
    const when = [r.startedAt && `started ${(0,report_escape.md)(r.startedAt)}`, `took ${formatDuration(r.durationMs)}`].filter(Boolean).join(', ');
    out.push(r.dryRun ? `*Dry run: nothing was changed; ${when}.*` : `*${when[0].toUpperCase()}${when.slice(1)}.*`, '');
    if (r.steps.length) {
        out.push('### Steps', '');
        out.push(...table(['Step', 'Status', 'Detail', 'Duration'], r.steps.map((s) => [(0,report_escape.md)(s.title), `${STEP_ICON[s.status] ?? ''} ${(0,report_escape.md)(s.status)}`.trim(), (0,report_escape.md)(s.detail), formatDuration(s.durationMs)])), '');
    }
    if (r.checks.length) {
        out.push('### Checks', '');
        out.push(...table(['Check', 'Status', 'Detail', 'Fix'], r.checks.map((c) => [(0,report_escape.md)(c.title), `${CHECK_ICON[c.status] ?? ''} ${(0,report_escape.md)(c.status)}`.trim(), (0,report_escape.md)(c.detail), (0,report_escape.md)(c.fix ?? '')])), '');
    }
    const facts = factRows(r.facts);
    if (facts.length) {
        out.push('### Facts', '', ...table(['Fact', 'Value'], facts.map((f) => [(0,report_escape.md)(f.label), cell(f)])), '');
    }
    for (const f of failuresOf(r)) {
        out.push('### ❌ Failure', '', ...table(['Field', 'Value'], failureRows(f).map((row) => [`**${(0,report_escape.md)(row.label)}**`, cell(row)])), '');
    }
    const changes = changeItems(r);
    if (r.dryRun) {
        out.push('### Plan', '');
        if (changes.length) {
            out.push(`Would make ${changes.length} ${changes.length === 1 ? 'change' : 'changes'}:`, '');
            changes.forEach((c, i) => out.push(`${i + 1}. **${(0,report_escape.md)(c.step)}:** ${(0,report_escape.md)(c.change)}`));
        }
        else {
            out.push('Nothing to change: everything already matches the inputs.');
        }
        out.push('');
    }
    else if (changes.length) {
        out.push('### Changes made', '');
        changes.forEach((c, i) => out.push(`${i + 1}. **${(0,report_escape.md)(c.step)}:** ${(0,report_escape.md)(c.change)}`));
        out.push('');
    }
    return out.join('\n');
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
    const t = (s) => (0,report_escape/* textLine */.uu)(s ?? '');
    const out = [];
    out.push(`auth0-eventgrid ${t(r.command)}: ${HEALTH_BADGE[r.health].word.toUpperCase()}${r.dryRun ? ' (dry run: nothing was changed)' : ''}`);
    out.push(`Target: ${targetRows(r).map((row) => `${row.label} ${t(row.value)}`).join(', ')}`);
    out.push(`Took ${formatDuration(r.durationMs)}${r.startedAt ? `, started ${t(r.startedAt)}` : ''}`);
    if (r.steps.length) {
        out.push('', 'Steps');
        out.push(...text_table([['STEP', 'STATUS', 'TIME', 'DETAIL'], ...r.steps.map((s) => [t(s.title), t(s.status), formatDuration(s.durationMs), t(s.detail)])]));
    }
    if (r.checks.length) {
        out.push('', 'Checks');
        out.push(...text_table([
            ['CHECK', 'STATUS', 'DETAIL'],
            ...r.checks.map((c) => [t(c.title), t(c.status), t(c.detail) + (c.fix ? ` Fix: ${t(c.fix)}` : '')]),
        ]));
    }
    const facts = factRows(r.facts);
    if (facts.length) {
        out.push('', 'Facts');
        out.push(...text_table(facts.map((f) => [f.label, t(f.value)])));
    }
    for (const f of failuresOf(r)) {
        out.push('', 'FAILURE');
        out.push(...text_table(failureRows(f).map((row) => [row.label, t(row.value)])));
    }
    const changes = changeItems(r);
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

;// CONCATENATED MODULE: ./src/report/fleet.ts




/** The most telling line of an environment: its failure, else its worst check. */
function headline(r) {
    if (r.failure)
        return `${r.failure.step}: ${r.failure.code}: ${r.failure.message}`;
    const bad = r.checks.find((c) => c.status === 'fail') ?? r.checks.find((c) => c.status === 'warn');
    return bad ? `${bad.title}: ${bad.detail}` : 'all checks pass';
}
function fleetMarkdown(f) {
    const badge = HEALTH_BADGE[f.health];
    const out = [];
    out.push(`## ${badge.emoji} ${badge.word}: auth0-eventgrid ${(0,report_escape.md)(f.command)} · ${f.environments.length} environment${f.environments.length === 1 ? '' : 's'}${f.dryRun ? ' (dry run)' : ''}`);
    out.push('');
    out.push(`*Started ${(0,report_escape.md)(f.startedAt)}, took ${formatDuration(f.durationMs)}${f.configFile ? `, from ${(0,report_escape/* code */.aY)(f.configFile)}` : ''}. Most urgent first.*`);
    if (f.soonest)
        out.push('', `**Soonest expiry:** ${(0,report_escape.md)(f.soonest.environment)}, ${(0,report_escape.md)(f.soonest.authorizationExpiresAt)} (${f.soonest.daysUntilExpiry} days).`);
    out.push('', '| Environment | Health | Authorization expires | Days left | Stream | Topic | Detail |', '| --- | --- | --- | --- | --- | --- | --- |');
    for (const r of f.environments) {
        const h = HEALTH_BADGE[r.failure ? 'unhealthy' : r.health];
        out.push(`| ${(0,report_escape.md)(r.environment ?? '')} | ${h.emoji} ${h.word} | ${(0,report_escape.md)(r.facts.authorizationExpiresAt ?? '')} | ${r.facts.daysUntilExpiry ?? ''} | ${(0,report_escape.md)(r.facts.streamStatus ?? '')} | ${(0,report_escape.md)(r.facts.activationState ?? '')} | ${(0,report_escape.md)(headline(r))} |`);
    }
    if (f.tracking.length) {
        out.push('', '### Tracking issues', '', '| Environment | Problem | Issue | Action |', '| --- | --- | --- | --- |');
        for (const t of f.tracking)
            out.push(`| ${(0,report_escape.md)(t.environment)} | ${(0,report_escape.md)(t.problem)} | #${t.issueNumber} | ${t.action} |`);
    }
    if (f.trackingFailure)
        out.push('', `${CHECK_ICON.warn} **Tracking issues not kept:** ${(0,report_escape.md)(f.trackingFailure.code)}: ${(0,report_escape.md)(f.trackingFailure.message)} Fix: ${(0,report_escape.md)(f.trackingFailure.fix)}`);
    for (const r of f.environments) {
        out.push('', `<details><summary>${(0,report_escape.md)(r.environment ?? '')}: ${HEALTH_BADGE[r.health].word}</summary>`, '', markdownOf(r).replace(/^## /m, '### '), '', '</details>');
    }
    return out.join('\n') + '\n';
}
function fleetText(f, details = false) {
    const t = (s) => (0,report_escape/* textLine */.uu)(s === undefined ? '' : String(s));
    const out = [];
    out.push(`auth0-eventgrid ${t(f.command)}: ${HEALTH_BADGE[f.health].word.toUpperCase()} (${f.environments.length} environments, most urgent first)${f.dryRun ? ' (dry run)' : ''}`);
    out.push(`Took ${formatDuration(f.durationMs)}, started ${t(f.startedAt)}`);
    out.push('', ...text_table([
        ['ENVIRONMENT', 'HEALTH', 'EXPIRES', 'DAYS', 'STREAM', 'TOPIC', 'DETAIL'],
        ...f.environments.map((r) => [t(r.environment), r.failure ? 'FAILED' : r.health, t(r.facts.authorizationExpiresAt), t(r.facts.daysUntilExpiry), t(r.facts.streamStatus), t(r.facts.activationState), t(headline(r))]),
    ]));
    if (f.tracking.length) {
        out.push('', 'Tracking issues');
        out.push(...text_table([['ENVIRONMENT', 'PROBLEM', 'ISSUE', 'ACTION'], ...f.tracking.map((x) => [t(x.environment), t(x.problem), `#${x.issueNumber}`, x.action])]));
    }
    if (f.trackingFailure)
        out.push('', `Tracking issues not kept: ${t(f.trackingFailure.code)}: ${t(f.trackingFailure.message)} Fix: ${t(f.trackingFailure.fix)}`);
    if (details)
        for (const r of f.environments)
            out.push('', `── ${t(r.environment)} ──`, textOf(r).trimEnd());
    return out.join('\n') + '\n';
}

// EXTERNAL MODULE: ./src/report/redact.ts
var redact = __webpack_require__(649);
;// CONCATENATED MODULE: ./src/report/index.ts










const secretsOf = (o) => (o?.secrets ?? []).filter(Boolean);
/** Job summary / bot comment body. */
function renderMarkdown(result, options) {
    const secrets = secretsOf(options);
    const r = (0,redact/* redactDeep */.KL)(result, secrets);
    return (0,redact/* redact */.E$)((0,types/* isFleet */.x)(r) ? fleetMarkdown(r) : markdownOf(r), secrets);
}
/** Plain aligned table for terminals. */
function renderText(result, options) {
    const secrets = secretsOf(options);
    const r = (0,redact/* redactDeep */.KL)(result, secrets);
    return (0,redact/* redact */.E$)((0,types/* isFleet */.x)(r) ? fleetText(r, options?.details ?? true) : textOf(r), secrets);
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
    return (0,redact/* redact */.E$)(JSON.stringify(sortKeys((0,redact/* redactDeep */.KL)(result, secrets)), null, 2), secrets);
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
    if ((0,types/* isFleet */.x)(result)) {
        const out = [];
        for (const env of result.environments) {
            for (const a of annotations(env, options))
                out.push({ ...a, title: `[${env.environment}] ${a.title}` });
        }
        if (result.trackingFailure) {
            const f = (0,redact/* redactDeep */.KL)(result.trackingFailure, secretsOf(options));
            out.push({ level: 'warning', kind: 'check', title: 'Tracking issues not kept', message: withFix(`${f.code}: ${f.message}`, f.fix) });
        }
        return out;
    }
    const r = (0,redact/* redactDeep */.KL)(result, secretsOf(options));
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
    // The authorization check judges expiry against the configured thresholds; the standalone
    // annotation is for results without such a check (e.g. renew-authorization).
    const checkCovers = r.checks.some((c) => EXPIRY_CHECK.test(`${c.id} ${c.title}`));
    if (days !== undefined && days <= EXPIRY_WARNING_DAYS && !checkCovers) {
        const at = r.facts.authorizationExpiresAt ? ` (${r.facts.authorizationExpiresAt})` : '';
        out.push({
            level: days < 0 ? 'error' : 'warning',
            kind: 'expiry',
            title: days < 0 ? 'Auth0 partner authorization expired' : `Auth0 partner authorization: ${expiryPhrase(days)}`,
            message: `Auth0's authorization to create partner topics in resource group ${r.target.resourceGroup}${at}: ${expiryPhrase(days)}. ` +
                `Renew it with the renew-authorization command (or setup); authorization-days sets the new length.`,
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
    if ((0,types/* isFleet */.x)(result))
        return fleetOutputs(result, options);
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
        environments: JSON.stringify(result.environment ? [envSummary(result)] : []),
    };
    const secrets = secretsOf(options);
    return Object.fromEntries(inputs/* OUTPUTS */.py.map(({ name }) => [
        name,
        name === 'report' ? renderJson(result, options) : (0,redact/* redact */.E$)(values[name] === undefined ? '' : String(values[name]), secrets),
    ]));
}
/**
 * The process exit code: 1 when the operation failed (whatever fail-on says), or when health is
 * unhealthy (fail-on unhealthy), unhealthy or degraded (fail-on degraded); never for health alone
 * with fail-on never. Else 0.
 */
function exitCodeFor(result, failOn) {
    if ((0,types/* isFleet */.x)(result)) {
        if (result.environments.some((r) => failuresOf(r).length))
            return 1;
        return exitCodeFor({ ...result.environments[0], checks: [], steps: [], failure: undefined, health: result.health }, failOn);
    }
    if (failuresOf(result).length)
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
    if ((0,types/* isFleet */.x)(result)) {
        const r = (0,redact/* redactDeep */.KL)(result, secretsOf(options));
        const bad = r.environments.filter((e) => e.failure || e.health === 'unhealthy' || (failOn === 'degraded' && e.health === 'degraded'));
        return [`${bad.length} of ${r.environments.length} environments need attention (fail-on: ${failOn}):`, ...bad.map((e) => `- ${e.environment}: ${headline(e)}`)].join('\n');
    }
    const r = (0,redact/* redactDeep */.KL)(result, secretsOf(options));
    const [f] = failuresOf(r);
    if (f)
        return `${r.command} failed at "${f.step}": ${serviceName(f.service)} ${f.code}: ${f.message}\nFix: ${f.fix}`;
    const bad = r.checks.filter((c) => (r.health === 'unhealthy' ? c.status === 'fail' : c.status !== 'pass'));
    const lines = bad.map((c) => `- ${c.title}: ${c.detail}${c.fix ? ` Fix: ${c.fix}` : ''}`);
    return [`Health is ${r.health} (fail-on: ${failOn}).`, ...lines].join('\n');
}
function envSummary(r) {
    return {
        environment: r.environment ?? '',
        health: r.failure ? 'unhealthy' : r.health,
        failed: !!r.failure,
        authorizationExpiresAt: r.facts.authorizationExpiresAt ?? null,
        daysUntilExpiry: r.facts.daysUntilExpiry ?? null,
        streamStatus: r.facts.streamStatus ?? null,
        activationState: r.facts.activationState ?? null,
    };
}
/** Outputs of a fleet run: the worst health, the soonest expiry, a per-environment summary, the report. */
function fleetOutputs(result, options) {
    const one = result.environments.length === 1 ? result.environments[0] : undefined;
    const base = one ? outputs(one, options) : Object.fromEntries(inputs/* OUTPUTS */.py.map(({ name }) => [name, '']));
    const secrets = secretsOf(options);
    return {
        ...base,
        'authorization-expires-at': result.soonest?.authorizationExpiresAt ?? base['authorization-expires-at'] ?? '',
        'days-until-expiry': result.soonest ? String(result.soonest.daysUntilExpiry) : (base['days-until-expiry'] ?? ''),
        health: result.health,
        environments: (0,redact/* redact */.E$)(JSON.stringify(result.environments.map(envSummary)), secrets),
        report: renderJson(result, options),
    };
}


/***/ }),

/***/ 649:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   KL: () => (/* binding */ redactDeep),
/* harmony export */   Wj: () => (/* binding */ expandSecrets),
/* harmony export */   v5: () => (/* binding */ MASK)
/* harmony export */ });
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6412);
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
        (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__.md)(s),
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
function redact(text, secrets) {
    if (!text)
        return text;
    let out = text;
    for (const needle of needlesFor(secrets))
        if (out.includes(needle))
            out = out.split(needle).join(MASK);
    return out;
}
/** Deep copy of a JSON-like value with every string redacted. */
function redactDeep(value, secrets) {
    if (!secrets.some(Boolean))
        return value;
    const walk = (v) => {
        if (typeof v === 'string')
            return redact(v, secrets);
        if (Array.isArray(v))
            return v.map(walk);
        if (v && typeof v === 'object')
            return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
        return v;
    };
    return walk(value);
}


/***/ })

};
