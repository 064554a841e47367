/**
 * How deep a document nests, found before any reader builds a tree. The readers, and every walker over their
 * trees (rules, spec model, hover, `nodeAt`, the `yaml` package's composer), recurse once or more per level, so a
 * 10 KB file of `[[[[…` used to overflow the stack: the CLI aborted, the server kept stale diagnostics.
 *
 * pachctl reads specs with yaml.v3 and then encoding/json, and both stop at 10000 levels: yaml.v3's scanner
 * fails with "exceeded max depth of 10000" (go-yaml/yaml scannerc.go, `max_flow_level` and `max_indents`), and
 * encoding/json has the same cap (`maxNestingDepth`). No real spec or values file comes near either: the
 * deepest fields of pps.proto nest a few dozen levels. The extension reads at most `MAX_READ_DEPTH` levels,
 * far below what its recursion survives, and says so in one diagnostic where a document first goes deeper.
 */
import type { SpecFormat, SpecNode } from './tree';

/** pachctl's own limit (yaml.v3 and encoding/json). */
export const PACHCTL_MAX_DEPTH = 10000;
/** The deepest document the extension reads; deeper ones get one diagnostic and no tree. */
export const MAX_READ_DEPTH = 256;

export interface TooDeep {
  /** Where the document first goes deeper than `MAX_READ_DEPTH`. */
  offset: number;
  /** Whether it also goes deeper than pachctl's limit. */
  beyondPachctl: boolean;
}

/** The one message for a document nested too deep. */
export function tooDeepMessage(beyondPachctl: boolean): string {
  const most = PACHCTL_MAX_DEPTH;
  return beyondPachctl
    ? `nested more than ${most} levels deep: pachctl rejects this too ("exceeded max depth of ${most}")`
    : `nested more than ${MAX_READ_DEPTH} levels deep: too deep to check (pachctl itself stops at ${most})`;
}

/**
 * Scans `text[start, end)` (one chunk, see ./documentChunks.ts) without building anything: undefined when it
 * nests at most `MAX_READ_DEPTH` levels. Linear in the chunk's length.
 */
export function scanNestingDepth(text: string, start: number, end: number, format: SpecFormat): TooDeep | undefined {
  return format === 'json' ? scanJson(text, start, end) : scanYaml(text, start, end);
}

class DepthTracker {
  offset = -1;
  beyondPachctl = false;

  /** Records `depth` reached at `at`; true once nothing more can be learnt. */
  reached(depth: number, at: number): boolean {
    if (depth > MAX_READ_DEPTH && this.offset < 0) this.offset = at;
    if (depth > PACHCTL_MAX_DEPTH) this.beyondPachctl = true;
    return this.beyondPachctl;
  }

  result(): TooDeep | undefined {
    return this.offset < 0 ? undefined : { offset: this.offset, beyondPachctl: this.beyondPachctl };
  }
}

function scanJson(text: string, start: number, end: number): TooDeep | undefined {
  const t = new DepthTracker();
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // Most of a spec is strings: jump from quote to quote (the native search is many times faster).
      let close = text.indexOf('"', i + 1);
      while (close >= 0 && close < end && escaped(text, close)) close = text.indexOf('"', close + 1);
      i = close < 0 || close > end ? end : close;
    } else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 || nl > end ? end : nl;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 || close > end ? end : close + 1;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (t.reached(++depth, i)) break;
    } else if ((c === 0x5d /* ] */ || c === 0x7d) /* } */ && depth > 0) depth--;
  }
  return t.result();
}

/** Whether the character at `at` follows an odd number of backslashes. */
function escaped(text: string, at: number): boolean {
  let n = 0;
  while (text.charCodeAt(at - 1 - n) === 0x5c) n++;
  return n % 2 === 1;
}

/**
 * YAML: block levels (a stack of indentation columns, with one more level per `- ` / `? ` opening a line)
 * plus flow levels (`[` and `{` where a token starts), skipping quoted scalars, comments and block scalars.
 * It may count a level too many (a plain scalar continued on a deeper line), never one too few for the
 * readers, and a few too many only matter to a document already hundreds of levels deep.
 */
function scanYaml(text: string, start: number, end: number): TooDeep | undefined {
  return new YamlDepthScan(text).run(start, end);
}

/** One scan's state as fields, so the per-line steps are methods and no closure is made per line. */
class YamlDepthScan {
  private readonly t = new DepthTracker();
  private readonly columns: number[] = [];
  private flow = 0;
  private quote = 0; // the open quote's character code, 0 outside quoted scalars
  private blockScalarParent = -1; // the indentation of the line that opened a block scalar, -1 outside one
  private i = 0;
  private lineEnd = 0;
  private col = 0;

