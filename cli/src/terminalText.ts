/**
 * The one neutraliser every piece of CLI text output passes through: control characters in file names, secret
 * names and the API server's messages are shown (`\x1b`, `\r`, `\u202e`, as Go's %q shows them) instead of acting
 * on the terminal. The rule lives in core (core/src/text/controlCharacters.ts), shared with the messages the
 * editor shows. JSON and YAML output escape their own strings and do not come here.
 */
import { visibleLine, visibleText } from '../../core/src/text';

/** One value inside a line (a path, a name, a message): every control shown, newlines included. */
export function terminalLine(s: string): string {
  return visibleLine(s);
}

/** A whole block of text: line breaks kept, every other control shown. */
export function terminalText(s: string): string {
  return visibleText(s);
}
