/**
 * `pachyderm-secrets check` as users run it, the built CLI in a child process, for the CLI tests that lay out
 * files in a temporary folder and check them there.
 */
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { builtCli } from '../corpus/paths';

/** Writes `text` at `rel` under `dir`, making the folders between; returns the file's path. */
export function writeUnder(dir: string, rel: string, text: string): string {
  const p = join(dir, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, text);
  return p;
}

/**
 * Runs `check ARGS` in `dir`. The timeout only detects a hang (a run that never ends fails the test with its
 * stderr instead of stalling the suite); `options` may set a shorter one, or another user.
 */
export function runCheck(dir: string, args: string[], options: SpawnSyncOptions = {}) {
  const r = spawnSync(process.execPath, [builtCli(), 'check', ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
    ...options,
  });
  assert.equal(r.signal, null, `the CLI did not finish (killed by ${r.signal}); stderr: ${r.stderr}`);
  return { code: r.status, out: String(r.stdout), err: String(r.stderr) };
}
