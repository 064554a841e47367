/**
 * Completion in pipeline specs, JSON and YAML alike: secret names from the catalog where a spec names a
 * secret, the keys of the named secret at `key`, the field names of a secret entry in the file's spelling
 * style, and snippets for the four ways a spec uses a secret. Pure: text offsets in, edits out.
 */
import type { OffsetEdit, OffsetRange } from '../text';
import type { CatalogIndex } from '../catalog/snapshot';
import type { SecretMeta } from '../catalog/secretMeta';
import {
  fieldName,
  fieldsOf,
  nodeAt,
  resolveField,
  type NodeAt,
  type ObjectNode,
  type SpecFile,
  type SpellingStyle,
} from '../pipelineSpec';
import { entryName, objectAtPath, siteOfPath, type ReferenceSite } from './referenceAt';
import { isRegistryCredential, keysMarkdown, keySummary, secretSummary } from './secretFacts';
import { buildSnippet, expandSnippet, snippetsFor, type SnippetPlace } from './snippets';

export interface SpecCompletionItem {
  label: string;
  kind: 'secret' | 'key' | 'field' | 'snippet';
  detail?: string;
  /** Markdown; metadata only. */
  documentation?: string;
  sortText?: string;
  filterText?: string;
  edit: OffsetEdit;
  /** `edit.newText` uses LSP snippet syntax (`${1:name}`). */
  snippet?: boolean;
}

export interface CompletionInput {
  file: SpecFile;
  offset: number;
  catalog: CatalogIndex;
  style: SpellingStyle;
  /**
   * False: secret items come without `documentation` (the server fills it in on `completionItem/resolve`
   * with `secretDocumentation`, so a long list stays small on the wire). Default true.
   */
  documentation?: boolean;
}

