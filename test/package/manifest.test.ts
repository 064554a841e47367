/**
 * The contribution rules the team agreed on, checked on package.json itself, so a new command, setting or menu
 * that breaks one fails here with its id rather than looking odd in the palette or Settings UI.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

interface Manifest {
  main: string;
  engines: { vscode: string };
  activationEvents?: string[];
  contributes: {
    commands?: { command: string; title: string; category?: string }[];
    configuration?: {
      properties: Record<string, { scope?: string; markdownDescription?: string; description?: string }>;
    };
    menus?: Record<string, { command: string; when?: string }[]>;
  };
}
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;

test('every contributed command is in the Pachyderm category', () => {
  const stray = (manifest.contributes.commands ?? []).filter((c) => c.category !== 'Pachyderm').map((c) => c.command);
  assert.deepEqual(stray, []);
});

/**
 * Keys whose name another library fixes: vscode-languageclient reads `<client id>.trace.server` (the client's id is
 * `pachyderm`), as every language-server extension's trace setting is named.
 */
const NAMED_BY_A_LIBRARY = new Set(['pachyderm.trace.server']);

test('every setting is a flat pachyderm.* key with a scope and a markdownDescription', () => {
  const flat = (key: string) => /^pachyderm\.[A-Za-z0-9]+$/.test(key) || NAMED_BY_A_LIBRARY.has(key);
  const bad = Object.entries(manifest.contributes.configuration?.properties ?? {})
    .filter(([key, s]) => !flat(key) || !s.scope || !s.markdownDescription)
    .map(([key]) => key);
  assert.deepEqual(bad, []);
});

test('tree item menus are keyed on viewItem, and every menu entry names a contributed command', () => {
  const commands = new Set((manifest.contributes.commands ?? []).map((c) => c.command));
  const problems: string[] = [];
  for (const [menu, entries] of Object.entries(manifest.contributes.menus ?? {})) {
    for (const e of entries) {
      if (!commands.has(e.command)) problems.push(`${menu}: ${e.command} is not a contributed command`);
      if (menu === 'view/item/context' && !/\bviewItem\b/.test(e.when ?? ''))
        problems.push(`${menu}: ${e.command} has no viewItem in its when`);
    }
  }
  assert.deepEqual(problems, []);
});

test('activation events are narrow: no "*" and no onStartupFinished', () => {
  const broad = (manifest.activationEvents ?? []).filter((e) => e === '*' || e === 'onStartupFinished');
  assert.deepEqual(broad, []);
});

test('engines.vscode admits VS Code 1.100, the version the real-VS-Code tests run', () => {
  const m = /^(\^|>=)(\d+)\.(\d+)\.(\d+)$/.exec(manifest.engines.vscode);
  assert.ok(m, `engines.vscode "${manifest.engines.vscode}" is not a ^x.y.z or >=x.y.z range`);
  const [, , major, minor] = m;
  assert.ok(Number(major) === 1 && Number(minor) <= 100, `${manifest.engines.vscode} excludes 1.100`);
});

test('the entry point is the bundled client that the .vscodeignore allow-list ships', () => {
  assert.equal(manifest.main, './dist/client.js');
  const allowed = readFileSync(path.join(root, '.vscodeignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim());
  assert.ok(
    allowed.includes('!dist/client.js') && allowed.includes('!dist/server.js'),
    '.vscodeignore must re-include both bundles',
  );
  assert.equal(
    allowed.find((l) => l && !l.startsWith('#')),
    '**',
    '.vscodeignore must start by excluding everything',
  );
});
