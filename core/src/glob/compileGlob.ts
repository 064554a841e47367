/**
 * The one place that reads the globs of `pachyderm.specFiles`, `pachyderm.helmValuesFiles` and the CLI's
 * `--spec-files` / `--helm-values-files`. A glob becomes a small automaton (Thompson's construction) that
 * `matchGlob` (./matchGlob.ts) runs over a path in time proportional to path length × glob length, whatever
 * the glob. Translating globs to a backtracking RegExp (as picomatch and minimatch do) lets a repository's
 * settings pin the language server: `*a*a*a*a*a*a*a*a*a*a*a*!` against a 30-character name takes about a
 * second there and doubles with every few characters more.
 *
 * Syntax: `*` (any characters but `/`), `?` (one character but `/`), `**` as a whole segment (any number of
 * folders), `{a,b}` (alternatives, nestable), `[abc]` / `[a-z]` / `[!a]` (one character but `/`), and `\x`
 * (a literal `x`). Anything else is literal. A glob that cannot mean what its writer intended (a `{` never
 * closed, a `}` or `]` nothing opened, a trailing `\`) is rejected with a `GlobError` that says why.
 */

/** Why a glob was rejected, in words meant for the person who wrote it. */
export class GlobError extends Error {}

/** Longer globs are surely not hand-written; the cap also bounds the automaton (and so each match's work). */
export const MAX_GLOB_LENGTH = 1000;
/** Deeper `{…}` nesting is surely not hand-written; the cap bounds the parser's recursion. */
export const MAX_BRACE_DEPTH = 10;

/** What a state of the automaton does. */
export enum Step {
  /** Consumes the one character `arg` (a UTF-16 code unit). */
  Char,
  /** Consumes one character other than `/`. */
  NotSlash,
  /** Consumes any one character. */
  Any,
  /** Consumes one character other than `/` that `classes[arg]` accepts. */
  Class,
  /** Consumes nothing: goes on to both `out1` and `out2`. */
  Split,
  /** The glob matched. */
  Match,
}

export interface CharClass {
  /** Inclusive ranges of code units, flattened: [from0, to0, from1, to1, …]. */
  ranges: number[];
  negated: boolean;
}

/** A compiled glob: parallel arrays, one entry per state. State 0 is the start. */
export interface GlobAutomaton {
  readonly glob: string;
  readonly step: Step[];
  readonly arg: number[];
  readonly out1: number[];
  readonly out2: number[];
  readonly classes: CharClass[];
  readonly start: number;
}

type Item =
  | { t: 'char'; c: number }
  | { t: 'qm' }
  | { t: 'star' }
  | { t: 'globstar' }
  | { t: 'globstarSlash' }
  | { t: 'class'; cls: CharClass }
  | { t: 'alt'; branches: Item[][] };

const SLASH = 0x2f;

/** Parses and compiles `glob`, or throws a `GlobError` saying what is wrong with it. */
export function compileGlob(glob: string): GlobAutomaton {
  if (glob.length === 0) throw new GlobError('it is empty');
  if (glob.length > MAX_GLOB_LENGTH) throw new GlobError(`it is longer than ${MAX_GLOB_LENGTH} characters`);
  const items = new GlobParser(glob).parseAll();
  return build(glob, items);
}

/** `undefined` for a usable glob, else why it is not. */
export function globProblem(glob: string): string | undefined {
  try {
    compileGlob(glob);
    return undefined;
  } catch (e) {
    if (e instanceof GlobError) return e.message;
    throw e;
  }
}

class GlobParser {
  private i = 0;

  constructor(private readonly glob: string) {}

  parseAll(): Item[] {
    const items = this.sequence(0);
    if (this.i < this.glob.length) {
      // Only a `,` or `}` outside braces stops a top-level sequence, and a `,` there is literal (see sequence).
      throw new GlobError(`the \`}\` at column ${this.i + 1} closes no \`{\` (write \`\\}\` for a literal \`}\`)`);
    }
    return items;
  }

  /** Items up to the end, or up to a `,` / `}` that belongs to the enclosing braces (depth > 0). */
  private sequence(depth: number): Item[] {
    const g = this.glob;
    const items: Item[] = [];
    while (this.i < g.length) {
      const c = g[this.i];
      if (c === '}' || (c === ',' && depth > 0)) break;
      if (c === '*') items.push(this.star());
      else if (c === '?') {
        items.push({ t: 'qm' });
        this.i++;
      } else if (c === '[') items.push(this.charClass());
      else if (c === ']') {
        throw new GlobError(`the \`]\` at column ${this.i + 1} closes no \`[\` (write \`\\]\` for a literal \`]\`)`);
      } else if (c === '{') items.push(this.braces(depth + 1));
      else if (c === '\\') {
        if (this.i + 1 >= g.length) throw new GlobError('it ends with a lone `\\` (write `\\\\` for a literal `\\`)');
        items.push({ t: 'char', c: g.charCodeAt(this.i + 1) });
        this.i += 2;
      } else {
        items.push({ t: 'char', c: g.charCodeAt(this.i) });
        this.i++;
      }
    }
    return items;
  }

