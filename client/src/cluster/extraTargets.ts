/**
 * `pachyderm.extraTargets`: one live catalog per extra target (secret metadata only, through core's
 * `LiveCatalog`, so values are dropped at `toSecretMeta` as for the main target), resolved like the main target
 * (`ClusterArea.targetSettings`: `pachyderm.kubeconfig`, else vscode-kubernetes-tools) with the entry's context and
 * namespace. Their snapshots go to the language server for PS070. A target that cannot be read is said once (one
 * warning, one log line per problem) until it is read again; it never stops the others or the main target.
 */
import * as vscode from 'vscode';
import { LiveCatalog, type TargetSnapshot, targetPlace } from '../../../core/src/catalog';
import {
  effectiveExtraTargets,
  EXTRA_TARGETS_SETTING,
  extraTargetSettings,
  type ExtraTargetSetting,
  type ExtraTargets as ExtraTargetsRead,
  resolveTarget,
} from '../../../core/src/kubeconfig';
import type { ExtensionHost } from '../host';
import { requestTimeoutMs } from './clusterSettings';
import { TargetsForwarder } from './snapshotsToServer';
import type { ClusterArea } from './clusterArea';

interface Running {
  setting: ExtraTargetSetting;
  catalog: LiveCatalog;
}

export class ExtraTargets implements vscode.Disposable {
  private running: Running[] = [];
  private readonly forwarder: TargetsForwarder;
  private lastSent = '';
  /** The problems already said, by label, until that target is read again: a refresh or retry says nothing new. */
  private readonly said = new Map<string, ReadonlySet<string>>();
  /** The setting's problems last said, so each is said once and again only after it changed. */
  private saidSetting = '[]';
  /** Warnings shown, by label: what the extension-host test counts. */
  readonly announced = new Map<string, number>();

  constructor(
    private readonly host: ExtensionHost,
    private readonly area: ClusterArea,
  ) {
    this.forwarder = new TargetsForwarder(host);
  }

  /** The running catalogs, by label (for tests). */
  catalogs(): ReadonlyMap<string, LiveCatalog> {
    return new Map(this.running.map((r) => [r.setting.label, r.catalog]));
  }

  /**
   * Reads the setting; the targets kept are refreshed (each re-resolves, so a new kubeconfig applies) and keep what
   * was said about them, new ones are started, removed ones stopped.
   */
  async refresh(): Promise<void> {
    const i = vscode.workspace.getConfiguration().inspect<unknown>(EXTRA_TARGETS_SETTING);
    const read = effectiveExtraTargets(
      { globalValue: i?.globalValue, workspaceValue: i?.workspaceValue, workspaceFolderValue: i?.workspaceFolderValue },
      vscode.workspace.isTrusted,
    );
    this.saySettingProblems(read);
    const keyOf = (setting: ExtraTargetSetting) => JSON.stringify(setting);
    const wanted = new Set(read.targets.map(keyOf));
    const kept = new Map(this.running.map((r) => [keyOf(r.setting), r]));
    if (read.targets.map(keyOf).join('\n') !== [...kept.keys()].join('\n')) {
      for (const [key, r] of kept) {
        if (wanted.has(key)) continue;
        r.catalog.dispose();
        this.said.delete(r.setting.label);
      }
      this.running = read.targets.map((setting) => kept.get(keyOf(setting)) ?? this.start(setting));
      this.schedule();
    }
    await Promise.all(this.running.map((r) => r.catalog.refresh()));
  }

  /**
   * What is wrong with the setting (an entry without a context, a label used twice), said once each time it
   * changes, whether or not the targets changed: adding a bad entry to a list leaves the targets as they were.
   */
  private saySettingProblems(read: ExtraTargetsRead): void {
    const ignored = read.ignored ? [`${EXTRA_TARGETS_SETTING} of this untrusted workspace is ignored`] : [];
    const text = JSON.stringify([...ignored, ...read.problems]);
    if (text === this.saidSetting) return;
    this.saidSetting = text;
    for (const line of [...ignored, ...read.problems]) this.log(line);
    if (read.problems.length) void vscode.window.showWarningMessage(`Pachyderm: ${read.problems.join('; ')}`);
  }

  private start(setting: ExtraTargetSetting): Running {
    const catalog = new LiveCatalog({
      resolve: async () => resolveTarget(extraTargetSettings(await this.area.targetSettings(), setting)),
      timeoutMs: requestTimeoutMs,
      log: (line) => this.log(`${setting.label}: ${line}`),
      // sayProblem logs a failure once; the catalog would log it again at every retry.
      logFailures: false,
    });
    catalog.on('change', () => {
      this.sayProblem(setting.label, catalog);
      this.schedule();
    });
    return { setting, catalog };
  }

  /**
   * One warning per outage, not one per retry: said again only after the target was read. Another problem within
   * the outage (unreachable, then forbidden) goes to the log, once, not to another warning.
   */
  private sayProblem(label: string, catalog: LiveCatalog): void {
    const snapshot = catalog.snapshot();
    const state = snapshot.state;
    if (state.kind === 'ready') this.said.delete(label);
    if (state.kind !== 'error' || this.said.get(label)?.has(state.problem)) return;
    const first = !this.said.has(label);
    this.said.set(label, new Set([...(this.said.get(label) ?? []), state.problem]));
    const message =
      `Pachyderm: extra target "${label}" (${targetPlace(snapshot)}) cannot be read, so specs are not checked ` +
      `against it (PS070): ${state.reason}`;
    this.log(message);
    if (!first) return;
    this.announced.set(label, (this.announced.get(label) ?? 0) + 1);
    void vscode.window.showWarningMessage(message);
  }

  /** Sends every target's latest snapshot, coalesced, and only when something changed (a retry changes nothing). */
  private schedule(): void {
    const targets: TargetSnapshot[] = this.running.map((r) => ({
      label: r.setting.label,
      snapshot: r.catalog.snapshot(),
    }));
    const text = JSON.stringify(targets);
    if (text === this.lastSent) return;
    this.lastSent = text;
    this.forwarder.push(targets);
  }

  private log(line: string): void {
    this.host.output.info(`[targets] ${line}`);
  }

  private stop(): void {
    for (const r of this.running) r.catalog.dispose();
    this.running = [];
  }

  dispose(): void {
    this.forwarder.dispose();
    this.stop();
  }
}
