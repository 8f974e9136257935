/**
 * Microsoft.EventGrid/partnerTopics/eventSubscriptions. PUT and PATCH are long-running (201 with
 * provisioningState Creating/Updating, `Azure-AsyncOperation`, `Retry-After`), DELETE answers 202 with
 * `Location` and `Azure-AsyncOperation`. As Event Grid does, a webhook's `endpointUrl` (which may carry a
 * secret in its query) is stored but never answered: GET bodies carry `endpointBaseUrl`, and only
 * `getFullUrl` returns the full URL; secret static delivery attributes likewise only come back from
 * `getDeliveryAttributes`. Partner topics take CloudEvents 1.0, so deliveries use CloudEventSchemaV1_0.
 */
import { HttpError, type Ctx } from '../core/http.js';
import { key, type ArmResource, type PartnerTopicRecord, type ResourceGroup } from '../core/state.js';
import { egGroupScope, groupOf, isObject, parentNotFound, resourceNotFound, route, type ArmRoute } from './common.js';
import { EVENTGRID_DEFINITIONS } from './eventgrid-schema.js';
import { hidden, schemas, stamp, type EgDeps } from './eventgrid-shared.js';
import { page } from './odata.js';
import { badRequest, EVENTGRID_NAME, requireBody } from './validate.js';

const TYPE = 'Microsoft.EventGrid/partnerTopics/eventSubscriptions';
const PARTNER_TOPIC_SCHEMA = 'CloudEventSchemaV1_0';

/** The full webhook URL of a stored event subscription (for event delivery), if it has a WebHook destination. */
export function webhookEndpointUrl(resource: ArmResource): string | undefined {
  const dest = resource.properties?.destination;
  return dest?.endpointType === 'WebHook' ? (dest.properties?.endpointUrl as string | undefined) : undefined;
}

/** The delivery attribute mappings of a stored event subscription, secrets included. */
export function deliveryAttributes(resource: ArmResource): Record<string, unknown>[] {
  const mappings: any[] = resource.properties?.destination?.properties?.deliveryAttributeMappings ?? [];
  return mappings.map((m) => ({
    name: m.name,
    type: m.type,
    properties: m.type === 'Static' ? { value: m.properties?.value, isSecret: m.properties?.isSecret ?? false } : { ...m.properties },
  }));
}

function parentOf(c: Ctx, group: ResourceGroup): PartnerTopicRecord {
  const rec = group.partnerTopics.get(key(c.params.partnerTopicName));
  if (!rec) throw parentNotFound(c.params.partnerTopicName);
  return rec;
}

function pick(src: Record<string, any>, defName: string): Record<string, any> {
  const props = EVENTGRID_DEFINITIONS[defName]?.properties ?? {};
  const out: Record<string, any> = {};
  for (const [k, s] of Object.entries(props)) if (!s.readOnly && src[k] !== undefined && src[k] !== null) out[k] = src[k];
  return out;
}

function mappingsOut(v: unknown, where: string): Record<string, any>[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.map((m: any, i: number) => {
    if (typeof m.name !== 'string' || !m.name) throw badRequest(`${where}[${i}].name is required.`);
    const props = isObject(m.properties) ? m.properties : {};
    if (m.type === 'Static') {
      const p: Record<string, any> = { isSecret: props.isSecret ?? false };
      if (p.isSecret) hidden(p, 'value', props.value);
      else p.value = props.value;
      return { name: m.name, type: 'Static', properties: p };
    }
    if (typeof props.sourceField !== 'string' || !props.sourceField) throw badRequest(`${where}[${i}].properties.sourceField is required for a Dynamic delivery attribute.`);
    return { name: m.name, type: 'Dynamic', properties: { sourceField: props.sourceField } };
  });
}

function inRange(v: unknown, min: number, max: number, what: string): void {
  if (v === undefined || v === null) return;
  if (typeof v !== 'number' || v < min || v > max) throw badRequest(`The value '${v}' of ${what} is invalid: it must be between ${min} and ${max}.`);
}

