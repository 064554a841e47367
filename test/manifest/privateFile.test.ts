import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writePrivateFile } from '../../client/src/wizards/privateFile';

test('a saved manifest is created readable by its owner only', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-private-'));
  try {
    const file = path.join(dir, 'new.secret.json');
    writePrivateFile(file, '{"kind":"Secret"}\n');
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.equal(fs.readFileSync(file, 'utf8'), '{"kind":"Secret"}\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('saving over a world-readable file narrows it to 0600', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-private-'));
  try {
    const file = path.join(dir, 'old.json');
    fs.writeFileSync(file, 'old', { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    writePrivateFile(file, 'new');
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.equal(fs.readFileSync(file, 'utf8'), 'new');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
