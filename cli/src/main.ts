/**
 * `pachyderm-secrets`: the headless face of the extension. Each subcommand lives in its own module;
 * this file only dispatches.
 */
import { checkCommand } from './check';
import { createCommand } from './createSecret';
import { userArguments } from './rawArgv';

const USAGE = `usage: pachyderm-secrets <command> [flags]

commands:
  check           check pipeline specs and Helm values files against a secret catalog
  create secret   write or create a Secret exactly as 'kubectl create secret … --dry-run=client' does
`;

export async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  switch (command) {
    case undefined:
    case '-h':
    case '--help':
      process.stdout.write(USAGE);
      return command ? 0 : 2;
    case 'check':
      return checkCommand(argv.slice(1));
    case 'create':
      return createCommand(argv.slice(1));
    default:
      process.stderr.write(`pachyderm-secrets: unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}

/**
 * Exit once stdout and stderr have handed everything to the OS. process.exit() right after a write drops
 * what a pipe has not taken yet (its buffer is 64 KiB on Linux), so `… -o json | jq` would see a cut-off
 * document. A write callback runs after every earlier write on that stream, so waiting for an empty write
 * on each stream waits for all of them. The exit itself stays explicit: a kept-alive cluster connection must
 * not hold the process open.
 */
export function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  for (const stream of [process.stdout, process.stderr]) {
    // A reader that went away (EPIPE) cannot be waited for: the error ends the wait as well.
    if (stream.destroyed || stream.writableEnded) done();
    else stream.write('', () => done());
  }
}

if (require.main === module) {
  main(userArguments()).then(exitWhenFlushed, (err) => {
    process.stderr.write(`pachyderm-secrets: ${err instanceof Error ? err.message : String(err)}\n`);
    // Not 1 or 2: `check` uses those for findings and for bad input (see CHECK_EXIT).
    exitWhenFlushed(3);
  });
}
