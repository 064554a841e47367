/**
 * Each rule's fixture written every way a user can: JSON and YAML, camelCase and snake_case, alone, as the
 * second document of a multi-document file, and inside a top-level array. The findings must not change.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stringify } from 'yaml';
import { MESSAGES } from '../../../core/src/pipelineSpec/fields';
import { analyse } from './fixtures';

const SNAKE = new Map<string, string>();
for (const fields of Object.values(MESSAGES))
  for (const f of fields) if (f.proto !== f.json) SNAKE.set(f.json, f.proto);

/** Renames known camelCase fields to their proto spelling, leaving map keys (env, labels) alone. */
function toSnake(v: unknown, inMap = false): unknown {
  if (Array.isArray(v)) return v.map((x) => toSnake(x));
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [
        inMap ? k : (SNAKE.get(k) ?? k),
        toSnake(x, !inMap && (k === 'env' || k === 'labels')),
      ]),
    );
  }
  return v;
}

const base = (transform: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  pipeline: { name: 'p' },
  input: { pfs: { repo: 'r', glob: '/*' } },
  transform: { image: 'i:1', cmd: ['x'], ...transform },
  ...extra,
});
const valid = base({ secrets: [{ name: 'db-creds', key: 'password', envVar: 'PW' }] });

const CASES: Array<[string, Record<string, unknown>, string[]]> = [
  ['correct', valid, []],
  ['PS001', base({ secrets: [{ name: 'db-creds', envVar: 'PW' }] }), ['PS001']],
  ['PS002', base({ secrets: [{ name: 'nope', mountPath: '/n' }] }), ['PS002']],
  ['PS003', base({ secrets: [{ name: 'db-creds', key: 'nope', envVar: 'PW' }] }), ['PS003']],
  ['PS004', base({ secrets: [{ name: 'db-creds', key: 'password', mountPath: '/d' }] }), ['PS004']],
  ['PS005', base({ secrets: [{ name: 'db-creds' }] }), ['PS005']],
  ['PS006', base({ secrets: [{ key: 'password', envVar: 'PW' }] }), ['PS006']],
  [
    'PS007',
    base({
      secrets: [
        { name: 'aws', mountPath: '/a' },
        { name: 'aws', mountPath: '/b' },
      ],
    }),
    ['PS007'],
  ],
  ['PS008', base({ secrets: [{ name: 'tls.example.com', mountPath: '/tls' }] }), ['PS008']],
  ['PS009', base({ secrets: [{ name: 'aws', mountPath: '/pfs/aws' }] }), ['PS009']],
  ['PS010', base({ secrets: [{ name: 'db-creds', key: 'password', envVar: 'P-W' }] }), ['PS010']],
  ['PS011', base({ env: { PW: 'x' }, secrets: [{ name: 'db-creds', key: 'password', envVar: 'PW' }] }), ['PS011']],
  ['PS013', base({ secrets: [{ name: 'Db', mountPath: '/d' }] }), ['PS013']],
  ['PS020', base({ imagePullSecrets: ['nope'] }), ['PS020']],
  ['PS021', base({ imagePullSecrets: ['db-creds'] }), ['PS021']],
  ['PS030', base({}, { egress: { sqlDatabase: { url: 'u', secret: { name: 'db-creds' } } } }), ['PS030']],
  [
    'PS040',
    base({}, { podPatch: '[{"op":"add","path":"/volumes/-","value":{"secret":{"secretName":"nope"}}}]' }),
    ['PS040'],
  ],
  ['PS101', base({ secretz: [] }), ['PS101']],
  ['PS102', base({ cmd: 'x' }), ['PS102']],
  ['PS103', base({}, { tolerations: [{ operator: 'Exists' }] }), ['PS103']],
  ['PS104', base({}, { datumTimeout: '5m' }), ['PS104']],
  ['PS109', base({ env: { PORT: 5672 } }), ['PS109']],
  ['PS113', { pipeline: { name: 'p' }, input: { pfs: { repo: 'r', glob: '/*' } } }, ['PS113']],
  ['PS114', base({}, { podSpec: '{"a":' }), ['PS114']],
];

for (const [name, spec, codes] of CASES) {
  test(`${name} is found the same in JSON and YAML, camel and snake, alone, after another document and in an array`, () => {
    for (const [style, s] of [
      ['camel', spec],
      ['snake', toSnake(spec)],
    ] as const) {
      const variants: Array<[string, string, string]> = [
        ['json', JSON.stringify(s, null, 2), 'file:///w/p.pipeline.json'],
        [
          'json second document',
          `${JSON.stringify(valid)}\n---\n${JSON.stringify(s, null, 2)}`,
          'file:///w/p.pipeline.json',
        ],
        ['json array', JSON.stringify([valid, s], null, 2), 'file:///w/p.pipeline.json'],
        ['yaml', stringify(s), 'file:///w/p.pipeline.yaml'],
        ['yaml second document', `${stringify(valid)}---\n${stringify(s)}`, 'file:///w/p.pipeline.yaml'],
        ['yaml array', stringify([valid, s], { aliasDuplicateObjects: false }), 'file:///w/p.pipeline.yaml'],
      ];
      for (const [how, text, uri] of variants)
        assert.deepEqual(analyse(text, uri).codes(), codes, `${style} ${how}:\n${text}`);
    }
  });
}
