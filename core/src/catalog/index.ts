/** What the faces (client, server, cli) use of this module; they import it only through this file. */
export * from './liveCatalog';
export * from './loadCatalog';
export * from './secretMeta';
export * from './secretOperations';
export * from './secretsApi';
export * from './snapshot';
export * from './secretEdits';
export * from './secretUpdate';
export * from './secretRecreate';
export * from './decodedSecretText';
export * from './snapshotChange';
export * from './targetCatalog';
