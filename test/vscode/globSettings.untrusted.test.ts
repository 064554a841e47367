/**
 * package.json leaves `pachyderm.specFiles` and `pachyderm.helmValuesFiles` out of `restrictedConfigurations`:
 * they only choose which of the workspace's own files are checked, and globs are matched in linear time, so a
 * repository may set them in restricted mode too, even a glob that stalls backtracking matchers.
 */
import {
  activateExtension,
  fixtureUri,
  setSetting,
  waitForDiagnostics,
  waitForLanguageServer,
  writeFixture,
} from './harness';

suite('glob settings in an untrusted workspace', () => {
  test("the workspace's specFiles apply, and a pathological glob beside them does not stall the server", async () => {
    await activateExtension();
    await waitForLanguageServer();
    await setSetting('pachyderm.specFiles', ['*a*a*a*a*a*a*a*a*a*a*a*!', 'untrusted-globs/*.json']);
    // A long name of `a`s is the worst case for a backtracking matcher of the first glob.
    await writeFixture(`untrusted-globs/${'a'.repeat(60)}.yaml`, 'note: not a spec\n');
    await writeFixture('untrusted-globs/half.json', '{"pipeline": {"name": "x"}}\n');
    await waitForDiagnostics(fixtureUri('untrusted-globs/half.json'), (ds) => ds.some((d) => d.code === 'PS113'), {
      timeoutMs: 60_000,
    });
  });
});
