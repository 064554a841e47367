/**
 * How one revealed value is shown and copied. Text is shown as text; anything else (keystores, DER) would be
 * mangled by decoding, so it is shown as its size and copied as base64, the form kubectl and manifests use.
 */
import { isText } from '../../../core/src/catalog';

/** A dialog is no place for a whole certificate bundle; beyond this the rest is left to Copy Value. */
export const REVEAL_MAX_CHARS = 4000;

export function revealedText(bytes: Uint8Array): string {
  if (!isText(bytes)) return `<binary, ${bytes.length} bytes>`;
  const text = Buffer.from(bytes).toString('utf8');
  return text.length <= REVEAL_MAX_CHARS
    ? text
    : `${text.slice(0, REVEAL_MAX_CHARS)}\n… (first ${REVEAL_MAX_CHARS} ` +
        `of ${text.length} characters; Copy Value copies all of it)`;
}

export function copiedText(bytes: Uint8Array): { text: string; encoding: 'text' | 'base64' } {
  return isText(bytes)
    ? { text: Buffer.from(bytes).toString('utf8'), encoding: 'text' }
    : { text: Buffer.from(bytes).toString('base64'), encoding: 'base64' };
}
