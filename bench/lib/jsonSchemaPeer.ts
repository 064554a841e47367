/**
 * The peer users have today: VS Code's JSON language service validating a spec against Pachyderm's published
 * `CreatePipelineRequest` JSON schema (pachyderm/pachyderm src/internal/jsonschema/CreatePipelineRequest.schema.json
 * and the files it references). Point PACHYDERM_SCHEMA_DIR at a folder holding them (a copy of that folder of
 * pachyderm/pachyderm); without it the bench tries a sibling folder of the clone, and runs row 1 without the
 * peers when neither holds the schema.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getLanguageService, TextDocument, type Diagnostic } from 'vscode-json-languageservice';

const SCHEMA_URI = 'pachyderm://schema/CreatePipelineRequest.schema.json';

export function schemaDir(repoRoot: string): string | undefined {
  const dir = process.env.PACHYDERM_SCHEMA_DIR ?? join(repoRoot, '..', 'shared', 'reference', 'pachyderm-schema');
  return existsSync(join(dir, 'CreatePipelineRequest.schema.json')) ? dir : undefined;
}

export function createJsonSchemaPeer(dir: string) {
  const schema = JSON.parse(readFileSync(join(dir, 'CreatePipelineRequest.schema.json'), 'utf8'));
  const service = getLanguageService({});
  service.configure({
    validate: true,
    allowComments: false,
    schemas: [{ uri: SCHEMA_URI, fileMatch: ['*.json'], schema }],
  });
  let version = 0;

  async function diagnostics(text: string, lineOffset = 0): Promise<Diagnostic[]> {
    const doc = TextDocument.create(`file:///bench/spec-${version}.json`, 'json', version++, text);
    const found = await service.doValidation(doc, service.parseJSONDocument(doc));
    if (lineOffset) {
      for (const d of found) {
        d.range.start.line += lineOffset;
        d.range.end.line += lineOffset;
      }
    }
    return found;
  }

  /** A multi-document file (documents separated by `---` lines): each document is validated as a file. */
  async function diagnosticsAll(text: string): Promise<Diagnostic[]> {
    const out: Diagnostic[] = [];
    let line = 0;
    for (const part of text.split(/^---$/m)) {
      out.push(...(await diagnostics(part, line)));
      line += part.split('\n').length - 1;
    }
    return out;
  }
  return { diagnostics, diagnosticsAll };
}
