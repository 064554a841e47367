/**
 * The `data` and `stringData` entries of a Secret manifest: each key's name (kubectl's and the API server's key
 * rule, core/src/manifest/keyRules.ts), whether the API server can read its value, and its decoded size. A key
 * in both maps keeps the `stringData` value: `Convert_v1_Secret_To_core_Secret` (kubernetes/kubernetes
 * pkg/apis/core/v1/conversion.go) copies `data` first and then writes every `stringData` entry over it.
 */
import { secretKeyError } from '../manifest/keyRules';
import type { PropertyNode } from '../pipelineSpec/tree';
import { isPlaceholder } from '../rules/names';
import { finding, type Finding } from '../rules/ruleTable';
import { checkGoBase64, BASE64_PROBLEM_TEXT } from '../manifest/goBase64';
import { detached, type ManifestKey } from './manifestSummary';
import type { SecretManifestView, ValueField } from './readSecretManifest';

/** `!!binary` as the `yaml` package resolves it; the node's value is then the decoded bytes, not the text. */
const BINARY_TAG = 'tag:yaml.org,2002:binary';

const keyRange = (p: PropertyNode) => ({ start: p.keyStart, end: p.keyEnd });
const valueRange = (p: PropertyNode) => (p.value ? { start: p.value.start, end: p.value.end } : keyRange(p));

/** Go's name for what a non-string JSON value is (`cannot unmarshal number into …`). */
function jsonKind(p: PropertyNode): string | undefined {
  const v = p.value;
  if (!v || v.type === 'alias') return undefined;
  if (v.type === 'object') return 'an object';
  if (v.type === 'array') return 'an array';
  if (v.kind === 'string' || v.kind === 'null') return undefined;
  return v.kind === 'number' ? 'a number' : 'a boolean';
}

/** The decoded size of one entry's value, or undefined with a finding when the API server cannot read it. */
function entrySize(field: ValueField, p: PropertyNode, key: string, out: Finding[]): number | undefined {
  const actual = jsonKind(p);
  if (actual) {
    out.push(finding('PM003', valueRange(p), { field, key, actual }));
    return undefined;
  }
  const v = p.value;
  if (!v || v.type !== 'scalar' || v.kind === 'null') return 0;
  const text = v.value as string;
  if (field === 'stringData') return Buffer.byteLength(text, 'utf8');
  // `$VAR` is filled in by envsubst before kubectl reads the file, as in a spec: its size is not known yet.
  if (isPlaceholder(text)) return undefined;
  if (v.yaml?.tag === BINARY_TAG || v.yaml?.tag === '!!binary') {
    out.push(finding('PM002', valueRange(p), { key }));
    return undefined;
  }
  const read = checkGoBase64(text);
  if (read.ok) return read.bytes;
  out.push(finding('PM001', valueRange(p), { key, why: BASE64_PROBLEM_TEXT[read.problem] }));
  return undefined;
}

/** Every key of the manifest with its size, and the findings on keys and values. */
export function manifestEntries(view: SecretManifestView): { keys: ManifestKey[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const byKey = new Map<string, ManifestKey>();
  const inStringData = new Set(view.entries.stringData.map((p) => p.key));
  for (const field of ['data', 'stringData'] as const) {
    for (const p of view.entries[field]) {
      const key = detached(p.key);
      const nameProblem = isPlaceholder(p.key) ? undefined : secretKeyError(p.key);
      if (nameProblem) findings.push(finding('PM005', keyRange(p), { message: detached(nameProblem) }));
      const bytes = entrySize(field, p, key, findings);
      if (field === 'data' && inStringData.has(p.key)) findings.push(finding('PM006', keyRange(p), { key }));
      const earlier = byKey.get(p.key);
      const from = earlier && earlier.from !== field ? 'both' : field;
      byKey.set(p.key, { key, bytes, from, ...keyRange(p) });
    }
  }
  return { keys: [...byKey.values()], findings };
}
