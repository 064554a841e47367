/**
 * JSON.parse for text that may hold secret values (a `--secrets` file, a Secret manifest, an exec credential
 * plugin's output). V8's own messages quote about ten characters around the error (`…"assword": hunter2pas"…`),
 * so on failure the text is scanned again here and the error is told by position and by what was expected
 * there, never by the text around it. The scan follows RFC 8259 exactly, so it fails where JSON.parse fails.
 */

export type SafeJsonResult =
  { ok: true; value: unknown } | { ok: false; line: number; column: number; expected: string; message: string };

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
  const n = text.length;
  const open: Array<'{' | '['> = [];
  let i = 0;
  let state: 'value' | 'value-or-]' | 'key' | 'key-or-}' | 'after' = 'value';
  const at = (expected: string): SyntaxSpot => ({ offset: i, expected });

  const scanString = (): SyntaxSpot | undefined => {
    i++;
    for (;;) {
      if (i >= n) return at("a closing '\"' before the end of the text");
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c < 0x20) return at('no control character inside a string (write it escaped, e.g. \\n or \\t)');
      if (c !== 0x5c) {
        i++;
        continue;
      }
      i++;
      const e = text.charCodeAt(i);
      if (e === 0x75) {
        i++;
        for (let k = 0; k < 4; k++, i++) if (!isHex(text.charCodeAt(i))) return at('4 hexadecimal digits after \\u');
      } else if ('"\\/bfnrt'.includes(text[i] ?? '') && i < n) {
        i++;
      } else {
        return at('an escape after \\ (one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
      }
    }
  };

  const scanDigits = (): SyntaxSpot | undefined => {
    if (!isDigit(text.charCodeAt(i))) return at('a digit');
    while (isDigit(text.charCodeAt(i))) i++;
    return undefined;
  };

  const scanNumber = (): SyntaxSpot | undefined => {
    if (text.charCodeAt(i) === 0x2d) i++;
    if (text.charCodeAt(i) === 0x30) i++;
    else if (scanDigits()) return at('a digit');
    if (text.charCodeAt(i) === 0x2e) {
      i++;
      if (scanDigits()) return at('a digit after the decimal point');
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (scanDigits()) return at('a digit in the exponent');
    }
    return undefined;
  };

  const scanLiteral = (): SyntaxSpot | undefined => {
    const word = text[i] === 't' ? 'true' : text[i] === 'f' ? 'false' : 'null';
    for (let k = 0; k < word.length; k++, i++)
      if (text[i] !== word[k]) return at(k ? `the rest of "${word}"` : A_VALUE);
    return undefined;
  };

  for (;;) {
    while (i < n && isWs(text.charCodeAt(i))) i++;
    const c = text[i];
    switch (state) {
      case 'value-or-]':
      case 'value': {
        if (state === 'value-or-]' && c === ']') {
          open.pop();
          i++;
          state = 'after';
          break;
        }
        if (i >= n) return at(`${A_VALUE} before the end of the text`);
        if (c === '\ufeff') return at(`${A_VALUE}, not a byte order mark`);
        if (c === '{' || c === '[') {
          open.push(c);
          i++;
          state = c === '{' ? 'key-or-}' : 'value-or-]';
          break;
        }
        const err =
          c === '"'
            ? scanString()
            : c === '-' || isDigit(c.charCodeAt(0))
              ? scanNumber()
              : 'tfn'.includes(c)
                ? scanLiteral()
                : at(A_VALUE);
        if (err) return err;
        state = 'after';
        break;
      }
      case 'key-or-}':
      case 'key': {
        if (state === 'key-or-}' && c === '}') {
          open.pop();
          i++;
          state = 'after';
          break;
        }
        if (c !== '"') return at('a property name in double quotes');
        const err = scanString();
        if (err) return err;
        while (i < n && isWs(text.charCodeAt(i))) i++;
        if (text[i] !== ':') return at("':' after the property name");
        i++;
        state = 'value';
        break;
      }
      case 'after': {
        const top = open[open.length - 1];
        if (!top) return i < n ? at('the end of the text after the JSON value') : undefined;
        if (c === ',') {
          i++;
          state = top === '{' ? 'key' : 'value';
        } else if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
          open.pop();
          i++;
        } else {
          return at(top === '{' ? "',' or '}' after the property's value" : "',' or ']' after the array element");
        }
        break;
      }
    }
  }
}
