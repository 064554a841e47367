/** Kubeconfig and target resolution: several KUBECONFIG paths, contexts, namespaces, exec plugins, trust. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { kubeconfigPaths, resolveTarget } from '../../core/src/kubeconfig/clusterTarget';
import { effectiveTargetSettings } from '../../core/src/kubeconfig/trustedSettings';
import { AzureAuth, GoogleCloudPlatformAuth } from '../../core/src/kubeconfig/removedAuthProviders';

function tmpKubeconfigs(files: Record<string, string>): Record<string, string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeconfig-test-'));
  return Object.fromEntries(
    Object.entries(files).map(([name, text]) => {
      const p = path.join(dir, name);
      fs.writeFileSync(p, text);
      return [name, p];
    }),
  );
}

const contextEntry = (c: { name: string; cluster: string; user: string; namespace?: string }) =>
  `- name: ${c.name}\n  context:\n    cluster: ${c.cluster}\n    user: ${c.user}` +
  (c.namespace ? `\n    namespace: ${c.namespace}` : '');

const config = (
  current: string,
  contexts: { name: string; cluster: string; user: string; namespace?: string }[],
  users: string,
  clusters: string,
) => `apiVersion: v1
kind: Config
current-context: ${current}
clusters:
${clusters}
users:
${users}
contexts:
${contexts.map(contextEntry).join('\n')}
`;

const files = tmpKubeconfigs({
  a: config(
    'prod',
    [{ name: 'prod', cluster: 'prod', user: 'token-user', namespace: 'pachyderm' }],
    '- name: token-user\n  user:\n    token: abc',
    '- name: prod\n  cluster:\n    server: https://prod.example:6443',
  ),
  b: config(
    'dev',
    [
      { name: 'dev', cluster: 'dev', user: 'exec-user' },
      { name: 'prod', cluster: 'dev', user: 'exec-user', namespace: 'shadowed' },
    ],
    '- name: exec-user\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: ' +
      'aws\n      args: [eks, get-token]',
    '- name: dev\n  cluster:\n    server: https://dev.example:6443',
  ),
});

test('several KUBECONFIG paths merge with the first file winning, as kubectl does', async () => {
  const env = { KUBECONFIG: [files.a, files.b].join(path.delimiter) };
  const t = await resolveTarget({}, env);
  assert.ok(t.ok);
  assert.equal(t.context, 'prod');
  assert.equal(t.server, 'https://prod.example:6443');
  assert.equal(t.namespace, 'pachyderm');
  assert.deepEqual(t.contexts, ['prod', 'dev']);
  assert.deepEqual(t.files, [files.a, files.b]);
});

test('missing files in KUBECONFIG are skipped; the setting wins over KUBECONFIG', async () => {
  const t = await resolveTarget({ kubeconfig: `/nope${path.delimiter}${files.b}` }, { KUBECONFIG: files.a });
  assert.ok(t.ok);
  assert.equal(t.context, 'dev');
  assert.deepEqual(kubeconfigPaths('', { KUBECONFIG: `x${path.delimiter}y` }), ['x', 'y']);
});

test("the namespace is the setting, else the context's namespace, else default", async () => {
  const env = { KUBECONFIG: [files.a, files.b].join(path.delimiter) };
  assert.equal((await resolveTarget({ context: 'dev' }, env)).namespace, 'default');
  assert.equal((await resolveTarget({ context: 'prod' }, env)).namespace, 'pachyderm');
  assert.equal((await resolveTarget({ context: 'prod', namespace: 'team' }, env)).namespace, 'team');
});

test('an unknown context is a clear error naming the context', async () => {
  const t = await resolveTarget({ kubeconfig: files.a, context: 'staging' }, {});
  assert.equal(t.ok, false);
  assert.equal(!t.ok && t.problem, 'no-kubeconfig');
  assert.match(!t.ok ? t.reason : '', /Context "staging" is not in the kubeconfig/);
});

test('untrusted workspaces ignore workspace-level kubeconfig and context but keep user values and the namespace', () => {
  const raw = {
    kubeconfig: { globalValue: '/home/me/.kube/config', workspaceValue: './evil-kubeconfig' },
    context: { workspaceFolderValue: 'evil' },
    namespace: { workspaceValue: 'team' },
  };
  assert.deepEqual(effectiveTargetSettings(raw, false), {
    kubeconfig: '/home/me/.kube/config',
    context: undefined,
    namespace: 'team',
    ignoredSettings: ['pachyderm.kubeconfig', 'pachyderm.context'],
  });
  assert.deepEqual(effectiveTargetSettings(raw, true), {
    kubeconfig: './evil-kubeconfig',
    context: 'evil',
    namespace: 'team',
    ignoredSettings: [],
  });
});

test('an ignored workspace kubeconfig with nothing else to read reports "untrusted", not "no kubeconfig"', async () => {
  const t = await resolveTarget({ kubeconfig: '/nope', ignoredSettings: ['pachyderm.kubeconfig'] }, {});
  assert.equal(!t.ok && t.problem, 'untrusted');
});

test("a context whose user still names the removed gcp or azure auth provider is refused with kubectl's advice", async () => {
  const provider = (name: string) =>
    tmpKubeconfigs({
      [name]: config(
        name,
        [{ name, cluster: 'c', user: 'u' }],
        `- name: u\n  user:\n    auth-provider:\n      name: ${name}\n      config: {}`,
        '- name: c\n  cluster:\n    server: https://c.example:6443',
      ),
    })[name];
  const gcp = await resolveTarget({ kubeconfig: provider('gcp') }, {});
  assert.equal(!gcp.ok && gcp.problem, 'unauthorized');
  assert.match(
    !gcp.ok ? gcp.reason : '',
    /Context "gcp": The gcp auth plugin has been removed.*gke-gcloud-auth-plugin/,
  );
  const azure = await resolveTarget({ kubeconfig: provider('azure') }, {});
  assert.match(!azure.ok ? azure.reason : '', /The azure auth plugin has been removed.*kubelogin/);
  const oidc = await resolveTarget({ kubeconfig: provider('oidc') }, {});
  assert.ok(oidc.ok, 'oidc is still a supported auth provider');
});

test('the stand-ins shipped for the removed providers claim only their own users and fail with the same advice', async () => {
  const gcpUser = { authProvider: { name: 'gcp' } };
  const gcp = new GoogleCloudPlatformAuth();
  assert.equal(gcp.isAuthProvider(gcpUser), true);
  assert.equal(gcp.isAuthProvider({ authProvider: { name: 'oidc' } }), false);
  assert.equal(new AzureAuth().isAuthProvider(gcpUser), false);
  await assert.rejects(gcp.applyAuthentication(gcpUser), /gcp auth plugin has been removed.*gke-gcloud-auth-plugin/);
});
