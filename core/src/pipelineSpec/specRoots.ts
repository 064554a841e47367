import type { ObjectNode, SpecDocument, SpecFile } from './tree';

/** One pipeline spec in a file: a document's root mapping, or one mapping of a top-level sequence. */
export interface SpecRoot {
  document: SpecDocument;
  root: ObjectNode;
  /** Position in the document's top-level array, when the document is one. */
  arrayIndex?: number;
}

/** Every spec object in the file, in text order (pachctl's SpecReader order). */
export function specRoots(file: SpecFile): SpecRoot[] {
  return specRootsOf(file.documents);
}

/** The spec objects of some documents (a chunk's), in text order. */
export function specRootsOf(documents: readonly SpecDocument[]): SpecRoot[] {
  const out: SpecRoot[] = [];
  for (const document of documents) {
    const r = document.root;
    if (!r) continue;
    if (r.type === 'object') out.push({ document, root: r });
    else if (r.type === 'array') {
      r.items.forEach((item, arrayIndex) => {
        if (item.type === 'object') out.push({ document, root: item, arrayIndex });
      });
    }
  }
  return out;
}
