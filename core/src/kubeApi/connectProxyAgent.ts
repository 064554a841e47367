/**
 * An HTTP proxy, from the kubeconfig's `proxy-url` or from HTTPS_PROXY/HTTP_PROXY
 * (core/src/kubeApi/proxyFromEnvironment.ts): each connection is a CONNECT tunnel through it, over TLS to the proxy
 * when its URL is https:// (checked against Node's trusted CAs, as client-node's hpagent did), as Go's transport (and
 * so kubectl) does for https servers. An http:// server is tunnelled too, where Go would send the request itself to
 * the proxy: such servers are rare (client-node accepts one only with insecure-skip-tls-verify), so one path serves
 * both; a proxy that allows CONNECT only to port 443 refuses it with a message that says so.
 * Our own rather than client-node's hpagent, which reports a refusal only as "Bad response: 407"; the shipped bundle
 * leaves hpagent out (scripts/buildOptions.mjs), so this is the only CONNECT client that ships.
 */
import type * as http from 'node:http';
import * as net from 'node:net';
import * as tls from 'node:tls';
import { TunnelAgent } from './tunnelAgent';

/** The longest CONNECT answer head we read before calling the proxy broken (a real one is a few hundred bytes). */
const MAX_HEAD = 16 * 1024;

export class ConnectProxyAgent extends TunnelAgent {
  constructor(
    private readonly proxy: URL,
    /** Where the proxy came from (e.g. `HTTPS_PROXY`), so messages say what to fix. */
    private readonly source: string,
    agentOptions: http.AgentOptions = {},
  ) {
    super(agentOptions);
  }

  protected openTunnel(host: string, port: number): Promise<net.Socket> {
    return connectTunnel(this.proxy, this.source, host, port);
  }
}

/**
 * hpagent's constructor shape, `new HttpsProxyAgent({ proxy, ...agentOptions })`, which client-node's
 * `KubeConfig.applyToHTTPSOptions` calls for an http(s) proxy-url. The shipped bundle resolves client-node's `hpagent`
 * import to this module (scripts/buildOptions.mjs), so what client-node builds there is ours as well, although
 * kubeHttp.ts replaces it with its own agent before any connection.
 */
export class ProxyUrlAgent extends ConnectProxyAgent {
  constructor({ proxy, ...agentOptions }: http.AgentOptions & { proxy: string | URL }) {
    super(new URL(proxy), 'proxy-url', agentOptions);
  }
}
export { ProxyUrlAgent as HttpProxyAgent, ProxyUrlAgent as HttpsProxyAgent };

/** Opens a CONNECT tunnel to `host:port`; resolves once the proxy answered 2xx, with the socket past its answer. */
export function connectTunnel(proxy: URL, source: string, host: string, port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const proxyHost = proxy.hostname.replace(/^\[|\]$/g, '');
    const proxyPort = Number(proxy.port) || (proxy.protocol === 'https:' ? 443 : 80);
    const socket: net.Socket =
      proxy.protocol === 'https:'
        ? tls.connect({ host: proxyHost, port: proxyPort, servername: net.isIP(proxyHost) ? undefined : proxyHost })
        : net.connect(proxyPort, proxyHost);
    // Names the proxy by host only: its URL may carry a password.
    const where = `${source} proxy ${proxy.host}`;
    let received = Buffer.alloc(0);
    const fail = (err: Error & { code?: string }) => {
      socket.destroy();
      reject(
        Object.assign(new Error(`${where}: could not connect to ${host}:${port} through it: ${err.message}`), {
          code: err.code ?? 'ERR_PROXY_CONNECT',
        }),
      );
    };
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) {
        if (received.length > MAX_HEAD) fail(new Error('its answer to CONNECT is not HTTP'));
        return;
      }
      const statusLine = received.subarray(0, received.indexOf('\r\n')).toString('latin1');
      const status = /^HTTP\/\d(?:\.\d)? (\d{3})(.*)$/.exec(statusLine);
      if (!status) return fail(new Error('its answer to CONNECT is not HTTP'));
      if (!status[1].startsWith('2')) {
        const hint = status[1] === '407' ? '; put user:password in the proxy URL' : '';
        return fail(
          Object.assign(new Error(`it refused the tunnel with ${status[1]}${status[2].trimEnd()}${hint}`), {
            code: 'ERR_PROXY_REFUSED',
          }),
        );
      }
      socket.off('data', onData);
      socket.off('error', fail);
      socket.off('close', onEarlyClose);
      const rest = received.subarray(end + 4);
      if (rest.length) socket.unshift(rest);
      resolve(socket);
    };
    const onEarlyClose = () =>
      fail(Object.assign(new Error('it closed the connection before answering CONNECT'), { code: 'ECONNRESET' }));
    socket.on('data', onData);
    socket.on('error', fail);
    socket.on('close', onEarlyClose);
    socket.once(proxy.protocol === 'https:' ? 'secureConnect' : 'connect', () => {
      const authority = net.isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`;
      const headers = [`CONNECT ${authority} HTTP/1.1`, `Host: ${authority}`];
      if (proxy.username || proxy.password) {
        const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
        headers.push(`Proxy-Authorization: Basic ${Buffer.from(credentials).toString('base64')}`);
      }
      socket.write(`${headers.join('\r\n')}\r\n\r\n`);
    });
  });
}
