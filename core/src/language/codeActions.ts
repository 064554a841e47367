/**
 * Quick fixes for the analysis' findings, computed from the finding's code, range and `data` plus the
 * tree: did-you-mean replacements for unknown secret names, keys and fields; one "add key" per key of the
 * secret for PS001; removing either spelling for PS012; creating the missing secret for PS002/PS020
 * (through the client's create-secret command); renaming or removing a field older Pachyderm had (PS101);
 * a `---` line between JSON documents run together (PS110); moving a plain credential into a Secret (PS050,
 * through the client's command). Edits keep the file's format, quotes and indentation.
 */
import type { OffsetEdit, OffsetRange } from '../text';
import type { CatalogIndex } from '../catalog/snapshot';
import { ClientCommands, type CreateSecretArgs, type MoveEnvToSecretArgs } from '../protocol/messages';
import { nodeAt, resolveField, stringValue, type ObjectNode, type PropertyNode, type SpecFile } from '../pipelineSpec';
import type { RemovedFieldFix } from '../rules/removedFields';
import { moveEnvToSecretAction } from './envSecretAction';
import { entryName, objectAtPath } from './referenceAt';

/** The part of a diagnostic a quick fix needs (what the server gets back in `codeAction` requests). */
export interface FixableFinding extends OffsetRange {
  code: string;
  data?: Record<string, unknown>;
}

export interface SpecCodeAction {
  title: string;
  edits?: OffsetEdit[];
  command?: { title: string; command: string; arguments: [CreateSecretArgs] | [MoveEnvToSecretArgs] };
  isPreferred?: boolean;
}

export interface CodeActionInput {
  file: SpecFile;
  uri: string;
  finding: FixableFinding;
  catalog: CatalogIndex;
}

const MAX_KEY_ACTIONS = 20;

