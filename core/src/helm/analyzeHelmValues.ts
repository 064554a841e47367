/**
 * Everything reported on a values file: YAML syntax errors (Helm refuses the file; PS100 as for specs) and the
 * PH rules on what parsed. Two kinds of file are left alone with one PH008 note instead: a file written for
 * another chart than the one the rules model (core/src/helm/chartRecognition.ts), and a Go template that is not
 * YAML until a tool renders it. A Go template that is YAML as written is checked except where an action is.
 */
import type { CatalogIndex } from '../catalog/snapshot';
import type { CertificateExpiryPolicy } from '../certificates/validity';
import { goTemplateActions, templateBreaksSyntax, touchesAction } from '../analysis/goTemplates';
import { finding, type Finding } from '../rules/ruleTable';
import type { SpecFile } from '../pipelineSpec/tree';
import { MODELLED_CHART } from './chartFacts';
import { recogniseChart } from './chartRecognition';
import { checkHelmValues } from './helmRules';
import { parseHelmValues } from './parseHelmValues';
import { entryAt } from './valuesTree';

/** `doc`: the text's values Document when the caller has parsed it already (the analysis keeps it). */
export function analyzeHelmValues(
  text: string,
  file: SpecFile,
  catalog: CatalogIndex,
  doc = parseHelmValues(text),
  certificates?: CertificateExpiryPolicy,
): Finding[] {
  const actions = goTemplateActions(text);
  if (templateBreaksSyntax(text, actions, file.syntaxErrors)) {
    const message =
      'This values file holds Go template actions (`{{ … }}`), which a tool such as helmfile renders before Helm ' +
      'reads the file; as written it is not YAML, so it is left alone. Check the rendered values instead.';
    return [finding('PH008', actions[0], { message })];
  }
  const syntax = file.syntaxErrors.map((e) => finding('PS100', e, { message: e.message }));
  const verdict = recogniseChart(doc);
  let findings: Finding[];
  if (verdict.chart.modelled) {
    findings = [...syntax, ...checkHelmValues(doc, catalog, certificates)];
  } else {
    const first = verdict.evidence.length ? entryAt(doc, verdict.evidence[0])?.keyRange : undefined;
    const message =
      `Recognised as a values file of ${verdict.chart.title} (${verdict.chart.source}); the Helm secret rules model ` +
      `${MODELLED_CHART.title} and leave this file alone.`;
    findings = [...syntax, finding('PH008', first ?? { start: 0, end: 0 }, { message })];
  }
  // Text an action will replace is not what Helm reads: findings there would judge the template, not the values.
  if (actions.length) findings = findings.filter((f) => !touchesAction(f, actions));
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}
