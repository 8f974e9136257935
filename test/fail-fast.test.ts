/**
 * Errors that cannot heal fail at once on the Azure side too: a name that does not resolve is not
 * retried by the SDK's retry policy (it was, five times with backoff), and the report says which
 * setting to check. (Timings: bench/fail-fast.ts.)
 */
import { createPipelineFromOptions, createPipelineRequest, createDefaultHttpClient, type PipelinePolicy } from '@azure/core-rest-pipeline';
import { failFastPolicy } from '../src/azure/fail-fast.js';
import { AzureAdapter } from '../src/azure/arm.js';
import { fromAzureError } from '../src/azure/errors.js';
import { DEFAULT_IDS } from '../sandbox/index.js';
import { baseInputs, runAction } from './helpers/action.js';
import { testSandbox } from './helpers/sandbox.js';

function counting(): { policy: PipelinePolicy; attempts: () => number } {
  let n = 0;
  return {
    policy: {
      name: 'countAttempts',
      sendRequest: (req, next) => {
        n++;
        return next(req);
      },
    },
    attempts: () => n,
  };
}

test('in the SDK pipeline, a name that does not resolve is one attempt, not six', async () => {
  const send = async (withPolicy: boolean) => {
    const pipeline = createPipelineFromOptions({ retryOptions: { maxRetries: 5, retryDelayInMs: 1, maxRetryDelayInMs: 2 } });
    const count = counting();
    pipeline.addPolicy(count.policy, { afterPhase: 'Retry' });
    if (withPolicy) pipeline.addPolicy(failFastPolicy(), { afterPhase: 'Retry' });
    const err = await pipeline.sendRequest(createDefaultHttpClient(), createPipelineRequest({ url: 'https://management.nonexistent.invalid/subscriptions?api-version=2022-12-01' })).then(
      () => undefined,
      (e) => e,
    );
    return { err, attempts: count.attempts() };
  };
  // Without it (what the SDK does by itself): retried.
  const without = await send(false);
  expect(without.err.code).toBe('ENOTFOUND');
  expect(without.attempts).toBe(6);
  const withIt = await send(true);
  expect(withIt.attempts).toBe(1);
  expect(fromAzureError(withIt.err)).toMatchObject({ code: 'NameNotResolved', message: 'management.nonexistent.invalid does not resolve (DNS: no such host)' });
}, 30_000);

test('the adapters carry the policy: a mistyped endpoint fails with NameNotResolved', async () => {
  const credential = { getToken: async () => ({ token: 'x', expiresOnTimestamp: Date.now() + 3_600_000 }) };
  const azure = await AzureAdapter.create({ subscriptionId: DEFAULT_IDS.subscriptionId, resourceManagerEndpoint: 'https://management.nonexistent.invalid', resourceManagerScope: 'https://management.azure.com/.default', credential });
  await expect(azure.partnerConfiguration('auth0-events')).rejects.toMatchObject({ code: 'NameNotResolved' });
}, 30_000);

test('the Action with a mistyped azure-resource-manager-endpoint says which setting to check', async () => {
  const sb = await testSandbox();
  try {
    const r = await runAction(baseInputs(sb, { command: 'verify', 'azure-resource-manager-endpoint': 'https://management.nonexistent.invalid' }));
    expect(r.code).toBe(1);
    const error = decodeURIComponent(r.stdout.split('\n').find((l) => l.startsWith('::error::'))!);
    expect(error).toContain('NameNotResolved: management.nonexistent.invalid does not resolve');
    expect(error).toContain('check azure-environment, or for a private cloud azure-resource-manager-endpoint and azure-authority-host');
  } finally {
    await sb.stop();
  }
}, 60_000);
