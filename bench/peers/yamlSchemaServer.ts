/**
 * The YAML peer, built like the JSON one: the language service that Red Hat's yaml-language-server (vscode-yaml)
 * runs, validating against Pachyderm's published CreatePipelineRequest schema, behind a minimal LSP server that
 * publishes on open and change. yaml-language-server's own server waits a fixed 200 ms before validating; this
 * measures the validation, not that wait. Started by the bench with `--stdio --schema-dir=DIR`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'yaml-language-server';

const schemaDir = process.argv.find((a) => a.startsWith('--schema-dir='))?.slice('--schema-dir='.length);
if (!schemaDir) throw new Error('usage: yamlSchemaServer --stdio --schema-dir=DIR');
const schema = JSON.parse(readFileSync(join(schemaDir, 'CreatePipelineRequest.schema.json'), 'utf8'));

const connection = createConnection();
const documents = new TextDocuments(TextDocument);
const service = getLanguageService({
  schemaRequestService: () => Promise.reject(new Error('the bench loads no schema over the network')),
  workspaceContext: { resolveRelativePath: (rel: string, res: string) => new URL(rel, res).toString() },
  connection,
});
service.configure({
  validate: true,
  hover: false,
  completion: false,
  format: false,
  schemas: [{ uri: 'pachyderm://schema/CreatePipelineRequest.schema.json', fileMatch: ['*.yaml', '*.yml'], schema }],
});

connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));
documents.onDidChangeContent(async ({ document }) => {
  const diagnostics = await service.doValidation(document, false);
  await connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
});
documents.onDidClose(({ document }) => connection.sendDiagnostics({ uri: document.uri, diagnostics: [] }));
documents.listen(connection);
connection.listen();
