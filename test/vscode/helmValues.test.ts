/**
 * Helm values files and platform secrets in the real VS Code against the local cluster: diagnostics from the
 * live catalog, the PH003 quick fix end to end, New Platform Secret, and the platform secrets' delete guard.
 */
import assert from 'node:assert/strict';
import * as https from 'node:https';
import * as vscode from 'vscode';
import {
  activateExtension,
  answerPrompts,
  cluster,
  fixtureUri,
  ownDiagnostics,
  runCommand,
  setSetting,
  testEnv,
  waitFor,
  waitForDiagnostics,
  writeFixture,
} from './harness';
import { driveWizard } from './wizardDriver';
import type { PachydermExtensionExports } from '../../client/src/extension';
import type { TreeRow } from '../../client/src/cluster/treeModel';

interface StoredSecret {
  data?: Record<string, string>;
  metadata?: { labels?: Record<string, string> };
}

/** The secret's data (base64 by key) read straight from the API server, as kubectl would. Never printed. */
async function readSecretData(name: string): Promise<Record<string, string> | undefined> {
  const s = await readSecret(name);
  return s && (s.data ?? {});
}

function readSecret(name: string): Promise<StoredSecret | undefined> {
  const c = testEnv().cluster!;
  const url = new URL(`/api/v1/namespaces/${c.namespace}/secrets/${name}`, c.server);
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca: c.caPem, headers: { Authorization: `Bearer ${c.token}` } }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => (res.statusCode === 404 ? resolve(undefined) : resolve(JSON.parse(body) as StoredSecret)));
      })
      .on('error', reject);
  });
}

const codes = (ds: readonly vscode.Diagnostic[]) =>
  ds.map((d) => String(typeof d.code === 'object' ? d.code.value : d.code));

async function deleteIfPresent(name: string): Promise<void> {
  if ((await cluster.listSecrets()).includes(name)) await cluster.deleteSecret(name);
}

