/**
 * Row 5: the initial catalog sync of 10,000 secrets (8 keys each) from the local API server, against
 * `kubectl get secrets -o json` on the same server. Row 6: the heap the catalog keeps after a sync with values of
 * 64 KiB against the same catalog with values of 2 KiB (each measured in a fresh process with --expose-gc). Row 11:
 * the same for TLS secrets whose certificates are padded to 64 KiB against the same ones padded to 4 KiB.
 */
import * as path from 'node:path';
import { LiveCatalog } from '../../core/src/catalog/liveCatalog';
import { resolveTarget } from '../../core/src/kubeconfig/clusterTarget';
import { startClusterProcess } from '../lib/clusterProcess';
import { keptHeap } from '../lib/heapProbe';
import { inTurns, timeKubectl } from '../lib/kubectlPeer';
import { median, p99 } from '../lib/stats';
import type { GeneratedSecret } from '../lib/specs';
import { tlsSecrets } from '../lib/tlsSecrets';
import { ratioRow, type Measurement } from '../lib/types';

async function syncOnce(kubeconfig: string): Promise<number> {
  const catalog = new LiveCatalog({ resolve: () => resolveTarget({ kubeconfig }), timeoutMs: () => 60_000 });
  const t0 = process.hrtime.bigint();
  await catalog.refresh();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const snap = catalog.snapshot();
  catalog.dispose();
  if (snap.state.kind !== 'ready' || snap.secrets.length < 10_000)
    throw new Error(`catalog sync did not complete: ${JSON.stringify(snap.state)}`);
  return ms;
}

const kubectlOnce = (kubeconfig: string): Promise<number> => timeKubectl(kubeconfig, ['get', 'secrets', '-o', 'json']);

export async function catalogSyncRows(repoRoot: string, quick: boolean): Promise<Measurement[]> {
  const runs = quick ? 3 : 7;
  const cluster = await startClusterProcess(repoRoot, 10_000, 8, 64);
  try {
    const { ours, theirs } = await inTurns(
      () => syncOnce(cluster.kubeconfig),
      () => kubectlOnce(cluster.kubeconfig),
      runs,
    );
    const row = { row: 5, name: 'initial catalog sync, 10,000 secrets × 8 keys', unit: 'ms' } as const;
    return [ratioRow(row, ours, { name: 'kubectl get secrets -o json', samples: theirs }, 1)];
  } finally {
    await cluster.stop();
  }
}

export async function catalogHeapRows(repoRoot: string, quick: boolean): Promise<Measurement[]> {
  const secrets = 250;
  const runs = quick ? 1 : 3;
  const measure = async (valueBytes: number, items?: GeneratedSecret[]): Promise<number[]> => {
    const cluster = await startClusterProcess(repoRoot, secrets, 8, valueBytes, items);
    try {
      const out: number[] = [];
      const script = path.join(__dirname, 'catalogHeap.child.ts');
      for (let i = 0; i < runs; i++) out.push(keptHeap(repoRoot, script, [cluster.kubeconfig]) / 1024 / 1024);
      return out;
    } finally {
      await cluster.stop();
    }
  };
  const small = await measure(2 * 1024);
  const large = await measure(64 * 1024);
  const smallTls = await measure(4 * 1024, tlsSecrets(secrets, 4 * 1024));
  const largeTls = await measure(64 * 1024, tlsSecrets(secrets, 64 * 1024));
  return [
    heapRow(6, `heap kept by the catalog, ${secrets} secrets × 8 keys of 64 KiB`, large, small, {
      peer: 'same catalog, values of 2 KiB',
      note: `values total ${(secrets * 8 * 64) / 1024} MiB in the large case`,
    }),
    heapRow(11, `heap kept by the catalog, ${secrets} TLS secrets, certificates padded to 64 KiB`, largeTls, smallTls, {
      peer: 'same certificates padded to 4 KiB',
      note: 'the catalog keeps certificate facts (names, dates, key), so padding around the PEM blocks must not count',
    }),
  ];
}

/** A heap row: the large case against the small one, within 10 %. */
function heapRow(
  row: number,
  name: string,
  ours: number[],
  theirs: number[],
  words: { peer: string; note: string },
): Measurement {
  return {
    row,
    name,
    unit: 'MiB',
    median: median(ours),
    p99: p99(ours),
    samples: ours.length,
    peer: { name: words.peer, median: median(theirs), p99: p99(theirs) },
    target: { kind: 'ratio', max: 1.1, on: 'median' },
    note: words.note,
  };
}
