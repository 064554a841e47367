/**
 * The values of ./plainBlockYaml.ts that end their line: single-line plain and quoted scalars, resolved by the
 * core schema as far as this reader knows it, a one-line `[…]` of scalars, and `{}`. Like the block reader, it
 * throws GAVE_UP at anything else (escapes, other flow collections, scalars the core schema reads as floats or
 * non-decimal integers), and the chunk is parsed with the `yaml` package.
 */
import type { ArrayNode, ObjectNode, PropertyNode, ScalarNode, SpecNode, YamlNodeInfo } from './tree';

const NEWLINE = 10;
const SPACE = 32;
const DASH = 45;
const COLON = 58;
const HASH = 35;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const BACKSLASH = 92;
const COMMA = 44;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

/** A plain scalar's resolution by the core schema (yaml's schema/core tests), for what this reader gives up on. */
const CORE_NULL = /^(?:~|[Nn]ull|NULL)?$/;
const CORE_BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const CORE_INT = /^[-+]?[0-9]+$/;
/** Decimal integers this reader resolves itself: short enough to be exact, written as parseInt reads them. */
const SAFE_INT = /^-?[0-9]{1,15}$/;
const CORE_OTHER_NUMBER = [
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  /^0o[0-7]+$/,
  /^0x[0-9a-fA-F]+$/,
];

