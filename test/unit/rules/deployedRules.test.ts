/** PS060: a reference whose deployed pipeline fails because of its secret (and key). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../../core/src/analysis/analyzeDocument';
import { DeployedIndex } from '../../../core/src/deployed/deployedSummary';
import { CLUSTER } from './fixtures';
import { deployed, envUse, missingKey, readyDeployed } from '../deployed/summaries';

const yaml = (project = '') =>
  [
    `pipeline: {name: edges${project ? `, project: {name: ${project}}` : ''}}`,
    'transform:',
    '  image: i:1',
    '  secrets:',
    '  - {name: db-creds, key: password, env_var: DB_PASS}',
    '  - {name: db-creds, key: username, env_var: DB_USER}',
    '  - {name: db-creds, mount_path: /db}',
    '  - {name: aws, key: AWS_ACCESS_KEY_ID, env_var: AWS}',
    '',
  ].join('\n');

function ps060(text: string, index: DeployedIndex | undefined) {
  const { findings } = analyzeDocument({ uri: 'file:///w/edges.pipeline.yaml', text }, CLUSTER, { deployed: index });
  return findings.filter((f) => f.code === 'PS060').map((f) => ({ at: text.slice(f.start, f.end), ...f }));
}

const uses = [envUse('db-creds', 'password', 'DB_PASS'), envUse('aws', 'AWS_ACCESS_KEY_ID', 'AWS')];

test('PS060 underlines the reference to the secret and key the deployed pipeline fails on', () => {
  const found = ps060(yaml(), readyDeployed(deployed('edges', 3, uses, [missingKey('db-creds', 'password')])));
  assert.deepEqual(
    found.map((f) => [f.at, f.severity, f.message]),
    [
      [
        'db-creds',
        'error',
        'Deployed pipeline default/edges v3 fails: CreateContainerConfigError, ' +
          'key "password" not found in secret "db-creds"',
      ],
    ],
  );
  assert.equal(found[0].start, yaml().indexOf('db-creds'));
  assert.deepEqual(found[0].data, { secret: 'db-creds', reason: 'CreateContainerConfigError', key: 'password' });
});

test('a missing secret is every reference to it; the spec project matches the deployed one', () => {
  const failure = { reason: 'CreateContainerConfigError', secret: 'db-creds', cause: 'missing-secret' as const };
  const index = readyDeployed(deployed('edges', 5, uses, [failure], 'vision'));
  assert.equal(ps060(yaml('vision'), index).length, 3);
  assert.deepEqual(ps060(yaml(), index), [], 'the default project has no deployed edges');
  assert.deepEqual(ps060(yaml('other'), index), []);
});

test('PS060 stays silent for a running pipeline, a failure about another secret, and no deployed pipelines', () => {
  assert.deepEqual(ps060(yaml(), readyDeployed(deployed('edges', 3, uses))), []);
  assert.deepEqual(ps060(yaml(), readyDeployed(deployed('edges', 3, uses, [missingKey('other', 'password')]))), []);
  assert.deepEqual(ps060(yaml(), readyDeployed(deployed('edges', 3, uses, [{ reason: 'ErrImagePull' }]))), []);
  const failing = deployed('edges', 3, uses, [missingKey('db-creds', 'password')]);
  assert.deepEqual(ps060(yaml(), readyDeployed(deployed('crop', 1, uses, failing.failures))), [], 'another pipeline');
  assert.deepEqual(ps060(yaml(), undefined), []);
  const loading = new DeployedIndex({ context: 'c', namespace: 'n', state: 'loading', pipelines: [failing] });
  assert.deepEqual(ps060(yaml(), loading), []);
});

test('PS060 fires in JSON and on the egress secret', () => {
  const text = JSON.stringify({
    pipeline: { name: 'out' },
    transform: { image: 'i:1' },
    egress: {
      sqlDatabase: { url: 'snowflake://x', fileFormat: { type: 'CSV' }, secret: { name: 'db-creds', key: 'password' } },
    },
  });
  const index = readyDeployed(deployed('out', 1, [], [missingKey('db-creds', 'password')]));
  assert.deepEqual(
    ps060(text, index).map((f) => f.at),
    ['"db-creds"'],
  );
});
