// The import boundaries between core and the three faces (client, server, cli), as an ESLint rule over the same
// table the build checks (scripts/boundaries.mjs). eslint.config.mjs spreads this list.
import { forbiddenImport } from './scripts/boundaries.mjs';

const layersRule = {
  meta: { type: 'problem', docs: { description: 'Imports stay within the boundaries of scripts/boundaries.mjs' } },
  create(context) {
    const check = (node) => {
      const specifier = node.source?.value;
      if (typeof specifier !== 'string') return;
      const why = forbiddenImport(context.filename, specifier);
      if (why) context.report({ node: node.source, message: `forbidden import '${specifier}': ${why}` });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default [
  {
    files: ['**/*.ts'],
    plugins: { boundaries: { rules: { layers: layersRule } } },
    rules: { 'boundaries/layers': 'error' },
  },
];
