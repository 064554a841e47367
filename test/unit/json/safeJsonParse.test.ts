/**
 * core/src/json/safeJsonParse.ts: it fails exactly where JSON.parse fails (checked on seeded mutations of JSON
 * that holds a canary value), and its message gives a line, a column and what was expected, never the text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstSyntaxError, safeJsonParse } from '../../../core/src/json/safeJsonParse';
import { prng } from '../../support/random';

const CANARY = 'CANARY-hunter2-value';

test('a malformed file is told by line, column and what was expected, without any of its text', () => {
  const cases: Array<[string, string]> = [
    [
      `{\n  "data": {\n    "password": ${CANARY}\n  }\n}`,
      `line 3, column 17: expected a value (a string, number, object, array, true, false or null)`,
    ],
    [`{"password": "${CANARY}",}`, `line 1, column 37: expected a property name in double quotes`],
    [`{"password": "${CANARY}" "b": 1}`, `line 1, column 37: expected ',' or '}' after the property's value`],
    [`{"password": "${CANARY}`, `line 1, column 35: expected a closing '"' before the end of the text`],
    [`["${CANARY}"] ${CANARY}`, `line 1, column 26: expected the end of the text after the JSON value`],
    [
      `{"p": "${CANARY}\tx"}`,
      `line 1, column 28: expected no control character inside a string (write it escaped, e.g. \\n or \\t)`,
    ],
    [
      `{"p": "${CANARY}\\q"}`,
      `line 1, column 29: expected an escape after \\ (one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)`,
    ],
    [
      '',
      'line 1, column 1: expected a value (a string, number, ' +
        'object, array, true, false or null) before the end of the text',
    ],
    [
      '\ufeff{}',
      'line 1, column 1: expected a value (a string, number, ' +
        'object, array, true, false or null), not a byte order mark',
    ],
    ['[1.]', 'line 1, column 4: expected a digit after the decimal point'],
    ['[tru]', 'line 1, column 5: expected the rest of "true"'],
  ];
  for (const [text, message] of cases) {
    const r = safeJsonParse(text);
    assert.equal(r.ok, false, JSON.stringify(text));
    if (r.ok) continue;
    assert.equal(r.message, message, JSON.stringify(text));
    assert.ok(!r.message.includes('CANARY') && !r.message.includes('hunter2'), r.message);
  }
  assert.deepEqual(safeJsonParse(`{"a": ["${CANARY}", 1e3, -0.5, true, null]}`), {
    ok: true,
    value: { a: [CANARY, 1e3, -0.5, true, null] },
  });
});

test('on thousands of mutations the scan rejects exactly what JSON.parse rejects', () => {
  const seed =
    `{"kind": "List", "items": [{"metadata": {"name": "s", "labels": {"a": "b"}}, "data": {"k": "${CANARY}"},` +
    ` "n": [0, -1.5e+3, 2E-2, true, false, null, "\\u00e9\\n\\"\\\\"]}]}`;
  const tokens = [
    '{',
    '}',
    '[',
    ']',
    ':',
    ',',
    '"',
    '\\',
    '\\u',
    '-',
    '.',
    'e',
    '0',
    '01',
    ' ',
    '\n',
    '\t',
    'tru',
    'nul',
    '\ufeff',
    '\u0001',
  ];
  const rnd = prng(20261204);
  let rejected = 0;
  for (let iter = 0; iter < 20000; iter++) {
    let text = seed;
    for (let m = 1 + Math.floor(rnd() * 3); m > 0; m--) {
      const at = Math.floor(rnd() * (text.length + 1));
      text =
        rnd() < 0.5
          ? text.slice(0, at) + tokens[Math.floor(rnd() * tokens.length)] + text.slice(at)
          : text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 4));
    }
    let parses = true;
    try {
      JSON.parse(text);
    } catch {
      parses = false;
    }
    assert.equal(firstSyntaxError(text) === undefined, parses, `iteration ${iter}: ${JSON.stringify(text)}`);
    if (!parses) rejected++;
  }
  // Both sides were exercised.
  assert.ok(rejected > 5000 && rejected < 20000, `${rejected} of 20000 rejected`);
});
