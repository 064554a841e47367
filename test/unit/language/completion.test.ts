import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completeSpec } from '../../../core/src/language/completion';
import type { SpecCompletionItem } from '../../../core/src/language/completionItem';
import { isNameListTruncated, MAX_NAME_ITEMS } from '../../../core/src/language/secretNameCompletion';
import { expandSnippet } from '../../../core/src/language/snippets';
import { applyEdits } from '../../../core/src/text/offsets';
import { readyCatalog, unknownCatalog, withCaret, SECRETS } from './fixtures';
import type { CatalogIndex } from '../../../core/src/catalog/snapshot';

function complete(fixture: string, name: string, opts: { style?: 'snake' | 'camel'; catalog?: CatalogIndex } = {}) {
  const { file, offset } = withCaret(fixture, name);
  const items = completeSpec({ file, offset, catalog: opts.catalog ?? readyCatalog(), style: opts.style ?? 'camel' });
  const apply = (label: string, detailPart?: string): string => {
    const item = items.find((i) => i.label === label && (!detailPart || i.detail?.includes(detailPart)));
    assert.ok(item, `no completion "${label}" among ${items.map((i) => i.label).join(', ')}`);
    return applyEdits(file.text, [
      { ...item.edit, newText: item.snippet ? expandSnippet(item.edit.newText) : item.edit.newText },
    ]);
  };
  return { items, apply, labels: items.map((i) => i.label) };
}

test('offers catalog secret names inside an empty JSON string at transform.secrets[].name', () => {
  const c = complete('{"transform": {"secrets": [{"name": "|", "mountPath": "/s"}]}}', 'a.pipeline.json');
  assert.deepEqual(c.labels.sort(), ['aws-keys', 'db-credentials', 'regcred']);
  assert.equal(
    c.apply('db-credentials'),
    '{"transform": {"secrets": [{"name": "db-credentials", "mountPath": "/s"}]}}',
  );
});

test('replaces a partly typed JSON name and filters on the quoted text', () => {
  const c = complete('{"transform": {"secrets": [{"name": "db-|"}]}}', 'a.pipeline.json');
  const item = c.items.find((i) => i.label === 'db-credentials')!;
  assert.equal(item.filterText, '"db-credentials"');
  assert.equal(c.apply('db-credentials'), '{"transform": {"secrets": [{"name": "db-credentials"}]}}');
});

test('a large namespace sends at most MAX_NAME_ITEMS names, filtered by what is typed, prefix matches first', () => {
  const many = Array.from({ length: 1000 }, (_, i) => ({
    metadata: { name: `team-${String(i).padStart(4, '0')}` },
    data: { k: 'eA==' },
  }));
  const catalog = readyCatalog([...many, { metadata: { name: 'other-team-0999' }, data: {} }]);
  const all = complete('{"transform": {"secrets": [{"name": "|"}]}}', 'a.pipeline.json', { catalog });
  assert.equal(all.items.length, MAX_NAME_ITEMS);
  assert.ok(isNameListTruncated(all.items));
  const narrowed = complete('{"transform": {"secrets": [{"name": "team-0999|"}]}}', 'a.pipeline.json', { catalog });
  assert.deepEqual(narrowed.labels.sort(), ['other-team-0999', 'team-0999']);
  // Cut short, the prefix matches are the ones kept.
  const cut = complete('{"transform": {"secrets": [{"name": "t|"}]}}', 'a.pipeline.json', { catalog });
  assert.ok(cut.labels.every((l) => l.startsWith('team-')));
  assert.ok(!isNameListTruncated(narrowed.items));
});

test('completes a JSON name whose value is not typed yet, adding the quotes', () => {
  const c = complete('{"transform": {"secrets": [{"name": |}]}}', 'a.pipeline.json');
  assert.equal(c.apply('regcred'), '{"transform": {"secrets": [{"name": "regcred"}]}}');
});

test('offers secret names after "name: " in YAML', () => {
  const c = complete(
    'pipeline:\n  name: p\ntransform:\n  secrets:\n  - name: |\n    mountPath: /s\n',
    'a.pipeline.yaml',
  );
  assert.equal(
    c.apply('aws-keys'),
    'pipeline:\n  name: p\ntransform:\n  secrets:\n  - name: aws-keys\n    mountPath: /s\n',
  );
});

