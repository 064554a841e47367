/** What the faces (client, server, cli) use of this module; they import it only through this file. */
export * from './codeActions';
export * from './completion';
export * from './hover';
