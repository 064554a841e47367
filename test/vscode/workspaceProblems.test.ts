/**
 * Whole-workspace Problems in the real VS Code: the specs in closed-specs/ are never opened, yet their problems are
 * listed, follow the cluster (a secret deleted with the real kubectl), leave with `pachyderm.diagnosticsScope` =
 * `openFiles` and when the file is deleted; `pachyderm.diagnosticsMaxFiles` bounds the scan with one message.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import {
  activateExtension,
  answerPrompts,
  fixtureUri,
  openFixture,
  ownDiagnostics,
  setSetting,
  testEnv,
  waitFor,
  waitForDiagnostics,
} from './harness';

const run = promisify(execFile);
const SECRET = 'closed-specs-db';
const USERS = ['closed-specs/ingest.pipeline.json', 'closed-specs/report.pipeline.yaml'];
const OTHER = 'closed-specs/export.pipeline.yaml';
const UNNAMED = 'closed-specs/unnamed.pipeline.json';

/** The real kubectl against the run's cluster, as its admin. */
async function kubectl(...args: string[]): Promise<string> {
  const env = { ...process.env, KUBECONFIG: '' };
  return (await run('kubectl', ['--kubeconfig', testEnv().kubeconfig, ...args], { env })).stdout;
}

const codes = (ds: readonly vscode.Diagnostic[]) => ds.map((d) => String(d.code)).sort();
const missing = (ds: readonly vscode.Diagnostic[]) =>
  ds.some((d) => d.code === 'PS002' && d.message.includes(`missing Kubernetes secret ${SECRET}`));
/** The files no editor holds that have problems of ours. */
function closedWithProblems(): string[] {
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
  return vscode.languages
    .getDiagnostics()
    .filter(([uri]) => !open.has(uri.toString()) && ownDiagnostics(uri).length > 0)
    .map(([uri]) => uri.toString());
}
const isOpen = (rel: string) => vscode.workspace.textDocuments.some((d) => d.uri.fsPath === fixtureUri(rel).fsPath);

suite('whole-workspace Problems', () => {
  suiteSetup(async () => {
    await activateExtension();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await kubectl('delete', 'secret', SECRET, '--ignore-not-found');
  });

  test('specs nobody opened show their problems', async () => {
    const unnamed = await waitForDiagnostics(fixtureUri(UNNAMED), (ds) => ds.length > 0, {
      what: 'the closed spec without transform to get its problem',
    });
    assert.deepEqual(codes(unnamed), ['PS113']);
    for (const rel of USERS) await waitForDiagnostics(fixtureUri(rel), missing, { what: `PS002 on closed ${rel}` });
    assert.deepEqual(ownDiagnostics(fixtureUri(OTHER)), [], 's3-credentials exists: nothing to say');
    for (const rel of [...USERS, OTHER, UNNAMED]) assert.equal(isOpen(rel), false, `${rel} was opened`);
  });

  test('a secret deleted with kubectl adds PS002 to every closed spec that uses it', async () => {
    await kubectl('create', 'secret', 'generic', SECRET, '--from-literal=password=dummy');
    for (const rel of USERS)
      await waitForDiagnostics(fixtureUri(rel), (ds) => !missing(ds), { what: `PS002 to leave ${rel}` });
    await kubectl('delete', 'secret', SECRET);
    for (const rel of USERS) {
      const ds = await waitForDiagnostics(fixtureUri(rel), missing, { what: `PS002 back on ${rel}` });
      assert.deepEqual(codes(ds), ['PS002']);
    }
    assert.deepEqual(ownDiagnostics(fixtureUri(OTHER)), []);
    for (const rel of USERS) assert.equal(isOpen(rel), false, `${rel} was opened`);
  });

  test('openFiles scope lists the open files only', async () => {
    await waitForDiagnostics(fixtureUri(UNNAMED), (ds) => ds.length > 0, { what: 'the closed spec to be judged' });
    await setSetting('pachyderm.diagnosticsScope', 'openFiles');
    for (const rel of [UNNAMED, ...USERS])
      await waitForDiagnostics(fixtureUri(rel), () => ownDiagnostics(fixtureUri(rel)).length === 0, {
        what: `${rel}'s problems to leave`,
      });
    await openFixture(USERS[0]);
    await waitForDiagnostics(fixtureUri(USERS[0]), missing, { what: 'PS002 on the spec opened' });
    assert.deepEqual(ownDiagnostics(fixtureUri(USERS[1])), [], 'a closed spec stays out of Problems');
    assert.deepEqual(ownDiagnostics(fixtureUri(UNNAMED)), []);
  });

  test('a deleted spec leaves Problems', async () => {
    // Written and deleted without an editor: the file watcher tells the server of both.
    const rel = 'closed-specs/doomed.pipeline.json';
    await vscode.workspace.fs.writeFile(fixtureUri(rel), Buffer.from('{"pipeline": {"name": "doomed"}}\n'));
    await waitForDiagnostics(fixtureUri(rel), (ds) => codes(ds).includes('PS113'), { what: 'PS113 on doomed' });
    await vscode.workspace.fs.delete(fixtureUri(rel));
    await waitForDiagnostics(fixtureUri(rel), (ds) => ds.length === 0, { what: "the deleted file's problems to go" });
  });

  test('past pachyderm.diagnosticsMaxFiles one message says so', async () => {
    const recorded = answerPrompts([]);
    try {
      await setSetting('pachyderm.diagnosticsMaxFiles', 3);
      const expected =
        'Pachyderm: the workspace folders hold more than 3 JSON and YAML files, so Problems shows the problems of ' +
        'the first 3 read and of the files you open. Raise pachyderm.diagnosticsMaxFiles to check more.';
      const shown = () => recorded.prompts.filter((p) => p.kind === 'showWarningMessage' && p.text === expected);
      await waitFor(() => shown().length > 0 && shown(), { what: 'the message about the file limit' });
      // At most 3 closed files keep problems: those past the limit left Problems.
      await waitFor(() => closedWithProblems().length <= 3 && closedWithProblems().length > 0, {
        what: 'the files past the limit to leave Problems',
      });
      assert.equal(shown().length, 1);
    } finally {
      recorded.done();
    }
  });
});
