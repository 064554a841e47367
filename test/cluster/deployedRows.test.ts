/** The Secrets tree's deployed-pipeline notes, rows and notice, and the words confirmations add (vscode-free). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SecretMeta } from '../../core/src/catalog/secretMeta';
import type { CatalogSnapshot } from '../../core/src/catalog/snapshot';
import type { DeployedPipeline } from '../../core/src/deployed/deployedModel';
import {
  deployedBreakDetail,
  deployedDecoration,
  deployedNotice,
  deployedRows,
  deployedUsers,
  usersBySecret,
} from '../../client/src/cluster/deployedRows';
import { deployedStateRow } from '../../client/src/cluster/noticeRows';
import { rootRows, type TreeViewOptions } from '../../client/src/cluster/treeModel';

const CANARY = 'CANARY-deployed-rows-9d1e';
const meta = (name: string, keys = ['password', 'user']): SecretMeta => ({
  name,
  namespace: 'pach',
  type: 'Opaque',
  keys: keys.map((k) => ({ name: k, size: CANARY.length, binary: false })),
  labels: {},
  creationTimestamp: '2026-01-10T11:59:49Z',
});
const missingKey = `couldn't find key password in Secret pach/db`;
const pipelines: DeployedPipeline[] = [
  {
    project: 'images',
    name: 'edges',
    version: 3,
    rc: 'images-edges-v3',
    pods: 1,
    uses: [
      { how: 'env', secret: 'db', key: 'password', envVar: 'DB_PASS', container: 'user' },
      { how: 'imagePull', secret: 'regcred' },
    ],
    health: {
      kind: 'failing',
      failures: [
        {
          pod: 'images-edges-v3-abcde',
          reason: 'CreateContainerConfigError',
          message: missingKey,
          blame: [{ secret: 'db', key: 'password', cause: 'missing-key', via: ['env'] }],
        },
      ],
    },
  },
  {
    project: '',
    name: 'montage',
    version: 1,
    rc: 'pipeline-montage-v1',
    pods: 2,
    uses: [{ how: 'volume', secret: 'db', volume: 'db', mountPaths: ['/pachyderm-secrets/db'] }],
    health: { kind: 'running' },
  },
];

test('a secret row counts the deployed pipelines using it and those failing because of it', () => {
  const users = usersBySecret(pipelines);
  assert.deepEqual(deployedDecoration(users.get('db') ?? [])?.notes, ['2 deployed', '1 failing']);
  assert.deepEqual(deployedDecoration(users.get('regcred') ?? [])?.notes, ['1 deployed']);
  assert.equal(deployedDecoration(users.get('other') ?? []), undefined);
  const view: TreeViewOptions = {
    pachydermOnly: false,
    ignoredSettings: [],
    now: new Date('2026-01-10T12:00:00Z'),
    decorators: [(s) => deployedDecoration(users.get(s.name) ?? [])],
  };
  const snap: CatalogSnapshot = {
    context: 'prod',
    namespace: 'pach',
    state: { kind: 'ready' },
    secrets: [meta('db'), meta('regcred', []), meta('unused')],
  };
  const rows = rootRows(snap, view).filter((r) => r.kind === 'secret');
  assert.deepEqual(
    rows.map((r) => [r.label, r.description, r.collapsible]),
    [
      ['db', 'Opaque · 11 seconds ago · 2 deployed · 1 failing', true],
      ['regcred', 'Opaque · 11 seconds ago · 1 deployed', true],
      ['unused', 'Opaque · 11 seconds ago', true],
    ],
  );
  assert.match(rows[0].tooltip ?? '', /images\/edges v3 fails because of it: CreateContainerConfigError/);
  // The failing-only filter keeps only secrets a deployed pipeline fails on, and says so when none is left.
  const failingOnly = (s: SecretMeta) => (users.get(s.name) ?? []).some((u) => u.failure);
  const filtered = rootRows(snap, { ...view, failingOnly }).filter((r) => r.kind !== 'target');
  assert.deepEqual(
    filtered.map((r) => r.label),
    ['db'],
  );
  const none = rootRows({ ...snap, secrets: [meta('unused')] }, { ...view, failingOnly });
  assert.equal(none[1].label, 'No secret has failing deployed pipelines');
});

test('rows under a secret name each deployed pipeline, how it uses the secret, and why it fails', () => {
  const rows = deployedRows(meta('db'), deployedUsers(pipelines, 'db'));
  assert.deepEqual(
    rows.map((r) => [r.id, r.label, r.description, r.icon, r.contextValue]),
    [
      [
        'deployed/pach/db/images/edges v3',
        'images/edges v3',
        'env DB_PASS from password · failing: CreateContainerConfigError',
        'error',
        'pachyderm.deployed.failing',
      ],
      [
        'deployed/pach/db/montage v1',
        'montage v1',
        'mounted at /pachyderm-secrets/db · running',
        'vm-running',
        'pachyderm.deployed.running',
      ],
    ],
  );
  assert.match(rows[0].tooltip ?? '', new RegExp(`Failing because of "db" → password: ${missingKey}`));
  assert.equal(
    deployedRows(meta('regcred'), deployedUsers(pipelines, 'regcred'))[0].description,
    'image pull · running',
  );
  for (const r of rows) assert.ok(!JSON.stringify(r).includes(CANARY));
});

test('users of one key: an env var reads its key, a whole-secret mount every key', () => {
  assert.deepEqual(
    deployedUsers(pipelines, 'db', 'password').map((u) => [u.label, u.failure?.key]),
    [
      ['images/edges v3', 'password'],
      ['montage v1', undefined],
    ],
  );
  assert.deepEqual(
    deployedUsers(pipelines, 'db', 'user').map((u) => [u.label, u.failure]),
    [['montage v1', undefined]],
  );
});

test('confirmations and notices name the deployed pipelines that break and how they use the secret', () => {
  const users = deployedUsers(pipelines, 'db', 'password');
  assert.equal(
    deployedBreakDetail(users, 'key "password"', 'password'),
    '\n\n1 deployed pipeline(s) use key "password" and will fail to start new workers: ' +
      'images/edges v3 (env DB_PASS from password).\n' +
      '1 deployed pipeline(s) use key "password" but start without it: montage v1 (mounted at /pachyderm-secrets/db).',
  );
  // Without the whole secret, the mount cannot be set up (FailedMount): both fail.
  assert.match(
    deployedBreakDetail(deployedUsers(pipelines, 'db'), 'it'),
    /^\n\n2 deployed pipeline\(s\) use it and will fail/,
  );
  const optional: DeployedPipeline = {
    ...pipelines[1],
    uses: [{ how: 'volume', secret: 'db', volume: 'db', mountPaths: ['/db'], optional: true }],
  };
  assert.match(
    deployedBreakDetail(deployedUsers([optional], 'db'), 'it'),
    /^\n\n1 deployed pipeline\(s\) use it but start/,
  );
  assert.equal(deployedBreakDetail([], 'it'), '');
  assert.equal(
    deployedNotice(users, 'password'),
    ' Deployed pipelines using password: images/edges v3, montage v1 ' +
      '(those reading it as an environment variable see it when their workers restart).',
  );
  assert.equal(deployedNotice([], 'password'), '');
});

test('a forbidden or failing deployed watch is one notice row; ready or loading shows none', () => {
  const at = { context: 'prod', namespace: 'pach', pipelines: [] };
  const forbidden = deployedStateRow({ ...at, state: { kind: 'forbidden', reason: 'pods is forbidden.' } });
  assert.deepEqual(
    [forbidden?.id, forbidden?.label, forbidden?.description, forbidden?.contextValue],
    ['notice/deployed', 'Deployed pipelines not shown', 'pods is forbidden.', 'pachyderm.deployed.forbidden'],
  );
  const error = deployedStateRow({ ...at, state: { kind: 'error', reason: 'down', problem: 'unreachable' } });
  assert.equal(error?.label, 'Cannot read deployed pipelines');
  assert.equal(deployedStateRow({ ...at, state: { kind: 'ready' } }), undefined);
  assert.equal(deployedStateRow({ ...at, state: { kind: 'loading' } }), undefined);
  assert.equal(deployedStateRow(undefined), undefined);
});
