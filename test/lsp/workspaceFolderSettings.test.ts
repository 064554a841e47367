/**
 * Closed files are judged with the settings of their own workspace folder: in a multi-root workspace the
 * resource-scoped settings (`pachyderm.specFiles`, `pachyderm.helmValuesFiles`, `pachyderm.rules`) may differ per
 * folder, and the server asks for them with the folder as `scopeUri`, as VS Code answers them for an open file.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { LspSession } from './serverProcess';

// The same files in both folders; only the folders' settings tell them apart.
const FILES: Record<string, string> = {
  // A spec only by a folder's `pachyderm.specFiles` (no transform, so its content alone says nothing): PS113.
  'jobs/etl.yaml': 'pipeline:\n  name: etl\n',
  // A spec by its name: PS113, an error unless a folder's `pachyderm.rules` says otherwise.
  'broken.pipeline.json': '{"pipeline": {"name": "broken"}}\n',
  // A values file only by a folder's `pachyderm.helmValuesFiles`: PH003 for the plain root token.
  'platform.yaml': 'pachd:\n  rootToken: not-a-real-token\n',
};

const SETTINGS: Record<string, Record<string, unknown>> = {
  a: { specFiles: ['**/jobs/*.yaml'] },
  b: { helmValuesFiles: ['**/platform.yaml'], rules: { PS113: 'hint' } },
};

let root: string;
let session: LspSession;
const uriOf = (folder: string, rel: string) => pathToFileURL(path.join(root, folder, rel)).href;
const asked: (string | undefined)[] = [];

/** What VS Code answers: a folder's own settings for a scope inside it, the (empty) user settings otherwise. */
function configurationFor(scopeUri: string | undefined): Record<string, unknown> {
  asked.push(scopeUri);
  const folder = Object.keys(SETTINGS).find((f) => scopeUri?.startsWith(pathToFileURL(path.join(root, f)).href));
  return folder ? SETTINGS[folder] : {};
}

before(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'pachyderm-folder-settings-'));
  for (const folder of Object.keys(SETTINGS)) {
    for (const [rel, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(root, folder, rel)), { recursive: true });
      writeFileSync(path.join(root, folder, rel), text);
    }
  }
  session = await LspSession.start({
    workspaceFolders: Object.keys(SETTINGS).map((f) => ({ uri: pathToFileURL(path.join(root, f)).href, name: f })),
    capabilities: { workspace: { configuration: true } },
    beforeInitialized: async (c) =>
      void c.onRequest(ConfigurationRequest.type, (params) => params.items.map((i) => configurationFor(i.scopeUri))),
  });
});

after(async () => {
  await session?.stop();
  rmSync(root, { recursive: true, force: true });
});

const codesIn = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code));
/** The latest diagnostics published for `uri` if they pass `accept`, else the next ones that do. */
function diagnosticsOf(uri: string, accept: (p: PublishDiagnosticsParams) => boolean) {
  const last = session.published.filter((p) => p.uri === uri).at(-1);
  return last && accept(last) ? Promise.resolve(last) : session.nextDiagnostics(uri, accept);
}
const withCode = (code: string) => (p: PublishDiagnosticsParams) => codesIn(p).includes(code);

test("each folder's closed files are chosen and judged by that folder's settings", async () => {
  // Folder a's specFiles make its jobs/etl.yaml a spec; folder b's make its platform.yaml a values file.
  assert.deepEqual(codesIn(await diagnosticsOf(uriOf('a', 'jobs/etl.yaml'), withCode('PS113'))), ['PS113']);
  assert.ok(codesIn(await diagnosticsOf(uriOf('b', 'platform.yaml'), withCode('PH003'))).includes('PH003'));
  // Folder b's rules lower PS113 to a hint there, and only there.
  const inB = await diagnosticsOf(uriOf('b', 'broken.pipeline.json'), withCode('PS113'));
  assert.equal(inB.diagnostics[0].severity, DiagnosticSeverity.Hint);
  const inA = await diagnosticsOf(uriOf('a', 'broken.pipeline.json'), withCode('PS113'));
  assert.equal(inA.diagnostics[0].severity, DiagnosticSeverity.Error);
  for (const [folder, rel] of [
    ['b', 'jobs/etl.yaml'],
    ['a', 'platform.yaml'],
  ])
    assert.equal(
      session.published.find((p) => p.uri === uriOf(folder, rel) && p.diagnostics.length),
      undefined,
    );
});

test("a change of one folder's file-choosing setting walks the workspace again", async () => {
  await diagnosticsOf(uriOf('b', 'platform.yaml'), withCode('PH003'));
  SETTINGS.b = { ...SETTINGS.b, specFiles: ['**/jobs/*.yaml'] };
  await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  assert.deepEqual(codesIn(await diagnosticsOf(uriOf('b', 'jobs/etl.yaml'), withCode('PS113'))), ['PS113']);
  assert.ok(asked.includes(pathToFileURL(path.join(root, 'b')).href), 'asked with the folder as scope');
});
