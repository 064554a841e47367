import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { buildDockerRegistrySecret, buildGenericSecret, nodeSourceReader, printSecret } from '../../core/src/manifest';
import type { PachydermExtensionExports } from '../../client/src/extension';
import {
  activateExtension,
  answerPrompts,
  cluster,
  coversCommand,
  nextQuickInput,
  testEnv,
  waitFor,
  waitForDiagnostics,
  writeFixture,
  type PromptRecord,
} from './harness';
import { answerDialogs, driveWizard, type Act } from './wizardDriver';

const VALUE = 'wizard-typed-value-1234';

/** The secret as the API server has it (labels and key names; the test never prints values). */
function getSecret(name: string): Promise<{
  status: number;
  body: { metadata?: { labels?: Record<string, string> }; data?: Record<string, string>; type?: string };
}> {
  const c = testEnv().cluster!;
  return new Promise((resolve, reject) => {
    const req = https.request(
      `${c.server}/api/v1/namespaces/${c.namespace}/secrets/${encodeURIComponent(name)}`,
      { headers: { Authorization: `Bearer ${c.token}` }, ca: c.caPem },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

suite('New Secret wizards in the real quick input', () => {
  let dir = '';
  let exports: PachydermExtensionExports;
  let restoreDialogs: (() => void) | undefined;
  let prompts: { prompts: PromptRecord[]; done: () => void } | undefined;
  const created: string[] = [];

  suiteSetup(async () => {
    exports = await activateExtension<PachydermExtensionExports>();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-wizard-host-'));
    fs.writeFileSync(path.join(dir, 'ca.pem'), 'dummy CA bundle\n');
    const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
    ssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'web.key',
      '-out',
      'web.crt',
      '-subj',
      '/CN=web',
      '-days',
      '2',
    );
    ssl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'other.key');
  });

  setup(() => {
    prompts = answerPrompts([]);
  });

  teardown(async () => {
    restoreDialogs?.();
    restoreDialogs = undefined;
    prompts?.done();
    await cluster.heal();
    for (const name of created.splice(0)) await cluster.deleteSecret(name).catch(() => undefined);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  suiteTeardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  const messages = (kind: PromptRecord['kind']) => prompts!.prompts.filter((p) => p.kind === kind).map((p) => p.text);

  test('generic: literal and file, saved to a 0600 file holding exactly kubectl’s manifest', async () => {
    const target = path.join(dir, 'generic.secret.json');
    restoreDialogs = answerDialogs([path.join(dir, 'ca.pem')], [target]);
    const run = await driveWizard(
      'pachyderm.newGenericSecret',
      [],
      [
        { input: 'app-config', step: 1 },
        { pick: 'Add literal value', step: 2 },
        { input: 'password', step: 2, password: false },
        { input: VALUE, step: 2, password: true },
        { pick: 'Add file', step: 2 },
        { input: (suggested) => (assert.equal(suggested, 'ca.pem'), 'ca.crt') },
        { pick: 'Done', step: 2 },
        { pick: 'Save to file', step: 3 },
      ],
    );
    assert.equal(run.outcome, 'done');
    assert.deepEqual([...new Set(run.seen.map((s) => s.totalSteps))], [3]);
    assert.ok(
      run.seen.some((s) => s.prompt === 'Keys so far: password, ca.crt'),
      JSON.stringify(run.seen.map((s) => s.prompt)),
    );
    const want = buildGenericSecret(
      { name: 'app-config', fromLiteral: [`password=${VALUE}`], fromFile: [`ca.crt=${path.join(dir, 'ca.pem')}`] },
      nodeSourceReader,
    );
    assert.equal(fs.readFileSync(target, 'utf8'), printSecret(want, 'json'));
    assert.equal(fs.statSync(target).mode & 0o777, 0o600);
    assert.ok(messages('showInformationMessage').some((m) => /mode 0600/.test(m) && /not encryption/.test(m)));
  });

  /** What real kubectl prints for the same inputs (no cluster is contacted). */
  const kubectlJson = (args: string[]) =>
    execFileSync('kubectl', ['create', 'secret', ...args, '--dry-run=client', '-o', 'json'], {
      env: { ...process.env, KUBECONFIG: '/dev/null' },
      maxBuffer: 64 * 2 ** 20,
    }).toString('utf8');

  test('a save that fails (the path is a folder) names the path, keeps the answers, and the next save writes kubectl’s bytes', async () => {
    const folder = path.join(dir, 'is-a-folder.json');
    fs.mkdirSync(folder);
    const target = path.join(dir, 'after-failure.secret.json');
    restoreDialogs = answerDialogs([path.join(dir, 'ca.pem')], [folder, target]);
    const run = await driveWizard(
      'pachyderm.newGenericSecret',
      [],
      [
        { input: 'after-failure', step: 1 },
        { pick: 'Add literal value', step: 2 },
        { input: 'password', step: 2 },
        { input: VALUE, step: 2 },
        { pick: 'Add file', step: 2 },
        { input: 'ca.crt' },
        { pick: 'Done', step: 2 },
        { pick: 'Save to file', step: 3 },
        { pick: 'Save to file', step: 3 },
      ],
    );
    assert.equal(run.outcome, 'done');
    const errors = messages('showErrorMessage');
    assert.ok(
      errors.some(
        (m) =>
          m.startsWith(`Could not save the manifest to ${folder}: it is a folder.`) && m.includes('answers are kept'),
      ),
      JSON.stringify(errors),
    );
    assert.ok(!errors.some((m) => m.includes(VALUE)));
    assert.ok(fs.statSync(folder).isDirectory());
    const want = kubectlJson([
      'generic',
      'after-failure',
      `--from-literal=password=${VALUE}`,
      `--from-file=ca.crt=${path.join(dir, 'ca.pem')}`,
    ]);
    assert.equal(fs.readFileSync(target, 'utf8'), want);
    assert.equal(fs.statSync(target).mode & 0o777, 0o600);
  });

  test('a Secret over the API server’s 1 MiB is asked about in a modal: Go back keeps the answers, Build anyway saves it', async () => {
    const big = path.join(dir, 'just-over-1MiB.bin');
    fs.writeFileSync(big, Buffer.alloc(1024 * 1024 + 1, 0x2a));
    const target = path.join(dir, 'too-big.secret.json');
    prompts!.done();
    prompts = answerPrompts(['Go back', 'Build anyway']);
    restoreDialogs = answerDialogs([big], [target]);
    const run = await driveWizard(
      'pachyderm.newGenericSecret',
      [],
      [
        { input: 'too-big' },
        { pick: 'Add file' },
        { input: 'blob' },
        { pick: 'Done' },
        { pick: 'Save to file', step: 3 },
        { pick: 'Save to file', step: 3 },
      ],
    );
    assert.equal(run.outcome, 'done');
    const modals = prompts!.prompts.filter((p) => p.kind === 'showWarningMessage');
    assert.equal(modals.length, 2);
    assert.match(
      modals[0].text,
      /"too-big" total 1,048,577 bytes; the Kubernetes API server refuses a Secret over 1 MiB/,
    );
    assert.deepEqual(modals[0].items, ['Build anyway', 'Go back']);
    assert.equal(fs.readFileSync(target, 'utf8'), kubectlJson(['generic', 'too-big', `--from-file=blob=${big}`]));
  });

  test('generic: Open as unsaved JSON editor gives an in-memory JSON document the language server does not receive', async () => {
    const run = await driveWizard(
      'pachyderm.newGenericSecret',
      [],
      [
        { input: 'editor-secret' },
        { pick: 'Add literal value' },
        { input: 'k' },
        { input: VALUE },
        { pick: 'Done' },
        { pick: 'stringData' },
        { pick: 'Open as unsaved JSON editor' },
      ],
    );
    assert.equal(run.outcome, 'done');
    const doc = vscode.window.activeTextEditor?.document;
    assert.ok(doc);
    assert.equal(doc.uri.scheme, 'pachyderm-manifest');
    assert.equal(doc.languageId, 'json');
    assert.ok(!fs.existsSync(doc.uri.fsPath), 'the manifest is not on disk');
    assert.deepEqual(JSON.parse(doc.getText()).stringData, { k: VALUE });
    // The running language client's own selector does not take this document, so its values never reach the server.
    const selector = exports.cluster.host.client.clientOptions.documentSelector as vscode.DocumentSelector;
    assert.equal(vscode.languages.match(selector, doc), 0);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('tls: the pair is checked before finishing, the last step shows the certificate, then Create puts it in the cluster with pachctl’s labels and the tree shows it', async () => {
    restoreDialogs = answerDialogs([path.join(dir, 'web.crt'), path.join(dir, 'other.key'), path.join(dir, 'web.key')]);
    created.push('wizard-tls');
    const run = await driveWizard(
      'pachyderm.newTlsSecret',
      [],
      [
        { input: 'wizard-tls', step: 1 },
        { pick: 'Choose the certificate', step: 2 },
        { pick: 'Choose the private key', step: 3 },
        { pick: 'Choose the private key', step: 3 },
        { pick: 'Certificate web: expires in 1 day', step: 4 },
        { pick: 'Create in cluster now', step: 4 },
      ],
    );
    assert.equal(run.outcome, 'done');
    // The last step named the certificate being written; picking it listed the public facts, never the PEM.
    const facts = messages('showInformationMessage').find((m) => m.startsWith('Certificate: '));
    assert.match(facts ?? '', /subject CN: web; .*key: RSA 2048; tls\.key matches: yes\.$/);
    assert.ok(!facts!.includes(fs.readFileSync(path.join(dir, 'web.crt'), 'utf8').split('\n')[1]));
    assert.ok(
      messages('showErrorMessage').some((m) => m.startsWith('tls: private key type does not match public key type')),
      JSON.stringify(messages('showErrorMessage')),
    );
    const got = await getSecret('wizard-tls');
    assert.equal(got.status, 200);
    assert.equal(got.body.type, 'kubernetes.io/tls');
    assert.deepEqual(Object.keys(got.body.data ?? {}).sort(), ['tls.crt', 'tls.key']);
    assert.equal(got.body.metadata?.labels?.['secret-source'], 'pachyderm-user');
    assert.equal(got.body.metadata?.labels?.suite, 'pachyderm');
    await waitFor(() => exports.cluster.catalog.snapshot().secrets.some((s) => s.name === 'wizard-tls'), {
      what: 'wizard-tls in the live catalog',
    });
  });

  test('docker-registry: server-side dry run stores nothing, then saving writes kubectl’s .dockerconfigjson', async () => {
    const target = path.join(dir, 'regcred.json');
    restoreDialogs = answerDialogs([], [target]);
    const run = await driveWizard(
      'pachyderm.newDockerRegistrySecret',
      [],
      [
        { input: 'wizard-regcred', step: 1 },
        { input: (server) => (assert.equal(server, 'https://index.docker.io/v1/'), server), step: 2 },
        { input: 'robot', step: 3 },
        { input: VALUE, step: 4, password: true },
        { input: '', step: 5 },
        { pick: 'Server-side dry run', step: 6 },
        { pick: 'Save to file', step: 6 },
      ],
    );
    assert.equal(run.outcome, 'done');
    assert.ok(
      messages('showInformationMessage').some(
        (m) => m.startsWith('Server-side dry run:') && m.includes('"wizard-regcred"'),
      ),
      JSON.stringify(messages('showInformationMessage')),
    );
    assert.equal((await getSecret('wizard-regcred')).status, 404);
    const want = buildDockerRegistrySecret(
      { name: 'wizard-regcred', username: 'robot', password: VALUE },
      nodeSourceReader,
    );
    assert.equal(fs.readFileSync(target, 'utf8'), printSecret(want, 'json'));
  });

  test('docker-registry: Create in cluster now makes a kubernetes.io/dockerconfigjson secret', async () => {
    created.push('wizard-registry');
    const run = await driveWizard(
      'pachyderm.newDockerRegistrySecret',
      [],
      [
        { input: 'wizard-registry' },
        { input: 'registry.example.com' },
        { input: 'robot' },
        { input: VALUE },
        { input: 'robot@example.com' },
        { pick: 'Create in cluster now' },
      ],
    );
    assert.equal(run.outcome, 'done');
    const got = await getSecret('wizard-registry');
    assert.equal(got.body.type, 'kubernetes.io/dockerconfigjson');
    assert.deepEqual(Object.keys(got.body.data ?? {}), ['.dockerconfigjson']);
  });

  test('a cancelled wizard creates, saves and opens nothing', async () => {
    const before = vscode.workspace.textDocuments.length;
    const run = await driveWizard(
      'pachyderm.newGenericSecret',
      [],
      [{ input: 'never-made' }, { pick: 'Add literal value' }, { input: 'k' }, { cancel: true }],
    );
    assert.equal(run.outcome, 'cancel');
    assert.equal((await getSecret('never-made')).status, 404);
    assert.equal(vscode.workspace.textDocuments.length, before);
  });

  test('Create in cluster now over an existing platform secret needs two confirmations', async () => {
    // A platform secret of the Helm chart that the shared cluster's seed does not have, made as the chart would.
    const name = 'pachyderm-deployment-id-secret';
    created.push(name);
    const labels = { 'app.kubernetes.io/managed-by': 'Helm' };
    await cluster.createSecret({ name, stringData: { CLUSTER_DEPLOYMENT_ID: 'chart-made' }, labels });
    await waitFor(() => exports.cluster.catalog.get(name), { what: `${name} in the catalog` });
    const acts = (): Act[] => [
      { input: name },
      { pick: 'Add literal value' },
      { input: 'other' },
      { input: VALUE },
      { pick: 'Done' },
      { pick: 'Create in cluster now', step: 3 },
    ];
    prompts!.done();
    prompts = answerPrompts(['Replace', undefined]);
    const once = await driveWizard('pachyderm.newGenericSecret', [], [...acts(), { cancel: true }]);
    assert.equal(once.outcome, 'cancel');
    const warnings = prompts.prompts.filter((p) => p.kind === 'showWarningMessage');
    assert.match(warnings[0].text, new RegExp(`^Secret "${name}" already exists in .*\\. Replace it\\?$`));
    assert.match(
      warnings[1].text,
      /a platform secret of the Pachyderm Helm chart \(cluster deployment ID\)\. Replace it/,
    );
    assert.deepEqual(warnings[1].items, ['Replace Platform Secret']);
    let got = await getSecret(name);
    assert.deepEqual(Object.keys(got.body.data ?? {}), ['CLUSTER_DEPLOYMENT_ID'], 'one Replace left it as it was');
    assert.equal(got.body.metadata?.labels?.['app.kubernetes.io/managed-by'], 'Helm');

    prompts.done();
    prompts = answerPrompts(['Replace', 'Replace Platform Secret']);
    const twice = await driveWizard('pachyderm.newGenericSecret', [], acts());
    assert.equal(twice.outcome, 'done');
    got = await getSecret(name);
    assert.deepEqual(Object.keys(got.body.data ?? {}), ['other']);
  });

  test('a failed create keeps the answers; Back, fix, and Create again succeeds', async () => {
    created.push('wizard-retry');
    await cluster.admin('POST', '/__local/faults', { fail: { status: 403, count: 1, verb: 'create' } });
    const run = await driveWizard(
      'pachyderm.newGenericSecret',
      [],
      [
        { input: 'wizard-retry' },
        { pick: 'Add literal value' },
        { input: 'user' },
        { input: 'admin' },
        { pick: 'Done' },
        { pick: 'Create in cluster now', step: 3 },
        { back: true },
        { pick: 'Add literal value', step: 2 },
        { input: 'pass' },
        { input: VALUE },
        { pick: 'Done' },
        { pick: 'Create in cluster now', step: 3 },
      ],
    );
    assert.equal(run.outcome, 'done');
    assert.ok(
      messages('showErrorMessage').some((m) => m.includes('answers are kept')),
      JSON.stringify(messages('showErrorMessage')),
    );
    const listAfterBack = run.seen[7];
    assert.ok(
      listAfterBack.labels?.some((l) => l.includes('user')),
      'the key added before the failed create is still listed',
    );
    const got = await getSecret('wizard-retry');
    assert.deepEqual(Object.keys(got.body.data ?? {}).sort(), ['pass', 'user']);
  });

  test('the "create missing secret" quick fix opens the generic wizard pre-filled, and the diagnostic clears once created', async () => {
    created.push('wizard-missing');
    const editor = await writeFixture(
      'specs/wizard-missing.pipeline.json',
      JSON.stringify(
        {
          pipeline: { name: 'wm' },
          transform: { image: 'x', cmd: ['sh'], secrets: [{ name: 'wizard-missing', key: 'token', envVar: 'T' }] },
        },
        null,
        2,
      ),
    );
    const uri = editor.document.uri;
    const missing = (ds: readonly vscode.Diagnostic[]) => ds.some((d) => d.message.includes('wizard-missing'));
    const [diag] = (await waitForDiagnostics(uri, missing)).filter((d) => d.message.includes('wizard-missing'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      diag.range,
    );
    const fix = actions.find((a) => a.command?.command === 'pachyderm.createMissingSecret');
    assert.ok(fix?.command, `no create-secret quick fix among ${JSON.stringify(actions.map((a) => a.title))}`);
    coversCommand('pachyderm.createMissingSecret');
    const run = await driveWizard(fix.command.command, fix.command.arguments ?? [], [
      { input: (name) => (assert.equal(name, 'wizard-missing'), name) },
      { pick: 'Add literal value' },
      { input: (key) => (assert.equal(key, 'token'), key) },
      { input: VALUE },
      { pick: 'Done' },
      { pick: 'Create in cluster now' },
    ]);
    assert.equal(run.outcome, 'done');
    await waitForDiagnostics(uri, (ds) => !missing(ds), { what: 'the missing-secret diagnostic to clear' });
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('the keyboard path: values set in the real input box, Enter to accept, arrow commands to move, Escape to cancel', async () => {
    const box = nextQuickInput<vscode.InputBox>({ what: 'the name box' });
    const result = vscode.commands.executeCommand<'done' | 'cancel'>('pachyderm.newGenericSecret');
    coversCommand('pachyderm.newGenericSecret');
    const nameBox = await box;
    nameBox.value = '';
    const list = nextQuickInput<vscode.QuickPick<vscode.QuickPickItem>>({ what: 'the keys list' });
    // Enter on an empty name is refused by the as-you-type validation: the wizard stays on step 1.
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await waitFor(() => nameBox.validationMessage === 'name must be specified' || undefined, {
      what: 'the empty-name message',
    });
    nameBox.value = 'keyboard-name';
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const keys = await list;
    assert.equal(keys.step, 2);
    const doneIndex = keys.items.findIndex((it) => it.label.includes('Done'));
    await waitFor(() => keys.activeItems.length > 0 || undefined, { what: 'an active item' });
    for (let n = 0; n < doneIndex; n++) {
      const before = keys.items.indexOf(keys.activeItems[0]);
      await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      await waitFor(() => keys.items.indexOf(keys.activeItems[0]) !== before || undefined, {
        what: 'the active item to move down',
      });
    }
    const finish = nextQuickInput<vscode.QuickPick<vscode.QuickPickItem>>({ what: 'the output step' });
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal((await finish).step, 3);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await result, 'cancel');
  });

  // Every type to the end with every output: the answers each wizard needs, then the output's own check.
  const typeAnswers: Record<string, { command: string; acts: (name: string) => Act[]; dialogs: () => string[] }> = {
    generic: {
      command: 'pachyderm.newGenericSecret',
      acts: (name) => [
        { input: name },
        { pick: 'Add literal value' },
        { input: 'k' },
        { input: VALUE },
        { pick: 'Done' },
      ],
      dialogs: () => [],
    },
    tls: {
      command: 'pachyderm.newTlsSecret',
      acts: (name) => [{ input: name }, { pick: 'Choose the certificate' }, { pick: 'Choose the private key' }],
      dialogs: () => [path.join(dir, 'web.crt'), path.join(dir, 'web.key')],
    },
    'docker-registry': {
      command: 'pachyderm.newDockerRegistrySecret',
      acts: (name) => [{ input: name }, { input: (s) => s }, { input: 'robot' }, { input: VALUE }, { input: '' }],
      dialogs: () => [],
    },
  };
  for (const [type, t] of Object.entries(typeAnswers)) {
    for (const output of [
      'Open as unsaved JSON editor',
      'Save to file',
      'Create in cluster now',
      'Server-side dry run',
    ] as const) {
      test(`${type} wizard to the end with "${output}"`, async () => {
        const name = `matrix-${type}-${output.split(' ')[0].toLowerCase()}`;
        const file = path.join(dir, `${name}.json`);
        restoreDialogs = answerDialogs(t.dialogs(), [file]);
        const dryRun = output === 'Server-side dry run';
        // A dry run leaves the wizard on its last step; Escape then closes it.
        const acts: Act[] = [...t.acts(name), { pick: output }, ...(dryRun ? [{ cancel: true } as Act] : [])];
        if (output === 'Create in cluster now') created.push(name);
        const run = await driveWizard(t.command, [], acts);
        assert.equal(run.outcome, dryRun ? 'cancel' : 'done');
        const stored = (await getSecret(name)).status === 200;
        assert.equal(stored, output === 'Create in cluster now', 'only Create stores the secret');
        if (output === 'Save to file') assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).metadata.name, name);
        if (output === 'Open as unsaved JSON editor') {
          assert.equal(JSON.parse(vscode.window.activeTextEditor!.document.getText()).metadata.name, name);
          await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        }
        if (dryRun)
          assert.ok(
            messages('showInformationMessage').some((m) => m.startsWith('Server-side dry run:')),
            JSON.stringify(messages('showErrorMessage')),
          );
      });
    }
  }
});
