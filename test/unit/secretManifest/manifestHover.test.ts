/**
 * Hover on a Secret manifest: keys with decoded sizes and where they come from, compared with the cluster's
 * secret of the same name, and never a value.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CatalogIndex, emptySnapshot } from '../../../core/src/catalog/snapshot';
import { manifestHover } from '../../../core/src/secretManifest';
import { catalog } from '../rules/fixtures';
import { analyseManifest } from './fixtures';

const CANARY = 'CANARY-hover-Tb55Qe';
const text = [
  'apiVersion: v1',
  'kind: Secret',
  'metadata:',
  '  name: db-creds',
  'data:',
  `  password: ${Buffer.from(CANARY).toString('base64')}`,
  'stringData:',
  `  username: ${CANARY}`,
  '',
].join('\n');
const manifests = analyseManifest(text).result.secretManifests!;

test('lists the keys with sizes and says the cluster’s secret has the same keys', () => {
  const h = manifestHover(
    manifests,
    text.indexOf('password'),
    catalog([{ name: 'db-creds', keys: ['password', 'username'] }]),
  )!;
  assert.match(h.markdown, /\*\*Secret `db-creds`\*\* · `Opaque` · 2 keys/);
  assert.match(h.markdown, /\| `password` \| 19 B \(data\) \| has it, 3 B \|/);
  assert.match(h.markdown, /\| `username` \| 19 B \(stringData\) \| has it, 3 B \|/);
  assert.match(h.markdown, /The cluster's secret `db-creds` in namespace `default` has the same keys\./);
  assert.deepEqual(text.slice(h.range!.start, h.range!.end), 'password');
  assert.ok(!h.markdown.includes('CANARY') && !h.markdown.includes(Buffer.from(CANARY).toString('base64')));
});

test('names the keys only in the file and only in the cluster, a missing secret, and an unknown cluster', () => {
  const other = manifestHover(manifests, 0, catalog([{ name: 'db-creds', keys: ['password', 'host'] }]))!;
  assert.match(other.markdown, /has other keys: only in this file: `username`; only in the cluster: `host`\./);
  assert.match(other.markdown, /\| `username` \| 19 B \(stringData\) \| missing \|/);
  assert.equal(other.range, undefined);
  const missing = manifestHover(manifests, 0, catalog([]))!;
  assert.match(missing.markdown, /The cluster has no secret `db-creds` in namespace `default`\./);
  const unknown = manifestHover(manifests, 0, new CatalogIndex(emptySnapshot()))!;
  assert.match(unknown.markdown, /not known yet/);
  assert.equal(manifestHover(manifests, text.length + 5, catalog([])), undefined);
});
