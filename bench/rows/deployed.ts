/**
 * Row 12: the initial sync of 1,000 deployed pipelines (1,000 worker RCs and 3,000 pods, as pachd writes them) by
 * core's `DeployedWatcher`, from `refresh()` to its first `ready` snapshot, against `kubectl get rc,pods -o json`
 * on the same local cluster. Row 13: the heap the watcher keeps per deployed pipeline after a sync when pod specs
 * are ten times larger (many env vars, large annotations) with the same secret uses, against ordinary pod specs
 * (each measured in a fresh process with --expose-gc, bench/rows/deployedHeap.child.ts).
 */
import * as path from 'node:path';
import { DeployedWatcher, type DeployedSnapshot } from '../../core/src/deployed/deployedWatcher';
import { resolveTarget } from '../../core/src/kubeconfig/clusterTarget';
import { workerPlan } from '../../tools/local-cluster/pachdWorkers';
import { startClusterProcess } from '../lib/clusterProcess';
import { keptHeap } from '../lib/heapProbe';
import { inTurns, timeKubectl } from '../lib/kubectlPeer';
import { deployedPipelines, deployedSecrets, type PipelinesFile } from '../lib/deployedPipelines';
import { ratioRow, type Measurement } from '../lib/types';

const PIPELINES = 1000;
const PODS = 3 * PIPELINES;

/** Resolves with the first snapshot of state `ready` (or rejects on `error` or `forbidden`). */
export function readySnapshot(watcher: DeployedWatcher): Promise<DeployedSnapshot> {
  return new Promise((resolve, reject) => {
    watcher.on('change', (snap) => {
      if (snap.state.kind === 'ready') resolve(snap);
      else if (snap.state.kind === 'error' || snap.state.kind === 'forbidden')
        reject(new Error(`deployed pipelines did not sync: ${snap.state.reason}`));
    });
  });
}

/** Checks that a sync saw every pipeline and pod, so a fast but partial sync cannot pass. */
export function checkComplete(snap: DeployedSnapshot, pipelines: number): void {
  const pods = snap.pipelines.reduce((n, p) => n + p.pods, 0);
  const failing = snap.pipelines.filter((p) => p.health.kind === 'failing').length;
  if (snap.pipelines.length !== pipelines || pods !== 3 * pipelines || failing === 0)
    throw new Error(`incomplete sync: ${snap.pipelines.length} pipelines, ${pods} pods, ${failing} failing`);
}

async function syncOnce(kubeconfig: string): Promise<number> {
  const watcher = new DeployedWatcher({ resolve: () => resolveTarget({ kubeconfig }), timeoutMs: () => 60_000 });
  try {
    const t0 = process.hrtime.bigint();
    const ready = readySnapshot(watcher);
    void watcher.refresh();
    const snap = await ready;
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    checkComplete(snap, PIPELINES);
    return ms;
  } finally {
    watcher.dispose();
  }
}

const kubectlOnce = (kubeconfig: string): Promise<number> => timeKubectl(kubeconfig, ['get', 'rc,pods', '-o', 'json']);

export async function deployedSyncRows(repoRoot: string, quick: boolean): Promise<Measurement[]> {
  const runs = quick ? 3 : 7;
  const cluster = await startClusterProcess(repoRoot, 0, 0, 0, deployedSecrets(), deployedPipelines(PIPELINES, false));
  try {
    const { ours, theirs } = await inTurns(
      () => syncOnce(cluster.kubeconfig),
      () => kubectlOnce(cluster.kubeconfig),
      runs,
    );
    const row = {
      row: 12,
      name: `initial sync of deployed pipelines, ${PIPELINES} RCs + ${PODS} pods`,
      unit: 'ms',
      note: 'ours lists worker events too; both page through the same cluster',
    } as const;
    return [ratioRow(row, ours, { name: 'kubectl get rc,pods -o json', samples: theirs }, 1)];
  } finally {
    await cluster.stop();
  }
}

/** The mean size of a worker pod template as JSON, in KiB, as the note of row 13 reports it. */
function templateKiB(file: PipelinesFile): number {
  let bytes = 0;
  for (const d of file.pipelines)
    bytes += JSON.stringify((workerPlan(d).rc.spec as { template: unknown }).template).length;
  return bytes / file.pipelines.length / 1024;
}

export async function deployedHeapRows(repoRoot: string, quick: boolean): Promise<Measurement[]> {
  const pipelines = 250;
  const runs = quick ? 1 : 3;
  const files = { ordinary: deployedPipelines(pipelines, false), large: deployedPipelines(pipelines, true) };
  const measure = async (deployments: PipelinesFile): Promise<number[]> => {
    const cluster = await startClusterProcess(repoRoot, 0, 0, 0, deployedSecrets(), deployments);
    try {
      const out: number[] = [];
      const args = [cluster.kubeconfig, String(pipelines)];
      const script = path.join(__dirname, 'deployedHeap.child.ts');
      for (let i = 0; i < runs; i++) out.push(keptHeap(repoRoot, script, args) / 1024 / pipelines);
      return out;
    } finally {
      await cluster.stop();
    }
  };
  const ordinary = await measure(files.ordinary);
  const large = await measure(files.large);
  const [small, big] = [templateKiB(files.ordinary), templateKiB(files.large)];
  const row = {
    row: 13,
    name: `heap kept per deployed pipeline, pod specs 10× larger (${pipelines} pipelines × 3 pods)`,
    unit: 'KiB',
    note:
      `pod templates of ${big.toFixed(1)} KiB against ${small.toFixed(1)} KiB (${(big / small).toFixed(1)}×), ` +
      'grown by plain env vars and annotations; the same secret uses',
  } as const;
  return [ratioRow(row, large, { name: 'same pipelines, ordinary pod specs', samples: ordinary }, 1.1)];
}
