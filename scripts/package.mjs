// `npm run package [-- OUT.vsix]`: the VSIX. vsce runs `vscode:prepublish` (the minified production bundles, one
// file each for the client and the server) and packs what the .vscodeignore allow-list names. Runtime
// dependencies are inside the bundles, so no node_modules ship (--no-dependencies).
//
// It packs from a staging folder (sources linked, manifest files copied) so the production build never overwrites
// the development bundles in dist/ that tests and the debugger are using. Prints the VSIX path as its last line.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = resolve(process.argv[2] ?? join(root, `${name}-${version}.vsix`));

const stage = mkdtempSync(join(tmpdir(), 'pachyderm-vsix-'));
try {
  // Build inputs are linked (vsce does not follow links, so none of them can end up in the VSIX)…
  for (const entry of ['client', 'server', 'core', 'cli', 'scripts', 'node_modules', 'tsconfig.json']) {
    if (existsSync(join(root, entry))) symlinkSync(join(root, entry), join(stage, entry));
  }
  // …what may ship is copied, and the allow-list decides.
  for (const entry of ['package.json', 'README.md', 'LICENSE', '.vscodeignore', 'syntaxes', 'resources', 'docs']) {
    if (existsSync(join(root, entry))) cpSync(join(root, entry), join(stage, entry), { recursive: true });
  }
  const r = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/@vscode/vsce/vsce'),
      'package',
      '--no-dependencies',
      // No public repository yet; README images are relative and ship in the VSIX (docs/*.png).
      '--allow-missing-repository',
      '--no-rewrite-relative-links',
      '--out',
      out,
    ],
    { cwd: stage, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (r.status !== 0) {
    console.error(`vsce package failed (exit ${r.status})`);
    process.exitCode = r.status ?? 1;
  } else {
    console.log(out);
  }
} finally {
  rmSync(stage, { recursive: true, force: true });
}
