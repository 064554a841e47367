import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import type { HelmFinding } from '../../../core/src/helm/helmFinding';
import { checkHelmValues } from '../../../core/src/helm/helmRules';
import { suggestedSecretName } from '../../../core/src/helm/chartFacts';
import { creatableRoles } from '../../../core/src/helm/chartFacts';
import { isDns1123Subdomain } from '../../../core/src/rules/names';
import { fixtureDoc, fixtureText, meta, readyCatalog, unknownCatalog } from './helmTestCatalog';

/** `CODE at text` for each finding, so assertions read like the editor shows them. */
function summary(text: string, findings: HelmFinding[]): string[] {
  return findings.map((f) => `${f.code} ${text.slice(f.start, f.end)}`);
}

function check(text: string, catalog = readyCatalog()) {
  return checkHelmValues(parseDocument(text), catalog);
}

/** Minimal documents also get the Postgres-default PH003; tests about other rules look past it. */
function checkIgnoringPgDefault(text: string, catalog = readyCatalog()) {
  return check(text, catalog).filter((f) => !f.message.includes('built-in default password'));
}

test('values written as the docs table suggests get PH002 with the near-miss hint for rootToken and auth-config', () => {
  const text = fixtureText('values-docs-table.yaml');
  const findings = checkHelmValues(fixtureDoc('values-docs-table.yaml'), readyCatalog());
  assert.deepEqual(summary(text, findings), [
    'PH002 pachyderm-root-token',
    'PH002 pachyderm-oauth',
    'PH005 postgres-creds',
  ]);
  const [root, oauth] = findings;
  assert.equal(root.severity, 'error');
  assert.match(root.message, /has no key `root-token`/);
  assert.match(
    root.message,
    /It has `rootToken`: that is the key the docs' Platform Secrets Map names, but the chart reads `root-token`/,
  );
  assert.deepEqual(root.data, {
    kind: 'copy-key',
    secret: 'pachyderm-root-token',
    from: 'rootToken',
    to: 'root-token',
  });
  assert.match(oauth.message, /has no key `pachd-oauth-client-secret`.*It has `auth-config`/);
  assert.deepEqual(oauth.data, {
    kind: 'copy-key',
    secret: 'pachyderm-oauth',
    from: 'auth-config',
    to: 'pachd-oauth-client-secret',
  });
});

test('chart 2.11 layout with Enterprise values reports every applicable rule on the value at fault', () => {
  const text = fixtureText('values-2.11-enterprise.yaml');
  const findings = checkHelmValues(fixtureDoc('values-2.11-enterprise.yaml'), readyCatalog());
  assert.deepEqual(summary(text, findings), [
    'PH007 not-a-registry-secret',
    'PH007 ghost-registry',
    'PH003 "plain-enterprise-secret-value"',
    'PH004 "plain-oauth-value"',
    'PH005 es-token',
    'PH006 pachd-tls-opaque',
    'PH003 "plain-aws-secret-value"',
    'PH001 missing-console-secret',
    'PH005 missing-console-secret',
  ]);
});

test('chart 2.12 layout reports plain credentials, a half TLS secret and the reversed determined default', () => {
  const text = fixtureText('values-2.12.yaml');
  const findings = checkHelmValues(fixtureDoc('values-2.12.yaml'), readyCatalog());
  assert.deepEqual(summary(text, findings), [
    'PH003 "plain-pg-value"',
    'PH003 "plain-root-value"',
    'PH006 proxy-tls',
    'PH005 my-det-oidc',
  ]);
  const proxy = findings.find((f) => f.code === 'PH006')!;
  assert.match(proxy.message, /has no `tls.key`/);
});

test('a values file with everything in correct secrets reports nothing', () => {
  assert.deepEqual(checkHelmValues(fixtureDoc('values-clean.yaml'), readyCatalog()), []);
});

