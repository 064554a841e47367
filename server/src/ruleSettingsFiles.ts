/**
 * The repository's rule settings files (`.pachyderm-secrets.json`) as the server reads them: the nearest one
 * above a document, searched up to its workspace folder with core's `findRuleSettingsFile` (as `check` searches
 * up from a file). Each file is read from disk once and kept until the client reports a change to a file of that
 * name (didChangeWatchedFiles), so the editor's unsaved text of the file does not apply until it is saved. What
 * is wrong in a file is said once as a warning; while the file is open, its own diagnostics
 * (`ruleSettingsDiagnostics`) underline each problem.
 */
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../core/src/pipelineSpec';
import {
  findRuleSettingsFile,
  NO_OVERRIDES,
  parseRuleSettingsFile,
  RULE_SETTINGS_FILE,
  type RuleOverrides,
} from '../../core/src/ruleSettings';
import { DIAGNOSTIC_SOURCE } from './documentAnalysis';
import { folderContaining, fsPathOf } from './uris';

const isFile = (p: string) => statSync(p, { throwIfNoEntry: false })?.isFile() === true;

/** Whether the URI names a rule settings file. */
export function isRuleSettingsUri(uri: string): boolean {
  const p = fsPathOf(uri);
  return p !== undefined && path.basename(p) === RULE_SETTINGS_FILE;
}

export class RuleSettingsFiles {
  /** The settings file the search from each folder found, or undefined when none. */
  private readonly nearest = new Map<string, string | undefined>();
  private readonly read = new Map<string, RuleOverrides>();

  constructor(private readonly warn: (message: string) => void) {}

  /** The overrides of the nearest settings file above the document, or none. */
  for(uri: string, folders: readonly string[]): RuleOverrides {
    const file = fsPathOf(uri);
    if (file === undefined) return NO_OVERRIDES;
    const dir = path.dirname(file);
    if (!this.nearest.has(dir))
      this.nearest.set(dir, findRuleSettingsFile(dir, isFile, folderContaining(file, folders)));
    const found = this.nearest.get(dir);
    if (found === undefined) return NO_OVERRIDES;
    let overrides = this.read.get(found);
    if (!overrides) this.read.set(found, (overrides = this.load(found)));
    return overrides;
  }

  /** A settings file was created, changed or deleted: everything is searched and read again. */
  changed(): void {
    this.nearest.clear();
    this.read.clear();
  }

  private load(file: string): RuleOverrides {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      this.warn(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? 'unknown error'}`);
      return NO_OVERRIDES;
    }
    const { overrides, problems } = parseRuleSettingsFile(text);
    const lines = new LineIndex(text);
    for (const p of problems) {
      const at = lines.positionAt(p.range?.start ?? 0);
      this.warn(`${file}:${at.line + 1}:${at.character + 1}: ${p.message}`);
    }
    return overrides;
  }
}

/** The problems of an open settings file, underlined where they are. */
export function ruleSettingsDiagnostics(doc: TextDocument): Diagnostic[] {
  return parseRuleSettingsFile(doc.getText()).problems.map((p) => ({
    range: {
      start: doc.positionAt(p.range?.start ?? 0),
      end: doc.positionAt(p.range?.end ?? 0),
    },
    severity: DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    message: p.message,
  }));
}