export function completeSpec(input: CompletionInput): SpecCompletionItem[] {
  const { file, offset } = input;
  const text = file.text;
  const json = file.format === 'json';
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const linePrefix = text.slice(lineStart, offset);

  // JSON `"name": |`: a key without a value yet, which the parser cannot place (YAML `name: |` parses as null).
  const pending = json ? /"([A-Za-z_$]+)"\s*:\s*("?)([\w.-]*)$/.exec(linePrefix) : undefined;
  let at = nodeAt(file, offset);
  if (!at) return [];
  // nodeAt stops at an object when the caret is between its properties (its `property` is then the parent's).
  if (pending && at.node?.type === 'object' && !at.onKey) {
    const fd = at.message ? resolveField(at.message, pending[1]) : undefined;
    const path = [...at.path, fd ? fd.json : pending[1]];
    const start = offset - pending[3].length - pending[2].length;
    return valueItems(input, path, at, { start, end: offset }, '"', at.node);
  }
  if (!json) at = yamlLineOwner(file, offset, linePrefix) ?? at;

  const site = siteOfPath(at.path);
  if (at.onKey || at.node?.type === 'object') {
    return keyItems(input, at, linePrefix);
  }
  if (site?.part && at.node && (at.node.type === 'scalar' || at.node.type === 'alias')) {
    const quote = json ? '"' : /["']/.test(text[at.node.start] ?? '') ? text[at.node.start] : '';
    const entry = site.site === 'pull' ? undefined : objectAtPath(at.spec, at.path.slice(0, -1));
    return valueItems(input, at.path, at, { start: at.node.start, end: at.node.end }, quote, entry);
  }
  // YAML `- |` or `- na|` under `secrets`: a new entry, as a snippet or by its first field.
  if (site?.site === 'mount' && at.path.length === 3 && at.node?.type === 'scalar' && !json) {
    const word = /[\w$]*$/.exec(linePrefix)?.[0] ?? '';
    const fields = keyItems(
      input,
      {
        ...at,
        node: { type: 'object', properties: [], start: offset, end: offset },
        onKey: false,
        message: 'SecretMount',
      },
      linePrefix,
    );
    return word
      ? fields
      : [...fields, ...snippetItems(input, 'secrets-item', offset - word.length, at.node.end, linePrefix)];
  }
  // In the `secrets` or `imagePullSecrets` array itself, between items: a new entry.
  if (site && !site.inEntry && at.node?.type === 'array') {
    if (site.site === 'pull') {
      const dash =
        json || /-\s+$/.test(linePrefix.slice(0, linePrefix.length - (/[\w.-]*$/.exec(linePrefix)?.[0].length ?? 0)))
          ? ''
          : '- ';
      return valueItems(input, [...at.path, 0], at, wordBefore(text, offset, json), json ? '"' : '', undefined, dash);
    }
    return snippetItems(input, 'secrets-item', offset, offset, linePrefix);
  }
  return [];
}

/**
 * In YAML the caret on a blank or half-typed line belongs to the mapping whose keys start in the same
 * column, which the parser cannot know from an empty line: find the nearest key above in that column (a
 * sibling) or further left (the parent whose value the line starts), and ask `nodeAt` there.
 */
function yamlLineOwner(file: SpecFile, offset: number, linePrefix: string): NodeAt | undefined {
  const m = /^(\s*)([\w$]*)$/.exec(linePrefix);
  if (!m) return undefined;
  const column = m[1].length;
  let lineEnd = offset - linePrefix.length - 1;
  while (lineEnd > 0) {
    const lineStart = file.text.lastIndexOf('\n', lineEnd - 1) + 1;
    const line = file.text.slice(lineStart, lineEnd);
    lineEnd = lineStart - 1;
    const k = /^(\s*(?:-\s+)?)([\w$"'][^:#]*):(?:\s|$)/.exec(line);
    if (!k) continue;
    const keyColumn = k[1].length;
    if (keyColumn > column) continue;
    const found = nodeAt(file, lineStart + keyColumn);
    if (!found?.onKey || !found.property) return undefined;
    if (keyColumn === column) return { ...found, path: found.path.slice(0, -1), property: undefined, onKey: false };
    // A key further left: the caret's line starts its value, a mapping of the field's message type.
    const fd = found.message ? resolveField(found.message, found.property.key) : undefined;
    const list = siteOfPath(found.path);
    if (fd?.repeated && list && !list.inEntry) {
      // `secrets:` / `imagePullSecrets:` above: the line starts a new item of that list.
      const items =
        found.property.value?.type === 'array'
          ? found.property.value
          : { type: 'array' as const, items: [], start: offset, end: offset };
      return { ...found, node: items, property: undefined, onKey: false };
    }
    if (!fd || fd.value.kind !== 'message' || fd.repeated) return undefined;
    const value =
      found.property.value?.type === 'object'
        ? found.property.value
        : { type: 'object' as const, properties: [], start: offset, end: offset };
    return { ...found, node: value, property: undefined, onKey: false, message: fd.value.type };
  }
  return undefined;
}

function wordBefore(text: string, offset: number, json: boolean): OffsetEdit {
  let start = offset;
  while (start > 0 && /[\w.-]/.test(text[start - 1])) start--;
  if (json && text[start - 1] === '"') start--;
  let end = offset;
  if (json && text[start] === '"' && text[end] === '"') end++;
  return { start, end, newText: '' };
}

function valueItems(
  input: CompletionInput,
  path: ReadonlyArray<string | number>,
  at: NodeAt,
  range: OffsetRange,
  quote: string,
  entry: ObjectNode | undefined,
  /** YAML `- ` when the caret starts a list item that has no dash yet. */
  prefix = '',
): SpecCompletionItem[] {
  const site = siteOfPath(path);
  if (!site?.part || !input.catalog.ready) return [];
  const wrap = (s: string) => `${quote}${s}${quote}`;
  const edit = (s: string): OffsetEdit => ({ start: range.start, end: range.end, newText: prefix + wrap(s) });
  if (site.part === 'name') {
    const typed = input.file.text.slice(range.start, input.offset).replace(/^[-\s"']+/, '');
    return namesFor(input.catalog.snapshot.secrets, typed, site.site).map((meta) => ({
      label: meta.name,
      kind: 'secret' as const,
      detail: secretSummary(meta),
      documentation: input.documentation === false ? undefined : secretDocumentation(meta, input.catalog),
      sortText: sortFor(site.site, meta),
      filterText: quote ? wrap(meta.name) : meta.name,
      edit: edit(meta.name),
    }));
  }
  const name = entryName(entry ?? (at.node?.type === 'object' ? at.node : undefined));
  const meta = name ? input.catalog.get(name) : undefined;
  if (!meta) return [];
  return meta.keys.map((k) => ({
    label: k.name,
    kind: 'key' as const,
    detail: `${keySummary(k)} · ${meta.name}`,
    filterText: quote ? wrap(k.name) : k.name,
    edit: edit(k.name),
  }));
}

/**
 * At most this many secret names go back to the editor. A namespace can hold thousands of secrets; sending them
 * all makes every keystroke slow (10,000 names took ~0.4 s a request), so the server filters by what is typed
 * and the list is marked incomplete, which makes the editor ask again as the user types.
 */
export const MAX_NAME_ITEMS = 200;

/** True when a name list was cut at MAX_NAME_ITEMS (the LSP list is then `isIncomplete`). */
export function isNameListTruncated(items: readonly SpecCompletionItem[]): boolean {
  return items.filter((i) => i.kind === 'secret').length >= MAX_NAME_ITEMS;
}

/**
 * Names matching the typed word (case-insensitive subsequence, as the editor filters): prefix matches first,
 * and registry credentials first where only they work. The catalog is sorted by name, so buckets keep that order.
 */
function namesFor(secrets: readonly SecretMeta[], typed: string, site: ReferenceSite): SecretMeta[] {
  const want = typed.toLowerCase();
  const buckets: SecretMeta[][] = [[], [], [], []];
  for (const meta of secrets) {
    let bucket = 0;
    if (want) {
      const name = meta.name.toLowerCase();
      if (!name.startsWith(want)) {
        if (!isSubsequence(want, name)) continue;
        bucket = 2;
      }
    }
    if (site === 'pull' && !isRegistryCredential(meta)) bucket += 1;
    buckets[bucket].push(meta);
  }
  const out: SecretMeta[] = [];
  for (const b of buckets) {
    for (const meta of b) {
      if (out.length === MAX_NAME_ITEMS) return out;
      out.push(meta);
    }
  }
  return out;
}

function isSubsequence(needle: string, hay: string): boolean {
  let i = 0;
  for (let j = 0; i < needle.length && j < hay.length; j++) if (needle[i] === hay[j]) i++;
  return i === needle.length;
}

/** Registry credentials first where only they work. */
function sortFor(site: ReferenceSite, meta: SecretMeta): string {
  const rank = site === 'pull' ? (isRegistryCredential(meta) ? '0' : '1') : '0';
  return `${rank}${meta.name}`;
}

export function secretDocumentation(meta: SecretMeta, catalog: CatalogIndex): string {
  const where = catalog.snapshot.context ? `${catalog.snapshot.context} / ${meta.namespace}` : meta.namespace;
  return `**${meta.name}** (${meta.type}) in ${where}\n\n${keysMarkdown(meta)}`;
}

/** Field names of the object the caret is in, and the snippets that fit there. */
function keyItems(input: CompletionInput, at: NodeAt, linePrefix: string): SpecCompletionItem[] {
  const { file, offset, style } = input;
  const json = file.format === 'json';
  const owner = at.node?.type === 'object' ? at.node : undefined;
  const typed = at.onKey ? at.property : undefined;
  const start = typed ? typed.keyStart : offset - (/[\w$]*$/.exec(linePrefix)?.[0].length ?? 0);
  const end = typed ? typed.keyEnd : offset;
  const after = file.text.slice(end);
  const hasColon = /^\s*:/.test(after);
  const message = at.message;
  const items: SpecCompletionItem[] = [];
  if (message === 'SecretMount' || message === 'SQLSecret') {
    const present = new Set(
      owner?.properties.filter((p) => p !== typed).map((p) => resolveField(message, p.key)?.json),
    );
    for (const fd of fieldsOf(message)) {
      if (present.has(fd.json)) continue;
      const name = fieldName(fd, style);
      const key = json ? `"${name}"` : name;
      const newText = hasColon ? key : json ? `${key}: "$1"` : `${key}: $1`;
      items.push({
        label: name,
        kind: 'field',
        detail: FIELD_DETAILS[fd.json] ?? fd.json,
        filterText: json && file.text[start] === '"' ? key : name,
        edit: { start, end, newText },
        snippet: !hasColon,
      });
    }
    return items;
  }
  if (hasColon) return items;
  const place: SnippetPlace | undefined =
    message === 'Transform'
      ? 'transform'
      : message === 'Egress'
        ? 'egress'
        : message === 'CreatePipelineRequest' && at.path.length === 0
          ? 'root'
          : undefined;
  if (!place || !owner) return items;
  const existing = new Set(owner.properties.filter((p) => p !== typed).map((p) => resolveField(message!, p.key)?.json));
  return snippetItems(input, place, start, end, linePrefix, existing);
}

function snippetItems(
  input: CompletionInput,
  place: SnippetPlace,
  start: number,
  end: number,
  linePrefix: string,
  existing: ReadonlySet<string | undefined> = new Set(),
): SpecCompletionItem[] {
  const { file, catalog, style } = input;
  const indent = /^\s*/.exec(linePrefix)?.[0] ?? '';
  return snippetsFor(place)
    .filter((s) => !s.field || !existing.has(s.field))
    .map((s) => {
      const body = buildSnippet(s, {
        format: file.format,
        style,
        catalog,
        indent,
        column: linePrefix.length,
        listItemTyped: /-\s+$/.test(linePrefix),
      });
      const needsComma = file.format === 'json' && /^\s*["{]/.test(file.text.slice(end));
      return {
        label: s.label,
        kind: 'snippet' as const,
        detail: s.detail,
        documentation: '```' + file.format + '\n' + expandSnippet(body) + '\n```',
        sortText: `~${s.label}`,
        filterText: s.filterText,
        edit: { start, end, newText: body + (needsComma ? ',' : '') },
        snippet: true,
      };
    });
}

const FIELD_DETAILS: Record<string, string> = {
  name: "the Kubernetes Secret, in pachd's namespace",
  key: 'the key whose value becomes the environment variable',
  mountPath: 'mount every key of the secret as a file under this directory',
  envVar: "environment variable set from the secret's key",
};
