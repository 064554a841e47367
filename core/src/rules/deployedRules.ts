/**
 * PS060: a reference in a workspace spec whose pipeline pachd has deployed, and whose workers fail because of the
 * secret it names (and the key, when the failure names one). The deployed pipelines arrive from the client as a
 * value-free summary (core/src/deployed/deployedSummary.ts); without one, or until it is ready, the rule is silent.
 * It runs outside the per-chunk memo, as PS118 does: the deployed pipelines change without the text changing.
 */
import type { SecretReference } from '../analysis/secretReferences';
import { failureText, failuresOfReference, type DeployedIndex } from '../deployed/deployedSummary';
import { deployedLabel } from '../deployed/workerIdentity';
import type { SpecModel } from '../pipelineSpec/specModel';
import { specProjectName } from '../pipelineSpec/specProject';
import { finding, type Finding } from './ruleTable';

/** One finding per reference, naming the first failure it causes. */
export function deployedFailureFindings(
  refs: readonly SecretReference[],
  model: SpecModel,
  deployed: DeployedIndex | undefined,
): Finding[] {
  if (!deployed?.ready) return [];
  const out: Finding[] = [];
  for (const ref of refs) {
    const spec = model.specs[ref.specIndex];
    if (!spec?.pipelineName) continue;
    const p = deployed.pipeline(specProjectName(spec), spec.pipelineName);
    const failure = p && failuresOfReference(p, ref.name, ref.key)[0];
    if (!p || !failure) continue;
    const data = { secret: ref.name, reason: failure.reason, ...(failure.key ? { key: failure.key } : {}) };
    out.push(finding('PS060', ref, { pipeline: deployedLabel(p), failure: failureText(failure) }, data));
  }
  return out;
}
