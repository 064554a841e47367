/**
 * Rows 9 and 10: building the manifest of a Secret from a 50 MB file (`create secret generic --from-file -o
 * json`), time and peak resident memory, against the floor for the same output in JavaScript: Buffer's base64
 * and JSON.stringify (bench/rows/manifestBuild.child.ts). Each sample runs in a fresh process, ours and the
 * floor alternating, so both see the same machine.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { median, p99 } from '../lib/stats';
import type { Measurement } from '../lib/types';

const FILE_BYTES = 50 * 1000 * 1000;

function sample(repoRoot: string, how: 'ours' | 'floor', file: string): { ms: number; rss: number } {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'manifestBuild.child.ts'), how, file],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  const m = /ms ([\d.]+) rss (\d+)/.exec(r.stdout);
  if (r.status !== 0 || !m) throw new Error(`manifest build (${how}) failed: ${r.stderr || r.stdout}`);
  return { ms: Number(m[1]), rss: Number(m[2]) };
}

export async function manifestRows(repoRoot: string, quick: boolean): Promise<Measurement[]> {
  const runs = quick ? 2 : 5;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-bench-manifest-'));
  try {
    const file = path.join(dir, 'big.bin');
    fs.writeFileSync(file, randomBytes(FILE_BYTES));
    const ours: { ms: number; rss: number }[] = [];
    const floor: { ms: number; rss: number }[] = [];
    for (let i = 0; i < runs; i++) {
      ours.push(sample(repoRoot, 'ours', file));
      floor.push(sample(repoRoot, 'floor', file));
    }
    const stat = (xs: number[]) => ({ median: median(xs), p99: p99(xs) });
    const ms = (xs: { ms: number }[]) => xs.map((x) => x.ms);
    const mib = (xs: { rss: number }[]) => xs.map((x) => x.rss / 2 ** 20);
    const peer = 'Buffer base64 + JSON.stringify';
    return [
      {
        row: 9,
        name: 'manifest of a 50 MB --from-file, -o json: time',
        unit: 'ms',
        ...stat(ms(ours)),
        samples: runs,
        peer: { name: peer, ...stat(ms(floor)) },
        target: { kind: 'ratio', max: 2, on: 'median' },
      },
      {
        row: 10,
        name: 'manifest of a 50 MB --from-file, -o json: peak resident memory',
        unit: 'MiB',
        ...stat(mib(ours)),
        samples: runs,
        peer: { name: peer, ...stat(mib(floor)) },
        target: { kind: 'ratio', max: 1, on: 'median' },
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
