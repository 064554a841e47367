/**
 * Hover's deployed part: what the deployed version of the hovered spec's pipeline (same project and name) does
 * with the secret, and whether its workers fail because of it. Names, keys, paths and pachd's reasons only: the
 * summary it reads holds nothing else (core/src/deployed/deployedSummary.ts).
 */
import { failureText, failuresBlaming, type DeployedIndex } from '../deployed/deployedSummary';
import { secretUseText } from '../deployed/podSecretUses';
import { deployedLabel } from '../deployed/workerIdentity';
import type { SpecView } from '../pipelineSpec/specModel';
import { specProjectName } from '../pipelineSpec/specProject';

const code = (s: string) => `\`${s}\``;

/** Nothing when no deployed pipeline matches the spec, or the deployed pipelines are not known (yet). */
export function deployedHover(
  deployed: DeployedIndex | undefined,
  spec: SpecView | undefined,
  secret: string,
): string | undefined {
  if (!deployed || !spec?.pipelineName) return undefined;
  const p = deployed.pipeline(specProjectName(spec), spec.pipelineName);
  if (!p) return undefined;
  const label = `Deployed pipeline ${code(deployedLabel(p))}`;
  const uses = p.uses.filter((u) => u.secret === secret).map(secretUseText);
  const lines = [uses.length ? `${label} uses it: ${uses.join('; ')}.` : `${label} does not use it.`];
  const failures = failuresBlaming(p, secret);
  if (failures.length) {
    lines.push(`⚠ Its workers fail because of it: ${failures.map((f) => failureText(f, code)).join('; ')}.`);
  }
  return lines.join('\n\n');
}
