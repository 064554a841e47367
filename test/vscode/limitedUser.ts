/**
 * Runs part of an extension-host test as a user RBAC limits: a user made on the local cluster with `rules`, a
 * kubeconfig naming it (context `local-<name>`) set as `pachyderm.kubeconfig`, and the admin context back
 * afterwards. The catalog is waited for in both directions, so the body meets the limited user's secrets.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { LiveCatalog } from '../../core/src/catalog';
import { withTokenUser } from '../../tools/local-cluster/kubeconfig';
import { cluster, restoreSettings, setSetting, testEnv, waitFor } from './harness';

export interface RbacRule {
  verbs: string[];
  resources: string[];
  namespaces: string[];
}

export async function asLimitedUser(
  catalog: LiveCatalog,
  user: { name: string; rules: RbacRule[]; secret: string },
  body: () => Promise<void>,
): Promise<void> {
  const made = (await cluster.admin('PUT', '/__local/users', { name: user.name, rules: user.rules })) as {
    name: string;
    token: string;
  };
  const kubeconfig = path.join(os.tmpdir(), `pachyderm-${user.name}-${process.pid}`);
  fs.writeFileSync(kubeconfig, withTokenUser(fs.readFileSync(testEnv().kubeconfig, 'utf8'), made));
  try {
    await setSetting('pachyderm.kubeconfig', kubeconfig);
    await waitFor(() => catalog.snapshot().context === `local-${user.name}` && catalog.get(user.secret), {
      what: `the ${user.name} context with secret ${user.secret}`,
    });
    await body();
  } finally {
    await restoreSettings();
    fs.rmSync(kubeconfig, { force: true });
    await waitFor(() => catalog.snapshot().context === 'local' && catalog.snapshot().state.kind === 'ready', {
      what: 'the admin context again',
    });
  }
}
