import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, languageServerPids, openFixture, waitFor } from './harness';

suite('activation', () => {
  test('opening a pipeline spec activates the extension without anyone calling activate()', async () => {
    await openFixture('specs/edges.pipeline.json');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded`);
    await waitFor(() => ext.isActive, { what: 'the extension to activate' });
  });

  test('the language server runs as a child process of the extension host and survives opening specs', async () => {
    const [pid] = await waitFor(() => (languageServerPids().length ? languageServerPids() : undefined), {
      what: 'a language server process (node …/dist/server.js) under the extension host',
    });
    await openFixture('specs/broken.pipeline.json');
    await openFixture('specs/broken.pipeline.yaml');
    // A server that crashed on didOpen would have been replaced by a restarted one (or none): same PID, still one.
    await waitFor(() => vscode.window.activeTextEditor?.document.fileName.endsWith('broken.pipeline.yaml'), { what: 'the YAML spec to open' });
    assert.deepEqual(languageServerPids(), [pid]);
    process.kill(pid, 0); // throws if the process is gone
  });

  test('the extension runs in the real VS Code 1.100 server extension host, not a mock', () => {
    assert.match(vscode.version, /^1\.100\./);
    assert.equal(vscode.env.appHost, 'server-distro');
  });
});
