/**
 * What is at an offset: the innermost node, its path from the spec root in canonical (JSON) field names,
 * e.g. `['transform', 'secrets', 0, 'name']`, and whether the offset is on a key. Completion and hover
 * start here.
 */
import { resolveField, ROOT_MESSAGE, type FieldDef, type MessageName } from './fields';
import type { ObjectNode, PropertyNode, SpecDocument, SpecFile, SpecNode } from './tree';

export interface NodeAt {
  document: SpecDocument;
  /** The spec object holding the offset (a document root, or an item of a top-level array). */
  spec?: ObjectNode;
  /**
   * On a key: the object that owns the key. On a value: the innermost value node. Between properties or
   * items: the enclosing object or array. Undefined in an empty document.
   */
  node: SpecNode | undefined;
  /** The innermost property whose key or value holds the offset. */
  property?: PropertyNode;
  /** From the spec root. Array indexes are numbers; keys of known fields are canonical, other keys as written. */
  path: Array<string | number>;
  onKey: boolean;
  /** Message type of the object that owns the last key of `path` (or of `node` when it is an object). */
  message?: MessageName;
  /** The field named by the last key of `path`, when the field table knows it. */
  field?: FieldDef;
}

const within = (off: number, start: number, end: number) => start <= off && off <= end;

export function nodeAt(file: SpecFile, offset: number): NodeAt | undefined {
  const document =
    file.documents.find((d) => within(offset, d.start, d.end)) ?? file.documents[file.documents.length - 1];
  if (!document) return undefined;
  let node = document.root;
  if (!node) return { document, node: undefined, path: [], onKey: false };
  let spec: ObjectNode | undefined;
  if (node.type === 'array') {
    const item = node.items.find((i) => within(offset, i.start, i.end));
    if (!item) return { document, node, path: [], onKey: false };
    node = item;
  }
  if (node.type === 'object') spec = node;
  const path: Array<string | number> = [];
  // The message the current object (or, for an array, its items) belongs to; undefined inside maps and JSON strings.
  let message: MessageName | undefined = spec ? ROOT_MESSAGE : undefined;
  let ownerMessage: MessageName | undefined = message;
  let field: FieldDef | undefined;
  let property: PropertyNode | undefined;
  for (;;) {
    if (node.type === 'object') {
      let next: SpecNode | undefined;
      for (const p of node.properties) {
        const fd = message ? resolveField(message, p.key) : undefined;
        if (within(offset, p.keyStart, p.keyEnd)) {
          path.push(fd ? fd.json : p.key);
          return { document, spec, node, property: p, path, onKey: true, message, field: fd };
        }
        if (p.value && within(offset, p.value.start, p.value.end)) {
          path.push(fd ? fd.json : p.key);
          ownerMessage = message;
          field = fd;
          property = p;
          message = fd && fd.value.kind === 'message' ? fd.value.type : undefined;
          next = p.value;
          break;
        }
      }
      if (!next) return { document, spec, node, property, path, onKey: false, message, field };
      node = next;
      continue;
    }
    if (node.type === 'array') {
      const i = node.items.findIndex((it) => within(offset, it.start, it.end));
      if (i < 0) return { document, spec, node, property, path, onKey: false, message, field };
      path.push(i);
      node = node.items[i];
      continue;
    }
    return { document, spec, node, property, path, onKey: false, message: ownerMessage, field };
  }
}
