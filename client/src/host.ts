import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/**
 * What every UI area of the extension gets at registration: the extension context (subscriptions, paths,
 * state), one log channel, and the started language client. Areas register themselves from
 * extension.ts and talk to each other through commands and the catalog's events, not through globals.
 */
export interface ExtensionHost {
  readonly context: vscode.ExtensionContext;
  /** Never log a secret value here; names, keys and sizes only. */
  readonly output: vscode.LogOutputChannel;
  readonly client: LanguageClient;
}
