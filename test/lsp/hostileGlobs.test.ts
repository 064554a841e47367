/**
 * Globs a repository's settings may hold, through the real protocol: one that makes backtracking matchers run
 * for hours must not stall the server, and a malformed one is named to the user (notification and output)
 * while the other globs and every other file keep working.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ConfigurationRequest,
  LogMessageNotification,
  ShowMessageNotification,
  type Diagnostic,
  type LogMessageParams,
  type ShowMessageParams,
} from 'vscode-languageserver-protocol';
import { LspSession } from './serverProcess';

const codes = (ds: Diagnostic[]) => ds.map((d) => String(d.code));
/** No transform: PS113 on any file the server treats as a spec. */
const HALF_SPEC = '{"pipeline": {"name": "x"}}';
const REDOS_GLOB = '*a*a*a*a*a*a*a*a*a*a*a*!';

async function withSettings(settings: object, body: (s: LspSession) => Promise<void>): Promise<void> {
  const s = await LspSession.start({ capabilities: { workspace: { configuration: true } } });
  try {
    s.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => settings));
    await body(s);
  } finally {
    await s.stop();
  }
}

test('a glob that makes backtracking matchers explode does not stall the server', async () => {
  await withSettings({ specFiles: [REDOS_GLOB, 'specs/*.json'], helmValuesFiles: [REDOS_GLOB] }, async (s) => {
    // A long name of `a`s is the backtracking worst case: a RegExp from this glob runs for hours on it.
    const victim = `file:///w/${'a'.repeat(60)}.yaml`;
    const first = await s.open(victim, 'yaml', 'pipeline:\n  name: x\n', 1, 20_000);
    assert.deepEqual(codes(first.diagnostics), [], 'not named by any glob, not shaped like a spec');
    // The server still answers, and the glob next to the bad one still works.
    const spec = await s.open('file:///w/specs/plain.json', 'json', HALF_SPEC, 1, 20_000);
    assert.ok(codes(spec.diagnostics).includes('PS113'), JSON.stringify(spec.diagnostics));
  });
});

test('a malformed glob is named with its setting and reason; the other globs and files keep working', async () => {
  const settings = { specFiles: ['specs/{a,b.json', 'specs/*.json'], helmValuesFiles: ['deploy/[x.yaml'] };
  await withSettings(settings, async (s) => {
    const shown: ShowMessageParams[] = [];
    const logged: LogMessageParams[] = [];
    s.connection.onNotification(ShowMessageNotification.type, (p) => shown.push(p));
    s.connection.onNotification(LogMessageNotification.type, (p) => logged.push(p));
    const spec = await s.open('file:///w/specs/plain.json', 'json', HALF_SPEC);
    assert.ok(codes(spec.diagnostics).includes('PS113'), JSON.stringify(spec.diagnostics));
    await s.open('file:///w/specs/other.json', 'json', HALF_SPEC);
    const expected = [
      'pachyderm.specFiles: the glob "specs/{a,b.json" is ignored: the `{` at column 7 is never closed ' +
        '(write `\\{` for a literal `{`).',
      'pachyderm.helmValuesFiles: the glob "deploy/[x.yaml" is ignored: the `[` at column 8 is never closed ' +
        '(write `\\[` for a literal `[`).',
    ];
    // Shown once each, however many documents read the settings.
    assert.deepEqual(
      shown.map((p) => p.message),
      expected.map((m) => `Pachyderm: ${m}`),
    );
    assert.ok(
      shown.every((p) => p.type === 2),
      'shown as warnings',
    );
    for (const m of expected) assert.equal(logged.filter((l) => l.message === m).length, 1, m);
  });
});
