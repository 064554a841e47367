/**
 * The text of the decoded secret editor (Edit Secret (decoded)): a secret's data as JSON with the text keys
 * decoded under `stringData` and the binary keys under `data` as base64, which is what those two fields mean in a
 * Kubernetes Secret. JSON rather than YAML: a JSON string holds any text exactly (control characters are escaped,
 * nothing is coerced the way YAML reads `yes`, `0755` or a trailing newline), the client parses it with
 * `JSON.parse` and ships no YAML parser, and a syntax error is reported by position (safeJsonParse) without
 * quoting the text.
 *
 * A value the user left as it was is written back byte for byte: the original base64 is kept, never re-encoded.
 * Messages name keys and positions, never a value.
 */
import { safeJsonParse } from '../json/safeJsonParse';
import { secretKeyError } from '../manifest/keyRules';
import { failed, type Outcome, succeeded } from '../outcome';
import { isText } from './secretMeta';

/** A secret's `data`: key → value in base64, as the API server sends it. */
export type SecretData = Readonly<Record<string, string>>;

function decodedText(b64: string): string | undefined {
  const bytes = Buffer.from(b64, 'base64');
  // Buffer's decoder keeps a byte-order mark as U+FEFF, so the text shown is the text stored.
  return isText(bytes) ? bytes.toString('utf8') : undefined;
}

/** The editor's text for `data`: keys in the order given, text keys decoded, binary keys as base64. */
export function decodedSecretText(data: SecretData): string {
  const stringData: Record<string, string> = {};
  const binary: Record<string, string> = {};
  for (const [key, b64] of Object.entries(data)) {
    const text = decodedText(b64);
    if (text === undefined) binary[key] = b64;
    else stringData[key] = text;
  }
  return `${JSON.stringify({ stringData, data: binary }, null, 2)}\n`;
}

/** Standard base64 with padding, as the API server decodes `data` (Go's base64.StdEncoding). */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

type Fields = { stringData: Record<string, unknown>; data: Record<string, unknown> };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldsOf(value: unknown): Outcome<Fields> {
  if (!isRecord(value)) return failed('The text must be a JSON object with "stringData" and "data".');
  const extra = Object.keys(value).filter((k) => k !== 'stringData' && k !== 'data');
  if (extra.length) return failed(`Only "stringData" and "data" may be given, not ${JSON.stringify(extra[0])}.`);
  const stringData = value.stringData ?? {};
  const data = value.data ?? {};
  if (!isRecord(stringData)) return failed('"stringData" must be an object of key names to text.');
  if (!isRecord(data)) return failed('"data" must be an object of key names to base64.');
  return succeeded({ stringData, data });
}

/** Checks one key of the text and gives its base64 value, keeping the original when the value is unchanged. */
function keyValue(key: string, value: unknown, field: 'stringData' | 'data', original: SecretData): Outcome<string> {
  const bad = secretKeyError(key);
  if (bad) return failed(bad);
  if (typeof value !== 'string') return failed(`The value of "${key}" in "${field}" must be a string.`);
  const before = original[key];
  if (field === 'data') {
    if (value === before) return succeeded(before);
    return BASE64.test(value)
      ? succeeded(value)
      : failed(`The value of "${key}" in "data" is not base64; binary keys are written as base64.`);
  }
  if (before !== undefined && decodedText(before) === value) return succeeded(before);
  return succeeded(Buffer.from(value, 'utf8').toString('base64'));
}

/**
 * The secret's new `data` from the editor's text, or why the text cannot be written (by position or key name).
 * `original` is the data the text was made from, so unchanged values keep their exact bytes.
 */
export function secretDataFromText(text: string, original: SecretData): Outcome<Record<string, string>> {
  const parsed = safeJsonParse(text);
  if (!parsed.ok) return failed(`The text is not valid JSON: ${parsed.message}.`);
  const fields = fieldsOf(parsed.value);
  if (!fields.ok) return fields;
  const out: Record<string, string> = {};
  for (const field of ['stringData', 'data'] as const) {
    for (const [key, value] of Object.entries(fields.value[field])) {
      if (Object.hasOwn(out, key)) return failed(`Key "${key}" is given in both "stringData" and "data".`);
      const b64 = keyValue(key, value, field, original);
      if (!b64.ok) return b64;
      out[key] = b64.value;
    }
  }
  return succeeded(out);
}
