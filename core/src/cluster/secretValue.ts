/**
 * How one revealed value is shown and copied. Text is shown as text; anything else (keystores, DER) would be
 * mangled by decoding, so it is shown as its size and copied as base64, the form kubectl and manifests use.
 */
import { isText } from '../catalog/secretMeta';

export function revealedText(bytes: Uint8Array): string {
  return isText(bytes) ? Buffer.from(bytes).toString('utf8') : `<binary, ${bytes.length} bytes>`;
}

export function copiedText(bytes: Uint8Array): { text: string; encoding: 'text' | 'base64' } {
  return isText(bytes) ? { text: Buffer.from(bytes).toString('utf8'), encoding: 'text' } : { text: Buffer.from(bytes).toString('base64'), encoding: 'base64' };
}
