/**
 * List then watch one kind of object, as client-go's informers do: every page of a list, then a watch from the
 * list's resourceVersion. A watch that was open and ended (server timeout, cut connection) resumes from the last
 * version seen; a 410 Gone or a watch that never connected relists. What the owner shows stays until a new list
 * replaces it, so nothing flickers. Waits between attempts come from the owner's `Backoff`, reset by the first
 * event a watch delivers.
 *
 * A list that fails, or a watch that hits a bound (responseLimits.ts), stops the loop and is handed to the owner,
 * which decides: retry (an unreachable cluster comes back), or stop (a 403 does not fix itself).
 */
import type { Backoff } from './backoff';
import { classifyClusterError, type ClusterProblem } from './clusterProblem';
import { listAllPages, type PagedList } from './listPages';
import type { ResourceEvent, WatchHandle } from './resourceWatch';
import { ClusterLimitError } from './responseLimits';

export interface ListWatchSource<T> extends PagedList<T> {
  namespace: string;
  watch(
    resourceVersion: string,
    onEvent: (e: ResourceEvent<T>) => void,
    onDone: (err?: unknown) => void,
  ): Promise<WatchHandle>;
  versionOf(object: T): string | undefined;
}

export interface ListWatchHandlers<T> {
  /** A complete list (all pages): what the owner keeps of this kind is replaced by it. */
  listed(items: T[], resourceVersion: string): void;
  changed(type: 'ADDED' | 'MODIFIED' | 'DELETED', object: T): void;
  /** The loop has stopped on this problem; the owner shows it and may start the loop again. */
  failed(problem: ClusterProblem): void;
  /** Names, counts and reasons only. */
  log?(line: string): void;
}

export class ListWatchLoop<T> {
  private handle: WatchHandle | undefined;
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;

  constructor(
    private readonly source: ListWatchSource<T>,
    private readonly handlers: ListWatchHandlers<T>,
    private readonly backoff: Backoff,
    private readonly pageSize?: number,
  ) {}

  /** Lists (every page), then watches. Resolves once the list settled, listed or failed; never rejects. */
  async start(): Promise<void> {
    this.stop();
    await this.list(++this.generation);
  }

  stop(): void {
    this.generation++;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.handle?.stop();
    this.handle = undefined;
  }

  private async list(gen: number): Promise<void> {
    const items: T[] = [];
    let resourceVersion;
    try {
      resourceVersion = await listAllPages(this.source, (page) => items.push(...page), this.pageSize);
    } catch (err) {
      if (gen === this.generation) this.fail(err, 'list');
      return;
    }
    if (gen !== this.generation) return;
    this.handlers.listed(items, resourceVersion);
    await this.watchFrom(gen, resourceVersion);
  }

  private async watchFrom(gen: number, resourceVersion: string): Promise<void> {
    let lastVersion = resourceVersion;
    let sawEvent = false;
    let connected = false;
    const handle = await this.source.watch(
      resourceVersion,
      (e) => {
        if (gen !== this.generation) return;
        if (!sawEvent) {
          sawEvent = true;
          this.backoff.reset();
        }
        if (e.type === 'BOOKMARK') {
          lastVersion = e.resourceVersion || lastVersion;
          return;
        }
        lastVersion = this.source.versionOf(e.object) ?? lastVersion;
        this.handlers.changed(e.type, e.object);
      },
      (err) => {
        if (gen !== this.generation) return;
        this.handle = undefined;
        this.watchEnded(gen, connected, lastVersion, err);
      },
    );
    connected = true;
    if (gen === this.generation) this.handle = handle;
    else handle.stop();
  }

  private watchEnded(gen: number, connected: boolean, lastVersion: string, err: unknown): void {
    const c = err ? this.classify(err, 'watch') : undefined;
    // A server that sends more than any real one would (an event that never ends) is shown as the problem it
    // is, not hidden behind silent re-watches.
    if (c && err instanceof ClusterLimitError) return this.fail(err, 'watch');
    const what = this.source.resource;
    if (connected && c?.problem !== 'gone') {
      this.handlers.log?.(
        `${what} watch ended (${c ? c.reason : 'closed by the server'}); re-watching from ${lastVersion}`,
      );
      this.later(gen, () => this.watchFrom(gen, lastVersion));
      return;
    }
    this.handlers.log?.(`${what} watch failed (${c?.problem}: ${c?.reason}); relisting`);
    this.later(gen, () => this.list(gen));
  }

  private fail(err: unknown, verb: 'list' | 'watch'): void {
    this.stop();
    this.handlers.failed(this.classify(err, verb));
  }

  private classify(err: unknown, verb: string): ClusterProblem {
    return classifyClusterError(err, { verb, resource: this.source.resource, namespace: this.source.namespace });
  }

  private later(gen: number, run: () => Promise<void>): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (gen === this.generation) void run();
    }, this.backoff.next());
  }
}
