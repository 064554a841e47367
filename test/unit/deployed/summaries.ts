/** Deployed pipelines' summaries written for a test: the pipelines a spec may match, failing or not. */
import {
  DeployedIndex,
  type DeployedFailureSummary,
  type DeployedPipelineSummary,
} from '../../../core/src/deployed/deployedSummary';
import type { WorkerSecretUse } from '../../../core/src/deployed/podSecretUses';

export const missingKey = (secret: string, key: string): DeployedFailureSummary => ({
  reason: 'CreateContainerConfigError',
  secret,
  key,
  cause: 'missing-key',
});

export function deployed(
  name: string,
  version: number,
  uses: WorkerSecretUse[],
  failures: DeployedFailureSummary[] = [],
  project = 'default',
): DeployedPipelineSummary {
  return { project, name, version, uses, failures };
}

export function readyDeployed(...pipelines: DeployedPipelineSummary[]): DeployedIndex {
  return new DeployedIndex({ context: 'c', namespace: 'pachyderm', state: 'ready', pipelines });
}

export const envUse = (secret: string, key: string, envVar: string): WorkerSecretUse => ({
  how: 'env',
  secret,
  key,
  envVar,
  container: 'user',
});
