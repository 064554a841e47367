/** The decoded editor's text: text keys decoded, binary keys as base64, and unchanged values kept byte for byte. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodedSecretText, secretDataFromText } from '../../../core/src/catalog/decodedSecretText';

const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');
const CANARY = 'canary-5b1d-decoded';
const BINARY = new Uint8Array([0, 0xff, 0x80, 0x0a]);
const DATA = {
  password: b64(CANARY),
  'config.yaml': b64('a: 1\nb: "two"\n'),
  'keystore.jks': b64(BINARY),
  bom: b64('\ufefftext with a byte-order mark'),
};

test('text keys are decoded under stringData and binary keys stay base64 under data', () => {
  const text = decodedSecretText(DATA);
  assert.deepEqual(JSON.parse(text), {
    stringData: { password: CANARY, 'config.yaml': 'a: 1\nb: "two"\n', bom: '\ufefftext with a byte-order mark' },
    data: { 'keystore.jks': b64(BINARY) },
  });
});

test('the text as shown gives back the same data, byte for byte', () => {
  const back = secretDataFromText(decodedSecretText(DATA), DATA);
  assert.ok(back.ok);
  assert.deepEqual(back.value, DATA);
});

test('an unchanged base64 value is kept as it was, even when not in canonical form', () => {
  // A non-canonical but decodable value (a trailing bit set in the last character) must not be re-encoded.
  const odd = { bin: 'AB==' };
  const back = secretDataFromText(JSON.stringify({ data: { bin: 'AB==' } }), odd);
  assert.ok(back.ok);
  assert.equal(back.value.bin, 'AB==');
});

test('changed, added and removed keys become the new data', () => {
  const text = JSON.stringify({ stringData: { password: 'new', added: 'x' }, data: { 'keystore.jks': b64('zz') } });
  const back = secretDataFromText(text, DATA);
  assert.ok(back.ok);
  assert.deepEqual(back.value, { password: b64('new'), added: b64('x'), 'keystore.jks': b64('zz') });
});

test('bad text is refused by position or key name, never by quoting a value', () => {
  const cases: [string, RegExp][] = [
    [`{"stringData": {"password": ${CANARY}}}`, /^The text is not valid JSON: line 1, column \d+: expected/],
    [JSON.stringify({ data: { bin: `${CANARY}!` } }), /"bin" in "data" is not base64/],
    [JSON.stringify({ stringData: { k: CANARY }, data: { k: b64('x') } }), /Key "k" is given in both/],
    [JSON.stringify({ stringData: { 'bad key': CANARY } }), /is not valid key name for a Secret/],
    [JSON.stringify({ stringData: { n: 5 } }), /The value of "n" in "stringData" must be a string/],
    [JSON.stringify({ stringData: {}, metadata: {} }), /Only "stringData" and "data" may be given, not "metadata"/],
    [JSON.stringify([CANARY]), /must be a JSON object/],
  ];
  for (const [text, expected] of cases) {
    const out = secretDataFromText(text, DATA);
    assert.ok(!out.ok, text);
    assert.match(out.message, expected);
    assert.ok(!out.message.includes(CANARY.slice(0, 8)), `the message quotes the value: ${out.message}`);
  }
});
