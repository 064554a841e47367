/**
 * The client's half of Go to Definition on a secret reference (the server's is server/src/navigation.ts): the
 * server answers with the secret's Inspect document and, asked on a key, the key in the URI's fragment. The
 * Inspect text is rendered here (./inspectSecretText.ts), so only here is the key's row known: the location moves
 * to it and loses the fragment, so that every definition of one secret opens the same document.
 */
import * as vscode from 'vscode';
import { INSPECT_SCHEME, inspectedKey } from '../../../core/src/protocol';
import { keyRowLine } from './inspectSecretText';

async function onKeyRow(location: vscode.Location): Promise<vscode.Location> {
  const { uri } = location;
  if (uri.scheme !== INSPECT_SCHEME || !uri.fragment) return location;
  const document = uri.with({ fragment: '' });
  const key = inspectedKey(uri.fragment);
  if (key === undefined) return new vscode.Location(document, location.range);
  const text = (await vscode.workspace.openTextDocument(document)).getText();
  const line = keyRowLine(text, key);
  if (line === undefined) return new vscode.Location(document, location.range);
  const row = new vscode.Range(line, 0, line, text.split('\n')[line].length);
  return new vscode.Location(document, row);
}

type DefinitionAnswer = vscode.Definition | vscode.LocationLink[] | null | undefined;

/** The server's definition answer with Inspect locations on their key's row. */
export async function inspectDefinition(
  answer: DefinitionAnswer | Thenable<DefinitionAnswer>,
): Promise<DefinitionAnswer> {
  const result = await answer;
  if (result instanceof vscode.Location) return onKeyRow(result);
  if (!Array.isArray(result)) return result;
  return Promise.all(result.map((l) => (l instanceof vscode.Location ? onKeyRow(l) : l))) as Promise<
    vscode.Location[] | vscode.LocationLink[]
  >;
}
