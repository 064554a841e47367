/**
 * Rule settings where users meet them: a `.pachyderm-secrets.json` saved in the repository takes a rule out of
 * the Problems of an open spec, and `pachyderm.rules` changes a rule's severity there, over the file.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, fixtureUri, setSetting, waitForDiagnostics, writeFixture } from './harness';

/** PS005 (a warning) and PS001 (an error); neither needs the cluster. */
const SPEC = JSON.stringify(
  { pipeline: { name: 'rules' }, transform: { image: 'i', secrets: [{ name: 'a' }, { name: 'b', envVar: 'B' }] } },
  null,
  2,
);

/** PS001 and PS005 as Problems shows them (PS002 comes too, as the local cluster has no secrets `a` or `b`). */
const ours = (ds: readonly vscode.Diagnostic[]) =>
  ds
    .filter((d) => d.source === 'pachyderm' && (d.code === 'PS001' || d.code === 'PS005'))
    .map((d) => [String(d.code), vscode.DiagnosticSeverity[d.severity]])
    .sort();

suite('rule settings', () => {
  suiteSetup(() => activateExtension());

  teardown(async () => {
    await vscode.workspace.fs.delete(fixtureUri('rule-settings/.pachyderm-secrets.json')).then(
      () => undefined,
      () => undefined,
    );
  });

  test('.pachyderm-secrets.json turning a rule off removes it from Problems; pachyderm.rules changes it', async () => {
    const spec = fixtureUri('rule-settings/specs/p.pipeline.json');
    await writeFixture('rule-settings/specs/p.pipeline.json', SPEC);
    await waitForDiagnostics(spec, (ds) => ours(ds).length === 2);
    assert.deepEqual(ours(vscode.languages.getDiagnostics(spec)), [
      ['PS001', 'Error'],
      ['PS005', 'Warning'],
    ]);

    // Written to disk, never opened: the file watcher tells the server, which re-checks the open spec.
    const settingsFile = fixtureUri('rule-settings/.pachyderm-secrets.json');
    await vscode.workspace.fs.writeFile(settingsFile, Buffer.from('{"rules": {"PS005": "off"}}\n', 'utf8'));
    const off = await waitForDiagnostics(spec, (ds) => ours(ds).length === 1);
    assert.deepEqual(ours(off), [['PS001', 'Error']]);

    await setSetting('pachyderm.rules', { PS005: 'hint', PS001: 'warning' });
    const bySetting = await waitForDiagnostics(spec, (ds) => ours(ds).some((d) => d[1] === 'Hint'));
    assert.deepEqual(ours(bySetting), [
      ['PS001', 'Warning'],
      ['PS005', 'Hint'],
    ]);
  });
});
