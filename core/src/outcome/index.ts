/** The one result type for operations that can fail with a message for the user. */
export * from './outcome';
