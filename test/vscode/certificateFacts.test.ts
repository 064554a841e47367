/**
 * Certificate facts where users meet them in a real VS Code, against the local cluster: the Secrets tree's mark and
 * tooltip, Inspect Secret, PS118 and hover in a spec. Certificates are made for the test with dates days away from
 * the moment it runs; the tree's clock is then moved on to show a mark changing as time passes. No PEM text may
 * reach a tree item, a document, a diagnostic or a hover.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PachydermExtensionExports } from '../../client/src/extension';
import { systemClock } from '../../client/src/cluster/ageTicker';
import type { TreeRow } from '../../client/src/cluster/treeModel';
import { FakeClock } from '../cluster/fakeClock';
import { certificateAround } from '../support/certificates';
import { activateExtension, cluster, runCommand, setSetting, testEnv, waitFor, waitForDiagnostics } from './harness';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date();
const soon = certificateAround(now, 'soon.cert-probe.example', -30, 5.5, 'rsa');
const ca = certificateAround(now, 'old.cert-probe.example', -300, -2);
const pemLines = [soon.cert, soon.key, ca.cert].flatMap((p) =>
  p.split('\n').filter((l) => l.length >= 16 && !l.startsWith('-----')),
);

suite('certificates: facts in the tree, Inspect, diagnostics and hover', () => {
  let area: PachydermExtensionExports['cluster'];

  suiteSetup(async () => {
    area = (await activateExtension<PachydermExtensionExports>()).cluster;
    await waitFor(() => area.catalog.snapshot().state.kind === 'ready', { what: 'the catalog to be ready' });
    await cluster.createSecret({
      name: 'cert-probe',
      type: 'kubernetes.io/tls',
      stringData: { 'tls.crt': soon.cert, 'tls.key': soon.key, 'ca.crt': ca.cert },
    });
    await waitFor(() => area.catalog.get('cert-probe'), { what: 'cert-probe in the catalog' });
  });

  suiteTeardown(async () => {
    area.tree.useClock(systemClock);
    await cluster.deleteSecret('cert-probe').catch(() => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** The TreeItems the provider gives VS Code for the probe secret and its keys. */
  function items(): { secret: vscode.TreeItem; keys: Map<string, vscode.TreeItem> } {
    const row = area.tree.getChildren().find((r: TreeRow) => r.kind === 'secret' && r.label === 'cert-probe');
    assert.ok(row, 'the probe secret has a row');
    const keys = new Map(area.tree.getChildren(row).map((k) => [k.label, area.tree.getTreeItem(k)]));
    return { secret: area.tree.getTreeItem(row), keys };
  }

  test('the tree marks the secret by its worst certificate and each certificate key by its own', async () => {
    const { secret, keys } = await waitFor(
      () => {
        const it = items();
        return String(it.secret.description).includes('⚠ certificate') ? it : undefined;
      },
      { what: 'the probe row to carry a certificate mark' },
    );
    assert.match(String(secret.description), /· ⚠ certificate expired 2 days ago/);
    assert.match(String(secret.tooltip), /Certificate in tls\.crt:\n {2}validity: expires in 5 days/);
    assert.match(String(secret.tooltip), /subject CN: soon\.cert-probe\.example[^]*key: RSA 2048[^]*matches: yes/);
    assert.equal(((secret.iconPath as vscode.ThemeIcon).color as unknown as { id: string }).id, 'list.errorForeground');
    assert.match(String(keys.get('tls.crt')!.description), /· ⚠ certificate expires in 5 days$/);
    assert.match(String(keys.get('ca.crt')!.description), /· ⚠ certificate expired 2 days ago$/);
    assert.doesNotMatch(String(keys.get('tls.key')!.description), /certificate/);

    // Time passes on the tree's clock: the certificate that expired in 5 days has expired.
    area.tree.useClock(new FakeClock(now.getTime() + 7 * DAY));
    assert.match(String(items().keys.get('tls.crt')!.description), /· ⚠ certificate expired 1 day ago$/);
    area.tree.useClock(systemClock);

    await setSetting('pachyderm.certificateExpiryWarningDays', 3);
    await waitFor(() => /certificate, valid for 5 days$/.test(String(items().keys.get('tls.crt')!.description)), {
      what: 'the setting to narrow the window',
    });
    const all = JSON.stringify([...items().keys.values(), items().secret]);
    for (const line of pemLines) assert.ok(!all.includes(line), 'a PEM line reached the tree');
  });

  test('Inspect Secret lists the certificate facts', async () => {
    const uri = await runCommand<vscode.Uri>('pachyderm.inspectSecret', 'cert-probe');
    const doc = await waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()), {
      what: 'the inspect document',
    });
    const text = doc.getText();
    assert.match(text, /\nCertificates \(2\):\n {2}ca\.crt:\n {4}validity: expired 2 days ago\n/);
    assert.match(text, / {2}tls\.crt:\n {4}validity: expires in 5 days\n {4}subject CN: soon\.cert-probe\.example\n/);
    for (const line of pemLines) assert.ok(!text.includes(line), 'a PEM line reached the Inspect document');
  });

  test('a spec naming the secret gets PS118, and hover shows the facts', async () => {
    const file = path.join(testEnv().workspace, 'specs', 'cert-probe.pipeline.yaml');
    fs.writeFileSync(
      file,
      'pipeline: {name: cert-probe}\ntransform:\n  image: i:1\n  secrets:\n  - {name: cert-probe, mountPath: /tls}\n',
    );
    const uri = vscode.Uri.file(file);
    await vscode.window.showTextDocument(uri);
    const [ps118] = (await waitForDiagnostics(uri, (ds) => ds.some((d) => d.code === 'PS118'))).filter(
      (d) => d.code === 'PS118',
    );
    assert.equal(ps118.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(ps118.message, /^secret cert-probe: certificate in "ca\.crt" \(CN old\.cert-probe\.example\) expired/);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      new vscode.Position(4, 12),
    );
    const markdown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(markdown, /⚠ Certificate in `tls\.crt`: expires in 5 days/);
    assert.match(markdown, /- issuer: soon\.cert-probe\.example/);
    for (const line of pemLines) {
      assert.ok(!markdown.includes(line) && !ps118.message.includes(line), 'a PEM line reached the editor');
    }
    fs.rmSync(file, { force: true });
  });
});
