/**
 * Create Secret from File: `pachctl create secret -f FILE` from the explorer (a .json file) or the active
 * editor. The checks and the dry-run-then-create flow are core's (createSecretLikePachctl); this asks before
 * replacing an existing secret (twice for a platform secret of the Helm chart) and reports the outcome.
 *
 * Other areas (the New Secret wizards) call the command with `{ text, source }` to create a secret from JSON
 * they built, with the same checks and the same replace prompt.
 */
import * as vscode from 'vscode';
import { type CreateOutcome, createSecretLikePachctl } from '../../../core/src/catalog';
import { platformSecret } from '../../../core/src/helm';
import type { CommandContext } from '../commands/commandContext';
import type { ClusterArea } from './clusterArea';

interface TextSource {
  text: string;
  /** What to call it in messages (a file name, "the wizard"). */
  source: string;
}

/** `Pachyderm: Create Secret from File`; returns the outcome (the wizards' sink and the tests read it). */
export async function createSecretFromFile(
  { cluster: area }: CommandContext,
  arg?: unknown,
): Promise<CreateOutcome | undefined> {
  const input = await inputFrom(arg);
  if (!input) return undefined;
  const connected = area.api();
  if (!connected.ok) {
    void vscode.window.showErrorMessage(`Cannot create a secret from ${input.source}: ${connected.message}`);
    return undefined;
  }
  const api = connected.value;
  const where = `${area.catalog.target().context}/${api.namespace}`;
  let outcome = await createSecretLikePachctl(api, input.text);
  if (outcome.kind === 'exists') {
    if (!(await confirmReplace(area, outcome.name, where, input.source))) return outcome;
    outcome = await createSecretLikePachctl(api, input.text, { replace: true });
  }
  switch (outcome.kind) {
    case 'created':
    case 'replaced':
      area.host.output.info(`[cluster] ${outcome.kind} secret ${outcome.name} in ${where} from ${input.source}`);
      void vscode.window.showInformationMessage(
        `Secret "${outcome.name}" ${outcome.kind} in ${where} (labels suite=pachyderm, secret-source=pachyderm-user).`,
      );
      break;
    case 'refused':
      void vscode.window.showErrorMessage(`Cannot create a secret from ${input.source}: ${outcome.message}`);
      break;
    case 'api-error':
      void vscode.window.showErrorMessage(`The cluster refused the secret from ${input.source}: ${outcome.message}`);
      break;
  }
  return outcome;
}

/**
 * Asks before an existing secret is replaced, naming it and the keys it holds now. A platform secret of the
 * Helm chart needs a second, explicit confirmation: replacing "postgres" with a wizard's keys once cost the
 * chart its database password.
 */
async function confirmReplace(area: ClusterArea, name: string, where: string, source: string): Promise<boolean> {
  const keys = area.catalog.get(name)?.keys.map((k) => k.name) ?? [];
  const held = keys.length ? `Its keys (${keys.join(', ')}) and their values` : 'Its keys and values';
  const REPLACE = 'Replace';
  const first = await vscode.window.showWarningMessage(
    `Secret "${name}" already exists in ${where}. Replace it?`,
    {
      modal: true,
      detail:
        `${held} are replaced by those in ${source}; pipelines that use it see the new values when their workers ` +
        'restart.',
    },
    REPLACE,
  );
  if (first !== REPLACE) return false;
  const platform = platformSecret(name);
  if (!platform) return true;
  const REPLACE_PLATFORM = 'Replace Platform Secret';
  const second = await vscode.window.showWarningMessage(
    `"${name}" is a platform secret of the Pachyderm Helm chart (${platform.role}). Replace it anyway?`,
    {
      modal: true,
      detail:
        `The chart's pods read ${platform.keys.length ? platform.keys.join(', ') : 'it'} from this secret. ` +
        "Replacing it with other keys, or with pachctl's labels, can stop pachd or its database, auth or storage " +
        'from starting.',
    },
    REPLACE_PLATFORM,
  );
  return second === REPLACE_PLATFORM;
}

async function inputFrom(arg: unknown): Promise<TextSource | undefined> {
  if (arg && typeof arg === 'object' && typeof (arg as TextSource).text === 'string') {
    const t = arg as TextSource;
    return { text: t.text, source: t.source || 'the given JSON' };
  }
  if (arg instanceof vscode.Uri) {
    // Like pachctl, the file as saved on disk; an open editor with unsaved edits is read as shown.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === arg.toString());
    const text = open ? open.getText() : Buffer.from(await vscode.workspace.fs.readFile(arg)).toString('utf8');
    return { text, source: vscode.workspace.asRelativePath(arg) };
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showErrorMessage(
      'Create Secret from File: open a JSON Secret file, or run it from the explorer on a .json file.',
    );
    return undefined;
  }
  const doc = editor.document;
  return {
    text: doc.getText(),
    source: doc.isUntitled ? 'the untitled editor' : vscode.workspace.asRelativePath(doc.uri),
  };
}
