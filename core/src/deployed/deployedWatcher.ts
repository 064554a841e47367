/**
 * The live deployed pipelines of pachd's namespace: a list then a watch of worker RCs, pods and events (one loop
 * per kind, workerApi.ts), folded into a `DeployedModel`, published as `DeployedSnapshot`s.
 *
 * States: unknown → loading → ready | error | forbidden. An error (unreachable, timeout, server error) retries
 * with backoff until the cluster comes back, as the secret catalog does. `forbidden` is a user who may not list
 * or watch one of the kinds: that does not fix itself, so it is said once and nothing retries until an explicit
 * refresh; everything that reads deployed pipelines falls back to the workspace alone.
 */
import { EventEmitter } from 'node:events';
import type { CatalogProblem } from '../catalog/snapshot';
import { asCatalogProblem } from '../catalog/loadCatalog';
import type { BackoffOptions } from '../kubeApi/backoff';
import { SyncGenerations } from '../kubeApi/syncGenerations';
import type { ClusterProblem } from '../kubeApi/clusterProblem';
import type { ListWatchHandlers } from '../kubeApi/listWatchLoop';
import type { TargetResolution } from '../kubeconfig/clusterTarget';
import { DeployedModel, type DeployedPipeline } from './deployedModel';
import { workerLoops, type WorkerLoops } from './workerApi';
import type { RecordOf, WorkerKind } from './workerRecords';

export type DeployedWatchState =
  | { kind: 'unknown'; reason: string }
  | { kind: 'loading' }
  | { kind: 'ready' }
  | { kind: 'error'; reason: string; problem: CatalogProblem }
  /** The one message a user without list/watch access to RCs, pods or events gets; nothing retries. */
  | { kind: 'forbidden'; reason: string };

export interface DeployedSnapshot {
  context: string;
  namespace: string;
  state: DeployedWatchState;
  /** Sorted by project, name and version. Empty unless `state.kind === 'ready'`. */
  pipelines: DeployedPipeline[];
}

/** The state a failure leaves: `forbidden` for a 403 (its one message), `error` otherwise. */
export function problemState(c: ClusterProblem): DeployedWatchState {
  if (c.problem === 'forbidden') {
    return {
      kind: 'forbidden',
      reason: `Deployed pipelines are not shown: ${c.reason} Checks use the workspace specs only.`,
    };
  }
  return { kind: 'error', problem: asCatalogProblem(c.problem), reason: c.reason };
}

export interface DeployedWatcherOptions {
  /** Called at every (re)start, so settings and kubeconfig edits apply on the next sync. */
  resolve: () => Promise<TargetResolution>;
  timeoutMs: () => number;
  pageSize?: number;
  backoff?: BackoffOptions;
  /** Names, counts and reasons only. */
  log?: (line: string) => void;
}

export interface DeployedWatcherEvents {
  change: [snapshot: DeployedSnapshot];
}

const KINDS: readonly WorkerKind[] = ['rcs', 'pods', 'events'];

export class DeployedWatcher extends EventEmitter<DeployedWatcherEvents> {
  private readonly model = new DeployedModel();
  private state: DeployedWatchState = { kind: 'unknown', reason: 'not started' };
  private target = { context: '', namespace: 'default' };
  private loops: WorkerLoops | undefined;
  private listed = new Set<WorkerKind>();
  private cached: DeployedSnapshot | undefined;
  private emitQueued = false;
  private readonly run: SyncGenerations;

  constructor(private readonly options: DeployedWatcherOptions) {
    super();
    this.run = new SyncGenerations(options.backoff, () => {
      if (this.loops) for (const kind of KINDS) this.loops[kind].stop();
      this.loops = undefined;
    });
  }

  snapshot(): DeployedSnapshot {
    this.cached ??= {
      ...this.target,
      state: this.state,
      pipelines: this.state.kind === 'ready' ? this.model.pipelines() : [],
    };
    return this.cached;
  }

  /** Starts (or restarts, after a forbidden too) from scratch. Resolves once every kind's first list settled. */
  refresh(): Promise<void> {
    return this.run.restart(() => this.sync(true));
  }

  dispose(): void {
    this.run.dispose();
    this.removeAllListeners();
  }

  private async sync(explicit: boolean): Promise<void> {
    const gen = this.run.begin();
    if (explicit && this.state.kind !== 'ready') this.setState({ kind: 'loading' });
    const target = await this.options.resolve();
    if (!this.run.current(gen)) return;
    const moved = target.context !== this.target.context || target.namespace !== this.target.namespace;
    this.target = { context: target.context, namespace: target.namespace };
    if (moved) {
      this.model.clear();
      this.setState({ kind: 'loading' });
    }
    if (!target.ok) {
      // A configuration problem does not fix itself by retrying; settings, the kubeconfig or Refresh do.
      this.setState({ kind: 'error', problem: target.problem, reason: target.reason });
      return;
    }
    this.listed = new Set();
    const loops = workerLoops(
      target,
      this.options.timeoutMs(),
      this.run.backoff,
      (kind) => this.handlers(kind, gen),
      this.options.pageSize,
    );
    this.loops = loops;
    await Promise.all(KINDS.map((kind) => loops[kind].start()));
  }

  private handlers<K extends WorkerKind>(kind: K, gen: number): ListWatchHandlers<RecordOf<K>> {
    const current = () => this.run.current(gen);
    return {
      listed: (items) => {
        if (!current()) return;
        this.model.replace(kind, items);
        this.listed.add(kind);
        if (this.listed.size === KINDS.length) this.setState({ kind: 'ready' });
        else if (this.state.kind === 'ready') this.queueEmit();
      },
      changed: (type, record) => {
        if (current() && this.model.apply(kind, type, record) && this.state.kind === 'ready') this.queueEmit();
      },
      failed: (problem) => {
        if (current()) this.fail(problem);
      },
      log: (line) => this.options.log?.(`deployed pipelines: ${line}`),
    };
  }

  private fail(c: ClusterProblem): void {
    this.run.stop();
    this.model.clear();
    const state = problemState(c);
    this.options.log?.(
      `deployed pipelines: ${c.problem}: ${c.reason}${state.kind === 'forbidden' ? '; not retrying' : ''}`,
    );
    this.setState(state);
    if (state.kind === 'forbidden') return;
    this.run.retry(this.run.now, () => this.sync(false));
  }

  private setState(state: DeployedWatchState): void {
    if (JSON.stringify(state) === JSON.stringify(this.state) && state.kind !== 'ready') return;
    this.state = state;
    this.emitNow();
  }

  /** Watch events arrive in bursts (a chunk of a stream holds many); one snapshot follows the burst. */
  private queueEmit(): void {
    if (this.emitQueued) return;
    this.emitQueued = true;
    queueMicrotask(() => {
      this.emitQueued = false;
      if (!this.run.isDisposed) this.emitNow();
    });
  }

  private emitNow(): void {
    this.cached = undefined;
    this.emit('change', this.snapshot());
  }
}