test('no finding message contains a plain credential from the file', () => {
  for (const name of ['values-2.11-enterprise.yaml', 'values-2.12.yaml']) {
    const all = JSON.stringify(checkHelmValues(fixtureDoc(name), readyCatalog()));
    for (const value of [
      'plain-enterprise-secret-value',
      'plain-oauth-value',
      'plain-aws-secret-value',
      'plain-pg-value',
      'plain-root-value',
    ]) {
      assert.ok(!all.includes(value), `${name}: findings leak ${value}`);
    }
  }
});

test('PH001 names the namespace and the key the chart reads', () => {
  const [f] = checkIgnoringPgDefault('pachd:\n  rootTokenSecretName: nope\n');
  assert.equal(f.code, 'PH001');
  assert.equal(
    f.message,
    'Secret `nope` does not exist in namespace `pachyderm`; the ' +
      'chart reads key `root-token` from it for pachd, enterprise-server.',
  );
});

test('PH001 for a missing TLS secret unless the chart creates it', () => {
  assert.deepEqual(
    checkIgnoringPgDefault('pachd:\n  tls:\n    enabled: true\n    secretName: nope\n').map((f) => f.code),
    ['PH001'],
  );
  assert.deepEqual(
    checkIgnoringPgDefault(
      'pachd:\n  tls:\n    enabled: true\n    secretName: nope\n    newSecret:\n      create: true\n',
    ),
    [],
  );
});

test('TLS rules follow the chart: a secret the file makes the chart create is not missing for another block', () => {
  // Ingress names the secret pachd's newSecret creates; the proxy's TLS block is off, so it is never mounted.
  assert.deepEqual(checkHelmValues(fixtureDoc('values-tls-shared.yaml'), readyCatalog()), []);
});

test('TLS secrets are checked only when the chart mounts them: the block and its tls.enabled on', () => {
  const proxy = (enabled: string) => `pachd: {}\nproxy:\n${enabled}  tls:\n    enabled: true\n    secretName: nope\n`;
  assert.deepEqual(
    checkIgnoringPgDefault(proxy('')).map((f) => f.code),
    ['PH001'],
    'proxy.enabled defaults to true',
  );
  assert.deepEqual(checkIgnoringPgDefault(proxy('  enabled: false\n')), []);
  assert.deepEqual(checkIgnoringPgDefault('pachd: {}\nproxy:\n  tls:\n    enabled: false\n    secretName: nope\n'), []);
  // ingress.enabled defaults to false: the chart renders no Ingress, so its TLS secret is never read.
  assert.deepEqual(
    checkIgnoringPgDefault('pachd: {}\ningress:\n  tls:\n    enabled: true\n    secretName: nope\n'),
    [],
  );
  const ingress = 'pachd: {}\ningress:\n  enabled: true\n  tls:\n    enabled: true\n    secretName: nope\n';
  assert.deepEqual(
    checkIgnoringPgDefault(ingress).map((f) => f.code),
    ['PH001'],
  );
  // proxy.tls.secret (cert and key) makes the chart create the secret, whatever proxy.tls.enabled says.
  const made =
    'pachd: {}\nproxy:\n  tls:\n    enabled: true\n    secretName: nope\n    secret:\n      cert: c\n      key: k\n';
  assert.deepEqual(checkIgnoringPgDefault(made), []);
});

test('PH002 for postgres reads the key from postgresqlExistingSecretKey, or postgresql-password by default', () => {
  const pg =
    'pachd: {}\npostgresql:\n  enabled: false\nglobal:\n  postgresql:\n    postgresqlExistingSecretName: pg-creds\n';
  const [f] = check(pg);
  assert.equal(f.code, 'PH002');
  assert.match(f.message, /has no key `postgresql-password`/);
  assert.deepEqual(check(`${pg}    postgresqlExistingSecretKey: password\n`), []);
});

