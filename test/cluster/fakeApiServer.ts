/**
 * A bare HTTPS server standing in for an API server that misbehaves in ways the local cluster does not (an HTTP
 * 410 on watch, a reset mid-stream, a request never answered), with a kubeconfig resolved to it. Its sockets are
 * tracked so tests can wait for the client to close one.
 */
import * as fs from 'node:fs';
import * as https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { generateCertificates } from '../../tools/local-cluster/certs';
import { resolveTarget, type ResolvedTarget } from '../../core/src/kubeconfig/clusterTarget';

export interface FakeApiServer {
  url: string;
  /** Paths (with query) in arrival order. */
  requests: string[];
  /** Resolves when every socket opened so far has closed. */
  allSocketsClosed(): Promise<void>;
  /** A target whose server URL is `url` + `prefix`, as resolveTarget makes it from a kubeconfig on disk. */
  target(options?: KubeconfigOptions): Promise<ResolvedTarget>;
  /** That kubeconfig's path, for a child process (the CLI). */
  kubeconfig(options?: KubeconfigOptions): string;
  close(): Promise<void>;
}

interface KubeconfigOptions {
  prefix?: string;
  tlsServerName?: string;
  token?: string;
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

let certificates: ReturnType<typeof generateCertificates> | undefined;

export async function startFakeApiServer(
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<FakeApiServer> {
  certificates ??= generateCertificates();
  const certs = certificates;
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const closed = new Set<Promise<void>>();
  const server = https.createServer({ key: certs.keyPem, cert: certs.certPem }, (req, res) => {
    requests.push(req.url ?? '');
    handle(req, res);
  });
  server.on('secureConnection', (socket: Socket) => {
    sockets.add(socket);
    closed.add(new Promise((r) => socket.once('close', () => r())));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pachyderm-fake-api-'));
  const writeKubeconfig = ({ prefix = '', tlsServerName, token = 'fake-token' }: KubeconfigOptions = {}): string => {
    const file = path.join(dir, `kubeconfig-${requests.length}-${Math.random().toString(36).slice(2)}`);
    const cluster: Record<string, string> = { server: url + prefix, 'certificate-authority-data': b64(certs.caPem) };
    if (tlsServerName) cluster['tls-server-name'] = tlsServerName;
    fs.writeFileSync(
      file,
      stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'fake', cluster }],
        users: [{ name: 'u', user: { token } }],
        contexts: [{ name: 'fake', context: { cluster: 'fake', user: 'u', namespace: 'default' } }],
        'current-context': 'fake',
      }),
    );
    return file;
  };
  return {
    url,
    requests,
    allSocketsClosed: async () => {
      await Promise.all([...closed]);
    },
    kubeconfig: (options) => writeKubeconfig(options),
    target: async (options) => {
      const t = await resolveTarget({ kubeconfig: writeKubeconfig(options) }, {});
      if (!t.ok) throw new Error(t.reason);
      return t;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A Kubernetes Status body. */
export function statusJson(code: number, reason: string, message: string): string {
  return JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code });
}