  private star(): Item {
    const g = this.glob;
    const start = this.i;
    while (g[this.i] === '*') this.i++;
    if (this.i - start === 1) return { t: 'star' };
    // `**` spans folders only as a whole segment; `a**b` means `a*b`, as in picomatch and minimatch.
    const segmentStart = start === 0 || '/{,'.includes(g[start - 1]);
    if (!segmentStart) return { t: 'star' };
    if (g[this.i] === '/') {
      this.i++;
      return { t: 'globstarSlash' };
    }
    return this.i === g.length || g[this.i] === '}' || g[this.i] === ',' ? { t: 'globstar' } : { t: 'star' };
  }

  private braces(depth: number): Item {
    const open = this.i;
    if (depth > MAX_BRACE_DEPTH) throw new GlobError(`its \`{…}\` are nested more than ${MAX_BRACE_DEPTH} deep`);
    this.i++;
    const branches: Item[][] = [];
    for (;;) {
      branches.push(this.sequence(depth));
      if (this.i >= this.glob.length) {
        throw new GlobError(`the \`{\` at column ${open + 1} is never closed (write \`\\{\` for a literal \`{\`)`);
      }
      if (this.glob[this.i++] === '}') break;
    }
    return { t: 'alt', branches };
  }

  private charClass(): Item {
    const g = this.glob;
    const open = this.i;
    this.i++;
    const negated = g[this.i] === '!' || g[this.i] === '^';
    if (negated) this.i++;
    const ranges: number[] = [];
    let first = true;
    for (;;) {
      if (this.i >= g.length) {
        throw new GlobError(`the \`[\` at column ${open + 1} is never closed (write \`\\[\` for a literal \`[\`)`);
      }
      // A `]` right after `[` or `[!` is a member, as in POSIX bracket expressions.
      if (g[this.i] === ']' && !first) break;
      first = false;
      const from = this.classChar();
      let to = from;
      if (g[this.i] === '-' && this.i + 1 < g.length && g[this.i + 1] !== ']') {
        this.i++;
        to = this.classChar();
        if (to < from) throw new GlobError(`the range at column ${this.i} in \`[…]\` runs backwards`);
      }
      ranges.push(from, to);
    }
    this.i++;
    return { t: 'class', cls: { ranges, negated } };
  }

  private classChar(): number {
    const g = this.glob;
    if (g[this.i] === '\\') {
      if (this.i + 1 >= g.length) throw new GlobError('it ends with a lone `\\` (write `\\\\` for a literal `\\`)');
      this.i++;
    }
    return g.charCodeAt(this.i++);
  }
}

/** Thompson's construction, built back to front so every state's successors exist when it is made. */
function build(glob: string, items: Item[]): GlobAutomaton {
  const builder = new AutomatonBuilder();
  const match = builder.add(Step.Match);
  const start = builder.sequence(items, match);
  const { step, arg, out1, out2, classes } = builder;
  return { glob, step, arg, out1, out2, classes, start };
}

/** The automaton's states as parallel arrays, each state added once its successors exist. */
class AutomatonBuilder {
  readonly step: Step[] = [];
  readonly arg: number[] = [];
  readonly out1: number[] = [];
  readonly out2: number[] = [];
  readonly classes: CharClass[] = [];

  add(s: Step, a = 0, o1 = -1, o2 = -1): number {
    this.step.push(s);
    this.arg.push(a);
    this.out1.push(o1);
    this.out2.push(o2);
    return this.step.length - 1;
  }

  /** The states that match `seq` and go on to `next`; returns the first. */
  sequence(seq: Item[], next: number): number {
    let at = next;
    for (let k = seq.length - 1; k >= 0; k--) at = this.item(seq[k], at);
    return at;
  }

  /** A loop: `split → (consume → split) | next`. */
  private loop(consume: Step, next: number): number {
    const split = this.add(Step.Split, 0, -1, next);
    this.out1[split] = this.add(consume, 0, split);
    return split;
  }

  /** The states that match one item and go on to `next`; returns the first. */
  private item(item: Item, next: number): number {
    switch (item.t) {
      case 'char':
        return this.add(Step.Char, item.c, next);
      case 'qm':
        return this.add(Step.NotSlash, 0, next);
      case 'class':
        this.classes.push(item.cls);
        return this.add(Step.Class, this.classes.length - 1, next);
      case 'star':
        return this.loop(Step.NotSlash, next);
      case 'globstar':
        return this.loop(Step.Any, next);
      case 'globstarSlash': {
        // `(?:.*/)?`: nothing, or anything that ends with a `/`.
        const slash = this.add(Step.Char, SLASH, next);
        return this.add(Step.Split, 0, this.loop(Step.Any, slash), next);
      }
      case 'alt': {
        const starts = item.branches.map((b) => this.sequence(b, next));
        let at = starts[starts.length - 1];
        for (let b = starts.length - 2; b >= 0; b--) at = this.add(Step.Split, 0, starts[b], at);
        return at;
      }
    }
  }
}
