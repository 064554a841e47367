/** What the faces (client, server, cli) use of this module; they import it only through this file. */
export * from './chartFacts';
export * from './chartReading';
export * from './helmCompletion';
export * from './helmFixArgs';
export type { HelmFinding, HelmFixData } from './helmFinding';
export * from './helmHover';
export * from './helmRules';
export * from './parseHelmValues';
export * from './plainValueSlices';
export * from './valueSlice';
export * from './valuesEdits';
