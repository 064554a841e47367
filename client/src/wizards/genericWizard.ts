/**
 * New Secret (Generic): name, then add literal values (typed in a password box), files, folders and env files
 * until done, then the output step. Each addition is checked by building the draft with core's kubectl rules,
 * so a key kubectl would refuse is refused here with kubectl's words.
 */
import * as path from 'node:path';
import {
  addEnvFileSources,
  addFileSources,
  addKey,
  goPathBase,
  newDraft,
  newKeyError,
  type SecretDraft,
  type SourceReader,
} from '../../../core/src/manifest';
import { attempt, finishStep, nameStep } from './commonSteps';
import { runSteps, stepPositions, type StepOutcome, type Wizard } from './stepRunner';
import type { StepPosition, WizardUi } from './wizardUi';

export type GenericEntry =
  | { kind: 'literal'; key: string; value: string }
  | { kind: 'file'; key: string; path: string }
  | { kind: 'folder'; path: string }
  | { kind: 'env'; path: string };

export interface GenericWizardState {
  name: string;
  entries: GenericEntry[];
  stringData: boolean;
  /** A key to offer first, from the "create missing secret" quick fix. */
  suggestedKey?: string;
}

const position = stepPositions('New Secret (Generic)', 3);

export function initialGenericState(prefill: { name?: string; key?: string } = {}): GenericWizardState {
  return { name: prefill.name ?? '', entries: [], stringData: false, suggestedKey: prefill.key };
}

export const runGenericWizard: Wizard<GenericWizardState> = (ui, sinks, reader, state) =>
  runSteps([
    () => nameStep(ui, position(1), state),
    () => entriesStep(ui, position(2), state, reader),
    () => finishStep(ui, sinks, position(3), state, () => buildGenericDraft(state, reader)),
  ]);

/** The draft the entries make, in the order they were added. Throws ManifestError as kubectl would. */
export function buildGenericDraft(
  state: Pick<GenericWizardState, 'name' | 'entries'>,
  reader: SourceReader,
): SecretDraft {
  const draft = newDraft(state.name, '');
  for (const e of state.entries) applyEntry(draft, e, reader);
  return draft;
}

function applyEntry(draft: SecretDraft, e: GenericEntry, reader: SourceReader): void {
  switch (e.kind) {
    case 'literal':
      return addKey(draft, e.key, Buffer.from(e.value, 'utf8'));
    case 'file':
      return addFileSources(draft, [`${e.key}=${e.path}`], reader);
    case 'folder':
      return addFileSources(draft, [e.path], reader);
    case 'env':
      return addEnvFileSources(draft, [e.path], reader);
  }
}

type EntryChoice = 'literal' | 'file' | 'folder' | 'env' | 'done' | { remove: number };

async function entriesStep(
  ui: WizardUi,
  pos: StepPosition,
  state: GenericWizardState,
  reader: SourceReader,
): Promise<StepOutcome> {
  for (;;) {
    const keysByEntry = keysPerEntry(state, reader);
    const allKeys = keysByEntry.flat();
    const items: { label: string; description?: string; detail?: string; value: EntryChoice }[] = [
      { label: '$(add) Add literal value…', description: 'typed in a masked box', value: 'literal' },
      { label: '$(file) Add file…', description: 'the file’s bytes under a key', value: 'file' },
      { label: '$(folder) Add folder…', description: 'one key per regular file', value: 'folder' },
      { label: '$(file-text) Add env file…', description: 'KEY=value lines', value: 'env' },
    ];
    state.entries.forEach((e, i) => {
      items.push({
        label: `$(key) ${keysByEntry[i].join(', ') || '(no keys)'}`,
        description: describeEntry(e),
        detail: 'Select to remove',
        value: { remove: i },
      });
    });
    items.push({
      label: `$(check) Done`,
      description: `${allKeys.length} key${allKeys.length === 1 ? '' : 's'}`,
      value: 'done',
    });
    const r = await ui.pick({
      ...pos,
      placeholder: allKeys.length ? `Keys so far: ${allKeys.join(', ')}` : 'Add the keys of the Secret',
      items,
    });
    if (r.kind !== 'value') return r.kind;
    const choice = r.value;
    if (choice === 'done') return 'next';
    if (typeof choice === 'object') {
      state.entries.splice(choice.remove, 1);
      continue;
    }
    const entry = await askEntry(ui, pos, state, choice, new Set(allKeys));
    if (entry === 'cancel') return 'cancel';
    if (entry === 'back') continue;
    const withEntry = { name: state.name, entries: [...state.entries, entry] };
    if (attempt(ui, () => buildGenericDraft(withEntry, reader)) !== undefined) {
      state.entries.push(entry);
      if (entry.kind === 'literal' && entry.key === state.suggestedKey) state.suggestedKey = undefined;
    }
  }
}

/** One addition; Back returns to the list. */
async function askEntry(
  ui: WizardUi,
  pos: StepPosition,
  state: GenericWizardState,
  kind: 'literal' | 'file' | 'folder' | 'env',
  existing: ReadonlySet<string>,
): Promise<GenericEntry | 'back' | 'cancel'> {
  const sub = { ...pos, canGoBack: true };
  if (kind === 'literal') {
    const suggested = state.suggestedKey && !existing.has(state.suggestedKey) ? state.suggestedKey : '';
    const key = await ui.input({
      ...sub,
      prompt: 'Key',
      placeholder: 'e.g. password',
      value: suggested,
      validate: (k) => newKeyError(k, existing),
    });
    if (key.kind !== 'value') return key.kind;
    const value = await ui.input({
      ...sub,
      prompt: `Value of "${key.value}" (masked; it stays in this window until you choose an output)`,
      password: true,
      validate: () => undefined,
    });
    if (value.kind !== 'value') return value.kind;
    return { kind: 'literal', key: key.value, value: value.value };
  }
  const file = await ui.chooseFile({
    title:
      kind === 'folder'
        ? 'Folder whose files become keys'
        : kind === 'env'
          ? 'Env file (KEY=value lines)'
          : 'File to add',
    folders: kind === 'folder',
    openLabel: 'Add',
  });
  if (file === undefined) return 'back';
  if (kind === 'folder') return { kind: 'folder', path: file };
  if (kind === 'env') return { kind: 'env', path: file };
  const key = await ui.input({
    ...sub,
    prompt: `Key for ${path.basename(file)}`,
    value: goPathBase(file),
    validate: (k) => newKeyError(k, existing),
  });
  if (key.kind !== 'value') return key.kind;
  return { kind: 'file', key: key.value, path: file };
}

/** The keys each entry contributes, for the list; an entry that no longer builds shows none. */
function keysPerEntry(state: GenericWizardState, reader: SourceReader): string[][] {
  const draft = newDraft(state.name, '');
  return state.entries.map((e) => {
    const before = new Set(draft.data.keys());
    try {
      applyEntry(draft, e, reader);
    } catch {
      return [];
    }
    return [...draft.data.keys()].filter((k) => !before.has(k));
  });
}

function describeEntry(e: GenericEntry): string {
  switch (e.kind) {
    case 'literal':
      return `literal, ${Buffer.byteLength(e.value, 'utf8')} bytes`;
    case 'file':
      return `from file ${e.path}`;
    case 'folder':
      return `from folder ${e.path}`;
    case 'env':
      return `from env file ${e.path}`;
  }
}
