/**
 * The cluster area's state shared by its commands: the live catalog (it re-resolves the target at every refresh),
 * the tree, and a log that only ever receives names, counts and reasons.
 */
import * as vscode from 'vscode';
import { kubeconfigPaths, resolveTarget, type TargetSettings } from '../../../core/src/kubeconfig';
import { LiveCatalog } from '../../../core/src/catalog';
import { DeployedWatcher } from '../../../core/src/deployed';
import type { SecretsApi } from '../../../core/src/catalog';
import { failed, type Outcome, succeeded } from '../../../core/src/outcome';
import type { ExtensionHost } from '../host';
import { readTargetSettings, requestTimeoutMs } from './clusterSettings';
import { ClipboardClearer } from './clipboardClear';
import { KubeconfigWatcher } from './kubeconfigWatcher';
import { KubernetesToolsFollower } from './kubernetesTools';
import type { SecretsTreeProvider } from './secretsTree';

export class ClusterArea {
  readonly catalog: LiveCatalog;
  /** The deployed pipelines of the same context and namespace, restarted with the catalog. */
  readonly deployed: DeployedWatcher;
  tree!: SecretsTreeProvider;
  view!: vscode.TreeView<import('./treeModel').TreeRow>;
  status!: import('./statusBar').CatalogStatusBar;
  inspectDocs!: import('./inspectDocuments').InspectDocuments;
  ignoredSettings: readonly string[] = [];
  /** `pachyderm.extraTargets`' catalogs, for PS070 (./extraTargets.ts); refreshed with the main target. */
  extraTargets?: import('./extraTargets').ExtraTargets;
  /** Refreshes the catalog when a kubeconfig file it read (or looked for) changes. */
  readonly kubeconfigWatcher = new KubeconfigWatcher(() => void this.refresh());
  /** Copies values and clears them from the clipboard later (`pachyderm.clipboardClearSeconds`). */
  readonly clipboard = new ClipboardClearer();
  /** vscode-kubernetes-tools' kubeconfig and context, used when none of ours is set (./kubernetesTools.ts). */
  readonly kubernetesTools = new KubernetesToolsFollower(
    () => void this.refresh(),
    (line) => this.host.output.info(`[cluster] ${line}`),
  );

  constructor(readonly host: ExtensionHost) {
    this.catalog = new LiveCatalog({
      resolve: async () => {
        const settings = await this.targetSettings();
        this.ignoredSettings = settings.ignoredSettings ?? [];
        this.kubeconfigWatcher.watch(kubeconfigPaths(settings.kubeconfig));
        return resolveTarget(settings);
      },
      timeoutMs: requestTimeoutMs,
      log: (line) => this.host.output.info(`[cluster] ${line}`),
    });
    this.deployed = new DeployedWatcher({
      resolve: async () => resolveTarget(await this.targetSettings()),
      timeoutMs: requestTimeoutMs,
      log: (line) => this.host.output.info(`[cluster] ${line}`),
    });
  }

  /**
   * Our settings; when they name neither a kubeconfig nor a context, those vscode-kubernetes-tools uses, if it is
   * installed. Not in an untrusted workspace: that extension's path may come from the workspace's own settings,
   * and a kubeconfig can run programs (exec plugins), which is why ours are filtered there too.
   */
  async targetSettings(): Promise<TargetSettings> {
    const settings = readTargetSettings();
    if (settings.kubeconfig !== undefined || settings.context !== undefined || !vscode.workspace.isTrusted)
      return settings;
    const followed = await this.kubernetesTools.target();
    return followed ? { ...settings, ...followed } : settings;
  }

  /** Starts the catalog and the deployed pipelines over (a new target, settings, an explicit refresh). */
  async refresh(): Promise<void> {
    await Promise.all([this.catalog.refresh(), this.deployed.refresh(), this.extraTargets?.refresh()]);
  }

  /** The API of the connected target, or a clear message for the user. */
  api(): Outcome<SecretsApi> {
    const api = this.catalog.currentApi();
    if (api) return succeeded(api);
    const state = this.catalog.snapshot().state;
    return failed(
      state.kind === 'error' ? `Not connected to a cluster: ${state.reason}` : 'Not connected to a cluster yet.',
    );
  }
}
