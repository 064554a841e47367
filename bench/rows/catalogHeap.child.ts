/**
 * Syncs a catalog from the kubeconfig in argv[2] and prints `kept N`: the heap bytes a synced catalog holds once
 * garbage is collected. Values must not count, so a catalog of 64 KiB values should keep what one of 2 KiB does.
 *
 * The catalog keeps little (a few hundred KB for 250 secrets), so what else the heap gains must stay out:
 * - a first catalog is synced and kept alive before the baseline, so the code, feedback and connection pool of a
 *   sync exist already; (disposing it instead would free it at a moment the readings cannot control: its watch's
 *   socket closes asynchronously);
 * - V8 runs with --jitless --no-lazy-feedback-allocation --no-flush-bytecode (bench/lib/heapProbe.ts), so no
 *   optimised code, feedback or flushed bytecode lands between the readings. These change how code runs, not the
 *   size of the objects the catalog keeps.
 */
import { LiveCatalog } from '../../core/src/catalog/liveCatalog';
import { resolveTarget } from '../../core/src/kubeconfig/clusterTarget';
import { loadClientNode } from '../../core/src/kubeconfig/clientNode';
import { runHeapChild } from '../lib/heapProbe';

const kubeconfig = process.argv[2];

runHeapChild(
  async () => {
    await loadClientNode();
    const target = await resolveTarget({ kubeconfig });
    const catalog = new LiveCatalog({ resolve: async () => target, timeoutMs: () => 120_000 });
    await catalog.refresh();
    if (catalog.snapshot().state.kind !== 'ready')
      throw new Error(`sync failed: ${JSON.stringify(catalog.snapshot().state)}`);
    // Let the watch settle so in-flight buffers are gone before the heap is read.
    await new Promise((r) => setTimeout(r, 200));
    return catalog;
  },
  (catalog) => `${catalog.snapshot().secrets.length} secrets`,
);
