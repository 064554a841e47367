/**
 * Registers the cluster area: the live catalog, the Secrets tree, the status bar item, the forwarding of
 * snapshots to the language server, and the Inspect documents. Its commands are in the command table
 * (client/src/commands/commandTable.ts).
 */
import * as vscode from 'vscode';
import type { ExtensionHost } from '../host';
import { EXTRA_TARGETS_SETTING } from '../../../core/src/kubeconfig';
import { CatalogForwarder, DeployedForwarder } from './snapshotsToServer';
import { ExtraTargets } from './extraTargets';
import { CERTIFICATE_WARNING_SETTING, certificateWarningDays } from './certificateSetting';
import { ClusterArea } from './clusterArea';
import { CLUSTER_SETTING_KEYS } from './clusterSettings';
import { SECRETS_VIEW } from './commandIds';
import { INSPECT_SCHEME, InspectDocuments } from './inspectDocuments';
import { followInspectDocuments } from './inspectReveal';
import { SecretsTreeProvider } from './secretsTree';
import { CatalogStatusBar } from './statusBar';

export function registerCluster(host: ExtensionHost): ClusterArea {
  const area = new ClusterArea(host);
  const subs = host.context.subscriptions;
  const status = (area.status = new CatalogStatusBar());
  const forwarder = new CatalogForwarder(host);
  const deployedForwarder = new DeployedForwarder(host);
  area.tree = new SecretsTreeProvider(area.catalog);
  area.view = vscode.window.createTreeView(SECRETS_VIEW, { treeDataProvider: area.tree, showCollapseAll: true });
  area.extraTargets = new ExtraTargets(host, area);
  subs.push(status, forwarder, deployedForwarder, area.tree, area.view, area.extraTargets);
  area.tree.setVisible(area.view.visible);
  area.tree.setCertificateWarningDays(certificateWarningDays());
  subs.push(area.view.onDidChangeVisibility((e) => area.tree.setVisible(e.visible)));

  // The catalog re-resolves the target at every refresh: same target, rows stay; another one, it starts over.
  const refresh = () => void area.refresh();
  subs.push(area.kubeconfigWatcher, area.clipboard, area.kubernetesTools);
  area.catalog.on('change', () => {
    const snapshot = area.catalog.snapshot();
    status.update(snapshot);
    forwarder.push(snapshot);
    area.tree.setIgnoredSettings(area.ignoredSettings);
    const problem = snapshot.state.kind === 'error' ? snapshot.state.problem : '';
    void vscode.commands.executeCommand('setContext', 'pachyderm.catalogProblem', problem);
  });
  area.deployed.on('change', (snapshot) => {
    area.tree.setDeployed(snapshot);
    deployedForwarder.push(snapshot);
  });
  status.update(area.catalog.snapshot());
  subs.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (CLUSTER_SETTING_KEYS.some((k) => e.affectsConfiguration(k))) refresh();
      else if (e.affectsConfiguration(EXTRA_TARGETS_SETTING)) void area.extraTargets?.refresh();
      if (e.affectsConfiguration(CERTIFICATE_WARNING_SETTING))
        area.tree.setCertificateWarningDays(certificateWarningDays());
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(refresh),
    { dispose: () => area.catalog.dispose() },
    { dispose: () => area.deployed.dispose() },
  );
  void vscode.commands.executeCommand('setContext', 'pachyderm.pachydermSecretsOnly', false);

  area.inspectDocs = new InspectDocuments(area);
  subs.push(vscode.workspace.registerTextDocumentContentProvider(INSPECT_SCHEME, area.inspectDocs), area.inspectDocs);
  subs.push(followInspectDocuments(area));
  void area.refresh();
  return area;
}
