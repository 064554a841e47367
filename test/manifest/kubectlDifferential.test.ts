/**
 * `pachyderm-secrets create secret` against the real `kubectl create secret … --dry-run=client` on the same
 * inputs: stdout byte for byte, the exit code, and stderr's message lines.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { makeFixtures } from './fixtures';
import { OUTPUT_CASES, RAW_CASES, YAML_CASES } from './differentialCases';
import { kubectlAvailable, mapLimit, messageLines, runKubectl, runOurs, type RunResult } from './kubectlOracle';

const hasKubectl = kubectlAvailable();
const cases: string[][] = [
  ...OUTPUT_CASES.flatMap((c) => ['json', 'yaml', 'name'].map((o) => [...c, '--dry-run=client', '-o', o])),
  ...YAML_CASES.map((c) => [...c, '--dry-run=client', '-o', 'yaml']),
  ...RAW_CASES,
];

let dir = '';
let oracle: RunResult[] = [];
const originalCwd = process.cwd();

before(async () => {
  if (!hasKubectl) return;
  dir = makeFixtures();
  process.env.PS_DIFF_FROM_ENV = 'value from the environment';
  delete process.env.PS_DIFF_UNSET_VAR;
  oracle = await mapLimit(cases, 3, (args) => runKubectl(args, dir, process.env));
  process.chdir(dir);
});

after(() => {
  process.chdir(originalCwd);
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('kubectl is installed, so the differential cases can run', () => {
  assert.ok(hasKubectl, 'kubectl not found on PATH: the differential tests need it as the oracle');
});

cases.forEach((args, i) => {
  const label = JSON.stringify(args).slice(0, 160);
  test(`matches kubectl: create secret ${label}`, { skip: !hasKubectl && 'kubectl missing' }, async () => {
    const want = oracle[i];
    const got = await runOurs(args);
    assert.equal(got.stdout, want.stdout, 'stdout');
    assert.equal(got.code, want.code, `exit code (kubectl stderr: ${want.stderr})`);
    assert.deepEqual(messageLines(got.stderr), messageLines(want.stderr), 'stderr message lines');
  });
});

test('the cases cover success and failure for all three secret types', () => {
  const kinds = new Set(cases.map((c) => c[0]));
  assert.deepEqual([...kinds].sort(), ['docker-registry', 'generic', 'tls']);
  if (hasKubectl) {
    assert.ok(oracle.filter((r) => r.code === 0).length > 100);
    assert.ok(oracle.filter((r) => r.code === 1).length > 60);
  }
});
