/** `pachyderm-secrets check` on Helm values files: the built CLI, headless, same findings and JSON as for specs. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { checkHelmValues } from '../../../core/src/helm/helmRules';
import { LineIndex } from '../../../core/src/pipelineSpec/lineIndex';
import { builtCli, repoRoot } from '../../corpus/paths';
import { fixtureText, HELM_SECRETS, readyCatalog } from './helmTestCatalog';

const cli = builtCli();
let dir: string;

before(() => {
  if (!existsSync(cli))
    spawnSync(process.execPath, [join(repoRoot(), 'scripts', 'build.mjs')], { cwd: repoRoot(), stdio: 'inherit' });
  dir = mkdtempSync(join(tmpdir(), 'helm-check-'));
  const items = HELM_SECRETS.map((m) => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: m.name, namespace: 'pachyderm' },
    type: m.type,
    data: Object.fromEntries(m.keys.map((k) => [k.name, Buffer.from('dummy-value').toString('base64')])),
  }));
  writeFileSync(join(dir, 'secrets.json'), JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
  for (const name of ['values-2.11-enterprise.yaml', 'values-2.12.yaml', 'values-docs-table.yaml'])
    writeFileSync(join(dir, name), fixtureText(name));
  writeFileSync(
    join(dir, 'spec.pipeline.yaml'),
    'pipeline: {name: p}\ntransform:\n  image: i\n  secrets:\n  - name: nope\n    mountPath: /s\n',
  );
});
after(() => rmSync(dir, { recursive: true, force: true }));

function check(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, 'check', ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('check --format json reports the PH findings of values files exactly as the editor computes them', () => {
  const r = check(
    '--secrets',
    'secrets.json',
    '--format',
    'json',
    'values-2.11-enterprise.yaml',
    'values-2.12.yaml',
    'values-docs-table.yaml',
  );
  assert.equal(r.err, '');
  assert.equal(r.code, 1);
  const expected = ['values-2.11-enterprise.yaml', 'values-2.12.yaml', 'values-docs-table.yaml'].flatMap((file) => {
    const text = fixtureText(file);
    const lines = new LineIndex(text);
    return checkHelmValues(parseDocument(text), readyCatalog()).map((f) => {
      const s = lines.positionAt(f.start);
      const e = lines.positionAt(f.end);
      return {
        file,
        line: s.line + 1,
        column: s.character + 1,
        endLine: e.line + 1,
        endColumn: e.character + 1,
        severity: f.severity,
        code: f.code,
        message: f.message,
      };
    });
  });
  assert.deepEqual(JSON.parse(r.out), expected);
  const docs = JSON.parse(r.out).filter((x: { file: string }) => x.file === 'values-docs-table.yaml');
  assert.deepEqual(
    docs.map((x: { code: string; line: number }) => `${x.code}@${x.line}`),
    ['PH002@3', 'PH002@4', 'PH005@7'],
  );
  for (const plain of ['plain-root-value', 'plain-pg-value', 'plain-oauth-value', 'dummy-value'])
    assert.ok(!r.out.includes(plain));
});

test('check finds values files and pipeline specs in one directory run, in one JSON array', () => {
  const r = check('--secrets', 'secrets.json', '--format', 'json', '.');
  const codes = new Set(
    JSON.parse(r.out).map((x: { file: string; code: string }) => `${x.file.replace(/^\.\//, '')}:${x.code}`),
  );
  assert.ok(codes.has('values-docs-table.yaml:PH002'));
  assert.ok(codes.has('spec.pipeline.yaml:PS002'));
  // The secrets file is a v1 List of Secrets: manifest checks (PM) may speak of it, spec or values rules never.
  assert.ok(![...codes].some((c) => /^secrets\.json:P[SH]/.test(c as string)));
});

test('without a catalog, check still reports the plain-text credentials and nothing cluster-dependent', () => {
  const r = check('--format', 'json', 'values-2.12.yaml');
  assert.deepEqual(
    JSON.parse(r.out).map((x: { code: string }) => x.code),
    ['PH003', 'PH003', 'PH005'],
  );
  assert.equal(r.code, 0);
});
