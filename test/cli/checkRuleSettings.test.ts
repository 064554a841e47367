/** `check` with rule settings: the nearest .pachyderm-secrets.json above each file, or --config for all. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCheck, writeUnder } from './checkRunner';

let dir: string;
const run = (...args: string[]) => runCheck(dir, args);
const SPEC = 'pipeline: {name: p}\ntransform:\n  image: i\n  secrets:\n  - name: gone\n    mountPath: /s\n';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'ps-rules-'));
  writeUnder(dir, 'secrets.json', '{"kind": "List", "items": []}');
  writeUnder(dir, 'repo/top.pipeline.yaml', SPEC);
  writeUnder(dir, 'repo/team/deep/a.pipeline.yaml', SPEC);
  writeUnder(dir, 'repo/other/b.pipeline.yaml', SPEC);
  writeUnder(dir, 'repo/.pachyderm-secrets.json', '{"rules": {"PS002": "off"}}\n');
  writeUnder(dir, 'repo/team/.pachyderm-secrets.json', '{"rules": {"PS002": "warning"}}\n');
  writeUnder(dir, 'plain/c.pipeline.yaml', SPEC);
  writeUnder(dir, 'hints.json', '{"rules": {"PS002": "hint"}}');
  writeUnder(dir, 'bad/c.pipeline.yaml', SPEC);
  writeUnder(dir, 'bad/.pachyderm-secrets.json', '{\n  "rules": {\n    "PS02": "off",\n    "PS002": "warn"\n  }\n}\n');
  writeUnder(dir, 'broken/c.pipeline.yaml', SPEC);
  writeUnder(dir, 'broken/.pachyderm-secrets.json', '{"rules": {"PS002": "off"},}');
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('without a settings file the table decides: PS002 is an error', () => {
  const r = run('--secrets', 'secrets.json', 'plain');
  assert.equal(r.code, 1);
  assert.equal(r.err, '');
  assert.equal(r.out, 'plain/c.pipeline.yaml:5:11: error PS002 missing Kubernetes secret gone\n');
});

test('each file takes the nearest settings file above it', () => {
  const r = run('--secrets', 'secrets.json', 'repo');
  assert.equal(r.err, '', 'valid settings report nothing');
  assert.equal(r.code, 0, 'PS002 is off or a warning everywhere, so no error');
  assert.equal(r.out, 'repo/team/deep/a.pipeline.yaml:5:11: warning PS002 missing Kubernetes secret gone\n');
});

test('the search starts at the file, not at the folder given', () => {
  const r = run('--secrets', 'secrets.json', 'repo/team/deep/a.pipeline.yaml', 'repo/other/b.pipeline.yaml');
  assert.equal(r.code, 0);
  assert.equal(r.out, 'repo/team/deep/a.pipeline.yaml:5:11: warning PS002 missing Kubernetes secret gone\n');
});

test('--config applies one file to every path and skips the search', () => {
  const r = run('--secrets', 'secrets.json', '--config', 'hints.json', '--format', 'json', 'repo', 'plain');
  assert.equal(r.code, 0, r.err);
  const found = JSON.parse(r.out) as Array<{ file: string; severity: string }>;
  assert.deepEqual(
    found.map((f) => f.severity),
    ['hint', 'hint', 'hint', 'hint'],
  );
});

test('an unknown rule and a bad severity are named with file, line and column; the run is an input error', () => {
  const r = run('--secrets', 'secrets.json', 'bad');
  assert.equal(r.code, 2);
  assert.equal(
    r.err,
    'pachyderm-secrets check: bad/.pachyderm-secrets.json:3:5: unknown rule "PS02"; did you mean PS002?\n' +
      'pachyderm-secrets check: bad/.pachyderm-secrets.json:4:14: rule PS002 cannot be set to "warn": ' +
      'use error, warning, information, hint, off\n',
  );
  assert.equal(
    r.out,
    'bad/c.pipeline.yaml:5:11: error PS002 missing Kubernetes secret gone\n',
    'findings still printed',
  );
});

test('a settings file that is not JSON is named and sets nothing', () => {
  const r = run('--secrets', 'secrets.json', 'broken');
  assert.equal(r.code, 2);
  assert.equal(
    r.err,
    'pachyderm-secrets check: broken/.pachyderm-secrets.json:1:28: not valid JSON (PropertyNameExpected)\n',
  );
  assert.match(r.out, /error PS002/);
});

test('a --config file that cannot be read stops the run with a usage error', () => {
  const r = run('--secrets', 'secrets.json', '--config', 'nope.json', 'plain');
  assert.equal(r.code, 2);
  assert.match(r.err, /^pachyderm-secrets check: cannot read --config file nope\.json: it is not a file\n/);
  assert.equal(r.out, '');
});
