/**
 * The key edits a user makes to one secret (Set Value, Add Key, Remove Key, Rename Key) as pure functions over the
 * secret's `data`: what changes, and what the data is after the change. The write itself is in secretUpdate.ts.
 *
 * Values are base64 here, as in the Secret object, and pass through only in memory: no message below ever holds
 * one. Key names follow kubectl's rules (core/src/manifest/keyRules.ts), so a key we write is a key kubectl writes.
 */
import { secretKeyError } from '../manifest/keyRules';
import { failed, type Outcome, succeeded } from '../outcome';

export type KeyEdit =
  /** A new value for a key the secret has. */
  | { kind: 'set'; key: string; value: Uint8Array }
  /** A key the secret does not have yet, with its value. */
  | { kind: 'add'; key: string; value: Uint8Array }
  | { kind: 'remove'; key: string }
  /** The value moves to the new name in the same write: never a delete and a create. */
  | { kind: 'rename'; from: string; to: string };

/**
 * The `data` of a JSON merge patch: each changed key's new value in base64, or null to remove the key
 * (RFC 7386: a null member removes it; members not named are kept as they are).
 */
export type DataChanges = Record<string, string | null>;

/** Why an edit was refused before the cluster was asked. */
export type KeyEditRefusal = 'invalid-key' | 'no-such-key' | 'key-exists';

export type KeyEditPlan = Outcome<DataChanges, { kind: KeyEditRefusal }>;

/**
 * The changes `edit` makes to a secret with these keys. `valueOf` gives a key's current base64 value; only a
 * rename asks for one (the value it moves), so Set Value, Add Key and Remove Key never need the current values.
 */
export function planKeyEdit(
  name: string,
  keys: readonly string[],
  edit: KeyEdit,
  valueOf: (key: string) => string | undefined = () => undefined,
): KeyEditPlan {
  const has = new Set(keys);
  const missing = (key: string) => failed(`Secret "${name}" has no key "${key}".`, { kind: 'no-such-key' as const });
  const exists = (key: string) =>
    failed(`Secret "${name}" already has a key "${key}".`, { kind: 'key-exists' as const });
  switch (edit.kind) {
    case 'set':
      return has.has(edit.key) ? succeeded({ [edit.key]: base64(edit.value) }) : missing(edit.key);
    case 'add': {
      const bad = keyNameRefusal(edit.key);
      if (bad) return bad;
      return has.has(edit.key) ? exists(edit.key) : succeeded({ [edit.key]: base64(edit.value) });
    }
    case 'remove':
      return has.has(edit.key) ? succeeded({ [edit.key]: null }) : missing(edit.key);
    case 'rename': {
      if (!has.has(edit.from)) return missing(edit.from);
      const bad = keyNameRefusal(edit.to);
      if (bad) return bad;
      if (edit.to === edit.from || has.has(edit.to)) return exists(edit.to);
      const value = valueOf(edit.from);
      if (value === undefined) return missing(edit.from);
      return succeeded({ [edit.from]: null, [edit.to]: value });
    }
  }
}

/** kubectl's refusal of a key name, or undefined when the name is valid. */
function keyNameRefusal(key: string): KeyEditPlan | undefined {
  const err = secretKeyError(key);
  return err === undefined ? undefined : failed(err, { kind: 'invalid-key' as const });
}

/** The data after `changes`, as the API server merges them (the inputs are left as they are). */
export function applyDataChanges(
  data: Readonly<Record<string, string>>,
  changes: Readonly<DataChanges>,
): Record<string, string> {
  const next: Record<string, string> = { ...data };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

/** The changes that turn `before` into `after`: changed and new keys with their values, removed keys as null. */
export function dataChanges(
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
): DataChanges {
  const changes: DataChanges = {};
  for (const key of Object.keys(before)) if (!Object.hasOwn(after, key)) changes[key] = null;
  for (const [key, value] of Object.entries(after)) if (before[key] !== value) changes[key] = value;
  return changes;
}

/** The keys an edit changes, for messages and for "which pipelines use it". */
export function editedKeys(edit: KeyEdit): string[] {
  return edit.kind === 'rename' ? [edit.from] : [edit.key];
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
