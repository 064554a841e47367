/**
 * go-yaml v2's resolver, as far as kubectl's output depends on it: whether a plain text reads back as a string
 * (if not, go-yaml quotes it).
 */

const RESOLVE_MAP = new Set([
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'true',
  'True',
  'TRUE',
  'on',
  'On',
  'ON',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'false',
  'False',
  'FALSE',
  'off',
  'Off',
  'OFF',
  '',
  '~',
  'null',
  'Null',
  'NULL',
  // `<<` is in go-yaml's map but its first character has no resolver hint, so it stays a plain string.
  '.nan',
  '.NaN',
  '.NAN',
  '.inf',
  '.Inf',
  '.INF',
  '+.inf',
  '+.Inf',
  '+.INF',
  '-.inf',
  '-.Inf',
  '-.INF',
]);
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** go-yaml v2's `resolve(“”, s)` says "string" and `isBase60Float` says no: the string may be written plain. */
export function resolvesToString(s: string): boolean {
  if (RESOLVE_MAP.has(s)) return false;
  if (BASE60_FLOAT.test(s)) return false;
  const first = s[0];
  if (first === '.') return !(/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s) && Number.isFinite(Number(s)));
  if (first === '+' || first === '-' || (first >= '0' && first <= '9')) {
    if (isTimestamp(s)) return false;
    const plain = s.replace(/_/g, '');
    if (isGoInt(plain)) return false;
    if (YAML_STYLE_FLOAT.test(plain) && Number.isFinite(Number(plain))) return false;
  }
  return true;
}

/** `strconv.ParseInt(s, 0, 64)` or `ParseUint(s, 0, 64)` succeeds. */
function isGoInt(s: string): boolean {
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return false;
  let digits = m[2];
  if (/^0[oO]/.test(digits)) digits = '0o' + digits.slice(2);
  else if (/^0[0-7]+$/.test(digits)) digits = '0o' + digits.slice(1);
  const n = BigInt(digits.toLowerCase().replace(/^0x/, '0x').replace(/^0b/, '0b'));
  if (m[1] === '-') return n <= 2n ** 63n;
  return n < 2n ** 64n;
}

/** go-yaml v2's `parseTimestamp`: the layouts it tries, with time.Parse's range checks on the date. */
function isTimestamp(s: string): boolean {
  const m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]| )(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(Z|[-+]\d{2}:\d{2})?)?$/.exec(s);
  if (!m) return false;
  const [, y, mo, d, h, mi, se, zone] = m;
  if (h !== undefined && s[10] === ' ' && zone !== undefined) return false;
  if (h !== undefined && s[10] !== ' ' && zone === undefined) return false;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1) return false;
  const daysIn = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  if (day > daysIn) return false;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || Number(se) > 59)) return false;
  return true;
}
