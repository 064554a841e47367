/** What the faces (client, server, cli) use of this module; they import it only through this file. */
export * from './codeActions';
export * from './completion';
export type { CompletionInput, SpecCompletionItem } from './completionItem';
export { isNameListTruncated, MAX_NAME_ITEMS, secretDocumentation } from './secretNameCompletion';
export * from './hover';
export * from './envSecretAction';
export * from './envToSecretEdit';
