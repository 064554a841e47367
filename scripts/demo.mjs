// `npm run demo [-- --port N] [--host ADDRESS]`: the extension in a real VS Code in your browser. Builds, starts
// the local cluster seeded with tools/local-cluster/samples/demo-secrets.json and the pipelines of
// demo-pipelines.json deployed, starts code-server with the extension linked into a fresh extensions folder and
// `pachyderm.kubeconfig` (a user setting, so the workspace stays clean) pointing at that cluster, opens
// demo/workspace, and prints the URL. Ctrl-C stops everything.
import { join } from 'node:path';
import { linkDevExtension, repoRoot, startCodeServer, workbenchUrl } from './vscode/code-server.mjs';
import { withLocalStage } from './vscode/local-stack.mjs';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const port = Number(option('port', process.env.PORT || 8080));
const host = option('host', '127.0.0.1');
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`demo: --port must be a port number (0 picks a free one), got "${option('port')}"`);
  process.exit(2);
}

const stage = {
  prefix: 'pachyderm-demo-',
  seed: join(repoRoot, 'tools/local-cluster/samples/demo-secrets.json'),
  // Deployed versions of the workspace's pipelines; notify's reads a key its secret lacks, so its pod fails.
  pipelines: join(repoRoot, 'tools/local-cluster/samples/demo-pipelines.json'),
};
const workspace = join(repoRoot, 'demo/workspace');

withLocalStage(stage, async ({ temp, localCluster }) => {
  const extensionsDir = join(temp, 'extensions');
  linkDevExtension(extensionsDir);
  let server;
  try {
    server = await startCodeServer({
      folder: workspace,
      extensionsDir,
      port,
      host,
      settings: { 'pachyderm.kubeconfig': localCluster.kubeconfig, 'workbench.startupEditor': 'readme' },
    });
  } catch (err) {
    throw new Error(
      `code-server did not start on ${host}:${port} (in use? try \`npm run demo -- --port 0\`)\n${err.message}`,
    );
  }
  const url = workbenchUrl(server, { folder: workspace });
  console.log(`
  Pachyderm Secrets demo is running.

    Open:        ${url}
    Workspace:   ${workspace}
    Cluster:     ${localCluster.server} (kubectl --kubeconfig ${localCluster.kubeconfig} get secrets,rc,pods)

  Press Ctrl-C to stop code-server and the local cluster.
`);
  if (host !== '127.0.0.1' && host !== 'localhost') {
    console.warn(
      `  Note: code-server runs without a password; anyone who can reach ${host}:${server.port} can use it.\n`,
    );
  }
  await new Promise(() => {}); // until Ctrl-C; withLocalStage tears everything down
}).catch((err) => {
  console.error(`demo: ${err.message ?? err}`);
  process.exit(1);
});
