/** What the faces (client, server, cli) use of this module; they import it only through this file. */
export * from './applyRuleSettings';
export * from './ruleLevels';
export * from './ruleSettingsFile';
