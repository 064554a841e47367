/**
 * The names Switch Namespace accepts when it has to ask for one: DNS-1123 labels, with a message saying what is wrong.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { namespaceNameProblem } from '../../core/src/kubeconfig/namespaceName';

test('a DNS-1123 label is accepted', () => {
  for (const ok of ['default', 'team-b', 'a', '0', 'ns-1', 'x'.repeat(63)])
    assert.equal(namespaceNameProblem(ok), undefined, ok);
});

test('an empty name asks for one', () => {
  assert.match(namespaceNameProblem('')!, /^Type the namespace where pachd runs/);
});

test('a name over 63 characters says the limit and its length', () => {
  assert.equal(
    namespaceNameProblem('x'.repeat(64)),
    'A namespace name has at most 63 characters (it is a DNS-1123 label); this one has 64.',
  );
});

test('upper case, "_", ".", spaces or a "-" at either end are refused with the label rules spelled out', () => {
  for (const bad of ['Team-B', 'team_b', 'team.b', 'team b', '-team', 'team-', ' team']) {
    assert.equal(
      namespaceNameProblem(bad),
      `"${bad}" is not a namespace name: a DNS-1123 label has only lower-case letters, digits and "-", and starts ` +
        `and ends with a letter or digit.`,
    );
  }
});
