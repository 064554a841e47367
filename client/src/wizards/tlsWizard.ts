/**
 * New Secret (TLS): name, certificate file, key file, output. The pair is checked (Go's tls.X509KeyPair rules
 * via core) as soon as the key is chosen, and again when building, so the wizard cannot finish with a
 * mismatched or unreadable pair. The last step shows the certificate's public facts (./tlsCertificateNote.ts).
 */
import { type CertificateExpiryPolicy, DEFAULT_CERTIFICATE_WARNING_DAYS } from '../../../core/src/certificates';
import {
  ManifestError,
  readTlsFile,
  tlsDraftFromContents,
  type SecretDraft,
  type SourceReader,
} from '../../../core/src/manifest';
import { attempt, finishStep, nameStep } from './commonSteps';
import { certificateNote } from './tlsCertificateNote';
import { runSteps, stepPositions, type StepOutcome } from './stepRunner';
import type { ManifestSinks, StepPosition, WizardUi } from './wizardUi';

export interface TlsWizardState {
  name: string;
  certPath?: string;
  keyPath?: string;
  stringData: boolean;
}

const position = stepPositions('New Secret (TLS)', 4);

export function initialTlsState(prefill: { name?: string } = {}): TlsWizardState {
  return { name: prefill.name ?? '', stringData: false };
}

/**
 * A `Wizard<TlsWizardState>`; `certificatePolicy` is the moment and window the certificate's dates are judged with
 * (tests fix it; the command passes the setting).
 */
export function runTlsWizard(
  ui: WizardUi,
  sinks: ManifestSinks,
  reader: SourceReader,
  state: TlsWizardState,
  certificatePolicy: () => CertificateExpiryPolicy = defaultCertificatePolicy,
): Promise<'done' | 'cancel'> {
  return runSteps([
    () => nameStep(ui, position(1), state),
    () => fileStep(ui, position(2), state, 'certPath', reader),
    () => fileStep(ui, position(3), state, 'keyPath', reader),
    () =>
      finishStep(
        ui,
        sinks,
        position(4),
        state,
        () => buildTlsDraft(state, reader),
        () => certificateNote(state, reader, certificatePolicy()),
      ),
  ]);
}

/** Now, and the default warning window; the command passes `pachyderm.certificateExpiryWarningDays`. */
function defaultCertificatePolicy(): CertificateExpiryPolicy {
  return { now: Date.now(), warningDays: DEFAULT_CERTIFICATE_WARNING_DAYS };
}

export function buildTlsDraft(state: TlsWizardState, reader: SourceReader): SecretDraft {
  if (!state.certPath || !state.keyPath) throw new ManifestError('key and cert must be specified');
  return tlsDraftFromContents(state.name, readTlsFile(state.certPath, reader), readTlsFile(state.keyPath, reader));
}

async function fileStep(
  ui: WizardUi,
  pos: StepPosition,
  state: TlsWizardState,
  field: 'certPath' | 'keyPath',
  reader: SourceReader,
): Promise<StepOutcome> {
  const what = field === 'certPath' ? 'certificate' : 'private key';
  for (;;) {
    const current = state[field];
    const items: { label: string; description?: string; value: 'choose' | 'keep' }[] = [
      { label: `$(file) Choose the ${what} file…`, description: 'PEM', value: 'choose' },
    ];
    if (current) items.unshift({ label: `$(check) Keep ${current}`, value: 'keep' });
    const r = await ui.pick({ ...pos, placeholder: `The ${what} (PEM file)`, items });
    if (r.kind !== 'value') return r.kind;
    if (r.value === 'choose') {
      const file = await ui.chooseFile({ title: `TLS ${what}`, folders: false, openLabel: `Use as ${what}` });
      if (file === undefined) continue;
      state[field] = file;
    }
    if (field === 'certPath') {
      // Only readability here; the pair is checked once the key is known.
      if (attempt(ui, () => readTlsFile(state.certPath!, reader)) !== undefined) return 'next';
      continue;
    }
    try {
      buildTlsDraft(state, reader);
      return 'next';
    } catch (err) {
      if (!(err instanceof ManifestError)) throw err;
      ui.showError(`${err.withoutInput} (certificate ${state.certPath}, key ${state.keyPath})`);
    }
  }
}
