/**
 * Run with --expose-gc: syncs a catalog from the kubeconfig in argv[2] and prints `kept N`, the heap bytes
 * still held once the sync is done and garbage is collected (client-node is loaded before the baseline, so
 * only what the catalog keeps counts).
 */
import { LiveCatalog } from '../../core/src/cluster/liveCatalog';
import { resolveTarget } from '../../core/src/cluster/clusterTarget';
import { loadClientNode } from '../../core/src/cluster/clientNode';

function settledHeap(): number {
  for (let i = 0; i < 4; i++) (globalThis as { gc?: () => void }).gc!();
  return process.memoryUsage().heapUsed;
}

async function main(): Promise<void> {
  const kubeconfig = process.argv[2];
  await loadClientNode();
  const target = await resolveTarget({ kubeconfig });
  const before = settledHeap();
  const catalog = new LiveCatalog({ resolve: async () => target, timeoutMs: () => 120_000 });
  await catalog.refresh();
  if (catalog.snapshot().state.kind !== 'ready') throw new Error(`sync failed: ${JSON.stringify(catalog.snapshot().state)}`);
  // Let the watch settle so in-flight buffers are gone, then measure with the catalog still alive.
  await new Promise((r) => setTimeout(r, 200));
  const kept = settledHeap() - before;
  console.log(`kept ${kept} (${catalog.snapshot().secrets.length} secrets)`);
  catalog.dispose();
  process.exit(0);
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
