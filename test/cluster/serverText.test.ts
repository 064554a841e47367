/**
 * What a server says and what a server URL holds, as messages show them: a broken server's escape sequences are
 * shown, never obeyed, and cut to one short line; a password in the kubeconfig's server URL is masked as kubectl
 * masks it (`https://alice:***@host`) and reaches no state, log or CLI output.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { maskedServerUrl, MAX_SERVER_TEXT, serverText } from '../../core/src/kubeApi/serverText';
import {
  catalogFor,
  hasProblem,
  isReady,
  secretJson,
  startCluster,
  waitForSnapshot,
  type ClusterFixture,
} from './clusterFixture';
import { builtCli } from '../corpus/paths';

const ESC = '\u001b';
const CANARY = 'canary-pw-7f3a';

test('server text: controls shown as Go quotes them, each line break one space, cut at the cap', () => {
  assert.equal(
    serverText(`boom ${ESC}[2J${ESC}[31mred${ESC}[0m\r\n\tnext \u202eevil\u0007`),
    'boom \\x1b[2J\\x1b[31mred\\x1b[0m next \\u202eevil\\a',
  );
  assert.equal(serverText('x'.repeat(MAX_SERVER_TEXT + 50)), `${'x'.repeat(MAX_SERVER_TEXT)}…`);
  assert.equal(serverText('  plain  words  '), 'plain  words');
  assert.equal(serverText('x\ry'), 'x\\ry');
});

test('server URLs: a password is masked as kubectl masks it; a user name alone and URLs without one are kept', () => {
  assert.equal(
    maskedServerUrl(`https://alice:${CANARY}@10.0.0.1:6443/prefix`),
    'https://alice:***@10.0.0.1:6443/prefix',
  );
  assert.equal(maskedServerUrl(`https://alice:${CANARY}@with-at@host:6443`), 'https://alice:***@host:6443');
  assert.equal(maskedServerUrl(`ftp://:${CANARY}@host`), 'ftp://:***@host');
  assert.equal(maskedServerUrl('https://alice@host'), 'https://alice@host');
  assert.equal(maskedServerUrl('https://host:6443/a@b'), 'https://host:6443/a@b');
  assert.equal(maskedServerUrl('not a url'), 'not a url');
});

/** The fixture's kubeconfig with its server URL changed, written beside it. */
function withServer(fx: ClusterFixture, name: string, server: (url: string) => string): string {
  const file = path.join(fx.dir, name);
  fs.writeFileSync(
    file,
    fs
      .readFileSync(fx.kubeconfig, 'utf8')
      .replace(/^(\s+server: )(.*)$/m, (_, head: string, url: string) => head + server(url)),
  );
  return file;
}

test('a broken server that echoes escape sequences: the state quotes them visibly, in one capped line', async (t) => {
  const fx = await startCluster({ seed: { items: [secretJson('db', { k: 'v' })] } });
  t.after(() => fx.stop());
  fx.cluster.faults.fail(500, 'all', { message: `disk ${ESC}]0;pwned${ESC}\\ full ${ESC}[2J\u202e` });
  const catalog = catalogFor({ kubeconfig: fx.kubeconfig });
  t.after(() => catalog.dispose());
  await catalog.refresh();
  const s = await waitForSnapshot(catalog, hasProblem('server-error'), 'the server error');
  const reason = s.state.kind === 'error' ? s.state.reason : '';
  assert.equal(
    reason,
    '500 server error while listing secrets in namespace "default": Internal error occurred: disk ' +
      '\\x1b]0;pwned\\x1b\\ full \\x1b[2J\\u202e.',
  );

  // A proxy's text/plain error page: many lines, long, with controls.
  fx.cluster.faults.clear();
  fx.cluster.faults.fail(502, 'all', {
    raw: true,
    message: `<html>\r\n<body>${ESC}[31mBad gateway${ESC}[0m\n${'filler '.repeat(200)}</body></html>`,
  });
  await catalog.refresh();
  const page = await waitForSnapshot(
    catalog,
    (x) => x.state.kind === 'error' && x.state.reason.startsWith('502'),
    'the 502 page',
  );
  const pageReason = page.state.kind === 'error' ? page.state.reason : '';
  assert.match(
    pageReason,
    /^502 server error while listing secrets in namespace "default": <html> <body>\\x1b\[31mBad gateway\\x1b\[0m filler filler/,
  );
  assert.doesNotMatch(pageReason, /[\u0000-\u001f\u007f-\u009f\u202e]/);
  assert.ok(pageReason.length < 400, `${pageReason.length} characters`);
  fx.cluster.faults.clear();
  await waitForSnapshot(catalog, isReady, 'ready once the server is healed', 30_000);
});

test("a password in the server URL never reaches a state, a log line or the CLI; kubectl's *** where the URL is shown", async (t) => {
  const fx = await startCluster({ seed: { items: [secretJson('db', { k: 'v' })] } });
  t.after(() => fx.stop());
  const seen: string[] = [];
  const stateOf = async (
    kubeconfig: string,
    done: (s: import('../../core/src/catalog/snapshot').CatalogSnapshot) => boolean,
  ) => {
    const log: string[] = [];
    const catalog = catalogFor({ kubeconfig }, { log, timeoutMs: 2000 });
    t.after(() => catalog.dispose());
    await catalog.refresh();
    const s = await waitForSnapshot(catalog, done, 'a settled state');
    seen.push(JSON.stringify(s), ...log);
    return s;
  };
  // Reachable: the credentials in the URL are not ours to show; the list works with the kubeconfig's token.
  const reachable = withServer(fx, 'userinfo', (url) => url.replace('https://', `https://alice:${CANARY}@`));
  await stateOf(reachable, isReady);
  // Not an https URL: the message names the server, masked.
  const wrongScheme = withServer(fx, 'wrong-scheme', (url) => url.replace('https://', `ftp://alice:${CANARY}@`));
  const bad = await stateOf(wrongScheme, (s) => s.state.kind === 'error');
  assert.match(
    bad.state.kind === 'error' ? bad.state.reason : '',
    /the cluster's server "ftp:\/\/alice:\*\*\*@127\.0\.0\.1:\d+" is not an https:\/\//,
  );
  // Down: the reason says so without the URL.
  await fx.cluster.faults.down();
  try {
    await stateOf(reachable, hasProblem('unreachable'));
  } finally {
    await fx.cluster.faults.up();
  }

  const cli = await new Promise<string>((resolve) => {
    const spec = path.join(fx.dir, 'p.json');
    fs.writeFileSync(
      spec,
      JSON.stringify({
        pipeline: { name: 'p' },
        transform: { image: 'i', secrets: [{ name: 'db', key: 'k', envVar: 'K' }] },
      }),
    );
    execFile(
      process.execPath,
      [builtCli(), 'check', '--kubeconfig', wrongScheme, spec],
      { env: { ...process.env, KUBECONFIG: '' } },
      (_e, out, err) => resolve(out + err),
    );
  });
  assert.match(cli, /ftp:\/\/alice:\*\*\*@/);
  seen.push(cli);
  for (const text of seen) assert.ok(!text.includes(CANARY), `the password leaked: ${text}`);
});
