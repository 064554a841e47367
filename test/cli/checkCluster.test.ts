/** `check --kubeconfig/--context/--namespace` against the project's local Kubernetes API server. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestCluster, type TestCluster } from '../local-cluster/helpers';
import { FORBIDDEN_CONTEXT } from '../../tools/local-cluster';
import { builtCli } from '../corpus/paths';
import { CHECK_EXIT } from '../../cli/src/check';

const VALUE = 'cluster-side-secret-value';
let cluster: TestCluster;
let spec: string;

before(async () => {
  const secret = (name: string, namespace: string, data: Record<string, string>) => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace },
    type: 'Opaque',
    data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
  });
  cluster = await startTestCluster({
    seed: {
      apiVersion: 'v1',
      kind: 'List',
      items: [secret('db-creds', 'pachyderm', { password: VALUE }), secret('other', 'default', { x: VALUE })],
    },
  });
  spec = join(cluster.dir, 'p.pipeline.json');
  writeFileSync(
    spec,
    JSON.stringify(
      {
        pipeline: { name: 'p' },
        transform: {
          image: 'i',
          secrets: [
            { name: 'db-creds', key: 'pasword', envVar: 'PW' },
            { name: 'other', mountPath: '/o' },
          ],
        },
      },
      null,
      2,
    ),
  );
});

after(() => cluster?.dispose());

/** Asynchronous: the API server runs in this process, so a synchronous child would block it. */
function check(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [builtCli(), 'check', ...args],
      { env: { ...process.env, KUBECONFIG: '' } },
      (e, out, err) => {
        resolve({ code: e ? Number((e as { code?: number }).code ?? 1) : 0, out, err });
      },
    );
  });
}

test('the catalog comes from the cluster namespace named on the command line', async () => {
  const r = await check(
    '--format',
    'json',
    '--kubeconfig',
    cluster.kubeconfigPath,
    '--context',
    'local',
    '--namespace',
    'pachyderm',
    spec,
  );
  assert.equal(r.err, '');
  assert.equal(r.code, 1);
  const found = (JSON.parse(r.out) as Array<{ code: string; message: string }>).map((f) => `${f.code} ${f.message}`);
  assert.deepEqual(found, [
    'PS003 Kubernetes secret db-creds missing key pasword (did you mean "password"?) (keys: password)',
    'PS002 missing Kubernetes secret other',
  ]);
  assert.ok(!r.out.includes(VALUE));
});

test('a context that may not list secrets fails the run with the reason and exit 3', async () => {
  const restricted = FORBIDDEN_CONTEXT;
  const r = await check(
    '--kubeconfig',
    cluster.kubeconfigPath,
    '--context',
    restricted,
    '--namespace',
    'pachyderm',
    spec,
  );
  assert.equal(r.code, 3);
  assert.match(
    r.err,
    /cannot read the cluster's secrets \(context local-forbidden, namespace pachyderm\): .*(forbidden|Forbidden|not allowed)/,
  );
  assert.equal(r.out, '');
});

/** A hang detector only: the bounds end each run long before this. */
const HANG_MS = 120_000;

function checkOrHang(...args: string[]): Promise<{ code: number | string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [builtCli(), 'check', ...args],
      { env: { ...process.env, KUBECONFIG: '' }, timeout: HANG_MS },
      (e, _out, err) => {
        const killed = (e as { killed?: boolean } | null)?.killed;
        resolve({ code: killed ? 'hung' : e ? Number((e as { code?: number }).code ?? 1) : 0, err });
      },
    );
  });
}

// An endless body ends at the 128 MiB bound or, on a busy machine that cannot move 128 MiB within the CLI's 5 s
// request timeout, at the timeout: either way the run ends and says why, which is what this detects.
for (const [endless, reason] of [
  ['continue', /was stopped: the API server kept sending continue tokens after 401 pages of 250/],
  [
    'body',
    /was stopped: the API server's answer passed 128 MiB without ending|did not answer listing secrets .* within 5 s/,
  ],
] as const) {
  test(`a server whose list never ends (${endless}) makes the run fail with the bound that stopped it, not hang`, async () => {
    cluster.faults.endless = endless;
    try {
      const r = await checkOrHang(
        '--kubeconfig',
        cluster.kubeconfigPath,
        '--context',
        'local',
        '--namespace',
        'pachyderm',
        spec,
      );
      assert.notEqual(r.code, 'hung');
      assert.equal(r.code, CHECK_EXIT.failure);
      assert.match(
        r.err,
        /cannot read the cluster's secrets \(context local, namespace pachyderm\): (Listing secrets in namespace "pachyderm" was stopped: |The cluster did not answer)/,
      );
      assert.match(r.err, reason);
    } finally {
      cluster.faults.clear();
    }
  });
}

test("a kubeconfig with skip-TLS-verify next to a CA is refused with kubectl's words, exit 3", async () => {
  const file = join(cluster.dir, 'insecure-with-ca');
  writeFileSync(
    file,
    readFileSync(cluster.kubeconfigPath, 'utf8').replace(
      /^(\s+)server: /m,
      '$1insecure-skip-tls-verify: true\n$1server: ',
    ),
  );
  const r = await check('--kubeconfig', file, '--context', 'local', '--namespace', 'pachyderm', spec);
  assert.equal(r.code, CHECK_EXIT.failure);
  assert.match(
    r.err,
    /specifying a root certificates file with the insecure flag is not allowed: cluster "local" sets both/,
  );
});

test('skip-TLS-verify without a CA still checks, and says on stderr that the certificate was not verified', async () => {
  const file = join(cluster.dir, 'insecure-without-ca');
  const kubeconfig = readFileSync(cluster.kubeconfigPath, 'utf8').replace(
    /^(\s+)certificate-authority-data: .*$/m,
    '$1insecure-skip-tls-verify: true',
  );
  assert.match(kubeconfig, /insecure-skip-tls-verify: true/);
  writeFileSync(file, kubeconfig);
  const r = await check(
    '--format',
    'json',
    '--kubeconfig',
    file,
    '--context',
    'local',
    '--namespace',
    'pachyderm',
    spec,
  );
  assert.equal(r.code, CHECK_EXIT.findings);
  assert.equal((JSON.parse(r.out) as unknown[]).length, 2);
  assert.match(
    r.err,
    /^pachyderm-secrets check: warning: The kubeconfig sets insecure-skip-tls-verify for this cluster: its certificate is not checked/,
  );

  const verified = await check(
    '--format',
    'json',
    '--kubeconfig',
    cluster.kubeconfigPath,
    '--context',
    'local',
    '--namespace',
    'pachyderm',
    spec,
  );
  assert.equal(verified.err, '');
});
