/**
 * Steps every wizard shares: the secret's name, and the last step where the user decides where the manifest
 * goes (unsaved editor, file, cluster, server-side dry run) and whether values are written readable.
 */
import {
  ManifestError,
  printSecret,
  secretNameApiProblem,
  secretSizeProblem,
  type SecretDraft,
} from '../../../core/src/manifest';
import type { StepOutcome } from './stepRunner';
import type { ManifestSinks, PickItem, StepPosition, WizardUi } from './wizardUi';

export function nameError(name: string): string | undefined {
  return name === '' ? 'name must be specified' : undefined;
}

export async function nameStep(ui: WizardUi, pos: StepPosition, state: { name: string }): Promise<StepOutcome> {
  const r = await ui.input({
    ...pos,
    prompt: 'Name of the Secret',
    placeholder: 'e.g. s3-credentials',
    value: state.name,
    validate: nameError,
    warn: secretNameApiProblem,
  });
  if (r.kind !== 'value') return r.kind;
  state.name = r.value;
  return 'next';
}

type FinishChoice = 'editor' | 'save' | 'create' | 'dry-run' | 'toggle' | 'note';

/** A first row on the last step about what is being written (the TLS certificate); picking it shows `message`. */
export interface FinishNote {
  label: string;
  description?: string;
  detail?: string;
  message: string;
}

const ANSWERS_KEPT = 'Your answers are kept: save again to another path, or pick another output.';

const OVERSIZE_DETAIL =
  'Build anyway to get the manifest (for a file or an editor), or go back: your answers are kept, and Back ' +
  'on this step returns to the values.';

export const SAVED_MESSAGE_NOTE =
  'Base64 is an encoding, not encryption: anyone who can read the file can read the values.';

/** The last step's rows: the note about what is written (if any), the outputs, and the stringData toggle. */
function finishItems(stringData: boolean, about: FinishNote | undefined): PickItem<FinishChoice>[] {
  return [
    ...(about
      ? [{ label: about.label, description: about.description, detail: about.detail, value: 'note' as const }]
      : []),
    {
      label: '$(json) Open as unsaved JSON editor',
      description: 'review, then save or create from there',
      value: 'editor' as FinishChoice,
    },
    { label: '$(save) Save to file…', description: 'written with mode 0600', value: 'save' as FinishChoice },
    {
      label: '$(cloud-upload) Create in cluster now',
      description: 'as pachctl create secret',
      value: 'create' as FinishChoice,
    },
    {
      label: '$(beaker) Server-side dry run',
      description: 'the API server checks it; nothing is stored',
      value: 'dry-run' as FinishChoice,
    },
    {
      label: stringData
        ? '$(check) Write values as stringData (readable)'
        : '$(circle-large-outline) Write values as stringData (readable)',
      description: stringData ? 'on: text values under stringData' : 'off: base64 under data, as kubectl writes',
      value: 'toggle' as FinishChoice,
    },
  ];
}

/**
 * The last step. `build` makes the draft from the answers (it may throw a ManifestError, e.g. a file changed
 * since it was added). A failed create or dry run keeps the wizard here with every answer, so Back can fix them.
 */
export async function finishStep(
  ui: WizardUi,
  sinks: ManifestSinks,
  pos: StepPosition,
  state: { stringData: boolean },
  build: () => SecretDraft,
  note?: () => FinishNote | undefined,
): Promise<StepOutcome> {
  for (;;) {
    const about = note?.();
    const items = finishItems(state.stringData, about);
    const r = await ui.pick({ ...pos, placeholder: 'Where should the Secret manifest go?', items });
    if (r.kind !== 'value') return r.kind;
    if (r.value === 'toggle' || r.value === 'note') {
      if (r.value === 'toggle') state.stringData = !state.stringData;
      else ui.showInfo(about!.message);
      continue;
    }
    const draft = await buildConfirmed(ui, build);
    if (!draft) continue;
    const json = printSecret(draft, 'json', { stringData: state.stringData });
    if ((await deliver(ui, sinks, r.value, draft.name, json)) === 'done') return 'done';
  }
}

/**
 * Runs `action`; a ManifestError (the answers or their files cannot make a Secret) is shown to the user without
 * the input it quotes, and gives undefined. Any other error is a bug and is thrown.
 */
export function attempt<T>(ui: WizardUi, action: () => T): T | undefined {
  try {
    return action();
  } catch (err) {
    if (!(err instanceof ManifestError)) throw err;
    ui.showError(err.withoutInput);
    return undefined;
  }
}

/** The draft the answers make, or undefined when it cannot be built or the user goes back from its size. */
async function buildConfirmed(ui: WizardUi, build: () => SecretDraft): Promise<SecretDraft | undefined> {
  const draft = attempt(ui, build);
  if (!draft) return undefined;
  // Before the manifest text is made: a Secret the API server will refuse is asked about, not built silently.
  const tooLarge = secretSizeProblem(draft);
  if (
    tooLarge &&
    !(await ui.confirm({ message: tooLarge, detail: OVERSIZE_DETAIL, proceed: 'Build anyway', back: 'Go back' }))
  ) {
    return undefined;
  }
  return draft;
}

/**
 * Sends the manifest of Secret `name` where the user picked. 'done' closes the wizard; 'stay' keeps it on the
 * last step with every answer (a save dialog dismissed, a failed save or create, any dry run).
 */
async function deliver(
  ui: WizardUi,
  sinks: ManifestSinks,
  output: Exclude<FinishChoice, 'toggle' | 'note'>,
  name: string,
  json: string,
): Promise<'done' | 'stay'> {
  switch (output) {
    case 'editor':
      await sinks.openEditor(json);
      return 'done';
    case 'save': {
      const saved = await sinks.saveFile(json, `${name}.secret.json`);
      if (saved.kind === 'cancelled') return 'stay';
      if (saved.kind === 'failed') {
        ui.showError(`Could not save the manifest to ${saved.path}: ${saved.reason}. ${ANSWERS_KEPT}`);
        return 'stay';
      }
      ui.showInfo(`Saved Secret "${name}" to ${saved.path} (mode 0600). ${SAVED_MESSAGE_NOTE}`);
      return 'done';
    }
    case 'create': {
      const result = await sinks.create(json);
      if (result.ok) {
        // An empty message: the create path has told the user already.
        if (result.message) ui.showInfo(result.message);
        return 'done';
      }
      ui.showError(`${result.message} Your answers are kept: fix them with Back, or pick another output.`);
      return 'stay';
    }
    case 'dry-run': {
      const result = await sinks.serverDryRun(json);
      if (result.ok) ui.showInfo(result.message);
      else ui.showError(result.message);
      return 'stay';
    }
  }
}
