/**
 * `pachyderm/secretUses` through the built server: the search behind Inspect, Show Pipelines Using Secret and
 * the delete confirmation. It reads the workspace as the extension used to (every folder but node_modules and
 * .git), lets an open editor's text win over the disk, and says when it stopped at its file limit.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ResponseError } from 'vscode-languageserver-protocol';
import { SecretUsesRequest, type SecretUsesResult } from '../../core/src/protocol/messages';
import { LspSession } from './serverProcess';

const YAML_SPEC = [
  'pipeline:',
  '  name: load',
  'transform:',
  '  image: etl:1',
  '  secrets:',
  '    - name: db',
  '      env_var: PGPASSWORD',
  '      key: password',
  '  image_pull_secrets: [db]',
  '',
].join('\n');
const JSON_SPEC = JSON.stringify(
  {
    pipeline: { name: 'export' },
    transform: { image: 'x:1' },
    egress: { sql_database: { url: 'u', file_format: { type: 'CSV' }, secret: { name: 'db', key: 'pw' } } },
  },
  null,
  2,
);
const OTHER_SPEC = (pipeline: string) =>
  JSON.stringify({
    pipeline: { name: pipeline },
    transform: { image: 'x:1', secrets: [{ name: 'db', mount_path: '/s' }] },
  });

let workspace: string;
const files: Record<string, string> = {
  'specs/load.pipeline.yaml': YAML_SPEC,
  'nested/deep/export.json': JSON_SPEC,
  // Searched like VS Code's findFiles with only node_modules and .git excluded: dot folders and build output too.
  '.hidden/hidden.pipeline.json': OTHER_SPEC('hidden'),
  'out/built.jsonc': OTHER_SPEC('built'),
  'node_modules/pkg/dep.pipeline.json': OTHER_SPEC('in-node-modules'),
  '.git/spec.json': OTHER_SPEC('in-git'),
  'notes.txt': OTHER_SPEC('in-text-file'),
  // Mentions the name but is no spec: no use.
  'config/app.yaml': 'database: db\n',
  'specs/unrelated.pipeline.json': OTHER_SPEC('x').replace('"db"', '"other"'),
};
const uriOf = (rel: string) => pathToFileURL(path.join(workspace, rel)).href;

before(() => {
  workspace = mkdtempSync(path.join(tmpdir(), 'pachyderm-uses-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(workspace, rel)), { recursive: true });
    writeFileSync(path.join(workspace, rel), text);
  }
});
after(() => rmSync(workspace, { recursive: true, force: true }));

async function session(initializationOptions: Record<string, unknown> = {}): Promise<LspSession> {
  return LspSession.start({
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'ws' }],
    initializationOptions,
  });
}

const summary = (r: SecretUsesResult) => r.uses.map((u) => `${u.file}:${u.line} ${u.pipeline} ${u.how}`);

test('secretUses lists every use in the workspace files, sorted by file then position, with the wording Inspect shows', async () => {
  // An index bound of 1 file: the search must not depend on the background index.
  const s = await session({ maxIndexedFiles: 1 });
  try {
    const result = await s.connection.sendRequest(SecretUsesRequest.type, { name: 'db' });
    assert.deepEqual(summary(result), [
      '.hidden/hidden.pipeline.json:1 hidden transform.secrets[0]: mounted at /s',
      'nested/deep/export.json:15 export egress.sqlDatabase.secret (key pw)',
      'out/built.jsonc:1 built transform.secrets[0]: mounted at /s',
      'specs/load.pipeline.yaml:6 load transform.secrets[0]: env PGPASSWORD (key password)',
      'specs/load.pipeline.yaml:9 load transform.imagePullSecrets[0]',
    ]);
    assert.equal(result.searchedOnly, undefined);
    for (const u of result.uses) {
      assert.equal(u.uri, uriOf(u.file));
      const text = files[u.file];
      assert.equal(text.slice(u.start, u.end).replace(/^"|"$/g, ''), 'db', `${u.file} offsets point at the name`);
    }
  } finally {
    await s.stop();
  }
});

test('secretUses reads an open document from the editor, not from the disk', async () => {
  const s = await session();
  try {
    const uri = uriOf('specs/unrelated.pipeline.json');
    const unsaved = OTHER_SPEC('edited');
    await s.open(uri, 'json', unsaved);
    const result = await s.connection.sendRequest(SecretUsesRequest.type, { name: 'db' });
    const edited = result.uses.filter((u) => u.file === 'specs/unrelated.pipeline.json');
    assert.deepEqual(
      edited.map((u) => [u.pipeline, u.uri]),
      [['edited', uri]],
    );
    assert.equal(unsaved.slice(edited[0].start, edited[0].end), '"db"');
  } finally {
    await s.stop();
  }
});

test('secretUses says how many files it read when the workspace has more than its limit', async () => {
  const s = await session({ maxSearchedFiles: 2 });
  try {
    const result = await s.connection.sendRequest(SecretUsesRequest.type, { name: 'db' });
    assert.equal(result.searchedOnly, 2);
    assert.ok(result.uses.length < 5, summary(result).join('\n'));
  } finally {
    await s.stop();
  }
});

test('secretUses finds nothing for a name no file uses, and refuses a request without a name', async () => {
  const s = await session();
  try {
    assert.deepEqual(await s.connection.sendRequest(SecretUsesRequest.type, { name: 'nobody-uses-this' }), {
      uses: [],
    });
    assert.deepEqual(await s.connection.sendRequest(SecretUsesRequest.type, { name: '' }), { uses: [] });
    await assert.rejects(
      s.connection.sendRequest(SecretUsesRequest.type, {} as { name: string }),
      (err: unknown) => err instanceof ResponseError && /expected name as string/.test(err.message),
    );
  } finally {
    await s.stop();
  }
});
