/** Rule settings: the file and the setting read alike, bad entries reported and left out, overrides applied. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  applyRuleSettings,
  findRuleSettingsFile,
  mergeRuleOverrides,
  parseRuleEntries,
  parseRuleSettingsFile,
  RULE_LEVELS,
  RULE_SETTINGS_FILE,
} from '../../../core/src/ruleSettings';
import { repoRoot } from '../../corpus/paths';
import { finding, type Finding } from '../../../core/src/rules/ruleTable';

const at = (text: string, r: { start: number; end: number } | undefined) => r && text.slice(r.start, r.end);

test('a file of known rules and levels sets each of them and reports nothing', () => {
  const text = JSON.stringify({
    $schema: 'x',
    rules: { PS040: 'off', PS002: 'warning', PH001: 'hint', PS118: 'information', PS005: 'error' },
  });
  const { overrides, problems } = parseRuleSettingsFile(text);
  assert.deepEqual(problems, []);
  assert.deepEqual(
    [...overrides],
    [
      ['PS040', 'off'],
      ['PS002', 'warning'],
      ['PH001', 'hint'],
      ['PS118', 'information'],
      ['PS005', 'error'],
    ],
  );
});

test('an empty object, an empty rules object and a null rules report nothing and set nothing', () => {
  for (const text of ['{}', '{"rules": {}}', '{"rules": null}', ' {\n}\n']) {
    const { overrides, problems } = parseRuleSettingsFile(text);
    assert.deepEqual(problems, [], text);
    assert.equal(overrides.size, 0, text);
  }
});

test('an unknown code is named, underlined at its key, and the other rules still apply', () => {
  const text = '{\n  "rules": {\n    "PS999": "off",\n    "ps002": "off",\n    "PS040": "off"\n  }\n}\n';
  const { overrides, problems } = parseRuleSettingsFile(text);
  assert.deepEqual([...overrides], [['PS040', 'off']]);
  assert.deepEqual(
    problems.map((p) => [p.message, at(text, p.range)]),
    [
      ['unknown rule "PS999"; the rules are listed in the README', '"PS999"'],
      ['unknown rule "ps002"; did you mean PS002?', '"ps002"'],
    ],
  );
});

test('a bad severity names the rule and the levels, underlined at the value', () => {
  const text = '{"rules": {"PS002": "warn", "PS040": 0, "PS005": ["off"], "PS001": "Warning"}}';
  const { overrides, problems } = parseRuleSettingsFile(text);
  assert.equal(overrides.size, 0);
  const levels = 'use error, warning, information, hint, off';
  assert.deepEqual(
    problems.map((p) => [p.message, at(text, p.range)]),
    [
      [`rule PS002 cannot be set to "warn": ${levels}`, '"warn"'],
      [`rule PS040 cannot be set to 0: ${levels}`, '0'],
      [`rule PS005 cannot be set to a list: ${levels}`, '["off"]'],
      [`rule PS001 cannot be set to "Warning": ${levels}`, '"Warning"'],
    ],
  );
});

test('not JSON, not an object, unknown fields and a rules list are each reported where they are', () => {
  const cases: Array<[string, string, string | undefined]> = [
    ['{"rules": {"PS040": "off",}}', 'not valid JSON (PropertyNameExpected)', '}'],
    ['// a comment\n{}', 'not valid JSON (InvalidCommentToken)', '// a comment'],
    ['', 'not valid JSON (ValueExpected)', ''],
    ['["PS040"]', 'expected an object such as { "rules": { "PS040": "off" } }', '["PS040"]'],
    ['{"rule": {"PS040": "off"}}', 'unknown field "rule": the file holds "rules"', '"rule"'],
    [
      '{"rules": ["PS040"]}',
      'rules must be an object of rule codes and severities, e.g. { "PS040": "off" }',
      '["PS040"]',
    ],
  ];
  for (const [text, message, underlined] of cases) {
    const { overrides, problems } = parseRuleSettingsFile(text);
    assert.equal(overrides.size, 0, text);
    assert.deepEqual(
      problems.map((p) => [p.message, at(text, p.range)]),
      [[message, underlined]],
      text,
    );
  }
});

test('a control character or a long key is shown escaped and cut short, never raw', () => {
  const code = '\x1b[31m' + 'X'.repeat(100);
  const { problems } = parseRuleEntries({ [code]: 'off' });
  assert.equal(problems.length, 1);
  assert.ok(!problems[0].message.includes('\x1b'));
  assert.ok(problems[0].message.includes('\\u001b[31m'));
  assert.ok(problems[0].message.length < 140, problems[0].message);
});

test('the setting overrides the file rule by rule; findings of an off rule are dropped', () => {
  const file = parseRuleSettingsFile('{"rules": {"PS002": "off", "PS005": "hint"}}').overrides;
  const setting = parseRuleEntries({ PS002: 'warning' }).overrides;
  const merged = mergeRuleOverrides(file, setting);
  assert.deepEqual(
    [...merged],
    [
      ['PS002', 'warning'],
      ['PS005', 'hint'],
    ],
  );
  const findings: Finding[] = [
    finding('PS002', { start: 0, end: 1 }, { name: 'a' }),
    finding('PS005', { start: 2, end: 3 }, { name: 'b' }),
    finding('PS001', { start: 4, end: 5 }, { name: 'c' }),
  ];
  assert.deepEqual(
    applyRuleSettings(findings, merged).map((f) => [f.code, f.severity]),
    [
      ['PS002', 'warning'],
      ['PS005', 'hint'],
      ['PS001', 'error'],
    ],
  );
  assert.deepEqual(
    applyRuleSettings(findings, file).map((f) => f.code),
    ['PS005', 'PS001'],
  );
  assert.equal(applyRuleSettings(findings, new Map()), findings, 'nothing configured: the same array');
});

test('the nearest file above a folder is found, and the search stops at the given folder', () => {
  const root = path.resolve('/w');
  const files = new Set([path.join(root, RULE_SETTINGS_FILE), path.join(root, 'a', 'b', RULE_SETTINGS_FILE)]);
  const exists = (f: string) => files.has(f);
  assert.equal(
    findRuleSettingsFile(path.join(root, 'a', 'b', 'c'), exists),
    path.join(root, 'a', 'b', RULE_SETTINGS_FILE),
  );
  assert.equal(findRuleSettingsFile(path.join(root, 'a'), exists), path.join(root, RULE_SETTINGS_FILE));
  assert.equal(findRuleSettingsFile(path.join(root, 'a'), exists, path.join(root, 'a')), undefined);
  assert.equal(findRuleSettingsFile(path.resolve('/elsewhere/x'), exists), undefined);
});

test('the pachyderm.rules setting offers exactly the levels core accepts', () => {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot(), 'package.json'), 'utf8'));
  const setting = manifest.contributes.configuration.properties['pachyderm.rules'];
  assert.equal(setting.scope, 'resource');
  assert.deepEqual(setting.additionalProperties.enum, RULE_LEVELS);
});
