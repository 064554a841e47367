/** What the faces (client, server, cli) use of this module; they import it only through this file. */
export * from './certificateFacts';
export * from './factsText';
export * from './validity';
export * from './secretCertificates';
