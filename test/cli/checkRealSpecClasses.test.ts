/**
 * `pachyderm-secrets check` on the kinds of real-world files the analysis used to misjudge (the fixtures of
 * test/unit/rules/specFixtures): the built CLI in a child process, reading the files' bytes as users have them.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtCli, repoRoot } from '../corpus/paths';

const FIXTURES = join(repoRoot(), 'test', 'unit', 'rules', 'specFixtures');

function check(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [builtCli(), 'check', ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'ps-real-classes-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('each class is reported once, at its line, with the path and hint users need', () => {
  const r = check(FIXTURES, '.');
  assert.equal(r.err, '');
  assert.equal(r.code, 1);
  assert.equal(
    r.out,
    [
      'cr-only.pipeline.yaml:1:1: warning PS117 lines end with CR alone (classic Mac OS line endings): pachctl reads ' +
        'them, but many tools do not; save the file with LF line endings',
      'pachyderm-1x.pipeline.json:4:24: error PS101 unknown field "strategy" (parallelism_spec.strategy): removed in ' +
        'Pachyderm 1.5: "constant" alone sets the number of workers',
      'pachyderm-1x.pipeline.json:5:3: error PS101 unknown field ' +
        '"standby": Pachyderm 2.0 replaced it with "autoscaling"',
      'pachyderm-1x.pipeline.json:6:13: error PS101 unknown field "atom" (input.atom): Pachyderm 1.9 replaced it ' +
        'with "pfs", which has the same fields',
      'pachyderm-1x.pipeline.json:12:3: error PS101 unknown field "inputs": Pachyderm 1.5 replaced it with "input", ' +
        'which holds one input (several go under "cross" or "union")',
      'pachyderm-1x.pipeline.json:18:13: error PS101 unknown field "overwrite" (spout.overwrite): removed in ' +
        'Pachyderm 2.0, where a spout has only "service"',
      'run-together.pipeline.json:6:1: error PS110 JSON documents must be separated by a line with "---": pachctl no ' +
        'longer reads JSON objects run together',
      'tab-indented.pipeline.yaml:7:1: error PS100 Tabs are not allowed as indentation',
      'trailing-separator.pipeline.json:6:1: error PS111 expected a mapping or a sequence; got an empty document ' +
        '(nothing after this "---" line)',
      'trailing-separator.pipeline.yaml:10:1: error PS111 expected a mapping or a sequence; got an empty document ' +
        '(nothing after this "---" line)',
      'transform-and-input.json:1:1: error PS113 no `pipeline` specified',
      'transform-and-input.json:7:17: error PS001 secret s3-creds has env_var set but is missing key',
      'truncated.pipeline.json:4:46: error PS100 closing brace "}" expected',
      'utf16le.pipeline.yaml:1:1: warning PS117 this file is UTF-16LE: ' +
        'pachctl reads it, but many tools expect UTF-8; save it as UTF-8',
      '',
    ].join('\n'),
  );
});

test('a UTF-16 file without a byte order mark is named as such, an error', () => {
  writeFileSync(
    join(dir, 'bare16.pipeline.yaml'),
    Buffer.from('pipeline:\n  name: p\ntransform:\n  image: i:1\n', 'utf16le'),
  );
  const r = check(dir, 'bare16.pipeline.yaml');
  assert.equal(r.code, 1);
  assert.equal(
    r.out,
    'bare16.pipeline.yaml:1:1: error PS116 this file is UTF-16LE without a byte order mark: pachctl reads it as ' +
      'UTF-8 and fails; save it as UTF-8\n',
  );
});

test("--secrets accepts a UTF-8 byte order mark and UTF-16 (as Windows PowerShell saves kubectl's output)", () => {
  const list = JSON.stringify({
    apiVersion: 'v1',
    kind: 'List',
    items: [
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 's3-creds', namespace: 'default' },
        type: 'Opaque',
        data: { AWS_KEY: 'eA==' },
      },
    ],
  });
  writeFileSync(join(dir, 'secrets-bom.json'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(list)]));
  writeFileSync(
    join(dir, 'secrets-utf16.json'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(list, 'utf16le')]),
  );
  const spec = join(FIXTURES, 'transform-and-input.json');
  for (const secrets of ['secrets-bom.json', 'secrets-utf16.json']) {
    const r = check(dir, '--secrets', secrets, '--format', 'json', spec);
    assert.equal(r.err, '', secrets);
    const codes = (JSON.parse(r.out) as Array<{ code: string }>).map((f) => f.code);
    // The catalog was read: the secret exists, so no PS002, and only the spec's own problems remain.
    assert.deepEqual(codes, ['PS113', 'PS001'], secrets);
  }
});
