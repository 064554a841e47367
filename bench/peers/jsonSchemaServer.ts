/**
 * The row 1 peer as users meet it: a language server that validates JSON with vscode-json-languageservice
 * against Pachyderm's published CreatePipelineRequest schema, as VS Code's JSON server does, and publishes
 * diagnostics on open and change. A `---`-separated file is validated document by document, which is the
 * same work our server does (the JSON service alone would stop at the first separator).
 * Started by the bench with `--stdio --schema-dir=DIR`.
 */
import { createConnection, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createJsonSchemaPeer } from '../lib/jsonSchemaPeer';

const schemaDir = process.argv.find((a) => a.startsWith('--schema-dir='))?.slice('--schema-dir='.length);
if (!schemaDir) throw new Error('usage: jsonSchemaServer --stdio --schema-dir=DIR');
const peer = createJsonSchemaPeer(schemaDir);
const connection = createConnection();
const documents = new TextDocuments(TextDocument);

connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));
documents.onDidChangeContent(async ({ document }) => {
  const diagnostics = await peer.diagnosticsAll(document.getText());
  await connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
});
documents.onDidClose(({ document }) => connection.sendDiagnostics({ uri: document.uri, diagnostics: [] }));
documents.listen(connection);
connection.listen();
