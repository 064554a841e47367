/**
 * The snippets for the four ways a spec uses a secret, as data rendered into JSON or YAML in the file's
 * spelling style. Field names come from the spec's field table, so a snippet can never misspell one.
 */
import type { CatalogIndex } from '../catalog/snapshot';
import { fieldName, resolveField, type MessageName, type SpellingStyle } from '../pipelineSpec';
import { isRegistryCredential } from './secretFacts';

/** Where the caret is: a key position in one of these objects, or a new item of `transform.secrets`. */
export type SnippetPlace = 'root' | 'transform' | 'egress' | 'secrets-item';

type Placeholder = { hole: 'secret' | 'pull-secret' | 'text'; default?: string; choices?: readonly string[] };
type Shape = Placeholder | { fields: Array<[string, Shape]> } | { items: Shape[] };

export interface SnippetDef {
  label: string;
  detail: string;
  place: SnippetPlace;
  /** Canonical field the snippet adds to its object; not offered when the object has it. */
  field?: string;
  /** Message of the object the snippet's top-level fields belong to. */
  message: MessageName;
  shape: Shape;
  filterText?: string;
}

const secretName: Placeholder = { hole: 'secret' };
const envEntry: Shape = {
  fields: [
    ['name', secretName],
    ['key', { hole: 'text', default: 'key' }],
    ['envVar', { hole: 'text', default: 'ENV_VAR' }],
  ],
};
const mountEntry: Shape = {
  fields: [
    ['name', secretName],
    ['mountPath', { hole: 'text', default: '/secrets' }],
  ],
};
const sqlDatabase: Shape = {
  fields: [
    ['url', { hole: 'text', default: 'snowflake://user@account/db' }],
    ['fileFormat', { fields: [['type', { hole: 'text', choices: ['CSV', 'JSON', 'PARQUET'] }]] }],
    [
      'secret',
      {
        fields: [
          ['name', secretName],
          ['key', { hole: 'text', default: 'password' }],
        ],
      },
    ],
  ],
};

const SNIPPETS: readonly SnippetDef[] = [
  {
    label: 'secret as environment variable',
    detail: 'transform.secrets entry with envVar',
    place: 'transform',
    field: 'secrets',
    message: 'Transform',
    shape: { fields: [['secrets', { items: [envEntry] }]] },
  },
  {
    label: 'secret as mounted files',
    detail: 'transform.secrets entry with mountPath',
    place: 'transform',
    field: 'secrets',
    message: 'Transform',
    shape: { fields: [['secrets', { items: [mountEntry] }]] },
  },
  {
    label: 'image pull secret',
    detail: 'transform.imagePullSecrets',
    place: 'transform',
    field: 'imagePullSecrets',
    message: 'Transform',
    shape: { fields: [['imagePullSecrets', { items: [{ hole: 'pull-secret' }] }]] },
  },
  {
    label: 'secret as environment variable',
    detail: 'secrets entry with envVar',
    place: 'secrets-item',
    message: 'SecretMount',
    shape: envEntry,
  },
  {
    label: 'secret as mounted files',
    detail: 'secrets entry with mountPath',
    place: 'secrets-item',
    message: 'SecretMount',
    shape: mountEntry,
  },
  {
    label: 'egress SQL secret',
    detail: 'egress.sqlDatabase with its password secret',
    place: 'root',
    field: 'egress',
    message: 'CreatePipelineRequest',
    shape: { fields: [['egress', { fields: [['sqlDatabase', sqlDatabase]] }]] },
  },
  {
    label: 'egress SQL secret',
    detail: 'sqlDatabase with its password secret',
    place: 'egress',
    field: 'sqlDatabase',
    message: 'Egress',
    shape: { fields: [['sqlDatabase', sqlDatabase]] },
  },
];

export function snippetsFor(place: SnippetPlace): SnippetDef[] {
  return SNIPPETS.filter((s) => s.place === place);
}

export interface RenderOptions {
  format: 'json' | 'yaml';
  style: SpellingStyle;
  catalog: CatalogIndex;
  /** Indentation of the caret's line (YAML continuation lines build on it). */
  indent: string;
  /** The caret's column: where an item's keys start after a typed `- `. */
  column: number;
  /** YAML: the caret already follows `- `, so an item needs no dash of its own. */
  listItemTyped: boolean;
}

