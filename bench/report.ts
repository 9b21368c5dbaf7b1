/** What each benchmark section returns; bench/run.ts writes them all into BENCHMARKS.md. */
export interface BenchSection {
  /** Section heading, like "Commands". */
  title: string;
  /** Markdown body: how it was measured, a table of figures, the target and whether it was met. */
  markdown: string;
  /** Whether every target of the section was met in this run. */
  targetsMet: boolean;
}

/** p50 / p99 of a list of durations (ms). */
export function percentiles(samples: number[]): { p50: number; p99: number; mean: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  return { p50: at(0.5), p99: at(0.99), mean };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
