/**
 * A file's bytes as text, the way pachctl's reader takes them, and what about its encoding or line endings a
 * user should hear. pachctl reads every spec with yaml.v3, whose reader (go-yaml/yaml readerc.go,
 * `yaml_parser_determine_encoding`) skips a UTF-8 byte order mark, decodes UTF-16 that starts with one, and
 * reads anything else as UTF-8; its scanner ends a line at CR, LF or CRLF alike.
 */

export type SourceEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE';

/** How a file's bytes were decoded: `bom` when they started with a byte order mark. */
export interface SourceForm {
  encoding: SourceEncoding;
  bom: boolean;
}

export interface DecodedSource extends SourceForm {
  /** The text, without the byte order mark. */
  text: string;
}

/**
 * Decodes a file. UTF-16 without a byte order mark is recognised by a NUL in one of the first two bytes
 * (a spec or a Secret list starts with ASCII), so that its problem is named rather than read as garbage.
 */
export function decodeSource(bytes: Uint8Array): DecodedSource {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return decoded(bytes.subarray(3), 'UTF-8', true);
  if (b0 === 0xff && b1 === 0xfe) return decoded(bytes.subarray(2), 'UTF-16LE', true);
  if (b0 === 0xfe && b1 === 0xff) return decoded(bytes.subarray(2), 'UTF-16BE', true);
  if (bytes.length >= 2 && b0 !== 0 && b1 === 0) return decoded(bytes, 'UTF-16LE', false);
  if (bytes.length >= 2 && b0 === 0 && b1 !== 0) return decoded(bytes, 'UTF-16BE', false);
  return decoded(bytes, 'UTF-8', false);
}

function decoded(bytes: Uint8Array, encoding: SourceEncoding, bom: boolean): DecodedSource {
  // `ignoreBOM`: the mark, if any, is already cut off, and a second one would be content.
  return { text: new TextDecoder(encoding.toLowerCase(), { ignoreBOM: true }).decode(bytes), encoding, bom };
}

/** Whether some line ends with CR alone (classic Mac OS line endings): the `yaml` package reads on across it. */
export function hasLoneCarriageReturn(text: string): boolean {
  const first = text.indexOf('\r');
  if (first < 0) return false;
  const loneCr = /\r(?!\n)/g;
  loneCr.lastIndex = first;
  return loneCr.test(text);
}

/** `text` with each lone CR made an LF: the same length, so every offset still points where it did. */
export function withLineFeeds(text: string): string {
  return text.replace(/\r(?!\n)/g, '\n');
}

const SAVE = 'save it as UTF-8';

/** What to tell a user about a file's encoding or line endings: an error if pachctl cannot read it, else a warning. */
export function sourceProblems(text: string, form: SourceForm | undefined): Array<{ error: boolean; message: string }> {
  const out: Array<{ error: boolean; message: string }> = [];
  if (form && form.encoding !== 'UTF-8') {
    const what = `this file is ${form.encoding}`;
    const message = form.bom
      ? `${what}: pachctl reads it, but many tools expect UTF-8; ${SAVE}`
      : `${what} without a byte order mark: pachctl reads it as UTF-8 and fails; ${SAVE}`;
    out.push({ error: !form.bom, message });
  }
  if (hasLoneCarriageReturn(text)) {
    const message =
      'lines end with CR alone (classic Mac OS line endings): pachctl reads them, but many tools do not; ' +
      'save the file with LF line endings';
    out.push({ error: false, message });
  }
  return out;
}
