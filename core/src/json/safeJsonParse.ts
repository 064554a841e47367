/**
 * JSON.parse for text that may hold secret values (a `--secrets` file, a Secret manifest, an exec credential
 * plugin's output). V8's own messages quote about ten characters around the error (`…"assword": hunter2pas"…`),
 * so on failure the text is scanned again here and the error is told by position and by what was expected
 * there, never by the text around it. The scan follows RFC 8259 exactly, so it fails where JSON.parse fails.
 */
import type { Outcome } from '../outcome';

/** On failure, where the text stops being JSON and what JSON allows there, beside the message. */
export type SafeJsonResult = Outcome<unknown, { line: number; column: number; expected: string }>;

/** Where the text stops being JSON: an offset and what JSON allows there. */
interface SyntaxSpot {
  offset: number;
  expected: string;
}

const A_VALUE = 'a value (a string, number, object, array, true, false or null)';

export function safeJsonParse(text: string): SafeJsonResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    // V8's message is dropped on purpose; see the file comment.
  }
  const spot = firstSyntaxError(text) ?? { offset: 0, expected: 'JSON' };
  const { line, column } = lineAndColumn(text, spot.offset);
  return {
    ok: false,
    line,
    column,
    expected: spot.expected,
    message: `line ${line}, column ${column}: expected ${spot.expected}`,
  };
}

/** 1-based line and column (in UTF-16 units, as editors count) of an offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const isWs = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

/**
 * The first place the text breaks JSON's grammar, or undefined when it is JSON. Iterative (a stack of open
 * containers), so a deeply nested file cannot overflow the call stack.
 */
export function firstSyntaxError(text: string): SyntaxSpot | undefined {
  return new GrammarScan(text).firstError();
}

/** What the scan expects next: a value, a property name, or what follows a value (`,`, a closer or the end). */
type ScanState = 'value' | 'value-or-]' | 'key' | 'key-or-}' | 'after';

/** One pass over the text, a state machine over `state` and the stack of open containers. */
class GrammarScan {
  private readonly n: number;
  private readonly open: Array<'{' | '['> = [];
  private i = 0;
  private state: ScanState = 'value';

  constructor(private readonly text: string) {
    this.n = text.length;
  }

  firstError(): SyntaxSpot | undefined {
    for (;;) {
      this.skipWhitespace();
      const err =
        this.state === 'after'
          ? this.afterValue()
          : this.state === 'key' || this.state === 'key-or-}'
            ? this.propertyName()
            : this.value();
      if (err) return err === 'end' ? undefined : err;
    }
  }

  private at(expected: string): SyntaxSpot {
    return { offset: this.i, expected };
  }

  private skipWhitespace(): void {
    while (this.i < this.n && isWs(this.text.charCodeAt(this.i))) this.i++;
  }

  /** A value, or (in an array that has no element yet) its closing `]`. */
  private value(): SyntaxSpot | undefined {
    const c = this.text[this.i];
    if (this.state === 'value-or-]' && c === ']') return this.closeContainer();
    if (this.i >= this.n) return this.at(`${A_VALUE} before the end of the text`);
    if (c === '\ufeff') return this.at(`${A_VALUE}, not a byte order mark`);
    if (c === '{' || c === '[') {
      this.open.push(c);
      this.i++;
      this.state = c === '{' ? 'key-or-}' : 'value-or-]';
      return undefined;
    }
    const err =
      c === '"'
        ? this.scanString()
        : c === '-' || isDigit(c.charCodeAt(0))
          ? this.scanNumber()
          : 'tfn'.includes(c)
            ? this.scanLiteral()
            : this.at(A_VALUE);
    if (err) return err;
    this.state = 'after';
    return undefined;
  }

  /** A property name and its `:`, or (in an object that has no property yet) its closing `}`. */
  private propertyName(): SyntaxSpot | undefined {
    const c = this.text[this.i];
    if (this.state === 'key-or-}' && c === '}') return this.closeContainer();
    if (c !== '"') return this.at('a property name in double quotes');
    const err = this.scanString();
    if (err) return err;
    this.skipWhitespace();
    if (this.text[this.i] !== ':') return this.at("':' after the property name");
    this.i++;
    this.state = 'value';
    return undefined;
  }

  /** What may follow a value: a `,`, the closer of the open container, or (at the top) the end of the text. */
  private afterValue(): SyntaxSpot | 'end' | undefined {
    const top = this.open[this.open.length - 1];
    if (!top) return this.i < this.n ? this.at('the end of the text after the JSON value') : 'end';
    const c = this.text[this.i];
    if (c === ',') {
      this.i++;
      this.state = top === '{' ? 'key' : 'value';
    } else if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
      this.open.pop();
      this.i++;
    } else {
      return this.at(top === '{' ? "',' or '}' after the property's value" : "',' or ']' after the array element");
    }
    return undefined;
  }

  private closeContainer(): undefined {
    this.open.pop();
    this.i++;
    this.state = 'after';
    return undefined;
  }

  private scanString(): SyntaxSpot | undefined {
    const { text, n } = this;
    this.i++;
    for (;;) {
      if (this.i >= n) return this.at("a closing '\"' before the end of the text");
      const c = text.charCodeAt(this.i);
      if (c === 0x22) {
        this.i++;
        return undefined;
      }
      if (c < 0x20) return this.at('no control character inside a string (write it escaped, e.g. \\n or \\t)');
      this.i++;
      if (c !== 0x5c) continue;
      const err = this.scanEscape();
      if (err) return err;
    }
  }

  /** The escape after a backslash (`this.i` is just past it). */
  private scanEscape(): SyntaxSpot | undefined {
    const { text, n } = this;
    if (text.charCodeAt(this.i) === 0x75) {
      this.i++;
      for (let k = 0; k < 4; k++, this.i++)
        if (!isHex(text.charCodeAt(this.i))) return this.at('4 hexadecimal digits after \\u');
    } else if ('"\\/bfnrt'.includes(text[this.i] ?? '') && this.i < n) {
      this.i++;
    } else {
      return this.at('an escape after \\ (one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
    }
    return undefined;
  }

  private scanDigits(): SyntaxSpot | undefined {
    if (!isDigit(this.text.charCodeAt(this.i))) return this.at('a digit');
    while (isDigit(this.text.charCodeAt(this.i))) this.i++;
    return undefined;
  }

  private scanNumber(): SyntaxSpot | undefined {
    const { text } = this;
    if (text.charCodeAt(this.i) === 0x2d) this.i++;
    if (text.charCodeAt(this.i) === 0x30) this.i++;
    else if (this.scanDigits()) return this.at('a digit');
    if (text.charCodeAt(this.i) === 0x2e) {
      this.i++;
      if (this.scanDigits()) return this.at('a digit after the decimal point');
    }
    if (text[this.i] === 'e' || text[this.i] === 'E') {
      this.i++;
      if (text[this.i] === '+' || text[this.i] === '-') this.i++;
      if (this.scanDigits()) return this.at('a digit in the exponent');
    }
    return undefined;
  }

  private scanLiteral(): SyntaxSpot | undefined {
    const { text } = this;
    const word = text[this.i] === 't' ? 'true' : text[this.i] === 'f' ? 'false' : 'null';
    for (let k = 0; k < word.length; k++, this.i++)
      if (text[this.i] !== word[k]) return this.at(k ? `the rest of "${word}"` : A_VALUE);
    return undefined;
  }
}
