import { test } from 'node:test';
import assert from 'node:assert/strict';
import { effectiveExtraTargets, extraTargetSettings } from '../../../core/src/kubeconfig/extraTargets';

const prod = { context: 'prod-ctx', namespace: 'pachyderm', label: 'prod' };

test("pachyderm.extraTargets: the workspace's entries when trusted, the user's when not, and it says so", () => {
  const levels = { globalValue: [{ context: 'user-ctx' }], workspaceValue: [prod] };
  assert.deepEqual(effectiveExtraTargets(levels, true), { targets: [prod], problems: [], ignored: false });
  assert.deepEqual(effectiveExtraTargets(levels, false), {
    targets: [{ context: 'user-ctx', label: 'user-ctx' }],
    problems: [],
    ignored: true,
  });
  assert.deepEqual(effectiveExtraTargets({ workspaceValue: [prod] }, false).targets, []);
});

test('pachyderm.extraTargets: malformed entries are skipped with a reason, the rest kept', () => {
  const read = effectiveExtraTargets(
    { globalValue: [prod, { label: 'no-context' }, { context: 'other', label: 'prod' }, 'text', { context: 'x' }] },
    true,
  );
  assert.deepEqual(read.targets, [prod, { context: 'x', label: 'x' }]);
  assert.deepEqual(read.problems, [
    'pachyderm.extraTargets[1] has no context: skipped',
    'pachyderm.extraTargets[2]: the label "prod" is used twice: skipped',
    'pachyderm.extraTargets[3] is not an object { context, namespace?, label }: skipped',
  ]);
  assert.deepEqual(effectiveExtraTargets({ globalValue: 'prod' }, true).problems, [
    'pachyderm.extraTargets must be an array of { context, namespace?, label }',
  ]);
});

test('pachyderm.extraTargets: the same context and namespace again is skipped, whatever its label', () => {
  const read = effectiveExtraTargets(
    {
      globalValue: [
        prod,
        { context: 'prod-ctx', namespace: ' pachyderm ', label: 'prod-again' },
        { context: 'prod-ctx', label: 'own-namespace' },
        { context: 'prod-ctx', namespace: '', label: 'own-namespace-again' },
      ],
    },
    true,
  );
  assert.deepEqual(read.targets, [prod, { context: 'prod-ctx', label: 'own-namespace' }]);
  assert.deepEqual(read.problems, [
    'pachyderm.extraTargets[1]: context "prod-ctx", namespace "pachyderm", is already the target "prod": skipped',
    'pachyderm.extraTargets[3]: context "prod-ctx" is already the target "own-namespace": skipped',
  ]);
});

test("an extra target keeps the main target's kubeconfig and takes its own context and namespace", () => {
  const main = { kubeconfig: '/k', context: 'dev', namespace: 'dev-ns', ignoredSettings: [] };
  assert.deepEqual(extraTargetSettings(main, prod), { kubeconfig: '/k', context: 'prod-ctx', namespace: 'pachyderm' });
  assert.deepEqual(extraTargetSettings(main, { context: 'c', label: 'c' }), {
    kubeconfig: '/k',
    context: 'c',
    namespace: undefined,
  });
});
