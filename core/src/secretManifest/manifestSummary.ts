/**
 * What the language server keeps of a Secret manifest after its check: names, keys, sizes and ranges, never a
 * value. Every string here is copied out of the file's text (`detached`), because V8 keeps a long substring
 * as a slice of its parent string, and a kept slice would keep the whole text, values and all, alive.
 */
import type { OffsetRange } from '../text/offsets';

export interface ManifestKey extends OffsetRange {
  key: string;
  /** The decoded size in bytes; undefined when the API server could not read the value (PM001–PM003). */
  bytes?: number;
  /** Where the value comes from; `both` means the `stringData` one wins. */
  from: 'data' | 'stringData' | 'both';
}

/** One Secret document of a file: its range, name and type, and its keys in the order written. */
export interface SecretManifestSummary extends OffsetRange {
  name?: string;
  type: string;
  keys: ManifestKey[];
}

/** A copy of `s` that shares no memory with the text it was cut from. */
export function detached(s: string): string {
  return s.length < 2 ? s : s.split('').join('');
}
