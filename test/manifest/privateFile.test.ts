import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PrivateFileError, writePrivateFile } from '../../client/src/wizards/privateFile';

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

function inTempDir(body: (dir: string) => void): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-private-'));
  try {
    body(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('saving at a symlink replaces the link with a 0600 file and leaves what it pointed to untouched', () => {
  inTempDir((dir) => {
    const pointed = path.join(dir, 'shared.json');
    fs.writeFileSync(pointed, 'old', { mode: 0o644 });
    fs.chmodSync(pointed, 0o644);
    const link = path.join(dir, 'link.json');
    fs.symlinkSync(pointed, link);
    writePrivateFile(link, 'new');
    assert.ok(!fs.lstatSync(link).isSymbolicLink());
    assert.equal(fs.statSync(link).mode & 0o777, 0o600);
    assert.equal(fs.readFileSync(link, 'utf8'), 'new');
    assert.equal(fs.readFileSync(pointed, 'utf8'), 'old');
    assert.equal(fs.statSync(pointed).mode & 0o777, 0o644);
  });
});

test('saving at a hard link gives that name a new file; the other name keeps the old contents', () => {
  inTempDir((dir) => {
    const first = path.join(dir, 'first.json');
    const second = path.join(dir, 'second.json');
    fs.writeFileSync(first, 'old');
    fs.linkSync(first, second);
    writePrivateFile(first, 'new');
    assert.equal(fs.readFileSync(first, 'utf8'), 'new');
    assert.equal(fs.readFileSync(second, 'utf8'), 'old');
    assert.notEqual(fs.statSync(first).ino, fs.statSync(second).ino);
  });
});

test('a failed save names the path and the cause, leaves the target alone and no temporary file behind', () => {
  inTempDir((dir) => {
    const folder = path.join(dir, 'a-folder.json');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'inside'), 'kept');
    const value = 'the-secret-value-9876';
    assert.throws(
      () => writePrivateFile(folder, `{"data":"${value}"}`),
      (err: unknown) =>
        err instanceof PrivateFileError &&
        err.path === folder &&
        err.reason === 'it is a folder' &&
        !err.message.includes(value),
    );
    assert.equal(fs.readFileSync(path.join(folder, 'inside'), 'utf8'), 'kept');
    const underFile = path.join(dir, 'plain-file', 'x.json');
    fs.writeFileSync(path.join(dir, 'plain-file'), 'kept');
    assert.throws(
      () => writePrivateFile(underFile, value),
      (err: unknown) =>
        err instanceof PrivateFileError &&
        err.path === underFile &&
        err.reason === 'a part of the path is not a folder',
    );
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a-folder.json', 'plain-file']);
  });
});

test('a successful save leaves only the target in its folder', () => {
  inTempDir((dir) => {
    writePrivateFile(path.join(dir, 'only.json'), 'x');
    assert.deepEqual(fs.readdirSync(dir), ['only.json']);
  });
});
