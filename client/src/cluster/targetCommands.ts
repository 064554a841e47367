/** Refresh, Switch Context, Switch Namespace, the "Pachyderm-managed only" and "failing deployed" filters. */
import * as vscode from 'vscode';
import { namespaceNameProblem } from '../../../core/src/kubeconfig';
import type { CommandContext } from '../commands/commandContext';
import type { ClusterArea } from './clusterArea';
import { writeTargetSetting } from './clusterSettings';

/** The context key the title bar's failing-deployed filter buttons read. */
export const FAILING_ONLY_CONTEXT = 'pachyderm.failingDeployedOnly';

export function refreshSecrets({ cluster: area }: CommandContext): Promise<void> {
  return area.refresh();
}

export async function switchContext({ cluster: area }: CommandContext): Promise<void> {
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
}

export async function switchNamespace({ cluster: area }: CommandContext): Promise<void> {
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
}

export function showPachydermSecretsOnly({ cluster: area }: CommandContext): Promise<void> {
  return setFilter(area, true);
}

export function showAllSecrets({ cluster: area }: CommandContext): Promise<void> {
  return setFilter(area, false);
}

async function setFilter(area: ClusterArea, on: boolean): Promise<void> {
  area.tree.setPachydermOnly(on);
  await vscode.commands.executeCommand('setContext', 'pachyderm.pachydermSecretsOnly', on);
}

export function showFailingDeployedOnly({ cluster: area }: CommandContext): Promise<void> {
  return setFailingFilter(area, true);
}

export function showSecretsOfRunningPipelines({ cluster: area }: CommandContext): Promise<void> {
  return setFailingFilter(area, false);
}

async function setFailingFilter(area: ClusterArea, on: boolean): Promise<void> {
  area.tree.setFailingOnly(on);
  await vscode.commands.executeCommand('setContext', FAILING_ONLY_CONTEXT, on);
}
