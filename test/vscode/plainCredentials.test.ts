/**
 * PS050 and "Move into a Secret" in the real VS Code against the local cluster, with real kubectl reading what was
 * written: a new secret (YAML spec), a key added to an existing secret (JSON spec, camelCase), and a refused write
 * (an immutable secret) that leaves the spec as it was. The canary value never appears in a diagnostic, a
 * notification, an argument or a log file.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import {
  activateExtension,
  assertNotInLogs,
  answerPrompts,
  coversCommand,
  ownDiagnostics,
  testEnv,
  waitFor,
  waitForDiagnostics,
  writeFixture,
  type PromptRecord,
} from './harness';
import type { PachydermExtensionExports } from '../../client/src/extension';

const CANARY = 'CANARY-vsc-Mv7q-X2';
const MOVE = 'pachyderm.moveEnvToSecret';

function kubectl(args: string[], input?: string): string {
  return execFileSync('kubectl', ['--kubeconfig', testEnv().kubeconfig, ...args], { input, encoding: 'utf8' });
}

/** The secret's data decoded, as kubectl reads it; undefined when it does not exist. Never printed. */
function secretData(name: string): Record<string, string> | undefined {
  const out = kubectl(['get', 'secret', name, '--ignore-not-found', '-o', 'json']);
  if (!out.trim()) return undefined;
  const data = (JSON.parse(out) as { data?: Record<string, string> }).data ?? {};
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]));
}

const codes = (ds: readonly vscode.Diagnostic[]) =>
  ds.map((d) => String(typeof d.code === 'object' ? d.code.value : d.code));

