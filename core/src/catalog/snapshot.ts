import type { SecretMeta } from './secretMeta';
import type { Insecurity } from '../kubeconfig/tlsVerification';

/**
 * Where the catalog stands. Cluster-dependent rules run only in `ready`; in every other state they stay
 * silent and the UI says why (status bar, tree welcome view).
 */
export type CatalogState =
  | { kind: 'unknown'; reason: string }
  | { kind: 'loading' }
  | { kind: 'ready' }
  | { kind: 'error'; reason: string; problem: CatalogProblem };

/** Why a cluster could not be read; each has its own UI state. */
export type CatalogProblem =
  'no-kubeconfig' | 'unreachable' | 'timeout' | 'unauthorized' | 'forbidden' | 'server-error' | 'untrusted' | 'other';

/** One consistent picture of a namespace's secrets: what the client sends to the language server. */
export interface CatalogSnapshot {
  context: string;
  namespace: string;
  state: CatalogState;
  /** Sorted by name. Empty unless `state.kind === 'ready'`. */
  secrets: SecretMeta[];
  /** The connection to this cluster is not verified or not encrypted; the tree and status bar mark it. */
  insecurity?: Insecurity;
}

export function emptySnapshot(reason = 'no cluster connection yet'): CatalogSnapshot {
  return { context: '', namespace: 'default', state: { kind: 'unknown', reason }, secrets: [] };
}

/** Name → secret index over a snapshot, for rules, completion and hover. */
export class CatalogIndex {
  private readonly byName = new Map<string, SecretMeta>();

  constructor(readonly snapshot: CatalogSnapshot) {
    for (const s of snapshot.secrets) this.byName.set(s.name, s);
  }

  get ready(): boolean {
    return this.snapshot.state.kind === 'ready';
  }

  get(name: string): SecretMeta | undefined {
    return this.byName.get(name);
  }

  names(): IterableIterator<string> {
    return this.byName.keys();
  }

  get size(): number {
    return this.byName.size;
  }
}
