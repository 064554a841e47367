/**
 * The language server analyses a document version once, and parses a Helm values file once per version:
 * diagnostics, the workspace index, completion, hover, code actions and the command requests behind the
 * client's fixes all read that one result. Counted by spying on the core functions the server reaches.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver/node';
import { IncrementalAnalyzer } from '../../../core/src/analysis/incrementalAnalyzer';
import { DeployedIndex, emptyDeployedSummary } from '../../../core/src/deployed/deployedSummary';
import * as parseHelmValuesModule from '../../../core/src/helm/parseHelmValues';
import { HelmPlainValueRequest, HelmSecretNameEditsRequest } from '../../../core/src/protocol';
import { registerCommandRequests } from '../../../server/src/commandRequests';
import { editorAnalysis } from '../../../server/src/documentAnalysis';
import type { FeatureContext } from '../../../server/src/documentHandler';
import { handle } from '../../../server/src/documentHandlers';
import type { ServerState } from '../../../server/src/serverState';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { WorkspaceIndex } from '../../../server/src/workspaceIndex';
import { readyCatalog } from '../helm/helmTestCatalog';

const uri = 'file:///tmp/once/values.yaml';
const text = 'pachd:\n  rootToken: fixture-plain\n  rootTokenSecretName: pach-root\n  oauthClientSecret: other\n';

/** The command requests as the server registers them, on a connection that only records its handlers. */
function commandRequests(doc: TextDocument, ctx: FeatureContext) {
  const handlers = new Map<string, (params: unknown) => Promise<unknown>>();
  const connection = {
    console: { error: (m: string) => assert.fail(m) },
    onRequest: (type: { method: string }, h: (params: unknown) => Promise<unknown>) => handlers.set(type.method, h),
  };
  const state = {
    connection,
    documents: { get: (u: string) => (u === doc.uri ? doc : undefined) },
    contextFor: () => Promise.resolve(ctx),
  } as unknown as ServerState;
  registerCommandRequests(state, 10);
  return (method: string, params: unknown) => handlers.get(method)!(params);
}

/** Everything an editor asks of one version of a values file, in the order it usually asks. */
async function useEveryFeature(doc: TextDocument, ctx: FeatureContext): Promise<Diagnostic[]> {
  const request = commandRequests(doc, ctx);
  const resolved = handle(doc, ctx)!;
  assert.equal(resolved.analysed.analysis.kind, 'helm-values');
  const diagnostics = resolved.handler.diagnostics(resolved.analysed);
  resolved.handler.secretUsers?.(resolved.analysed);
  const again = handle(doc, ctx)!;
  const position = doc.positionAt(text.indexOf('pach-root') + 2);
  again.handler.completion!(again.analysed, position);
  again.handler.hover!(again.analysed, position);
  again.handler.codeActions!(again.analysed, {
    textDocument: { uri },
    range: diagnostics[0].range,
    context: { diagnostics },
  });
  await request(HelmPlainValueRequest.method, { uri, plainPath: 'pachd.rootToken' });
  await request(HelmSecretNameEditsRequest.method, {
    uri,
    plainPath: 'pachd.rootToken',
    secretNamePath: 'pachd.rootTokenSecretName',
    name: 'pach-root',
  });
  return diagnostics;
}

function spies(t: TestContext) {
  return {
    analyses: t.mock.method(IncrementalAnalyzer.prototype, 'analyze'),
    helmParses: t.mock.method(parseHelmValuesModule, 'parseHelmValues'),
  };
}

test('one analysis and one Helm parse per version of an open values file, whatever the editor asks', async (t) => {
  const { analyses, helmParses } = spies(t);
  const ctx: FeatureContext = {
    catalog: readyCatalog(),
    deployed: new DeployedIndex(emptyDeployedSummary()),
    targets: [],
    settings: DEFAULT_SETTINGS,
    workspace: new WorkspaceIndex(),
    folders: [],
    certificates: { now: Date.parse('2026-06-01T00:00:00Z'), warningDays: 30 },
    rules: new Map(),
  };
  const doc = TextDocument.create(uri, 'yaml', 1, text);
  editorAnalysis.opened(doc);
  const diagnostics = await useEveryFeature(doc, ctx);
  assert.ok(
    diagnostics.some((d) => d.code === 'PH004'),
    'the fixture has a fix to offer',
  );
  assert.equal(analyses.mock.callCount(), 1, 'analyses of version 1');
  assert.equal(helmParses.mock.callCount(), 1, 'Helm parses of version 1');

  TextDocument.update(doc, [{ text: text + 'console:\n  enabled: true\n' }], 2);
  await useEveryFeature(doc, ctx);
  assert.equal(analyses.mock.callCount(), 2, 'analyses after version 2');
  assert.equal(helmParses.mock.callCount(), 2, 'Helm parses after version 2');

  // A new catalog can change the findings: the same version is analysed again, once.
  await useEveryFeature(doc, { ...ctx, catalog: readyCatalog([]) });
  assert.equal(analyses.mock.callCount(), 3, 'analyses after a catalog change');
  assert.equal(helmParses.mock.callCount(), 3, 'Helm parses after a catalog change');
  editorAnalysis.closed(uri);
});
