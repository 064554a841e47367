/**
 * The read-only file system behind the decoded editor's URIs. It exists so that VS Code can stat them (tabs,
 * history and the custom editor's restore need a file system for the scheme), but it never serves a value: the
 * values live only in the custom editor's memory (secretEditorProvider.ts). Opening such a URI as text shows a
 * note saying how to edit it instead, and being read-only, that text can never become an unsaved document that
 * VS Code would back up.
 */
import * as vscode from 'vscode';
import { secretLocationOf } from './secretEditorUri';

export class SecretEditFileSystem implements vscode.FileSystemProvider {
  private readonly started = Date.now();
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    if (!secretLocationOf(uri)) throw vscode.FileSystemError.FileNotFound(uri);
    const size = this.note(uri).byteLength;
    return { type: vscode.FileType.File, ctime: this.started, mtime: this.started, size };
  }

  readFile(uri: vscode.Uri): Uint8Array {
    if (!secretLocationOf(uri)) throw vscode.FileSystemError.FileNotFound(uri);
    return this.note(uri);
  }

  private note(uri: vscode.Uri): Uint8Array {
    const where = secretLocationOf(uri)!;
    return Buffer.from(
      `Secret "${where.name}" (${where.context}/${where.namespace}) opens with "Pachyderm: Edit Secret ` +
        `(decoded)"; its values are never served as a text file.\n`,
    );
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}
