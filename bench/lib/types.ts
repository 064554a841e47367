import { median, p99 } from './stats';

/** One line of the benchmark table. */
export interface Measurement {
  row: number;
  name: string;
  unit: 'ms' | 'MiB' | 'KiB';
  median: number;
  p99: number;
  samples: number;
  peer?: { name: string; median: number; p99: number };
  /** `ratio`: ours / peer ≤ max (on the statistic named); `absolute`: ours ≤ max. */
  target: { kind: 'ratio' | 'absolute'; max: number; on: 'median' | 'p99' };
  note?: string;
}

export interface MeasuredRow extends Measurement {
  ratio?: number;
  met: boolean;
}

export function judge(m: Measurement): MeasuredRow {
  const ours = m.target.on === 'p99' ? m.p99 : m.median;
  if (m.target.kind === 'absolute') return { ...m, met: ours <= m.target.max };
  const theirs = m.peer ? (m.target.on === 'p99' ? m.peer.p99 : m.peer.median) : NaN;
  const ratio = ours / theirs;
  return { ...m, ratio, met: Number.isFinite(ratio) && ratio <= m.target.max };
}

/** A row judged on the ratio of our median to the peer's, from the samples of both. */
export function ratioRow(
  row: Pick<Measurement, 'row' | 'name' | 'unit' | 'note'>,
  ours: number[],
  peer: { name: string; samples: number[] },
  max: number,
): Measurement {
  return {
    ...row,
    median: median(ours),
    p99: p99(ours),
    samples: ours.length,
    peer: { name: peer.name, median: median(peer.samples), p99: p99(peer.samples) },
    target: { kind: 'ratio', max, on: 'median' },
  };
}
