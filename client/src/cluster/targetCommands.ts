/** Refresh, Switch Context, Switch Namespace and the "Pachyderm-managed only" filter. */
import * as vscode from 'vscode';
import type { ClusterArea } from './clusterArea';
import { namespaceNameProblem } from '../../../core/src/kubeconfig';
import { writeTargetSetting } from './clusterSettings';
import { ClusterCommands } from './commandIds';

export function registerTargetCommands(area: ClusterArea): void {
  const reg = (id: string, fn: (...args: never[]) => unknown) =>
    area.host.context.subscriptions.push(vscode.commands.registerCommand(id, fn));

  reg(ClusterCommands.refresh, () => area.catalog.refresh());

  reg(ClusterCommands.switchContext, async () => {
    const { context, contexts } = area.catalog.target();
    if (!contexts.length) {
      void vscode.window.showErrorMessage(
        'No contexts to switch to: no kubeconfig was read. Set pachyderm.kubeconfig or KUBECONFIG.',
      );
      return;
    }
    const picked = await vscode.window.showQuickPick(
      contexts.map((c) => ({ label: c, description: c === context ? 'current' : undefined })),
      { title: 'Pachyderm: Switch Context', placeHolder: 'Kubernetes context whose secrets to show' },
    );
    if (!picked || picked.label === context) return;
    await writeTargetSetting('context', picked.label);
    // The namespace default comes from the new context, so a namespace chosen for the old one no longer applies.
    await writeTargetSetting('namespace', undefined);
  });

  reg(ClusterCommands.switchNamespace, async () => {
    const { namespace } = area.catalog.target();
    let known: string[] = [];
    try {
      known = (await area.catalog.currentApi()?.listNamespaces()) ?? [];
    } catch {
      // Listing namespaces is often not allowed; typing one still works.
    }
    const TYPE = '$(edit) Type a namespace…';
    let chosen: string | undefined;
    if (known.length) {
      const picked = await vscode.window.showQuickPick(
        [...known.map((n) => ({ label: n, description: n === namespace ? 'current' : undefined })), { label: TYPE }],
        { title: 'Pachyderm: Switch Namespace', placeHolder: 'Namespace where pachd runs' },
      );
      if (!picked) return;
      chosen = picked.label === TYPE ? undefined : picked.label;
    }
    chosen ??= await vscode.window.showInputBox({
      title: 'Pachyderm: Switch Namespace',
      prompt: 'Namespace where pachd runs (its secrets are the ones pipelines can use)',
      value: namespace,
      validateInput: namespaceNameProblem,
    });
    if (!chosen || chosen === namespace) return;
    await writeTargetSetting('namespace', chosen);
  });

  const setFilter = async (on: boolean) => {
    area.tree.setPachydermOnly(on);
    await vscode.commands.executeCommand('setContext', 'pachyderm.pachydermSecretsOnly', on);
  };
  reg(ClusterCommands.togglePachydermOnly, () => setFilter(true));
  reg(ClusterCommands.showAllSecrets, () => setFilter(false));
}
