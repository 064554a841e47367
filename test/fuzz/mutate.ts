/**
 * The seeded mutations the fuzz tests put real-looking specs through: deletions, inserted tokens, repeated
 * runs, lost or repeated lines, swapped words, truncation; whatever half-typed text an editor may hold.
 */

/** Specs in both formats using every construct the rules look at, beside the corpus. */
export const SAMPLES: Array<[string, string]> = [
  [
    'inline.pipeline.json',
    '{"pipeline": {"name": "p"}, "transform": {"image": "i", "secrets": [{"name": "s", "env_var": "E", "key": "k"}], ' +
      '"imagePullSecrets": ["r"]}, "podPatch": "[{\\"op\\": \\"add\\", \\"path\\": \\"/imagePullSecrets/-\\", ' +
      '\\"value\\": {\\"name\\": \\"x\\"}}]"}\n---\n[{"pipeline": {"name": "q"}, "transform": {}}]',
  ],
  [
    'inline.pipeline.yaml',
    'pipeline:\n  name: p\ntransform:\n  image: &i i\n  env: {A: 1, B: "2"}\n  secrets:\n  - {name: s, mount_path: ' +
      '/pfs/x, key: k}\n  - name: s\n    envVar: E\negress:\n  sql_database: {url: u, secret: {name: s}}\ninput: ' +
      '{cron: {start: 2024-01-01T00:00:00Z}}\n---\n- pipeline: {name: q}\n  transform: {user: *i}\n',
  ],
];

const TOKENS = [
  '{',
  '}',
  '[',
  ']',
  ':',
  ',',
  '"',
  "'",
  '-',
  '#',
  '\n',
  ' ',
  '&a',
  '*a',
  '!!',
  '---',
  '\\',
  '$X',
  '0x1',
  '2024-01-01',
  'secrets',
  'name',
  'env_var',
  'mountPath',
  '\u00a0',
  '\r',
];

export function mutate(text: string, rnd: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const at = () => Math.floor(rnd() * (text.length + 1));
  const lines = () => text.split('\n');
  switch (Math.floor(rnd() * 7)) {
    case 0: {
      const i = at();
      return text.slice(0, i) + text.slice(i + 1 + Math.floor(rnd() * 8));
    }
    case 1: {
      const i = at();
      return text.slice(0, i) + pick(TOKENS) + text.slice(i);
    }
    case 2: {
      const i = at();
      const n = 1 + Math.floor(rnd() * 20);
      return text.slice(0, i) + text.slice(i, i + n) + text.slice(i);
    }
    case 3: {
      const ls = lines();
      ls.splice(Math.floor(rnd() * ls.length), 1);
      return ls.join('\n');
    }
    case 4: {
      const ls = lines();
      const i = Math.floor(rnd() * ls.length);
      ls.splice(i, 0, ls[i]);
      return ls.join('\n');
    }
    case 5: {
      const toks = text.split(/(\s+)/);
      const i = Math.floor(rnd() * toks.length);
      const j = Math.floor(rnd() * toks.length);
      [toks[i], toks[j]] = [toks[j], toks[i]];
      return toks.join('');
    }
    default:
      return text.slice(0, at());
  }
}
