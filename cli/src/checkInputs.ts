/**
 * What `check` reads besides the specs: the secret catalog from a `kubectl get secrets -o json` file
 * (a List, or a JSON array of Secrets; reduced to metadata at once, values never kept). The candidate files
 * under each PATH are specWalk.ts's.
 */
import { readFileSync } from 'node:fs';
import { type SecretObject, toSecretMeta } from '../../core/src/catalog';
import type { CatalogSnapshot } from '../../core/src/catalog';
import { safeJsonParse } from '../../core/src/json';
import { decodeSource } from '../../core/src/pipelineSpec';

export class InputError extends Error {}

export function catalogFromSecretsFile(path: string): CatalogSnapshot {
  let text: string;
  try {
    // kubectl's output saved by Windows PowerShell is UTF-16 with a byte order mark; other editors add a UTF-8 one.
    text = decodeSource(readFileSync(path)).text;
  } catch (err) {
    throw new InputError(`cannot read --secrets file ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  // The file holds values: a malformed one is told by position, never by its text (safeJsonParse's comment).
  const read = safeJsonParse(text);
  if (!read.ok) {
    throw new InputError(
      `--secrets file ${path} is not JSON (${read.message}); expected the output of 'kubectl get secrets -o json'`,
    );
  }
  const parsed = read.value;
  const items = Array.isArray(parsed) ? parsed : (parsed as { items?: unknown })?.items;
  if (!Array.isArray(items)) {
    throw new InputError(
      `--secrets file ${path} is neither a List with "items" nor a JSON array of Secrets; expected the output of ` +
        `'kubectl get secrets -o json'`,
    );
  }
  const secrets = items.map((item, i) => {
    const obj = item as SecretObject & { kind?: unknown };
    if (
      !obj ||
      typeof obj !== 'object' ||
      (obj.kind !== undefined && obj.kind !== 'Secret') ||
      typeof obj.metadata?.name !== 'string'
    ) {
      throw new InputError(`--secrets file ${path}: item ${i} is not a Secret with metadata.name`);
    }
    return toSecretMeta(obj);
  });
  secrets.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { context: '', namespace: secrets[0]?.namespace ?? 'default', state: { kind: 'ready' }, secrets };
}
