/**
 * Every command of the extension, by id: one table, registered in one loop (registerCommands.ts), as
 * rust-analyzer's editors/code does. Each body is a named function in its area's folder. Every command that
 * package.json contributes is here, and so are the ones only the language server's quick fixes run.
 */
import { ClientCommands } from '../../../core/src/protocol';
import { ClusterCommands } from '../cluster/commandIds';
import { createSecretFromFile } from '../cluster/createFromFile';
import { insertSecretReference } from '../cluster/insertReference';
import { moveEnvToSecret } from '../cluster/moveEnvToSecret';
import { addSecretKey, removeSecretKey, renameSecretKey, setSecretValue } from '../cluster/keyEditCommands';
import {
  copySecretName,
  copySecretValue,
  deleteSecret,
  inspectSecret,
  revealSecretValue,
  showPipelinesUsingSecret,
} from '../cluster/secretCommands';
import {
  refreshSecrets,
  showAllSecrets,
  showFailingDeployedOnly,
  showSecretsOfRunningPipelines,
  showPachydermSecretsOnly,
  switchContext,
  switchNamespace,
} from '../cluster/targetCommands';
import { editSecretDecoded, SecretEditorCommands } from '../secretEditor/editSecretDecoded';
import {
  copySecretKeyForChart,
  moveValueToSecret,
  newPlatformSecret,
  PlatformCommands,
} from '../platform/platformCommands';
import {
  createMissingSecret,
  newDockerRegistrySecret,
  newGenericSecret,
  newTlsSecret,
  WizardCommands,
} from '../wizards/wizardCommands';
import type { CommandBody } from './commandContext';

export const commands: Readonly<Record<string, CommandBody>> = {
  [ClusterCommands.refresh]: refreshSecrets,
  [ClusterCommands.switchContext]: switchContext,
  [ClusterCommands.switchNamespace]: switchNamespace,
  [ClusterCommands.togglePachydermOnly]: showPachydermSecretsOnly,
  [ClusterCommands.showAllSecrets]: showAllSecrets,
  [ClusterCommands.failingDeployedOnly]: showFailingDeployedOnly,
  [ClusterCommands.showRunningToo]: showSecretsOfRunningPipelines,
  [ClusterCommands.inspect]: inspectSecret,
  [ClusterCommands.revealValue]: revealSecretValue,
  [ClusterCommands.copyValue]: copySecretValue,
  [ClusterCommands.copyName]: copySecretName,
  [ClusterCommands.showPipelines]: showPipelinesUsingSecret,
  [ClusterCommands.deleteSecret]: deleteSecret,
  [ClusterCommands.setValue]: setSecretValue,
  [ClusterCommands.addKey]: addSecretKey,
  [ClusterCommands.removeKey]: removeSecretKey,
  [ClusterCommands.renameKey]: renameSecretKey,
  [ClusterCommands.createFromFile]: createSecretFromFile,
  [ClusterCommands.insertReference]: insertSecretReference,
  [SecretEditorCommands.editDecoded]: editSecretDecoded,
  [PlatformCommands.newPlatformSecret]: newPlatformSecret,
  [ClientCommands.moveValueToSecret]: moveValueToSecret,
  [ClientCommands.copySecretKey]: copySecretKeyForChart,
  [ClientCommands.moveEnvToSecret]: moveEnvToSecret,
  [WizardCommands.newGeneric]: newGenericSecret,
  [WizardCommands.newTls]: newTlsSecret,
  [WizardCommands.newDockerRegistry]: newDockerRegistrySecret,
  [WizardCommands.createMissing]: createMissingSecret,
};

/** What the failure notification calls the commands that package.json does not contribute (quick fixes). */
export const quickFixTitles: Readonly<Record<string, string>> = {
  [ClientCommands.moveValueToSecret]: 'Move Value to Secret',
  [ClientCommands.copySecretKey]: 'Copy Key for the Chart',
  [ClientCommands.moveEnvToSecret]: 'Move into a Secret',
};
