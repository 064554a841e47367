/**
 * `check --format sarif|github|junit` through the built CLI: SARIF validated against the published SARIF 2.1.0
 * schema (shipped in @microsoft/jest-sarif, read from disk, never downloaded), GitHub workflow commands escaped as
 * actions/toolkit escapes them, JUnit XML parsed back by a strict XML parser.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { SaxesParser } from 'saxes';
import { RULES } from '../../core/src/rules';
import { escapeData, escapeProperty } from '../../cli/src/githubOutput';
import { runCheck, writeUnder } from './checkRunner';

let dir: string;
const run = (...args: string[]) => runCheck(dir, args);
/** A name that is everything an output format must escape: XML's five, a property's `:` and `,`, `%`, ESC. */
const HOSTILE = 'a<b>&"\'c:d,e%f\x1bg\ufffe';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'ps-formats-'));
  const x = { kind: 'Secret', metadata: { name: 'x', namespace: 'default' }, data: { k: 'dg==' } };
  writeUnder(dir, 'secrets.json', JSON.stringify({ kind: 'List', items: [x] }));
  const spec = (secret: string) =>
    JSON.stringify({
      pipeline: { name: 'p' },
      transform: { image: 'i', secrets: [{ name: secret, mountPath: '/s' }] },
    });
  writeUnder(dir, 'specs/missing.pipeline.json', spec('db-creds'));
  writeUnder(dir, 'specs/odd name,100%:x.pipeline.json', spec(HOSTILE));
  writeUnder(dir, 'specs/clean.pipeline.json', JSON.stringify({ pipeline: { name: 'c' }, transform: { image: 'i' } }));
  writeUnder(dir, 'specs/warn.pipeline.yaml', 'pipeline: {name: w}\ntransform:\n  image: i\n  secrets:\n  - name: x\n');
  writeUnder(dir, 'specs/other.json', '{"not": "a spec"}');
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** The parts of a SARIF log these tests read. */
interface SarifLog {
  version: string;
  runs: Array<{
    tool: {
      driver: {
        name: string;
        version: string;
        rules: Array<{ id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }>;
      };
    };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }>;
    }>;
  }>;
}

function sarifValidator() {
  const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  // The schema's language-tag pattern is not valid as a Unicode regular expression: read it as JSON Schema
  // draft-04 means it, an ECMA-262 regular expression without the u flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile<SarifLog>(JSON.parse(readFileSync(schemaPath, 'utf8')));
}

test('SARIF output is valid SARIF 2.1.0 with the rule table and every finding located', () => {
  const r = run('--secrets', 'secrets.json', '--format', 'sarif', 'specs');
  assert.equal(r.code, 1, r.err);
  const log: SarifLog = JSON.parse(r.out);
  const validate = sarifValidator();
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const [run0] = log.runs;
  const driver = run0.tool.driver;
  assert.equal(driver.name, 'pachyderm-secrets');
  assert.match(driver.version, /^\d+\.\d+\.\d+/);
  assert.deepEqual(
    driver.rules.map((rule) => rule.id),
    Object.keys(RULES),
  );
  const ps002 = driver.rules.find((rule) => rule.id === 'PS002')!;
  assert.deepEqual(ps002.shortDescription, { text: RULES.PS002.summary });
  assert.deepEqual(ps002.defaultConfiguration, { level: 'error' });
  assert.equal(driver.rules.find((rule) => rule.id === 'PS004')!.defaultConfiguration.level, 'note');
  assert.equal(run0.originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(dir + '/').href);
  const missing = run0.results.find((x) => x.message.text === 'missing Kubernetes secret db-creds')!;
  assert.deepEqual(missing.locations[0].physicalLocation, {
    artifactLocation: { uri: 'specs/missing.pipeline.json', uriBaseId: '%SRCROOT%' },
    region: { startLine: 1, startColumn: 70, endLine: 1, endColumn: 80 },
  });
  assert.equal(missing.ruleId, 'PS002');
  assert.equal(driver.rules[missing.ruleIndex].id, 'PS002');
  assert.equal(missing.level, 'error');
  const uris = new Set(run0.results.map((x) => x.locations[0].physicalLocation.artifactLocation.uri));
  assert.ok(uris.has('specs/odd%20name%2C100%25%3Ax.pipeline.json'), [...uris].join(' '));
  assert.ok(run0.results.some((x) => x.level === 'warning'));
});

test('SARIF names a file outside the folder it ran in by its absolute file URI', () => {
  const outside = mkdtempSync(join(tmpdir(), 'ps-formats-out-'));
  try {
    writeUnder(outside, 'o.pipeline.json', '{"pipeline": {"name": "o"}, "transform": {"image": "i", "secrets": [{}]}}');
    const r = run('--format', 'sarif', join(outside, 'o.pipeline.json'));
    const log: SarifLog = JSON.parse(r.out);
    assert.ok(sarifValidator()(log));
    const location = log.runs[0].results[0].locations[0].physicalLocation.artifactLocation;
    assert.deepEqual(location, { uri: pathToFileURL(join(outside, 'o.pipeline.json')).href });
  } finally {
    rmSync(outside, { recursive: true, force: true });
  }
});

test('the SARIF of a clean run is valid and has no results', () => {
  const r = run('--format', 'sarif', 'specs/clean.pipeline.json');
  assert.equal(r.code, 0, r.err);
  const log: SarifLog = JSON.parse(r.out);
  assert.ok(sarifValidator()(log));
  assert.deepEqual(log.runs[0].results, []);
});

