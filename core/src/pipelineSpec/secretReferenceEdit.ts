/**
 * The text edit of "Insert Secret Reference": one `transform.secrets` entry (env var or mount) appended to the
 * spec under the cursor, written in the file's format (JSON, YAML block or flow) and spelling (env_var vs envVar,
 * as the file already spells two-word fields; see the spec model's `style`).
 */
import { fieldName, resolveField } from './fields';
import { parseSpecFile } from './parseSpecFile';
import { buildSpecModel, fieldProperty } from './specModel';
import type { ArrayNode, ObjectNode } from './tree';
import { insertion, type OffsetEdit } from '../text';

export { defaultEnvVarName, defaultMountPath } from './referenceDefaults';

/**
 * The `transform.secrets` entry to write. Not a `SecretReference` (core/src/analysis), which is a reference
 * already found in a spec: this one does not exist yet.
 */
export type NewSecretEntry =
  { as: 'env'; name: string; key: string; envVar: string } | { as: 'mount'; name: string; mountPath: string };

export type ReferenceEditResult = { ok: true; edit: OffsetEdit } | { ok: false; message: string };

export function secretReferenceEdit(
  uri: string,
  text: string,
  ref: NewSecretEntry,
  cursorOffset = 0,
): ReferenceEditResult {
  const file = parseSpecFile(uri, text);
  if (file.syntaxErrors.length)
    return { ok: false, message: `The file has syntax errors; fix them first (${file.syntaxErrors[0].message}).` };
  const model = buildSpecModel(file);
  if (!model.specs.length) return { ok: false, message: 'The file holds no pipeline spec.' };
  const spec = model.specs.find((s) => s.root.start <= cursorOffset && cursorOffset <= s.root.end) ?? model.specs[0];
  if (!spec.transform)
    return {
      ok: false,
      message: `Pipeline "${spec.pipelineName ?? spec.index + 1}" has no transform to add a secret to.`,
    };
  const fields = entryFields(ref, model.style);
  const yaml = file.format === 'yaml';
  const secretsProp = fieldProperty(spec.transform, 'Transform', 'secrets');
  if (secretsProp?.value?.type === 'array') {
    return { ok: true, edit: appendToArray(text, secretsProp.value, fields, yaml) };
  }
  if (secretsProp) return { ok: false, message: 'transform.secrets is not a list.' };
  return { ok: true, edit: addSecretsProperty(text, spec.transform, fields, yaml) };
}

function entryFields(ref: NewSecretEntry, style: 'snake' | 'camel'): [string, string][] {
  const name = (canonical: string) => fieldName(resolveField('SecretMount', canonical)!, style);
  return ref.as === 'env'
    ? [
        ['name', ref.name],
        ['key', ref.key],
        [name('envVar'), ref.envVar],
      ]
    : [
        ['name', ref.name],
        [name('mountPath'), ref.mountPath],
      ];
}

const jsonObject = (fields: [string, string][]) =>
  `{${fields.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')}}`;
const yamlFlowObject = (fields: [string, string][]) =>
  `{${fields.map(([k, v]) => `${k}: ${yamlScalar(v)}`).join(', ')}}`;

/** Plain when YAML reads it back as the same string, else double-quoted (JSON quoting is valid YAML). */
function yamlScalar(v: string): string {
  return /^[A-Za-z_/][A-Za-z0-9_./-]*$/.test(v) && !/^(true|false|null|yes|no|on|off|~)$/i.test(v)
    ? v
    : JSON.stringify(v);
}

function isFlow(text: string, node: { start: number }): boolean {
  return text[node.start] === '[' || text[node.start] === '{';
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i;
}

function indentOf(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start))![0];
}

function appendToArray(text: string, array: ArrayNode, fields: [string, string][], yaml: boolean): OffsetEdit {
  const last = array.items[array.items.length - 1];
  if (!yaml || isFlow(text, array)) {
    const item = yaml ? yamlFlowObject(fields) : jsonObject(fields);
    if (!last) return insertion(array.start + 1, item);
    const multiline = text.slice(array.start, last.start).includes('\n');
    return insertion(last.end, multiline ? `,\n${indentOf(text, last.start)}${item}` : `, ${item}`);
  }
  // Block sequence: the new item goes after the last item's last line, at the column of its dash.
  const dash = text.lastIndexOf('-', last.start);
  const dashIndent = ' '.repeat(dash - lineStart(text, dash));
  const end = lineEnd(text, Math.max(last.start, last.end - 1));
  return insertion(end, `\n${blockItem(fields, dashIndent)}`);
}

function blockItem(fields: [string, string][], dashIndent: string): string {
  return fields.map(([k, v], i) => `${dashIndent}${i === 0 ? '- ' : '  '}${k}: ${yamlScalar(v)}`).join('\n');
}

function addSecretsProperty(
  text: string,
  transform: ObjectNode,
  fields: [string, string][],
  yaml: boolean,
): OffsetEdit {
  const last = transform.properties[transform.properties.length - 1];
  if (!yaml || isFlow(text, transform)) {
    const prop = yaml ? `secrets: [${yamlFlowObject(fields)}]` : `"secrets": [${jsonObject(fields)}]`;
    if (!last) return insertion(transform.start + 1, prop);
    const multiline = text.slice(transform.start, last.start).includes('\n');
    return insertion(last.end, multiline ? `,\n${indentOf(text, last.start)}${prop}` : `, ${prop}`);
  }
  const keyIndent = ' '.repeat(last.keyStart - lineStart(text, last.keyStart));
  const end = lineEnd(text, Math.max(last.keyStart, last.end - 1));
  return insertion(end, `\n${keyIndent}secrets:\n${blockItem(fields, `${keyIndent}  `)}`);
}
