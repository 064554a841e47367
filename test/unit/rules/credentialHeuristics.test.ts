/**
 * The PS050 heuristics one by one: every name term and every value shape with a case that must fire and the
 * nearest case that must not. Token-shaped values are made here from a seeded generator, never written out, so no
 * fixture looks like a leaked credential to a scanner.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { credentialNameKind, nameWords } from '../../../core/src/rules/credentialNames';
import {
  credentialValueKind,
  isObviouslyNotCredential,
  looksRandom,
  namesASecretObject,
} from '../../../core/src/rules/credentialValues';
import { plainCredentialReason } from '../../../core/src/rules/envCredentialRules';
import { prng } from '../../support/random';

const rand = prng(50);
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const of = (alphabet: string, n: number) =>
  Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
/** A random token that certainly mixes upper case, lower case and digits. */
const randomToken = (n: number) => `aZ9${of(ALNUM, n - 3)}`;
const b64url = (n: number) => Buffer.from(of(ALNUM, n)).toString('base64url');

test('names are cut into words at separators and camelCase humps', () => {
  assert.deepEqual(nameWords('AWS_SECRET_ACCESS_KEY'), ['aws', 'secret', 'access', 'key']);
  assert.deepEqual(nameWords('dbPassword'), ['db', 'password']);
  assert.deepEqual(nameWords('APIKey'), ['api', 'key']);
  assert.deepEqual(nameWords('my-app.token'), ['my', 'app', 'token']);
});

const FIRING_NAMES: [string, string][] = [
  ['PASSWORD', 'a password'],
  ['DB_PASSWORD', 'a password'],
  ['POSTGRES_PASSWD', 'a password'],
  ['dbPassword', 'a password'],
  ['DB_PASSWORD_2', 'a password'],
  ['PASSWORD2', 'a password'],
  ['SSH_PASSPHRASE', 'a passphrase'],
  ['DB_PASS', 'a password'],
  ['MYSQL_PWD', 'a password'],
  ['GITHUB_TOKEN', 'a token'],
  ['HF_TOKEN', 'a token'],
  ['accessToken', 'a token'],
  ['CLIENT_SECRET', 'a secret'],
  ['JWT_SECRET', 'a secret'],
  ['API_KEY', 'an API key'],
  ['OPENAI_APIKEY', 'an API key'],
  ['apiKey', 'an API key'],
  ['SSH_PRIVATE_KEY', 'a private key'],
  ['MINIO_ACCESS_KEY', 'an access key'],
  ['AWS_SECRET_ACCESS_KEY', 'a secret access key'],
  ['DJANGO_SECRET_KEY', 'a secret key'],
  ['GCP_CREDENTIALS', 'credentials'],
  ['DB_CREDS', 'credentials'],
  ['TOKEN_B64', 'a token'],
  ['SERVICE_ACCOUNT_CREDENTIALS_JSON', 'credentials'],
];

const SILENT_NAMES = [
  'TOKENIZER_MODEL',
  'MAX_TOKENS',
  'MAX_TOKEN',
  'PAD_TOKEN',
  'EOS_TOKEN',
  'PAGE_TOKEN',
  'SECRET_NAME',
  'DB_SECRET_NAME',
  'PASSWORD_FILE',
  'TOKEN_PATH',
  'TOKEN_URL',
  'PASSWORD_MIN_LENGTH',
  'AWS_ACCESS_KEY_ID',
  'SECRET_KEY_REF',
  'PGPASSFILE',
  'PWD',
  'PASS',
  'KEY',
  'S3_KEY',
  'PARTITION_KEY',
  'PASSENGER_COUNT',
  'COMPASS_URL',
  'SECRETARY',
  'LOG_LEVEL',
];

test('credential names fire on their last words', () => {
  for (const [name, kind] of FIRING_NAMES) assert.equal(credentialNameKind(name), kind, name);
});

test('a word after the term, a longer word, or a tokenizer or pager token is not a credential name', () => {
  for (const name of SILENT_NAMES) assert.equal(credentialNameKind(name), undefined, name);
});

