/**
 * Runs a compiled glob (./compileGlob.ts) over a `/`-separated path by keeping the set of states the automaton
 * could be in, one path character at a time: at most (path length + 1) × (states) steps, never backtracking.
 * Settings hold workspace-relative globs while documents come as absolute paths, so a glob may start matching
 * at any folder boundary (as the RegExp `(^|/)glob$` would).
 */
import { compileGlob, GlobError, Step, type CharClass, type GlobAutomaton } from './compileGlob';

/** Optional work counter: tests bound the steps a match takes instead of timing it. */
export interface MatchStats {
  steps: number;
}

export function matchGlob(a: GlobAutomaton, path: string, stats?: MatchStats): boolean {
  const n = a.step.length;
  // Two state lists that swap each character, and per-state marks of the list generation that holds them.
  let current: number[] = [];
  let next: number[] = [];
  const mark = new Int32Array(n).fill(-1);
  let generation = 0;
  const stack: number[] = [];
  let steps = 0;
  const addClosure = (list: number[], s: number) => {
    stack.push(s);
    while (stack.length) {
      const t = stack.pop()!;
      steps++;
      if (mark[t] === generation) continue;
      mark[t] = generation;
      if (a.step[t] === Step.Split) {
        stack.push(a.out2[t], a.out1[t]);
      } else list.push(t);
    }
  };
  for (let i = 0; i <= path.length; i++) {
    if (i === 0 || path.charCodeAt(i - 1) === 0x2f) addClosure(current, a.start);
    if (i === path.length) break;
    const c = path.charCodeAt(i);
    generation++;
    next.length = 0;
    for (const s of current) {
      steps++;
      if (accepts(a, s, c)) addClosure(next, a.out1[s]);
    }
    [current, next] = [next, current];
  }
  if (stats) stats.steps += steps;
  return current.some((s) => a.step[s] === Step.Match);
}

function accepts(a: GlobAutomaton, s: number, c: number): boolean {
  switch (a.step[s]) {
    case Step.Char:
      return c === a.arg[s];
    case Step.NotSlash:
      return c !== 0x2f;
    case Step.Any:
      return true;
    case Step.Class:
      return c !== 0x2f && inClass(a.classes[a.arg[s]], c);
    default:
      return false;
  }
}

function inClass(cls: CharClass, c: number): boolean {
  let hit = false;
  for (let k = 0; k < cls.ranges.length && !hit; k += 2) hit = c >= cls.ranges[k] && c <= cls.ranges[k + 1];
  return hit !== cls.negated;
}

/** Compiled globs by text: settings repeat the same few globs for every file. A bad glob maps to its error. */
const cache = new Map<string, GlobAutomaton | GlobError>();
const CACHE_LIMIT = 256;

function compiled(glob: string): GlobAutomaton | GlobError {
  let hit = cache.get(glob);
  if (!hit) {
    try {
      hit = compileGlob(glob);
    } catch (e) {
      if (!(e instanceof GlobError)) throw e;
      hit = e;
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(glob, hit);
  }
  return hit;
}

/**
 * Whether `path` matches any of `globs`. A bad glob matches nothing: the faces report it once when they read
 * the setting (see ./globSettings.ts), and the other globs keep working.
 */
export function matchesAnyGlob(path: string, globs: readonly string[]): boolean {
  return globs.some((g) => {
    const a = compiled(g);
    return !(a instanceof GlobError) && matchGlob(a, path);
  });
}
