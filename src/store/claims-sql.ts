/**
 * The delivery ledger's writes, in both dialects: a row is claimed (or recorded as skipped) by an
 * insert that does nothing when the row exists, so only one caller ever gets it; its owner renews its
 * lease while working on it; a claim whose lease has ended is retaken by a compare-and-set on its
 * attempts; and a claimed row is finished once. See Store in store.ts for each method's contract.
 */
import type { PostgresConnection, SqliteConnection } from "./connections.js";
import type { DeliveryRef, Lease, NewDelivery, Outcome, Store } from "./store.js";
import { TurnBatch } from "./turn-batch.js";

type ClaimMethods = Pick<Store, "claim" | "skip" | "retake" | "renew" | "endLeases" | "finish">;

// SQLite

export class SqliteClaims implements ClaimMethods {
  constructor(private readonly sql: SqliteConnection) {}

  private insertDelivery(entry: NewDelivery, state: "claimed" | "skipped", reason: string | null, at: Date) {
    return this.sql
      .stmt(
        `INSERT INTO deliveries (key, platform, channel_id, kind, state, due_ms, marker, summary, owner, attempts, claimed_ms, finished_ms, reason, lease_ms)
         VALUES (@key, @platform, @channelId, @kind, @state, @due, @marker, @summary, @owner, @attempts, @at, @finished, @reason, @lease)
         ON CONFLICT (key, platform, channel_id) DO NOTHING`,
      )
      .run({
        key: entry.key,
        platform: entry.platform,
        channelId: entry.channelId,
        kind: entry.kind,
        state,
        due: entry.dueAt.getTime(),
        marker: entry.marker,
        summary: entry.summary,
        owner: entry.owner ?? null,
        attempts: state === "claimed" ? 1 : 0,
        at: at.getTime(),
        finished: state === "claimed" ? null : at.getTime(),
        reason,
        lease: (state === "claimed" ? (entry.leaseUntil ?? at) : at).getTime(),
      }).changes;
  }

  async claim(entry: NewDelivery, at: Date): Promise<boolean> {
    return this.insertDelivery(entry, "claimed", null, at) > 0;
  }

  async skip(entry: NewDelivery, reason: string, at: Date): Promise<boolean> {
    return this.insertDelivery(entry, "skipped", reason, at) > 0;
  }

  async retake(ref: DeliveryRef, seenAttempts: number, at: Date, lease?: Lease): Promise<boolean> {
    const r = this.sql
      .stmt(
        `UPDATE deliveries SET attempts = attempts + 1, claimed_ms = @at, owner = COALESCE(@owner, owner), lease_ms = @until
         WHERE key = @key AND platform = @platform AND channel_id = @channelId AND state = 'claimed'
           AND attempts = @seen AND (lease_ms <= @at OR owner = @owner)`,
      )
      .run({
        at: at.getTime(),
        owner: lease?.owner ?? null,
        until: (lease?.until ?? at).getTime(),
        key: ref.key,
        platform: ref.platform,
        channelId: ref.channelId,
        seen: seenAttempts,
      });
    return r.changes > 0;
  }

  async renew(refs: readonly DeliveryRef[], lease: Lease, at: Date): Promise<number> {
    const statement = this.sql.stmt(
      `UPDATE deliveries SET lease_ms = @until
         WHERE key = @key AND platform = @platform AND channel_id = @channelId AND state = 'claimed'
           AND owner = @owner AND lease_ms > @at`,
    );
    const renewAll = this.sql.db.transaction(() =>
      refs.reduce(
        (n, ref) =>
          n +
          statement.run({
            until: lease.until.getTime(),
            key: ref.key,
            platform: ref.platform,
            channelId: ref.channelId,
            owner: lease.owner,
            at: at.getTime(),
          }).changes,
        0,
      ),
    );
    return renewAll();
  }

  async endLeases(at: Date): Promise<number> {
    return this.sql
      .stmt("UPDATE deliveries SET lease_ms = ? WHERE state = 'claimed' AND lease_ms > ?")
      .run(at.getTime(), at.getTime()).changes;
  }

