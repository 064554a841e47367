/**
 * Entry points for the faces: is this a Pachyderm values file, and what is wrong with it. The server, the
 * CLI's `check` and the extension all go through here, so they report the same findings.
 */
import { parseDocument, type Document } from 'yaml';
import type { CatalogIndex } from '../catalog/snapshot';
import { checkHelmValues, type HelmFinding } from './helmRules';
import { hasPachdMapping, hasValuesFileName } from './valuesFileMatch';

export function parseHelmValues(text: string): Document {
  // Keep going past errors: a half-typed file still gets its other values checked.
  return parseDocument(text, { keepSourceTokens: false, prettyErrors: false, uniqueKeys: false });
}

/** The parsed values document when `uri` is a Pachyderm Helm values file, else undefined. */
export function helmValuesDocument(uri: string, text: string, globs: readonly string[] = []): Document | undefined {
  if (!hasValuesFileName(uri, globs)) return undefined;
  // Cheap text test first: most YAML files the name test lets through are other charts' values.
  if (!/^pachd\s*:/m.test(text)) return undefined;
  const doc = parseHelmValues(text);
  return hasPachdMapping(doc) ? doc : undefined;
}

/**
 * Findings for a values file, or undefined when it is not one. YAML syntax errors are left to the YAML tooling
 * the user has; the rules run on what parsed.
 */
export function checkHelmValuesFile(uri: string, text: string, catalog: CatalogIndex, globs: readonly string[] = []): HelmFinding[] | undefined {
  const doc = helmValuesDocument(uri, text, globs);
  return doc ? checkHelmValues(doc, catalog) : undefined;
}
