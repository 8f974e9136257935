/**
 * Microsoft.EventGrid/partnerTopics: read, create/update (PUT, synchronous), tags/identity (PATCH),
 * delete (long-running, removing the topic's event subscriptions and the partner's channel), `activate`/`deactivate`
 * (synchronous 200; activation drops `expirationTimeIfNotActivatedUtc`, `messageForActivation` and
 * `partnerTopicFriendlyDescription` from the answers, as recorded), and lists by group and subscription
 * with `$filter`, `$top` and `nextLink`.
 * Topics are usually created by the partner side (core/eventgrid.ts createPartnerTopic).
 */
import { randomUUID } from 'node:crypto';
import { HttpError, type Ctx } from '../core/http.js';
import { channelDeleted, partnerTopicId, scheduleTopicExpiry } from '../core/eventgrid.js';
import { key, type ArmResource, type PartnerTopicRecord } from '../core/state.js';
import { egGroupScope, egSubScope, groupOf, isObject, resourceNotFound, route, subOf, type ArmRoute } from './common.js';
import { DAY_MS, schemas, stamp, type EgDeps } from './eventgrid-shared.js';
import { page } from './odata.js';
import { badRequest, EVENTGRID_NAME, requireBody } from './validate.js';

const TYPE = 'Microsoft.EventGrid/partnerTopics';

/** The topic record, or ARM's 404 (a never-activated topic past its expiry is gone). */
export function topicOf(c: Ctx, group = groupOf(c)): PartnerTopicRecord {
  const rec = group.partnerTopics.get(key(c.params.partnerTopicName));
  if (!rec) throw resourceNotFound(TYPE, c.params.partnerTopicName, c.params.resourceGroupName);
  return rec;
}

function identityOf(c: Ctx, v: unknown): Record<string, unknown> | undefined {
  if (!isObject(v)) return undefined;
  const type = typeof v.type === 'string' ? v.type : 'None';
  const out: Record<string, unknown> = { type };
  if (type.includes('SystemAssigned')) {
    out.principalId = randomUUID();
    out.tenantId = subOf(c).tenantId;
  }
  if (type.includes('UserAssigned') && isObject(v.userAssignedIdentities)) {
    out.userAssignedIdentities = Object.fromEntries(Object.keys(v.userAssignedIdentities).map((id) => [id, { principalId: randomUUID(), clientId: randomUUID() }]));
  }
  return out;
}

