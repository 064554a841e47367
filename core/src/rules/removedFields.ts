/**
 * Fields that older Pachyderm versions had and 2.x no longer knows. pachctl 2.x rejects them as unknown fields,
 * so PS101 stays an error, but its message names the field's path and what replaced it, and a quick fix makes
 * the change where it is mechanical (core/src/language/codeActions.ts).
 *
 * Each entry was checked against pps.proto at the versions involved (pachyderm/pachyderm
 * src/client/pps/pps.proto at tags v1.4.0 to v1.13.0, src/pps/pps.proto at v2.0.0):
 * - `inputs` (repeated PipelineInput) is in CreatePipelineRequest up to 1.5, beside `input` (Input) from 1.5;
 *   1.6 drops it.
 * - `atom` (AtomInput) is Input's field 1 up to 1.8; 1.9 has `pfs` (PFSInput) with the same fields
 *   (name, repo, branch, commit, glob, lazy, empty_files) instead.
 * - ParallelismSpec's `strategy` (CONSTANT/COEFFICIENT) is in 1.4 and `reserved 1` from 1.5; `coefficient`
 *   lasts until 1.13 and 2.0 keeps only `constant`.
 * - `standby` is in CreatePipelineRequest from 1.8 to 1.13; 2.0 has `autoscaling` (its CHANGELOG.md: "Standby
 *   option replaced by autoscaling").
 * - Spout has `overwrite` from 1.9 and `marker` from 1.10, both until 1.13; 2.0's Spout has only `service`.
 */
import type { MessageName } from '../pipelineSpec/fields';

/** How the quick fix changes the field: rename its key, or remove it. */
export type RemovedFieldFix = { kind: 'rename'; to: string } | { kind: 'remove' };

export interface RemovedField {
  /** What replaced it, or what to do instead: the tail of the PS101 message. */
  hint: string;
  fix?: RemovedFieldFix;
}

const REMOVED: Partial<Record<MessageName, Readonly<Record<string, RemovedField>>>> = {
  CreatePipelineRequest: {
    inputs: {
      hint: 'Pachyderm 1.5 replaced it with "input", which holds one input (several go under "cross" or "union")',
      fix: { kind: 'rename', to: 'input' },
    },
    standby: { hint: 'Pachyderm 2.0 replaced it with "autoscaling"', fix: { kind: 'rename', to: 'autoscaling' } },
  },
  Input: {
    atom: {
      hint: 'Pachyderm 1.9 replaced it with "pfs", which has the same fields',
      fix: { kind: 'rename', to: 'pfs' },
    },
  },
  ParallelismSpec: {
    strategy: {
      hint: 'removed in Pachyderm 1.5: "constant" alone sets the number of workers',
      fix: { kind: 'remove' },
    },
    coefficient: { hint: 'removed in Pachyderm 2.0: set "constant" to the number of workers instead' },
  },
  Spout: {
    overwrite: { hint: 'removed in Pachyderm 2.0, where a spout has only "service"', fix: { kind: 'remove' } },
    marker: { hint: 'removed in Pachyderm 2.0, where a spout has only "service"' },
  },
};

/** The removed field `key` of `message`, if it is one. */
export function removedField(message: MessageName, key: string): RemovedField | undefined {
  const fields = REMOVED[message];
  return fields && Object.prototype.hasOwnProperty.call(fields, key) ? fields[key] : undefined;
}
