/**
 * Completion, hover and code actions: each asks the kind that claims the document, and answers nothing
 * for documents no kind claims.
 */
import { CodeActionKind, type CompletionList } from 'vscode-languageserver/node';
import type { ServerState } from './serverState';

export const COMPLETION_TRIGGERS = ['"', ':', ' ', '-'];

export function registerLanguageFeatures(state: ServerState): void {
  const { connection } = state;

  connection.onCompletion(async (params): Promise<CompletionList | null> => {
    const r = await state.resolve(params.textDocument.uri);
    if (!r?.kind.completion) return null;
    return { isIncomplete: false, items: r.kind.completion(r.doc, params.position, r.ctx) };
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
