/**
 * A malformed glob in `pachyderm.specFiles` (for example from a repository's `.vscode/settings.json`) is named
 * to the user in a warning notification, while the setting's other globs go on working.
 */
import assert from 'node:assert/strict';
import {
  activateExtension,
  answerPrompts,
  fixtureUri,
  setSetting,
  waitFor,
  waitForDiagnostics,
  writeFixture,
} from './harness';

suite('glob settings', () => {
  test('a malformed glob in pachyderm.specFiles shows a warning naming the setting, glob and reason', async () => {
    await activateExtension();
    const recorded = answerPrompts([]);
    try {
      await setSetting('pachyderm.specFiles', ['glob-check/{a,b.json', 'glob-check/*.json']);
      // Named like nothing special: only the good glob makes it a spec, and a spec without transform is PS113.
      await writeFixture('glob-check/half.json', '{"pipeline": {"name": "x"}}\n');
      await waitForDiagnostics(fixtureUri('glob-check/half.json'), (ds) => ds.some((d) => d.code === 'PS113'));
      const expected =
        'Pachyderm: pachyderm.specFiles: the glob "glob-check/{a,b.json" is ignored: the `{` at column 12 is never ' +
        'closed (write `\\{` for a literal `{`).';
      const warning = () => recorded.prompts.find((p) => p.kind === 'showWarningMessage' && p.text === expected);
      const shown = await waitFor(warning, {
        what: 'the warning about the malformed glob',
      });
      assert.deepEqual(shown.items, []);
    } finally {
      recorded.done();
    }
  });
});
