/**
 * What `check` reads besides the specs: the secret catalog from a `kubectl get secrets -o json` file
 * (a List, or a JSON array of Secrets; reduced to metadata at once, values never kept), and the candidate
 * files under each PATH.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { toSecretMeta, type SecretObject } from '../../core/src/catalog/secretMeta';
import type { CatalogSnapshot } from '../../core/src/catalog/snapshot';

export class InputError extends Error {}

export function catalogFromSecretsFile(path: string): CatalogSnapshot {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read --secrets file ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new InputError(`--secrets file ${path} is not JSON (${(err as Error).message}); expected the output of 'kubectl get secrets -o json'`);
  }
  const items = Array.isArray(parsed) ? parsed : (parsed as { items?: unknown })?.items;
  if (!Array.isArray(items)) {
    throw new InputError(`--secrets file ${path} is neither a List with "items" nor a JSON array of Secrets; expected the output of 'kubectl get secrets -o json'`);
  }
  const secrets = items.map((item, i) => {
    const obj = item as SecretObject & { kind?: unknown };
    if (!obj || typeof obj !== 'object' || (obj.kind !== undefined && obj.kind !== 'Secret') || typeof obj.metadata?.name !== 'string') {
      throw new InputError(`--secrets file ${path}: item ${i} is not a Secret with metadata.name`);
    }
    return toSecretMeta(obj);
  });
  secrets.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { context: '', namespace: secrets[0]?.namespace ?? 'default', state: { kind: 'ready' }, secrets };
}

const CANDIDATE = /\.(json|ya?ml)$/i;

/** A file PATH as given; a directory searched recursively for .json/.yaml/.yml, skipping node_modules and dot-folders. */
export function candidateFiles(path: string): string[] {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new InputError(`no such file or directory: ${path}`);
  }
  if (!st.isDirectory()) return [path];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(p);
      } else if (entry.isFile() && CANDIDATE.test(entry.name)) out.push(p);
    }
  };
  walk(path);
  return out;
}
