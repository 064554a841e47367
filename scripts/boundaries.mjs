// The import boundaries of the house, in one table, checked in two places: by the build (an esbuild plugin in
// scripts/buildOptions.mjs, so a bundle with a forbidden import is never made) and by ESLint
// (eslint.boundaries.mjs, so the editor and `npm run lint` say it where it is written, tests included).
//
// The layers are folders at the top: `core/src` is the pure core; `client/src` (VS Code), `server/src` (the
// language server) and `cli/src` (the command line) are the faces. The rules:
// - core imports no face, and none of the editor packages a face wraps;
// - a face imports no other face;
// - a face imports core only through a module's entry point, `core/src/<module>` (its index.ts), so what a
//   module offers the faces is written in one file and the rest of the module may change freely;
// - each editor package belongs to the one face that speaks it.
import * as path from 'node:path';

export const root = path.resolve(new URL('..', import.meta.url).pathname);

const FACES = ['client', 'server', 'cli'];

/** Packages only one layer may import, and which. */
const PACKAGE_OWNERS = {
  vscode: 'client',
  'vscode-languageclient': 'client',
  'vscode-languageserver': 'server',
};

/** The layer a repository-relative path belongs to, or undefined outside the product (tests, tools, scripts). */
export function layerOf(relative) {
  const [top, src] = relative.split(/[\\/]/);
  if (src !== 'src') return undefined;
  return top === 'core' || FACES.includes(top) ? top : undefined;
}

/**
 * Why `importer` (an absolute path) may not import `specifier`, or undefined when it may. Relative specifiers
 * are resolved against the importer; a package specifier is judged by its package name.
 */
export function forbiddenImport(importer, specifier) {
  const from = layerOf(path.relative(root, importer));
  if (!from) return undefined;
  if (!specifier.startsWith('.')) {
    const pkg = specifier.split('/')[0];
    const owner = PACKAGE_OWNERS[pkg];
    return owner && owner !== from ? `${pkg} belongs to ${owner}/src; ${from}/src may not import it` : undefined;
  }
  const target = path.relative(root, path.resolve(path.dirname(importer), specifier)).split(path.sep);
  const to = layerOf(target.join('/'));
  if (!to || to === from) return undefined;
  if (from === 'core') return `core never imports a face (${to}/src): move what both need into core`;
  if (to !== 'core') return `${from}/src may not import another face (${to}/src): share it through core`;
  if (target.length !== 3) {
    return `${from}/src imports core through a module's entry point: 'core/src/${target[2]}', not a file in it`;
  }
  return undefined;
}

/** The build's check: esbuild fails the bundle on the first forbidden import, naming the file and the rule. */
export const boundariesPlugin = {
  name: 'boundaries',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      const why = args.importer && forbiddenImport(args.importer, args.path);
      return why ? { errors: [{ text: `forbidden import '${args.path}': ${why}` }] } : undefined;
    });
  },
};
