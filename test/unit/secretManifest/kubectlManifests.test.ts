/**
 * The manifests the real kubectl writes (`kubectl create secret generic|tls|docker-registry --dry-run=client
 * -o json|yaml`) are Secrets the API server takes: none may get a finding, but for the YAML note (PM011).
 * kubectl runs with KUBECONFIG=/dev/null, so no cluster is contacted.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kubectlAvailable } from '../../manifest/kubectlOracle';
import { analyseManifest, JSON_URI, YAML_URI } from './fixtures';

const hasKubectl = kubectlAvailable();

function kubectl(args: string[], cwd: string): string {
  return execFileSync('kubectl', ['create', 'secret', ...args, '--dry-run=client'], {
    cwd,
    env: { ...process.env, KUBECONFIG: '/dev/null' },
    encoding: 'utf8',
  });
}

function fixtureFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ps-secret-manifest-'));
  writeFileSync(join(dir, 'binary.bin'), Buffer.from([0, 1, 2, 0xff, 0xfe, 0x80, 0x0a]));
  // Longer than one base64 line of tools that wrap at 76 characters; kubectl writes one line.
  writeFileSync(join(dir, 'long.txt'), 'x'.repeat(300));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=example.com',
      '-keyout',
      join(dir, 'tls.key'),
      '-out',
      join(dir, 'tls.crt'),
    ],
    { stdio: 'ignore' },
  );
  return dir;
}

const COMMANDS: string[][] = [
  ['generic', 'g', '--from-literal=user=admin', '--from-file=binary.bin', '--from-file=long.txt'],
  ['generic', 'empty'],
  ['generic', 'typed', '--type=kubernetes.io/basic-auth', '--from-literal=username=u', '--from-literal=password=p'],
  ['tls', 'tls.example.com', '--cert=tls.crt', '--key=tls.key'],
  ['docker-registry', 'regcred', '--docker-server=r.example.com', '--docker-username=u', '--docker-password=p'],
];

test(
  'every manifest kubectl writes is a Secret manifest with no finding (JSON) or only PM011 (YAML)',
  {
    skip: !hasKubectl && 'kubectl missing',
  },
  () => {
    const dir = fixtureFolder();
    for (const args of COMMANDS) {
      for (const output of ['json', 'yaml'] as const) {
        const text = kubectl([...args, '-o', output], dir);
        const r = analyseManifest(text, output === 'json' ? JSON_URI : YAML_URI);
        const label = `${args.join(' ')} -o ${output}`;
        assert.equal(r.result.kind, 'secret-manifest', label);
        assert.deepEqual(r.codes, output === 'json' ? [] : ['PM011'], label);
        assert.ok(
          r.result.secretManifests?.[0].keys.every((k) => k.bytes !== undefined),
          label,
        );
      }
    }
  },
);
