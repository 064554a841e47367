/**
 * Go to Definition and Find All References on a secret (or key) that a pipeline spec or a Helm values file names.
 *
 * A secret is defined in the cluster, not in a file, and LSP's answer to `textDocument/definition` is a location.
 * So the definition is the secret's read-only Inspect document (core/src/protocol/inspectUri.ts): the client serves
 * it from its catalog with values masked, and moves a key's location to that key's row. Go to Definition, Peek
 * and the Ctrl+hover preview all work as for code, and the answer never carries a value. The client's tree
 * follows the Inspect document (client/src/cluster/inspectReveal.ts).
 *
 * References come from the workspace index (./workspaceIndex.ts: every spec and values file of the workspace
 * folders, open or closed, up to its bound), plus the open documents; each candidate file is read again (the
 * editor's text when open) for the exact ranges, of the name or, asked on a key, of that key (in a values file,
 * the name whose secret the chart reads that key from, or Postgres' key value).
 */
import { promises as fs } from 'node:fs';
import type { Location, Position } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentSecretMentions, secretMentionAt, type SecretMention } from '../../core/src/analysis';
import { inspectSecretUri } from '../../core/src/protocol';
import type { OffsetRange } from '../../core/src/text';
import { handle } from './documentHandlers';
import { guarded } from './guarded';
import type { ServerState } from './serverState';
import { fsPathOf, normalizeUri } from './uris';

/** What the cursor is on: a secret, and a key of it when the cursor is on the key. */
interface SecretTarget {
  name: string;
  key?: string;
}

async function mentionsIn(state: ServerState, doc: TextDocument): Promise<SecretMention[]> {
  const h = handle(doc, await state.contextFor(doc.uri));
  return h ? documentSecretMentions(h.analysed.analysis) : [];
}

async function targetAt(state: ServerState, uri: string, position: Position): Promise<SecretTarget | undefined> {
  const doc = state.documents.get(uri);
  if (!doc) return undefined;
  const at = secretMentionAt(await mentionsIn(state, doc), doc.offsetAt(position));
  if (!at) return undefined;
  return at.onKey ? { name: at.mention.name, key: at.mention.key } : { name: at.mention.name };
}

export async function definitionOf(state: ServerState, uri: string, position: Position): Promise<Location | null> {
  const target = await targetAt(state, uri, position);
  // A secret the cluster does not hold has no definition (PS002 says so); neither has one before the catalog is read.
  if (!target || !state.catalog.ready || !state.catalog.get(target.name)) return null;
  const { context, namespace } = state.catalog.snapshot;
  const start = { line: 0, character: 0 };
  return { uri: inspectSecretUri(context, namespace, target.name, target.key), range: { start, end: start } };
}

/** The text of a candidate file: the editor's when open, else the disk's; undefined when it cannot be read. */
async function candidateDocument(state: ServerState, uri: string): Promise<TextDocument | undefined> {
  const open = state.documents.get(uri);
  if (open) return open;
  const fsPath = fsPathOf(uri);
  if (!fsPath) return undefined;
  try {
    const languageId = /\.json$/i.test(fsPath) ? 'json' : 'yaml';
    return TextDocument.create(uri, languageId, 0, await fs.readFile(fsPath, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Where a mention refers to the target: its name for a secret; for a key, the key (or the name, for a key written
 * inside a podPatch/podSpec string, which has no range of its own).
 */
function rangeFor(m: SecretMention, target: SecretTarget): OffsetRange | undefined {
  if (m.name !== target.name) return undefined;
  if (target.key === undefined) return m.nameRange;
  return m.key === target.key ? (m.keyRange ?? m.nameRange) : undefined;
}

export async function referencesOf(state: ServerState, uri: string, position: Position): Promise<Location[]> {
  const target = await targetAt(state, uri, position);
  if (!target) return [];
  // One URI per file: an open editor's spelling of it, else the index's.
  const candidates = new Map<string, string>();
  for (const u of state.workspace.filesNaming(target.name)) candidates.set(u, u);
  for (const d of state.documents.all()) candidates.set(normalizeUri(d.uri), d.uri);
  const out: Location[] = [];
  for (const candidate of [...candidates.values()].sort()) {
    const doc = await candidateDocument(state, candidate);
    if (!doc) continue;
    // A values file mentions a secret once per key the chart reads, all at the name: one location each.
    const ranges = new Map<string, OffsetRange>();
    for (const m of await mentionsIn(state, doc)) {
      const range = rangeFor(m, target);
      if (range) ranges.set(`${range.start}:${range.end}`, range);
    }
    for (const r of ranges.values())
      out.push({ uri: candidate, range: { start: doc.positionAt(r.start), end: doc.positionAt(r.end) } });
  }
  return out;
}

export function registerNavigation(state: ServerState): void {
  const log = state.connection.console;
  state.connection.onDefinition(
    guarded(
      log,
      'definition',
      () => null,
      (p) => definitionOf(state, p.textDocument.uri, p.position),
    ),
  );
  state.connection.onReferences(
    guarded(
      log,
      'references',
      () => [],
      (p) => referencesOf(state, p.textDocument.uri, p.position),
    ),
  );
}
