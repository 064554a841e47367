/**
 * A bundle as it ships: built in memory with scripts/buildOptions.mjs in production mode, read through esbuild's
 * metafile. buildOptions.mjs is an ES module, so a child process imports it as one whatever this test compiles to.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { repoRoot } from '../corpus/paths';

export interface ShippedBundle {
  /** Input path (relative to the repository) → bytes it adds to the output. */
  inputs: Record<string, number>;
  /** Modules left outside the bundle and loaded at run time (node's own, such as `https`). */
  externals: string[];
  bytes: number;
}

export function shippedBundle(entry: 'client' | 'server' | 'cli'): ShippedBundle {
  const script = `
    import * as esbuild from 'esbuild';
    import { buildOptions, entries } from './scripts/buildOptions.mjs';
    const r = await esbuild.build({
      ...buildOptions(true), ...entries[${JSON.stringify(entry)}], write: false, metafile: true, logLevel: 'silent',
    });
    const out = Object.values(r.metafile.outputs).find((o) => o.entryPoint);
    const inputs = Object.fromEntries(Object.entries(out.inputs).map(([k, v]) => [k, v.bytesInOutput]));
    const externals = [...new Set(out.imports.filter((i) => i.external).map((i) => i.path))];
    process.stdout.write(JSON.stringify({ inputs, externals, bytes: out.bytes }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: repoRoot(),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as ShippedBundle;
}
