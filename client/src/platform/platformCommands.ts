/**
 * The platform-secret commands: New Platform Secret (pick a chart role, create the secret with the key the
 * chart reads), and the two helm quick fixes the server offers: move a plain credential out of a values file
 * into a Secret (PH003), and copy a near-miss key to the key the chart reads (PH002).
 *
 * Values pass from the editor or an input box straight into the API call; they are never logged, put into a
 * message, a URI or the language server.
 */
import * as vscode from 'vscode';
import { HelmPlainValueRequest, HelmSecretNameEditsRequest } from '../../../core/src/protocol';
import { creatableRoles, readSlices, type SecretNameFact, suggestedSecretName } from '../../../core/src/helm';
import type { CopySecretKeyArgs, MoveValueToSecretArgs } from '../../../core/src/helm';
import { isDns1123Subdomain } from '../../../core/src/rules';
import { nodeSourceReader } from '../../../core/src/manifest';
import type { ClusterArea } from '../cluster/clusterArea';
import { applyEdits, askAboutDocument } from '../documentQuestions';
import { initialGenericState, runGenericWizard, type GenericWizardState } from '../wizards/genericWizard';
import type { CommandContext } from '../commands/commandContext';
import type { ManifestSinks } from '../wizards/wizardUi';
import { copyKeyInSecret, createOneKeySecret, createPlatformSecret, removeKeyFromSecret } from './platformSecretWrites';

export const PlatformCommands = {
  newPlatformSecret: 'pachyderm.newPlatformSecret',
} as const;

const validName = (v: string) =>
  isDns1123Subdomain(v)
    ? undefined
    : 'A Secret name is lowercase letters, digits, "-" and ".", at most 253 characters.';
const nonEmpty = (v: string) => (v.length ? undefined : 'The value cannot be empty.');

async function askName(fact: SecretNameFact, suggested: string, title: string): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title,
    prompt: `Name of the Secret for ${fact.role}; ${fact.path} will name it`,
    value: suggested,
    validateInput: validName,
    ignoreFocusOut: true,
  });
}

/** `Pachyderm: New Platform Secret`. Returns the created secret's name (tests), or undefined when cancelled. */
export async function newPlatformSecret({ cluster: area }: CommandContext): Promise<string | undefined> {
  const title = 'Pachyderm: New Platform Secret';
  const picked = await vscode.window.showQuickPick(
    creatableRoles().map((f) => ({
      label: f.role,
      description: `key ${f.key}`,
      detail: `For ${f.path} (instead of ${f.plainPath}) · chart ${f.lines.join(', ')} · read by ${f.pods.join(', ')}`,
      fact: f,
    })),
    { title, placeHolder: 'Which credential of the Pachyderm Helm chart?', matchOnDetail: true, ignoreFocusOut: true },
  );
  if (!picked) return undefined;
  const fact = picked.fact;
  const name = await askName(fact, suggestedSecretName(fact), title);
  if (!name) return undefined;
  const value = await vscode.window.showInputBox({
    title,
    prompt: `Value of key ${fact.key} in Secret ${name} (sent to the cluster only)`,
    password: true,
    validateInput: nonEmpty,
    ignoreFocusOut: true,
  });
  if (value === undefined) return undefined;
  const created = await createOneKeySecret(area, name, fact.key!, value);
  if (!created) return undefined;
  const setting = `${fact.path}: ${name}`;
  const COPY = 'Copy Setting';
  void vscode.window
    .showInformationMessage(
      `Created Secret "${name}" with key "${fact.key}". Set ${setting} in your values file.`,
      COPY,
    )
    .then(async (c) => {
      if (c === COPY) await vscode.env.clipboard.writeText(setting);
    });
  return name;
}

/**
 * PH003 quick fix, through the New Secret (Generic) wizard: name pre-filled, the file's value pre-filled as a
 * literal under the key the chart reads (shown masked, as a byte count). The values file changes only once the
 * secret was created in the cluster with that key. Returns the secret name when the value moved, for tests.
 */
