import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, jsonSpec, yamlUri } from './fixtures';

test('PS100: a syntax error is reported and the rest of the file is still analysed', () => {
  const text =
    '{"pipeline": {"name": "p"} "transform": {"image": "i", "secrets": [{"name": "nope", "mountPath": "/s"}]}}';
  assert.deepEqual(analyse(text).codes(), ['PS100', 'PS002']);
  const y = analyse('pipeline: {name: p\ntransform:\n  image: i\n', yamlUri);
  assert.ok(y.codes().includes('PS100'));
});

test("PS101: unknown fields in pachctl's wording, with did-you-mean, at every level", () => {
  const a = analyse(jsonSpec({ secrets: [{ name: 'aws', mountpath: '/s' }] }));
  assert.deepEqual(a.codes(), ['PS005', 'PS101']);
  assert.equal(a.findings[1].message, 'unknown field "mountpath" (did you mean "mountPath"?)');
  const snake = analyse(
    'pipeline: {name: p}\ntransform:\n  image_pull_secrets: []\n  secrets: [{name: aws, env_var: A, key: ' +
      'AWS_ACCESS_KEY_ID, mountpath: /s}]\n',
    yamlUri,
  );
  assert.deepEqual(
    snake.findings.filter((f) => f.code === 'PS101').map((f) => f.data?.suggestions),
    [['mount_path']],
    "the file's own spelling",
  );
  assert.deepEqual(a.at('PS101'), ['"mountpath"']);
  assert.deepEqual(analyse('pipeline: {name: p}\ntransform: {image: i}\nimage: x\n', yamlUri).at('PS101'), ['image']);
  assert.deepEqual(analyse(jsonSpec({ EnvVar: 'x' })).codes(), ['PS101']);
});

test('known fields in either spelling, $schema, update and dry_run are accepted', () => {
  const text = JSON.stringify({
    $schema: 'https://x',
    pipeline: { name: 'p', project: { name: 'default' } },
    transform: {
      image: 'i',
      cmd: ['a'],
      err_cmd: ['b'],
      working_dir: '/w',
      memoryVolume: true,
      datum_batching: false,
      accept_return_code: [1],
    },
    parallelism_spec: { constant: 2 },
    datumTries: '3',
    resource_requests: { cpu: 0.5, memory: '1G', gpu: { type: 'nvidia', number: 1 } },
    input: {
      cross: [
        { pfs: { repo: 'a', glob: '/*', outer_join: true } },
        { cron: { name: 't', spec: '@every 1m', start: '2024-01-01T00:00:00Z' } },
      ],
    },
    update: true,
    dry_run: false,
    datum_timeout: '600s',
    tolerations: [{ key: 'k', operator: 'EXISTS', effect: 'NO_SCHEDULE' }],
    reprocessSpec: 'every_job',
    service: { internal_port: 8888, type: 'NodePort' },
    metadata: { labels: { a: 'b' } },
  });
  assert.deepEqual(analyse(text).codes(), []);
});

test('PS012: both spellings of a field in one object', () => {
  const a = analyse(
    '{"pipeline": {"name": "p"}, "transform": {"image": "i", "secrets": [{"name": "aws", "env_var": "A", "envVar": ' +
      '"B", "key": "AWS_ACCESS_KEY_ID"}]}}',
  );
  assert.deepEqual(a.codes(), ['PS012']);
  assert.equal(a.findings[0].message, 'duplicate field "envVar" (also written "env_var")');
  assert.deepEqual(a.findings[0].data, { field: 'envVar', keep: 'env_var', remove: 'envVar' });
  assert.deepEqual(
    analyse(
      'pipeline: {name: p}\ntransform: {image: i, image_pull_secrets: [regcred], imagePullSecrets: [regcred]}\n',
      yamlUri,
    ).codes(),
    ['PS012'],
  );
});

test('PS102: values of the wrong type', () => {
  assert.deepEqual(
    analyse(jsonSpec({ cmd: 'python x.py' })).findings.map((f) => f.message),
    ['transform.cmd must be a list, not a string'],
  );
  assert.deepEqual(analyse(jsonSpec({ debug: 'yes' })).codes(), ['PS102']);
  assert.deepEqual(analyse(jsonSpec({}, { datumTries: 1.5 })).codes(), ['PS102']);
  assert.deepEqual(analyse(jsonSpec({}, { parallelismSpec: { constant: -1 } })).codes(), ['PS102']);
  assert.deepEqual(
    analyse('pipeline: {name: 5}\ntransform: {image: i}\n', yamlUri).findings.map((f) => f.message),
    ['pipeline.name must be a string, not a number'],
  );
  assert.deepEqual(analyse(jsonSpec({}, { transform: null })).codes(), ['PS113'], 'null means unset');
});

