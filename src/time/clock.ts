/**
 * The only way logic learns the time. Handlers, the planner and the scheduler take a Clock, so every
 * "ends tomorrow" and every reminder can be tested and replayed at any instant.
 */
export interface Clock {
  now(): Date;
}

/** The machine's clock. The one place in the code that reads Date.now(). */
export const systemClock: Clock = { now: () => new Date(Date.now()) };

/** A clock stopped at one instant (tests, `ask --at`). */
export function fixedClock(at: Date | string): Clock {
  const ms = new Date(at).getTime();
  if (Number.isNaN(ms)) throw new Error(`not an instant: ${String(at)}`);
  return { now: () => new Date(ms) };
}

/**
 * A clock that starts at `start` and then moves on in real time with `base` (`start --clock`), so
 * that the reminders of a past story can be watched firing live.
 */
export function shiftedClock(start: Date | string, base: Clock = systemClock): Clock {
  const startMs = new Date(start).getTime();
  if (Number.isNaN(startMs)) throw new Error(`not an instant: ${String(start)}`);
  const offset = startMs - base.now().getTime();
  return { now: () => new Date(base.now().getTime() + offset) };
}

/** A clock a test moves by hand. */
export class ManualClock implements Clock {
  private ms: number;
  constructor(at: Date | string) {
    this.ms = new Date(at).getTime();
  }
  now(): Date {
    return new Date(this.ms);
  }
  set(at: Date | string): void {
    this.ms = new Date(at).getTime();
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}
