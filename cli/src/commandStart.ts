/**
 * The start every subcommand shares: parse the flags, answer --help, and a `say` and a `usage` that word a
 * problem as `pachyderm-secrets NAME: …` through terminalText.ts. `check` and `uses` start here.
 */
import { FlagError, parseFlags, type FlagSpec, type ParsedFlags } from './createFlags';
import { terminalLine } from './terminalText';

export interface CommandStart {
  flags: ParsedFlags;
  str(name: string): string | undefined;
  say(message: string): void;
  /** Says `message` and the usage; returns the exit code for bad input. */
  usage(message: string): number;
}

/** The parsed command, or the exit code it already ended with (bad flags, or --help answered). */
export function startCommand(
  name: string,
  usageText: string,
  inputExit: number,
  args: readonly string[],
  specs: readonly FlagSpec[],
  streams: { out: NodeJS.WritableStream; err: NodeJS.WritableStream },
): CommandStart | number {
  const say = (message: string) => void streams.err.write(`pachyderm-secrets ${name}: ${terminalLine(message)}\n`);
  const usage = (message: string) => {
    say(message);
    streams.err.write(usageText);
    return inputExit;
  };
  let flags: ParsedFlags;
  try {
    flags = parseFlags(args, specs);
  } catch (e) {
    if (e instanceof FlagError) return usage(e.message);
    throw e;
  }
  if (flags.help) {
    streams.out.write(usageText);
    return 0;
  }
  return { flags, str: (flag) => flags.values.get(flag) as string | undefined, say, usage };
}
