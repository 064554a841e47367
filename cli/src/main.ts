/**
 * `pachyderm-secrets`: the headless face of the extension. Each subcommand lives in its own module;
 * this file only dispatches.
 */
import { checkCommand } from './check';
import { createCommand } from './createSecret';

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

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`pachyderm-secrets: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
