/**
 * Heap kept by something synced from a cluster, read in a fresh process: the parent runs a child script
 * (`*Heap.child.ts`) that prints `kept N`, the heap bytes its object holds once garbage is collected.
 *
 * V8 runs the child with --jitless --no-lazy-feedback-allocation --no-flush-bytecode, so no optimised code,
 * feedback or flushed bytecode lands between its two readings. These change how code runs, not the size of the
 * objects kept.
 */
import { spawnSync } from 'node:child_process';

/** Runs `script` with `args` in a child with --expose-gc and returns the bytes it printed as `kept N`. */
export function keptHeap(repoRoot: string, script: string, args: string[]): number {
  const r = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--jitless',
      '--no-lazy-feedback-allocation',
      '--no-flush-bytecode',
      '--import',
      'tsx',
      script,
      ...args,
    ],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  const m = /kept (-?\d+)/.exec(r.stdout);
  if (r.status !== 0 || !m) throw new Error(`heap probe failed: ${r.stderr || r.stdout}`);
  return Number(m[1]);
}

/** In the child: the heap in use after a few full collections. */
export function settledHeap(): number {
  for (let i = 0; i < 4; i++) (globalThis as { gc?: () => void }).gc!();
  return process.memoryUsage().heapUsed;
}

/**
 * The body every heap child shares: syncs one object and keeps it alive (so the code, feedback and connection
 * pool of a sync exist before the baseline), reads the heap, syncs a second one and prints `kept N (what)`.
 * The line is written before the process exits: `process.exit` right after `console.log` can cut a piped
 * stdout short, and the parent would then find no `kept` line at all.
 */
export function runHeapChild<T extends { dispose(): void }>(
  sync: () => Promise<T>,
  describe: (synced: T) => string,
): void {
  const main = async (): Promise<void> => {
    const warm = await sync();
    const before = settledHeap();
    const synced = await sync();
    const kept = settledHeap() - before;
    await new Promise<void>((resolve) => process.stdout.write(`kept ${kept} (${describe(synced)})\n`, () => resolve()));
    synced.dispose();
    warm.dispose();
    process.exit(0);
  };
  void main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
