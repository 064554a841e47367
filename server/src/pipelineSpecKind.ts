/**
 * Pipeline specs: LSP glue over the core's analysis and language features. Offsets become positions
 * here and nowhere else; the analysis of one document version is reused by every feature that asks.
 */
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'node:path';
import {
  analyzeDocument,
  findSecretReferences,
  IncrementalAnalyzer,
  type AnalysisResult,
  type Severity,
} from '../../core/src/analysis';
import type { Finding } from '../../core/src/rules';
import type { CatalogIndex } from '../../core/src/catalog';
import {
  codeActionsFor,
  completeSpec,
  hoverSpec,
  isNameListTruncated,
  type SpecCompletionItem,
} from '../../core/src/language';
import type { DocumentKind, FeatureContext, SecretItemData } from './documentKinds';
import { fsPathOf } from './uris';
import type { SecretUse } from './workspaceIndex';

export const DIAGNOSTIC_SOURCE = 'pachyderm';

interface Cached {
  version: number;
  catalog: CatalogIndex;
  specFiles: string;
  result: AnalysisResult;
}

// Keyed by the document object (the editor's is updated in place; a file read from disk is a new object),
// so a reopened or re-read file can never meet an older text's result under the same version number.
const cache = new WeakMap<TextDocument, Cached>();

// Documents open in the editor change a little at a time: their analysis reuses every spec an edit left alone.
// Files read from disk for the workspace index are analysed once, and keep nothing.
const editorDocuments = new WeakSet<TextDocument>();
const incremental = new IncrementalAnalyzer();

export const editorAnalysis = {
  opened: (doc: TextDocument): void => void editorDocuments.add(doc),
  closed: (uri: string): void => incremental.forget(uri),
};

/** The document's analysis (shared with the Helm values kind, so a document is analysed once per version). */
export function analysis(doc: TextDocument, ctx: FeatureContext): AnalysisResult {
  const specFiles = [...ctx.settings.specFiles, '\0', ...ctx.settings.helmValuesFiles].join('\n');
  const hit = cache.get(doc);
  if (hit && hit.version === doc.version && hit.catalog === ctx.catalog && hit.specFiles === specFiles)
    return hit.result;
  const analyze = editorDocuments.has(doc) ? incremental.analyze.bind(incremental) : analyzeDocument;
  const result = analyze({ uri: doc.uri, text: doc.getText(), languageId: doc.languageId }, ctx.catalog, {
    specFiles: ctx.settings.specFiles,
    helmValuesFiles: ctx.settings.helmValuesFiles,
  });
  cache.set(doc, { version: doc.version, catalog: ctx.catalog, specFiles, result });
  return result;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Findings as LSP diagnostics: offsets become positions here. */
export function findingDiagnostics(doc: TextDocument, findings: readonly Finding[]): Diagnostic[] {
  return findings.map((f) => ({
    range: { start: doc.positionAt(f.start), end: doc.positionAt(f.end) },
    severity: SEVERITY[f.severity],
    source: DIAGNOSTIC_SOURCE,
    code: f.code,
    message: f.message,
    ...(f.data ? { data: f.data } : {}),
  }));
}

const COMPLETION_KIND: Record<SpecCompletionItem['kind'], CompletionItemKind> = {
  secret: CompletionItemKind.Value,
  key: CompletionItemKind.Constant,
  field: CompletionItemKind.Property,
  snippet: CompletionItemKind.Snippet,
};

/** The workspace folder holding the file at `fsPath`, if any. */
export function folderContaining(fsPath: string, folders: readonly string[]): string | undefined {
  return folders.find((f) => fsPath.startsWith(f + path.sep));
}

function displayPath(uri: string, folders: readonly string[]): string {
  const fsPath = fsPathOf(uri);
  if (!fsPath) return uri;
  const folder = folderContaining(fsPath, folders);
  return folder ? path.relative(folder, fsPath) : path.basename(fsPath);
}

export const pipelineSpecKind: DocumentKind = {
  id: 'pipeline',

  claims(doc, ctx) {
    return analysis(doc, ctx).kind === 'pipeline';
  },

  diagnostics(doc, ctx): Diagnostic[] {
    return findingDiagnostics(doc, analysis(doc, ctx).findings);
  },

  completion(doc, position, ctx): CompletionList {
    const { file, model } = analysis(doc, ctx);
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

  hover(doc, position, ctx) {
    const { file, model } = analysis(doc, ctx);
    if (!file || !model) return null;
    const h = hoverSpec({
      file,
      model,
      offset: doc.offsetAt(position),
      catalog: ctx.catalog,
      now: new Date(),
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

  codeActions(doc, params, ctx): CodeAction[] {
    const { file } = analysis(doc, ctx);
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

  secretUses(doc, ctx): SecretUse[] {
    const { file, model, kind } = analysis(doc, ctx);
    if (!file || kind !== 'pipeline') return [];
    return findSecretReferences(file, model).map((r) => ({ secret: r.name, pipeline: r.pipeline ?? '', uri: doc.uri }));
  },
};
