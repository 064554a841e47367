/**
 * Where a wizard's manifest goes in VS Code. Creating runs the cluster area's "Create Secret from File" command
 * with the JSON (one create path: pachctl's checks, labels and replace prompt). The unsaved editor is an
 * in-memory document (manifestDocuments.ts) that the language server never receives.
 */
import * as vscode from 'vscode';
import type { CreateOutcome } from '../../../core/src/catalog';
import { resolveTarget } from '../../../core/src/kubeconfig';
import { SecretsApi } from '../../../core/src/catalog';
import { serverDryRun } from '../../../core/src/manifest';
import { readTargetSettings, requestTimeoutMs } from '../cluster/clusterSettings';
import { ManifestDocuments } from './manifestDocuments';
import { PrivateFileError, writePrivateFile } from './privateFile';
import type { ManifestSinks, SaveResult, SinkResult } from './wizardUi';

const CREATE_FROM_TEXT_COMMAND = 'pachyderm.createSecretFromFile';

let documents: ManifestDocuments | undefined;

export const vscodeSinks: ManifestSinks = {
  async openEditor(json) {
    // Registered on first use and kept for the extension's lifetime; its texts go when their editors close.
    documents ??= new ManifestDocuments();
    await documents.open(nameOf(json), json);
  },

  async saveFile(json, suggestedName): Promise<SaveResult> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      title: 'Save Secret manifest',
      defaultUri: folder ? vscode.Uri.joinPath(folder, suggestedName) : undefined,
      filters: { JSON: ['json'] },
      saveLabel: 'Save (mode 0600)',
    });
    if (!target) return { kind: 'cancelled' };
    try {
      writePrivateFile(target.fsPath, json);
    } catch (err) {
      if (!(err instanceof PrivateFileError)) throw err;
      return { kind: 'failed', path: err.path, reason: err.reason };
    }
    return { kind: 'saved', path: target.fsPath };
  },

  async create(json): Promise<SinkResult> {
    // The command reports success or failure to the user itself; here only the outcome matters.
    const outcome = await vscode.commands.executeCommand<CreateOutcome | undefined>(CREATE_FROM_TEXT_COMMAND, {
      text: json,
      source: 'the New Secret wizard',
    });
    if (outcome && (outcome.kind === 'created' || outcome.kind === 'replaced')) return { ok: true, message: '' };
    if (outcome?.kind === 'exists')
      return { ok: false, message: `Secret "${outcome.name}" already exists and was not replaced.` };
    return { ok: false, message: 'The secret was not created.' };
  },

  async serverDryRun(json): Promise<SinkResult> {
    const target = await resolveTarget(readTargetSettings());
    if (!target.ok) return { ok: false, message: `Server-side dry run needs a cluster: ${target.reason}` };
    const api = await SecretsApi.open(target, requestTimeoutMs());
    const outcome = await serverDryRun(api, json);
    if (!outcome.ok)
      return {
        ok: false,
        message: `Server-side dry run in ${target.context}/${api.namespace} failed: ${outcome.message}`,
      };
    const keys = Object.keys(outcome.value.data ?? {}).length;
    return {
      ok: true,
      message:
        `Server-side dry run: ${target.context}/${api.namespace} would accept Secret ` +
        `"${outcome.value.metadata?.name}" (${keys} key${keys === 1 ? '' : 's'}, type ` +
        `${outcome.value.type ?? 'Opaque'}). Nothing was stored.`,
    };
  },
};

function nameOf(json: string): string {
  const name = (JSON.parse(json) as { metadata?: { name?: unknown } }).metadata?.name;
  return typeof name === 'string' ? name.replace(/[^-._a-zA-Z0-9]/g, '_') : 'secret';
}