/**
 * The destination as stored and answered. `previous` (a stored destination) lends its webhook URL when an
 * update names the same webhook destination without repeating the URL.
 */
function destinationOut(d: Record<string, any>, previous?: Record<string, any>): Record<string, any> {
  const type: string = d.endpointType;
  const src = isObject(d.properties) ? d.properties : {};
  const props = pick(src, `${type}EventSubscriptionDestinationProperties`);
  const maps = mappingsOut(src.deliveryAttributeMappings, 'destination.properties.deliveryAttributeMappings');
  if (maps) props.deliveryAttributeMappings = maps;
  if (type === 'WebHook' || type === 'AzureFunction') {
    inRange(src.maxEventsPerBatch, 1, 5000, 'destination.properties.maxEventsPerBatch');
    inRange(src.preferredBatchSizeInKilobytes, 1, 1024, 'destination.properties.preferredBatchSizeInKilobytes');
    props.maxEventsPerBatch ??= 1;
    props.preferredBatchSizeInKilobytes ??= 64;
  }
  if (type === 'WebHook') {
    let url: string | undefined = typeof src.endpointUrl === 'string' && src.endpointUrl ? src.endpointUrl : undefined;
    if (!url && previous?.endpointType === 'WebHook') url = previous.properties?.endpointUrl;
    if (!url) throw badRequest("The attribute 'endpointUrl' is missing: a WebHook destination needs its endpoint URL.");
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw badRequest(`The attribute 'endpointUrl' ('${redact(url)}') is not an absolute URL.`);
    }
    if (parsed.protocol !== 'https:') throw badRequest(`The attribute 'endpointUrl' must use https; '${parsed.protocol.replace(':', '')}' is not supported.`);
    delete props.endpointUrl;
    const ordered: Record<string, any> = { endpointBaseUrl: `${parsed.origin}${parsed.pathname}`, ...props };
    hidden(ordered, 'endpointUrl', url);
    return { properties: ordered, endpointType: type };
  }
  if (type === 'MonitorAlert') {
    if (!Array.isArray(src.actionGroups) && !src.severity) throw badRequest("The attributes 'severity' and 'actionGroups' are missing for a MonitorAlert destination.");
  } else if (typeof src.resourceId !== 'string' || !src.resourceId) {
    throw badRequest(`The attribute 'resourceId' is missing for a ${type} destination.`);
  }
  if (type === 'StorageQueue' && (typeof src.queueName !== 'string' || !src.queueName)) throw badRequest("The attribute 'queueName' is missing for a StorageQueue destination.");
  return { properties: props, endpointType: type };
}

function redact(url: string): string {
  return url.replace(/\?.*$/, '?…');
}

function deadLetterOut(d: Record<string, any>): Record<string, any> {
  const src = isObject(d.properties) ? d.properties : {};
  if (typeof src.resourceId !== 'string' || !src.resourceId) throw badRequest("The attribute 'resourceId' is missing for the StorageBlob dead-letter destination.");
  if (typeof src.blobContainerName !== 'string' || !src.blobContainerName) throw badRequest("The attribute 'blobContainerName' is missing for the StorageBlob dead-letter destination.");
  return { properties: { resourceId: src.resourceId, blobContainerName: src.blobContainerName }, endpointType: d.endpointType };
}

function filterOut(f: Record<string, any> | undefined): Record<string, any> {
  const src = f ?? {};
  const out: Record<string, any> = {
    subjectBeginsWith: src.subjectBeginsWith ?? '',
    subjectEndsWith: src.subjectEndsWith ?? '',
  };
  if (Array.isArray(src.includedEventTypes)) out.includedEventTypes = src.includedEventTypes;
  out.isSubjectCaseSensitive = src.isSubjectCaseSensitive ?? false;
  if (typeof src.enableAdvancedFilteringOnArrays === 'boolean') out.enableAdvancedFilteringOnArrays = src.enableAdvancedFilteringOnArrays;
  if (Array.isArray(src.advancedFilters)) {
    if (src.advancedFilters.length > 25) throw badRequest('An event subscription may have at most 25 advanced filters.');
    // Event Grid: "25 advanced filters and 25 filter values across all the filters per Event Grid subscription".
    const values = src.advancedFilters.reduce((n: number, f: any) => n + (Array.isArray(f?.values) ? f.values.length : f && 'value' in f ? 1 : 0), 0);
    if (values > 25) throw badRequest(`An event subscription may have at most 25 advanced filter values across all its filters; this one has ${values}.`);
    out.advancedFilters = src.advancedFilters;
  }
  return out;
}

