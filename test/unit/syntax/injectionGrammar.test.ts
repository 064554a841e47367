/**
 * The injection grammar, run through VS Code's own TextMate engine (vscode-textmate + Oniguruma): every
 * regex compiles, and secret names, keys, env vars and mount paths get their scopes in JSON and YAML specs,
 * in both spellings, while other fields stay as they were.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const twoUp = path.resolve(__dirname, '..', '..', '..');
const root = path.basename(twoUp) === 'out' ? path.dirname(twoUp) : twoUp;
const grammarPath = path.join(root, 'syntaxes', 'pachyderm-secrets.injection.tmLanguage.json');
const grammarText = readFileSync(grammarPath, 'utf8');
const INJECTION = 'pachyderm-secrets.injection';

const NAME = 'entity.name.type.secret.pachyderm';
const KEY = 'variable.other.constant.secret-key.pachyderm';
const ENV = 'variable.other.env-var.pachyderm';
const PATH = 'string.unquoted.mount-path.pachyderm';

const STRING = '"(?:[^"\\\\]|\\\\.)*"';
const JSON_HOST = {
  scopeName: 'source.json',
  patterns: [{ include: '#value' }],
  repository: {
    value: {
      patterns: [
        { include: '#object' },
        { include: '#array' },
        { match: STRING, name: 'string.quoted.double.json' },
        { match: '-?\\d+(?:\\.\\d+)?', name: 'constant.numeric.json' },
        { match: '\\b(?:true|false|null)\\b', name: 'constant.language.json' },
      ],
    },
    object: {
      begin: '\\{',
      end: '\\}',
      name: 'meta.structure.dictionary.json',
      patterns: [
        { match: STRING, name: 'string.json support.type.property-name.json' },
        {
          begin: ':',
          end: '(,)|(?=\\})',
          name: 'meta.structure.dictionary.value.json',
          patterns: [
            { include: '#value' },
            { match: '[^\\s,]', name: 'invalid.illegal.expected-dictionary-separator.json' },
          ],
        },
        { match: '[^\\s\\}]', name: 'invalid.illegal.expected-dictionary-separator.json' },
      ],
    },
    array: {
      begin: '\\[',
      end: '\\]',
      name: 'meta.structure.array.json',
      patterns: [
        { include: '#value' },
        { match: ',', name: 'punctuation.separator.array.json' },
        { match: '[^\\s\\]]', name: 'invalid.illegal.expected-array-separator.json' },
      ],
    },
  },
};

/**
 * VS Code's YAML grammar is built of begin/while rules whose `while` consumes a block's indentation at the start
 * of every line before any other rule (ours included) sees the line. This stand-in does the same for each
 * top-level key's block, so the injection is tested both where it sees whole lines and where it does not.
 */
const INDENTING_YAML_HOST = {
  scopeName: 'source.yaml',
  patterns: [
    {
      begin: '^(?=[^\\s#-][^:]*:[ \\t]*$)',
      while: '^(?:  |[ \\t]*$)',
      patterns: [{ match: '[^:\\s]+(?=:)', name: 'entity.name.tag.yaml' }],
    },
    { match: '[^:\\s]+(?=:)', name: 'entity.name.tag.yaml' },
  ],
};

type YamlHost = 'plain' | 'indenting';
const registries = new Map<YamlHost, Promise<vsctm.Registry>>();
let wasmLoaded: Promise<void> | undefined;

function getRegistry(yamlHost: YamlHost = 'indenting'): Promise<vsctm.Registry> {
  const existing = registries.get(yamlHost);
  if (existing) return existing;
  const registry = (async () => {
    wasmLoaded ??= (async () => {
      const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
      await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    })();
    await wasmLoaded;
    // Stand-ins for VS Code's grammars: JSON keeps the structure of VS Code's JSON grammar, which marks anything
    // out of place in a dictionary or array illegal; YAML either only exists, or consumes indentation as VS Code's
    // does.
    const yaml = yamlHost === 'indenting' ? INDENTING_YAML_HOST : { scopeName: 'source.yaml', patterns: [] };
    const host = (scopeName: string) =>
      vsctm.parseRawGrammar(JSON.stringify(scopeName === 'source.json' ? JSON_HOST : yaml), `${scopeName}.json`);
    return new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName) => {
        if (scopeName === INJECTION) return vsctm.parseRawGrammar(grammarText, grammarPath);
        if (scopeName === 'source.json' || scopeName === 'source.yaml') return host(scopeName);
        return null;
      },
      getInjections: (scopeName) =>
        scopeName === 'source.json' || scopeName === 'source.yaml' ? [INJECTION] : undefined,
    });
  })();
  registries.set(yamlHost, registry);
  return registry;
}

/** Text of every token carrying `scope`, in order. */
async function tokensWith(
  scopeName: 'source.json' | 'source.yaml',
  text: string,
  scope: string,
  yamlHost?: YamlHost,
): Promise<string[]> {
  const grammar = await (await getRegistry(yamlHost)).loadGrammar(scopeName);
  assert.ok(grammar);
  const out: string[] = [];
  let state = vsctm.INITIAL;
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens)
      if (t.scopes.some((s) => s.split(' ').includes(scope) || s === scope))
        out.push(line.slice(t.startIndex, t.endIndex));
    state = r.ruleStack;
  }
  return out;
}

