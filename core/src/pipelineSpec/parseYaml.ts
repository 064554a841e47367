/**
 * YAML text → spec documents, through the `yaml` package's CST-backed nodes (which keep source ranges and
 * tell plain from quoted scalars). Aliases are kept as alias nodes, not resolved: pachctl rejects them.
 * One chunk (./documentChunks.ts) at a time: yaml.v3 ends every node at a `---` line, where the `yaml` package
 * alone would read on inside an unclosed quoted scalar. A chunk written plainly is read by ./plainBlockYaml.ts
 * into the same nodes without the package.
 */
import { parseAllDocuments, isAlias, isMap, isPair, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { readPlainBlockYaml } from './plainBlockYaml';
import type { ParsedDocuments, PropertyNode, ScalarKind, SpecNode, YamlNodeInfo } from './tree';

/** Parses `text[start, end)` into `out`; document indexes continue from `out`'s. */
export function parseYamlChunk(text: string, start: number, end: number, out: ParsedDocuments): void {
  // A bare `---` line is an empty document, and a file may hold millions of them: no parser for those. The
  // range is the one the `yaml` package gives it (the marker alone).
  const bare = end - start === 3 || (end - start === 4 && text.charCodeAt(end - 1) === 10);
  if (bare && text.startsWith('---', start)) {
    out.documents.push({ index: out.documents.length, start, end: start + 3, root: undefined });
    return;
  }
  if (!readPlainBlockYaml(text, start, end, out)) parseYamlChunkFully(text, start, end, out);
}

/**
 * `parseYamlChunk` through the `yaml` package alone, whatever the chunk holds (./plainBlockYaml.ts is the shortcut).
 */
export function parseYamlChunkFully(text: string, start: number, end: number, out: ParsedDocuments): void {
  const { documents, syntaxErrors } = out;
  const base = start;
  const parsed = parseAllDocuments(text.slice(start, end), { prettyErrors: false, uniqueKeys: false, strict: false });
  // An empty stream comes back as an object that is not an array.
  if (!Array.isArray(parsed)) return;
  for (const doc of parsed) {
    for (const e of doc.errors) {
      const s = base + e.pos[0];
      const en = base + e.pos[1];
      syntaxErrors.push({
        message: withoutText(e.code, firstLine(e.message)),
        start: Math.min(s, text.length),
        end: Math.min(Math.max(en, s + 1), text.length),
      });
    }
    const contents = doc.contents as YamlNode | null;
    const empty =
      !contents || (isScalar(contents) && contents.value === null && (contents as { source?: string }).source === '');
    documents.push({
      index: documents.length,
      start: base + doc.range[0],
      end: base + doc.range[2],
      root: empty ? undefined : convert(contents, base),
    });
  }
}

/**
 * The `yaml` messages that quote the file's own text (an unknown token, up to ten characters of an escape, the
 * rest of a block scalar's header line, an error token's source appended as `: "…"`), said without it: the text
 * may be a value, and a diagnostic's message is copied into the Problems panel and logs. Its range says where.
 * Names of tags, anchors and directives are kept: they are the file's syntax, not its values.
 */
function withoutText(code: string, message: string): string {
  if (code === 'BAD_DQ_ESCAPE') return 'Invalid escape sequence in a double-quoted string (write \\\\ for a backslash)';
  const quoting = /^(Not a YAML token|Block scalar header includes extra characters|Unresolved plain scalar)\b/.exec(
    message,
  );
  if (quoting) return quoting[1];
  return code === 'UNEXPECTED_TOKEN' ? message.replace(/: ".*$/, '') : message;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function info(node: YamlNode, plain: boolean): YamlNodeInfo | undefined {
  const anchor = (node as { anchor?: string }).anchor;
  const tag = (node as { tag?: string }).tag;
  if (!anchor && !tag && !plain) return undefined;
  return { ...(anchor ? { anchor } : {}), ...(tag ? { tag } : {}), ...(plain ? { plain } : {}) };
}

function rangeOf(node: YamlNode, base: number): [number, number] {
  const r = node.range ?? [0, 0, 0];
  return [base + r[0], base + r[1]];
}

function convert(node: YamlNode, base: number): SpecNode {
  const [start, end] = rangeOf(node, base);
  if (isMap(node)) {
    const properties: PropertyNode[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const k = pair.key as YamlNode | null;
      const v = pair.value as YamlNode | null;
      if (!k) continue;
      const [ks, ke] = rangeOf(k, base);
      const keyValue = isScalar(k) ? k.value : undefined;
      const value = v ? convert(v, base) : undefined;
      properties.push({
        key: keyValue === undefined || keyValue === null ? (isScalar(k) ? '' : '[complex key]') : String(keyValue),
        keyKind: isScalar(k) ? scalarKind(k.value) : 'string',
        keyStart: ks,
        keyEnd: ke,
        value,
        start: ks,
        end: value ? Math.max(value.end, ke) : ke,
      });
    }
    return withInfo({ type: 'object', start, end, properties }, node, false);
  }
  if (isSeq(node)) {
    const items = node.items.map((i) => (i && typeof i === 'object' ? convert(i as YamlNode, base) : nullAt(end)));
    return withInfo({ type: 'array', start, end, items }, node, false);
  }
  if (isAlias(node)) {
    return { type: 'alias', start, end, name: node.source };
  }
  if (isScalar(node)) {
    const raw = node.value;
    const value =
      raw === null || typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean'
        ? raw
        : typeof raw === 'bigint'
          ? Number(raw)
          : String(raw);
    return withInfo({ type: 'scalar', start, end, kind: scalarKind(value), value }, node, node.type === 'PLAIN');
  }
  return nullAt(start);
}

function withInfo<T extends SpecNode>(n: T, node: YamlNode, plain: boolean): T {
  const i = info(node, plain);
  if (i) n.yaml = i;
  return n;
}

function nullAt(offset: number): SpecNode {
  return { type: 'scalar', start: offset, end: offset, kind: 'null', value: null };
}

function scalarKind(v: unknown): ScalarKind {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  if (typeof v === 'boolean') return 'boolean';
  return 'string';
}