  async finish(ref: DeliveryRef, outcome: Outcome, at: Date): Promise<boolean> {
    const r = this.sql
      .stmt(
        `UPDATE deliveries SET state = ?, finished_ms = ?, message_id = ?, reason = ?
         WHERE key = ? AND platform = ? AND channel_id = ? AND state = 'claimed'`,
      )
      .run(
        outcome.state,
        at.getTime(),
        "messageId" in outcome ? outcome.messageId : null,
        "reason" in outcome ? outcome.reason : null,
        ref.key,
        ref.platform,
        ref.channelId,
      );
    return r.changes > 0;
  }
}

// PostgreSQL

/** A row of the ledger as a key, for a batch's calls about the same row. */
const rowKey = (ref: DeliveryRef): string => `${ref.platform}\u0000${ref.channelId}\u0000${ref.key}`;

/** For each of `refs`, whether a statement's RETURNING named its row. */
function answered(
  rows: { key: string; platform: string; channel_id: string }[],
  refs: DeliveryRef[],
): boolean[] {
  const named = new Set(
    rows.map((row) => rowKey({ key: row.key, platform: row.platform, channelId: row.channel_id })),
  );
  return refs.map((ref) => named.has(rowKey(ref)));
}

/** Calls about one row each: 256 rows' arrays stay far under PostgreSQL's limits. */
const BATCH_ROWS = 256;

export class PostgresClaims implements ClaimMethods {
  /** Claims and finishes asked in one turn go as one statement each (./turn-batch.ts). */
  private readonly claims = new TurnBatch<{ entry: NewDelivery; at: Date }, boolean>({
    run: (items) => this.claimRows(items),
    keyOf: (item) => rowKey(item.entry),
    max: BATCH_ROWS,
  });
  private readonly finishes = new TurnBatch<{ ref: DeliveryRef; outcome: Outcome; at: Date }, boolean>({
    run: (items) => this.finishRows(items),
    keyOf: (item) => rowKey(item.ref),
    max: BATCH_ROWS,
  });

  constructor(private readonly sql: PostgresConnection) {}

  /** Inserts the claims that are not rows yet; answers, for each, whether it was. */
  private async claimRows(items: { entry: NewDelivery; at: Date }[]): Promise<boolean[]> {
    // In one order for every process: two statements inserting the same rows in opposite orders
    // would each wait for the other (a deadlock).
    const keyed = items.map((item) => ({ item, key: rowKey(item.entry) }));
    keyed.sort((a, b) => (a.key < b.key ? -1 : 1));
    const column = <T>(f: (item: { entry: NewDelivery; at: Date }) => T): T[] => keyed.map((k) => f(k.item));
    const r = await this.sql.pool.query<{ key: string; platform: string; channel_id: string }>(
      `INSERT INTO deliveries (key, platform, channel_id, kind, state, due_at, marker, summary, owner, attempts, claimed_at, finished_at, reason, lease_until)
       SELECT key, platform, channel_id, kind, 'claimed', due_at, marker, summary, owner, 1, claimed_at, NULL, NULL, lease_until
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::text[],
                   $9::timestamptz[], $10::timestamptz[])
         AS r(key, platform, channel_id, kind, due_at, marker, summary, owner, claimed_at, lease_until)
       ON CONFLICT (key, platform, channel_id) DO NOTHING
       RETURNING key, platform, channel_id`,
      [
        column((x) => x.entry.key),
        column((x) => x.entry.platform),
        column((x) => x.entry.channelId),
        column((x) => x.entry.kind),
        column((x) => x.entry.dueAt),
        column((x) => x.entry.marker),
        column((x) => x.entry.summary),
        column((x) => x.entry.owner ?? null),
        column((x) => x.at),
        column((x) => x.entry.leaseUntil ?? x.at),
      ],
    );
    return answered(
      r.rows,
      items.map((item) => item.entry),
    );
  }

