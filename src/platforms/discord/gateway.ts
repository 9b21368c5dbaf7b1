/**
 * What the client's connections say, logged and counted: the gateway's disconnects, reconnects and
 * resumes, the client's errors and warnings, and every wait a rate limit (Discord's, or the shared
 * proxy's) imposes.
 */
import { type Client, Events } from "discord.js";
import type { Logger } from "pino";
import type { Metrics } from "../../monitoring/metrics.js";
import { errorFields } from "./errors.js";

export function watchConnections(client: Client, log: Logger, metrics: Metrics): void {
  client.on(Events.Error, (err) => log.error({ error: errorFields(err) }, "discord client error"));
  client.on(Events.Warn, (message) => log.warn({ message }, "discord client warning"));
  client.on(Events.ShardDisconnect, (event, shard) =>
    log.warn({ shard, code: event.code }, "gateway disconnected"),
  );
  client.on(Events.ShardReconnecting, (shard) => {
    metrics.reconnecting("discord");
    log.info({ shard }, "gateway reconnecting");
  });
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, "gateway resumed"));
  client.rest.on("restDebug", (message) => {
    // A 429 Discord did not announce is only reported as a debug text (which holds the URL, and so
    // the interaction token): log its bucket and wait time only. Behind the shared proxy there is none:
    // the proxy holds what is over a limit and waits out Discord's 429s itself (its log counts them).
    if (!message.includes("Encountered unexpected 429")) return;
    metrics.rateLimited("discord");
    log.warn(
      {
        route: /Bucket\s*:\s*(\S+)/.exec(message)?.[1],
        retryAfterMs: Number(/Retry After\s*:\s*(\d+)/.exec(message)?.[1]),
      },
      "rate limited by Discord: waiting",
    );
  });
  client.rest.on("rateLimited", (info) => {
    metrics.rateLimited("discord");
    log.warn(
      { route: info.route, method: info.method, retryAfter: info.retryAfter, global: info.global },
      "rate limited by Discord: waiting",
    );
  });
}
