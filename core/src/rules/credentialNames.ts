/**
 * Whether an environment variable's name says it holds a credential (PS050, names half; the values half is
 * credentialValues.ts).
 *
 * A name is cut into words at `_`, `-`, `.` and camelCase humps (`dbPassword`, `APIKey`), and it is a credential's
 * name when its words END with a credential term (`DB_PASSWORD`, `GITHUB_TOKEN`, `AWS_SECRET_ACCESS_KEY`, `apiKey`).
 * Ending matters: a term followed by another word names something about the credential, not the credential
 * (`SECRET_NAME`, `PASSWORD_FILE`, `TOKEN_PATH`, `TOKEN_URL`, `AWS_ACCESS_KEY_ID`), and whole words matter so that
 * `TOKENIZER_MODEL` or `MAX_TOKENS` are not tokens. kube-linter's `env-var-secret` matches `(?i).*secret.*`, which
 * fires on `SECRET_NAME`; gitleaks' generic rule pairs keywords with a value's entropy. We keep the names narrow and
 * let the values (credentialValues.ts) catch what a plain name hides.
 */

/** Words after the term that still leave it the credential itself (`DB_PASSWORD_2`, `TOKEN_B64`, `CREDS_JSON`). */
const NEUTRAL_SUFFIXES = new Set(['value', 'b64', 'base64', 'encoded', 'raw', 'plain', 'str', 'string', 'json']);

/** What each term is, as the message words it ("its name says it is a password"). Longest terms first. */
const TERMS: ReadonlyArray<{ words: readonly string[]; what: string }> = [
  { words: ['secret', 'access', 'key'], what: 'a secret access key' },
  { words: ['private', 'key'], what: 'a private key' },
  { words: ['access', 'key'], what: 'an access key' },
  { words: ['secret', 'key'], what: 'a secret key' },
  { words: ['api', 'key'], what: 'an API key' },
  { words: ['signing', 'key'], what: 'a signing key' },
  { words: ['encryption', 'key'], what: 'an encryption key' },
  { words: ['master', 'key'], what: 'a master key' },
  { words: ['account', 'key'], what: 'an account key' },
  { words: ['apikey'], what: 'an API key' },
  { words: ['privatekey'], what: 'a private key' },
  { words: ['secretkey'], what: 'a secret key' },
  { words: ['accesskey'], what: 'an access key' },
  { words: ['password'], what: 'a password' },
  { words: ['passwd'], what: 'a password' },
  { words: ['passphrase'], what: 'a passphrase' },
  { words: ['pass'], what: 'a password' },
  { words: ['pwd'], what: 'a password' },
  { words: ['token'], what: 'a token' },
  { words: ['secret'], what: 'a secret' },
  { words: ['credentials'], what: 'credentials' },
  { words: ['credential'], what: 'a credential' },
  { words: ['creds'], what: 'credentials' },
];

/**
 * Words before `token` that make it a tokenizer's or a pager's token, not a credential: machine-learning specs set
 * `PAD_TOKEN=<pad>` or `MAX_TOKEN=512`, API clients `PAGE_TOKEN`.
 */
const NOT_CREDENTIAL_TOKENS = new Set([
  'pad',
  'eos',
  'bos',
  'unk',
  'sep',
  'cls',
  'mask',
  'start',
  'end',
  'stop',
  'special',
  'max',
  'min',
  'num',
  'page',
  'next',
]);

/** `AWS_SECRET_ACCESS_KEY` → aws secret access key; `dbPassword2` → db password2; `APIKey` → api key. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/**
 * What the name says the variable holds ("a password"), or undefined when it is not a credential's name. Trailing
 * digits of a word (`PASSWORD2`) and neutral suffixes (`_VALUE`, `_B64`) are ignored.
 */
export function credentialNameKind(name: string): string | undefined {
  const all = nameWords(name);
  while (all.length && (NEUTRAL_SUFFIXES.has(all[all.length - 1]) || /^\d+$/.test(all[all.length - 1]))) all.pop();
  const words = all.map((w) => w.replace(/(?<=[a-z])\d+$/, ''));
  for (const term of TERMS) {
    const n = term.words.length;
    if (words.length < n || !term.words.every((w, i) => words[words.length - n + i] === w)) continue;
    const before = words[words.length - n - 1];
    // `PWD` alone is the shell's working directory, and `PASS` alone too vague; with a prefix they are passwords.
    if ((term.words[0] === 'pwd' || term.words[0] === 'pass') && before === undefined) return undefined;
    if (term.words[0] === 'token' && before !== undefined && NOT_CREDENTIAL_TOKENS.has(before)) return undefined;
    return term.what;
  }
  return undefined;
}
