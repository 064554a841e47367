/**
 * Rule settings for `check`: `--config FILE` for every file, else the nearest `.pachyderm-secrets.json` above
 * each checked file (core's `findRuleSettingsFile`, the same search the editor makes). Each settings file is read
 * once; what is wrong in it is said once, as `file:line:col: message`, and makes the run an input error while the
 * rest of the file still applies.
 */
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { decodeSource, LineIndex } from '../../core/src/pipelineSpec';
import {
  findRuleSettingsFile,
  NO_OVERRIDES,
  parseRuleSettingsFile,
  type RuleOverrides,
} from '../../core/src/ruleSettings';
import { InputError } from './checkInputs';
import { errnoText } from './specWalk';

const isFile = (p: string) => statSync(p, { throwIfNoEntry: false })?.isFile() === true;

export class RuleSettingsLookup {
  /** Each settings file read, by absolute path. */
  private readonly read = new Map<string, RuleOverrides>();
  /** The settings file each folder searched from found, or undefined when none. */
  private readonly nearest = new Map<string, string | undefined>();
  /** One line per problem in a settings file, for stderr. */
  readonly problems: string[] = [];

  /** `explicit` is `--config`: it must be readable, or the run stops with an input error. */
  constructor(
    private readonly explicit?: string,
    private readonly cwd = process.cwd(),
  ) {
    if (explicit === undefined) return;
    if (!isFile(explicit)) throw new InputError(`cannot read --config file ${explicit}: it is not a file`);
    this.load(path.resolve(cwd, explicit), explicit);
  }

  /** The overrides for the file at `file` (a path as given on the command line or found under it). */
  for(file: string): RuleOverrides {
    if (this.explicit !== undefined) return this.read.get(path.resolve(this.cwd, this.explicit)) ?? NO_OVERRIDES;
    const dir = path.resolve(this.cwd, path.dirname(file));
    if (!this.nearest.has(dir)) this.nearest.set(dir, findRuleSettingsFile(dir, isFile));
    const found = this.nearest.get(dir);
    if (found === undefined) return NO_OVERRIDES;
    return this.read.get(found) ?? this.load(found, path.relative(this.cwd, found) || found);
  }

  private load(absolute: string, shown: string): RuleOverrides {
    let text: string;
    try {
      text = decodeSource(readFileSync(absolute)).text;
    } catch (e) {
      if (this.explicit !== undefined) throw new InputError(`cannot read --config file ${shown}: ${errnoText(e)}`);
      this.problems.push(`cannot read ${shown}: ${errnoText(e)}`);
      this.read.set(absolute, NO_OVERRIDES);
      return NO_OVERRIDES;
    }
    const { overrides, problems } = parseRuleSettingsFile(text);
    const lines = new LineIndex(text);
    for (const p of problems) {
      const at = p.range ? lines.positionAt(p.range.start) : { line: 0, character: 0 };
      this.problems.push(`${shown}:${at.line + 1}:${at.character + 1}: ${p.message}`);
    }
    this.read.set(absolute, overrides);
    return overrides;
  }
}
