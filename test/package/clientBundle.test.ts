/**
 * The extension host's bundle stays free of parsers: specs and values files are parsed by the language server,
 * which the client asks (core/src/protocol/messages.ts). Built here with the shipped options
 * (scripts/buildOptions.mjs), in memory, and read through esbuild's metafile.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

// Runs from test/package (tsx) or out/test/package (compiled).
const twoUp = path.resolve(__dirname, '..', '..');
const root = path.basename(twoUp) === 'out' ? path.dirname(twoUp) : twoUp;

/** Inputs of the minified client bundle, with the bytes each adds, and the bundle's size. */
function clientBundle(): { inputs: Record<string, number>; bytes: number } {
  // buildOptions.mjs is an ES module; a child process imports it as one whatever this test compiles to.
  const script = `
    import * as esbuild from 'esbuild';
    import { buildOptions, entries } from './scripts/buildOptions.mjs';
    const r = await esbuild.build({ ...buildOptions(true), ...entries.client, write: false, metafile: true, logLevel: 'silent' });
    const out = Object.values(r.metafile.outputs).find((o) => o.entryPoint);
    const inputs = Object.fromEntries(Object.entries(out.inputs).map(([k, v]) => [k, v.bytesInOutput]));
    process.stdout.write(JSON.stringify({ inputs, bytes: out.bytes }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { inputs: Record<string, number>; bytes: number };
}

test('the client bundle holds no YAML or JSON parser and none of the spec model: the language server parses', () => {
  const { inputs } = clientBundle();
  const parsers = Object.keys(inputs).filter((p) => /(^|\/)node_modules\/(yaml|jsonc-parser)\//.test(p) || /^core\/src\/spec\//.test(p));
  assert.deepEqual(parsers, []);
  // The check would be blind if the metafile named inputs differently: the client's own sources are there.
  assert.ok(Object.keys(inputs).includes('client/src/cluster/secretCommands.ts'), Object.keys(inputs).slice(0, 20).join('\n'));
});
