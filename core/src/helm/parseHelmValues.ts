/**
 * The `yaml` Document of a values file, with source ranges: what the helm rules, completion, hover and fix
 * edits read. Which files are values files is `classifyDocument`'s call.
 */
import { parseDocument, type Document } from 'yaml';

export function parseHelmValues(text: string): Document {
  // Keep going past errors and duplicate keys: a half-typed file still gets its other values checked.
  return parseDocument(text, { prettyErrors: false, uniqueKeys: false });
}
