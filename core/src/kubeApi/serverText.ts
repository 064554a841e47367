/**
 * What a server said, made fit to quote in a message: an API Status message, an error page from a proxy in front
 * of the cluster, text a broken server echoes back. It reaches the tree, the status bar, notifications, the
 * language server's log and the CLI, so its control characters are shown rather than obeyed (a terminal escape
 * recolours the CLI's output, a bidi override reorders a tooltip; a lone "\r" is shown as `\r`), each line break
 * with the blanks around it becomes one space, and it is cut at `MAX_SERVER_TEXT` characters, far above an API
 * Status message but short of a whole error page.
 */
import { visibleLine } from '../text/controlCharacters';

export const MAX_SERVER_TEXT = 1000;

export function serverText(text: string, max = MAX_SERVER_TEXT): string {
  const oneLine = visibleLine(text.replace(/[ \t]*\r?\n[ \t]*/g, ' ').trim());
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}

/**
 * A server URL with its password, if it has one, replaced by `***`, as kubectl shows one in its messages
 * (`https://alice:***@host`, Go's net/http stripPassword): kubeconfigs may carry basic-auth credentials in the
 * `server` URL itself. A user name alone is kept, as there. Works on text that does not parse as a URL too.
 */
export function maskedServerUrl(server: string): string {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)([^/?#]*)([\s\S]*)$/.exec(server);
  if (!m) return server;
  const [, scheme, authority, rest] = m;
  // The host follows the last "@", as in Go's and WHATWG's parsers; a raw "@" in a password stays masked.
  const at = authority.lastIndexOf('@');
  const colon = authority.indexOf(':');
  if (at < 0 || colon < 0 || colon > at) return server;
  return `${scheme}${authority.slice(0, colon)}:***${authority.slice(at)}${rest}`;
}
