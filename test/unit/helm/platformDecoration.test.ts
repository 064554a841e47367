import { test } from 'node:test';
import assert from 'node:assert/strict';
import { secretRow } from '../../../client/src/cluster/treeModel';
import { platformDecoration } from '../../../client/src/platform/platformDecoration';
import { PLATFORM_SECRETS, SECRET_NAME_FACTS } from '../../../core/src/helm/chartFacts';
import { meta } from './helmTestCatalog';

const row = (name: string) =>
  secretRow(meta(name, ['root-token']), { decorators: [platformDecoration], now: new Date('2026-01-01T00:00:00Z') });

test('platform secrets get the platform mark and their role in the tree row', () => {
  const r = row('pachyderm-auth');
  assert.match(r.description!, /◆ platform: auth \(root token, OAuth secret, auth config\)/);
  assert.match(r.tooltip!, /Platform secret of the Pachyderm Helm chart/);
  assert.match(r.tooltip!, /reads root-token, pachd-oauth-client-secret, auth-config, cluster-role-bindings/);
  assert.match(row('postgres').description!, /◆ platform: PostgreSQL password/);
});

test('other secrets get no platform mark', () => {
  assert.ok(!row('my-root-token').description!.includes('platform'));
  assert.equal(platformDecoration({ name: 'pachyderm-authx' }), undefined);
});

test('every default secret the chart table names is a platform secret', () => {
  const platform = new Set(PLATFORM_SECRETS.map((p) => p.name));
  for (const f of SECRET_NAME_FACTS) if (f.defaultSecret) assert.ok(platform.has(f.defaultSecret), f.defaultSecret);
});
