/** What the faces (client, server, cli) use of this module; they import it only through this file. */
export * from './clusterTarget';
export * from './namespaceName';
export * from './tlsVerification';
export * from './trustedSettings';
export * from './extraTargets';
