/**
 * PS050's quick fix "Move into a Secret": a client command with the entry's place and the defaults the user is
 * offered (a secret named after the pipeline, a key named after the variable). The value is not in the arguments:
 * the client reads it from the editor's text when the user runs the fix (core/src/language/envToSecretEdit.ts).
 */
import { secretKeyError } from '../manifest/keyRules';
import { ClientCommands, type MoveEnvToSecretArgs } from '../protocol/messages';

/** The longest name we offer, so that `-credentials` still fits a DNS-1123 subdomain. */
const MAX_SUGGESTED_NAME = 200;

/** `Daily_ETL` → `daily-etl-credentials`: a valid Secret name for the pipeline's credentials. */
export function suggestedEnvSecretName(pipeline: string | undefined): string {
  const base = (pipeline ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, MAX_SUGGESTED_NAME)
    .replace(/^-+|-+$/g, '');
  return `${base || 'pipeline'}-credentials`;
}

/** `DB_PASSWORD` → `db-password`: a key kubectl accepts (core/src/manifest/keyRules.ts), else `value`. */
export function suggestedEnvSecretKey(env: string): string {
  const key = env
    .toLowerCase()
    .replace(/_/g, '-')
    .replace(/[^-.a-z0-9]+/g, '')
    .replace(/^[-.]+|[-.]+$/g, '');
  return key && secretKeyError(key) === undefined ? key : 'value';
}

export interface EnvSecretFix {
  title: string;
  command: { title: string; command: string; arguments: [MoveEnvToSecretArgs] };
}

/** The code action for a PS050 finding (its data names the variable and the pipeline). */
export function moveEnvToSecretAction(uri: string, finding: { start: number; data?: Record<string, unknown> }) {
  const env = finding.data?.env;
  if (typeof env !== 'string') return [];
  const pipeline = typeof finding.data?.pipeline === 'string' ? finding.data.pipeline : undefined;
  const args: MoveEnvToSecretArgs = {
    uri,
    env,
    offset: finding.start,
    ...(pipeline !== undefined ? { pipeline } : {}),
    suggestedName: suggestedEnvSecretName(pipeline),
    suggestedKey: suggestedEnvSecretKey(env),
  };
  const title = 'Move into a Secret';
  const fix: EnvSecretFix = { title, command: { title, command: ClientCommands.moveEnvToSecret, arguments: [args] } };
  return [{ ...fix, isPreferred: true }];
}
