/**
 * Fault injection: what tests switch on to see how clients cope with a misbehaving cluster. Delays and failures
 * are applied by the API router to every API request (never to the `/__local` admin endpoint); going down, cutting
 * watches and expiring resourceVersions are delegated to the server and the store through the hooks.
 */
import { statusForCode, type StatusError } from './status';

export interface FailureRule {
  status: number;
  /** How many more requests fail; `all` until cleared. */
  remaining: number | 'all';
  message?: string;
  /** Only requests with this API verb (get, list, watch, create, update, patch, delete). */
  verb?: string;
  /** Only requests whose path contains this text. */
  path?: string;
}

export interface FaultHooks {
  down(): Promise<void>;
  up(): Promise<void>;
  cutWatches(): number;
  expireResourceVersions(): string;
  isUp(): boolean;
}

export interface FaultState {
  delayMs: number;
  failures: FailureRule[];
  up: boolean;
}

export class Faults {
  /** Every API response waits this long first. */
  delayMs = 0;
  private failures: FailureRule[] = [];

  constructor(private readonly hooks: FaultHooks) {}

  /** The next `count` matching requests (or all of them, until `clear()`) get a Status with this code. */
  fail(status: number, count: number | 'all' = 1, filter: { message?: string; verb?: string; path?: string } = {}): void {
    this.failures.push({ status, remaining: count, ...filter });
  }

  /** Back to a healthy server: no delay, no failures (does not bring a downed server up; call `up()`). */
  clear(): void {
    this.delayMs = 0;
    this.failures = [];
  }

  /** Closes the listener and every open connection; clients get "connection refused" until `up()`. */
  down(): Promise<void> {
    return this.hooks.down();
  }

  /** Listens again on the same port. */
  up(): Promise<void> {
    return this.hooks.up();
  }

  /** Drops every open watch connection mid-stream; returns how many were cut. */
  cutWatches(): number {
    return this.hooks.cutWatches();
  }

  /** Forgets the event history: watches and continue tokens from before now get 410 Expired. Returns the new resourceVersion. */
  expireResourceVersions(): string {
    return this.hooks.expireResourceVersions();
  }

  state(): FaultState {
    return { delayMs: this.delayMs, failures: this.failures.map((f) => ({ ...f })), up: this.hooks.isUp() };
  }

  /** The injected failure for this request, if one applies (and counts it down). */
  take(verb: string, path: string): StatusError | undefined {
    const rule = this.failures.find((f) => (!f.verb || f.verb === verb) && (!f.path || path.includes(f.path)));
    if (!rule) return undefined;
    if (rule.remaining !== 'all') {
      rule.remaining -= 1;
      if (rule.remaining <= 0) this.failures.splice(this.failures.indexOf(rule), 1);
    }
    return statusForCode(rule.status, rule.message);
  }
}