  constructor(private readonly text: string) {}

  run(start: number, end: number): TooDeep | undefined {
    const { text, columns, t } = this;
    let lineStart = start;
    while (lineStart < end) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0 || lineEnd > end) lineEnd = end;
      this.lineEnd = lineEnd;
      let i = lineStart;
      while (i < lineEnd && text.charCodeAt(i) === 0x20) i++;
      const col = i - lineStart;
      this.col = col;
      const blank = i >= lineEnd || text.charCodeAt(i) === 0x0d || text.charCodeAt(i) === 0x23; /* # */
      if (this.blockScalarParent >= 0 && (blank || col > this.blockScalarParent)) {
        lineStart = lineEnd + 1;
        continue;
      }
      this.blockScalarParent = -1;
      if (!this.quote && this.flow === 0 && !blank) {
        if (col === 0 && (text.startsWith('---', i) || text.startsWith('...', i))) columns.length = 0;
        while (columns.length && columns[columns.length - 1] >= col) columns.pop();
        columns.push(col);
        let stop = t.reached(columns.length, i);
        // `- - x` and `? x` open a level each on the same line.
        while (!stop && i < lineEnd) {
          const c = text.charCodeAt(i);
          const next = i + 1 < lineEnd ? text.charCodeAt(i + 1) : 0x20;
          if ((c !== 0x2d /* - */ && c !== 0x3f) /* ? */ || (next !== 0x20 && next !== 0x0d)) break;
          const indicator = i;
          i += 2;
          while (i < lineEnd && text.charCodeAt(i) === 0x20) i++;
          columns.push(i - lineStart);
          stop = t.reached(columns.length, indicator);
        }
        if (stop) break;
      }
      this.i = i;
      if (this.restOfLine()) break;
      lineStart = lineEnd + 1;
    }
    return t.result();
  }

  /** The rest of the line's tokens; true once the scan can stop. */
  private restOfLine(): boolean {
    const { text, lineEnd } = this;
    let tokenStart = true;
    for (let i = this.i; i < lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (this.quote) {
        if (this.quote === 0x22 && c === 0x5c /* \ */) i++;
        else if (c === this.quote) {
          if (this.quote === 0x27 && text.charCodeAt(i + 1) === 0x27) i++;
          else this.quote = 0;
        }
        continue;
      }
      if (c === 0x20 || c === 0x09 || c === 0x0d) {
        tokenStart = true;
        continue;
      }
      if (c === 0x23 /* # */ && tokenStart) return false;
      if ((c === 0x22 || c === 0x27) && tokenStart) this.quote = c;
      else if ((c === 0x5b || c === 0x7b) && tokenStart) {
        this.flow++;
        if (this.t.reached(this.columns.length + this.flow, i)) return true;
      } else if ((c === 0x5d || c === 0x7d) && this.flow > 0) this.flow--;
      else if (
        (c === 0x7c /* | */ || c === 0x3e) /* > */ &&
        tokenStart &&
        this.flow === 0 &&
        this.onlyIndicatorsAfter(i + 1)
      ) {
        this.blockScalarParent = this.col;
        return false;
      }
      // After these a new token may start without a space.
      tokenStart = c === 0x5b || c === 0x7b || c === 0x2c /* , */ || (c === 0x3a /* : */ && this.flow > 0);
    }
    return false;
  }

  /** A block scalar header: `|` or `>` with only indentation/chomping indicators and a comment after it. */
  private onlyIndicatorsAfter(from: number): boolean {
    const { text, lineEnd } = this;
    for (let k = from; k < lineEnd; k++) {
      const c = text.charCodeAt(k);
      if (c === 0x23 && k > from && text.charCodeAt(k - 1) === 0x20) return true;
      if (c !== 0x2b && c !== 0x2d && c !== 0x20 && c !== 0x0d && (c < 0x30 || c > 0x39)) return false;
    }
    return true;
  }
}

/** The deepest level of a tree, without recursion; `undefined` when within `MAX_READ_DEPTH`, else where. */
export function treeTooDeep(root: SpecNode): number | undefined {
  // Two parallel stacks rather than a pair per node: this runs over every tree the readers build.
  const nodes: SpecNode[] = [root];
  const depths: number[] = [1];
  while (nodes.length) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (depth > MAX_READ_DEPTH) return node.start;
    if (node.type === 'object') {
      for (const p of node.properties) {
        if (!p.value) continue;
        nodes.push(p.value);
        depths.push(depth + 1);
      }
    } else if (node.type === 'array') {
      for (const item of node.items) {
        nodes.push(item);
        depths.push(depth + 1);
      }
    }
  }
  return undefined;
}
