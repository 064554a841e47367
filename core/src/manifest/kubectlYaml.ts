/**
 * `kubectl -o yaml` output, byte for byte. kubectl turns the object into JSON and then into YAML through
 * sigs.k8s.io/yaml, i.e. go-yaml v2 marshalling a generic map: keys in go-yaml's "natural" order, each string's
 * style chosen by go-yaml (plain unless it would read back as another type, literal block when it has a
 * newline) and then downgraded by the libyaml emitter's scalar analysis. This module ports exactly those
 * decisions; the differential tests hold it to kubectl.
 */
import { objectEntries, type GoJsonValue } from './goJson';
import { naturalCompare } from './goYamlKeyOrder';
import { resolvesToString } from './goYamlResolve';
import { analyzeScalar, isSimpleKey } from './scalarAnalysis';
import { ChunkedText, base64Length, base64Pieces, type TextSink } from './textChunks';
import { BEST_INDENT, YamlScalarWriter } from './yamlScalarWriter';

/** The object to print: strings, byte values (base64), nulls and nested maps (what a Secret holds). */
export type YamlMap = Map<string, GoJsonValue> | { [key: string]: GoJsonValue };

/** Writes the YAML to `sink` in chunks. */
export function writeKubectlYaml(root: YamlMap, sink: TextSink): void {
  const e = new Emitter(new ChunkedText(sink));
  e.mapping(root, 0);
  // A literal block that ends in a line break has already ended the line.
  if (e.column > 0) e.out.write('\n');
  e.out.flush();
}

export function toKubectlYaml(root: YamlMap): string {
  const chunks: string[] = [];
  writeKubectlYaml(root, (c) => chunks.push(c));
  return chunks.join('');
}

type Style = 'plain' | 'single' | 'double' | 'literal';

/**
 * The document's layout, as libyaml writes a block mapping of scalars for kubectl, and the style of each scalar as
 * go-yaml chooses it and libyaml downgrades it. The scalars themselves are written by YamlScalarWriter.
 */
class Emitter extends YamlScalarWriter {
  mapping(map: YamlMap, indent: number): void {
    for (const [key, value] of objectEntries(map).sort((a, b) => naturalCompare(a[0], b[0]))) {
      const simple = isSimpleKey(key);
      this.writeIndent(indent);
      if (simple) {
        this.scalar(key, indent + BEST_INDENT, true);
        this.indicator(':', false);
      } else {
        this.indicator('?', true);
        this.scalar(key, indent + BEST_INDENT, false);
        this.writeIndent(indent);
        this.indicator(':', true);
      }
      this.node(value, indent);
    }
  }

  private node(value: GoJsonValue, indent: number): void {
    if (value === null) {
      this.plainRaw('null');
    } else if (typeof value === 'string') {
      this.scalar(value, indent + BEST_INDENT, false);
    } else if (value instanceof Uint8Array) {
      this.bytes(value, indent + BEST_INDENT);
    } else if (typeof value !== 'object' || Array.isArray(value)) {
      throw new Error('kubectl YAML printer: only strings, bytes, null and maps occur in a Secret');
    } else if (objectEntries(value).length === 0) {
      this.plainRaw('{}');
    } else {
      this.mapping(value, indent + BEST_INDENT);
    }
  }

  /**
   * A `[]byte` value: kubectl's JSON holds its base64, which go-yaml writes plain, or double-quoted when it
   * would read back as another type (`true`, `1234`). Base64 has no spaces, breaks or characters to escape,
   * so either way the text goes out as it is, a piece at a time; only the style needs a look at the text.
   */
  private bytes(value: Uint8Array, indent: number): void {
    if (base64Length(value.length) <= BASE64_WHOLE_LIMIT) {
      return this.scalar(
        Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64'),
        indent,
        false,
      );
    }
    const plain = longBase64IsString(value);
    if (plain) {
      if (!this.whitespace) this.put(' ');
    } else this.indicator('"', true);
    for (const piece of base64Pieces(value)) this.put(piece);
    if (plain) {
      this.whitespace = false;
      this.indention = false;
    } else this.indicator('"', false);
  }

  private plainRaw(text: string): void {
    if (!this.whitespace) this.put(' ');
    this.put(text);
    this.whitespace = false;
    this.indention = false;
  }

  private scalar(raw: string, indent: number, simpleKey: boolean): void {
    const value = foldLikeJsonToYaml(raw);
    const a = analyzeScalar(value);
    let style: Style = value.includes('\n') ? 'literal' : resolvesToString(value) ? 'plain' : 'double';
    if (simpleKey && a.multiline) style = 'double';
    if (style === 'plain') {
      if (!a.blockPlainAllowed) style = 'single';
      if (value.length === 0 && simpleKey) style = 'single';
    }
    if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
    if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
    const allowBreaks = !simpleKey;
    switch (style) {
      case 'plain':
        return this.writePlain(value, indent, allowBreaks);
      case 'single':
        return this.writeSingle(value, indent, allowBreaks);
      case 'double':
        return this.writeDouble(value, indent, allowBreaks);
      case 'literal':
        return this.writeLiteral(value, indent);
    }
  }
}

/** Base64 texts up to this length are made whole and go through the general scalar path. */
const BASE64_WHOLE_LIMIT = 256 * 1024;

/**
 * Whether go-yaml takes a long base64 text for a string. Ints, floats and timestamps are made only of these
 * characters (the words in RESOLVE_MAP are short), so one other character anywhere settles it; a text made
 * only of them (a file of bytes whose base64 is all digits) is checked whole, as go-yaml would.
 */
function longBase64IsString(value: Uint8Array): boolean {
  const numberLike = /^[0-9a-fA-FxXoObBtTzZ+_.:\- ]*$/;
  for (const piece of base64Pieces(value)) if (!numberLike.test(piece)) return true;
  return resolvesToString(Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64'));
}

/**
 * sigs.k8s.io/yaml reads kubectl's JSON back as YAML before writing YAML. Go's JSON leaves NEL (U+0085) raw, and a
 * YAML double-quoted scalar folds a raw line break: one becomes a space (with the raw spaces around it; tabs are
 * escaped in the JSON, so they stay), n become n-1 newlines.
 */
function foldLikeJsonToYaml(s: string): string {
  return s.includes('\u0085')
    ? s.replace(/ *(\u0085(?: *\u0085)*) */g, (_m, run: string) => {
        const n = run.split('\u0085').length - 1;
        return n === 1 ? ' ' : '\n'.repeat(n - 1);
      })
    : s;
}
