/**
 * The tree's notices under the target row: settings an untrusted workspace ignores, and deployed pipelines that
 * cannot be read (said once, not on every secret). Plain data, no `vscode` import.
 */
import type { DeployedSnapshot } from '../../../core/src/deployed';
import type { TreeRow } from './treeRow';

export function untrustedNotice(ignored: readonly string[]): TreeRow {
  return {
    id: 'notice/untrusted',
    kind: 'notice',
    label: 'Workspace settings ignored',
    description: ignored.join(', '),
    tooltip:
      `This workspace is not trusted, so its values of ${ignored.join(', ')} are ignored: a kubeconfig can ` +
      `run programs (exec auth plugins). Your user settings apply instead.`,
    icon: 'shield',
    iconColor: 'list.warningForeground',
    contextValue: 'pachyderm.notice',
    collapsible: false,
    command: { command: 'workbench.trust.manage', title: 'Manage Workspace Trust' },
  };
}

/** The one row saying deployed pipelines cannot be read (forbidden or error); none otherwise. */
export function deployedStateRow(snapshot: DeployedSnapshot | undefined): TreeRow | undefined {
  const state = snapshot?.state;
  if (state?.kind !== 'forbidden' && state?.kind !== 'error') return undefined;
  return {
    id: 'notice/deployed',
    kind: 'notice',
    label: state.kind === 'forbidden' ? 'Deployed pipelines not shown' : 'Cannot read deployed pipelines',
    description: state.reason,
    tooltip: `${state.reason}\n\nThe tree and checks use the workspace's pipeline specs only.`,
    icon: state.kind === 'forbidden' ? 'lock' : 'warning',
    iconColor: 'list.warningForeground',
    contextValue: `pachyderm.deployed.${state.kind}`,
    collapsible: false,
  };
}
