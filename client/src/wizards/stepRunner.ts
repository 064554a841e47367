/** Runs a wizard's steps in order; Back returns to the previous step with its answers still in the state. */
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
