import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, type Finding } from '../../../core/src/analysis';
import { codeActionsFor, type SpecCodeAction } from '../../../core/src/language/codeActions';
import { applyEdits } from '../../../core/src/text/offsets';
import { ClientCommands } from '../../../core/src/protocol/messages';
import { readyCatalog } from './fixtures';

const URI_JSON = 'file:///ws/a.pipeline.json';
const URI_YAML = 'file:///ws/a.pipeline.yaml';

function fixesFor(text: string, uri: string, code: string) {
  const catalog = readyCatalog();
  const result = analyzeDocument({ uri, text }, catalog);
  const finding = result.findings.find((f: Finding) => f.code === code);
  assert.ok(finding, `no ${code} among ${result.findings.map((f) => f.code).join(', ')}`);
  const actions = codeActionsFor({ file: result.file!, uri, finding, catalog });
  const apply = (title: string): string => {
    const a = actions.find((x: SpecCodeAction) => x.title === title);
    assert.ok(a?.edits, `no edit action "${title}" among ${actions.map((x) => x.title).join(' | ')}`);
    return applyEdits(text, a.edits);
  };
  return { actions, titles: actions.map((a) => a.title), apply };
}

const json = (secrets: string) =>
  `{"pipeline": {"name": "p"}, "transform": {"image": "a:1", "secrets": ` +
  `[${secrets}]}, "input": {"pfs": {"repo": "r", "glob": "/*"}}}`;

test('did-you-mean replaces an unknown secret name, keeping the JSON quotes', () => {
  const text = json('{"name": "db-credential", "mountPath": "/s"}');
  const f = fixesFor(text, URI_JSON, 'PS002');
  assert.equal(f.titles[0], 'Change to "db-credentials"');
  assert.equal(f.actions[0].isPreferred, true);
  assert.equal(f.apply('Change to "db-credentials"'), json('{"name": "db-credentials", "mountPath": "/s"}'));
});

test('the missing secret can be created through the client command, with the key the entry asks for', () => {
  const f = fixesFor(json('{"name": "brand-new", "key": "token", "envVar": "TOKEN"}'), URI_JSON, 'PS002');
  const create = f.actions.find((a) => a.command);
  assert.deepEqual(create?.command, {
    title: 'Create secret "brand-new" with key "token"…',
    command: ClientCommands.createSecret,
    arguments: [{ name: 'brand-new', key: 'token', uri: URI_JSON }],
  });
});

test("did-you-mean replaces an unknown key in YAML and offers the secret's other keys", () => {
  const text =
    'pipeline:\n  name: p\ntransform:\n  image: a:1\n  secrets:\n  - name: db-credentials\n    key: pasword\n    ' +
    'envVar: PW\ninput:\n  pfs:\n    repo: r\n    glob: /*\n';
  const f = fixesFor(text, URI_YAML, 'PS003');
  assert.deepEqual(f.titles, ['Change to "password"', 'Use key "username"']);
  assert.equal(f.apply('Change to "password"'), text.replace('key: pasword', 'key: password'));
});

test('an image pull secret typo gets a did-you-mean and a create action', () => {
  const text =
    'pipeline:\n  name: p\ntransform:\n  image: a:1\n  imagePullSecrets:\n  ' +
    '- "regcrd"\ninput:\n  pfs:\n    repo: r\n    glob: /*\n';
  const f = fixesFor(text, URI_YAML, 'PS020');
  assert.equal(f.apply('Change to "regcred"'), text.replace('"regcrd"', '"regcred"'));
  assert.ok(f.actions.some((a) => (a.command?.arguments[0] as { name?: string } | undefined)?.name === 'regcrd'));
});

test('adds the missing key, one action per key of the secret (JSON)', () => {
  const text = json('{"name": "db-credentials", "envVar": "PW"}');
  const f = fixesFor(text, URI_JSON, 'PS001');
  assert.deepEqual(f.titles, ['Add key "password"', 'Add key "username"']);
  assert.equal(f.apply('Add key "username"'), json('{"name": "db-credentials", "envVar": "PW", "key": "username"}'));
});

test("adds the missing key in YAML at the entry's indentation", () => {
  const text =
    'pipeline:\n  name: p\ntransform:\n  image: a:1\n  secrets:\n  - name: aws-keys\n    env_var: KEY\ninput:\n  ' +
    'pfs:\n    repo: r\n    glob: /*\n';
  const f = fixesFor(text, URI_YAML, 'PS001');
  assert.equal(f.titles.length, 3);
  assert.equal(
    f.apply('Add key "AWS_ACCESS_KEY_ID"'),
    text.replace('    env_var: KEY\n', '    env_var: KEY\n    key: AWS_ACCESS_KEY_ID\n'),
  );
  assert.equal(
    f.apply('Add key "keystore.p12"'),
    text.replace('    env_var: KEY\n', '    env_var: KEY\n    key: keystore.p12\n'),
  );
});

test('removes either spelling of a field given twice (JSON)', () => {
  const text = json('{"name": "db-credentials", "env_var": "A", "key": "password", "envVar": "B"}');
  const f = fixesFor(text, URI_JSON, 'PS012');
  assert.deepEqual(f.titles, ['Remove "env_var" (keep "envVar")', 'Remove "envVar" (keep "env_var")']);
  assert.equal(
    f.apply('Remove "env_var" (keep "envVar")'),
    json('{"name": "db-credentials", "key": "password", "envVar": "B"}'),
  );
  assert.equal(
    f.apply('Remove "envVar" (keep "env_var")'),
    json('{"name": "db-credentials", "env_var": "A", "key": "password"}'),
  );
});

test('removes either spelling of a field given twice (YAML, including the first key of a list item)', () => {
  const text =
    'pipeline:\n  name: p\ntransform:\n  image: a:1\n  secrets:\n  - mount_path: /a\n    name: db-credentials\n    ' +
    'mountPath: /b\ninput:\n  pfs:\n    repo: r\n    glob: /*\n';
  const f = fixesFor(text, URI_YAML, 'PS012');
  assert.equal(
    f.apply('Remove "mount_path" (keep "mountPath")'),
    text.replace('  - mount_path: /a\n    name:', '  - name:'),
  );
  assert.equal(f.apply('Remove "mountPath" (keep "mount_path")'), text.replace('    mountPath: /b\n', ''));
});

test('an unknown field gets a did-you-mean for the field name', () => {
  const text = json('{"name": "db-credentials", "mountPth": "/s"}');
  const f = fixesFor(text, URI_JSON, 'PS101');
  assert.equal(f.apply('Change to "mountPath"'), json('{"name": "db-credentials", "mountPath": "/s"}'));
});

test('an egress SQL secret without key gets one "add key" per key of the named secret', () => {
  const text =
    '{"pipeline": {"name": "p"}, "transform": {"image": "a:1"}, "egress": {"sqlDatabase": {"url": "u", "secret": ' +
    '{"name": "db-credentials"}}}}';
  const f = fixesFor(text, URI_JSON, 'PS030');
  assert.deepEqual(f.titles, ['Add key "password"', 'Add key "username"']);
  assert.equal(
    f.apply('Add key "password"'),
    text.replace('{"name": "db-credentials"}', '{"name": "db-credentials", "key": "password"}'),
  );
  const yaml =
    'pipeline:\n  name: p\ntransform:\n  image: a:1\negress:\n  ' +
    'sql_database:\n    url: u\n    secret:\n      key: password\n';
  const y = fixesFor(yaml, URI_YAML, 'PS030');
  assert.equal(y.apply('Add "name"'), yaml.replace('      key: password\n', '      key: password\n      name: ""\n'));
});
