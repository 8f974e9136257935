/**
 * Scripted faults: "for this operation, the next N answers are …". A fault matches by service and
 * either the route's operation id (e.g. `PartnerTopics_Get`, `log-streams.create`) or a method and a
 * path regular expression. Kinds: an error status with the service's error body and headers, a
 * connection reset, a delay (then the real answer), or an LRO that ends Failed/Canceled.
 */
import type { ServiceName } from './http.js';

export interface FaultSpec {
  service: ServiceName;
  operation?: string;
  method?: string;
  /** A regular expression (source) tested against the decoded path, case-insensitive. */
  path?: string;
  /** For the Auth0 service: only this tenant's listener. */
  tenant?: string;
  /** How many answers this applies to (default 1). */
  count?: number;
  status?: number;
  code?: string;
  message?: string;
  headers?: Record<string, string>;
  /** Replace the whole error body. */
  body?: unknown;
  reset?: boolean;
  delayMs?: number;
  /** Long-running operations started by the matched request end in this state. */
  lro?: 'Failed' | 'Canceled';
}

export interface Fault extends FaultSpec {
  id: number;
  remaining: number;
  hits: number;
}

export class FaultBook {
  private faults: Fault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): Fault {
    const validStatus = spec.status === undefined || (Number.isInteger(spec.status) && spec.status >= 400 && spec.status <= 599);
    if (!spec.service) throw new Error('a fault needs "service" (arm, entra, oidc, auth0, github)');
    if (!spec.operation && !spec.path) throw new Error('a fault needs "operation" or "path"');
    if (!validStatus) throw new Error('"status" must be an HTTP error status (400-599)');
    if (!spec.status && !spec.reset && !spec.delayMs && !spec.lro) throw new Error('a fault needs one of "status", "reset", "delayMs", "lro"');
    if (spec.path) new RegExp(spec.path, 'i');
    const fault: Fault = { ...spec, id: this.nextId++, remaining: spec.count ?? 1, hits: 0 };
    this.faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }

  private matches(f: Fault, service: ServiceName, operation: string, method: string, path: string, tenant?: string): boolean {
    if (f.remaining <= 0 || f.service !== service) return false;
    if (f.tenant && f.tenant !== tenant) return false;
    if (f.operation && f.operation.toLowerCase() !== operation.toLowerCase()) return false;
    if (f.method && f.method.toUpperCase() !== method) return false;
    if (f.path && !new RegExp(f.path, 'i').test(path)) return false;
    return true;
  }

  /** The fault (not LRO-kind) to apply to this request, consuming one use of it. */
  take(service: ServiceName, operation: string, method: string, path: string, tenant?: string): Fault | undefined {
    if (!this.faults.length) return undefined;
    const f = this.faults.find((x) => !x.lro && this.matches(x, service, operation, method, path, tenant));
    if (!f) return undefined;
    f.remaining--;
    f.hits++;
    this.faults = this.faults.filter((x) => x.remaining > 0);
    return f;
  }

  /** The end state scripted for a long-running operation started by this request, if any. */
  takeLro(service: ServiceName, operation: string, method: string, path: string): 'Failed' | 'Canceled' | undefined {
    const f = this.faults.find((x) => x.lro && this.matches(x, service, operation, method, path));
    if (!f) return undefined;
    f.remaining--;
    f.hits++;
    this.faults = this.faults.filter((x) => x.remaining > 0);
    return f.lro;
  }
}
