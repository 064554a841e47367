/**
 * Starts the BUILT language server (dist/server.js) as a child process over stdio and talks to it through
 * the real protocol, as an editor would. Every byte the test side sends is recorded, so a test can prove
 * what did (not) cross the connection.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import {
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShowMessageNotification,
  ShutdownRequest,
  type ClientCapabilities,
  type InitializeResult,
  type PublishDiagnosticsParams,
  type Range,
  type ShowMessageParams,
  type WorkspaceFolder,
} from 'vscode-languageserver-protocol';

// Runs from test/lsp (tsx) or out/test/lsp (compiled): the repository root is the folder above `test/`'s parent
// that is not `out`.
const twoUp = path.resolve(__dirname, '..', '..');
const repoRoot = path.basename(twoUp) === 'out' ? path.dirname(twoUp) : twoUp;
export const serverBundle = path.join(repoRoot, 'dist', 'server.js');

/** Builds the bundles once when a plain test run finds none (npm test builds them first). */
function ensureBuilt(): void {
  if (existsSync(serverBundle)) return;
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs')], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('npm run build failed; the LSP tests need dist/server.js');
}

export interface StartOptions {
  workspaceFolders?: WorkspaceFolder[];
  initializationOptions?: Record<string, unknown>;
  /** Extra client capabilities, e.g. `workspace.configuration`. */
  capabilities?: ClientCapabilities;
  /** Another server to drive the same way (the benchmarks' peers): node arguments, `--stdio` included. */
  nodeArgs?: string[];
  /** Keep every byte sent (`sent`, `sentText()`), for tests that prove what crossed; off for the benchmarks, whose
   * megabyte files would otherwise pile up in the measuring process. Default on. */
  recordSent?: boolean;
  /** Runs after `initialize` and before `initialized` (the benchmarks send the catalog before the scan starts). */
  beforeInitialized?: (connection: ProtocolConnection) => Promise<void>;
}

export class LspSession {
  private readonly diagnosticWaiters: Array<(p: PublishDiagnosticsParams) => boolean> = [];
  readonly published: PublishDiagnosticsParams[] = [];
  /** Every `window/showMessage` the server sent, from the start. */
  readonly shown: ShowMessageParams[] = [];
  /** Called with every `publishDiagnostics`, as it arrives (the benchmarks count files without keeping them). */
  onPublish?: (p: PublishDiagnosticsParams) => void;
  initializeResult!: InitializeResult;

  private constructor(
    readonly connection: ProtocolConnection,
    /** Everything written to the server's stdin, in order. */
    readonly sent: Buffer[],
    private readonly child: ChildProcess,
    readonly stderr: () => string,
  ) {
    connection.onNotification(ShowMessageNotification.type, (p) => void this.shown.push(p));
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.onPublish?.(p);
      this.published.push(p);
      for (let i = this.diagnosticWaiters.length - 1; i >= 0; i--) {
        if (this.diagnosticWaiters[i](p)) this.diagnosticWaiters.splice(i, 1);
      }
    });
  }

  static async start(options: StartOptions = {}): Promise<LspSession> {
    if (!options.nodeArgs) ensureBuilt();
    const child = spawn(process.execPath, options.nodeArgs ?? [serverBundle, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const tap = new PassThrough();
    const sent: Buffer[] = [];
    if (options.recordSent !== false) tap.on('data', (chunk: Buffer) => sent.push(Buffer.from(chunk)));
    tap.pipe(child.stdin!);
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(tap));
    connection.listen();
    const s = new LspSession(connection, sent, child, () => stderr);
    s.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: options.workspaceFolders?.[0]?.uri ?? null,
      workspaceFolders: options.workspaceFolders ?? null,
      capabilities: options.capabilities ?? {},
      initializationOptions: { validationDelayMs: 0, ...options.initializationOptions },
    });
    await options.beforeInitialized?.(connection);
    await connection.sendNotification(InitializedNotification.type, {});
    return s;
  }

  /** Resolves with the next diagnostics for `uri` that satisfy `accept` (published after this call). */
  nextDiagnostics(
    uri: string,
    accept: (p: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.diagnosticWaiters.indexOf(waiter);
        if (i >= 0) this.diagnosticWaiters.splice(i, 1);
        reject(
          new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; server stderr:\n${this.stderr()}`),
        );
      }, timeoutMs);
      const waiter = (p: PublishDiagnosticsParams): boolean => {
        if (p.uri !== uri || !accept(p)) return false;
        clearTimeout(timer);
        resolve(p);
        return true;
      };
      this.diagnosticWaiters.push(waiter);
    });
  }

  async open(
    uri: string,
    languageId: string,
    text: string,
    version = 1,
    timeoutMs?: number,
  ): Promise<PublishDiagnosticsParams> {
    const published = this.nextDiagnostics(uri, (p) => p.version === undefined || p.version === version, timeoutMs);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version, text },
    });
    return published;
  }

  /** Replaces `oldText` (first occurrence) with `newText` through an incremental change. */
  async edit(
    uri: string,
    version: number,
    current: string,
    oldText: string,
    newText: string,
  ): Promise<{ text: string; diagnostics: Promise<PublishDiagnosticsParams> }> {
    const planned = planEdit(current, oldText, newText);
    const diagnostics = this.nextDiagnostics(uri, (p) => p.version === undefined || p.version === version);
    await this.sendChange(uri, version, planned.range, newText);
    return { text: planned.text, diagnostics };
  }

  /** Sends one incremental change and resolves with the diagnostics published for `version`. */
  async change(uri: string, version: number, range: Range, newText: string): Promise<PublishDiagnosticsParams> {
    const diagnostics = this.nextDiagnostics(uri, (p) => p.version === undefined || p.version === version);
    await this.sendChange(uri, version, range, newText);
    return diagnostics;
  }

  private sendChange(uri: string, version: number, range: Range, newText: string): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range, text: newText }],
    });
  }

  async close(uri: string): Promise<PublishDiagnosticsParams> {
    const cleared = this.nextDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    return cleared;
  }

  /** The server process's id (tests read its peak memory from /proc). */
  get pid(): number {
    return this.child.pid!;
  }

  sentText(): string {
    return Buffer.concat(this.sent).toString('utf8');
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // The process may already be gone; the kill below settles it.
    }
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    const guard = setTimeout(() => this.child.kill(), 5_000);
    await exited;
    clearTimeout(guard);
    this.connection.dispose();
  }
}

/** Where replacing the first `oldText` with `newText` falls in `current`, and the text after it. */
export function planEdit(current: string, oldText: string, newText: string): { range: Range; text: string } {
  const at = current.indexOf(oldText);
  if (at < 0) throw new Error(`"${oldText}" not in document`);
  const range = { start: positionAt(current, at), end: positionAt(current, at + oldText.length) };
  return { range, text: current.slice(0, at) + newText + current.slice(at + oldText.length) };
}

export function positionAt(text: string, offset: number): { line: number; character: number } {
  // Counted in place: the bench edits megabyte files through this, and splitting them would be what it measures.
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/** Splits a fixture with one `|` caret into text and caret position. */
export function caret(fixture: string): { text: string; position: { line: number; character: number } } {
  const at = fixture.indexOf('|');
  if (at < 0) throw new Error('fixture has no | caret');
  const text = fixture.slice(0, at) + fixture.slice(at + 1);
  return { text, position: positionAt(text, at) };
}
