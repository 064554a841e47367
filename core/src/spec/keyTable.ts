/**
 * Keys met before, by a hash of their characters, for the parsers that read keys straight from the text
 * (./wellFormedJson.ts, ./plainBlockYaml.ts): a file's specs repeat the same few dozen keys, and one string per
 * key instead of one per occurrence is a tenth of a tree's strings, which the garbage collector would otherwise
 * copy as the tree outlives collections of the young generation.
 *
 * Only keys shorter than 13 characters are kept, which V8 copies out of the text (longer slices point into
 * it, and this table outlives every file: it must not keep a file's text alive).
 */
const SIZE = 1024;
const MAX_KEPT = 12;
const table: string[] = new Array<string>(SIZE).fill('');

/** Folds one more character into a key's hash. */
export function hashStep(hash: number, charCode: number): number {
  return (hash * 31 + charCode) | 0;
}

/** `text[start, end)`, the same string as the last time these characters were asked for when possible. */
export function sharedKey(text: string, start: number, end: number, hash: number): string {
  const length = end - start;
  if (length > MAX_KEPT) return text.slice(start, end);
  const slot = hash & (SIZE - 1);
  const known = table[slot];
  if (known.length === length && text.startsWith(known, start)) return known;
  return (table[slot] = text.slice(start, end));
}
