/** The kubectl peer of the sync rows: one `kubectl` run against a kubeconfig, timed from spawn to exit. */
import { spawn } from 'node:child_process';

/** Runs `kubectl --kubeconfig FILE ARGS…` with its output dropped; resolves with its time in ms. */
export function timeKubectl(kubeconfig: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn('kubectl', ['--kubeconfig', kubeconfig, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) =>
      code === 0 ? resolve(Number(process.hrtime.bigint() - t0) / 1e6) : reject(new Error(`kubectl failed: ${err}`)),
    );
  });
}

/**
 * One untimed run of each (the first loads code, as the first sync after activation does), then `runs` samples of
 * ours and the peer's in turns, so both meet the same moments of a shared machine.
 */
export async function inTurns(
  ours: () => Promise<number>,
  theirs: () => Promise<number>,
  runs: number,
): Promise<{ ours: number[]; theirs: number[] }> {
  await ours();
  await theirs();
  const out = { ours: [] as number[], theirs: [] as number[] };
  for (let i = 0; i < runs; i++) {
    out.ours.push(await ours());
    out.theirs.push(await theirs());
  }
  return out;
}
