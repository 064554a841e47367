/**
 * The format-independent tree of a spec file: what the rules, completion and hover walk, whether the text
 * was JSON or YAML. Every node carries its offset range in the file text (`end` exclusive).
 *
 * Nodes are plain data (no parent links, no parser objects) so a tree can be kept per open document
 * cheaply; `nodeAt` (./nodeAt.ts) recovers the path from the root when a caller needs it.
 */
import type { OffsetRange } from '../text';
import type { LineIndex } from './lineIndex';

export type ScalarKind = 'string' | 'number' | 'boolean' | 'null';

/** What pachctl's YAML→JSON step looks at and JSON has no notion of. Absent on JSON nodes. */
export interface YamlNodeInfo {
  /** `&name` written on this node. */
  anchor?: string;
  /** An explicit tag as written (`!!str`, `!foo`). */
  tag?: string;
  /** True for an unquoted, single-line (plain) scalar: yaml.v3 resolves these to ints, timestamps, …. */
  plain?: boolean;
}

interface NodeBase extends OffsetRange {
  yaml?: YamlNodeInfo;
}

export interface ObjectNode extends NodeBase {
  type: 'object';
  properties: PropertyNode[];
}

export interface PropertyNode extends OffsetRange {
  /** The key as text (a YAML `1:` key becomes `'1'`, see `keyKind`). */
  key: string;
  keyKind: ScalarKind;
  keyStart: number;
  keyEnd: number;
  /** Missing when the text has a key and no value yet (`"name":` while typing). */
  value: SpecNode | undefined;
}

export interface ArrayNode extends NodeBase {
  type: 'array';
  items: SpecNode[];
}

export interface ScalarNode extends NodeBase {
  type: 'scalar';
  kind: ScalarKind;
  value: string | number | boolean | null;
}

/** A YAML alias (`*name`); pachctl rejects these, so the tree does not resolve them. */
export interface AliasNode extends NodeBase {
  type: 'alias';
  name: string;
}

export type SpecNode = ObjectNode | ArrayNode | ScalarNode | AliasNode;

export interface SpecDocument extends OffsetRange {
  /** 0-based position among the file's documents. */
  index: number;
  /** Undefined for an empty document (only comments, or nothing between two `---`). */
  root: SpecNode | undefined;
  /** A JSON document that followed the previous one without a `---` line (`{…}{…}`), which pachctl rejects. */
  runTogether?: boolean;
}

export interface SyntaxProblem extends OffsetRange {
  message: string;
}

export type SpecFormat = 'json' | 'yaml';

/** What a parser gives back for a text or a part of one. */
export interface ParsedDocuments {
  documents: SpecDocument[];
  syntaxErrors: SyntaxProblem[];
}

export interface SpecFile {
  uri: string;
  text: string;
  format: SpecFormat;
  documents: SpecDocument[];
  /** Parse errors; the tree holds what the parser recovered around them. */
  syntaxErrors: SyntaxProblem[];
  lines: LineIndex;
}

/** The property of `obj` written exactly as `key` (first one if repeated). */
export function propertyByKey(obj: ObjectNode, key: string): PropertyNode | undefined {
  for (const p of obj.properties) if (p.key === key) return p;
  return undefined;
}

/** The scalar string held by `node`, or undefined when it is anything else. */
export function stringValue(node: SpecNode | undefined): string | undefined {
  return node && node.type === 'scalar' && node.kind === 'string' ? (node.value as string) : undefined;
}
