/**
 * `pachyderm.extraTargets` in the real extension host: a second target (another namespace of the local cluster)
 * that lacks a secret and a key the active target has shows PS070 in Problems, naming the target; a target whose
 * API server is down is said once, however often its catalog retries, and the other target is still checked; a change
 * of the setting keeps the targets that stay and says a bad entry.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PachydermExtensionExports } from '../../client/src/extension';
import { withContexts } from '../../tools/local-cluster/kubeconfig';
import {
  activateExtension,
  answerPrompts,
  cluster,
  restoreSettings,
  setSetting,
  testEnv,
  waitFor,
  waitForDiagnostics,
  windowLogFiles,
} from './harness';

const NAMESPACE = 'extra-target-prod';

/** A port nothing listens on: one the OS just gave out and took back. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

suite('extra targets: PS070 against a second cluster target', () => {
  let area: PachydermExtensionExports['cluster'];
  const kubeconfig = path.join(os.tmpdir(), `pachyderm-extra-targets-${process.pid}`);
  const specPath = () => path.join(testEnv().workspace, 'specs', 'extra-targets.pipeline.json');

  suiteSetup(async () => {
    area = (await activateExtension<PachydermExtensionExports>()).cluster;
    await waitFor(() => area.catalog.snapshot().state.kind === 'ready', { what: 'the catalog to be ready' });
    // The active target (context local, namespace default) has warehouse-db with PGPASSWORD and PGUSER, and
    // s3-credentials; the second target has warehouse-db with PGPASSWORD only, and no s3-credentials.
    // Through the admin endpoint, which makes the namespace as it goes.
    await cluster.admin('POST', '/__local/secrets', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'warehouse-db', namespace: NAMESPACE },
      data: { PGPASSWORD: Buffer.from('dummy').toString('base64') },
    });
    const down = `https://127.0.0.1:${await closedPort()}`;
    const contexts = [
      { name: 'prod-ctx', namespace: NAMESPACE },
      { name: 'down-ctx', namespace: NAMESPACE, server: down },
    ];
    fs.writeFileSync(kubeconfig, withContexts(fs.readFileSync(testEnv().kubeconfig, 'utf8'), contexts));
    const transform = {
      image: 'i:1',
      cmd: ['run'],
      secrets: [
        { name: 'warehouse-db', key: 'PGUSER', envVar: 'PGUSER' },
        { name: 's3-credentials', mountPath: '/s3' },
      ],
    };
    const spec = { pipeline: { name: 'extra-targets' }, input: { pfs: { repo: 'r', glob: '/*' } }, transform };
    fs.writeFileSync(specPath(), JSON.stringify(spec, null, 2));
  });

  suiteTeardown(async () => {
    await cluster.deleteSecret('warehouse-db', NAMESPACE);
    fs.rmSync(kubeconfig, { force: true });
    fs.rmSync(specPath(), { force: true });
  });

  teardown(() => restoreSettings());

  test('the second target lacking a secret and a key shows PS070 in Problems; the down target is said once', async () => {
    const prompts = answerPrompts([]);
    try {
      await setSetting('pachyderm.kubeconfig', kubeconfig);
      await waitFor(() => area.catalog.snapshot().state.kind === 'ready', { what: 'the main target ready again' });
      await setSetting('pachyderm.extraTargets', [
        { context: 'down-ctx', label: 'down' },
        { context: 'prod-ctx', label: 'prod' },
      ]);
      const uri = vscode.Uri.file(specPath());
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
      const ps070 = (ds: readonly vscode.Diagnostic[]) => ds.filter((d) => d.code === 'PS070');
      const found = ps070(await waitForDiagnostics(uri, (ds) => ps070(ds).length === 2));
      const place = `(context prod-ctx, namespace ${NAMESPACE})`;
      assert.deepEqual(
        found.map((d) => [d.severity, d.message]),
        [
          [
            vscode.DiagnosticSeverity.Warning,
            `Key \`PGUSER\` of secret \`warehouse-db\` does not exist in target \`prod\` ${place}`,
          ],
          [vscode.DiagnosticSeverity.Warning, `Secret \`s3-credentials\` does not exist in target \`prod\` ${place}`],
        ],
      );

      // The down target retries on its own; each retry is another error snapshot, and none is said again.
      const downCatalog = area.extraTargets!.catalogs().get('down')!;
      await waitFor(() => area.extraTargets!.announced.get('down') === 1, { what: 'the down target said' });
      let retries = 0;
      downCatalog.on('change', (s) => void (s.state.kind === 'error' && retries++));
      await waitFor(() => retries >= 2, { what: 'the down target to retry twice', timeoutMs: 30_000 });
      const aboutDown = prompts.prompts.filter((p) => p.kind === 'showWarningMessage' && /"down"/.test(p.text));
      assert.equal(aboutDown.length, 1, JSON.stringify(prompts.prompts));
      assert.match(
        aboutDown[0].text,
        /extra target "down" \(context down-ctx, namespace extra-target-prod\) cannot be read/,
      );
      assert.equal(area.extraTargets!.announced.get('down'), 1);
      assert.ok(!vscode.languages.getDiagnostics(uri).some((d) => /target `down`/.test(d.message)));
      assert.equal(area.catalog.snapshot().state.kind, 'ready', 'the main target is not held up');
    } finally {
      prompts.done();
    }
  });
  test('changing the setting keeps the running targets and says a bad entry, even when the targets stay', async () => {
    const prompts = answerPrompts([]);
    const down = { context: 'down-ctx', label: 'down' };
    const prod = { context: 'prod-ctx', label: 'prod' };
    try {
      const said = () => area.extraTargets!.announced.get('down') ?? 0;
      const saidBefore = said();
      await setSetting('pachyderm.kubeconfig', kubeconfig);
      await setSetting('pachyderm.extraTargets', [down, prod]);
      await waitFor(() => said() === saidBefore + 1, { what: 'the down target said' });
      const before = area.extraTargets!.catalogs();

      // A second "prod" leaves the targets as they were; it is said once, not left to silence.
      await setSetting('pachyderm.extraTargets', [down, prod, { context: 'down-ctx', label: 'prod' }]);
      const clash = () => prompts.prompts.filter((p) => /the label "prod" is used twice/.test(p.text));
      await waitFor(() => clash().length === 1, { what: 'the label clash said' });

      // Adding a target starts that one alone: the down target is neither restarted nor said again.
      await setSetting('pachyderm.extraTargets', [
        down,
        prod,
        { context: 'prod-ctx', namespace: 'default', label: 'prod-again' },
      ]);
      await waitFor(() => area.extraTargets!.catalogs().get('prod-again')?.snapshot().state.kind === 'ready', {
        what: 'the added target read',
      });
      const after = area.extraTargets!.catalogs();
      assert.equal(after.get('down'), before.get('down'), 'the down target kept running');
      assert.equal(after.get('prod'), before.get('prod'), 'the prod target kept running');
      assert.equal(said(), saidBefore + 1);
      assert.equal(clash().length, 1, JSON.stringify(prompts.prompts));
    } finally {
      prompts.done();
    }
  });

  test('a target whose problem changes within one outage is warned about once; no retry is logged again', async () => {
    const prompts = answerPrompts([]);
    const said = () => area.extraTargets!.announced.get('flaky') ?? 0;
    const saidBefore = said();
    const fail = (status: number) =>
      cluster.admin('POST', '/__local/faults', { fail: { status, count: 'all', path: `/namespaces/${NAMESPACE}/` } });
    try {
      await fail(500);
      await setSetting('pachyderm.kubeconfig', kubeconfig);
      await setSetting('pachyderm.extraTargets', [{ context: 'prod-ctx', label: 'flaky' }]);
      await waitFor(() => said() === saidBefore + 1, { what: 'the failing target said' });
      const catalog = area.extraTargets!.catalogs().get('flaky')!;
      let retries = 0;
      catalog.on('change', (s) => void (s.state.kind === 'error' && retries++));
      await waitFor(() => retries >= 2, { what: 'the target to retry twice', timeoutMs: 30_000 });
      await cluster.admin('DELETE', '/__local/faults');
      await fail(403);
      const problem = () => {
        const state = catalog.snapshot().state;
        return state.kind === 'error' ? state.problem : state.kind;
      };
      await waitFor(() => problem() === 'forbidden', { what: 'the target forbidden', timeoutMs: 30_000 });
      assert.equal(said(), saidBefore + 1, JSON.stringify(prompts.prompts));

      // Read again: its "listed" line is written after every earlier one, so the log is complete up to here.
      await cluster.heal();
      const listed = '[targets] flaky: listed ';
      await waitFor(() => windowLogFiles(area.host.context.logUri).some((f) => f.text.includes(listed)), {
        what: 'the target read again, in the log',
        timeoutMs: 30_000,
      });
      const lines = windowLogFiles(area.host.context.logUri).flatMap((f) => f.text.split('\n'));
      assert.deepEqual(
        lines.filter((l) => l.includes('[targets] flaky: catalog error')),
        [],
        'a retry is not logged',
      );
      const aboutFlaky = lines.filter((l) => l.includes('[targets] Pachyderm: extra target "flaky"'));
      assert.equal(aboutFlaky.length, 2, `each problem logged once: ${aboutFlaky.join('\n')}`);
    } finally {
      prompts.done();
      await cluster.heal();
    }
  });
});
