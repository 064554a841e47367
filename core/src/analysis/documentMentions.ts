/**
 * The secrets an analysed document names, whatever its kind: a pipeline spec's references or a Helm values
 * file's secret names, each with its ranges (./secretMentions.ts). What Go to Definition and Find All
 * References read, and the workspace index's list of the files naming a secret.
 */
import { helmSecretMentions } from '../helm/helmSecretMentions';
import type { AnalysisResult } from './analysisResult';
import { secretMentions, type SecretMention } from './secretMentions';

export function documentSecretMentions(analysis: AnalysisResult): SecretMention[] {
  if (analysis.kind === 'pipeline' && analysis.file) return secretMentions(analysis.file, analysis.model);
  if (analysis.kind === 'helm-values' && analysis.helmValues) return helmSecretMentions(analysis.helmValues);
  return [];
}
