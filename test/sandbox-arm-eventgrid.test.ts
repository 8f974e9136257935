/**
 * The ARM sandbox's Microsoft.EventGrid partner-events API through @azure/arm-eventgrid (api-version
 * 2025-02-15): partner configurations, partner topics, event subscriptions (long-running operations),
 * verified partners, and their errors.
 */
import { testSandbox, admin } from './helpers/sandbox.js';
import { DEFAULT_IDS, type Sandbox } from '../sandbox/index.js';
import { AUTH0_PARTNER, auth0Authorization, createPartnerTopic, findGroup } from '../sandbox/core/eventgrid.js';
import { eventGrid, raw, registerEventGrid, sdkError, sleep, SUB, RG, EG, egPath } from './sandbox-arm-helpers.js';

const DAY = 86_400_000;
const CONTOSO = { partnerRegistrationImmutableId: '941892bc-f5d0-4d1c-8fb5-477570fc2b71', partnerName: 'Contoso.Finance' };
const HOOK = 'https://hooks.example.com/auth0/events?code=s3cr3t-function-key';

describe('ARM sandbox: Microsoft.EventGrid partner events', () => {
  let sb: Sandbox;
  const now = () => sb.context.clock.now();
  const seedTopic = (name: string, source = `azure.partner/auth0.com/dev-tenant-${SUB}/auth0.logs`) => {
    const found = findGroup(sb.context, SUB, RG)!;
    return createPartnerTopic(sb.context, found.sub, found.group, { name, source, friendlyDescription: 'Auth0 logs', messageForActivation: 'Activate to receive Auth0 logs' });
  };

  beforeAll(async () => {
    sb = await testSandbox();
    registerEventGrid(sb);
  });
  afterAll(async () => {
    await sb.stop();
  });
  afterEach(async () => {
    await admin(sb, 'DELETE', 'faults');
  });

  describe('partner configurations', () => {
    test('authorizePartner creates the default configuration, keeps other partners and renews in place', async () => {
      const eg = eventGrid(sb);
      expect((await sdkError(eg.partnerConfigurations.get(RG))).code).toBe('ResourceNotFound');

      const first = await eg.partnerConfigurations.authorizePartner(RG, CONTOSO);
      expect(first).toMatchObject({
        id: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.EventGrid/partnerConfigurations/default`,
        name: 'default',
        type: 'Microsoft.EventGrid/partnerConfigurations',
        location: 'global',
        provisioningState: 'Succeeded',
      });
      expect(first.partnerAuthorization?.defaultMaximumExpirationTimeInDays).toBe(7);
      const contosoExpiry = first.partnerAuthorization!.authorizedPartnersList![0].authorizationExpirationTimeInUtc!;
      expect(Math.abs(contosoExpiry.getTime() - (now() + 7 * DAY))).toBeLessThan(60_000);
      expect(first.systemData).toMatchObject({ createdBy: DEFAULT_IDS.clientId, createdByType: 'Application' });

      const in3days = new Date(now() + 3 * DAY);
      const second = await eg.partnerConfigurations.authorizePartner(RG, { partnerRegistrationImmutableId: AUTH0_PARTNER.immutableId, authorizationExpirationTimeInUtc: in3days });
      const list = second.partnerAuthorization!.authorizedPartnersList!;
      expect(list).toHaveLength(2);
      expect(list[0]).toMatchObject({ partnerName: 'Contoso.Finance' });
      expect(list[0].authorizationExpirationTimeInUtc!.getTime()).toBe(contosoExpiry.getTime());
      // Named by immutable id only: Event Grid leaves partnerName null (azure-cli recording).
      expect(list[1].partnerRegistrationImmutableId).toBe(AUTH0_PARTNER.immutableId);
      expect(list[1].partnerName ?? null).toBeNull();
      expect(list[1].authorizationExpirationTimeInUtc!.getTime()).toBe(in3days.getTime());
      const status = auth0Authorization(sb.context, findGroup(sb.context, SUB, RG)!.group);
      expect(status).toEqual({ authorized: true, expiresAt: in3days.toISOString() });

      // Renewal by name replaces Auth0's entry and keeps Contoso's.
      const in6days = new Date(now() + 6 * DAY);
      const renewed = await eg.partnerConfigurations.authorizePartner(RG, { partnerName: 'auth0', authorizationExpirationTimeInUtc: in6days });
      expect(renewed.partnerAuthorization!.authorizedPartnersList!.map((p) => [p.partnerName, p.authorizationExpirationTimeInUtc!.toISOString()])).toEqual([
        ['Contoso.Finance', contosoExpiry.toISOString()],
        ['Auth0', in6days.toISOString()],
      ]);
      const got = await eg.partnerConfigurations.get(RG);
      expect(got.partnerAuthorization!.authorizedPartnersList).toHaveLength(2);
    });

    test('expiry beyond the maximum is refused until the maximum is raised; past expiries too', async () => {
      const eg = eventGrid(sb);
      const in30 = new Date(now() + 30 * DAY);
      const tooFar = await sdkError(eg.partnerConfigurations.authorizePartner(RG, { partnerRegistrationImmutableId: AUTH0_PARTNER.immutableId, authorizationExpirationTimeInUtc: in30 }));
      expect(tooFar.statusCode).toBe(400);
      expect(tooFar.message).toContain('more than 7 days from now');
      expect(tooFar.message).toContain('defaultMaximumExpirationTimeInDays');

      const past = await sdkError(eg.partnerConfigurations.authorizePartner(RG, { partnerName: 'Auth0', authorizationExpirationTimeInUtc: new Date(now() - 1000) }));
      expect(past.statusCode).toBe(400);
      expect(past.message).toContain('is not in the future');

      const outOfRange = await sdkError(eg.partnerConfigurations.beginUpdateAndWait(RG, { defaultMaximumExpirationTimeInDays: 366 }));
      expect(outOfRange.statusCode).toBe(400);

      const raised = await eg.partnerConfigurations.beginUpdateAndWait(RG, { defaultMaximumExpirationTimeInDays: 30, tags: { owner: 'auth0-eventgrid' } });
      expect(raised.partnerAuthorization?.defaultMaximumExpirationTimeInDays).toBe(30);
      expect(raised.tags).toEqual({ owner: 'auth0-eventgrid' });
      const ok = await eg.partnerConfigurations.authorizePartner(RG, { partnerRegistrationImmutableId: AUTH0_PARTNER.immutableId, authorizationExpirationTimeInUtc: in30 });
      expect(ok.partnerAuthorization!.authorizedPartnersList!.find((p) => p.partnerRegistrationImmutableId === AUTH0_PARTNER.immutableId)!.authorizationExpirationTimeInUtc!.toISOString()).toBe(in30.toISOString());
      expect(ok.partnerAuthorization!.authorizedPartnersList).toHaveLength(2);
    });

    test('lists by group and subscription; PUT validates; Reader may read but not write', async () => {
      const eg = eventGrid(sb);
      const byGroup = [];
      for await (const c of eg.partnerConfigurations.listByResourceGroup(RG)) byGroup.push(c);
      expect(byGroup.map((c) => c.name)).toEqual(['default']);
      const bySub = [];
      for await (const c of eg.partnerConfigurations.listBySubscription()) bySub.push(c);
      expect(bySub.map((c) => c.id)).toEqual([byGroup[0].id]);

      const badLocation = await raw(sb, 'PUT', `${egPath}/partnerConfigurations/default?api-version=${EG}`, { body: { location: 'westus2', properties: {} } });
      expect(badLocation.status).toBe(400);
      expect(badLocation.body.error.code).toBe('LocationNotAvailableForResourceType');
      const badType = await raw(sb, 'PUT', `${egPath}/partnerConfigurations/default?api-version=${EG}`, {
        body: { location: 'global', properties: { partnerAuthorization: { defaultMaximumExpirationTimeInDays: 'ten' } } },
      });
      expect(badType.status).toBe(400);
      expect(badType.body.error.code).toBe('InvalidRequestContent');
      expect(badType.body.error.message).toContain('properties.partnerAuthorization.defaultMaximumExpirationTimeInDays');
      const badGuid = await raw(sb, 'POST', `${egPath}/partnerConfigurations/default/authorizePartner?api-version=${EG}`, { body: { partnerRegistrationImmutableId: 'not-a-guid' } });
      expect(badGuid.status).toBe(400);
      expect(badGuid.body.error.code).toBe('InvalidRequestContent');

      const reader = eventGrid(sb, { clientId: DEFAULT_IDS.readerClientId });
      expect((await reader.partnerConfigurations.get(RG)).name).toBe('default');
      const denied = await sdkError(reader.partnerConfigurations.authorizePartner(RG, { partnerName: 'Auth0' }));
      expect(denied.statusCode).toBe(403);
      expect(denied.code).toBe('AuthorizationFailed');
      const oid = sb.context.world.principals.get(DEFAULT_IDS.readerClientId)!.objectId;
      expect(denied.message).toBe(
        `The client '${oid}' with object id '${oid}' does not have authorization to perform action 'Microsoft.EventGrid/partnerConfigurations/authorizePartner/action' over scope '/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.EventGrid/partnerConfigurations/default' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
      );
    });

    test('PUT answers 200 when it creates (as recorded); If-None-Match: * creates only, If-Match: * replaces only (412 PreconditionFailed)', async () => {
      const group = 'conditional-put';
      sb.context.world.subscriptions.get(SUB)!.resourceGroups.set(group, { name: group, location: 'westus2', tags: {}, partnerTopics: new Map() });
      const path = `/subscriptions/${SUB}/resourceGroups/${group}/providers/Microsoft.EventGrid/partnerConfigurations/default?api-version=${EG}`;
      const body = (partners: unknown[]) => ({ location: 'global', properties: { partnerAuthorization: { authorizedPartnersList: partners } } });

      const replaceMissing = await raw(sb, 'PUT', path, { body: body([]), headers: { 'if-match': '*' } });
      expect(replaceMissing.status).toBe(412);
      expect(replaceMissing.body.error.code).toBe('PreconditionFailed');
      expect((await raw(sb, 'GET', path)).status).toBe(404);

      const created = await raw(sb, 'PUT', path, { body: body([{ partnerRegistrationImmutableId: CONTOSO.partnerRegistrationImmutableId }]), headers: { 'if-none-match': '*' } });
      expect(created.status).toBe(200);
      expect(created.headers.get('azure-asyncoperation')).toBeNull();
      // The partner was named by immutable id only: partnerName comes back null, not filled in.
      expect(created.body.properties.partnerAuthorization.authorizedPartnersList).toEqual([
        { partnerRegistrationImmutableId: CONTOSO.partnerRegistrationImmutableId, partnerName: null, authorizationExpirationTimeInUtc: expect.any(String) },
      ]);

      // A second creator loses the race instead of replacing the first one's partner list.
      const second = await raw(sb, 'PUT', path, { body: body([]), headers: { 'if-none-match': '*' } });
      expect(second.status).toBe(412);
      expect(second.body.error.code).toBe('PreconditionFailed');
      expect(second.body.error.message).toContain('already exists');
      expect((await raw(sb, 'GET', path)).body.properties.partnerAuthorization.authorizedPartnersList).toHaveLength(1);

      // No etag exists to match; `*` matches the existing configuration.
      expect((await raw(sb, 'PUT', path, { body: body([]), headers: { 'if-match': '"0x8DC0000000000"' } })).status).toBe(412);
      const replaced = await raw(sb, 'PUT', path, { body: body([]), headers: { 'if-match': '*' } });
      expect(replaced.status).toBe(200);
      expect(replaced.body.properties.partnerAuthorization.authorizedPartnersList).toEqual([]);
      // Unconditional PUT still replaces (200), as the API allows.
      expect((await raw(sb, 'PUT', path, { body: body([]) })).status).toBe(200);
      expect((await raw(sb, 'DELETE', path)).status).toBe(200);
    });
  });

  describe('partner topics', () => {
    test('get, list with $filter / $top paging through the SDK pager (nextLink), and by subscription', async () => {
      for (const n of ['auth0-logs-alpha', 'auth0-logs-beta', 'auth0-logs-gamma', 'other-topic-1', 'auth0-logs-delta']) seedTopic(n);
      const eg = eventGrid(sb);
      const t = await eg.partnerTopics.get(RG, 'AUTH0-LOGS-ALPHA');
      expect(t).toMatchObject({
        name: 'auth0-logs-alpha',
        id: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.EventGrid/partnerTopics/auth0-logs-alpha`,
        type: 'Microsoft.EventGrid/partnerTopics',
        location: DEFAULT_IDS.region,
        partnerRegistrationImmutableId: AUTH0_PARTNER.immutableId,
        activationState: 'NeverActivated',
        provisioningState: 'Succeeded',
      });
      expect(t.expirationTimeIfNotActivatedUtc!.getTime()).toBeGreaterThan(now());

      const mark = (await admin(sb, 'GET', 'requests')).mark;
      const pages: string[][] = [];
      for await (const p of eg.partnerTopics.listByResourceGroup(RG, { filter: "contains(name, 'AUTH0-logs') and name ne 'auth0-logs-gamma'", top: 2 }).byPage()) {
        pages.push(p.map((x) => x.name!));
      }
      expect(pages).toEqual([['auth0-logs-alpha', 'auth0-logs-beta'], ['auth0-logs-delta']]);
      const log = (await admin(sb, 'GET', `requests?since=${mark}&service=arm`)).value;
      expect(log.map((e: any) => e.operation)).toEqual(['PartnerTopics_ListByResourceGroup', 'PartnerTopics_ListByResourceGroup']);
      expect(log[1].query).toContain('%24skipToken=');

      const eq = [];
      for await (const x of eg.partnerTopics.listBySubscription({ filter: "name eq 'other-topic-1'" })) eq.push(x.name);
      expect(eq).toEqual(['other-topic-1']);
      const starts = [];
      for await (const x of eg.partnerTopics.listBySubscription({ filter: "startswith(name,'auth0') or endswith(name, '-1')", top: 1 })) starts.push(x.name);
      expect(starts).toHaveLength(5);

      const badFilter = await raw(sb, 'GET', `${egPath}/partnerTopics?api-version=${EG}&$filter=${encodeURIComponent("location eq 'westus'")}`);
      expect(badFilter.status).toBe(400);
      expect(badFilter.body.error.message).toContain("filtering on 'location' is not supported");
      const badTop = await raw(sb, 'GET', `${egPath}/partnerTopics?api-version=${EG}&$top=500`);
      expect(badTop.status).toBe(400);
    });

    test('activate and deactivate are synchronous and return the topic', async () => {
      seedTopic('auth0-activate-me');
      const eg = eventGrid(sb);
      const neverDeactivate = await sdkError(eg.partnerTopics.deactivate(RG, 'auth0-activate-me'));
      expect(neverDeactivate.statusCode).toBe(400);
      const on = await eg.partnerTopics.activate(RG, 'auth0-activate-me');
      expect(on.activationState).toBe('Activated');
      expect(on.systemData?.lastModifiedBy).toBe(DEFAULT_IDS.clientId);
      expect((await eg.partnerTopics.get(RG, 'auth0-activate-me')).activationState).toBe('Activated');
      expect((await eg.partnerTopics.activate(RG, 'auth0-activate-me')).activationState).toBe('Activated');
      const off = await eg.partnerTopics.deactivate(RG, 'auth0-activate-me');
      expect(off.activationState).toBe('Deactivated');
      expect((await eg.partnerTopics.activate(RG, 'auth0-activate-me')).activationState).toBe('Activated');
      const reader = eventGrid(sb, { clientId: DEFAULT_IDS.readerClientId });
      const denied = await sdkError(reader.partnerTopics.activate(RG, 'auth0-activate-me'));
      expect(denied.statusCode).toBe(403);
      expect(denied.message).toContain("action 'Microsoft.EventGrid/partnerTopics/activate/action'");
      expect((await sdkError(eg.partnerTopics.activate(RG, 'nope'))).statusCode).toBe(404);
      expect((await sdkError(eg.partnerTopics.activate('no-group', 'nope'))).code).toBe('ResourceGroupNotFound');
    });

    test('an unactivated topic disappears at expirationTimeIfNotActivatedUtc; an activated one stays', async () => {
      seedTopic('auth0-expires');
      seedTopic('auth0-stays');
      const eg = eventGrid(sb);
      await eg.partnerTopics.activate(RG, 'auth0-stays');
      await admin(sb, 'POST', 'clock', { advance: '8d' });
      expect((await sdkError(eg.partnerTopics.get(RG, 'auth0-expires'))).statusCode).toBe(404);
      expect((await eg.partnerTopics.get(RG, 'auth0-stays')).activationState).toBe('Activated');
    });

    test('PUT by a user creates (201) and updates (200); PATCH tags; invalid names and bodies are 400', async () => {
      const eg = eventGrid(sb);
      const created = await raw(sb, 'PUT', `${egPath}/partnerTopics/user-made-topic?api-version=${EG}`, {
        body: { location: 'westus2', properties: { partnerRegistrationImmutableId: AUTH0_PARTNER.immutableId, source: 'custom-source' } },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name: 'user-made-topic', location: 'westus2', properties: { activationState: 'NeverActivated', source: 'custom-source' } });
      const updated = await eg.partnerTopics.createOrUpdate(RG, 'User-Made-Topic', { location: 'westus2', tags: { a: 'b' }, source: 'custom-source' });
      expect(updated.name).toBe('user-made-topic');
      expect(updated.tags).toEqual({ a: 'b' });
      const patched = await eg.partnerTopics.update(RG, 'user-made-topic', { tags: { c: 'd' } });
      expect(patched.tags).toEqual({ c: 'd' });

      const badName = await raw(sb, 'PUT', `${egPath}/partnerTopics/x_y?api-version=${EG}`, { body: { location: 'westus2' } });
      expect(badName.status).toBe(400);
      expect(badName.body.error.message).toContain('between 3 and 64 characters');
      const noLocation = await raw(sb, 'PUT', `${egPath}/partnerTopics/no-location?api-version=${EG}`, { body: { properties: {} } });
      expect(noLocation.status).toBe(400);
      expect(noLocation.body.error).toMatchObject({ code: 'InvalidRequestContent' });
      expect(noLocation.body.error.message).toContain("Required property 'location'");
      const badState = await raw(sb, 'PUT', `${egPath}/partnerTopics/bad-state?api-version=${EG}`, { body: { location: 'westus2', properties: { activationState: 'Sleeping' } } });
      expect(badState.status).toBe(400);
      const notJson = await raw(sb, 'PUT', `${egPath}/partnerTopics/not-json?api-version=${EG}`, { body: '{"location":', headers: { 'content-type': 'application/json' } });
      expect(notJson.status).toBe(400);
      expect(notJson.body.error.code).toBe('InvalidRequestContent');
    });

    test('DELETE is a long-running operation that removes the topic and its event subscriptions', async () => {
      seedTopic('auth0-doomed');
      const eg = eventGrid(sb);
      await eg.partnerTopicEventSubscriptions.beginCreateOrUpdateAndWait(RG, 'auth0-doomed', 'to-webhook', { destination: { endpointType: 'WebHook', endpointUrl: HOOK } }, { updateIntervalInMs: 10 });
      const started = await raw(sb, 'DELETE', `${egPath}/partnerTopics/auth0-doomed?api-version=${EG}`);
      expect(started.status).toBe(202);
      expect(started.headers.get('azure-asyncoperation')).toMatch(new RegExp(`/subscriptions/${SUB}/providers/Microsoft.EventGrid/locations/westus2/operationsStatus/[0-9A-F-]{36}\\?api-version=${EG}$`));
      expect(started.headers.get('location')).toMatch(/\/operationResults\/[0-9A-F-]{36}\?api-version=/);
      expect((await eg.partnerTopics.get(RG, 'auth0-doomed')).provisioningState).toBe('Deleting');
      await sleep(120);
      expect((await sdkError(eg.partnerTopics.get(RG, 'auth0-doomed'))).statusCode).toBe(404);
      const gone = await sdkError(eg.partnerTopicEventSubscriptions.get(RG, 'auth0-doomed', 'to-webhook'));
      expect(gone.code).toBe('ParentResourceNotFound');

      seedTopic('auth0-doomed-2');
      await eg.partnerTopics.beginDeleteAndWait(RG, 'auth0-doomed-2', { updateIntervalInMs: 10 });
      expect((await sdkError(eg.partnerTopics.get(RG, 'auth0-doomed-2'))).statusCode).toBe(404);
      // Deleting what is not there: 204.
      expect((await raw(sb, 'DELETE', `${egPath}/partnerTopics/auth0-doomed-2?api-version=${EG}`)).status).toBe(204);
    });
  });

  describe('event subscriptions on partner topics', () => {
    beforeAll(() => {
      seedTopic('auth0-es-topic');
    });

    test('PUT answers 201 Creating with Azure-AsyncOperation and Retry-After; the status goes InProgress → Succeeded', async () => {
      const started = await raw(sb, 'PUT', `${egPath}/partnerTopics/auth0-es-topic/eventSubscriptions/raw-hook?api-version=${EG}`, {
        body: { properties: { destination: { endpointType: 'WebHook', properties: { endpointUrl: HOOK } } } },
      });
      expect(started.status).toBe(201);
      expect(started.body.properties.provisioningState).toBe('Creating');
      expect(started.headers.get('retry-after')).toBe('0');
      const statusUrl = started.headers.get('azure-asyncoperation')!;
      expect(statusUrl).toMatch(new RegExp(`^${sb.endpoints.arm}/subscriptions/${SUB}/providers/Microsoft.EventGrid/locations/westus2/operationsStatus/[0-9A-F-]{36}\\?api-version=${EG}$`));
      const running = await raw(sb, 'GET', statusUrl);
      expect(running.status).toBe(200);
      expect(running.body).toMatchObject({ status: 'InProgress' });
      await sleep(120);
      const done = await raw(sb, 'GET', statusUrl);
      expect(done.body).toMatchObject({ status: 'Succeeded', name: statusUrl.split('/').pop()!.split('?')[0] });
      expect(done.body.endTime).toBeDefined();
      const es = await raw(sb, 'GET', `${egPath}/partnerTopics/auth0-es-topic/eventSubscriptions/raw-hook?api-version=${EG}`);
      expect(es.body.properties.provisioningState).toBe('Succeeded');
      expect(es.body.properties.destination).toEqual({
        properties: { endpointBaseUrl: 'https://hooks.example.com/auth0/events', maxEventsPerBatch: 1, preferredBatchSizeInKilobytes: 64 },
        endpointType: 'WebHook',
      });
      expect(JSON.stringify(es.body)).not.toContain('s3cr3t');
      const state = await admin(sb, 'GET', 'state');
      expect(JSON.stringify(state)).not.toContain('s3cr3t');
    });

    test('create, get, list, update, getFullUrl, getDeliveryAttributes and delete through the SDK', async () => {
      const eg = eventGrid(sb);
      const created = await eg.partnerTopicEventSubscriptions.beginCreateOrUpdateAndWait(
        RG,
        'auth0-es-topic',
        'auth0-to-webhook',
        {
          destination: {
            endpointType: 'WebHook',
            endpointUrl: HOOK,
            maxEventsPerBatch: 10,
            deliveryAttributeMappings: [
              { name: 'x-static', type: 'Static', value: 'plain', isSecret: false },
              { name: 'x-secret', type: 'Static', value: 'hush-hush', isSecret: true },
              { name: 'x-dynamic', type: 'Dynamic', sourceField: 'data.type' },
            ],
          },
          filter: { includedEventTypes: ['s', 'f'], subjectBeginsWith: 'auth0' },
          labels: ['auth0'],
          eventDeliverySchema: 'CloudEventSchemaV1_0',
          retryPolicy: { maxDeliveryAttempts: 10 },
        },
        { updateIntervalInMs: 10 },
      );
      expect(created).toMatchObject({
        name: 'auth0-to-webhook',
        type: 'Microsoft.EventGrid/partnerTopics/eventSubscriptions',
        provisioningState: 'Succeeded',
        topic: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.EventGrid/partnerTopics/auth0-es-topic`,
        eventDeliverySchema: 'CloudEventSchemaV1_0',
        labels: ['auth0'],
        retryPolicy: { maxDeliveryAttempts: 10, eventTimeToLiveInMinutes: 1440 },
      });
      expect(created.filter).toMatchObject({ includedEventTypes: ['s', 'f'], subjectBeginsWith: 'auth0', subjectEndsWith: '', isSubjectCaseSensitive: false });
      expect(created.destination).toMatchObject({ endpointType: 'WebHook', endpointBaseUrl: 'https://hooks.example.com/auth0/events', maxEventsPerBatch: 10 });
      expect((created.destination as any).endpointUrl).toBeUndefined();

      const got = await eg.partnerTopicEventSubscriptions.get(RG, 'auth0-es-topic', 'AUTH0-TO-WEBHOOK');
      expect(got.name).toBe('auth0-to-webhook');
      expect((got.destination as any).deliveryAttributeMappings.find((m: any) => m.name === 'x-secret').value).toBeUndefined();

      const names = [];
      for await (const x of eg.partnerTopicEventSubscriptions.listByPartnerTopic(RG, 'auth0-es-topic', { filter: "contains(name,'webhook')" })) names.push(x.name);
      expect(names).toEqual(['auth0-to-webhook']);

      const mark = (await admin(sb, 'GET', 'requests')).mark;
      const full = await eg.partnerTopicEventSubscriptions.getFullUrl(RG, 'auth0-es-topic', 'auth0-to-webhook');
      expect(full.endpointUrl).toBe(HOOK);
      const attrs = await eg.partnerTopicEventSubscriptions.getDeliveryAttributes(RG, 'auth0-es-topic', 'auth0-to-webhook');
      expect(attrs.value).toEqual([
        { name: 'x-static', type: 'Static', value: 'plain', isSecret: false },
        { name: 'x-secret', type: 'Static', value: 'hush-hush', isSecret: true },
        { name: 'x-dynamic', type: 'Dynamic', sourceField: 'data.type' },
      ]);
      // Reading the URL and the attributes are POSTs that change nothing: not logged as writes.
      expect((await admin(sb, 'GET', `requests?since=${mark}&service=arm&writes=true`)).value).toEqual([]);

      const updated = await eg.partnerTopicEventSubscriptions.beginUpdateAndWait(
        RG,
        'auth0-es-topic',
        'auth0-to-webhook',
        { filter: { includedEventTypes: ['f'] }, labels: ['auth0', 'failures'] },
        { updateIntervalInMs: 10 },
      );
      expect(updated.provisioningState).toBe('Succeeded');
      expect(updated.filter?.includedEventTypes).toEqual(['f']);
      expect(updated.labels).toEqual(['auth0', 'failures']);
      expect(updated.destination).toMatchObject({ endpointBaseUrl: 'https://hooks.example.com/auth0/events' });
      expect((await eg.partnerTopicEventSubscriptions.getFullUrl(RG, 'auth0-es-topic', 'auth0-to-webhook')).endpointUrl).toBe(HOOK);
      expect(updated.systemData?.createdAt?.getTime()).toBe(created.systemData?.createdAt?.getTime());

      await eg.partnerTopicEventSubscriptions.beginDeleteAndWait(RG, 'auth0-es-topic', 'auth0-to-webhook', { updateIntervalInMs: 10 });
      const gone = await sdkError(eg.partnerTopicEventSubscriptions.get(RG, 'auth0-es-topic', 'auth0-to-webhook'));
      expect(gone.statusCode).toBe(404);
      expect(gone.message).toBe(
        `The Resource 'Microsoft.EventGrid/partnerTopics/auth0-es-topic/eventSubscriptions/auth0-to-webhook' under resource group '${RG}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
      );
    });

    test('DELETE answers 202 with a Location that answers 202 until done, then 204', async () => {
      const eg = eventGrid(sb);
      await eg.partnerTopicEventSubscriptions.beginCreateOrUpdateAndWait(RG, 'auth0-es-topic', 'to-queue', {
        destination: { endpointType: 'StorageQueue', resourceId: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Storage/storageAccounts/acct`, queueName: 'auth0' },
      }, { updateIntervalInMs: 10 });
      expect((await sdkError(eg.partnerTopicEventSubscriptions.getFullUrl(RG, 'auth0-es-topic', 'to-queue'))).statusCode).toBe(400);
      expect((await eg.partnerTopicEventSubscriptions.getDeliveryAttributes(RG, 'auth0-es-topic', 'to-queue')).value).toEqual([]);
      const del = await raw(sb, 'DELETE', `${egPath}/partnerTopics/auth0-es-topic/eventSubscriptions/to-queue?api-version=${EG}`);
      expect(del.status).toBe(202);
      const location = del.headers.get('location')!;
      expect(location).toContain('/operationResults/');
      expect((await raw(sb, 'GET', location)).status).toBe(202);
      await sleep(120);
      expect((await raw(sb, 'GET', location)).status).toBe(204);
      expect((await raw(sb, 'DELETE', `${egPath}/partnerTopics/auth0-es-topic/eventSubscriptions/to-queue?api-version=${EG}`)).status).toBe(204);
    });

    test('a scripted LRO failure surfaces through the SDK and leaves provisioningState Failed', async () => {
      await admin(sb, 'POST', 'faults', { service: 'arm', operation: 'PartnerTopicEventSubscriptions_CreateOrUpdate', lro: 'Failed' });
      const eg = eventGrid(sb);
      const err = await sdkError(
        eg.partnerTopicEventSubscriptions.beginCreateOrUpdateAndWait(RG, 'auth0-es-topic', 'doomed-hook', { destination: { endpointType: 'WebHook', endpointUrl: HOOK } }, { updateIntervalInMs: 10 }),
      );
      expect(err.message).toMatch(/long-running operation has failed.*InternalServerError/);
      expect((await eg.partnerTopicEventSubscriptions.get(RG, 'auth0-es-topic', 'doomed-hook')).provisioningState).toBe('Failed');
      // A retry succeeds (the fault was used up).
      const ok = await eg.partnerTopicEventSubscriptions.beginCreateOrUpdateAndWait(RG, 'auth0-es-topic', 'doomed-hook', { destination: { endpointType: 'WebHook', endpointUrl: HOOK } }, { updateIntervalInMs: 10 });
      expect(ok.provisioningState).toBe('Succeeded');
    });

    test('bodies that break the schema or Event Grid rules are 400', async () => {
      const put = (name: string, body: unknown) => raw(sb, 'PUT', `${egPath}/partnerTopics/auth0-es-topic/eventSubscriptions/${name}?api-version=${EG}`, { body });
      const unknownType = await put('bad-type', { properties: { destination: { endpointType: 'Carrier-Pigeon', properties: {} } } });
      expect(unknownType.status).toBe(400);
      expect(unknownType.body.error.code).toBe('InvalidRequestContent');
      expect(unknownType.body.error.message).toContain("Could not resolve type 'Carrier-Pigeon'");
      expect(unknownType.body.error.message).toContain('properties.destination.endpointType');
      const wrongType = await put('bad-retry', { properties: { destination: { endpointType: 'WebHook', properties: { endpointUrl: HOOK } }, retryPolicy: { maxDeliveryAttempts: 'many' } } });
      expect(wrongType.status).toBe(400);
      expect(wrongType.body.error.message).toContain('properties.retryPolicy.maxDeliveryAttempts');
      const noDestination = await put('no-dest', { properties: { filter: {} } });
      expect(noDestination.status).toBe(400);
      expect(noDestination.body.error.message).toContain("'destination' is missing");
      const noUrl = await put('no-url', { properties: { destination: { endpointType: 'WebHook', properties: {} } } });
      expect(noUrl.status).toBe(400);
      expect(noUrl.body.error.message).toContain("'endpointUrl' is missing");
      const http = await put('plain-http', { properties: { destination: { endpointType: 'WebHook', properties: { endpointUrl: 'http://hooks.example.com/x' } } } });
      expect(http.status).toBe(400);
      expect(http.body.error.message).toContain('must use https');
      const badName = await put('a_b', { properties: { destination: { endpointType: 'WebHook', properties: { endpointUrl: HOOK } } } });
      expect(badName.status).toBe(400);
      expect(badName.body.error.message).toContain('between 3 and 64 characters');
      const tooLong = await put('x'.repeat(65), { properties: { destination: { endpointType: 'WebHook', properties: { endpointUrl: HOOK } } } });
      expect(tooLong.status).toBe(400);
      const schema = await put('eg-schema', { properties: { destination: { endpointType: 'WebHook', properties: { endpointUrl: HOOK } }, eventDeliverySchema: 'EventGridSchema' } });
      expect(schema.status).toBe(400);
      expect(schema.body.error.message).toContain('CloudEventSchemaV1_0');
      const badFilter = await put('bad-filter', {
        properties: { destination: { endpointType: 'WebHook', properties: { endpointUrl: HOOK } }, filter: { advancedFilters: [{ operatorType: 'Sorta', key: 'data.x' }] } },
      });
      expect(badFilter.status).toBe(400);
      expect(badFilter.body.error.message).toContain('properties.filter.advancedFilters[0].operatorType');
      const noTopic = await raw(sb, 'PUT', `${egPath}/partnerTopics/no-such-topic/eventSubscriptions/es1?api-version=${EG}`, {
        body: { properties: { destination: { endpointType: 'WebHook', properties: { endpointUrl: HOOK } } } },
      });
      expect(noTopic.status).toBe(404);
      expect(noTopic.body.error).toEqual({ code: 'ParentResourceNotFound', message: "Can not perform requested operation on nested resource. Parent resource 'no-such-topic' not found." });
      // Nothing was stored by the refused requests.
      const names = [];
      for await (const x of eventGrid(sb).partnerTopicEventSubscriptions.listByPartnerTopic(RG, 'auth0-es-topic')) names.push(x.name);
      expect(names).not.toEqual(expect.arrayContaining(['bad-type', 'no-url', 'plain-http', 'eg-schema']));
    });

    test('the Reader may list but not create event subscriptions', async () => {
      const reader = eventGrid(sb, { clientId: DEFAULT_IDS.readerClientId });
      for await (const _ of reader.partnerTopicEventSubscriptions.listByPartnerTopic(RG, 'auth0-es-topic')) void _;
      const denied = await sdkError(reader.partnerTopicEventSubscriptions.beginCreateOrUpdateAndWait(RG, 'auth0-es-topic', 'reader-hook', { destination: { endpointType: 'WebHook', endpointUrl: HOOK } }));
      expect(denied.statusCode).toBe(403);
      expect(denied.message).toContain("'Microsoft.EventGrid/partnerTopics/eventSubscriptions/write'");
    });
  });

  test('verified partners: Auth0 by name and in the list', async () => {
    const eg = eventGrid(sb);
    const auth0 = await eg.verifiedPartners.get('auth0');
    expect(auth0).toMatchObject({
      id: '/providers/Microsoft.EventGrid/verifiedPartners/Auth0',
      name: 'Auth0',
      type: 'Microsoft.EventGrid/verifiedPartners',
      partnerRegistrationImmutableId: AUTH0_PARTNER.immutableId,
      partnerDisplayName: 'Auth0',
    });
    expect(auth0.partnerTopicDetails?.setupUri).toMatch(/^https:\/\//);
    const all = [];
    for await (const p of eg.verifiedPartners.list()) all.push(p.name);
    expect(all).toContain('Auth0');
    expect((await sdkError(eg.verifiedPartners.get('NoSuchPartner'))).statusCode).toBe(404);
  });

  test('the SDK default api-version (2022-06-15) is served too', async () => {
    const old = eventGrid(sb, {}, '2022-06-15');
    expect((await old.verifiedPartners.get('Auth0')).name).toBe('Auth0');
    expect((await old.partnerConfigurations.get(RG)).name).toBe('default');
  });

  test('unauthorizePartner removes one entry; deleting the configuration answers 200 at once, as recorded', async () => {
    const eg = eventGrid(sb);
    const after = await eg.partnerConfigurations.unauthorizePartner(RG, { partnerName: 'Contoso.Finance' });
    expect(after.partnerAuthorization!.authorizedPartnersList!.map((p) => p.partnerRegistrationImmutableId)).toEqual([AUTH0_PARTNER.immutableId]);
    const again = await sdkError(eg.partnerConfigurations.unauthorizePartner(RG, { partnerName: 'Contoso.Finance' }));
    expect(again.statusCode).toBe(404);

    const deleted = await raw(sb, 'DELETE', `${egPath}/partnerConfigurations/default?api-version=${EG}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toBeUndefined();
    expect(deleted.headers.get('location')).toBeNull();
    expect(deleted.headers.get('azure-asyncoperation')).toBeNull();
    expect((await sdkError(eg.partnerConfigurations.get(RG))).code).toBe('ResourceNotFound');
    expect(auth0Authorization(sb.context, findGroup(sb.context, SUB, RG)!.group).authorized).toBe(false);

    await eg.partnerConfigurations.authorizePartner(RG, { partnerName: 'Auth0' });
    await eg.partnerConfigurations.beginDeleteAndWait(RG, { updateIntervalInMs: 10 });
    expect((await sdkError(eg.partnerConfigurations.get(RG))).statusCode).toBe(404);
    expect((await raw(sb, 'DELETE', `${egPath}/partnerConfigurations/default?api-version=${EG}`)).status).toBe(204);
  });
});
