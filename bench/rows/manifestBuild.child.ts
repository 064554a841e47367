/**
 * One sample of rows 9 and 10, in a fresh process so its peak resident size is its own: builds the manifest of a
 * Secret holding the file in argv[3] and writes it to /dev/null, then prints `ms N rss N` (the build-and-write
 * time and the process's peak resident bytes). argv[2] says how: `ours` is `create secret generic --from-file`
 * as the CLI does it (core's builder and chunked JSON writer); `floor` is the least any JavaScript can do for the
 * same output: Buffer's base64 and JSON.stringify of an object holding it.
 */
import * as fs from 'node:fs';
import { buildGenericSecret, nodeSourceReader, writeSecret } from '../../core/src/manifest';

function main(): void {
  const [how, file] = process.argv.slice(2);
  const out = fs.openSync('/dev/null', 'w');
  const t0 = process.hrtime.bigint();
  if (how === 'ours') {
    const draft = buildGenericSecret({ name: 'bench', fromFile: [`big=${file}`] }, nodeSourceReader);
    writeSecret(draft, 'json', (chunk) => fs.writeSync(out, chunk));
  } else {
    const data = fs.readFileSync(file).toString('base64');
    const obj = {
      kind: 'Secret',
      apiVersion: 'v1',
      metadata: { name: 'bench', creationTimestamp: null },
      data: { big: data },
    };
    fs.writeSync(out, JSON.stringify(obj, null, 4) + '\n');
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`ms ${ms} rss ${process.resourceUsage().maxRSS * 1024}`);
}

main();
