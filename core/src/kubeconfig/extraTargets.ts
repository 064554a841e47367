/**
 * `pachyderm.extraTargets`: other contexts (and namespaces) whose secrets specs are also checked against (PS070).
 * Each entry names a context, which can run an exec plugin, so a workspace-level value is ignored in an untrusted
 * workspace as `pachyderm.context` is (./trustedSettings.ts); the user's own value applies.
 */
import type { SettingLevels } from './trustedSettings';
import type { TargetSettings } from './clusterTarget';

export interface ExtraTargetSetting {
  context: string;
  /** Empty: the context's own namespace. */
  namespace?: string;
  /** Short (`prod`): shown in PS070's message and wherever the target is named. */
  label: string;
}

export interface ExtraTargets {
  targets: ExtraTargetSetting[];
  /** Why an entry was skipped (not an object, no context, a label or a context and namespace used twice). */
  problems: string[];
  /** The workspace set the setting but is not trusted, so its value was ignored. */
  ignored: boolean;
}

export const EXTRA_TARGETS_SETTING = 'pachyderm.extraTargets';

/** The entries that apply: the workspace's when trusted, else the user's; malformed ones are skipped and said. */
export function effectiveExtraTargets(levels: SettingLevels<unknown>, trusted: boolean): ExtraTargets {
  const workspace = levels.workspaceFolderValue ?? levels.workspaceValue;
  const ignored = workspace !== undefined && !trusted;
  const value = workspace !== undefined && trusted ? workspace : levels.globalValue;
  const out: ExtraTargets = { targets: [], problems: [], ignored };
  if (value === undefined) return out;
  if (!Array.isArray(value)) {
    out.problems.push(`${EXTRA_TARGETS_SETTING} must be an array of { context, namespace?, label }`);
    return out;
  }
  value.forEach((entry: unknown, i) => {
    const read = readEntry(entry, out.targets);
    if (typeof read === 'string') out.problems.push(`${EXTRA_TARGETS_SETTING}[${i}]${read}: skipped`);
    else out.targets.push(read);
  });
  return out;
}

/**
 * The entry, trimmed, or why it is skipped (said after its index). The same context and namespace twice would
 * watch one namespace twice and report each PS070 once per label.
 */
function readEntry(entry: unknown, taken: readonly ExtraTargetSetting[]): ExtraTargetSetting | string {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
    return ' is not an object { context, namespace?, label }';
  const e = entry as Record<string, unknown>;
  const context = text(e.context);
  const label = text(e.label) ?? context;
  const namespace = text(e.namespace);
  if (!context || !label) return ' has no context';
  if (taken.some((t) => t.label === label)) return `: the label "${label}" is used twice`;
  const same = taken.find((t) => t.context === context && t.namespace === namespace);
  const place = `context "${context}"${namespace ? `, namespace "${namespace}",` : ''}`;
  if (same) return `: ${place} is already the target "${same.label}"`;
  return { context, label, ...(namespace ? { namespace } : {}) };
}

/** The main target's settings (kubeconfig, followed tools) with the entry's context and namespace instead. */
export function extraTargetSettings(main: TargetSettings, target: ExtraTargetSetting): TargetSettings {
  return { kubeconfig: main.kubeconfig, context: target.context, namespace: target.namespace };
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}
