/**
 * `npm run local-cluster -- --kubeconfig FILE [--seed FILE] [--pipelines FILE] [--port N]`: runs the local API
 * server in the foreground until Ctrl-C (`--pipelines`: `{namespace?, pipelines: […]}` to deploy at start). Writes
 * the kubeconfig (contexts `local`, `local-forbidden` and `local-cert`) and, beside it, local-cluster.json with the
 * admin endpoint's URL and token.
 */
import { resolve } from 'node:path';
import { startLocalCluster, ADMIN_FILE, CERT_CONTEXT, CONTEXT, FORBIDDEN_CONTEXT } from './index';

const USAGE = 'usage: npm run local-cluster -- --kubeconfig FILE [--seed FILE] [--pipelines FILE] [--port N]';

type Args = { kubeconfig: string; seed?: string; pipelines?: string; port: number };

function parseArgs(argv: string[]): Args {
  const out: Partial<Args> & { port: number } = { port: 0 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') fail(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--kubeconfig':
        out.kubeconfig = resolve(value());
        break;
      case '--seed':
        out.seed = resolve(value());
        break;
      case '--pipelines':
        out.pipelines = resolve(value());
        break;
      case '--port': {
        const v = value();
        out.port = Number(v);
        if (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535)
          fail(`--port must be a port number (0-65535), got "${v}"`);
        break;
      }
      case '-h':
      case '--help':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        fail(`unknown argument "${argv[i]}"`);
    }
  }
  if (!out.kubeconfig) fail('--kubeconfig FILE is required');
  return out as Args;
}

function fail(message: string): never {
  console.error(`local-cluster: ${message}\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const { kubeconfig: kubeconfigPath, seed, pipelines, port } = args;
  const cluster = await startLocalCluster({ kubeconfigPath, seed, pipelines, port }).catch((err: Error) =>
    fail(err.message),
  );
  const secrets = cluster.store.list('secrets').items.length;
  console.log(`local cluster listening on ${cluster.url} (${secrets} secret${secrets === 1 ? '' : 's'} seeded)`);
  console.log(`kubeconfig: ${args.kubeconfig} (contexts "${CONTEXT}", "${FORBIDDEN_CONTEXT}", "${CERT_CONTEXT}")`);
  console.log(`admin endpoint: ${cluster.adminUrl} (token in ${ADMIN_FILE} beside the kubeconfig)`);
  console.log(`try: kubectl --kubeconfig ${args.kubeconfig} get secrets`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    cluster.stop().then(() => {
      console.log('local cluster stopped');
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
