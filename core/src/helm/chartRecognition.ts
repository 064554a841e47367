/**
 * Which chart a values file was written for, so the PH rules judge only files of the chart they model and hover
 * can say which chart (and versions) a file was judged against. The markers are data in chartFacts.ts.
 */
import type { Document } from 'yaml';
import { MODELLED_CHART, OTHER_CHARTS, PACHD_IMAGE_TAG_PATH, type ChartIdentity, type ValuesPath } from './chartFacts';
import { entryAt, stringAt } from './valuesTree';

export interface ChartVerdict {
  chart: ChartIdentity;
  /** The values paths that told, in the order of the chart's markers (at most three). */
  evidence: ValuesPath[];
  /** True when nothing in the file tells the chart: it is judged as the modelled chart by default. */
  assumed: boolean;
}

const MAX_EVIDENCE = 3;

function present(doc: Document, chart: ChartIdentity): ValuesPath[] {
  return chart.markers.filter((m) => entryAt(doc, m) !== undefined);
}

/** The major version of an explicit `pachd.image.tag` (`1.8.6`, `v1.13.0`, `2.11.6`), if any. */
function pachdMajor(doc: Document): number | undefined {
  const m = /^v?(\d+)\./.exec(stringAt(doc, PACHD_IMAGE_TAG_PATH) ?? '');
  return m ? Number(m[1]) : undefined;
}

/**
 * An explicit pachd image tag decides between 1.x and 2.x charts; then any marker of the modelled chart makes it
 * the modelled one (a 2.x file may keep a stale old key); then the other chart with the most markers; a file with
 * no marker at all is judged as the modelled chart, and says so.
 */
export function recogniseChart(doc: Document): ChartVerdict {
  const major = pachdMajor(doc);
  const ours = present(doc, MODELLED_CHART);
  const tag = major !== undefined ? [PACHD_IMAGE_TAG_PATH] : [];
  if (major === MODELLED_CHART.pachdMajor) {
    return { chart: MODELLED_CHART, evidence: [...tag, ...ours].slice(0, MAX_EVIDENCE), assumed: false };
  }
  const others = OTHER_CHARTS.map((chart) => ({ chart, found: present(doc, chart) }));
  const best = others.sort((a, b) => b.found.length - a.found.length)[0];
  const oldTag = major !== undefined && major < MODELLED_CHART.pachdMajor;
  if (oldTag || (!ours.length && best.found.length)) {
    const chart = best.found.length ? best.chart : (OTHER_CHARTS.find((c) => c.pachdMajor === major) ?? best.chart);
    return { chart, evidence: [...tag, ...best.found].slice(0, MAX_EVIDENCE), assumed: false };
  }
  return { chart: MODELLED_CHART, evidence: ours.slice(0, MAX_EVIDENCE), assumed: ours.length === 0 };
}

const code = (s: string) => `\`${s}\``;

/** A hover paragraph: which chart the file was judged against, or that it was recognised as another and left alone. */
export function chartVerdictText(v: ChartVerdict): string {
  const by = v.evidence.length ? `, recognised by ${v.evidence.map(code).join(', ')}` : '';
  const where = `(${v.chart.source}; ${v.chart.versions})`;
  if (!v.chart.modelled) {
    return (
      `Recognised as ${v.chart.title} ${where}${by}. Not judged: the Helm rules model ${MODELLED_CHART.title} ` +
      `(${MODELLED_CHART.source}), whose secret values this chart does not have.`
    );
  }
  if (v.assumed) return `Judged against ${v.chart.title} ${where}: nothing in this file names another chart.`;
  return `Judged against ${v.chart.title} ${where}${by}.`;
}
