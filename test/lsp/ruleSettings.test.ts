/**
 * Rule settings through the real protocol: the workspace's .pachyderm-secrets.json and the `pachyderm.rules`
 * setting change a rule's severity or hide it, the setting wins over the file, a change to either re-checks open
 * files, and what is wrong in either is said (diagnostics in the open file, a warning once for the setting).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ShowMessageNotification,
  type Diagnostic,
  type ShowMessageParams,
} from 'vscode-languageserver-protocol';
import { LspSession } from './serverProcess';

/** PS005 (a warning: an entry that neither mounts nor exports) and PS001 (an error: envVar without key). */
const SPEC = JSON.stringify({
  pipeline: { name: 'p' },
  transform: { image: 'i', secrets: [{ name: 'a' }, { name: 'b', envVar: 'B' }] },
});

let dir: string;
let settingsFile: string;
const severities = (ds: Diagnostic[]) => ds.map((d) => [String(d.code), d.severity]).sort();

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'ps-lsp-rules-'));
  settingsFile = join(dir, '.pachyderm-secrets.json');
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('the file hides a rule, the setting overrides it, and each change re-checks the open spec', async () => {
  writeFileSync(settingsFile, '{"rules": {"PS005": "off"}}');
  let rules: Record<string, unknown> = {};
  const s = await LspSession.start({
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }],
    capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: false } } },
  });
  try {
    s.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => ({ rules })));
    const uri = pathToFileURL(join(dir, 'specs', 'p.pipeline.json')).href;
    const first = await s.open(uri, 'json', SPEC);
    assert.deepEqual(severities(first.diagnostics), [['PS001', DiagnosticSeverity.Error]], 'PS005 is off');

    rules = { PS005: 'hint', PS001: 'warning' };
    const bySetting = s.nextDiagnostics(uri, (p) => p.diagnostics.length === 2);
    await s.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    assert.deepEqual(severities((await bySetting).diagnostics), [
      ['PS001', DiagnosticSeverity.Warning],
      ['PS005', DiagnosticSeverity.Hint],
    ]);

    rules = {};
    writeFileSync(settingsFile, '{"rules": {"PS001": "information"}}');
    const byFile = s.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'PS001' && d.severity === 3));
    const unchanged = s.nextDiagnostics(uri); // the configuration change's own run comes first
    await s.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    await unchanged;
    await s.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(settingsFile).href, type: FileChangeType.Changed }],
    });
    assert.deepEqual(severities((await byFile).diagnostics), [
      ['PS001', DiagnosticSeverity.Information],
      ['PS005', DiagnosticSeverity.Warning],
    ]);
  } finally {
    await s.stop();
  }
});

test('an open settings file underlines an unknown rule and a bad severity; a valid one has no diagnostics', async () => {
  const s = await LspSession.start({ workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }] });
  try {
    const uri = pathToFileURL(settingsFile).href;
    const text = '{\n  "rules": {\n    "PS999": "off",\n    "PS002": "warn",\n    "PS040": "off"\n  }\n}\n';
    const bad = await s.open(uri, 'json', text);
    assert.deepEqual(
      bad.diagnostics.map((d) => [d.message, d.range.start.line, d.range.start.character, d.severity]),
      [
        ['unknown rule "PS999"; the rules are listed in the README', 2, 4, DiagnosticSeverity.Warning],
        ['rule PS002 cannot be set to "warn": use error, warning, information, hint, off', 3, 13, 2],
      ],
    );
    const good = s.nextDiagnostics(uri, (p) => p.version === 2);
    await s.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: '{"rules": {"PS040": "off"}}' }],
    });
    assert.deepEqual((await good).diagnostics, []);
    const other = await s.open(pathToFileURL(join(dir, 'other.json')).href, 'json', '{"rules": {"PS999": "off"}}');
    assert.deepEqual(other.diagnostics, [], 'only a file of that name is rule settings');
  } finally {
    await s.stop();
  }
});

test('an unknown rule in pachyderm.rules is said once; the valid entries still apply', async () => {
  rmSync(settingsFile, { force: true });
  const s = await LspSession.start({
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }],
    capabilities: { workspace: { configuration: true } },
  });
  try {
    const shown: ShowMessageParams[] = [];
    s.connection.onNotification(ShowMessageNotification.type, (p) => shown.push(p));
    const rules = { PS999: 'off', PS001: 'off' };
    s.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => ({ rules })));
    const a = await s.open(pathToFileURL(join(dir, 'a.pipeline.json')).href, 'json', SPEC);
    const b = await s.open(pathToFileURL(join(dir, 'b.pipeline.json')).href, 'json', SPEC);
    for (const p of [a, b]) assert.deepEqual(severities(p.diagnostics), [['PS005', DiagnosticSeverity.Warning]]);
    assert.deepEqual(
      shown.map((m) => m.message),
      ['Pachyderm: pachyderm.rules: unknown rule "PS999"; the rules are listed in the README'],
    );
  } finally {
    await s.stop();
  }
});
