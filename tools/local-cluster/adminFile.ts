/**
 * The file beside the kubeconfig that tells other processes how to reach the admin endpoint:
 * `{url, adminUrl, adminToken, pid}`.
 */
export const ADMIN_FILE = 'local-cluster.json';
