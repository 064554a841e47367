/**
 * PH003 and PH005 for the chart's PostgreSQL password: its insecure built-in default, and the in-cluster subchart
 * that keeps reading the plain value when only pachd's secret is set.
 */
import type { Document } from 'yaml';
import { SECRET_NAME_FACTS } from './chartFacts';
import { inClusterPostgres } from './chartReading';
import { finding, quote, type HelmFinding } from './helmFinding';
import { entryAt, stringAt, truthyAt } from './valuesTree';

/** PH003 for the chart's non-empty Postgres default: nothing set means `insecure-user-password`. */
export function checkPostgresDefault(doc: Document, out: HelmFinding[]): void {
  const pg = SECRET_NAME_FACTS.find((f) => f.keyPath)!;
  if (stringAt(doc, pg.path) || truthyAt(doc, pg.plainPath!)) return;
  if (truthyAt(doc, 'cloudsqlAuthProxy.iamLogin')) return;
  // Point at the closest thing the user wrote: global.postgresql, else global, else pachd.
  const anchor = entryAt(doc, 'global.postgresql') ?? entryAt(doc, 'global') ?? entryAt(doc, 'pachd');
  if (!anchor) return;
  out.push(
    finding(
      'PH003',
      `Neither ${quote(pg.plainPath!)} nor ${quote(pg.path)} is set: the chart uses its built-in default password ` +
        `${quote(pg.plainDefault!)}. Keep a real password in a ` +
        `Secret under key ${quote(pg.key!)} and set ${quote(pg.path)}.`,
      anchor.keyRange,
    ),
  );
}

/**
 * With the in-cluster subchart, `postgresqlExistingSecretName` only moves where pachd & co. read the password:
 * the subchart still sets the database's from `postgresqlPassword` (default `insecure-user-password`).
 */
export function checkInClusterPostgresSecret(doc: Document, out: HelmFinding[]): void {
  const pg = SECRET_NAME_FACTS.find((f) => f.keyPath)!;
  const e = entryAt(doc, pg.path);
  if (!e || !stringAt(doc, pg.path) || !inClusterPostgres(doc)) return;
  if (stringAt(doc, 'global.postgresql.existingSecret') || truthyAt(doc, pg.plainPath!)) return;
  out.push(
    finding(
      'PH005',
      `With the in-cluster PostgreSQL subchart (\`postgresql.enabled\`, the default), ${quote(pg.path)} only changes ` +
        `where pachd, pachw, pgbouncer and preflight read the password; the subchart still sets the database ` +
        `password from ${quote(pg.plainPath!)}, here its default. Also ` +
        `set \`global.postgresql.existingSecret\` to a secret with ` +
        '`postgresql-password` and `postgresql-postgres-password`, ' +
        'or use an external database (`postgresql.enabled: false`).',
      e.valueRange,
    ),
  );
}