test('PH002 points out a near miss that differs only in case and separators', () => {
  const catalog = readyCatalog([meta('console', ['oauth_client_secret'])]);
  const [f] = checkIgnoringPgDefault(
    'pachd: {}\nconsole:\n  config:\n    oauthClientSecretSecretName: console\n',
    catalog,
  );
  assert.equal(f.code, 'PH002');
  assert.match(f.message, /It has `oauth_client_secret`, a near miss: the chart reads `OAUTH_CLIENT_SECRET`/);
});

test('PH003 for the insecure Postgres default when neither password nor secret is set', () => {
  const [f] = check('pachd:\n  rootTokenSecretName: pach-root\nglobal:\n  postgresql:\n    postgresqlHost: db\n');
  assert.equal(f.code, 'PH003');
  assert.match(f.message, /built-in default password `insecure-user-password`/);
  assert.deepEqual(check('pachd: {}\ncloudsqlAuthProxy:\n  iamLogin: true\n'), []);
});

test('PH003 carries a move-to-secret fix for credentials with a SecretName, except in-cluster Postgres', () => {
  const findings = checkHelmValues(fixtureDoc('values-2.12.yaml'), readyCatalog());
  const root = findings.find((f) => f.message.includes('pachd.rootToken'))!;
  assert.deepEqual(root.data, {
    kind: 'move-to-secret',
    plainPath: 'pachd.rootToken',
    secretNamePath: 'pachd.rootTokenSecretName',
    key: 'root-token',
    suggestedName: 'pachd-root-token',
  });
  const pg = findings.find((f) => f.message.includes('postgresqlPassword'))!;
  assert.equal(pg.data, undefined);
  assert.match(pg.message, /global.postgresql.existingSecret/);
});

test('PH004 on the ignored plain value offers to remove it', () => {
  const [f] = check(
    'pachd:\n  rootToken: abc\n  rootTokenSecretName: pach-root\npostgresql: {enabled: false}\nglobal: {postgresql: ' +
      '{postgresqlExistingSecretName: postgres-creds}}\n',
  );
  assert.equal(f.code, 'PH004');
  assert.match(f.message, /silently ignores `pachd.rootToken`/);
  assert.deepEqual(f.data, { kind: 'remove-ignored-plain', plainPath: 'pachd.rootToken' });
});

test('PH005 stays silent when determined.oidc.clientSecretName is the one name the chart reads', () => {
  assert.deepEqual(
    check(
      'pachd: {}\ncloudsqlAuthProxy: {iamLogin: true}\ndetermined:\n  ' +
        'oidc:\n    clientSecretName: det-oidc-client-secret\n',
    ),
    [],
  );
});

test('PH007 accepts image pull secrets written as {name: x} objects', () => {
  const codes = check(
    'pachd: {}\ncloudsqlAuthProxy: {iamLogin: true}\nglobal:\n  ' +
      'imagePullSecrets:\n    - name: regcred\n    - name: nope\n',
  ).map((f) => f.code);
  assert.deepEqual(codes, ['PH007']);
});

test('cluster-dependent rules stay silent while the catalog is not ready', () => {
  for (const name of ['values-2.11-enterprise.yaml', 'values-2.12.yaml', 'values-docs-table.yaml']) {
    const codes = checkHelmValues(fixtureDoc(name), unknownCatalog()).map((f) => f.code);
    assert.ok(
      codes.every((c) => ['PH003', 'PH004', 'PH005'].includes(c)),
      `${name}: ${codes.join(',')}`,
    );
  }
  assert.deepEqual(
    checkHelmValues(fixtureDoc('values-2.11-enterprise.yaml'), unknownCatalog()).map((f) => f.code),
    ['PH003', 'PH004', 'PH005', 'PH003', 'PH005'],
  );
});