function checkSchema(schema: string, topic: string): void {
  if (schema !== PARTNER_TOPIC_SCHEMA) {
    throw badRequest(
      `The event delivery schema '${schema}' is not supported for partner topic '${topic}': its input schema is CloudEvents v1.0, which can only be delivered as '${PARTNER_TOPIC_SCHEMA}'.`,
    );
  }
}

function checkExpiry(deps: EgDeps, v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  const at = Date.parse(String(v));
  if (at <= deps.ctx.clock.now()) throw badRequest(`The expiration time '${v}' of the event subscription must be in the future.`);
  return new Date(at).toISOString();
}

/**
 * The stored properties of an event subscription from a request's properties (PUT) or update parameters
 * merged over the current ones (PATCH).
 */
function propertiesOut(deps: EgDeps, topic: PartnerTopicRecord, p: Record<string, any>, current?: Record<string, any>): Record<string, any> {
  const destIn = p.destination ?? p.deliveryWithResourceIdentity?.destination;
  if (!destIn && !current) throw badRequest("The attribute 'destination' is missing: an event subscription needs a destination (or deliveryWithResourceIdentity).");
  const destination = p.destination ? destinationOut(p.destination, current?.destination) : current?.destination;
  const out: Record<string, any> = { topic: topic.resource.id, provisioningState: 'Creating' };
  if (destination) out.destination = destination;
  if (p.deliveryWithResourceIdentity) {
    const d = p.deliveryWithResourceIdentity;
    out.deliveryWithResourceIdentity = { identity: d.identity, ...(d.destination ? { destination: destinationOut(d.destination) } : {}) };
  } else if (current?.deliveryWithResourceIdentity) out.deliveryWithResourceIdentity = current.deliveryWithResourceIdentity;
  out.filter = p.filter !== undefined ? filterOut(p.filter) : (current?.filter ?? filterOut(undefined));
  out.labels = p.labels !== undefined ? p.labels : (current?.labels ?? null);
  const expiry = p.expirationTimeUtc !== undefined ? checkExpiry(deps, p.expirationTimeUtc) : current?.expirationTimeUtc;
  if (expiry) out.expirationTimeUtc = expiry;
  const schema = p.eventDeliverySchema ?? current?.eventDeliverySchema ?? PARTNER_TOPIC_SCHEMA;
  checkSchema(schema, topic.resource.name);
  out.eventDeliverySchema = schema;
  const rp = p.retryPolicy !== undefined ? (p.retryPolicy ?? {}) : (current?.retryPolicy ?? {});
  inRange(rp.maxDeliveryAttempts, 1, 30, 'retryPolicy.maxDeliveryAttempts');
  inRange(rp.eventTimeToLiveInMinutes, 1, 1440, 'retryPolicy.eventTimeToLiveInMinutes');
  out.retryPolicy = { maxDeliveryAttempts: rp.maxDeliveryAttempts ?? 30, eventTimeToLiveInMinutes: rp.eventTimeToLiveInMinutes ?? 1440 };
  if (p.deadLetterDestination) out.deadLetterDestination = deadLetterOut(p.deadLetterDestination);
  else if (p.deadLetterDestination === undefined && current?.deadLetterDestination) out.deadLetterDestination = current.deadLetterDestination;
  if (p.deadLetterWithResourceIdentity) {
    const d = p.deadLetterWithResourceIdentity;
    out.deadLetterWithResourceIdentity = { identity: d.identity, ...(d.deadLetterDestination ? { deadLetterDestination: deadLetterOut(d.deadLetterDestination) } : {}) };
  } else if (p.deadLetterWithResourceIdentity === undefined && current?.deadLetterWithResourceIdentity) {
    out.deadLetterWithResourceIdentity = current.deadLetterWithResourceIdentity;
  }
  return out;
}

