/**
 * The extension-host suite's entry point: VS Code loads this module in the extension host (extensionTestsPath)
 * and calls `run()`. It runs every out/test/vscode/**\/*.test.js with mocha's TDD UI, commands-coverage last so it
 * sees what every other test exercised. Files named *.untrusted.test.ts run only in the untrusted-workspace run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { restoreSettings, setCurrentTest, testEnv } from './harness';

const COVERAGE_FILE = 'commands-coverage.test.js';

function findTests(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...findTests(p));
    else if (entry.name.endsWith('.test.js')) out.push(p);
  }
  return out;
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    // Generous: a cold language server and the first cluster list share two CPU cores with the whole workbench.
    timeout: Number(process.env.PACHYDERM_VSCODE_TIMEOUT_MS || 60_000),
    color: false,
    reporter: 'spec',
    grep: process.env.PACHYDERM_VSCODE_GREP || undefined,
    rootHooks: {
      beforeEach(this: Mocha.Context) {
        setCurrentTest(this.currentTest?.fullTitle() ?? '?');
      },
      async afterEach() {
        await restoreSettings();
      },
    },
  });
  // The untrusted (restricted-mode) run runs only *.untrusted.test.js, the trusted run everything else.
  const untrusted = !testEnv().trusted;
  const files = findTests(__dirname)
    .filter((f) => f.endsWith('.untrusted.test.js') === untrusted)
    .sort((a, b) => {
      const aLast = path.basename(a) === COVERAGE_FILE ? 1 : 0;
      const bLast = path.basename(b) === COVERAGE_FILE ? 1 : 0;
      return aLast - bLast || a.localeCompare(b);
    });
  for (const f of files) mocha.addFile(f);
  console.log(`extension-host suite: ${files.length} test files in VS Code ${vscode.version}`);

  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
  });
}
