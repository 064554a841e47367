import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PachydermExtensionExports } from '../../client/src/extension';
import {
  activateExtension,
  EXTENSION_ID,
  fixtureUri,
  languageServerPids,
  openFixture,
  waitFor,
  waitForDiagnostics,
  waitForLanguageServer,
} from './harness';

suite('activation', () => {
  test('opening a pipeline spec activates the extension without anyone calling activate()', async () => {
    await openFixture('specs/edges.pipeline.json');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded`);
    await waitFor(() => ext.isActive, { what: 'the extension to activate' });
  });

  test('activation does not wait for the language server, and the server start settles', async () => {
    const exports = await activateExtension<PachydermExtensionExports>();
    assert.equal(typeof exports.activationMs, 'number');
    // Rejects when the server could not start: the suite then fails here.
    await exports.serverReady;
  });

  test('the language server runs as a child process of the extension host, answers, and survives opening specs', async () => {
    const pid = await waitForLanguageServer();
    await openFixture('specs/broken.pipeline.json');
    await openFixture('specs/broken.pipeline.yaml');
    await waitForDiagnostics(
      fixtureUri('specs/broken.pipeline.yaml'),
      (ds) => ds.some((d) => d.source === 'pachyderm'),
      {
        what: 'diagnostics on the YAML spec',
      },
    );
    // A server that crashed on a document would have been replaced by a restarted one: same PID, still one.
    assert.deepEqual(languageServerPids(), [pid]);
  });

  test('the extension runs in the real VS Code 1.100 server extension host, not a mock', () => {
    assert.match(vscode.version, /^1\.100\./);
    assert.equal(vscode.env.appHost, 'server-distro');
  });
});
