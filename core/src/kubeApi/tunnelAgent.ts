/**
 * An http.Agent whose connections start as a tunnel through a proxy (SOCKS5, HTTP CONNECT), then speak TLS to the
 * API server when it is https, with the kubeconfig's TLS settings: the proxy sees only encrypted bytes and the
 * server certificate is checked end to end.
 */
import * as http from 'node:http';
import * as net from 'node:net';
import type { Duplex } from 'node:stream';
import * as tls from 'node:tls';

/** The request options that shape the TLS connection to the API server (client-node puts them on agent and request). */
const TLS_OPTIONS = [
  'ca',
  'cert',
  'key',
  'pfx',
  'passphrase',
  'rejectUnauthorized',
  'servername',
  'ciphers',
  'ecdhCurve',
  'honorCipherOrder',
  'secureOptions',
  'secureProtocol',
  'crl',
  'dhparam',
  'sessionIdContext',
  'minVersion',
  'maxVersion',
  'checkServerIdentity',
] as const;

export abstract class TunnelAgent extends http.Agent {
  constructor(agentOptions: http.AgentOptions = {}) {
    super(agentOptions);
    // One agent serves http and https servers: without a protocol of its own, Node checks the request against
    // the module it was made with (http.request or https.request), and createConnection adds TLS for https.
    (this as { protocol?: string }).protocol = undefined;
  }

  /** Resolves with a socket whose bytes reach `host:port` once the proxy has connected it. */
  protected abstract openTunnel(host: string, port: number): Promise<net.Socket>;

  override createConnection(
    options: http.ClientRequestArgs,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): undefined {
    const done = callback ?? (() => undefined);
    const host = (options.hostname ?? options.host ?? 'localhost').replace(/^\[|\]$/g, '');
    const port = Number(options.port) || (options.protocol === 'https:' ? 443 : 80);
    this.openTunnel(host, port).then(
      (socket) => {
        if (options.protocol !== 'https:') return done(null, socket);
        const tlsOptions: tls.ConnectionOptions = { socket, host };
        for (const k of TLS_OPTIONS)
          if ((options as Record<string, unknown>)[k] !== undefined)
            (tlsOptions as Record<string, unknown>)[k] = (options as Record<string, unknown>)[k];
        // SNI carries names only; an IP address is still checked against the certificate through `host`.
        if (tlsOptions.servername === undefined && !net.isIP(host)) tlsOptions.servername = host;
        const secure = tls.connect(tlsOptions);
        // Errors after this point (handshake, verification) reach the request through the socket it is given.
        done(null, secure);
      },
      (err: Error) => done(err, undefined as unknown as Duplex),
    );
    return undefined;
  }
}
