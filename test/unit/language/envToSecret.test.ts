/**
 * PS050's "Move into a Secret" in core: the code action's arguments (defaults, never the value), where the value is
 * (slices that read back as exactly it), and the edit replacing the env entry by a secrets entry, in JSON and YAML
 * and the file's spelling.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../../core/src/analysis/analyzeDocument';
import { CatalogIndex, emptySnapshot } from '../../../core/src/catalog/snapshot';
import { readSlices } from '../../../core/src/helm/valueSlice';
import { codeActionsFor } from '../../../core/src/language/codeActions';
import { suggestedEnvSecretKey, suggestedEnvSecretName } from '../../../core/src/language/envSecretAction';
import { envToSecretEdit, envValueSlices } from '../../../core/src/language/envToSecretEdit';
import { applyEdits } from '../../../core/src/text/offsets';

const CANARY = 'CANARY-move-9Kp';
const NO_CLUSTER = new CatalogIndex(emptySnapshot());
const JSON_URI = 'file:///w/etl.pipeline.json';
const YAML_URI = 'file:///w/etl.pipeline.yaml';

function ps050(uri: string, text: string) {
  const result = analyzeDocument({ uri, text }, NO_CLUSTER);
  const finding = result.findings.find((f) => f.code === 'PS050');
  assert.ok(finding, `no PS050 among ${result.findings.map((f) => f.code).join(', ')}`);
  return { result, finding };
}

/** Moves `env` in `text` into secret etl-credentials/`key` and returns the new text, checked to be clean. */
function moved(uri: string, text: string, env: string, key: string, pipeline: string | undefined = 'etl'): string {
  const { finding } = ps050(uri, text);
  const target = { uri, env, offset: finding.start, ...(pipeline ? { pipeline } : {}) };
  const edit = envToSecretEdit(text, target, { name: 'etl-credentials', key });
  assert.ok(edit.ok, JSON.stringify(edit));
  assert.ok(!edit.edit.newText.includes(CANARY), 'the edit carries the value');
  const after = applyEdits(text, [edit.edit]);
  assert.ok(!after.includes(CANARY), 'the value is still in the file');
  assert.deepEqual(
    analyzeDocument({ uri, text: after }, NO_CLUSTER).findings.map((f) => f.code),
    [],
    after,
  );
  return after;
}

test('the code action carries the place and the defaults, never the value', () => {
  const text = JSON.stringify({
    pipeline: { name: 'Daily_ETL' },
    transform: { image: 'i', env: { DB_PASSWORD: CANARY } },
  });
  const { result, finding } = ps050(JSON_URI, text);
  const [action] = codeActionsFor({ file: result.file!, uri: JSON_URI, finding, catalog: NO_CLUSTER });
  assert.equal(action.title, 'Move into a Secret');
  assert.equal(action.isPreferred, true);
  assert.deepEqual(action.command?.arguments, [
    {
      uri: JSON_URI,
      env: 'DB_PASSWORD',
      offset: finding.start,
      pipeline: 'Daily_ETL',
      suggestedName: 'daily-etl-credentials',
      suggestedKey: 'db-password',
    },
  ]);
  assert.ok(!JSON.stringify(action).includes(CANARY));
});

test('default names and keys are valid whatever the pipeline and variable are called', () => {
  assert.equal(suggestedEnvSecretName(undefined), 'pipeline-credentials');
  assert.equal(suggestedEnvSecretName('__'), 'pipeline-credentials');
  assert.equal(suggestedEnvSecretName('x'.repeat(300)).length, 212);
  assert.equal(suggestedEnvSecretKey('AWS_SECRET_ACCESS_KEY'), 'aws-secret-access-key');
  assert.equal(suggestedEnvSecretKey('apiKey'), 'apikey');
  assert.equal(suggestedEnvSecretKey('ÄÖ'), 'value');
});

test('JSON: the entry leaves env, a secrets item with envVar and key arrives', () => {
  const text =
    '{\n  "pipeline": {"name": "etl"},\n  "transform": {\n    "image": "i",\n' +
    `    "env": {"MODE": "fast", "DB_PASSWORD": "${CANARY}"}\n  }\n}\n`;
  assert.equal(
    moved(JSON_URI, text, 'DB_PASSWORD', 'db-password'),
    '{\n  "pipeline": {"name": "etl"},\n  "transform": {\n    "image": "i",\n' +
      '    "env": {"MODE": "fast"},\n' +
      '    "secrets": [{"name": "etl-credentials", "key": "db-password", "envVar": "DB_PASSWORD"}]\n  }\n}\n',
  );
});

