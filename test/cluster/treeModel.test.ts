/** The Secrets tree's rows (vscode-free model) for every catalog state. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SecretMeta } from '../../core/src/catalog/secretMeta';
import type { CatalogSnapshot } from '../../core/src/catalog/snapshot';
import { keyRows, rootRows, type TreeViewOptions } from '../../client/src/cluster/treeModel';
import { statusText } from '../../client/src/cluster/statusModel';
import { ClusterCommands } from '../../client/src/cluster/commandIds';

const now = new Date('2026-01-10T12:00:00Z');
const view = (o: Partial<TreeViewOptions> = {}): TreeViewOptions => ({
  pachydermOnly: false,
  ignoredSettings: [],
  decorators: [],
  now,
  ...o,
});
const meta = (name: string, o: Partial<SecretMeta> = {}): SecretMeta => ({
  name,
  namespace: 'pach',
  type: 'Opaque',
  keys: [{ name: 'password', size: 7, binary: false }],
  labels: {},
  creationTimestamp: '2026-01-10T11:59:49Z',
  ...o,
});
const snap = (state: CatalogSnapshot['state'], secrets: SecretMeta[] = []): CatalogSnapshot => ({
  context: 'prod',
  namespace: 'pach',
  state,
  secrets,
});

test('the root row shows context and namespace and switches context on click', () => {
  const [target] = rootRows(snap({ kind: 'ready' }), view());
  assert.equal(target.label, 'prod');
  assert.equal(target.description, 'namespace pach');
  assert.equal(target.contextValue, 'pachyderm.target');
  assert.equal(target.command?.command, ClusterCommands.switchContext);
});

test('secret rows: name, type and age, an icon per type, a mark and contextValue for Pachyderm-managed ones', () => {
  const rows = rootRows(
    snap({ kind: 'ready' }, [
      meta('db', { labels: { suite: 'pachyderm', 'secret-source': 'pachyderm-user' } }),
      meta('regcred', { type: 'kubernetes.io/dockerconfigjson', keys: [] }),
      meta('tls', { type: 'kubernetes.io/tls' }),
    ]),
    view(),
  ).filter((r) => r.kind === 'secret');
  assert.deepEqual(
    rows.map((r) => [r.id, r.label, r.description, r.icon, r.contextValue, r.collapsible]),
    [
      ['secret/pach/db', 'db', 'Opaque · 11 seconds ago · ◆ pachyderm', 'key', 'pachyderm.secret.managed', true],
      [
        'secret/pach/regcred',
        'regcred',
        'kubernetes.io/dockerconfigjson · 11 seconds ago',
        'package',
        'pachyderm.secret.other',
        false,
      ],
      ['secret/pach/tls', 'tls', 'kubernetes.io/tls · 11 seconds ago', 'lock', 'pachyderm.secret.other', true],
    ],
  );
});

test('the Pachyderm-only filter hides other secrets and says how many', () => {
  const rows = rootRows(snap({ kind: 'ready' }, [meta('postgres')]), view({ pachydermOnly: true }));
  assert.equal(rows[0].description, 'namespace pach · Pachyderm-managed only');
  assert.equal(rows[1].label, 'No Pachyderm-managed secrets');
  assert.equal(rows[1].description, '1 other secrets hidden by the filter');
});

test('key rows show size and text/binary, never a value', () => {
  const rows = keyRows(
    meta('db', {
      keys: [
        { name: 'ca.der', size: 812, binary: true },
        { name: 'password', size: 7, binary: false },
      ],
    }),
  );
  assert.deepEqual(
    rows.map((r) => [r.id, r.label, r.description, r.contextValue]),
    [
      ['key/pach/db/ca.der', 'ca.der', '812 bytes · binary', 'pachyderm.secretKey.binary'],
      ['key/pach/db/password', 'password', '7 bytes · text', 'pachyderm.secretKey.text'],
    ],
  );
});

test('decorators from other areas add marks and tooltip lines to secret rows', () => {
  const rows = rootRows(
    snap({ kind: 'ready' }, [meta('postgres')]),
    view({
      decorators: [
        (s) =>
          s.name === 'postgres' ? { marks: ['platform'], tooltip: ['Used by the Pachyderm Helm chart'] } : undefined,
      ],
    }),
  );
  const row = rows.find((r) => r.kind === 'secret')!;
  assert.match(row.description!, /◆ platform$/);
  assert.match(row.tooltip!, /Used by the Pachyderm Helm chart/);
});

test('loading, unreachable and forbidden states show a row with the reason, and Retry for errors', () => {
  assert.equal(rootRows(snap({ kind: 'loading' }), view())[1].label, 'Loading secrets…');
  const unreachable = rootRows(
    snap({ kind: 'error', problem: 'unreachable', reason: 'Cannot reach the cluster: ECONNREFUSED' }),
    view(),
  );
  assert.deepEqual(
    unreachable.slice(1).map((r) => [r.label, r.description, r.command?.command]),
    [
      ['Cluster unreachable', 'Cannot reach the cluster: ECONNREFUSED', undefined],
      ['Retry', undefined, ClusterCommands.refresh],
    ],
  );
  const forbidden = rootRows(
    snap({
      kind: 'error',
      problem: 'forbidden',
      reason: '403 Forbidden: missing permission to "list" resource "secrets"',
    }),
    view(),
  );
  assert.equal(forbidden[1].label, 'Not allowed to read secrets (403)');
  assert.match(forbidden[1].description!, /"list".*"secrets"/);
});

test('no kubeconfig and untrusted leave the tree empty for the welcome view; ignored settings get a notice row', () => {
  assert.deepEqual(rootRows(snap({ kind: 'error', problem: 'no-kubeconfig', reason: 'none' }), view()), []);
  assert.deepEqual(rootRows(snap({ kind: 'error', problem: 'untrusted', reason: 'x' }), view()), []);
  const rows = rootRows(snap({ kind: 'ready' }, []), view({ ignoredSettings: ['pachyderm.kubeconfig'] }));
  assert.equal(rows[1].label, 'Workspace settings ignored');
  assert.match(rows[1].tooltip!, /not trusted/);
});

test('the status bar says the state, and why checks are off when the catalog is not ready', () => {
  assert.equal(statusText(snap({ kind: 'ready' }, [meta('a'), meta('b')])).text, '$(key) 2 secrets');
  const err = statusText(snap({ kind: 'error', problem: 'timeout', reason: 'The cluster did not answer' }));
  assert.equal(err.error, true);
  assert.match(err.tooltip, /The cluster did not answer[\s\S]*Checks that need the cluster are off/);
});
