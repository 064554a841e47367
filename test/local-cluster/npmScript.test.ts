/**
 * `npm run local-cluster -- --kubeconfig FILE --seed FILE --pipelines FILE`, as a user runs it: it prints the URL,
 * writes a kubeconfig kubectl can use (every context) and the admin file, and stops cleanly on Ctrl-C.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PIPELINES, DEMO_SEED, kubectl, repoRoot, spawnKubectl, waitForLine } from './helpers';
import { ADMIN_FILE, CERT_CONTEXT, FORBIDDEN_CONTEXT } from '../../tools/local-cluster/index';

function runScript(args: string[]) {
  // Its own process group, so Ctrl-C can be sent to npm and everything it started, as a terminal does.
  const child = spawn('npm', ['run', '--silent', 'local-cluster', '--', ...args], {
    cwd: repoRoot(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))),
  );
  return { child, exited, stderr: () => stderr, interrupt: () => process.kill(-child.pid!, 'SIGINT') };
}

test('npm run local-cluster serves the seed to kubectl through the kubeconfig it writes, and stops on Ctrl-C', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'local-cluster-npm-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const kubeconfigPath = join(dir, 'kube', 'config');
  const run = runScript(['--kubeconfig', kubeconfigPath, '--seed', DEMO_SEED(), '--pipelines', DEMO_PIPELINES()]);
  let output = '';
  run.child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  try {
    const line = await waitForLine(run.child, /listening on https:\/\/127\.0\.0\.1:\d+/, 60000);
    assert.match(line, /\(20 secrets seeded\)/);
    const asCluster = { kubeconfigPath, dir };
    const r = await kubectl(asCluster, ['get', 'secrets', '-o', 'name', '-l', 'secret-source=pachyderm-user']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim().split('\n').length, 5);
    const other = await kubectl(asCluster, ['get', 'secrets', '-n', 'team-analytics', '-o', 'name']);
    assert.equal(other.stdout, 'secret/regcred\nsecret/warehouse-creds\n');
    const forbidden = await kubectl(asCluster, ['--context', FORBIDDEN_CONTEXT, 'get', 'secrets']);
    assert.equal(forbidden.code, 1);
    assert.match(forbidden.stderr, /Forbidden/);
    const byCertificate = await kubectl(asCluster, [
      '--context',
      CERT_CONTEXT,
      'get',
      'secrets',
      '-n',
      'team-analytics',
      '-o',
      'name',
    ]);
    assert.equal(byCertificate.stdout, 'secret/regcred\nsecret/warehouse-creds\n', byCertificate.stderr);
    const admin = JSON.parse(readFileSync(join(dir, 'kube', ADMIN_FILE), 'utf8')) as {
      adminUrl: string;
      adminToken: string;
    };
    assert.match(admin.adminUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    // The demo's deployed pipelines: all run but notify, whose deployed version reads a key its secret lacks.
    const pods = await kubectl(asCluster, [
      'get',
      'pods',
      '-o',
      'custom-columns=RC:.metadata.ownerReferences[0].name,WHY:.status.containerStatuses[0].state.waiting.message',
    ]);
    assert.equal(pods.code, 0, pods.stderr);
    assert.deepEqual(
      pods.stdout
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(/\s{2,}/).join(' | '))
        .sort(),
      [
        'pipeline-export-warehouse-v1 | <none>',
        "pipeline-notify-v2 | couldn't find key OPENAI_KEY in Secret default/openai",
        'pipeline-train-model-v3 | <none>',
        'pipeline-train-model-v3 | <none>',
      ],
    );
    // An open watch must not keep the server from stopping.
    const watcher = spawnKubectl(asCluster, ['get', 'secrets', '--watch']);
    t.after(() => watcher.kill());
    await waitForLine(watcher, /^wandb\s/);
  } finally {
    run.interrupt();
  }
  // npm itself reports the interrupt in its own exit status; the server's clean stop is what it prints.
  await run.exited;
  assert.match(output, /local cluster stopped/, run.stderr());
  assert.ok(existsSync(kubeconfigPath));
});

test('npm run local-cluster with a bad --port says which and exits 2', async () => {
  const run = runScript(['--port', '80000']);
  assert.equal(await run.exited, 2);
  assert.match(run.stderr(), /local-cluster: --port must be a port number \(0-65535\), got "80000"/);
  assert.match(run.stderr(), /usage: npm run local-cluster -- --kubeconfig FILE/);
});

test('npm run local-cluster with a seed that is not a List says so and exits 2', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'local-cluster-npm-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const run = runScript(['--kubeconfig', join(dir, 'config'), '--seed', join(repoRoot(), 'package.json')]);
  assert.equal(await run.exited, 2);
  assert.match(run.stderr(), /local-cluster: seed .*package\.json: the seed must be a List of Secrets/);
});

test('npm run local-cluster names the seed item that is invalid, and does not start', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'local-cluster-npm-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const seedFile = join(dir, 'seed.json');
  writeFileSync(
    seedFile,
    JSON.stringify({
      kind: 'List',
      items: [
        { kind: 'Secret', metadata: { name: 'ok' } },
        { kind: 'Secret', metadata: { name: 'half', namespace: 'web' }, type: 'kubernetes.io/tls', data: {} },
      ],
    }),
  );
  const run = runScript(['--kubeconfig', join(dir, 'config'), '--seed', seedFile]);
  assert.equal(await run.exited, 2);
  assert.match(
    run.stderr(),
    /local-cluster: seed .*seed\.json: item 1 \(web\/half\): Secret "half" is invalid: \[data\[tls\.crt\]: Required value, data\[tls\.key\]: Required value\]/,
  );
  assert.ok(!existsSync(join(dir, 'config')), 'no kubeconfig for a cluster that did not start');
});