const MAX_CHOICES = 30;

export function buildSnippet(def: SnippetDef, o: RenderOptions): string {
  let tabstop = 0;
  const hole = (p: Placeholder): string => {
    tabstop++;
    const names = p.hole === 'text' ? undefined : choicesFor(p.hole, o.catalog);
    const choices = p.choices ?? names;
    if (choices?.length) return `\${${tabstop}|${choices.join(',')}|}`;
    return `\${${tabstop}:${p.default ?? (p.hole === 'text' ? '' : 'secret-name')}}`;
  };
  const key = (message: MessageName | undefined, canonical: string): string => {
    const fd = message ? resolveField(message, canonical) : undefined;
    return fd ? fieldName(fd, o.style) : canonical;
  };
  const childMessage = (message: MessageName | undefined, canonical: string): MessageName | undefined => {
    const fd = message ? resolveField(message, canonical) : undefined;
    return fd && fd.value.kind === 'message' ? fd.value.type : undefined;
  };

  if (o.format === 'json') {
    const render = (s: Shape, message: MessageName | undefined): string => {
      if ('hole' in s) return `"${hole(s)}"`;
      if ('items' in s) return `[${s.items.map((i) => render(i, message)).join(', ')}]`;
      return `{${s.fields.map(([k, v]) => `"${key(message, k)}": ${render(v, childMessage(message, k))}`).join(', ')}}`;
    };
    if ('fields' in def.shape && def.place !== 'secrets-item') {
      // At a key position: the fields go into the existing object, without braces of their own.
      return def.shape.fields
        .map(([k, v]) => `"${key(def.message, k)}": ${render(v, childMessage(def.message, k))}`)
        .join(', ');
    }
    return render(def.shape, def.message);
  }

  // YAML block style; `col` is the column where the current mapping's keys start.
  const lines: string[] = [];
  const emit = (s: Shape, message: MessageName | undefined, col: number, firstPrefix: string | undefined): void => {
    if ('hole' in s) {
      lines[lines.length - 1] += ` ${hole(s)}`;
      return;
    }
    if ('items' in s) {
      for (const item of s.items) {
        if ('hole' in item) lines.push(`${' '.repeat(col)}- ${hole(item)}`);
        else emitFields(item, message, col + 2, `${' '.repeat(col)}- `);
      }
      return;
    }
    emitFields(s, message, col, firstPrefix);
  };
  const emitFields = (
    s: Shape,
    message: MessageName | undefined,
    col: number,
    firstPrefix: string | undefined,
  ): void => {
    if (!('fields' in s)) return;
    s.fields.forEach(([k, v], i) => {
      const prefix = i === 0 && firstPrefix !== undefined ? firstPrefix : ' '.repeat(col);
      lines.push(`${prefix}${key(message, k)}:`);
      const child = childMessage(message, k);
      if ('hole' in v) emit(v, child, col, undefined);
      else emit(v, child, col + 2, undefined);
    });
  };
  const col = o.indent.length;
  if (def.place === 'secrets-item') {
    if (o.listItemTyped) emitFields(def.shape, def.message, o.column, '');
    else emitFields(def.shape, def.message, col + 2, '- ');
  } else {
    emitFields(def.shape, def.message, col, '');
  }
  return lines.join('\n');
}

function choicesFor(hole: 'secret' | 'pull-secret', catalog: CatalogIndex): string[] | undefined {
  if (!catalog.ready || catalog.size === 0) return undefined;
  const secrets = [...catalog.snapshot.secrets];
  if (hole === 'pull-secret') secrets.sort((a, b) => Number(isRegistryCredential(b)) - Number(isRegistryCredential(a)));
  // Snippet choices are separated by `,` and closed by `|`; Kubernetes names contain neither.
  return secrets.slice(0, MAX_CHOICES).map((s) => s.name);
}

/** The text a snippet inserts when every placeholder keeps its default (the first choice of a choice). */
export function expandSnippet(snippet: string): string {
  return snippet.replace(
    /\$\{\d+\|([^,|}]*)[^}]*\}|\$\{\d+:([^}]*)\}|\$\{\d+\}|\$\d+/g,
    (_m, choice?: string, def?: string) => choice ?? def ?? '',
  );
}
