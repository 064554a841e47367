/** The manifest builders' public surface: what the CLI and the wizards import. */
export * from './manifestError';
export * from './keyRules';
export * from './secretDraft';
export * from './sourceReader';
export * from './sourceParsing';
export { parseEnvFile } from './envFile';
export { buildGenericSecret, checkGenericOptions, type GenericSecretOptions } from './genericSecret';
export * from './tlsSecret';
export { checkTlsKeyPair } from './tlsPair';
export * from './dockerRegistrySecret';
export * from './secretHash';
export * from './secretOutput';
export * from './secretSize';
export type { TextSink } from './textChunks';
export { addEnvFileSources, addFileSources, addLiteralSources } from './fileSources';
