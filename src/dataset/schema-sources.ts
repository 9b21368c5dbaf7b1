/** A story's sources: what each statement cites, with the web address and publication it is known from. */
import { z } from "zod";
import { dateOrInstant, id } from "./schema-fields.js";

/**
 * A source's address: a web page, http: or https: only. Replies and the desk turn it into a link, so
 * a javascript:, data: or file: address would run or open something else than the source.
 */
const webAddress = z
  .url({
    protocol: /^https?$/,
    error: (issue) => {
      const input = typeof issue.input === "string" ? issue.input : "";
      const scheme = URL.canParse(input) ? new URL(input).protocol : undefined;
      return scheme && !/^https?:$/.test(scheme)
        ? `must be an http: or https: address, not ${scheme}`
        : "Invalid URL";
    },
  })
  .describe("The source's web address: http:// or https:// only.");

export const sourceSchema = z
  .object({
    id,
    title: z.string().min(1),
    publisher: z.string().min(1).optional(),
    url: webAddress.optional(),
    published: dateOrInstant.describe(
      "When it was published: a date, or the instant with its offset when the page gives a time (2025-03-01T23:28:00+00:00).",
    ),
    note: z.string().optional(),
    archive: z.string().optional().describe("The file holding its text in the validate --sources folder."),
  })
  .strict();
