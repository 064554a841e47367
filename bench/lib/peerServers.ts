/** Starts the row 1 peers: schema validation behind minimal LSP servers, on the same transport as ours. */
import * as path from 'node:path';
import { LspSession } from '../../test/lsp/serverProcess';

export function startPeerServer(kind: 'json' | 'yaml', schemaDir: string): Promise<LspSession> {
  const script = path.join(__dirname, '..', 'peers', kind === 'json' ? 'jsonSchemaServer.ts' : 'yamlSchemaServer.ts');
  return LspSession.start({
    nodeArgs: ['--import', 'tsx', script, '--stdio', `--schema-dir=${schemaDir}`],
    recordSent: false,
  });
}