test('PS103: invalid enum and choice values', () => {
  assert.deepEqual(
    analyse(jsonSpec({}, { tolerations: [{ operator: 'Exists' }] })).findings.map((f) => f.message),
    ['tolerations[0].operator must be one of EMPTY, EXISTS, EQUAL, not "Exists"'],
  );
  assert.deepEqual(analyse(jsonSpec({}, { reprocessSpec: 'always' })).codes(), ['PS103']);
  assert.deepEqual(
    analyse(jsonSpec({}, { tolerations: [{ operator: 1 }] })).codes(),
    [],
    'protojson accepts enum numbers',
  );
});

test('PS104: durations need seconds, timestamps RFC 3339', () => {
  assert.deepEqual(
    analyse(jsonSpec({}, { datumTimeout: '1m' })).findings.map((f) => f.message),
    ['datum_timeout must be a duration in seconds like "600s", not "1m"'],
  );
  assert.deepEqual(
    analyse(jsonSpec({}, { input: { cron: { name: 'c', spec: '@daily', start: 'yesterday' } } })).codes(),
    ['PS104'],
  );
});

test('PS105/PS106: YAML aliases are rejected, anchors warned about', () => {
  const a = analyse('pipeline: {name: p}\ntransform:\n  image: &img i\n  user: *img\n', yamlUri);
  assert.deepEqual(a.codes(), ['PS106', 'PS105']);
  assert.deepEqual(a.at('PS105'), ['*img']);
});

test('PS107: unquoted timestamps and custom tags; quoted is fine', () => {
  const a = analyse(
    'pipeline: {name: p}\ntransform: {image: i}\ninput:\n  cron: ' +
      '{name: c, spec: "@daily", start: 2024-01-01T00:00:00Z}\n',
    yamlUri,
  );
  assert.deepEqual(a.codes(), ['PS107']);
  assert.match(a.findings[0].message, /!!timestamp/);
  assert.deepEqual(
    analyse(
      'pipeline: {name: p}\ntransform: {image: i}\ninput:\n  cron: ' +
        '{name: c, spec: "@daily", start: "2024-01-01T00:00:00Z"}\n',
      yamlUri,
    ).codes(),
    [],
  );
  assert.deepEqual(analyse('pipeline: {name: p}\ntransform: {image: !custom i}\n', yamlUri).codes(), ['PS107']);
});

test('PS108: non-decimal YAML integers', () => {
  for (const n of ['0x10', '0o17', '1_000', '+5'])
    assert.ok(
      analyse(`pipeline: {name: p}\ntransform: {image: i}\ndatum_tries: ${n}\n`, yamlUri).codes().includes('PS108'),
      n,
    );
  assert.deepEqual(
    analyse('pipeline: {name: p}\ntransform: {image: i}\ndescription: "0x10"\n', yamlUri).codes(),
    [],
    'quoted is a string',
  );
  assert.deepEqual(analyse('pipeline: {name: p}\ntransform: {image: i}\ndatum_tries: 10\n', yamlUri).codes(), []);
});

test('PS109: transform.env values must be strings, without echoing the value', () => {
  const a = analyse('pipeline: {name: p}\ntransform:\n  image: i\n  env:\n    PORT: 5672\n    HOST: "h"\n', yamlUri);
  assert.deepEqual(a.codes(), ['PS109']);
  assert.equal(a.findings[0].message, 'transform.env values must be strings: quote the value of PORT');
  assert.deepEqual(
    analyse('pipeline: {name: p}\ntransform:\n  image: i\n  env: {PORT: "5672"}\n', yamlUri).codes(),
    [],
  );
});

test('PS110: JSON documents run together without ---', () => {
  const one = jsonSpec({});
  const a = analyse(`${one}\n${one}`);
  assert.deepEqual(a.codes(), ['PS110']);
  assert.deepEqual(analyse(`${one}\n---\n${one}`).codes(), []);
});

test('PS111: a document that is neither a mapping nor a sequence', () => {
  assert.deepEqual(analyse('pipeline: {name: p}\ntransform: {image: i}\n---\njust text\n', yamlUri).codes(), ['PS111']);
});

test('PS112: non-string mapping keys', () => {
  assert.deepEqual(analyse('pipeline: {name: p}\ntransform:\n  image: i\n  env: {1: "a"}\n', yamlUri).codes(), [
    'PS112',
  ]);
});

test('PS113: pipeline, pipeline.name and transform are required', () => {
  assert.deepEqual(
    analyse('{"pipeline": {"name": "p"}, "input": {"pfs": {"repo": "r", "glob": "/"}}}').findings.map((f) => f.message),
    ['pipeline must specify a transform'],
  );
  assert.deepEqual(
    analyse('{"pipeline": {}, "transform": {"image": "i"}}').findings.map((f) => f.message),
    ['no pipeline `name` specified'],
  );
  assert.deepEqual(
    analyse('{"transform": {"image": "i"}}').findings.map((f) => f.message),
    ['no `pipeline` specified'],
  );
});
