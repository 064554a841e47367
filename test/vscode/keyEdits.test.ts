/**
 * Set Value…, Add Key…, Remove Key and Rename Key… in a real VS Code against the local cluster: the masked input
 * box and the file, the confirmations naming the pipelines that break, the conflict and its retry, the immutable
 * secret and its delete-and-recreate, a user without the right to patch. The real kubectl then reads what the
 * cluster holds, and the canary value is found in no notification and no log file.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import type { PachydermExtensionExports } from '../../client/src/extension';
import type { TreeRow } from '../../client/src/cluster/treeModel';
import {
  activateExtension,
  assertNotInLogs,
  answerPrompts,
  cluster,
  runCommand,
  testEnv,
  waitFor,
  writeFixture,
  type PromptRecord,
} from './harness';
import { asLimitedUser } from './limitedUser';

const CANARY = 'CANARY-key-edit-9Vq2Lx';
const BINARY = Buffer.from([0x00, 0xff, 0x0a, 0x0d, 0x80, 0x7f, 0x00, 0x41]);
const run = promisify(execFile);

/** The real kubectl against the run's cluster, as its admin. */
async function kubectl(...args: string[]): Promise<string> {
  const env = { ...process.env, KUBECONFIG: '' };
  return (await run('kubectl', ['--kubeconfig', testEnv().kubeconfig, ...args], { env })).stdout;
}

