/**
 * Test helpers for the cluster area: a local API server per test file with a kubeconfig on disk, a live catalog
 * pointed at it, and waiting on catalog states (polling a condition with an overall timeout, never sleeping).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startLocalCluster, type LocalCluster, type LocalClusterOptions } from '../../tools/local-cluster';
import type { CatalogSnapshot } from '../../core/src/catalog/snapshot';
import { resolveTarget, type TargetSettings } from '../../core/src/kubeconfig/clusterTarget';
import { LiveCatalog } from '../../core/src/catalog/liveCatalog';

export const b64 = (s: string | Buffer): string => Buffer.from(s).toString('base64');

export function secretJson(
  name: string,
  data: Record<string, string | Buffer>,
  extra: { namespace?: string; labels?: Record<string, string>; type?: string } = {},
) {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace: extra.namespace ?? 'default', ...(extra.labels ? { labels: extra.labels } : {}) },
    type: extra.type ?? 'Opaque',
    data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, b64(v)])),
  };
}

export interface ClusterFixture {
  cluster: LocalCluster;
  kubeconfig: string;
  dir: string;
  stop(): Promise<void>;
}

export async function startCluster(options: LocalClusterOptions = {}): Promise<ClusterFixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pachyderm-cluster-test-'));
  const kubeconfig = path.join(dir, 'kubeconfig');
  const cluster = await startLocalCluster({
    port: 0,
    kubeconfigPath: kubeconfig,
    bookmarkIntervalMs: 60_000,
    ...options,
  });
  return {
    cluster,
    kubeconfig,
    dir,
    stop: async () => {
      await cluster.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function catalogFor(
  settings: TargetSettings,
  options: { timeoutMs?: number; pageSize?: number; log?: string[] } = {},
): LiveCatalog {
  return new LiveCatalog({
    resolve: () => resolveTarget(settings, {}),
    timeoutMs: () => options.timeoutMs ?? 2000,
    pageSize: options.pageSize,
    backoff: { initialMs: 20, maxMs: 200 },
    log: options.log ? (line) => options.log!.push(line) : undefined,
  });
}

/** What publishes snapshots: the live catalog, the deployed-pipelines watcher. */
export interface SnapshotSource<S> {
  snapshot(): S;
  on(event: 'change', listener: (s: S) => void): unknown;
  off(event: 'change', listener: (s: S) => void): unknown;
}

/** Resolves with the first snapshot (current or coming) that satisfies `predicate`; rejects after `timeoutMs`. */
export function waitForSnapshot<S extends { state: unknown; secrets?: unknown[]; pipelines?: unknown[] }>(
  source: SnapshotSource<S>,
  predicate: (s: S) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<S> {
  return new Promise((resolve, reject) => {
    if (predicate(source.snapshot())) return resolve(source.snapshot());
    const onChange = (s: S) => {
      if (!predicate(s)) return;
      clearTimeout(timer);
      source.off('change', onChange);
      resolve(s);
    };
    const timer = setTimeout(() => {
      source.off('change', onChange);
      const s = source.snapshot();
      const items = s.secrets ? `${s.secrets.length} secrets` : `${s.pipelines?.length ?? 0} pipelines`;
      reject(new Error(`timed out waiting for ${what}; last state ${JSON.stringify(s.state)} with ${items}`));
    }, timeoutMs);
    source.on('change', onChange);
  });
}

export const isReady = (s: CatalogSnapshot) => s.state.kind === 'ready';
export const hasProblem = (problem: string) => (s: CatalogSnapshot) =>
  s.state.kind === 'error' && s.state.problem === problem;
