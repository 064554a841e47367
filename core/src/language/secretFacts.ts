/**
 * How a secret's metadata reads in completion details, hovers and quick-fix titles. Sizes, types, key
 * names and dates only: there is no value to show, by construction (SecretMeta has none).
 */
import type { SecretKeyInfo, SecretMeta } from '../catalog/secretMeta';
import { REGISTRY_SECRET_TYPES } from '../catalog/secretMeta';

export function keyCount(meta: SecretMeta): string {
  return `${meta.keys.length} ${meta.keys.length === 1 ? 'key' : 'keys'}`;
}

/** `Opaque · 2 keys`: the completion detail of a secret. */
export function secretSummary(meta: SecretMeta): string {
  return `${meta.type} · ${keyCount(meta)}`;
}

export function isRegistryCredential(meta: SecretMeta): boolean {
  return REGISTRY_SECRET_TYPES.has(meta.type);
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MiB`;
}

/** `42 B, text`: what a key holds, never what it says. */
export function keySummary(key: SecretKeyInfo): string {
  return `${formatSize(key.size)}, ${key.binary ? 'binary' : 'text'}`;
}

/** Human age as `kubectl get` prints it (`45s`, `12m`, `3h`, `5d`, `2y`); undefined without a timestamp. */
export function age(creationTimestamp: string | undefined, now: Date): string | undefined {
  if (!creationTimestamp) return undefined;
  const then = Date.parse(creationTimestamp);
  if (Number.isNaN(then)) return undefined;
  const s = Math.max(0, Math.floor((now.getTime() - then) / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 120) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  if (d < 730) return `${d}d`;
  return `${Math.floor(d / 365)}y`;
}

/** Markdown list of a secret's keys, for completion documentation and hover. */
export function keysMarkdown(meta: SecretMeta): string {
  if (!meta.keys.length) return '_no keys_';
  return meta.keys.map((k) => `- \`${k.name}\` (${keySummary(k)})`).join('\n');
}