export async function moveValueToSecret(
  { cluster: area, wizardUi, sinks: wizardSinks }: CommandContext,
  args: MoveValueToSecretArgs,
): Promise<string | undefined> {
  const uri = vscode.Uri.parse(args.uri);
  const document = await vscode.workspace.openTextDocument(uri);
  const file = vscode.workspace.asRelativePath(uri);
  const plain = await readPlainValue(area, document, file, args);
  if (plain === undefined) return undefined;
  // Created as kubectl would, without pachctl's labels (see createPlatformSecret); the wizard's other outputs stay.
  let created = false;
  const sinks: ManifestSinks = {
    ...wizardSinks,
    create: async (json) => {
      const result = await createPlatformSecret(area, json);
      created ||= result.ok;
      return result.ok ? { ok: true, message: '' } : result;
    },
  };
  const state: GenericWizardState = {
    ...initialGenericState({ name: args.suggestedName }),
    entries: [{ kind: 'literal', key: args.key, value: plain }],
  };
  const outcome = await runGenericWizard(wizardUi, sinks, nodeSourceReader, state);
  if (outcome !== 'done' || !created) {
    if (outcome === 'done')
      void vscode.window.showInformationMessage(`${file} is unchanged: the Secret was not created in the cluster.`);
    return undefined;
  }
  const name = state.name;
  if (!state.entries.some((e) => e.kind === 'literal' && e.key === args.key)) {
    void vscode.window.showWarningMessage(
      `Created Secret "${name}" without key "${args.key}", which the chart reads; ${file} is unchanged.`,
    );
    return undefined;
  }
  await pointValuesAtSecret(area, document, file, args, name);
  return name;
}

/**
 * The plain value at `args.plainPath`, read from the editor's text where the server says it is; undefined (after
 * telling the user why) when it cannot be read.
 */
async function readPlainValue(
  area: ClusterArea,
  document: vscode.TextDocument,
  file: string,
  args: MoveValueToSecretArgs,
): Promise<string | undefined> {
  const located = await askAboutDocument(area, document, HelmPlainValueRequest.type, {
    uri: document.uri.toString(),
    plainPath: args.plainPath,
  });
  if (!located.ok) {
    void vscode.window.showErrorMessage(`Could not read ${args.plainPath} in ${file}: ${located.reason}.`);
    return undefined;
  }
  // The server says where the value is; the value itself is read here, from the editor's text.
  const { slices, problem } = located.result;
  if (problem === 'unreadable') {
    void vscode.window.showErrorMessage(
      `${args.plainPath} in ${file} is written in a way this quick fix cannot read; move it into a Secret by hand.`,
    );
    return undefined;
  }
  const plain = slices && readSlices(located.text, slices);
  if (!plain) {
    void vscode.window.showErrorMessage(`${args.plainPath} no longer holds a value in ${file}; nothing to move.`);
    return undefined;
  }
  return plain;
}

/** Sets the values file's secret-name setting to the new Secret and removes the plain value, then saves. */
async function pointValuesAtSecret(
  area: ClusterArea,
  document: vscode.TextDocument,
  file: string,
  args: MoveValueToSecretArgs,
  name: string,
): Promise<void> {
  // Re-read: the user may have edited the file while the wizard was open.
  const wasDirty = document.isDirty;
  const edits = await askAboutDocument(area, document, HelmSecretNameEditsRequest.type, {
    uri: document.uri.toString(),
    plainPath: args.plainPath,
    secretNamePath: args.secretNamePath,
    name,
  });
  const applied = edits.ok && (await applyEdits(document, edits.result.edits));
  if (!applied) {
    const why = edits.ok ? '' : ` (${edits.reason})`;
    void vscode.window.showErrorMessage(
      `Created Secret "${name}", but could not edit ${file}${why}: set ` +
        `${args.secretNamePath}: ${name} and remove ${args.plainPath} by hand.`,
    );
    return;
  }
  // Saving takes the credential off the disk too; a file with other unsaved changes is left for the user to save.
  if (!wasDirty) await document.save();
  void vscode.window.showInformationMessage(
    `Moved ${args.plainPath} into Secret "${name}" (key "${args.key}"); ${file} now sets ${args.secretNamePath}.`,
  );
}

/** PH002 near-miss quick fix: copy, then offer (never assume) removing the old key. Returns true when copied. */
export async function copySecretKeyForChart(
  { cluster: area }: CommandContext,
  args: CopySecretKeyArgs,
): Promise<boolean> {
  const COPY = 'Copy Key';
  const ok = await vscode.window.showWarningMessage(
    `Copy the value of key "${args.from}" to key "${args.to}" in Secret "${args.secret}"?`,
    {
      modal: true,
      detail:
        `The Pachyderm chart reads "${args.to}". "${args.from}" ` +
        `is kept unless you choose to remove it afterwards.`,
    },
    COPY,
  );
  if (ok !== COPY) return false;
  if (!(await copyKeyInSecret(area, args.secret, args.from, args.to))) return false;
  // Asked after the command has done its part: removing is a separate, explicit choice.
  const REMOVE = `Remove "${args.from}"`;
  void vscode.window
    .showInformationMessage(
      `Copied "${args.from}" to "${args.to}" in Secret "${args.secret}". Remove the old key "${args.from}"?`,
      'Keep Both',
      REMOVE,
    )
    .then((next) => (next === REMOVE ? removeKeyFromSecret(area, args.secret, args.from) : undefined));
  return true;
}
