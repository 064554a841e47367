/**
 * A minimal SOCKS5 proxy for tests (RFC 1928 CONNECT, optional RFC 1929 username/password): it records each
 * destination as the client named it, connects there and relays bytes both ways.
 */
import * as net from 'node:net';

export interface SocksServer {
  url: string;
  /** `host:port` as the client sent it (a name stays a name: the proxy resolves it). */
  destinations: string[];
  close(): Promise<void>;
}

export async function startSocksServer(credentials?: { user: string; password: string }): Promise<SocksServer> {
  const destinations: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('error', () => client.destroy());
    let buf = Buffer.alloc(0);
    let step: 'greeting' | 'auth' | 'request' = 'greeting';
    const onData = (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      if (step === 'greeting') {
        if (buf.length < 2 || buf.length < 2 + buf[1]) return;
        const methods = [...buf.subarray(2, 2 + buf[1])];
        buf = buf.subarray(2 + buf[1]);
        const method = credentials ? 2 : 0;
        if (!methods.includes(method)) return void client.end(Buffer.from([5, 0xff]));
        client.write(Buffer.from([5, method]));
        step = credentials ? 'auth' : 'request';
      }
      if (step === 'auth') {
        if (buf.length < 2 || buf.length < 3 + buf[1] || buf.length < 3 + buf[1] + buf[2 + buf[1]]) return;
        const ulen = buf[1];
        const user = buf.subarray(2, 2 + ulen).toString();
        const plen = buf[2 + ulen];
        const password = buf.subarray(3 + ulen, 3 + ulen + plen).toString();
        buf = buf.subarray(3 + ulen + plen);
        if (user !== credentials?.user || password !== credentials.password)
          return void client.end(Buffer.from([1, 1]));
        client.write(Buffer.from([1, 0]));
        step = 'request';
      }
      if (step === 'request') {
        if (buf.length < 5) return;
        const atyp = buf[3];
        const addrLen = atyp === 1 ? 4 : atyp === 4 ? 16 : 1 + buf[4];
        if (buf.length < 4 + addrLen + 2) return;
        const addr = buf.subarray(4, 4 + addrLen);
        const host = atyp === 1 ? [...addr].join('.') : atyp === 3 ? addr.subarray(1).toString() : addr.toString('hex');
        const port = buf.readUInt16BE(4 + addrLen);
        const rest = buf.subarray(4 + addrLen + 2);
        client.off('data', onData);
        destinations.push(`${host}:${port}`);
        const upstream = net.connect(port, host, () => {
          client.write(Buffer.from([5, 0, 0, 1, 0, 0, 0, 0, 0, 0]));
          if (rest.length) upstream.write(rest);
          client.pipe(upstream).pipe(client);
        });
        sockets.add(upstream);
        upstream.on('error', () => {
          if (!client.destroyed) client.end(Buffer.from([5, 5, 0, 1, 0, 0, 0, 0, 0, 0]));
        });
        upstream.on('close', () => client.destroy());
        client.on('close', () => upstream.destroy());
      }
    };
    client.on('data', onData);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  const auth = credentials
    ? `${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@`
    : '';
  return {
    url: `socks5://${auth}127.0.0.1:${port}`,
    destinations,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
