/** Runs a wizard's steps in order; Back returns to the previous step with its answers still in the state. */
import type { SourceReader } from '../../../core/src/manifest';
import type { ManifestSinks, StepPosition, WizardUi } from './wizardUi';

/**
 * A New Secret wizard: it asks through `ui`, reads the files the user names through `reader`, keeps every answer
 * in `state` (so a caller may pre-fill it, or read it once the wizard closes) and sends the manifest to `sinks`.
 */
export type Wizard<S> = (
  ui: WizardUi,
  sinks: ManifestSinks,
  reader: SourceReader,
  state: S,
) => Promise<'done' | 'cancel'>;

/** Each step's place in a wizard of `total` steps titled `title`; every step but the first offers Back. */
export function stepPositions(title: string, total: number): (step: number) => StepPosition {
  return (step) => ({ title, step, totalSteps: total, canGoBack: step > 1 });
}

export type StepOutcome = 'next' | 'back' | 'cancel' | 'done';

export async function runSteps(steps: ReadonlyArray<() => Promise<StepOutcome>>): Promise<'done' | 'cancel'> {
  let i = 0;
  while (i < steps.length) {
    const outcome = await steps[i]();
    if (outcome === 'cancel' || outcome === 'done') return outcome;
    i = outcome === 'back' ? Math.max(0, i - 1) : i + 1;
  }
  return 'done';
}

/** Maps a prompt's Back/Cancel onto step outcomes, or hands the value on. */
export function settled<T>(
  r: { kind: 'value'; value: T } | { kind: 'back' } | { kind: 'cancel' },
): T | 'back' | 'cancel' {
  return r.kind === 'value' ? r.value : r.kind;
}