test('the grammar is valid JSON with the scope name package.json contributes', () => {
  const g = JSON.parse(grammarText);
  assert.equal(g.scopeName, INJECTION);
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const contributed = pkg.contributes.grammars.find((x: { scopeName: string }) => x.scopeName === INJECTION);
  assert.ok(contributed, 'package.json contributes no grammar with this scope');
  assert.deepEqual([...contributed.injectTo].sort(), ['source.json', 'source.yaml']);
  assert.equal(path.resolve(root, contributed.path), grammarPath);
});

test('every regex of the grammar compiles in Oniguruma', async () => {
  await getRegistry();
  const patterns: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if ((k === 'match' || k === 'begin' || k === 'end') && typeof x === 'string') patterns.push(x);
        else walk(x);
      }
    }
  };
  walk(JSON.parse(grammarText));
  assert.ok(patterns.length > 10);
  for (const p of patterns) {
    // An end pattern's \1 refers to its begin's capture; the engine substitutes it before compiling.
    const source = p.replace(/\\1(?!\d)/g, '  ');
    assert.doesNotThrow(() => new oniguruma.OnigScanner([source]).dispose(), `does not compile: ${p}`);
  }
});

const JSON_SPEC = `{
  "pipeline": {"name": "loader"},
  "transform": {
    "image": "alpine:3.19",
    "secrets": [
      {"name": "db-credentials", "key": "password", "envVar": "PGPASSWORD"},
      {"name": "aws-keys", "mount_path": "/secrets/aws"}
    ],
    "image_pull_secrets": ["regcred", "other-reg"]
  },
  "egress": {"sqlDatabase": {"url": "snowflake://u@a/db", "secret": {"name": "snow", "key": "pw"}, "fileFormat": {"type": "CSV"}}},
  "datumTries": 3
}`;

test('JSON: secret names, keys, env vars and mount paths get their scopes, in both spellings', async () => {
  assert.deepEqual(await tokensWith('source.json', JSON_SPEC, NAME), [
    'db-credentials',
    'aws-keys',
    'regcred',
    'other-reg',
    'snow',
  ]);
  assert.deepEqual(await tokensWith('source.json', JSON_SPEC, KEY), ['password', 'pw']);
  assert.deepEqual(await tokensWith('source.json', JSON_SPEC, ENV), ['PGPASSWORD']);
  assert.deepEqual(await tokensWith('source.json', JSON_SPEC, PATH), ['/secrets/aws']);
});

test('JSON: the host grammar finds nothing out of place around the highlighted pairs', async () => {
  const grammar = await (await getRegistry()).loadGrammar('source.json');
  let state = vsctm.INITIAL;
  const illegal: string[] = [];
  for (const line of JSON_SPEC.split('\n')) {
    const r = grammar!.tokenizeLine(line, state);
    for (const t of r.tokens)
      if (t.scopes.some((s) => s.startsWith('invalid.')))
        illegal.push(`${line.slice(t.startIndex, t.endIndex)} in ${JSON.stringify(line)}`);
    state = r.ruleStack;
  }
  assert.deepEqual(illegal, []);
  assert.deepEqual(await tokensWith('source.json', JSON_SPEC, 'constant.numeric.json'), ['3']);
});

test('JSON: a name outside secret references is not highlighted as a secret', async () => {
  const names = await tokensWith(
    'source.json',
    '{"pipeline": {"name": "loader"}, "input": {"pfs": {"name": "in", "repo": "r"}}}',
    NAME,
  );
  assert.deepEqual(names, []);
});

const YAML_SPEC = `pipeline:
  name: loader
transform:
  image: alpine:3.19
  secrets:
  # the database
  - name: db-credentials
    key: "password"
    env_var: PGPASSWORD
  - mountPath: /secrets/aws
    name: 'aws-keys'
  imagePullSecrets:
    - regcred
  cmd: [sh]
input:
  pfs:
    name: not-a-secret
    repo: raw
egress:
  sql_database:
    url: snowflake://u@a/db
    secret:
      name: snow
      key: pw
---
transform:
  image_pull_secrets: [regcred, "quoted-reg"]
`;

for (const yamlHost of ['plain', 'indenting'] as const) {
  test(`YAML (${yamlHost} host): secret names, keys, env vars and mount paths get their scopes, in both spellings`, async () => {
    assert.deepEqual(await tokensWith('source.yaml', YAML_SPEC, NAME, yamlHost), [
      'db-credentials',
      'aws-keys',
      'regcred',
      'snow',
      'regcred',
      'quoted-reg',
    ]);
    assert.deepEqual(await tokensWith('source.yaml', YAML_SPEC, KEY, yamlHost), ['password', 'pw']);
    assert.deepEqual(await tokensWith('source.yaml', YAML_SPEC, ENV, yamlHost), ['PGPASSWORD']);
    assert.deepEqual(await tokensWith('source.yaml', YAML_SPEC, PATH, yamlHost), ['/secrets/aws']);
  });
}
