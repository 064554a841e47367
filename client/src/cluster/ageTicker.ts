/**
 * Keeps the tree's "N minutes ago" (and "certificate expires in N days") true: asks for a redraw when the first shown
 * age or mark would read differently, and
 * only while the view is visible (a hidden view is not redrawn, and gets one redraw when shown if an age went stale
 * meanwhile). No `vscode` import, and the clock is injected, so tests move time instead of waiting for it.
 */
import { untilFirstAgeChanges } from './ageChange';

export interface TreeClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: TreeClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Node's timers fire at once beyond this (~24.8 days); an age in months is simply re-checked then. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

export class AgeTicker {
  private timer: unknown;
  private visible = false;
  /** When the shown ages first read stale (clock ms), or undefined when none can. */
  private staleAt: number | undefined;

  constructor(
    private clock: TreeClock,
    private readonly redraw: () => void,
  ) {}

  now(): number {
    return this.clock.now();
  }

  useClock(clock: TreeClock): void {
    this.cancel();
    this.clock = clock;
    this.schedule();
  }

  /**
   * The creation times of the rows just drawn, at `now()`, and the first moment (clock ms) anything else drawn
   * reads differently (a certificate's "expires in N days"), if any.
   */
  drawn(timestamps: Iterable<string | undefined>, otherChangeAt?: number): void {
    const drawnAt = this.clock.now();
    const wait = untilFirstAgeChanges(timestamps, drawnAt);
    const ageAt = wait === undefined ? undefined : drawnAt + wait;
    this.staleAt = ageAt === undefined ? otherChangeAt : Math.min(ageAt, otherChangeAt ?? Infinity);
    this.schedule();
  }

  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    if (!visible) this.cancel();
    else if (this.staleAt !== undefined && this.staleAt <= this.clock.now()) this.redraw();
    else this.schedule();
  }

  /** Whether a redraw is waiting on the clock (for tests: a hidden view must have none). */
  get pending(): boolean {
    return this.timer !== undefined;
  }

  dispose(): void {
    this.cancel();
  }

  private schedule(): void {
    this.cancel();
    if (!this.visible || this.staleAt === undefined) return;
    const wait = Math.min(LONGEST_TIMER_MS, Math.max(0, this.staleAt - this.clock.now()));
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.redraw();
    }, wait);
  }

  private cancel(): void {
    if (this.timer === undefined) return;
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
