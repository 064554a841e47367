/**
 * Whether a typed namespace name can exist, and if not, what exactly is wrong with it (for Switch Namespace's input
 * box).
 */
import { isDns1123Label } from '../rules/names';

export function namespaceNameProblem(name: string): string | undefined {
  if (isDns1123Label(name)) return undefined;
  if (!name) return 'Type the namespace where pachd runs, e.g. "pachyderm".';
  if (name.length > 63)
    return `A namespace name has at most 63 characters (it is a DNS-1123 label); this one has ${name.length}.`;
  return (
    `"${name}" is not a namespace name: a DNS-1123 label has only lower-case letters, digits and "-", and ` +
    `starts and ends with a letter or digit.`
  );
}
