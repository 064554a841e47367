/**
 * The Helm values document kind: thin LSP glue over core/src/helm (rules, completion, hover, fix edits).
 */
import { CodeActionKind, CompletionItemKind, MarkupKind, type CodeAction } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Document } from 'yaml';
import { ClientCommands } from '../../core/src/protocol';
import { helmCompletion, helmHover, parseHelmValues, removeEntryEdit } from '../../core/src/helm';
import type { CopySecretKeyArgs, HelmFixData, MoveValueToSecretArgs } from '../../core/src/helm';
import type { OffsetRange } from '../../core/src/text';
import type { AnalysisResult } from '../../core/src/analysis';
import { DIAGNOSTIC_SOURCE, findingDiagnostics } from './documentAnalysis';
import type { DocumentHandler } from './documentHandler';

const range = (doc: TextDocument, r: OffsetRange) => ({
  start: doc.positionAt(r.start),
  end: doc.positionAt(r.end),
});

/**
 * The values Document the analysis parsed for the rules. Completion, hover and fixes read that one; a text
 * the analysis did not judge a values file (a command request names any file) is parsed here.
 */
export function helmValuesOf(analysis: AnalysisResult, text: string): Document {
  return analysis.helmValues ?? parseHelmValues(text);
}

export const helmValuesHandler: DocumentHandler = {
  diagnostics: ({ doc, analysis }) => findingDiagnostics(doc, analysis.findings),

  completion({ doc, analysis, ctx }, position) {
    const c = helmCompletion(helmValuesOf(analysis, doc.getText()), doc.offsetAt(position), ctx.catalog);
    if (!c) return [];
    return c.items.map((i) => ({
      label: i.label,
      kind: CompletionItemKind.Value,
      detail: i.detail,
      sortText: i.sortText,
      textEdit: { range: range(doc, c.replace), newText: i.label },
    }));
  },

  hover({ doc, analysis, ctx }, position) {
    const offset = doc.offsetAt(position);
    const h = helmHover(helmValuesOf(analysis, doc.getText()), offset, ctx.catalog, doc.getText(), ctx.certificates);
    return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: range(doc, h.range) } : null;
  },

  codeActions({ doc, analysis }, params) {
    const out: CodeAction[] = [];
    for (const d of params.context.diagnostics) {
      const data = d.data as HelmFixData | undefined;
      if (d.source !== DIAGNOSTIC_SOURCE || !data || typeof d.code !== 'string' || !d.code.startsWith('PH')) continue;
      if (data.kind === 'move-to-secret') {
        const args: MoveValueToSecretArgs = { uri: doc.uri, ...withoutKind(data) };
        out.push({
          title: `Move ${data.plainPath} into a Secret (key ${data.key})…`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: true,
          command: { title: 'Move into a Secret', command: ClientCommands.moveValueToSecret, arguments: [args] },
        });
      } else if (data.kind === 'copy-key') {
        const args: CopySecretKeyArgs = { uri: doc.uri, secret: data.secret, from: data.from, to: data.to };
        out.push({
          title: `Copy "${data.from}" to "${data.to}" in secret ${data.secret}…`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: true,
          command: { title: 'Copy key', command: ClientCommands.copySecretKey, arguments: [args] },
        });
      } else if (data.kind === 'remove-ignored-plain') {
        const edit = removeEntryEdit(doc.getText(), helmValuesOf(analysis, doc.getText()), data.plainPath);
        if (!edit) continue;
        out.push({
          title: `Remove ${data.plainPath}, which the chart ignores`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          edit: { changes: { [doc.uri]: [{ range: range(doc, edit), newText: edit.newText }] } },
        });
      }
    }
    return out;
  },
};

function withoutKind<T extends { kind: string }>(data: T): Omit<T, 'kind'> {
  const { kind: _kind, ...rest } = data;
  return rest;
}
