/**
 * The repository's rule settings file, `.pachyderm-secrets.json`: `{ "rules": { "PS040": "off" } }`. `check`
 * and the editor both read the nearest one above a checked file (`findRuleSettingsFile`), so a repository, or
 * a folder in it, carries its choices to every developer and to CI. Problems carry the range they concern, so
 * the editor underlines them in the file and the CLI names the line.
 */
import * as path from 'node:path';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { RuleCode } from '../rules/ruleTable';
import { parseRuleEntries, quoted, type RuleLevel, type RuleSettingsProblem } from './ruleLevels';

export const RULE_SETTINGS_FILE = '.pachyderm-secrets.json';

/** Fields the file may hold: `rules`, and `$schema` (which editors add). */
const FIELDS = new Set(['rules', '$schema']);

export interface RuleSettingsFile {
  overrides: ReadonlyMap<RuleCode, RuleLevel>;
  problems: RuleSettingsProblem[];
}

const range = (node: Node | undefined) => node && { start: node.offset, end: node.offset + node.length };

/** The file's text read as rule settings. A file that is not JSON, or not an object, sets nothing. */
export function parseRuleSettingsFile(text: string): RuleSettingsFile {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length || !root) {
    const e = errors[0];
    const what = e ? printParseErrorCode(e.error) : 'EmptyFile';
    const where = e ? { start: e.offset, end: e.offset + e.length } : { start: 0, end: 0 };
    return { overrides: new Map(), problems: [{ message: `not valid JSON (${what})`, range: where }] };
  }
  if (root.type !== 'object') {
    const message = 'expected an object such as { "rules": { "PS040": "off" } }';
    return { overrides: new Map(), problems: [{ message, range: range(root) }] };
  }
  const problems: RuleSettingsProblem[] = [];
  for (const property of root.children ?? []) {
    const key = property.children?.[0];
    const name = typeof key?.value === 'string' ? key.value : '';
    if (!FIELDS.has(name))
      problems.push({ message: `unknown field ${quoted(name)}: the file holds "rules"`, range: range(key) });
  }
  const rulesNode = findNodeAtLocation(root, ['rules']);
  const rules = rulesNode ? nodeValue(rulesNode) : undefined;
  const entry = (code: string) => rulesNode && findNodeAtLocation(rulesNode, [code])?.parent;
  const located = parseRuleEntries(rules, {
    key: (code) => range(entry(code)?.children?.[0]),
    value: (code) => range(entry(code)?.children?.[1]),
  });
  // A "rules" that is not an object is underlined where it is.
  for (const p of located.problems) problems.push(p.range || !rulesNode ? p : { ...p, range: range(rulesNode) });
  return { overrides: located.overrides, problems };
}

/** A parsed node as a plain value (objects and arrays included), as JSON.parse would give it. */
function nodeValue(node: Node): unknown {
  if (node.type === 'object') {
    const out: Record<string, unknown> = {};
    for (const p of node.children ?? []) {
      const [k, v] = p.children ?? [];
      if (k && v) out[String(k.value)] = nodeValue(v);
    }
    return out;
  }
  if (node.type === 'array') return (node.children ?? []).map(nodeValue);
  return node.value;
}

/**
 * The nearest rule settings file for a file in `dir`: `dir`'s own, else its parent's, up to `stop` (a workspace
 * folder) or the file system's root. `exists` is the caller's, so this module reads nothing itself.
 */
export function findRuleSettingsFile(
  dir: string,
  exists: (file: string) => boolean,
  stop?: string,
): string | undefined {
  let current = path.resolve(dir);
  const last = stop === undefined ? undefined : path.resolve(stop);
  for (;;) {
    const candidate = path.join(current, RULE_SETTINGS_FILE);
    if (exists(candidate)) return candidate;
    const parent = path.dirname(current);
    if (parent === current || current === last) return undefined;
    current = parent;
  }
}
