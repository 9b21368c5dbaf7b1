/** Where a CLI command writes: stdout for its result, stderr for errors (tests pass their own). */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}
