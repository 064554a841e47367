// Bundles each entry point into one file with esbuild. `--production` minifies (the VSIX build);
// `--watch` rebuilds on change. Type checking is separate: `npm run typecheck`. The options, and why the
// bundles hold only client-node's KubeConfig, are in scripts/buildOptions.mjs.
import * as esbuild from 'esbuild';
import { buildOptions, entries } from './buildOptions.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = buildOptions(production);
const contexts = await Promise.all(Object.values(entries).map((e) => esbuild.context({ ...common, ...e })));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
