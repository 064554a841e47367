/**
 * The server's file URI helpers (server/src/uris.ts) and core's `pathOfUri` skip node's URL parser for plain paths,
 * because the workspace scan converts thousands of them (bench row 14). Whatever they skip, they must answer as
 * node's `pathToFileURL` / `fileURLToPath` / `URL` would: the workspace index and Problems key files by these
 * strings, and a URI spelled two ways would show a file's problems twice.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pathOfUri } from '../../core/src/analysis';
import { fsPathOf, normalizeUri, uriOfPath } from '../../server/src/uris';

const PATHS = [
  '/repo/specs/edges.pipeline.json',
  '/repo/specs/a~b/c_d-e.yaml',
  '/repo/with space/x.json',
  '/repo/100%/x.json',
  '/repo/hash#/q?.json',
  '/repo/ünïcode/x.yaml',
  '/repo/./x.json',
  '/repo/a/../x.json',
  '/repo/..',
  '/repo/.',
  '/repo/.hidden/..x/x..json',
  '/repo/dir/',
  '/',
];

/** Seeded paths from an alphabet of plain characters, dots, slashes and characters that must be encoded. */
function seededPaths(count: number): string[] {
  const alphabet = 'ab._-~/%# é';
  let seed = 20261205;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let p = '/';
    const length = 1 + (next() % 14);
    for (let j = 0; j < length; j++) p += alphabet[next() % alphabet.length];
    out.push(p);
  }
  return out;
}

const posix = path.sep === '/';

test('uriOfPath answers as pathToFileURL for plain and unusual paths', { skip: !posix && 'POSIX paths' }, () => {
  for (const p of [...PATHS, ...seededPaths(3000)]) assert.equal(uriOfPath(p), pathToFileURL(p).href, p);
});

test('fsPathOf answers as fileURLToPath, dot segments and encodings included', { skip: !posix && 'POSIX' }, () => {
  const uris = [...PATHS, ...seededPaths(3000)].flatMap((p) => [pathToFileURL(p).href, `file://${encodeURI(p)}`]);
  uris.push('file:///repo/a/../b.json', 'file:///repo/./b.json', 'file:///repo/b/..', 'file:///c%3A/x.json');
  for (const uri of uris) assert.equal(fsPathOf(uri), fileURLToPath(uri), uri);
  assert.equal(fsPathOf('untitled:Untitled-1'), undefined);
});

test('normalizeUri of a plain or encoded URI is the URI node writes for its path', { skip: !posix && 'POSIX' }, () => {
  for (const p of [...PATHS, ...seededPaths(1000)]) {
    const node = pathToFileURL(p).href;
    assert.equal(normalizeUri(node), node, p);
    // VS Code leaves `~` and a few others as they are where node encodes them: both spellings meet in one key.
    // (A dot segment in a URI, which VS Code never sends, node itself resolves differently from a path's.)
    if (/\/\.\.?(\/|$)/.test(p)) continue;
    const vscode = `file://${p.split('/').map(encodeURIComponent).join('/').replace(/%7E/g, '~')}`;
    assert.equal(normalizeUri(vscode), node, vscode);
  }
});

test("core's pathOfUri reads a file URI's path as the URL parser does", () => {
  const uris = [...PATHS, ...seededPaths(3000)].map((p) => pathToFileURL(p).href);
  uris.push('file:///repo/a/../b.json', 'file:///repo/./b.json', 'file:///c:/x/y.json');
  for (const uri of uris) assert.equal(pathOfUri(uri), decodeURIComponent(new URL(uri).pathname), uri);
});
