/**
 * PS050's quick fix "Move into a Secret": a plain credential in `transform.env` goes into a Kubernetes secret, and
 * the spec then reads it through a `transform.secrets` entry. The steps, in the order the user meets them: the
 * value is read from the editor where the language server says it is (slices of the text, never the value over
 * the connection); the user names the secret and the key (defaults from the pipeline and the variable); a modal
 * confirmation says what will be written where; the secret is created (Create Secret from File's path: pachctl's
 * checks, labels and replace prompt) or the key added to the existing secret (the version the user saw, as Add Key
 * does); only then is the spec edited. A failed cluster write leaves the spec as it was.
 *
 * The value exists here only in memory on its way to the cluster: no message, log line or argument holds it.
 */
import * as vscode from 'vscode';
import { editSecretKey, type CreateOutcome, type SecretMeta } from '../../../core/src/catalog';
import { addKey, newDraft, printSecret, secretKeyError } from '../../../core/src/manifest';
import { EnvToSecretEditRequest, type MoveEnvToSecretArgs, SpecEnvValueRequest } from '../../../core/src/protocol';
import { readSlices } from '../../../core/src/helm';
import { isDns1123Subdomain } from '../../../core/src/rules';
import type { CommandContext } from '../commands/commandContext';
import { applyEdits, askAboutDocument } from '../documentQuestions';
import type { ClusterArea } from './clusterArea';
import { ClusterCommands } from './commandIds';

const TITLE = 'Pachyderm: Move into a Secret';
export const CONFIRM_MOVE = 'Move into Secret';

/** Runs the fix; returns the secret's name once the spec reads the value from it (tests), else undefined. */
export async function moveEnvToSecret({ cluster: area }: CommandContext, args: MoveEnvToSecretArgs) {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
  const file = vscode.workspace.asRelativePath(document.uri);
  const value = await readEnvValue(area, document, file, args);
  if (value === undefined) return undefined;
  const name = await vscode.window.showInputBox({
    title: TITLE,
    prompt: `Name of the Secret that will hold ${args.env} (an existing Secret gets a new key)`,
    value: args.suggestedName,
    validateInput: (v) => (isDns1123Subdomain(v) ? undefined : NAME_RULE),
    ignoreFocusOut: true,
  });
  if (!name) return undefined;
  const existing = area.catalog.get(name);
  const key = await vscode.window.showInputBox({
    title: TITLE,
    prompt: `Key in Secret "${name}" for ${args.env}`,
    value: args.suggestedKey,
    validateInput: (v) => keyProblem(v, existing),
    ignoreFocusOut: true,
  });
  if (!key) return undefined;
  if (!(await confirmMove(area, file, args.env, name, key, existing))) return undefined;
  const written = existing ? await addToSecret(area, existing, key, value) : await createSecret(name, key, value);
  if (!written) {
    void vscode.window.showErrorMessage(`${file} is unchanged: ${args.env} was not written to Secret "${name}".`);
    return undefined;
  }
  area.host.output.info(`[spec] moved ${args.env} of ${file} into secret ${name} (key ${key})`);
  return (await pointEnvAtSecret(area, document, file, args, name, key)) ? name : undefined;
}

const NAME_RULE = 'A Secret name is lowercase letters, digits, "-" and ".", at most 253 characters.';

function keyProblem(key: string, existing: SecretMeta | undefined): string | undefined {
  const bad = secretKeyError(key);
  if (bad) return bad;
  if (existing?.keys.some((k) => k.name === key))
    return `Secret "${existing.name}" already has a key "${key}"; choose another key (its value is kept).`;
  return undefined;
}

/** The value, read from the editor's text where the server says it is; undefined after saying why not. */
async function readEnvValue(
  area: ClusterArea,
  document: vscode.TextDocument,
  file: string,
  args: MoveEnvToSecretArgs,
): Promise<string | undefined> {
  const { uri, env, pipeline, offset } = args;
  const located = await askAboutDocument(area, document, SpecEnvValueRequest.type, { uri, env, pipeline, offset });
  const why = !located.ok ? located.reason : located.result.problem;
  const value = located.ok && located.result.slices ? readSlices(located.text, located.result.slices) : undefined;
  if (!value) {
    void vscode.window.showErrorMessage(`Could not read ${env} in ${file}: ${why ?? 'it holds no value'}.`);
    return undefined;
  }
  return value;
}

