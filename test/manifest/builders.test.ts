/** The builders used directly, as the wizards use them: through an injected reader, with no kubectl. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FsError,
  ManifestError,
  buildGenericSecret,
  printSecret,
  secretHash,
  secretKeyError,
  newDraft,
  withHashSuffix,
  type SourceReader,
} from '../../core/src/manifest';
import { goJsonString } from '../../core/src/manifest/goJson';
import { naturalCompare } from '../../core/src/manifest/goYamlKeyOrder';

/** Files held in memory: the builders never touch the disk themselves. */
function memoryReader(files: Record<string, string>, env: Record<string, string> = {}): SourceReader {
  return {
    stat: (p) => {
      if (p in files) return 'file';
      if (Object.keys(files).some((f) => f.startsWith(p.replace(/\/$/, '') + '/'))) return 'dir';
      throw new FsError('stat', p, 'no such file or directory');
    },
    readFile: (p) => {
      if (!(p in files)) throw new FsError('open', p, 'no such file or directory');
      return Buffer.from(files[p]);
    },
    readDir: (p) =>
      Object.keys(files)
        .filter((f) => f.startsWith(p.replace(/\/$/, '') + '/'))
        .map((f) => ({ name: f.slice(p.replace(/\/$/, '').length + 1), regular: true }))
        .sort((a, b) => (a.name < b.name ? -1 : 1)),
    env: (n) => env[n],
  };
}

test('builders read files through the injected reader', () => {
  const reader = memoryReader(
    { 'mem/a.txt': 'A', 'mem/b.txt': 'B', 'app.env': 'HOST=db\nFROM_ENV\n' },
    { FROM_ENV: 'x' },
  );
  const fromDir = buildGenericSecret({ name: 's', fromFile: ['mem'] }, reader);
  assert.deepEqual([...fromDir.data.keys()], ['a.txt', 'b.txt']);
  const fromEnv = buildGenericSecret({ name: 's', fromEnvFile: ['app.env'] }, reader);
  assert.equal(Buffer.from(fromEnv.data.get('FROM_ENV')!).toString(), 'x');
  assert.throws(
    () => buildGenericSecret({ name: 's', fromFile: ['nope'] }, reader),
    new ManifestError('error reading nope: no such file or directory'),
  );
});

test('the hash suffix matches the examples kubectl gives', () => {
  const withData = newDraft('s1', '');
  withData.data.set('a', Buffer.from('b'));
  assert.equal(withHashSuffix(withData).name, 's1-6c2f4hf6dh');
  assert.equal(secretHash(newDraft('s1', '')), '4g2dd7bhbm');
  const typed = newDraft('s1', 'Opaque');
  typed.data.set('a', Buffer.from('b'));
  assert.equal(secretHash(typed), '576h5m299b');
});

test('JSON strings use Go’s escaping', () => {
  assert.equal(
    goJsonString('<a href="x">&\u2028\b\f\u0001é'),
    '"\\u003ca href=\\"x\\"\\u003e\\u0026\\u2028\\b\\f\\u0001é"',
  );
});

test('data keys that look like numbers keep Go’s byte order in JSON', () => {
  const d = newDraft('s', '');
  for (const k of ['9', '10', 'B', '_u']) d.data.set(k, Buffer.from(''));
  assert.match(printSecret(d, 'json'), /"10": ""[^]*"9": ""/);
});

test('YAML keys follow go-yaml’s natural order: other characters before letters, digit runs as numbers', () => {
  assert.deepEqual(['key10', 'B', 'key2', '_u', 'a', '10', '9'].sort(naturalCompare), [
    '_u',
    '9',
    '10',
    'B',
    'a',
    'key2',
    'key10',
  ]);
});

test('key errors carry kubectl’s exact wording', () => {
  assert.equal(secretKeyError('ok.key-1_x'), undefined);
  assert.equal(secretKeyError('.'), `"." is not valid key name for a Secret must not be '.'`);
  assert.equal(
    secretKeyError('../x'),
    `"../x" is not valid key name for a Secret a valid config key must consist of alphanumeric characters, '-', '_' ` +
      `or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex ` +
      `used for validation is '[-._a-zA-Z0-9]+');must not start with '..'`,
  );
});
