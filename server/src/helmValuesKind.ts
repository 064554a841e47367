/**
 * The Helm values document kind: thin LSP glue over core/src/helm (rules, completion, hover, fix edits).
 */
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  MarkupKind,
  type CodeAction,
  type Diagnostic,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ClientCommands } from '../../core/src/protocol/messages';
import { helmCompletion } from '../../core/src/helm/helmCompletion';
import type { CopySecretKeyArgs, MoveValueToSecretArgs } from '../../core/src/helm/helmFixArgs';
import { helmHover } from '../../core/src/helm/helmHover';
import { checkHelmValues, type HelmFixData } from '../../core/src/helm/helmRules';
import { helmValuesDocument } from '../../core/src/helm/helmValuesDocument';
import { removeEntryEdit } from '../../core/src/helm/valuesEdits';
import type { DocumentKind } from './documentKinds';

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

const range = (doc: TextDocument, r: { start: number; end: number }) => ({ start: doc.positionAt(r.start), end: doc.positionAt(r.end) });

// claims() and then the feature both need the parse: keep the last one per document version.
const lastParse = new Map<string, { version: number; globs: string; values: ReturnType<typeof helmValuesDocument> }>();

function parsed(doc: TextDocument, globs: readonly string[]) {
  const key = globs.join('\n');
  const hit = lastParse.get(doc.uri);
  if (hit && hit.version === doc.version && hit.globs === key) return hit.values;
  const values = helmValuesDocument(doc.uri, doc.getText(), globs);
  if (lastParse.size > 100) lastParse.clear();
  lastParse.set(doc.uri, { version: doc.version, globs: key, values });
  return values;
}

export const helmValuesKind: DocumentKind = {
  id: 'helm-values',

  claims: (doc, ctx) => parsed(doc, ctx.settings.helmValuesFiles) !== undefined,

  diagnostics(doc, ctx) {
    const values = parsed(doc, ctx.settings.helmValuesFiles);
    if (!values) return [];
    return checkHelmValues(values, ctx.catalog).map(
      (f): Diagnostic => ({
        range: range(doc, f),
        severity: SEVERITY[f.severity],
        code: f.code,
        source: 'pachyderm',
        message: f.message,
        ...(f.data ? { data: f.data } : {}),
      }),
    );
  },

  completion(doc, position, ctx) {
    const values = parsed(doc, ctx.settings.helmValuesFiles);
    const c = values && helmCompletion(values, doc.offsetAt(position), ctx.catalog);
    if (!c) return [];
    return c.items.map((i) => ({
      label: i.label,
      kind: CompletionItemKind.Value,
      detail: i.detail,
      sortText: i.sortText,
      textEdit: { range: range(doc, c.replace), newText: i.label },
    }));
  },

  hover(doc, position, ctx) {
    const values = parsed(doc, ctx.settings.helmValuesFiles);
    const h = values && helmHover(values, doc.offsetAt(position), ctx.catalog);
    return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: range(doc, h.range) } : null;
  },

  codeActions(doc, params, ctx) {
    const out: CodeAction[] = [];
    for (const d of params.context.diagnostics) {
      const data = d.data as HelmFixData | undefined;
      if (d.source !== 'pachyderm' || !data || typeof d.code !== 'string' || !d.code.startsWith('PH')) continue;
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
        const values = parsed(doc, ctx.settings.helmValuesFiles);
        const edit = values && removeEntryEdit(doc.getText(), values, data.plainPath);
        if (!edit) continue;
        out.push({
          title: `Remove ${data.plainPath}, which the chart ignores`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          edit: { changes: { [doc.uri]: [{ range: range(doc, edit.range), newText: edit.newText }] } },
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
