/** `pachyderm-secrets check` as users run it: the built CLI in a child process, against files on disk. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCheck, writeUnder } from './checkRunner';

let dir: string;
const VALUE = 'hunter2-very-secret-value';

const write = (rel: string, text: string): string => writeUnder(dir, rel, text);
const run = (...args: string[]) => runCheck(dir, args);

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'ps-check-'));
  const secret = (name: string, data: Record<string, string>, type = 'Opaque') => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace: 'default' },
    type,
    data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
  });
  const items = [
    secret('db-creds', { password: VALUE }),
    secret('regcred', { '.dockerconfigjson': VALUE }, 'kubernetes.io/dockerconfigjson'),
  ];
  write('secrets-list.json', JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
  write('secrets-array.json', JSON.stringify(items));
  write(
    'specs/good.pipeline.json',
    JSON.stringify(
      {
        pipeline: { name: 'good' },
        transform: { image: 'i', secrets: [{ name: 'db-creds', key: 'password', envVar: 'PW' }] },
      },
      null,
      2,
    ),
  );
  write(
    'specs/nested/bad.pipeline.yaml',
    'pipeline:\n  name: bad\ntransform:\n  image: i\n  secrets:\n  ' +
      '- name: db-cred\n    key: password\n    env_var: PW\n',
  );
  write('specs/warn.yaml', 'pipeline: {name: w}\ntransform:\n  image: i\n  image_pull_secrets: [db-creds]\n');
  write('specs/node_modules/x.pipeline.json', '{"pipeline": {}}');
  write('specs/.hidden/x.pipeline.json', '{"pipeline": {}}');
  write('specs/secret.json', JSON.stringify(secret('s', { k: VALUE })));
  write('specs/notes.txt', 'pipeline: x');
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('text output is path:line:col: severity CODE message, exit 1 on an error', () => {
  const r = run('--secrets', 'secrets-list.json', 'specs');
  assert.equal(r.err, '');
  assert.equal(r.code, 1);
  assert.equal(
    r.out,
    [
      `${join('specs', 'nested', 'bad.pipeline.yaml')}:6:11: error ` +
        `PS002 missing Kubernetes secret db-cred (did you mean "db-creds"?)`,
      `${join('specs', 'warn.yaml')}:4:24: warning PS021 image pull secret db-creds has type Opaque, not a registry ` +
        `credential (kubernetes.io/dockerconfigjson or kubernetes.io/dockercfg)`,
      '',
    ].join('\n'),
  );
});

test('json output is one array of 1-based findings; warnings alone exit 0', () => {
  const r = run('--format', 'json', '--secrets', 'secrets-array.json', 'specs/warn.yaml');
  assert.equal(r.code, 0);
  assert.deepEqual(JSON.parse(r.out), [
    {
      file: join('specs', 'warn.yaml'),
      line: 4,
      column: 24,
      endLine: 4,
      endColumn: 32,
      severity: 'warning',
      code: 'PS021',
      message:
        'image pull secret db-creds has type Opaque, not a registry ' +
        'credential (kubernetes.io/dockerconfigjson or kubernetes.io/dockercfg)',
    },
  ]);
});

test('without --secrets or a cluster the cluster rules are silent', () => {
  const r = run('--format', 'json', 'specs');
  assert.equal(r.code, 0);
  assert.deepEqual(JSON.parse(r.out), []);
});

test('no secret value reaches the output', () => {
  const r = run('--format', 'json', '--secrets', 'secrets-list.json', 'specs', join('specs', 'secret.json'));
  assert.ok(!r.out.includes(VALUE) && !r.err.includes(VALUE));
  assert.ok(!r.out.includes(Buffer.from(VALUE).toString('base64')));
});

test('usage errors exit 2 with a specific message', () => {
  const cases: Array<[string[], RegExp]> = [
    [[], /no PATH given/],
    [['--format', 'xml', 'specs'], /--format must be one of text, json, sarif, github, junit, not "xml"/],
    [['--secrets', 'secrets-list.json', '--context', 'c', 'specs'], /--secrets cannot be combined with --context/],
    [['--bogus', 'specs'], /unknown flag: --bogus/],
    [['nowhere'], /no such file or directory: nowhere/],
    [['--secrets', 'missing.json', 'specs'], /cannot read --secrets file missing.json: ENOENT/],
    [['--secrets', 'specs/warn.yaml', 'specs'], /is not JSON/],
    [['--secrets', 'specs/good.pipeline.json', 'specs'], /neither a List with "items" nor a JSON array of Secrets/],
  ];
  for (const [args, message] of cases) {
    const r = run(...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, message);
    assert.equal(r.out, '');
  }
});

test('--help prints the usage and exits 0', () => {
  const r = run('--help');
  assert.equal(r.code, 0);
  assert.match(r.out, /^usage: pachyderm-secrets check/);
});

test('a cluster that cannot be reached exits 3, not 1 like findings and not a silent pass', () => {
  const kubeconfig = write(
    'kubeconfig',
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters: [{name: c, cluster: {server: "http://127.0.0.1:9"}}]',
      'users: [{name: u, user: {token: t}}]',
      'contexts: [{name: ctx, context: {cluster: c, user: u, namespace: default}}]',
      'current-context: ctx',
    ].join('\n'),
  );
  const r = run('--kubeconfig', kubeconfig, '--context', 'ctx', 'specs');
  assert.equal(r.code, 3);
  assert.match(r.err, /cannot read the cluster's secrets/);
  assert.equal(r.out, '');
});

test('a hand-edited --secrets file that is not JSON is told by line and column, never by its text', () => {
  const canary = 'CANARY-hunter2-value';
  write(
    'broken-secrets.json',
    `{"kind": "List", "items": [\n  {"kind": "Secret", "metadata": ` +
      `{"name": "db"},\n   "stringData": {"password": ${canary}}}\n]}\n`,
  );
  const r = run('--secrets', 'broken-secrets.json', 'specs');
  assert.equal(r.code, 2);
  assert.equal(r.out, '');
  assert.ok(!/CANARY|hunter2|assword/.test(r.err), r.err);
  assert.match(r.err, /--secrets file broken-secrets\.json is not JSON \(line 3, column 31: expected a value/);
});
