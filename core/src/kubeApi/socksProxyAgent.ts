/**
 * A kubeconfig's `proxy-url: socks5://…` (a bastion's `ssh -D` tunnel, say): an http.Agent that opens each
 * connection through a SOCKS5 proxy (RFC 1928, with RFC 1929 username/password), then TLS when the server is
 * https. It stands in for client-node's socks-proxy-agent in the shipped bundle (scripts/buildOptions.mjs), whose
 * dependencies weigh ~85 KB minified. As in kubectl, only SOCKS5 is spoken and the proxy resolves host names.
 */
import type * as http from 'node:http';
import * as net from 'node:net';
import { TunnelAgent } from './tunnelAgent';

/** RFC 1928 reply codes, as the errors Node would give for the same failure without a proxy where there is one. */
const REPLY_ERRORS: Record<number, [code: string, text: string]> = {
  1: ['ERR_SOCKS_FAILURE', 'general SOCKS server failure'],
  2: ['ERR_SOCKS_NOT_ALLOWED', 'connection not allowed by ruleset'],
  3: ['ENETUNREACH', 'network unreachable'],
  4: ['EHOSTUNREACH', 'host unreachable'],
  5: ['ECONNREFUSED', 'connection refused'],
  6: ['ETIMEDOUT', 'TTL expired'],
  7: ['ERR_SOCKS_COMMAND', 'command not supported'],
  8: ['ERR_SOCKS_ADDRESS', 'address type not supported'],
};

export class SocksProxyAgent extends TunnelAgent {
  private readonly proxy: URL;

  constructor(proxyUrl: string | URL, agentOptions: http.AgentOptions = {}) {
    super(agentOptions);
    this.proxy = new URL(proxyUrl);
    if (this.proxy.protocol !== 'socks5:' && this.proxy.protocol !== 'socks5h:') {
      throw new Error(
        `proxy-url ${this.proxy.protocol}//${this.proxy.host}: only socks5 SOCKS proxies are supported, as in kubectl`,
      );
    }
  }

  protected openTunnel(host: string, port: number): Promise<net.Socket> {
    return socksConnect(this.proxy, host, port);
  }
}

/** Opens a TCP connection to `host:port` through the SOCKS5 proxy; resolves once the proxy has connected it. */
export function socksConnect(proxy: URL, host: string, port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    new SocksHandshake(proxy, host, port, resolve, reject);
  });
}

/**
 * One SOCKS5 handshake on a new connection to the proxy: the method, then username/password when the proxy asks
 * for it, then CONNECT. The proxy's replies may arrive split or joined, so they are read from `received`.
 */
class SocksHandshake {
  private readonly user: string;
  private readonly password: string;
  private readonly socket: net.Socket;
  private received = Buffer.alloc(0);
  private step: 'method' | 'auth' | 'connect' = 'method';

  constructor(
    private readonly proxy: URL,
    private readonly host: string,
    private readonly port: number,
    private readonly resolve: (socket: net.Socket) => void,
    private readonly reject: (err: Error) => void,
  ) {
    this.user = decodeURIComponent(proxy.username);
    this.password = decodeURIComponent(proxy.password);
    this.socket = net.connect(Number(proxy.port) || 1080, proxy.hostname.replace(/^\[|\]$/g, ''));
    this.socket.on('data', this.onData);
    this.socket.on('error', this.fail);
    this.socket.on('close', this.onEarlyClose);
    this.socket.on('connect', () => this.socket.write(Buffer.from(this.user ? [5, 2, 0, 2] : [5, 1, 0])));
  }

  private readonly fail = (err: Error): void => {
    this.socket.destroy();
    this.reject(err);
  };

  private readonly onEarlyClose = (): void => this.failWith('ECONNRESET', 'closed the connection during the handshake');

  private readonly onData = (chunk: Buffer): void => {
    this.received = Buffer.concat([this.received, chunk]);
    if (this.step === 'method') this.onMethodReply();
    else if (this.step === 'auth') this.onAuthReply();
    else this.onConnectReply();
  };

  private failWith(code: string, text: string): void {
    const message = `SOCKS proxy ${this.proxy.host}: ${text} (connecting to ${this.host}:${this.port})`;
    this.fail(Object.assign(new Error(message), { code }));
  }

  /** The method the proxy chose: none, or username/password when the URL has a user. */
  private onMethodReply(): void {
    if (this.received.length < 2) return;
    const method = this.received[1];
    this.received = this.received.subarray(2);
    if (method === 0) return this.sendConnect();
    if (method === 2 && this.user) {
      this.step = 'auth';
      const u = Buffer.from(this.user);
      const p = Buffer.from(this.password);
      this.socket.write(Buffer.concat([Buffer.from([1, u.length]), u, Buffer.from([p.length]), p]));
      return;
    }
    this.failWith(
      'ERR_SOCKS_AUTH',
      this.user ? 'refused the username/password method' : 'requires authentication; put user:password in proxy-url',
    );
  }

  private onAuthReply(): void {
    if (this.received.length < 2) return;
    if (this.received[1] !== 0) return this.failWith('ERR_SOCKS_AUTH', 'rejected the username or password');
    this.received = this.received.subarray(2);
    this.sendConnect();
  }

  private sendConnect(): void {
    const { host, port } = this;
    this.step = 'connect';
    this.socket.write(
      Buffer.concat([Buffer.from([5, 1, 0]), encodeAddress(host), Buffer.from([port >> 8, port & 0xff])]),
    );
  }

  /** The CONNECT reply: once it is whole, the socket is the tunnel, handed over with whatever followed the reply. */
  private onConnectReply(): void {
    const received = this.received;
    if (received.length < 5) return;
    if (received[1] !== 0) {
      const [code, text] = REPLY_ERRORS[received[1]] ?? ['ERR_SOCKS_FAILURE', `reply ${received[1]}`];
      return this.failWith(code, text);
    }
    const addressLength = received[3] === 1 ? 4 : received[3] === 4 ? 16 : 1 + received[4];
    const replyLength = 4 + addressLength + 2;
    if (received.length < replyLength) return;
    this.socket.off('data', this.onData);
    this.socket.off('error', this.fail);
    this.socket.off('close', this.onEarlyClose);
    const rest = received.subarray(replyLength);
    if (rest.length) this.socket.unshift(rest);
    this.resolve(this.socket);
  }
}

/** DST.ADDR: IP literals as such, names as a domain for the proxy to resolve (socks5h, what kubectl does). */
function encodeAddress(host: string): Buffer {
  if (net.isIPv4(host)) return Buffer.from([1, ...host.split('.').map(Number)]);
  if (net.isIPv6(host)) return Buffer.concat([Buffer.from([4]), ipv6Bytes(host)]);
  const name = Buffer.from(host);
  return Buffer.concat([Buffer.from([3, name.length]), name]);
}

function ipv6Bytes(address: string): Buffer {
  const [head, tail = ''] = address.split('::');
  const groups = (s: string) => (s ? s.split(':') : []).flatMap((g) => (g.includes('.') ? ipv4AsGroups(g) : [g]));
  const h = groups(head);
  const t = address.includes('::') ? groups(tail) : [];
  const all = [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  const out = Buffer.alloc(16);
  all.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16), i * 2));
  return out;
}

function ipv4AsGroups(v4: string): string[] {
  const [a, b, c, d] = v4.split('.').map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}
