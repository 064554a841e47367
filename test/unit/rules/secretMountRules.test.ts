import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, jsonSpec, NO_CLUSTER, yamlUri } from './fixtures';

const yaml = (secrets: string, extra = '') =>
  `pipeline:\n  name: p\ninput:\n  pfs: {repo: r, glob: "/*"}\ntransform:\n  ` +
  `image: i:1\n  cmd: [x]\n${extra}  secrets:\n${secrets}`;

test('a correct env-var secret and a correct mount give no finding, in JSON camelCase and YAML snake_case', () => {
  assert.deepEqual(
    analyse(
      jsonSpec({
        secrets: [
          { name: 'db-creds', key: 'password', envVar: 'PW' },
          { name: 'aws', mountPath: '/secrets/aws' },
        ],
      }),
    ).codes(),
    [],
  );
  assert.deepEqual(
    analyse(
      yaml('  - {name: db-creds, key: password, env_var: PW}\n  - {name: aws, mount_path: /secrets/aws}\n'),
      yamlUri,
    ).codes(),
    [],
  );
});

test("PS001: envVar without key, in pachd's wording, in both spellings", () => {
  const a = analyse(jsonSpec({ secrets: [{ name: 'db-creds', envVar: 'PW' }] }));
  assert.deepEqual(a.codes(), ['PS001']);
  assert.equal(a.findings[0].message, 'secret db-creds has env_var set but is missing key');
  assert.deepEqual(a.findings[0].data, { missing: 'key', name: 'db-creds' });
  assert.deepEqual(analyse(yaml('  - name: db-creds\n    env_var: PW\n'), yamlUri).codes(), ['PS001']);
});

test('PS002: a missing secret, with did-you-mean, only when the catalog is ready', () => {
  const a = analyse(jsonSpec({ secrets: [{ name: 'db-cred', key: 'password', envVar: 'PW' }] }));
  assert.deepEqual(a.codes(), ['PS002']);
  assert.equal(a.findings[0].message, 'missing Kubernetes secret db-cred (did you mean "db-creds"?)');
  assert.deepEqual(a.at('PS002'), ['"db-cred"']);
  assert.deepEqual(a.findings[0].data, { name: 'db-cred', suggestions: ['db-creds'] });
  assert.deepEqual(
    analyse(jsonSpec({ secrets: [{ name: 'db-cred', key: 'password', envVar: 'PW' }] }), undefined, NO_CLUSTER).codes(),
    [],
  );
  assert.deepEqual(
    analyse(yaml('  - {name: nothing-like-it, mount_path: /s}\n'), yamlUri).findings.map((f) => f.message),
    ['missing Kubernetes secret nothing-like-it'],
  );
});

test('PS003: a key the secret lacks lists the keys there; a mount does not check keys', () => {
  const a = analyse(jsonSpec({ secrets: [{ name: 'db-creds', key: 'pasword', envVar: 'PW' }] }));
  assert.deepEqual(a.codes(), ['PS003']);
  assert.equal(
    a.findings[0].message,
    'Kubernetes secret db-creds missing key pasword (did you mean "password"?) (keys: password, username)',
  );
  assert.deepEqual(a.at('PS003'), ['"pasword"']);
  assert.deepEqual(analyse(yaml('  - {name: db-creds, key: nope, env_var: PW}\n'), yamlUri).at('PS003'), ['nope']);
  assert.deepEqual(
    analyse(jsonSpec({ secrets: [{ name: 'db-creds', key: 'nope', envVar: 'PW' }] }), undefined, NO_CLUSTER).codes(),
    [],
  );
});

test('PS004: key with only mountPath is a hint on the key', () => {
  const a = analyse(jsonSpec({ secrets: [{ name: 'aws', key: 'AWS_ACCESS_KEY_ID', mountPath: '/s' }] }));
  assert.deepEqual(a.codes(), ['PS004']);
  assert.equal(a.findings[0].severity, 'hint');
  assert.deepEqual(a.at('PS004'), ['"AWS_ACCESS_KEY_ID"']);
  assert.deepEqual(
    analyse(jsonSpec({ secrets: [{ name: 'aws', key: 'AWS_ACCESS_KEY_ID', mountPath: '/s', envVar: 'K' }] })).codes(),
    [],
  );
});

test('PS005: an entry with neither mountPath nor envVar has no effect', () => {
  assert.deepEqual(analyse(jsonSpec({ secrets: [{ name: 'aws' }] })).codes(), ['PS005']);
  assert.deepEqual(analyse(yaml('  - name: aws\n    key: AWS_ACCESS_KEY_ID\n'), yamlUri).codes(), ['PS005']);
});

test('PS006: an entry without name (or with an empty one)', () => {
  assert.deepEqual(analyse(jsonSpec({ secrets: [{ mountPath: '/s' }] })).codes(), ['PS006']);
  assert.deepEqual(analyse(yaml('  - {name: "", mount_path: /s}\n'), yamlUri).codes(), ['PS006']);
});

