/**
 * Changing a secret's data as kubectl users do, against the local API server: `kubectl patch` (merge and JSON),
 * `kubectl replace` with a stale resourceVersion, `kubectl edit` through a scripted editor, and immutable secrets.
 * What kubectl prints comes from the server's own Status texts, so it must read as it does against a real cluster.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kubectl, startTestCluster, type TestCluster } from './helpers';

let cluster: TestCluster;
before(async () => {
  cluster = await startTestCluster();
});
after(() => cluster.dispose());

const b64 = (s: string): string => Buffer.from(s).toString('base64');
const CONFLICT = 'the object has been modified; please apply your changes to the latest version and try again';
const IMMUTABLE = 'Forbidden: field is immutable when `immutable` is set';

function create(name: string, data: Record<string, string>, immutable?: boolean): void {
  const encoded = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, b64(v)]));
  cluster.store.create('secrets', 'default', {
    metadata: { name },
    data: encoded,
    ...(immutable ? { immutable } : {}),
  });
}

/** The secret as `kubectl get -o json` prints it, with its data decoded. */
async function get(name: string): Promise<{ data: Record<string, string>; rv: string; labels?: object; file: string }> {
  const r = await kubectl(cluster, ['get', 'secret', name, '-o', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const file = join(cluster.dir, `${name}-${Date.now()}.json`);
  writeFileSync(file, r.stdout);
  const s = JSON.parse(r.stdout) as { data?: Record<string, string>; metadata: { resourceVersion: string } };
  const data = Object.fromEntries(Object.entries(s.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64') + '']));
  return { data, rv: s.metadata.resourceVersion, labels: (s.metadata as { labels?: object }).labels, file };
}

const patch = (name: string, type: string, body: unknown) =>
  kubectl(cluster, ['patch', 'secret', name, `--type=${type}`, '-p', JSON.stringify(body)]);

test('kubectl patch (merge, then JSON) changes the data that kubectl get -o json then shows', async () => {
  create('patched-data', { host: 'db-one', port: '5432' });
  const before = await get('patched-data');
  let r = await patch('patched-data', 'merge', { data: { host: b64('db-two') }, stringData: { user: 'app' } });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.trim(), 'secret/patched-data patched');
  r = await patch('patched-data', 'json', [
    { op: 'add', path: '/data/db', value: b64('orders') },
    { op: 'remove', path: '/data/port' },
  ]);
  assert.equal(r.code, 0, r.stderr);
  const after = await get('patched-data');
  assert.deepEqual(after.data, { db: 'orders', host: 'db-two', user: 'app' });
  assert.ok(Number(after.rv) > Number(before.rv), 'each change gives a newer resourceVersion');
});

test('kubectl replace -f with a stale resourceVersion fails with the Conflict message and changes nothing', async () => {
  create('rotated', { password: 'version-one' });
  const seen = await get('rotated');
  assert.equal((await patch('rotated', 'merge', { data: { password: b64('version-two') } })).code, 0);
  const stale = JSON.parse(readFileSync(seen.file, 'utf8'));
  stale.data.password = b64('version-three');
  writeFileSync(seen.file, JSON.stringify(stale));
  const r = await kubectl(cluster, ['replace', '-f', seen.file]);
  assert.equal(r.code, 1);
  assert.equal(
    r.stderr.trim(),
    `Error from server (Conflict): error when replacing "${seen.file}": Operation cannot be fulfilled on secrets ` +
      `"rotated": ${CONFLICT}`,
  );
  assert.deepEqual((await get('rotated')).data, { password: 'version-two' });
  stale.metadata.resourceVersion = (await get('rotated')).rv;
  writeFileSync(seen.file, JSON.stringify(stale));
  const fresh = await kubectl(cluster, ['replace', '-f', seen.file]);
  assert.equal(fresh.stdout.trim(), 'secret/rotated replaced', fresh.stderr);
  assert.deepEqual((await get('rotated')).data, { password: 'version-three' });
});

test('a patch carrying a stale metadata.resourceVersion is a Conflict, whatever the patch type', async () => {
  create('locked', { token: 'old' });
  const stale = (await get('locked')).rv;
  assert.equal((await patch('locked', 'merge', { stringData: { token: 'changed-meanwhile' } })).code, 0);
  const attempts = [
    patch('locked', 'merge', { metadata: { resourceVersion: stale }, data: { token: b64('mine') } }),
    patch('locked', 'strategic', { metadata: { resourceVersion: stale }, data: { token: b64('mine') } }),
    patch('locked', 'json', [
      { op: 'replace', path: '/metadata/resourceVersion', value: stale },
      { op: 'replace', path: '/data/token', value: b64('mine') },
    ]),
  ];
  for (const r of await Promise.all(attempts)) {
    assert.equal(r.code, 1);
    assert.equal(
      r.stderr.trim(),
      `Error from server (Conflict): Operation cannot be fulfilled on secrets "locked": ${CONFLICT}`,
    );
  }
  assert.deepEqual((await get('locked')).data, { token: 'changed-meanwhile' });
});

test("a patch may not rename the secret: 400 with the API server's message", async () => {
  create('named', { k: 'v' });
  const r = await patch('named', 'merge', { metadata: { name: 'renamed' } });
  assert.equal(r.code, 1);
  assert.equal(
    r.stderr.trim(),
    'Error from server (BadRequest): the name of the object (renamed) does not match the name on the URL (named)',
  );
});

test('an immutable secret refuses data, stringData and immutable changes with the 422 message; labels change', async () => {
  create('frozen', { token: 'sealed' }, true);
  const refused = (field: string): string => `The Secret "frozen" is invalid: ${field}: ${IMMUTABLE}`;
  let r = await patch('frozen', 'merge', { data: { token: b64('other') } });
  assert.deepEqual([r.code, r.stderr.trim()], [1, refused('data')]);
  r = await patch('frozen', 'merge', { stringData: { extra: 'more' } });
  assert.deepEqual([r.code, r.stderr.trim()], [1, refused('data')]);
  r = await patch('frozen', 'json', [{ op: 'replace', path: '/immutable', value: false }]);
  assert.deepEqual([r.code, r.stderr.trim()], [1, refused('immutable')]);
  r = await patch('frozen', 'merge', { metadata: { labels: { rotation: 'due' } } });
  assert.equal(r.code, 0, r.stderr);
  const after = await get('frozen');
  assert.deepEqual([after.data, after.labels], [{ token: 'sealed' }, { rotation: 'due' }]);
});

test("an immutable secret's update causes come first, then the object's, in the API server's order", async () => {
  create('frozen-order', { token: 'sealed' }, true);
  const r = await patch('frozen-order', 'merge', { immutable: false, data: { 'bad key': b64('x') } });
  assert.equal(r.code, 1);
  assert.equal(
    r.stderr.trim(),
    'The Secret "frozen-order" is invalid: \n' +
      `* immutable: ${IMMUTABLE}\n* data: ${IMMUTABLE}\n` +
      `* data[bad key]: Invalid value: "bad key": a valid config key must consist of alphanumeric characters, '-', ` +
      `'_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
  );
});

/**
 * A scripted KUBE_EDITOR: kubectl runs it with the file as its last argument. It keeps each text it is shown
 * (EDIT_SEEN.0, .1, …). The first time it runs EDIT_MEANWHILE (kubectl arguments: someone else changing the secret
 * while the editor is open) and sets data key EDIT_KEY to EDIT_VALUE; after that it leaves the file as it is, which
 * kubectl takes as giving up.
 */
const EDITOR = `
const fs = require('fs');
const { execFileSync } = require('child_process');
const file = process.argv[process.argv.length - 1];
const seen = process.env.EDIT_SEEN;
let n = 0;
while (fs.existsSync(seen + '.' + n)) n++;
const text = fs.readFileSync(file, 'utf8');
fs.writeFileSync(seen + '.' + n, text);
if (n > 0) process.exit(0);
if (process.env.EDIT_MEANWHILE) execFileSync('kubectl', JSON.parse(process.env.EDIT_MEANWHILE));
const line = new RegExp('^  ' + process.env.EDIT_KEY + ': .*$', 'm');
if (!line.test(text)) process.exit(3);
fs.writeFileSync(file, text.replace(line, '  ' + process.env.EDIT_KEY + ': ' + process.env.EDIT_VALUE));
`;

async function edit(name: string, key: string, value: string, meanwhile?: string[], extra: string[] = []) {
  const script = join(cluster.dir, 'editor.js');
  writeFileSync(script, EDITOR);
  const seen = join(cluster.dir, `seen-${name}`);
  const env = {
    KUBE_EDITOR: `${process.execPath} ${script}`,
    // kubectl keeps a copy of a failed edit in the temporary folder: this test's own.
    TMPDIR: cluster.dir,
    EDIT_SEEN: seen,
    EDIT_KEY: key,
    EDIT_VALUE: b64(value),
    EDIT_MEANWHILE: meanwhile ? JSON.stringify(['--kubeconfig', cluster.kubeconfigPath, ...meanwhile]) : '',
  };
  const r = await kubectl(cluster, ['edit', 'secret', name, ...extra], 'kubectl', env);
  return { ...r, shown: (n: number): string => readFileSync(`${seen}.${n}`, 'utf8') };
}

test('kubectl edit through a scripted editor changes a data value', async () => {
  create('edited', { password: 'before-edit', user: 'app' });
  const r = await edit('edited', 'password', 'after-edit');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.trim(), 'secret/edited edited');
  assert.match(r.shown(0), /^kind: Secret$/m);
  assert.deepEqual((await get('edited')).data, { password: 'after-edit', user: 'app' });
});

test('kubectl edit while the secret changes meanwhile: its patch has no resourceVersion, so it lands, no conflict', async () => {
  // kubectl edit sends a two-way strategic merge patch of what the editor changed, without resourceVersion
  // (kubernetes/kubectl pkg/cmd/util/editor/editoptions.go, visitToPatch; kubernetes/kubernetes#35016 asked for a
  // conflict-checked replace instead and was closed), so a real API server applies it to the newer version: the
  // edited key takes the editor's value, the other change stays. A client that must not overwrite sends one.
  create('raced', { password: 'first', user: 'app' });
  const theirs = { data: { password: b64('theirs'), user: b64('someone-else') } };
  const meanwhile = ['patch', 'secret', 'raced', '--type=merge', '-p', JSON.stringify(theirs)];
  const r = await edit('raced', 'password', 'mine', meanwhile, ['--output-patch']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.trim(), `Patch: {"data":{"password":"${b64('mine')}"}}\nsecret/raced edited`);
  assert.deepEqual((await get('raced')).data, { password: 'mine', user: 'someone-else' });
});

test('kubectl edit of an immutable secret reopens the editor with the 422 causes, then gives up', async () => {
  create('sealed', { token: 'kept' }, true);
  const r = await edit('sealed', 'token', 'changed');
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^error: secrets "sealed" is invalid$/m);
  assert.match(r.stderr, /^error: Edit cancelled, no valid changes were saved\.$/m);
  assert.ok(
    r.shown(1).includes(`# secrets "sealed" was not valid:\n# * data: ${IMMUTABLE}\n#\n`),
    'the reopened file says why',
  );
  assert.deepEqual((await get('sealed')).data, { token: 'kept' });
});
