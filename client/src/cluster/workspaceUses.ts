/** The workspace's uses of one secret, as the language server finds them (Show Pipelines, Delete, Inspect). */
import { SecretUsesRequest, type SecretUsesResult } from '../../../core/src/protocol';
import { askServer, type ServerAnswer } from '../languageClient';
import type { ClusterArea } from './clusterArea';

/** Every use of the secret in the workspace's JSON and YAML files, as the language server finds them. */
export function workspaceUses(area: ClusterArea, secretName: string): Promise<ServerAnswer<SecretUsesResult>> {
  return askServer(area.host.client, SecretUsesRequest.type, { name: secretName });
}

export const cutNote = (searched: number) =>
  `only the first ${searched} JSON/YAML files of the workspace were searched`;
