/** Entry to the use cases: builds the adapters for the settings, runs one command, returns a typed result. */
import type { Settings } from '../config/settings.js';
import { AzureAdapter } from '../azure/arm.js';
import { createCredential } from '../azure/credentials.js';
import { fromAzureError } from '../azure/errors.js';
import { Auth0Adapter } from '../auth0/log-streams.js';
import { Run, type Adapters } from './run.js';
import { toFailure } from './failures.js';
import type { OperationResult, Progress } from './types.js';
import { setup } from './setup.js';
import { activateTopic, teardown, verify } from './commands.js';

export type { OperationResult, Progress } from './types.js';

export interface RunContext {
  progress: Progress;
  /** Gets the workflow's OIDC token for the given audience (federated sign-in to Azure). */
  getIdToken?: (audience: string) => Promise<string>;
}

export async function createAdapters(settings: Settings, ctx: RunContext): Promise<Adapters> {
  const credential = await createCredential(settings.azureSignIn, ctx.getIdToken);
  const [azure, auth0] = await Promise.all([
    AzureAdapter.create({
      subscriptionId: settings.azure.subscriptionId,
      resourceManagerEndpoint: settings.azureSignIn.resourceManagerEndpoint,
      resourceManagerScope: settings.azureSignIn.resourceManagerScope,
      credential,
    }),
    Auth0Adapter.create({ domain: settings.auth0.domain, clientId: settings.auth0.clientId, clientSecret: settings.auth0.clientSecret }),
  ]);
  return { azure, auth0 };
}

const COMMAND_IMPL: Record<string, (run: Run) => Promise<void>> = {
  setup,
  verify,
  'activate-topic': activateTopic,
  teardown,
};

export async function runCommand(settings: Settings, ctx: RunContext, adapters?: Adapters): Promise<OperationResult> {
  let a = adapters;
  if (!a) {
    try {
      a = await createAdapters(settings, ctx);
    } catch (err) {
      const run = new Run(settings.command, settings, undefined as unknown as Adapters, ctx.progress);
      run.failure = toFailure('Sign in', fromAzureError(err), settings);
      return { ...run.result(), health: 'unhealthy' };
    }
  }
  const run = new Run(settings.command, settings, a, ctx.progress);
  const impl = COMMAND_IMPL[settings.command];
  await impl(run);
  return run.result();
}
