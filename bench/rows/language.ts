/**
 * Row 4: completion and hover at a secret name and at a key, with 10,000 secrets × 20 keys in the catalog,
 * p99 over 1,000 requests each, against a trivial LSP round trip on the same connection (a request the server
 * does not know, answered at once by the protocol layer).
 */
import { CompletionRequest, HoverRequest } from 'vscode-languageserver-protocol';
import { toSecretMeta } from '../../core/src/catalog/secretMeta';
import { CatalogNotification } from '../../core/src/protocol/messages';
import { caret, LspSession } from '../../test/lsp/serverProcess';
import { generatedSecrets, secretName } from '../lib/specs';
import { median, p99, time } from '../lib/stats';
import type { Measurement } from '../lib/types';

export async function languageRows(_repoRoot: string, quick: boolean): Promise<Measurement[]> {
  const requests = quick ? 200 : 1000;
  const secrets = generatedSecrets(10_000, 20, 8).map((s) => toSecretMeta(s));
  const session = await LspSession.start({ recordSent: false });
  try {
    await session.connection.sendNotification(CatalogNotification.type, {
      context: 'bench',
      namespace: 'default',
      state: { kind: 'ready' },
      secrets,
    });
    const name = secretName(4242);
    const spec = (name: string, key: string) =>
      `{\n  "pipeline": {"name": "p"},\n  "transform": {\n    "image": "a:1",\n    "secrets": [{"name": "${name}", ` +
      `"key": "${key}", "envVar": "A"}]\n  }\n}\n`;
    // Completion where it is costliest (an empty name: every secret matches); hover on a real reference.
    const fixtures = {
      'secret name': {
        completion: caret(spec('|', 'KEY_1')),
        hover: caret(spec(`${name.slice(0, 4)}|${name.slice(4)}`, 'KEY_1')),
      },
      key: { completion: caret(spec(name, '|')), hover: caret(spec(name, 'KEY|_1')) },
    };
    const trivial = await time(
      () => session.connection.sendRequest('pachyderm/bench/unknown', {}).catch(() => undefined),
      requests,
      20,
    );
    const peer = { name: 'trivial LSP round trip', median: median(trivial), p99: p99(trivial) };
    const out: Measurement[] = [];
    let n = 0;
    for (const [what, fx] of Object.entries(fixtures)) {
      for (const kind of ['completion', 'hover'] as const) {
        const uri = `file:///bench/lang-${n++}.pipeline.json`;
        await session.open(uri, 'json', fx[kind].text);
        const params = { textDocument: { uri }, position: fx[kind].position };
        const s = await time(
          async () => {
            const r =
              kind === 'completion'
                ? await session.connection.sendRequest(CompletionRequest.type, params)
                : await session.connection.sendRequest(HoverRequest.type, params);
            if (!r) throw new Error(`no ${kind} at the ${what}: the bench would measure nothing`);
          },
          requests,
          20,
        );
        out.push({
          row: 4,
          name: `${kind} at a ${what}, 10,000 secrets × 20 keys`,
          unit: 'ms',
          median: median(s),
          p99: p99(s),
          samples: s.length,
          peer,
          target: { kind: 'ratio', max: 3, on: 'p99' },
        });
        await session.close(uri);
      }
    }
    return out;
  } finally {
    await session.stop();
  }
}
