/**
 * The server's mutable state, in one object the handlers share: open documents, the current catalog, the
 * workspace index, the closed files' problems and settings. Handlers get it at registration; nothing lives in
 * module globals.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CatalogIndex, emptySnapshot } from '../../core/src/catalog';
import { DeployedIndex, emptyDeployedSummary } from '../../core/src/deployed';
import { mergeRuleOverrides } from '../../core/src/ruleSettings';
import type { AnalysedDocument, DocumentHandler, FeatureContext } from './documentHandler';
import { handle } from './documentHandlers';
import { RuleSettingsFiles } from './ruleSettingsFiles';
import type { SettingsStore } from './settings';
import { WorkspaceIndex } from './workspaceIndex';
import { WorkspaceProblems } from './workspaceProblems';

export class ServerState {
  catalog = new CatalogIndex(emptySnapshot());
  deployed = new DeployedIndex(emptyDeployedSummary());
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
    void this.problems.recheck(
      () => this.contextFor(''),
      (base, uri) => this.closedFileContext(base, uri),
      changed,
    );
  }

  /**
   * The context a closed workspace file is judged in: the workspace's settings (`base`, read once per scan or
   * re-check rather than once per file), the rule settings file above it, and the catalog, deployed pipelines and
   * moment of now.
   */
  closedFileContext(base: FeatureContext, uri: string): FeatureContext {
    const rules = mergeRuleOverrides(this.ruleFiles.for(uri, this.folders), base.settings.rules);
    const certificates = { ...base.certificates, now: this.certificateTime };
    return { ...base, catalog: this.catalog, deployed: this.deployed, certificates, rules };
  }

  async contextFor(uri: string): Promise<FeatureContext> {
    const settings = await this.settings.get(uri);
    const certificates = { now: this.certificateTime, warningDays: settings.certificateExpiryWarningDays };
    // The setting is stronger than the file, rule by rule (README, "Rule settings").
    const rules = mergeRuleOverrides(this.ruleFiles.for(uri, this.folders), settings.rules);
    const { catalog, deployed, workspace, folders } = this;
    return { catalog, deployed, settings, workspace, folders, certificates, rules };
  }

  /** The open document, analysed, and the handler for its kind, if any. */
  async resolve(uri: string): Promise<{ analysed: AnalysedDocument; handler: DocumentHandler } | undefined> {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    return handle(doc, await this.contextFor(uri));
  }
}