export function eventSubscriptionRoutes(deps: EgDeps): ArmRoute[] {
  const { ctx, lro } = deps;
  const base = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.EventGrid/partnerTopics/{partnerTopicName}/eventSubscriptions';
  const scope = (p: Record<string, string>) => `${egGroupScope(p)}/partnerTopics/${p.partnerTopicName}/eventSubscriptions/${p.eventSubscriptionName}`;
  const act = (verb: string) => (p: Record<string, string>) => ({ action: `Microsoft.EventGrid/partnerTopics/eventSubscriptions/${verb}`, scope: scope(p) });

  const existing = (c: Ctx) => {
    const topic = parentOf(c, groupOf(c));
    const es = topic.eventSubscriptions.get(key(c.params.eventSubscriptionName));
    if (!es) throw resourceNotFound(TYPE.replace('eventSubscriptions', `${topic.resource.name}/eventSubscriptions`), c.params.eventSubscriptionName, c.params.resourceGroupName);
    return { topic, es };
  };

  /** Starts the provisioning LRO of `es` (just stored in `topic`) and answers 201. */
  const provision = (c: Ctx, topic: PartnerTopicRecord, es: ArmResource) => {
    const k = key(es.name);
    const op = lro.start(c, {
      location: topic.resource.location ?? 'global',
      kind: 'write',
      target: es.id,
      // Webhook endpoint validation (handshake) when settings.validateWebhooks is on: see sandbox/delivery/webhook.ts.
      outcome: ctx.delivery?.validateSubscription(topic, es),
      onDone: (status) => {
        if (topic.eventSubscriptions.get(k) !== es) return;
        es.properties.provisioningState = status;
      },
    });
    const expiry = Date.parse(es.properties.expirationTimeUtc ?? '');
    if (!Number.isNaN(expiry)) {
      ctx.clock.at(expiry, () => {
        if (topic.eventSubscriptions.get(k) === es) topic.eventSubscriptions.delete(k);
      });
    }
    return { status: 201, body: es, headers: lro.headers(c, op) };
  };

  return [
    route({
      method: 'GET',
      template: `${base}/{eventSubscriptionName}`,
      operation: 'PartnerTopicEventSubscriptions_Get',
      resourceType: 'partnerTopics/eventSubscriptions',
      authz: act('read'),
      handler: (c) => ({ status: 200, body: existing(c).es }),
    }),
    route({
      method: 'PUT',
      template: `${base}/{eventSubscriptionName}`,
      operation: 'PartnerTopicEventSubscriptions_CreateOrUpdate',
      resourceType: 'partnerTopics/eventSubscriptions',
      authz: act('write'),
      handler: (c) => {
        const group = groupOf(c);
        const topic = parentOf(c, group);
        const name = c.params.eventSubscriptionName;
        if (!EVENTGRID_NAME.test(name)) {
          throw badRequest(`Event subscription name '${name}' is invalid: it must be between 3 and 64 characters in length and use alphanumeric letters and hyphens only.`);
        }
        if (topic.resource.properties.provisioningState === 'Deleting') throw new HttpError(409, 'Conflict', `Partner topic '${topic.resource.name}' is being deleted.`);
        const body = requireBody(c.body);
        schemas.validate(body, 'EventSubscription');
        const prev = topic.eventSubscriptions.get(key(name));
        const properties = propertiesOut(deps, topic, isObject(body.properties) ? body.properties : {}, undefined);
        if (prev) properties.provisioningState = 'Updating';
        const es: ArmResource = {
          properties,
          systemData: stamp(ctx, c, prev),
          id: prev?.id ?? `${topic.resource.id}/eventSubscriptions/${name}`,
          name: prev?.name ?? name,
          type: TYPE,
        };
        topic.eventSubscriptions.set(key(name), es);
        return provision(c, topic, es);
      },
    }),
    route({
      method: 'PATCH',
      template: `${base}/{eventSubscriptionName}`,
      operation: 'PartnerTopicEventSubscriptions_Update',
      resourceType: 'partnerTopics/eventSubscriptions',
      authz: act('write'),
      handler: (c) => {
        const { topic, es: prev } = existing(c);
        const body = requireBody(c.body);
        schemas.validate(body, 'EventSubscriptionUpdateParameters');
        if (prev.properties.provisioningState === 'Deleting') throw new HttpError(409, 'Conflict', `Event subscription '${prev.name}' is being deleted.`);
        const properties = propertiesOut(deps, topic, body, prev.properties);
        properties.provisioningState = 'Updating';
        const es: ArmResource = { properties, systemData: stamp(ctx, c, prev), id: prev.id, name: prev.name, type: TYPE };
        topic.eventSubscriptions.set(key(prev.name), es);
        return provision(c, topic, es);
      },
    }),
    route({
      method: 'DELETE',
      template: `${base}/{eventSubscriptionName}`,
      operation: 'PartnerTopicEventSubscriptions_Delete',
      resourceType: 'partnerTopics/eventSubscriptions',
      authz: act('delete'),
      handler: (c) => {
        const topic = parentOf(c, groupOf(c));
        const k = key(c.params.eventSubscriptionName);
        const es = topic.eventSubscriptions.get(k);
        if (!es) return { status: 204 };
        const previousState = es.properties.provisioningState;
        es.properties.provisioningState = 'Deleting';
        const op = lro.start(c, {
          location: topic.resource.location ?? 'global',
          kind: 'delete',
          target: es.id,
          onDone: (status) => {
            if (topic.eventSubscriptions.get(k) !== es) return;
            if (status === 'Succeeded') topic.eventSubscriptions.delete(k);
            else es.properties.provisioningState = status === 'Failed' ? 'Failed' : previousState;
          },
        });
        return { status: 202, headers: lro.headers(c, op) };
      },
    }),
    route({
      method: 'GET',
      template: base,
      operation: 'PartnerTopicEventSubscriptions_ListByPartnerTopic',
      resourceType: 'partnerTopics/eventSubscriptions',
      authz: (p) => ({ action: 'Microsoft.EventGrid/partnerTopics/eventSubscriptions/read', scope: `${egGroupScope(p)}/partnerTopics/${p.partnerTopicName}` }),
      handler: (c) => {
        const topic = parentOf(c, groupOf(c));
        return { status: 200, body: page(ctx, c, topic.eventSubscriptions.values()) };
      },
    }),
    route({
      method: 'POST',
      template: `${base}/{eventSubscriptionName}/getFullUrl`,
      operation: 'PartnerTopicEventSubscriptions_GetFullUrl',
      resourceType: 'partnerTopics/eventSubscriptions',
      write: false,
      authz: act('getFullUrl/action'),
      handler: (c) => {
        const { es } = existing(c);
        const url = webhookEndpointUrl(es);
        if (url === undefined) {
          const type = es.properties.destination?.endpointType ?? 'none';
          throw badRequest(`Event subscription '${es.name}' has a ${type} destination: only WebHook destinations have a full endpoint URL.`);
        }
        return { status: 200, body: { endpointUrl: url } };
      },
    }),
    route({
      method: 'POST',
      template: `${base}/{eventSubscriptionName}/getDeliveryAttributes`,
      operation: 'PartnerTopicEventSubscriptions_GetDeliveryAttributes',
      resourceType: 'partnerTopics/eventSubscriptions',
      write: false,
      authz: act('getDeliveryAttributes/action'),
      handler: (c) => ({ status: 200, body: { value: deliveryAttributes(existing(c).es) } }),
    }),
  ];
}
