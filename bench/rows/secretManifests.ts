/**
 * Row 16: the checks of Secret manifests (core/src/secretManifest), in process, against the floor a naive checker
 * pays: parse the file with positions, as row 2's floor does (jsonc-parser; `yaml`), and decode every `data` value
 * with Node's base64. Ours reads each value as Go's standard
 * base64 without decoding it (core/src/manifest/goBase64.ts), checks names, keys and types, and keeps sizes only.
 */
import { getNodeValue, parseTree } from 'jsonc-parser';
import { parseAllDocuments } from 'yaml';
import { analyzeDocument } from '../../core/src/analysis';
import { CatalogIndex, emptySnapshot } from '../../core/src/catalog/snapshot';
import { median, p99, time } from '../lib/stats';
import type { Measurement } from '../lib/types';

/** A pseudo-random generator with a fixed seed, so every run checks the same bytes. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** `count` Secrets of `keys` keys, each value `bytes` random bytes in base64, as kubectl writes them. */
function secrets(count: number, keys: number, bytes: number): Array<Record<string, unknown>> {
  const rand = seeded(11);
  return Array.from({ length: count }, (_, i) => {
    const data: Record<string, string> = {};
    for (let k = 0; k < keys; k++) {
      data[`key-${k}.conf`] = Buffer.from(Array.from({ length: bytes }, () => Math.floor(rand() * 256))).toString(
        'base64',
      );
    }
    return { apiVersion: 'v1', kind: 'Secret', metadata: { name: `secret-${i}` }, type: 'Opaque', data };
  });
}

function asJson(objects: Array<Record<string, unknown>>): string {
  return objects.map((o) => JSON.stringify(o, null, 2)).join('\n---\n');
}

function asYaml(objects: Array<Record<string, unknown>>): string {
  const one = (o: Record<string, unknown>) =>
    [
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      `  name: ${(o.metadata as { name: string }).name}`,
      'type: Opaque',
      'data:',
      ...Object.entries(o.data as Record<string, string>).map(([k, v]) => `  ${k}: ${v}`),
    ].join('\n');
  return objects.map(one).join('\n---\n') + '\n';
}

/** The naive floor: parse, then decode every data value. */
function parseAndDecode(text: string, lang: 'json' | 'yaml'): number {
  const docs: unknown[] =
    lang === 'json'
      ? text.split(/^---$/m).map((p) => getNodeValue(parseTree(p)!))
      : parseAllDocuments(text).map((d) => d.toJS());
  let bytes = 0;
  for (const d of docs) {
    for (const v of Object.values((d as { data: Record<string, string> }).data))
      bytes += Buffer.from(v, 'base64').length;
  }
  return bytes;
}

export async function secretManifestRows(_repoRoot: string, quick: boolean): Promise<Measurement[]> {
  const index = new CatalogIndex(emptySnapshot());
  const inputs = [
    { label: 'one Secret of 1,000 keys × 1 KiB', objects: secrets(1, 1000, 1024), runs: quick ? 5 : 30 },
    { label: '500 Secrets of 8 keys × 64 B', objects: secrets(500, 8, 64), runs: quick ? 5 : 30 },
  ];
  const out: Measurement[] = [];
  for (const input of inputs) {
    for (const lang of ['json', 'yaml'] as const) {
      const text = lang === 'json' ? asJson(input.objects) : asYaml(input.objects);
      const uri = `file:///bench/secrets.${lang}`;
      const ours = await time(() => analyzeDocument({ uri, text, languageId: lang }, index, {}), input.runs);
      const floor = await time(() => parseAndDecode(text, lang), input.runs);
      out.push({
        row: 16,
        name: `Secret manifest checks in process: ${input.label}, ${lang.toUpperCase()}`,
        unit: 'ms',
        median: median(ours),
        p99: p99(ours),
        samples: ours.length,
        peer: {
          name: lang === 'json' ? 'jsonc-parser parseTree + base64 decode' : 'yaml parseAllDocuments + base64 decode',
          median: median(floor),
          p99: p99(floor),
        },
        target: { kind: 'ratio', max: 3, on: 'median' },
      });
    }
  }
  return out;
}
