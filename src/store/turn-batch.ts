/**
 * Calls made in one turn of the event loop, sent to the database as one statement. A fan-out asks the
 * ledger to claim, then to finish, one row per channel, 64 channels at once in each process: one
 * statement each is one round trip, and one commit, per row. Gathered, the calls of a turn share them,
 * and each still gets its own answer.
 *
 * The rows' order is kept: a call about a row already in the batch waits for the next statement, so it
 * sees what the first did, as it would have one call at a time. If a statement fails, each of its calls
 * fails with its error.
 */

export interface TurnBatchOptions<In, Out> {
  /** Runs one statement for `items` (no two with the same key) and gives each its answer, in order. */
  run: (items: In[]) => Promise<Out[]>;
  /** The row an item is about. */
  keyOf: (item: In) => string;
  /** Items in one statement, at most. */
  max: number;
}

interface Pending<In, Out> {
  item: In;
  resolve: (out: Out) => void;
  reject: (err: unknown) => void;
}

export class TurnBatch<In, Out> {
  private pending: Pending<In, Out>[] = [];
  private scheduled = false;

  constructor(private readonly options: TurnBatchOptions<In, Out>) {}

  /** Resolves with the item's own answer once the statement that holds it has run. */
  add(item: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          const calls = this.pending;
          this.pending = [];
          void this.runAll(calls);
        });
      }
    });
  }

  /** Runs `calls` as statements of distinct rows, one after the other. */
  private async runAll(calls: Pending<In, Out>[]): Promise<void> {
    let left = calls;
    while (left.length) {
      const batch: Pending<In, Out>[] = [];
      const later: Pending<In, Out>[] = [];
      const keys = new Set<string>();
      for (const call of left) {
        const key = this.options.keyOf(call.item);
        if (batch.length < this.options.max && !keys.has(key)) {
          keys.add(key);
          batch.push(call);
        } else later.push(call);
      }
      await this.runOne(batch);
      left = later;
    }
  }

  private async runOne(batch: Pending<In, Out>[]): Promise<void> {
    try {
      const answers = await this.options.run(batch.map((call) => call.item));
      if (answers.length !== batch.length)
        throw new Error(`a batch of ${batch.length} got ${answers.length} answers`);
      for (const [i, answer] of answers.entries()) batch[i]?.resolve(answer);
    } catch (err) {
      for (const call of batch) call.reject(err);
    }
  }
}
