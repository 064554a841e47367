/**
 * kubectl's `--append-hash` suffix (k8s.io/kubectl/pkg/util/hash.SecretHash): sha256 of the compact Go JSON
 * of {data, kind, name, type}, first 10 hex digits, with the vowel-like digits swapped for letters so the
 * suffix never spells words.
 */
import { createHash } from 'node:crypto';
import { goCompare, writeGoJsonCompact, type GoJsonValue } from './goJson';
import type { SecretDraft } from './secretDraft';

const ENCODE: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };

export function secretHash(draft: SecretDraft): string {
  const data = new Map<string, GoJsonValue>();
  for (const key of [...draft.data.keys()].sort(goCompare)) data.set(key, draft.data.get(key)!);
  // Go marshals a map with sorted keys: data, kind, name, type. The JSON is hashed as it is written.
  const hash = createHash('sha256');
  writeGoJsonCompact({ data, kind: 'Secret', name: draft.name, type: draft.type }, (chunk) =>
    hash.update(chunk, 'utf8'),
  );
  const hex = hash.digest('hex').slice(0, 10);
  return [...hex].map((c) => ENCODE[c] ?? c).join('');
}

export function withHashSuffix(draft: SecretDraft): SecretDraft {
  return { ...draft, name: `${draft.name}-${secretHash(draft)}` };
}
