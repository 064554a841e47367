/** `pachctl create secret -f` checks (core/src/manifest/pachctlSecretFile.ts) on a file that is not JSON. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { preparePachctlSecret } from '../../core/src/manifest/pachctlSecretFile';

test('a Secret file that is not JSON is refused by line and column, never by its text', () => {
  const canary = 'CANARY-hunter2-value';
  const text = `{\n  "kind": "Secret",\n  "metadata": {"name": "db"},\n  "stringData": {"password": "${canary}",}\n}\n`;
  const r = preparePachctlSecret(text, 'default');
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(
    r.message,
    'failed to unmarshal secret: not valid JSON (line 4, column 53: expected a property name in double quotes)',
  );
});
