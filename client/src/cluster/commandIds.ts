/** The command ids of the cluster area, in one place for package.json checks, menus and tests. */
export const ClusterCommands = {
  refresh: 'pachyderm.refreshSecrets',
  switchContext: 'pachyderm.switchContext',
  switchNamespace: 'pachyderm.switchNamespace',
  togglePachydermOnly: 'pachyderm.showPachydermSecretsOnly',
  showAllSecrets: 'pachyderm.showAllSecrets',
  failingDeployedOnly: 'pachyderm.showFailingDeployedOnly',
  showRunningToo: 'pachyderm.showSecretsOfRunningPipelines',
  inspect: 'pachyderm.inspectSecret',
  revealValue: 'pachyderm.revealSecretValue',
  copyValue: 'pachyderm.copySecretValue',
  copyName: 'pachyderm.copySecretName',
  showPipelines: 'pachyderm.showPipelinesUsingSecret',
  deleteSecret: 'pachyderm.deleteSecret',
  setValue: 'pachyderm.setSecretValue',
  addKey: 'pachyderm.addSecretKey',
  removeKey: 'pachyderm.removeSecretKey',
  renameKey: 'pachyderm.renameSecretKey',
  createFromFile: 'pachyderm.createSecretFromFile',
  insertReference: 'pachyderm.insertSecretReference',
} as const;

/** The view id of the Secrets tree. */
export const SECRETS_VIEW = 'pachyderm.secrets';