suite('helm values files and platform secrets', () => {
  suiteSetup(() => activateExtension());

  test('a values file gets PH001 for a missing secret and PH002 with the docs-table near miss, from the live cluster', async () => {
    await cluster.createSecret({ name: 'docs-root-token', stringData: { rootToken: 'fixture-docs-value' } });
    try {
      const editor = await writeFixture(
        'helm/values-docs.yaml',
        'pachd:\n  rootTokenSecretName: docs-root-token\n  enterpriseLicenseKeySecretName: ' +
          'missing-license\ncloudsqlAuthProxy:\n  iamLogin: true\n',
      );
      const uri = editor.document.uri;
      const ds = await waitForDiagnostics(uri, (d) => codes(d).includes('PH002') && codes(d).includes('PH001'));
      const ph002 = ds.find((d) => codes([d])[0] === 'PH002')!;
      assert.equal(ph002.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(editor.document.getText(ph002.range), 'docs-root-token');
      assert.match(
        ph002.message,
        /has no key `root-token`.*It has `rootToken`: that is the key the docs' Platform Secrets Map names/,
      );
      assert.ok(!JSON.stringify(ownDiagnostics(uri).map((d) => d.message)).includes('fixture-docs-value'));
    } finally {
      await cluster.deleteSecret('docs-root-token');
    }
  });

  test('the PH003 quick fix moves the root token into a Secret with key root-token and out of the values file', async () => {
    const secretName = 'e2e-root-token';
    await deleteIfPresent(secretName);
    const plain = 'fixture-plain-root-token';
    const editor = await writeFixture(
      'helm/values-move.yaml',
      `pachd:\n  rootToken: "${plain}"\ncloudsqlAuthProxy:\n  iamLogin: true\n`,
    );
    const uri = editor.document.uri;
    const [ph003] = (await waitForDiagnostics(uri, (d) => codes(d).includes('PH003'))).filter(
      (d) => codes([d])[0] === 'PH003',
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      ph003.range,
    );
    const move = actions.find((a) => a.command?.command === 'pachyderm.moveValueToSecret');
    assert.ok(move, `no move-to-secret action among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(!JSON.stringify(move.command!.arguments).includes(plain), 'the code action must not carry the value');

    // Through the New Secret wizard: the name is pre-filled, the value is already an entry under root-token,
    // shown only as a byte count; the user accepts the name, says Done and creates it in the cluster.
    const run = await driveWizard(move.command!.command, move.command!.arguments ?? [], [
      { input: (suggested) => (assert.equal(suggested, 'pachd-root-token'), secretName), step: 1 },
      { pick: 'Done', step: 2 },
      { pick: 'Create in cluster now', step: 3 },
    ]);
    try {
      assert.equal(run.outcome, secretName);
      assert.ok(
        run.seen[1].labels!.some((l) => l.includes('root-token')),
        JSON.stringify(run.seen[1].labels),
      );
      assert.ok(!JSON.stringify(run.seen).includes(plain), 'the wizard showed the value');

      const data = await readSecretData(secretName);
      assert.deepEqual(Object.keys(data ?? {}), ['root-token']);
      // Not labelled as pachctl's: `pachctl delete all` must not delete the chart's credentials.
      assert.equal((await readSecret(secretName))?.metadata?.labels?.['secret-source'], undefined);
      assert.ok(
        Buffer.from(data!['root-token'], 'base64').toString('utf8') === plain,
        'the secret does not hold the moved value',
      );

      assert.equal(
        editor.document.getText(),
        'pachd:\n  rootTokenSecretName: e2e-root-token\ncloudsqlAuthProxy:\n  iamLogin: true\n',
      );
      assert.equal(editor.document.isDirty, false);
      const onDisk = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
      assert.ok(!onDisk.includes(plain), 'the values file on disk still holds the credential');
      // The secret now exists with the right key: nothing left to report.
      await waitForDiagnostics(uri, (d) => !codes(d).some((c) => c.startsWith('PH')));
    } finally {
      await deleteIfPresent(secretName);
    }
  });

  test('the PH002 near-miss fix copies rootToken to root-token in the cluster secret, and removes the old key only when asked', async () => {
    const name = 'e2e-near-miss';
    await deleteIfPresent(name);
    await cluster.createSecret({ name, stringData: { rootToken: 'fixture-near-miss' } });
    try {
      const uri = (
        await writeFixture(
          'helm/values-near-miss.yaml',
          `pachd:\n  rootTokenSecretName: ${name}\ncloudsqlAuthProxy:\n  iamLogin: true\n`,
        )
      ).document.uri;
      const [ph002] = (await waitForDiagnostics(uri, (d) => codes(d).includes('PH002'))).filter(
        (d) => codes([d])[0] === 'PH002',
      );
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        ph002.range,
      );
      const copy = actions.find((a) => a.command?.command === 'pachyderm.copySecretKeyForChart');
      assert.ok(copy, `no copy-key action among ${JSON.stringify(actions.map((a) => a.title))}`);

      const script = answerPrompts(['Copy Key', 'Remove "rootToken"']);
      let copied: boolean | undefined;
      try {
        copied = await vscode.commands.executeCommand<boolean>(
          copy.command!.command,
          ...(copy.command!.arguments ?? []),
        );
        // Removing is a second, separate question, answered after the copy.
        await waitFor(async () => !Object.keys((await readSecretData(name)) ?? {}).includes('rootToken'), {
          what: 'the old key to be removed',
        });
      } finally {
        script.done();
      }
      assert.equal(copied, true);
      assert.match(
        script.prompts[0].text,
        /Copy the value of key "rootToken" to key "root-token" in Secret "e2e-near-miss"\?/,
      );
      assert.match(script.prompts[1].text, /Remove the old key "rootToken"\?/);
      const data = (await readSecretData(name))!;
      assert.deepEqual(Object.keys(data), ['root-token']);
      assert.ok(
        Buffer.from(data['root-token'], 'base64').toString('utf8') === 'fixture-near-miss',
        'the copied value differs',
      );
      await waitForDiagnostics(uri, (d) => !codes(d).includes('PH002'));
    } finally {
      await deleteIfPresent(name);
    }
  });

  test('the PH002 near-miss fix keeps both keys when the user says so', async () => {
    const name = 'e2e-near-miss-keep';
    await deleteIfPresent(name);
    await cluster.createSecret({ name, stringData: { 'auth-config': 'fixture-oauth' } });
    try {
      const script = answerPrompts(['Copy Key', 'Keep Both']);
      try {
        assert.equal(
          await vscode.commands.executeCommand('pachyderm.copySecretKeyForChart', {
            uri: '',
            secret: name,
            from: 'auth-config',
            to: 'pachd-oauth-client-secret',
          }),
          true,
        );
      } finally {
        script.done();
      }
      assert.deepEqual(Object.keys((await readSecretData(name)) ?? {}).sort(), [
        'auth-config',
        'pachd-oauth-client-secret',
      ]);
    } finally {
      await deleteIfPresent(name);
    }
  });

  test('platform secrets carry the platform mark and their role in the Secrets tree; other secrets do not', async () => {
    const area = (await activateExtension<PachydermExtensionExports>()).cluster;
    const secretRows = () => (area.tree.getChildren() as TreeRow[]).filter((r) => r.kind === 'secret');
    const auth = await waitFor(() => secretRows().find((r) => r.label === 'pachyderm-auth'), {
      what: 'the pachyderm-auth row',
    });
    assert.match(auth.description!, /◆ platform: auth \(root token, OAuth secret, auth config\)/);
    assert.match(
      auth.tooltip!,
      /Platform secret of the Pachyderm Helm chart.*reads root-token, pachd-oauth-client-secret/,
    );
    const postgres = secretRows().find((r) => r.label === 'postgres')!;
    assert.match(postgres.description!, /◆ platform: PostgreSQL password/);
    const plain = secretRows().find((r) => r.label === 'warehouse-db')!;
    assert.ok(!plain.description!.includes('platform'), plain.description);
  });

  test('New Platform Secret creates the secret with the key the chart reads for the chosen role', async () => {
    const name = 'e2e-oauth-client-secret';
    await deleteIfPresent(name);
    const script = answerPrompts(['pachd OAuth client secret', name, 'fixture-oauth-value', undefined]);
    let created: string | undefined;
    try {
      created = await runCommand<string | undefined>('pachyderm.newPlatformSecret');
    } finally {
      script.done();
    }
    try {
      assert.equal(created, name);
      assert.deepEqual(Object.keys((await readSecretData(name)) ?? {}), ['pachd-oauth-client-secret']);
      assert.equal((await readSecret(name))?.metadata?.labels?.['secret-source'], undefined);
      const done = script.prompts.find((p) => p.kind === 'showInformationMessage')!;
      assert.match(done.text, /Set pachd\.oauthClientSecretSecretName: e2e-oauth-client-secret/);
      assert.ok(!JSON.stringify(script.prompts).includes('fixture-oauth-value'));
    } finally {
      await deleteIfPresent(name);
    }
  });

  test('deleting a platform secret asks for the strongest confirmation: a modal naming its role, then its name typed', async () => {
    const name = 'pachyderm-license';
    await deleteIfPresent(name);
    // A values file naming it tells, through its diagnostics, when the catalog knows the secret.
    const probe = (
      await writeFixture(
        'helm/values-license.yaml',
        `pachd:\n  enterpriseLicenseKeySecretName: ${name}\ncloudsqlAuthProxy:\n  iamLogin: true\n`,
      )
    ).document.uri;
    await waitForDiagnostics(probe, (d) => codes(d).includes('PH001'));
    await cluster.createSecret({ name, stringData: { 'enterprise-license-key': 'fixture-license' } });
    await waitForDiagnostics(probe, (d) => !codes(d).includes('PH001'));

    // Escape at the typed-name step keeps the secret.
    let script = answerPrompts(['Delete Platform Secret…', undefined]);
    try {
      await runCommand('pachyderm.deleteSecret', name);
    } finally {
      script.done();
    }
    assert.match(
      script.prompts[0].text,
      /platform secret of the Pachyderm Helm chart \(Enterprise license key \(2\.11\)\)/,
    );
    assert.equal(script.prompts[1].kind, 'showInputBox');
    assert.ok((await cluster.listSecrets()).includes(name), 'deleted without the name typed');

    script = answerPrompts(['Delete Platform Secret…', name]);
    try {
      await runCommand('pachyderm.deleteSecret', name);
    } finally {
      script.done();
    }
    await waitFor(async () => !(await cluster.listSecrets()).includes(name), { what: `${name} to be deleted` });
  });

  test('a values file matched by pachyderm.helmValuesFiles is checked; the same file is not without the glob', async () => {
    const editor = await writeFixture(
      'helm/pachyderm-prod.yaml',
      'pachd:\n  rootToken: "fixture-glob-value"\ncloudsqlAuthProxy:\n  iamLogin: true\n',
    );
    const uri = fixtureUri('helm/pachyderm-prod.yaml');
    assert.equal(editor.document.uri.toString(), uri.toString());
    await setSetting('pachyderm.helmValuesFiles', ['helm/pachyderm-*.yaml']);
    await waitForDiagnostics(uri, (d) => codes(d).includes('PH003'));
    await setSetting('pachyderm.helmValuesFiles', []);
    await waitForDiagnostics(uri, (d) => !codes(d).some((c) => c.startsWith('PH')));
  });
  test('a file named by pachyderm.helmValuesFiles is checked without a top-level pachd (only global.postgresql and console)', async () => {
    const text =
      'postgresql:\n  enabled: false\nglobal:\n  postgresql:\n    postgresqlExistingSecretName: e2e-missing-pg\n' +
      'console:\n  config:\n    oauthClientSecret: "fixture-console-value"\n';
    const editor = await writeFixture('helm/override-db.yaml', text);
    const uri = editor.document.uri;
    await setSetting('pachyderm.helmValuesFiles', ['helm/override-*.yaml']);
    try {
      const ds = await waitForDiagnostics(uri, (d) => codes(d).includes('PH001') && codes(d).includes('PH003'));
      const ph001 = ds.find((d) => codes([d])[0] === 'PH001')!;
      assert.equal(editor.document.getText(ph001.range), 'e2e-missing-pg');
      assert.ok(!JSON.stringify(ds.map((d) => d.message)).includes('fixture-console-value'));
    } finally {
      await setSetting('pachyderm.helmValuesFiles', []);
    }
    await waitForDiagnostics(uri, (d) => !codes(d).some((c) => c.startsWith('PH')));
  });

  test('hover on a values file says which chart version it was judged against, or that another chart was not judged', async () => {
    const hoverAt = async (doc: vscode.TextDocument, marker: string): Promise<string> => {
      const position = doc.positionAt(doc.getText().indexOf(marker) + 1);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        doc.uri,
        position,
      );
      return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    };
    const modern = await writeFixture(
      'helm/values-chart2.yaml',
      'global:\n  imagePullSecrets: []\npachd:\n  rootTokenSecretName: pachyderm-auth\n',
    );
    assert.match(
      await waitFor(
        async () => {
          const md = await hoverAt(modern.document, 'global:');
          return md.includes('Judged against') ? md : undefined;
        },
        { what: 'the chart line in hover' },
      ),
      /Judged against Pachyderm's Helm chart 2\.x \(pachyderm\/pachyderm etc\/helm\/pachyderm; chart 2\.0 and later; secret facts checked against 2\.11 and 2\.12\), recognised by `global`/,
    );
    assert.match(
      await hoverAt(modern.document, 'rootTokenSecretName'),
      /reads key `root-token`[\s\S]*Judged against Pachyderm's Helm chart 2\.x/,
    );

    const old = await writeFixture(
      'helm/values-1x.yaml',
      'credentials: local\npachd:\n  image:\n    tag: 1.9.8\netcd:\n  persistence:\n    enabled: false\n',
    );
    const ds = await waitForDiagnostics(old.document.uri, (d) => codes(d).includes('PH008'));
    assert.deepEqual(codes(ds), ['PH008']);
    assert.equal(ds[0].severity, vscode.DiagnosticSeverity.Information);
    assert.match(
      await hoverAt(old.document, 'etcd:'),
      /Recognised as the community chart stable\/pachyderm .* Not judged:/,
    );
  });
});
