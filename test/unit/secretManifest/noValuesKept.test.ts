/**
 * What the analysis of a Secret manifest gives back (and the language server caches) holds no value: neither the
 * text of a value nor its decoded bytes, in any string reachable from the result, and no message quotes one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, IncrementalAnalyzer } from '../../../core/src/analysis';
import { CatalogIndex, emptySnapshot } from '../../../core/src/catalog/snapshot';

const PLAIN = 'CANARY-plain-Vq81Zr';
const DECODED = 'CANARY-decoded-Hn42Kp';
const ENCODED = Buffer.from(DECODED).toString('base64');
const REGISTRY = 'CANARY-registry-Lm03Xs';

/** Every string reachable from `value`, object keys included. */
function strings(value: unknown, out: string[] = [], seen = new Set<unknown>()): string[] {
  if (typeof value === 'string') out.push(value);
  if (!value || typeof value !== 'object' || seen.has(value)) return out;
  seen.add(value);
  const entries = value instanceof Map ? [...value.entries()].flat() : Object.entries(value).flat();
  for (const v of entries) strings(v, out, seen);
  return out;
}

const yaml = [
  'apiVersion: v1',
  'kind: Secret',
  'metadata:',
  '  name: canaries',
  'type: kubernetes.io/dockerconfigjson',
  'data:',
  `  encoded: ${ENCODED}`,
  `  broken: ${ENCODED} tail`,
  `  both: ${ENCODED}`,
  `  .dockerconfigjson: ${Buffer.from(`{"${REGISTRY}": 1}`).toString('base64')}`,
  'stringData:',
  `  plain: ${PLAIN}`,
  `  both: ${PLAIN}`,
  '',
].join('\n');
const json = JSON.stringify(
  JSON.parse(
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'c' },
      data: { encoded: ENCODED, bad: `${ENCODED}!` },
      stringData: { plain: PLAIN, n: 1 },
    }),
  ),
);

test('no string reachable from a Secret manifest’s analysis holds a value, encoded or decoded', () => {
  const catalog = new CatalogIndex(emptySnapshot());
  const incremental = new IncrementalAnalyzer();
  for (const [uri, text] of [
    ['file:///w/c.yaml', yaml],
    ['file:///w/c.json', json],
  ]) {
    for (const result of [analyzeDocument({ uri, text }, catalog), incremental.analyze({ uri, text }, catalog)]) {
      assert.equal(result.kind, 'secret-manifest');
      assert.ok(result.findings.length >= 2, JSON.stringify(result.findings));
      for (const s of strings(result)) {
        for (const canary of [PLAIN, DECODED, ENCODED.slice(0, 12), REGISTRY, 'CANARY']) {
          assert.ok(!s.includes(canary), `${uri}: the result holds ${canary}`);
        }
      }
    }
    // The incremental analyzer keeps no chunk (text, tree) of the file for a later edit.
    assert.equal(
      strings(incremental).some((s) => s.includes('CANARY')),
      false,
      uri,
    );
  }
});
