/**
 * Fault injection: what tests switch on to see how clients cope with a misbehaving cluster. Delays and failures
 * are applied by the API router to every API request (never to the `/__local` admin endpoint); going down, cutting
 * watches and expiring resourceVersions are delegated to the server and the store through the hooks.
 */
import { statusForCode, type StatusError } from './status';
import type { Endless } from './endless';

export interface FailureRule {
  status: number;
  /** How many more requests fail; `all` until cleared. */
  remaining: number | 'all';
  message?: string;
  /** Only requests with this API verb (get, list, watch, create, update, patch, delete). */
  verb?: string;
  /** Only requests whose path contains this text. */
  path?: string;
  /** Send `message` as a text/plain body instead of a Status, as a proxy or broken server in front would. */
  raw?: boolean;
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
  endless?: Endless;
}

export interface InjectedFailure {
  error: StatusError;
  /** The text of a raw (non-Status) failure body. */
  raw?: string;
}

export class Faults {
  /** Every API response waits this long first. */
  delayMs = 0;
  /**
   * Secret lists and watches that never end (endless.ts): `continue` always gives another page, `body` never
   * closes a list, `watch-line` never ends a watch event's line. Other requests are served as usual.
   */
  endless: Endless | undefined;
  private failures: FailureRule[] = [];

  constructor(private readonly hooks: FaultHooks) {}

  /** The next `count` matching requests (or all of them, until `clear()`) get a Status with this code. */
  fail(
    status: number,
    count: number | 'all' = 1,
    filter: { message?: string; verb?: string; path?: string; raw?: boolean } = {},
  ): void {
    this.failures.push({ status, remaining: count, ...filter });
  }

  /** Back to a healthy server: no delay, no failures (does not bring a downed server up; call `up()`). */
  clear(): void {
    this.delayMs = 0;
    this.endless = undefined;
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

  /**
   * Forgets the event history: watches and continue tokens from before now get 410 Expired. Returns the new
   * resourceVersion.
   */
  expireResourceVersions(): string {
    return this.hooks.expireResourceVersions();
  }

  state(): FaultState {
    return {
      delayMs: this.delayMs,
      failures: this.failures.map((f) => ({ ...f })),
      up: this.hooks.isUp(),
      endless: this.endless,
    };
  }

  /** The injected failure for this request, if one applies (and counts it down). */
  take(verb: string, path: string): InjectedFailure | undefined {
    const rule = this.failures.find((f) => (!f.verb || f.verb === verb) && (!f.path || path.includes(f.path)));
    if (!rule) return undefined;
    if (rule.remaining !== 'all') {
      rule.remaining -= 1;
      if (rule.remaining <= 0) this.failures.splice(this.failures.indexOf(rule), 1);
    }
    return { error: statusForCode(rule.status, rule.message), raw: rule.raw ? (rule.message ?? '') : undefined };
  }
}