test('each well-known token shape fires whatever the name; the nearest non-token does not', () => {
  const firing: [string, RegExp][] = [
    [`AKIA${of(UPPER_DIGITS, 16)}`, /AWS access key ID/],
    [`ASIA${of(UPPER_DIGITS, 16)}`, /AWS access key ID/],
    [`ghp_${of(ALNUM, 36)}`, /GitHub token/],
    [`github_pat_${of(ALNUM, 22)}_${of(ALNUM, 59)}`, /GitHub fine-grained token/],
    [`glpat-${of(ALNUM, 20)}`, /GitLab personal access token/],
    [`xoxb-${of('0123456789', 12)}-${of(ALNUM, 24)}`, /Slack token/],
    [`AIza${of(ALNUM, 35)}`, /Google API key/],
    [`sk_live_${of(ALNUM, 24)}`, /Stripe live key/],
    [`-----BEGIN RSA PRIVATE KEY-----\n${of(ALNUM, 64)}\n-----END RSA PRIVATE KEY-----\n`, /PEM private key/],
    ['-----BEGIN OPENSSH PRIVATE KEY-----\n', /PEM private key/],
    ['-----BEGIN PRIVATE KEY-----\n', /PEM private key/],
    [`eyJ${b64url(12)}.eyJ${b64url(30)}.${b64url(32)}`, /JSON Web Token/],
    [`postgres://etl:${of(ALNUM, 12)}@db.example.com:5432/warehouse`, /URL with a password/],
    [`amqps://user:${of(ALNUM, 8)}@rabbit:5671`, /URL with a password/],
  ];
  for (const [value, kind] of firing) {
    const why = credentialValueKind(value);
    assert.match(why ?? '', kind, `a ${kind.source} shape`);
    assert.match(plainCredentialReason('CONFIG', value) ?? '', kind);
  }
  const silent = [
    `AKIA${of(UPPER_DIGITS, 10)}`,
    'ghp_short',
    'github_pat_',
    'glpat-short',
    'xoxb-short',
    'AIzaShort',
    'sk_test_abc',
    '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
    '-----BEGIN PUBLIC KEY-----\n',
    'eyJhbGciOiJIUzI1NiJ9',
    'postgres://etl@db.example.com:5432/warehouse',
    'https://example.com/a:b@c',
    'rabbitmq.default.svc.cluster.local:5672',
  ];
  for (const value of silent) assert.equal(credentialValueKind(value), undefined, `${value.length} characters`);
});

test('a long random string fires on entropy; identifiers, hashes and short strings do not', () => {
  let fired = 0;
  for (let i = 0; i < 200; i++) if (looksRandom(randomToken(40))) fired++;
  assert.ok(fired >= 180, `only ${fired} of 200 random 40-character tokens fired`);
  assert.match(credentialValueKind(`wJ7${of(ALNUM, 37)}`) ?? 'looks like a random key', /random key/);
  for (const value of [
    'XGBoostClassifierV1Tuned2023',
    'ThisIsMyPipelineName2024',
    'ResNet50ImageNetPretrainedV2',
    'HuggingFaceH4zephyr7bBeta',
    'meta-llama/Llama-3.1-8B-Instruct',
    'sentence-transformers/all-MiniLM-L6-v2',
    // A git commit and a digest: hex is lower case only, so it never mixes the three classes.
    'e83c5163316f89bfbde7d9ab23ca2e25604af290',
    'sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae',
    '123e4567-e89b-12d3-a456-426614174000',
    randomToken(20),
    `${randomToken(30)} with spaces`,
  ])
    assert.equal(looksRandom(value), false, value);
});

test('empty values, placeholders, booleans, numbers, masks, paths and plain URLs are not credentials', () => {
  for (const value of [
    '',
    '   ',
    '{{ .Values.token }}',
    '<your-token-here>',
    'true',
    'False',
    'none',
    '5432',
    '-1.5',
    '********',
    'xxxx',
    '/var/run/secrets/token',
    './creds.json',
    '~/.aws/credentials',
    'C:\\secrets\\token.txt',
    'https://vault.example.com/v1/secret/data/db',
    's3://bucket/path',
  ])
    assert.ok(isObviouslyNotCredential(value), JSON.stringify(value));
  for (const value of ['hunter2', 'changeme', 'postgres://u:p@h/db', 'a b c', '/path with spaces/token'])
    assert.ok(!isObviouslyNotCredential(value), JSON.stringify(value));
});

test('names plus values: the name fires on any real value, placeholders never, a secret object name for SECRET', () => {
  assert.equal(plainCredentialReason('DB_PASSWORD', 'hunter2'), 'its name says it is a password');
  assert.equal(plainCredentialReason('DB_PASSWORD', '$DB_PASSWORD'), undefined);
  assert.equal(plainCredentialReason('DB_PASSWORD', '${DB_PASSWORD}'), undefined);
  assert.equal(
    plainCredentialReason('GITHUB_TOKEN', `ghp_${of(ALNUM, 36)}`),
    'the value has the shape of a GitHub token',
  );
  assert.equal(plainCredentialReason('DATABASE_URL', 'postgres://u:${PW}@db/x'), undefined);
  assert.equal(plainCredentialReason('GOOGLE_APPLICATION_CREDENTIALS', '/secrets/gcp/key.json'), undefined);
  assert.equal(plainCredentialReason('REGISTRY_SECRET', 'regcred-secret'), undefined);
  assert.equal(plainCredentialReason('DB_CREDENTIALS', 'db-creds'), undefined);
  assert.ok(namesASecretObject('postgres-secret'));
  assert.ok(!namesASecretObject('S3cr3t!'));
  assert.equal(plainCredentialReason('CLIENT_SECRET', 'S3cr3t!'), 'its name says it is a secret');
  assert.equal(plainCredentialReason('DB_PASSWORD', 'my-password'), 'its name says it is a password');
  assert.equal(plainCredentialReason('LOG_LEVEL', 'DEBUG'), undefined);
});
