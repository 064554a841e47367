/**
 * Every PM rule: the finding and what it underlines, and the nearest case that must stay silent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseManifest, jsonSecret } from './fixtures';

const b64 = (s: string) => Buffer.from(s).toString('base64');

test('PM001: a data value Go cannot read as base64, in JSON and YAML; valid ones (also wrapped) are silent', () => {
  const json = analyseManifest(jsonSecret({ data: { good: b64('abc'), url: '-_-_', short: 'YQ' } }));
  assert.deepEqual(json.at('PM001'), ['"-_-_"', '"YQ"']);
  assert.match(json.message('PM001'), /^data\[url\] is not valid base64.*URL-safe alphabet/);
  // A YAML plain scalar over two lines folds to one with a space; a `|` block keeps line feeds, which Go skips.
  const yaml = analyseManifest(
    'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n' +
      '  folded: YWJj\n    ZGVm\n  block: |\n    YWJj\n    ZGVm\n',
  );
  assert.deepEqual(yaml.at('PM001'), ['YWJj\n    ZGVm']);
  assert.match(yaml.message('PM001'), /space or a tab/);
  const wrapped = analyseManifest(jsonSecret({ data: { k: 'YWJj\nZGVm\n' } }));
  assert.deepEqual(wrapped.codes, []);
});

test('PM002: a !!binary data value; the same value untagged is silent', () => {
  const tagged = analyseManifest('apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  k: !!binary YWJj\n');
  assert.deepEqual(tagged.at('PM002'), ['YWJj']);
  const plain = analyseManifest('apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  k: YWJj\n');
  assert.deepEqual(plain.codes, ['PM011']);
});

test('PM003: a value that is not a string; strings and null are silent', () => {
  const r = analyseManifest(jsonSecret({ data: { n: 12, e: null }, stringData: { b: true, o: {}, s: 'x' } }));
  assert.deepEqual(r.at('PM003'), ['12', 'true', '{}']);
  assert.equal(r.message('PM003'), 'data[n] must be a string, not a number');
});

test('PM004: a missing or invalid name; a valid one or generateName is silent', () => {
  assert.deepEqual(analyseManifest(jsonSecret({ metadata: { name: 'Bad_Name' } })).at('PM004'), ['"Bad_Name"']);
  const missing = analyseManifest(jsonSecret({ metadata: {} }));
  assert.match(missing.message('PM004'), /name or generateName is required/);
  assert.deepEqual(analyseManifest(jsonSecret({ metadata: { generateName: 's-' } })).codes, []);
  assert.deepEqual(analyseManifest(jsonSecret({ metadata: { name: 'a.b-c' } })).codes, []);
});

test('PM005: an invalid key name, with kubectl’s message from keyRules; a valid one is silent', () => {
  const r = analyseManifest(jsonSecret({ data: { 'bad key': '', '..x': '' }, stringData: { 'ok_.-Key9': 'v' } }));
  assert.deepEqual(r.at('PM005'), ['"bad key"', '"..x"']);
  assert.match(r.message('PM005'), /^"bad key" is not valid key name for a Secret a valid config key/);
});

test('PM006: a key in both data and stringData says stringData wins; distinct keys are silent', () => {
  const r = analyseManifest(jsonSecret({ data: { k: b64('a'), other: b64('b') }, stringData: { k: 'b' } }));
  assert.deepEqual(r.at('PM006'), ['"k"']);
  assert.match(r.message('PM006'), /keeps the stringData value/);
  assert.deepEqual(analyseManifest(jsonSecret({ data: { a: b64('a') }, stringData: { b: 'b' } })).codes, []);
});

test('PM007: each well-known type’s required keys and annotation; present ones are silent', () => {
  const cases: Array<[Record<string, unknown>, string | undefined]> = [
    [{ type: 'kubernetes.io/tls', data: { 'tls.crt': '' } }, 'the key tls.key'],
    [{ type: 'kubernetes.io/tls', data: { 'tls.crt': '' }, stringData: { 'tls.key': 'k' } }, undefined],
    [{ type: 'kubernetes.io/dockerconfigjson' }, 'the key .dockerconfigjson'],
    [{ type: 'kubernetes.io/dockercfg', stringData: {} }, 'the key .dockercfg'],
    [{ type: 'kubernetes.io/basic-auth', data: {} }, 'the key username or the key password'],
    [{ type: 'kubernetes.io/basic-auth', stringData: { password: '' } }, undefined],
    [{ type: 'kubernetes.io/ssh-auth', data: { 'ssh-privatekey': '' } }, 'a non-empty key ssh-privatekey'],
    [{ type: 'kubernetes.io/ssh-auth', stringData: { 'ssh-privatekey': 'k' } }, undefined],
    [{ type: 'kubernetes.io/service-account-token' }, 'the annotation kubernetes.io/service-account.name'],
    [
      {
        type: 'kubernetes.io/service-account-token',
        metadata: { name: 's', annotations: { 'kubernetes.io/service-account.name': 'sa' } },
      },
      undefined,
    ],
    [{ type: 'example.com/custom' }, undefined],
  ];
  for (const [fields, what] of cases) {
    const r = analyseManifest(jsonSecret(fields));
    const label = JSON.stringify(fields);
    if (!what) assert.deepEqual(r.codes, [], label);
    else {
      assert.equal(r.message('PM007'), `a Secret of type ${String(fields.type)} needs ${what}`, label);
      assert.deepEqual(r.at('PM007'), [JSON.stringify(fields.type)], label);
    }
  }
});

test('PM008 and PM009: a registry config that is not a JSON object, or has no auths; a good one is silent', () => {
  const t = { type: 'kubernetes.io/dockerconfigjson' };
  const notJson = analyseManifest(jsonSecret({ ...t, data: { '.dockerconfigjson': b64('{"auths": ') } }));
  assert.match(notJson.message('PM008'), /is not a JSON object.*line 1, column 11/);
  const array = analyseManifest(jsonSecret({ ...t, stringData: { '.dockerconfigjson': '[]' } }));
  assert.match(array.message('PM008'), /it is an array$/);
  const noAuths = analyseManifest(jsonSecret({ ...t, data: { '.dockerconfigjson': b64('{"registry":{}}') } }));
  assert.deepEqual(noAuths.codes, ['PM009']);
  assert.deepEqual(noAuths.at('PM009'), ['".dockerconfigjson"']);
  const good = analyseManifest(jsonSecret({ ...t, data: { '.dockerconfigjson': b64('{"auths":{}}') } }));
  assert.deepEqual(good.codes, []);
  // dockercfg has no "auths": the old format maps registries at the top level.
  const cfg = analyseManifest(
    jsonSecret({ type: 'kubernetes.io/dockercfg', stringData: { '.dockercfg': '{"r.io":{}}' } }),
  );
  assert.deepEqual(cfg.codes, []);
});

test('PM010: values over 1 MiB in total (stringData counted once over data); exactly 1 MiB is silent', () => {
  const mib = 1024 * 1024;
  const over = analyseManifest(
    jsonSecret({ data: { a: b64('x'.repeat(mib - 10)) }, stringData: { b: 'y'.repeat(11) } }),
  );
  assert.deepEqual(over.at('PM010'), ['"data"']);
  assert.match(over.message('PM010'), /total 1,048,577 bytes/);
  const exact = analyseManifest(
    jsonSecret({ data: { a: b64('x'.repeat(mib - 10)) }, stringData: { b: 'y'.repeat(10) } }),
  );
  assert.deepEqual(exact.codes, []);
  const replaced = analyseManifest(jsonSecret({ data: { a: b64('x'.repeat(mib)) }, stringData: { a: 'small' } }));
  assert.deepEqual(replaced.codes, ['PM006']);
});

test('PM011: once per YAML file of Secrets, on kind; a JSON file is silent', () => {
  const doc = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n';
  const r = analyseManifest(`${doc}---\n${doc.replace('name: s', 'name: t')}`);
  assert.deepEqual(r.at('PM011'), ['Secret']);
  assert.match(r.message('PM011'), /pachctl create secret -f reads JSON only/);
  assert.deepEqual(analyseManifest(jsonSecret({})).codes, []);
});

test('a file of other Kubernetes objects, or a v1 Secret look-alike, is not a Secret manifest', () => {
  const cm = analyseManifest('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  k: not base64!\n');
  assert.equal(cm.result.kind, 'none');
  const other = analyseManifest(jsonSecret({ apiVersion: 'example.com/v1', data: { k: '!' } }));
  assert.equal(other.result.kind, 'none');
  const mixed = analyseManifest(
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  k: x y\n---\n' +
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  k: x y\n',
  );
  assert.equal(mixed.result.kind, 'secret-manifest');
  assert.deepEqual(mixed.codes, ['PM011', 'PM001']);
});

test('an envsubst template ($VAR, ${VAR}) leaves its name, keys and data values to the template step', () => {
  // A manifest rendered by `envsubst | kubectl apply -f -`, as Pachyderm's own examples ship them.
  const template = analyseManifest(
    'apiVersion: v1\nkind: Secret\nmetadata:\n  name: $SECRET_NAME\ntype: Opaque\ndata:\n' +
      '  USER: $USER_ENCODED\n  PASS: ${PASS_ENCODED}\n  ${KEY_NAME}: YWJj\n',
  );
  assert.deepEqual(template.codes, ['PM011']);
  // The same file with a literal that is no placeholder is still checked.
  const literal = analyseManifest('apiVersion: v1\nkind: Secret\nmetadata:\n  name: S_N\ndata:\n  USER: a b\n');
  assert.deepEqual(literal.codes.sort(), ['PM001', 'PM004', 'PM011']);
});

test('a v1 List (kubectl get secrets -o yaml|json) has its Secret items checked; other items and kinds are not', () => {
  const list = {
    apiVersion: 'v1',
    kind: 'List',
    items: [
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'good' }, data: { k: b64('v') } },
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'Bad_Name' }, data: { k: 'not base64' } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Also_Bad' }, data: { k: 'not base64' } },
    ],
  };
  const r = analyseManifest(JSON.stringify(list, null, 2));
  assert.equal(r.result.kind, 'secret-manifest');
  assert.deepEqual(r.at('PM004'), ['"Bad_Name"']);
  assert.deepEqual(r.at('PM001'), ['"not base64"']);
  // A List of other kinds is no Secret manifest, and an apps/v1 "List" is not the core List.
  const configMaps = { ...list, items: [list.items[2]] };
  assert.equal(analyseManifest(JSON.stringify(configMaps)).result.kind, 'none');
  assert.equal(analyseManifest(JSON.stringify({ ...list, apiVersion: 'apps/v1' })).result.kind, 'none');
});
