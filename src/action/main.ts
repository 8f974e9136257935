/**
 * The Action: inputs → settings → operation → summary, outputs, annotations, log, exit code.
 *
 * Cold start matters, so only @actions/core and the config module are imported statically; the
 * operations (with the Azure and Auth0 SDKs) and the renderer load after the inputs are valid.
 * Secrets are masked with core.setSecret before anything else is printed, and everything this
 * file prints goes through redact() as well.
 */
import * as core from '@actions/core';
import { INPUTS } from '../config/inputs.js';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { ConfigError, type FailOn, type Settings } from '../config/settings.js';
import { EnvironmentsFileError, resolveInvocation, selectEnvironments, type Invocation } from '../config/environments.js';
import type { RunContext } from '../operations/index.js';
import type { AnyResult, OperationResult } from '../operations/types.js';

/** Inputs whose values are secret: the declared ones, and the webhook URL (it often carries a key). */
export const SECRET_INPUTS: readonly string[] = [...INPUTS.filter((i) => i.secret).map((i) => i.name), 'webhook-url'];

export interface RunOverrides {
  /** Replaces the operations entry for one environment (tests). */
  runCommand?: (settings: Settings, ctx: RunContext) => Promise<OperationResult>;
}

/** Reads the environments file relative to the workspace (the checkout). */
export function readWorkspaceFile(path: string): string | undefined {
  const full = isAbsolute(path) ? path : resolve(process.env.GITHUB_WORKSPACE ?? process.cwd(), path);
  return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
}

/** First line of an error's message, for a one-line failure. */
function oneLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split(/\r?\n/)[0] || (err instanceof Error ? err.name : 'unknown error');
}

/** What a job without `permissions: id-token: write` gets instead of an OIDC token. */
export const MISSING_ID_TOKEN_PERMISSION =
  'This job cannot get an OIDC token for the federated sign-in to Azure: ACTIONS_ID_TOKEN_REQUEST_URL is not set, because the workflow does not grant "permissions: id-token: write". ' +
  'Add it to the workflow or the job (permissions: { id-token: write, contents: read }), or sign in with azure-client-secret instead.';

function parseFailOn(value: string | undefined): FailOn {
  const v = (value ?? '').trim().toLowerCase() || 'unhealthy';
  if (v === 'unhealthy' || v === 'degraded' || v === 'never') return v;
  throw new ConfigError([{ input: 'fail-on', message: `${JSON.stringify(value)} is not allowed; use one of: unhealthy, degraded, never` }]);
}

/**
 * A configuration problem, before anything ran: each problem of the environments file is its own error
 * annotation on the file's line (file=, line=, col=), so that GitHub shows it on the YAML.
 */
function reportConfigError(err: ConfigError | EnvironmentsFileError, redact: (text: string) => string): void {
  if (err instanceof EnvironmentsFileError) {
    for (const problem of err.problems) {
      const m = /^(.+?):(\d+):(\d+): ([\s\S]*)$/.exec(problem);
      if (m) core.error(redact(problem), { title: 'auth0-eventgrid environments file', file: m[1], startLine: Number(m[2]), startColumn: Number(m[3]) });
      else core.error(redact(problem), { title: 'auth0-eventgrid environments file', file: err.path });
    }
    process.exitCode = core.ExitCode.Failure;
    return;
  }
  core.setFailed(redact(err.message));
}