export function codeActionsFor(input: CodeActionInput): SpecCodeAction[] {
  const { finding } = input;
  const data = finding.data ?? {};
  switch (finding.code) {
    case 'PS002':
    case 'PS020':
      return [...replaceWithSuggestions(input), createSecret(input)];
    case 'PS040':
      return replaceWithSuggestions(input);
    case 'PS101':
      return data.fix ? replaceRemovedField(input, data.fix as RemovedFieldFix) : replaceWithSuggestions(input);
    case 'PS110':
      return separateDocuments(input);
    case 'PS003':
      return useKey(input);
    case 'PS001':
      return addKey(input, entryAt(input.file, finding.start));
    case 'PS030':
      return completeEgressSecret(input);
    case 'PS012':
      return removeSpelling(input, String(data.field ?? ''));
    case 'PS050':
      return moveEnvToSecretAction(input.uri, finding);
    default:
      return [];
  }
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** The text that replaces the range with `word`, keeping the quotes the range had. */
function requote(file: SpecFile, start: number, end: number, word: string): string {
  const original = file.text.slice(start, end);
  const q = original[0];
  if ((q === '"' || q === "'") && original.length >= 2 && original[original.length - 1] === q) return `${q}${word}${q}`;
  return word;
}

function replaceWithSuggestions({ file, finding }: CodeActionInput): SpecCodeAction[] {
  return strings(finding.data?.suggestions).map((s, i) => ({
    title: `Change to "${s}"`,
    edits: [{ start: finding.start, end: finding.end, newText: requote(file, finding.start, finding.end, s) }],
    isPreferred: i === 0,
  }));
}

function createSecret({ finding, uri, file }: CodeActionInput): SpecCodeAction {
  const name = String(finding.data?.name ?? '');
  const args: CreateSecretArgs = { name, uri };
  // The key the entry asks for, so the new secret satisfies it at once.
  const at = nodeAt(file, finding.start);
  if (at?.spec && at.path.length > 1) {
    const entry = objectAtPath(at.spec, at.path.slice(0, -1));
    const key = entry ? stringValue(entry.properties.find((p) => p.key === 'key')?.value) : undefined;
    if (key) args.key = key;
  }
  const title = `Create secret "${name}"${args.key ? ` with key "${args.key}"` : ''}…`;
  return { title, command: { title, command: ClientCommands.createSecret, arguments: [args] } };
}

function useKey(input: CodeActionInput): SpecCodeAction[] {
  const { file, finding } = input;
  const suggestions = strings(finding.data?.suggestions);
  const keys = strings(finding.data?.keys);
  const ordered = [...suggestions, ...keys.filter((k) => !suggestions.includes(k))].slice(0, MAX_KEY_ACTIONS);
  return ordered.map((k, i) => ({
    title: suggestions.includes(k) ? `Change to "${k}"` : `Use key "${k}"`,
    edits: [{ start: finding.start, end: finding.end, newText: requote(file, finding.start, finding.end, k) }],
    isPreferred: i === 0 && suggestions.includes(k),
  }));
}

/** The entry object a finding's range covers (PS001 reports on the whole entry). */
function entryAt(file: SpecFile, offset: number): ObjectNode | undefined {
  const at = nodeAt(file, offset + 1);
  if (!at) return undefined;
  if (at.node?.type === 'object') return at.node;
  return at.spec ? objectAtPath(at.spec, at.path.slice(0, -1)) : undefined;
}

function addKey({ file, finding, catalog }: CodeActionInput, entry: ObjectNode | undefined): SpecCodeAction[] {
  if (!entry || !entry.properties.length) return [];
  const name = entryName(entry) ?? String(finding.data?.name ?? '');
  const meta = catalog.ready ? catalog.get(name) : undefined;
  const keys = meta ? meta.keys.map((k) => k.name).slice(0, MAX_KEY_ACTIONS) : [];
  if (!keys.length) return [{ title: 'Add "key"', edits: [addProperty(file, entry, 'key', '')] }];
  return keys.map((k, i) => ({
    title: `Add key "${k}"`,
    edits: [addProperty(file, entry, 'key', k)],
    isPreferred: keys.length === 1 && i === 0,
  }));
}

/** PS030 reports on the `secret` key of `egress.sqlDatabase`; its value is the object that lacks a field. */
function completeEgressSecret(input: CodeActionInput): SpecCodeAction[] {
  const missing = strings(input.finding.data?.missing);
  const at = nodeAt(input.file, input.finding.start);
  const secret = at?.onKey && at.property?.value?.type === 'object' ? at.property.value : undefined;
  if (!secret || !secret.properties.length) return [];
  const actions: SpecCodeAction[] = [];
  if (missing.includes('name'))
    actions.push({ title: 'Add "name"', edits: [addProperty(input.file, secret, 'name', '')] });
  if (missing.includes('key') && !missing.includes('name')) actions.push(...addKey(input, secret));
  return actions;
}

/**
 * PS101 on a field older Pachyderm had (core/src/rules/removedFields.ts): its key renamed to what replaced it,
 * unless the object has that already, or the field removed where nothing replaced it.
 */
function replaceRemovedField({ file, finding }: CodeActionInput, fix: RemovedFieldFix): SpecCodeAction[] {
  // Inside the key: at its first character a YAML key is also where the value before it ends.
  const at = nodeAt(file, Math.min(finding.start + 1, finding.end));
  const owner = at?.onKey && at.node?.type === 'object' ? at.node : undefined;
  const property = owner?.properties.find((p) => p.keyStart === finding.start);
  if (!owner || !property) return [];
  if (fix.kind === 'remove') {
    return [{ title: `Remove "${property.key}"`, edits: [removeProperty(file, owner, property)], isPreferred: true }];
  }
  if (owner.properties.some((p) => p.key === fix.to)) return [];
  const { keyStart: start, keyEnd: end } = property;
  const rename = { start, end, newText: requote(file, start, end, fix.to) };
  return [{ title: `Rename "${property.key}" to "${fix.to}"`, edits: [rename], isPreferred: true }];
}

/**
 * PS110 on a JSON document that follows the previous one without a `---` line: the line that pachctl's YAML
 * reader needs between them, on a line of its own.
 */
function separateDocuments({ file, finding }: CodeActionInput): SpecCodeAction[] {
  const lineStart = file.text.lastIndexOf('\n', finding.start - 1) + 1;
  const alone = file.text.slice(lineStart, finding.start).trim() === '';
  const edit = alone
    ? { start: lineStart, end: lineStart, newText: '---\n' }
    : { start: finding.start, end: finding.start, newText: '\n---\n' };
  return [{ title: 'Separate the documents with a "---" line', edits: [edit], isPreferred: true }];
}

/** Inserts `key: value` as the object's last property, in the file's format and the object's indentation. */
export function addProperty(file: SpecFile, obj: ObjectNode, key: string, value: string): OffsetEdit {
  const last = obj.properties[obj.properties.length - 1];
  if (file.format === 'json') {
    return { start: last.end, end: last.end, newText: `, ${JSON.stringify(key)}: ${JSON.stringify(value)}` };
  }
  const lineStart = file.text.lastIndexOf('\n', last.keyStart - 1) + 1;
  const column = last.keyStart - lineStart;
  const flow = file.text[obj.start] === '{';
  if (flow) return { start: last.end, end: last.end, newText: `, ${key}: ${yamlScalar(value)}` };
  return { start: last.end, end: last.end, newText: `\n${' '.repeat(column)}${key}: ${yamlScalar(value)}` };
}

function yamlScalar(value: string): string {
  return /^[A-Za-z_][\w.-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value)
    ? value
    : JSON.stringify(value);
}

function removeSpelling({ file, finding }: CodeActionInput, canonical: string): SpecCodeAction[] {
  const at = nodeAt(file, finding.start);
  if (!at?.onKey || at.node?.type !== 'object' || !at.message) return [];
  const owner = at.node;
  const message = at.message;
  const same = owner.properties.filter((p) => (resolveField(message, p.key)?.json ?? p.key) === canonical);
  if (same.length < 2) return [];
  return same.map((p, i) => ({
    title: `Remove "${p.key}" (keep "${same.find((o) => o !== p)!.key}")`,
    edits: [removeProperty(file, owner, p)],
    isPreferred: i === same.length - 1,
  }));
}

/** Deletes a property with its separator (JSON comma, YAML line), leaving the rest as it was. */
export function removeProperty(file: SpecFile, owner: ObjectNode, p: PropertyNode): OffsetEdit {
  const i = owner.properties.indexOf(p);
  const next = owner.properties[i + 1];
  const prev = owner.properties[i - 1];
  if (file.format === 'json' || file.text[owner.start] === '{') {
    if (next) return { start: p.start, end: next.start, newText: '' };
    if (prev) return { start: prev.end, end: p.end, newText: '' };
    return { start: p.start, end: p.end, newText: '' };
  }
  const lineStart = file.text.lastIndexOf('\n', p.keyStart - 1) + 1;
  const beforeKey = file.text.slice(lineStart, p.keyStart);
  // The first key of a `- ` list item: the next key moves up behind the dash.
  if (/-\s*$/.test(beforeKey) && next) return { start: p.keyStart, end: next.keyStart, newText: '' };
  // A block value's range ends past its last line break: the line to delete ends there, not one line later.
  let end = file.text.indexOf('\n', Math.max(p.keyStart, p.end - 1));
  end = end < 0 ? file.text.length : end + 1;
  return { start: lineStart, end, newText: '' };
}
