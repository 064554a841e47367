/**
 * Completion, hover and code actions: each asks the kind that claims the document, and answers nothing
 * for documents no kind claims.
 */
import { CodeActionKind, MarkupKind, type CompletionList } from 'vscode-languageserver/node';
import { secretDocumentation } from '../../core/src/language';
import type { SecretItemData } from './documentKinds';
import type { ServerState } from './serverState';

export const COMPLETION_TRIGGERS = ['"', ':', ' ', '-'];

export function registerLanguageFeatures(state: ServerState): void {
  const { connection } = state;

  connection.onCompletion(async (params): Promise<CompletionList | null> => {
    const r = await state.resolve(params.textDocument.uri);
    if (!r?.kind.completion) return null;
    const result = r.kind.completion(r.doc, params.position, r.ctx);
    return Array.isArray(result) ? { isIncomplete: false, items: result } : result;
  });

  connection.onCompletionResolve((item) => {
    const secret = (item.data as SecretItemData | undefined)?.secret;
    const meta = secret === undefined ? undefined : state.catalog.get(secret);
    if (meta && !item.documentation)
      item.documentation = { kind: MarkupKind.Markdown, value: secretDocumentation(meta, state.catalog) };
    return item;
  });

  connection.onHover(async (params) => {
    const r = await state.resolve(params.textDocument.uri);
    return r?.kind.hover?.(r.doc, params.position, r.ctx) ?? null;
  });

  connection.onCodeAction(async (params) => {
    const r = await state.resolve(params.textDocument.uri);
    return r?.kind.codeActions?.(r.doc, params, r.ctx) ?? [];
  });
}

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix];
