/**
 * The server's mutable state, in one object the handlers share: open documents, the current catalog, the
 * workspace index, the closed files' problems and settings. Handlers get it at registration; nothing lives in
 * module globals.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DeployedIndex, emptyDeployedSummary } from '../../core/src/deployed';
import { CatalogIndex, emptySnapshot, type TargetCatalog } from '../../core/src/catalog';
import { mergeRuleOverrides } from '../../core/src/ruleSettings';
import type { AnalysedDocument, ClosedFileContexts, DocumentHandler, FeatureContext } from './documentHandler';
import { handle } from './documentHandlers';
import { RuleSettingsFiles } from './ruleSettingsFiles';
import type { ServerSettings, SettingsStore } from './settings';
import { folderContaining, fsPathOf, uriOfPath } from './uris';
import { WorkspaceIndex } from './workspaceIndex';
import { WorkspaceProblems } from './workspaceProblems';

export class ServerState {
  catalog = new CatalogIndex(emptySnapshot());
  deployed = new DeployedIndex(emptyDeployedSummary());
  /** The extra targets' catalogs (PS070), replaced as a whole at each notification (./catalog.ts). */
  targets: readonly TargetCatalog[] = [];
  folders: string[] = [];
  /** The moment certificates are judged at: one value between ticks, so an analysis can be reused until it moves. */
  certificateTime = Date.now();
  readonly workspace = new WorkspaceIndex();
  /** The repository's .pachyderm-secrets.json files, read from disk (never the cluster). */
  readonly ruleFiles: RuleSettingsFiles;
  readonly problems: WorkspaceProblems;

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    readonly settings: SettingsStore,
  ) {
    this.ruleFiles = new RuleSettingsFiles((message) => settings.warnOnce(message));
    this.problems = new WorkspaceProblems(connection, documents);
  }

  /**
   * The closed files of the workspace judged again: a new catalog or deployed pipelines (`changed`: the secrets it
   * changed), certificate moment or setting (everything).
   */
  recheckWorkspace(changed: ReadonlySet<string> | 'all' = 'all'): void {
    void this.problems.recheck(() => this.closedFileContexts(), changed);
  }

  /**
   * The contexts closed workspace files are judged in, read once per scan or re-check rather than once per file.
   * A file gets its workspace folder's settings: resource-scoped settings (`pachyderm.specFiles`,
   * `pachyderm.helmValuesFiles`, `pachyderm.rules`, `pachyderm.certificateExpiryWarningDays`) may differ per folder
   * of a multi-root workspace, and VS Code answers them for the folder as for a file in it. Each file also gets the
   * rule settings file above it, and the catalog, deployed pipelines and moment of when it is judged.
   */
  async closedFileContexts(): Promise<ClosedFileContexts> {
    const base = await this.contextFor('');
    const folders = this.folders;
    const byFolder = new Map<string, ServerSettings>();
    await Promise.all(folders.map(async (f) => byFolder.set(f, await this.settings.get(uriOfPath(f)))));
    const forFile = (uri: string): FeatureContext => {
      const fsPath = fsPathOf(uri);
      const folder = fsPath === undefined ? undefined : folderContaining(fsPath, folders);
      const settings = (folder !== undefined && byFolder.get(folder)) || base.settings;
      const rules = mergeRuleOverrides(this.ruleFiles.for(uri, folders), settings.rules);
      const certificates = { now: this.certificateTime, warningDays: settings.certificateExpiryWarningDays };
      const { catalog, deployed, targets } = this;
      return { ...base, settings, catalog, deployed, targets, certificates, rules };
    };
    return { base, forFile, chosen: [base.settings, ...byFolder.values()] };
  }

  async contextFor(uri: string): Promise<FeatureContext> {
    const settings = await this.settings.get(uri);
    const certificates = { now: this.certificateTime, warningDays: settings.certificateExpiryWarningDays };
    // The setting is stronger than the file, rule by rule (README, "Rule settings").
    const rules = mergeRuleOverrides(this.ruleFiles.for(uri, this.folders), settings.rules);
    const { catalog, deployed, targets, workspace, folders } = this;
    return { catalog, deployed, targets, settings, workspace, folders, certificates, rules };
  }

  /** The open document, analysed, and the handler for its kind, if any. */
  async resolve(uri: string): Promise<{ analysed: AnalysedDocument; handler: DocumentHandler } | undefined> {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    return handle(doc, await this.contextFor(uri));
  }
}