test('PH003 on the enterprise server token offers no fix, because its SecretName is broken in the chart', () => {
  const [f] = checkIgnoringPgDefault('pachd:\n  enterpriseServerToken: "abc"\n');
  assert.equal(f.code, 'PH003');
  assert.equal(f.data, undefined);
  assert.match(
    f.message,
    /plain environment value.*`pachd.enterpriseServerTokenSecretName` is no way out: the chart template writes `value: enterprise-server-token`/,
  );
});

test('PH002 for postgres names the Bitnami key postgres-password as a known mistake, unless the user chose the key', () => {
  const catalog = readyCatalog([meta('pg', ['postgres-password'])]);
  const base =
    'pachd: {}\npostgresql:\n  enabled: false\nglobal:\n  postgresql:\n    postgresqlExistingSecretName: pg\n';
  const [f] = check(base, catalog);
  assert.match(
    f.message,
    /It has `postgres-password`: the key newer Bitnami PostgreSQL charts use.*but the chart reads `postgresql-password`/,
  );
  assert.deepEqual(f.data, { kind: 'copy-key', secret: 'pg', from: 'postgres-password', to: 'postgresql-password' });
  const [chosen] = check(`${base}    postgresqlExistingSecretKey: pass\n`, catalog);
  assert.match(chosen.message, /has no key `pass`/);
  assert.equal(chosen.data, undefined);
});

test('suggested secret names are valid Kubernetes names, one per credential the user can create', () => {
  const names = creatableRoles().map(suggestedSecretName);
  assert.deepEqual(
    names.filter((n) => !isDns1123Subdomain(n)),
    [],
  );
  assert.equal(new Set(names).size, names.length);
  assert.ok(names.includes('console-oauth-client-secret'));
  assert.ok(names.includes('pachyderm-postgresql-password'));
});

test('secrets read with two keys get one PH002 per missing key; whole-secret mounts only need to exist', () => {
  const catalog = readyCatalog([meta('det-creds', ['determined-username']), meta('dex', ['anything.json'])]);
  const found = checkIgnoringPgDefault(
    'pachd:\n  determined:\n    credentialsSecretName: det-creds\noidc:\n  dexCredentialSecretName: dex\n',
    catalog,
  );
  assert.deepEqual(
    found.map((f) => f.code),
    ['PH002'],
  );
  assert.match(found[0].message, /has no key `determined-password`/);
  assert.deepEqual(
    checkIgnoringPgDefault('pachd: {}\noidc:\n  dexCredentialSecretName: nope\n', catalog).map((f) => f.code),
    ['PH001'],
  );
});

test('determined.imagePullSecretName must exist and be a registry credential', () => {
  const catalog = readyCatalog([
    meta('reg', ['.dockerconfigjson'], 'kubernetes.io/dockerconfigjson'),
    meta('opaque', ['x']),
  ]);
  const codes = (name: string) =>
    checkIgnoringPgDefault(`pachd: {}\ndetermined:\n  imagePullSecretName: ${name}\n`, catalog).map((f) => f.code);
  assert.deepEqual(codes('reg'), []);
  assert.deepEqual(codes('opaque'), ['PH007']);
  assert.deepEqual(codes('nope'), ['PH001']);
});

test('PH005 when the in-cluster database would keep the default password while pachd reads the existing secret', () => {
  const text = 'pachd: {}\nglobal:\n  postgresql:\n    postgresqlExistingSecretName: postgres-creds\n';
  const [f] = check(text);
  assert.equal(f.code, 'PH005');
  assert.match(f.message, /subchart still sets the database password from `global.postgresql.postgresqlPassword`/);
  // The subchart's own existing secret fixes it, and is checked for both of its keys.
  const fixed = check(`${text}    existingSecret: postgres-creds\n`);
  assert.deepEqual(
    fixed.map((x) => `${x.code} ${x.message.match(/no key `[^`]+`/)?.[0]}`),
    ['PH002 no key `postgresql-postgres-password`'],
  );
  assert.deepEqual(check(text.replace('pachd: {}', 'pachd: {}\npostgresql:\n  enabled: false')), []);
});
