import type { CatalogIndex } from '../catalog/snapshot';
import type { SpecModel } from '../pipelineSpec/specModel';
import type { SpecFile } from '../pipelineSpec/tree';
import { checkDocuments, checkRequired, withoutTabAftermath } from './documentRules';
import { checkEnvCredentials } from './envCredentialRules';
import { checkEgressSecret, checkImagePullSecrets, checkPodStrings } from './referenceRules';
import { RuleContext } from './ruleContext';
import type { Finding } from './ruleTable';
import { checkSecretMounts } from './secretMountRules';
import { checkStructure } from './structureRules';
import { checkYaml } from './yamlRules';

/** Every rule over a file already classified as pipeline specs; findings in text order. */
export function runPipelineRules(file: SpecFile, model: SpecModel, catalog: CatalogIndex): Finding[] {
  const ctx = new RuleContext(file, model, catalog);
  checkDocuments(ctx);
  if (file.format === 'yaml') for (const d of file.documents) checkYaml(ctx, d.root);
  for (const spec of model.specs) {
    checkRequired(ctx, spec);
    checkStructure(ctx, spec.root);
    checkSecretMounts(ctx, spec);
    checkImagePullSecrets(ctx, spec);
    checkEgressSecret(ctx, spec);
    checkPodStrings(ctx, spec);
    checkEnvCredentials(ctx, spec);
  }
  return withoutTabAftermath(file, ctx.findings).sort((a, b) => a.start - b.start || a.end - b.end);
}
