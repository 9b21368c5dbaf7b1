/**
 * A server whose events the bot may not manage is paused: one record in the scheduler's state per
 * (platform, workspace), set when a sync is refused for lack of permission and cleared when a call
 * succeeds again (or /subscribe kind:events is run with the permission granted). While it is paused the
 * sync leaves the server alone until `retryAt`, which backs off from 5 minutes to 6 hours, so a server
 * that never grants the permission costs one call every few hours and one log line in all.
 */
import type { Store } from "../store/store.js";

export interface Pause {
  reason: string;
  since: Date;
  retryAt: Date;
  failures: number;
}

const FIRST_RETRY_MS = 5 * 60_000;
const LAST_RETRY_MS = 6 * 3_600_000;

export function pauseName(platform: string, workspaceId: string): string {
  return `events-paused:${platform}:${workspaceId}`;
}

function parse(value: string | undefined): Pause | undefined {
  if (!value) return undefined;
  const p = JSON.parse(value) as { reason: string; since: string; retryAt: string; failures: number };
  return { reason: p.reason, since: new Date(p.since), retryAt: new Date(p.retryAt), failures: p.failures };
}

/** The workspace's pause, if its events are paused. */
export async function pauseOf(
  store: Store,
  platform: string,
  workspaceId: string,
): Promise<Pause | undefined> {
  return parse(await store.getState(pauseName(platform, workspaceId)));
}

/** The wait after `failures` refusals in a row: 5 min, 10, 20, … at most 6 h. */
export function backOffMs(failures: number): number {
  return Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
}

/** Records one more refusal; whether the workspace was not paused before (the one time to log it). */
export function pause(
  store: Store,
  ref: { platform: string; workspaceId: string },
  reason: string,
  at: Date,
): Promise<{ fresh: boolean; pause: Pause }> {
  const name = pauseName(ref.platform, ref.workspaceId);
  return store.updateState(
    [name],
    (values) => {
      const before = parse(values.get(name));
      const failures = (before?.failures ?? 0) + 1;
      const next: Pause = {
        reason,
        since: before?.since ?? at,
        retryAt: new Date(at.getTime() + backOffMs(failures)),
        failures,
      };
      return { set: { [name]: JSON.stringify(next) }, result: { fresh: !before, pause: next } };
    },
    at,
  );
}

/** Clears the pause; whether there was one. */
export function resume(
  store: Store,
  ref: { platform: string; workspaceId: string },
  at: Date,
): Promise<boolean> {
  const name = pauseName(ref.platform, ref.workspaceId);
  return store.updateState(
    [name],
    (values) => (values.get(name) ? { set: { [name]: "" }, result: true } : { set: {}, result: false }),
    at,
  );
}
