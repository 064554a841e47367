/**
 * `pachyderm-secrets uses` as users run it: the built CLI in a child process, over spec files in a temporary
 * folder and, for deployed pipelines, an API server of worker RCs, pods and events.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtCli } from '../corpus/paths';
import { USES_EXIT } from '../../cli/src/uses';
import { writeUnder } from './checkRunner';
import { startWorkerApiFake } from '../cluster/workerApiFake';
import { CANARY, EDGES, podOf, rcOf, waiting } from '../unit/deployed/pachdWorkers';

/** The CLI in a child process; asynchronous, since the API server it talks to runs in this process. */
function runUses(cwd: string, args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [builtCli(), 'uses', ...args], { cwd });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('close', (code) => resolve({ code, out, err }));
  });
}

function workspace(t: { after(fn: () => unknown): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'pachyderm-uses-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const spec = {
    pipeline: { name: 'edges', project: { name: 'images' } },
    transform: {
      image: 'i',
      secrets: [
        { name: 's3-creds', key: 'access-key', env_var: 'AWS_ACCESS_KEY_ID' },
        { name: 'tls-bundle', mount_path: '/etc/bundle' },
      ],
      image_pull_secrets: ['regcred'],
    },
    input: { pfs: { repo: 'r', glob: '/*' } },
  };
  writeUnder(dir, 'specs/edges.json', JSON.stringify(spec, null, 2));
  return dir;
}

test('a secret a workspace spec uses: listed with file and line, exit 1; an unused one: exit 0', async (t) => {
  const dir = workspace(t);
  const used = await runUses(dir, ['s3-creds', 'specs']);
  assert.equal(used.code, USES_EXIT.used, used.err);
  assert.equal(
    used.out,
    'workspace specs using secret "s3-creds":\n' +
      '  specs/edges.json:12: edges: transform.secrets[0]: env AWS_ACCESS_KEY_ID (key access-key)\n',
  );
  const unused = await runUses(dir, ['nobody-uses-me', 'specs']);
  assert.deepEqual([unused.code, unused.out], [USES_EXIT.unused, 'no workspace spec uses secret "nobody-uses-me"\n']);
});

test('--key keeps the uses of that key and whole-secret mounts', async (t) => {
  const dir = workspace(t);
  const other = await runUses(dir, ['s3-creds', '--key', 'secret-key', 'specs']);
  assert.equal(other.code, USES_EXIT.unused);
  const mounted = await runUses(dir, ['tls-bundle', '--key', 'ca.crt', 'specs', '--format', 'json']);
  assert.equal(mounted.code, USES_EXIT.used);
  const json = JSON.parse(mounted.out);
  assert.deepEqual(
    json.workspace.map((u: { how: string }) => u.how),
    ['transform.secrets[1]: mounted at /etc/bundle'],
  );
});

test('bad input: no NAME, a missing PATH, a bad format', async (t) => {
  const dir = workspace(t);
  for (const args of [[], ['s3-creds', 'nowhere'], ['s3-creds', '--format', 'yaml']]) {
    const r = await runUses(dir, args);
    assert.equal(r.code, USES_EXIT.input, `${args.join(' ')}: ${r.err}`);
    assert.match(r.err, /usage: pachyderm-secrets uses NAME/);
  }
});

test('deployed pipelines that use the secret, with how and why they fail; no env value printed', async (t) => {
  const dir = workspace(t);
  const fake = await startWorkerApiFake();
  t.after(() => fake.close());
  const message = "couldn't find key access-key in Secret default/s3-creds";
  fake.items.replicationcontrollers.push(rcOf(EDGES), rcOf({ name: 'other', version: 1 }));
  fake.items.pods.push(podOf(EDGES, 'a', waiting('CreateContainerConfigError', message)), podOf(EDGES, 'b'));
  const kubeconfig = fake.server.kubeconfig();
  const r = await runUses(dir, ['s3-creds', '--kubeconfig', kubeconfig]);
  assert.equal(r.code, USES_EXIT.used, r.err);
  assert.equal(
    r.out,
    'no workspace spec uses secret "s3-creds"\n' +
      'deployed pipelines using secret "s3-creds" in fake/default:\n' +
      '  images/edges v2: failing: CreateContainerConfigError (key "access-key" missing) in pod images-edges-v2-a\n' +
      '    env AWS_ACCESS_KEY_ID (key access-key) in container user\n',
  );
  const json = await runUses(dir, ['s3-creds', '--kubeconfig', kubeconfig, '--format', 'json', 'specs']);
  const parsed = JSON.parse(json.out);
  assert.equal(parsed.deployed.pipelines[0].health.failures[0].blame[0].cause, 'missing-key');
  assert.equal(parsed.workspace.length, 1);
  assert.ok(!r.out.includes(CANARY) && !json.out.includes(CANARY));
});

test('a user who may not list pods: the one message, and exit 3 rather than "unused"', async (t) => {
  const dir = workspace(t);
  const fake = await startWorkerApiFake();
  t.after(() => fake.close());
  fake.forbidden.add('pods');
  const r = await runUses(dir, ['nobody-uses-me', '--kubeconfig', fake.server.kubeconfig(), 'specs']);
  assert.equal(r.code, USES_EXIT.failure);
  assert.match(r.err, /cannot list the deployed pipelines: Deployed pipelines are not shown: 403 Forbidden: .*"pods"/);
  const used = await runUses(dir, ['s3-creds', '--kubeconfig', fake.server.kubeconfig(), 'specs']);
  assert.equal(used.code, USES_EXIT.used, 'a workspace use still answers "used"');
});
