/**
 * Language server entry point: creates the connection and wires the handler modules. No logic lives here.
 * The server does no cluster I/O; the client feeds it catalog snapshots and deployed pipelines' summaries
 * (core/src/protocol/messages.ts).
 */
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fsPathOf } from './uris';
import { registerCatalog } from './catalog';
import { startCertificateClock } from './certificateClock';
import { registerCommandRequests } from './commandRequests';
import { registerDeployed } from './deployed';
import { registerDocuments } from './documents';
import { CODE_ACTION_KINDS, COMPLETION_TRIGGERS, registerLanguageFeatures } from './languageFeatures';
import { guarded, nothing, requestFailed } from './guarded';
import { registerNavigation } from './navigation';
import { ServerState } from './serverState';
import { DEFAULT_VALIDATION_DELAY_MS, SettingsStore, type InitializationOptions } from './settings';
import { ValidationScheduler } from './validation';
import { DEFAULT_MAX_SEARCHED_FILES, type SecretSearchOptions } from './secretUsesSearch';
import { forgetOutsideFolders, rescanWorkspace } from './workspaceScan';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const settings = new SettingsStore(connection);
const state = new ServerState(connection, documents, settings);
let validation: ValidationScheduler;
let followFolders = false;

function folderPaths(folders: readonly { uri: string }[]): string[] {
  return folders.map((f) => fsPathOf(f.uri)).filter((p): p is string => p !== undefined);
}

// A failure here leaves the editor without a server: it answers with an error that says where to look.
connection.onInitialize(
  guarded(
    connection.console,
    'initialize',
    requestFailed('initialize', { retry: false }),
    (params: InitializeParams) => {
      const options = (params.initializationOptions ?? {}) as InitializationOptions & SecretSearchOptions;
      settings.initialize(params);
      const delay = Number(options.validationDelayMs);
      validation = new ValidationScheduler(
        state,
        Number.isFinite(delay) && delay >= 0 ? delay : DEFAULT_VALIDATION_DELAY_MS,
      );
      state.folders = folderPaths(
        params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []),
      );
      followFolders = params.capabilities.workspace?.workspaceFolders === true;
      const maxSearched = Number(options.maxSearchedFiles);
      registerDocuments(state, validation);
      registerCatalog(state, validation);
      registerDeployed(state, validation);
      startCertificateClock(state, validation);
      registerLanguageFeatures(state);
      registerNavigation(state);
      registerCommandRequests(
        state,
        Number.isFinite(maxSearched) && maxSearched >= 0 ? maxSearched : DEFAULT_MAX_SEARCHED_FILES,
      );
      return {
        capabilities: {
          textDocumentSync: TextDocumentSyncKind.Incremental,
          completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: true },
          hoverProvider: true,
          definitionProvider: true,
          referencesProvider: true,
          codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
          // Searches for a secret's uses read the folders open now, not those open at start-up.
          ...(followFolders ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
        },
        serverInfo: { name: 'pachyderm-secrets' },
      };
    },
  ),
);

connection.onInitialized(
  guarded(connection.console, 'initialized', nothing, () => {
    if (followFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(
        guarded(connection.console, 'didChangeWorkspaceFolders', nothing, (e) => {
          const removed = new Set(folderPaths(e.removed));
          state.folders = [...state.folders.filter((f) => !removed.has(f)), ...folderPaths(e.added)];
          forgetOutsideFolders(state);
          rescanWorkspace(state);
        }),
      );
    }
    // The workspace's closed files (hover's "also used by", their Problems) are read in the background.
    rescanWorkspace(state);
  }),
);

documents.listen(connection);
connection.listen();
