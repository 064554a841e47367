/**
 * Short strings met before, by a hash of their characters, for the parsers that read strings straight from the
 * text (./wellFormedJson.ts, ./plainBlockYaml.ts): a file's specs repeat the same few dozen keys and many short
 * values (`master`, `/*`, an image, an env var name), and one string per spelling instead of one per occurrence
 * is a large part of a tree's strings, which the garbage collector would otherwise copy as the tree outlives
 * collections of the young generation.
 *
 * Only keys shorter than 13 characters are kept, which V8 copies out of the text (longer slices point into
 * it, and this table outlives every file: it must not keep a file's text alive).
 */
const SIZE = 1024;
const MAX_KEPT = 12;
const table: string[] = new Array<string>(SIZE).fill('');

/**
 * `text[start, end)`, the same string as the last time these characters were asked for when possible. The hash
 * is computed here, for short strings only: the readers' scanning loops stay free of it.
 */
export function sharedKey(text: string, start: number, end: number): string {
  const length = end - start;
  if (length > MAX_KEPT) return text.slice(start, end);
  let hash = 0;
  for (let i = start; i < end; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
  const slot = hash & (SIZE - 1);
  const known = table[slot];
  if (known.length === length && text.startsWith(known, start)) return known;
  return (table[slot] = text.slice(start, end));
}
