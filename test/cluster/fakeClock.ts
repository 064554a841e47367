/** A fake clock for the Secrets tree's ages (node tests and the real VS Code suite): time moves only when told. */
import type { TreeClock } from '../../client/src/cluster/ageTicker';

/** A clock whose time moves only when the test says, running the timers that fall due. */
export class FakeClock implements TreeClock {
  private t: number;
  private next = 1;
  readonly timers = new Map<number, { at: number; fn: () => void }>();
  constructor(start: string | number) {
    this.t = typeof start === 'number' ? start : Date.parse(start);
  }
  now(): number {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.set(id, { at: this.t + ms, fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  /** When the earliest timer falls due, if any. */
  nextTimerAt(): number | undefined {
    const ats = [...this.timers.values()].map((x) => x.at);
    return ats.length ? Math.min(...ats) : undefined;
  }
  /** Moves time on by `ms`, running each timer that falls due, in order, at its own time. */
  advance(ms: number): void {
    const until = this.t + ms;
    for (;;) {
      const due = [...this.timers].filter(([, x]) => x.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.t = due[1].at;
      due[1].fn();
    }
    this.t = until;
  }
}
