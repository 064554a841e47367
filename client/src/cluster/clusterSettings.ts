/** Reads the cluster settings (trust-filtered) and writes the ones Switch Context / Switch Namespace change. */
import * as vscode from 'vscode';
import type { TargetSettings } from '../../../core/src/kubeconfig';
import { effectiveTargetSettings, type SettingLevels } from '../../../core/src/kubeconfig';

export const CLUSTER_SETTING_KEYS = [
  'pachyderm.kubeconfig',
  'pachyderm.context',
  'pachyderm.namespace',
  'pachyderm.requestTimeoutSeconds',
] as const;

export function readTargetSettings(): TargetSettings {
  const config = vscode.workspace.getConfiguration('pachyderm');
  const levels = (key: string): SettingLevels<string> => {
    const i = config.inspect<string>(key);
    return {
      globalValue: i?.globalValue,
      workspaceValue: i?.workspaceValue,
      workspaceFolderValue: i?.workspaceFolderValue,
    };
  };
  return effectiveTargetSettings(
    { kubeconfig: levels('kubeconfig'), context: levels('context'), namespace: levels('namespace') },
    vscode.workspace.isTrusted,
  );
}

export function requestTimeoutMs(): number {
  const seconds = vscode.workspace.getConfiguration('pachyderm').get<number>('requestTimeoutSeconds', 5);
  return Math.max(0.1, Number.isFinite(seconds) ? seconds : 5) * 1000;
}

/**
 * Writes where the value takes effect: at the level that currently sets it (a workspace value would otherwise
 * shadow a user-level write), else in user settings, so switching does not edit files in the repository.
 */
export async function writeTargetSetting(key: 'context' | 'namespace', value: string | undefined): Promise<void> {
  const config = vscode.workspace.getConfiguration('pachyderm');
  const i = config.inspect<string>(key);
  const target =
    i?.workspaceFolderValue !== undefined
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : i?.workspaceValue !== undefined && vscode.workspace.isTrusted
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
  await config.update(key, value, target);
}
