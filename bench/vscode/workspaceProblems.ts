/**
 * Row 15, inside the real VS Code extension host (bench/rows/workspaceProblemsVscode.ts starts it): a workspace of
 * 4,000 closed spec files; a secret they use is deleted in the cluster, and the time runs until every spec that
 * names it shows its PS002 in Problems. The secret is then created again (untimed) and the next one is deleted.
 * Writes its samples to the JSON file named by PACHYDERM_BENCH_OUT.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PachydermExtensionExports } from '../../client/src/extension';
import { activateExtension, cluster, testEnv } from '../../test/vscode/harness';

const TIMEOUT_MS = 120_000;

const hasPs002 = (uri: vscode.Uri, name: string) =>
  vscode.languages
    .getDiagnostics(uri)
    .some((d) => d.code === 'PS002' && d.message.includes(`missing Kubernetes secret ${name}`));

/** Resolves once `done(uri)` holds for every one of `uris`, checking each as its diagnostics change. */
function allOf(uris: vscode.Uri[], done: (uri: vscode.Uri) => boolean, what: string): Promise<void> {
  const pending = new Map(uris.filter((u) => !done(u)).map((u) => [u.toString(), u]));
  if (!pending.size) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`${what}: ${pending.size} of ${uris.length} files still wrong after ${TIMEOUT_MS} ms`));
    }, TIMEOUT_MS);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      for (const u of e.uris) {
        const key = u.toString();
        const uri = pending.get(key);
        if (uri && done(uri)) pending.delete(key);
      }
      if (pending.size) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}

/** Every spec file of the generated workspace and its text. */
function specFiles(root: string): Array<{ uri: vscode.Uri; text: string }> {
  const out: Array<{ uri: vscode.Uri; text: string }> = [];
  for (const dir of readdirSync(path.join(root, 'specs'))) {
    for (const f of readdirSync(path.join(root, 'specs', dir))) {
      const file = path.join(root, 'specs', dir, f);
      out.push({ uri: vscode.Uri.file(file), text: readFileSync(file, 'utf8') });
    }
  }
  return out;
}

export async function run(): Promise<void> {
  const out = process.env.PACHYDERM_BENCH_OUT;
  if (!out) throw new Error('PACHYDERM_BENCH_OUT is not set');
  const runs = Number(process.env.PACHYDERM_BENCH_RUNS || 20);
  const names = JSON.parse(process.env.PACHYDERM_BENCH_SECRETS || '[]') as string[];
  const exports = await activateExtension<PachydermExtensionExports>();
  await exports.serverReady;
  const files = specFiles(testEnv().workspace);
  const users = (name: string) => files.filter((f) => f.text.includes(`${name}`)).map((f) => f.uri);

  // The first full pass: the first secret's users have their PS002 once the scan has judged them.
  await cluster.deleteSecret(names[0]);
  const firstPass = performance.now();
  await allOf(users(names[0]), (u) => hasPs002(u, names[0]), 'the first pass');
  const firstPassMs = performance.now() - firstPass;
  await cluster.createSecret({ name: names[0], stringData: keys() });
  await allOf(users(names[0]), (u) => !hasPs002(u, names[0]), 'the first secret back');

  const deleteToProblems: number[] = [];
  const affected: number[] = [];
  for (let i = 1; i <= runs + 2; i++) {
    const name = names[i % names.length];
    const uris = users(name);
    const updated = allOf(uris, (u) => hasPs002(u, name), `PS002 for ${name}`);
    const t0 = performance.now();
    await cluster.deleteSecret(name);
    await updated;
    // The first two warm the watch and the server.
    if (i > 2) {
      deleteToProblems.push(performance.now() - t0);
      affected.push(uris.length);
    }
    await cluster.createSecret({ name, stringData: keys() });
    await allOf(uris, (u) => !hasPs002(u, name), `PS002 for ${name} to clear`);
  }
  writeFileSync(out, JSON.stringify({ deleteToProblems, affected, firstPassMs, files: files.length }));
}

/** The keys the generated specs name (bench/lib/specs.ts `keyName`). */
function keys(): Record<string, string> {
  return Object.fromEntries([...Array(8).keys()].map((j) => [`KEY_${j}`, 'bench']));
}