suite('plain-text credentials in transform.env', () => {
  let area: PachydermExtensionExports['cluster'];
  let prompts: { prompts: PromptRecord[]; done: () => void } | undefined;

  suiteSetup(async () => {
    area = (await activateExtension<PachydermExtensionExports>()).cluster;
  });

  teardown(() => {
    prompts?.done();
    prompts = undefined;
    for (const name of ['e2e-move-new', 'e2e-move-existing', 'e2e-move-immutable'])
      kubectl(['delete', 'secret', name, '--ignore-not-found']);
  });

  /** The PS050 diagnostic of a fixture and its "Move into a Secret" action, checked to carry no value. */
  async function moveAction(relative: string, text: string) {
    const editor = await writeFixture(relative, text);
    const uri = editor.document.uri;
    const ds = await waitForDiagnostics(uri, (d) => codes(d).includes('PS050'));
    for (const d of ds) assert.ok(!d.message.includes(CANARY), d.message);
    const ps050 = ds.find((d) => codes([d])[0] === 'PS050')!;
    assert.equal(ps050.severity, vscode.DiagnosticSeverity.Warning);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      ps050.range,
    );
    const move = actions.find((a) => a.command?.command === MOVE);
    assert.ok(move, `no Move into a Secret among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(move.title, 'Move into a Secret');
    assert.ok(!JSON.stringify(move.command!.arguments).includes(CANARY), 'the code action carries the value');
    coversCommand(MOVE);
    return { editor, uri, command: move.command! };
  }

  const run = (command: vscode.Command) =>
    vscode.commands.executeCommand<string | undefined>(command.command, ...(command.arguments ?? []));
  const shownText = () => prompts!.prompts.map((p) => `${p.kind}: ${p.text} ${p.items.join(' ')}`);

  test('a new secret: created with the key, the env entry replaced by a secrets item, saved', async () => {
    const text =
      'pipeline:\n  name: e2e-move\ntransform:\n  image: etl:1\n  env:\n' +
      `    MODE: fast\n    DB_PASSWORD: "${CANARY}"\n`;
    const { editor, uri, command } = await moveAction('specs/move-new.pipeline.yaml', text);
    prompts = answerPrompts(['e2e-move-new', 'db-password', 'Move into Secret']);
    assert.equal(await run(command), 'e2e-move-new');

    assert.deepEqual(secretData('e2e-move-new'), { 'db-password': CANARY }, 'kubectl reads another secret');
    const expected =
      'pipeline:\n  name: e2e-move\ntransform:\n  image: etl:1\n  env:\n    MODE: fast\n  secrets:\n' +
      '    - name: e2e-move-new\n      key: db-password\n      envVar: DB_PASSWORD\n';
    assert.equal(editor.document.getText(), expected);
    assert.equal(editor.document.isDirty, false);
    assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), expected);
    assert.ok(
      shownText().some((t) => t.includes('Moved DB_PASSWORD into Secret "e2e-move-new" (key "db-password")')),
      JSON.stringify(shownText()),
    );
    await waitForDiagnostics(uri, (d) => d.length === 0);
    for (const t of shownText()) assert.ok(!t.includes(CANARY), t);
    await assertNotInLogs(
      area.host.context.logUri,
      'moved DB_PASSWORD of specs/move-new.pipeline.yaml into secret e2e-move-new',
      CANARY,
    );
  });

  test('an existing secret: the key is added beside its keys; JSON keeps its spelling (envVar)', async () => {
    kubectl(['create', 'secret', 'generic', 'e2e-move-existing', '--from-literal=user=etl']);
    await waitFor(() => area.catalog.get('e2e-move-existing'), { what: 'the existing secret in the catalog' });
    const text = JSON.stringify(
      { pipeline: { name: 'e2e-json' }, transform: { image: 'i:1', env: { API_KEY: CANARY } } },
      null,
      2,
    );
    const { editor, command } = await moveAction('specs/move-existing.pipeline.json', text);
    prompts = answerPrompts([
      'e2e-move-existing',
      (p) => (assert.match(p.text, /Key in Secret "e2e-move-existing" for API_KEY/), 'api-key'),
      (p, items) => (assert.match(p.text, /^Move API_KEY into Secret "e2e-move-existing"/), items[0]),
    ]);
    assert.equal(await run(command), 'e2e-move-existing');
    assert.deepEqual(secretData('e2e-move-existing'), { user: 'etl', 'api-key': CANARY });
    const after = JSON.parse(editor.document.getText()) as { transform: Record<string, unknown> };
    assert.deepEqual(after.transform, {
      image: 'i:1',
      secrets: [{ name: 'e2e-move-existing', key: 'api-key', envVar: 'API_KEY' }],
    });
    for (const t of shownText()) assert.ok(!t.includes(CANARY), t);
  });

  test('a refused write (an immutable secret) leaves the spec exactly as it was', async () => {
    kubectl(
      ['create', '-f', '-'],
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'e2e-move-immutable' },
        immutable: true,
        data: { user: Buffer.from('etl').toString('base64') },
      }),
    );
    await waitFor(() => area.catalog.get('e2e-move-immutable'), { what: 'the immutable secret in the catalog' });
    const text = 'pipeline:\n  name: e2e-fail\ntransform:\n  image: i:1\n  env:\n' + `    GITHUB_TOKEN: ${CANARY}\n`;
    const { editor, command } = await moveAction('specs/move-refused.pipeline.yaml', text);
    prompts = answerPrompts(['e2e-move-immutable', 'github-token', 'Move into Secret']);
    assert.equal(await run(command), undefined);
    assert.equal(editor.document.getText(), text);
    assert.deepEqual(secretData('e2e-move-immutable'), { user: 'etl' });
    const errors = prompts.prompts.filter((p) => p.kind === 'showErrorMessage').map((p) => p.text);
    assert.ok(
      errors.some((e) => /immutable/.test(e)) &&
        errors.includes(
          'specs/move-refused.pipeline.yaml is unchanged: GITHUB_TOKEN was not written to Secret ' +
            '"e2e-move-immutable".',
        ),
      JSON.stringify(errors),
    );
    assert.ok(codes(ownDiagnostics(editor.document.uri)).includes('PS050'));
    for (const t of shownText()) assert.ok(!t.includes(CANARY), t);
  });
});
