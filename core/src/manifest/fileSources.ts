/**
 * Adding `--from-file`, `--from-literal` and `--from-env-file` sources to a draft, as kubectl's
 * handleSecretFrom*Sources do (generic uses all three, docker-registry `--from-file` only).
 */
import { ManifestError } from './manifestError';
import { addKey, type SecretDraft } from './secretDraft';
import { parseFileSource, parseLiteralSource } from './sourceParsing';
import { parseEnvFile } from './envFile';
import { FsError, type SourceReader } from './sourceReader';
import { textToBytes } from './rawBytes';

export function addFileSources(draft: SecretDraft, sources: readonly string[], reader: SourceReader): void {
  for (const source of sources) {
    const { key, path, explicitKey } = parseFileSource(source);
    const kind = statOrExplain(path, reader);
    if (kind === 'dir') {
      if (explicitKey) throw new ManifestError('cannot give a key name for a directory path');
      for (const entry of listDir(path, reader)) {
        if (entry.regular) addKey(draft, entry.name, readFile(joinGoPath(path, entry.name), reader));
      }
    } else {
      addKey(draft, key, readFile(path, reader));
    }
  }
}

export function addLiteralSources(draft: SecretDraft, sources: readonly string[]): void {
  for (const source of sources) {
    const { key, value } = parseLiteralSource(source);
    // kubectl stores the argument's bytes as they are; bytes the CLI read as not UTF-8 come back exactly.
    addKey(draft, key, textToBytes(value));
  }
}

export function addEnvFileSources(draft: SecretDraft, sources: readonly string[], reader: SourceReader): void {
  for (const path of sources) {
    if (statOrExplain(path, reader) === 'dir') throw new ManifestError('env secret file cannot be a directory');
    for (const { key, value } of parseEnvFile(readFile(path, reader), path, (n) => reader.env(n))) {
      addKey(draft, key, Buffer.from(value, 'utf8'));
    }
  }
}

function statOrExplain(path: string, reader: SourceReader) {
  try {
    return reader.stat(path);
  } catch (err) {
    if (err instanceof FsError) throw new ManifestError(`error reading ${path}: ${err.reason}`);
    throw err;
  }
}

function listDir(path: string, reader: SourceReader) {
  try {
    return reader.readDir(path);
  } catch (err) {
    if (err instanceof FsError) throw new ManifestError(`error listing files in ${path}: ${err.message}`);
    throw err;
  }
}

function readFile(path: string, reader: SourceReader): Uint8Array {
  try {
    return reader.readFile(path);
  } catch (err) {
    if (err instanceof FsError) throw new ManifestError(err.message);
    throw err;
  }
}

/** Go's `path.Join(dir, name)` for a directory entry: cleans the slash between them. */
function joinGoPath(dir: string, name: string): string {
  return dir.replace(/\/+$/, '') + '/' + name;
}