test('PS007: the same secret mounted twice, reported on the second', () => {
  const text = jsonSpec({
    secrets: [
      { name: 'aws', mountPath: '/a' },
      { name: 'aws', mountPath: '/b' },
      { name: 'aws', key: 'AWS_ACCESS_KEY_ID', envVar: 'K' },
    ],
  });
  const a = analyse(text);
  assert.deepEqual(a.codes(), ['PS007']);
  assert.ok(a.findings[0].start > text.indexOf('"/a"'));
  assert.deepEqual(
    analyse(yaml('  - {name: aws, mount_path: /a}\n  - {name: aws, mount_path: /b}\n'), yamlUri).codes(),
    ['PS007'],
  );
});

test('PS008: a dotted secret name cannot be a volume; fine as an env var', () => {
  assert.deepEqual(analyse(jsonSpec({ secrets: [{ name: 'tls.example.com', mountPath: '/tls' }] })).codes(), ['PS008']);
  assert.deepEqual(
    analyse(jsonSpec({ secrets: [{ name: 'tls.example.com', key: 'tls.crt', envVar: 'CRT' }] })).codes(),
    [],
  );
});

test("PS009: relative mount paths and Pachyderm's own paths warn; nesting under /tmp is fine", () => {
  for (const p of [
    'secrets',
    '/pfs',
    '/pfs/out/x',
    '/pach-bin/',
    '/tmp',
    '/pachctl',
    '/pachyderm-storage-secret',
    '/x/../pfs',
  ]) {
    assert.deepEqual(analyse(jsonSpec({ secrets: [{ name: 'aws', mountPath: p }] })).codes(), ['PS009'], p);
  }
  for (const p of ['/tmp/mongosecret', '/pfsx', '/etc/aws'])
    assert.deepEqual(analyse(jsonSpec({ secrets: [{ name: 'aws', mountPath: p }] })).codes(), [], p);
  assert.match(analyse(yaml('  - {name: aws, mount_path: /pfs/in}\n'), yamlUri).findings[0].message, /inside \/pfs/);
});

test('PS010: envVar that is not a variable name', () => {
  assert.deepEqual(
    analyse(jsonSpec({ secrets: [{ name: 'aws', key: 'AWS_ACCESS_KEY_ID', envVar: '1KEY' }] })).codes(),
    ['PS010'],
  );
  assert.deepEqual(analyse(yaml('  - {name: aws, key: AWS_ACCESS_KEY_ID, env_var: "MY-KEY"}\n'), yamlUri).codes(), [
    'PS010',
  ]);
});

test('PS011: envVar repeating transform.env or an earlier secret entry', () => {
  const a = analyse(jsonSpec({ env: { PW: 'x' }, secrets: [{ name: 'db-creds', key: 'password', envVar: 'PW' }] }));
  assert.deepEqual(a.codes(), ['PS011']);
  assert.equal(a.findings[0].message, 'envVar PW is already set by transform.env');
  const b = analyse(
    yaml('  - {name: db-creds, key: password, env_var: PW}\n  - {name: db-creds, key: username, env_var: PW}\n'),
    yamlUri,
  );
  assert.deepEqual(b.codes(), ['PS011']);
  assert.equal(b.findings[0].message, 'envVar PW is already set by secret db-creds');
});

test('PS013: an invalid Kubernetes name is reported instead of PS002', () => {
  const a = analyse(jsonSpec({ secrets: [{ name: 'DB_Creds', key: 'password', envVar: 'PW' }] }));
  assert.deepEqual(a.codes(), ['PS013']);
  assert.deepEqual(analyse(yaml('  - {name: "bad name", mount_path: /s}\n'), yamlUri).codes(), ['PS013']);
});

test('placeholders ($VAR, ${VAR}) are not checked as names, keys, paths or variables', () => {
  const a = analyse(
    jsonSpec({
      secrets: [
        { name: '$SECRET', mountPath: '$PATH_VAR' },
        { name: '${OTHER}', key: '$KEY', envVar: '$VAR' },
      ],
      imagePullSecrets: ['$PULL'],
    }),
  );
  assert.deepEqual(a.codes(), []);
});

test('every spec in a multi-document file and a top-level array is checked on its own', () => {
  const one = jsonSpec({ secrets: [{ name: 'aws', mountPath: '/a' }] });
  assert.deepEqual(analyse(`${one}\n---\n${one}\n`).codes(), [], 'mounts in different pipelines do not collide');
  const bad = jsonSpec({ secrets: [{ name: 'missing', mountPath: '/a' }] });
  assert.deepEqual(analyse(`[${one}, ${bad}]`).codes(), ['PS002']);
  assert.deepEqual(
    analyse(
      `${yaml('  - {name: missing, mount_path: /a}\n')}---\n${yaml('  - {name: aws, env_var: K}\n')}`,
      yamlUri,
    ).codes(),
    ['PS002', 'PS001'],
  );
});