export async function run(overrides: RunOverrides = {}): Promise<void> {
  // Values to mask; grows as we learn more (derived forms, the OIDC token).
  const secrets: string[] = [];
  let redact = (text: string): string => {
    let out = text;
    for (const s of secrets) if (s) out = out.split(s).join('***');
    return out;
  };

  try {
    // 1. Read every input once and mask the secret ones before anything is printed.
    const raw = new Map<string, string>();
    for (const input of INPUTS) raw.set(input.name, core.getInput(input.name));
    for (const name of SECRET_INPUTS) {
      const value = raw.get(name);
      if (value) {
        core.setSecret(value);
        secrets.push(value);
      }
    }

    // 2. The renderer is small and has no dependencies; it also knows the derived forms to mask
    //    (e.g. the key in a webhook URL's query).
    const report = await import('../report/index.js');
    for (const s of report.expandSecrets(secrets)) {
      if (!secrets.includes(s)) {
        core.setSecret(s);
        secrets.push(s);
      }
    }
    redact = (text) => report.neutralizeWorkflowCommands(report.redact(text, secrets));

    // ChatOps (issue_comment / pull_request_target workflows): the bot's dispatcher answers the event.
    if ((raw.get('command') ?? '').trim() === 'chatops') {
      const { runChatops } = await import('../../bot/action.js');
      await runChatops({ inputs: (name) => raw.get(name), secrets, redact: (text) => redact(text) });
      return;
    }

    const command = (raw.get('command') ?? '').trim();
    const configProblem = (err: unknown): boolean => {
      if (!(err instanceof ConfigError || err instanceof EnvironmentsFileError)) return false;
      reportConfigError(err, redact);
      return true;
    };

    // The selected environments' names, for a job matrix: only the file is read, nothing is signed in to.
    if (command === 'list-environments') {
      try {
        const { names, path } = selectEnvironments((name) => raw.get(name), readWorkspaceFile);
        core.setOutput('environment-names', JSON.stringify(names));
        core.info(`${path}: ${names.length} environment${names.length === 1 ? '' : 's'} selected: ${names.join(', ')}`);
      } catch (err) {
        if (!configProblem(err)) throw err;
      }
      return;
    }

    let result: AnyResult;
    let failOn: FailOn;
    if (command === 'summarize') {
      // One report from the reports other jobs saved (a matrix of jobs): no sign-in, no change.
      try {
        failOn = parseFailOn(raw.get('fail-on'));
        const { gatherReports } = await import('../operations/gather.js');
        result = gatherReports(raw.get('reports') ?? '');
      } catch (err) {
        if (!configProblem(err)) throw err;
        return;
      }
    } else {
      // 3. Validate everything before the first network call.
      //    With `environment`, the environments file is read and every selected environment checked.
      let inv: Invocation;
      try {
        inv = resolveInvocation((name) => raw.get(name), readWorkspaceFile);
      } catch (err) {
        if (!configProblem(err)) throw err;
        return;
      }
      failOn = inv.run.failOn;
      // OIDC sign-in in a job that may not ask for a token: say so now, not after a failed exchange.
      if (inv.environments.some((e) => e.azureSignIn.kind === 'oidc') && (!process.env.ACTIONS_ID_TOKEN_REQUEST_URL || !process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)) {
        core.setFailed(redact(MISSING_ID_TOKEN_PERMISSION));
        return;
      }
      for (const s of inv.secrets) {
        if (!secrets.includes(s)) {
          core.setSecret(s);
          secrets.push(s);
        }
      }

      // 4. Run the operation (for one environment, or each selected one).
      const ops = overrides.runCommand ? undefined : await import('../operations/index.js');
      const runInvocation = (i: Invocation, ctx: RunContext): Promise<AnyResult> => (overrides.runCommand ? overrides.runCommand(i.run, ctx) : ops!.runInvocation(i, ctx));
      result = await runInvocation(inv, {
        progress: {
          info: (message) => core.info(redact(message)),
          warn: (message) => core.warning(redact(message)),
        },
        getIdToken: async (audience) => {
          if (!process.env.ACTIONS_ID_TOKEN_REQUEST_URL || !process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) throw new Error(MISSING_ID_TOKEN_PERMISSION);
          const token = await core.getIDToken(audience); // core masks it too
          secrets.push(token);
          return token;
        },
      });
    }
    const opts = { secrets };

    // 5. Report: job summary, outputs, annotations, the log, the exit code.
    if (process.env.GITHUB_STEP_SUMMARY) {
      try {
        await core.summary.addRaw(report.renderMarkdown(result, opts), true).write();
      } catch (err) {
        // A summary that cannot be written must not hide the result or fail the step.
        core.warning(redact(`Could not write the job summary: ${oneLine(err)}`));
      }
    }
    for (const [name, value] of Object.entries(report.outputs(result, opts))) core.setOutput(name, value);

    const failMessage = report.failureMessage(result, failOn, opts);
    let failureReported = false;
    for (const a of report.annotations(result, opts)) {
      // core.setFailed below reports the first failure itself; do not annotate that one twice.
      if (a.kind === 'failure' && failMessage && !failureReported) {
        failureReported = true;
        continue;
      }
      const props = { title: redact(a.title) };
      const message = redact(a.message);
      if (a.level === 'error') core.error(message, props);
      else if (a.level === 'warning') core.warning(message, props);
      else core.notice(message, props);
    }
    core.info(redact(report.renderText(result, opts)));
    if (report.exitCodeFor(result, failOn) !== 0) core.setFailed(redact(failMessage ?? `Health is ${result.health}.`));
  } catch (err) {
    // Unexpected: one line, the stack only when the run has debug logging on.
    core.setFailed(redact(`auth0-eventgrid failed unexpectedly: ${oneLine(err)}`));
    if (process.env.RUNNER_DEBUG === '1' && err instanceof Error && err.stack) core.debug(redact(err.stack));
  }
}
