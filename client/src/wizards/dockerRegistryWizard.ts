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
import { runSteps, stepPositions, type StepOutcome, type Wizard } from './stepRunner';
import type { InputRequest, StepPosition } from './wizardUi';

export interface DockerRegistryWizardState {
  name: string;
  server: string;
  username: string;
  password: string;
  email: string;
  stringData: boolean;
}

const position = stepPositions('New Secret (Docker Registry)', 6);

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

export const runDockerRegistryWizard: Wizard<DockerRegistryWizardState> = (ui, sinks, reader, state) => {
  const field =
    (
      step: number,
      key: 'server' | 'username' | 'password' | 'email',
      req: Omit<InputRequest, keyof StepPosition | 'value'>,
    ) =>
    async (): Promise<StepOutcome> => {
      const r = await ui.input({ ...position(step), ...req, value: state[key] });
      if (r.kind !== 'value') return r.kind;
      state[key] = r.value;
      return 'next';
    };
  return runSteps([
    () => nameStep(ui, position(1), state),
    field(2, 'server', { prompt: 'Registry server', placeholder: DEFAULT_DOCKER_SERVER, validate: required('server') }),
    field(3, 'username', { prompt: 'Username', validate: required('username') }),
    field(4, 'password', { prompt: 'Password or token (masked)', password: true, validate: required('password') }),
    field(5, 'email', { prompt: 'Email (optional)', validate: () => undefined }),
    () => finishStep(ui, sinks, position(6), state, () => buildDockerRegistryDraft(state, reader)),
  ]);
};

export function buildDockerRegistryDraft(state: DockerRegistryWizardState, reader: SourceReader): SecretDraft {
  return buildDockerRegistrySecret(
    { name: state.name, server: state.server, username: state.username, password: state.password, email: state.email },
    reader,
  );
}
