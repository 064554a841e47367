/**
 * kubectl's parsing of `--from-literal` and `--from-file` source strings (k8s.io/kubectl/pkg/util), shared by
 * the builders and the wizards' input validation.
 */
import { ManifestError } from './manifestError';

/** `key=value`, split on the first `=`; the value may be empty or contain `=`. */
export function parseLiteralSource(source: string): { key: string; value: string } {
  const eq = source.indexOf('=');
  if (eq <= 0) throw new ManifestError(`invalid literal source ${source}, expected key=value`);
  return { key: source.slice(0, eq), value: source.slice(eq + 1) };
}

/** `[key=]path`; without a key the key is the path's last element. `explicitKey` tells which. */
export function parseFileSource(source: string): { key: string; path: string; explicitKey: boolean } {
  const parts = source.split('=');
  if (parts.length === 1) return { key: goPathBase(source.replace(/\\/g, '/')), path: source, explicitKey: false };
  if (parts.length > 2) throw new ManifestError("key names or file paths cannot contain '='");
  if (source.startsWith('=')) throw new ManifestError(`key name for file path ${parts[1]} missing`);
  if (source.endsWith('=')) throw new ManifestError(`file path for key name ${parts[0]} missing`);
  return { key: parts[0], path: parts[1], explicitKey: true };
}

/** Go's `path.Base`. */
export function goPathBase(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
