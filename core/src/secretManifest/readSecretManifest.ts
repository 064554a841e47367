/**
 * The parts of a `v1` `Secret` document the manifest rules read, as nodes of the file's tree
 * (core/src/pipelineSpec/tree.ts). Only the analysis holds these; what outlives it is the value-free
 * `SecretManifestSummary` (./manifestSummary.ts).
 */
import type { ObjectNode, PropertyNode, SpecNode } from '../pipelineSpec/tree';
import { propertyByKey, stringValue } from '../pipelineSpec/tree';

export type ValueField = 'data' | 'stringData';

export interface SecretManifestView {
  root: ObjectNode;
  kindNode: SpecNode;
  metadata?: ObjectNode;
  nameProperty?: PropertyNode;
  /** `Opaque` when the document has no `type`, as the API server defaults it. */
  type: string;
  typeNode?: SpecNode;
  /** The `data` and `stringData` properties as written, and their entries (empty when not an object). */
  fields: Partial<Record<ValueField, PropertyNode>>;
  entries: Record<ValueField, PropertyNode[]>;
}

/** A document the API server reads as a core Secret: `apiVersion: v1` and `kind: Secret`. */
export function isSecretManifest(root: ObjectNode): boolean {
  return stringValue(propertyByKey(root, 'apiVersion')?.value) === 'v1' && isSecretKind(root);
}

function isSecretKind(root: ObjectNode): boolean {
  return stringValue(propertyByKey(root, 'kind')?.value) === 'Secret';
}

const objectOf = (n: SpecNode | undefined): ObjectNode | undefined => (n?.type === 'object' ? n : undefined);

/**
 * The Secret documents a root holds: itself, or the Secret items of a `v1` `List` (what `kubectl get secrets -o
 * yaml|json` prints, and what `kubectl apply -f` takes item by item).
 */
export function secretManifestsIn(root: ObjectNode): ObjectNode[] {
  if (isSecretManifest(root)) return [root];
  const list =
    stringValue(propertyByKey(root, 'apiVersion')?.value) === 'v1' &&
    stringValue(propertyByKey(root, 'kind')?.value) === 'List';
  const items = list ? propertyByKey(root, 'items')?.value : undefined;
  if (items?.type !== 'array') return [];
  return items.items.flatMap((i) => (i.type === 'object' && isSecretManifest(i) ? [i] : []));
}

/** The view of a Secret document, or undefined when `root` is not one. */
export function readSecretManifest(root: ObjectNode): SecretManifestView | undefined {
  if (!isSecretManifest(root)) return undefined;
  const metadata = objectOf(propertyByKey(root, 'metadata')?.value);
  const typeNode = propertyByKey(root, 'type')?.value;
  const fields: SecretManifestView['fields'] = {};
  const entries: SecretManifestView['entries'] = { data: [], stringData: [] };
  for (const field of ['data', 'stringData'] as const) {
    const p = propertyByKey(root, field);
    if (!p) continue;
    fields[field] = p;
    entries[field] = objectOf(p.value)?.properties ?? [];
  }
  return {
    root,
    kindNode: propertyByKey(root, 'kind')!.value!,
    metadata,
    nameProperty: metadata && propertyByKey(metadata, 'name'),
    type: stringValue(typeNode) || 'Opaque',
    typeNode,
    fields,
    entries,
  };
}

/** `metadata.annotations[name]` when it is a string. */
export function annotation(view: SecretManifestView, name: string): string | undefined {
  const annotations = objectOf(view.metadata && propertyByKey(view.metadata, 'annotations')?.value);
  return annotations && stringValue(propertyByKey(annotations, name)?.value);
}
