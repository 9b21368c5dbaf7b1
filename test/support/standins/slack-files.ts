/**
 * Files on the Slack stand-in, by Slack's external upload flow
 * (https://docs.slack.dev/messaging/working-with-files#uploading_files): files.getUploadURLExternal
 * gives a file id and an upload URL (here on the stand-in's own server), the client POSTs the bytes
 * there, and files.completeUploadExternal finishes the upload, shared into `channel_id` when given.
 * Every completed file is recorded with its bytes; `refuseOnce()` makes a method answer an error as
 * Slack does (`not_in_channel`, `missing_scope`).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiHandler } from "./slack.js";

/** A file the client asked to upload: what it said of it, and the bytes once POSTed. */
export interface SlackUpload {
  id: string;
  filename: string;
  length: number;
  altText?: string;
  bytes?: Buffer;
  /** The multipart field the bytes came in (`@slack/web-api` sends `body`), or "raw". */
  field?: string;
}

/** A completed upload: the file and where it was shared (no channel: the uploader's alone). */
export interface SlackSharedFile extends SlackUpload {
  title?: string;
  channelId?: string;
  initialComment?: string;
}

export class StandInSlackFiles {
  readonly uploads = new Map<string, SlackUpload>();
  readonly completed: SlackSharedFile[] = [];
  private readonly refusals = new Map<string, string>();
  private next = 1;

  /** The next call of `method` (a files.* method) answers `{ ok: false, error }`. */
  refuseOnce(method: "files.getUploadURLExternal" | "files.completeUploadExternal", error: string): void {
    this.refusals.set(method, error);
  }

  private refusal(method: string): Record<string, unknown> | undefined {
    const error = this.refusals.get(method);
    if (error === undefined) return undefined;
    this.refusals.delete(method);
    return {
      ok: false,
      error,
      ...(error === "missing_scope" ? { needed: "files:write", provided: "commands" } : {}),
    };
  }

  /** files.getUploadURLExternal: a file id and the URL to POST its bytes to. */
  getUploadURL(fields: Record<string, string | undefined>, baseUrl: string): Record<string, unknown> {
    const refused = this.refusal("files.getUploadURLExternal");
    if (refused) return refused;
    if (!fields.filename || !Number(fields.length)) return { ok: false, error: "missing_argument" };
    const id = `F0STANDIN${String(this.next++).padStart(3, "0")}`;
    this.uploads.set(id, {
      id,
      filename: fields.filename,
      length: Number(fields.length),
      ...(fields.alt_text !== undefined ? { altText: fields.alt_text } : {}),
    });
    return { ok: true, upload_url: `${baseUrl}/upload/${id}`, file_id: id };
  }

  /** The POST of a file's bytes to its upload URL: multipart (one file part) or the raw body. */
  async receive(path: string, raw: Buffer, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const upload = this.uploads.get(path.replace(/^\/upload\//, ""));
    if (!upload || req.method !== "POST") {
      res.writeHead(404);
      res.end("not found");
      return;
    }
    const type = req.headers["content-type"] ?? "";
    if (type.startsWith("multipart/form-data")) {
      const form = await new Response(new Uint8Array(raw), { headers: { "content-type": type } }).formData();
      for (const [field, value] of form.entries()) {
        if (typeof value === "string") continue;
        upload.bytes = Buffer.from(await value.arrayBuffer());
        upload.field = field;
      }
    } else {
      upload.bytes = raw;
      upload.field = "raw";
    }
    res.writeHead(200, { "content-type": "text/plain" });
    res.end(`OK - ${upload.bytes?.length ?? 0}`);
  }

  /** files.completeUploadExternal: each listed file, uploaded in full, is completed (and shared). */
  complete(fields: Record<string, string | undefined>): Record<string, unknown> {
    const refused = this.refusal("files.completeUploadExternal");
    if (refused) return refused;
    let listed: { id: string; title?: string }[];
    try {
      listed = JSON.parse(fields.files ?? "[]");
    } catch {
      return { ok: false, error: "invalid_arguments" };
    }
    const files: Record<string, unknown>[] = [];
    for (const { id, title } of listed) {
      const upload = this.uploads.get(id);
      if (!upload?.bytes || upload.bytes.length !== upload.length)
        return { ok: false, error: "file_not_found" };
      const shared: SlackSharedFile = {
        ...upload,
        ...(title ? { title } : {}),
        ...(fields.channel_id ? { channelId: fields.channel_id } : {}),
        ...(fields.initial_comment ? { initialComment: fields.initial_comment } : {}),
      };
      this.completed.push(shared);
      files.push({ id, title: title ?? upload.filename, name: upload.filename, mimetype: "image/png" });
    }
    return { ok: true, files };
  }
}

/** The files.* methods of the stand-in's Web API. */
export const FILE_METHODS: Record<string, ApiHandler> = {
  "files.getUploadURLExternal": (f, standin) => standin.files.getUploadURL(f, standin.url),
  "files.completeUploadExternal": (f, standin) => standin.files.complete(f),
};
