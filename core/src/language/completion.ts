/**
 * Completion in pipeline specs, JSON and YAML alike: secret names from the catalog where a spec names a
 * secret, the keys of the named secret at `key`, the field names of a secret entry in the file's spelling
 * style, and snippets for the four ways a spec uses a secret. Pure: text offsets in, edits out.
 */
import type { OffsetEdit } from '../text';
import { nodeAt, resolveField, type NodeAt, type SpecFile } from '../pipelineSpec';
import type { CompletionInput, SpecCompletionItem } from './completionItem';
import { keyItems, snippetItems } from './fieldCompletion';
import { objectAtPath, siteOfPath } from './referenceAt';
import { valueItems } from './secretNameCompletion';

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