test('JSON in snake_case: the item is appended to transform.secrets with env_var; a lone entry takes env with it', () => {
  const text = JSON.stringify(
    {
      pipeline: { name: 'etl' },
      transform: {
        image: 'i',
        env: { API_KEY: CANARY },
        secrets: [{ name: 'db', key: 'user', env_var: 'DB_USER' }],
      },
    },
    null,
    2,
  );
  const after = JSON.parse(moved(JSON_URI, text, 'API_KEY', 'api-key')) as { transform: Record<string, unknown> };
  assert.deepEqual(after.transform, {
    image: 'i',
    secrets: [
      { name: 'db', key: 'user', env_var: 'DB_USER' },
      { name: 'etl-credentials', key: 'api-key', env_var: 'API_KEY' },
    ],
  });
});

test('YAML block: the entry goes, and so does env when it was the only one', () => {
  const text =
    'pipeline:\n  name: etl\ntransform:\n  image: i\n  env:\n' + `    TOKEN_PATH: /t\n    GITHUB_TOKEN: ${CANARY}\n`;
  assert.equal(
    moved(YAML_URI, text, 'GITHUB_TOKEN', 'github-token'),
    'pipeline:\n  name: etl\ntransform:\n  image: i\n  env:\n    TOKEN_PATH: /t\n  secrets:\n' +
      '    - name: etl-credentials\n      key: github-token\n      envVar: GITHUB_TOKEN\n',
  );
  const alone = `pipeline:\n  name: etl\ntransform:\n  env:\n    DB_PASSWORD: '${CANARY}'\n  image: i\n`;
  assert.equal(
    moved(YAML_URI, alone, 'DB_PASSWORD', 'pw'),
    'pipeline:\n  name: etl\ntransform:\n  image: i\n  secrets:\n' +
      '    - name: etl-credentials\n      key: pw\n      envVar: DB_PASSWORD\n',
  );
});

test('several specs in one file: the pipeline named in the arguments is the one edited', () => {
  const doc = (name: string, value: string) =>
    `pipeline:\n  name: ${name}\ntransform:\n  image: i\n  env:\n    DB_PASSWORD: ${value}\n`;
  const text = `${doc('first', 'other-plain-value')}---\n${doc('etl', CANARY)}`;
  const { finding } = ps050(YAML_URI, text);
  const edit = envToSecretEdit(
    text,
    { uri: YAML_URI, env: 'DB_PASSWORD', pipeline: 'etl', offset: finding.start },
    { name: 's', key: 'k' },
  );
  assert.ok(edit.ok);
  const after = applyEdits(text, [edit.edit]);
  assert.ok(after.startsWith(doc('first', 'other-plain-value')));
  assert.ok(!after.includes(CANARY));
  const gone = envToSecretEdit(
    text,
    { uri: YAML_URI, env: 'NOPE', pipeline: 'etl', offset: 0 },
    { name: 's', key: 'k' },
  );
  assert.deepEqual(gone, { ok: false, message: 'pipeline "etl" no longer sets NOPE in transform.env' });
});

test('the value is located as slices that read back exactly, escapes included, without holding it', () => {
  const cases: [string, string, string][] = [
    [
      JSON_URI,
      `{"pipeline": {"name": "etl"}, "transform": {"env": {"DB_PASSWORD": "a\\"b\\u0041\\n${CANARY}"}}}`,
      `a"bA\n${CANARY}`,
    ],
    [YAML_URI, `pipeline: {name: etl}\ntransform:\n  env:\n    DB_PASSWORD: ${CANARY}\n`, CANARY],
    [YAML_URI, `pipeline: {name: etl}\ntransform:\n  env:\n    DB_PASSWORD: "x\\ty${CANARY}"\n`, `x\ty${CANARY}`],
    [YAML_URI, `pipeline: {name: etl}\ntransform:\n  env:\n    DB_PASSWORD: 'it''s ${CANARY}'\n`, `it's ${CANARY}`],
  ];
  for (const [uri, text, value] of cases) {
    const found = envValueSlices(text, { uri, env: 'DB_PASSWORD', pipeline: 'etl', offset: 0 });
    assert.ok(found.ok, JSON.stringify(found));
    assert.equal(readSlices(text, found.slices), value);
    assert.ok(!JSON.stringify(found).includes(CANARY));
  }
  assert.deepEqual(
    envValueSlices('pipeline: {name: etl}\ntransform:\n  env:\n    N: 1\n', {
      uri: YAML_URI,
      env: 'N',
      pipeline: 'etl',
      offset: 0,
    }),
    { ok: false, message: 'N in transform.env holds no string' },
  );
});
