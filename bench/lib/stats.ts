/** Order statistics over a list of samples (milliseconds or bytes). */
export function quantile(samples: number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[idx];
}

export const median = (s: number[]) => quantile(s, 0.5);
export const p99 = (s: number[]) => quantile(s, 0.99);

/** Runs `fn` `warmup` times unmeasured, then `runs` times, and returns each run's duration in ms. */
export async function time(fn: () => unknown | Promise<unknown>, runs: number, warmup = 2): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    out.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return out;
}
