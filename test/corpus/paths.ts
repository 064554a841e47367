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

/**
 * The optional real-world corpus: public Pachyderm pipeline specs (from pachyderm/pachyderm's examples and other
 * public repositories), read in place and never copied in. `PACHYDERM_CORPUS_DIR` names its folder; without it a
 * sibling folder of the clone is tried. A clone without the corpus is complete: every test that needs it says it
 * was skipped, and no other test's seeds or thresholds come from it.
 */
export const corpusDir = (): string => process.env.PACHYDERM_CORPUS_DIR || join(repoRoot(), '..', 'shared', 'corpus');

/** What a corpus test says when it is skipped. */
export const CORPUS_ABSENT = 'optional corpus of public specs not present beside the repository';

/** A `skip` option for a test over the corpus: false when the corpus is there, else the reason. */
export function skipWithoutCorpus(): false | string {
  return existsSync(join(corpusDir(), 'pachyderm-specs')) ? false : CORPUS_ABSENT;
}

/** The built CLI bundle the tests run as users do. */
export const builtCli = (): string => join(repoRoot(), 'dist', 'cli.js');

/** Every JSON/YAML file of the corpus as [file name, text]; none when the corpus is not beside the repository. */
export function corpusSpecs(): Array<[string, string]> {
  const dir = join(corpusDir(), 'pachyderm-specs');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(json|ya?ml)$/.test(f))
    .map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
}
