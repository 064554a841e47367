import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { removeEntryEdit, useSecretNameEdits } from '../../../core/src/helm/valuesEdits';
import { applyEdits } from '../../../core/src/text/offsets';

function use(text: string, plain: string, secretName: string, name: string): string {
  return applyEdits(text, useSecretNameEdits(text, parseDocument(text), plain, secretName, name));
}

test('moving a plain credential replaces it by the SecretName in place', () => {
  const text = 'pachd:\n  rootToken: "abc" # keep me\n  other: 1\n';
  assert.equal(
    use(text, 'pachd.rootToken', 'pachd.rootTokenSecretName', 'pachd-root-token'),
    'pachd:\n  rootTokenSecretName: pachd-root-token # keep me\n  other: 1\n',
  );
});

test('moving a plain credential fills an existing empty SecretName and drops the plain line', () => {
  const text = 'pachd:\n  rootToken: abc\n  rootTokenSecretName: \n  other: 1\n';
  assert.equal(
    use(text, 'pachd.rootToken', 'pachd.rootTokenSecretName', 'r'),
    'pachd:\n  rootTokenSecretName: r\n  other: 1\n',
  );
});

test('moving works in flow mappings too', () => {
  const text = 'console: {config: {oauthClientSecret: abc, x: 1}}\npachd: {}\n';
  assert.equal(
    use(text, 'console.config.oauthClientSecret', 'console.config.oauthClientSecretSecretName', 'c'),
    'console: {config: {oauthClientSecretSecretName: c, x: 1}}\npachd: {}\n',
  );
});

test('removing an ignored plain value deletes its whole line', () => {
  const text = 'pachd:\n  rootToken: abc\n  rootTokenSecretName: r\n';
  const edit = removeEntryEdit(text, parseDocument(text), 'pachd.rootToken')!;
  assert.equal(applyEdits(text, [edit]), 'pachd:\n  rootTokenSecretName: r\n');
});

test('removing an ignored plain list deletes all its lines and keeps the indentation of the next entry', () => {
  const text =
    'oidc:\n  upstreamIDPs:\n    - id: x\n      config: {a: 1}\n    - id: y\n  upstreamIDPsSecretName: s\npachd: {}\n';
  const edit = removeEntryEdit(text, parseDocument(text), 'oidc.upstreamIDPs')!;
  assert.equal(applyEdits(text, [edit]), 'oidc:\n  upstreamIDPsSecretName: s\npachd: {}\n');
});

test('removing the last entry of a file without a final newline leaves the rest intact', () => {
  const text = 'pachd:\n  rootTokenSecretName: r\n  rootToken: abc';
  const edit = removeEntryEdit(text, parseDocument(text), 'pachd.rootToken')!;
  assert.equal(applyEdits(text, [edit]), 'pachd:\n  rootTokenSecretName: r\n');
});
