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
type Shape = Placeholder | { fields: Fields } | { items: Shape[] };
type Fields = Array<[string, Shape]>;

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
  const writer = new SnippetWriter(o);
  return o.format === 'json' ? writer.json(def) : writer.yaml(def);
}

/** Writes one snippet: numbers its tabstops in the order they appear, and spells keys as the file does. */
class SnippetWriter {
  private tabstop = 0;
  /** YAML: the lines written so far. */
  private readonly lines: string[] = [];

  constructor(private readonly o: RenderOptions) {}

  json(def: SnippetDef): string {
    if ('fields' in def.shape && def.place !== 'secrets-item') {
      // At a key position: the fields go into the existing object, without braces of their own.
      return this.jsonFields(def.shape.fields, def.message);
    }
    return this.jsonValue(def.shape, def.message);
  }

  private jsonValue(s: Shape, message: MessageName | undefined): string {
    if ('hole' in s) return `"${this.hole(s)}"`;
    if ('items' in s) return `[${s.items.map((i) => this.jsonValue(i, message)).join(', ')}]`;
    return `{${this.jsonFields(s.fields, message)}}`;
  }

  private jsonFields(fields: Fields, message: MessageName | undefined): string {
    return fields
      .map(([k, v]) => `"${this.key(message, k)}": ${this.jsonValue(v, this.childMessage(message, k))}`)
      .join(', ');
  }

  /** YAML block style, continuing the caret's line and indented from it. */
  yaml(def: SnippetDef): string {
    const col = this.o.indent.length;
    if (def.place === 'secrets-item') {
      if (this.o.listItemTyped) this.yamlFields(def.shape, def.message, this.o.column, '');
      else this.yamlFields(def.shape, def.message, col + 2, '- ');
    } else {
      this.yamlFields(def.shape, def.message, col, '');
    }
    return this.lines.join('\n');
  }

  /** A value; `col` is the column where the current mapping's keys start. */
  private yamlValue(s: Shape, message: MessageName | undefined, col: number, firstPrefix: string | undefined): void {
    if ('hole' in s) {
      this.lines[this.lines.length - 1] += ` ${this.hole(s)}`;
      return;
    }
    if ('items' in s) {
      for (const item of s.items) {
        if ('hole' in item) this.lines.push(`${' '.repeat(col)}- ${this.hole(item)}`);
        else this.yamlFields(item, message, col + 2, `${' '.repeat(col)}- `);
      }
      return;
    }
    this.yamlFields(s, message, col, firstPrefix);
  }

  /** A mapping's fields, one per line; the first line starts with `firstPrefix` when given (a `- ` or nothing). */
  private yamlFields(s: Shape, message: MessageName | undefined, col: number, firstPrefix: string | undefined): void {
    if (!('fields' in s)) return;
    s.fields.forEach(([k, v], i) => {
      const prefix = i === 0 && firstPrefix !== undefined ? firstPrefix : ' '.repeat(col);
      this.lines.push(`${prefix}${this.key(message, k)}:`);
      const child = this.childMessage(message, k);
      if ('hole' in v) this.yamlValue(v, child, col, undefined);
      else this.yamlValue(v, child, col + 2, undefined);
    });
  }

  /** The next tabstop: a choice of the catalog's secret names when there are any, else a placeholder text. */
  private hole(p: Placeholder): string {
    this.tabstop++;
    const names = p.hole === 'text' ? undefined : choicesFor(p.hole, this.o.catalog);
    const choices = p.choices ?? names;
    if (choices?.length) return `\${${this.tabstop}|${choices.join(',')}|}`;
    return `\${${this.tabstop}:${p.default ?? (p.hole === 'text' ? '' : 'secret-name')}}`;
  }

  private key(message: MessageName | undefined, canonical: string): string {
    const fd = message ? resolveField(message, canonical) : undefined;
    return fd ? fieldName(fd, this.o.style) : canonical;
  }

  private childMessage(message: MessageName | undefined, canonical: string): MessageName | undefined {
    const fd = message ? resolveField(message, canonical) : undefined;
    return fd && fd.value.kind === 'message' ? fd.value.type : undefined;
  }
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
