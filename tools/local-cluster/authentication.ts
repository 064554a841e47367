/**
 * Who is calling, decided as kube-apiserver's authenticators decide it: a client certificate that verifies against
 * the cluster CA names the user (subject CN) and its groups (each O), and wins over any token; otherwise the bearer
 * token. A certificate that does not verify (another CA, expired, not for client auth) authenticates nobody, so
 * without a valid token the request gets 401, as on a real cluster.
 */
import type { IncomingMessage } from 'node:http';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import { bearerToken } from './http';
import { actingUser, type LocalUser } from './rbac';

const CLIENT_AUTH_USAGE = '1.3.6.1.5.5.7.3.2';

/** Node gives a repeated subject field as an array; Go's x509 keeps the last CN and every O. */
const values = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function certificateUser(socket: TLSSocket | undefined, users: LocalUser[]): LocalUser | undefined {
  if (!socket?.encrypted || !socket.authorized) return undefined;
  const cert: PeerCertificate = socket.getPeerCertificate();
  const name = values(cert?.subject?.CN).at(-1);
  // Like the API server's x509 authenticator: no CN, or a certificate not meant for client auth, names nobody.
  if (!name || (cert.ext_key_usage && !cert.ext_key_usage.includes(CLIENT_AUTH_USAGE))) return undefined;
  return actingUser(users, name, values(cert.subject.O));
}

export function authenticate(req: IncomingMessage, users: LocalUser[]): LocalUser | undefined {
  const fromCertificate = certificateUser(req.socket as TLSSocket, users);
  if (fromCertificate) return fromCertificate;
  const token = bearerToken(req);
  return token ? users.find((u) => u.token === token) : undefined;
}
