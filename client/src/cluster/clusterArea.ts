/**
 * The cluster area's state shared by its commands: the live catalog (replaced when the target settings change),
 * the tree, and a log that only ever receives names, counts and reasons.
 */
import * as vscode from 'vscode';
import { resolveTarget } from '../../../core/src/cluster/clusterTarget';
import { LiveCatalog } from '../../../core/src/cluster/liveCatalog';
import type { SecretsApi } from '../../../core/src/cluster/secretsApi';
import type { ExtensionHost } from '../host';
import { readTargetSettings, requestTimeoutMs } from './clusterSettings';
import type { SecretsTreeProvider } from './secretsTree';

export class ClusterArea {
  catalog: LiveCatalog;
  tree!: SecretsTreeProvider;
  view!: vscode.TreeView<import('./treeModel').TreeRow>;
  status!: import('./statusBar').CatalogStatusBar;
  ignoredSettings: readonly string[] = [];

  constructor(readonly host: ExtensionHost) {
    this.catalog = this.newCatalog();
  }

  newCatalog(): LiveCatalog {
    return new LiveCatalog({
      resolve: async () => {
        const settings = readTargetSettings();
        this.ignoredSettings = settings.ignoredSettings ?? [];
        return resolveTarget(settings);
      },
      timeoutMs: requestTimeoutMs,
      log: (line) => this.host.output.info(`[cluster] ${line}`),
    });
  }

  /** The API of the connected target, or a clear error for the user. */
  api(): SecretsApi {
    const api = this.catalog.currentApi();
    const state = this.catalog.snapshot().state;
    if (!api) {
      throw new Error(state.kind === 'error' ? `Not connected to a cluster: ${state.reason}` : 'Not connected to a cluster yet.');
    }
    return api;
  }
}
