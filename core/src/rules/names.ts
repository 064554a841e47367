/**
 * The naming rules Kubernetes and Pachyderm apply to what a spec writes: secret names, volume names,
 * environment variable names, mount paths, and envsubst placeholders (which are not names at all yet).
 */

/** `$VAR` or `${VAR}` anywhere: the value is filled in by a template step before pachctl sees it. */
export function isPlaceholder(value: string): boolean {
  // Every value of every spec is asked: most have no `$` at all.
  return value.includes('$') && PLACEHOLDER.test(value);
}

const PLACEHOLDER = /\$(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_])/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A Secret's name: a DNS-1123 subdomain (dot-separated labels of at most 63, at most 253 characters). */
export function isDns1123Subdomain(name: string): boolean {
  if (name.length === 0 || name.length > 253 || !DNS_SUBDOMAIN.test(name)) return false;
  return name.length <= 63 || name.split('.').every((l) => l.length <= 63);
}

/** A volume name: a DNS-1123 label. */
export function isDns1123Label(name: string): boolean {
  return name.length > 0 && name.length <= 63 && DNS_LABEL.test(name);
}

/** The portable (C identifier) form of an environment variable name. */
export function isEnvVarName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}

/** Paths pachd mounts into the worker itself. */
export const PACHYDERM_MOUNT_PATHS: readonly string[] = [
  '/pfs',
  '/pach-bin',
  '/tmp',
  '/pachctl',
  '/pachyderm-storage-secret',
];
/** Of those, the ones under which nothing else may be mounted (nesting under /tmp works). */
const NO_NESTING_UNDER = ['/pfs', '/pach-bin'];

/** `/a//b/./c/` → `/a/b/c`; `..` is resolved. */
export function normalizeAbsolutePath(p: string): string {
  // Only empty, `.` and `..` segments change a path, and all of them show as `//`, `/.` or a trailing `/`:
  // the mount paths of thousands of specs are written plainly.
  if (p.startsWith('/') && !p.includes('//') && !p.includes('/.') && (p.length === 1 || !p.endsWith('/'))) return p;
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return '/' + parts.join('/');
}

/** Why a secret's mountPath won't work, or undefined when it is fine. */
export function mountPathProblem(path: string): string | undefined {
  if (!path.startsWith('/')) return 'is not absolute';
  const p = normalizeAbsolutePath(path);
  if (PACHYDERM_MOUNT_PATHS.includes(p)) return `is a path Pachyderm mounts itself (${p})`;
  for (const root of NO_NESTING_UNDER)
    if (p.startsWith(root + '/')) return `is inside ${root}, which Pachyderm mounts itself`;
  if (p === '/') return 'is the root of the file system';
  return undefined;
}
