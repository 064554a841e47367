/**
 * How the manifest writers hand on their output: as a stream of strings of bounded size, never one string
 * built a character at a time. A 50 MB file becomes a 67 MB base64 value, and a JavaScript string grown by
 * `+=` one character at a time costs tens of bytes per character; chunks keep memory at a small multiple of
 * the output and let the CLI write each chunk as soon as it is made.
 */

/** Receives the output in order; the chunks joined are the whole text. */
export type TextSink = (chunk: string) => void;

/** Chunks of about this many UTF-16 units: large enough to make few writes, small enough to stay cheap. */
export const CHUNK_UNITS = 64 * 1024;

/**
 * Gathers small pieces into chunks of about CHUNK_UNITS and splits large ones, never between the two halves
 * of a surrogate pair (a half alone would be written as U+FFFD by a UTF-8 encoder).
 */
export class ChunkedText {
  private parts: string[] = [];
  private size = 0;
  /** Whether anything has been written yet. */
  started = false;

  constructor(private readonly sink: TextSink) {}

  write(s: string): void {
    if (!s.length) return;
    this.started = true;
    if (s.length >= CHUNK_UNITS) {
      this.flush();
      for (let i = 0; i < s.length;) {
        let end = Math.min(i + CHUNK_UNITS, s.length);
        const last = s.charCodeAt(end - 1);
        if (end < s.length && last >= 0xd800 && last <= 0xdbff) end--;
        this.sink(s.slice(i, end));
        i = end;
      }
      return;
    }
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= CHUNK_UNITS) this.flush();
  }

  flush(): void {
    if (!this.parts.length) return;
    this.sink(this.parts.length === 1 ? this.parts[0] : this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}

/** Runs a writer and returns its whole output as one string, for callers that need text (small manifests). */
export function collectText(write: (sink: TextSink) => void): string {
  const chunks: string[] = [];
  write((c) => chunks.push(c));
  return chunks.join('');
}

/** Bytes per base64 piece: a multiple of 3, so the pieces' base64 texts join into the whole one's. */
const BASE64_PIECE_BYTES = 3 * 16 * 1024;

/** The base64 of `bytes`, a piece at a time, without making the whole text. */
export function* base64Pieces(bytes: Uint8Array): Generator<string> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < buf.length; i += BASE64_PIECE_BYTES) {
    yield buf.subarray(i, Math.min(i + BASE64_PIECE_BYTES, buf.length)).toString('base64');
  }
}

/** The length of `bytes`' base64 text. */
export function base64Length(byteLength: number): number {
  return Math.ceil(byteLength / 3) * 4;
}
