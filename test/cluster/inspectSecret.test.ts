/** The Inspect document (pachctl's NAME TYPE CREATED table plus labels, keys and uses) and pachctl's `… ago`. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { humanDuration } from '../../client/src/cluster/humanDuration';
import { inspectSecretText, keyOfLine, keyRowLine, MASK } from '../../client/src/cluster/inspectSecretText';
import { findSecretUses } from '../../core/src/analysis/secretUses';

test('ages read like pachctl (docker/go-units HumanDuration)', () => {
  const s = 1000;
  assert.equal(humanDuration(500), 'Less than a second');
  assert.equal(humanDuration(1 * s), '1 second');
  assert.equal(humanDuration(11 * s), '11 seconds');
  assert.equal(humanDuration(90 * s), 'About a minute');
  assert.equal(humanDuration(59 * 60 * s), '59 minutes');
  assert.equal(humanDuration(3600 * s), 'About an hour');
  assert.equal(humanDuration(47 * 3600 * s), '47 hours');
  assert.equal(humanDuration(3 * 86400 * s), '3 days');
  assert.equal(humanDuration(20 * 86400 * s), '2 weeks');
  assert.equal(humanDuration(90 * 86400 * s), '3 months');
  assert.equal(humanDuration(800 * 86400 * s), '2 years');
});

test("the inspect document starts with pachctl's table and masks every value", () => {
  const text = inspectSecretText(
    {
      name: 'mysecret',
      namespace: 'pach',
      type: 'kubernetes.io/dockerconfigjson',
      keys: [{ name: '.dockerconfigjson', size: 120, binary: false }],
      labels: { suite: 'pachyderm', 'secret-source': 'pachyderm-user' },
      creationTimestamp: '2026-01-10T11:59:49Z',
    },
    [{ pipeline: 'edges', file: 'specs/edges.pipeline.json', line: 7, how: 'transform.imagePullSecrets[0]' }],
    new Date('2026-01-10T12:00:00Z'),
  );
  const lines = text.split('\n');
  assert.equal(lines[0], 'NAME       TYPE                             CREATED');
  assert.equal(lines[1], 'mysecret   kubernetes.io/dockerconfigjson   11 seconds ago');
  assert.match(text, /Pachyderm-managed: {2}yes/);
  assert.match(text, / {2}secret-source=pachyderm-user\n {2}suite=pachyderm/);
  assert.match(text, new RegExp(`\\.dockerconfigjson +120 bytes +text +${MASK}`));
  assert.match(text, /edges {2}specs\/edges\.pipeline\.json:7 {2}transform\.imagePullSecrets\[0\]/);
});

test('secret uses are found in JSON and YAML specs, in every place a secret can appear', () => {
  const json = JSON.stringify(
    {
      pipeline: { name: 'edges' },
      transform: {
        image: 'x:1',
        secrets: [
          { name: 'db', env_var: 'PW', key: 'password' },
          { name: 'other', mountPath: '/o' },
        ],
        imagePullSecrets: ['db'],
      },
    },
    null,
    2,
  );
  const uses = findSecretUses('file:///w/edges.pipeline.json', 'edges.pipeline.json', json, 'db');
  assert.deepEqual(
    uses.map((u) => [u.pipeline, u.line, u.how]),
    [
      ['edges', 9, 'transform.secrets[0]: env PW (key password)'],
      ['edges', 19, 'transform.imagePullSecrets[0]'],
    ],
  );
  const yaml =
    'pipeline:\n  name: sql\ntransform:\n  image: x:1\negress:\n  ' +
    'sqlDatabase:\n    secret:\n      name: db\n      key: pw\n';
  assert.deepEqual(
    findSecretUses('file:///w/sql.pipeline.yaml', 'sql.pipeline.yaml', yaml, 'db').map((u) => [
      u.pipeline,
      u.line,
      u.how,
    ]),
    [['sql', 8, 'egress.sqlDatabase.secret (key pw)']],
  );
});

test("a key's row is found in the inspect text (Go to Definition on a key), and only in the key table", () => {
  const meta = {
    name: 'db',
    namespace: 'pach',
    type: 'Opaque',
    // A label and a key named like a column and like the heading: only the key table's rows count.
    keys: [
      { name: 'KEY', size: 1, binary: false },
      { name: 'password', size: 8, binary: false },
      { name: 'user', size: 3, binary: true },
    ],
    labels: { password: 'x' },
    creationTimestamp: '2026-01-10T11:59:49Z',
  };
  const text = inspectSecretText(meta, [{ pipeline: 'user', file: 'user.json', line: 1, how: 'password' }]);
  const lines = text.split('\n');
  for (const key of ['KEY', 'password', 'user']) {
    const line = keyRowLine(text, key);
    assert.ok(line !== undefined, key);
    assert.match(lines[line], new RegExp(`^ {2}${key} +\\d+ bytes`));
    assert.equal(keyOfLine(text, line), key);
  }
  assert.equal(keyRowLine(text, 'missing'), undefined);
  assert.equal(keyOfLine(text, 0), undefined);
  assert.equal(
    keyOfLine(
      text,
      lines.findIndex((l) => l.startsWith('Keys (')),
    ),
    undefined,
  );
  assert.equal(
    keyOfLine(
      text,
      lines.findIndex((l) => l.startsWith('  KEY ') && l.includes('SIZE')),
    ),
    undefined,
  );
  assert.equal(keyOfLine(text, lines.length - 2), undefined);
});