async function confirmMove(
  area: ClusterArea,
  file: string,
  env: string,
  name: string,
  key: string,
  existing: SecretMeta | undefined,
): Promise<boolean> {
  const target = area.catalog.target();
  const where = `${target.context}/${target.namespace}`;
  const write = existing
    ? `Adds key "${key}" to the existing Secret "${name}" in ${where}; its other keys are kept.`
    : `Creates Secret "${name}" with key "${key}" in ${where}, labelled as pachctl does.`;
  const answer = await vscode.window.showWarningMessage(
    `Move ${env} into Secret "${name}" (key "${key}")?`,
    {
      modal: true,
      detail:
        `${write} Then ${file} reads ${env} from it through transform.secrets, and the plain value leaves the ` +
        'file. If the cluster refuses, the file is left as it is.',
    },
    CONFIRM_MOVE,
  );
  return answer === CONFIRM_MOVE;
}

/** Adds the key to the version of the secret the catalog holds; false after showing the cluster's refusal. */
async function addToSecret(area: ClusterArea, secret: SecretMeta, key: string, value: string): Promise<boolean> {
  const api = area.api();
  if (!api.ok) return showError(api.message);
  const written = await editSecretKey(api.value, secret, { kind: 'add', key, value: Buffer.from(value, 'utf8') });
  if (!written.ok) return showError(written.message);
  await area.catalog.refresh();
  return true;
}

/** Creates the secret through Create Secret from File, which reports its outcome to the user itself. */
async function createSecret(name: string, key: string, value: string): Promise<boolean> {
  let text: string;
  try {
    const draft = newDraft(name, '');
    addKey(draft, key, Buffer.from(value, 'utf8'));
    text = printSecret(draft, 'json');
  } catch (err) {
    return showError(`Could not build Secret "${name}": ${err instanceof Error ? err.message : String(err)}`);
  }
  const outcome = await vscode.commands.executeCommand<CreateOutcome | undefined>(ClusterCommands.createFromFile, {
    text,
    source: 'Move into a Secret',
  });
  return outcome?.kind === 'created' || outcome?.kind === 'replaced';
}

function showError(message: string): false {
  void vscode.window.showErrorMessage(message);
  return false;
}

/** Replaces the env entry by the secrets entry and saves a file that had no other unsaved changes. */
async function pointEnvAtSecret(
  area: ClusterArea,
  document: vscode.TextDocument,
  file: string,
  args: MoveEnvToSecretArgs,
  name: string,
  key: string,
): Promise<boolean> {
  const wasDirty = document.isDirty;
  const { uri, env, pipeline, offset } = args;
  const params = { uri, env, pipeline, offset, name, key };
  const answer = await askAboutDocument(area, document, EnvToSecretEditRequest.type, params);
  const result = answer.ok ? answer.result : undefined;
  const applied = result?.ok && (await applyEdits(document, [result.edit]));
  if (!applied) {
    const why = !answer.ok ? answer.reason : result && !result.ok ? result.message : 'the edit was not applied';
    void vscode.window.showErrorMessage(
      `Secret "${name}" holds ${env} under key "${key}", but ${file} could not be edited (${why}): replace ` +
        `transform.env ${env} by a transform.secrets entry (name ${name}, key ${key}, envVar ${env}) by hand.`,
    );
    return false;
  }
  // Saving takes the credential off the disk too; a file with other unsaved changes is left for the user to save.
  if (!wasDirty) await document.save();
  void vscode.window.showInformationMessage(
    `Moved ${env} into Secret "${name}" (key "${key}"); ${file} now reads it through transform.secrets.`,
  );
  return true;
}
