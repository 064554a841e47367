// ESLint (flat config). `npm run lint` runs it and `npm test` runs that before anything else.
//
// typescript-eslint's `recommended` set, not `recommendedTypeChecked`: the type-aware rules would build a whole
// TypeScript program and make lint take as long as the compile, and `tsc` already type-checks in `npm test`.
// Prettier owns layout (.prettierrc.json), so no stylistic rule is enabled here except `max-len`, which catches what
// Prettier will not break: long strings, template literals and comments.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from './eslint.boundaries.mjs';

// The Node globals that the plain JavaScript build and test scripts use (TypeScript files get them from @types/node,
// and `no-undef` is off for them, as typescript-eslint advises).
const nodeGlobals = Object.fromEntries(
  [
    'Buffer',
    'URL',
    'URLSearchParams',
    'clearInterval',
    'clearTimeout',
    'console',
    'fetch',
    'process',
    'setInterval',
    'setTimeout',
  ].map((name) => [name, 'readonly']),
);

export default tseslint.config(
  {
    ignores: [
      'out/',
      'dist/',
      '.cache/',
      'node_modules/',
      'test-results/',
      // Fixtures hold bytes that tests compare exactly (the same folders .prettierignore skips).
      '**/fixtures/',
      // Files a user opens in the demo workspace, not code of the extension.
      'demo/',
      '*.vsix',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // This code strips, escapes and checks control characters on purpose (Go's JSON escaping, kubectl's YAML
      // quoting, terminal-safe text): every regular expression that names one means it.
      'no-control-regex': 'off',
      // A leading underscore marks a name that is there on purpose: a property taken out of a rest spread
      // (`const { kind: _kind, ...rest } = o`) or a parameter an interface requires.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // A `let x!: T` that hooks declared before it read once it is assigned (tools/local-cluster/index.ts) cannot
      // be a const; every other once-assigned `let` still must be.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      'max-len': [
        'error',
        {
          // Prettier's printWidth. A URL cannot be broken, so a line that holds one may run longer.
          code: 120,
          ignoreUrls: true,
        },
      ],
    },
  },
  {
    // The rule tables: one row per rule or chart fact, whose long message and documentation strings read best
    // whole, side by side with the other rows.
    files: ['core/src/rules/ruleTable.ts', 'core/src/helm/helmRuleTable.ts', 'core/src/helm/chartFacts.ts'],
    rules: { 'max-len': 'off' },
  },
  {
    // Tests may run longer on two kinds of line, both read whole: a test's name (the runner prints it on one line,
    // and breaking the call would re-indent the whole test body), and a regular expression matching an exact
    // message, which cannot be split without becoming a `new RegExp` of escaped strings.
    files: ['test/**'],
    rules: {
      'max-len': [
        'error',
        {
          code: 120,
          ignoreUrls: true,
          ignoreRegExpLiterals: true,
          ignorePattern: String.raw`^\s*(test|it|suite|describe)(\.\w+)?\(`,
        },
      ],
    },
  },
  {
    // The custom LSP messages follow vscode-languageserver-protocol's own convention, `XRequest.type` and
    // `XRequest.method` in a namespace, so both sides read them the way they read the protocol's messages.
    files: ['core/src/protocol/messages.ts'],
    rules: { '@typescript-eslint/no-namespace': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    // Plain .js files are CommonJS here (package.json has no "type": "module"), so `require` is how they import.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...nodeGlobals, require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...boundaries,
);
