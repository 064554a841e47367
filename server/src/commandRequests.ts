/**
 * The custom requests behind the client's commands (core/src/protocol/messages.ts): the server already parses
 * specs and values files, so the extension host asks here instead of bundling a parser of its own.
 */
import { promises as fs } from 'node:fs';
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { secretReferenceEdit } from '../../core/src/pipelineSpec';
import { parseHelmValues, plainValueSlices, useSecretNameEdits } from '../../core/src/helm';
import type { Document } from 'yaml';
import {
  HelmPlainValueRequest,
  HelmSecretNameEditsRequest,
  SecretReferenceEditRequest,
  type SecretReferenceEditResult,
  SecretUsesRequest,
} from '../../core/src/protocol';
import { analysis } from './documentAnalysis';
import { helmValuesOf } from './helmValuesHandler';
import { guarded, requestFailed } from './guarded';
import { searchSecretUses } from './secretUsesSearch';
import type { ServerState } from './serverState';
import { fsPathOf } from './uris';

const invalid = (message: string) => new ResponseError(ErrorCodes.InvalidParams, message);

function requireStrings(params: unknown, ...names: string[]): void {
  const p = (params ?? {}) as Record<string, unknown>;
  const bad = names.filter((n) => typeof p[n] !== 'string');
  if (bad.length) throw invalid(`expected ${bad.join(', ')} as string${bad.length > 1 ? 's' : ''}`);
}

/**
 * A values file's text and Document: the editor's, from the analysis of its current version, when the
 * document is open, else the file on disk, parsed once (version null).
 */
async function valuesText(
  state: ServerState,
  uri: string,
): Promise<{ text: string; values: Document; version: number | null }> {
  const doc = state.documents.get(uri);
  if (doc) {
    const text = doc.getText();
    return { text, values: helmValuesOf(analysis(doc, await state.contextFor(uri)), text), version: doc.version };
  }
  const fsPath = fsPathOf(uri);
  if (!fsPath) throw invalid(`${uri} is neither open nor a file`);
  let text: string;
  try {
    text = await fs.readFile(fsPath, 'utf8');
  } catch (err) {
    throw new ResponseError(
      ErrorCodes.InternalError,
      `could not read ${fsPath}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
    );
  }
  return { text, values: parseHelmValues(text), version: null };
}

export function registerCommandRequests(state: ServerState, maxSearchedFiles: number): void {
  const { connection } = state;
  const log = connection.console;

  connection.onRequest(
    SecretUsesRequest.type,
    guarded(log, SecretUsesRequest.method, requestFailed(SecretUsesRequest.method), (params, token) => {
      requireStrings(params, 'name');
      return searchSecretUses(state, params.name, maxSearchedFiles, token);
    }),
  );

  connection.onRequest(
    HelmPlainValueRequest.type,
    guarded(log, HelmPlainValueRequest.method, requestFailed(HelmPlainValueRequest.method), async (params) => {
      requireStrings(params, 'uri', 'plainPath');
      const { text, values, version } = await valuesText(state, params.uri);
      const found = plainValueSlices(text, values, params.plainPath);
      return found.kind === 'slices' ? { version, slices: found.slices } : { version, problem: found.kind };
    }),
  );

  connection.onRequest(
    HelmSecretNameEditsRequest.type,
    guarded(
      log,
      HelmSecretNameEditsRequest.method,
      requestFailed(HelmSecretNameEditsRequest.method),
      async (params) => {
        requireStrings(params, 'uri', 'plainPath', 'secretNamePath', 'name');
        const { text, values, version } = await valuesText(state, params.uri);
        return {
          version,
          edits: useSecretNameEdits(text, values, params.plainPath, params.secretNamePath, params.name),
        };
      },
    ),
  );

  connection.onRequest(
    SecretReferenceEditRequest.type,
    guarded(
      log,
      SecretReferenceEditRequest.method,
      requestFailed(SecretReferenceEditRequest.method),
      (params): SecretReferenceEditResult => {
        requireStrings(params, 'uri');
        if (typeof params.reference?.name !== 'string') throw invalid('expected reference.name as a string');
        // Only an open document: the command inserts into the active editor, whose text may be unsaved.
        const doc = state.documents.get(params.uri);
        if (!doc) return { ok: false, message: 'open the pipeline spec (JSON or YAML) to insert into first.' };
        const offset = typeof params.offset === 'number' ? params.offset : 0;
        const result = secretReferenceEdit(doc.uri, doc.getText(), params.reference, offset);
        return result.ok ? { ...result, version: doc.version } : result;
      },
    ),
  );
}
