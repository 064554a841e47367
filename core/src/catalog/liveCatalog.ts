/**
 * The live secret catalog of one namespace: a paged list, then a watch from the list's resourceVersion,
 * kept as metadata only. Produces `CatalogSnapshot`s and tells listeners which names changed, so the tree can
 * refresh single rows and the language server gets one coalesced snapshot.
 *
 * States: unknown → loading → ready | error. A dropped watch re-watches from the last resourceVersion; a 410 or
 * a failed re-watch relists (the catalog stays `ready` meanwhile so nothing flickers), both in the list-then-watch
 * loop the deployed pipelines use too (kubeApi/listWatchLoop.ts); any failure retries with backoff until the
 * fault ends.
 */
import { EventEmitter } from 'node:events';
import type { SecretMeta } from './secretMeta';
import type { CatalogSnapshot, CatalogState } from './snapshot';
import type { BackoffOptions } from '../kubeApi/backoff';
import { SyncGenerations } from '../kubeApi/syncGenerations';
import { classifyClusterError, type ClusterProblem } from '../kubeApi/clusterProblem';
import type { TargetResolution } from '../kubeconfig/clusterTarget';
import { sortedSecrets, DEFAULT_PAGE_SIZE } from './listSecrets';
import { ListWatchLoop, type ListWatchHandlers } from '../kubeApi/listWatchLoop';
import { asCatalogProblem } from './loadCatalog';
import { SecretsApi } from './secretsApi';
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
  /** False: each failure is not logged here, because the owner says failures itself (once, not at every retry). */
  logFailures?: boolean;
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
  private loop: ListWatchLoop<SecretMeta> | undefined;
  private cached: CatalogSnapshot | undefined;
  private readonly run: SyncGenerations;

  constructor(private readonly options: LiveCatalogOptions) {
    super();
    this.run = new SyncGenerations(options.backoff, () => {
      this.loop?.stop();
      this.loop = undefined;
    });
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
  refresh(): Promise<void> {
    return this.run.restart(() => this.sync(true));
  }

  dispose(): void {
    this.run.dispose();
    this.removeAllListeners();
  }

  /**
   * While the target stays the same, what is shown stays until the new list replaces it (no flicker), and an
   * automatic retry keeps showing the error it is retrying; only an explicit refresh shows `loading`.
   */
  private async sync(explicit: boolean): Promise<void> {
    const gen = this.run.begin();
    const stale = () => !this.run.current(gen);
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
      const pageSize = this.options.pageSize ?? DEFAULT_PAGE_SIZE;
      const loop = new ListWatchLoop(
        api.listWatchSource(),
        this.handlers(gen, target.context),
        this.run.backoff,
        pageSize,
      );
      this.loop = loop;
      await loop.start();
    } catch (err) {
      if (stale()) return;
      this.fail(classifyClusterError(err, { verb: 'list', resource: 'secrets', namespace: target.namespace }));
    }
  }

  /** What the list-then-watch loop tells this catalog (kubeApi/listWatchLoop.ts: re-watch, relist, backoff). */
  private handlers(gen: number, context: string): ListWatchHandlers<SecretMeta> {
    const current = () => this.run.current(gen);
    return {
      listed: (items, resourceVersion) => {
        if (!current()) return;
        const ns = this.targetInfo.namespace;
        this.options.log?.(`listed ${items.length} secrets in ${context}/${ns} at resourceVersion ${resourceVersion}`);
        this.replaceAll(new Map(items.map((s) => [s.name, s])));
      },
      changed: (type, secret) => {
        if (!current()) return;
        if (type === 'DELETED') this.apply([], [secret.name]);
        else this.apply([secret], []);
      },
      failed: (c) => {
        if (current()) this.fail(c);
      },
      log: (line) => this.options.log?.(line),
    };
  }

  private fail(c: ClusterProblem): void {
    if (this.options.logFailures !== false) this.options.log?.(`catalog error (${c.problem}): ${c.reason}`);
    this.secrets.clear();
    this.setState({ kind: 'error', problem: asCatalogProblem(c.problem), reason: c.reason }, true);
    this.run.retry(this.run.now, () => this.sync(false));
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
