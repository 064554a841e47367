/**
 * Whether an environment variable's value is a credential by its shape, and which values are obviously not one
 * (PS050, values half; the names half is credentialNames.ts). Every answer is a phrase for the message that names
 * the kind of credential and never quotes the value.
 *
 * The shapes are the documented prefixes of well-known tokens (the same families gitleaks and detect-secrets ship
 * rules for): they are precise enough to fire whatever the variable is called. Past those, a value fires on its
 * randomness alone only when it is long (24+ characters of the base64/base64url alphabet), mixes upper case, lower
 * case and digits, has a Shannon entropy near the most its length allows, and is not made of words: model names
 * such as `XGBoostClassifierV1Tuned2023` have as much entropy as a 32-character random token, but most of their
 * letters sit in lowercase runs (`oost`, `lassifier`). detect-secrets fires at 4.5 bits per character for base64,
 * which misses random tokens shorter than about 32 characters; the word-run test is what lets us go lower.
 */

/** Well-known token shapes, searched anywhere in the value (a token may sit inside a header or a URL). */
const SHAPES: ReadonlyArray<{ re: RegExp; what: string }> = [
  { re: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/, what: 'a PEM private key' },
  { re: /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|A3T[A-Z0-9])[A-Z0-9]{16}\b/, what: 'an AWS access key ID' },
  { re: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/, what: 'a GitHub token' },
  { re: /\bgithub_pat_[A-Za-z0-9_]{40,}\b/, what: 'a GitHub fine-grained token' },
  { re: /\bglpat-[A-Za-z0-9_-]{20,}/, what: 'a GitLab personal access token' },
  { re: /\bxox[abposre]-[A-Za-z0-9-]{10,}/, what: 'a Slack token' },
  { re: /\bAIza[0-9A-Za-z_-]{35}\b/, what: 'a Google API key' },
  { re: /\b[rs]k_live_[0-9A-Za-z]{20,}\b/, what: 'a Stripe live key' },
  { re: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/, what: 'a JSON Web Token' },
];

/** `scheme://user:password@`, the password not a placeholder (checked by the caller) and not empty. */
const URL_WITH_PASSWORD = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/\s:@]*:[^/\s@]+@/;

const MIN_RANDOM_LENGTH = 24;
const RANDOM_ALPHABET = /^[A-Za-z0-9+/=_-]+$/;
/** Below this share of letters in word-like runs a value reads as random rather than as words. */
const MAX_WORDY_SHARE = 0.5;

/** What the value's shape says it is, or undefined when it has no credential's shape. */
export function credentialValueKind(value: string): string | undefined {
  for (const s of SHAPES) if (s.re.test(value)) return `the value has the shape of ${s.what}`;
  if (URL_WITH_PASSWORD.test(value)) return 'the value is a URL with a password in it';
  if (looksRandom(value)) return 'the value looks like a random key (high entropy)';
  return undefined;
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** A long, mixed-class, near-maximal-entropy string that is not made of words. */
export function looksRandom(value: string): boolean {
  if (value.length < MIN_RANDOM_LENGTH || !RANDOM_ALPHABET.test(value)) return false;
  if (!/[A-Z]/.test(value) || !/[a-z]/.test(value) || !/[0-9]/.test(value)) return false;
  // A random string of length L has an entropy close to log2(L) up to the alphabet's size; 0.8 bits below that
  // keeps 99% of random 24-character tokens, and 4 bits is where 32 characters and more already are.
  if (shannonEntropy(value) < Math.min(4, Math.log2(value.length) - 0.8)) return false;
  let wordy = 0;
  for (const m of value.matchAll(/[a-z]{3,}|[A-Z][a-z]{2,}/g)) wordy += m[0].length;
  return wordy / value.length < MAX_WORDY_SHARE;
}

/**
 * Values that are not a credential even under a credential's name: nothing, a placeholder a template fills in
 * (`$VAR`, `${VAR}`, `{{ .Values.x }}`, `<your-token>`), a boolean, a number, a mask (`****`, `xxxx`), a file path
 * (`/var/run/secrets/token`, `./creds.json`, `~/.aws/credentials`) or a URL without credentials. A path or URL is
 * where the credential is, which is what a spec should say.
 */
export function isObviouslyNotCredential(value: string): boolean {
  const v = value.trim();
  if (!v) return true;
  if (v.includes('{{') || /^<[^<>]*>$/.test(v)) return true;
  if (/^(true|false|yes|no|on|off|null|none|nil|~|enabled|disabled)$/i.test(v)) return true;
  if (/^[-+]?\d+(\.\d+)?$/.test(v)) return true;
  if (/^(.)\1*$/.test(v) || /^[*x.•-]+$/i.test(v)) return true;
  if (/^(\/|\.\.?\/|~\/|[A-Za-z]:\\)/.test(v) && !/\s/.test(v)) return true;
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(v) && !URL_WITH_PASSWORD.test(v);
}

/**
 * A value that names a Kubernetes secret rather than holding one: `DB_SECRET=postgres-secret`. Only for names whose
 * term is a secret or credentials, where that reading is common; `DB_PASSWORD=my-password` is still a password.
 */
export function namesASecretObject(value: string): boolean {
  return /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(value) && /secret|cred/.test(value);
}
