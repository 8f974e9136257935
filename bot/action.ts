/**
 * ChatOps inside a workflow, no server: the Action with `command: chatops` in a job triggered by
 * `issue_comment` (and `pull_request_target` for plans and lock release) reads the event the runner
 * wrote (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH) and runs the same dispatcher as the GitHub App, with
 * the job's token (`github-token`, e.g. ${{ github.token }}) for GitHub and the job's OIDC sign-in
 * (or the secrets passed to the step) for Azure and Auth0. Same commands, same replies.
 */
import { readFileSync } from 'node:fs';
import * as core from '@actions/core';
import { handleEvent } from './chatops.js';
import { DEFAULT_CONFIG_PATH } from './config.js';
import { normalizeEvent } from './event.js';
import { fromOctokit } from './github.js';
import { rotatingPool } from './operations.js';
import { trimSlashes } from '../src/text.js';

export interface ChatopsActionOptions {
  /** The Action's inputs (empty string when not given). */
  inputs: (name: string) => string | undefined;
  /** Values already masked by the Action; grows with the OIDC token and the credentials read. */
  secrets: string[];
  /** Masks secrets and neutralizes workflow commands in anything logged. */
  redact: (text: string) => string;
}

export async function runChatops(opts: ChatopsActionOptions): Promise<void> {
  const env = process.env;
  const eventName = env.GITHUB_EVENT_NAME;
  const eventPath = env.GITHUB_EVENT_PATH;
  if (!eventName || !eventPath) {
    core.setFailed('command: chatops answers the event of the workflow run (GITHUB_EVENT_NAME and GITHUB_EVENT_PATH are not set): trigger the workflow on issue_comment (and pull_request_target). See docs/chatops.md.');
    return;
  }
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(eventPath, 'utf8'));
  } catch (err) {
    core.setFailed(`command: chatops could not read the event file ${eventPath}: ${(err as Error).message}`);
    return;
  }
  const token = opts.inputs('github-token')?.trim() || env.GITHUB_TOKEN;
  if (!token) {
    core.setFailed('command: chatops needs github-token (e.g. github-token: ${{ github.token }}, with permissions issues: write, pull-requests: write, contents: write, checks: read, statuses: read).');
    return;
  }
  if (!opts.secrets.includes(token)) {
    core.setSecret(token);
    opts.secrets.push(token);
  }
  const baseUrl = trimSlashes(opts.inputs('github-api-url')?.trim() || env.GITHUB_API_URL || 'https://api.github.com');
  const { getOctokit } = await import('@actions/github');
  const gh = fromOctokit(getOctokit(token, { baseUrl }));
  const delivery = `run-${env.GITHUB_RUN_ID ?? 'local'}.${env.GITHUB_RUN_ATTEMPT ?? '1'}`;
  const event = normalizeEvent(eventName, payload, delivery);
  const getIdToken = async (audience: string) => {
    const t = await core.getIDToken(audience);
    opts.secrets.push(t);
    return t;
  };
  let failed = 0;
  const summary = await handleEvent(event, {
    gh,
    ops: {
      env,
      inputs: (name) => opts.inputs(name) || undefined,
      getIdToken,
      pool: rotatingPool(getIdToken),
      progress: { info: (m) => core.info(opts.redact(m)), warn: (m) => core.info(opts.redact(`warning: ${m}`)) },
    },
    configPath: opts.inputs('config-file')?.trim() || DEFAULT_CONFIG_PATH,
    audit: (line) => {
      if (/"result":"failure"/.test(line)) failed++;
      core.info(opts.redact(line));
    },
    log: (level, message) => (level === 'error' ? core.error(opts.redact(message)) : level === 'warn' ? core.warning(opts.redact(message)) : core.info(opts.redact(message))),
    secrets: opts.secrets,
  });
  core.setOutput('report', opts.redact(JSON.stringify({ event: eventName, handled: summary.handled, reason: summary.reason ?? null, results: summary.results })));
  if (!summary.handled) core.info(opts.redact(`Nothing to do: ${summary.reason ?? 'no command'}.`));
  if (failed) core.setFailed(`${failed} ChatOps command${failed === 1 ? '' : 's'} failed: see the reply in the thread.`);
}
