/**
 * Untrusted workspaces: a workspace-level kubeconfig (or a context chosen by the workspace) could make the
 * extension run an exec auth plugin the workspace author picked, so those values are ignored unless the
 * workspace is trusted. User-level values always apply, exec plugins included: the user chose those.
 * (package.json's `restrictedConfigurations` is not used for this: it hides the workspace value from
 * `inspect()` too, and then the UI could not tell the user which setting it ignored.)
 */
import type { TargetSettings } from './clusterTarget';

/** What `WorkspaceConfiguration.inspect(key)` reports, reduced to the levels that matter. */
export interface SettingLevels<T> {
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

export const SETTINGS_THAT_CAN_RUN_PROGRAMS = ['kubeconfig', 'context'] as const;

export interface RawTargetSettings {
  kubeconfig: SettingLevels<string>;
  context: SettingLevels<string>;
  namespace: SettingLevels<string>;
}

export function effectiveTargetSettings(raw: RawTargetSettings, trusted: boolean): TargetSettings {
  const ignoredSettings: string[] = [];
  const pick = (key: keyof RawTargetSettings): string | undefined => {
    const levels = raw[key];
    const workspaceLevel = nonEmpty(levels.workspaceFolderValue) ?? nonEmpty(levels.workspaceValue);
    const canRun = (SETTINGS_THAT_CAN_RUN_PROGRAMS as readonly string[]).includes(key);
    if (workspaceLevel !== undefined && (trusted || !canRun)) return workspaceLevel;
    if (workspaceLevel !== undefined) ignoredSettings.push(`pachyderm.${key}`);
    return nonEmpty(levels.globalValue);
  };
  return {
    kubeconfig: pick('kubeconfig'),
    context: pick('context'),
    namespace: pick('namespace'),
    ignoredSettings,
  };
}

function nonEmpty(v: string | undefined): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}
