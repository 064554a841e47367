/**
 * The lifecycle the live views of a cluster share (the secret catalog, the deployed pipelines): every (re)start
 * is a new generation, so the late answers of an older one are ignored; a failure retries after the backoff; a
 * dispose ends everything and nothing starts again.
 */
import { Backoff, type BackoffOptions } from './backoff';

export class SyncGenerations {
  readonly backoff: Backoff;
  private generation = 0;
  private timer: NodeJS.Timeout | undefined;
  private disposed = false;

  /** `stopWork` ends what a generation started (its list-then-watch loops); it runs at each new generation. */
  constructor(
    backoff: BackoffOptions | undefined,
    private readonly stopWork: () => void,
  ) {
    this.backoff = new Backoff(backoff);
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** The generation running now, for a retry scheduled from inside it. */
  get now(): number {
    return this.generation;
  }

  /** An explicit start (Refresh): the backoff starts over; nothing starts once disposed. */
  async restart(sync: () => Promise<void>): Promise<void> {
    if (this.disposed) return;
    this.backoff.reset();
    await sync();
  }

  /** Ends the current generation's work and timer and starts the next one. */
  begin(): number {
    this.stop();
    return ++this.generation;
  }

  current(gen: number): boolean {
    return gen === this.generation && !this.disposed;
  }

  /** Runs `run` after the next backoff delay, unless another generation started or all was disposed meanwhile. */
  retry(gen: number, run: () => Promise<void>): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.current(gen)) void run();
    }, this.backoff.next());
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.stopWork();
  }

  dispose(): void {
    this.disposed = true;
    this.stop();
    this.generation++;
  }
}
