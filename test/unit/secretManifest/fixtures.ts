/** Helpers of the Secret manifest tests: analyse a manifest text and read back codes and underlined text. */
import { analyzeDocument } from '../../../core/src/analysis/analyzeDocument';
import type { AnalysisResult } from '../../../core/src/analysis/analysisResult';
import { CatalogIndex, emptySnapshot } from '../../../core/src/catalog/snapshot';

export const JSON_URI = 'file:///w/secret.json';
export const YAML_URI = 'file:///w/secret.yaml';

export function analyseManifest(text: string, uri = text.trimStart().startsWith('{') ? JSON_URI : YAML_URI) {
  const result: AnalysisResult = analyzeDocument({ uri, text }, new CatalogIndex(emptySnapshot()));
  const codes = result.findings.map((f) => f.code);
  const at = (code: string) => result.findings.filter((f) => f.code === code).map((f) => text.slice(f.start, f.end));
  const message = (code: string) => result.findings.find((f) => f.code === code)?.message ?? '';
  return { result, codes, at, message };
}

/** A JSON Secret manifest with these fields over a minimal valid one. */
export function jsonSecret(fields: Record<string, unknown>): string {
  return JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, ...fields }, null, 2);
}
