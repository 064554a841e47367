/** PS050 through the whole analysis: where it underlines, what it says and carries, in JSON and YAML. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, jsonSpec, NO_CLUSTER, yamlUri } from './fixtures';

const CANARY = 'CANARY-pw-Zq81x';

test('PS050 underlines the value, names the variable and why, and never carries the value', () => {
  const a = analyse(jsonSpec({ env: { LOG_LEVEL: 'debug', DB_PASSWORD: CANARY } }), undefined, NO_CLUSTER);
  assert.deepEqual(a.codes(), ['PS050']);
  assert.deepEqual(a.at('PS050'), [`"${CANARY}"`]);
  const [f] = a.findings;
  assert.equal(f.severity, 'warning');
  assert.equal(
    f.message,
    'DB_PASSWORD in transform.env looks like a plain-text credential (its name says it is a password): ' +
      'move it into a Kubernetes secret',
  );
  assert.deepEqual(f.data, { env: 'DB_PASSWORD', pipeline: 'p' });
  assert.ok(!JSON.stringify(a.findings).includes('CANARY'));
});

test('PS050 in YAML, block and flow, plain and quoted', () => {
  const yaml = (env: string) =>
    `pipeline:\n  name: etl\ninput:\n  pfs: {repo: r, glob: "/*"}\ntransform:\n  image: i:1\n  cmd: [x]\n${env}`;
  const block = analyse(yaml(`  env:\n    API_KEY: ${CANARY}\n    MODE: fast\n`), yamlUri, NO_CLUSTER);
  assert.deepEqual(block.at('PS050'), [CANARY]);
  assert.deepEqual(block.findings[0].data, { env: 'API_KEY', pipeline: 'etl' });
  const flow = analyse(yaml(`  env: {apiKey: '${CANARY}'}\n`), yamlUri, NO_CLUSTER);
  assert.deepEqual(flow.at('PS050'), [`'${CANARY}'`]);
  assert.match(flow.findings[0].message, /^apiKey in transform\.env .*an API key/);
});

test('PS050 stays silent on placeholders, references to a secret, paths, and non-strings (PS109 says those)', () => {
  const silent = analyse(
    jsonSpec({
      env: {
        DB_PASSWORD: '${DB_PASSWORD}',
        SECRET_NAME: 'db-creds',
        TOKEN_PATH: '/secrets/token',
        GOOGLE_APPLICATION_CREDENTIALS: '/var/secrets/google/key.json',
        TOKENIZER_MODEL: 'bert-base-uncased',
      },
    }),
    undefined,
    NO_CLUSTER,
  );
  assert.deepEqual(silent.codes(), []);
  const number = analyse(jsonSpec({ env: { PIN_PASSWORD: 1234 } }), undefined, NO_CLUSTER);
  assert.deepEqual(number.codes(), ['PS109']);
});
