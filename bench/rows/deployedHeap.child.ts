/**
 * Syncs a `DeployedWatcher` from the kubeconfig in argv[2] (argv[3] pipelines deployed) and prints `kept N`: the
 * heap bytes a synced watcher holds once garbage is collected. Pod specs must not count, only the secret uses and
 * failures kept of them, so ten times larger pod specs should keep what ordinary ones do.
 *
 * As in catalogHeap.child.ts, a first watcher is synced and kept alive before the baseline (so the code and the
 * connection pool of a sync exist already), and V8 runs without optimising or flushing code (bench/lib/heapProbe.ts
 * passes the flags), so what lands between the two readings is the second watcher's model.
 */
import { DeployedWatcher } from '../../core/src/deployed/deployedWatcher';
import { resolveTarget } from '../../core/src/kubeconfig/clusterTarget';
import { loadClientNode } from '../../core/src/kubeconfig/clientNode';
import { runHeapChild } from '../lib/heapProbe';
import { checkComplete, readySnapshot } from './deployed';

const kubeconfig = process.argv[2];
const pipelines = Number(process.argv[3]);

runHeapChild(
  async () => {
    await loadClientNode();
    const target = await resolveTarget({ kubeconfig });
    const watcher = new DeployedWatcher({ resolve: async () => target, timeoutMs: () => 120_000 });
    const ready = readySnapshot(watcher);
    await watcher.refresh();
    checkComplete(await ready, pipelines);
    // Let the watches settle so in-flight buffers are gone before the heap is read.
    await new Promise((r) => setTimeout(r, 200));
    return watcher;
  },
  (watcher) => `${watcher.snapshot().pipelines.length} pipelines`,
);
