/**
 * Language server entry point: creates the connection and wires the handlers. No logic lives here.
 * The server does no cluster I/O; the client feeds it catalog snapshots (core/src/protocol/messages.ts).
 */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

connection.onInitialize(() => ({
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
  },
  serverInfo: { name: 'pachyderm-secrets' },
}));

documents.listen(connection);
connection.listen();
