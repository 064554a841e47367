/**
 * `pachyderm-secrets`: the headless face of the extension. Each subcommand lives in its own module;
 * this file only dispatches.
 */
import { checkCommand } from './check';
import { createCommand } from './createSecret';
import { userArguments } from './rawArgv';
import { usesCommand } from './uses';

const USAGE = `usage: pachyderm-secrets <command> [flags]

commands:
  check           check pipeline specs and Helm values files against a secret catalog
  create secret   write or create a Secret exactly as 'kubectl create secret … --dry-run=client' does
  uses            list the workspace specs and deployed pipelines that use a secret
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
    case 'uses':
      return usesCommand(argv.slice(1));
    default:
      process.stderr.write(`pachyderm-secrets: unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}

/**
 * The CLI never calls process.exit(): that drops what a pipe has not taken yet (its buffer is 64 KiB on Linux),
 * so `… -o json | jq` would see a cut-off document. It sets the exit code and lets Node end once stdout and
 * stderr are drained; every cluster call closes its sockets and timers when it settles, so nothing holds the
 * process open (test/cli/largeOutput.test.ts and the cluster CLI tests would hang otherwise).
 */
if (require.main === module) {
  main(userArguments()).then(
    (code) => void (process.exitCode = code),
    (err) => {
      process.stderr.write(`pachyderm-secrets: ${err instanceof Error ? err.message : String(err)}\n`);
      // Not 1 or 2: `check` uses those for findings and for bad input (see CHECK_EXIT).
      process.exitCode = 3;
    },
  );
}
