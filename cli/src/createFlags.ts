/**
 * Flag parsing the way kubectl's cobra/pflag does it, because users paste kubectl command lines:
 * `--f=v` and `--f v`, `-n v`, `-nv`, `-n=v`, flags after the NAME, `--` ends flags, bool flags take only
 * `=value`, StringArray flags keep commas while StringSlice flags split on them (as CSV), and a flag with a
 * no-value default (`--dry-run`) never takes the next argument.
 */
import { goQuote } from '../../core/src/manifest';

export type FlagKind = 'string' | 'bool' | 'stringArray' | 'stringSlice';

export interface FlagSpec {
  name: string;
  short?: string;
  kind: FlagKind;
  /** pflag's NoOptDefVal: the value when the flag is given bare. */
  noOptDefVal?: string;
}

export interface ParsedFlags {
  /** Last value for string/bool flags, all values for array/slice flags; absent when not given. */
  values: Map<string, string | boolean | string[]>;
  positionals: string[];
  /** How many positionals came before `--` (cobra's ArgsLenAtDash), or undefined without `--`. */
  argsBeforeDash?: number;
  help: boolean;
}

export class FlagError extends Error {}

export function parseFlags(args: readonly string[], specs: readonly FlagSpec[]): ParsedFlags {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const out: ParsedFlags = { values: new Map(), positionals: [], help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      out.argsBeforeDash = out.positionals.length;
      out.positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      if (name === 'help') {
        out.help = true;
        continue;
      }
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) set(out, spec, arg.slice(eq + 1));
      else if (spec.kind === 'bool' || spec.noOptDefVal !== undefined) set(out, spec, spec.noOptDefVal ?? 'true');
      else if (i + 1 < args.length) set(out, spec, args[++i]);
      else throw new FlagError(`flag needs an argument: --${name}`);
    } else if (arg.startsWith('-') && arg.length > 1 && arg !== '--') {
      // A group of shorthands: `-abc`, `-nvalue`, `-n=value`, `-n value`.
      let rest = arg.slice(1);
      while (rest.length) {
        const c = rest[0];
        if (c === 'h') {
          out.help = true;
          rest = rest.slice(1);
          continue;
        }
        const spec = byShort.get(c);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in ${arg}`);
        const after = rest.slice(1);
        if (after.startsWith('=')) {
          set(out, spec, after.slice(1));
          rest = '';
        } else if (spec.kind === 'bool' || spec.noOptDefVal !== undefined) {
          set(out, spec, spec.noOptDefVal ?? 'true');
          rest = after;
        } else if (after.length) {
          set(out, spec, after);
          rest = '';
        } else if (i + 1 < args.length) {
          set(out, spec, args[++i]);
          rest = '';
        } else throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
      }
    } else out.positionals.push(arg);
  }
  return out;
}

function set(out: ParsedFlags, spec: FlagSpec, raw: string): void {
  switch (spec.kind) {
    case 'string':
      out.values.set(spec.name, raw);
      return;
    case 'bool': {
      const b = parseGoBool(raw);
      if (b === undefined) {
        throw new FlagError(
          `invalid argument ${goQuote(raw)} for "${shownFlag(spec)}" flag: strconv.ParseBool: parsing ` +
            `${goQuote(raw)}: invalid syntax`,
        );
      }
      out.values.set(spec.name, b);
      return;
    }
    case 'stringArray':
      out.values.set(spec.name, [...((out.values.get(spec.name) as string[]) ?? []), raw]);
      return;
    case 'stringSlice': {
      let parts: string[];
      try {
        parts = parseCsvRecord(raw);
      } catch (err) {
        throw new FlagError(
          `invalid argument ${goQuote(raw)} for "${shownFlag(spec)}" flag: ${(err as Error).message}`,
        );
      }
      out.values.set(spec.name, [...((out.values.get(spec.name) as string[]) ?? []), ...parts]);
      return;
    }
  }
}

/** pflag names a flag in errors as `-n, --namespace` when it has a shorthand. */
function shownFlag(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
}

/** Go's strconv.ParseBool. */
export function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** One record of Go's encoding/csv, as pflag's StringSlice reads its value; '' is no values at all. */
export function parseCsvRecord(s: string): string[] {
  if (s === '') return [];
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (s[i] === '"') {
      let field = '';
      i++;
      for (;;) {
        if (i >= s.length)
          throw new Error(
            'parse error on line 1, column ' + (s.length + 1) + ': extraneous or missing " in quoted-field',
          );
        if (s[i] === '"') {
          if (s[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += s[i++];
      }
      // Go counts the column of the closing quote (1-based), which is `i` here.
      if (i < s.length && s[i] !== ',')
        throw new Error(`parse error on line 1, column ${i}: extraneous or missing " in quoted-field`);
      fields.push(field);
    } else {
      const comma = s.indexOf(',', i);
      const field = comma < 0 ? s.slice(i) : s.slice(i, comma);
      if (field.includes('"'))
        throw new Error(`parse error on line 1, column ${i + field.indexOf('"') + 1}: bare " in non-quoted-field`);
      fields.push(field);
      i = comma < 0 ? s.length : comma;
    }
    if (i >= s.length) return fields;
    i++; // the comma
    if (i >= s.length) {
      fields.push('');
      return fields;
    }
  }
}
