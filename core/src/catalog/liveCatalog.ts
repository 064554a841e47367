/**
 * The live secret catalog of one namespace: a paged list, then a watch from the list's resourceVersion,
 * kept as metadata only. Produces `CatalogSnapshot`s and tells listeners which names changed, so the tree can
 * refresh single rows and the language server gets one coalesced snapshot.
 *
 * States: unknown → loading → ready | error. A dropped watch re-watches from the last resourceVersion; a 410 or
 * a failed re-watch relists (the catalog stays `ready` meanwhile so nothing flickers); any failure retries with
 * backoff until the fault ends.
 */
import { EventEmitter } from 'node:events';
import type { SecretMeta } from './secretMeta';
import type { CatalogSnapshot, CatalogState } from './snapshot';
import { Backoff, type BackoffOptions } from '../kubeApi/backoff';
import { classifyClusterError, type ClusterProblem } from '../kubeApi/clusterProblem';
import type { TargetResolution } from '../kubeconfig/clusterTarget';
import { listAllSecrets, sortedSecrets, DEFAULT_PAGE_SIZE } from './listSecrets';
import { ClusterLimitError } from '../kubeApi/responseLimits';
import { asCatalogProblem } from './loadCatalog';
import { SecretsApi, type WatchHandle } from './secretsApi';
import type { Insecurity } from '../kubeconfig/tlsVerification';

export interface CatalogChange {
  /** Names added or modified. */
  changed: string[];
  removed: string[];
  /** The state, context or namespace changed (the whole view should redraw). */
  stateChanged: boolean;
}

export interface LiveCatalogOptions {
  /** Called at every (re)start, so settings changes and kubeconfig edits apply on Refresh. */
  resolve: () => Promise<TargetResolution>;
  /** Read at every (re)start so a changed `pachyderm.requestTimeoutSeconds` applies on the next sync. */
  timeoutMs: () => number;
  pageSize?: number;
  backoff?: BackoffOptions;
  /** Names, counts and reasons only. */
  log?: (line: string) => void;
}

export interface CatalogTargetInfo {
  context: string;
  contexts: string[];
  namespace: string;
  server?: string;
  insecurity?: Insecurity;
}

export interface LiveCatalogEvents {
  change: [snapshot: CatalogSnapshot, change: CatalogChange];
}

export class LiveCatalog extends EventEmitter<LiveCatalogEvents> {
  private secrets = new Map<string, SecretMeta>();
  private state: CatalogState = { kind: 'unknown', reason: 'not started' };
  private targetInfo: CatalogTargetInfo = { context: '', contexts: [], namespace: 'default' };
  private api: SecretsApi | undefined;
  private watchHandle: WatchHandle | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private generation = 0;
  private cached: CatalogSnapshot | undefined;
  private readonly backoff: Backoff;
  private disposed = false;

  constructor(private readonly options: LiveCatalogOptions) {
    super();
    this.backoff = new Backoff(options.backoff);
  }

  snapshot(): CatalogSnapshot {
    this.cached ??= {
      context: this.targetInfo.context,
      namespace: this.targetInfo.namespace,
      state: this.state,
      secrets: this.state.kind === 'ready' ? sortedSecrets(this.secrets) : [],
      ...(this.targetInfo.insecurity ? { insecurity: this.targetInfo.insecurity } : {}),
    };
    return this.cached;
  }

  target(): CatalogTargetInfo {
    return this.targetInfo;
  }

  get(name: string): SecretMeta | undefined {
    return this.state.kind === 'ready' ? this.secrets.get(name) : undefined;
  }

  /** The API of the current target, for single-secret operations (reveal, create, delete). */
  currentApi(): SecretsApi | undefined {
    return this.api;
  }

  /** Starts (or restarts) from scratch: resolve the target, list, watch. Resolves once the first list settled. */
  async refresh(): Promise<void> {
    if (this.disposed) return;
    this.backoff.reset();
    await this.sync(true);
  }

  dispose(): void {
    this.disposed = true;
    this.stopActivity();
    this.generation++;
    this.removeAllListeners();
  }

  private stopActivity(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.watchHandle?.stop();
    this.watchHandle = undefined;
  }

