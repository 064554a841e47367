/** The rows of the decoded editor's conflict table: each key whose value differs between two versions. */
import { isText } from '../../../core/src/catalog';

export interface ConflictRow {
  key: string;
  mine: string;
  cluster: string;
}

function shown(b64: string | undefined): string {
  if (b64 === undefined) return '(no such key)';
  const bytes = Buffer.from(b64, 'base64');
  return isText(bytes) ? bytes.toString('utf8') : `(binary, base64) ${b64}`;
}

export function conflictRows(mine: Readonly<Record<string, string>>, cluster: Readonly<Record<string, string>>) {
  const keys = [...new Set([...Object.keys(mine), ...Object.keys(cluster)])].sort();
  return keys
    .filter((k) => mine[k] !== cluster[k])
    .map((key) => ({ key, mine: shown(mine[key]), cluster: shown(cluster[key]) }));
}
