/**
 * Registers the platform-secrets area: the "platform" mark on the Secrets tree. It builds on the cluster area
 * (its catalog, API and tree). Its commands (New Platform Secret and the client side of the Helm values quick
 * fixes, in platformCommands.ts) are in the command table (client/src/commands/commandTable.ts).
 */
import type { ClusterArea } from '../cluster/clusterArea';
import { platformDecoration } from './platformDecoration';

export function registerPlatform(cluster: ClusterArea): void {
  cluster.host.context.subscriptions.push(cluster.tree.addDecorator(platformDecoration));
}
