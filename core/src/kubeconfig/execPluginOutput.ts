/**
 * An exec credential plugin's output, read by client-node's ExecAuth with a bare JSON.parse: when a plugin prints
 * malformed JSON, V8's SyntaxError quotes about ten characters of it (`…"token": "k8s-aws-v1.aHR0c"…`), a piece of
 * the credential. This wraps the KubeConfig's ExecAuth so that error is told by line, column and what was
 * expected (core/src/json/safeJsonParse.ts) instead. Everything else the plugin does is client-node's, unchanged.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import { safeJsonParse } from '../json/safeJsonParse';
import { findExecAuth } from './execAuthHook';

interface ExecUser {
  exec?: { command?: string };
  authProvider?: { config?: { exec?: { command?: string } } };
}

export function guardExecPluginOutput(kc: KubeConfig): void {
  const execAuth = findExecAuth(kc);
  if (!execAuth) return;
  const spawn = execAuth.execFn;
  const getCredential = execAuth.getCredential.bind(execAuth);
  // ExecAuth spawns the plugin synchronously inside getCredential; this holds the call's copy of stdout.
  let capture: { stdout: string } | undefined;
  execAuth.execFn = (command, args, options) => {
    const child = spawn(command, args, options);
    const into = capture;
    // ExecAuth sets the encoding right after this returns, before any data flows: the chunks are strings.
    if (into) child.stdout?.on('data', (chunk: string | Buffer) => void (into.stdout += String(chunk)));
    return child;
  };
  execAuth.getCredential = async (credentialUser: unknown) => {
    const user = credentialUser as ExecUser;
    const into = { stdout: '' };
    capture = into;
    let pending: Promise<unknown>;
    try {
      pending = getCredential(user);
    } finally {
      capture = undefined;
    }
    try {
      return await pending;
    } catch (err) {
      if (!(err instanceof SyntaxError)) throw err;
      const command = user.exec?.command ?? user.authProvider?.config?.exec?.command ?? '';
      const read = safeJsonParse(into.stdout);
      const where = read.ok ? 'it could not be read' : read.message;
      throw new Error(
        `the exec credential plugin "${command}" printed output that ` +
          `is not JSON (${where}); expected an ExecCredential object`,
      );
    }
  };
}