/** What kubectl reads back: the secret's keys with their decoded bytes, its uid and whether it is immutable. */
async function kubectlReads(name: string) {
  const obj = JSON.parse(await kubectl('get', 'secret', name, '-o', 'json')) as {
    metadata: { uid: string };
    immutable?: boolean;
    data?: Record<string, string>;
  };
  const data = Object.fromEntries(Object.entries(obj.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')]));
  return { data, uid: obj.metadata.uid, immutable: obj.immutable === true };
}

const SPECS = `pipeline:
  name: ke-env
transform:
  image: etl:1
  secrets:
    - name: ke-db
      env_var: PGPASSWORD
      key: password
    - name: ke-keys
      env_var: LOGIN
      key: user
---
pipeline:
  name: ke-mount
transform:
  image: etl:1
  secrets:
    - name: ke-db
      mount_path: /secrets/db
    - name: ke-frozen
      mount_path: /secrets/frozen
`;

suite('cluster: Set Value, Add, Remove and Rename Key', () => {
  let area: PachydermExtensionExports['cluster'];
  let prompts: { prompts: PromptRecord[]; done: () => void } | undefined;
  const meta = (name: string) => area.catalog.snapshot().secrets.find((s) => s.name === name);
  const keyRow = (name: string, key: string) => {
    const secret = (area.tree.getChildren() as TreeRow[]).find((r) => r.kind === 'secret' && r.label === name);
    return (area.tree.getChildren(secret) as TreeRow[]).find((r) => r.key === key)!;
  };
  const shown = () => prompts!.prompts.map((p) => `${p.kind}: ${p.text}`);
  /** Waits until the catalog has the secret at the version kubectl reads now. */
  const caughtUp = async (name: string) => {
    const version = (await kubectl('get', 'secret', name, '-o', 'jsonpath={.metadata.resourceVersion}')).trim();
    await waitFor(() => meta(name)?.resourceVersion === version, { what: `${name} at version ${version}` });
  };

  suiteSetup(async () => {
    area = (await activateExtension<PachydermExtensionExports>()).cluster;
    await writeFixture('specs/key-edits.pipeline.yaml', SPECS);
    await cluster.createSecret({ name: 'ke-db', stringData: { password: 'old-pass', user: 'etl' } });
    await cluster.createSecret({ name: 'ke-keys', stringData: { password: 'p', user: 'u' } });
    await waitFor(() => area.catalog.snapshot().state.kind === 'ready' && meta('ke-db') && meta('ke-keys'), {
      what: 'the secrets in the catalog',
    });
  });

  teardown(() => {
    prompts?.done();
    prompts = undefined;
  });

  suiteTeardown(async () => {
    for (const name of ['ke-db', 'ke-keys', 'ke-frozen']) await kubectl('delete', 'secret', name, '--ignore-not-found');
  });

  test('Set Value asks in a masked input box, writes the value and says when each pipeline sees it', async () => {
    prompts = answerPrompts(['Type the Value', CANARY]);
    const win = vscode.window as unknown as { showInputBox: (o?: vscode.InputBoxOptions) => Thenable<unknown> };
    const scripted = win.showInputBox;
    const asked: vscode.InputBoxOptions[] = [];
    win.showInputBox = (o) => (o && asked.push(o), scripted(o));
    try {
      await runCommand('pachyderm.setSecretValue', keyRow('ke-db', 'password'));
    } finally {
      win.showInputBox = scripted;
    }
    assert.equal(asked[0].password, true);
    assert.equal(asked[0].value, undefined, 'the current value is not shown');
    assert.equal((await kubectlReads('ke-db')).data.password.toString(), CANARY);
    assert.equal((await kubectlReads('ke-db')).data.user.toString(), 'etl');
    const note = prompts.prompts.find((p) => p.kind === 'showInformationMessage')!.text;
    assert.match(note, /^Set the value of "ke-db" → password\./);
    assert.match(note, /environment variable keep the old value until their worker's container restarts: ke-env/);
    assert.match(note, /PGPASSWORD/);
    assert.match(note, /mount the secret see the new file after a short delay.*: ke-mount .*\/secrets\/db/);
    for (const text of shown()) assert.ok(!text.includes(CANARY), text);
    await assertNotInLogs(area.host.context.logUri, 'Set the value of "ke-db" → password', CANARY);
  });

  test('Set Value from a file writes its bytes exactly, binary included', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ke-value-')), 'value.bin');
    fs.writeFileSync(file, BINARY);
    await caughtUp('ke-db');
    prompts = answerPrompts(['From File…']);
    const win = vscode.window as unknown as { showOpenDialog: typeof vscode.window.showOpenDialog };
    const original = win.showOpenDialog;
    win.showOpenDialog = async () => [vscode.Uri.file(file)];
    try {
      await runCommand('pachyderm.setSecretValue', { name: 'ke-db', key: 'user' });
    } finally {
      win.showOpenDialog = original;
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
    assert.deepEqual((await kubectlReads('ke-db')).data.user, BINARY);
  });

  test('Add, Rename and Remove Key: confirmations name the pipelines that break; kubectl reads the keys', async () => {
    const { uid } = await kubectlReads('ke-keys');
    prompts = answerPrompts(['port', 'Type the Value', '5432']);
    await runCommand('pachyderm.addSecretKey', { name: 'ke-keys' });
    assert.equal((await kubectlReads('ke-keys')).data.port.toString(), '5432');
    prompts.done();

    await caughtUp('ke-keys');
    prompts = answerPrompts(['login', 'Rename Key']);
    await runCommand('pachyderm.renameSecretKey', keyRow('ke-keys', 'user'));
    const rename = prompts.prompts.find((p) => p.kind === 'showWarningMessage')!;
    assert.match(rename.text, /Rename key "user" of secret "ke-keys" to "login"\?/);
    const renamed = await kubectlReads('ke-keys');
    assert.deepEqual(Object.keys(renamed.data).sort(), ['login', 'password', 'port']);
    assert.equal(renamed.data.login.toString(), 'u');
    assert.equal(renamed.uid, uid, 'one update, not a delete and a create');
    prompts.done();

    await caughtUp('ke-keys');
    prompts = answerPrompts([undefined]);
    await runCommand('pachyderm.removeSecretKey', keyRow('ke-keys', 'password'));
    assert.ok((await kubectlReads('ke-keys')).data.password, 'cancelled: nothing removed');
    prompts.done();
    prompts = answerPrompts(['Remove Key']);
    await runCommand('pachyderm.removeSecretKey', { name: 'ke-keys', key: 'password' });
    assert.deepEqual(Object.keys((await kubectlReads('ke-keys')).data).sort(), ['login', 'port']);
  });

  test('Remove Key of a key a pipeline uses names the pipeline and what kubelet will say, in a modal', async () => {
    await caughtUp('ke-db');
    const win = vscode.window as unknown as { showWarningMessage: (...a: unknown[]) => Thenable<unknown> };
    const original = win.showWarningMessage;
    const asked: unknown[][] = [];
    win.showWarningMessage = async (...a: unknown[]) => (asked.push(a), undefined);
    try {
      await runCommand('pachyderm.removeSecretKey', { name: 'ke-db', key: 'password' });
    } finally {
      win.showWarningMessage = original;
    }
    const [message, options] = asked[0] as [string, vscode.MessageOptions];
    assert.equal(message, 'Remove key "password" from secret "ke-db"?');
    assert.equal(options.modal, true);
    assert.match(options.detail!, /name key "password" and will fail to start new workers/);
    assert.match(options.detail!, /couldn't find key password in Secret default\/ke-db"\): ke-env \(specs\/key-edits/);
    assert.match(options.detail!, /mount the secret and will no longer find the file "password": ke-mount/);
    assert.ok((await kubectlReads('ke-db')).data.password);
  });

  test('a change made in the cluster meanwhile is a conflict; Retry on the New Version keeps both', async () => {
    await caughtUp('ke-db');
    prompts = answerPrompts([
      'Type the Value',
      async () => {
        // Someone else changes the secret between the read (the tree's version) and the write.
        await kubectl('patch', 'secret', 'ke-db', '--type', 'merge', '-p', '{"data":{"other":"b3RoZXI="}}');
        return 'after-conflict';
      },
      'Retry on the New Version',
    ]);
    await runCommand('pachyderm.setSecretValue', { name: 'ke-db', key: 'password' });
    const conflict = prompts.prompts.find((p) => p.kind === 'showWarningMessage')!;
    assert.match(conflict.text, /Secret "ke-db" changed in the cluster since you saw it; your change was not written/);
    assert.deepEqual(conflict.items, ['Retry on the New Version']);
    const now = await kubectlReads('ke-db');
    assert.equal(now.data.password.toString(), 'after-conflict');
    assert.equal(now.data.other.toString(), 'other');
  });

  test('an immutable secret is refused before any prompt, then deleted and recreated after a confirmation', async () => {
    const frozen = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'ke-frozen' }, immutable: true };
    const manifest = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ke-frozen-')), 'frozen.json');
    fs.writeFileSync(manifest, JSON.stringify({ ...frozen, data: { token: Buffer.from('kept').toString('base64') } }));
    await kubectl('create', '-f', manifest);
    fs.rmSync(path.dirname(manifest), { recursive: true, force: true });
    await waitFor(() => meta('ke-frozen')?.immutable, { what: 'ke-frozen in the catalog, immutable' });
    const { uid } = await kubectlReads('ke-frozen');

    prompts = answerPrompts([undefined]);
    await runCommand('pachyderm.setSecretValue', { name: 'ke-frozen', key: 'token' });
    assert.equal(prompts.prompts.length, 1, JSON.stringify(shown()));
    assert.match(prompts.prompts[0].text, /Secret "ke-frozen" is immutable \(immutable: true\)/);
    assert.match(prompts.prompts[0].text, /delete it and create it again/);
    assert.deepEqual(prompts.prompts[0].items, ['Delete and Recreate…']);
    prompts.done();

    prompts = answerPrompts(['Delete and Recreate…', 'Type the Value', CANARY, 'Delete and Recreate']);
    await runCommand('pachyderm.setSecretValue', { name: 'ke-frozen', key: 'token' });
    const confirm = prompts.prompts.filter((p) => p.kind === 'showWarningMessage')[1];
    assert.equal(confirm.text, 'Delete secret "ke-frozen" and create it again with your change?');
    const now = await kubectlReads('ke-frozen');
    assert.equal(now.data.token.toString(), CANARY);
    assert.equal(now.immutable, true);
    assert.notEqual(now.uid, uid);
    for (const text of shown()) assert.ok(!text.includes(CANARY), text);
  });

  test('without the right to patch, Set Value says which verb is missing and asks nothing', async () => {
    const reader = { verbs: ['get', 'list', 'watch'], resources: ['secrets'], namespaces: ['*'] };
    await asLimitedUser(area.catalog, { name: 'ke-reader', rules: [reader], secret: 'ke-db' }, async () => {
      prompts = answerPrompts([]);
      await runCommand('pachyderm.setSecretValue', { name: 'ke-db', key: 'password' });
      assert.deepEqual(shown(), [
        'showErrorMessage: You may not change secret "ke-db": missing permission to "patch" resource "secrets" in ' +
          'namespace "default". Ask a cluster admin for it.',
      ]);
    });
  });
});
