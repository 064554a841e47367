/**
 * The two answers the server gives PS050's "Move into a Secret", computed on the file's current text: where the
 * `transform.env` value is (slices of the text, as for PH003, so the value never crosses the connection), and once
 * the secret holds it, the edit that replaces the env entry by a `transform.secrets` entry with `envVar`/`env_var`
 * (the file's spelling) and `key`.
 */
import { plainValueOutOf } from '../helm/plainValueSlices';
import type { ValueSlice } from '../helm/valueSlice';
import {
  buildSpecModel,
  fieldProperty,
  parseSpecFile,
  secretReferenceEdit,
  stringValue,
  type ObjectNode,
  type PropertyNode,
  type SpecFile,
  type SpecView,
} from '../pipelineSpec';
import type { EnvEntryTarget } from '../protocol/messages';
import { applyEdits, type OffsetEdit } from '../text';
import { removeProperty } from './codeActions';

type Located =
  | { ok: true; file: SpecFile; spec: SpecView; env: ObjectNode; envProperty: PropertyNode; entry: PropertyNode }
  | { ok: false; message: string };

/** The env entry `target` names, in the spec it names: by pipeline name when given, else around the offset. */
function locateEnv(text: string, target: EnvEntryTarget): Located {
  const file = parseSpecFile(target.uri, text);
  const specs = buildSpecModel(file).specs;
  const around = (s: SpecView) => s.root.start <= target.offset && target.offset <= s.root.end;
  const named = target.pipeline === undefined ? [] : specs.filter((s) => s.pipelineName === target.pipeline);
  const spec = named.find(around) ?? named[0] ?? (target.pipeline === undefined ? specs.find(around) : undefined);
  const where = target.pipeline === undefined ? 'the spec' : `pipeline "${target.pipeline}"`;
  const envProperty = spec && fieldProperty(spec.transform, 'Transform', 'env');
  const entry = spec?.env.find((p) => p.key === target.env);
  if (!spec || !envProperty || envProperty.value?.type !== 'object' || !entry)
    return { ok: false, message: `${where} no longer sets ${target.env} in transform.env` };
  return { ok: true, file, spec, env: envProperty.value, envProperty, entry };
}

export type EnvValueLocation = { ok: true; slices: ValueSlice[] } | { ok: false; message: string };

/** Where the entry's string value is, as slices of `text` that read back as exactly it. */
export function envValueSlices(text: string, target: EnvEntryTarget): EnvValueLocation {
  const found = locateEnv(text, target);
  if (!found.ok) return found;
  const value = stringValue(found.entry.value);
  if (value === undefined || !found.entry.value)
    return { ok: false, message: `${target.env} in transform.env holds no string` };
  const slices = plainValueOutOf(text, found.entry.value, value);
  return slices
    ? { ok: true, slices }
    : { ok: false, message: `${target.env} is written in a way this quick fix cannot read` };
}

export type EnvToSecretEdit = { ok: true; edit: OffsetEdit } | { ok: false; message: string };

/**
 * One edit from `text` to the text without the env entry (without `env` at all when it was the only entry) and with
 * the secrets entry, which Insert Secret Reference's edit adds in the file's format and spelling.
 */
export function envToSecretEdit(
  text: string,
  target: EnvEntryTarget,
  secret: { name: string; key: string },
): EnvToSecretEdit {
  const found = locateEnv(text, target);
  if (!found.ok) return found;
  const { file, spec, env, envProperty, entry } = found;
  if (file.syntaxErrors.length)
    return { ok: false, message: `the file has syntax errors; fix them first (${file.syntaxErrors[0].message})` };
  const removal =
    env.properties.length === 1 && spec.transform
      ? removeProperty(file, spec.transform, envProperty)
      : removeProperty(file, env, entry);
  const without = applyEdits(text, [removal]);
  const reference = { as: 'env' as const, name: secret.name, key: secret.key, envVar: target.env };
  // The spec starts before the removed entry, so its start still points into it.
  const added = secretReferenceEdit(target.uri, without, reference, spec.root.start);
  if (!added.ok) return added;
  return { ok: true, edit: wholeChange(text, applyEdits(without, [added.edit])) };
}

/** The one edit that turns `before` into `after`: what lies between their common start and their common end. */
function wholeChange(before: string, after: string): OffsetEdit {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before[start] === after[start]) start++;
  let tail = 0;
  while (tail < max - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { start, end: before.length - tail, newText: after.slice(start, after.length - tail) };
}
