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

test("data is read as Go's standard base64: line breaks pass, the URL-safe alphabet is named, no value is quoted", () => {
  const secret = (data: Record<string, string>) =>
    preparePachctlSecret(JSON.stringify({ kind: 'Secret', metadata: { name: 'db' }, data }), 'default');
  // Go's StdEncoding skips \r and \n anywhere, so a wrapped value is what pachd accepts.
  assert.equal(secret({ password: 'aHVu\ndGVy\r\nMg==' }).ok, true);
  const urlSafe = secret({ password: 'CANARY-_-_' });
  assert.equal(urlSafe.ok, false);
  if (urlSafe.ok) return;
  assert.match(urlSafe.message, /data\["password"\] is not valid base64: it uses the URL-safe alphabet/);
  assert.doesNotMatch(urlSafe.message, /CANARY/);
});
