/**
 * The language server's features where users meet them: a real VS Code with the extension, its server and the
 * local cluster's secrets as the catalog. Diagnostics from the live catalog, completion of secret names and
 * keys, hover, and the did-you-mean quick fix applied through the workbench.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openFixture, ownDiagnostics, waitFor, waitForDiagnostics, writeFixture } from './harness';

const codes = (ds: readonly vscode.Diagnostic[]) =>
  ds.map((d) => String(typeof d.code === 'object' ? d.code.value : d.code));

function positionOf(doc: vscode.TextDocument, text: string, delta = 0): vscode.Position {
  const at = doc.getText().indexOf(text);
  assert.ok(at >= 0, `"${text}" not in ${doc.uri.path}`);
  return doc.positionAt(at + delta);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')))
    .join('\n');
}

suite('language server in VS Code', () => {
  suiteSetup(() => activateExtension());

  test("a spec gets missing-secret and missing-key errors from the live cluster, in pachd's words", async () => {
    const editor = await openFixture('specs/broken.pipeline.json');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (d) => codes(d).includes('PS002') && codes(d).includes('PS003'));
    const own = ownDiagnostics(uri);
    const ps002 = own.find((d) => codes([d])[0] === 'PS002')!;
    assert.equal(ps002.source, 'pachyderm');
    assert.equal(ps002.severity, vscode.DiagnosticSeverity.Error);
    assert.match(ps002.message, /^missing Kubernetes secret missing-api-token/);
    assert.equal(editor.document.getText(ps002.range), '"missing-api-token"');
    const ps003 = own.find((d) => codes([d])[0] === 'PS003')!;
    assert.match(ps003.message, /^Kubernetes secret s3-credentials missing key session-token/);
  });

  test("completion inside an empty name offers the cluster's secrets, and at key the named secret's keys", async () => {
    const editor = await openFixture('specs/completion.pipeline.json');
    const doc = editor.document;
    const names = await waitFor(
      async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider',
          doc.uri,
          positionOf(doc, '"name": ""', 9),
        );
        const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
        return labels.includes('s3-credentials') ? list : undefined;
      },
      { what: 'secret names from the cluster in completion' },
    );
    const item = names.items.find((i) => i.label === 's3-credentials')!;
    assert.equal(typeof item.insertText === 'string' ? item.insertText : item.insertText?.value, '"s3-credentials"');
    assert.match(String(item.detail), /^Opaque · 2 keys$/);

    await editor.edit((b) =>
      b.replace(
        new vscode.Range(positionOf(doc, '"name": ""', 8), positionOf(doc, '"name": ""', 10)),
        '"s3-credentials"',
      ),
    );
    const keys = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      positionOf(doc, '"key": "access-key"', 8),
    );
    const labels = keys.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.deepEqual(labels.sort(), ['access-key', 'secret-key']);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('hover on a secret shows its metadata and the other workspace pipelines using it, never a value', async () => {
    const editor = await openFixture('specs/egress.pipeline.json');
    const doc = editor.document;
    const text = await waitFor(
      async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          doc.uri,
          positionOf(doc, '"warehouse-db"', 3),
        );
        const t = hoverText(hovers);
        return t.includes('Also used by') ? t : undefined;
      },
      { what: 'hover with the workspace pipelines using warehouse-db' },
    );
    assert.match(text, /Secret \*\*warehouse-db\*\* · egress SQL password/);
    assert.match(text, /Pachyderm-managed/);
    assert.match(text, /`PGPASSWORD`/);
    assert.match(text, /`edges`/);
    assert.ok(!text.includes('fixture-db-password'), 'the hover shows a value');
  });

  test('the did-you-mean quick fix corrects a misspelt secret and the error goes away', async () => {
    const editor = await writeFixture(
      'specs/typo.pipeline.json',
      '{\n  "pipeline": {"name": "typo"},\n  "transform": {"image": "alpine:3", "cmd": ["true"], "secrets": ' +
        '[{"name": "warehouse-bd", "mountPath": "/db"}]}\n}\n',
    );
    const uri = editor.document.uri;
    const [ps002] = (await waitForDiagnostics(uri, (d) => codes(d).includes('PS002'))).filter(
      (d) => codes([d])[0] === 'PS002',
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      ps002.range,
    );
    const fix = actions.find((a) => a.title === 'Change to "warehouse-db"');
    assert.ok(fix?.edit, `no did-you-mean among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(fix.isPreferred, true);
    const create = actions.find((a) => a.command?.command === 'pachyderm.createMissingSecret');
    assert.deepEqual(create?.command?.arguments, [{ name: 'warehouse-bd', uri: uri.toString() }]);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitForDiagnostics(uri, (d) => !codes(d).includes('PS002'));
    assert.match(editor.document.getText(), /"name": "warehouse-db"/);
  });

  test('a field Pachyderm 1.9 replaced names its path and successor, and Auto Fix renames "atom" to "pfs"', async () => {
    const editor = await writeFixture(
      'specs/legacy.pipeline.json',
      '{\n  "pipeline": {"name": "legacy"},\n  "transform": {"image": "alpine:3", "cmd": ["true"]},\n  "input": ' +
        '{"atom": {"repo": "raw", "glob": "/*"}}\n}\n',
    );
    const uri = editor.document.uri;
    const [ps101] = (await waitForDiagnostics(uri, (d) => codes(d).includes('PS101'))).filter(
      (d) => codes([d])[0] === 'PS101',
    );
    assert.equal(
      ps101.message,
      'unknown field "atom" (input.atom): Pachyderm 1.9 replaced it with "pfs", which has the same fields',
    );
    assert.equal(ps101.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(editor.document.getText(ps101.range), '"atom"');
    // What a user does: the cursor on the error, then Auto Fix (the preferred quick fix, applied by the editor).
    editor.selection = new vscode.Selection(ps101.range.start, ps101.range.start);
    await waitFor(
      async () => {
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          uri,
          ps101.range,
        );
        return actions.some((a) => a.title === 'Rename "atom" to "pfs"' && a.isPreferred) ? actions : undefined;
      },
      { what: 'the preferred "atom" → "pfs" quick fix' },
    );
    await vscode.commands.executeCommand('editor.action.autoFix');
    await waitFor(async () => (editor.document.getText().includes('"pfs": {"repo": "raw"') ? true : undefined), {
      what: 'the rename applied',
    });
    await waitForDiagnostics(uri, (d) => !codes(d).includes('PS101'));
    assert.deepEqual(ownDiagnostics(uri), []);
    assert.ok(!editor.document.getText().includes('atom'));
  });
});