  /** Finishes the rows still claimed; answers, for each, whether it was. */
  private async finishRows(items: { ref: DeliveryRef; outcome: Outcome; at: Date }[]): Promise<boolean[]> {
    const column = <T>(f: (item: { ref: DeliveryRef; outcome: Outcome; at: Date }) => T): T[] => items.map(f);
    const r = await this.sql.pool.query<{ key: string; platform: string; channel_id: string }>(
      `UPDATE deliveries AS d
       SET state = r.state, finished_at = r.finished_at, message_id = r.message_id, reason = r.reason
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[])
         AS r(key, platform, channel_id, state, finished_at, message_id, reason)
       WHERE d.key = r.key AND d.platform = r.platform AND d.channel_id = r.channel_id AND d.state = 'claimed'
       RETURNING d.key, d.platform, d.channel_id`,
      [
        column((x) => x.ref.key),
        column((x) => x.ref.platform),
        column((x) => x.ref.channelId),
        column((x) => x.outcome.state),
        column((x) => x.at),
        column((x) => ("messageId" in x.outcome ? x.outcome.messageId : null)),
        column((x) => ("reason" in x.outcome ? x.outcome.reason : null)),
      ],
    );
    return answered(
      r.rows,
      items.map((item) => item.ref),
    );
  }

  claim(entry: NewDelivery, at: Date): Promise<boolean> {
    return this.claims.add({ entry, at });
  }

  async skip(entry: NewDelivery, reason: string, at: Date): Promise<boolean> {
    const r = await this.sql.pool.query(
      `INSERT INTO deliveries (key, platform, channel_id, kind, state, due_at, marker, summary, owner, attempts, claimed_at, finished_at, reason, lease_until)
       VALUES ($1, $2, $3, $4, 'skipped', $5, $6, $7, $8, 0, $9, $9, $10, $9)
       ON CONFLICT (key, platform, channel_id) DO NOTHING`,
      [
        entry.key,
        entry.platform,
        entry.channelId,
        entry.kind,
        entry.dueAt,
        entry.marker,
        entry.summary,
        entry.owner ?? null,
        at,
        reason,
      ],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async retake(ref: DeliveryRef, seenAttempts: number, at: Date, lease?: Lease): Promise<boolean> {
    const r = await this.sql.pool.query(
      `UPDATE deliveries SET attempts = attempts + 1, claimed_at = $1, owner = COALESCE($6, owner), lease_until = $7
       WHERE key = $2 AND platform = $3 AND channel_id = $4 AND state = 'claimed' AND attempts = $5
         AND (lease_until <= $1 OR owner = $6)`,
      [at, ref.key, ref.platform, ref.channelId, seenAttempts, lease?.owner ?? null, lease?.until ?? at],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async renew(refs: readonly DeliveryRef[], lease: Lease, at: Date): Promise<number> {
    if (refs.length === 0) return 0;
    const r = await this.sql.pool.query(
      `UPDATE deliveries AS d SET lease_until = $1
       FROM unnest($2::text[], $3::text[], $4::text[]) AS r(key, platform, channel_id)
       WHERE d.key = r.key AND d.platform = r.platform AND d.channel_id = r.channel_id
         AND d.state = 'claimed' AND d.owner = $5 AND d.lease_until > $6`,
      [
        lease.until,
        refs.map((x) => x.key),
        refs.map((x) => x.platform),
        refs.map((x) => x.channelId),
        lease.owner,
        at,
      ],
    );
    return r.rowCount ?? 0;
  }

  async endLeases(at: Date): Promise<number> {
    const r = await this.sql.pool.query(
      "UPDATE deliveries SET lease_until = $1 WHERE state = 'claimed' AND lease_until > $1",
      [at],
    );
    return r.rowCount ?? 0;
  }

  finish(ref: DeliveryRef, outcome: Outcome, at: Date): Promise<boolean> {
    return this.finishes.add({ ref, outcome, at });
  }
}
