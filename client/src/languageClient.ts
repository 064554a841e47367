import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CancellationTokenSource,
  ErrorCodes,
  LanguageClient,
  ResponseError,
  State,
  TransportKind,
  type LanguageClientOptions,
  type RequestType,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { CatalogReplay } from './catalogReplay';
import { inspectDefinition } from './cluster/inspectDefinition';
import { traceChannel } from './traceChannel';

/**
 * JSON and YAML in files and unsaved editors. Which of them are pipeline specs or Helm values is the
 * server's call (by name, `pachyderm.specFiles` or content), so the selector cannot be narrower.
 */
export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'json' },
  { scheme: 'file', language: 'jsonc' },
  { scheme: 'file', language: 'yaml' },
  { scheme: 'untitled', language: 'json' },
  { scheme: 'untitled', language: 'jsonc' },
  { scheme: 'untitled', language: 'yaml' },
];

/** Files whose changes on disk the server's workspace index follows (hover's "also used by"). */
export const WATCHED_FILES = '**/*.{json,yaml,yml}';

/**
 * Starts the language server (dist/server.js) as a child process over IPC. Resolves once the server has
 * answered `initialize`, so every caller that awaits it may send the catalog and expect diagnostics.
 * `PACHYDERM_VALIDATION_DELAY_MS` overrides the edit debounce (0 for tests and benchmarks).
 */
/**
 * Creates the client for the language server (dist/server.js, a child process over IPC) without starting it:
 * activation must not wait for a process to spawn and initialize. `client.start()` starts it; a notification
 * sent before then waits for the start.
 */
export function createLanguageClient(
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6010'] },
    },
  };
  const watcher = vscode.workspace.createFileSystemWatcher(WATCHED_FILES);
  context.subscriptions.push(watcher);
  const delay = process.env.PACHYDERM_VALIDATION_DELAY_MS;
  const replay = new CatalogReplay();
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: {
      // Tells the server when `pachyderm.*` changes; it then re-reads them through workspace/configuration.
      configurationSection: 'pachyderm',
      fileEvents: watcher,
    },
    initializationOptions: {
      ...(delay !== undefined && delay !== '' && Number.isFinite(Number(delay))
        ? { validationDelayMs: Number(delay) }
        : {}),
    },
    outputChannel: output,
    // `pachyderm.trace.server` (read by vscode-languageclient) writes here, without the text of documents.
    traceOutputChannel: traceChannel(output),
    middleware: {
      // A secret's definition is its Inspect document; a key's, that key's row in it (./cluster/inspectDefinition.ts).
      provideDefinition: (document, position, token, next) => inspectDefinition(next(document, position, token)),
      sendNotification: (type, next, params) => {
        replay.sent(typeof type === 'string' ? type : type.method, params);
        return next(type, params);
      },
    },
  };
  const client = new LanguageClient('pachyderm', 'Pachyderm Secrets', serverOptions, clientOptions);
  context.subscriptions.push(
    client.onDidChangeState((e) => {
      if (e.newState !== State.Running) return;
      for (const { method, params } of replay.running()) {
        void client
          .sendNotification(method, params)
          .catch((err: unknown) => output.warn(`could not resend ${method}: ${String(err)}`));
      }
    }),
  );
  return client;
}

export type ServerAnswer<R> = { ok: true; result: R } | { ok: false; reason: string };

/** How long a command waits for the server's answer (a cold start included) before giving up on it. */
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Sends a command's request (core/src/protocol/messages.ts). Never throws and never hangs: a server that is not
 * running, fails or does not answer in time becomes a reason the command tells the user.
 */
export async function askServer<P, R>(
  client: LanguageClient,
  type: RequestType<P, R, void>,
  params: P,
): Promise<ServerAnswer<R>> {
  const cancel = new CancellationTokenSource();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<ServerAnswer<R>>((resolve) => {
    timer = setTimeout(() => {
      cancel.cancel();
      resolve({
        ok: false,
        reason: `the Pachyderm language server did not answer within ${REQUEST_TIMEOUT_MS / 1000} s`,
      });
    }, REQUEST_TIMEOUT_MS);
  });
  const answered = client.sendRequest(type, params, cancel.token).then(
    (result): ServerAnswer<R> => ({ ok: true, result }),
    (err: unknown): ServerAnswer<R> => {
      if (err instanceof ResponseError && err.code === ErrorCodes.ConnectionInactive) {
        return { ok: false, reason: 'the Pachyderm language server is not running (see the "Pachyderm" output)' };
      }
      return {
        ok: false,
        reason: `the Pachyderm language server failed: ${err instanceof Error ? err.message : String(err)}`,
      };
    },
  );
  try {
    return await Promise.race([answered, timedOut]);
  } finally {
    clearTimeout(timer);
    cancel.dispose();
  }
}
