/** What the faces (client, server, cli) use of this module; they import it only through this file. */
export * from './attribution';
export * from './deployedModel';
export * from './kubeletMessages';
export * from './podFailure';
export * from './podSecretUses';
export * from './workerIdentity';
export type * from './workerObjects';
export * from './workerRecords';
export * from './deployedWatcher';
export * from './workerApi';
export * from './loadDeployed';
export * from './deployedSummary';
