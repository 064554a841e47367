/**
 * `podPatch` / `podSpec` are JSON inside a string. This parses that JSON and maps offsets in the decoded
 * string back to offsets in the file, so a reference inside it can be underlined where it is written.
 * When the mapping can't be known (YAML block scalars, folded lines), every offset maps to the whole string.
 */
import type { OffsetRange } from '../text';
import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { ScalarNode } from './tree';

export interface EmbeddedJson {
  /** Undefined when the string is not valid JSON. */
  tree: JsonNode | undefined;
  valid: boolean;
  /** File range of decoded [start, end). */
  toFile(start: number, end: number): OffsetRange;
}

/** `text` is the file's text, which `node`'s range is in. */
export function parseEmbeddedJson(text: string, node: ScalarNode): EmbeddedJson {
  const value = String(node.value ?? '');
  const errors: ParseError[] = [];
  const tree = parseTree(value, errors, { disallowComments: true, allowTrailingComma: false });
  const offsets = sourceOffsets(text, node, value);
  const toFile = (s: number, e: number) =>
    offsets
      ? { start: offsets[s], end: offsets[Math.max(s, e - 1)] + (e > s ? charWidth(text, offsets[e - 1]) : 0) }
      : { start: node.start, end: node.end };
  return { tree: errors.length ? undefined : tree, valid: errors.length === 0 && !!tree, toFile };
}

/** Width in the source of the (possibly escaped) character starting at `at`. */
function charWidth(text: string, at: number): number {
  if (text[at] !== '\\') return text[at] === "'" && text[at + 1] === "'" ? 2 : 1;
  return text[at + 1] === 'u' ? 6 : 2;
}

/**
 * For each decoded character, where it starts in the file; undefined when the scalar's source is not a
 * single-line plain, single-quoted or JSON-escaped double-quoted string that decodes to `value`.
 */
function sourceOffsets(text: string, node: ScalarNode, value: string): number[] | undefined {
  const src = text.slice(node.start, node.end);
  const out: number[] = [];
  if (src.startsWith('"') && src.endsWith('"') && src.length >= 2) {
    let decoded = '';
    for (let i = 1; i < src.length - 1; i++) {
      out.push(node.start + i);
      const c = src[i];
      if (c === '\n') return undefined;
      if (c !== '\\') {
        decoded += c;
        continue;
      }
      const n = src[i + 1];
      if (n === 'u') {
        decoded += String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16));
        i += 5;
      } else {
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (!(n in simple)) return undefined;
        decoded += simple[n];
        i += 1;
      }
    }
    return decoded === value ? out : undefined;
  }
  if (src.startsWith("'") && src.endsWith("'") && src.length >= 2) {
    let decoded = '';
    for (let i = 1; i < src.length - 1; i++) {
      out.push(node.start + i);
      if (src[i] === '\n') return undefined;
      decoded += src[i];
      if (src[i] === "'") i++;
    }
    return decoded === value ? out : undefined;
  }
  if (src === value) return Array.from({ length: value.length }, (_, i) => node.start + i);
  return undefined;
}
