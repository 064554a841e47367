/** Hover's deployed part: what the spec's deployed pipeline does with the secret, and whether it fails by it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DeployedIndex } from '../../../core/src/deployed/deployedSummary';
import { hoverSpec } from '../../../core/src/language/hover';
import { buildSpecModel } from '../../../core/src/pipelineSpec';
import { deployed, envUse, missingKey, readyDeployed } from '../deployed/summaries';
import { readyCatalog, withCaret } from './fixtures';

const SPEC = [
  'pipeline: {name: edges, project: {name: vision}}',
  'transform:',
  '  secrets:',
  '  - {name: db-cre|dentials, key: password, env_var: DB_PASS}',
  '',
].join('\n');

function hover(index: DeployedIndex | undefined, fixture = SPEC): string {
  const { file, offset } = withCaret(fixture, 'a.pipeline.yaml');
  const h = hoverSpec({
    file,
    model: buildSpecModel(file),
    offset,
    catalog: readyCatalog(),
    now: new Date('2026-11-28T12:00:00Z'),
    otherUsers: () => [],
    deployed: index,
  });
  return h!.markdown;
}

const uses = [envUse('db-credentials', 'password', 'DB_PASS'), { how: 'imagePull' as const, secret: 'regcred' }];

test('hover says how the deployed pipeline uses the secret, and that its workers fail because of it', () => {
  const index = readyDeployed(deployed('edges', 4, uses, [missingKey('db-credentials', 'password')], 'vision'));
  const markdown = hover(index);
  assert.match(markdown, /Deployed pipeline `vision\/edges v4` uses it: env DB_PASS from password\./);
  assert.match(
    markdown,
    /⚠ Its workers fail because of it: CreateContainerConfigError, key `password` not found in secret `db-credentials`\./,
  );
});

test('a running deployed pipeline is named without a failure; a failure about another secret is not shown', () => {
  const running = hover(readyDeployed(deployed('edges', 4, uses, [], 'vision')));
  assert.match(running, /Deployed pipeline `vision\/edges v4` uses it/);
  assert.doesNotMatch(running, /fail/);
  const other = hover(readyDeployed(deployed('edges', 4, uses, [missingKey('regcred', 'x')], 'vision')));
  assert.doesNotMatch(other, /fail/);
});

test('nothing deployed is said when no pipeline matches or the deployed pipelines are not ready', () => {
  for (const index of [
    undefined,
    readyDeployed(deployed('edges', 4, uses, [missingKey('db-credentials', 'password')])),
    readyDeployed(deployed('crop', 4, uses, [], 'vision')),
  ]) {
    assert.doesNotMatch(hover(index), /Deployed/);
  }
});
