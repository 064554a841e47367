/**
 * The search behind `pachyderm/secretUses`: the workspace's JSON and YAML files read on demand, the way the
 * extension searched them itself (every folder but node_modules and .git, files of any size), so the answer
 * does not depend on the background index's bounds. An open editor's text wins over the file on disk.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CancellationToken } from 'vscode-languageserver/node';
import { findSecretUses } from '../../core/src/analysis';
import type { SecretUsesResult, WorkspaceSecretUse } from '../../core/src/protocol';
import { walkFiles } from './fileWalk';
import type { ServerState } from './serverState';
import { normalizeUri, uriOfPath } from './uris';

/** What a client may put into `initializationOptions` for the search. */
export interface SecretSearchOptions {
  /** How many JSON/YAML files one search reads at most; beyond it the result says it was cut. */
  maxSearchedFiles?: number;
}

export const DEFAULT_MAX_SEARCHED_FILES = 5000;
const SEARCHED = /\.(json|jsonc|yaml|yml)$/;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export async function searchSecretUses(
  state: ServerState,
  name: string,
  maxFiles: number,
  token?: CancellationToken,
): Promise<SecretUsesResult> {
  const uses: WorkspaceSecretUse[] = [];
  // An empty name is in every file; no secret has it.
  if (!name) return { uses };
  const open = new Map(state.documents.all().map((d) => [normalizeUri(d.uri), d]));
  let read = 0;
  let cut = false;
  for await (const { root, fsPath } of walkFiles(
    state.folders,
    (p) => SEARCHED.test(p),
    (dir) => SKIPPED_DIRS.has(dir),
  )) {
    if (read >= maxFiles) {
      cut = true;
      break;
    }
    if (token?.isCancellationRequested) break;
    read++;
    const uri = uriOfPath(fsPath);
    const doc = open.get(uri);
    let text: string;
    try {
      text = doc ? doc.getText() : await fs.readFile(fsPath, 'utf8');
    } catch {
      continue;
    }
    // Most files cannot mention the secret at all; skip parsing them.
    if (!text.includes(name)) continue;
    const file = path.relative(root, fsPath).split(path.sep).join('/');
    const fileUri = doc?.uri ?? uri;
    for (const use of findSecretUses(fileUri, file, text, name)) uses.push({ ...use, uri: fileUri });
  }
  uses.sort((a, b) => (a.file === b.file ? a.start - b.start : a.file < b.file ? -1 : 1));
  return cut ? { uses, searchedOnly: read } : { uses };
}
