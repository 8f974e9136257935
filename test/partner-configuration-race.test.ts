/**
 * Creating a missing partner configuration must not drop what a concurrent creator authorized: the
 * product's PUT is held back by a delay fault while another client creates the configuration and
 * authorizes its partner; the product must then keep that partner (If-None-Match: *, 412, re-read,
 * authorizePartner only) and still authorize Auth0. The product's grant (shared by setup,
 * renew-authorization and auto-renew) runs in-process over HTTPS against the sandbox with the real SDK.
 */
import { AzureAdapter } from '../src/azure/arm.js';
import { grant, wantedExpiry } from '../src/operations/authorization.js';
import type { Run } from '../src/operations/run.js';
import { AUTH0_PARTNER } from '../sandbox/core/eventgrid.js';
import type { Sandbox } from '../sandbox/index.js';
import { addFaults, clearFaults, mark, pendingFaults, requestsSince } from './helpers/faults.js';
import { testSandbox } from './helpers/sandbox.js';
import { ARM_SCOPE, credential, eventGrid, registerEventGrid, RG, SUB } from './sandbox-arm-helpers.js';

const CONTOSO = { partnerRegistrationImmutableId: '941892bc-f5d0-4d1c-8fb5-477570fc2b71', partnerName: 'Contoso.Finance' };

/** What grant() reads of a run: the adapter, the group, the clock and the abort signal. */
async function runOf(sb: Sandbox): Promise<Run> {
  const azure = await AzureAdapter.create({ subscriptionId: SUB, resourceManagerEndpoint: sb.endpoints.arm, resourceManagerScope: ARM_SCOPE, credential: credential(sb) });
  return { adapters: { azure }, settings: { azure: { resourceGroup: RG } }, now: () => new Date(sb.context.clock.now()), signal: () => undefined } as unknown as Run;
}

async function grantDays(sb: Sandbox, days: number) {
  const run = await runOf(sb);
  const cfg = await run.adapters.azure.partnerConfiguration(RG);
  return grant(run, cfg, days, wantedExpiry(run, days));
}

function stored(sb: Sandbox) {
  return sb.context.world.subscriptions.get(SUB)!.resourceGroups.get(RG)!.partnerConfiguration!;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('creating the partner configuration while another client creates it', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await testSandbox();
  });
  afterAll(async () => {
    await sb.stop();
  });
  beforeEach(async () => {
    await sb.context.reset();
    registerEventGrid(sb);
  });
  afterEach(async () => {
    await clearFaults(sb);
  });

  test("the grant keeps the concurrent creator's partner and authorizes Auth0 beside it", async () => {
    const since = await mark(sb);
    await addFaults(sb, [{ service: 'arm', operation: 'PartnerConfigurations_CreateOrUpdate', delayMs: 1500 }]);
    const run = grantDays(sb, 7);
    // The product read "no configuration" and its PUT is now held back by the fault.
    await until('the product PUT', async () => (await pendingFaults(sb)).length === 0);

    // Meanwhile another client creates the configuration and authorizes its partner.
    const other = eventGrid(sb);
    await other.partnerConfigurations.beginCreateOrUpdateAndWait(RG, { location: 'global', partnerAuthorization: { authorizedPartnersList: [] } });
    await other.partnerConfigurations.authorizePartner(RG, CONTOSO);

    const answer = await run;
    const cfg = stored(sb);
    const ids = cfg.properties.partnerAuthorization.authorizedPartnersList.map((p: any) => p.partnerRegistrationImmutableId).sort();
    expect(ids).toEqual([CONTOSO.partnerRegistrationImmutableId, AUTH0_PARTNER.immutableId].sort());

    // The product's PUT lost the race (412) and it never wrote a partner list afterwards.
    const armWrites = (await requestsSince(sb, since)).filter((e) => e.service === 'arm' && e.method !== 'GET' && /partnerConfigurations/.test(e.path));
    const mine = armWrites.filter((e) => e.operation === 'PartnerConfigurations_CreateOrUpdate' && e.status === 412);
    expect(mine).toHaveLength(1);
    expect(armWrites.filter((e) => e.operation === 'PartnerConfigurations_CreateOrUpdate' && e.status < 300)).toHaveLength(1); // the other client's
    expect(answer.partnerAuthorization!.authorizedPartnersList!.map((p) => p.partnerRegistrationImmutableId).sort()).toEqual(ids);
  });

  test('a concurrent creator with a lower maximum: the re-read configuration gets its maximum raised, then Auth0 its 30 days', async () => {
    await addFaults(sb, [{ service: 'arm', operation: 'PartnerConfigurations_CreateOrUpdate', delayMs: 1500 }]);
    const run = grantDays(sb, 30);
    await until('the product PUT', async () => (await pendingFaults(sb)).length === 0);
    await eventGrid(sb).partnerConfigurations.authorizePartner(RG, CONTOSO); // creates it with the default maximum (7)
    await run;
    const auth = stored(sb).properties.partnerAuthorization;
    expect(auth.defaultMaximumExpirationTimeInDays).toBe(30);
    const auth0 = auth.authorizedPartnersList.find((p: any) => p.partnerRegistrationImmutableId === AUTH0_PARTNER.immutableId);
    expect(Date.parse(auth0.authorizationExpirationTimeInUtc) - sb.context.clock.now()).toBeGreaterThan(29 * 86_400_000);
    expect(auth.authorizedPartnersList.map((p: any) => p.partnerRegistrationImmutableId)).toContain(CONTOSO.partnerRegistrationImmutableId);
  });

  test('with no concurrent creator the configuration is created (If-None-Match: * succeeds) and Auth0 authorized', async () => {
    const since = await mark(sb);
    await grantDays(sb, 7);
    const cfg = stored(sb);
    expect(cfg.properties.partnerAuthorization.authorizedPartnersList.map((p: any) => p.partnerRegistrationImmutableId)).toEqual([AUTH0_PARTNER.immutableId]);
    expect((await requestsSince(sb, since)).filter((e) => e.operation === 'PartnerConfigurations_CreateOrUpdate').map((e) => e.status)).toEqual([200]);
  });
});
