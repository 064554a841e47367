/**
 * Runs inside the real VS Code extension host (bench/rows/vscode.ts starts it like the extension-host suite):
 * measures activate() and, end to end, how long a PS002 on an open spec takes to disappear once the secret is
 * created in the cluster. Writes its samples to the JSON file named by PACHYDERM_BENCH_OUT.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PachydermExtensionExports } from '../../client/src/extension';
import { activateExtension, cluster, testEnv, waitForDiagnostics } from '../../test/vscode/harness';

const hasPs002 = (ds: readonly vscode.Diagnostic[], name: string) =>
  ds.some((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'PS002' && d.message.includes(name));

export async function run(): Promise<void> {
  const out = process.env.PACHYDERM_BENCH_OUT;
  if (!out) throw new Error('PACHYDERM_BENCH_OUT is not set');
  const runs = Number(process.env.PACHYDERM_BENCH_RUNS || 20);
  const exports = await activateExtension<PachydermExtensionExports>();
  await exports.serverReady;

  const secretToDiagnostic: number[] = [];
  const file = vscode.Uri.file(path.join(testEnv().workspace, 'bench-e2e.pipeline.json'));
  for (let i = 0; i < runs + 2; i++) {
    const name = `bench-e2e-${i}`;
    const spec = {
      pipeline: { name: 'bench' },
      transform: { image: 'a:1', secrets: [{ name, key: 'token', envVar: 'TOKEN' }] },
    };
    await vscode.workspace.fs.writeFile(file, Buffer.from(JSON.stringify(spec, null, 2)));
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    await waitForDiagnostics(file, (ds) => hasPs002(ds, name), { what: `PS002 for ${name}` });
    const t0 = performance.now();
    const gone = waitForDiagnostics(file, (ds) => !hasPs002(ds, name), { what: `PS002 for ${name} to clear` });
    await cluster.createSecret({ name, stringData: { token: 'bench' } });
    await gone;
    if (i >= 2) secretToDiagnostic.push(performance.now() - t0); // the first two warm the watch and the server
    await cluster.deleteSecret(name);
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  writeFileSync(out, JSON.stringify({ activationMs: [exports.activationMs], secretToDiagnostic }));
}
