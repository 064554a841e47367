/**
 * Go's base64.StdEncoding.Decode (golang/go src/encoding/base64/base64.go), as the API server applies it to
 * `data`: padding required, `\r`/`\n` skipped, nothing after the padding, standard alphabet only, not strict.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkGoBase64 } from '../../../core/src/secretManifest';

test('reads what Go reads, with the decoded size', () => {
  const ok: Array<[string, number]> = [
    ['', 0],
    ['YQ==', 1],
    ['YWI=', 2],
    ['YWJj', 3],
    ['YWJjZGVm', 6],
    ['YWJj\nZGVm\n', 6],
    ['YWJj\r\nZGVm', 6],
    ['YQ=\n=', 1],
    // Not strict: unused low bits may be set (YR== decodes to "a" in Go's StdEncoding).
    ['YR==', 1],
    ['+/+/', 3],
  ];
  for (const [v, bytes] of ok) assert.deepEqual(checkGoBase64(v), { ok: true, bytes }, JSON.stringify(v));
});

test('refuses what Go refuses, and says which kind of problem without quoting the value', () => {
  const bad: Array<[string, string]> = [
    ['YWJj ZGVm', 'whitespace'],
    ['YWJj\tZGVm', 'whitespace'],
    ['-_-_', 'url-alphabet'],
    ['YWJj*GVm', 'character'],
    ['YWJjé', 'character'],
    ['YQ', 'padding'],
    ['YWI', 'padding'],
    ['Y', 'padding'],
    ['YQ=', 'padding'],
    ['Y===', 'padding'],
    ['YWJj=', 'padding'],
    ['YQ===', 'after-padding'],
    ['YQ==YQ==', 'after-padding'],
  ];
  for (const [v, problem] of bad) assert.deepEqual(checkGoBase64(v), { ok: false, problem }, JSON.stringify(v));
});
