/**
 * A guard in front of Bolt's HTTP receiver. Bolt 5 reads `body.ssl_check` before it checks that the
 * parsed body is an object, so a signed body of `null` (JSON `null`, or `payload=null`) throws in a
 * detached promise: an unhandled rejection that ends the process, and a request that never gets an
 * answer; other non-object bodies hang for 3 seconds and get a 404. The guard reads the body first
 * (the receiver reuses it), and answers what the receiver cannot handle itself: 401 when the signature
 * is not valid (as the receiver would), 400 when it is but the body is not a Slack payload (an object
 * with a `command` or a `type`, or an SSL check).
 *
 * A slash command's response is JSON (the answer in the ack, or an empty ack): the guard gives it that
 * content type, so that the listener can ack with JSON text it serialised once (./slash-commands.ts).
 *
 * While the bot stops (`accepting` false), it answers 503 to every new request to the events path, so
 * that Slack tells the user to try again rather than wait on a process that is going away.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { BufferedIncomingMessage } from "@slack/bolt";
import type { Logger } from "pino";
import {
  defaultBodyLimit,
  HTTPModuleFunctions,
  type HTTPReceiver,
  isRawBodyError,
  isValidSlackRequest,
} from "./bolt.js";

/** A body Bolt can route: a slash command, an interactive or Events API payload, or Slack's SSL check. */
function isPayloadObject(body: unknown): boolean {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return false;
  const fields = body as Record<string, unknown>;
  return typeof fields.command === "string" || typeof fields.type === "string" || fields.ssl_check === "1";
}

const FORM = "application/x-www-form-urlencoded";
/** A form field that makes a form body routable (a form always parses to an object). */
const ROUTABLE_FIELD = /(?:^|&)(?:command|type|ssl_check)=/;

/** A form field that makes a form a slash command. */
const COMMAND_FIELD = /(?:^|&)command=/;

/**
 * What the body is: a slash command, another payload Bolt can route, or nothing Bolt can route. A form
 * without `payload` (every slash command) is checked on its raw text, without parsing it twice; JSON
 * and `payload=` forms are parsed as Bolt will parse them.
 */
function bodyKind(req: BufferedIncomingMessage): "command" | "routable" | "unroutable" {
  const raw = req.rawBody.toString();
  if (req.headers["content-type"] === FORM && !/(?:^|&)payload=/.test(raw)) {
    if (COMMAND_FIELD.test(raw)) return "command";
    return ROUTABLE_FIELD.test(raw) ? "routable" : "unroutable";
  }
  try {
    return isPayloadObject(HTTPModuleFunctions.parseHTTPRequestBody(req)) ? "routable" : "unroutable";
  } catch {
    return "unroutable";
  }
}

function header(req: IncomingMessage, name: string): string {
  const value = req.headers[name];
  return typeof value === "string" ? value : "";
}

function answer(res: ServerResponse, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status);
  res.end();
}

/** Wraps the receiver's request listener for POSTs to `path`; other requests pass through untouched. */
export function guardRequests(
  receiver: HTTPReceiver,
  options: {
    signingSecret: string;
    path: string;
    log: Logger;
    bodyLimit?: number;
    /** False while the bot stops: new requests get 503. */
    accepting?: () => boolean;
  },
): void {
  const inner = receiver.requestListener;
  const limit = options.bodyLimit ?? defaultBodyLimit;
  const { log } = options;
  receiver.requestListener = (req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method?.toUpperCase() !== "POST" || path !== options.path) {
      inner(req, res);
      return;
    }
    if (options.accepting?.() === false) {
      res.setHeader("retry-after", "5");
      answer(res, 503);
      req.resume();
      return;
    }
    void (async () => {
      let buffered: BufferedIncomingMessage;
      try {
        buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, limit);
      } catch (err) {
        const tooLarge = isRawBodyError(err) && (err.type === "entity.too.large" || err.statusCode === 413);
        log.warn({ status: tooLarge ? 413 : 400 }, "slack request body could not be read");
        answer(res, tooLarge ? 413 : 400);
        return;
      }
      const kind = bodyKind(buffered);
      if (kind === "unroutable") {
        const signed = isValidSlackRequest({
          signingSecret: options.signingSecret,
          body: buffered.rawBody.toString(),
          headers: {
            "x-slack-signature": header(req, "x-slack-signature"),
            "x-slack-request-timestamp": Number(header(req, "x-slack-request-timestamp")),
          },
        });
        log.warn({ status: signed ? 400 : 401 }, "slack request rejected: the body is not a Slack payload");
        answer(res, signed ? 400 : 401);
        return;
      }
      // A slash command's ack is its answer as JSON text, serialised once per answer (./slash-commands.ts):
      // Bolt sends a text ack as it is, so the type is said here.
      if (kind === "command") res.setHeader("content-type", "application/json");
      inner(buffered, res);
    })().catch((err: unknown) => {
      log.error({ err }, "slack request failed");
      answer(res, 500);
    });
  };
}
