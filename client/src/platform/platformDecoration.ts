/**
 * The Secrets tree's "platform" mark: secrets the Pachyderm Helm chart creates or reads under fixed names,
 * with their role. No `vscode` import, so the rows are tested in node.
 */
import type { SecretMeta } from '../../../core/src/catalog';
import { platformSecret } from '../../../core/src/helm';
import type { SecretDecoration } from '../cluster/treeModel';

export const PLATFORM_MARK = 'platform';

export function platformDecoration(secret: Pick<SecretMeta, 'name'>): SecretDecoration | undefined {
  const fact = platformSecret(secret.name);
  if (!fact) return undefined;
  return {
    marks: [`${PLATFORM_MARK}: ${fact.role}`],
    tooltip: [
      `Platform secret of the Pachyderm Helm chart: ${fact.role}.` +
        (fact.keys.length ? ` The chart reads ${fact.keys.join(', ')}.` : ''),
      'Deleting or changing it can stop pachd from starting.',
    ],
  };
}