test('replaces a partial YAML word and keeps the quote style', () => {
  const plain = complete('transform:\n  secrets:\n  - name: db|\n', 'a.pipeline.yaml');
  assert.equal(plain.apply('db-credentials'), 'transform:\n  secrets:\n  - name: db-credentials\n');
  const quoted = complete("transform:\n  secrets:\n  - name: 'db|'\n", 'a.pipeline.yaml');
  assert.equal(quoted.apply('db-credentials'), "transform:\n  secrets:\n  - name: 'db-credentials'\n");
});

test('detail shows type and key count, documentation lists keys and never a value', () => {
  const c = complete('{"transform": {"secrets": [{"name": "|"}]}}', 'a.pipeline.json');
  const item = c.items.find((i) => i.label === 'db-credentials')!;
  assert.equal(item.detail, 'Opaque · 2 keys');
  assert.match(item.documentation!, /`password`/);
  for (const i of c.items) assertNoValues(i);
});

test('lists registry credentials first for imagePullSecrets (camel and snake, JSON and YAML)', () => {
  for (const [fixture, name] of [
    ['{"transform": {"imagePullSecrets": ["|"]}}', 'a.pipeline.json'],
    ['{"transform": {"image_pull_secrets": ["|"]}}', 'a.pipeline.json'],
    ['transform:\n  imagePullSecrets:\n  - |\n', 'a.pipeline.yaml'],
  ] as const) {
    const c = complete(fixture, name);
    const sorted = [...c.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.equal(sorted[0].label, 'regcred', fixture);
  }
  const c = complete('{"transform": {"imagePullSecrets": ["|"]}}', 'a.pipeline.json');
  assert.equal(c.apply('regcred'), '{"transform": {"imagePullSecrets": ["regcred"]}}');
});

test('offers the keys of the named secret at key, in JSON and YAML', () => {
  const json = complete(
    '{"transform": {"secrets": [{"name": "db-credentials", "key": "|", "envVar": "PW"}]}}',
    'a.pipeline.json',
  );
  assert.deepEqual(json.labels, ['password', 'username']);
  assert.equal(
    json.apply('password'),
    '{"transform": {"secrets": [{"name": "db-credentials", "key": "password", "envVar": "PW"}]}}',
  );
  const yaml = complete('transform:\n  secrets:\n  - name: aws-keys\n    env_var: K\n    key: |\n', 'a.pipeline.yaml');
  assert.deepEqual(yaml.labels, ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'keystore.p12']);
  assert.match(yaml.items.find((i) => i.label === 'keystore.p12')!.detail!, /binary/);
  assert.equal(
    yaml.apply('AWS_SECRET_ACCESS_KEY'),
    'transform:\n  secrets:\n  - name: aws-keys\n    env_var: K\n    key: AWS_SECRET_ACCESS_KEY\n',
  );
});

test('offers keys of the egress SQL secret', () => {
  const c = complete(
    '{"egress": {"sqlDatabase": {"secret": {"name": "db-credentials", "key": "pa|"}}}}',
    'a.pipeline.json',
  );
  assert.equal(
    c.apply('password'),
    '{"egress": {"sqlDatabase": {"secret": {"name": "db-credentials", "key": "password"}}}}',
  );
});

test('offers no names or keys while the catalog is not ready', () => {
  const c = complete('{"transform": {"secrets": [{"name": "|"}]}}', 'a.pipeline.json', { catalog: unknownCatalog() });
  assert.deepEqual(c.labels, []);
});

test("offers the missing fields of a secret entry in the file's spelling style", () => {
  const camel = complete('{"transform": {"secrets": [{"name": "x", |}]}}', 'a.pipeline.json');
  assert.deepEqual(camel.labels, ['key', 'mountPath', 'envVar']);
  assert.equal(camel.apply('envVar'), '{"transform": {"secrets": [{"name": "x", "envVar": ""}]}}');
  const snake = complete('transform:\n  secrets:\n  - name: x\n    |\n', 'a.pipeline.yaml', { style: 'snake' });
  assert.deepEqual(snake.labels, ['key', 'mount_path', 'env_var']);
  assert.equal(snake.apply('mount_path'), 'transform:\n  secrets:\n  - name: x\n    mount_path: \n');
});

test('completes a half-typed field name of a secret entry', () => {
  const c = complete('transform:\n  secrets:\n  - name: x\n    mou|\n', 'a.pipeline.yaml');
  assert.equal(c.apply('mountPath'), 'transform:\n  secrets:\n  - name: x\n    mountPath: \n');
  const j = complete('{"transform": {"secrets": [{"name": "x", "en|"}]}}', 'a.pipeline.json');
  assert.equal(j.apply('envVar'), '{"transform": {"secrets": [{"name": "x", "envVar": ""}]}}');
});

