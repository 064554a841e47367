/** Listening, and closing with every live connection dropped, for the API and admin servers. */
import type { Server as HttpsServer } from 'node:https';
import type { Server as HttpServer } from 'node:http';
import type { Socket } from 'node:net';

export function listen(server: HttpsServer | HttpServer, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** Tracks sockets so "down" and stop() can drop live connections (watches would otherwise keep a server alive). */
export function trackSockets(server: HttpsServer | HttpServer): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return sockets;
}

export function closeServer(server: HttpsServer | HttpServer, sockets: Set<Socket>): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    for (const s of sockets) s.destroy();
  });
}
