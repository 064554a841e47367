/**
 * Whether the API server's certificate is checked. kubectl refuses a cluster that sets both
 * `insecure-skip-tls-verify: true` and a CA (kubernetes/client-go transport/transport.go, TLSConfigFor: "specifying a
 * root certificates file with the insecure flag is not allowed"), because the user meant one and got the other; we
 * refuse it with the same words. Without a CA, skipping verification is allowed but never silent: the target carries a
 * mark the tree and the status bar show.
 */
import type { Cluster } from '@kubernetes/client-node';

/** kubectl's own words for the refused combination, so a search for either tool's message finds the other. */
export const INSECURE_WITH_CA_MESSAGE = 'specifying a root certificates file with the insecure flag is not allowed';

/** Why the connection to this cluster is not verified, if it is not. */
export type Insecurity = 'tls-not-verified' | 'not-encrypted';

/** The reason to refuse this cluster's TLS settings, or undefined when kubectl would accept them. */
export function refusedTlsSettings(cluster: Cluster): string | undefined {
  if (!cluster.skipTLSVerify || !(cluster.caData || cluster.caFile)) return undefined;
  const ca = cluster.caFile ? 'certificate-authority' : 'certificate-authority-data';
  return (
    `${INSECURE_WITH_CA_MESSAGE}: cluster "${cluster.name}" sets both insecure-skip-tls-verify and ${ca}, as ` +
    `kubectl refuses too; remove one of them from the kubeconfig.`
  );
}

export function insecurityOf(cluster: Cluster): Insecurity | undefined {
  if (cluster.server.trim().toLowerCase().startsWith('http://')) return 'not-encrypted';
  return cluster.skipTLSVerify ? 'tls-not-verified' : undefined;
}

/** Short words for a mark, and a sentence for a tooltip. */
export function insecurityText(insecurity: Insecurity): { mark: string; sentence: string } {
  return insecurity === 'not-encrypted'
    ? {
        mark: 'not encrypted (http://)',
        sentence:
          "The cluster's server is an http:// URL: nothing sent to " +
          'it is encrypted, credentials and secret values included.',
      }
    : {
        mark: 'TLS not verified',
        sentence:
          'The kubeconfig sets insecure-skip-tls-verify for this cluster: its certificate is not checked, so anyone ' +
          'on the network path could pose as it and read what is sent, credentials and secret values included.',
      };
}
