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
 * The optional real-world corpus: public Pachyderm specs kept beside the repository (a sibling folder, shared/corpus) by the
 * developers who have it, read in place and never copied in. A clone without it is complete: every test that
 * needs it says it was skipped, and no other test's seeds or thresholds come from it.
 */
export const corpusDir = (): string => join(repoRoot(), '..', 'shared', 'corpus');

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
