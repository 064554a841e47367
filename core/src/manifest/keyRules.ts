/**
 * The one place that knows kubectl's key-name rules: `IsConfigMapKey` for Secret data keys and `IsEnvVarName`
 * for env-file keys (k8s.io/apimachinery/pkg/util/validation). The builders and the wizards' as-you-type
 * validation both call these, so a key the wizard accepts is a key kubectl accepts.
 */
import { ManifestError } from './manifestError';
import { isDns1123Subdomain } from '../rules/names';

const CONFIG_KEY_RE = /^[-._a-zA-Z0-9]+$/;
const ENV_VAR_RE = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const MAX_KEY_LENGTH = 253;

// The double spaces before "or" are kubectl's own.
const CONFIG_KEY_FORMAT =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or " +
  "'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
const ENV_VAR_FORMAT =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not " +
  "start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is " +
  "'[-._a-zA-Z][-._a-zA-Z0-9]*')";

/** Why `key` is not a valid Secret data key; empty when it is. */
export function secretKeyProblems(key: string): string[] {
  const problems: string[] = [];
  // Go measures the length in bytes.
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_LENGTH)
    problems.push(`must be no more than ${MAX_KEY_LENGTH} characters`);
  if (!CONFIG_KEY_RE.test(key)) problems.push(CONFIG_KEY_FORMAT);
  if (key === '.') problems.push("must not be '.'");
  else if (key === '..') problems.push("must not be '..'");
  else if (key.startsWith('..')) problems.push("must not start with '..'");
  return problems;
}

/** kubectl's message for an invalid data key, or undefined when the key is valid. */
export function secretKeyError(key: string): string | undefined {
  const problems = secretKeyProblems(key);
  return problems.length ? `${goQuote(key)} is not valid key name for a Secret ${problems.join(';')}` : undefined;
}

export function assertSecretKey(key: string): void {
  const err = secretKeyError(key);
  if (err) throw new ManifestError(err);
}

/** Where `key` first breaks the env-var name rule (0-based, UTF-16), or -1 when it is a valid name. */
export function envKeyBadIndex(key: string): number {
  if (ENV_VAR_RE.test(key)) return -1;
  if (!key.length || /^[0-9]/.test(key)) return 0;
  return key.search(/[^-._a-zA-Z0-9]/);
}

/** What an env-file key must be, in words that quote nothing of the file. */
export const ENV_KEY_EXPECTED =
  "KEY=value, with a KEY of letters, digits, '_', '-' or '.' that does not start with a digit";

/** kubectl's message for an invalid env-file key, or undefined when the key is valid. */
export function envKeyError(key: string): string | undefined {
  return ENV_VAR_RE.test(key) ? undefined : `${goQuote(key)} is not a valid key name: ${ENV_VAR_FORMAT}`;
}

/** Go's `%q` of a string, as kubectl prints keys in its messages. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\v') out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c === 0xfeff) out += '\\ufeff';
    else if ((c >= 0x80 && c < 0xa0) || c === 0xad) out += '\\u' + c.toString(16).padStart(4, '0');
    else if (c === 0xfffd) out += '\\ufffd';
    else out += ch;
  }
  return out + '"';
}

/**
 * Why the API server would refuse this Secret name (kubectl itself lets any name through), or undefined.
 * The wizards show it as a warning, not a block: a manifest saved to a file may still be edited.
 */
export function secretNameApiProblem(name: string): string | undefined {
  if (isDns1123Subdomain(name)) return undefined;
  return (
    'the API server will refuse it: a Secret name must be a lowercase RFC 1123 subdomain of at most 253 ' +
    "characters: lower case alphanumeric characters, '-' or '.', starting " +
    "and ending with an alphanumeric character (e.g. 'example.com')"
  );
}
