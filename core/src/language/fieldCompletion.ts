/**
 * Completion at a key position: the field names of a secret entry in the file's spelling style, and the snippets
 * for the ways a spec uses a secret where they fit.
 */
import { fieldName, fieldsOf, resolveField, type NodeAt } from '../pipelineSpec';
import type { CompletionInput, SpecCompletionItem } from './completionItem';
import { buildSnippet, expandSnippet, snippetsFor, type SnippetPlace } from './snippets';

/** Field names of the object the caret is in, and the snippets that fit there. */
export function keyItems(input: CompletionInput, at: NodeAt, linePrefix: string): SpecCompletionItem[] {
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

export function snippetItems(
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
