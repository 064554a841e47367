/**
 * Where `pachyderm.trace.server` writes: the "Pachyderm" output, with the text of documents left out.
 * vscode-languageclient reads the setting itself (the client's id is `pachyderm`) and, at `verbose`, prints every
 * message's parameters. `textDocument/didOpen` and `didChange` carry a file's whole text, and a spec or values
 * file may hold a credential written into it (the very thing PH003 reports), so that text is replaced before the
 * line reaches the channel. Names, positions, diagnostics and the catalog's metadata are kept: they are what a
 * trace is for, and none of them is a value.
 */
import type * as vscode from 'vscode';

/** A JSON member `"text": "…"`, as JSON.stringify writes it with or without indentation. */
const DOCUMENT_TEXT = /"text":(\s*)"(?:[^"\\]|\\.)*"/g;

/** The line with every document text replaced by its length. */
export function withoutDocumentText(line: string): string {
  return line.replace(DOCUMENT_TEXT, (member, space: string) => {
    const literalLength = member.length - member.indexOf('"', 6) - 2;
    return `"text":${space}"(document text left out of the trace, ${literalLength} characters as JSON)"`;
  });
}

/** An output channel that writes to `output` what the trace gives it, without document text. */
export function traceChannel(output: vscode.OutputChannel): vscode.OutputChannel {
  return {
    get name() {
      return output.name;
    },
    append: (value) => output.append(withoutDocumentText(value)),
    appendLine: (value) => output.appendLine(withoutDocumentText(value)),
    replace: (value) => output.replace(withoutDocumentText(value)),
    clear: () => output.clear(),
    show: (column?: unknown, preserveFocus?: boolean) =>
      typeof column === 'boolean' ? output.show(column) : output.show(preserveFocus),
    hide: () => output.hide(),
    // The channel belongs to the extension, which disposes of it; the trace must not end it for everyone.
    dispose: () => undefined,
  };
}