  /**
   * While the target stays the same, what is shown stays until the new list replaces it (no flicker), and an
   * automatic retry keeps showing the error it is retrying; only an explicit refresh shows `loading`.
   */
  private async sync(explicit: boolean): Promise<void> {
    this.stopActivity();
    const gen = ++this.generation;
    const stale = () => gen !== this.generation || this.disposed;
    if (explicit && this.state.kind !== 'ready') this.setState({ kind: 'loading' }, true);

    const target = await this.options.resolve();
    if (stale()) return;
    const before = this.targetInfo;
    this.targetInfo = {
      context: target.context,
      contexts: target.contexts,
      namespace: target.namespace,
      server: target.ok ? target.server : undefined,
      insecurity: target.ok ? target.insecurity : undefined,
    };
    if (target.context !== before.context || target.namespace !== before.namespace)
      this.setState({ kind: 'loading' }, true);
    // The mark follows the kubeconfig at once, even when the secrets shown stay the same.
    else if (this.targetInfo.insecurity !== before.insecurity)
      this.emitChange({ changed: [], removed: [], stateChanged: true });
    if (!target.ok) {
      // A configuration problem does not fix itself by retrying; the user changes settings or presses Retry.
      this.api = undefined;
      this.setState({ kind: 'error', problem: target.problem, reason: target.reason }, true);
      return;
    }
    try {
      const api = await SecretsApi.open(target, this.options.timeoutMs());
      if (stale()) return;
      this.api = api;
      const list = await listAllSecrets(api, this.options.pageSize ?? DEFAULT_PAGE_SIZE);
      if (stale()) return;
      this.options.log?.(
        `listed ${list.secrets.size} secrets in ${target.context}/${target.namespace} ` +
          `at resourceVersion ${list.resourceVersion}`,
      );
      this.replaceAll(list.secrets);
      await this.watchFrom(gen, list.resourceVersion);
    } catch (err) {
      if (stale()) return;
      this.fail(classifyClusterError(err, { verb: 'list', resource: 'secrets', namespace: target.namespace }));
    }
  }

  private async watchFrom(gen: number, resourceVersion: string): Promise<void> {
    const api = this.api;
    if (!api) return;
    let lastVersion = resourceVersion;
    let sawEvent = false;
    let connected = false;
    const handle = await api.watch(
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
        lastVersion = e.secret.resourceVersion ?? lastVersion;
        if (e.type === 'DELETED') this.apply([], [e.secret.name]);
        else this.apply([e.secret], []);
      },
      (err) => {
        if (gen !== this.generation || this.disposed) return;
        this.watchHandle = undefined;
        const c = err
          ? classifyClusterError(err, { verb: 'watch', resource: 'secrets', namespace: this.targetInfo.namespace })
          : undefined;
        if (c && err instanceof ClusterLimitError) {
          // A server that sends more than any real one would (an event that never ends) is shown as the problem
          // it is, not hidden behind silent re-watches; the retry relists with backoff until it behaves again.
          this.fail(c);
          return;
        }
        if (connected && c?.problem !== 'gone') {
          // A stream that was open and ended (server timeout, cut connection): resume from the last version
          // seen, as informers do; if that fails to connect, the relist below reports why.
          this.options.log?.(`watch ended (${c ? c.reason : 'closed by the server'}); re-watching from ${lastVersion}`);
          this.later(gen, () => this.watchFrom(gen, lastVersion));
          return;
        }
        // 410 Gone (history expired) or a watch that never connected: relist. What is shown stays until the
        // relist says otherwise, so nothing flickers.
        this.options.log?.(`watch failed (${c?.problem}: ${c?.reason}); relisting`);
        this.later(gen, () => this.sync(false));
      },
    );
    connected = true;
    if (gen === this.generation) this.watchHandle = handle;
    else handle.stop();
  }

  private fail(c: ClusterProblem): void {
    this.options.log?.(`catalog error (${c.problem}): ${c.reason}`);
    this.secrets.clear();
    this.setState({ kind: 'error', problem: asCatalogProblem(c.problem), reason: c.reason }, true);
    const gen = this.generation;
    this.later(gen, () => this.sync(false));
  }

  private later(gen: number, run: () => Promise<void>): void {
    clearTimeout(this.retryTimer);
    const delay = this.backoff.next();
    this.retryTimer = setTimeout(() => {
      if (gen === this.generation && !this.disposed) void run();
    }, delay);
  }

  private replaceAll(next: Map<string, SecretMeta>): void {
    const changed: string[] = [];
    const removed: string[] = [];
    for (const [name, meta] of next) {
      const old = this.secrets.get(name);
      if (!old || !sameMeta(old, meta)) changed.push(name);
    }
    for (const name of this.secrets.keys()) if (!next.has(name)) removed.push(name);
    this.secrets = next;
    const wasReady = this.state.kind === 'ready';
    this.state = { kind: 'ready' };
    this.emitChange({ changed, removed, stateChanged: !wasReady });
  }

  private apply(upserts: SecretMeta[], removals: string[]): void {
    const changed: string[] = [];
    const removed: string[] = [];
    for (const meta of upserts) {
      const old = this.secrets.get(meta.name);
      if (old && sameMeta(old, meta)) continue;
      this.secrets.set(meta.name, meta);
      changed.push(meta.name);
    }
    for (const name of removals) if (this.secrets.delete(name)) removed.push(name);
    if (changed.length || removed.length) this.emitChange({ changed, removed, stateChanged: false });
  }

  private setState(state: CatalogState, clear: boolean): void {
    if (clear) this.secrets.clear();
    if (JSON.stringify(state) === JSON.stringify(this.state) && !clear) return;
    this.state = state;
    this.emitChange({ changed: [], removed: [], stateChanged: true });
  }

  private emitChange(change: CatalogChange): void {
    this.cached = undefined;
    this.emit('change', this.snapshot(), change);
  }
}

function sameMeta(a: SecretMeta, b: SecretMeta): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