test('snippets add a secret as env var or mounted files to a transform (JSON)', () => {
  const c = complete('{"pipeline": {"name": "p"}, "transform": {"image": "i", |}}', 'a.pipeline.json');
  assert.equal(
    c.apply('secret as environment variable'),
    '{"pipeline": {"name": "p"}, "transform": {"image": "i", "secrets": ' +
      '[{"name": "aws-keys", "key": "key", "envVar": "ENV_VAR"}]}}',
  );
  assert.equal(
    c.apply('secret as mounted files'),
    '{"pipeline": {"name": "p"}, "transform": {"image": "i", ' +
      '"secrets": [{"name": "aws-keys", "mountPath": "/secrets"}]}}',
  );
  assert.equal(
    c.apply('image pull secret'),
    '{"pipeline": {"name": "p"}, "transform": {"image": "i", "imagePullSecrets": ["regcred"]}}',
  );
});

test('snippets in YAML follow the indentation and the snake_case style', () => {
  const c = complete('pipeline:\n  name: p\ntransform:\n  image: i\n  |\n', 'a.pipeline.yaml', { style: 'snake' });
  assert.equal(
    c.apply('secret as environment variable'),
    'pipeline:\n  name: p\ntransform:\n  image: i\n  secrets:\n    ' +
      '- name: aws-keys\n      key: key\n      env_var: ENV_VAR\n',
  );
  assert.equal(
    c.apply('image pull secret'),
    'pipeline:\n  name: p\ntransform:\n  image: i\n  image_pull_secrets:\n    - regcred\n',
  );
});

test('a new YAML list item under secrets offers entry snippets', () => {
  const c = complete('transform:\n  secrets:\n  - |\n', 'a.pipeline.yaml');
  assert.equal(
    c.apply('secret as mounted files'),
    'transform:\n  secrets:\n  - name: aws-keys\n    mountPath: /secrets\n',
  );
});

test('the egress SQL snippet offers the secret and fills its fields', () => {
  const c = complete('{"pipeline": {"name": "p"}, |}', 'a.pipeline.json');
  const out = c.apply('egress SQL secret');
  assert.equal(
    out,
    '{"pipeline": {"name": "p"}, "egress": {"sqlDatabase": {"url": "snowflake://user@account/db", "fileFormat": ' +
      '{"type": "CSV"}, "secret": {"name": "aws-keys", "key": "password"}}}}',
  );
  const y = complete('pipeline:\n  name: p\n|\n', 'a.pipeline.yaml', { style: 'snake' });
  assert.equal(
    y.apply('egress SQL secret'),
    'pipeline:\n  name: p\negress:\n  sql_database:\n    url: snowflake://user@account/db\n    file_format:\n      ' +
      'type: CSV\n    secret:\n      name: aws-keys\n      key: password\n',
  );
});

test('does not offer a secrets snippet where the transform already has secrets', () => {
  const c = complete('{"transform": {"secrets": [], |}}', 'a.pipeline.json');
  assert.ok(!c.labels.includes('secret as environment variable'));
  assert.ok(c.labels.includes('image pull secret'));
});

test('a blank YAML line under secrets or imagePullSecrets starts a new list item', () => {
  const secrets = complete('transform:\n  secrets:\n    - name: a\n      mountPath: /a\n    |\n', 'a.pipeline.yaml');
  assert.equal(
    secrets.apply('secret as environment variable'),
    'transform:\n  secrets:\n    - name: a\n      mountPath: ' +
      '/a\n    - name: aws-keys\n      key: key\n      envVar: ENV_VAR\n',
  );
  const pulls = complete('transform:\n  imagePullSecrets:\n    re|\n', 'a.pipeline.yaml');
  assert.equal(pulls.apply('regcred'), 'transform:\n  imagePullSecrets:\n    - regcred\n');
});

function assertNoValues(item: SpecCompletionItem): void {
  const values = SECRETS.flatMap((s) =>
    Object.values(s.data ?? {}).flatMap((v) => [v, Buffer.from(v, 'base64').toString()]),
  );
  const all = JSON.stringify(item);
  for (const v of values) assert.ok(!all.includes(v), `completion item leaks a value: ${all}`);
}
