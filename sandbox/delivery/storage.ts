/**
 * Where events end up besides webhooks, kept in memory and readable through the admin API:
 *   - dead-letter blob containers (`deadLetterDestination: StorageBlob`): one blob per dead-lettered
 *     event, named `{TOPIC}/{SUBSCRIPTION}/{yyyy}/{MM}/{dd}/{HH}/{guid}.json` (Event Grid's layout),
 *     holding a JSON array with the dead-lettered event;
 *   - destination queues for Event Hub, Storage queue, Service Bus queue/topic, Azure Function, Hybrid
 *     Connection and other Azure-resource destinations: each delivery appended as received.
 * Containers and queues are keyed by the destination's resource id (and queue name), compared case-insensitively.
 */

export interface Blob {
  name: string;
  createdAt: string;
  content: unknown[];
}

export interface Container {
  storageAccountId: string;
  account: string;
  container: string;
  blobs: Blob[];
}

export interface QueuedMessage {
  receivedAt: string;
  eventSubscription: string;
  endpointType: string;
  /** The event as delivered (a CloudEvent). */
  event: unknown;
  /** Delivery attribute headers (Service Bus / Event Hub application properties). */
  properties?: Record<string, string>;
}

export interface DestinationQueue {
  /** URL-safe key: `{endpointType}-{n}`. */
  id: string;
  endpointType: string;
  resourceId: string;
  queueName?: string;
  messages: QueuedMessage[];
}

/** At most this many messages kept per destination queue (oldest dropped). */
export const MAX_MESSAGES = 50_000;

export class SandboxStorage {
  private containers = new Map<string, Container>();
  private queues = new Map<string, DestinationQueue>();

  /** Appends a dead-letter blob to the container of `storageAccountId`. */
  putBlob(storageAccountId: string, container: string, name: string, content: unknown[], now: string): Blob {
    const account = storageAccountId.split('/').filter(Boolean).pop() ?? storageAccountId;
    const k = `${account.toLowerCase()}/${container.toLowerCase()}`;
    let c = this.containers.get(k);
    if (!c) this.containers.set(k, (c = { storageAccountId, account, container, blobs: [] }));
    const blob = { name, createdAt: now, content };
    c.blobs.push(blob);
    return blob;
  }

  listContainers(): { storageAccountId: string; account: string; container: string; blobCount: number }[] {
    return [...this.containers.values()].map((c) => ({ storageAccountId: c.storageAccountId, account: c.account, container: c.container, blobCount: c.blobs.length }));
  }

  container(account: string, container: string): Container | undefined {
    return this.containers.get(`${account.toLowerCase()}/${container.toLowerCase()}`);
  }

  /** Appends a delivered event to its destination's queue. */
  enqueue(endpointType: string, resourceId: string, queueName: string | undefined, message: QueuedMessage): DestinationQueue {
    const k = `${endpointType.toLowerCase()}|${resourceId.toLowerCase()}|${(queueName ?? '').toLowerCase()}`;
    let q = this.queues.get(k);
    if (!q) this.queues.set(k, (q = { id: `${endpointType.toLowerCase()}-${this.queues.size + 1}`, endpointType, resourceId, queueName, messages: [] }));
    q.messages.push(message);
    if (q.messages.length > MAX_MESSAGES * 1.1) q.messages.splice(0, q.messages.length - MAX_MESSAGES);
    return q;
  }

  listQueues(): Omit<DestinationQueue, 'messages'>[] {
    return [...this.queues.values()].map(({ messages, ...q }) => ({ ...q, count: messages.length }));
  }

  queue(id: string): DestinationQueue | undefined {
    return [...this.queues.values()].find((q) => q.id === id.toLowerCase());
  }

  clearContainers(): void {
    this.containers.clear();
  }

  clearQueues(): void {
    this.queues.clear();
  }

  clear(): void {
    this.clearContainers();
    this.clearQueues();
  }
}
