/**
 * Checking the glob lists a user (or a repository's `.vscode/settings.json`) gives: each bad glob yields one
 * message that names the setting, the glob and the reason, in the same words in the editor and the CLI.
 */
import { globProblem } from './compileGlob';

export interface GlobSettingProblem {
  /** `pachyderm.specFiles`, `--spec-files`, … as the user wrote it. */
  setting: string;
  glob: string;
  reason: string;
  message: string;
}

/** The problems of `globs`, in order; an empty list when every glob is usable. */
export function globSettingProblems(setting: string, globs: readonly string[]): GlobSettingProblem[] {
  const problems: GlobSettingProblem[] = [];
  for (const glob of globs) {
    const reason = globProblem(glob);
    if (reason === undefined) continue;
    // JSON.stringify shows the glob exactly, control characters and quotes included, on one line.
    const shown = JSON.stringify(glob.length > 200 ? `${glob.slice(0, 200)}…` : glob);
    problems.push({ setting, glob, reason, message: `${setting}: the glob ${shown} is ignored: ${reason}.` });
  }
  return problems;
}
