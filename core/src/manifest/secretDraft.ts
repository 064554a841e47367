/**
 * A Secret as `kubectl create secret` builds it, before printing: name, optional namespace, type ('' when
 * none), and data as raw bytes. Everything in core/src/manifest produces or consumes this one shape.
 */
import { ManifestError } from './manifestError';
import { assertSecretKey, secretKeyError } from './keyRules';

export interface SecretDraft {
  name: string;
  /** Only set when the user gave one explicitly; kubectl prints it only then. */
  namespace?: string;
  /** '' means no `type` field (generic without `--type`). */
  type: string;
  data: Map<string, Uint8Array>;
  /** Set by `--save-config` only. */
  annotations?: Map<string, string>;
}

export function newDraft(name: string, type: string, namespace?: string): SecretDraft {
  return { name, namespace, type, data: new Map() };
}

/** kubectl's `addKeyFromLiteralToSecret`: validates the key, refuses duplicates. */
export function addKey(draft: SecretDraft, key: string, value: Uint8Array): void {
  assertSecretKey(key);
  if (draft.data.has(key)) throw new ManifestError(duplicateKeyError(key));
  draft.data.set(key, value);
}

export function duplicateKeyError(key: string): string {
  return `cannot add key ${key}, another key by that name already exists`;
}

/** What the wizards check as the user types a key: kubectl's key rules, then uniqueness. */
export function newKeyError(
  key: string,
  existing: ReadonlySet<string> | ReadonlyMap<string, unknown>,
): string | undefined {
  return secretKeyError(key) ?? (existing.has(key) ? duplicateKeyError(key) : undefined);
}
