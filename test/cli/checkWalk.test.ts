/**
 * What `check DIR` finds on disk, run as users run it (the built CLI in a child process): symbolic links are
 * followed with loop protection, file names that are not UTF-8 are read by their bytes, whatever cannot be read
 * is named, and the exit codes stay distinct (0 clean, 1 findings, 2 usage or input, 3 cluster or internal).
 */
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { builtCli } from '../corpus/paths';
import { runCheck } from './checkRunner';

let dir: string;

const BAD =
  'pipeline:\n  name: bad\ntransform:\n  image: i\n  secrets:\n  - name: db-cred\n    key: password\n    env_var: PW\n';
const GOOD = 'pipeline:\n  name: good\ntransform:\n  image: i\n';

function write(rel: string | Buffer, text: string): void {
  const p = typeof rel === 'string' ? join(dir, rel) : Buffer.concat([Buffer.from(dir + '/'), rel]);
  if (typeof rel === 'string') mkdirSync(dirname(p as string), { recursive: true });
  writeFileSync(p, text);
}

const run = (args: string[], options: SpawnSyncOptions = {}) =>
  runCheck(dir, ['--secrets', 'secrets.json', ...args], options);

const missing = (path: string) => `${path}:6:11: error PS002 missing Kubernetes secret db-cred\n`;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ps-walk-'));
  write('secrets.json', JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [] }));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('a symlinked spec file and a symlinked folder of specs are checked', () => {
  write('elsewhere/real.pipeline.yaml', BAD);
  write('elsewhere/folder/inner.pipeline.yaml', BAD);
  mkdirSync(join(dir, 'specs'));
  symlinkSync(join(dir, 'elsewhere', 'real.pipeline.yaml'), join(dir, 'specs', 'linked.pipeline.yaml'));
  symlinkSync('../elsewhere/folder', join(dir, 'specs', 'linked-folder'));
  const r = run(['specs']);
  assert.equal(r.out, missing('specs/linked-folder/inner.pipeline.yaml') + missing('specs/linked.pipeline.yaml'));
  assert.deepEqual([r.code, r.err], [1, '']);
});

test('a link back to an enclosing folder is searched once, with a note, and the run ends', () => {
  write('specs/sub/bad.pipeline.yaml', BAD);
  symlinkSync('..', join(dir, 'specs', 'sub', 'up'));
  symlinkSync('.', join(dir, 'specs', 'here'));
  const r = run(['specs'], { timeout: 20_000 });
  assert.equal(r.out, missing('specs/sub/bad.pipeline.yaml'));
  assert.equal(r.code, 1);
  assert.match(r.err, /skipped specs\/here: it links back to a folder that contains it/);
  assert.match(r.err, /skipped specs\/sub\/up: it links back to a folder that contains it/);
});

test('a dangling link and a link to itself are named on stderr and exit 2; the other files are still checked', () => {
  write('specs/bad.pipeline.yaml', BAD);
  symlinkSync('does-not-exist.yaml', join(dir, 'specs', 'gone.pipeline.yaml'));
  // Reading a link to itself fails with ELOOP for every user, root included.
  symlinkSync('self.json', join(dir, 'specs', 'self.json'));
  const r = run(['specs']);
  assert.equal(r.out, missing('specs/bad.pipeline.yaml'));
  assert.equal(
    r.err,
    'pachyderm-secrets check: cannot read specs/gone.pipeline.yaml: ' +
      'it is a symbolic link to something that does not exist\n' +
      'pachyderm-secrets check: cannot read specs/self.json: too many levels of symbolic links (a link loop) (ELOOP)\n',
  );
  assert.equal(r.code, 2);
});

test('a file name that is not UTF-8 is read by its bytes and shown with \\xNN', () => {
  write(Buffer.concat([Buffer.from('bad-'), Buffer.of(0xff, 0xfe), Buffer.from('.pipeline.yaml')]), BAD);
  write('good.pipeline.yaml', GOOD);
  const r = run(['.']);
  assert.equal(r.out, missing('bad-\\xff\\xfe.pipeline.yaml'));
  assert.deepEqual([r.code, r.err], [1, '']);
});

test('an unreadable folder is named on stderr and exits 2, not 1 like findings', () => {
  write('specs/ok/bad.pipeline.yaml', BAD);
  write('specs/locked/hidden.pipeline.yaml', BAD);
  chmodSync(join(dir, 'specs', 'locked'), 0o000);
  // Root reads a mode-000 folder anyway, so when the tests run as root the CLI runs as "nobody" instead: the
  // folder is then refused by the kernel for real (EACCES), as it is for any user without root.
  chmodSync(dir, 0o755);
  const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  try {
    const r = run(['specs'], asUser);
    assert.equal(r.out, missing('specs/ok/bad.pipeline.yaml'));
    assert.equal(r.err, 'pachyderm-secrets check: cannot read folder specs/locked: permission denied (EACCES)\n');
    assert.equal(r.code, 2);
  } finally {
    chmodSync(join(dir, 'specs', 'locked'), 0o755);
  }
});

test('the exit codes: 0 clean, 1 findings, 2 usage or input error, 3 cluster failure; --help lists them', () => {
  write('clean/good.pipeline.yaml', GOOD);
  write('dirty/bad.pipeline.yaml', BAD);
  write(
    'kubeconfig',
    'apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "http://127.0.0.1:9"}}]\n' +
      'users: [{name: u, user: {token: t}}]\n' +
      'contexts: [{name: x, context: {cluster: c, user: u}}]\ncurrent-context: x\n',
  );
  assert.equal(run(['clean']).code, 0);
  assert.equal(run(['dirty']).code, 1);
  assert.equal(run(['no-such-folder']).code, 2);
  assert.equal(run(['--format', 'xml', 'clean']).code, 2);
  const cluster = spawnSync(process.execPath, [builtCli(), 'check', '--kubeconfig', 'kubeconfig', 'clean'], {
    cwd: dir,
    encoding: 'utf8',
  });
  assert.equal(cluster.status, 3);
  const help = run(['--help']).out;
  for (const line of [
    /^ {2}0 {2}no errors found/m,
    /^ {2}1 {2}an error was found/m,
    /^ {2}2 {2}usage or input error/m,
    /^ {2}3 {2}the cluster's secrets could not be read/m,
  ]) {
    assert.match(help, line);
  }
});
