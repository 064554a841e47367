import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../../core/src/analysis/analyzeDocument';
import { CatalogIndex, type CatalogSnapshot } from '../../../core/src/catalog/snapshot';
import { type TargetCatalog } from '../../../core/src/catalog/targetCatalog';
import { catalog, CLUSTER, jsonSpec, NO_CLUSTER } from './fixtures';

/** A ready target in context prod-ctx, namespace pachyderm, holding `secrets`. */
function prod(secrets: Parameters<typeof catalog>[0], label = 'prod'): TargetCatalog {
  const snapshot: CatalogSnapshot = { ...catalog(secrets).snapshot, context: 'prod-ctx', namespace: 'pachyderm' };
  return { label, catalog: new CatalogIndex(snapshot) };
}

const spec = jsonSpec({
  secrets: [
    { name: 'db-creds', envVar: 'PGPASSWORD', key: 'password' },
    { name: 'aws', mountPath: '/aws' },
  ],
  imagePullSecrets: ['regcred'],
});

function ps070(targets: TargetCatalog[], main = CLUSTER): Array<{ at: string; message: string }> {
  const { findings } = analyzeDocument({ uri: 'file:///w/p.pipeline.json', text: spec }, main, { targets });
  return findings
    .filter((f) => f.code === 'PS070')
    .map((f) => ({ at: spec.slice(f.start, f.end), message: f.message, severity: f.severity }))
    .map(({ at, message, severity }) => (assert.equal(severity, 'warning'), { at, message }));
}

test('PS070: a secret the active target has but an extra target lacks, named with the target', () => {
  const found = ps070([prod([{ name: 'db-creds', keys: ['password'] }, { name: 'regcred' }])]);
  assert.deepEqual(found, [
    { at: '"aws"', message: 'Secret `aws` does not exist in target `prod` (context prod-ctx, namespace pachyderm)' },
  ]);
});

test('PS070: a key the active target has but the extra target lacks underlines the key', () => {
  const found = ps070([prod([{ name: 'db-creds', keys: ['username'] }, { name: 'aws' }, { name: 'regcred' }])]);
  assert.deepEqual(found, [
    {
      at: '"password"',
      message:
        'Key `password` of secret `db-creds` does not exist in target `prod` (context prod-ctx, namespace pachyderm)',
    },
  ]);
});

test('PS070: silent when every target holds the references, or a target or the active catalog is not ready', () => {
  const all = prod([{ name: 'db-creds', keys: ['password', 'username'] }, { name: 'aws' }, { name: 'regcred' }]);
  assert.deepEqual(ps070([all]), []);
  const down: TargetCatalog = {
    label: 'down',
    catalog: new CatalogIndex({
      context: 'down-ctx',
      namespace: 'pachyderm',
      state: { kind: 'error', reason: 'connection refused', problem: 'unreachable' },
      secrets: [],
    }),
  };
  assert.deepEqual(ps070([down]), []);
  assert.deepEqual(ps070([prod([])], NO_CLUSTER), []);
  assert.deepEqual(ps070([]), []);
});

test('PS070: one finding per target that lacks it; a target down does not stop the others', () => {
  const down: TargetCatalog = { label: 'down', catalog: NO_CLUSTER };
  const found = ps070([down, prod([{ name: 'db-creds', keys: ['password'] }, { name: 'aws' }], 'stage')]);
  assert.deepEqual(
    found.map((f) => f.at),
    ['"regcred"'],
  );
  assert.match(found[0].message, /target `stage`/);
});

test('PS070: a reference missing from the active target is PS002, not PS070', () => {
  const text = jsonSpec({ secrets: [{ name: 'nowhere', mountPath: '/n' }] });
  const { findings } = analyzeDocument({ uri: 'file:///w/p.pipeline.json', text }, CLUSTER, { targets: [prod([])] });
  assert.deepEqual(
    findings.map((f) => f.code),
    ['PS002'],
  );
});
