/**
 * `pachyderm.trace.server` in a real VS Code: vscode-languageclient reads it (the client's id is `pachyderm`) and
 * traces into the "Pachyderm" output, whose log file the test reads. At `verbose` the parameters are traced, but
 * never the text of a document: the canary written in a values file reaches no log.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PachydermExtensionExports } from '../../client/src/extension';
import {
  activateExtension,
  assertNotInLogs,
  fixtureUri,
  setSetting,
  waitFor,
  waitForLanguageServer,
  windowLogFiles,
  writeFixture,
} from './harness';

const CANARY = 'CANARY-trace-4Rk8Wq';

suite('language server trace (pachyderm.trace.server)', () => {
  let logUri: vscode.Uri;

  suiteSetup(async () => {
    const ext = await activateExtension<PachydermExtensionExports>();
    logUri = ext.cluster.host.context.logUri;
    await waitForLanguageServer();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const name of ['trace-messages-values.yaml', 'trace-verbose-values.yaml'])
      await vscode.workspace.fs.delete(fixtureUri(`helm/${name}`));
  });

  /** The log that holds `marker`, once one does. */
  const logWith = (marker: string) =>
    waitFor(() => windowLogFiles(logUri).find((l) => l.text.includes(marker)), { what: `"${marker}" in a log` });

  test('messages: each message by name in the Pachyderm output', async () => {
    await setSetting('pachyderm.trace.server', 'messages');
    await writeFixture('helm/trace-messages-values.yaml', `pachd:\n  rootToken: ${CANARY}\n`);
    // The answer is written after the request: waiting for it means the log read holds both.
    const log = await logWith("Received notification 'textDocument/publishDiagnostics'");
    assert.match(log.file, /Pachyderm/, `the trace is in ${log.file}`);
    assert.match(log.text, /\[Trace - [^\]]+\] Sending notification 'textDocument\/didOpen'/);
    assert.ok(!log.text.includes('trace-messages-values.yaml'), 'at messages, no parameters are traced');
  });

  test('verbose: parameters without the text of documents, so no value written in a file', async () => {
    await setSetting('pachyderm.trace.server', 'verbose');
    await writeFixture('helm/trace-verbose-values.yaml', `pachd:\n  rootToken: ${CANARY}\n`);
    const log = await logWith('trace-verbose-values.yaml');
    assert.match(log.text, /"text": "\(document text left out of the trace, \d+ characters as JSON\)"/);
    await assertNotInLogs(logUri, 'trace-verbose-values.yaml', CANARY);
  });
});
