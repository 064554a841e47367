/**
 * Registers the platform-secrets area: the "platform" mark on the Secrets tree, New Platform Secret, and the
 * client side of the Helm values quick fixes. It builds on the cluster area (its catalog, API and tree).
 */
import type { ClusterArea } from '../cluster/clusterArea';
import { registerPlatformCommands } from './platformCommands';
import { platformDecoration } from './platformDecoration';

export function registerPlatform(cluster: ClusterArea): void {
  cluster.host.context.subscriptions.push(cluster.tree.addDecorator(platformDecoration));
  registerPlatformCommands(cluster);
}
