/**
 * The VSIX as users get it: `npm run package`, its file list (printed), then installed with code-server's
 * `--install-extension` into an empty extensions folder and run in a real VS Code, where it must activate on a
 * pipeline spec and start its language server. Needs code-server; installs it when missing (as `npm test` does).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { zipEntries } from './zipEntries';

const root = path.resolve(__dirname, '..', '..', '..');

/** What an installed extension needs, and nothing else: the manifest, docs, and the two bundles. */
const ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  /^extension\/readme\.md$/,
  /^extension\/LICENSE\.txt$/,
  /^extension\/dist\/(client|server)\.js$/,
  /^extension\/syntaxes\/[^/]+\.json$/,
  /^extension\/resources\/.+\.(svg|png)$/,
  /^extension\/docs\/[^/]+\.png$/,
];

function codeServerBin(): string {
  const out = execFileSync('bash', [path.join(root, 'scripts/vscode/install-code-server.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return out.trim().split('\n').pop()!;
}

test('the packaged VSIX holds only what the extension needs, installs into VS Code, activates and starts its server', async () => {
  const temp = mkdtempSync(path.join(tmpdir(), 'pachyderm-vsix-test-'));
  try {
    const vsix = path.join(temp, 'pachyderm-secrets.vsix');
    execFileSync(process.execPath, [path.join(root, 'scripts/package.mjs'), vsix], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });

    const entries = zipEntries(vsix);
    console.log(`VSIX files (${entries.length}):\n${entries.map((e) => `  ${e.name}  ${e.size} B`).join('\n')}`);
    const unexpected = entries.filter((e) => !ALLOWED.some((re) => re.test(e.name))).map((e) => e.name);
    assert.deepEqual(unexpected, [], 'files the installed extension does not need');
    for (const needed of ['extension/package.json', 'extension/dist/client.js', 'extension/dist/server.js']) {
      assert.ok(
        entries.some((e) => e.name === needed),
        `${needed} is missing from the VSIX`,
      );
    }
    // The download users get; the bundles inside are larger (client-node alone is megabytes of JS).
    const vsixBytes = statSync(vsix).size;
    console.log(`VSIX size: ${vsixBytes} B`);
    assert.ok(vsixBytes < 2 * 1024 * 1024, `the VSIX is ${vsixBytes} bytes; the budget is 2 MiB`);

    const bin = codeServerBin();
    const extensionsDir = path.join(temp, 'extensions');
    const xdg = path.join(temp, 'xdg');
    const installed = execFileSync(bin, ['--extensions-dir', extensionsDir, '--install-extension', vsix], {
      encoding: 'utf8',
      env: { ...process.env, XDG_CONFIG_HOME: xdg, XDG_DATA_HOME: xdg },
    });
    assert.match(installed, /was successfully installed/);

    // A spec in an otherwise empty workspace, and an empty extension as the required "development" extension.
    const workspace = path.join(temp, 'workspace');
    mkdirSync(workspace);
    writeFileSync(
      path.join(workspace, 'probe.pipeline.json'),
      '{ "pipeline": { "name": "probe" }, "transform": { "image": "alpine" } }\n',
    );
    const probeExtension = path.join(temp, 'probe-extension');
    mkdirSync(probeExtension);
    writeFileSync(
      path.join(probeExtension, 'package.json'),
      JSON.stringify({ name: 'vsix-probe', publisher: 'test', version: '0.0.0', engines: { vscode: '^1.90.0' } }),
    );
    await runTests({
      vscodeExecutablePath: path.join(root, 'scripts/vscode/code-host-shim.js'),
      extensionDevelopmentPath: probeExtension,
      extensionTestsPath: path.join(__dirname, 'vsixProbe'),
      launchArgs: [workspace, `--extensions-dir=${extensionsDir}`],
      extensionTestsEnv: { CODE_SERVER_BIN: bin, PACHYDERM_VSIX_EXTENSIONS_DIR: extensionsDir },
    });
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
});
