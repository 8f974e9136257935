/**
 * Long-running operations of Microsoft.EventGrid, as Event Grid answers them: the request returns
 * 201/202 with `Azure-AsyncOperation` (…/locations/{loc}/operationsStatus/{id}), for deletes also
 * `Location` (…/operationResults/{id}), and `Retry-After`. The operation completes after
 * `settings.lroDurationMs` on the sandbox clock, ending Succeeded, or Failed/Canceled when a fault
 * scripted with `lro` matched the starting request.
 */
import { randomUUID } from 'node:crypto';
import { HttpError, type Ctx } from '../core/http.js';
import type { SandboxContext } from '../core/context.js';
import { apiVersionOf, armBase, route, type ArmRoute } from './common.js';

export type LroStatus = 'InProgress' | 'Succeeded' | 'Failed' | 'Canceled';

export interface LroError {
  code: string;
  message: string;
}

export interface Operation {
  id: string;
  subscriptionId: string;
  location: string;
  kind: 'write' | 'delete';
  status: LroStatus;
  startTime: string;
  endTime?: string;
  error?: LroError;
}

export interface StartOptions {
  location: string;
  kind: 'write' | 'delete';
  /** The resource's name, for the failure message. */
  target: string;
  /** Applies the end state to the resource (called once, on the sandbox clock). */
  onDone(status: Exclude<LroStatus, 'InProgress'>): void;
  /**
   * A check running while the operation is in progress (e.g. webhook validation): the operation ends no
   * earlier than it settles, `Failed` with its error when it resolves to one.
   */
  outcome?: Promise<LroError | undefined>;
}

const MAX_OPERATIONS = 20_000;

export class LroBook {
  private ops = new Map<string, Operation>();

  constructor(private ctx: SandboxContext) {}

  start(c: Ctx, opts: StartOptions): Operation {
    const scripted = this.ctx.faults.takeLro('arm', c.operation, c.method, c.path);
    const op: Operation = {
      id: randomUUID().toUpperCase(),
      subscriptionId: c.params.subscriptionId.toLowerCase(),
      location: opts.location.replace(/\s+/g, '').toLowerCase() || 'global',
      kind: opts.kind,
      status: 'InProgress',
      startTime: this.ctx.clock.iso(),
    };
    if (this.ops.size >= MAX_OPERATIONS) {
      const oldest = this.ops.keys().next().value;
      if (oldest !== undefined) this.ops.delete(oldest);
    }
    this.ops.set(op.id, op);
    const end: Exclude<LroStatus, 'InProgress'> = scripted ?? 'Succeeded';
    const finish = (checked?: LroError) => {
      if (op.status !== 'InProgress') return;
      op.status = checked ? 'Failed' : end;
      op.endTime = this.ctx.clock.iso();
      if (checked) {
        op.error = checked;
      } else if (end === 'Failed') {
        op.error = {
          code: 'InternalServerError',
          message: `The ${opts.kind === 'delete' ? 'deletion' : 'provisioning'} of '${opts.target}' failed: an internal error occurred in Microsoft.EventGrid. Retry the operation.`,
        };
      } else if (end === 'Canceled') {
        op.error = { code: 'OperationCanceled', message: `The operation on '${opts.target}' was canceled.` };
      }
      opts.onDone(op.status as Exclude<LroStatus, 'InProgress'>);
    };
    this.ctx.clock.after(this.ctx.settings.lroDurationMs, () => {
      if (op.status !== 'InProgress') return;
      if (!opts.outcome) return finish();
      // The operation stays InProgress until the check settles.
      opts.outcome.then(finish, (e) => finish({ code: 'InternalServerError', message: `The provisioning of '${opts.target}' failed: ${(e as Error)?.message ?? e}` }));
    });
    return op;
  }

  private statusUrl(c: Ctx, op: Operation, kind: 'operationsStatus' | 'operationResults'): string {
    const v = encodeURIComponent(apiVersionOf(c));
    return `${armBase(this.ctx, c)}/subscriptions/${op.subscriptionId}/providers/Microsoft.EventGrid/locations/${op.location}/${kind}/${op.id}?api-version=${v}`;
  }

  /** The headers of the answer that starts `op`. */
  headers(c: Ctx, op: Operation): Record<string, string> {
    const h: Record<string, string> = {
      'Azure-AsyncOperation': this.statusUrl(c, op, 'operationsStatus'),
      'Retry-After': String(this.ctx.settings.retryAfterSeconds),
    };
    if (op.kind === 'delete') h.Location = this.statusUrl(c, op, 'operationResults');
    return h;
  }

  private find(c: Ctx): Operation {
    const op = this.ops.get(c.params.operationId.toUpperCase());
    if (!op || op.subscriptionId !== c.params.subscriptionId.toLowerCase()) {
      throw new HttpError(404, 'NotFound', `The operation '${c.params.operationId}' could not be found.`);
    }
    return op;
  }

  private statusBody(op: Operation): Record<string, unknown> {
    const body: Record<string, unknown> = {
      id: `/subscriptions/${op.subscriptionId}/providers/Microsoft.EventGrid/locations/${op.location}/operationsStatus/${op.id}`,
      name: op.id,
      status: op.status,
      startTime: op.startTime,
    };
    if (op.endTime) body.endTime = op.endTime;
    if (op.error) body.error = op.error;
    return body;
  }

  routes(): ArmRoute[] {
    const base = '/subscriptions/{subscriptionId}/providers/Microsoft.EventGrid/locations/{location}';
    return [
      route({
        method: 'GET',
        template: `${base}/operationsStatus/{operationId}`,
        operation: 'OperationsStatus_Get',
        resourceType: 'locations/operationsStatus',
        authz: 'any',
        handler: (c) => {
          const op = this.find(c);
          const headers: Record<string, string> = op.status === 'InProgress' ? { 'Retry-After': String(this.ctx.settings.retryAfterSeconds) } : {};
          return { status: 200, body: this.statusBody(op), headers };
        },
      }),
      route({
        method: 'GET',
        template: `${base}/operationResults/{operationId}`,
        operation: 'OperationResults_Get',
        resourceType: 'locations/operationResults',
        authz: 'any',
        handler: (c) => {
          const op = this.find(c);
          switch (op.status) {
            case 'InProgress':
              return { status: 202, headers: { Location: this.statusUrl(c, op, 'operationResults'), 'Retry-After': String(this.ctx.settings.retryAfterSeconds) } };
            case 'Succeeded':
              return { status: op.kind === 'delete' ? 204 : 200 };
            case 'Failed':
              throw new HttpError(500, op.error!.code, op.error!.message);
            case 'Canceled':
              throw new HttpError(409, op.error!.code, op.error!.message);
          }
        },
      }),
    ];
  }
}
