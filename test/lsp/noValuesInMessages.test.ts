/**
 * Through the real language server protocol: a YAML syntax error inside a value (a bad escape, a block scalar
 * header with text after it) is published at its range with a message that quotes none of the file's text, in a
 * pipeline spec and in a Helm values file alike.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { LspSession } from './serverProcess';

const CANARY = 'CANARY-hunter2-Q7zX9';
/** Pieces of the canary a quoting message would carry: any 4 of its characters in a row. */
const PIECES = new RegExp(
  [...Array(CANARY.length - 3).keys()].map((i) => CANARY.slice(i, i + 4).replace(/[-]/g, '\\-')).join('|'),
);

let s: LspSession;
before(async () => {
  s = await LspSession.start();
});
after(() => s.stop());

test('YAML syntax errors inside values are published by range, never with the value’s text', async () => {
  const files: Array<[string, string]> = [
    [
      'file:///tmp/no-values-lsp/escape.pipeline.yaml',
      `pipeline:\n  name: p\ntransform:\n  image: i\n  env:\n    PASSWORD: "\\U${CANARY}"\n`,
    ],
    [
      'file:///tmp/no-values-lsp/header.pipeline.yaml',
      `pipeline:\n  name: p\ntransform:\n  image: i\n  stdin: | ${CANARY}\n    echo\n`,
    ],
    ['file:///tmp/no-values-lsp/values.yaml', `pachd:\n  rootToken: "\\U${CANARY}"\n  enabled: true\n`],
  ];
  for (const [uri, text] of files) {
    const published = await s.open(uri, 'yaml', text);
    const syntax = published.diagnostics.filter((d) => d.code === 'PS100');
    assert.ok(syntax.length > 0, `${uri}: no syntax error published: ${JSON.stringify(published.diagnostics)}`);
    for (const d of published.diagnostics) assert.ok(!PIECES.test(d.message), `${uri}: ${d.message}`);
    // Where it is: on the value's line.
    assert.ok(
      syntax.some((d) => text.split('\n')[d.range.start.line].includes(CANARY)),
      `${uri}: ${JSON.stringify(syntax)}`,
    );
  }
});
