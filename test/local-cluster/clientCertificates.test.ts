/**
 * Client-certificate sign-in, judged as kube-apiserver judges it: the real kubectl with the kubeconfig's
 * `local-cert` context, certificates from another CA (401 unless a token vouches), the user and groups taken from
 * the certificate's CN and O, and bearer tokens working beside them.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:https';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { kubectl, opaque, startTestCluster, type TestCluster } from './helpers';
import {
  CERT_CONTEXT,
  CERT_USER,
  SUPERUSER_GROUP,
  generateCertificateAuthority,
  issueClientCertificate,
  startLocalCluster,
  type KeyPair,
} from '../../tools/local-cluster/index';

let cluster: TestCluster;
before(async () => {
  cluster = await startTestCluster();
  await cluster.core().createNamespacedSecret({ namespace: 'default', body: opaque('db', { password: 'hunter2' }) });
});
after(() => cluster.dispose());

interface Reply {
  status: number;
  body: {
    kind?: string;
    code?: number;
    reason?: string;
    message?: string;
    items?: Array<{ metadata: { name: string } }>;
  };
}

/** One GET over HTTPS that verifies the server, with an optional client certificate and token. */
function get(path: string, auth: { pair?: KeyPair; token?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${cluster.url}${path}`,
      {
        ca: cluster.caPem,
        cert: auth.pair?.certPem,
        key: auth.pair?.keyPem,
        headers: auth.token ? { Authorization: `Bearer ${auth.token}` } : {},
        agent: false,
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** A kubeconfig whose only user signs in with `pair`. */
function kubeconfigWith(pair: KeyPair, name: string): { kubeconfigPath: string; dir: string } {
  const config = parse(cluster.kubeconfig) as {
    users: Array<{ name: string; user: Record<string, string> }>;
    contexts: unknown[];
    'current-context': string;
  };
  config.users = [
    {
      name: 'someone',
      user: {
        'client-certificate-data': Buffer.from(pair.certPem).toString('base64'),
        'client-key-data': Buffer.from(pair.keyPem).toString('base64'),
      },
    },
  ];
  config.contexts = [{ name: 'only', context: { cluster: 'local', user: 'someone', namespace: 'default' } }];
  config['current-context'] = 'only';
  const kubeconfigPath = join(cluster.dir, name);
  writeFileSync(kubeconfigPath, stringify(config));
  return { kubeconfigPath, dir: cluster.dir };
}

test('the local-cert context signs in with a client certificate and no token, and kubectl lists secrets with it', async () => {
  const config = parse(cluster.kubeconfig) as {
    users: Array<{ name: string; user: Record<string, string> }>;
    contexts: Array<{ name: string; context: { user: string } }>;
  };
  const user = config.users.find((u) => u.name === config.contexts.find((c) => c.name === CERT_CONTEXT)?.context.user);
  assert.deepEqual(Object.keys(user?.user ?? {}).sort(), ['client-certificate-data', 'client-key-data']);
  const r = await kubectl(cluster, ['--context', CERT_CONTEXT, 'get', 'secrets', '-o', 'json']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(
    (JSON.parse(r.stdout) as Reply['body']).items?.map((s) => s.metadata.name),
    ['db'],
  );
});

test('kubectl with a client certificate from another CA is refused with 401 Unauthorized', async () => {
  const stranger = issueClientCertificate(generateCertificateAuthority(), CERT_USER);
  const r = await kubectl(kubeconfigWith(stranger, 'foreign-ca'), ['get', 'secrets', '-o', 'json']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /You must be logged in to the server \(Unauthorized\)/);
});

test("a certificate from another CA with no token gets the API server's 401 Status", async () => {
  const stranger = issueClientCertificate(generateCertificateAuthority(), CERT_USER, [SUPERUSER_GROUP]);
  const r = await get('/api/v1/namespaces/default/secrets', { pair: stranger });
  assert.equal(r.status, 401);
  assert.deepEqual(r.body, {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'Unauthorized',
    reason: 'Unauthorized',
    code: 401,
  });
});

test('a valid bearer token still works when the certificate beside it does not verify, and with none', async () => {
  const stranger = issueClientCertificate(generateCertificateAuthority(), CERT_USER);
  assert.equal((await get('/api/v1/namespaces/default/secrets', { pair: stranger, token: cluster.token })).status, 200);
  assert.equal((await get('/api/v1/namespaces/default/secrets', { token: cluster.token })).status, 200);
  assert.equal((await get('/api/v1/namespaces/default/secrets', { token: 'not-a-token' })).status, 401);
});

test("the certificate's CN is the user RBAC judges, and it wins over a token", async () => {
  const unknown = cluster.issueClientCertificate('nobody-in-rbac');
  const r = await get('/api/v1/namespaces/default/secrets', { pair: unknown, token: cluster.token });
  assert.equal(r.status, 403);
  assert.equal(
    r.body.message,
    'secrets is forbidden: User "nobody-in-rbac" cannot list ' +
      'resource "secrets" in API group "" in the namespace "default"',
  );
  const restricted = await get('/api/v1/namespaces/default/secrets', {
    pair: cluster.issueClientCertificate('restricted'),
  });
  assert.equal(restricted.status, 403);
  assert.match(restricted.body.message ?? '', /User "restricted" cannot list/);
});

test("the certificate's O fields are its groups: system:masters may do anything whatever the user", async () => {
  const master = cluster.issueClientCertificate('nobody-in-rbac', ['team-a', SUPERUSER_GROUP]);
  const r = await get('/api/v1/namespaces/default/secrets', { pair: master });
  assert.equal(r.status, 200);
  assert.deepEqual(
    r.body.items?.map((s) => s.metadata.name),
    ['db'],
  );
  const other = await get('/api/v1/namespaces/default/secrets', {
    pair: cluster.issueClientCertificate('nobody-in-rbac', ['team-a']),
  });
  assert.equal(other.status, 403);
});

test('kubectl auth can-i answers for the certificate user from the same RBAC table', async () => {
  const r = await kubectl(cluster, ['--context', CERT_CONTEXT, 'auth', 'can-i', 'delete', 'secrets']);
  assert.equal(r.stdout.trim(), 'yes', r.stderr);
  const stranger = await kubectl(kubeconfigWith(cluster.issueClientCertificate('nobody-in-rbac'), 'nobody'), [
    'auth',
    'can-i',
    'list',
    'secrets',
  ]);
  assert.equal(stranger.stdout.trim(), 'no', stranger.stderr);
});

test('a user list with no way to sign in is refused before anything listens, naming the user', async () => {
  const anything = [{ verbs: ['*'], resources: ['*'], namespaces: ['*'] }];
  await assert.rejects(startLocalCluster({ users: [{ name: 'cert-only', certificate: {}, rules: anything }] }), {
    message: 'the first user is the admin and needs a token',
  });
  await assert.rejects(
    startLocalCluster({
      users: [
        { name: 'admin', token: 't', rules: anything },
        { name: 'ghost', rules: [] },
      ],
    }),
    {
      message: 'user "ghost" needs a token or a client certificate',
    },
  );
});