test('GitHub escaping follows actions/toolkit: % CR LF in data, and : , too in properties', () => {
  assert.equal(escapeData('100% a:b,c\r\nd'), '100%25 a:b,c%0D%0Ad');
  assert.equal(escapeProperty('100% a:b,c\r\nd'), '100%25 a%3Ab%2Cc%0D%0Ad');
  assert.equal(escapeData('%0A'), '%250A', 'an escape already in the text is escaped again, not decoded');
  assert.equal(escapeProperty('plain/path.yaml'), 'plain/path.yaml');
});

test('GitHub output is one workflow command per finding, each on its own line, properties escaped', () => {
  const r = run('--secrets', 'secrets.json', '--format', 'github', 'specs');
  assert.equal(r.code, 1, r.err);
  const lines = r.out.trimEnd().split('\n');
  for (const line of lines)
    assert.match(
      line,
      /^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=P[SH]\d{3}::/,
    );
  assert.ok(
    lines.includes(
      '::error file=specs/missing.pipeline.json,line=1,col=70,endLine=1,endColumn=80,title=PS002::' +
        'missing Kubernetes secret db-creds',
    ),
    r.out,
  );
  const odd = lines.filter((l) => l.includes('file=specs/odd name%2C100%25%3Ax.pipeline.json,'));
  assert.equal(odd.length, 1, r.out);
  assert.ok(!r.out.includes('\x1b'), 'no raw escape character reaches the log');
  assert.ok(
    odd.some((l) => l.includes('a<b>&"\'c:d,e%25f\\x1bg')),
    r.out,
  );
  assert.ok(
    lines.some((l) => l.startsWith('::warning file=specs/warn.pipeline.yaml,')),
    r.out,
  );
});

test('a line break in a message becomes %0A, so a finding cannot start a second command', () => {
  writeUnder(
    dir,
    'nl/n.pipeline.yaml',
    'pipeline: {name: n}\ntransform:\n  image: i\n  secrets:\n' +
      '  - name: "x\\n::error file=evil::owned"\n    mountPath: /s\n',
  );
  const r = run('--format', 'github', 'nl');
  const lines = r.out.trimEnd().split('\n');
  assert.ok(lines.length >= 1);
  for (const line of lines) assert.match(line, /^::(error|warning|notice) file=nl\/n\.pipeline\.yaml,/);
  assert.ok(r.out.includes('x%0A::error file=evil::owned'), r.out);
});

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Parses XML strictly (saxes: well-formedness and XML 1.0 characters checked) into a small tree. */
function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser();
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    const el: XmlElement = {
      name: tag.name,
      attributes: tag.attributes as Record<string, string>,
      children: [],
      text: '',
    };
    if (stack.length) stack[stack.length - 1].children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('text', (t) => {
    if (stack.length) stack[stack.length - 1].text += t;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  assert.ok(root, 'a root element');
  return root;
}

test('JUnit output is well-formed XML: a suite per checked file, a failure per error, a pass per clean file', () => {
  const r = run('--secrets', 'secrets.json', '--format', 'junit', 'specs');
  assert.equal(r.code, 1, r.err);
  assert.ok(r.out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n'));
  const root = parseXml(r.out);
  assert.equal(root.name, 'testsuites');
  const suites = new Map(root.children.map((s) => [s.attributes.name, s]));
  assert.deepEqual([...suites.keys()].sort(), [
    'specs/clean.pipeline.json',
    'specs/missing.pipeline.json',
    'specs/odd name,100%:x.pipeline.json',
    'specs/warn.pipeline.yaml',
  ]);
  const clean = suites.get('specs/clean.pipeline.json')!;
  assert.deepEqual(clean.attributes.tests, '1');
  assert.deepEqual(clean.attributes.failures, '0');
  assert.deepEqual(
    clean.children.map((c) => [c.name, c.attributes.name, c.children.length]),
    [['testcase', 'no findings', 0]],
  );
  const missing = suites.get('specs/missing.pipeline.json')!;
  const [failure] = missing.children[0].children;
  assert.equal(failure.name, 'failure');
  assert.equal(failure.attributes.type, 'PS002');
  assert.equal(failure.attributes.message, 'missing Kubernetes secret db-creds');
  const warn = suites.get('specs/warn.pipeline.yaml')!;
  assert.equal(warn.attributes.failures, '0');
  assert.ok(warn.children.every((c) => c.children[0].name === 'system-out'));
  const odd = suites.get('specs/odd name,100%:x.pipeline.json')!;
  const messages = odd.children.map((c) => c.children[0].attributes.message ?? c.children[0].text);
  assert.ok(
    messages.some((m) => m.includes('a<b>&"\'c:d,e%f\\x1bg\\ufffe')),
    messages.join('\n'),
  );
  const failures = [...suites.values()].reduce((n, s) => n + Number(s.attributes.failures), 0);
  assert.equal(Number(root.attributes.failures), failures);
  assert.equal(
    Number(root.attributes.tests),
    [...suites.values()].reduce((n, s) => n + Number(s.attributes.tests), 0),
  );
});

test('an unknown --format names every format', () => {
  const r = run('--format', 'xml', 'specs');
  assert.equal(r.code, 2);
  assert.match(r.err, /--format must be one of text, json, sarif, github, junit, not "xml"/);
});
