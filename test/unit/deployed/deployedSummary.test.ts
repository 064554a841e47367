/** The deployed pipelines' summary the server gets: what it keeps and drops, and how a spec finds its pipeline. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DeployedPipeline } from '../../../core/src/deployed/deployedModel';
import {
  DeployedIndex,
  failureText,
  failuresBlaming,
  failuresOfReference,
  summarizeDeployed,
  type DeployedSummary,
} from '../../../core/src/deployed/deployedSummary';
import type { DeployedSnapshot } from '../../../core/src/deployed/deployedWatcher';

const CANARY = 'CANARY-summary-5e2a';
const envUse = { how: 'env' as const, secret: 'db', key: 'password', envVar: 'DB_PASS', container: 'user' };

function pipeline(name: string, version: number, project = 'default', failing = false): DeployedPipeline {
  const message = `couldn't find key password in Secret default/db ${CANARY}`;
  return {
    project,
    name,
    version,
    rc: `${project}-${name}-v${version}`,
    uses: [envUse],
    pods: 2,
    health: failing
      ? {
          kind: 'failing',
          failures: ['pod-a', 'pod-b'].map((pod) => ({
            pod,
            reason: 'CreateContainerConfigError',
            message,
            blame: [{ secret: 'db', key: 'password', cause: 'missing-key' as const, via: ['env' as const] }],
          })),
        }
      : { kind: 'running' },
  };
}

const snapshot = (pipelines: DeployedPipeline[], kind: 'ready' | 'loading' = 'ready'): DeployedSnapshot => ({
  context: 'ctx',
  namespace: 'pachyderm',
  state: kind === 'ready' ? { kind } : { kind },
  pipelines,
});

test('the summary keeps names, versions, uses and attributed failures once each, never a message or pod', () => {
  const summary = summarizeDeployed(snapshot([pipeline('edges', 3, 'default', true), pipeline('crop', 1)]));
  assert.deepEqual(summary.pipelines[0], {
    project: 'default',
    name: 'edges',
    version: 3,
    uses: [envUse],
    failures: [{ reason: 'CreateContainerConfigError', secret: 'db', key: 'password', cause: 'missing-key' }],
  });
  assert.deepEqual(summary.pipelines[1].failures, []);
  const text = JSON.stringify(summary);
  for (const dropped of [CANARY, 'pod-a', "couldn't find", 'default-edges-v3']) assert.ok(!text.includes(dropped));
});

test('a failure no secret is blamed for keeps its reason alone', () => {
  const p = pipeline('edges', 1);
  p.health = { kind: 'failing', failures: [{ pod: 'x', reason: 'ErrImagePull', message: CANARY, blame: [] }] };
  assert.deepEqual(summarizeDeployed(snapshot([p])).pipelines[0].failures, [{ reason: 'ErrImagePull' }]);
});

test('a spec finds its pipeline by project and name, the newest version, the default project when it names none', () => {
  const index = new DeployedIndex(
    summarizeDeployed(
      snapshot([pipeline('edges', 2), pipeline('edges', 3), pipeline('edges', 7, 'vision'), pipeline('old', 4, '')]),
    ),
  );
  assert.equal(index.pipeline(undefined, 'edges')?.version, 3);
  assert.equal(index.pipeline('default', 'edges')?.version, 3);
  assert.equal(index.pipeline('vision', 'edges')?.version, 7);
  assert.equal(index.pipeline('other', 'edges'), undefined);
  assert.equal(index.pipeline(undefined, 'missing'), undefined);
  // A pachd before projects has none: its pipelines are what a spec without a project deploys as.
  assert.equal(index.pipeline(undefined, 'old')?.version, 4);
});

test('nothing matches until the deployed pipelines are ready', () => {
  const summary: DeployedSummary = { ...summarizeDeployed(snapshot([pipeline('edges', 1)])), state: 'loading' };
  assert.equal(new DeployedIndex(summary).pipeline(undefined, 'edges'), undefined);
});

test('a reference is blamed for a failure about its secret, and its key when the failure names one', () => {
  const [p] = summarizeDeployed(snapshot([pipeline('edges', 3, 'default', true)])).pipelines;
  assert.equal(failuresOfReference(p, 'db', 'password').length, 1);
  assert.equal(failuresOfReference(p, 'db', 'user').length, 0);
  assert.equal(failuresOfReference(p, 'db', undefined).length, 0);
  assert.equal(failuresOfReference(p, 'other', 'password').length, 0);
  assert.equal(failuresBlaming(p, 'db').length, 1);
  const missing = { reason: 'CreateContainerConfigError', secret: 'db', cause: 'missing-secret' as const };
  assert.equal(failuresOfReference({ ...p, failures: [missing] }, 'db', undefined).length, 1);
  assert.deepEqual(
    new DeployedIndex(summarizeDeployed(snapshot([pipeline('e', 1, 'p', true)]))).blamedSecrets(),
    new Set(['db']),
  );
});

test('a failure in words names the reason, the secret and the key, and nothing else', () => {
  const reason = 'CreateContainerConfigError';
  assert.equal(
    failureText({ reason, secret: 'db', key: 'password', cause: 'missing-key' }),
    'CreateContainerConfigError, key "password" not found in secret "db"',
  );
  assert.equal(failureText({ reason, secret: 'db', cause: 'missing-secret' }), `${reason}, secret "db" not found`);
  assert.equal(
    failureText({ reason: 'ImagePullBackOff', secret: 'reg', cause: 'not-registry-credential' }, (s) => `\`${s}\``),
    'ImagePullBackOff, secret `reg` is not a registry credential',
  );
  assert.equal(failureText({ reason: 'ErrImagePull' }), 'ErrImagePull');
});
