/** What the faces (client, server, cli) use of this module; they import it only through this file. */
export * from './messages';
export * from './inspectUri';