export function partnerTopicRoutes(deps: EgDeps): ArmRoute[] {
  const { ctx, lro } = deps;
  const base = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.EventGrid/partnerTopics';
  const scope = (p: Record<string, string>) => `${egGroupScope(p)}/partnerTopics/${p.partnerTopicName}`;
  const act = (verb: string) => (p: Record<string, string>) => ({ action: `Microsoft.EventGrid/partnerTopics/${verb}`, scope: scope(p) });

  const setActivation = (c: Ctx, to: 'Activated' | 'Deactivated') => {
    const rec = topicOf(c);
    const t = rec.resource;
    const state = t.properties.activationState;
    if (t.properties.provisioningState === 'Deleting') {
      throw new HttpError(409, 'Conflict', `Partner topic '${t.name}' is being deleted.`);
    }
    if (to === 'Deactivated' && state === 'NeverActivated') {
      throw badRequest(`Partner topic '${t.name}' has never been activated, so it cannot be deactivated. Activate it first.`);
    }
    if (state !== to) {
      t.properties.activationState = to;
      // As recorded (azure-cli): once activated, the answers no longer carry the activation texts and expiry.
      if (to === 'Activated') {
        delete t.properties.expirationTimeIfNotActivatedUtc;
        delete t.properties.messageForActivation;
        delete t.properties.partnerTopicFriendlyDescription;
      }
      t.systemData = stamp(ctx, c, t);
      // Delivery: on activation Auth0 publishes the records that failed while the topic was not active.
      ctx.delivery?.topicActivationChanged(rec);
    }
    return { status: 200, body: t };
  };

  return [
    route({
      method: 'GET',
      template: `${base}/{partnerTopicName}`,
      operation: 'PartnerTopics_Get',
      resourceType: 'partnerTopics',
      authz: act('read'),
      handler: (c) => ({ status: 200, body: topicOf(c).resource }),
    }),
    route({
      method: 'PUT',
      template: `${base}/{partnerTopicName}`,
      operation: 'PartnerTopics_CreateOrUpdate',
      resourceType: 'partnerTopics',
      authz: act('write'),
      handler: (c) => {
        const group = groupOf(c);
        const name = c.params.partnerTopicName;
        if (!EVENTGRID_NAME.test(name)) {
          throw badRequest(`Partner topic name '${name}' is invalid: it must be between 3 and 64 characters in length and use alphanumeric letters and hyphens only.`);
        }
        const body = requireBody(c.body);
        schemas.validate(body, 'PartnerTopic');
        const props = isObject(body.properties) ? body.properties : {};
        const rec = group.partnerTopics.get(key(name));
        const prev = rec?.resource;
        if (prev && prev.location && String(body.location).replace(/\s+/g, '').toLowerCase() !== String(prev.location).toLowerCase()) {
          throw new HttpError(
            400,
            'InvalidResourceLocation',
            `The resource '${prev.name}' already exists in location '${prev.location}' in resource group '${group.name}'. A resource with the same name cannot be created in location '${body.location}'. Please select a new resource name.`,
          );
        }
        if (prev?.properties.provisioningState === 'Deleting') throw new HttpError(409, 'Conflict', `Partner topic '${prev.name}' is being deleted.`);
        const activationState = props.activationState ?? prev?.properties.activationState ?? 'NeverActivated';
        const expiration =
          props.expirationTimeIfNotActivatedUtc ??
          prev?.properties.expirationTimeIfNotActivatedUtc ??
          (activationState === 'NeverActivated' ? new Date(ctx.clock.now() + ctx.settings.unactivatedTopicTtlDays * DAY_MS).toISOString() : undefined);
        const properties: Record<string, any> = {
          partnerRegistrationImmutableId: props.partnerRegistrationImmutableId ?? prev?.properties.partnerRegistrationImmutableId,
          source: props.source ?? prev?.properties.source,
          ...(props.eventTypeInfo ?? prev?.properties.eventTypeInfo ? { eventTypeInfo: props.eventTypeInfo ?? prev?.properties.eventTypeInfo } : {}),
          ...(expiration ? { expirationTimeIfNotActivatedUtc: new Date(expiration).toISOString() } : {}),
          provisioningState: 'Succeeded',
          activationState,
          partnerTopicFriendlyDescription: props.partnerTopicFriendlyDescription ?? prev?.properties.partnerTopicFriendlyDescription,
          messageForActivation: props.messageForActivation ?? prev?.properties.messageForActivation,
        };
        for (const k of Object.keys(properties)) if (properties[k] === undefined) delete properties[k];
        const resource: ArmResource = {
          id: prev?.id ?? partnerTopicId(subOf(c).subscriptionId, group.name, name),
          name: prev?.name ?? name,
          type: TYPE,
          location: prev?.location ?? String(body.location).replace(/\s+/g, '').toLowerCase(),
          tags: isObject(body.tags) ? body.tags : {},
          systemData: stamp(ctx, c, prev),
          properties,
        };
        const identity = body.identity !== undefined ? identityOf(c, body.identity) : (prev?.identity as Record<string, unknown> | undefined);
        if (identity) resource.identity = identity;
        if (rec) {
          rec.resource = resource;
          return { status: 200, body: resource };
        }
        const created: PartnerTopicRecord = { resource, eventSubscriptions: new Map() };
        group.partnerTopics.set(key(name), created);
        if (activationState === 'NeverActivated') scheduleTopicExpiry(ctx, group, created);
        return { status: 201, body: resource };
      },
    }),
    route({
      method: 'PATCH',
      template: `${base}/{partnerTopicName}`,
      operation: 'PartnerTopics_Update',
      resourceType: 'partnerTopics',
      authz: act('write'),
      handler: (c) => {
        const rec = topicOf(c);
        const body = requireBody(c.body);
        schemas.validate(body, 'PartnerTopicUpdateParameters');
        const t = rec.resource;
        if (isObject(body.tags)) t.tags = body.tags;
        if (body.identity !== undefined) {
          const identity = identityOf(c, body.identity);
          if (identity) t.identity = identity;
          else delete t.identity;
        }
        t.systemData = stamp(ctx, c, t);
        // The swagger gives the topic only with 201 (200 has no schema), so the SDK reads the body of a 201.
        return { status: 201, body: t };
      },
    }),
    route({
      method: 'DELETE',
      template: `${base}/{partnerTopicName}`,
      operation: 'PartnerTopics_Delete',
      resourceType: 'partnerTopics',
      authz: act('delete'),
      handler: (c) => {
        const group = groupOf(c);
        const k = key(c.params.partnerTopicName);
        const rec = group.partnerTopics.get(k);
        if (!rec) return { status: 204 };
        const previousState = rec.resource.properties.provisioningState;
        rec.resource.properties.provisioningState = 'Deleting';
        const op = lro.start(c, {
          location: rec.resource.location ?? group.location,
          kind: 'delete',
          target: rec.resource.id,
          onDone: (status) => {
            if (group.partnerTopics.get(k) !== rec) return;
            if (status === 'Succeeded') {
              group.partnerTopics.delete(k);
              // Event Grid deletes the partner's channel with the topic: the stream never delivers again.
              channelDeleted(ctx, rec);
            }
            else rec.resource.properties.provisioningState = status === 'Failed' ? 'Failed' : previousState;
          },
        });
        return { status: 202, headers: lro.headers(c, op) };
      },
    }),
    route({
      method: 'POST',
      template: `${base}/{partnerTopicName}/activate`,
      operation: 'PartnerTopics_Activate',
      resourceType: 'partnerTopics',
      authz: act('activate/action'),
      handler: (c) => setActivation(c, 'Activated'),
    }),
    route({
      method: 'POST',
      template: `${base}/{partnerTopicName}/deactivate`,
      operation: 'PartnerTopics_Deactivate',
      resourceType: 'partnerTopics',
      authz: act('deactivate/action'),
      handler: (c) => setActivation(c, 'Deactivated'),
    }),
    route({
      method: 'GET',
      template: base,
      operation: 'PartnerTopics_ListByResourceGroup',
      resourceType: 'partnerTopics',
      authz: (p) => ({ action: 'Microsoft.EventGrid/partnerTopics/read', scope: egGroupScope(p) }),
      handler: (c) => {
        const group = groupOf(c);
        const all = function* () {
          for (const r of group.partnerTopics.values()) yield r.resource;
        };
        return { status: 200, body: page(ctx, c, all()) };
      },
    }),
    route({
      method: 'GET',
      template: '/subscriptions/{subscriptionId}/providers/Microsoft.EventGrid/partnerTopics',
      operation: 'PartnerTopics_ListBySubscription',
      resourceType: 'partnerTopics',
      authz: (p) => ({ action: 'Microsoft.EventGrid/partnerTopics/read', scope: egSubScope(p) }),
      handler: (c) => {
        const sub = subOf(c);
        const all = function* () {
          for (const g of sub.resourceGroups.values()) for (const r of g.partnerTopics.values()) yield r.resource;
        };
        return { status: 200, body: page(ctx, c, all()) };
      },
    }),
  ];
}
