/**
 * Secret manifests in the real VS Code against the local cluster: a broken YAML manifest shows its PM problems,
 * and hover lists its keys with sizes against the cluster's secret of the same name, without a value.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, cluster, ownDiagnostics, waitFor, waitForDiagnostics, writeFixture } from './harness';

const NAME = 'manifest-hover';
const CANARY = 'CANARY-vscode-manifest-Jc47Wu';

const TEXT = [
  'apiVersion: v1',
  'kind: Secret',
  'metadata:',
  `  name: ${NAME}`,
  'type: kubernetes.io/tls',
  'data:',
  `  tls.crt: ${Buffer.from(CANARY).toString('base64')}`,
  `  folded: ${Buffer.from(CANARY).toString('base64')}`,
  `    ${Buffer.from(CANARY).toString('base64')}`,
  'stringData:',
  `  tls.crt: ${CANARY}`,
  '',
].join('\n');

const codes = (ds: readonly vscode.Diagnostic[]) =>
  ds.map((d) => String(typeof d.code === 'object' ? d.code.value : d.code)).sort();

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')))
    .join('\n');
}

suite('Secret manifests', () => {
  suiteSetup(async () => {
    await activateExtension();
    await cluster.createSecret({
      name: NAME,
      type: 'kubernetes.io/tls',
      stringData: { 'tls.crt': 'c', 'tls.key': 'k' },
    });
  });
  suiteTeardown(() => cluster.deleteSecret(NAME));

  test('a broken manifest shows its problems, and hover compares its keys with the cluster’s secret', async () => {
    const editor = await writeFixture('manifests/broken-secret.yaml', TEXT);
    const uri = editor.document.uri;
    const want = ['PM001', 'PM006', 'PM007', 'PM011'];
    await waitForDiagnostics(uri, () => codes(ownDiagnostics(uri)).join() === want.join());
    const diagnostics = ownDiagnostics(uri);
    assert.ok(diagnostics.every((d) => !d.message.includes('CANARY')));
    const tlsKey = diagnostics.find((d) => codes([d])[0] === 'PM007')!;
    assert.equal(tlsKey.message, 'a Secret of type kubernetes.io/tls needs the key tls.key');
    assert.equal(tlsKey.range.start.line, 4);

    const at = new vscode.Position(7, 3);
    const text = await waitFor(async () => {
      const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at));
      return t.includes('only in the cluster') ? t : undefined;
    });
    assert.match(text, /\*\*Secret `manifest-hover`\*\* · `kubernetes.io\/tls` · 2 keys/);
    assert.match(text, /\| `tls.crt` \| 29 B \(stringData, over data\) \| has it, 1 B \|/);
    assert.match(text, /\| `folded` \| unreadable \(data\) \| missing \|/);
    assert.match(text, /only in this file: `folded`; only in the cluster: `tls.key`/);
    assert.ok(!text.includes('CANARY') && !text.includes(Buffer.from(CANARY).toString('base64')));
  });
});