/** YAML's indicators: a plain scalar starting with one is something else, or needs rules this reader skips. */
const INDICATORS = new Set([...'-?:,[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));

const FLOW_INDICATORS = new Set([COMMA, OPEN_BRACKET, CLOSE_BRACKET, OPEN_BRACE, CLOSE_BRACE]);

/** What the `yaml` conversion puts on every plain scalar (never changed after the parse, so one is shared). */
const PLAIN: YamlNodeInfo = Object.freeze({ plain: true }) as YamlNodeInfo;

class GaveUp extends Error {}
/** Thrown to unwind from deep inside a nested collection; caught once per chunk. */
export const GAVE_UP = new GaveUp('not plain block YAML');

/** Whether a plain key would be read as null or a boolean by the core schema: not a string key, left to yaml. */
export function isCoreNullOrBool(key: string): boolean {
  return CORE_NULL.test(key) || CORE_BOOL.test(key);
}

/** Reads values in `text` up to `end`; children of `[…]` go through the block reader's `scratch`. */
export class InlineValueScanner {
  constructor(
    private readonly text: string,
    private readonly end: number,
    private readonly scratch: Array<SpecNode | PropertyNode>,
  ) {}

  /** A value that starts at `p`: a scalar, a one-line `[…]` of scalars, or `{}`. */
  scan(p: number): SpecNode {
    const c = this.text.charCodeAt(p);
    return c === OPEN_BRACKET
      ? this.scanFlowSeq(p)
      : c === OPEN_BRACE
        ? this.scanEmptyFlowMap(p)
        : this.scanScalar(p, false);
  }

  private scanScalar(p: number, inFlow: boolean): ScalarNode {
    const c = this.text.charCodeAt(p);
    // A flow collection running onto the next line, or nothing where a value should be.
    if (!(c > SPACE)) throw GAVE_UP;
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) return this.scanQuoted(p, c);
    // `-` starts a plain scalar when more than a space follows it (`-c`, `-1`; in `[…]`, nor `,` `]` `[` `{` `}`).
    const next = p + 1 < this.end ? this.text.charCodeAt(p + 1) : NEWLINE;
    const dashScalar = c === DASH && next > SPACE && !(inFlow && FLOW_INDICATORS.has(next));
    if (INDICATORS.has(c) && !dashScalar) throw GAVE_UP;
    return this.scanPlain(p, inFlow);
  }

  /** `[a, "b", 1]` on one line, scalars only (what `cmd` is often written as). */
  private scanFlowSeq(start: number): ArrayNode {
    const text = this.text;
    const from = this.scratch.length;
    let p = start + 1;
    for (;;) {
      while (p < this.end && text.charCodeAt(p) === SPACE) p++;
      if (p >= this.end) throw GAVE_UP;
      const c = text.charCodeAt(p);
      // `]` first, or after a `,`: yaml takes a trailing comma.
      if (c === CLOSE_BRACKET) break;
      if (c === COMMA) throw GAVE_UP;
      const item = this.scanScalar(p, true);
      this.scratch.push(item);
      p = item.end;
      while (p < this.end && text.charCodeAt(p) === SPACE) p++;
      const after = p < this.end ? text.charCodeAt(p) : NEWLINE;
      if (after === CLOSE_BRACKET) break;
      if (after !== COMMA) throw GAVE_UP;
      p++;
    }
    const items = this.scratch.slice(from) as SpecNode[];
    this.scratch.length = from;
    return { type: 'array', start, end: p + 1, items };
  }

  /** `{}` (or `{ }`), as `spout: {}` is written; a flow mapping with pairs is left to yaml. */
  private scanEmptyFlowMap(start: number): ObjectNode {
    let p = start + 1;
    while (p < this.end && this.text.charCodeAt(p) === SPACE) p++;
    if (p >= this.end || this.text.charCodeAt(p) !== CLOSE_BRACE) throw GAVE_UP;
    return { type: 'object', start, end: p + 1, properties: [] };
  }

  private scanQuoted(p: number, quote: number): ScalarNode {
    const text = this.text;
    let q = p + 1;
    for (;;) {
      if (q >= this.end) throw GAVE_UP;
      const c = text.charCodeAt(q);
      if (c === quote) break;
      // Escapes, a quote doubled inside '…', or a scalar running onto the next line.
      if (c < SPACE || (c === BACKSLASH && quote === DOUBLE_QUOTE)) throw GAVE_UP;
      q++;
    }
    if (quote === SINGLE_QUOTE && q + 1 < this.end && text.charCodeAt(q + 1) === SINGLE_QUOTE) throw GAVE_UP;
    return { type: 'scalar', start: p, end: q + 1, kind: 'string', value: text.slice(p + 1, q) };
  }

  /** A single-line plain scalar resolved by the core schema, as far as this reader knows it. */
  private scanPlain(p: number, inFlow: boolean): ScalarNode {
    const text = this.text;
    let q = p;
    let last = p;
    while (q < this.end) {
      const c = text.charCodeAt(q);
      if (c === NEWLINE) break;
      if (c < SPACE) throw GAVE_UP;
      if (c === COLON) {
        const next = q + 1 < this.end ? text.charCodeAt(q + 1) : NEWLINE;
        if (next === SPACE || next === NEWLINE || (inFlow && (next === COMMA || next === CLOSE_BRACKET))) throw GAVE_UP;
      } else if (c === HASH && text.charCodeAt(q - 1) === SPACE) {
        if (inFlow) throw GAVE_UP;
        break; // a comment
      } else if (inFlow && (c === COMMA || c === CLOSE_BRACKET)) {
        break;
      } else if (inFlow && (c === OPEN_BRACKET || c === OPEN_BRACE || c === CLOSE_BRACE)) {
        throw GAVE_UP;
      }
      if (c !== SPACE) last = q;
      q++;
    }
    return resolvePlain(text.slice(p, last + 1), p, last + 1);
  }
}

export function plainScalar(
  start: number,
  end: number,
  kind: ScalarNode['kind'],
  value: ScalarNode['value'],
): ScalarNode {
  const node: ScalarNode = { type: 'scalar', start, end, kind, value };
  node.yaml = PLAIN;
  return node;
}

function resolvePlain(source: string, start: number, end: number): ScalarNode {
  const first = source.charCodeAt(0);
  if (first === 126 /* ~ */ || first === 110 /* n */ || first === 78 /* N */) {
    if (CORE_NULL.test(source)) return plainScalar(start, end, 'null', null);
  } else if (first === 116 /* t */ || first === 84 /* T */ || first === 102 /* f */ || first === 70 /* F */) {
    if (CORE_BOOL.test(source)) return plainScalar(start, end, 'boolean', first === 116 || first === 84);
  } else if ((first >= 48 && first <= 57) || first === DASH || first === 43 /* + */ || first === 46 /* . */) {
    if (CORE_INT.test(source)) {
      if (!SAFE_INT.test(source)) throw GAVE_UP;
      return plainScalar(start, end, 'number', parseInt(source, 10));
    }
    for (const re of CORE_OTHER_NUMBER) if (re.test(source)) throw GAVE_UP;
  }
  return plainScalar(start, end, 'string', source);
}
