/**
 * Everything reported on a values file: YAML syntax errors (Helm refuses the file; PS100 as for specs) and the
 * PH rules on what parsed.
 */
import type { CatalogIndex } from '../catalog/snapshot';
import { finding, type Finding } from '../rules/ruleTable';
import type { SpecFile } from '../spec/tree';
import { checkHelmValues } from './helmRules';
import { parseHelmValues } from './parseHelmValues';

export function analyzeHelmValues(text: string, file: SpecFile, catalog: CatalogIndex): Finding[] {
  const syntax = file.syntaxErrors.map((e) => finding('PS100', e, { message: e.message }));
  return [...syntax, ...checkHelmValues(parseHelmValues(text), catalog)].sort((a, b) => a.start - b.start || a.end - b.end);
}
