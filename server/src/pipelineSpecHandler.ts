/**
 * Pipeline specs: LSP glue over the core's analysis and language features. Offsets become positions
 * here and nowhere else; the analysis of one document version is reused by every feature that asks.
 */
import {
  CodeActionKind,
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
} from 'vscode-languageserver/node';
import * as path from 'node:path';
import { findSecretReferences } from '../../core/src/analysis';
import {
  codeActionsFor,
  completeSpec,
  hoverSpec,
  isNameListTruncated,
  type SpecCompletionItem,
} from '../../core/src/language';
import { DIAGNOSTIC_SOURCE, findingDiagnostics } from './documentAnalysis';
import type { DocumentHandler, SecretItemData } from './documentHandler';
import { folderContaining, fsPathOf } from './uris';
import type { SecretUser } from './workspaceIndex';

const COMPLETION_KIND: Record<SpecCompletionItem['kind'], CompletionItemKind> = {
  secret: CompletionItemKind.Value,
  key: CompletionItemKind.Constant,
  field: CompletionItemKind.Property,
  snippet: CompletionItemKind.Snippet,
};

function displayPath(uri: string, folders: readonly string[]): string {
  const fsPath = fsPathOf(uri);
  if (!fsPath) return uri;
  const folder = folderContaining(fsPath, folders);
  return folder ? path.relative(folder, fsPath) : path.basename(fsPath);
}

export const pipelineSpecHandler: DocumentHandler = {
  diagnostics: ({ doc, analysis }) => findingDiagnostics(doc, analysis.findings),

  completion({ doc, analysis, ctx }, position): CompletionList {
    const { file, model } = analysis;
    if (!file || !model) return { isIncomplete: false, items: [] };
    const items = completeSpec({
      file,
      offset: doc.offsetAt(position),
      catalog: ctx.catalog,
      style: model.style,
      documentation: false,
    });
    return {
      isIncomplete: isNameListTruncated(items),
      items: items.map((i): CompletionItem => ({
        label: i.label,
        kind: COMPLETION_KIND[i.kind],
        detail: i.detail,
        ...(i.documentation ? { documentation: { kind: MarkupKind.Markdown, value: i.documentation } } : {}),
        sortText: i.sortText,
        filterText: i.filterText,
        // A secret's documentation is filled in on completionItem/resolve (languageFeatures.ts).
        ...(i.kind === 'secret' ? { data: { secret: i.label } satisfies SecretItemData } : {}),
        textEdit: {
          range: { start: doc.positionAt(i.edit.start), end: doc.positionAt(i.edit.end) },
          newText: i.edit.newText,
        },
        insertTextFormat: i.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        // Snippet lines carry their own indentation.
        insertTextMode: InsertTextMode.asIs,
      })),
    };
  },

  hover({ doc, analysis, ctx }, position) {
    const { file, model } = analysis;
    if (!file || !model) return null;
    const h = hoverSpec({
      file,
      model,
      offset: doc.offsetAt(position),
      catalog: ctx.catalog,
      now: new Date(),
      certificates: ctx.certificates,
      deployed: ctx.deployed,
      otherUsers: (secret, pipeline) =>
        ctx.workspace
          .usersOf(secret, { uri: doc.uri, pipeline })
          .map((u) => ({ pipeline: u.pipeline, file: displayPath(u.uri, ctx.folders) })),
    });
    if (!h) return null;
    return {
      contents: { kind: MarkupKind.Markdown, value: h.markdown },
      range: { start: doc.positionAt(h.start), end: doc.positionAt(h.end) },
    };
  },

  codeActions({ doc, analysis, ctx }, params): CodeAction[] {
    const { file } = analysis;
    if (!file) return [];
    const out: CodeAction[] = [];
    for (const d of params.context.diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE || d.code === undefined) continue;
      const finding = {
        code: String(d.code),
        start: doc.offsetAt(d.range.start),
        end: doc.offsetAt(d.range.end),
        data: (d.data ?? undefined) as Record<string, unknown> | undefined,
      };
      for (const a of codeActionsFor({ file, uri: doc.uri, finding, catalog: ctx.catalog })) {
        out.push({
          title: a.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          ...(a.isPreferred ? { isPreferred: true } : {}),
          ...(a.edits
            ? {
                edit: {
                  changes: {
                    [doc.uri]: a.edits.map((e) => ({
                      range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) },
                      newText: e.newText,
                    })),
                  },
                },
              }
            : {}),
          ...(a.command ? { command: a.command } : {}),
        });
      }
    }
    return out;
  },

  secretUsers({ doc, analysis }): SecretUser[] {
    const { file, model, kind } = analysis;
    if (!file || kind !== 'pipeline') return [];
    return findSecretReferences(file, model).map((r) => ({ secret: r.name, pipeline: r.pipeline ?? '', uri: doc.uri }));
  },
};
