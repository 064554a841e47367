/**
 * Secret manifests through the real protocol: a broken YAML manifest gets its PM diagnostics and a hover that
 * compares its keys with the cluster's secret, and neither quotes a value. Then the proof that the server keeps no
 * value once the editor closes the file: a heap snapshot of the server process (V8 collects garbage before it
 * writes one, so it holds only what is still reachable) holds no canary, where one taken while the file was open
 * (the editor's text is the server's then) does.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol';
import { CatalogNotification } from '../../core/src/protocol/messages';
import { LspSession, positionAt, serverBundle } from './serverProcess';

const PLAIN = 'CANARY-plain-Wd93Jx';
const DECODED = 'CANARY-decoded-Pq27Ns';
const ENCODED = Buffer.from(DECODED).toString('base64');
const BINARY = 'CANARY-binary-Ty64Mv';
const REGISTRY = 'CANARY-registry-Ka18Ze';
const CANARIES = [PLAIN, DECODED, ENCODED, BINARY, Buffer.from(BINARY).toString('base64'), REGISTRY];

const TEXT = [
  'apiVersion: v1',
  'kind: Secret',
  'metadata:',
  '  name: canaries',
  'type: kubernetes.io/dockerconfigjson',
  'data:',
  `  token: ${ENCODED}`,
  `  broken: ${ENCODED} ${PLAIN}`,
  `  tagged: !!binary ${Buffer.from(BINARY).toString('base64')}`,
  `  .dockerconfigjson: ${Buffer.from(`{"${REGISTRY}": {}}`).toString('base64')}`,
  'stringData:',
  `  token: ${PLAIN}`,
  '',
].join('\n');

let s: LspSession;
let dir: string;
let workspace: string;
let URI: string;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ps-manifest-heap-'));
  // The file is on disk in the workspace too: the server reads it when it scans and again when the editor closes it.
  workspace = mkdtempSync(join(tmpdir(), 'ps-manifest-ws-'));
  writeFileSync(join(workspace, 'canaries.yaml'), TEXT);
  URI = pathToFileURL(join(workspace, 'canaries.yaml')).href;
  s = await LspSession.start({
    nodeArgs: ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${dir}`, serverBundle, '--stdio'],
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'ws' }],
  });
  const secrets = [
    { name: 'canaries', namespace: 'n', type: 'Opaque', labels: {}, keys: [{ name: 'token', size: 5, binary: false }] },
  ];
  await s.connection.sendNotification(CatalogNotification.type, {
    context: 'c',
    namespace: 'n',
    state: { kind: 'ready' },
    secrets,
  });
});
after(async () => {
  await s?.stop();
  rmSync(dir, { recursive: true, force: true });
  rmSync(workspace, { recursive: true, force: true });
});

const quotes = (text: string) => CANARIES.filter((c) => text.includes(c) || text.includes(c.slice(0, 12)));

/** Signals the server to write a heap snapshot and returns its text once the file is complete. */
async function heapSnapshot(): Promise<string> {
  const before = new Set(readdirSync(dir));
  process.kill(s.pid, 'SIGUSR2');
  let last = -1;
  for (let i = 0; i < 600; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const name = readdirSync(dir).find((f) => !before.has(f) && f.endsWith('.heapsnapshot'));
    if (!name) continue;
    const size = statSync(join(dir, name)).size;
    if (size > 0 && size === last) {
      const text = readFileSync(join(dir, name), 'utf8');
      if (text.trimEnd().endsWith('}')) return text;
    }
    last = size;
  }
  throw new Error('the server wrote no heap snapshot');
}

test('a broken manifest gets PM diagnostics and a key hover, and neither quotes a value', async () => {
  const published = await s.open(URI, 'yaml', TEXT);
  const codes = published.diagnostics.map((d) => d.code).sort();
  assert.deepEqual(codes, ['PM001', 'PM002', 'PM006', 'PM009', 'PM011'], JSON.stringify(published.diagnostics));
  for (const d of published.diagnostics) assert.deepEqual(quotes(d.message), [], d.message);
  const h = await s.connection.sendRequest(HoverRequest.type, {
    textDocument: { uri: URI },
    position: positionAt(TEXT, TEXT.indexOf('broken')),
  });
  const markdown = (h?.contents as MarkupContent).value;
  assert.match(markdown, /\| `token` \| 19 B \(stringData, over data\) \| has it, 5 B \|/);
  assert.match(markdown, /\| `broken` \| unreadable \(data\) \| missing \|/);
  assert.match(markdown, /only in this file: `broken`, `tagged`, `.dockerconfigjson`/);
  assert.deepEqual(quotes(markdown), []);
  assert.deepEqual(h?.range, {
    start: positionAt(TEXT, TEXT.indexOf('broken')),
    end: positionAt(TEXT, TEXT.indexOf('broken') + 6),
  });
});

test('the server keeps no decoded value while the file is open, and nothing of it once closed', async () => {
  // While the editor has the file open its text is the server's, canaries and all (the control: the search
  // works), but no value decoded from it: the `!!binary` one the YAML reader decodes, the registry config.
  const open = quotes(await heapSnapshot());
  assert.deepEqual(open, [PLAIN, ENCODED, Buffer.from(BINARY).toString('base64')]);
  // Closed, the file on disk is checked again for the workspace's Problems; its findings stay, its text does not.
  const fromDisk = s.nextDiagnostics(URI);
  await s.connection.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
  assert.ok((await fromDisk).diagnostics.length > 0);
  assert.deepEqual(quotes(await heapSnapshot()), []);
});
