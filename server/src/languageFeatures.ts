/**
 * Completion, hover and code actions: each asks the handler for the kind the document's analysis found, and
 * answers nothing for documents of no kind. Every handler goes through `guarded` (./guarded.ts).
 */
import { CodeActionKind, MarkupKind, type CompletionItem, type CompletionList } from 'vscode-languageserver/node';
import { secretDocumentation } from '../../core/src/language';
import type { SecretItemData } from './documentHandler';
import { guarded } from './guarded';
import type { ServerState } from './serverState';

export const COMPLETION_TRIGGERS = ['"', ':', ' ', '-'];

export function registerLanguageFeatures(state: ServerState): void {
  const { connection } = state;
  const log = connection.console;

  connection.onCompletion(
    guarded(
      log,
      'completion',
      () => null,
      async (params): Promise<CompletionList | null> => {
        const r = await state.resolve(params.textDocument.uri);
        if (!r?.handler.completion) return null;
        const result = r.handler.completion(r.analysed, params.position);
        return Array.isArray(result) ? { isIncomplete: false, items: result } : result;
      },
    ),
  );

  connection.onCompletionResolve(
    guarded<[CompletionItem], CompletionItem>(
      log,
      'completionItem/resolve',
      (item) => item,
      (item) => {
        const secret = (item.data as SecretItemData | undefined)?.secret;
        const meta = secret === undefined ? undefined : state.catalog.get(secret);
        if (meta && !item.documentation)
          item.documentation = { kind: MarkupKind.Markdown, value: secretDocumentation(meta, state.catalog) };
        return item;
      },
    ),
  );

  connection.onHover(
    guarded(
      log,
      'hover',
      () => null,
      async (params) => {
        const r = await state.resolve(params.textDocument.uri);
        return r?.handler.hover?.(r.analysed, params.position) ?? null;
      },
    ),
  );

  connection.onCodeAction(
    guarded(
      log,
      'codeAction',
      () => [],
      async (params) => {
        const r = await state.resolve(params.textDocument.uri);
        return r?.handler.codeActions?.(r.analysed, params) ?? [];
      },
    ),
  );
}

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix];
