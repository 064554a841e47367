import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root, from a test running as TypeScript (tsx) or compiled under out/. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'scripts', 'build.mjs'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no repository root above ${__dirname}`);
    dir = up;
  }
  return dir;
}

/** ../shared/corpus beside the repository: reference data, read in place, never copied in. */
export const corpusDir = (): string => join(repoRoot(), '..', 'shared', 'corpus');

/** The built CLI bundle the tests run as users do. */
export const builtCli = (): string => join(repoRoot(), 'dist', 'cli.js');

/** Every JSON/YAML file of the corpus as [file name, text]; none when ../shared is not beside the repository. */
export function corpusSpecs(): Array<[string, string]> {
  const dir = join(corpusDir(), 'pachyderm-specs');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(json|ya?ml)$/.test(f))
    .map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
}
