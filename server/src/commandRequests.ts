/**
 * The custom requests behind the client's commands (core/src/protocol/messages.ts): the server already parses
 * specs and values files, so the extension host asks here instead of bundling a parser of its own.
 */
import { promises as fs } from 'node:fs';
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { secretReferenceEdit } from '../../core/src/pipelineSpec';
import { envToSecretEdit, envValueSlices } from '../../core/src/language';
import { parseHelmValues, plainValueSlices, useSecretNameEdits } from '../../core/src/helm';
import type { Document } from 'yaml';
import {
  EnvToSecretEditRequest,
  type EnvEntryTarget,
  HelmPlainValueRequest,
  HelmSecretNameEditsRequest,
  SpecEnvValueRequest,
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

/** A file's text: the editor's when the document is open (with its version), else the file on disk (version null). */
async function fileText(state: ServerState, uri: string): Promise<{ text: string; version: number | null }> {
  const doc = state.documents.get(uri);
  if (doc) return { text: doc.getText(), version: doc.version };
  const fsPath = fsPathOf(uri);
  if (!fsPath) throw invalid(`${uri} is neither open nor a file`);
  try {
    return { text: await fs.readFile(fsPath, 'utf8'), version: null };
  } catch (err) {
    throw new ResponseError(
      ErrorCodes.InternalError,
      `could not read ${fsPath}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
    );
  }
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
  const { text, version } = await fileText(state, uri);
  return { text, values: parseHelmValues(text), version };
}

/** The env entry a PS050 request names, checked for its types (the client sends what the code action gave it). */
function envTarget(params: EnvEntryTarget): EnvEntryTarget {
  requireStrings(params, 'uri', 'env');
  if (typeof params.offset !== 'number') throw invalid('expected offset as a number');
  const pipeline = typeof params.pipeline === 'string' ? params.pipeline : undefined;
  return { uri: params.uri, env: params.env, offset: params.offset, ...(pipeline !== undefined ? { pipeline } : {}) };
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
  registerEnvToSecretRequests(state);
}

/** PS050's "Move into a Secret": where the env value is, then the edit once the secret holds it. */
function registerEnvToSecretRequests(state: ServerState): void {
  const { connection } = state;
  const log = connection.console;
  connection.onRequest(
    SpecEnvValueRequest.type,
    guarded(log, SpecEnvValueRequest.method, requestFailed(SpecEnvValueRequest.method), async (params) => {
      const target = envTarget(params);
      const { text, version } = await fileText(state, target.uri);
      const found = envValueSlices(text, target);
      return found.ok ? { version, slices: found.slices } : { version, problem: found.message };
    }),
  );

  connection.onRequest(
    EnvToSecretEditRequest.type,
    guarded(log, EnvToSecretEditRequest.method, requestFailed(EnvToSecretEditRequest.method), async (params) => {
      const target = envTarget(params);
      requireStrings(params, 'name', 'key');
      const { text, version } = await fileText(state, target.uri);
      return { ...envToSecretEdit(text, target, { name: params.name, key: params.key }), version };
    }),
  );
}
