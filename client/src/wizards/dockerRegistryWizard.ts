/**
 * New Secret (Docker Registry): name, server (kubectl's default), username, password (masked), email
 * (optional), output. The manifest is kubectl's `.dockerconfigjson` layout, built by core.
 */
import {
  DEFAULT_DOCKER_SERVER,
  buildDockerRegistrySecret,
  type SecretDraft,
  type SourceReader,
} from '../../../core/src/manifest';
import { finishStep, nameStep } from './commonSteps';
import { runSteps, type StepOutcome } from './stepRunner';
import type { InputRequest, ManifestSinks, StepPosition, WizardUi } from './wizardUi';

export interface DockerRegistryWizardState {
  name: string;
  server: string;
  username: string;
  password: string;
  email: string;
  stringData: boolean;
}

const TITLE = 'New Secret (Docker Registry)';
const TOTAL = 6;

export function initialDockerRegistryState(prefill: { name?: string } = {}): DockerRegistryWizardState {
  return {
    name: prefill.name ?? '',
    server: DEFAULT_DOCKER_SERVER,
    username: '',
    password: '',
    email: '',
    stringData: false,
  };
}

const required = (what: string) => (v: string) =>
  v === ''
    ? `The ${what} is required (kubectl needs --docker-username, --docker-password and --docker-server).`
    : undefined;

export async function runDockerRegistryWizard(
  ui: WizardUi,
  sinks: ManifestSinks,
  reader: SourceReader,
  state: DockerRegistryWizardState,
): Promise<'done' | 'cancel'> {
  const pos = (step: number): StepPosition => ({ title: TITLE, step, totalSteps: TOTAL, canGoBack: step > 1 });
  const field =
    (
      step: number,
      key: 'server' | 'username' | 'password' | 'email',
      req: Omit<InputRequest, keyof StepPosition | 'value'>,
    ) =>
    async (): Promise<StepOutcome> => {
      const r = await ui.input({ ...pos(step), ...req, value: state[key] });
      if (r.kind !== 'value') return r.kind;
      state[key] = r.value;
      return 'next';
    };
  return runSteps([
    () => nameStep(ui, pos(1), state),
    field(2, 'server', { prompt: 'Registry server', placeholder: DEFAULT_DOCKER_SERVER, validate: required('server') }),
    field(3, 'username', { prompt: 'Username', validate: required('username') }),
    field(4, 'password', { prompt: 'Password or token (masked)', password: true, validate: required('password') }),
    field(5, 'email', { prompt: 'Email (optional)', validate: () => undefined }),
    () => finishStep(ui, sinks, pos(6), state, () => buildDockerRegistryDraft(state, reader)),
  ]);
}

export function buildDockerRegistryDraft(state: DockerRegistryWizardState, reader: SourceReader): SecretDraft {
  return buildDockerRegistrySecret(
    { name: state.name, server: state.server, username: state.username, password: state.password, email: state.email },
    reader,
  );
}
